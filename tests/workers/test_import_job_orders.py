"""A case import accepts the job orders the agency may recruit for, exactly those that
`job_orders_visible_to` lists for the agency, and refuses every other one alike."""

import pytest

from employers.job_orders.selectors import job_orders_visible_to
from tests import factories
from tests.workers.import_files import upload
from workers.imports.services import run_import
from workers.models import Import, Placement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("job_status", "sponsorship", "accepted"),
    [
        ("open", "approved", True),
        ("draft", "approved", False),
        ("filled", "approved", False),
        ("closed", "approved", False),
        ("open", "suspended", False),
        ("open", "revoked", False),
    ],
)
def test_the_import_asks_the_agencys_job_order_scope(job_status, sponsorship, accepted):
    agency = factories.AgencyFactory()
    staff = factories.agency_user(agency=agency)
    worker = factories.WorkerFactory(agency=agency)
    employer = factories.EmployerFactory(sponsorship_status=sponsorship)
    job_order = factories.JobOrderFactory(employer=employer, status=job_status)
    assert job_orders_visible_to(staff).filter(pk=job_order.pk).exists() is accepted
    content = f"passport_number,job_order\r\n{worker.passport_number},{job_order.pk}\r\n"
    record = Import.objects.create(agency=agency, kind="placements", file=upload(content.encode()))
    run_import(record.pk)
    record.refresh_from_db()
    if accepted:
        assert record.status == "done", record.errors
        assert Placement.objects.get(worker=worker).job_order == job_order
    else:
        assert record.errors == [
            {"row": 2, "column": "job_order", "message": "There is no open job order with this id."}
        ]
        assert not Placement.objects.exists()

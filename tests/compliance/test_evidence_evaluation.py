"""Evidence sent by the employer is judged as soon as it is saved."""

import pytest

from compliance.models import Finding
from tests.factories import months_ago
from tests.world import S, wage_body

pytestmark = pytest.mark.django_db


def test_an_underpaid_month_opens_a_finding_that_its_correction_leaves_open_until_paid(
    api, world, django_capture_on_commit_callbacks
):
    case = world.case(S.EMPLOYED)
    client = api.as_user(world.employer_a_user)
    month = months_ago(2)
    underpaid = wage_body(
        case,
        month,
        gross_rub="30000.00",
        tax_withheld_rub="9000.00",
        deductions_rub="0.00",
        net_paid_rub="21000.00",
        hours_worked="200",
        overtime_hours="0",
        employer_contributions_rub="9000.00",
    )
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post("/api/v1/wage-reports/", underpaid, format="json")
    assert created.status_code == 201, created.data
    finding = Finding.objects.get(rule__code="WAGE_UNDERPAID", placement=case)
    assert finding.status == "open" and finding.period == f"{month:%Y-%m}"

    with django_capture_on_commit_callbacks(execute=True):
        client.patch(
            f"/api/v1/wage-reports/{created.data['id']}/",
            {
                "gross_rub": "90000.00",
                "tax_withheld_rub": "27000.00",
                "net_paid_rub": "63000.00",
                "employer_contributions_rub": "27000.00",
            },
            format="json",
        )
    # The corrected report alone does not pay the worker: the shortfall stays owed until a
    # payment the worker confirms covers it (issue 13).
    finding.refresh_from_db()
    assert finding.status == "open"
    assert finding.entitlement.status == "open"

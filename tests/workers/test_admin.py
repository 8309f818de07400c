"""Support staff's admin pages for agencies, workers, cases and what hangs off a case: every
list opens, searches and filters in a bounded number of queries, records are read-only, and no
list shows a passport number in full."""

import pytest

from tests.admin_pages import change_page, changelist, support_world, walk_admin_list
from workers.models import Agency, Placement, Worker

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "label, search, filters",
    [
        ("workers.agency", lambda a: a.licence_number, lambda a: {"status__exact": a.status}),
        (
            "workers.agencymembership",
            lambda m: m.user.username,
            lambda m: {"agency__status__exact": m.agency.status},
        ),
        (
            "workers.agencydecision",
            lambda d: d.agency.licence_number,
            lambda d: {"decision__exact": d.decision},
        ),
        (
            "workers.worker",
            lambda w: w.passport_number,
            lambda w: {"state_of_origin__exact": w.state_of_origin},
        ),
        ("workers.placement", lambda p: p.reference, lambda p: {"status__exact": p.status}),
        (
            "workers.caseevent",
            lambda e: e.placement.reference,
            lambda e: {"to_status__exact": e.to_status},
        ),
        (
            "workers.document",
            lambda d: d.original_name,
            lambda d: {"verification_status__exact": d.verification_status},
        ),
        ("workers.grievance", lambda g: g.receipt, lambda g: {"category__exact": g.category}),
        ("workers.import", lambda i: i.agency.name, lambda i: {"kind__exact": i.kind}),
    ],
)
def test_support_staff_find_every_record_in_few_queries(admin_client, label, search, filters):
    walk_admin_list(admin_client, label, search, filters)


@pytest.mark.parametrize("label", ["workers.worker", "workers.placement"])
def test_lists_show_only_the_last_three_characters_of_a_passport_number(admin_client, label):
    worker = support_world()["workers.worker"]
    html = admin_client.get(changelist(label)).content.decode()
    assert worker.passport_number not in html
    assert f"*****{worker.passport_number[-3:]}" in html


def test_cases_and_workers_cannot_be_added_changed_or_deleted_here(admin_client):
    world = support_world()
    for model in (Worker, Placement):
        page = admin_client.get(change_page(world[f"workers.{model._meta.model_name}"]))
        assert page.context["has_change_permission"] is False
        assert page.context["has_delete_permission"] is False
        assert page.context["has_add_permission"] is False
    case = world["workers.placement"]
    refused = admin_client.post(change_page(case), {"status": "employed"})
    assert refused.status_code == 403
    case.refresh_from_db()
    assert case.status == "draft"


def test_support_staff_correct_an_agencys_contact_data_but_not_its_standing(admin_client):
    agency = support_world()["workers.agency"]
    form = admin_client.get(change_page(agency)).context["adminform"].form
    assert set(form.fields) == {"name", "address", "contact_email", "contact_phone"}
    response = admin_client.post(
        change_page(agency),
        {
            "name": agency.name,
            "address": "12 MG Road, Kochi",
            "contact_email": "desk@agency.example",
            "contact_phone": "",
            "status": "revoked",
            "decisions-TOTAL_FORMS": "1",
            "decisions-INITIAL_FORMS": "1",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    agency = Agency.objects.get(pk=agency.pk)
    assert agency.address == "12 MG Road, Kochi"
    assert agency.status == "active"

"""Support staff's admin pages for employers and the rulebook open, search and filter in a
bounded number of queries, and keep sponsorship and job orders out of hand-editing."""

import pytest
from django.test import Client
from django.urls import reverse

from compliance.rulebook.models import MinimumWage, Rule
from tests.admin_pages import change_page, support_world, walk_admin_list
from tests.factories import JobOrderFactory, superuser

pytestmark = pytest.mark.django_db


def test_admin_pages_open_for_support_staff():
    job_order = JobOrderFactory()
    client = Client()
    client.force_login(superuser())
    for url in (
        "/admin/employers/employer/",
        f"/admin/employers/employer/{job_order.employer.pk}/change/",
        "/admin/employers/joborder/",
        f"/admin/employers/joborder/{job_order.pk}/change/",
        "/admin/compliance/rule/",
        f"/admin/compliance/rule/{Rule.objects.first().pk}/change/",
        "/admin/compliance/minimumwage/",
        f"/admin/compliance/minimumwage/{MinimumWage.objects.first().pk}/change/",
    ):
        assert client.get(url).status_code == 200, url


def test_sponsorship_status_is_not_a_field_in_the_admin_form():
    job_order = JobOrderFactory()
    client = Client()
    client.force_login(superuser())
    response = client.get(f"/admin/employers/employer/{job_order.employer.pk}/change/")
    assert "sponsorship_status" not in response.context["adminform"].form.fields


@pytest.mark.parametrize(
    "label, search, filters",
    [
        ("employers.employer", lambda e: e.inn, lambda e: {"sector__exact": e.sector}),
        ("employers.joborder", lambda j: j.employer.inn, lambda j: {"status__exact": j.status}),
        (
            "employers.employermembership",
            lambda m: m.user.username,
            lambda m: {"employer__sponsorship_status__exact": m.employer.sponsorship_status},
        ),
        (
            "employers.sponsorshipdecision",
            lambda d: d.employer.inn,
            lambda d: {"to_status__exact": d.to_status},
        ),
    ],
)
def test_support_staff_find_every_record_in_few_queries(admin_client, label, search, filters):
    walk_admin_list(admin_client, label, search, filters)


def test_job_orders_and_decisions_are_read_only_here(admin_client):
    world = support_world()
    for label in ("employers.joborder", "employers.sponsorshipdecision"):
        page = admin_client.get(change_page(world[label]))
        assert page.context["has_change_permission"] is False, label
        assert page.context["has_delete_permission"] is False, label
    assert admin_client.get(reverse("admin:employers_employer_add")).status_code == 403

"""Support staff's admin pages for employers and the rulebook open, and keep sponsorship and
job-order status out of hand-editing."""

import pytest
from django.test import Client

from compliance.rulebook.models import MinimumWage, Rule
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

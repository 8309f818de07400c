"""The employer workspace and the officials' employer pages."""

from decimal import Decimal

import pytest
from django.test import Client

from employers.models import Employer, JobOrder, SponsorshipDecision
from employers.sponsorship.selectors import quota_in_use
from mobility.models import Side
from tests.factories import (
    EmployerFactory,
    JobOrderFactory,
    PlacementFactory,
    agency_user,
    employer_user,
    official_user,
)

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Welder",
    "occupation": "7212",
    "positions": "5",
    "monthly_wage_rub": "30000.00",
    "hours_per_week": "40",
    "overtime_rate": "1.5",
    "monthly_deduction_rub": "0",
    "work_region": "",
    "contract_months": "12",
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_workspace_shows_sponsorship_and_quota_use():
    employer = EmployerFactory(quota=60)
    job_order = JobOrderFactory(employer=employer)
    for status in ("contract_signed", "employed", "employed", "submitted", "completed"):
        PlacementFactory(job_order=job_order, status=status)
    response = signed_in(employer_user(employer)).get("/employer/")
    assert response.status_code == 200
    assert response.context["employer"].quota_used == 3
    page = response.content.decode()
    assert "3</strong> / 60" in page and "Approved" in page and job_order.title in page


@pytest.mark.parametrize("make_user", [agency_user, official_user])
def test_workspace_is_for_employer_staff_only(make_user):
    assert signed_in(make_user()).get("/employer/").status_code == 404


def test_employer_drafts_and_opens_a_job_order_from_the_pages():
    employer = EmployerFactory(region="RU-TA")
    client = signed_in(employer_user(employer))
    response = client.post("/employer/job-orders/new/", FORM)
    job_order = JobOrder.objects.get(employer=employer)
    assert response.status_code == 302 and job_order.work_region == "RU-TA"
    response = client.post(f"/employer/job-orders/{job_order.pk}/open/", follow=True)
    job_order.refresh_from_db()
    assert job_order.status == "open"
    assert "agencies can now recruit" in response.content.decode()


def test_opening_below_the_minimum_shows_the_rule_on_the_page():
    job_order = JobOrderFactory(status="draft", monthly_wage_rub=Decimal("30000"))
    client = signed_in(employer_user(job_order.employer))
    detail = client.get(f"/employer/job-orders/{job_order.pk}/").content.decode()
    assert "below the minimum wage" in detail
    response = client.post(f"/employer/job-orders/{job_order.pk}/open/", follow=True)
    assert "below the minimum wage" in response.content.decode()
    job_order.refresh_from_db()
    assert job_order.status == "draft"


def test_job_order_form_shows_field_errors():
    client = signed_in(employer_user())
    response = client.post("/employer/job-orders/new/", {**FORM, "positions": "0", "title": ""})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"positions", "title"}
    assert not JobOrder.objects.exists()


def test_another_employers_job_order_page_is_not_found():
    job_order = JobOrderFactory(status="draft")
    client = signed_in(employer_user())
    assert client.get(f"/employer/job-orders/{job_order.pk}/").status_code == 404
    assert client.post(f"/employer/job-orders/{job_order.pk}/open/").status_code == 404


def test_official_lists_employers_with_filters_and_search():
    EmployerFactory(legal_name="Alpha Build", region="RU-MOW", sponsorship_status="applied")
    EmployerFactory(legal_name="Beta Textiles", region="RU-SPE", sector="textiles")
    client = signed_in(official_user())
    page = client.get("/officials/employers/", {"sponsorship_status": "applied"})
    assert [e.legal_name for e in page.context["page"]] == ["Alpha Build"]
    page = client.get("/officials/employers/", {"q": "beta"})
    assert [e.legal_name for e in page.context["page"]] == ["Beta Textiles"]
    page = client.get("/officials/employers/", {"sector": "textiles", "region": "RU-SPE"})
    assert [e.legal_name for e in page.context["page"]] == ["Beta Textiles"]
    limited = signed_in(official_user(regions=["RU-SPE"]))
    assert [e.legal_name for e in limited.get("/officials/employers/").context["page"]] == [
        "Beta Textiles"
    ]


def test_employer_list_page_is_for_officials_only():
    assert signed_in(employer_user()).get("/officials/employers/").status_code == 404
    assert signed_in(agency_user()).get("/officials/employers/").status_code == 404


def test_decision_buttons_follow_the_decision_table():
    applied = EmployerFactory(sponsorship_status="applied")
    page = signed_in(official_user()).get(f"/officials/employers/{applied.pk}/")
    assert [kind for kind, _ in page.context["decision_forms"]] == ["approve", "reject"]
    suspended = EmployerFactory(sponsorship_status="suspended")
    page = signed_in(official_user()).get(f"/officials/employers/{suspended.pk}/")
    assert [kind for kind, _ in page.context["decision_forms"]] == ["approve", "revoke"]
    page = signed_in(official_user(Side.INDIA)).get(f"/officials/employers/{applied.pk}/")
    assert page.status_code == 200 and page.context["decision_forms"] == []


def test_official_approves_from_the_page_and_sees_the_history():
    employer = EmployerFactory(sponsorship_status="applied", quota=0)
    client = signed_in(official_user(username="ru-officer"))
    url = f"/officials/employers/{employer.pk}/decide/"
    asked = client.post(url, {"decision": "approve", "quota": "25"})
    assert "Approve" in asked.content.decode() and "sponsor?" in asked.content.decode()
    employer.refresh_from_db()
    assert employer.sponsorship_status == "applied"
    response = client.post(
        url, {"decision": "approve", "quota": "25", "confirm": "yes"}, follow=True
    )
    employer.refresh_from_db()
    assert (employer.sponsorship_status, employer.quota) == ("approved", 25)
    page = response.content.decode()
    assert "Decision recorded" in page and "ru-officer" in page
    assert {"field": "Sponsorship status", "from": "Applied", "to": "Approved"} in (
        response.context["history"][0]["changes"]
    )


def test_destructive_decision_needs_reason_and_confirmation_on_the_page():
    employer = EmployerFactory(sponsorship_status="approved")
    client = signed_in(official_user())
    url = f"/officials/employers/{employer.pk}/decide/"
    asked = client.post(url, {"decision": "suspend", "reason": "Wages unpaid"})
    assert "Suspend the sponsorship of" in asked.content.decode()
    client.post(url, {"decision": "suspend", "confirm": "yes"})
    employer.refresh_from_db()
    assert employer.sponsorship_status == "approved"
    client.post(url, {"decision": "suspend", "reason": "Wages unpaid", "confirm": "yes"})
    employer.refresh_from_db()
    assert employer.sponsorship_status == "suspended"
    assert SponsorshipDecision.objects.get().reason == "Wages unpaid"


def test_an_indian_official_finds_no_sponsorship_decision_to_make():
    employer = EmployerFactory(sponsorship_status="applied", quota=0)
    client = signed_in(official_user(Side.INDIA))
    url = f"/officials/employers/{employer.pk}/decide/"
    response = client.post(url, {"decision": "approve", "quota": "25", "confirm": "yes"})
    assert response.status_code == 404
    employer.refresh_from_db()
    assert employer.sponsorship_status == "applied" and not employer.decisions.exists()


def test_region_limited_official_does_not_find_an_employer_page_outside_their_regions():
    employer = EmployerFactory(region="RU-SPE", sponsorship_status="applied")
    client = signed_in(official_user(regions=["RU-MOW"]))
    assert client.get(f"/officials/employers/{employer.pk}/").status_code == 404
    url = f"/officials/employers/{employer.pk}/decide/"
    assert client.post(url, {"decision": "approve", "quota": "5"}).status_code == 404


def test_employer_edits_its_contact_details_but_not_its_registration():
    employer = EmployerFactory(contact_email="old@example.ru")
    client = signed_in(employer_user(employer, username="hr-lead"))
    response = client.post(
        "/employer/contact/",
        {"address": "Tverskaya 1", "contact_email": "new@example.ru", "contact_phone": "+7495"},
    )
    assert response.status_code == 302
    employer.refresh_from_db()
    assert (employer.contact_email, employer.address) == ("new@example.ru", "Tverskaya 1")
    bad = client.post("/employer/contact/", {"contact_email": "not-an-email"})
    assert bad.status_code == 200 and "contact_email" in bad.context["form"].errors


def test_ru_official_registers_an_employer_from_the_page():
    client = signed_in(official_user())
    body = {
        "legal_name": "Novaya Stroika LLC",
        "inn": "7707083893",
        "ogrn": "1027700132195",
        "region": "RU-MOW",
        "sector": "construction",
    }
    response = client.post("/officials/employers/new/", {**body, "inn": "7707083894"})
    assert response.status_code == 200 and "inn" in response.context["form"].errors
    response = client.post("/officials/employers/new/", body)
    employer = Employer.objects.get(inn="7707083893")
    assert response.status_code == 302 and employer.sponsorship_status == "applied"


def test_only_ru_officials_covering_the_region_register_employers_from_the_page():
    body = {
        "legal_name": "X LLC",
        "inn": "7707083893",
        "ogrn": "1027700132195",
        "region": "RU-SPE",
        "sector": "textiles",
    }
    assert signed_in(official_user(Side.INDIA)).get("/officials/employers/new/").status_code == 404
    limited = signed_in(official_user(regions=["RU-MOW"]))
    response = limited.post("/officials/employers/new/", body)
    assert response.status_code == 200 and "region" in response.context["form"].errors
    assert not Employer.objects.exists()


def test_quota_in_use_counts_cases_from_contract_to_employment():
    employer = EmployerFactory()
    job_order = JobOrderFactory(employer=employer)
    for status in ("accepted", "contract_signed", "visa_issued", "departed", "arrived"):
        PlacementFactory(job_order=job_order, status=status)
    PlacementFactory(job_order=JobOrderFactory(employer=employer), status="employed")
    PlacementFactory(job_order=JobOrderFactory(), status="employed")
    assert quota_in_use(employer.pk) == 5


def test_employer_filters_refresh_only_the_results_under_htmx():
    EmployerFactory(legal_name="Alpha Build", sponsorship_status="applied")
    EmployerFactory(legal_name="Beta Build")
    response = signed_in(official_user()).get(
        "/officials/employers/", {"sponsorship_status": "applied"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "<html" not in page and "Alpha Build" in page and "Beta Build" not in page

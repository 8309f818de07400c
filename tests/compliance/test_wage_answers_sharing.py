"""A worker's wage dispute stays with the officials until one of them shares it with the
employer (fear of retaliation is why workers stay silent); the worker answers on the status
page, told so before answering."""

from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.models import Finding, WageAnswer, WageReport
from tests import factories
from tests.compliance.wage_answer_fixtures import *  # noqa: F403
from tests.compliance.wage_answer_fixtures import BIRTH, OTHER_BIRTH, dispute, key
from workers.models import Grievance
from workers.status.throttles import StatusThrottle

pytestmark = pytest.mark.django_db
RULE = "WAGE_DISPUTED_BY_WORKER"
PAGE = "/status/wages/"
PRIVACY = (
    "Your employer will not see that you said a month was not as shown unless an official "
    "decides to share it."
)


@pytest.fixture
def disputed(api, paid_case):
    """The owner's worker says only 25,000 of October's 40,000 arrived."""
    assert dispute(api, paid_case, received="25000").status_code == 200
    return Finding.objects.get(rule__code=RULE), Grievance.objects.get()


def finding_ids(api, user) -> list[int]:
    response = api.as_user(user).get("/api/v1/findings/", {"rule": RULE})
    assert response.status_code == 200
    return [row["id"] for row in response.json()["results"]]


def grievance_ids(api, user) -> list[int]:
    response = api.as_user(user).get("/api/v1/grievances/")
    assert response.status_code == 200
    return [row["id"] for row in response.json()["results"]]


def test_officials_read_the_dispute_the_employer_and_agency_do_not(api, world, disputed):
    finding, grievance = disputed
    assert finding_ids(api, world.official) == [finding.pk]
    assert finding_ids(api, world.official_mow) == [finding.pk]
    assert grievance_ids(api, world.official) == [grievance.pk]
    for user in (world.employer_a_user, world.agency_a_user, world.employer_b_user):
        assert finding_ids(api, user) == []
        assert api.as_user(user).get(f"/api/v1/findings/{finding.pk}/").status_code == 404
    # Not even that a grievance exists: the month would tell whose it is.
    assert grievance_ids(api, world.employer_a_user) == []
    assert (
        api.as_user(world.employer_a_user).get(f"/api/v1/grievances/{grievance.pk}/").status_code
        == 404
    )


def test_the_employers_pages_do_not_show_an_unshared_dispute(client, world, disputed):
    finding, grievance = disputed
    client.force_login(world.employer_a_user)
    assert "Wage disputed by the worker" not in client.get("/employer/findings/").content.decode()
    page = client.get("/employer/grievances/").content.decode()
    assert "No grievances." in page and grievance.receipt not in page
    assert client.get(f"/findings/{finding.pk}/").status_code == 404


def test_other_grievances_still_show_the_employer_that_they_exist(api, world, paid_case, disputed):
    """A grievance filed with the complaint form keeps SPEC §3: the employer sees it exists."""
    other = factories.GrievanceFactory(placement=paid_case)
    assert grievance_ids(api, world.employer_a_user) == [other.pk]
    row = api.as_user(world.employer_a_user).get("/api/v1/grievances/").json()["results"][0]
    assert "description" not in row and "placement" not in row


def test_an_official_shares_the_dispute_through_the_api(api, world, disputed):
    finding, grievance = disputed
    response = api.as_user(world.official).post(f"/api/v1/findings/{finding.pk}/share/")
    assert response.status_code == 200
    assert response.json()["id"] == finding.pk
    grievance.refresh_from_db()
    assert grievance.shared_with_employer
    assert finding_ids(api, world.employer_a_user) == [finding.pk]
    shared = api.as_user(world.employer_a_user).get(f"/api/v1/grievances/{grievance.pk}/")
    assert shared.status_code == 200
    assert "25,000 RUB" in shared.json()["description"]
    assert shared.json()["placement_reference"] == finding.placement.reference
    assert finding_ids(api, world.employer_b_user) == []
    assert grievance_ids(api, world.employer_b_user) == []
    # Sharing twice changes nothing more.
    again = api.as_user(world.official).post(f"/api/v1/findings/{finding.pk}/share/")
    assert again.status_code == 200


def test_only_officials_share_and_only_a_workers_dispute(api, world, paid_case, disputed):
    finding, grievance = disputed
    assert (
        api.as_user(world.employer_a_user).post(f"/api/v1/findings/{finding.pk}/share/").status_code
        == 404
    )
    other = factories.FindingFactory(placement=paid_case, code="WAGE_UNDERPAID")
    refused = api.as_user(world.official).post(f"/api/v1/findings/{other.pk}/share/")
    assert refused.status_code == 409
    grievance.refresh_from_db()
    assert not grievance.shared_with_employer
    # A shared dispute seen by the employer still cannot be shared by it.
    api.as_user(world.official).post(f"/api/v1/findings/{finding.pk}/share/")
    assert (
        api.as_user(world.employer_a_user).post(f"/api/v1/findings/{finding.pk}/share/").status_code
        == 403
    )


def test_an_official_shares_from_the_finding_page_after_confirming(client, world, disputed):
    finding, grievance = disputed
    client.force_login(world.official)
    page = client.get(f"/findings/{finding.pk}/").content.decode()
    assert "Not shared: the employer does not know the worker disputed this month." in page
    assert "October 2025" in page and "15,000 RUB" in page
    asked = client.post(f"/findings/{finding.pk}/", {"move": "share"})
    assert asked.status_code == 200
    assert "Share this dispute with the employer?" in asked.content.decode()
    grievance.refresh_from_db()
    assert not grievance.shared_with_employer
    done = client.post(f"/findings/{finding.pk}/", {"move": "share", "confirm": "yes"})
    assert done.status_code == 302
    grievance.refresh_from_db()
    assert grievance.shared_with_employer
    page = client.get(f"/findings/{finding.pk}/").content.decode()
    assert "Shared with the employer: it sees this finding" in page

    client.force_login(world.employer_a_user)
    assert client.get(f"/findings/{finding.pk}/").status_code == 200
    assert "Wage disputed by the worker" in client.get("/employer/findings/").content.decode()
    assert grievance.placement.reference in client.get("/employer/grievances/").content.decode()


def test_other_findings_show_no_share_button(client, world, paid_case):
    other = factories.FindingFactory(placement=paid_case, code="WAGE_UNDERPAID")
    client.force_login(world.official)
    assert "Share with the employer" not in client.get(f"/findings/{other.pk}/").content.decode()


def test_the_grievance_page_share_shares_the_finding_too(client, api, world, disputed):
    finding, grievance = disputed
    client.force_login(world.official)
    page = client.get(f"/officials/grievances/{grievance.pk}/").content.decode()
    assert "The worker's answer on a month's wage" in page
    assert f'href="/findings/{finding.pk}/"' in page
    client.post(f"/officials/grievances/{grievance.pk}/", {"move": "share", "confirm": "yes"})
    assert finding_ids(api, world.employer_a_user) == [finding.pk]


def lookup(client, case, born=BIRTH, **kw):
    return client.post("/status/", key(case, born), **kw)


def test_the_status_page_shows_your_wages_and_the_privacy_notice_first(client, paid_case):
    page = lookup(client, paid_case).content.decode()
    assert "Your wages" in page
    assert page.index(PRIVACY) < page.index('name="answer"')
    assert "October 2025" in page and "November 2025" in page
    assert "40,000 RUB" in page and "18,000 RUB" in page and "60,000 RUB" in page
    assert "Accommodation, as your job offer says: up to 2,000 RUB a month" in page
    assert "5 November 2025" in page
    assert page.count('action="/status/wages/#wage-') == 2


def test_the_status_page_reads_in_russian(client, paid_case):
    page = lookup(client, paid_case, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "40\xa0000 руб." in page and "Октябрь 2025" in page


def page_answer(client, case, born=BIRTH, **body):
    return client.post(PAGE, {**key(case, born), "month": "2025-10", **body})


def test_the_worker_disputes_a_month_on_the_page(client, paid_case):
    response = page_answer(
        client, paid_case, answer="disputed", received_rub="25000", note="Only cash."
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Thank you. Your answer is saved." in page
    assert "You said you received" in page and "25,000 RUB" in page
    assert Finding.objects.filter(rule__code=RULE).count() == 1
    assert Grievance.objects.get().description.endswith("Only cash.")


def test_the_worker_confirms_and_changes_the_answer_on_the_page(client, paid_case):
    page_answer(client, paid_case, answer="disputed", received_rub="25000")
    response = page_answer(client, paid_case, answer="confirmed", received_rub="")
    assert response.status_code == 200
    assert "Received as shown" in response.content.decode()
    assert Grievance.objects.get().status == "resolved"


def test_a_dispute_without_the_amount_is_refused_on_the_page(client, paid_case):
    response = page_answer(client, paid_case, answer="disputed", received_rub="")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Say how many roubles you actually received for this month." in page
    assert not WageAnswer.objects.exists() and not Grievance.objects.exists()


def test_the_page_refuses_a_change_after_an_official_acted(client, world, paid_case):
    page_answer(client, paid_case, answer="disputed", received_rub="25000")
    Grievance.objects.update(status="investigating", acknowledged_at=timezone.now())
    response = page_answer(client, paid_case, answer="confirmed")
    assert response.status_code == 409
    page = response.content.decode()
    assert "can no longer be changed" in page
    assert Grievance.objects.get().status == "investigating"


def test_a_wrong_key_on_the_page_gives_the_lookups_answer(client, paid_case):
    expected = lookup(client, paid_case, OTHER_BIRTH)
    response = page_answer(client, paid_case, OTHER_BIRTH, answer="disputed", received_rub="1")
    assert response.status_code == expected.status_code == 404
    assert "40,000" not in response.content.decode()
    assert not WageAnswer.objects.exists() and not Grievance.objects.exists()


def test_the_page_is_rate_limited_like_the_lookup(client, paid_case, monkeypatch):
    monkeypatch.setattr(
        StatusThrottle,
        "THROTTLE_RATES",
        {**StatusThrottle.THROTTLE_RATES, "status_reference": "1/min"},
    )
    assert page_answer(client, paid_case, answer="confirmed").status_code == 200
    refused = page_answer(client, paid_case, answer="disputed", received_rub="1")
    assert refused.status_code == 429
    assert WageAnswer.objects.count() == 1 and not Grievance.objects.exists()


def test_a_month_past_its_days_reads_not_answered(client, paid_case):
    WageReport.objects.update(created_at=timezone.now() - timedelta(days=15))
    assert "Not answered" in lookup(client, paid_case).content.decode()

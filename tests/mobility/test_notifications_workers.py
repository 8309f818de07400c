"""Workers hear by SMS, in their own language, of a month's pay reported (to answer it on
/status/) and of their grievance's news; employers hear on day 15 of the wage reports due."""

import re

import pytest

from compliance.evidence.notifications import remind_wage_reports_due
from compliance.grievances import services as grievances
from mobility.access import actor_for
from mobility.notifications.models import Notification
from tests import factories
from tests.factories import months_ago, today
from tests.world import wage_body

pytestmark = pytest.mark.django_db

DEVANAGARI = re.compile("[\u0900-\u097f]")
CYRILLIC = re.compile("[\u0400-\u04ff]")


def _employed(world, language: str):
    worker = factories.WorkerFactory(agency=world.agency_a, preferred_language=language)
    return factories.PlacementFactory(employed=True, worker=worker, job_order=world.job_a)


@pytest.mark.parametrize("language, script", [("hi", DEVANAGARI), ("ru", CYRILLIC)])
def test_a_reported_month_asks_the_worker_in_their_language_to_answer_it(
    api, world, mailoutbox, language, script
):
    placement = _employed(world, language)
    response = api.as_user(world.employer_a_user).post(
        "/api/v1/wage-reports/",
        wage_body(placement, months_ago(1), paid_on=today().isoformat()),
        format="json",
    )
    assert response.status_code == 201, response.json()
    sms = Notification.objects.get(case_id=placement.pk, event="wage_month_reported")
    assert (sms.channel, sms.language, sms.address) == ("sms", language, "+919876543210")
    assert sms.text.startswith(f"{placement.reference}: ")
    assert sms.text.endswith("http://127.0.0.1:8000/status/")
    # The month is written the worker's way (the site's own month names in that language).
    assert script.search(sms.text), sms.text
    # Money in the worker's grouping: 40 000 in Russian, 40,000 in Hindi.
    assert ("40\xa0000" if language == "ru" else "40,000") in sms.text


def test_a_refused_wage_report_texts_nobody(api, world):
    placement = _employed(world, "hi")
    body = wage_body(placement, months_ago(-1), paid_on=today().isoformat())
    response = api.as_user(world.employer_a_user).post("/api/v1/wage-reports/", body, format="json")
    assert response.status_code == 400
    assert not Notification.objects.exists()


def test_grievance_news_reaches_the_worker_once_each(world, django_capture_on_commit_callbacks):
    placement = _employed(world, "ru")
    grievance = factories.GrievanceFactory(placement=placement)
    official = actor_for(world.official)
    with django_capture_on_commit_callbacks(execute=True):
        grievances.start_investigation(actor=official, grievance_id=grievance.pk)
        grievances.close_grievance(
            actor=official,
            grievance_id=grievance.pk,
            status="resolved",
            outcome="",
            standard_outcome="wages_paid",
        )
    sent = Notification.objects.filter(case_id=placement.pk).order_by("pk")
    assert [(n.event, n.language, n.status) for n in sent] == [
        ("grievance_acknowledged", "ru", "sent"),
        ("grievance_closed", "ru", "sent"),
    ]
    assert all(grievance.receipt in n.text and n.text.endswith("/status/") for n in sent)
    # The SMS names the receipt, never what the complaint says.
    assert all(grievance.description not in n.text for n in sent)


def test_a_refused_grievance_move_texts_nobody(world):
    grievance = factories.GrievanceFactory(placement=_employed(world, "hi"))
    with pytest.raises(Exception, match="Only officials"):
        grievances.start_investigation(
            actor=actor_for(world.employer_a_user), grievance_id=grievance.pk
        )
    assert not Notification.objects.exists()


def test_employers_hear_on_day_15_of_the_reports_due_by_day_20_once(
    world, django_capture_on_commit_callbacks, mailoutbox
):
    world.employer_a_user.email = "pay@employer-a.example"
    world.employer_a_user.save()
    world.employer_b_user.email = "pay@employer-b.example"
    world.employer_b_user.save()
    on = today().replace(day=15)
    month = months_ago(1)
    unreported = [_employed(world, "en") for _ in range(2)]
    reported = _employed(world, "en")
    factories.WageReportFactory(placement=reported, month=month)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_wage_reports_due(on) == 1
        assert remind_wage_reports_due(on) == 1
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["pay@employer-a.example"]
    # Russian by default for an employer; the figures are the hand count of the cases above.
    assert re.search(r"\b2\b", message.body) and "/employer/wages/due/" in message.body
    assert all(p.reference not in message.body for p in unreported)
    told = Notification.objects.get(event="wage_reports_due")
    assert (told.language, told.user_id) == ("ru", world.employer_a_user.pk)

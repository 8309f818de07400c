"""What is owed (issue 13): every money finding opens an entitlement; payments recorded by
whoever owes count once the worker confirms them; the finding closes only when nothing is
outstanding or an official waives it.

The compliant case's October 2025 report owes 42,000 net (60,000 gross less 18,000 income tax);
with nothing paid, WAGE_UNPAID finds all 42,000 outstanding on ON (25 November 2025). Pay was
due on 15 November (15 days after the month's end)."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.core.cache import cache
from django.utils import timezone

from compliance.entitlements.models import Entitlement, Payment
from compliance.findings import services as findings
from compliance.models import Finding, FindingStatus, WageReport
from mobility.access import actor_for
from mobility.errors import RequirementsUnmet
from tests import factories
from tests.compliance.rule_helpers import check, compliant_case

pytestmark = pytest.mark.django_db
OCTOBER = date(2025, 10, 1)
BIRTH = date(1995, 5, 17)  # the factory's worker


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def unpaid_case(world=None, *, peer=False, **fields):
    """A case of agency A on employer A's job (B's with `peer`) whose October is unpaid."""
    if world is not None:
        agency, job = (world.agency_b, world.job_b) if peer else (world.agency_a, world.job_a)
        fields.update(job_order=job, worker=factories.WorkerFactory(agency=agency))
    case = compliant_case(**fields)
    WageReport.objects.filter(placement=case, month=OCTOBER).update(
        net_paid_rub=D("0"), paid_on=None
    )
    check(case)
    return case


def owed(case, code="WAGE_UNPAID") -> Entitlement:
    return Entitlement.objects.get(placement=case, finding__rule__code=code)


def pay(api, user, entitlement, amount, paid_on="2025-11-30", **body):
    return api.as_user(user).post(
        f"/api/v1/entitlements/{entitlement.pk}/payments/",
        {"amount": amount, "paid_on": paid_on, "method": "bank_transfer", **body},
        format="json",
    )


def answer(api, case, payment_id, said, birth=BIRTH):
    return api.post(
        "/api/v1/status/entitlements/answer/",
        {
            "reference": case.reference,
            "date_of_birth": birth.isoformat(),
            "payment": payment_id,
            "answer": said,
        },
        format="json",
    )


# Opening and following the finding


def test_an_unpaid_month_opens_an_entitlement_owed_by_the_employer():
    case = unpaid_case()
    entitlement = owed(case)
    assert (entitlement.kind, entitlement.period, entitlement.currency) == (
        "unpaid_wages",
        "2025-10",
        "RUB",
    )
    assert entitlement.amount_owed == D("42000.00")
    assert entitlement.outstanding == D("42000.00")
    assert entitlement.owed_by == "employer"
    assert entitlement.due_on == date(2025, 11, 15)
    assert entitlement.status == "open"
    assert "136" in entitlement.legal_source


def test_while_the_finding_is_open_the_amount_follows_its_evidence():
    """The employer reports 30,000 paid after all: 12,000 is what the finding now says."""
    case = unpaid_case()
    WageReport.objects.filter(placement=case, month=OCTOBER).update(
        net_paid_rub=D("30000"), paid_on=date(2025, 11, 20)
    )
    check(case)
    assert owed(case).amount_owed == D("12000.00")
    assert Entitlement.objects.filter(placement=case).count() == 1


def test_a_recruitment_fee_is_owed_in_rupees_by_the_agency():
    case = compliant_case(recruitment_fee_inr=D("45000"))
    check(case)
    entitlement = owed(case, "RECRUITMENT_FEE_CHARGED")
    assert (entitlement.amount_owed, entitlement.currency, entitlement.owed_by) == (
        D("45000.00"),
        "INR",
        "agency",
    )
    assert entitlement.due_on is None


def test_excessive_deductions_owe_what_was_deducted_above_the_cap():
    """60,000 gross, 18,000 tax: 42,000 after tax, of which 20 % (8,400) may be deducted;
    10,000 deducted is 1,600 above the cap."""
    case = compliant_case()
    report = WageReport.objects.get(placement=case, month=OCTOBER)
    report.deductions_rub = D("10000")
    report.net_paid_rub = D("32000")
    report.save()
    check(case)
    assert owed(case, "WAGE_DEDUCTIONS_EXCESSIVE").amount_owed == D("1600.00")


def test_a_late_final_settlement_owes_the_whole_final_month_from_the_day_after_the_end():
    """Work ended on 20 October; everything owed was due then, with a day's grace (the
    rule's `grace_days`): the whole 42,000 of October, due on 21 October."""
    case = unpaid_case(status="completed", end_date=date(2025, 10, 20))
    entitlement = owed(case, "WAGE_FINAL_SETTLEMENT_LATE")
    assert (entitlement.kind, entitlement.amount_owed, entitlement.due_on) == (
        "final_settlement",
        D("42000.00"),
        date(2025, 10, 21),
    )


# The engine does not close money by itself


def test_a_corrected_report_does_not_close_the_finding_while_money_is_outstanding():
    case = unpaid_case()
    WageReport.objects.filter(placement=case, month=OCTOBER).update(
        net_paid_rub=D("42000"), paid_on=date(2025, 11, 20)
    )
    check(case)
    finding = owed(case).finding
    assert finding.status == FindingStatus.OPEN
    assert owed(case).outstanding == D("42000.00")


def test_the_workers_confirmation_of_the_whole_amount_resolves_the_finding(api, world):
    case = unpaid_case(world)
    entitlement = owed(case)
    response = pay(api, world.employer_a_user, entitlement, "42000.00", reference="TX-1")
    assert response.status_code == 201, response.content
    assert response.json()["answer"] == "pending"
    assert owed(case).outstanding == D("42000.00")  # not counted before the worker says so
    confirmed = answer(api, case, response.json()["id"], "confirmed")
    assert confirmed.status_code == 200, confirmed.content
    entitlement.refresh_from_db()
    assert (entitlement.status, entitlement.outstanding) == ("paid", D("0"))
    finding = entitlement.finding
    finding.refresh_from_db()
    assert (finding.status, finding.close_reason) == ("resolved", "paid in full")
    # The report still shows October unpaid, but the finding stays closed: the worker said so.
    check(case)
    assert Finding.objects.filter(placement=case, rule__code="WAGE_UNPAID").count() == 1


def test_part_paid_and_confirmed_leaves_the_rest_outstanding(api, world):
    case = unpaid_case(world)
    entitlement = owed(case)
    payment = pay(api, world.employer_a_user, entitlement, "30000.00").json()
    answer(api, case, payment["id"], "confirmed")
    entitlement.refresh_from_db()
    assert (entitlement.status, entitlement.paid_accepted, entitlement.outstanding) == (
        "partly_paid",
        D("30000.00"),
        D("12000.00"),
    )
    assert entitlement.finding.status == FindingStatus.OPEN
    body = api.as_user(world.employer_a_user).get(f"/api/v1/entitlements/{entitlement.pk}/").json()
    assert (body["amount_owed"], body["paid_accepted"], body["outstanding"]) == (
        "42000.00",
        "30000.00",
        "12000.00",
    )


def test_a_disputed_payment_does_not_count(api, world):
    case = unpaid_case(world)
    entitlement = owed(case)
    payment = pay(api, world.employer_a_user, entitlement, "42000.00").json()
    assert answer(api, case, payment["id"], "disputed").status_code == 200
    entitlement.refresh_from_db()
    assert (entitlement.status, entitlement.outstanding) == ("open", D("42000.00"))
    assert Payment.objects.get(pk=payment["id"]).answer == "disputed"
    # Answered once: the worker cannot turn it into a confirmation afterwards.
    assert answer(api, case, payment["id"], "confirmed").status_code == 409


def test_outstanding_is_never_below_zero_when_the_evidence_falls_under_what_was_paid(api, world):
    case = unpaid_case(world)
    payment = pay(api, world.employer_a_user, owed(case), "30000.00").json()
    answer(api, case, payment["id"], "confirmed")
    # The employer's correction says only 10,000 was ever owed.
    WageReport.objects.filter(placement=case, month=OCTOBER).update(
        net_paid_rub=D("32000"), paid_on=date(2025, 11, 20)
    )
    check(case)
    entitlement = owed(case)
    assert entitlement.amount_owed == D("10000.00")
    assert (entitlement.outstanding, entitlement.status) == (D("0"), "paid")


def test_a_payment_above_what_is_outstanding_is_refused_and_nothing_written(api, world):
    case = unpaid_case(world)
    entitlement = owed(case)
    response = pay(api, world.employer_a_user, entitlement, "42000.01")
    assert response.status_code == 400
    assert "more than is still to be paid" in str(response.json())
    assert not Payment.objects.exists()


def test_two_payments_waiting_for_the_worker_cannot_cover_the_same_money(api, world):
    case = unpaid_case(world)
    entitlement = owed(case)
    assert pay(api, world.employer_a_user, entitlement, "40000.00").status_code == 201
    assert pay(api, world.employer_a_user, entitlement, "2000.01").status_code == 400
    assert pay(api, world.employer_a_user, entitlement, "2000.00").status_code == 201
    assert Payment.objects.count() == 2


@pytest.mark.parametrize(
    "body",
    [
        {"amount": "0", "paid_on": "2025-11-30", "method": "cash"},
        {"amount": "-5", "paid_on": "2025-11-30", "method": "cash"},
        {"amount": "ten", "paid_on": "2025-11-30", "method": "cash"},
        {"amount": "100", "paid_on": "30.11.2025", "method": "cash"},
        {"amount": "100", "paid_on": "2025-11-30", "method": "cheque"},
        {"amount": "100", "method": "cash"},
        {"amount": "100", "paid_on": "2999-01-01", "method": "cash"},
        {"amount": "1e400", "paid_on": "2025-11-30", "method": "cash"},
    ],
)
def test_a_bad_payment_is_a_400_that_writes_nothing(api, world, body):
    entitlement = owed(unpaid_case(world))
    response = api.as_user(world.employer_a_user).post(
        f"/api/v1/entitlements/{entitlement.pk}/payments/", body, format="json"
    )
    assert response.status_code == 400, response.content
    assert not Payment.objects.exists()


# Closing by an official


def test_an_official_cannot_resolve_a_money_finding_while_money_is_outstanding(world):
    finding = owed(unpaid_case(world)).finding
    with pytest.raises(RequirementsUnmet, match="still owed"):
        findings.close_finding(
            actor=actor_for(world.official), finding_id=finding.pk, move="resolve", reason="ok"
        )
    finding.refresh_from_db()
    assert finding.status == FindingStatus.OPEN


def test_waiving_the_finding_waives_what_it_owed(world):
    entitlement = owed(unpaid_case(world))
    findings.close_finding(
        actor=actor_for(world.official),
        finding_id=entitlement.finding_id,
        move="waive",
        reason="Paid in cash before the pact applied; receipts seen.",
    )
    entitlement.refresh_from_db()
    assert entitlement.status == "waived"
    assert entitlement.waive_reason.startswith("Paid in cash")


def test_an_official_waives_an_entitlement_with_a_reason(api, world):
    entitlement = owed(unpaid_case(world))
    url = f"/api/v1/entitlements/{entitlement.pk}/waive/"
    assert api.as_user(world.official).post(url, {}, format="json").status_code == 400
    assert api.as_user(world.employer_a_user).post(url, {"reason": "x"}).status_code == 403
    response = api.as_user(world.official).post(url, {"reason": "Double-counted month."})
    assert response.status_code == 200
    assert response.json()["status"] == "waived"
    entitlement.finding.refresh_from_db()
    assert entitlement.finding.status == FindingStatus.WAIVED
    assert pay(api, world.employer_a_user, entitlement, "1.00").status_code == 409


def test_an_official_accepts_a_payment_only_after_the_workers_silence(api, world, settings):
    settings.WAGE_ANSWER_DAYS = 14
    case = unpaid_case(world)
    entitlement = owed(case)
    payment = pay(api, world.employer_a_user, entitlement, "42000.00").json()
    url = f"/api/v1/entitlements/{entitlement.pk}/accept/"
    body = {"payment": payment["id"], "reason": "Bank statement seen; worker unreachable."}
    assert api.as_user(world.official).post(url, body).status_code == 409
    Payment.objects.filter(pk=payment["id"]).update(
        recorded_at=timezone.now() - timedelta(days=14, minutes=1)
    )
    assert api.as_user(world.official).post(url, {"payment": payment["id"]}).status_code == 400
    assert api.as_user(world.employer_a_user).post(url, body).status_code == 403
    response = api.as_user(world.official).post(url, body)
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["outstanding"]) == ("paid", "0.00")
    entitlement.finding.refresh_from_db()
    assert entitlement.finding.status == FindingStatus.RESOLVED


# Scope


def test_the_employer_sees_its_own_and_gets_404_on_anothers(api, world):
    mine, theirs = owed(unpaid_case(world)), owed(unpaid_case(world, peer=True))
    client = api.as_user(world.employer_a_user)
    listed = client.get("/api/v1/entitlements/").json()
    assert [row["id"] for row in listed["results"]] == [mine.pk]
    assert client.get(f"/api/v1/entitlements/{theirs.pk}/").status_code == 404
    assert pay(api, world.employer_a_user, theirs, "1.00").status_code == 404
    assert not Payment.objects.exists()


def test_the_agency_sees_its_fee_and_records_its_refund_but_not_the_employers_wages(api, world):
    case = compliant_case(
        job_order=world.job_a,
        worker=factories.WorkerFactory(agency=world.agency_a),
        recruitment_fee_inr=D("45000"),
    )
    WageReport.objects.filter(placement=case, month=OCTOBER).update(
        net_paid_rub=D("0"), paid_on=None
    )
    check(case)
    fee, wages = owed(case, "RECRUITMENT_FEE_CHARGED"), owed(case)
    client = api.as_user(world.agency_a_user)
    listed = client.get("/api/v1/entitlements/", {"owed_by": "agency"}).json()["results"]
    assert [(row["id"], row["currency"]) for row in listed] == [(fee.pk, "INR")]
    assert pay(api, world.agency_a_user, fee, "45000.00").status_code == 201
    assert pay(api, world.agency_a_user, wages, "1.00").status_code == 403
    peer = api.as_user(world.agency_b_user)
    assert peer.get(f"/api/v1/entitlements/{fee.pk}/").status_code == 404


def test_a_region_limited_official_sees_only_their_regions(api, world):
    moscow, petersburg = owed(unpaid_case(world)), owed(unpaid_case(world, peer=True))
    client = api.as_user(world.official_mow)
    ids = [row["id"] for row in client.get("/api/v1/entitlements/").json()["results"]]
    assert ids == [moscow.pk]
    assert client.get(f"/api/v1/entitlements/{petersburg.pk}/").status_code == 404
    every = api.as_user(world.official).get("/api/v1/entitlements/").json()["count"]
    assert every == 2


def test_the_list_filters_and_counts_its_queries(api, world, django_assert_max_num_queries):
    for _ in range(3):
        unpaid_case(world)
    client = api.as_user(world.official)
    with django_assert_max_num_queries(8):
        body = client.get("/api/v1/entitlements/", {"kind": "unpaid_wages", "status": "open"})
    assert body.json()["count"] == 3
    assert client.get("/api/v1/entitlements/", {"status": "paid"}).json()["count"] == 0
    assert client.get("/api/v1/entitlements/", {"kind": "bogus"}).status_code == 400


# The worker's view


def test_the_worker_sees_what_is_owed_also_after_the_case_ended(api):
    case = unpaid_case()
    case.status = "completed"
    case.end_date = date(2025, 11, 30)
    case.save()
    response = api.post(
        "/api/v1/status/entitlements/",
        {"reference": case.reference, "date_of_birth": BIRTH.isoformat()},
        format="json",
    )
    assert response.status_code == 200
    (row,) = response.json()["entitlements"]
    assert (row["reference"], row["kind"], row["outstanding"], row["owed_by"]) == (
        case.reference,
        "unpaid_wages",
        "42000.00",
        "employer",
    )
    assert row["compensation_rub"] is not None


def test_a_wrong_key_gets_the_same_answer_as_a_wrong_reference(api):
    case = unpaid_case()
    wrong_birth = api.post(
        "/api/v1/status/entitlements/",
        {"reference": case.reference, "date_of_birth": "1990-01-01"},
        format="json",
    )
    wrong_reference = api.post(
        "/api/v1/status/entitlements/",
        {"reference": "IRM-0000-0000", "date_of_birth": BIRTH.isoformat()},
        format="json",
    )
    assert wrong_birth.status_code == wrong_reference.status_code == 404
    assert wrong_birth.json() == wrong_reference.json()


def test_a_worker_cannot_answer_for_a_payment_on_someone_elses_case(api, world):
    theirs = unpaid_case(world)
    payment = pay(api, world.employer_a_user, owed(theirs), "100.00").json()
    mine = compliant_case()
    assert answer(api, mine, payment["id"], "confirmed").status_code == 404
    wrong_birth = answer(api, theirs, payment["id"], "confirmed", birth=date(1990, 1, 1))
    assert wrong_birth.status_code == 404
    assert Payment.objects.get(pk=payment["id"]).answer == "pending"


@pytest.mark.parametrize("said", ["yes", "", None])
def test_an_answer_other_than_confirmed_or_disputed_is_refused(api, world, said):
    case = unpaid_case(world)
    payment = pay(api, world.employer_a_user, owed(case), "100.00").json()
    assert answer(api, case, payment["id"], said).status_code == 400
    assert Payment.objects.get(pk=payment["id"]).answer == "pending"


def test_the_status_page_shows_the_amounts_and_takes_the_answer(client, api, world):
    case = unpaid_case(world)
    payment = pay(api, world.employer_a_user, owed(case), "30000.00").json()
    key = {"reference": case.reference, "date_of_birth": BIRTH.isoformat()}
    page = client.post("/status/", key, HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert "Money owed to you" in text
    assert "42,000 RUB" in text and "Yes, I received it" in text
    done = client.post(
        "/status/entitlements/answer/", {**key, "payment": payment["id"], "answer": "confirmed"}
    )
    assert done.status_code == 200
    assert "12,000 RUB" in done.content.decode()
    assert owed(case).outstanding == D("12000.00")


def test_the_status_page_speaks_hindi_and_russian(client):
    case = unpaid_case()
    key = {"reference": case.reference, "date_of_birth": BIRTH.isoformat()}
    for language in ("hi", "ru"):
        page = client.post("/status/", key, HTTP_ACCEPT_LANGUAGE=language)
        assert page.status_code == 200
        assert 'id="owed"' in page.content.decode()


# Staff pages


def test_the_employer_records_a_payment_on_the_page_after_confirming(client, world):
    entitlement = owed(unpaid_case(world))
    client.force_login(world.employer_a_user)
    url = f"/entitlements/{entitlement.pk}/"
    page = client.get(url)
    assert page.status_code == 200 and "Record a payment" in page.content.decode()
    body = {"move": "pay", "amount": "1000", "paid_on": "2025-11-30", "method": "cash"}
    asked = client.post(url, body)
    assert asked.status_code == 200 and "Yes, record it" in asked.content.decode()
    assert not Payment.objects.exists()
    assert client.post(url, {**body, "confirm": "yes"}).status_code == 302
    assert Payment.objects.get().amount == D("1000.00")
    too_much = client.post(url, {**body, "amount": "41000.01", "confirm": "yes"})
    assert too_much.status_code == 400
    assert Payment.objects.count() == 1


def test_the_finding_page_links_to_what_is_owed_and_other_employers_get_404(client, world):
    entitlement = owed(unpaid_case(world))
    client.force_login(world.employer_b_user)
    assert client.get(f"/entitlements/{entitlement.pk}/").status_code == 404
    client.force_login(world.official)
    page = client.get(f"/findings/{entitlement.finding_id}/").content.decode()
    assert f"/entitlements/{entitlement.pk}/" in page


def test_the_case_page_lists_what_the_case_owes(client, world):
    entitlement = owed(unpaid_case(world))
    client.force_login(world.employer_a_user)
    page = client.get(f"/cases/{entitlement.placement_id}/").content.decode()
    assert "Owed to the worker" in page and f"/entitlements/{entitlement.pk}/" in page
    assert "42,000 RUB" in page

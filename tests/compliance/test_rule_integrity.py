from datetime import date

import pytest

from compliance.checks.rules.integrity import name_similarity
from compliance.checks.verification import verify_subject
from compliance.models import WatchlistEntry
from tests import factories
from tests.compliance.rule_helpers import ON, open_findings, set_parameters

pytestmark = pytest.mark.django_db
BORN = date(1994, 3, 2)


def _pair(first, second, *, same_agency=False, other_born=BORN):
    a = factories.WorkerFactory(full_name=first, date_of_birth=BORN)
    b = factories.WorkerFactory(
        full_name=second,
        date_of_birth=other_born,
        agency=a.agency if same_agency else factories.AgencyFactory(),
    )
    return a, b


# WORKER_DUPLICATE


def test_the_same_person_registered_by_two_agencies_is_flagged_on_both_records():
    a, b = _pair("Ravi Kumar", "KUMAR, Ravi")
    verify_subject("worker", a.pk, on=ON)
    verify_subject("worker", b.pk, on=ON)
    finding = open_findings(worker=a)["WORKER_DUPLICATE"]
    assert finding.evidence["figures"]["matches"][0]["worker"] == b.pk
    assert "WORKER_DUPLICATE" in open_findings(worker=b)


def test_two_records_in_the_same_agency_are_not_a_cross_agency_duplicate():
    a, _ = _pair("Ravi Kumar", "Ravi Kumar", same_agency=True)
    verify_subject("worker", a.pk, on=ON)
    assert open_findings(worker=a) == {}


def test_the_same_name_with_another_date_of_birth_is_another_person():
    a, _ = _pair("Ravi Kumar", "Ravi Kumar", other_born=date(1994, 3, 3))
    verify_subject("worker", a.pk, on=ON)
    assert open_findings(worker=a) == {}


def test_a_similarity_exactly_at_the_parameter_fires_and_just_below_does_not():
    a, _ = _pair("Suresh Raghunathan", "Suresh Ragunathan")
    # One letter dropped from 35: a similarity of 34/35, 97.14 %.
    score = 100 * 34 / 35
    assert name_similarity("Suresh Raghunathan", "Suresh Ragunathan") == pytest.approx(score)
    set_parameters("WORKER_DUPLICATE", date(2025, 1, 1), name_similarity=score)
    verify_subject("worker", a.pk, on=ON)
    assert "WORKER_DUPLICATE" in open_findings(worker=a)
    set_parameters("WORKER_DUPLICATE", date(2025, 2, 1), name_similarity=score + 0.01)
    verify_subject("worker", a.pk, on=ON)
    assert open_findings(worker=a) == {}


# WATCHLIST_MATCH


def test_a_watched_employer_inn_is_critical():
    employer = factories.EmployerFactory()
    WatchlistEntry.objects.create(
        kind="inn", value=employer.inn, reason="fraud", added_by=factories.superuser()
    )
    verify_subject("employer", employer.pk, on=ON)
    assert open_findings(employer=employer)["WATCHLIST_MATCH"].severity == "critical"


def test_a_watched_licence_and_passport_match_whatever_their_case():
    worker = factories.WorkerFactory()
    admin = factories.superuser()
    WatchlistEntry.objects.create(
        kind="licence", value=worker.agency.licence_number.lower(), reason="x", added_by=admin
    )
    WatchlistEntry.objects.create(
        kind="passport", value=worker.passport_number.lower(), reason="x", added_by=admin
    )
    verify_subject("agency", worker.agency_id, on=ON)
    verify_subject("worker", worker.pk, on=ON)
    assert "WATCHLIST_MATCH" in open_findings(subject_key=f"agency:{worker.agency_id}")
    assert "WATCHLIST_MATCH" in open_findings(subject_key=f"worker:{worker.pk}")


def test_an_unwatched_employer_is_fine():
    employer = factories.EmployerFactory()
    WatchlistEntry.objects.create(
        kind="licence", value=employer.inn, reason="another kind", added_by=factories.superuser()
    )
    verify_subject("employer", employer.pk, on=ON)
    assert open_findings(employer=employer) == {}

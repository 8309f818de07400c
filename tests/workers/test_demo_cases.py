"""`seed_demo` fills both demo agencies with a case in every status, documents and timelines."""

import pytest

from mobility.seed import seed_demo
from tests.workers.lifecycle_spec import SPEC_ROLES
from workers.models import CaseEvent, Document, Placement, PlacementStatus

pytestmark = pytest.mark.django_db


def test_each_demo_agency_has_a_case_in_every_status_reached_by_moves_spec_allows():
    seed_demo(password="demo-pass")
    for username in ("agency-a", "agency-b"):
        cases = Placement.objects.filter(agency__members__user__username=username)
        assert set(cases.values_list("status", flat=True)) == set(PlacementStatus.values)
        for case in cases:
            steps = list(case.timeline.order_by("at", "pk").values_list("from_status", "to_status"))
            # Opened as a draft, then one move of SPEC §5 after another to where it stands.
            assert steps[0] == ("", "draft"), steps
            for (_, reached), (source, to) in zip(steps, steps[1:], strict=False):
                assert source == reached and (source, to) in SPEC_ROLES, steps
            assert steps[-1][1] == case.status
            assert Document.objects.filter(worker=case.worker).count() >= 2
    signed = Placement.objects.filter(status=PlacementStatus.EMPLOYED).first()
    assert signed.documents.filter(kind="contract").exists()
    assert signed.mvd_start_notified_on is not None
    assert signed.work_permit_occupation == signed.job_order.occupation
    # The second agency's employed worker holds a permit of another region than the job's.
    regions = {
        (case.work_permit_region, case.job_order.work_region)
        for case in Placement.objects.filter(status=PlacementStatus.EMPLOYED)
    }
    assert ("RU-LEN", "RU-SPE") in regions and ("RU-MOW", "RU-MOW") in regions


def test_employer_a_has_several_candidates_waiting_with_distinct_names():
    seed_demo(password="demo-pass")
    waiting = Placement.objects.filter(
        status=PlacementStatus.SUBMITTED,
        job_order__employer__members__user__username="employer-a",
    )
    assert waiting.count() == 3
    names = list(Placement.objects.values_list("worker__full_name", flat=True))
    assert len(names) == len(set(names))


def test_seeding_twice_changes_nothing():
    seed_demo(password="demo-pass")
    before = (Placement.objects.count(), CaseEvent.objects.count(), Document.objects.count())
    seed_demo(password="demo-pass")
    assert (
        Placement.objects.count(),
        CaseEvent.objects.count(),
        Document.objects.count(),
    ) == before

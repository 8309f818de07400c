"""Two people acting on one case at the same moment: exactly one wins."""

import threading

import pytest
from django.db import connection

from mobility.access import actor_for
from mobility.errors import MoveNotAllowed
from tests.world import S
from workers.models import CaseEvent, Placement
from workers.placements.services import transition_placement


@pytest.mark.django_db(transaction=True)
def test_of_many_concurrent_acceptances_exactly_one_wins(world):
    placement = world.case(S.SUBMITTED)
    actor = actor_for(world.employer_a_user)
    contenders = 6
    barrier = threading.Barrier(contenders)
    outcomes = []

    def accept():
        try:
            barrier.wait()
            transition_placement(actor=actor, placement_id=placement.pk, to=S.ACCEPTED, data={})
            outcomes.append("won")
        except MoveNotAllowed:
            outcomes.append("409")
        finally:
            connection.close()

    threads = [threading.Thread(target=accept) for _ in range(contenders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["409"] * (contenders - 1) + ["won"]
    assert Placement.objects.get(pk=placement.pk).status == S.ACCEPTED
    assert CaseEvent.objects.filter(placement=placement).count() == 1

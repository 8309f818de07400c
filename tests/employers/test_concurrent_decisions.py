"""Two officials deciding on one employer at the same moment: the row lock lets exactly one
decision through, and the other is told the move is no longer allowed."""

import threading

import pytest
from django.db import connection

from employers.models import SponsorshipDecision
from employers.sponsorship.services import decide_sponsorship
from mobility.access import actor_for
from mobility.errors import MoveNotAllowed
from tests.factories import EmployerFactory, official_user


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_suspensions_record_one_decision():
    employer = EmployerFactory(sponsorship_status="approved")
    officials = [official_user(), official_user()]
    start = threading.Barrier(len(officials))
    outcomes = []

    def suspend(user):
        try:
            start.wait()
            decide_sponsorship(
                actor=actor_for(user),
                employer_id=employer.pk,
                decision="suspend",
                reason="Unpaid wages",
            )
            outcomes.append("decided")
        except MoveNotAllowed:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=suspend, args=(user,)) for user in officials]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["decided", "refused"]
    assert SponsorshipDecision.objects.filter(employer=employer).count() == 1

"""Who hears of a move: the worker by SMS in their language, the employer by e-mail when a
candidate is submitted to them."""

import logging

import pytest

from mobility.access import actor_for
from mobility.errors import RequirementsUnmet
from workers.models import PlacementStatus
from workers.placements import services

pytestmark = pytest.mark.django_db


def test_submitting_a_case_emails_the_employer_and_texts_the_worker_in_hindi(
    mailoutbox, caplog, django_capture_on_commit_callbacks, world
):
    world.employer_a_user.email = "hr@example.ru"
    world.employer_a_user.save()
    placement = world.case(PlacementStatus.DRAFT)
    placement.worker.preferred_language = "hi"
    placement.worker.save()
    with (
        caplog.at_level(logging.INFO, logger="mobility.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.transition_placement(
            actor=actor_for(world.agency_a_user),
            placement_id=placement.pk,
            to=PlacementStatus.SUBMITTED,
            data={},
        )
    assert [message.to for message in mailoutbox] == [["hr@example.ru"]]
    assert placement.reference in mailoutbox[0].subject
    assert f"/cases/{placement.pk}/" in mailoutbox[0].body
    texts = [r.getMessage() for r in caplog.records if r.name == "mobility.notifications"]
    assert len(texts) == 1
    assert placement.reference in texts[0]
    assert any("\u0900" <= ch <= "\u097f" for ch in texts[0]), texts[0]


def test_a_refused_move_notifies_nobody(mailoutbox, django_capture_on_commit_callbacks, world):
    world.employer_a_user.email = "hr@example.ru"
    world.employer_a_user.save()
    placement = world.case(PlacementStatus.DRAFT)
    placement.documents.all().delete()
    placement.worker.documents.all().delete()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RequirementsUnmet):
        services.transition_placement(
            actor=actor_for(world.agency_a_user),
            placement_id=placement.pk,
            to=PlacementStatus.SUBMITTED,
            data={},
        )
    assert mailoutbox == []

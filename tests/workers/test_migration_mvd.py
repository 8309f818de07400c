"""workers 0006 run forward on data of the old shape: the single `mvd_notified_on` goes to the
notice it was meant for (RULES.md amendments, "MVD notices")."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests import factories
from workers.models import Placement

BEFORE = [("workers", "0005_worker_erasure")]
AFTER = [("workers", "0006_mvd_start_and_end_notices")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.fixture
def old_shape(transactional_db):
    """The database as it was before 0006, put back to the latest migrations afterwards."""
    _migrate(BEFORE)
    yield
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _set_old_date(placement: Placement, value: date | None) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE workers_placement SET mvd_notified_on = %s WHERE id = %s",
            [value, placement.pk],
        )


def _notices(placement: Placement) -> tuple[date | None, date | None]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT mvd_start_notified_on, mvd_end_notified_on FROM workers_placement "
            "WHERE id = %s",
            [placement.pk],
        )
        return cursor.fetchone()


@pytest.mark.django_db(transaction=True)
def test_the_old_mvd_date_goes_to_the_start_or_the_end_notice_it_was_meant_for(request):
    # The cases are made with today's models, then the schema goes back to 0005 and the old
    # column is given the values an old database held.
    running = factories.PlacementFactory(employed=True, employment_start=date(2025, 9, 1))
    ended_after = factories.PlacementFactory(
        employed=True, status="completed", employment_start=date(2025, 9, 1),
        end_date=date(2025, 11, 10),
    )  # fmt: skip
    ended_before = factories.PlacementFactory(
        employed=True, status="terminated", employment_start=date(2025, 9, 1),
        end_date=date(2025, 11, 10),
    )  # fmt: skip
    ended_on_the_day = factories.PlacementFactory(
        employed=True, status="completed", employment_start=date(2025, 9, 1),
        end_date=date(2025, 11, 10),
    )  # fmt: skip
    never = factories.PlacementFactory(employed=True)
    request.getfixturevalue("old_shape")
    _set_old_date(running, date(2025, 9, 2))
    _set_old_date(ended_after, date(2025, 11, 12))
    _set_old_date(ended_before, date(2025, 9, 2))
    _set_old_date(ended_on_the_day, date(2025, 11, 10))
    _set_old_date(never, None)

    _migrate(AFTER)

    # Not ended: the start's notice.
    assert _notices(running) == (date(2025, 9, 2), None)
    # Ended, notified after the end: the end's notice; the start's is not known.
    assert _notices(ended_after) == (None, date(2025, 11, 12))
    # Ended, but notified before the end: that was the start's notice.
    assert _notices(ended_before) == (date(2025, 9, 2), None)
    # On the end date itself: the end's.
    assert _notices(ended_on_the_day) == (None, date(2025, 11, 10))
    assert _notices(never) == (None, None)


@pytest.mark.django_db(transaction=True)
def test_the_case_history_keeps_the_date_each_snapshot_recorded(request):
    case = factories.PlacementFactory(
        employed=True, status="completed", employment_start=date(2025, 9, 1),
        end_date=date(2025, 11, 10),
    )  # fmt: skip
    request.getfixturevalue("old_shape")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE workers_placementevent SET mvd_notified_on = %s WHERE pgh_obj_id = %s",
            [date(2025, 11, 12), case.pk],
        )
    _migrate(AFTER)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT mvd_start_notified_on, mvd_end_notified_on "
            "FROM workers_placementevent WHERE pgh_obj_id = %s",
            [case.pk],
        )
        assert cursor.fetchall() == [(None, date(2025, 11, 12))]

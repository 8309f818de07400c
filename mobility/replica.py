"""Where the heavy reads go: a streaming replica when `DATABASE_REPLICA_URL` is set.

Heavy reads are the ones that scan many rows to answer one person and can afford to be a
moment behind the primary: the dashboard's summary and its refresh, exports, and reports.
They ask `heavy_reads()` for the alias and read through it with `.using(...)`; everything
else reads `default`. Writes never go to the replica, and neither does a read that must see
what the same request has just written (a page shown after a form, a service's own checks,
anything under `select_for_update`): a standby replays the primary's changes a little later,
and it refuses writes outright.

The heavy call sites name the alias themselves rather than a router guessing by model: the
same finding is read on the primary by its detail page and on the replica by an export, and
only the caller knows which it is doing. The router below adds what the call sites cannot
say: a row read from the replica is saved to `default` (without it Django would write an
object back to the database it came from), relations across the two are allowed since they
hold the same rows, and migrations run on `default` only.
"""

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"


def heavy_reads() -> str:
    """The database alias for the heavy reads: the replica when one is configured, else
    `default`."""
    return REPLICA if REPLICA in connections else DEFAULT_DB_ALIAS


class PrimaryRouter:
    """Every write and every migration on `default`; reads go where the caller says (an
    object's related rows are read from the database the object came from)."""

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Anything else (two objects of another alias) is left to Django: same database only.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS

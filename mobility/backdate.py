"""Dating the demo's history, shared by the apps' demo modules.

The demo goes through the real services, which stamp the present: `auto_now_add` fields,
`timezone.now()` and the history triggers' `NOW()`. A `Replay` notes when (by the wall clock)
each step of a case began and which moment of the past it stands for; `apply` then moves every
stamp a step wrote, on the rows and on their history rows, to that moment, without a history
row of its own. The facts the services judged (dates on the forms, `today` of a move) were the
step's own already; only the clock on the rows is replayed.
"""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import datetime

import pgtrigger
from django.apps import apps
from django.db import models, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Greatest
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone


def _stamps(model: type[models.Model]) -> list[str]:
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateTimeField)
    ]


def history_model(model: type[models.Model]) -> type[models.Model] | None:
    """The pghistory event model of a tracked model (`workers.Worker` -> `WorkerEvent`)."""
    try:
        return apps.get_model(model._meta.app_label, f"{model.__name__}Event")
    except LookupError:
        return None


def unrecorded(model: type[models.Model]):
    """A transaction in which the history trigger on updates of `model` is off: it would record
    the rewrite as a change of its own."""
    quiet = [
        f"{model._meta.label}:{trigger.name}"
        for source, trigger in pgtrigger.registered()
        if source is model and trigger.name.startswith("update")
    ]
    stack = ExitStack()
    stack.enter_context(transaction.atomic())
    if quiet:
        stack.enter_context(pgtrigger.ignore(*quiet))
    return stack


class Replay:
    def __init__(self) -> None:
        self.steps: list[tuple[datetime, datetime]] = []

    @contextmanager
    def at(self, moment: datetime) -> Iterator[None]:
        """What runs inside is the step that happened at `moment`. Steps run one after the
        other (of one case or of several), so a stamp belongs to the last step begun before it
        was written."""
        self.steps.append((timezone.now(), moment))
        yield

    def _moved(self, stamp: models.Expression) -> Case:
        # Latest step first.
        whens = [
            When(GreaterThanOrEqual(stamp, Value(began)), then=Value(moment))
            for began, moment in reversed(self.steps)
        ]
        return Case(*whens, default=stamp, output_field=models.DateTimeField())

    def _rewrite(self, table: type[models.Model], rows: Q, names: list[str], **derived) -> None:
        first = self.steps[0][0]
        touched = Q()
        for name in names:
            touched |= Q(**{f"{name}__gte": first})
        moved = {name: self._moved(F(name)) for name in names}
        for name, stamp in derived.items():
            moved[name] = Case(
                When(GreaterThanOrEqual(stamp, Value(first)), then=self._moved(stamp)),
                default=F(name),
            )
        table.objects.filter(rows & touched).update(**moved)

    def apply(self, model: type[models.Model], rows: Q) -> None:
        """Move the stamps the replayed steps wrote on `rows` of `model`, and on their history.
        Applied once for many steps, it makes one query per table."""
        if not self.steps:
            return
        ids = list(model.objects.filter(rows).values_list("pk", flat=True))
        names = _stamps(model)
        tracked = history_model(model)
        with unrecorded(model):
            self._rewrite(model, Q(pk__in=ids), names)
            if tracked is not None:
                self._rewrite(tracked, Q(pgh_obj_id__in=ids), names, pgh_created_at=_written(names))

    def clear(self) -> None:
        self.steps = []


def _written(names: list[str]) -> models.Expression:
    """When a history row's change was written, by the row's own clock: its latest stamp (the
    trigger's NOW() is when the transaction began, which in a test is long before)."""
    return Greatest(*map(F, names)) if len(names) > 1 else F(names[0])


def restamp(model: type[models.Model], since: datetime, moment: models.Expression) -> None:
    """Move the stamps written since `since` on rows of `model`, and on their history, to
    `moment`: an expression over the row's own columns (a wage report filed on the day it was
    paid), which the history rows share. One query per stamp and table, for any number of
    rows."""
    names = _stamps(model)
    tracked = history_model(model)
    with unrecorded(model):
        if tracked is not None:
            # First, while the row's own stamps still say when each change was written.
            tracked.objects.alias(written=_written(names)).filter(written__gte=since).update(
                pgh_created_at=moment
            )
        for table in filter(None, (model, tracked)):
            for name in names:
                table.objects.filter(**{f"{name}__gte": since}).update(**{name: moment})

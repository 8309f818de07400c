"""Dating the demo's history, shared by the apps' demo modules.

The demo goes through the real services, which stamp the present: `auto_now_add` fields,
`timezone.now()` and the history triggers' `NOW()`. A `Replay` notes when (by the wall clock)
each step of a case began and which moment of the past it stands for; `apply` then moves every
stamp a step wrote, on the rows and on their history rows, to that moment, without a history
row of its own. The facts the services judged (dates on the forms, `today` of a move) were the
step's own already; only the clock on the rows is replayed.
"""

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import datetime

import pgtrigger
from django.apps import apps
from django.db import models, transaction
from django.db.models import Case, F, Q, Value, When
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


class Replay:
    def __init__(self) -> None:
        self.steps: list[tuple[datetime, datetime]] = []

    @contextmanager
    def at(self, moment: datetime) -> Iterator[None]:
        """What runs inside is the step that happened at `moment`."""
        if self.steps and moment < self.steps[-1][1]:
            raise ValueError("a case's steps are replayed in the order they happened")
        self.steps.append((timezone.now(), moment))
        yield

    def _moved(self, name: str) -> Case:
        # Latest step first: a stamp belongs to the last step begun before it was written.
        whens = [
            When(**{f"{name}__gte": began}, then=Value(moment))
            for began, moment in reversed(self.steps)
        ]
        return Case(*whens, default=F(name), output_field=models.DateTimeField())

    def _rewrite(self, model: type[models.Model], rows: Q, names: list[str]) -> None:
        first = self.steps[0][0]
        touched = Q()
        for name in names:
            touched |= Q(**{f"{name}__gte": first})
        model.objects.filter(rows & touched).update(**{name: self._moved(name) for name in names})

    def apply(self, model: type[models.Model], rows: Q) -> None:
        """Move the stamps the replayed steps wrote on `rows` of `model`, and on their history."""
        if not self.steps:
            return
        ids = list(model.objects.filter(rows).values_list("pk", flat=True))
        names = _stamps(model)
        tracked = history_model(model)
        # The history trigger on updates would record the rewrite as a change of its own.
        quiet = [
            f"{model._meta.label}:{trigger.name}"
            for source, trigger in pgtrigger.registered()
            if source is model and trigger.name.startswith("update")
        ]
        with transaction.atomic(), pgtrigger.ignore(*quiet) if quiet else nullcontext():
            self._rewrite(model, Q(pk__in=ids), names)
            if tracked is not None:
                self._rewrite(tracked, Q(pgh_obj_id__in=ids), ["pgh_created_at", *names])

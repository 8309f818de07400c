"""What a worker without an account may read about their own case, and how they find it.

A case is found by its reference and the worker's date of birth together. Both a wrong
reference and a wrong date take the same path (one indexed query) and give the same answer, so
neither timing nor wording tells a stranger which part was right. The case, its worker-visible
timeline and its grievances come back in that one query, which keeps the public endpoint close
to the speed of the bare lookup (see bench/status_lookup.py).
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, OuterRef, QuerySet
from django.db.models.functions import JSONObject
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext

from mobility.regions import russian_region_name
from workers.models import (
    CaseEvent,
    Grievance,
    GrievanceCategory,
    GrievanceStatus,
    Placement,
    PlacementStatus,
)
from workers.placements.references import normalise
from workers.status.texts import GRIEVANCE_STATUS_FOR_WORKER, explain

# Compared with the reference column when the typed text cannot be a reference, so that the
# query still runs and takes as long as for a well-formed one.
NO_REFERENCE = "-"


def lookup_queryset(reference: str, date_of_birth: date) -> QuerySet[Placement]:
    """The one query of a status lookup (bench/status_lookup.py times exactly this)."""
    timeline = (
        CaseEvent.objects.filter(placement=OuterRef("pk"))
        .exclude(public_message="")
        .order_by("at", "pk")
        .values(json=JSONObject(at="at", status="to_status", message="public_message"))
    )
    grievances = (
        Grievance.objects.filter(placement=OuterRef("pk"))
        .order_by("created_at", "pk")
        .values(
            json=JSONObject(
                receipt="receipt",
                category="category",
                status="status",
                outcome="outcome",
                filed_at="created_at",
                acknowledgement_due="acknowledgement_due",
                resolution_due="resolution_due",
                closed_at="closed_at",
            )
        )
    )
    return (
        Placement.objects.filter(
            reference=normalise(reference) or NO_REFERENCE, worker__date_of_birth=date_of_birth
        )
        .annotate(
            worker_name=F("worker__full_name"),
            employer_name=F("job_order__employer__legal_name"),
            work_region=F("job_order__work_region"),
            offered_wage_rub=F("job_order__monthly_wage_rub"),
            offered_hours_per_week=F("job_order__hours_per_week"),
            public_timeline=ArraySubquery(timeline),
            public_grievances=ArraySubquery(grievances),
        )
        .only(
            "reference",
            "status",
            "updated_at",
            "contract_wage_rub",
            "contract_hours_per_week",
            "contract_start",
            "contract_end",
        )
    )


def find_placement(reference: str, date_of_birth: date) -> Placement | None:
    return lookup_queryset(reference, date_of_birth).first()


def mask_name(full_name: str) -> str:
    """`Ravi Kumar` -> `R**** K****`: initials only, and the same number of stars for every
    word, so the mask does not tell the length of the name."""
    return " ".join(f"{word[0]}****" for word in full_name.split())


def _when(value) -> datetime | None:
    return parse_datetime(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Step:
    at: datetime | None
    status: str
    status_label: str
    message: str


def status_label(status: str) -> str:
    return str(PlacementStatus(status).label) if status in PlacementStatus.values else status


def grievance_view(row: dict) -> dict:
    """A grievance as its filer reads it: labels in the active language, no internal data."""
    return {
        "receipt": row["receipt"],
        "category": row["category"],
        "category_label": str(GrievanceCategory(row["category"]).label),
        "status": row["status"],
        "status_label": str(
            GRIEVANCE_STATUS_FOR_WORKER.get(row["status"], GrievanceStatus(row["status"]).label)
        ),
        "outcome": row["outcome"],
        "filed_at": _when(row["filed_at"]),
        "acknowledgement_due": _when(row["acknowledgement_due"]),
        "resolution_due": _when(row["resolution_due"]),
        "closed_at": _when(row["closed_at"]),
        # An official proposed it resolved: the worker is asked whether it is.
        "awaiting_answer": row["status"] == GrievanceStatus.PROPOSED_RESOLVED,
    }


def placement_view(case: Placement) -> dict:
    """Everything the worker may read about their case, in the active language: no passport
    number, no internal notes, no names of the staff who acted."""
    now, upcoming = explain(case.status)
    signed = case.contract_wage_rub is not None
    return {
        "reference": case.reference,
        "status": case.status,
        "status_label": status_label(case.status),
        "updated_at": case.updated_at,
        "current_step": now,
        "next_step": upcoming,
        "worker_name": mask_name(case.worker_name),
        "contract": {
            "terms_signed": signed,
            "monthly_wage_rub": _money(case.contract_wage_rub if signed else case.offered_wage_rub),
            "hours_per_week": case.contract_hours_per_week
            if signed
            else case.offered_hours_per_week,
            "start": case.contract_start,
            "end": case.contract_end,
            "employer": case.employer_name,
            "work_region": case.work_region,
            "work_region_name": russian_region_name(case.work_region),
        },
        "timeline": [
            Step(
                at=_when(row["at"]),
                status=row["status"],
                status_label=status_label(row["status"]) if row["status"] else "",
                message=gettext(row["message"]),
            )
            for row in case.public_timeline
        ],
        "grievances": [grievance_view(row) for row in case.public_grievances],
    }


def _money(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def as_json(value):
    """A case or grievance view as JSON values, the way the API's serializers would write them
    (decimals as strings, times in the server's zone). Done by hand because the public lookup
    is the hottest endpoint; `workers/status_serializers.py` still documents the shape."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, Step):
        return as_json(asdict(value))
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value

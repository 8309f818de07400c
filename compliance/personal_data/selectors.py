"""Reads of personal-data requests: who may see them, and everything held on one worker."""

from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from compliance.models import (
    Finding,
    InsuranceCover,
    PersonalDataRequest,
    PersonalDataRequestKind,
    SafetyRecord,
    WageReport,
)
from mobility.access import actor_for
from mobility.history import history_of
from workers.models import Document, Grievance, Placement, Worker
from workers.registry.selectors import workers_visible_to

DATA_FILE = "personal-data.json"


def requests_visible_to(user) -> QuerySet[PersonalDataRequest]:
    """Officials: the requests about workers in their scope (`workers_visible_to`); anyone
    else: nothing, like the actions themselves."""
    if not actor_for(user).is_official:
        return PersonalDataRequest.objects.none()
    return PersonalDataRequest.objects.filter(worker__in=workers_visible_to(user)).select_related(
        "requested_by"
    )


def latest_export(user, worker: Worker) -> PersonalDataRequest | None:
    return (
        requests_visible_to(user).filter(worker=worker, kind=PersonalDataRequestKind.EXPORT).first()
    )


def documents_of(worker: Worker) -> QuerySet[Document]:
    """The worker's own documents and those of their cases."""
    return (
        Document.objects.filter(Q(worker=worker) | Q(placement__worker=worker))
        .select_related("uploaded_by")
        .order_by("pk")
    )


def archive_name(document: Document) -> str:
    extension = document.file.name.rsplit(".", 1)[-1] if "." in document.file.name else "bin"
    return f"documents/{document.pk}-{document.kind}.{extension}"


def _fields(obj: Model, leave_out: tuple[str, ...] = ()) -> dict:
    """Every stored field of a row, by its name; a related row by its id."""
    return {
        field.name: (
            getattr(obj, field.attname) if field.is_relation else field.value_from_object(obj)
        )
        for field in obj._meta.concrete_fields
        if field.name not in leave_out
    }


def _user(user) -> str | None:
    return user.get_username() if user else None


def _case(placement: Placement, wage_reports, safety_records, covers) -> dict:
    job = placement.job_order
    return {
        **_fields(placement),
        "job": {"title": job.title, "employer": job.employer.legal_name, "region": job.work_region},
        "timeline": [
            {
                "at": event.at,
                "by": _user(event.actor),
                "from_status": event.from_status,
                "to_status": event.to_status,
                "message": event.public_message,
                "note": event.note,
            }
            for event in placement.timeline.all()
        ],
        "history": history_of(placement),
        "wage_reports": [_fields(r) for r in wage_reports.get(placement.pk, [])],
        "safety_records": [_fields(r) for r in safety_records.get(placement.pk, [])],
        "insurance_covers": [_fields(r) for r in covers.get(placement.pk, [])],
    }


def _by_case(model, placements) -> dict[int, list]:
    rows: dict[int, list] = {}
    for row in model.objects.filter(placement__in=placements).order_by("pk"):
        rows.setdefault(row.placement_id, []).append(row)
    return rows


def personal_data_of(worker: Worker, documents: list[Document]) -> dict:
    """Everything the system holds on `worker`, as the export's JSON document: their fields and
    change history, their documents (the files sit beside it in the archive), each case with
    its timeline, history and the employer's reports, their grievances and the findings about
    them or their cases. Nothing of another worker."""
    placements = list(
        worker.placements.select_related("job_order__employer")
        .prefetch_related("timeline__actor")
        .order_by("pk")
    )
    wage_reports = _by_case(WageReport, placements)
    safety_records = _by_case(SafetyRecord, placements)
    covers = _by_case(InsuranceCover, placements)
    grievances = Grievance.objects.filter(placement__worker=worker).order_by("pk")
    findings = (
        Finding.objects.filter(Q(worker=worker) | Q(placement__worker=worker))
        .select_related("rule", "closed_by")
        .order_by("pk")
    )
    return {
        "exported_at": timezone.now(),
        "worker": {**_fields(worker), "agency": worker.agency.name},
        "worker_history": history_of(worker),
        "documents": [
            {
                **_fields(document, leave_out=("file",)),
                "file": archive_name(document),
                "uploaded_by": _user(document.uploaded_by),
            }
            for document in documents
        ],
        "cases": [_case(p, wage_reports, safety_records, covers) for p in placements],
        "grievances": [_fields(g, leave_out=("assignee",)) for g in grievances],
        "findings": [
            {
                **_fields(f, leave_out=("closed_by",)),
                "rule": f.rule.code,
                "rule_title": f.rule.title,
                "closed_by": _user(f.closed_by),
            }
            for f in findings
        ],
    }

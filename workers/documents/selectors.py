from django.db.models import Exists, OuterRef, Q, QuerySet

from mobility.access import Role, actor_for
from workers.models import Document, VerificationStatus
from workers.placements.selectors import EMPLOYER_READS, placements_visible_to
from workers.registry.selectors import workers_visible_to


def documents_visible_to(user) -> QuerySet[Document]:
    """Agency staff: documents of their workers and cases; employer staff: contracts, visas,
    work permits and payslips of their cases; officials: documents of the workers they see."""
    actor = actor_for(user)
    documents = Document.objects.all()
    if actor.role == Role.AGENCY:
        return documents.filter(worker__agency_id=actor.agency_id)
    if actor.role == Role.EMPLOYER:
        cases = placements_visible_to(user).filter(pk=OuterRef("placement_id"))
        return documents.filter(Exists(cases), kind__in=EMPLOYER_READS)
    if actor.is_official:
        if not actor.is_region_limited:
            return documents
        workers = workers_visible_to(user).filter(pk=OuterRef("worker_id"))
        return documents.filter(Exists(workers))
    return documents.none()


def rejected_documents(user) -> QuerySet[Document]:
    """Documents of `user`'s scope that were checked and rejected and not yet replaced (by a
    later one of the same kind for the same worker or case), the latest rejection first."""
    replaced = (
        Document.objects.filter(kind=OuterRef("kind"), uploaded_at__gt=OuterRef("uploaded_at"))
        .filter(Q(worker_id=OuterRef("worker_id")) | Q(placement_id=OuterRef("placement_id")))
        .exclude(verification_status=VerificationStatus.REJECTED)
    )
    return (
        documents_visible_to(user)
        .filter(verification_status=VerificationStatus.REJECTED)
        .exclude(Exists(replaced))
        .select_related("worker", "placement__worker")
        .order_by("-verified_at", "-pk")
    )

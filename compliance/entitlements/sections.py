"""The employer's own money and wage figures in its workspace (mobility.workspaces): what its
workers confirmed or disputed of the wage months it reported, what it still owes and what it
paid that counts, read as the officials' dashboard reads them (`scores`) over its own rows."""

from compliance.entitlements import scores
from compliance.entitlements.selectors import entitlements_visible_to, payments_visible_to
from compliance.models import WageReport
from mobility.access import Role, actor_for
from mobility.workspaces import add_section
from workers.placements.selectors import placements_visible_to


def employer_scores(user) -> dict:
    """The figures of the user's own employer; a dispute no official has shared reads as no
    answer (`scores.UNSHARED_DISPUTE`)."""
    found = scores.scores(
        scores.EMPLOYER,
        entitlements=entitlements_visible_to(user),
        payments=payments_visible_to(user),
        wage_reports=WageReport.objects.filter(placement__in=placements_visible_to(user)),
        hidden=scores.UNSHARED_DISPUTE,
    )
    return found.get(actor_for(user).employer_id, scores.NO_SCORES)


def _context(request) -> dict:
    return {"row": employer_scores(request.user)}


def register() -> None:
    add_section(
        Role.EMPLOYER,
        order=45,
        template="compliance/entitlements/_employer_scores.html",
        context=_context,
    )

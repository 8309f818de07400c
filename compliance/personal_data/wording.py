"""Why a personal-data request was refused, in the reader's language: the request keeps codes
and the objects they name, and these sentences are written when a person reads them."""

from datetime import datetime

from django.utils.translation import gettext as _

from mobility import figures

PLACED = "placed"
DRAFT_CASE = "draft_case"
GRIEVANCE = "grievance"
OPEN_FINDING = "open_finding"
ALREADY_ERASED = "already_erased"
EXPORT_FAILED = "export_failed"


def _sentence(reason: dict) -> str:
    code = reason.get("code")
    if code == PLACED:
        return _(
            "Case %(case)s was put forward to an employer: from then on the law keeps the "
            "recruitment's record, so only a worker who was never placed can be erased."
        ) % {"case": reason["case"]}
    if code == DRAFT_CASE:
        return _(
            "Case %(case)s is still a draft: the agency withdraws it first, so that nobody goes "
            "on recruiting a person whose data is erased."
        ) % {"case": reason["case"]}
    if code == GRIEVANCE:
        return _(
            "The worker filed grievance %(receipt)s: a complaint to officials and how it was "
            "handled is kept as an official record."
        ) % {"receipt": reason["receipt"]}
    if code == OPEN_FINDING:
        return _(
            "A finding about the worker, “%(rule)s”, is still open: an inquiry in progress keeps "
            "its subject until it is resolved or waived."
        ) % {"rule": reason["rule"]}
    if code == ALREADY_ERASED:
        return _("The worker's personal data was erased on %(when)s; nothing personal is left.") % {
            "when": figures.moment(datetime.fromisoformat(reason["on"]))
        }
    if code == EXPORT_FAILED:
        return _(
            "The export could not be prepared because of an error on our side. The support "
            "team has been told; ask for it again later."
        )
    return _("The request was refused.")


def refusals_in_words(request) -> list[str]:
    return [_sentence(reason) for reason in request.refusals]

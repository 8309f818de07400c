"""The workers app's sections of the employer's and the agency's workspaces (mobility.workspaces):
the candidates waiting for a decision, contracts to sign and arrivals to confirm; the drafts
that cannot be submitted yet and the documents rejected."""

from django.urls import reverse

from mobility.access import Role
from mobility.workspaces import add_section
from workers.documents.selectors import rejected_documents
from workers.placements.selectors import (
    arrivals_to_confirm,
    candidates_waiting,
    contracts_to_sign,
    drafts_with_unmet_requirements,
)

# A workspace shows the first rows of each queue; its count links to the whole list.
SECTION_ROWS = 10


def queue_section(rows, count: int, url_name: str) -> dict:
    return {"rows": rows, "count": count, "all_url": reverse(url_name), "more": count > len(rows)}


def _queryset_section(selector, url_name):
    def context(request) -> dict:
        queue = selector(request.user)
        return queue_section(list(queue[:SECTION_ROWS]), queue.count(), url_name)

    return context


def _list_section(selector, url_name):
    def context(request) -> dict:
        queue = selector(request.user)
        return queue_section(queue[:SECTION_ROWS], len(queue), url_name)

    return context


def register() -> None:
    add_section(
        Role.EMPLOYER,
        order=10,
        template="workers/inbox/_candidates.html",
        context=_queryset_section(candidates_waiting, "inbox-candidates"),
    )
    add_section(
        Role.EMPLOYER,
        order=20,
        template="workers/inbox/_contracts.html",
        context=_queryset_section(contracts_to_sign, "inbox-contracts"),
    )
    add_section(
        Role.EMPLOYER,
        order=30,
        template="workers/inbox/_arrivals.html",
        context=_queryset_section(arrivals_to_confirm, "inbox-arrivals"),
    )
    add_section(
        Role.AGENCY,
        order=10,
        template="workers/inbox/_unmet.html",
        context=_list_section(drafts_with_unmet_requirements, "inbox-unmet"),
    )
    add_section(
        Role.AGENCY,
        order=30,
        template="workers/inbox/_rejected_documents.html",
        context=_queryset_section(rejected_documents, "inbox-rejected-documents"),
    )

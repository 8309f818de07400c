"""The agency's workspace opens on what needs it: drafts that cannot be submitted yet (with
the lifecycle's own reasons), findings to answer and documents rejected; never another
agency's."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import DocumentFactory, FindingFactory, PlacementFactory, WorkerFactory
from tests.queries import max_queries
from workers.documents.selectors import rejected_documents
from workers.models import DocumentKind, PlacementStatus
from workers.placements.selectors import drafts_with_unmet_requirements

pytestmark = pytest.mark.django_db

S = PlacementStatus


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def draft_without_medical_certificate(world, *, peer: bool = False):
    agency, job = (world.agency_b, world.job_b) if peer else (world.agency_a, world.job_a)
    case = PlacementFactory(worker=WorkerFactory(agency=agency), job_order=job)
    DocumentFactory(worker=case.worker, kind=DocumentKind.PASSPORT)
    return case


def test_a_draft_missing_a_paper_is_listed_with_what_it_needs(world):
    blocked = draft_without_medical_certificate(world)
    ready = world.case(S.DRAFT)
    html = signed_in(world.agency_a_user).get("/agency/").content.decode()
    section = html[html.index("Cases with unmet requirements") : html.index("Pipeline of cases")]
    assert blocked.worker.full_name in section and ready.worker.full_name not in section
    assert "A medical certificate issued in the last 90 days" in section
    assert re.search(r'href="/agency/drafts/unmet/"[^>]*>1</a>', section)


def test_a_rejected_medical_certificate_does_not_count_for_the_draft(world):
    case = world.case(S.DRAFT)
    case.worker.documents.filter(kind=DocumentKind.MEDICAL_CERTIFICATE).update(
        verification_status="rejected"
    )
    [(listed, problems)] = drafts_with_unmet_requirements(world.agency_a_user)
    assert listed == case and "medical certificate" in problems[0]


def test_the_agency_sees_its_rejected_documents_with_the_reason(world):
    worker = WorkerFactory(agency=world.agency_a)
    DocumentFactory(
        worker=worker,
        kind=DocumentKind.PASSPORT,
        verification_status="rejected",
        verification_note="The scan is unreadable.",
        verified_at=timezone.now(),
    )
    DocumentFactory(worker=WorkerFactory(agency=world.agency_b), verification_status="rejected")
    client = signed_in(world.agency_a_user)
    html = client.get("/agency/").content.decode()
    assert "The scan is unreadable." in html and worker.full_name in html
    assert re.search(r'href="/agency/documents/rejected/"[^>]*>1</a>', html)
    assert client.get("/agency/documents/rejected/").context["page"].paginator.count == 1


def test_findings_to_answer_count_equals_the_agencys_open_list(world):
    FindingFactory(placement=world.case(S.EMPLOYED))
    FindingFactory(placement=world.case(S.EMPLOYED), status="waived")
    FindingFactory(placement=world.case(S.EMPLOYED, peer=True))
    client = signed_in(world.agency_a_user)
    html = client.get("/agency/").content.decode()
    link = re.search(r'href="(/agency/findings/\?open=true)"[^>]*>(\d+)</a>', html)
    assert link and link.group(2) == "1"
    assert client.get(link.group(1)).context["page"].paginator.count == 1


def test_agency_b_sees_none_of_agency_as_queues(world):
    blocked = draft_without_medical_certificate(world)
    html = signed_in(world.agency_b_user).get("/agency/").content.decode()
    assert blocked.worker.full_name not in html
    assert "Every draft meets the requirements for submission." in html
    assert (
        signed_in(world.agency_b_user).get("/agency/drafts/unmet/").context["page"].paginator.count
        == 0
    )


def test_the_agency_workspace_costs_the_same_queries_for_many_drafts(world):
    client = signed_in(world.agency_a_user)
    draft_without_medical_certificate(world)
    client.get("/agency/")
    with max_queries(30) as few:
        client.get("/agency/")
    for _ in range(6):
        draft_without_medical_certificate(world)
        world.case(S.DRAFT)
        FindingFactory(placement=world.case(S.EMPLOYED))
        DocumentFactory(
            worker=WorkerFactory(agency=world.agency_a),
            verification_status="rejected",
            verified_at=timezone.now() - timedelta(days=1),
        )
    with max_queries(len(few), compared_with=few):
        client.get("/agency/")


@pytest.mark.parametrize("url", ["/agency/drafts/unmet/", "/agency/documents/rejected/"])
def test_the_agencys_lists_are_404_for_an_employer(world, url):
    assert signed_in(world.employer_a_user).get(url).status_code == 404


def test_a_rejected_document_leaves_the_list_once_a_new_one_is_uploaded(world):
    worker = WorkerFactory(agency=world.agency_a)
    DocumentFactory(
        worker=worker,
        kind=DocumentKind.PASSPORT,
        verification_status="rejected",
        verified_at=timezone.now(),
    )
    assert rejected_documents(world.agency_a_user).count() == 1
    DocumentFactory(worker=worker, kind=DocumentKind.MEDICAL_CERTIFICATE)
    assert rejected_documents(world.agency_a_user).count() == 1
    DocumentFactory(worker=worker, kind=DocumentKind.PASSPORT)
    assert rejected_documents(world.agency_a_user).count() == 0

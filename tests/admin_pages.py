"""One of every record support staff look up in the admin, and the walk every admin list takes
in the tests: the list, its search and a filter, and a record's page, in a bounded number of
queries however many rows there are."""

from django.urls import reverse
from django.utils import timezone

from compliance.models import PersonalDataRequest, Report, WatchlistEntry, WatchlistKind
from employers.models import EmployerMembership, SponsorshipDecision
from mobility.models import Heartbeat, Notification, Official, Side
from tests.factories import (
    CheckRunFactory,
    DocumentFactory,
    FindingFactory,
    GrievanceFactory,
    InsuranceCoverFactory,
    PlacementFactory,
    SafetyRecordFactory,
    UserFactory,
    WageReportFactory,
)
from tests.queries import max_queries
from workers.models import AgencyDecision, AgencyMembership, CaseEvent, Import

# A list page asks for the session, the user, the rows, their count and the filters' choices;
# more than this means a query per row.
LIST_QUERIES = 12


def support_world() -> dict:
    """One record of every model around one case, keyed by "app_label.model_name"."""
    now = timezone.now()
    staff = UserFactory()
    placement = PlacementFactory()
    worker, agency, employer = placement.worker, placement.agency, placement.job_order.employer
    return {
        "employers.employer": employer,
        "employers.joborder": placement.job_order,
        "employers.employermembership": EmployerMembership.objects.create(
            user=UserFactory(), employer=employer
        ),
        "employers.sponsorshipdecision": SponsorshipDecision.objects.create(
            employer=employer,
            decision="approve",
            from_status="applied",
            to_status="approved",
            quota=50,
            reason="Documents in order",
            decided_by=staff,
        ),
        "workers.agency": agency,
        "workers.agencymembership": AgencyMembership.objects.create(
            user=UserFactory(), agency=agency
        ),
        "workers.agencydecision": AgencyDecision.objects.create(
            agency=agency,
            decision="suspend",
            from_status="active",
            to_status="suspended",
            reason="Licence under review",
            decided_by=staff,
        ),
        "workers.worker": worker,
        "workers.placement": placement,
        "workers.caseevent": CaseEvent.objects.create(
            placement=placement, actor=staff, from_status="draft", to_status="submitted"
        ),
        "workers.document": DocumentFactory(placement=placement, uploaded_by=staff),
        "workers.grievance": GrievanceFactory(placement=placement, description="Two months unpaid"),
        "workers.import": Import.objects.create(
            agency=agency, kind="workers", file="imports/workers.csv", created_by=staff
        ),
        "compliance.wagereport": WageReportFactory(placement=placement),
        "compliance.safetyrecord": SafetyRecordFactory(placement=placement),
        "compliance.insurancecover": InsuranceCoverFactory(placement=placement),
        "compliance.finding": FindingFactory(placement=placement),
        "compliance.checkrun": CheckRunFactory(placement=placement, trigger="event"),
        "compliance.watchlistentry": WatchlistEntry.objects.create(
            kind=WatchlistKind.PASSPORT,
            value=worker.passport_number,
            reason="Reported stolen",
            added_by=staff,
        ),
        "compliance.report": Report.objects.create(kind="findings", requested_by=staff),
        "compliance.personaldatarequest": PersonalDataRequest.objects.create(
            kind="export", worker=worker, worker_number=worker.pk, requested_by=staff
        ),
        "mobility.official": Official.objects.create(user=UserFactory(), side=Side.RUSSIA),
        "mobility.heartbeat": Heartbeat.objects.create(name=f"beat-{placement.pk}", seen_at=now),
        "mobility.notification": Notification.objects.create(
            key=f"case-event:{placement.pk}:user:{staff.pk}",
            event="case_moved",
            channel="email",
            user=staff,
            address=f"{staff.username}@example.org",
            language="en",
            subject=f"Case {placement.reference}",
            text="Moved",
            case_id=placement.pk,
            status="failed",
            attempts=5,
            last_error="Connection refused",
        ),
    }


def changelist(label: str) -> str:
    return reverse("admin:{}_{}_changelist".format(*label.split(".")))


def change_page(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def listed(response) -> list:
    assert response.status_code == 200, response.status_code
    return list(response.context["cl"].result_list)


def walk_admin_list(client, label, search, filters) -> None:
    """The list of `label` with one world and with two in the same number of queries; a search
    for `search(record)` and the filter `filters` each keep the second world's record and drop
    the first's; the record's page opens."""
    first = support_world()[label]
    with max_queries(LIST_QUERIES) as few:
        assert first in listed(client.get(changelist(label)))
    second = support_world()[label]
    with max_queries(len(few), compared_with=few):
        assert second in listed(client.get(changelist(label)))

    found = listed(client.get(changelist(label), {"q": search(second)}))
    assert second in found and first not in found, found
    filtered = listed(client.get(changelist(label), filters(second)))
    assert second in filtered, filtered

    with max_queries(LIST_QUERIES * 2):
        assert client.get(change_page(second)).status_code == 200

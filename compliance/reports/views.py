"""The reports page: the reports of the reader's scope with their progress and files, monthly
ones by month, and a form to ask for one; and the export buttons of the list pages, which ask
for the list's export as a job and follow it in place."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from compliance.models import UNFINISHED_REPORT_STATUSES
from compliance.reports import services
from compliance.reports.forms import ReportRequestForm, query_as_filters
from compliance.reports.kinds import kind_named, kinds_open_to
from compliance.reports.selectors import reports_visible_to
from compliance.reports.serializers import reader_language
from mobility import figures
from mobility.access import Role
from mobility.web import for_roles, paginate, run_service, visible_or_404

READERS = (Role.AGENCY, Role.EMPLOYER, Role.OFFICIAL)


def _row(report) -> dict:
    kind = kind_named(report.kind)
    return {
        "report": report,
        "title": kind.title if kind else report.kind,
        "unfinished": report.status in UNFINISHED_REPORT_STATUSES,
        "month": figures.month(report.month) if report.month else "",
    }


@for_roles(*READERS)
@require_http_methods(["GET", "POST"])
def reports_page(request):
    kinds = kinds_open_to(request.actor)
    form = ReportRequestForm(
        request.POST or None, kinds=kinds, initial={"language": reader_language()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        outcome = run_service(
            request,
            lambda: services.request_report(
                actor=request.actor,
                kind=data["kind"],
                file_format=data["format"],
                filters=data["filters"],
                language=data["language"],
            ),
            form,
        )
        if outcome:
            messages.success(request, _("The report is being prepared; it appears below."))
            return redirect("reports")
    reports = reports_visible_to(request.user)
    page = paginate(request, reports.filter(month__isnull=True))
    monthly = [_row(report) for report in reports.filter(month__isnull=False).order_by("-month")]
    return render(
        request,
        "compliance/reports/list.html",
        {
            "form": form,
            "page": page,
            "rows": [_row(report) for report in page],
            "monthly": monthly,
        },
        status=400 if form.errors else 200,
    )


@for_roles(*READERS)
def report_status(request, pk: int):
    """The partial htmx polls while the report is prepared; then it offers the file."""
    report = visible_or_404(reports_visible_to, request, pk)
    return render(request, "compliance/reports/_status.html", _row(report))


@for_roles(*READERS)
@require_POST
def export_list(request):
    """An export button of a list page: the list's export, with the filters the page shows."""
    outcome = run_service(
        request,
        lambda: services.request_report(
            actor=request.actor,
            kind=request.POST.get("kind", ""),
            file_format=request.POST.get("format", ""),
            filters=query_as_filters(request.POST.get("query", "")),
            language=reader_language(),
        ),
    )
    if request.headers.get("HX-Request"):
        if not outcome:
            return render(request, "compliance/reports/_refused.html", status=400)
        return render(request, "compliance/reports/_status.html", _row(outcome.value))
    if outcome:
        messages.success(request, _("The export is being prepared; it appears below."))
    return redirect("reports")

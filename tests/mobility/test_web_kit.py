"""What every page shares: a page for another role answers 404 like a missing one, a visitor
who is not signed in is asked to, and a CSV download never carries a live spreadsheet formula."""

import pytest

from compliance.models import FindingStatus
from tests import factories
from tests.compliance.reports_helpers import csv_rows, export_from_page
from tests.world import S

pytestmark = pytest.mark.django_db

WORKSPACES = {
    "agency": [
        "/agency/",
        "/agency/workers/new/",
        "/agency/imports/",
        "/agency/findings/",
        "/agency/drafts/unmet/",
        "/agency/documents/rejected/",
    ],
    "employer": [
        "/employer/",
        "/employer/contact/",
        "/employer/job-orders/new/",
        "/employer/evidence/",
        "/employer/findings/",
        "/employer/grievances/",
        "/employer/candidates/",
        "/employer/contracts/",
        "/employer/arrivals/",
        "/employer/wages/due/",
    ],
    "official": [
        "/officials/",
        "/officials/dashboard/",
        "/officials/findings/",
        "/officials/grievances/",
        "/officials/cases/",
        "/officials/employers/",
        "/agencies/",
        "/officials/checks/",
        "/officials/rules/",
        "/officials/minimum-wages/",
        "/officials/watchlist/",
    ],
}
PERSONAS = {"agency": "agency_a_user", "employer": "employer_a_user", "official": "official"}
PAGES = [(role, url) for role, urls in WORKSPACES.items() for url in urls]


@pytest.mark.parametrize(("role", "url"), PAGES)
def test_each_workspace_opens_for_its_role_and_is_not_found_for_the_others(
    client, world, role, url
):
    client.force_login(getattr(world, PERSONAS[role]))
    assert client.get(url).status_code == 200
    for other, persona in PERSONAS.items():
        if other != role:
            client.force_login(getattr(world, persona))
            assert client.get(url).status_code == 404, f"{other} on {url}"


@pytest.mark.parametrize(("role", "url"), PAGES)
def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client, role, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_a_reason_typed_as_a_formula_is_exported_as_text(client, world):
    finding = factories.FindingFactory(
        placement=world.case(S.EMPLOYED),
        status=FindingStatus.WAIVED,
        close_reason="=cmd|' /C calc'!A0",
    )
    client.force_login(world.official)
    rows = csv_rows(export_from_page(client, "export_findings", "status=waived"))
    assert [row["id"] for row in rows] == [str(finding.pk)]
    assert rows[0]["close_reason"] == "'=cmd|' /C calc'!A0"

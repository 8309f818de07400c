"""Support staff's admin pages for evidence, findings, checks, the watchlist, reports and the
rulebook: every list opens, searches and filters in a bounded number of queries, and all of
them are read-only (officials edit the rulebook on their pages)."""

import pytest

from compliance.rulebook.models import Corridor, MinimumWage, Rule, RuleParameter
from tests.admin_pages import (
    LIST_QUERIES,
    change_page,
    changelist,
    listed,
    support_world,
    walk_admin_list,
)
from tests.queries import max_queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "label, search, filters",
    [
        (
            "compliance.wagereport",
            lambda r: r.placement.reference,
            lambda r: {"month__gte": str(r.month)},
        ),
        (
            "compliance.safetyrecord",
            lambda r: r.placement.reference,
            lambda r: {"kind__exact": r.kind},
        ),
        (
            "compliance.insurancecover",
            lambda c: c.policy_number,
            lambda c: {"kind__exact": c.kind},
        ),
        (
            "compliance.finding",
            lambda f: f.placement.reference,
            lambda f: {"status__exact": f.status, "rule__category__exact": f.rule.category},
        ),
        (
            "compliance.checkrun",
            lambda r: r.placement.reference,
            lambda r: {"trigger__exact": r.trigger},
        ),
        ("compliance.watchlistentry", lambda e: e.value, lambda e: {"kind__exact": e.kind}),
        (
            "compliance.personaldatarequest",
            lambda r: str(r.worker_number),
            lambda r: {"kind__exact": r.kind},
        ),
        (
            "compliance.report",
            lambda r: r.requested_by.username,
            lambda r: {"status__exact": r.status},
        ),
    ],
)
def test_support_staff_find_every_record_in_few_queries(admin_client, label, search, filters):
    walk_admin_list(admin_client, label, search, filters)


@pytest.mark.parametrize(
    "model, search, filters",
    [
        (Rule, "WAGE_UNDERPAID", {"category__exact": "wages"}),
        (RuleParameter, "WAGE_UNDERPAID", {"rule__category__exact": "wages"}),
        (MinimumWage, "RU-MOW", {"region__exact": "RU-MOW"}),
        (Corridor, "IN-RU", {}),
    ],
)
def test_the_rulebook_lists_open_search_and_filter_read_only(admin_client, model, search, filters):
    label = model._meta.label_lower
    with max_queries(LIST_QUERIES):
        everything = listed(admin_client.get(changelist(label)))
    assert len(everything) > 0
    assert listed(admin_client.get(changelist(label), {"q": search}))
    assert listed(admin_client.get(changelist(label), filters))
    page = admin_client.get(change_page(everything[0]))
    assert page.status_code == 200
    assert page.context["has_change_permission"] is False


def test_the_watchlist_shows_only_the_last_three_characters_of_a_passport_number(admin_client):
    entry = support_world()["compliance.watchlistentry"]
    html = admin_client.get(changelist("compliance.watchlistentry")).content.decode()
    assert entry.value not in html
    assert f"*****{entry.value[-3:]}" in html

"""`/api/v1/rules/` and `/api/v1/minimum-wages/`: everyone signed in reads, officials edit,
and every edit is in the history with the official's name."""

from datetime import date
from decimal import Decimal

import pytest

from compliance.rulebook.models import MinimumWage, Rule
from compliance.rulebook.selectors import applicable_minimum_wage, parameters
from mobility.models import Side
from tests.factories import agency_user, employer_user, official_user

pytestmark = pytest.mark.django_db


def hours_rule():
    return Rule.objects.get(code="HOURS_WEEKLY_EXCEEDED")


def test_every_signed_in_role_reads_the_rules(api):
    for user in (agency_user(), employer_user(), official_user(Side.INDIA)):
        response = api.as_user(user).get("/api/v1/rules/", {"page_size": 50})
        assert response.status_code == 200
        codes = {row["code"] for row in response.json()["results"]}
        assert {"WAGE_BELOW_MINIMUM", "HOURS_WEEKLY_EXCEEDED"} <= codes
    api.force_authenticate(None)
    assert api.get("/api/v1/rules/").status_code == 401


def test_official_adds_a_parameter_version_from_a_date(api):
    rule = hours_rule()
    official = official_user(username="labour-inspector")
    client = api.as_user(official)
    response = client.post(
        f"/api/v1/rules/{rule.pk}/parameters/",
        {"effective_from": "2027-01-01", "values": {"max_hours_per_week": 36}},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert parameters("HOURS_WEEKLY_EXCEEDED", date(2026, 12, 31))["max_hours_per_week"] == 40
    assert parameters("HOURS_WEEKLY_EXCEEDED", date(2027, 1, 1))["max_hours_per_week"] == 36
    detail = client.get(f"/api/v1/rules/{rule.pk}/").json()
    assert [v["effective_from"] for v in detail["parameter_versions"]][:1] == ["2027-01-01"]
    history = client.get(f"/api/v1/rules/{rule.pk}/history/").json()["results"]
    assert history[0]["user"] == "labour-inspector"
    assert history[0]["action"] == "created"


NOT_A_NUMBER = "max_hours_per_week must be a number of 0 or more."


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"max_hours": 36}, "Unknown parameter(s) max_hours; this rule has: max_hours_per_week."),
        ({"max_hours_per_week": -1}, NOT_A_NUMBER),
        ({"max_hours_per_week": "many"}, NOT_A_NUMBER),
        ([36], "Give the parameters as an object of name: value."),
    ],
)
def test_parameter_versions_keep_the_rules_shape(api, values, message):
    rule = hours_rule()
    response = api.as_user(official_user()).post(
        f"/api/v1/rules/{rule.pk}/parameters/",
        {"effective_from": "2027-01-01", "values": values},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"values": [message]}
    assert rule.parameter_versions.count() == 1


def test_official_switches_a_rule_off_and_sets_its_severity(api):
    rule = hours_rule()
    client = api.as_user(official_user(username="chief"))
    response = client.patch(
        f"/api/v1/rules/{rule.pk}/", {"enabled": False, "severity": "critical"}, format="json"
    )
    assert response.status_code == 200
    rule.refresh_from_db()
    assert (rule.enabled, rule.severity) == (False, "critical")
    latest = client.get(f"/api/v1/rules/{rule.pk}/history/").json()["results"][0]
    assert latest["user"] == "chief"
    assert latest["changes"]["enabled"] == {"from": True, "to": False}


def test_rule_text_is_not_editable(api):
    rule = hours_rule()
    api.as_user(official_user()).patch(f"/api/v1/rules/{rule.pk}/", {"code": "X", "title": "Y"})
    rule.refresh_from_db()
    assert rule.code == "HOURS_WEEKLY_EXCEEDED" and rule.title != "Y"


@pytest.mark.parametrize("make_user", [agency_user, employer_user])
def test_others_cannot_edit_the_rulebook(api, make_user):
    rule = hours_rule()
    client = api.as_user(make_user())
    assert client.patch(f"/api/v1/rules/{rule.pk}/", {"enabled": False}).status_code == 403
    assert (
        client.post(
            f"/api/v1/rules/{rule.pk}/parameters/",
            {"effective_from": "2027-01-01", "values": {"max_hours_per_week": 60}},
            format="json",
        ).status_code
        == 403
    )
    body = {"region": "RU-MOW", "effective_from": "2027-01-01", "amount_rub": "1", "source": "x"}
    assert client.post("/api/v1/minimum-wages/", body).status_code == 403
    wage = MinimumWage.objects.filter(region="RU-MOW").first()
    assert client.patch(f"/api/v1/minimum-wages/{wage.pk}/", {"amount_rub": "1"}).status_code == 403
    assert client.delete(f"/api/v1/minimum-wages/{wage.pk}/").status_code == 403
    assert client.get(f"/api/v1/minimum-wages/{wage.pk}/history/").status_code == 404
    rule.refresh_from_db()
    assert rule.enabled and rule.parameter_versions.count() == 1
    assert not MinimumWage.objects.filter(effective_from=date(2027, 1, 1)).exists()


def test_official_adds_a_minimum_wage_that_applies_from_its_date(api):
    client = api.as_user(official_user(username="wage-desk"))
    body = {
        "region": "RU-MOW",
        "effective_from": "2027-01-01",
        "amount_rub": "45000.00",
        "source": "Moscow minimum wage agreement for 2027",
    }
    response = client.post("/api/v1/minimum-wages/", body, format="json")
    assert response.status_code == 201, response.json()
    assert applicable_minimum_wage("RU-MOW", date(2027, 1, 1)).amount_rub == Decimal("45000.00")
    assert applicable_minimum_wage("RU-MOW", date(2026, 12, 31)).amount_rub == Decimal("39730.00")
    history = client.get(f"/api/v1/minimum-wages/{response.json()['id']}/history/").json()[
        "results"
    ]
    assert history[0]["user"] == "wage-desk"
    again = client.post("/api/v1/minimum-wages/", body, format="json")
    assert again.status_code == 400
    assert again.json() == {
        "non_field_errors": ["The fields region, effective_from must make a unique set."]
    }
    assert MinimumWage.objects.filter(region="RU-MOW", effective_from=date(2027, 1, 1)).count() == 1


def test_official_corrects_a_minimum_wage_and_history_shows_it(api):
    wage = MinimumWage.objects.get(region="RU-SPE", effective_from=date(2026, 1, 1))
    client = api.as_user(official_user(username="spb-desk"))
    response = client.patch(f"/api/v1/minimum-wages/{wage.pk}/", {"amount_rub": "31500.00"})
    assert response.status_code == 200
    latest = client.get(f"/api/v1/minimum-wages/{wage.pk}/history/").json()["results"][0]
    assert latest["user"] == "spb-desk"
    assert latest["changes"]["amount_rub"]["to"] in ("31500.00", 31500.0, "31500")


def test_region_limited_official_edits_only_their_regions_figures(api):
    client = api.as_user(official_user(regions=["RU-MOW"]))
    federal = MinimumWage.objects.filter(region="").first()
    assert (
        client.patch(f"/api/v1/minimum-wages/{federal.pk}/", {"amount_rub": "1"}).status_code == 403
    )
    moscow = MinimumWage.objects.get(region="RU-MOW", effective_from=date(2024, 1, 1))
    assert client.patch(f"/api/v1/minimum-wages/{moscow.pk}/", {"source": "ok"}).status_code == 200
    assert (
        client.patch(f"/api/v1/minimum-wages/{moscow.pk}/", {"region": "RU-TA"}).status_code == 403
    )


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        (
            {"region": "RU-MOW", "effective_from": "2027-13-01", "amount_rub": "1", "source": "x"},
            {
                "effective_from": [
                    "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."
                ]
            },
        ),
        (
            {"region": "RU-MOW", "effective_from": "2027-01-01", "amount_rub": "-5", "source": "x"},
            {"amount_rub": ["Ensure this value is greater than or equal to 0."]},
        ),
        (
            {"region": "XX", "effective_from": "2027-01-01", "amount_rub": "5", "source": "x"},
            {"region": ['"XX" is not a valid choice.']},
        ),
        (
            {"region": "RU-MOW", "effective_from": "2027-01-01", "amount_rub": "5"},
            {"source": ["This field is required."]},
        ),
    ],
)
def test_a_bad_minimum_wage_is_refused_naming_the_field_and_stored_nowhere(api, body, errors):
    before = MinimumWage.objects.count()
    response = api.as_user(official_user()).post("/api/v1/minimum-wages/", body, format="json")
    assert response.status_code == 400
    assert response.json() == errors
    assert MinimumWage.objects.count() == before


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_a_minimum_wage_or_parameter_version_far_outside_the_pacts_years_is_refused(api, day):
    client = api.as_user(official_user())
    before = MinimumWage.objects.count()
    body = {"region": "RU-MOW", "effective_from": day, "amount_rub": "30000", "source": "x"}
    response = client.post("/api/v1/minimum-wages/", body)
    assert response.status_code == 400
    assert response.json() == {
        "effective_from": [
            "A rule or minimum wage takes effect between 2000 and five years from now."
        ]
    }
    assert MinimumWage.objects.count() == before
    rule = hours_rule()
    response = client.post(
        f"/api/v1/rules/{rule.pk}/parameters/",
        {"effective_from": day, "values": {"max_hours_per_week": 36}},
        format="json",
    )
    assert response.status_code == 400 and list(response.json()) == ["effective_from"]
    assert rule.parameter_versions.count() == 1

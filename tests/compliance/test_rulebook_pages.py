"""Officials' rule and minimum-wage pages: edits with an effective date, kept in the history."""

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.test import Client

from compliance.rulebook.models import MinimumWage, Rule, RuleParameter
from compliance.rulebook.selectors import parameters
from tests.compliance.rule_helpers import set_parameters
from tests.factories import agency_user, employer_user, official_user
from tests.queries import max_queries

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_official_sees_every_rule_with_the_parameters_in_force():
    client = signed_in(official_user())
    with max_queries(8):
        response = client.get("/officials/rules/")
    assert response.status_code == 200
    page = response.content.decode()
    codes = list(Rule.objects.values_list("code", flat=True))
    assert len(codes) >= 25 and [code for code in codes if code not in page] == []
    assert "Most normal hours a week: 40 hours" in page and "max_hours_per_week" not in page


def test_official_adds_a_parameter_version_from_the_rule_page():
    rule = Rule.objects.get(code="WAGE_PAID_LATE")
    client = signed_in(official_user(username="wage-inspector"))
    response = client.post(
        f"/officials/rules/{rule.pk}/",
        {"form": "parameters", "effective_from": "2027-01-01", "max_days_after_period": "10"},
        follow=True,
    )
    assert response.status_code == 200
    assert parameters("WAGE_PAID_LATE", date(2027, 1, 1)) == {"max_days_after_period": 10}
    assert parameters("WAGE_PAID_LATE", date(2026, 6, 1)) == {"max_days_after_period": 15}
    assert response.context["history"][0]["user"] == "wage-inspector"


def test_a_figure_left_empty_on_the_page_comes_from_the_version_in_force_on_the_new_date():
    """Tolerance 1 % from 2024 and 5 % from 2026 (today's). A version from 1 June 2025 that
    gives only the overtime multiplier 2 keeps the 1 % in force on 1 June 2025, not today's 5 %;
    2026 keeps its 5 %."""
    set_parameters("WAGE_UNDERPAID", date(2026, 1, 1), tolerance_pct=5)
    rule = Rule.objects.get(code="WAGE_UNDERPAID")
    client = signed_in(official_user())
    form = client.get(f"/officials/rules/{rule.pk}/").context["parameter_form"]
    # The page shows today's figure beside the field but does not send it back.
    assert form["tolerance_pct"].value() is None
    assert "5" in form.fields["tolerance_pct"].help_text
    client.post(
        f"/officials/rules/{rule.pk}/",
        {
            "form": "parameters",
            "effective_from": "2025-06-01",
            "tolerance_pct": "",
            "overtime_multiplier": "2",
        },
    )
    assert parameters("WAGE_UNDERPAID", date(2025, 6, 1)) == {
        "tolerance_pct": 1,
        "overtime_multiplier": 2,
    }
    assert parameters("WAGE_UNDERPAID", date(2026, 1, 1))["tolerance_pct"] == 5


def test_a_version_with_no_figure_is_refused_on_the_page():
    rule = Rule.objects.get(code="WAGE_UNDERPAID")
    response = signed_in(official_user()).post(
        f"/officials/rules/{rule.pk}/",
        {"form": "parameters", "effective_from": "2027-01-01"},
    )
    assert response.context["parameter_form"].non_field_errors() == [
        "Give at least one figure for the new version."
    ]
    assert rule.parameter_versions.count() == 1


def test_a_second_severity_is_chosen_from_the_severities_on_the_page():
    rule = Rule.objects.get(code="RECRUITMENT_FEE_CHARGED")
    client = signed_in(official_user())
    form = client.get(f"/officials/rules/{rule.pk}/").context["parameter_form"]
    assert [value for value, _label in form.fields["severity_above_cap"].choices] == [
        "",
        "info",
        "warning",
        "breach",
        "critical",
    ]
    client.post(
        f"/officials/rules/{rule.pk}/",
        {"form": "parameters", "effective_from": "2027-01-01", "severity_above_cap": "critical"},
    )
    assert parameters("RECRUITMENT_FEE_CHARGED", date(2027, 1, 1)) == {
        "cap_inr": 30000,
        "severity_above_cap": "critical",
    }


def test_versions_stored_before_the_second_severity_was_data_gain_it():
    """Migration 0008: an official's version without the second severity gets the catalogue's
    (breach above the cap), so every version has the same names."""
    migration = importlib.import_module("compliance.migrations.0008_severity_parameters")
    version = RuleParameter.objects.create(
        rule=Rule.objects.get(code="RECRUITMENT_FEE_CHARGED"),
        effective_from=date(2026, 1, 1),
        values={"cap_inr": 25000},
    )
    migration.forwards(django_apps, None)
    version.refresh_from_db()
    assert version.values == {"cap_inr": 25000, "severity_above_cap": "breach"}
    assert parameters("WORK_PERMIT_EXPIRED", date(2026, 1, 1))["severity_expiring"] == "warning"


def test_the_sectors_of_a_rule_are_ticked_by_name_not_typed_as_codes():
    rule = Rule.objects.get(code="SAFETY_TRAINING_OVERDUE")
    client = signed_in(official_user())
    page = client.get(f"/officials/rules/{rule.pk}/").content.decode()
    assert 'type="checkbox" name="sectors" value="textiles"' in page
    assert "Textiles" in page and "comma-separated" not in page
    client.post(
        f"/officials/rules/{rule.pk}/",
        {
            "form": "parameters",
            "effective_from": "2027-01-01",
            "refresh_months": "6",
            "sectors": ["construction", "energy"],
        },
    )
    assert parameters("SAFETY_TRAINING_OVERDUE", date(2027, 1, 1)) == {
        "refresh_months": 6,
        "sectors": ["construction", "energy"],
    }


def test_a_sector_that_does_not_exist_is_refused_and_no_version_is_written():
    rule = Rule.objects.get(code="SAFETY_TRAINING_OVERDUE")
    versions = rule.parameter_versions.count()
    response = signed_in(official_user()).post(
        f"/officials/rules/{rule.pk}/",
        {"form": "parameters", "effective_from": "2027-01-01", "sectors": ["mining"]},
    )
    assert "Choose one from the list." in response.content.decode()
    assert rule.parameter_versions.count() == versions


def test_the_rule_page_names_each_parameter_as_the_rule_list_does():
    rule = Rule.objects.get(code="SAFETY_TRAINING_OVERDUE")
    response = signed_in(official_user()).get(f"/officials/rules/{rule.pk}/")
    form, page = response.context["parameter_form"], response.content.decode()
    assert form.fields["refresh_months"].label == "Training repeated at least every"
    assert form.fields["sectors"].label == "Sectors"
    assert "In force today: Construction, Machinery, Energy." in form.fields["sectors"].help_text
    assert "In force today: 12 months." in form.fields["refresh_months"].help_text
    # The versions table reads as the rule list does: no parameter names, no Python lists.
    assert "Sectors: Construction, Machinery, Energy" in page
    assert "['construction'" not in page and "<code>refresh_months</code>" not in page
    changes = [change["to"] for entry in response.context["history"] for change in entry["changes"]]
    assert (
        "Sectors: Construction, Machinery, Energy; Training repeated at least every: 12 months"
        in (changes)
    )


def test_the_rule_page_reads_the_parameters_in_russian():
    rule = Rule.objects.get(code="HOURS_WEEKLY_EXCEEDED")
    client = signed_in(official_user())
    response = client.get(f"/officials/rules/{rule.pk}/", HTTP_ACCEPT_LANGUAGE="ru")
    field = response.context["parameter_form"].fields["max_hours_per_week"]
    assert field.label == "Наибольшая нормальная продолжительность в неделю"
    assert "40 часов" in field.help_text
    # The seeded catalogue's English reads in Russian in the change history too.
    changes = [change["to"] for entry in response.context["history"] for change in entry["changes"]]
    assert "Рабочая неделя длиннее допустимой" in changes


def test_bad_parameter_value_is_shown_and_nothing_saved():
    rule = Rule.objects.get(code="WAGE_PAID_LATE")
    response = signed_in(official_user()).post(
        f"/officials/rules/{rule.pk}/",
        {"form": "parameters", "effective_from": "2027-01-01", "max_days_after_period": "-3"},
    )
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 0." in response.content.decode()
    assert response.context["parameter_form"].errors == {
        "max_days_after_period": ["Ensure this value is greater than or equal to 0."]
    }
    assert rule.parameter_versions.count() == 1


def test_official_switches_a_rule_off_from_its_page():
    rule = Rule.objects.get(code="INSURANCE_EXPIRING")
    signed_in(official_user()).post(
        f"/officials/rules/{rule.pk}/", {"form": "settings", "severity": "warning"}
    )
    rule.refresh_from_db()
    assert (rule.enabled, rule.severity) == (False, "warning")


def test_official_adds_and_corrects_a_minimum_wage_from_the_pages():
    client = signed_in(official_user(username="mrot-desk"))
    response = client.post(
        "/officials/minimum-wages/",
        {
            "region": "",
            "effective_from": "2027-01-01",
            "amount_rub": "30000.00",
            "source": "Federal Law 82-FZ as amended in 2026",
        },
    )
    assert response.status_code == 302
    wage = MinimumWage.objects.get(region="", effective_from=date(2027, 1, 1))
    response = client.post(
        f"/officials/minimum-wages/{wage.pk}/",
        {"region": "", "effective_from": "2027-01-01", "amount_rub": "30500", "source": "x"},
        follow=True,
    )
    wage.refresh_from_db()
    assert str(wage.amount_rub) == "30500.00"
    assert [e["user"] for e in response.context["history"]] == ["mrot-desk", "mrot-desk"]


def test_duplicate_minimum_wage_is_refused_on_the_page():
    response = signed_in(official_user()).post(
        "/officials/minimum-wages/",
        {"region": "RU-MOW", "effective_from": "2026-01-01", "amount_rub": "1", "source": "x"},
    )
    assert response.status_code == 200
    message = "Minimum wage with this Region and Effective from already exists."
    assert message in response.content.decode()
    assert MinimumWage.objects.get(region="RU-MOW", effective_from=date(2026, 1, 1)).amount_rub > 1


@pytest.mark.parametrize("make_user", [agency_user, employer_user])
def test_rulebook_pages_are_for_officials(make_user):
    rule = Rule.objects.first()
    client = signed_in(make_user())
    assert client.get("/officials/rules/").status_code == 404
    response = client.post(f"/officials/rules/{rule.pk}/", {"form": "settings", "severity": "info"})
    assert response.status_code == 404
    assert client.get("/officials/minimum-wages/").status_code == 404
    rule.refresh_from_db()
    assert rule.enabled

import io
import re

import pghistory.models
import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from employers.models import Employer, SponsorshipStatus
from mobility.access import Role, actor_for
from mobility.seed import seed_demo

pytestmark = pytest.mark.django_db

DEMO_USERS = {
    "agency-a": Role.AGENCY,
    "agency-b": Role.AGENCY,
    "employer-a": Role.EMPLOYER,
    "employer-b": Role.EMPLOYER,
    "employer-c": Role.EMPLOYER,
    "employer-d": Role.EMPLOYER,
    "official-in": Role.OFFICIAL,
    "official-ru": Role.OFFICIAL,
    "official-ru-mow": Role.OFFICIAL,
    "supervisor-in": Role.OFFICIAL,
    "supervisor-ru": Role.OFFICIAL,
    "head-in": Role.OFFICIAL,
    "head-ru": Role.OFFICIAL,
    "admin": Role.SUPERUSER,
}


def test_demo_users_each_get_a_token_in_their_role(api, django_user_model):
    seed_demo(password="demo-pass")
    for username, role in DEMO_USERS.items():
        response = api.post("/api/v1/auth/token/", {"username": username, "password": "demo-pass"})
        assert response.status_code == 200, username
        assert actor_for(django_user_model.objects.get(username=username)).role == role


def test_demo_matches_the_spec(django_user_model):
    seed_demo(password="demo-pass")
    employer_a = Employer.objects.get(members__user__username="employer-a")
    assert (employer_a.region, employer_a.sector) == ("RU-MOW", "construction")
    assert employer_a.sponsorship_status == SponsorshipStatus.APPROVED and employer_a.quota >= 50
    employer_b = Employer.objects.get(members__user__username="employer-b")
    assert employer_b.region != "RU-MOW"
    agency_a = actor_for(django_user_model.objects.get(username="agency-a")).agency_id
    agency_b = actor_for(django_user_model.objects.get(username="agency-b")).agency_id
    assert agency_a != agency_b
    limited = actor_for(django_user_model.objects.get(username="official-ru-mow"))
    assert limited.regions == ("RU-MOW",)
    ladder = {
        username: (actor.side, actor.rank)
        for username in ("supervisor-in", "supervisor-ru", "head-in", "head-ru")
        for actor in [actor_for(django_user_model.objects.get(username=username))]
    }
    assert ladder == {
        "supervisor-in": ("IN", "supervisor"),
        "supervisor-ru": ("RU", "supervisor"),
        "head-in": ("IN", "head"),
        "head-ru": ("RU", "head"),
    }
    assert Employer.objects.filter(sponsorship_status=SponsorshipStatus.APPLIED).exists()


def history_rows() -> int:
    """Rows written by the history triggers of every tracked model."""
    return sum(
        model.objects.count()
        for model in apps.get_models()
        if issubclass(model, pghistory.models.Event)
    )


def test_running_the_seed_twice_changes_nothing():
    # With a little of the year of history, whose rows are dated after they are written.
    seed_demo(password="demo-pass", cases=6)
    rows = history_rows()
    stamps = list(Employer.objects.order_by("pk").values_list("updated_at", flat=True))
    seed_demo(password="demo-pass", cases=6)
    assert history_rows() == rows
    assert list(Employer.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps


def test_seed_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo")
    assert not Employer.objects.exists()
    # No year of history: the guard is what is tried here, and the cases cost time.
    output = io.StringIO()
    call_command("seed_demo", "--force", "--cases", "0", stdout=output)
    assert Employer.objects.exists()
    # A worker to try /status/ with, since workers have no login.
    worker_lines = [line for line in output.getvalue().splitlines() if "/status/" in line]
    assert worker_lines and re.search(
        r"reference IRM-[0-9A-Z]{4}-[0-9A-Z]{4}, date of birth \d{4}-\d\d-\d\d", worker_lines[0]
    )


def test_a_negative_number_of_cases_is_refused_and_seeds_nothing():
    with pytest.raises(CommandError, match="--cases"):
        call_command("seed_demo", "--force", "--cases", "-1")
    assert not Employer.objects.exists()

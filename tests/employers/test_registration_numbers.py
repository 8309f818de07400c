"""INN and OGRN of an employer: checksum-valid numbers only, one employer per INN."""

import pytest

from employers.models import Employer
from employers.sponsorship.signals import employer_changed
from mobility.seed import demo_inn, demo_ogrn
from tests.factories import EmployerFactory, official_user
from tests.signals import announced

pytestmark = pytest.mark.django_db

VALID_INN = "7707083893"
VALID_OGRN = "1027700132195"


def register(api, **overrides):
    body = {
        "legal_name": "Stroy LLC",
        "inn": VALID_INN,
        "ogrn": VALID_OGRN,
        "region": "RU-MOW",
        "sector": "construction",
        **overrides,
    }
    return api.as_user(official_user()).post("/api/v1/employers/", body, format="json")


def wrong_check_digit(number: str) -> str:
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def test_valid_inn_and_ogrn_register_an_applicant(api):
    response = register(api)
    assert response.status_code == 201, response.json()
    assert response.json()["sponsorship_status"] == "applied"
    assert response.json()["quota"] == 0


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("inn", wrong_check_digit(VALID_INN), "check digit"),
        ("inn", VALID_INN[:-1], "10 digits"),
        ("inn", "770708389312", "10 digits"),
        ("inn", "77070838AB", "digits"),
        ("ogrn", wrong_check_digit(VALID_OGRN), "check digit"),
        ("ogrn", VALID_OGRN[:-1], "13 digits"),
        ("ogrn", VALID_OGRN + "1", "13 digits"),
    ],
)
def test_bad_registration_numbers_are_refused_with_a_reason(api, field, value, words):
    response = register(api, **{field: value})
    assert response.status_code == 400
    assert any(words in message for message in response.json()[field]), response.json()
    assert not Employer.objects.exists()


def test_an_inn_registers_one_employer_only(api):
    EmployerFactory(inn=VALID_INN)
    response = register(api, ogrn=demo_ogrn(77))
    assert response.status_code == 400
    assert "exists" in response.json()["inn"][0]
    assert Employer.objects.count() == 1


def test_demo_numbers_are_checksum_valid(api):
    assert register(api, inn=demo_inn(42), ogrn=demo_ogrn(42)).status_code == 201


def test_registering_and_editing_an_employer_tells_listeners(
    api, django_capture_on_commit_callbacks
):
    with announced(employer_changed, "employer_id") as heard:
        with django_capture_on_commit_callbacks(execute=True):
            employer_id = register(api).json()["id"]
        with django_capture_on_commit_callbacks(execute=True):
            api.patch(f"/api/v1/employers/{employer_id}/", {"address": "Arbat 1"}, format="json")
    assert heard == [employer_id, employer_id]

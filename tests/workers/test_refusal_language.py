"""A refused move, contract or job order answers in the reader's language, with its figures
written as that language writes them: Russian groups thousands with a no-break space and
writes roubles as "руб.", Hindi groups lakhs, and English reads as it always did."""

import re
from decimal import Decimal

import pytest

from tests import factories
from tests.world import S, contract_body

pytestmark = pytest.mark.django_db

NBSP = "\xa0"
# Moscow's minimum wage since 1 January 2026 (RULES.md), as each language groups it.
MOSCOW_MINIMUM = {"ru": f"39{NBSP}730", "hi": "39,730", "en": "39,730"}


def post(api, user, url, language, body=None):
    return api.as_user(user).post(url, body or {}, format="json", HTTP_ACCEPT_LANGUAGE=language)


def sign(api, world, placement, language, wage):
    return post(
        api,
        world.employer_a_user,
        f"/api/v1/placements/{placement.pk}/transition/",
        language,
        {"to": S.CONTRACT_SIGNED, **contract_body(contract_wage_rub=wage)},
    )


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        (
            "ru",
            f"Подмена условий договора: зарплата по договору 85{NBSP}000 руб. ниже, чем в "
            f"заявке (90{NBSP}000 руб.).",
        ),
        ("hi", "अनुबंध में बदलाव: अनुबंध का वेतन 85,000 रूबल नौकरी आदेश के 90,000 रूबल से कम है।"),
        (
            "en",
            "Contract substitution: the contract wage of 85,000 RUB is below the job order's "
            "90,000 RUB.",
        ),
    ],
)
def test_a_contract_below_the_job_order_is_refused_in_the_employers_language(
    api, world, language, refusal
):
    world.job_a.monthly_wage_rub = Decimal("90000.00")
    world.job_a.save()
    placement = world.case(S.ACCEPTED)
    response = sign(api, world, placement, language, wage="85000.00")
    assert response.status_code == 400, response.json()
    assert response.json()["requirements"] == [refusal]
    placement.refresh_from_db()
    assert placement.status == S.ACCEPTED


def test_hindi_groups_a_lakh_of_roubles_the_indian_way(api, world):
    world.job_a.monthly_wage_rub = Decimal("150000.00")
    world.job_a.save()
    placement = world.case(S.ACCEPTED)
    response = sign(api, world, placement, "hi", wage="125000.50")
    [problem] = response.json()["requirements"]
    assert "1,25,000.50 रूबल" in problem and "1,50,000 रूबल" in problem


@pytest.mark.parametrize(
    ("language", "refusal"),
    [
        ("ru", "Дело со статусом «Черновик» нельзя перевести в статус «Работает»."),
        ("hi", "जिस मामले की स्थिति “मसौदा” है, उसे “काम पर” में नहीं ले जाया जा सकता।"),
        ("en", "A case that is “Draft” cannot move to “Employed”."),
    ],
)
def test_a_move_outside_the_table_is_refused_in_the_agencys_language(api, world, language, refusal):
    placement = world.case(S.DRAFT)
    response = post(
        api,
        world.agency_a_user,
        f"/api/v1/placements/{placement.pk}/transition/",
        language,
        {"to": S.EMPLOYED},
    )
    assert response.status_code == 409
    assert response.json()["detail"] == refusal


@pytest.mark.parametrize(
    ("language", "opening", "in_force"),
    [
        (
            "ru",
            f"Месячная заработная плата 30{NBSP}000 руб. ниже минимальной заработной платы "
            "региона «Москва»: {minimum} руб. (действует с ",
            r"\(действует с \d{1,2} [а-я]+ \d{4} г\.\)\.\Z",
        ),
        (
            "hi",
            "30,000 रूबल का मासिक वेतन मॉस्को के न्यूनतम वेतन से कम है: {minimum} रूबल, ",
            r", \d{1,2} \S+ \d{4} से लागू।\Z",
        ),
        (
            "en",
            "A monthly wage of 30,000 RUB is below the minimum wage of Moscow: {minimum} RUB, "
            "in force since ",
            r"in force since \d{1,2} [A-Z][a-z]+ \d{4}\.\Z",
        ),
    ],
)
def test_a_job_order_below_the_minimum_wage_is_refused_in_the_employers_language(
    api, world, language, opening, in_force
):
    job_order = factories.JobOrderFactory(
        status="draft", monthly_wage_rub=Decimal("30000.00"), employer=world.employer_a
    )
    minimum = MOSCOW_MINIMUM[language]
    response = post(
        api,
        world.employer_a_user,
        f"/api/v1/job-orders/{job_order.pk}/open/",
        language,
    )
    assert response.status_code == 400
    [problem] = response.json()["requirements"]
    assert problem.startswith(opening.format(minimum=minimum)), problem
    assert re.search(in_force, problem), problem
    assert "WAGE_BELOW_MINIMUM" not in problem


def test_the_job_order_page_names_the_problem_in_russian(client, world):
    job_order = factories.JobOrderFactory(
        status="draft", monthly_wage_rub=Decimal("30000.00"), employer=world.employer_a
    )
    client.force_login(world.employer_a_user)
    page = client.get(f"/employer/job-orders/{job_order.pk}/", HTTP_ACCEPT_LANGUAGE="ru")
    assert f"Месячная заработная плата 30{NBSP}000 руб. ниже" in page.content.decode()

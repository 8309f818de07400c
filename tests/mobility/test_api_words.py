"""API refusals read in the caller's language: DRF's stock messages are ours to translate,
since DRF ships no Hindi (mobility/api_words.py)."""

import inspect

import pytest
from django.test import Client
from django.utils import translation
from rest_framework import exceptions, fields, relations, serializers, validators

from mobility.api_words import MESSAGES


def _stock_messages() -> set[str]:
    with translation.override(None):
        return {str(message) for message in _stock_lazy_messages()}


def _stock_lazy_messages() -> set:
    found = set()
    for module in (fields, serializers, relations):
        for value in vars(module).values():
            if inspect.isclass(value) and issubclass(value, fields.Field):
                found.update(
                    message for message in getattr(value, "default_error_messages", {}).values()
                )
    for value in vars(exceptions).values():
        if inspect.isclass(value) and issubclass(value, exceptions.APIException):
            found.add(value.default_detail)
    found.update(
        validator.message
        for validator in (validators.UniqueValidator, validators.UniqueTogetherValidator)
    )
    return found


def test_every_stock_message_of_the_installed_drf_is_listed_for_translation():
    assert _stock_messages() - set(MESSAGES) == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("hi", "तारीख गलत रूप में है। इस रूप में लिखें: YYYY-MM-DD।"),
        ("ru", "Дата в неверном виде. Допустимый вид: YYYY-MM-DD."),
        ("en", "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."),
    ],
)
def test_a_worker_who_types_a_bad_date_on_the_api_is_told_in_their_language(language, expected):
    response = Client().post(
        "/api/v1/status/lookup/",
        {"reference": "MOB-2026-000001", "date_of_birth": "1990-13-01"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    assert expected in str(response.json())

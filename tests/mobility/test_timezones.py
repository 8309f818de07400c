import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from mobility.middleware import ActorTimezoneMiddleware
from mobility.models import Side
from tests.factories import agency_user, employer_user, official_user

pytestmark = pytest.mark.django_db


def zone_seen_by(user) -> str:
    seen = {}

    def view(request):
        seen["zone"] = timezone.get_current_timezone_name()
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = user
    ActorTimezoneMiddleware(view)(request)
    timezone.deactivate()
    return seen["zone"]


def test_indian_side_users_read_indian_time():
    assert zone_seen_by(agency_user()) == "Asia/Kolkata"
    assert zone_seen_by(official_user(Side.INDIA)) == "Asia/Kolkata"


def test_russian_side_users_read_moscow_time():
    assert zone_seen_by(employer_user()) == "Europe/Moscow"
    assert zone_seen_by(official_user(Side.RUSSIA)) == "Europe/Moscow"

import pytest
from django.conf import settings as django_settings
from rest_framework.test import APIClient

from tests.world import World, build_world

pytest_plugins = ["tests.figures"]


@pytest.fixture
def api():
    """An API client; `api.as_user(user)` makes its requests as `user` (token auth itself is
    tried in tests/mobility/test_api_base.py)."""

    class Client(APIClient):
        def as_user(self, user):
            self.force_authenticate(user=user)
            return self

    return Client()


@pytest.fixture
def world(db) -> World:
    """The owner, the peer who must not see, and the officials: see tests/world.py."""
    return build_world()


@pytest.fixture(autouse=True)
def default_language():
    """A request through the test client leaves its language active in the thread, as a
    server's next request would not find it: each test starts in the default language."""
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Every test stores its uploads in a folder of its own, so that what a test finds stored
    is what it stored itself."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def rule_catalogue(request):
    """Transactional tests flush every table, the data migrations' rows too (the rule
    catalogue, the key rates, the grievance clocks); put them back so every test starts from
    the database a deployment starts from."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from compliance.entitlements.key_rates import load_key_rates
    from compliance.grievances.clock_data import load_clocks
    from compliance.grievances.models import GrievanceClock
    from compliance.models import KeyRate
    from compliance.rulebook.catalogue import load_catalogue
    from compliance.rulebook.models import Corridor, MinimumWage, Rule, RuleParameter

    if not Rule.objects.exists():
        load_catalogue(Corridor, Rule, RuleParameter, MinimumWage)
    load_clocks(GrievanceClock)
    if not KeyRate.objects.exists():
        load_key_rates(KeyRate)

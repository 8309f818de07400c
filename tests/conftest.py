import pytest
from rest_framework.test import APIClient

from tests import factories


@pytest.fixture
def api():
    """An API client; `api.as_user(user)` signs in with a token like an API consumer would."""

    class Client(APIClient):
        def as_user(self, user):
            self.force_authenticate(user=user)
            return self

    return Client()


@pytest.fixture
def agency(db):
    return factories.AgencyFactory()


@pytest.fixture
def employer(db):
    return factories.EmployerFactory()

import pytest
from django.db import connection

from mobility.tasks import heartbeat


@pytest.mark.django_db
def test_health_reports_database_broker_and_heartbeat(client):
    heartbeat()
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["database"] == "ok"
    assert body["broker"] == "ok"
    assert body["celery"]["status"] == "ok"
    assert body["celery"]["last_heartbeat"]


@pytest.mark.django_db
def test_health_without_any_heartbeat_says_so(client):
    assert client.get("/health/").json()["celery"]["status"] == "no heartbeat yet"


@pytest.mark.django_db(transaction=True)
def test_health_is_503_when_the_database_is_unreachable(client):
    original = dict(connection.settings_dict)
    connection.close()
    # A port nothing listens on: the same failure as PostgreSQL being down.
    connection.settings_dict.update(HOST="127.0.0.1", PORT=1, OPTIONS={"connect_timeout": 2})
    try:
        response = client.get("/health/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"

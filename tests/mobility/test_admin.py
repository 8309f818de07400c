"""Support staff give officials their role in the admin, and read the heartbeats there."""

import pytest

from mobility.models import Official
from tests.admin_pages import change_page, support_world, walk_admin_list
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "label, search, filters",
    [
        ("mobility.official", lambda o: o.user.username, lambda o: {"side__exact": o.side}),
        ("mobility.heartbeat", lambda h: h.name, lambda h: {"name": h.name}),
        ("mobility.notification", lambda n: n.address, lambda n: {"status__exact": n.status}),
    ],
)
def test_support_staff_find_every_record_in_few_queries(admin_client, label, search, filters):
    walk_admin_list(admin_client, label, search, filters)


def test_support_staff_make_a_user_an_official_limited_to_regions(admin_client):
    user = UserFactory()
    response = admin_client.post(
        "/admin/mobility/official/add/",
        {"user": user.pk, "side": "RU", "regions": "RU-MOW,RU-SPE", "rank": "supervisor"},
    )
    assert response.status_code == 302
    official = Official.objects.get(user=user)
    assert official.regions == ["RU-MOW", "RU-SPE"]
    # On the grievance ladder, a supervisor takes what the regional officials let run late.
    assert official.rank == "supervisor"


@pytest.mark.parametrize("label", ["mobility.heartbeat", "mobility.notification"])
def test_heartbeats_and_notifications_are_read_only(admin_client, label):
    page = admin_client.get(change_page(support_world()[label]))
    assert page.context["has_change_permission"] is False

"""The ledger joined to the worker's voice: a disputed month is owed like any money finding,
and a recorded payment tells the worker to confirm it."""

from decimal import Decimal as D

import pytest

from compliance.models import Entitlement
from mobility.notifications.models import Notification
from tests.compliance.test_entitlements import owed, pay, unpaid_case
from tests.compliance.wage_answer_fixtures import *  # noqa: F403
from tests.compliance.wage_answer_fixtures import answer, dispute

pytestmark = pytest.mark.django_db


def test_a_disputed_month_owes_the_difference_the_worker_names(api, paid_case):
    assert dispute(api, paid_case, received="25000").status_code == 200
    entitlement = owed(paid_case, "WAGE_DISPUTED_BY_WORKER")
    # October was reported at 40,000 net; the worker says 25,000 arrived.
    assert (entitlement.amount_owed, entitlement.outstanding) == (D("15000.00"), D("15000.00"))
    assert (entitlement.owed_by, entitlement.currency, entitlement.period) == (
        "employer",
        "RUB",
        "2025-10",
    )


def test_a_new_amount_changes_what_is_owed_and_withdrawing_the_dispute_ends_it(api, paid_case):
    dispute(api, paid_case, received="25000")
    assert dispute(api, paid_case, received="30000").status_code == 200
    assert owed(paid_case, "WAGE_DISPUTED_BY_WORKER").amount_owed == D("10000.00")
    assert answer(api, paid_case, answer="confirmed").status_code == 200
    entitlement = Entitlement.objects.get(placement=paid_case)
    assert entitlement.status == "waived"


def test_a_recorded_payment_asks_the_worker_by_sms_once(api, world):
    case = unpaid_case(world)
    response = pay(api, world.employer_a_user, owed(case), "1000.00")
    assert response.status_code == 201
    sms = Notification.objects.get(event="payment_recorded")
    assert sms.case_id == case.pk and sms.channel == "sms"
    assert case.reference in sms.text and "1,000" in sms.text

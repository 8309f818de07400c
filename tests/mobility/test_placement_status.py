from mobility import placement_status as groups
from mobility.placement_status import PlacementStatus as S
from workers import models as workers_models


def test_every_status_is_either_open_or_terminal_once():
    assert sorted(groups.OPEN + groups.TERMINAL) == sorted(S.values)
    assert not set(groups.OPEN) & set(groups.TERMINAL)


def test_spec_terminal_statuses():
    assert set(groups.TERMINAL) == {
        "completed",
        "terminated",
        "rejected",
        "withdrawn",
        "repatriated",
    }


def test_the_quota_counts_cases_from_contract_signed_to_employed():
    assert groups.CONTRACT_ON == (
        "contract_signed",
        "visa_issued",
        "departed",
        "arrived",
        "employed",
    )


def test_a_worker_is_in_russia_once_arrived_until_the_case_ends():
    assert groups.IN_RUSSIA == ("arrived", "employed")


def test_cases_may_be_withdrawn_until_the_worker_departs():
    assert groups.PRE_DEPARTURE == (
        "draft",
        "submitted",
        "accepted",
        "contract_signed",
        "visa_issued",
    )


def test_workers_models_hands_out_the_same_statuses():
    assert workers_models.PlacementStatus is S

"""What compliance does when a case, a worker, an agency or an employer changes."""

from compliance.checks import engine


def on_placement_changed(sender, placement_id: int, **kwargs) -> None:
    engine.evaluate_placement_later(placement_id)


def on_worker_changed(sender, worker_id: int, **kwargs) -> None:
    engine.verify_later("worker", worker_id)


def on_agency_changed(sender, agency_id: int, **kwargs) -> None:
    engine.verify_later("agency", agency_id)


def on_employer_changed(sender, employer_id: int, **kwargs) -> None:
    engine.verify_later("employer", employer_id)

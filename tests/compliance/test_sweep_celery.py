import uuid
from datetime import timedelta
from decimal import Decimal as D

import pytest

from compliance.checks import engine
from compliance.models import CheckRun, Corridor, Finding, MinimumWage, Rule, RuleParameter
from compliance.rulebook.catalogue import load_catalogue
from tests.celery_worker import running_worker, wait_for
from tests.compliance.rule_helpers import ON, compliant_case


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_a_full_sweep_end_to_end():
    # An earlier test that commits flushes the tables, the seeded rule catalogue with them.
    load_catalogue(Corridor, Rule, RuleParameter, MinimumWage)
    compliant_case()
    flagged = compliant_case(recruitment_fee_inr=D("45000"), work_permit_valid_until=ON)
    queue = f"test-sweep-{uuid.uuid4().hex[:8]}"
    with running_worker(queue) as worker:
        run = engine.start_sweep(trigger="user", on=ON, queue=queue, chunk_size=1)
        done = wait_for(
            lambda: (
                CheckRun.objects.get(pk=run.pk).status in ("finished", "failed")
                or worker.poll() is not None
            ),
            timeout=90,
        )
    run.refresh_from_db()
    assert done is True
    assert run.status == "finished", run.error
    assert run.chunks_done == run.chunks_total == 3
    assert run.finished_at - run.created_at < timedelta(minutes=2)
    codes = set(Finding.objects.filter(placement=flagged).values_list("rule__code", flat=True))
    assert codes == {"RECRUITMENT_FEE_CHARGED", "WORK_PERMIT_EXPIRED"}

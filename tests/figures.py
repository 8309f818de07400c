"""Figures the permanent checks (schema conformance, isolation matrix, faults) print at the end
of a run: how many requests, probes and faults were tried, so a green run says how much it
tried and a shrinking figure is noticed.

A check calls `figures.add("isolation", "probes", 12)`; under xdist each worker sends its
counts to the controller, which adds them up and prints them in the terminal summary.
"""

from collections import Counter

import pytest

_counts: Counter = Counter()


def add(check: str, figure: str, amount: int = 1) -> None:
    _counts[(check, figure)] += amount


def _encode(counts: Counter) -> list:
    return [[check, figure, amount] for (check, figure), amount in counts.items()]


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["mobility_figures"] = _encode(_counts)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    for check, figure, amount in getattr(node, "workeroutput", {}).get("mobility_figures", []):
        _counts[(check, figure)] += amount


def pytest_terminal_summary(terminalreporter):
    if not _counts:
        return
    terminalreporter.section("figures of the permanent checks")
    for check in sorted({check for check, _ in _counts}):
        parts = [
            f"{amount:,} {figure}" for (c, figure), amount in sorted(_counts.items()) if c == check
        ]
        terminalreporter.write_line(f"{check}: " + ", ".join(parts))

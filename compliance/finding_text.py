"""The sentence a person reads for a finding, wherever it is shown (API, pages, CSV)."""

from compliance.models import Finding


def finding_message(finding: Finding) -> str:
    """The rule engine's own wording of the finding; before it can say more, the rule's title
    and the subject it fired for."""
    try:
        from compliance.wording import describe
    except ImportError:  # the wording is written alongside the rule engine
        return _fallback(finding)
    return describe(finding)


def _fallback(finding: Finding) -> str:
    subject = finding.placement or finding.employer or finding.agency or finding.worker
    period = f" ({finding.period})" if finding.period else ""
    return f"{finding.rule.title}: {subject}{period}."

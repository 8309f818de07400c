"""The sentence a person reads for a finding, wherever it is shown (API, pages, CSV)."""

from compliance.models import Finding
from compliance.wording import describe


def finding_message(finding: Finding) -> str:
    """What was expected, what was found and which law requires it, in one sentence."""
    return describe(finding)

"""A case's status and the groups of statuses the rules, scopes and pages ask about (SPEC §5).

Every app reads these: the employers' quota, the workers' lifecycle and imports, and the
compliance rules and dashboard. `employers` may not import `workers`, so the statuses live
here, below all three, and each group is written once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlacementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted to the employer")
    ACCEPTED = "accepted", _("Accepted by the employer")
    REJECTED = "rejected", _("Rejected by the employer")
    CONTRACT_SIGNED = "contract_signed", _("Contract signed")
    VISA_ISSUED = "visa_issued", _("Visa and work permit issued")
    DEPARTED = "departed", _("Departed from India")
    ARRIVED = "arrived", _("Arrived in Russia")
    EMPLOYED = "employed", _("Employed")
    COMPLETED = "completed", _("Contract completed")
    TERMINATED = "terminated", _("Contract terminated")
    REPATRIATED = "repatriated", _("Repatriated")
    WITHDRAWN = "withdrawn", _("Withdrawn")


S = PlacementStatus

TERMINAL = (S.COMPLETED, S.TERMINATED, S.REJECTED, S.WITHDRAWN, S.REPATRIATED)
# The cases still in progress, in the order a case that goes well passes through them.
OPEN = (
    S.DRAFT,
    S.SUBMITTED,
    S.ACCEPTED,
    S.CONTRACT_SIGNED,
    S.VISA_ISSUED,
    S.DEPARTED,
    S.ARRIVED,
    S.EMPLOYED,
)


def _from(status: PlacementStatus) -> tuple[PlacementStatus, ...]:
    return OPEN[OPEN.index(status) :]


# Cases in progress that got at least this far.
SUBMITTED_ON = _from(S.SUBMITTED)
ACCEPTED_ON = _from(S.ACCEPTED)
# Also the cases that count against an employer's quota (SPEC §4: contract_signed .. employed).
CONTRACT_ON = _from(S.CONTRACT_SIGNED)
DEPARTED_ON = _from(S.DEPARTED)
IN_RUSSIA = _from(S.ARRIVED)
# The cases an agency or official may still withdraw.
PRE_DEPARTURE = OPEN[: OPEN.index(S.DEPARTED)]

# Contracts that ran and ended in Russia; a repatriation is an official's decision of its own.
CONTRACT_ENDED = (S.COMPLETED, S.TERMINATED)
EMPLOYED_OR_ENDED = (S.EMPLOYED, *CONTRACT_ENDED)
# Wages are owed, and safety is recorded, from arrival until the contract ends.
ARRIVED_OR_ENDED = (*IN_RUSSIA, *CONTRACT_ENDED)
# Insurance is taken out from signing on: origin-country cover is bought before departure.
CONTRACT_ON_OR_ENDED = (*CONTRACT_ON, *CONTRACT_ENDED)
# Cases that never came to work: the employer said no, or the case was withdrawn.
CALLED_OFF = (S.REJECTED, S.WITHDRAWN)

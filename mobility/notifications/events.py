"""What a person is told of, and in which words.

Each event has its words per channel: a subject and a text, with `%(name)s` placeholders the
caller's context fills. The words are English msgids rendered in the recipient's language when
the message is queued (`services.notify`), so the stored text is what the person read.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    # Workers, by SMS.
    CASE_MOVED = "case_moved", _("Move on a case")
    WAGE_MONTH_REPORTED = "wage_month_reported", _("Month's pay reported")
    PAYMENT_RECORDED = "payment_recorded", _("Payment recorded")
    GRIEVANCE_ACKNOWLEDGED = "grievance_acknowledged", _("Grievance acknowledged")
    GRIEVANCE_ANSWERED = "grievance_answered", _("Grievance answered")
    GRIEVANCE_CLOSED = "grievance_closed", _("Grievance closed")
    # Staff, by e-mail now or in the daily digest, as each chooses.
    NEW_CANDIDATE = "new_candidate", _("New candidates")
    FINDING_OPENED = "finding_opened", _("Findings on own cases")
    GRIEVANCE_CLOCK = "grievance_clock", _("Grievance clocks")
    WAGE_REPORTS_DUE = "wage_reports_due", _("Wage reports due")
    DIGEST = "digest", _("Daily digest")


# The events staff choose for, per role, and how they hear of each until they choose. Moves
# and findings come in numbers, so they wait for the digest; the rest asks for action soon.
STAFF_EVENTS: dict[str, tuple[Event, ...]] = {
    "agency": (Event.CASE_MOVED, Event.FINDING_OPENED),
    "employer": (
        Event.NEW_CANDIDATE,
        Event.CASE_MOVED,
        Event.FINDING_OPENED,
        Event.WAGE_REPORTS_DUE,
    ),
    "official": (Event.GRIEVANCE_CLOCK,),
    "superuser": (Event.GRIEVANCE_CLOCK,),
}
STAFF_DEFAULTS: dict[Event, str] = {
    Event.NEW_CANDIDATE: "now",
    Event.CASE_MOVED: "digest",
    Event.FINDING_OPENED: "digest",
    Event.GRIEVANCE_CLOCK: "now",
    Event.WAGE_REPORTS_DUE: "now",
}

# Messages to the worker that only officials may see on the case page: a grievance, and who
# filed it, stays hidden from the employer until an official shares it (SPEC §3).
OFFICIALS_ONLY = frozenset(
    {Event.GRIEVANCE_ACKNOWLEDGED, Event.GRIEVANCE_ANSWERED, Event.GRIEVANCE_CLOSED}
)

# (subject, text) per event and channel.
SMS_TEXTS = {
    Event.CASE_MOVED: _("%(reference)s: %(message)s"),
    Event.WAGE_MONTH_REPORTED: _(
        "%(reference)s: your employer reported your pay for %(month)s: %(net)s paid to you. "
        "Check it and answer whether you received it: %(url)s"
    ),
    Event.PAYMENT_RECORDED: _(
        "%(reference)s: a payment to you of %(amount)s was recorded. "
        "Tell us whether you received it: %(url)s"
    ),
    Event.GRIEVANCE_ACKNOWLEDGED: _(
        "Your grievance %(receipt)s has been received by an official and is being looked "
        "into. Follow it: %(url)s"
    ),
    Event.GRIEVANCE_ANSWERED: _("There is an answer to your grievance %(receipt)s: %(url)s"),
    Event.GRIEVANCE_CLOSED: _(
        "Your grievance %(receipt)s is closed. Read the outcome and tell us whether it was "
        "resolved: %(url)s"
    ),
}
EMAIL_TEXTS = {
    Event.NEW_CANDIDATE: (
        _("New candidate %(reference)s for %(job)s"),
        _(
            "A recruitment agency submitted a candidate for your job order “%(job)s”. "
            "Open case %(reference)s to accept or reject it: %(url)s"
        ),
    ),
    Event.CASE_MOVED: (
        _("Case %(reference)s: %(status)s"),
        _("Case %(reference)s moved from %(from_status)s to %(status)s. Open it: %(url)s"),
    ),
    Event.FINDING_OPENED: (
        _("Case %(reference)s: %(rule)s"),
        _("A check found a problem on case %(reference)s: %(message)s Open it: %(url)s"),
    ),
    Event.GRIEVANCE_CLOCK: (
        _("Grievance %(receipt)s: %(clock)s"),
        _("Grievance %(receipt)s (%(category)s): %(clock)s. Open it: %(url)s"),
    ),
    Event.WAGE_REPORTS_DUE: (
        _("Wage reports for %(month)s are due by %(due)s"),
        _(
            "Cases of yours still without a wage report for %(month)s: %(count)s. "
            "Report them by %(due)s: %(url)s"
        ),
    ),
}

"""What each step of a case means for the worker, in plain words: where the case stands now and
what happens next. Shown on the public status page and in the status lookup answer."""

from django.utils.translation import gettext_lazy as _

from workers.models import PlacementStatus as S

# One answer for a wrong reference and a wrong date of birth alike.
NO_SUCH_PLACEMENT = _("We could not find a case with this reference and date of birth. Check both.")
NO_SUCH_GRIEVANCE = _(
    "We could not find a complaint with this receipt number and date of birth. Check both."
)

# A grievance's status as its filer reads it, where the officials' label speaks of them.
GRIEVANCE_STATUS_FOR_WORKER = {
    "proposed_resolved": _("Resolved? Please tell us"),
}

STEPS = {
    S.DRAFT: (
        _("Your recruitment agency is preparing your application."),
        _(
            "The agency checks your passport and medical certificate and sends your application "
            "to the employer."
        ),
    ),
    S.SUBMITTED: (
        _("Your application has been sent to the employer in Russia."),
        _("The employer decides whether to offer you the job. This usually takes a few weeks."),
    ),
    S.ACCEPTED: (
        _("The employer has agreed to offer you the job."),
        _("The employer prepares your employment contract. Read it carefully before you sign."),
    ),
    S.REJECTED: (
        _("The employer did not accept your application."),
        _("Your agency may offer you another job. You do not have to pay anyone for this."),
    ),
    S.CONTRACT_SIGNED: (
        _("Your employment contract is signed. Its wage and hours can no longer be changed."),
        _("Your visa and work permit are being arranged."),
    ),
    S.VISA_ISSUED: (
        _("Your visa and work permit have been issued."),
        _("Your agency tells you the date of your journey to Russia. Keep your passport with you."),
    ),
    S.DEPARTED: (
        _("You have left India for Russia."),
        _("When you arrive, your employer meets you and registers your stay."),
    ),
    S.ARRIVED: (
        _("You have arrived in Russia."),
        _(
            "Your employer registers your stay, arranges your medical examination and "
            "fingerprinting, and gives you safety training before work starts."
        ),
    ),
    S.EMPLOYED: (
        _("You are working for your employer."),
        _(
            "You should be paid your full wage every month. No one may keep your passport. "
            "If something is wrong, file a complaint below."
        ),
    ),
    S.COMPLETED: (
        _("Your contract has ended as planned."),
        _("Your employer pays your final wages. Your agency helps you return home."),
    ),
    S.TERMINATED: (
        _("Your contract was ended early."),
        _("Your employer must still pay everything you earned. If not, file a complaint below."),
    ),
    S.REPATRIATED: (
        _("Officials have arranged your return to India."),
        _("If you are owed wages or need help, file a complaint below."),
    ),
    S.WITHDRAWN: (
        _("This application has been withdrawn."),
        _("If you did not ask for this, contact your agency or file a complaint below."),
    ),
}


def explain(status: str) -> tuple[str, str]:
    """(what this step means, what happens next) in the active language."""
    now, upcoming = STEPS[status]
    return str(now), str(upcoming)

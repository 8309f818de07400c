from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from compliance.grievances import services as grievances
from mobility.web import DatePicker, PlainErrors
from workers.models import GrievanceStatus, WorkerAnswer
from workers.status.forms import PlacementKeyForm


class GrievanceKeyForm(PlainErrors, forms.Form):
    receipt = forms.CharField(
        label=_("Receipt number"),
        max_length=40,
        help_text=_("It looks like GRV-4M8T-2C6Q."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    date_of_birth = forms.DateField(label=_("Your date of birth"), widget=DatePicker)


class AssignForm(PlainErrors, forms.Form):
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Assign to"), queryset=grievances.officials_to_assign()
    )


class OutcomeForm(PlainErrors, forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Close as"),
        choices=[
            (GrievanceStatus.RESOLVED, GrievanceStatus.RESOLVED.label),
            (GrievanceStatus.REJECTED, GrievanceStatus.REJECTED.label),
        ],
    )
    standard_outcome = forms.ChoiceField(
        label=gettext_lazy("Outcome"),
        required=False,
        choices=[("", gettext_lazy("— none, only my note —"))]
        + list(grievances.STANDARD_OUTCOMES.items()),
        help_text=gettext_lazy("Sent to the worker in their language."),
    )
    outcome = forms.CharField(
        label=gettext_lazy("Your note to the worker"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=gettext_lazy("Sent as you write it: write it in a language the worker reads."),
    )


class GrievanceAnswerForm(PlacementKeyForm):
    """The worker's answer to "resolved?", with the key of their case; fields as the API's."""

    receipt = forms.CharField(max_length=40)
    answer = forms.ChoiceField(choices=WorkerAnswer.choices)


class SilenceForm(PlainErrors, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why you close it without the worker's answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept in the grievance's history; the worker does not read it."),
    )

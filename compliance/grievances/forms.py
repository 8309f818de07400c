from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from compliance.grievances import services as grievances
from mobility.web import DatePicker, PlainErrors
from workers.models import GrievanceStatus


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
    outcome = forms.CharField(
        label=gettext_lazy("Outcome the worker will read"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )

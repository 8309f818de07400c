"""Forms of the public status pages; their fields match the public API's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mobility.web import DatePicker, PlainErrors
from workers.models import GrievanceCategory
from workers.status.serializers import DESCRIPTION_MAX


class PlacementKeyForm(PlainErrors, forms.Form):
    reference = forms.CharField(
        label=_("Case reference"),
        max_length=40,
        help_text=_("It looks like IRM-7K3F-9Q2P. Your agency gave it to you."),
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off"}),
    )
    date_of_birth = forms.DateField(label=_("Your date of birth"), widget=DatePicker)


class GrievanceFilingForm(PlacementKeyForm):
    reference = forms.CharField(max_length=40, widget=forms.HiddenInput)
    date_of_birth = forms.DateField(widget=forms.HiddenInput)
    category = forms.ChoiceField(label=_("What is the problem?"), choices=GrievanceCategory.choices)
    description = forms.CharField(
        label=_("Tell us what happened"),
        max_length=DESCRIPTION_MAX,
        help_text=_(
            "Write in any language. Officials read it; your employer is not told who "
            "complained unless an official decides it is needed."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

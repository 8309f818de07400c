from django import forms
from django.utils.translation import gettext_lazy as _

from mobility.web import DatePicker, PlainErrors
from workers.models import Agency, AgencyDecisionKind
from workers.placements.forms import SHORT_TEXT


class AgencyDecisionForm(PlainErrors, forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=AgencyDecisionKind.choices)
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs=SHORT_TEXT)
    )


class AgencyForm(PlainErrors, forms.ModelForm):
    class Meta:
        model = Agency
        fields = (
            "name",
            "licence_number",
            "licence_valid_until",
            "state",
            "contact_email",
            "contact_phone",
            "address",
        )
        widgets = {"licence_valid_until": DatePicker()}

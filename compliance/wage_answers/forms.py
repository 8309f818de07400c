"""The worker's answer to one wage month on the status page; its fields match the API's."""

from datetime import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from compliance.models import WageAnswerKind
from compliance.wage_answers.serializers import NOTE_MAX
from mobility.web import PlainErrors


class WageAnswerForm(PlainErrors, forms.Form):
    reference = forms.CharField(max_length=40, widget=forms.HiddenInput)
    date_of_birth = forms.DateField(widget=forms.HiddenInput)
    month = forms.CharField(max_length=7, widget=forms.HiddenInput)
    answer = forms.ChoiceField(
        label=_("Did this reach you?"),
        choices=[
            (WageAnswerKind.CONFIRMED, _("Yes, I received it as shown")),
            (WageAnswerKind.DISPUTED, _("No, not as shown")),
        ],
        widget=forms.RadioSelect,
    )
    received_rub = forms.DecimalField(
        label=_("How many roubles did you actually receive?"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("Only if you answer “No”. Write 0 if you received nothing."),
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0"}),
    )
    note = forms.CharField(
        label=_("Anything else? (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_month(self):
        try:
            return datetime.strptime(self.cleaned_data["month"], "%Y-%m").date()
        except ValueError as error:
            raise forms.ValidationError(_("Choose one of the months shown.")) from error

from django import forms
from django.utils.translation import gettext_lazy as _

from compliance.entitlements.models import PaymentAnswer, PaymentMethod
from mobility.web import DatePicker, PlainErrors


class PaymentForm(PlainErrors, forms.Form):
    amount = forms.DecimalField(label=_("Amount paid"), max_digits=12, decimal_places=2)
    paid_on = forms.DateField(label=_("Paid on"), widget=DatePicker)
    method = forms.ChoiceField(label=_("How it was paid"), choices=PaymentMethod.choices)
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=100,
        required=False,
        help_text=_("The bank's transaction number, or the receipt's."),
    )


class ReasonForm(PlainErrors, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AcceptForm(ReasonForm):
    payment = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)


class WorkerAnswerForm(PlainErrors, forms.Form):
    reference = forms.CharField(max_length=40, widget=forms.HiddenInput)
    date_of_birth = forms.DateField(widget=forms.HiddenInput)
    payment = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1)
    answer = forms.ChoiceField(
        choices=[(a.value, a.label) for a in (PaymentAnswer.CONFIRMED, PaymentAnswer.DISPUTED)]
    )

from django import forms
from django.utils.translation import gettext_lazy

from mobility.web import PlainErrors


class ReasonForm(PlainErrors, forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

from django import forms
from django.utils.translation import gettext_lazy

from compliance.models import WatchlistKind
from mobility.web import PlainErrors


class WatchlistEntryForm(PlainErrors, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=WatchlistKind.choices)
    value = forms.CharField(label=gettext_lazy("Number"), max_length=60)
    reason = forms.CharField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

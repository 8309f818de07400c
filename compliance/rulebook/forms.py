from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.rulebook.models import MinimumWage, Rule
from mobility.regions import russian_regions
from mobility.web import DatePicker, PlainErrors


class RuleSettingsForm(PlainErrors, forms.ModelForm):
    class Meta:
        model = Rule
        fields = ("enabled", "severity")


class ParameterVersionForm(PlainErrors, forms.Form):
    """One field per parameter of the rule, prefilled with the figures in force today."""

    effective_from = forms.DateField(label=gettext_lazy("In force from"), widget=DatePicker())

    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = {}
        for name, value in current.items():
            if isinstance(value, list):
                self.kinds[name] = list
                self.fields[name] = forms.CharField(
                    label=name, initial=", ".join(value), help_text=_("Codes, comma-separated.")
                )
            else:
                self.kinds[name] = Decimal
                self.fields[name] = forms.DecimalField(label=name, initial=value, min_value=0)

    def values(self) -> dict:
        values = {}
        for name, kind in self.kinds.items():
            raw = self.cleaned_data[name]
            if kind is list:
                values[name] = [part.strip() for part in raw.split(",") if part.strip()]
            else:
                values[name] = int(raw) if raw == raw.to_integral_value() else float(raw)
        return values


class MinimumWageForm(PlainErrors, forms.ModelForm):
    region = forms.ChoiceField(
        label=gettext_lazy("Region"),
        choices=lambda: [("", _("Federal (MROT)")), *russian_regions()],
        required=False,
    )

    class Meta:
        model = MinimumWage
        fields = ("region", "effective_from", "amount_rub", "source")
        widgets = {"effective_from": DatePicker()}

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.rulebook.examples import parameter_in_words, parameter_label
from compliance.rulebook.models import MinimumWage, Rule, Severity, is_severity_parameter
from mobility.regions import russian_regions
from mobility.sectors import Sector
from mobility.web import DatePicker, PlainErrors


class RuleSettingsForm(PlainErrors, forms.ModelForm):
    class Meta:
        model = Rule
        fields = ("enabled", "severity")


class ParameterVersionForm(PlainErrors, forms.Form):
    """One field per parameter of the rule, each showing the figure in force today. A field
    left empty keeps the figure in force on the new version's own date: prefilling today's
    figures would carry a later version's figures back to an earlier date (RULES.md)."""

    effective_from = forms.DateField(label=gettext_lazy("In force from"), widget=DatePicker())

    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.kinds = {}
        for name, value in current.items():
            if is_severity_parameter(name):
                self.kinds[name] = str
                field = forms.ChoiceField(choices=[("", "—"), *Severity.choices])
            elif isinstance(value, list):
                # The one list parameter names sectors; ticked boxes, never typed codes.
                self.kinds[name] = list
                field = forms.MultipleChoiceField(
                    choices=Sector.choices, widget=forms.CheckboxSelectMultiple
                )
            else:
                self.kinds[name] = Decimal
                field = forms.DecimalField(
                    min_value=0, widget=forms.NumberInput(attrs={"placeholder": str(value)})
                )
            # The words the rule list and the rule's page use for the same parameter.
            field.label, field.required = parameter_label(name), False
            field.help_text = _(
                "In force today: %(today)s. Left empty, the figure in force on the chosen date "
                "stays."
            ) % {"today": parameter_in_words(name, value)}
            self.fields[name] = field

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.values():
            raise forms.ValidationError(_("Give at least one figure for the new version."))
        return cleaned

    def values(self) -> dict:
        """Only the figures the official gave; the rest come from the version in force."""
        values = {}
        for name, kind in self.kinds.items():
            raw = self.cleaned_data.get(name)
            if raw in (None, "", []):
                continue
            if kind is str:
                values[name] = raw
            elif kind is list:
                values[name] = list(raw)
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

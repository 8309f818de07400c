from django import forms
from django.utils.translation import gettext_lazy as _

from compliance.dashboard.selectors import DashboardFilters
from employers.models import Sector
from mobility.regions import russian_regions


class DashboardFilterForm(forms.Form):
    period_from = forms.DateField(label=_("From"), required=False)
    period_to = forms.DateField(label=_("To"), required=False)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=lambda: [("", _("All")), *russian_regions()]
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All")), *Sector.choices]
    )
    employer = forms.IntegerField(label=_("Employer"), required=False, min_value=1)
    agency = forms.IntegerField(label=_("Agency"), required=False, min_value=1)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The period must start before it ends."))
        return data

    def filters(self) -> DashboardFilters:
        data = self.cleaned_data
        return DashboardFilters(
            period_from=data.get("period_from"),
            period_to=data.get("period_to"),
            region=data.get("region") or "",
            sector=data.get("sector") or "",
            employer=data.get("employer"),
            agency=data.get("agency"),
        )

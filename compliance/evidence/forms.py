from datetime import date

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from compliance.evidence.serializers import MONTH
from compliance.models import (
    IncidentSeverity,
    InsuranceKind,
    SafetyRecordKind,
)
from mobility.web import PlainErrors

# A month of one employer's workers fits easily; a bigger file is a mistake.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def month_from_text(text: str | None, default: date | None = None) -> date | None:
    match = MONTH.match(text or "")
    if match and 1 <= int(match[2]) <= 12:
        return date(int(match[1]), int(match[2]), 1)
    return default


class WageReportForm(PlainErrors, forms.Form):
    gross_rub = forms.DecimalField(
        label=gettext_lazy("Gross pay, RUB"), min_value=0, decimal_places=2, max_digits=12
    )
    tax_withheld_rub = forms.DecimalField(
        label=gettext_lazy("Income tax withheld, RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
        initial=0,
    )
    deductions_rub = forms.DecimalField(
        label=gettext_lazy("Employer's deductions (accommodation, meals, advances, damages), RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
        initial=0,
    )
    net_paid_rub = forms.DecimalField(
        label=gettext_lazy("Net paid to the worker, RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
    )
    paid_on = forms.DateField(
        label=gettext_lazy("Paid on (empty while nothing has been paid)"),
        widget=DATE,
        required=False,
    )
    advance_paid_on = forms.DateField(
        label=gettext_lazy("Half-month advance paid on"), widget=DATE, required=False
    )
    hours_worked = forms.DecimalField(
        label=gettext_lazy("Normal hours worked"), min_value=0, decimal_places=1, max_digits=6
    )
    overtime_hours = forms.DecimalField(
        label=gettext_lazy("Overtime hours"), min_value=0, decimal_places=1, max_digits=6, initial=0
    )
    overtime_pay_rub = forms.DecimalField(
        label=gettext_lazy("Of the gross, pay for overtime, night, weekend and holiday work, RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
        required=False,
    )
    employer_contributions_rub = forms.DecimalField(
        label=gettext_lazy("Employer's social insurance contributions, RUB"),
        min_value=0,
        decimal_places=2,
        max_digits=12,
        required=False,
    )


class SafetyRecordForm(PlainErrors, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=SafetyRecordKind.choices)
    date = forms.DateField(label=gettext_lazy("Date"), widget=DATE)
    severity = forms.ChoiceField(
        label=gettext_lazy("Severity (incidents only)"),
        choices=[("", "—"), *IncidentSeverity.choices],
        required=False,
    )
    description = forms.CharField(
        label=gettext_lazy("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class InsuranceCoverForm(PlainErrors, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=InsuranceKind.choices)
    policy_number = forms.CharField(label=gettext_lazy("Policy number"), max_length=60)
    valid_from = forms.DateField(label=gettext_lazy("Valid from"), widget=DATE)
    valid_until = forms.DateField(label=gettext_lazy("Valid until"), widget=DATE)


class UploadForm(PlainErrors, forms.Form):
    month = forms.CharField(label=gettext_lazy("Month (YYYY-MM)"), max_length=7)
    file = forms.FileField(label=gettext_lazy("CSV file"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return file

    def clean_month(self):
        month = month_from_text(self.cleaned_data["month"])
        if month is None:
            raise forms.ValidationError(_("Give the month as YYYY-MM, e.g. 2025-10."))
        return month

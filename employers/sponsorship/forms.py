from django import forms
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, Sector, SponsorshipDecisionKind, SponsorshipStatus
from employers.sponsorship.services import CONTACT_FIELDS, DECISIONS
from mobility.regions import russian_regions
from mobility.web import PlainErrors


class ContactForm(PlainErrors, forms.ModelForm):
    class Meta:
        model = Employer
        fields = CONTACT_FIELDS


class EmployerRegistrationForm(PlainErrors, forms.ModelForm):
    class Meta:
        model = Employer
        fields = (
            "legal_name",
            "inn",
            "ogrn",
            "region",
            "sector",
            "address",
            "contact_email",
            "contact_phone",
        )


class EmployerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or INN"), required=False, max_length=100)
    sponsorship_status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *SponsorshipStatus.choices],
        required=False,
    )
    region = forms.ChoiceField(
        label=_("Region"),
        choices=lambda: [("", _("Any region")), *russian_regions()],
        required=False,
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("Any sector")), *Sector.choices], required=False
    )


class DecisionForm(PlainErrors, forms.Form):
    """One sponsorship decision from the employer's page; what it needs comes from the same
    table the API uses; the page confirms it before it is made (`mobility.web.unconfirmed`)."""

    decision = forms.ChoiceField(choices=SponsorshipDecisionKind.choices, widget=forms.HiddenInput)
    quota = forms.IntegerField(label=_("Quota"), min_value=1, max_value=1_000_000, required=False)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        rule = DECISIONS.get(data.get("decision"))
        if rule is None:
            return data
        if rule.needs_quota and not data.get("quota"):
            self.add_error("quota", _("An approval needs a quota of at least one worker."))
        if rule.needs_reason and not (data.get("reason") or "").strip():
            self.add_error("reason", _("This decision needs a reason."))
        return data

from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from employers.job_orders.selectors import job_orders_visible_to
from employers.models import JobOrder
from mobility import figures
from mobility.occupations import occupations
from mobility.regions import indian_states
from mobility.web import DatePicker, PlainErrors
from workers.models import PlacementStatus, Worker


class WorkerSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or passport number"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Case status"),
        required=False,
        choices=[("", _("Any"))] + list(PlacementStatus.choices),
    )
    state_of_origin = forms.ChoiceField(label=_("State of origin"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state_of_origin"].choices = [("", _("Any")), *indian_states()]


class WorkerForm(PlainErrors, forms.ModelForm):
    """Renders the worker fields; the values are checked by WorkerSerializer, the same rules the
    API and the CSV import apply."""

    consent = forms.BooleanField(
        label=gettext_lazy("The worker has agreed to the processing of their data"),
        required=False,
    )

    class Meta:
        model = Worker
        fields = (
            "full_name",
            "date_of_birth",
            "sex",
            "passport_number",
            "passport_expiry",
            "state_of_origin",
            "phone",
            "email",
            "occupation",
            "preferred_language",
        )
        widgets = {
            "date_of_birth": DatePicker(),
            "passport_expiry": DatePicker(),
        }

    # The same searchable list of ISCO-08 titles employers pick from for their job orders.
    occupation = forms.ChoiceField(
        label=_("Occupation (ISCO-08)"),
        choices=lambda: [("", "—"), *occupations()],
        help_text=_("Type the first letters of the trade, or its 4-digit code, to find it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state_of_origin"].choices = [("", "—"), *indian_states()]
        self.fields["passport_number"].help_text = _(
            "As printed in the passport: one capital letter and seven digits, e.g. K1234567."
        )
        self.fields["passport_number"].widget.attrs.update(
            {"pattern": "[A-Za-z][0-9]{7}", "autocapitalize": "characters", "size": 8}
        )
        self.fields["phone"].help_text = _("With the country code, e.g. +91 98765 43210.")


class OpenPlacementForm(PlainErrors, forms.Form):
    """The job orders the agency may recruit for: open ones of approved sponsors."""

    job_order = forms.ModelChoiceField(
        label=gettext_lazy("Job order"), queryset=JobOrder.objects.none()
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job_order"].queryset = job_orders_visible_to(user)
        self.fields["job_order"].label_from_instance = lambda job: (
            f"{job.title} — {job.employer.legal_name} ({figures.region(job.work_region)}), "
            f"{figures.roubles(job.monthly_wage_rub)}"
        )

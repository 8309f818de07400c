from django import forms
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from employers.job_orders.selectors import job_orders_visible_to
from employers.models import JobOrder
from mobility.regions import indian_states
from mobility.web import PlainErrors
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
            "date_of_birth": forms.DateInput(attrs={"type": "date"}),
            "passport_expiry": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state_of_origin"].choices = [("", "—"), *indian_states()]


class OpenPlacementForm(PlainErrors, forms.Form):
    """The job orders the agency may recruit for: open ones of approved sponsors."""

    job_order = forms.ModelChoiceField(
        label=gettext_lazy("Job order"), queryset=JobOrder.objects.none()
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["job_order"].queryset = job_orders_visible_to(user)
        self.fields["job_order"].label_from_instance = lambda job: (
            f"{job.title} — {job.employer.legal_name} ({job.work_region}), "
            f"{job.monthly_wage_rub} RUB"
        )

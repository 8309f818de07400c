from django import forms
from django.utils.translation import gettext_lazy as _

from employers.job_orders.services import JOB_ORDER_FIELDS
from employers.models import JobOrder
from mobility.occupations import occupations
from mobility.regions import russian_regions
from mobility.web import PlainErrors


class JobOrderForm(PlainErrors, forms.ModelForm):
    occupation = forms.ChoiceField(label=_("Occupation (ISCO-08)"), choices=occupations)
    work_region = forms.ChoiceField(
        label=_("Work region"),
        choices=lambda: [("", _("The employer's region")), *russian_regions()],
        required=False,
    )

    class Meta:
        model = JobOrder
        fields = JOB_ORDER_FIELDS

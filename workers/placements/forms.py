"""Forms for the pages, and the body fields of lifecycle moves (used by the API too, so a move
is validated the same way from a page and from the API)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from mobility.occupations import permit_occupation
from mobility.regions import russian_regions
from mobility.web import DatePicker, PlainErrors
from workers.models import DocumentKind, Placement, PlacementStatus
from workers.placements.lifecycle import Move

SHORT_TEXT = {"rows": 3}


def _date(label):
    return forms.DateField(label=label, widget=DatePicker())


class PermitRegionField(forms.CharField):
    """A Russian region by its ISO 3166-2:RU code, picked from a list on a page. A text field
    underneath, so that the API's callers, who have no list, read what a code is."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Work permit region"),
            max_length=6,
            widget=forms.Select(choices=[("", "—"), *russian_regions()]),
            help_text=_("A work permit is valid only in the region that issued it."),
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if value and value not in dict(russian_regions()):
            raise forms.ValidationError(
                _(
                    "Choose the Russian region that issued the work permit (its ISO 3166-2:RU "
                    "code, e.g. RU-MOW for Moscow)."
                ),
                code="unknown_region",
            )


class PermitOccupationField(forms.CharField):
    """An ISCO-08 code, or the occupation in the permit's words (`permit_occupation`)."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Work permit occupation"),
            max_length=200,
            help_text=_(
                "The occupation the permit names: its ISCO-08 code (e.g. 7112) or its words."
            ),
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        return permit_occupation(value) if value else value


MOVE_FIELDS = {
    "reason": lambda: forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs=SHORT_TEXT)
    ),
    "contract_wage_rub": lambda: forms.DecimalField(
        label=_("Contract wage, RUB a month"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
    ),
    "contract_hours_per_week": lambda: forms.DecimalField(
        label=_("Contract hours a week"),
        max_digits=4,
        decimal_places=1,
        min_value=Decimal("1"),
        max_value=Decimal("168"),
    ),
    "contract_start": lambda: _date(_("Contract start")),
    "contract_end": lambda: _date(_("Contract end")),
    "visa_number": lambda: forms.CharField(label=_("Visa number"), max_length=40),
    "work_permit_number": lambda: forms.CharField(label=_("Work permit number"), max_length=40),
    "work_permit_valid_from": lambda: _date(_("Work permit valid from")),
    "work_permit_valid_until": lambda: _date(_("Work permit valid until")),
    "work_permit_region": PermitRegionField,
    "work_permit_occupation": PermitOccupationField,
    "departure_date": lambda: _date(_("Departure date")),
    "arrival_date": lambda: _date(_("Arrival date")),
    "employment_start": lambda: _date(_("Employment start")),
    "end_date": lambda: _date(_("End date")),
}


def move_form_class(move: Move) -> type[forms.Form]:
    """A form with exactly the move's body fields (all required) and an optional note."""
    attrs = {name: MOVE_FIELDS[name]() for name in move.fields}
    attrs["note"] = forms.CharField(
        label=_("Internal note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=SHORT_TEXT),
    )
    return type(f"MoveForm_{move.to}", (PlainErrors, forms.Form), attrs)


CONTRACT_FILE = "contract_file"


def page_move_form(move: Move, placement: Placement, data=None, files=None, **kwargs) -> forms.Form:
    """The move's form as the case page offers it. Recording the signed contract starts from
    the job order's wage and hours, and takes the signed contract itself when the case has none
    yet, since the move needs it on file first."""
    form = move_form_class(move)(data, files, auto_id=f"move-{move.to}-%s", **kwargs)
    if move.to == PlacementStatus.CONTRACT_SIGNED:
        job_order = placement.job_order
        form.fields["contract_wage_rub"].initial = job_order.monthly_wage_rub
        form.fields["contract_hours_per_week"].initial = job_order.hours_per_week
        form.fields["contract_wage_rub"].help_text = _(
            "The job order's wage; the contract may not offer less."
        )
        form.fields["contract_hours_per_week"].help_text = _(
            "The job order's hours; the contract may not ask for more."
        )
        if not placement.documents.filter(kind=DocumentKind.CONTRACT).exists():
            form.fields[CONTRACT_FILE] = forms.FileField(
                label=_("Signed contract (PDF, PNG or JPEG, at most 10 MB)"),
                required=False,
                help_text=_(
                    "The signed contract must be on file before the contract can be recorded: "
                    "choose it here, or upload it under Documents first."
                ),
            )
            # The file first, where the person reads the form from.
            form.order_fields([CONTRACT_FILE, *move.fields])
    return form


class PlacementFactsForm(PlainErrors, forms.Form):
    def __init__(self, *args, names=(), placement=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in names:
            field = Placement._meta.get_field(name)
            if name == "recruitment_fee_inr":
                self.fields[name] = forms.DecimalField(
                    label=field.verbose_name, min_value=0, max_digits=12, decimal_places=2
                )
            elif name == "work_permit_region":
                self.fields[name] = PermitRegionField(required=False)
            elif name == "work_permit_occupation":
                self.fields[name] = PermitOccupationField(required=False)
            else:
                self.fields[name] = forms.DateField(
                    label=field.verbose_name,
                    required=False,
                    widget=DatePicker(),
                )
            if placement is not None:
                self.fields[name].initial = getattr(placement, name)

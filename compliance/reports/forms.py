from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from mobility.web import PlainErrors


class ReportRequestForm(PlainErrors, forms.Form):
    """The page's way to ask for a report: the API's body, with the filters written as the
    list's query string (what the list page's address carries after `?`)."""

    kind = forms.ChoiceField(label=_("Report"))
    format = forms.ChoiceField(label=_("Format"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    filters = forms.CharField(
        label=_("Filters"),
        required=False,
        max_length=2000,
        help_text=_(
            "Copy them from the list's address: everything after “?”. The export buttons of "
            "each list fill them in for you."
        ),
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.code, kind.title) for kind in kinds]
        formats = sorted({f for kind in kinds for f in kind.formats})
        self.fields["format"].choices = [(f, f.upper()) for f in formats]

    def clean_filters(self) -> dict:
        return query_as_filters(self.cleaned_data["filters"])


def query_as_filters(query: str) -> dict:
    """A query string as the report's filters: one value as a text, a repeated one as a list."""
    parsed = QueryDict(query.lstrip("?"))
    return {
        name: values[0] if len(values) == 1 else values
        for name, values in parsed.lists()
        if name != "page"
    }

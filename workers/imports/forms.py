from django import forms
from django.utils.translation import gettext_lazy as _

from mobility.web import PlainErrors
from workers.models import ImportKind


class ImportUploadForm(PlainErrors, forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    file = forms.FileField(
        label=_("CSV file (UTF-8, at most 50 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

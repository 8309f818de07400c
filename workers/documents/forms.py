from django import forms
from django.utils.translation import gettext_lazy as _

from mobility.web import DatePicker, PlainErrors
from workers.models import DocumentKind


class DocumentUploadForm(PlainErrors, forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("File (PDF, PNG or JPEG, at most 10 MB)"))
    issued_on = forms.DateField(label=_("Issued on"), required=False, widget=DatePicker())
    expires_on = forms.DateField(label=_("Expires on"), required=False, widget=DatePicker())

"""The filter backend of every API list (a module of its own: DRF reads it while loading its
generic views, so it may import none of them)."""

from django import forms
from django.utils.translation import gettext as _
from django_filters import ModelChoiceFilter, NumberFilter
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions
from rest_framework.settings import api_settings

# Query parameters every list takes besides its filters (pagination and the renderer's).
GENERAL_PARAMETERS = ("page", "page_size", "format")


class IdField(forms.IntegerField):
    """An id as the database keeps it: a number beyond its keys is refused, not looked up."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class IdFilter(NumberFilter):
    """A filter by a related object's id that never looks the object up."""

    field_class = IdField


class StrictFilterBackend(DjangoFilterBackend):
    """Refuses a query parameter the list does not know: a mistyped filter silently ignored
    would show everything while the reader believes the list is filtered."""

    def filter_queryset(self, request, queryset, view):
        known = set(GENERAL_PARAMETERS)
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            known.update(filterset_class.base_filters)
        known.update(getattr(view, "extra_query_parameters", ()))
        if getattr(view, "search_fields", None):
            known.add(api_settings.SEARCH_PARAM)
        if getattr(view, "ordering_fields", None) or getattr(view, "ordering", None):
            known.add(api_settings.ORDERING_PARAM)
        unknown = sorted(set(request.query_params) - known)
        if unknown and getattr(view, "action", None) == "list":
            listed = ", ".join(sorted(known))
            raise exceptions.ValidationError(
                {
                    name: [_("Unknown filter; this list takes: %(known)s.") % {"known": listed}]
                    for name in unknown
                }
            )
        return super().filter_queryset(request, queryset, view)

    def get_filterset(self, request, queryset, view):
        """The list's filterset, with every filter by a related object over all its rows (the
        ones `filterset_fields` makes) taking a plain id: such a filter answers "not a valid
        choice" for an id that does not exist and an empty list for another user's, which
        would tell which ids exist. Now both answer with the empty list the scoped rows give.
        Filters with a scoped queryset or a method of their own stay as they are."""
        filterset = super().get_filterset(request, queryset, view)
        if filterset is None:
            return None
        for name, original in list(filterset.filters.items()):
            if (
                isinstance(original, ModelChoiceFilter)
                and original.method is None
                and not callable(original.queryset)
            ):
                replacement = IdFilter(
                    field_name=original.field_name,
                    lookup_expr=original.lookup_expr,
                    label=original.label,
                )
                replacement.parent = filterset
                filterset.filters[name] = replacement
        return filterset

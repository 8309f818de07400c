"""The OpenAPI schema's one description of the errors the API answers (SPEC §9), so that every
operation documents them alike instead of each view listing its own.

Which errors an operation can answer follows from how it is served: every request may be
malformed (400), name something absent for the caller or an unknown `?format=` (404), ask for
a representation there is none of (406), or meet the database restarting (503); one behind
authentication may carry a bad token (401) or come from a role that may not act (403, or a
session without its CSRF token); a write may conflict (409); a body may be too large (413) or
of a type no parser reads (415); a throttled endpoint counts tries (429).
"""

from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework.permissions import SAFE_METHODS

_DETAIL = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
# DRF's field -> messages map; a domain refusal adds `detail` and the unmet `requirements`.
_VALIDATION = {
    "type": "object",
    "properties": {
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
        "detail": {"type": "string"},
        "requirements": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": {},
}
_CONFLICT = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "allowed": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["detail"],
}

# status: (description, component name, component schema)
_ERRORS = {
    "400": ("The input is invalid; each field names its problem.", "ValidationError", _VALIDATION),
    "401": ("Not signed in, or the token is not valid.", "Error", _DETAIL),
    "403": ("Your role may not do this.", "Error", _DETAIL),
    "404": (
        "No such object for you (out of scope reads as absent), or no such page.",
        "Error",
        _DETAIL,
    ),
    "406": ("No representation matches the Accept header.", "Error", _DETAIL),
    "409": ("The state does not allow this, or the change conflicts.", "Conflict", _CONFLICT),
    "413": ("The request body is too large.", "Error", _DETAIL),
    "415": ("The body's media type is not accepted.", "Error", _DETAIL),
    "429": ("Too many tries; wait before the next.", "Error", _DETAIL),
    "503": ("The service is briefly unavailable; try again.", "Error", _DETAIL),
}
_HEADERS = {
    "401": {"WWW-Authenticate": {"schema": {"type": "string"}, "required": True}},
    "503": {"Retry-After": {"schema": {"type": "integer"}, "required": True}},
}


class AutoSchema(SpectacularAutoSchema):
    def _map_basic_serializer(self, serializer, direction):
        """A serializer's `SOMETIMES_OMITTED` fields are left out of some answers (what a role
        may not see yet): documented, never required."""
        mapped = super()._map_basic_serializer(serializer, direction)
        omitted = set(getattr(serializer, "SOMETIMES_OMITTED", ()))
        if omitted and "required" in mapped:
            mapped["required"] = [name for name in mapped["required"] if name not in omitted]
            if not mapped["required"]:
                del mapped["required"]
        return mapped

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation["responses"]
        for code in self._error_codes(operation):
            if code in responses:
                continue
            description, name, schema = _ERRORS[code]
            component = ResolvedComponent(
                name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
            )
            self.registry.register_on_missing(component)
            responses[code] = {
                "description": description,
                "content": {"application/json": {"schema": component.ref}},
                **({"headers": _HEADERS[code]} if code in _HEADERS else {}),
            }
        operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _error_codes(self, operation: dict) -> list[str]:
        # Imported here: DRF loads this class while its own views are still being defined.
        from rest_framework.authtoken.views import ObtainAuthToken

        # DRF answers 404 to an unknown `?format=` and 406 to an Accept it cannot render.
        codes = ["400", "404", "406", "503"]
        if self.view.get_authenticators():
            codes += ["401", "403"]
        if self.method not in SAFE_METHODS:
            codes.append("409")
        if "requestBody" in operation:
            codes += ["413", "415"]
        # Signing in for a token is limited too: django-axes locks out repeated failures.
        if self.view.get_throttles() or isinstance(self.view, ObtainAuthToken):
            codes.append("429")
        return codes

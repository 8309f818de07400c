"""The kit every page is built from: who may open it, which object it shows, running a service
and showing its refusal where the person will read it, form errors in plain words, the
confirmation before a decision that cannot be undone, paging, and the spreadsheet cell that
never runs (exports are report jobs: compliance.reports).

One decision each: a page for another role, like an object outside the user's scope, answers
404, so a page never confirms that something exists to someone who may not see it.
"""

import re
from collections.abc import Callable, Iterable
from functools import lru_cache, wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from mobility.access import Role, actor_for
from mobility.errors import DomainError, NotFound

PAGE_SIZE = 50
NON_FIELD = ("", "__all__", "non_field_errors")
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def for_roles(*roles: Role) -> Callable:
    """A page for the given roles (officials include superusers). The signed-in actor is on
    `request.actor`; anyone else is asked to sign in, or told the page does not exist."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = actor_for(request.user)
            if actor.role not in roles and not (Role.OFFICIAL in roles and actor.is_official):
                raise Http404
            request.actor = actor
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def visible_or_404(
    selector: Callable[..., QuerySet], request, pk, *, related: Iterable[str] = ()
) -> Model:
    """The object `pk` among the rows `selector` lets this user see, or 404."""
    queryset = selector(request.user)
    if related:
        queryset = queryset.select_related(*related)
    return get_object_or_404(queryset, pk=pk)


class Outcome:
    """What `run_service` did: whether it succeeded, and the service's return value."""

    def __init__(self, ok: bool, value=None):
        self.ok, self.value = ok, value

    def __bool__(self) -> bool:
        return self.ok


def run_service(
    request, action: Callable[[], object], form=None, *, field: str | None = None
) -> Outcome:
    """Run a service. Invalid values land beside the form fields they are about; a refusal of
    the action lands in the page's messages, or on `field` when the form has one it is about
    (a refused move's `allowed` codes are for API clients: the page already offers those moves
    as its buttons). An object the service cannot see for this user is a 404, as everywhere."""
    try:
        value = action()
    except ValidationError as error:
        by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        for name, problems in by_field.items():
            if form is not None:
                form.add_error(name if name in form.fields else None, problems)
            else:
                for problem in problems:
                    messages.error(request, problem)
        return Outcome(False)
    except DomainError as error:
        if isinstance(error, NotFound):
            raise Http404 from error
        for problem in getattr(error, "problems", None) or [error.message]:
            if form is not None and field is not None:
                form.add_error(field, problem)
            else:
                messages.error(request, problem)
        return Outcome(False)
    return Outcome(True, value)


# Django's and DRF's stock messages that do not tell a person what to do ("Date has wrong
# format. Use one of these formats instead: YYYY-MM-DD.", '"" is not a valid choice.'), by the
# kind of field and the error's code. Every form of the pages and every DRF error shown on a
# page goes through `plain_words`, so this table is the one place they are worded.
_PLAIN_WORDS = (
    (forms.DateField, ("invalid", "date"), gettext_lazy("Enter a date: pick it in the calendar.")),
    (
        (forms.ChoiceField, forms.ModelChoiceField),
        ("invalid_choice", "required", "blank", "null", "does_not_exist", "incorrect_type"),
        gettext_lazy("Choose one from the list."),
    ),
    (
        (forms.DecimalField, forms.IntegerField, forms.FloatField),
        ("invalid", "max_string_length"),
        gettext_lazy("Enter a number in figures, such as 85000 or 40.5."),
    ),
    (
        forms.FileField,
        ("required", "missing", "invalid"),
        gettext_lazy("Choose a file to upload."),
    ),
    # "This field is required." already says what to do; DRF's "may not be blank" says it too.
    (forms.CharField, ("blank", "null"), gettext_lazy("This field is required.")),
)


def _sentence_for(field: forms.Field | None, code: str | None) -> str | None:
    return next(
        (
            str(words)
            for kinds, codes, words in _PLAIN_WORDS
            if field is not None and isinstance(field, kinds) and code in codes
        ),
        None,
    )


@lru_cache(maxsize=512)
def _stock_pattern(template: str) -> re.Pattern:
    # A stock message with its blanks ("{max_length}", "%(value)s") open to any filling.
    return re.compile(re.sub(r"\\\{\w+\\\}|%\\\(\w+\\\)[sd]", ".*", re.escape(template)), re.S)


def _is_stock(templates: dict, message: str) -> bool:
    """Whether `message` is one of a field's own stock messages (with its blanks filled), not
    a sentence a validator wrote: both carry the same generic codes ("invalid")."""
    return any(_stock_pattern(str(t)).fullmatch(str(message)) for t in templates.values())


def plain_words(field: forms.Field | None, error: ValidationError) -> ValidationError:
    """The error with every stock message of the table above replaced by its sentence; the
    services' and validators' own messages, already written for people, pass unchanged."""
    reworded = []
    for problem in error.error_list:
        code = getattr(problem, "code", None)
        sentence = _sentence_for(field, code)
        stock = field is not None and _is_stock(field.error_messages, problem.message)
        reworded.append(ValidationError(sentence, code=code) if sentence and stock else problem)
    return ValidationError(reworded)


class DatePicker(forms.DateInput):
    """The browser's date picker. It takes and gives ISO dates whatever the page's language;
    a localized value ("02.12.2026") would leave the picker empty when a form is shown again."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class SearchableSelect(forms.Select):
    """A list to pick from by name, with a box that narrows it as one types
    (static/js/searchable-select.js); without scripts it is a plain list."""

    def __init__(self, attrs=None, choices=()):
        super().__init__({"data-search": gettext_lazy("Type to search"), **(attrs or {})}, choices)


class PlainErrors:
    """A form whose field errors read as sentences a person can act on (`plain_words`)."""

    def add_error(self, field, error):
        if field in getattr(self, "fields", {}) and not isinstance(error, dict):
            if not isinstance(error, ValidationError):
                error = ValidationError(error)
            error = plain_words(self.fields[field], error)
        super().add_error(field, error)


def add_api_errors(form, serializer) -> None:
    """A DRF serializer's errors onto a page's form, beside their fields and in plain words:
    DRF's stock messages by the table above, the validators' own sentences as written."""
    for name, problems in serializer.errors.items():
        target = name if name in form.fields else None
        api_field = serializer.fields.get(name)
        for problem in problems:
            sentence = None
            if target and api_field is not None and _is_stock(api_field.error_messages, problem):
                sentence = _sentence_for(form.fields[target], getattr(problem, "code", None))
            form.add_error(target, sentence or str(problem))


CONFIRM_FIELD = "confirm"


def unconfirmed(
    request,
    *,
    question: str,
    action: str,
    back: str,
    details: Iterable[tuple[str, str]] = (),
    form: forms.Form | None = None,
) -> HttpResponse | None:
    """None when this POST carries the person's confirmation; until then the page that asks
    `question`, showing `details` and carrying every posted value, so that the decision is
    made exactly as it was filled in. Every decision that cannot be undone asks here first,
    on the server: a POST without the confirmation decides nothing. A bound `form` (what the
    decision still needs, such as the reason for a rejection) is filled in on that page and
    asked again, its errors beside its fields, until it is valid."""
    if request.POST.get(CONFIRM_FIELD) == "yes" and (form is None or form.is_valid()):
        return None
    own = set(form.fields) if form is not None else set()
    carried = [
        (name, value)
        for name in request.POST
        if name not in ("csrfmiddlewaretoken", CONFIRM_FIELD, *own)
        for value in request.POST.getlist(name)
    ]
    if form is not None and request.POST.get(CONFIRM_FIELD) != "yes":
        # Asked for the first time: the same form unbound, so that what the person has not
        # been asked yet shows no errors.
        form = type(form)(initial={name: request.POST.get(name, "") for name in own})
    return render(
        request,
        "confirm.html",
        {
            "question": question,
            "action": action,
            "back": back,
            "details": [(label, value) for label, value in details if value],
            "carried": carried,
            "confirm_field": CONFIRM_FIELD,
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )


def query_without_page(request) -> str:
    """The current filters, to carry into page links and exports."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def paginate(request, queryset, size: int = PAGE_SIZE) -> Page:
    """The requested page; `page.query` keeps the filters for the pager's links."""
    page = Paginator(queryset, size).get_page(request.GET.get("page"))
    page.query = query_without_page(request)
    return page


def safe_cell(value) -> object:
    """A cell a spreadsheet shows as text, never runs."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value

"""What every compliance page shares: who may open it, paging, and turning a service's
refusal into messages on the page."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator

from mobility.access import Role, actor_for
from mobility.errors import DomainError

PAGE_SIZE = 50


def for_roles(*roles: Role) -> Callable:
    """A page for the given roles (officials include superusers); others are refused."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = actor_for(request.user)
            if actor.role not in roles and not (Role.OFFICIAL in roles and actor.is_official):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def paginate(request, queryset, size: int = PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def query_without_page(request) -> str:
    """The current filters, to carry into page links and the CSV export."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def attempt(request, action: Callable, form=None) -> bool:
    """Run a service; a refusal lands on the form's fields or in the page's messages."""
    try:
        action()
    except ValidationError as error:
        if form is not None and hasattr(error, "error_dict"):
            for field, field_errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, field_errors)
        else:
            for message in error.messages:
                messages.error(request, message)
        return False
    except DomainError as error:
        messages.error(request, error.message)
        return False
    return True

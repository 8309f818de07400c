"""Sign-in lock-out: django-axes counts failures per username and address; this handler adds a
second, wider count per username across every address, so that guessing one account's password
from many addresses is slowed too. The wider limit is higher, so that a stranger cannot lock a
user out as cheaply as the user's own typos would."""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone


class AddressAndAccountLockout(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        from_address = super().get_failures(request, credentials)
        username = get_client_username(request, credentials)
        if not username:
            return from_address
        attempts = AccessAttempt.objects.filter(username=username)
        if settings.AXES_COOLOFF_TIME is not None:
            attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
        everywhere = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
        # Reported as at least the per-address limit once the account-wide one is reached,
        # which is how axes decides that the request is locked out.
        if everywhere >= settings.MOBILITY_ACCOUNT_FAILURE_LIMIT:
            return max(from_address, everywhere)
        return from_address


def locked_out(request, original_response=None, credentials=None) -> HttpResponse:
    """The sign-in page's answer for a locked account: in the reader's language, saying when
    to try again (the lock runs from the last failed attempt) and whom to ask."""
    until = timezone.now() + get_cool_off(request)
    return render(
        request,
        "registration/locked_out.html",
        {"until": until},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )

"""Signing in by session or token, the user read together with what they act as.

Both load the user in one query joined to the memberships of `access.ACTOR_RELATIONS`, so
`actor_for` answers from the user object instead of three more queries per request.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from mobility.access import ACTOR_RELATIONS


class ActorBackend(ModelBackend):
    """Django's model backend; the session's user comes with its memberships."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related(*ACTOR_RELATIONS)
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


class ActorTokenAuthentication(TokenAuthentication):
    """DRF's token authentication; the token's user comes with its memberships."""

    def authenticate_credentials(self, key):
        tokens = self.get_model().objects.select_related(
            "user", *(f"user__{name}" for name in ACTOR_RELATIONS)
        )
        token = tokens.filter(key=key).first()
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("User inactive or deleted."))
        return token.user, token

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def revoke_tokens_on_lockout(sender, request=None, username=None, **kwargs) -> None:
    """A locked-out account's API token stops working too: whoever guessed the password must
    not keep a door that signing in no longer opens."""
    from rest_framework.authtoken.models import Token

    if username:
        Token.objects.filter(user__username=username).delete()


class MobilityConfig(AppConfig):
    name = "mobility"
    verbose_name = _("Mobility")

    def ready(self):
        from axes.signals import user_locked_out

        user_locked_out.connect(revoke_tokens_on_lockout, dispatch_uid="mobility-lockout-tokens")

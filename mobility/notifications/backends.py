"""Ways an SMS leaves the system, chosen by `SMS_BACKEND`: `log` (the default in development:
the text goes to the log only) or `http` (a gateway taking a JSON POST at `SMS_HTTP_URL` with
the bearer token `SMS_HTTP_TOKEN`), or the dotted path of a class with `send(phone, text)`.
A backend raises `DeliveryError` when the message did not go; the task tries again later."""

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("mobility.notifications")


class DeliveryError(Exception):
    """The gateway did not take the message; worth trying again."""


class LogSmsBackend:
    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", phone, text)


class HttpSmsBackend:
    """POST `{"to": phone, "text": text}`; any answer but 2xx, or none in time, is a failure."""

    def send(self, phone: str, text: str) -> None:
        request = urllib.request.Request(  # noqa: S310 (the operator configures the URL)
            settings.SMS_HTTP_URL,
            data=json.dumps({"to": phone, "text": text}).encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.SMS_HTTP_TOKEN}",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=settings.SMS_HTTP_TIMEOUT) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as error:
            raise DeliveryError(f"SMS gateway answered {error.code} {error.reason}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise DeliveryError(f"SMS gateway not reached: {error}") from error


BACKENDS = {"log": LogSmsBackend, "http": HttpSmsBackend}


def sms_backend():
    name = settings.SMS_BACKEND
    return (BACKENDS.get(name) or import_string(name))()

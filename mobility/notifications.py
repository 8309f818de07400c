"""Outgoing notifications: e-mail through Django's backend (EMAIL_URL) and SMS through a
pluggable backend (SMS_BACKEND), whose default only writes the message to the log until an
SMS gateway is contracted."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

logger = logging.getLogger("mobility.notifications")


class LogSmsBackend:
    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", phone, text)


def send_sms(phone: str, text: str) -> None:
    if phone:
        import_string(settings.SMS_BACKEND)().send(phone, text)


def email_users(users, subject: str, body: str) -> int:
    """E-mail every user that has an address; returns how many were sent."""
    recipients = sorted({user.email for user in users if user.email})
    if not recipients:
        return 0
    return send_mail(subject, body, None, recipients)

"""Signals other apps listen to when an employer changes."""

from django.dispatch import Signal

employer_changed = Signal()  # employer_id

"""Signals other apps listen to when a case, a worker or an agency changes."""

from django.dispatch import Signal

placement_changed = Signal()  # placement_id
worker_changed = Signal()  # worker_id
agency_changed = Signal()  # agency_id

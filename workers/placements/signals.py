"""Signals other apps listen to (compliance re-evaluates what changed). Each is sent through
`transaction.on_commit`, so a receiver never sees a change that was rolled back."""

from django.dispatch import Signal

# kwargs: placement_id
placement_changed = Signal()
# kwargs: worker_id
worker_changed = Signal()
# kwargs: agency_id
agency_changed = Signal()

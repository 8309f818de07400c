"""Signals later apps listen to, so that they react to employers without this app importing
them (dependencies point one way: compliance -> workers -> employers)."""

from django.dispatch import Signal

# Sent after the transaction commits, with `employer_id=`, when an employer is registered,
# edited or decided on (compliance re-runs its employer checks, e.g. the watchlist).
employer_changed = Signal()

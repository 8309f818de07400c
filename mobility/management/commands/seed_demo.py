from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from mobility.seed import seed_demo
from workers.models import Placement, PlacementStatus

# Enough for the dashboard's charts to show a year's trends, seeded in about a minute.
DEMO_CASES = 240


class Command(BaseCommand):
    help = "Fill the database with a fictitious demo (idempotent). Refuses with DEBUG off."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo-pass", help="password for every demo user")
        parser.add_argument(
            "--cases",
            type=int,
            default=DEMO_CASES,
            help="cases of a year of history beyond the demo users' own (default %(default)s)",
        )
        parser.add_argument(
            "--force", action="store_true", help="run even with DEBUG off (never in production)"
        )

    def handle(self, *args, password, cases, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a production database. "
                "Demo users with a known password would be created; pass --force if you mean it."
            )
        if cases < 0:
            raise CommandError("--cases must be 0 or more.")
        with connection.cursor() as cursor:
            # Thousands of small transactions: not waiting for each one's WAL flush halves
            # the run; a crash can lose only the last of them, which a re-run writes again.
            cursor.execute("SET synchronous_commit TO OFF")
        usernames = seed_demo(password=password, cases=cases)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(f"Logins (password {password!r}): {', '.join(usernames)}")
        # Workers have no login: their case key opens /status/, where they answer their wages.
        for case in _workers_with_wages():
            self.stdout.write(
                f"Worker at /status/: reference {case.reference}, date of birth "
                f"{case.worker.date_of_birth:%Y-%m-%d} ({case.worker.preferred_language})"
            )


def _workers_with_wages(count: int = 3):
    return (
        Placement.objects.filter(
            status=PlacementStatus.EMPLOYED,
            job_order__employer__members__user__username="employer-a",
            wage_reports__isnull=False,
        )
        .select_related("worker")
        .distinct()
        .order_by("pk")[:count]
    )

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from mobility.seed import seed_demo


class Command(BaseCommand):
    help = "Fill the database with a fictitious demo (idempotent). Refuses with DEBUG off."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo-pass", help="password for every demo user")
        parser.add_argument(
            "--force", action="store_true", help="run even with DEBUG off (never in production)"
        )

    def handle(self, *args, password, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a production database. "
                "Demo users with a known password would be created; pass --force if you mean it."
            )
        usernames = seed_demo(password=password)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(f"Logins (password {password!r}): {', '.join(usernames)}")

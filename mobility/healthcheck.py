"""The web container's healthcheck (docker-compose.yml): `python -m mobility.healthcheck`.

It asks the gunicorn of its own container for /health/ as one of the served host names, since
Django refuses any other Host (400), and a deployment's ALLOWED_HOSTS usually holds the public
name only. /health/ is exempt from the HTTPS redirect, so plain HTTP on 127.0.0.1 reaches it.
Exits 0 when the answer is 200, 1 otherwise (503 when the database is down).
"""

import os
import sys
import urllib.error
import urllib.request

URL = "http://127.0.0.1:8000/health/"


def host_to_ask(allowed_hosts: list[str]) -> str:
    """A name Django's host check lets through: `.example.org` stands for example.org too, and
    `*` for any name."""
    first = allowed_hosts[0].lstrip(".") if allowed_hosts else ""
    return first if first and first != "*" else "localhost"


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mobility.settings")
    from django.conf import settings

    request = urllib.request.Request(URL, headers={"Host": host_to_ask(settings.ALLOWED_HOSTS)})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - fixed URL
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"healthcheck: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

"""CSV files for the import tests."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

WORKER_HEADER = (
    "full_name,date_of_birth,sex,passport_number,passport_expiry,state_of_origin,phone,email,"
    "occupation,preferred_language,consent"
)


def expiry() -> str:
    return (timezone.localdate() + timedelta(days=5 * 365)).isoformat()


def worker_line(number: int, **changes) -> str:
    values = {
        "full_name": f"Imported Worker {number}",
        "date_of_birth": "1993-04-21",
        "sex": "M",
        "passport_number": f"M{number:07d}",
        "passport_expiry": expiry(),
        "state_of_origin": "IN-UP",
        "phone": "+91 98765 43210",
        "email": "",
        "occupation": "7112",
        "preferred_language": "hi",
        "consent": "yes",
    }
    values.update(changes)
    return ",".join(values.values())


def workers_csv(count: int, bom: bool = False, **per_row) -> bytes:
    lines = [WORKER_HEADER] + [worker_line(n) for n in range(1, count + 1)]
    for number, changes in per_row.items():
        lines[int(number.removeprefix("row")) - 1] = worker_line(
            int(number.removeprefix("row")) - 1, **changes
        )
    text = "\r\n".join(lines) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def upload(content: bytes, name: str = "workers.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/csv")

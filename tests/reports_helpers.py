"""What the report tests share: filters as a requester would send them, and a document's text
as a reader's PDF viewer would extract it (pdftotext, from poppler-utils)."""

import io
import subprocess
from types import SimpleNamespace


def filters_of(serializer_class, user, **data) -> dict:
    serializer = serializer_class(data=data, context={"request": SimpleNamespace(user=user)})
    serializer.is_valid(raise_exception=True)
    return serializer.to_json()


def written(write, filters: dict, *args) -> tuple[bytes, list[int]]:
    """The file a writer produces and the progress it reported."""
    out, steps = io.BytesIO(), []
    write(filters, filters.get("language", "en"), out, steps.append, *args)
    return out.getvalue(), steps


def pdf_text(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode()


def devanagari(text: str) -> str:
    """Devanagari as pdftotext can give it back: a glyph drawn in several clusters maps back
    to the first one it appeared in, so the vowel sign i (ि), written before its consonant,
    turns up where it is not and goes missing where it is; compared without it, words still
    tell (the page itself draws them right: look at its image)."""
    return text.replace("\u093f", "")

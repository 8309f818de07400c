"""HTML templates to PDF with WeasyPrint: the documents are Django templates like the pages,
laid out for print by CSS (README, "Reports").

Fonts come from the system (Debian's fonts-noto-core: Noto Sans for Latin and Cyrillic, Noto
Sans Devanagari for Hindi); WeasyPrint embeds the subset of glyphs a document uses, so a
Russian or Hindi report reads the same on any machine that opens it."""

from typing import BinaryIO

from django.template.loader import render_to_string


def write_pdf(template: str, context: dict, out: BinaryIO) -> None:
    # Imported here: WeasyPrint loads Pango when imported, which only report workers need.
    from weasyprint import HTML

    html = render_to_string(template, context)
    HTML(string=html, base_url=None).write_pdf(target=out)

"""A :class:`~renja_cli.dokumen.model.Dokumen` written in the format asked for."""

from __future__ import annotations

from typing import assert_never

from renja_cli.dokumen.model import Dokumen
from renja_cli.render.formats import FormatDokumen


def render_dokumen(dok: Dokumen, fmt: FormatDokumen) -> bytes:
    """The one dispatch from document format to renderer; the file's bytes."""
    match fmt:
        case FormatDokumen.docx:
            from renja_cli.dokumen.docx import render_docx

            return render_docx(dok)
        case FormatDokumen.html:
            from renja_cli.dokumen.html import render_html

            return render_html(dok).encode()
        case FormatDokumen.markdown:
            from renja_cli.dokumen.markdown import render_markdown

            return render_markdown(dok).encode()
        case _:
            assert_never(fmt)

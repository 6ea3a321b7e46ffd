"""Worksheet helpers shared by every workbook renja writes (openpyxl, imported lazily
by the callers).

openpyxl writes any string that starts with ``=`` as a formula: a narrative
typed as ``=HYPERLINK("http://…","klik")`` would become a live link in the
exported file. :func:`tulis` stores every string as text (``data_type = "s"``,
with Excel's quote prefix so editing the cell keeps it text) and spells out
the control characters an xlsx cannot hold instead of failing on them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_ILEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_RUMUS = ("=", "+", "-", "@")

WARNA_JUDUL = "DDEBF7"
WARNA_ISIAN = "FFF2CC"
WARNA_TERKUNCI = "EDEDED"


def aman(text: str) -> str:
    """``text`` without the control characters an xlsx cannot store (shown as ⟨U+0007⟩)."""
    return _ILEGAL.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def tulis(ws: Any, row: int, column: int, value: Any) -> Any:
    """Put ``value`` in a cell; a string is always text, never a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, str):
        text = aman(value)
        cell.value = text
        cell.data_type = "s"
        if text.startswith(_RUMUS):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def baris(ws: Any, row: int, values: list[Any], start: int = 1) -> list[Any]:
    """A row of cells from ``values`` (see :func:`tulis`)."""
    return [tulis(ws, row, start + i, v) for i, v in enumerate(values)]


def tinggi_baris(ws: Any, row: int, lebar: Sequence[float]) -> None:
    """Set the height of a row with wrapped text from its longest cell.

    Excel recomputes heights it has not been told; LibreOffice and printing
    do not, so a wrapped cell would be cut to one line. The estimate counts
    about one character per unit of column width.
    """
    import math

    lines = 1
    for column, width in enumerate(lebar, start=1):
        value = ws.cell(row=row, column=column).value
        if not isinstance(value, str) or not value:
            continue
        per_line = max(1.0, width * 1.05 - 1)
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))
        lines = max(lines, count)
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines + 2


def gaya_judul(cells: list[Any]) -> None:
    """Bold header cells on a light-blue fill, wrapped, centred vertically."""
    from openpyxl.styles import Alignment, Font, PatternFill

    for cell in cells:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=WARNA_JUDUL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)


def cetak(ws: Any, judul_baris: str, kepala: str | None = None) -> None:
    """Print setup: A4 landscape, one page wide, ``judul_baris`` on every page.

    ``kepala`` goes in the printed page header (the example-data warning).
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = judul_baris
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "Halaman &P dari &N"
    if kepala:
        ws.oddHeader.center.text = aman(kepala).replace("&", "&&")
        ws.oddHeader.center.font = "Calibri,Bold"
        ws.oddHeader.center.color = "C00000"

"""Reading a returned input workbook: cells as typed values, each with its address.

The workbook is opened with formulas kept (``data_only=False``): a formula is
an error naming its cell and is never evaluated; a cell holding an Excel
error (``#N/A``) is one too. A string cell whose text starts with ``=`` is
text (Excel stores a formula differently), so a narrative written out by
``templat`` as text comes back as the same text.

Conversions follow the rules the data files follow: numbers typed as text are
read by :func:`renja_cli.numbers.parse_number` (decimal comma), yes/no by the
CSV yes/no words, and a NIP that Excel stored as a number is refused, because
Excel keeps only 15 of its 18 digits.
"""

from __future__ import annotations

import datetime as dt
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

from renja_cli.errors import DataError, Location
from renja_cli.io.berkas import periksa_berkas
from renja_cli.io.csvfile import TIDAK, YA
from renja_cli.numbers import NumberFormatError, parse_number


class BukuIsian:
    """An opened workbook and the problems found in its cells so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.galat: list[DataError] = []
        periksa_berkas(path)
        import zipfile

        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            with warnings.catch_warnings():
                # Google Sheets and Excel extensions openpyxl does not model (data
                # validation lists, conditional formats) only draw a warning
                warnings.simplefilter("ignore")
                self.wb = load_workbook(path, data_only=False)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise DataError(
                f"bukan buku kerja .xlsx yang dapat dibaca ({type(exc).__name__}); simpan ulang "
                "sebagai Excel Workbook (.xlsx)",
                Location(path),
                code="R601",
            ) from None

    def lokasi(self, sheet: str, ref: str | None = None) -> Location:
        return Location(self.path, sheet=sheet, cell=ref)

    def lembar(self, nama: str) -> Any | None:
        """The sheet ``nama`` (case-insensitive), or None after recording R602."""
        for ws in self.wb.worksheets:
            if ws.title.casefold() == nama.casefold():
                return ws
        self.galat.append(
            DataError(
                f"lembar '{nama}' tidak ada; buat ulang buku kerja dengan renja templat",
                self.lokasi(nama),
                code="R602",
            )
        )
        return None

    def salah(
        self, message: str, sheet: str, ref: str | None, code: str, field: str | None = None
    ) -> None:
        self.galat.append(DataError(message, self.lokasi(sheet, ref), field=field, code=code))

    # --- extent ---------------------------------------------------------------

    def terisi(self, ws: Any) -> list[tuple[int, int]]:
        """(row, column) of every cell holding a value, in no set order.

        openpyxl keeps only the cells the file stores; its ``max_row`` counts a cell
        that is merely formatted, so one styled cell at row 1048576 made every loop
        create a million rows (41 s, 1 GB). Loops go as far as the values do."""
        return [key for key, cell in ws._cells.items() if cell.value is not None]

    def baris_akhir(self, ws: Any) -> int:
        """The last row holding a value or covered by a merge (1 if none)."""
        rows = [r for r, _ in self.terisi(ws)]
        rows.extend(m.max_row for m in ws.merged_cells.ranges)
        return max(rows, default=1)

    def judul(self, ws: Any) -> list[Any]:
        """The cells of row 1 up to the last column holding a value anywhere."""
        columns = [c for _, c in self.terisi(ws)]
        columns.extend(m.max_col for m in ws.merged_cells.ranges if m.min_row == 1)
        last = max(columns, default=0)
        return [ws.cell(row=1, column=c) for c in range(1, last + 1)]

    # --- one cell ------------------------------------------------------------

    def mentah(self, ws: Any, row: int, column: int) -> tuple[Any, bool]:
        """The cell's value (None when empty) and whether it may be used.

        Formulas and Excel errors are recorded (R603) and read as unusable."""
        from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

        cell = ws.cell(row=row, column=column)
        if type(cell).__name__ == "MergedCell":  # inside a merge, below or right of its value
            merged = next((str(m) for m in ws.merged_cells.ranges if cell.coordinate in m), "")
            self.salah(
                f"sel ini bagian dari sel gabungan {merged} (merge) dan terbaca kosong; "
                "pisahkan (Unmerge) lalu isi setiap sel",
                ws.title,
                cell.coordinate,
                "R605",
            )
            return None, False
        value = cell.value
        if cell.data_type == "f" or isinstance(value, ArrayFormula | DataTableFormula):
            text = value.text if isinstance(value, ArrayFormula) else value
            self.salah(
                f"sel berisi rumus '{text}'; ketik nilainya (rumus tidak pernah dihitung)",
                ws.title,
                cell.coordinate,
                "R603",
            )
            return None, False
        if cell.data_type == "e":
            self.salah(
                f"sel berisi galat Excel {value}; ketik nilainya", ws.title, cell.coordinate, "R603"
            )
            return None, False
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None, True
        if (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and "%" in str(cell.number_format).replace('"%"', "").replace("\\%", "")
        ):
            shown = teks_angka(round(value * 100, 10)).replace(".", ",")
            self.salah(
                f"sel berformat persen: tampak {shown}% tetapi Excel menyimpan "
                f"{teks_angka(value).replace('.', ',')}; ubah format sel menjadi Angka "
                f"(General) lalu ketik {shown}",
                ws.title,
                cell.coordinate,
                "R606",
            )
            return None, False
        return value, True


def teks_angka(value: float | int) -> str:
    """A number as plain decimal text (no exponent, no binary noise)."""
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def ke_angka(buku: BukuIsian, ws: Any, ref: str, value: Any, label: str) -> float | int | None:
    """A numeric input: numbers as they are, text by the Indonesian number rule."""
    if value is None:
        return None
    if isinstance(value, bool | dt.datetime | dt.date | dt.time):
        buku.salah(f"{label}: '{value}' bukan angka", ws.title, ref, "R103")
        return None
    if isinstance(value, int | float):
        return value
    try:
        return parse_number(str(value))
    except NumberFormatError as exc:
        buku.salah(f"{label}: {exc}", ws.title, ref, "R103")
        return None


def ke_bulat(value: float | int | None) -> float | int | None:
    """Whole numbers typed or stored as ``12340.0`` become ``12340``; others stay, so the
    schema reports them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def ke_ya_tidak(buku: BukuIsian, ws: Any, ref: str, value: Any, label: str) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    key = teks_angka(value) if isinstance(value, int | float) else str(value)
    if key.casefold() in YA:
        return True
    if key.casefold() in TIDAK:
        return False
    buku.salah(f"{label}: '{value}' bukan ya/tidak", ws.title, ref, "R103")
    return None


def ke_teks(value: Any) -> str | None:
    """A text input; numbers and dates typed into it become their plain text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return teks_angka(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def ke_sel_csv(buku: BukuIsian, ws: Any, ref: str, value: Any, nip: bool = False) -> str:
    """A record cell as the CSV text the core reads (``;`` files, decimal comma)."""
    if value is None:
        return ""
    if nip and isinstance(value, float):
        buku.salah(
            f"NIP tersimpan sebagai angka ({value:.15g}): Excel hanya menyimpan 15 digit. "
            "Format kolom nip sebagai Teks lalu ketik ulang NIP-nya",
            ws.title,
            ref,
            "R311",
        )
        return ""
    if isinstance(value, float):
        return teks_angka(value).replace(".", ",")
    text = ke_teks(value) or ""
    if "\n" in text or "\r" in text:
        buku.salah(
            "sel berisi baris baru (Alt+Enter); tulis dalam satu baris", ws.title, ref, "R302"
        )
        return ""
    return text

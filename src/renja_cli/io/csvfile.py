"""Record CSV files, read strictly: nothing is lost or shifted without an error.

Rules (README, "Aturan berkas CSV"): UTF-8 (a BOM is fine), a header row, ``,``
or ``;`` as the delimiter (chosen from the header line). Trailing empty header
cells (an Excel artefact) are dropped; an empty header cell between others, or
a header given twice, is an error. A quoted cell may not run over a line end:
record files have no multi-line cells, so an unclosed quote is reported where
its row starts instead of swallowing the rest of the file. A row wider than
the header is an error unless the extra cells are empty (an unquoted ``92,10``
in a comma-separated file is the usual cause, and the message says so). A
shorter row reads its missing cells as empty.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from renja_cli.errors import DataError, Location
from renja_cli.io.berkas import periksa_berkas
from renja_cli.io.pesan import tampak
from renja_cli.kemajuan import MASK, Pantauan
from renja_cli.numbers import NumberFormatError, parse_number

YA = frozenset({"ya", "y", "true", "benar", "1", "sudah", "v", "x"})
TIDAK = frozenset({"tidak", "t", "false", "salah", "0", "belum", "", "-"})

_DECIMAL_SPLIT = re.compile(r"^\d+$")


def norm_header(name: str) -> str:
    """Header cells compare case-, space- and dash-insensitively."""
    return re.sub(r"[\s\-]+", "_", name.replace("\ufeff", "").strip().casefold())


class BerkasCsv:
    """A CSV file's header and an iterator of (line number, cells)."""

    __slots__ = ("delimiter", "header", "path", "width")

    def __init__(self, path: Path, header: list[str], delimiter: str) -> None:
        self.path = path
        self.header = header
        self.delimiter = delimiter
        self.width = len(header)

    def column(self, name: str, required: bool = True) -> int | None:
        key = norm_header(name)
        if key in self.header:
            return self.header.index(key)
        if required:
            raise DataError(
                f"kolom '{name}' tidak ada; kolom yang ada: "
                f"{', '.join(tampak(h) for h in self.header)}",
                Location(self.path, 1),
                code="R301",
            )
        return None

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """Data rows (blank rows skipped), each padded to the header's width."""
        width = self.width
        with (
            self.path.open(encoding="utf-8-sig", newline="") as handle,
            Pantauan(self.path, handle) as pantau,
        ):
            reader = csv.reader(handle, delimiter=self.delimiter, strict=True)
            end = 0
            try:
                next(reader)
                end = reader.line_num
                for cells in reader:
                    start, end = end + 1, reader.line_num
                    if not start & MASK:
                        pantau.maju()
                    if end != start:
                        raise self._open_quote(start)
                    if len(cells) != width:
                        cells = self.sel_baris(start, cells)
                    if not any(cells):
                        continue
                    yield start, cells
            except UnicodeDecodeError:
                raise bukan_utf8(self.path) from None
            except csv.Error as exc:
                if "unexpected end of data" in str(exc) or "EOF" in str(exc):
                    raise self._open_quote(end + 1) from None
                raise DataError(
                    f"CSV tidak valid: {exc}", Location(self.path, reader.line_num), code="R302"
                ) from None

    def sel_baris(self, line: int, cells: list[str]) -> list[str]:
        """A row's cells fitted to the header: extra cells must be empty (R310), missing
        ones read as empty."""
        width = self.width
        if len(cells) > width:
            self._check_extra(line, cells)
            return cells[:width]
        if len(cells) < width:
            return cells + [""] * (width - len(cells))
        return cells

    def _open_quote(self, line: int) -> DataError:
        return DataError(
            'tanda kutip (") tidak ditutup atau sel berisi baris baru; baris ini dan '
            "sesudahnya tidak dapat dibaca dengan pasti",
            Location(self.path, line),
            code="R302",
        )

    def _check_extra(self, line: int, cells: list[str]) -> None:
        extra = cells[self.width :]
        if not any(c.strip() for c in extra):
            return
        hint = ""
        if self.delimiter == "," and any(
            _DECIMAL_SPLIT.match(a.strip()) and _DECIMAL_SPLIT.match(b.strip())
            for a, b in itertools.pairwise(cells)
        ):
            hint = (
                "; angka berkoma desimal (92,10) tanpa tanda kutip? pakai pemisah ';' "
                'atau tulis "92,10"'
            )
        raise DataError(
            f"baris berisi {len(cells)} sel, judul kolom hanya {self.width}{hint}",
            Location(self.path, line),
            code="R310",
        )


def buka_csv(path: Path) -> BerkasCsv:
    """Open a record CSV, reading only its header line."""
    periksa_berkas(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
    except UnicodeDecodeError:
        raise bukan_utf8(path) from None
    except OSError as exc:
        raise DataError(
            f"berkas tidak dapat dibaca: {exc.strerror}", Location(path), code="R000"
        ) from None
    if not first.strip():
        raise DataError("berkas kosong (baris judul kolom wajib)", Location(path, 1), code="R007")
    # the separator the header uses most: ',' (machine), ';' (Excel in Indonesian),
    # tab (Excel's "Text (Tab delimited)", a copy from a sheet)
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        raw = next(csv.reader([first], delimiter=delimiter, strict=True))
    except csv.Error:
        raise DataError(
            "judul kolom tidak dapat dibaca (tanda kutip?)", Location(path, 1), code="R302"
        ) from None
    while raw and not raw[-1].strip():
        raw.pop()  # Excel leaves empty trailing header cells
    header = [norm_header(h) for h in raw]
    for index, name in enumerate(header, start=1):
        if not name:
            raise DataError(
                f"judul kolom ke-{index} kosong; beri nama atau hapus kolom itu",
                Location(path, 1, index),
                code="R303",
            )
    duplicates = sorted({h for h in header if header.count(h) > 1})
    if duplicates:
        raise DataError(f"kolom ganda: {', '.join(duplicates)}", Location(path, 1), code="R303")
    return BerkasCsv(path, header, delimiter)


def bukan_utf8(path: Path) -> DataError:
    """The error for a file that is not UTF-8, at the line of its first bad byte."""
    line, byte = 1, None
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                line, byte = number, raw[exc.start]
                break
    shown = f" (bita 0x{byte:02x})" if byte is not None else ""
    return DataError(
        f"berkas bukan UTF-8{shown}; simpan ulang sebagai CSV UTF-8 (Excel: 'CSV UTF-8')",
        Location(path, line),
        code="R008",
    )


def sel(cells: list[str], index: int) -> str:
    return cells[index].strip()


def angka(path: Path, line: int, column: str, text: str) -> float:
    try:
        return parse_number(text)
    except NumberFormatError as exc:
        raise DataError(
            f"kolom {column}: {tampak(str(exc))}", Location(path, line), code="R304"
        ) from None


def ya_tidak(path: Path, line: int, column: str, text: str) -> bool:
    key = text.strip().casefold()
    if key in YA:
        return True
    if key in TIDAK:
        return False
    raise DataError(
        f"kolom {column}: '{tampak(text)}' bukan ya/tidak (pakai ya/tidak, 1/0, true/false)",
        Location(path, line),
        code="R304",
    )


_NIP_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")


def nip(path: Path, line: int, text: str) -> int:
    """An 18-digit NIP as an integer, whatever Excel did to its text.

    Spaces (``19800106 201805 1 000``), a leading apostrophe (Excel's text
    marker) and a ``.0`` suffix are removed; scientific notation
    (``1,98001E+17``) cannot be undone, because Excel kept only 15 digits.
    """
    if len(text) == 18 and text.isdigit() and text.isascii():
        return int(text)  # the usual case, checked first (national scale: millions of rows)
    s = text.strip()
    if s.startswith("'"):
        s = s[1:]
    s = s.replace(" ", "").replace("\u00a0", "")
    if s.endswith(".0"):
        s = s[:-2]
    if _NIP_SCIENTIFIC.match(s):
        raise DataError(
            f"NIP '{text.strip()}' dalam notasi ilmiah: Excel sudah membulatkannya ke 15 digit. "
            "Format kolom NIP sebagai Teks di sumbernya lalu ekspor ulang",
            Location(path, line),
            code="R311",
        )
    if len(s) != 18 or not s.isascii() or not s.isdigit():
        raise DataError(
            f"NIP '{tampak(text.strip())}' harus 18 angka", Location(path, line), code="R311"
        )
    return int(s)

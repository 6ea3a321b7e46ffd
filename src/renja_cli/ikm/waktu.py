"""Dates of survey timestamps, as Google Forms and spreadsheets write them.

Only the calendar date matters (quarter and month of a response), so the time
of day and a ``GMT+8`` suffix are checked for shape and otherwise ignored: the
date is taken as written, in the form's own time zone.

Accepted: ``2025/03/14 9:15:02 AM GMT+8``, ``2025-03-14 09:15:02``,
``2025-03-14T09:15:02``, ``14/03/2025 09:15:02``, ``14-03-2025``, ``14.03.2025``
and workbook datetimes. Day-first is assumed for ``dd/mm/yyyy`` (Indonesian
locale); a file whose dates only make sense month-first (``3/14/2025``, a
US-locale export) is read month-first as a whole, never row by row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_REST = re.compile(
    r"(?:[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
    r"(?:\s*(?:GMT|UTC|WITA|WIB|WIT)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?\s*"
)

_TANPA_ANGKA = str.maketrans("", "", "0123456789")

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ROMAWI = ("I", "II", "III", "IV")


class WaktuError(ValueError):
    """A timestamp that is not a date; carries the index of the offending value."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


def urai_tanggal(values: Sequence[str | datetime | date | None]) -> list[date | None]:
    """Dates of one file's timestamps (None for blanks), deciding day/month order once."""
    heads: dict[str, tuple[int, int, int] | date] = {}
    shapes: dict[str, bool] = {}
    parts: list[tuple[int, int, int] | date | None] = []
    day_first_needed = month_first_needed = False
    for i, value in enumerate(values):
        if value is None:
            parts.append(None)
        elif isinstance(value, datetime):
            parts.append(value.date())
        elif isinstance(value, date):
            parts.append(value)
        else:
            text = value.strip()
            if not text:
                parts.append(None)
                continue
            cut = len(text)
            for sep in (" ", "T"):
                k = text.find(sep)
                if 0 < k < cut:
                    cut = k
            head, rest = text[:cut], text[cut:]
            part = heads.get(head)
            if part is None:
                part = _kepala(i, head, text)
                heads[head] = part
            if rest:
                # the time of day is only checked for shape: its digits dropped, each
                # distinct shape (" :: AM GMT+") is matched once
                shape = rest.translate(_TANPA_ANGKA)
                ok = shapes.get(shape)
                if ok is None:
                    ok = shapes[shape] = _REST.fullmatch(rest) is not None
                if not ok:
                    raise WaktuError(i, f"cap waktu '{text}' bukan tanggal yang dikenal")
            if isinstance(part, tuple):
                day_first_needed |= part[0] > 12
                month_first_needed |= part[1] > 12
            parts.append(part)
    if day_first_needed and month_first_needed:
        first = next(
            i for i, p in enumerate(parts) if isinstance(p, tuple) and (p[0] > 12 or p[1] > 12)
        )
        raise WaktuError(
            first, "urutan hari/bulan pada cap waktu tidak konsisten (ada 25/03 dan 03/25)"
        )
    resolved: dict[tuple[int, int, int], date] = {}
    result: list[date | None] = []
    for i, p in enumerate(parts):
        if isinstance(p, tuple):
            found = resolved.get(p)
            if found is None:
                a, b, y = p
                day, month = (b, a) if month_first_needed else (a, b)
                found = resolved[p] = _cek(i, y, month, day, f"{a}/{b}/{y}")
            result.append(found)
        else:
            result.append(p)
    return result


def _kepala(index: int, head: str, text: str) -> tuple[int, int, int] | date:
    """The date part: year-first is a date now; ``a/b/yyyy`` waits for the file's order."""
    match = _DATE.fullmatch(head)
    if not match:
        raise WaktuError(index, f"cap waktu '{text}' bukan tanggal yang dikenal")
    if match.group(1):
        y, m, d = (int(g) for g in match.groups()[:3])
        return _cek(index, y, m, d, text)
    a, b, y = (int(g) for g in match.groups()[3:])
    return (a, b, y)


def _cek(index: int, year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WaktuError(index, f"cap waktu '{text}' bukan tanggal yang ada") from None


def label_triwulan(d: date) -> tuple[tuple[int, int], str]:
    """Sort key and label: ``((2025, 3), "TW III 2025")``."""
    from renja_cli.hitung.periode import triwulan_tanggal

    q = triwulan_tanggal(d)
    return (d.year, q), f"TW {ROMAWI[q - 1]} {d.year}"


def label_bulan(d: date) -> tuple[tuple[int, int], str]:
    """Sort key and label: ``((2025, 7), "Juli 2025")``."""
    return (d.year, d.month), f"{BULAN[d.month - 1]} {d.year}"

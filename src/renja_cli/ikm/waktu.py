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

_TIME = r"(?:[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
_ZONE = r"(?:\s*(?:GMT|UTC|WITA|WIB|WIT)?\s*(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
_YMD = re.compile(rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}{_ZONE}\s*$")
_XYY = re.compile(rf"^(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}){_TIME}{_ZONE}\s*$")

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
    parts: list[tuple[int, int, int] | date | None] = []
    day_first_needed = month_first_needed = False
    for i, value in enumerate(values):
        if value is None or (isinstance(value, str) and not value.strip()):
            parts.append(None)
            continue
        if isinstance(value, datetime):
            parts.append(value.date())
            continue
        if isinstance(value, date):
            parts.append(value)
            continue
        text = value.strip()
        match = _YMD.match(text)
        if match:
            y, m, d = (int(g) for g in match.groups())
            parts.append(_cek(i, y, m, d, text))
            continue
        match = _XYY.match(text)
        if not match:
            raise WaktuError(i, f"cap waktu '{text}' bukan tanggal yang dikenal")
        a, b, y = (int(g) for g in match.groups())
        day_first_needed |= a > 12
        month_first_needed |= b > 12
        parts.append((a, b, y))
    if day_first_needed and month_first_needed:
        first = next(
            i for i, p in enumerate(parts) if isinstance(p, tuple) and (p[0] > 12 or p[1] > 12)
        )
        raise WaktuError(
            first, "urutan hari/bulan pada cap waktu tidak konsisten (ada 25/03 dan 03/25)"
        )
    result: list[date | None] = []
    for i, p in enumerate(parts):
        if isinstance(p, tuple):
            a, b, y = p
            day, month = (b, a) if month_first_needed else (a, b)
            result.append(_cek(i, y, month, day, f"{a}/{b}/{y}"))
        else:
            result.append(p)
    return result


def _cek(index: int, year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WaktuError(index, f"cap waktu '{text}' bukan tanggal yang ada") from None


def label_triwulan(d: date) -> tuple[tuple[int, int], str]:
    """Sort key and label: ``((2025, 3), "TW III 2025")``."""
    q = (d.month - 1) // 3 + 1
    return (d.year, q), f"TW {ROMAWI[q - 1]} {d.year}"


def label_bulan(d: date) -> tuple[tuple[int, int], str]:
    """Sort key and label: ``((2025, 7), "Juli 2025")``."""
    return (d.year, d.month), f"{BULAN[d.month - 1]} {d.year}"

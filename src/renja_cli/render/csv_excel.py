"""CSV for people: opens with a double-click in Excel set to Indonesian.

Machine CSV (``--format csv``) keeps ``,`` and ``.``; an Excel with Indonesian
regional settings reads it as text in one column. This dialect is what that
Excel expects: ``;`` between cells, a decimal comma, no thousands separator
(so every figure is a number, not text), figures rounded as the reports show
them, UTF-8 with a BOM (Excel otherwise guesses the ANSI code page) and CRLF
line ends. Text from data that a spreadsheet would read as a formula
(leading ``=``, ``+``, ``-``, ``@``, tab or CR — OWASP "CSV injection") is
prefixed with ``'`` so it stays text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from renja_cli.laporan.objek import BarisCapaian, LaporanCapaian, label_periode
from renja_cli.laporan.ringkasan import LaporanRingkasan
from renja_cli.numbers import Tampilan, round_half_up
from renja_cli.render.common import STATUS_LABEL, tanda_teks
from renja_cli.render.ringkasan import PROYEKSI_LABEL

PEMISAH = ";"
BOM = "\ufeff"
_RUMUS = ("=", "+", "-", "@", "\t", "\r")

Sel = str | int | float | None


def teks(value: str) -> str:
    """A text cell that a spreadsheet never reads as a formula."""
    return f"'{value}" if value.startswith(_RUMUS) else value


def angka(value: float | None, places: int = 2, trim: bool = True) -> str:
    """``13.6363`` → ``13,64`` (half-up, decimal comma, no grouping); None → empty."""
    if value is None:
        return ""
    d: Decimal = round_half_up(value, places)
    if d == 0:
        d = abs(d)  # never "-0,00"
    text = f"{d:.{places}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def angka_tampil(value: float | None, tampilan: Tampilan) -> str:
    """A target or realisasi with the decimals the table shows it with."""
    places, trim = tampilan.desimal_tampil()
    return angka(value, places, trim)


def persen(value: float | None) -> str:
    """A percentage as reports show it: always two decimals (``98,87``)."""
    return angka(value, 2, trim=False)


def tulis(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """The file: BOM, ``;``, CRLF; every cell already formatted as text."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=PEMISAH, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (BOM + out.getvalue()).encode("utf-8")


def _target(row: BarisCapaian, rentang: bool = False) -> str:
    """A number, or the grade of an ordinal target (``WTP``); with ``rentang`` a range
    target is written ``60–85`` (the capaian CSV has min and max columns instead)."""
    if row.target_predikat:
        return teks(row.target_predikat)
    if rentang and row.target is None and row.target_min is not None:
        t = row.tampilan
        return f"{angka_tampil(row.target_min, t)}–{angka_tampil(row.target_maks, t)}"
    return angka_tampil(row.target, row.tampilan)


def _realisasi(row: BarisCapaian) -> str:
    """A number, or the grade given when the realisasi is a grade."""
    if row.realisasi is None and row.realisasi_predikat:
        return teks(row.realisasi_predikat)
    return angka_tampil(row.realisasi, row.tampilan)


def _ya(flag: bool) -> str:
    return "ya" if flag else "tidak"


KOLOM_CAPAIAN = (
    "Kode",
    "Sasaran",
    "Indikator",
    "Satuan",
    "Jenis target",
    "Target",
    "Target min",
    "Target maks",
    "Realisasi",
    "Capaian (%)",
    "Status",
    "Predikat realisasi",
    "Predikat capaian",
    "Posisi data",
    "Sementara",
    "Keterangan",
    "Asumsi",
    "Data contoh",
)


def render_capaian(lap: LaporanCapaian) -> bytes:
    rows = [
        [
            teks(r.kode),
            teks(r.sasaran),
            teks(r.nama),
            teks(r.satuan),
            teks(r.target_jenis.upper()),
            _target(r),
            angka_tampil(r.target_min, r.tampilan),
            angka_tampil(r.target_maks, r.tampilan),
            _realisasi(r),
            persen(r.capaian),
            STATUS_LABEL[r.status],
            teks(r.realisasi_predikat or ""),
            teks(r.predikat or ""),
            label_periode(r.periode_data) if r.periode_data else "",
            _ya(r.sementara),
            teks("; ".join(r.keterangan)),
            teks(tanda_teks(r.tanda)),
            _ya(lap.contoh),
        ]
        for r in lap.baris
    ]
    return tulis(KOLOM_CAPAIAN, rows)


KOLOM_RINGKASAN = (
    "Kode",
    "Sasaran",
    "Indikator",
    "Satuan",
    "Target TW",
    "Capaian TW (%)",
    "Target tahunan",
    "Realisasi",
    "Capaian tahunan (%)",
    "Status",
    "Predikat realisasi",
    "Predikat capaian",
    "Perubahan",
    "Proyeksi",
    "Uraian proyeksi",
    "Kendala",
    "Rencana tindak lanjut",
    "Asumsi",
    "Data contoh",
)


def render_ringkasan(lap: LaporanRingkasan) -> bytes:
    rows = []
    for r in lap.baris:
        b = r.tahunan
        rows.append(
            [
                teks(b.kode),
                teks(b.sasaran),
                teks(b.nama),
                teks(b.satuan),
                angka_tampil(r.target_tw, b.tampilan),
                persen(r.capaian_tw),
                _target(b, rentang=True),
                _realisasi(b),
                persen(b.capaian),
                STATUS_LABEL[r.status],
                teks(b.realisasi_predikat or ""),
                teks(b.predikat or ""),
                r.perubahan or "",
                PROYEKSI_LABEL[r.proyeksi.status],
                teks(r.proyeksi.uraian),
                teks("; ".join(r.kendala)),
                teks("; ".join(r.rencana_tindak_lanjut)),
                teks(tanda_teks(r.tanda)),
                _ya(lap.contoh),
            ]
        )
    return tulis(KOLOM_RINGKASAN, rows)

"""Shared cell formatting for human-readable renderers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from renja_cli.hitung.agregat import NilaiAgregat
from renja_cli.laporan.objek import BarisCapaian, label_periode
from renja_cli.model.dasar import LABEL_TANDA, TandaNilai
from renja_cli.numbers import Tampilan, format_percent

STATUS_LABEL = {
    "tercapai": "tercapai",
    "belum_tercapai": "belum tercapai",
    "belum_ada_data": "belum ada data",
}

ARAH_LABEL = {"naik": "↑", "turun": "↓", "stabil": "↔"}


def sel_target(row: BarisCapaian) -> str:
    if row.target_predikat is not None:
        return row.target_predikat
    t = row.tampilan
    if row.target is not None:
        return t.teks(row.target)
    if row.target_min is not None and row.target_maks is not None:
        low = Tampilan(t.awalan, "", t.desimal).teks(row.target_min)
        return f"{low}–{Tampilan('', t.akhiran, t.desimal).teks(row.target_maks)}"
    return "—"


def sel_realisasi(row: BarisCapaian, periode_akhir: str | None = None) -> str:
    """The realisasi as reported; ``[TW II]`` when it is older than the report's position.

    A grade is shown as given; a number on an interval scale shows its grade too.
    """
    if row.realisasi is None and row.realisasi_predikat is None:
        return "—"
    if row.realisasi is None:
        text = str(row.realisasi_predikat)
    else:
        text = row.tampilan.teks(row.realisasi)
        if row.realisasi_predikat is not None:
            text += f" ({row.realisasi_predikat})"
    if row.sementara:
        text += " (sementara)"
    if periode_akhir is not None and row.periode_data and row.periode_data != periode_akhir:
        text += f" [{label_periode(row.periode_data)}]"
    return text


def sel_capaian(row: BarisCapaian) -> str:
    return "—" if row.capaian is None else format_percent(row.capaian)


def nama(row: BarisCapaian, lengkap: bool = False) -> str:
    return row.nama if lengkap or not row.nama_singkat else row.nama_singkat


def sel_predikat(row: BarisCapaian) -> str:
    return row.predikat or "—"


def sel_agregat(nilai: NilaiAgregat) -> str:
    """``98,50 % (Sangat Baik)`` — a nilai capaian with its predikat."""
    if nilai.nilai is None:
        return "—"
    text = format_percent(nilai.nilai)
    return f"{text} ({nilai.predikat})" if nilai.predikat else text


class Penanda:
    """Numbers the marks (asumsi/turunan/contoh) a text report shows: ``95 [1]`` in
    the cell, ``[1] asumsi — IKK.3 target.renstra: …`` under the table. One number
    per distinct mark text, in order of first use."""

    def __init__(self) -> None:
        self._nomor: dict[tuple[str, str], int] = {}
        self._isi: dict[int, tuple[TandaNilai, list[str]]] = {}

    def nomor(self, kode: str, tanda: TandaNilai) -> int:
        key = (tanda.jenis, tanda.teks)
        n = self._nomor.get(key)
        if n is None:
            n = self._nomor[key] = len(self._nomor) + 1
            self._isi[n] = (tanda, [])
        where = f"{kode} {tanda.bidang}".strip()
        if where not in self._isi[n][1]:
            self._isi[n][1].append(where)
        return n

    def sel(self, teks: str, kode: str, tanda: Iterable[TandaNilai]) -> str:
        """``teks`` with the numbers of its marks appended (``95 [1][2]``)."""
        marks = "".join(f"[{self.nomor(kode, t)}]" for t in tanda)
        return f"{teks} {marks}" if marks else teks

    def baris(self, teks: Callable[[str], str] = str) -> list[str]:
        """One line per mark: ``[1] asumsi — IKK.1 target_triwulan: …``; ``teks`` is
        applied to the mark's own text, which comes from the data (Markdown escapes it)."""
        return [
            f"[{n}] {LABEL_TANDA[t.jenis]} — {', '.join(where)}: {teks(t.teks)}"
            for n, (t, where) in sorted(self._isi.items())
        ]


def tanda_dict(tanda: Iterable[TandaNilai]) -> list[dict[str, str]]:
    """Marks for machine formats: stable keys jenis, bidang, teks."""
    return [{"jenis": t.jenis, "bidang": t.bidang, "teks": t.teks} for t in tanda]


def tanda_teks(tanda: Iterable[TandaNilai]) -> str:
    """Marks in one CSV cell: ``asumsi target.renstra: …; contoh formula.…: …``."""
    return "; ".join(f"{t.jenis} {t.bidang}: {t.teks}" for t in tanda)


STATUS_SIMBOL = {"tercapai": "✓", "belum_tercapai": "✗", "belum_ada_data": "–"}
LEGENDA_SIMBOL = "✓ tercapai · ✗ belum tercapai · – belum ada data"
SEMPIT = 100
"""Below this many columns, tables show status symbols (with a legend) instead of words."""


class Menyesuaikan:
    """A Rich renderable built for the width it is printed at (80, 100, 140 columns …).

    The renderer stays a pure function of the report; only the layout (words or
    symbols, which column wraps) follows the console.
    """

    def __init__(self, bangun: Callable[[int], Any]) -> None:
        self.bangun = bangun

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.bangun(options.max_width)

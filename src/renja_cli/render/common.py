"""Shared cell formatting for human-readable renderers."""

from __future__ import annotations

from renja_cli.hitung.agregat import NilaiAgregat
from renja_cli.laporan.objek import BarisCapaian, label_periode
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

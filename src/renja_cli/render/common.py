"""Shared cell formatting for human-readable renderers."""

from __future__ import annotations

from renja_cli.laporan.objek import BarisCapaian, label_periode
from renja_cli.numbers import format_percent, format_value

STATUS_LABEL = {
    "tercapai": "tercapai",
    "belum_tercapai": "belum tercapai",
    "belum_ada_data": "belum ada data",
}

ARAH_LABEL = {"naik": "↑", "turun": "↓", "stabil": "↔"}


def sel_target(row: BarisCapaian) -> str:
    if row.target is not None:
        return format_value(row.target, row.persen)
    if row.target_min is not None and row.target_maks is not None:
        low = format_value(row.target_min, False)
        high = format_value(row.target_maks, row.persen)
        return f"{low}–{high}"
    return "—"


def sel_realisasi(row: BarisCapaian, periode_akhir: str | None = None) -> str:
    """The realisasi as reported; ``[TW II]`` when it is older than the report's position."""
    if row.realisasi is None:
        return "—"
    text = format_value(row.realisasi, row.persen)
    if row.sementara:
        text += " (sementara)"
    if periode_akhir is not None and row.periode_data and row.periode_data != periode_akhir:
        text += f" [{label_periode(row.periode_data)}]"
    return text


def sel_capaian(row: BarisCapaian) -> str:
    return "—" if row.capaian is None else format_percent(row.capaian)


def nama(row: BarisCapaian, lengkap: bool = False) -> str:
    return row.nama if lengkap or not row.nama_singkat else row.nama_singkat

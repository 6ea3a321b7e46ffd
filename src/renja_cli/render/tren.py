"""Renderers of :class:`LaporanTren`: table with a terminal chart, JSON, Markdown."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any, assert_never

from renja_cli.laporan.objek import label_periode
from renja_cli.laporan.tren import LaporanTren, TitikTren
from renja_cli.numbers import Tampilan, format_percent
from renja_cli.render.common import Penanda
from renja_cli.render.formats import FormatTren
from renja_cli.render.mesin import json_mesin
from renja_cli.teks import escape_md


def _label(t: TitikTren) -> str:
    return str(t.tahun) if t.periode == "tahunan" else f"{t.tahun} {label_periode(t.periode)}"


def _v(value: float | str | None, tampilan: Tampilan) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else tampilan.teks(value)


def render(lap: LaporanTren, fmt: FormatTren) -> Any:
    """The one dispatch from format to renderer (a str, or a Rich renderable)."""
    match fmt:
        case FormatTren.tabel:
            return render_tabel(lap)
        case FormatTren.json:
            return render_json(lap)
        case FormatTren.markdown:
            return render_markdown(lap)
        case _:
            assert_never(fmt)


def render_json(lap: LaporanTren) -> str:
    payload = {
        "contoh": lap.contoh,
        "kode": lap.kode,
        "nama": lap.nama,
        "satuan": lap.satuan,
        "titik": [
            {**{k: v for k, v in asdict(t).items() if k != "tanda"}, "asumsi": asdict(t)["tanda"]}
            for t in lap.titik
        ],
    }
    return json_mesin(payload)


def render_markdown(lap: LaporanTren) -> str:
    lines = [
        f"# Tren {lap.kode} — {escape_md(lap.nama)}",
        "",
        "| Periode | Kode | Target | Realisasi | Capaian | Catatan |",
        "|---|---|---:|---:|---:|---|",
    ]
    penanda = Penanda()
    for t in lap.titik:
        capaian = "—" if t.capaian is None else format_percent(t.capaian)
        lines.append(
            f"| {penanda.sel(_label(t), t.kode, t.tanda)} | {t.kode} "
            f"| {_v(t.target, lap.tampilan)} "
            f"| {_v(t.realisasi, lap.tampilan)} | {capaian} | {escape_md(t.catatan or '')} |"
        )
    if penanda.baris():
        lines += ["", *(f"- {b}" for b in penanda.baris(escape_md))]
    return "\n".join(lines) + "\n"


def render_tabel(lap: LaporanTren, width: int = 40) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Tren {lap.kode} — {lap.nama}", box=box.SIMPLE_HEAD)
    for name, justify in (
        ("Periode", "left"),
        ("Kode", "left"),
        ("Target", "right"),
        ("Realisasi", "right"),
        ("Capaian", "right"),
        ("Catatan", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    penanda = Penanda()
    for t in lap.titik:
        table.add_row(
            penanda.sel(_label(t), t.kode, t.tanda),
            t.kode,
            _v(t.target, lap.tampilan),
            _v(t.realisasi, lap.tampilan),
            "—" if t.capaian is None else format_percent(t.capaian),
            t.catatan or "",
        )
    values = [
        float(v) for t in lap.titik for v in (t.realisasi, t.target) if isinstance(v, int | float)
    ]
    top = max(values) if values else 1.0
    # start the axis near the smallest value so small changes of an index show
    low = 0.0
    if values and top > 0 and min(values) / top > 0.5:
        low = float(int(min(values) * 0.95))
    span = (top - low) or 1.0
    chart = Text()
    axis = f", sumbu mulai {lap.tampilan.teks(low)}" if low else ""
    chart.append(f"Realisasi (▏ = target{axis})\n", style="bold")
    for t in lap.titik:
        chart.append(f"{_label(t):<13}")
        met = t.status == "tercapai"
        if t.realisasi is None:
            chart.append("belum ada data\n", style="yellow")
            continue
        if isinstance(t.realisasi, str):  # a grade: no bar, the grade in its status colour
            chart.append(f"{t.realisasi}\n", style="green" if met else "red")
            continue
        filled = round((t.realisasi - low) / span * width)
        mark = round((t.target - low) / span * width) if isinstance(t.target, int | float) else None
        for i in range(width + 1):
            if mark is not None and i == mark:
                chart.append("▏", style="bold")
            elif i < filled:
                chart.append("█", style="green" if met else "red")
            else:
                chart.append(" ")
        chart.append(f" {_v(t.realisasi, lap.tampilan)}\n")
    notes = [Text(line, style="yellow") for line in penanda.baris()]
    return Group(table, chart, *notes, Text(f"Data: {lap.data}", style="dim"))

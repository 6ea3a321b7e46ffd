"""Renderers of :class:`LaporanCapaian`: Rich table, JSON, CSV, Markdown."""

from __future__ import annotations

import csv
import io
from typing import Any, assert_never

from renja_cli.laporan.objek import BarisCapaian, LaporanCapaian
from renja_cli.laporan.tanda import tanda_realisasi, tanda_target
from renja_cli.numbers import format_percent, format_rupiah
from renja_cli.render.common import (
    LEGENDA_SIMBOL,
    SEMPIT,
    STATUS_LABEL,
    STATUS_SIMBOL,
    Menyesuaikan,
    Penanda,
    nama,
    sel_agregat,
    sel_capaian,
    sel_predikat,
    sel_realisasi,
    sel_target,
    tanda_dict,
    tanda_teks,
)
from renja_cli.render.formats import FormatCapaian
from renja_cli.render.mesin import json_mesin, sel_mesin
from renja_cli.teks import escape_md

STATUS_STYLE = {"tercapai": "bold green", "belum_tercapai": "bold red", "belum_ada_data": "yellow"}

CSV_COLUMNS = (
    "kode",
    "sasaran",
    "nama",
    "satuan",
    "arah",
    "periode_rumus",
    "target_jenis",
    "target",
    "target_min",
    "target_maks",
    "realisasi",
    "capaian",
    "status",
    "periode_data",
    "periode_dipakai",
    "sementara",
    "target_predikat",
    "realisasi_predikat",
    "predikat",
    "keterangan",
    "contoh",
    "asumsi",
)


def sel_target_tanda(row: BarisCapaian, penanda: Penanda) -> str:
    return penanda.sel(sel_target(row), row.kode, tanda_target(row.tanda, row.target_jenis))


def sel_realisasi_tanda(
    row: BarisCapaian, penanda: Penanda, periode_akhir: str | None = None
) -> str:
    if row.realisasi is None and row.realisasi_predikat is None:
        return sel_realisasi(row, periode_akhir)
    return penanda.sel(sel_realisasi(row, periode_akhir), row.kode, tanda_realisasi(row.tanda))


def baris_dict(row: BarisCapaian) -> dict[str, Any]:
    """Stable machine keys; numbers stay numbers, missing values are null."""
    return {
        "kode": row.kode,
        "sasaran": row.sasaran,
        "nama": row.nama,
        "nama_singkat": row.nama_singkat,
        "satuan": row.satuan,
        "arah": row.arah,
        "periode_rumus": row.periode_rumus,
        "target_jenis": row.target_jenis,
        "target": row.target,
        "target_min": row.target_min,
        "target_maks": row.target_maks,
        "realisasi": row.realisasi,
        "capaian": row.capaian,
        "status": row.status,
        "periode_data": row.periode_data,
        "periode_dipakai": list(row.periode_dipakai),
        "sementara": row.sementara,
        "target_predikat": row.target_predikat,
        "realisasi_predikat": row.realisasi_predikat,
        "predikat": row.predikat,
        "keterangan": list(row.keterangan),
        "catatan_target": list(row.catatan_target),
        "semua_target": {
            name: {
                "target": value,
                "capaian": capaian,
                "asumsi": tanda_dict(tanda_target(row.tanda, name)),
            }
            for name, value, capaian in row.semua_target
        },
        "asumsi": tanda_dict(row.tanda),
    }


def render(laporan: LaporanCapaian, fmt: FormatCapaian, lengkap: bool = False) -> Any:
    """The one dispatch from format to renderer (a str, or a Rich renderable)."""
    match fmt:
        case FormatCapaian.tabel:
            return render_tabel(laporan, lengkap)
        case FormatCapaian.json:
            return render_json(laporan)
        case FormatCapaian.csv:
            return render_csv(laporan)
        case FormatCapaian.markdown:
            return render_markdown(laporan, lengkap)
        case FormatCapaian.csv_excel:
            return render_csv_excel(laporan)
        case _:
            assert_never(fmt)


def render_json(laporan: LaporanCapaian) -> str:
    rows = [{**baris_dict(r), "contoh": laporan.contoh} for r in laporan.baris]
    return json_mesin(rows)


def render_csv(laporan: LaporanCapaian) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in laporan.baris:
        d = baris_dict(row)
        d["keterangan"] = "; ".join(row.keterangan)
        d["periode_dipakai"] = " ".join(row.periode_dipakai)
        d["sementara"] = "ya" if row.sementara else "tidak"
        d["contoh"] = "ya" if laporan.contoh else "tidak"
        d["asumsi"] = tanda_teks(row.tanda)
        writer.writerow([sel_mesin(d[c]) for c in CSV_COLUMNS])
    return out.getvalue()


def render_csv_excel(laporan: LaporanCapaian) -> bytes:
    from renja_cli.render import csv_excel

    return csv_excel.render_capaian(laporan)


def render_markdown(laporan: LaporanCapaian, lengkap: bool = False) -> str:
    lines = [
        f"# Capaian Kinerja {laporan.tahun} — {escape_md(laporan.kantor)}",
        "",
        f"Posisi: **{laporan.periode}** · Target: **{laporan.target_jenis.upper()}**",
    ]
    if laporan.contoh:
        lines += ["", "> **Data contoh** — realisasi bukan data resmi."]
    berpredikat = bool(laporan.skala_capaian)
    penanda = Penanda()
    for k in laporan.kelompok:
        anggaran = f" — anggaran {format_rupiah(k.anggaran)}" if k.anggaran is not None else ""
        head = "| Kode | Indikator | Target | Realisasi | Capaian | Status |"
        rule = "|---|---|---:|---:|---:|---|"
        if berpredikat:
            head, rule = head + " Predikat |", rule + "---|"
        lines += ["", f"## {k.kode} {escape_md(k.nama)}{anggaran}", "", head, rule]
        for r in k.baris:
            line = (
                f"| {r.kode} | {escape_md(nama(r, lengkap))} "
                f"| {sel_target_tanda(r, penanda)} "
                f"| {sel_realisasi_tanda(r, penanda, laporan.periode_akhir)} "
                f"| {sel_capaian(r)} | {STATUS_LABEL[r.status]} |"
            )
            lines.append(line + (f" {escape_md(sel_predikat(r))} |" if berpredikat else ""))
        lines += ["", f"Nilai capaian sasaran {k.kode}: **{sel_agregat(k.nilai)}**"]
    lines += ["", _ringkas(laporan), _kantor(laporan)]
    if berpredikat:
        lines.append(escape_md(_legenda(laporan)))
    if penanda.baris():
        lines += ["", "Tanda nilai yang tidak dinyatakan sumber:", ""]
        lines += [f"- {b}" for b in penanda.baris(escape_md)]
    if laporan.total_anggaran is not None:
        # its own paragraph: right after the marks' list it would fold into the last item
        lines += ["", f"Total anggaran: {format_rupiah(laporan.total_anggaran)}"]
    if tanpa := _tanpa_data(laporan):
        lines += ["", "Belum ada data:", ""]
        lines += [f"- {escape_md(t)}" for t in tanpa]
    return "\n".join(lines) + "\n"


def _kantor(laporan: LaporanCapaian) -> str:
    cara = (
        "rata-rata nilai sasaran"
        if laporan.agregat_kantor == "rata_rata_sasaran"
        else "rata-rata seluruh indikator"
    )
    n = laporan.nilai_kantor
    tanpa = f", {n.tanpa_data} tanpa data" if n.tanpa_data else ""
    return f"Nilai capaian kantor: {sel_agregat(n)} ({cara}; {n.dinilai} dinilai{tanpa})"


def _legenda(laporan: LaporanCapaian) -> str:
    return "Predikat: " + " · ".join(f"{kode} {rentang}" for kode, rentang in laporan.skala_capaian)


def _tanpa_data(laporan: LaporanCapaian) -> list[str]:
    """Why a row has no figure, in the row's own words (``tidak ada target renstra``)."""
    return [
        f"{r.kode}: {' · '.join(r.keterangan)}"
        for k in laporan.kelompok
        for r in k.baris
        if r.status == "belum_ada_data" and r.keterangan
    ]


def _ringkas(laporan: LaporanCapaian) -> str:
    n = laporan.jumlah_status
    return (
        f"Tercapai: {n['tercapai']} · Belum tercapai: {n['belum_tercapai']} · "
        f"Belum ada data: {n['belum_ada_data']}"
    )


def render_tabel(laporan: LaporanCapaian, lengkap: bool = False) -> Any:
    """A Rich renderable: the table grouped by Sasaran, then the footer lines; laid out
    for the console's width (status symbols and a legend below 100 columns)."""
    return Menyesuaikan(lambda lebar: _tabel(laporan, lengkap, lebar))


def _tabel(laporan: LaporanCapaian, lengkap: bool, lebar: int) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    sempit = lebar < SEMPIT
    table = Table(
        title=Text(f"Capaian Kinerja {laporan.tahun} — {laporan.kantor}", overflow="fold"),
        caption=f"Posisi {laporan.periode} · target {laporan.target_jenis.upper()}",
        box=box.SIMPLE_HEAD,
        show_lines=False,
        expand=False,
    )
    table.add_column("Kode", no_wrap=True)
    table.add_column("Indikator", ratio=1, min_width=12, overflow="fold")
    table.add_column("Target", justify="right", no_wrap=True)
    table.add_column("Realisasi", justify="right", no_wrap=True)
    table.add_column("Capaian", justify="right", no_wrap=True)
    table.add_column("St." if sempit else "Status", no_wrap=True)
    berpredikat = bool(laporan.skala_capaian)
    if berpredikat:
        table.add_column("Predikat", overflow="fold")
    penanda = Penanda()
    for i, k in enumerate(laporan.kelompok):
        if i:
            table.add_section()
        anggaran = f"\nAnggaran {format_rupiah(k.anggaran)}" if k.anggaran is not None else ""
        head: list[Any] = [
            Text(k.kode, style="bold cyan"),
            Text(f"{k.nama}{anggaran}", style="bold cyan"),
            "",
            "",
            Text("—" if k.nilai.nilai is None else format_percent(k.nilai.nilai), style="bold"),
            "",
        ]
        if berpredikat:
            head.append(Text(k.nilai.predikat or "—", style="bold"))
        table.add_row(*head)
        for r in k.baris:
            status = STATUS_SIMBOL[r.status] if sempit else STATUS_LABEL[r.status]
            cells: list[Any] = [
                r.kode,
                nama(r, lengkap),
                sel_target_tanda(r, penanda),
                sel_realisasi_tanda(r, penanda, laporan.periode_akhir),
                sel_capaian(r),
                Text(status, style=STATUS_STYLE[r.status]),
            ]
            if berpredikat:
                cells.append(sel_predikat(r))
            table.add_row(*cells)
    footer = [Text(_ringkas(laporan), style="bold"), Text(_kantor(laporan), style="bold")]
    if sempit:
        footer.append(Text(f"St.: {LEGENDA_SIMBOL}", style="dim"))
    if berpredikat:
        footer.append(Text(_legenda(laporan), style="dim"))
    if laporan.total_anggaran is not None:
        footer.append(Text(f"Total anggaran: {format_rupiah(laporan.total_anggaran)}"))
    for t in _tanpa_data(laporan):
        footer.append(Text(f"Belum ada data — {t}", style="yellow"))
    for note in laporan.catatan:
        footer.append(Text(f"Catatan: {note}", style="yellow"))
    for line in penanda.baris():
        footer.append(Text(line, style="yellow"))
    if laporan.contoh:
        footer.append(Text("Realisasi ini DATA CONTOH, bukan data resmi.", style="bold yellow"))
    footer.append(Text(f"Data: {laporan.data}", style="dim"))
    return Group(table, *footer)

"""Renderers of :class:`LaporanRingkasan`: Rich panels, JSON, Markdown, CSV, xlsx."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any, assert_never

from renja_cli.hitung.capaian import Status
from renja_cli.laporan.ringkasan import (
    AnggaranSasaran,
    BarisRingkasan,
    LaporanRingkasan,
    PanelSasaran,
)
from renja_cli.laporan.tanda import tanda_target
from renja_cli.numbers import format_number, format_percent, format_rupiah
from renja_cli.render.capaian import baris_dict, sel_realisasi_tanda, sel_target_tanda
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
    tanda_dict,
    tanda_teks,
)
from renja_cli.render.formats import FormatRingkasan
from renja_cli.render.mesin import json_mesin, sel_mesin
from renja_cli.teks import escape_md

PANAH = {"naik": "▲", "turun": "▼", "tetap": "=", None: ""}
PROYEKSI_LABEL = {
    "tercapai": "tercapai",
    "perlu": "perlu",
    "tidak_terjangkau": "tidak terjangkau",
    "tanpa_data": "belum ada data",
}


def _pagu(value: int | None) -> str:
    """A pagu the targets file does not state is "—", never a stated Rp 0."""
    return "—" if value is None else format_rupiah(value)


def _pct(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def _tw_target(row: BarisRingkasan, penanda: Penanda | None = None) -> str:
    if row.target_tw is None:
        return "—"
    teks = row.tahunan.tampilan.teks(row.target_tw)
    return teks if penanda is None else penanda.sel(teks, row.tahunan.kode, row.tanda_tw)


def _proyeksi(row: BarisRingkasan) -> str:
    if row.proyeksi.status == "perlu":
        return row.proyeksi.uraian
    return f"{PROYEKSI_LABEL[row.proyeksi.status]}: {row.proyeksi.uraian}"


def _efisiensi(anggaran: AnggaranSasaran) -> str:
    if anggaran.indeks_efisiensi is None:
        return "—"
    label = "efisien" if anggaran.efisien else "kurang efisien"
    return f"{format_number(anggaran.indeks_efisiensi)} ({label})"


def _row_dict(row: BarisRingkasan) -> dict[str, Any]:
    return {
        **baris_dict(row.tahunan),
        "target_triwulan": row.target_tw,
        "capaian_triwulan": row.capaian_tw,
        "status_triwulan": row.status,
        "capaian_triwulan_sebelumnya": row.capaian_sebelumnya,
        "perubahan": row.perubahan,
        "kendala": list(row.kendala),
        "rencana_tindak_lanjut": list(row.rencana_tindak_lanjut),
        "asumsi": tanda_dict(row.tanda),
        "asumsi_target_triwulan": tanda_dict(row.tanda_tw),
        "proyeksi": {
            "status": row.proyeksi.status,
            "dibutuhkan": row.proyeksi.dibutuhkan,
            "triwulan_tersisa": row.proyeksi.triwulan_tersisa,
            "jenis": row.proyeksi.jenis,
            "uraian": row.proyeksi.uraian,
        },
    }


def _panel_dict(panel: PanelSasaran) -> dict[str, Any]:
    a = panel.anggaran
    return {
        "kode": panel.kode,
        "nama": panel.nama,
        "anggaran": {
            "pagu": a.pagu,
            "realisasi": a.realisasi,
            "serapan": a.serapan,
            "capaian_kinerja": a.capaian_kinerja,
            "indeks_efisiensi": a.indeks_efisiensi,
            "efisien": a.efisien,
        },
        "nilai_capaian": panel.nilai.nilai,
        "predikat": panel.nilai.predikat,
        "jumlah_status": panel.jumlah_status,
        "indikator": [_row_dict(r) for r in panel.baris],
    }


def render(lap: LaporanRingkasan, fmt: FormatRingkasan) -> Any:
    """The one dispatch from format to renderer (a str, or a Rich renderable)."""
    match fmt:
        case FormatRingkasan.tabel:
            return render_tabel(lap)
        case FormatRingkasan.json:
            return render_json(lap)
        case FormatRingkasan.markdown:
            return render_markdown(lap)
        case FormatRingkasan.csv:
            return render_csv(lap)
        case FormatRingkasan.csv_excel:
            return render_csv_excel(lap)
        case _:
            assert_never(fmt)


def render_json(lap: LaporanRingkasan) -> str:
    payload = {
        "tahun": lap.tahun,
        "triwulan": lap.triwulan,
        "periode": lap.periode,
        "target_jenis": lap.target_jenis,
        "contoh": lap.contoh,
        "anggaran": {
            "pagu": lap.total_pagu,
            "realisasi": lap.total_realisasi_anggaran,
            "serapan": lap.serapan_total,
        },
        "jumlah_status": lap.jumlah_status,
        "nilai_capaian_kantor": lap.nilai_kantor.nilai,
        "predikat_kantor": lap.nilai_kantor.predikat,
        "sasaran": [_panel_dict(p) for p in lap.panel],
        "perlu_perhatian": [r.tahunan.kode for r in lap.perlu_perhatian],
        "catatan": list(lap.catatan),
    }
    return json_mesin(payload)


CSV_COLUMNS = (
    "kode",
    "sasaran",
    "nama",
    "satuan",
    "target_triwulan",
    "capaian_triwulan",
    "target",
    "realisasi",
    "capaian",
    "status_triwulan",
    "perubahan",
    "proyeksi_status",
    "proyeksi_uraian",
    "kendala",
    "rencana_tindak_lanjut",
    "asumsi",
    "contoh",
)


def render_csv(lap: LaporanRingkasan) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in lap.baris:
        b = r.tahunan
        cells = [
            b.kode,
            b.sasaran,
            b.nama,
            b.satuan,
            r.target_tw,
            r.capaian_tw,
            b.target,
            b.realisasi,
            b.capaian,
            r.status,
            r.perubahan,
            r.proyeksi.status,
            r.proyeksi.uraian,
            "; ".join(r.kendala),
            "; ".join(r.rencana_tindak_lanjut),
            tanda_teks(r.tanda),
            "ya" if lap.contoh else "tidak",
        ]
        writer.writerow([sel_mesin(c) for c in cells])
    return out.getvalue()


def render_csv_excel(lap: LaporanRingkasan) -> bytes:
    from renja_cli.render import csv_excel

    return csv_excel.render_ringkasan(lap)


def _counts(counts: Mapping[Status, int]) -> str:
    return (
        f"tercapai {counts['tercapai']} · belum tercapai {counts['belum_tercapai']} · "
        f"belum ada data {counts['belum_ada_data']}"
    )


def render_markdown(lap: LaporanRingkasan) -> str:
    lines = [
        f"# Ringkasan Triwulan {lap.triwulan} Tahun {lap.tahun} — {escape_md(lap.kantor)}",
        "",
        f"Posisi **{lap.periode}** · target **{lap.target_jenis.upper()}** · "
        f"{_counts(lap.jumlah_status)}",
        "",
        f"Nilai capaian kantor: **{sel_agregat(lap.nilai_kantor)}**",
    ]
    lines += [line for note in lap.catatan for line in ("", f"> Catatan: {escape_md(note)}")]
    if lap.contoh:
        lines += ["", "> **Data contoh** — realisasi bukan data resmi."]
    lines += [
        "",
        "## Anggaran",
        "",
        "| Sasaran | Pagu | Realisasi | Serapan | Capaian kinerja | Indeks efisiensi |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for p in lap.panel:
        a = p.anggaran
        lines.append(
            f"| {p.kode} | {_pagu(a.pagu)} | {format_rupiah(a.realisasi)} "
            f"| {_pct(a.serapan)} | {_pct(a.capaian_kinerja)} "
            f"| {_efisiensi(a)} |"
        )
    lines.append(
        f"| **Total** | {_pagu(lap.total_pagu)} | "
        f"{format_rupiah(lap.total_realisasi_anggaran)} | {_pct(lap.serapan_total)} "
        "| | |"
    )
    penanda = Penanda()
    for p in lap.panel:
        lines += [
            "",
            f"## {p.kode} {escape_md(p.nama)}",
            "",
            f"{_counts(p.jumlah_status)} · nilai capaian sasaran {sel_agregat(p.nilai)}",
            "",
            "| Kode | Indikator | Target TW | Capaian TW | Target | Realisasi | Capaian "
            "| Δ | Status |",
            "|---|---|---:|---:|---:|---:|---:|:-:|---|",
        ]
        for r in p.baris:
            b = r.tahunan
            lines.append(
                f"| {b.kode} | {escape_md(nama(b))} | {_tw_target(r, penanda)} "
                f"| {_pct(r.capaian_tw)} | {sel_target_tanda(b, penanda)} "
                f"| {sel_realisasi_tanda(b, penanda)} "
                f"| {sel_capaian(b)} | {PANAH[r.perubahan]} | {STATUS_LABEL[r.status]} |"
            )
    lines += ["", "## Perlu perhatian", ""]
    for r in lap.perlu_perhatian:
        b = r.tahunan
        lines.append(
            f"- **{b.kode} {escape_md(nama(b))}** — {STATUS_LABEL[r.status]}; "
            f"proyeksi: {escape_md(r.proyeksi.uraian)}"
        )
        lines += [f"  - Kendala: {escape_md(k)}" for k in r.kendala]
        lines += [f"  - Rencana tindak lanjut: {escape_md(k)}" for k in r.rencana_tindak_lanjut]
    if not lap.perlu_perhatian:
        lines.append("Semua indikator sesuai target triwulan.")
    lines += ["", "## Proyeksi akhir tahun", "", "| Kode | Proyeksi | Uraian |", "|---|---|---|"]
    for r in lap.baris:
        lines.append(
            f"| {r.tahunan.kode} | {PROYEKSI_LABEL[r.proyeksi.status]} "
            f"| {escape_md(r.proyeksi.uraian)} |"
        )
    if penanda.baris():
        lines += ["", "## Tanda nilai yang tidak dinyatakan sumber", ""]
        lines += [f"- {b}" for b in penanda.baris(escape_md)]
    return "\n".join(lines) + "\n"


def _bars(lap: LaporanRingkasan, width: int = 40) -> Any:
    """Horizontal bars of annual capaian with the 100 % line (scale 0-150 %)."""
    from rich.text import Text

    scale = 150.0
    mark = round(100 / scale * width)
    text = Text()
    text.append("Capaian terhadap target tahunan (┃ = 100 %)\n", style="bold")
    for r in lap.baris:
        b = r.tahunan
        text.append(f"{b.kode:<7}")
        if b.capaian is None:
            text.append(" " * mark + "┃", style="dim")
            text.append("  belum ada data\n", style="yellow")
            continue
        filled = min(width, round(min(b.capaian, scale) / scale * width))
        style = "green" if b.status == "tercapai" else "red"
        for i in range(width + 1):
            if i == mark:
                text.append("┃", style="bold")
            elif i < filled or (i > mark and i <= filled):
                text.append("█", style=style)
            elif i < mark:
                text.append("·", style="dim")
            else:
                text.append(" ")
        text.append(f" {format_percent(b.capaian)}\n")
    return text


def render_tabel(lap: LaporanRingkasan) -> Any:
    """Panels per sasaran, the bar chart, what needs attention, the budget — laid out
    for the console's width (status symbols and a legend below 100 columns)."""
    return Menyesuaikan(lambda lebar: _tabel(lap, lebar))


def _tabel(lap: LaporanRingkasan, lebar: int) -> Any:
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    sempit = lebar < SEMPIT

    parts: list[Any] = [
        Text(
            f"Ringkasan Triwulan {lap.triwulan} Tahun {lap.tahun} — {lap.kantor}\n"
            f"Posisi {lap.periode} · target {lap.target_jenis.upper()} · "
            f"{_counts(lap.jumlah_status)}\n"
            f"Nilai capaian kantor: {sel_agregat(lap.nilai_kantor)}",
            style="bold",
        ),
        *(Text(f"Catatan: {note}", style="yellow") for note in lap.catatan),
    ]
    penanda = Penanda()
    for p in lap.panel:
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, collapse_padding=True)
        table.add_column("Kode", no_wrap=True)
        table.add_column("Indikator", ratio=1, min_width=10, overflow="fold")
        table.add_column("Tgt TW", justify="right", no_wrap=True)
        table.add_column("Cap. TW", justify="right", no_wrap=True)
        table.add_column("Realisasi", justify="right", no_wrap=True)
        table.add_column("Cap. thn" if sempit else "Cap. tahun", justify="right", no_wrap=True)
        table.add_column("Δ", justify="center", no_wrap=True)
        table.add_column("St." if sempit else "Status", no_wrap=True)
        for r in p.baris:
            b = r.tahunan
            style = {"tercapai": "green", "belum_tercapai": "red", "belum_ada_data": "yellow"}
            table.add_row(
                b.kode,
                nama(b),
                _tw_target(r, penanda),
                _pct(r.capaian_tw),
                sel_realisasi_tanda(b, penanda),
                # no annual-target column here: its marks go with the capaian it gives
                penanda.sel(sel_capaian(b), b.kode, tanda_target(b.tanda, b.target_jenis)),
                PANAH[r.perubahan],
                Text(
                    STATUS_SIMBOL[r.status] if sempit else STATUS_LABEL[r.status],
                    style=style[r.status],
                ),
            )
        a = p.anggaran
        budget = (
            f"Pagu {_pagu(a.pagu)} · realisasi {format_rupiah(a.realisasi)}"
            f" · serapan {_pct(a.serapan)} · efisiensi {_efisiensi(a)}"
        )
        parts.append(
            Panel(
                Group(
                    table,
                    Text(budget),
                    Text(
                        f"{_counts(p.jumlah_status)} · nilai capaian sasaran "
                        f"{sel_agregat(p.nilai)}",
                        style="dim",
                    ),
                ),
                title=Text(f"{p.kode} {p.nama}", no_wrap=True, overflow="ellipsis"),
                title_align="left",
            )
        )
    parts.append(_bars(lap))
    attention = Table(
        title="Perlu perhatian",
        box=box.SIMPLE_HEAD,
        expand=True,
        title_justify="left",
        show_lines=True,
    )
    attention.add_column("Kode", no_wrap=True)
    attention.add_column("Kendala", ratio=1)
    attention.add_column("Rencana tindak lanjut", ratio=1)
    attention.add_column("Proyeksi", ratio=1)
    for r in lap.perlu_perhatian:
        attention.add_row(
            r.tahunan.kode,
            "\n".join(r.kendala) or "—",
            "\n".join(r.rencana_tindak_lanjut) or "—",
            f"{PROYEKSI_LABEL[r.proyeksi.status]}: {r.proyeksi.uraian}",
        )
    parts.append(attention)
    proyeksi = Table(
        title="Proyeksi akhir tahun",
        box=box.SIMPLE_HEAD,
        expand=True,
        title_justify="left",
    )
    proyeksi.add_column("Kode", no_wrap=True)
    proyeksi.add_column("Proyeksi", no_wrap=True)
    proyeksi.add_column("Uraian", ratio=1)
    for r in lap.baris:
        proyeksi.add_row(r.tahunan.kode, PROYEKSI_LABEL[r.proyeksi.status], r.proyeksi.uraian)
    parts.append(proyeksi)
    parts.append(
        Text(
            f"Anggaran total: pagu {_pagu(lap.total_pagu)} · realisasi "
            f"{format_rupiah(lap.total_realisasi_anggaran)} · serapan {_pct(lap.serapan_total)}"
        )
    )
    if sempit:
        parts.append(Text(f"St.: {LEGENDA_SIMBOL}", style="dim"))
    for line in penanda.baris():
        parts.append(Text(line, style="yellow"))
    if lap.contoh:
        parts.append(Text("Realisasi ini DATA CONTOH, bukan data resmi.", style="bold yellow"))
    parts.append(Text(f"Data: {lap.data}", style="dim"))
    return Group(*parts)

"""Renderers of :class:`LaporanPohon`: a Rich tree, nested JSON, a Markdown list.

An indicator shows the marks (asumsi/turunan/contoh) of its target and realisasi
exactly as ``renja capaian`` does: the same cell helpers, the same footnotes,
the same ``asumsi`` list in JSON.
"""

from __future__ import annotations

from typing import Any, assert_never

from renja_cli.hitung.capaian import Status
from renja_cli.laporan.pohon import LaporanPohon, SimpulPohon
from renja_cli.laporan.ringkasan import BarisRingkasan
from renja_cli.numbers import format_percent, format_rupiah
from renja_cli.render.capaian import sel_realisasi_tanda, sel_target_tanda
from renja_cli.render.common import STATUS_LABEL, Penanda, nama, sel_capaian, tanda_dict
from renja_cli.render.formats import FormatPohon
from renja_cli.render.mesin import json_mesin
from renja_cli.teks import escape_md

STATUS_STYLE = {"tercapai": "bold green", "belum_tercapai": "bold red", "belum_ada_data": "yellow"}
JENIS_LABEL = {
    "kantor": "Kantor",
    "sasaran_strategis": "Sasaran Strategis",
    "sasaran_program": "Sasaran Program",
    "sasaran_kegiatan": "Sasaran Kegiatan",
}


def render(laporan: LaporanPohon, fmt: FormatPohon) -> Any:
    """The one dispatch from format to renderer (a str, or a Rich renderable)."""
    match fmt:
        case FormatPohon.tabel:
            return render_tabel(laporan)
        case FormatPohon.json:
            return render_json(laporan)
        case FormatPohon.markdown:
            return render_markdown(laporan)
        case _:
            assert_never(fmt)


# --- JSON: one node shape all the way down, for d3.hierarchy(data.pohon, d => d.anak) ---


def _daun(b: BarisRingkasan) -> dict[str, Any]:
    r = b.tahunan
    return {
        "jenis": "indikator",
        "kode": r.kode,
        "nama": r.nama,
        "nama_singkat": r.nama_singkat,
        "satuan": r.satuan,
        "arah": r.arah,
        "target_jenis": r.target_jenis,
        "target": r.target,
        "target_min": r.target_min,
        "target_maks": r.target_maks,
        "realisasi": r.realisasi,
        "capaian": r.capaian,
        "status": r.status,
        "periode_data": r.periode_data,
        "sementara": r.sementara,
        "target_triwulan": b.target_tw,
        "capaian_triwulan": b.capaian_tw,
        "status_triwulan": b.status,
        "asumsi": tanda_dict(r.tanda),
        "asumsi_target_triwulan": tanda_dict(b.tanda_tw),
        "anak": [],
    }


def _simpul(node: SimpulPohon) -> dict[str, Any]:
    anggaran: dict[str, Any] = {"pagu": node.pagu, "realisasi": node.realisasi_anggaran}
    if node.anggaran is not None:
        anggaran["serapan"] = node.anggaran.serapan
        anggaran["indeks_efisiensi"] = node.anggaran.indeks_efisiensi
    return {
        "jenis": node.jenis,
        "kode": node.kode,
        "nama": node.nama,
        "jumlah_indikator": node.jumlah_indikator,
        "jumlah_status": dict(node.jumlah_status),
        "anggaran": anggaran,
        "anak": [_simpul(a) for a in node.anak] + [_daun(b) for b in node.indikator],
    }


def render_json(laporan: LaporanPohon) -> str:
    payload = {
        "tahun": laporan.tahun,
        "triwulan": laporan.triwulan,
        "periode": laporan.periode,
        "kantor": laporan.kantor,
        "jenis_indikator": laporan.jenis_indikator,
        "target_jenis": laporan.target_jenis,
        "contoh": laporan.contoh,
        "data": laporan.data,
        "pohon": _simpul(laporan.akar),
        "catatan": list(laporan.catatan),
    }
    return json_mesin(payload)


# --- words shared by the human formats ---


def _hitungan(counts: dict[Status, int]) -> str:
    parts = [
        f"{counts['tercapai']} tercapai",
        f"{counts['belum_tercapai']} belum",
    ]
    if counts["belum_ada_data"]:
        parts.append(f"{counts['belum_ada_data']} belum ada data")
    return " · ".join(parts)


def _anggaran(node: SimpulPohon) -> str:
    a = node.anggaran
    if a is None or a.pagu is None:
        return ""
    text = f"pagu {format_rupiah(a.pagu)}, realisasi {format_rupiah(a.realisasi)}"
    if a.serapan is not None:
        text += f" (serapan {format_percent(a.serapan)})"
    return text


def _judul(laporan: LaporanPohon) -> str:
    return f"Pohon Kinerja {laporan.tahun} — {laporan.kantor}"


def _posisi(laporan: LaporanPohon) -> str:
    return (
        f"Posisi {laporan.periode} · target {laporan.target_jenis.upper()} · "
        "status terhadap target tahunan"
    )


def render_markdown(laporan: LaporanPohon) -> str:
    lines = [f"# {escape_md(_judul(laporan))}", "", _posisi(laporan) + ".", ""]
    lines += [line for note in laporan.catatan for line in (f"> Catatan: {escape_md(note)}", "")]
    if laporan.contoh:
        lines += ["> **Data contoh** — realisasi bukan data resmi.", ""]
    penanda = Penanda()

    def walk(node: SimpulPohon, depth: int) -> None:
        pad = "  " * depth
        tail = f" — {_hitungan(node.jumlah_status)}"
        money = _anggaran(node)
        if money:
            tail += f"; {money}"
        lines.append(f"{pad}- **{node.kode}** {escape_md(node.nama)}{tail}")
        for child in node.anak:
            walk(child, depth + 1)
        for b in node.indikator:
            r = b.tahunan
            lines.append(
                f"{pad}  - {r.kode} {escape_md(nama(r))} — target {sel_target_tanda(r, penanda)}, "
                f"realisasi {sel_realisasi_tanda(r, penanda)}, capaian {sel_capaian(r)} "
                f"({STATUS_LABEL[r.status]})"
            )

    for node in laporan.akar.anak:
        walk(node, 0)
    lines += ["", f"Jumlah: {_hitungan(laporan.akar.jumlah_status)}"]
    if laporan.akar.pagu is not None:
        lines.append(
            f"Anggaran: pagu {format_rupiah(laporan.akar.pagu)}, realisasi "
            f"{format_rupiah(laporan.akar.realisasi_anggaran)}"
        )
    if penanda.baris():
        lines += ["", "Tanda nilai yang tidak dinyatakan sumber:", ""]
        lines += [f"- {b}" for b in penanda.baris(escape_md)]
    return "\n".join(lines) + "\n"


def render_tabel(laporan: LaporanPohon) -> Any:
    """A Rich tree; long names wrap under their own branch."""
    from rich.console import Group
    from rich.text import Text
    from rich.tree import Tree

    penanda = Penanda()

    def label(node: SimpulPohon) -> Text:
        text = Text()
        text.append(f"{node.kode} ", style="bold cyan")
        text.append(node.nama, style="bold" if node.jenis != "sasaran_kegiatan" else "cyan")
        text.append("\n")
        counts = node.jumlah_status
        text.append(f"{counts['tercapai']} tercapai", style="green")
        text.append(" · ")
        text.append(f"{counts['belum_tercapai']} belum", style="red")
        if counts["belum_ada_data"]:
            text.append(" · ")
            text.append(f"{counts['belum_ada_data']} belum ada data", style="yellow")
        money = _anggaran(node)
        if money:
            text.append(f"\n{money}", style="dim")
        return text

    def leaf(b: BarisRingkasan) -> Text:
        r = b.tahunan
        text = Text()
        text.append(f"{r.kode} ", style="bold")
        text.append(nama(r))
        text.append(
            f"\ntarget {sel_target_tanda(r, penanda)} · "
            f"realisasi {sel_realisasi_tanda(r, penanda)} · capaian "
        )
        text.append(sel_capaian(r), style="bold")
        text.append(" ")
        text.append(STATUS_LABEL[r.status], style=STATUS_STYLE[r.status])
        return text

    def grow(branch: Tree, node: SimpulPohon) -> None:
        sub = branch.add(label(node), guide_style="dim")
        for child in node.anak:
            grow(sub, child)
        for b in node.indikator:
            sub.add(leaf(b))

    root = Tree(Text(_judul(laporan), style="bold"), guide_style="dim")
    for node in laporan.akar.anak:
        grow(root, node)
    footer = [
        Text(_posisi(laporan), style="dim"),
        Text(f"Jumlah: {_hitungan(laporan.akar.jumlah_status)}", style="bold"),
    ]
    if laporan.akar.pagu is not None:
        footer.append(
            Text(
                f"Anggaran: pagu {format_rupiah(laporan.akar.pagu)}, realisasi "
                f"{format_rupiah(laporan.akar.realisasi_anggaran)}"
            )
        )
    footer += [Text(f"Catatan: {note}", style="yellow") for note in laporan.catatan]
    for line in penanda.baris():
        footer.append(Text(line, style="yellow"))
    if laporan.contoh:
        footer.append(Text("Realisasi ini DATA CONTOH, bukan data resmi.", style="bold yellow"))
    footer.append(Text(f"Data: {laporan.data}", style="dim"))
    return Group(root, *footer)

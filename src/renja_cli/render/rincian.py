"""Renderers of :class:`LaporanRincian` (``renja rincian``)."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, assert_never

from renja_cli.formula.hasil import (
    RincianArsip,
    RincianInstansi,
    RincianKomponen,
    RincianRasio,
    RincianSurvei,
)
from renja_cli.laporan.objek import label_periode
from renja_cli.laporan.rincian import LaporanRincian
from renja_cli.numbers import format_number, format_percent, format_value
from renja_cli.render.capaian import baris_dict
from renja_cli.render.common import STATUS_LABEL, sel_capaian, sel_target
from renja_cli.render.formats import FormatRincian
from renja_cli.render.mesin import json_mesin
from renja_cli.teks import escape_md


def _n(value: float | None) -> str:
    return "—" if value is None else format_number(value, 2, trim=True)


def kalimat(lap: LaporanRincian) -> str:
    """The line that produced the realisasi, e.g. '14 dari 44 instansi ≥ Tinggi = 31,82 %'."""
    b = lap.baris
    h = lap.hitungan
    real = "belum ada data" if h.hasil is None else format_value(h.hasil, b.persen)
    if h.bentuk == "belum_lengkap":
        head = f"{h.hilang} dari {_n(h.penyebut)} instansi tanpa catatan: belum lengkap"
    elif h.bentuk == "instansi":
        head = f"{_n(h.pembilang)} dari {_n(h.penyebut)} instansi {h.kriteria} = {real}"
    elif h.bentuk == "arsip":
        head = (
            f"{format_number(h.pembilang or 0, 0)} dari {format_number(h.penyebut or 0, 0)} NIP "
            f"{h.kriteria} = {real}"
        )
    elif h.bentuk == "butir":
        head = f"{_n(h.pembilang)} dari {_n(h.penyebut)} butir ditindaklanjuti = {real}"
    elif h.bentuk == "rasio":
        head = f"{_n(h.pembilang)} / {_n(h.penyebut)} × 100 = {real}"
    elif h.bentuk in ("rata_rata", "jumlah"):
        sign = " + ".join(_n(v) for v in h.suku)
        head = (
            f"({sign}) / {len(h.suku)} = {real}" if h.bentuk == "rata_rata" else f"{sign} = {real}"
        )
        if h.label_suku and h.label_suku[0].startswith("TW"):
            head = f"{h.label_suku[0]}–{h.label_suku[-1]}: {head}"
    else:
        head = f"realisasi {real}"
    target = sel_target(b)
    return f"{head}; target {target}; capaian {sel_capaian(b)} ({STATUS_LABEL[b.status]})"


def _plain(value: Any) -> Any:
    if isinstance(value, RincianSurvei):
        from renja_cli.ikm import ke_dict

        return {"berkas": [str(p) for p in value.berkas], "ikm": ke_dict(value.hasil)}
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def render(lap: LaporanRincian, fmt: FormatRincian) -> Any:
    """The one dispatch from format to renderer (a str, or a Rich renderable)."""
    match fmt:
        case FormatRincian.tabel:
            return render_tabel(lap)
        case FormatRincian.json:
            return render_json(lap)
        case FormatRincian.markdown:
            return render_markdown(lap)
        case _:
            assert_never(fmt)


def render_json(lap: LaporanRincian) -> str:
    payload = {
        "tahun": lap.tahun,
        "periode": lap.periode,
        "contoh": lap.contoh,
        "indikator": baris_dict(lap.baris),
        "formula": lap.formula,
        "uraian_formula": lap.uraian_formula,
        "periode_rumus": lap.periode_rumus,
        "pembilang": lap.pembilang,
        "penyebut": lap.penyebut,
        "komponen": _plain(lap.komponen),
        "hitungan": _plain(lap.hitungan),
        "per_periode": _plain(lap.per_periode),
        "rincian": _plain(lap.rincian),
        "kalimat": kalimat(lap),
    }
    return json_mesin(payload)


def _tables(lap: LaporanRincian) -> list[tuple[str, list[str], list[list[str]]]]:
    """Title, header and rows of every detail table; shared by tabel and markdown."""
    out: list[tuple[str, list[str], list[list[str]]]] = []
    b = lap.baris
    out.append(
        (
            f"Per periode ({lap.periode_rumus})",
            ["Periode", "Realisasi", "Pembilang", "Penyebut", "Dipakai", "Keterangan"],
            [
                [
                    label_periode(p.periode),
                    "belum tersedia"
                    if not p.tersedia
                    else ("—" if p.realisasi is None else format_value(p.realisasi, b.persen)),
                    _n(p.pembilang),
                    _n(p.penyebut),
                    "ya" if p.dipakai else "tidak",
                    "; ".join(p.keterangan),
                ]
                for p in lap.per_periode
            ],
        )
    )
    if len(b.semua_target) > 1:
        out.append(
            (
                "Capaian per jenis target",
                ["Jenis", "Target", "Capaian"],
                [
                    [
                        name,
                        _n(value) if value is not None else "rentang",
                        "—" if capaian is None else format_percent(capaian),
                    ]
                    for name, value, capaian in b.semua_target
                ],
            )
        )
    if lap.komponen:
        out.append(
            (
                "Komponen",
                ["Kode", "Komponen", "Nilai", "Target", "Capaian"],
                [
                    [
                        k.kode,
                        k.nama,
                        _n(k.nilai),
                        _n(k.target),
                        "—" if k.capaian is None else format_percent(k.capaian),
                    ]
                    for k in lap.komponen
                ],
            )
        )
    r = lap.rincian
    if isinstance(r, dict):  # component detail files of a mean
        for kode, det in r.items():
            if isinstance(det, RincianKomponen):
                out.append(
                    (
                        f"{kode}: {det.berkas.name}",
                        ["Kegiatan", "Nilai"],
                        [[name, _n(v)] for name, v in det.kegiatan],
                    )
                )
            elif isinstance(det, RincianSurvei):
                out.extend(_survei(kode, det))
    if isinstance(r, RincianInstansi):
        out.append(
            (
                f"Instansi ({r.berkas.name})",
                ["No", "Instansi", "Provinsi", "Nilai", "Predikat", "Dihitung"],
                [
                    [
                        str(i),
                        row.nama,
                        row.provinsi,
                        _n(row.nilai),
                        row.predikat or "—",
                        "ya" if row.memenuhi else "tidak",
                    ]
                    for i, row in enumerate(r.baris, 1)
                ],
            )
        )
        if r.hilang:
            out.append(
                (
                    f"Tanpa catatan ({len(r.hilang)} instansi)",
                    ["Kode", "Instansi"],
                    [[k, n] for k, n in r.hilang],
                )
            )
    if isinstance(r, RincianRasio) and r.butir:
        out.append(
            (
                f"Butir ({r.berkas.name if r.berkas else ''})",
                ["Nomor", "Instansi", "Ditindaklanjuti"],
                [[n, i or "—", "ya" if d else "tidak"] for n, i, d in r.butir],
            )
        )
    if isinstance(r, RincianArsip):
        kategori = r.kategori or (
            ("tersedia", r.tersedia),
            ("terisi", r.terisi),
            ("lengkap", r.lengkap),
        )
        out.append(
            (
                f"Kategori arsip ({r.berkas.name})",
                ["Kategori", "Jumlah NIP"],
                [
                    *([k, format_number(n, 0)] for k, n in kategori),
                    ["dihitung", format_number(r.dihitung, 0)],
                ],
            )
        )
    if b.tanda:
        out.append(
            (
                "Tanda nilai yang tidak dinyatakan sumber",
                ["Jenis", "Nilai", "Keterangan"],
                [[t.jenis, t.bidang, t.teks] for t in b.tanda],
            )
        )
    return out


def _survei(kode: str, det: RincianSurvei) -> list[tuple[str, list[str], list[list[str]]]]:
    """A survey component: its IKM, the NRR of the nine unsur, the events."""
    h = det.hasil
    files = ", ".join(p.name for p in det.berkas)
    tables = [
        (
            f"{kode}: IKM {format_number(h.ikm)} (mutu {h.mutu}, {h.kinerja}) dari "
            f"{format_number(h.responden, 0)} responden — {files}",
            ["Unsur", "NRR", "NRR tertimbang", "Nilai interval", "Mutu"],
            [
                [
                    f"{u.kode} {u.nama}",
                    format_number(u.nrr, 3),
                    format_number(u.nrr_tertimbang, 3),
                    format_number(u.nilai_interval),
                    u.mutu,
                ]
                for u in h.unsur
            ],
        ),
        (
            f"{kode}: tiga unsur terendah (rencana tindak lanjut)",
            ["No", "Unsur"],
            [[str(i), nama] for i, nama in enumerate(h.terendah, 1)],
        ),
    ]
    per_file = [k for k in h.kelompok if k.per == "berkas"]
    if len(per_file) > 1:
        tables.append(
            (
                f"{kode}: IKM per kegiatan ({h.gabung})",
                ["Kegiatan (berkas)", "Responden", "IKM", "Mutu"],
                [
                    [
                        k.nama,
                        format_number(k.hasil.responden, 0),
                        format_number(k.hasil.ikm),
                        k.hasil.mutu,
                    ]
                    for k in per_file
                ],
            )
        )
    return tables


def render_markdown(lap: LaporanRincian) -> str:
    b = lap.baris
    lines = [
        f"# {b.kode} — {escape_md(b.nama)}",
        "",
        f"Tahun {lap.tahun}, posisi **{lap.periode}**.",
        f"Formula `{lap.formula}`: {escape_md(lap.uraian_formula)}.",
        "",
    ]
    for title, header, rows in _tables(lap):
        lines += [f"## {escape_md(title)}", "", "| " + " | ".join(header) + " |"]
        lines.append("|" + "---|" * len(header))
        lines += ["| " + " | ".join(escape_md(c) for c in row) + " |" for row in rows]
        lines.append("")
    lines.append(f"**{escape_md(kalimat(lap))}**")
    return "\n".join(lines) + "\n"


def render_tabel(lap: LaporanRincian) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    b = lap.baris
    parts: list[Any] = [
        Text(f"{b.kode} — {b.nama}", style="bold"),
        Text(
            f"Tahun {lap.tahun} · posisi {lap.periode} · formula {lap.formula}: "
            f"{lap.uraian_formula}"
        ),
    ]
    for title, header, rows in _tables(lap):
        table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
        for h in header:
            table.add_column(
                h,
                justify="right"
                if h
                in {
                    "Nilai",
                    "Realisasi",
                    "Pembilang",
                    "Penyebut",
                    "Target",
                    "Capaian",
                    "Jumlah NIP",
                    "No",
                }
                else "left",
            )
        for row in rows:
            table.add_row(*row)
        parts.append(table)
    parts.append(Text(kalimat(lap), style="bold"))
    if lap.contoh:
        parts.append(Text("Realisasi ini DATA CONTOH, bukan data resmi.", style="bold yellow"))
    parts.append(Text(f"Data: {lap.data}", style="dim"))
    return Group(*parts)

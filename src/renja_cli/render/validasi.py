"""Renderers of :class:`HasilValidasi`: text, JSON, GitHub annotations, Markdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import assert_never

from renja_cli.laporan.validasi import HasilValidasi, Masalah
from renja_cli.render.formats import FormatValidasi
from renja_cli.teks import escape_md, kode_md


def _where(m: Masalah) -> str:
    parts = [str(m.path) if m.path else "<masukan>"]
    if m.baris is not None:
        parts.append(str(m.baris))
        if m.kolom is not None:
            parts.append(str(m.kolom))
    return ":".join(parts)


def _pesan(m: Masalah) -> str:
    return f"{m.bidang}: {m.pesan}" if m.bidang else m.pesan


def ringkasan(hasil: HasilValidasi) -> str:
    return (
        f"{len(hasil.berkas)} berkas, {hasil.indikator} indikator, "
        f"{hasil.jumlah_galat} galat, {hasil.jumlah_peringatan} peringatan"
    )


def render(hasil: HasilValidasi, fmt: FormatValidasi, ketat: bool = False) -> str:
    """The one dispatch from format to renderer."""
    match fmt:
        case FormatValidasi.teks:
            return render_teks(hasil)
        case FormatValidasi.json:
            return render_json(hasil, ketat)
        case FormatValidasi.github:
            return render_github(hasil)
        case FormatValidasi.markdown:
            return render_markdown(hasil, ketat)
        case _:
            assert_never(fmt)


def render_teks(hasil: HasilValidasi) -> str:
    lines: list[str] = []
    for path, items in hasil.per_berkas():
        lines.append(str(path) if path else "<masukan>")
        for m in items:
            label = "" if m.tingkat == "galat" else " (peringatan)"
            lines.append(f"  {_where(m)}: {m.kode}{label} {_pesan(m)}")
    lines.append(ringkasan(hasil))
    return "\n".join(lines) + "\n"


def render_json(hasil: HasilValidasi, ketat: bool = False) -> str:
    payload = {
        "valid": hasil.valid(ketat),
        "berkas": len(hasil.berkas),
        "indikator": hasil.indikator,
        "galat": hasil.jumlah_galat,
        "peringatan": hasil.jumlah_peringatan,
        "masalah": [
            {
                "berkas": str(m.path) if m.path else None,
                "baris": m.baris,
                "kolom": m.kolom,
                "kode": m.kode,
                "tingkat": m.tingkat,
                "bidang": m.bidang,
                "pesan": m.pesan,
            }
            for _, items in hasil.per_berkas()
            for m in items
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(hasil: HasilValidasi) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for _, items in hasil.per_berkas():
        for m in items:
            level = "error" if m.tingkat == "galat" else "warning"
            props = []
            if m.path:
                props.append(f"file={_escape(str(m.path), True)}")
            if m.baris is not None:
                props.append(f"line={m.baris}")
            if m.kolom is not None:
                props.append(f"col={m.kolom}")
            props.append(f"title={_escape(m.kode, True)}")
            lines.append(f"::{level} {','.join(props)}::{_escape(_pesan(m))}")
    lines.append(ringkasan(hasil))
    return "\n".join(lines) + "\n"


def render_markdown(hasil: HasilValidasi, ketat: bool = False) -> str:
    status = "✅ valid" if hasil.valid(ketat) else "❌ tidak valid"
    lines = [f"## renja validasi: {status}", "", ringkasan(hasil), ""]
    if hasil.masalah:
        lines += ["| Berkas | Baris | Kode | Tingkat | Pesan |", "|---|---:|---|---|---|"]
        for _, items in hasil.per_berkas():
            for m in items:
                path = Path(m.path).as_posix() if m.path else ""
                pesan = escape_md(_pesan(m))
                berkas = kode_md(path) if path else ""
                lines.append(f"| {berkas} | {m.baris or ''} | {m.kode} | {m.tingkat} | {pesan} |")
    return "\n".join(lines) + "\n"

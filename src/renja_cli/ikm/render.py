"""Renderers of an IKM result: Rich, JSON, Markdown and machine CSV.

They only format what :class:`~renja_cli.ikm.hasil.HasilIkm` already holds;
nothing is computed here. Human outputs write numbers the Indonesian way
(``82,39``); the CSV is for machines (``,`` separator, ``.`` decimals,
unrounded). Every output says so when the data is example data.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, assert_never

from renja_cli.ikm.hasil import HasilIkm, HasilUnsur, Kelompok, ke_dict
from renja_cli.numbers import format_number
from renja_cli.render.formats import FormatIkm
from renja_cli.teks import escape_md

if TYPE_CHECKING:
    from rich.console import RenderableType

CONTOH = "DATA CONTOH — bukan data resmi"
MAKS_DIKECUALIKAN = 20
"""Excluded respondents listed in human outputs; JSON lists them all."""
LEBAR_BATANG = 30
"""Characters of a full bar in the NRR chart (NRR 4)."""

_JUDUL_PER = {
    "berkas": "Per berkas (kegiatan)",
    "layanan": "Per jenis layanan",
    "triwulan": "Per triwulan",
    "bulan": "Per bulan",
}
_KOLOM_PER = {"berkas": "Berkas", "layanan": "Layanan", "triwulan": "Triwulan", "bulan": "Bulan"}
_GABUNG = {
    "rata_rata_kegiatan": "rata-rata IKM per kegiatan",
    "gabungan_responden": "gabungan seluruh responden",
}


def _angka(value: float, places: int = 2) -> str:
    return format_number(value, places)


def _bobot(hasil: HasilIkm) -> str:
    if hasil.bobot == "tepat":
        return "bobot 1/9 (tepat)"
    return f"bobot {_angka(hasil.nilai_bobot, 3)} (dibulatkan)"


def _nrr_of(hasil: HasilIkm, nama: str) -> float:
    return next(u.nrr for u in hasil.unsur if u.nama == nama)


def kalimat_sampel(hasil: HasilIkm) -> str | None:
    """``240 responden ≥ 148 minimal: cukup (populasi 600)``."""
    s = hasil.sampel
    if s is None:
        return None
    sign, verdict = ("≥", "cukup") if s.cukup else ("<", "kurang")
    return (
        f"{format_number(s.responden, 0)} responden {sign} {format_number(s.minimal, 0)} "
        f"minimal: {verdict} (populasi {format_number(s.populasi, 0)}, Krejcie–Morgan)"
    )


def kalimat_ikm(hasil: HasilIkm) -> str:
    """``IKM 92,45 — mutu A (Sangat Baik)``."""
    return f"IKM {_angka(hasil.ikm)} — mutu {hasil.mutu} ({hasil.kinerja})"


def _kalimat_responden(hasil: HasilIkm) -> str:
    text = f"{format_number(hasil.responden, 0)} responden dihitung"
    if hasil.dikecualikan:
        text += f", {len(hasil.dikecualikan)} dikecualikan"
    if hasil.gabung:
        text += f"; {len(hasil.berkas)} berkas digabung: {_GABUNG[hasil.gabung]}"
    return text


def _terendah(hasil: HasilIkm) -> list[str]:
    return [f"{n} ({_angka(_nrr_of(hasil, n))})" for n in hasil.terendah]


# --- Rich --------------------------------------------------------------------


def ke_rich(hasil: HasilIkm, judul: str | None = None) -> RenderableType:
    """A Rich group: unsur table, IKM line, NRR bar chart, lowest unsur, breakdowns."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    if hasil.contoh:
        parts.append(Text(f"⚠ {CONTOH}", style="bold yellow"))
    title = judul or f"IKM {', '.join(hasil.berkas)}"
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    for name, justify in (
        ("Kode", "left"),
        ("Unsur", "left"),
        ("Jawaban", "right"),
        ("NRR", "right"),
        ("NRR tertimbang", "right"),
        ("Nilai interval", "right"),
        ("Mutu", "center"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for u in hasil.unsur:
        table.add_row(*_baris_unsur(u))
    table.add_section()
    table.add_row(
        "",
        Text("IKM", style="bold"),
        "",
        "",
        _angka(sum(u.nrr_tertimbang for u in hasil.unsur), 3),
        Text(_angka(hasil.ikm), style="bold"),
        Text(hasil.mutu, style="bold"),
    )
    parts.append(table)
    parts.append(
        Text.assemble(
            (kalimat_ikm(hasil), "bold"), f"  ·  {_bobot(hasil)}  ·  {_kalimat_responden(hasil)}"
        )
    )
    parts.append(_grafik(hasil))
    parts.append(Text("Tiga unsur terendah: " + "; ".join(_terendah(hasil))))
    sample = kalimat_sampel(hasil)
    if sample:
        parts.append(
            Text(f"Sampel: {sample}", style="" if hasil.sampel and hasil.sampel.cukup else "red")
        )
    if hasil.dikecualikan:
        excluded = Table(title="Responden dikecualikan", box=box.SIMPLE, title_justify="left")
        excluded.add_column("Lokasi")
        excluded.add_column("Alasan")
        for d in hasil.dikecualikan[:MAKS_DIKECUALIKAN]:
            excluded.add_row(str(d.lokasi), d.alasan)
        more = len(hasil.dikecualikan) - MAKS_DIKECUALIKAN
        if more > 0:
            excluded.add_row(f"… dan {format_number(more, 0)} lagi", "(lihat --format json)")
        parts.append(excluded)
    for per in _urutan_per(hasil.kelompok):
        parts.append(_tabel_kelompok(per, [k for k in hasil.kelompok if k.per == per]))
    for p in hasil.peringatan:
        parts.append(Text(f"peringatan {p}", style="yellow"))
    if hasil.contoh:
        parts.append(Text(CONTOH, style="bold yellow"))
    return Group(*parts)


def _baris_unsur(u: HasilUnsur) -> tuple[str, ...]:
    return (
        u.kode,
        u.nama,
        format_number(u.jumlah_jawaban, 0),
        _angka(u.nrr),
        _angka(u.nrr_tertimbang, 3),
        _angka(u.nilai_interval),
        u.mutu,
    )


def _grafik(hasil: HasilIkm) -> RenderableType:
    """Bars of the nine NRR on the 1–4 scale (an empty bar is NRR 1)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lowest = set(hasil.terendah)
    chart = Table(
        title="NRR per unsur (skala 1–4)", box=box.SIMPLE, show_header=False, title_justify="left"
    )
    chart.add_column("Unsur")
    chart.add_column("Batang", no_wrap=True)
    chart.add_column("NRR", justify="right")
    for u in hasil.unsur:
        filled = round((min(max(u.nrr, 1.0), 4.0) - 1) / 3 * LEBAR_BATANG)
        style = "red" if u.nama in lowest else "green"
        bar = Text("█" * filled, style=style) + Text("·" * (LEBAR_BATANG - filled), style="dim")
        chart.add_row(f"{u.kode} {u.nama}", bar, _angka(u.nrr))
    scale = "1" + " " * (LEBAR_BATANG - 2) + "4"
    chart.add_row("", Text(scale, style="dim"), "")
    return chart


def _urutan_per(kelompok: tuple[Kelompok, ...]) -> list[str]:
    return list(dict.fromkeys(k.per for k in kelompok))


def _tabel_kelompok(per: str, groups: list[Kelompok]) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(title=_JUDUL_PER.get(per, per), box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column(_KOLOM_PER.get(per, per), overflow="fold")
    table.add_column("Responden", justify="right")
    table.add_column("IKM", justify="right")
    table.add_column("Mutu", justify="center")
    table.add_column("Kinerja")
    table.add_column("Tiga unsur terendah")
    for k in groups:
        h = k.hasil
        table.add_row(
            k.nama,
            format_number(h.responden, 0),
            _angka(h.ikm),
            h.mutu,
            h.kinerja,
            "; ".join(h.terendah),
        )
    return table


# --- JSON --------------------------------------------------------------------


def ke_json(hasil: HasilIkm) -> str:
    """Stable JSON (see :func:`~renja_cli.ikm.hasil.ke_dict`); numbers unrounded."""
    return json.dumps(ke_dict(hasil), ensure_ascii=False, indent=2) + "\n"


# --- Markdown ----------------------------------------------------------------


def ke_markdown(hasil: HasilIkm, judul: str | None = None) -> str:
    """A Markdown section for a report, job summary or LKj draft."""
    lines = [f"## {escape_md(judul or 'IKM ' + ', '.join(hasil.berkas))}", ""]
    if hasil.contoh:
        lines += [f"> **{CONTOH}**", ""]
    lines += [
        f"**{kalimat_ikm(hasil)}** · {_bobot(hasil)} · {_kalimat_responden(hasil)}",
        "",
        "| Kode | Unsur | Jawaban | NRR | NRR tertimbang | Nilai interval | Mutu |",
        "|---|---|---:|---:|---:|---:|:---:|",
    ]
    lines += ["| " + " | ".join(escape_md(c) for c in _baris_unsur(u)) + " |" for u in hasil.unsur]
    lines += [
        "| | **IKM** | | | "
        f"{_angka(sum(u.nrr_tertimbang for u in hasil.unsur), 3)} | **{_angka(hasil.ikm)}** | "
        f"**{hasil.mutu}** |",
        "",
        "**Tiga unsur terendah:** "
        + "; ".join(f"{i}. {escape_md(t)}" for i, t in enumerate(_terendah(hasil), start=1)),
    ]
    sample = kalimat_sampel(hasil)
    if sample:
        lines += ["", f"**Sampel:** {sample}"]
    if hasil.dikecualikan:
        lines += ["", "### Responden dikecualikan", ""]
        shown = hasil.dikecualikan[:MAKS_DIKECUALIKAN]
        lines += [f"- `{d.lokasi}` — {escape_md(d.alasan)}" for d in shown]
        more = len(hasil.dikecualikan) - len(shown)
        if more > 0:
            lines.append(f"- … dan {format_number(more, 0)} lagi (lengkap di keluaran JSON)")
    for per in _urutan_per(hasil.kelompok):
        lines += [
            "",
            f"### {_JUDUL_PER.get(per, per)}",
            "",
            f"| {_KOLOM_PER.get(per, per)} | Responden | IKM | Mutu | Kinerja | "
            "Tiga unsur terendah |",
            "|---|---:|---:|:---:|---|---|",
        ]
        for k in hasil.kelompok:
            if k.per == per:
                h = k.hasil
                lines.append(
                    f"| {escape_md(k.nama)} | {format_number(h.responden, 0)} | {_angka(h.ikm)} | "
                    f"{h.mutu} | {h.kinerja} | {escape_md('; '.join(h.terendah))} |"
                )
    if hasil.peringatan:
        lines += ["", "### Peringatan", ""]
        lines += [f"- {escape_md(str(p))}" for p in hasil.peringatan]
    return "\n".join(lines) + "\n"


# --- CSV ---------------------------------------------------------------------

KOLOM_CSV = (
    "contoh",
    "per",
    "kelompok",
    "kode",
    "nama",
    "jumlah_jawaban",
    "nrr",
    "nrr_tertimbang",
    "nilai_interval",
    "mutu",
)


def ke_csv(hasil: HasilIkm) -> str:
    """Machine CSV: one row per unsur and one ``IKM`` row, for the total then each group.

    ``nilai_interval`` of the IKM row is the IKM; its ``jumlah_jawaban`` the
    respondents counted. Floats are written unrounded with ``.`` decimals.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(KOLOM_CSV)
    flag = "true" if hasil.contoh else "false"
    blocks = [("", "", hasil)] + [(k.per, k.nama, k.hasil) for k in hasil.kelompok]
    for per, name, h in blocks:
        for u in h.unsur:
            writer.writerow(
                (
                    flag,
                    per,
                    name,
                    u.kode,
                    u.nama,
                    u.jumlah_jawaban,
                    repr(u.nrr),
                    repr(u.nrr_tertimbang),
                    repr(u.nilai_interval),
                    u.mutu,
                )
            )
        writer.writerow(
            (
                flag,
                per,
                name,
                "IKM",
                "Indeks Kepuasan Masyarakat",
                h.responden,
                "",
                repr(sum(u.nrr_tertimbang for u in h.unsur)),
                repr(h.ikm),
                h.mutu,
            )
        )
    return out.getvalue()


def render(hasil: HasilIkm, fmt: FormatIkm) -> Any:
    """The one dispatch from format to renderer (a str, or a Rich renderable)."""
    match fmt:
        case FormatIkm.tabel:
            return ke_rich(hasil)
        case FormatIkm.json:
            return ke_json(hasil)
        case FormatIkm.markdown:
            return ke_markdown(hasil)
        case FormatIkm.csv:
            return ke_csv(hasil)
        case _:
            assert_never(fmt)

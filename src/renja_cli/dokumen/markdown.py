"""Pandoc-friendly Markdown: YAML title block, ``#`` headings, pipe tables, ``[^n]`` notes.

A note cited a second time is written ``^n^`` (pandoc superscript) rather
than ``[^n]``, which pandoc would turn into a new note with a new number.

Data text is escaped so it can never become markup: Markdown punctuation gets a
backslash (``\\|``, ``\\*``, ``\\<``), and so do characters that would change a
line's meaning at its start (``-``, ``+``, ``1.``). A chart becomes a table
with a text bar per row, since Markdown has no drawing.
"""

from __future__ import annotations

import json
import re

from renja_cli.dokumen.model import (
    STATUS_LABEL,
    Blok,
    Daftar,
    Dokumen,
    GrafikBatang,
    Isi,
    Judul,
    Paragraf,
    PemisahHalaman,
    Penomoran,
    Peringatan,
    Rujukan,
    Tabel,
    panjang_petak,
    penomoran,
    petak,
    rapikan,
    runs,
    skala,
)
from renja_cli.numbers import format_number
from renja_cli.teks import escape_md

_AWAL_BARIS = re.compile(r"^([-+:=%])")
_AWAL_NOMOR = re.compile(r"^(\d+)([.)])")
_ALIGN = {"kiri": ":---", "tengah": ":---:", "kanan": "---:"}
TITIK_GRAFIK = 30
"""At most this many characters make a full-scale bar in the Markdown chart."""


def _awal(teks: str) -> str:
    """Neutralise a line start that would make a list, quote or definition."""
    teks = _AWAL_BARIS.sub(r"\\\1", teks)
    return _AWAL_NOMOR.sub(r"\1\\\2", teks)


def _tekan(teks: str, tanda: str) -> str:
    """Wrap in ``**``/``*`` with spaces kept outside, as Markdown requires."""
    inti = teks.strip()
    if not inti:
        return teks
    kiri = teks[: len(teks) - len(teks.lstrip())]
    kanan = teks[len(teks.rstrip()) :]
    return f"{kiri}{tanda}{inti}{tanda}{kanan}"


class _Nomor:
    """The model's numbers plus which notes were already cited.

    Pandoc turns every ``[^n]`` into a note of its own, so a second citation
    of the same note is written ``^n^`` (pandoc's superscript): the notes stay
    numbered as in the .docx and HTML.
    """

    def __init__(self, nomor: Penomoran) -> None:
        self.nomor = nomor
        self.dirujuk: set[int] = set()

    def keterangan(self, i: int, judul: str) -> str:
        return self.nomor.keterangan(i, judul)

    def rujukan(self, kunci: str) -> str:
        n = self.nomor.catatan[kunci]
        if n in self.dirujuk:
            return f"^{n}^"
        self.dirujuk.add(n)
        return f"[^{n}]"


def _isi(isi: Isi, nomor: _Nomor) -> str:
    out: list[str] = []
    for run in runs(isi):
        if isinstance(run, Rujukan):
            out.append(nomor.rujukan(run.kunci))
            continue
        teks = escape_md(run.teks)
        if run.tebal:
            teks = _tekan(teks, "**")
        if run.miring:
            teks = _tekan(teks, "*")
        out.append(teks)
    return "".join(out)


def _tabel_md(kepala: list[str], rata: list[str], baris: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(kepala) + " |",
        "|" + "|".join(_ALIGN[r] for r in rata) + "|",
    ]
    lines.extend("| " + " | ".join(b) + " |" for b in baris)
    return "\n".join(lines)


def _tabel(i: int, t: Tabel, nomor: _Nomor) -> str:
    judul_kolom = [escape_md(k.judul) for k in t.kolom]
    if t.grup:
        nama_grup = [escape_md(g.judul) for g in t.grup for _ in range(g.rentang)]
        judul_kolom = [f"{g}: {k}" if g else k for g, k in zip(nama_grup, judul_kolom, strict=True)]
    baris = []
    for b in t.baris:
        sel = [_isi(s, nomor) for s in b.sel]
        baris.append([_tekan(s, "**") for s in sel] if b.tebal else sel)
    bagian = [
        _awal(escape_md(nomor.keterangan(i, t.judul))),
        _tabel_md(judul_kolom, [k.rata for k in t.kolom], baris),
    ]
    if t.sumber:
        bagian.append(_awal(escape_md(t.sumber)))
    return "\n\n".join(bagian)


def _batang_teks(nilai: float | None, maks: float, n: int, garis: int | None) -> str:
    """``█████···┃`` : the bar, then dots up to the reference line ``┃``."""
    panjang = panjang_petak(nilai, maks, n)
    ujung = max(panjang, garis or 0)
    teks = "".join("█" if j < panjang else "·" for j in range(ujung))
    if garis is not None:
        teks = teks[:garis] + "┃" + teks[garis:]
    return f"`{teks}`" if teks else ""


def _grafik(i: int, g: GrafikBatang, nomor: _Nomor) -> str:
    maks, _ = skala(g)
    n, garis = petak(g, TITIK_GRAFIK)
    satuan = f" {g.satuan}" if g.satuan else ""
    kepala = f"Grafik (0–{format_number(maks, 2, trim=True)}{satuan}"
    if g.garis_acuan is not None:
        acuan = format_number(g.garis_acuan, 2, trim=True)
        kepala += f"; ┃ = {g.label_acuan} {acuan}{satuan}"
    kepala += ")"
    baris = [
        [
            escape_md(b.label),
            escape_md(b.teks_nilai),
            STATUS_LABEL[b.status] if b.status else "—",
            _batang_teks(b.nilai, maks, n, garis),
        ]
        for b in g.batang
    ]
    tabel = _tabel_md(
        ["Indikator", "Nilai", "Status", escape_md(kepala)],
        ["kiri", "kanan", "kiri", "kiri"],
        baris,
    )
    return f"{_awal(escape_md(nomor.keterangan(i, g.judul)))}\n\n{tabel}"


def _blok(i: int, blok: Blok, nomor: _Nomor) -> str:
    if isinstance(blok, Judul):
        return f"{'#' * blok.level} {escape_md(blok.teks)}"
    if isinstance(blok, Paragraf):
        return _awal(_isi(blok.isi, nomor))
    if isinstance(blok, Daftar):
        return "\n".join(
            f"{f'{k}.' if blok.bernomor else '-'} {_awal(_isi(b, nomor))}"
            for k, b in enumerate(blok.butir, start=1)
        )
    if isinstance(blok, Tabel):
        return _tabel(i, blok, nomor)
    if isinstance(blok, GrafikBatang):
        return _grafik(i, blok, nomor)
    if isinstance(blok, Peringatan):
        return f"> **{escape_md(blok.teks).strip()}**"
    if isinstance(blok, PemisahHalaman):
        return "<!-- halaman baru -->"
    raise TypeError(f"unknown block {type(blok).__name__}")  # pragma: no cover


def _yaml(teks: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(rapikan(teks), ensure_ascii=False)


def render_markdown(dok: Dokumen) -> str:
    """The whole document as Markdown text; ``pandoc -o x.docx`` reads it as is."""
    nomor = _Nomor(penomoran(dok))
    kepala = ["---", f"title: {_yaml(dok.judul)}"]
    if dok.subjudul:
        kepala.append(f"subtitle: {_yaml(dok.subjudul)}")
    kepala += ["lang: id", "---"]
    bagian = ["\n".join(kepala)]
    bagian.extend(_blok(i, b, nomor) for i, b in enumerate(dok.blok))
    bagian.extend(
        f"[^{n}]: {_awal(escape_md(c.teks))}" for n, c in enumerate(nomor.nomor.urutan, start=1)
    )
    return "\n\n".join(bagian) + "\n"

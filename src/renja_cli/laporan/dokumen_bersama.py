"""What the chapter and the monev document share: footnotes for marks and notes,
cell text with its references, status words, target names, narrative blocks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from renja_cli.dokumen.model import (
    Baris,
    Blok,
    CatatanKaki,
    Daftar,
    Isi,
    Kolom,
    Paragraf,
    Rujukan,
    Run,
    Status,
    Tabel,
    Teks,
)
from renja_cli.model.dasar import LABEL_TANDA, TandaNilai
from renja_cli.model.realisasi import BlokNarasi, SelTabel, TabelNarasi
from renja_cli.numbers import format_number

STATUS_TEKS: dict[Status, str] = {
    "tercapai": "Tercapai",
    "belum_tercapai": "Belum tercapai",
    "belum_ada_data": "Belum ada data",
}

JUDUL_NARASI = {
    "analisis": "Analisis",
    "kendala": "Kendala",
    "upaya": "Upaya",
    "rencana_tindak_lanjut": "Rencana tindak lanjut",
}


def label_target(nama: str) -> str:
    """``pk`` → ``PK``, ``renstra`` → ``Renstra``, ``pk_2023`` → ``PK 2023``."""
    parts = nama.split("_")
    return " ".join(p.upper() if len(p) <= 3 and p.isalpha() else p.capitalize() for p in parts)


def teks_tanda(t: TandaNilai) -> str:
    """The footnote of a mark: what kind, which value, why."""
    return f"{LABEL_TANDA[t.jenis].capitalize()} ({t.bidang}): {t.teks}"


class CatatanDokumen:
    """Footnotes of one document: one note per distinct text, created when cited,
    so every note is referenced (the document model requires it)."""

    def __init__(self) -> None:
        self._kunci: dict[str, str] = {}
        self.daftar: list[CatatanKaki] = []

    def rujuk(self, teks: str) -> Rujukan:
        kunci = self._kunci.get(teks)
        if kunci is None:
            kunci = self._kunci[teks] = f"c{len(self._kunci) + 1}"
            self.daftar.append(CatatanKaki(kunci, teks))
        return Rujukan(kunci)

    def semua(self, teks: Iterable[str]) -> tuple[Rujukan, ...]:
        return tuple(self.rujuk(t) for t in dict.fromkeys(teks))

    def tanda(self, marks: Iterable[TandaNilai]) -> tuple[Rujukan, ...]:
        return self.semua(teks_tanda(t) for t in marks)

    def sel(self, teks: str, *rujukan: Sequence[Rujukan]) -> Isi:
        """Cell text followed by its footnote references."""
        refs = tuple(r for group in rujukan for r in group)
        return (Teks(teks), *refs) if refs else teks


def _angka(value: float, presisi: int | None) -> str:
    return format_number(value, presisi) if presisi is not None else format_number(value, 2, True)


def tabel_narasi(t: TabelNarasi, catatan: CatatanDokumen) -> Tabel:
    """A supporting table written in a realisasi file, numbers in Indonesian format."""
    rows: list[Baris] = []
    numeric = [True] * len(t.kolom)
    panjang = [len(k) for k in t.kolom]
    for row in t.baris:
        cells: list[Isi] = []
        for i, cell in enumerate(row):
            refs: tuple[Rujukan, ...] = ()
            value: object = cell
            if isinstance(cell, SelTabel):
                value = cell.nilai
                notes = [cell.catatan] if cell.catatan else []
                refs = catatan.semua(notes) + catatan.tanda(cell.tanda_nilai(t.kolom[i]))
            if isinstance(value, str):
                numeric[i] = False
                text = value
            elif isinstance(value, int | float):
                text = _angka(float(value), t.presisi)
            else:
                text = "—" if refs else ""
            panjang[i] = max(panjang[i], min(len(text), 60))
            cells.append(catatan.sel(text, refs))
        rows.append(Baris(tuple(cells)))
    sumber = [s for s in (t.sumber and f"Sumber: {t.sumber}.",) if s]
    sumber += [
        f"Catatan: {c}" for c in ([t.catatan] if isinstance(t.catatan, str) else t.catatan or [])
    ]
    lebar = [max(0.6, n / 10) for n in panjang]  # width follows the longest text, capped
    return Tabel(
        judul=t.judul,
        kolom=tuple(
            Kolom(name, "kanan" if n else "kiri", w)
            for name, n, w in zip(t.kolom, numeric, lebar, strict=True)
        ),
        baris=tuple(rows),
        sumber=" ".join(sumber) or None,
    )


def blok_narasi(bagian: Sequence[str | BlokNarasi], catatan: CatatanDokumen) -> list[Blok]:
    """Narrative blocks as document blocks: text as paragraphs, items as a list,
    tables as numbered tables, notes as footnotes at the end of the block's text."""
    out: list[Blok] = []
    for blok in bagian:
        if isinstance(blok, str):
            out.append(Paragraf(blok))
            continue
        notes = [blok.catatan] if isinstance(blok.catatan, str) else list(blok.catatan or [])
        refs = catatan.semua(notes)
        if blok.teks is not None:
            runs: tuple[Run, ...] = (Teks(blok.teks), *refs)
            out.append(Paragraf(runs))
            refs = ()
        if blok.butir:
            items: list[Isi] = list(blok.butir)
            if refs:
                items[-1] = (Teks(blok.butir[-1]), *refs)
                refs = ()
            out.append(Daftar(tuple(items), bernomor=blok.bernomor))
        if blok.tabel is not None:
            if refs:
                out.append(Paragraf((Teks("Tabel berikut:"), *refs)))
            out.append(tabel_narasi(blok.tabel, catatan))
    return out

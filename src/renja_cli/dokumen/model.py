"""A tiny document model shared by the .docx, HTML and Markdown renderers.

Builders turn report objects into a :class:`Dokumen`; renderers only lay it
out. Every figure arrives as text already formatted by the caller (``98,87 %``),
so the three outputs cannot disagree on a number. What the renderers do share
(table/figure numbers and footnote numbers) comes from one function,
:func:`penomoran`, for the same reason.

All classes are frozen dataclasses with slots; text that a class accepts as
``str | tuple[Run, ...]`` is read through :func:`runs`.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, get_args

from renja_cli.rekaman import dataclass
from renja_cli.teks import rapikan as rapikan

Rata = Literal["kiri", "tengah", "kanan"]
"""Horizontal alignment of a table column; numbers go ``kanan``."""

Status = Literal["tercapai", "belum_tercapai", "belum_ada_data"]
"""Mirrors the core's capaian statuses; decides colours, never wording."""

STATUS: tuple[Status, ...] = get_args(Status)
RATA: tuple[Rata, ...] = get_args(Rata)

STATUS_LABEL: dict[Status, str] = {
    "tercapai": "tercapai",
    "belum_tercapai": "belum tercapai",
    "belum_ada_data": "belum ada data",
}
"""Legend words for chart colours (the builder writes status text in tables)."""


@dataclass(frozen=True, slots=True)
class Teks:
    """A run of text; ``tebal`` = bold, ``miring`` = italic."""

    teks: str
    tebal: bool = False
    miring: bool = False


@dataclass(frozen=True, slots=True)
class Rujukan:
    """A footnote marker pointing at ``CatatanKaki.kunci`` of the document."""

    kunci: str


Run: TypeAlias = Teks | Rujukan
Isi: TypeAlias = str | tuple[Run, ...]
"""Inline content: plain text, or runs with emphasis and footnote markers."""


def runs(isi: Isi) -> tuple[Run, ...]:
    """Inline content as runs, so renderers have one shape to walk."""
    return (Teks(isi),) if isinstance(isi, str) else isi


@dataclass(frozen=True, slots=True)
class CatatanKaki:
    """A footnote (seed conflict, assumption); numbered by its first reference."""

    kunci: str
    teks: str


@dataclass(frozen=True, slots=True)
class Judul:
    """A heading; level 1–3 map to Word's Heading 1–3 and so to its TOC."""

    level: int
    teks: str

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise ValueError(f"Judul level must be 1, 2 or 3, not {self.level!r}")


@dataclass(frozen=True, slots=True)
class Paragraf:
    """One paragraph; line breaks inside are folded to spaces in every format."""

    isi: Isi


@dataclass(frozen=True, slots=True)
class Daftar:
    """A bulleted (or numbered) list of one-line items."""

    butir: tuple[Isi, ...]
    bernomor: bool = False


@dataclass(frozen=True, slots=True)
class Kolom:
    """A header cell. ``lebar`` is a relative width weight among the columns."""

    judul: str
    rata: Rata = "kiri"
    lebar: float = 1.0

    def __post_init__(self) -> None:
        if self.rata not in RATA:
            raise ValueError(f"Kolom.rata must be one of {RATA}, not {self.rata!r}")
        if not self.lebar > 0:
            raise ValueError("Kolom.lebar must be positive")


@dataclass(frozen=True, slots=True)
class GrupKolom:
    """A header cell spanning ``rentang`` columns above the ``Kolom`` row."""

    judul: str
    rentang: int


@dataclass(frozen=True, slots=True)
class Baris:
    """A body row; ``status`` tints the row, ``tebal`` marks a total row."""

    sel: tuple[Isi, ...]
    status: Status | None = None
    tebal: bool = False

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUS:
            raise ValueError(f"Baris.status must be one of {STATUS}, not {self.status!r}")


@dataclass(frozen=True, slots=True)
class Tabel:
    """A numbered table ("Tabel N. judul" above it).

    ``lebar`` puts it on a landscape page in .docx and print. ``grup`` is an
    optional spanning header row (e.g. years above Target/Realisasi/Capaian);
    Markdown folds it into the column headers. ``sumber`` is a source line
    printed under the table.
    """

    judul: str
    kolom: tuple[Kolom, ...]
    baris: tuple[Baris, ...]
    lebar: bool = False
    grup: tuple[GrupKolom, ...] = ()
    sumber: str | None = None

    def __post_init__(self) -> None:
        n = len(self.kolom)
        if n == 0:
            raise ValueError("Tabel needs at least one column")
        for i, baris in enumerate(self.baris):
            if len(baris.sel) != n:
                raise ValueError(
                    f"Tabel {self.judul!r}: row {i} has {len(baris.sel)} cells, expected {n}"
                )
        if self.grup and sum(g.rentang for g in self.grup) != n:
            raise ValueError(f"Tabel {self.judul!r}: grup spans must add up to {n} columns")
        if any(g.rentang < 1 for g in self.grup):
            raise ValueError("GrupKolom.rentang must be at least 1")


@dataclass(frozen=True, slots=True)
class Batang:
    """One bar: ``nilai`` sets its length, ``teks_nilai`` is what is written.

    ``nilai`` None means no data: the bar has zero length and says so.
    """

    label: str
    nilai: float | None
    teks_nilai: str
    status: Status | None = None

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUS:
            raise ValueError(f"Batang.status must be one of {STATUS}, not {self.status!r}")


def keterangan_batang(b: Batang) -> str:
    """A bar's value with its status in words (colour is never the only cue)."""
    teks = rapikan(b.teks_nilai)
    if b.status is None or STATUS_LABEL[b.status] in teks.lower():
        return teks
    return f"{teks} ({STATUS_LABEL[b.status]})"


@dataclass(frozen=True, slots=True)
class GrafikBatang:
    """A numbered horizontal bar chart ("Gambar N. judul") with a reference line.

    ``maks`` fixes the scale's end; by default it is the smallest multiple of
    the tick step covering every value and the reference line
    (see :func:`skala`). Longer bars are clipped at ``maks``.
    """

    judul: str
    batang: tuple[Batang, ...]
    garis_acuan: float | None = 100.0
    maks: float | None = None
    satuan: str = "%"
    label_acuan: str = "target"

    def __post_init__(self) -> None:
        if self.maks is not None and not self.maks > 0:
            raise ValueError("GrafikBatang.maks must be positive")


@dataclass(frozen=True, slots=True)
class Peringatan:
    """A boxed warning such as "DATA CONTOH"."""

    teks: str


@dataclass(frozen=True, slots=True)
class PemisahHalaman:
    """Start a new page (.docx, print); Markdown leaves a comment."""


Blok: TypeAlias = Judul | Paragraf | Daftar | Tabel | GrafikBatang | Peringatan | PemisahHalaman


@dataclass(frozen=True, slots=True)
class Dokumen:
    """A whole document. ``daftar_isi`` asks for a table of contents."""

    judul: str
    blok: tuple[Blok, ...]
    subjudul: str = ""
    catatan_kaki: tuple[CatatanKaki, ...] = ()
    daftar_isi: bool = False

    def __post_init__(self) -> None:
        kunci = [c.kunci for c in self.catatan_kaki]
        dobel = sorted({k for k in kunci if kunci.count(k) > 1})
        if dobel:
            raise ValueError(f"footnote keys defined twice: {dobel}")


@dataclass(frozen=True, slots=True)
class Penomoran:
    """Numbers every renderer prints, decided once.

    ``urut[i]`` is ``("Tabel", 3)`` or ``("Gambar", 1)`` for block ``i``
    (None for other blocks); ``catatan`` maps a footnote key to its number;
    ``urutan`` lists the footnotes in number order.
    """

    urut: tuple[tuple[str, int] | None, ...]
    catatan: dict[str, int]
    urutan: tuple[CatatanKaki, ...]

    def label(self, i: int) -> str | None:
        """``"Tabel 3."`` for block ``i``."""
        urut = self.urut[i]
        return None if urut is None else f"{urut[0]} {urut[1]}."

    def keterangan(self, i: int, judul: str) -> str:
        """Caption text of block ``i``: ``"Tabel 3. Capaian IKU 2025"``."""
        label = self.label(i)
        return f"{label} {rapikan(judul)}" if label else rapikan(judul)


def _isi_blok(blok: Blok) -> list[Isi]:
    if isinstance(blok, Paragraf):
        return [blok.isi]
    if isinstance(blok, Daftar):
        return list(blok.butir)
    if isinstance(blok, Tabel):
        return [sel for baris in blok.baris for sel in baris.sel]
    return []


def penomoran(dok: Dokumen) -> Penomoran:
    """Number tables, figures and footnotes in reading order.

    Tables and figures count separately ("Tabel 1.", "Gambar 1."). A footnote
    takes its number at its first reference, which is also the order Word
    numbers real footnotes in. A reference to an unknown key or a footnote
    nobody references is a builder bug and raises ``ValueError``.
    """
    definisi = {c.kunci: c for c in dok.catatan_kaki}
    tabel = gambar = 0
    urut: list[tuple[str, int] | None] = []
    catatan: dict[str, int] = {}
    for blok in dok.blok:
        if isinstance(blok, Tabel):
            tabel += 1
            urut.append(("Tabel", tabel))
        elif isinstance(blok, GrafikBatang):
            gambar += 1
            urut.append(("Gambar", gambar))
        else:
            urut.append(None)
        for isi in _isi_blok(blok):
            for run in runs(isi):
                if isinstance(run, Rujukan) and run.kunci not in catatan:
                    if run.kunci not in definisi:
                        raise ValueError(f"footnote reference to unknown key {run.kunci!r}")
                    catatan[run.kunci] = len(catatan) + 1
    lepas = [k for k in definisi if k not in catatan]
    if lepas:
        raise ValueError(f"footnotes never referenced: {lepas}")
    urutan = tuple(sorted(dok.catatan_kaki, key=lambda c: catatan[c.kunci]))
    return Penomoran(urut=tuple(urut), catatan=catatan, urutan=urutan)


_LANGKAH = (1.0, 2.0, 2.5, 5.0)


def skala(grafik: GrafikBatang) -> tuple[float, float]:
    """The chart's scale end and tick step, shared by the HTML and .docx charts.

    The step is a 1/2/2.5/5 × 10ⁿ value giving at most 8 ticks; the end is a
    whole number of steps covering every bar and the reference line, so the
    reference line falls on a tick when it is itself a round number.
    """
    nilai = [b.nilai for b in grafik.batang if b.nilai is not None and b.nilai > 0]
    if grafik.garis_acuan is not None and grafik.garis_acuan > 0:
        nilai.append(grafik.garis_acuan)
    puncak = grafik.maks if grafik.maks is not None else max(nilai, default=100.0)
    pangkat = 10.0 ** (len(str(int(puncak))) - 1)
    langkah = next(
        (k * p for p in (pangkat / 10, pangkat) for k in _LANGKAH if puncak / (k * p) <= 8),
        pangkat * 10,
    )
    if grafik.maks is not None:
        return grafik.maks, langkah
    n = int(-(-puncak // langkah))
    return n * langkah, langkah


def petak(grafik: GrafikBatang, maks_petak: int) -> tuple[int, int | None]:
    """Cells for a chart drawn on a grid (.docx table, Markdown text).

    Returns the number of cells ``n`` (a whole number per tick step, at most
    ``maks_petak`` when the ticks allow) and the cell boundary of the reference
    line, or None when there is no line on the scale.
    """
    maks, langkah = skala(grafik)
    tik = max(1, round(maks / langkah))
    n = tik * max(1, maks_petak // tik)
    acuan = grafik.garis_acuan
    garis = None if acuan is None or not 0 <= acuan <= maks else round(n * acuan / maks)
    return n, garis


def panjang_petak(nilai: float | None, maks: float, n: int) -> int:
    """Cells a bar fills out of ``n``: rounded down, so a bar touches the
    reference line only when its value reaches it (98,87 % stays short of 100 %)."""
    if nilai is None or nilai <= 0:
        return 0
    return min(n, int(n * nilai / maks + 1e-9))

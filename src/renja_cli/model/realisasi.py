"""Realisasi files: ``realisasi/<tahun>/<periode>.yaml``, with the narratives the
evaluation chapter is written from (analysis, kendala, upaya, follow-up plan)."""

from typing import Self

from pydantic import Field, model_validator

from renja_cli.model.dasar import (
    Bertanda,
    Catatan,
    Jumlah,
    Kode,
    KodeBebas,
    NamaPeriode,
    Strict,
    Tanggal,
    Teks,
)


class SelTabel(Bertanda):
    """A table cell with a note or a mark (a value lost in the source, a derived one)."""

    nilai: float | Teks | None = Field(
        None, description="Isi sel: angka (titik desimal) atau teks; kosong = tidak ada"
    )
    catatan: Teks | None = Field(None, description="Catatan kaki untuk sel ini")


Sel = Teks | float | None | SelTabel


class TabelNarasi(Strict):
    """A supporting table of a narrative (Tabel 6 of the seed: events and their IKM)."""

    judul: Teks
    kolom: list[Teks] = Field(min_length=1)
    baris: list[list[Sel]] = Field(default_factory=list)
    presisi: int | None = Field(
        None, ge=0, le=6, description="Desimal angka di tabel; kosong = seperti ditulis"
    )
    sumber: Teks | None = None
    catatan: Catatan | None = None

    @model_validator(mode="after")
    def _lebar(self) -> Self:
        for i, row in enumerate(self.baris, start=1):
            if len(row) != len(self.kolom):
                raise ValueError(
                    f"[R105] baris {i} berisi {len(row)} sel, kolom ada {len(self.kolom)}"
                )
        return self


class BlokNarasi(Strict):
    """One block of a narrative: a paragraph, a paragraph with its items, or a table.

    ``teks`` alone is a paragraph; with ``butir`` it introduces the items. A
    ``catatan`` (a conflict in the source, an editor's remark) becomes a footnote.
    """

    teks: Teks | None = None
    butir: list[Teks] | None = None
    bernomor: bool = Field(False, description="Butir bernomor (1., a.) alih-alih berpoin")
    tabel: TabelNarasi | None = None
    catatan: Catatan | None = None

    @model_validator(mode="after")
    def _isi(self) -> Self:
        if self.teks is None and not self.butir and self.tabel is None:
            raise ValueError("[R105] blok narasi tanpa isi: isi teks, butir atau tabel")
        return self


Narasi = Teks | list[Teks | BlokNarasi]
"""Plain text, or a list of paragraphs/items and blocks."""


def ratakan(narasi: Narasi | None) -> tuple[str, ...]:
    """A narrative as one line per point: the items of a block rather than its
    introducing sentence; tables are left out (the monev table shows points)."""
    if narasi is None:
        return ()
    if isinstance(narasi, str):
        return (narasi,)
    out: list[str] = []
    for blok in narasi:
        if isinstance(blok, str):
            out.append(blok)
        elif blok.butir:
            out.extend(blok.butir)
        elif blok.teks is not None:
            out.append(blok.teks)
    return tuple(out)


def blok_narasi(narasi: Narasi | None) -> tuple[str | BlokNarasi, ...]:
    """A narrative as a tuple of blocks (plain text stays text)."""
    if narasi is None:
        return ()
    return (narasi,) if isinstance(narasi, str) else tuple(narasi)


BAGIAN_NARASI = ("analisis", "kendala", "upaya", "rencana_tindak_lanjut")
"""The narrative parts of an entry, in the order a chapter shows them."""


class EntriRealisasi(Bertanda):
    """Realisasi of one indicator in one period, in the shape its formula needs,
    with its narratives and the marks of its value (asumsi/turunan/contoh)."""

    nilai: float | None = None
    predikat: Teks | None = Field(
        None,
        description="Realisasi berupa predikat (opini WTP, nilai SAKIP BB) bagi indikator berskala",
    )
    pembilang: Jumlah | None = Field(None, description="Jumlah yang dihitung (bilangan bulat)")
    penyebut: Jumlah | None = Field(None, description="Jumlah seluruhnya (bilangan bulat)")
    komponen: dict[KodeBebas, float | None] | None = None
    tersedia: bool = Field(True, description="false = belum tersedia (mis. nilai belum terbit)")
    sementara: bool = Field(False, description="Nilai sementara (belum final)")
    keterangan: Catatan | None = None
    sumber: Teks | None = None
    analisis: Narasi | None = Field(None, description="Analisis capaian (paragraf, butir, tabel)")
    kendala: Narasi | None = None
    upaya: Narasi | None = Field(None, description="Upaya yang telah dilakukan")
    rencana_tindak_lanjut: Narasi | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        given = [
            name
            for name, present in (
                ("nilai", self.nilai is not None),
                ("predikat", self.predikat is not None),
                ("pembilang/penyebut", self.pembilang is not None or self.penyebut is not None),
                ("komponen", self.komponen is not None),
            )
            if present
        ]
        if len(given) > 1:
            raise ValueError(f"[R217] isi salah satu saja: {' atau '.join(given)}")
        if not self.tersedia and given:
            raise ValueError("[R217] tersedia: false tetapi nilai diisi")
        if self.penyebut is not None and self.pembilang is None:
            raise ValueError("[R217] penyebut diisi tanpa pembilang")
        return self

    @property
    def ada_narasi(self) -> bool:
        return any(getattr(self, name) is not None for name in BAGIAN_NARASI)

    def narasi(self) -> dict[str, tuple[str | BlokNarasi, ...]]:
        """The narrative parts that are written, as blocks."""
        return {
            name: blok_narasi(getattr(self, name))
            for name in BAGIAN_NARASI
            if getattr(self, name) is not None
        }

    @property
    def ada_nilai(self) -> bool:
        """The entry itself gives the period's value (not only narrative)."""
        return self.nilai is not None or self.pembilang is not None or self.predikat is not None


class BerkasRealisasi(Strict):
    """One period's realisasi file: ``realisasi/<tahun>/<periode>.yaml``."""

    tahun: int = Field(ge=2000, le=2100)
    periode: NamaPeriode
    contoh: bool = Field(False, description="true = data contoh, bukan data resmi")
    ditutup: Tanggal | None = Field(
        None,
        description="Tanggal periode ini ditutup (rapat monev); sesudahnya renja beda menandai "
        "perubahan realisasinya sebagai penulisan ulang riwayat",
    )
    keterangan: Catatan | None = None
    realisasi: dict[Kode, EntriRealisasi] = Field(default_factory=dict)
    anggaran: dict[Kode, Jumlah] | None = Field(
        None,
        description="Realisasi anggaran (rupiah, bilangan bulat) per sasaran dalam periode ini",
    )

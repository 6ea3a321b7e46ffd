"""The work plan of a year: targets, formulas, budget and cascade."""

from typing import Annotated, Literal

from pydantic import Field, field_validator

from renja_cli.formula import Formula, FormulaNilai
from renja_cli.model.dasar import (
    Arah,
    AturanTurun,
    Catatan,
    Kode,
    KodeBebas,
    NamaTarget,
    Pengaturan,
    Periode,
    Rentang,
    Strict,
    TargetEntry,
    TargetSpec,
    Teks,
)

Satuan = Literal["persen", "indeks", "skor", "nilai", "jumlah"]
Perspektif = Literal["stakeholder", "customer", "proses_internal", "pembelajaran"]


class RiwayatTahun(Strict):
    """One year of an indicator's history, as far as the source kept it."""

    target: float | None = None
    realisasi: float | None = None
    catatan: Catatan | None = None


class Indikator(Strict):
    """An IKK/IKU with its targets, formula and period rule."""

    kode: Kode
    nama: Teks
    nama_singkat: Teks | None = None
    satuan: Satuan
    arah: Arah = "naik"
    target: dict[NamaTarget, TargetEntry]
    target_triwulan: dict[Literal[1, 2, 3, 4], float] | None = Field(
        None, description="Target per triwulan (rencana aksi), kumulatif s.d. triwulan itu"
    )
    formula: Formula = Field(default_factory=lambda: FormulaNilai(jenis="nilai"))
    periode: Periode = "terakhir"
    sumber_data: Teks | None = None
    penanggung_jawab: list[Teks] = Field(default_factory=list)
    batas_capaian: float | None = Field(None, gt=0)
    aturan_turun: AturanTurun | None = None
    rentang: Rentang | None = Field(
        None, description="Nilai realisasi yang mungkin; satuan persen bawaannya 0-100"
    )
    catatan: Catatan | None = None
    riwayat: dict[int, RiwayatTahun] = Field(default_factory=dict)
    pendahulu: list[Kode] = Field(
        default_factory=list,
        description="Indikator tahun sebelumnya yang diteruskan indikator ini (untuk tren)",
    )

    @field_validator("target")
    @classmethod
    def _has_target(cls, value: dict[str, TargetEntry]) -> dict[str, TargetEntry]:
        if not value:
            raise ValueError("[R213] minimal satu target (mis. pk)")
        for name, entry in value.items():
            if not isinstance(entry, TargetSpec) and entry == 0:
                raise ValueError(
                    f"[R216] target {name} = 0 tidak dapat dipakai menghitung capaian "
                    "(pembagian nol)"
                )
        return value

    @property
    def persen(self) -> bool:
        return self.satuan == "persen"

    @property
    def rentang_nilai(self) -> Rentang | None:
        if self.rentang is not None:
            return self.rentang
        return Rentang(min=0, maks=100) if self.persen else None


class SasaranKegiatan(Strict):
    """A Sasaran Kegiatan (or, for the 2020–2024 IKU, a Sasaran Strategis)."""

    kode: Kode
    nama: Teks
    perspektif: Perspektif
    anggaran: int | None = Field(None, ge=0, description="Pagu dalam rupiah")
    induk: KodeBebas | None = Field(None, description="Sasaran program di atasnya (cascade)")
    indikator: Annotated[list[Indikator], Field(min_length=1)]


class Tujuan(Strict):
    """An objective higher in the cascade (SS, SP)."""

    kode: KodeBebas
    nama: Teks
    induk: KodeBebas | None = None


class RencanaKerja(Strict):
    """A year's work plan of one office: targets, budget and cascade."""

    tahun: int = Field(ge=2000, le=2100)
    kantor: Teks
    dokumen: Teks | None = None
    jenis_indikator: Literal["IKK", "IKU"]
    total_anggaran: int | None = Field(None, ge=0)
    pengaturan: Pengaturan = Field(default_factory=lambda: Pengaturan.model_validate({}))
    sasaran_strategis: list[Tujuan] = Field(default_factory=list)
    sasaran_program: list[Tujuan] = Field(default_factory=list)
    sasaran: Annotated[list[SasaranKegiatan], Field(min_length=1)]
    catatan: Catatan | None = None

    def indikator(self) -> list[tuple[SasaranKegiatan, Indikator]]:
        return [(sk, ind) for sk in self.sasaran for ind in sk.indikator]

    def cari(self, kode: str) -> tuple[SasaranKegiatan, Indikator] | None:
        for sk, ind in self.indikator():
            if ind.kode.upper() == kode.upper():
                return sk, ind
        return None

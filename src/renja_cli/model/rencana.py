"""The work plan of a year: targets, formulas, budget and cascade."""

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator

from renja_cli.formula import Formula, FormulaNilai
from renja_cli.model.dasar import (
    Arah,
    AturanTurun,
    Bertanda,
    Catatan,
    Kode,
    KodeBebas,
    NamaTarget,
    Pengaturan,
    Periode,
    Rentang,
    SatuanKustom,
    Strict,
    Tanda,
    TandaNilai,
    TargetEntry,
    TargetSpec,
    Teks,
    TingkatIndikator,
)

SATUAN_BAWAAN = ("persen", "indeks", "skor", "nilai", "jumlah", "predikat")
"""Built-in units; a targets file may declare more under ``satuan_kustom``."""
Perspektif = Literal["stakeholder", "customer", "proses_internal", "pembelajaran"]


# Default factories are module functions, not lambdas: a model's validator is stored
# pickled (cache_berkas.validator), and pickle finds functions by name.
def _formula_bawaan() -> Formula:
    return FormulaNilai(jenis="nilai")


def _pengaturan_bawaan() -> Pengaturan:
    return Pengaturan.model_validate({})


def _bukan_nol(value: float) -> float:
    """A quarterly target is a divisor like the annual one: 0 is refused where it
    stands (R216), as ``target: {pk: 0}`` is, not when a report first divides by it."""
    if value == 0:
        raise ValueError(
            "[R216] target triwulan 0 tidak dapat dipakai menghitung capaian (pembagian nol)"
        )
    return value


TargetTriwulan = Annotated[float, AfterValidator(_bukan_nol)]


class RiwayatTahun(Bertanda):
    """One year of an indicator's history, as far as the source kept it."""

    target: float | Teks | None = None
    realisasi: float | Teks | None = None
    """A number, or a grade (``WTP``) for ordinal indicators."""
    catatan: Catatan | None = None


class FragmenRiwayat(Strict):
    """Figures of a history table whose year the source lost (a column header gone)."""

    target: list[float] = Field(default_factory=list)
    realisasi: list[float] = Field(default_factory=list)
    sumber: Teks = Field(description="Tabel dan baris sumber, mis. 'Tabel 2 (l.648-650)'")
    catatan: Catatan | None = None


class Tautan(Strict):
    """A link to an indicator of another year: what it came from or what replaced it."""

    kode: Kode
    hubungan: Literal["berasal_dari", "digantikan_oleh"] = Field(
        description="berasal_dari: indikator ini meneruskan/menggabungkan kode itu; "
        "digantikan_oleh: kode itu menggantikan indikator ini"
    )
    status: Literal["dinyatakan", "tersirat"] = Field(
        description="Dinyatakan tegas oleh sumber, atau hanya tersirat"
    )
    sumber: Teks = Field(description="Kutipan atau rujukan baris sumber")


class ProgramPrioritas(Strict):
    """A priority programme of the year (Tabel 18), its cells as printed."""

    nomor: int = Field(ge=1)
    nama: Teks
    sasaran: Teks | None = Field(None, description="Sasaran program, mis. '44 instansi daerah'")
    anggaran: Teks | None = Field(
        None, description="Sel anggaran seperti tercetak (mis. 'Rp -'); kosong = tidak terbaca"
    )
    catatan: Catatan | None = None


class Indikator(Strict):
    """An IKK/IKU with its targets, formula and period rule."""

    kode: Kode
    nama: Teks
    nama_singkat: Teks | None = None
    satuan: KodeBebas = Field(
        description="persen, indeks, skor, nilai, jumlah, predikat, atau satuan_kustom"
    )
    arah: Arah = "naik"
    target: dict[NamaTarget, TargetEntry]
    target_triwulan: dict[Literal[1, 2, 3, 4], TargetTriwulan] | None = Field(
        None, description="Target per triwulan (rencana aksi), kumulatif s.d. triwulan itu"
    )
    formula: Formula = Field(default_factory=_formula_bawaan)
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
    definisi: Teks | None = Field(None, description="Definisi indikator (kutipan sumber)")
    cara_hitung: Teks | None = Field(
        None, description="Cara menghitung realisasi dengan kata-kata sumber"
    )
    tanda: dict[str, Tanda] = Field(
        default_factory=dict,
        description="Tanda asumsi/turunan/contoh untuk kolom indikator, mis. target_triwulan, "
        "target.renstra, penanggung_jawab, formula.penyebut_tetap, riwayat",
    )
    tautan: list[Tautan] = Field(
        default_factory=list,
        description="Indikator tahun lain asal indikator ini atau penggantinya",
    )
    fragmen: list[FragmenRiwayat] = Field(
        default_factory=list, description="Angka riwayat yang tahunnya hilang di sumber"
    )
    skala: KodeBebas | None = Field(
        None,
        description="Skala di skala.yaml bila target/realisasi berupa predikat (opini WTP, "
        "nilai SAKIP BB): tercapai bila predikat realisasi setidaknya setara target",
    )
    capaian_ordinal: Literal["rasio_peringkat"] | None = Field(
        "rasio_peringkat",
        description="Capaian indikator berpredikat: 100 % bila tercapai, selain itu rasio "
        "peringkat (n - peringkat realisasi) / (n - peringkat target) x 100; null = status saja",
    )
    presisi_realisasi: int | Literal["tanpa"] | None = Field(
        None,
        description="Pembulatan realisasi hasil hitungan indikator ini (menimpa pengaturan); "
        "'tanpa' = tanpa pembulatan",
    )
    presisi_tampil: int | None = Field(
        None, ge=0, le=4, description="Desimal target/realisasi yang ditampilkan (bawaan: sampai 4)"
    )

    @field_validator("presisi_realisasi")
    @classmethod
    def _presisi(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, int) and not 0 <= value <= 6:
            raise ValueError("[R105] presisi_realisasi 0-6 atau 'tanpa'")
        return value

    @field_validator("target")
    @classmethod
    def _has_target(cls, value: dict[str, TargetEntry]) -> dict[str, TargetEntry]:
        if not value:
            raise ValueError("[R213] minimal satu target (mis. pk)")
        for name, entry in value.items():
            if isinstance(entry, int | float) and entry == 0:
                raise ValueError(
                    f"[R216] target {name} = 0 tidak dapat dipakai menghitung capaian "
                    "(pembagian nol)"
                )
        return value

    @property
    def persen(self) -> bool:
        return self.satuan == "persen"

    def tanda_bidang(self, *bidang: str) -> tuple[TandaNilai, ...]:
        """Marks under ``tanda:`` for the named fields (``formula`` covers ``formula.*``)."""
        out: list[TandaNilai] = []
        for key, mark in self.tanda.items():
            if any(key == b or key.startswith(b + ".") for b in bidang):
                out.extend(mark.tanda_nilai(key))
        return tuple(out)

    def tanda_target(self, nama: str) -> tuple[TandaNilai, ...]:
        """Marks of one named target: written on the target itself, or under ``tanda:``
        as ``target.<nama>`` (which keeps the short form ``target: {pk: 30}``)."""
        entry = self.target.get(nama)
        own = entry.tanda_nilai(f"target.{nama}") if isinstance(entry, TargetSpec) else ()
        return own + self.tanda_bidang(f"target.{nama}")

    def tanda_riwayat(self, tahun: int) -> tuple[TandaNilai, ...]:
        """Marks of one history year: its own, and those written for all of ``riwayat``."""
        item = self.riwayat.get(tahun)
        own = item.tanda_nilai(f"riwayat.{tahun}") if item is not None else ()
        return own + self.tanda_bidang("riwayat")

    @property
    def berpredikat(self) -> bool:
        """Targets or realisasi are grades of a scale (ordinal comparison)."""
        return self.skala is not None

    @property
    def rentang_nilai(self) -> Rentang | None:
        if self.rentang is not None:
            return self.rentang
        return _PERSEN if self.persen else None


_PERSEN = Rentang.model_construct(min=0.0, maks=100.0)
"""A percentage's range (a constant: not validated, so no validator is built for it)."""


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
    catatan: Catatan | None = None


class RencanaKerja(Strict):
    """A year's work plan of one office: targets, budget and cascade."""

    tahun: int = Field(ge=2000, le=2100)
    kantor: Teks
    dokumen: Teks | None = None
    jenis_indikator: Annotated[str, Field(pattern=r"^[A-Z][A-Za-z]{1,9}$")] = Field(
        description="Tingkat indikator utama dokumen ini (IKK, IKU, IKSS, IKP …)"
    )
    tingkat_indikator: list[TingkatIndikator] | None = Field(
        None,
        description="Tingkat indikator yang dilaporkan dan awalan kodenya; bawaan: hanya "
        "jenis_indikator",
    )
    satuan_kustom: dict[KodeBebas, SatuanKustom] = Field(
        default_factory=dict, description="Satuan tambahan (bulan, hari, Rp juta …)"
    )
    total_anggaran: int | None = Field(None, ge=0)
    pengaturan: Pengaturan = Field(default_factory=_pengaturan_bawaan)
    sasaran_strategis: list[Tujuan] = Field(default_factory=list)
    sasaran_program: list[Tujuan] = Field(default_factory=list)
    sasaran: Annotated[list[SasaranKegiatan], Field(min_length=1)]
    program_prioritas: list[ProgramPrioritas] = Field(default_factory=list)
    catatan: Catatan | None = None

    @property
    def awalan_kode(self) -> list[str]:
        """Code prefixes allowed for indicators (``IKK`` → ``IKK.1``)."""
        if self.tingkat_indikator:
            return [t.awalan for t in self.tingkat_indikator]
        return [self.jenis_indikator]

    def indikator(self) -> list[tuple[SasaranKegiatan, Indikator]]:
        return [(sk, ind) for sk in self.sasaran for ind in sk.indikator]

    def cari(self, kode: str) -> tuple[SasaranKegiatan, Indikator] | None:
        for sk, ind in self.indikator():
            if ind.kode.upper() == kode.upper():
                return sk, ind
        return None

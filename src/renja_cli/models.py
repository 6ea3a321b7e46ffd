"""Pydantic models of the files an office keeps: targets and realisasi.

The models mirror the YAML one to one (so a validation error's ``loc`` walks
straight back to a line of the file) and are strict: unknown keys, wrong
types and duplicate codes are errors, never silently coerced.
"""

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Arah = Literal["naik", "turun", "stabil"]
"""Direction: higher is better, lower is better, or inside a range is best."""

Satuan = Literal["persen", "indeks", "skor", "nilai", "jumlah"]
Periode = Literal["terakhir", "kumulatif", "rata_rata"]
"""How quarterly realisasi combine: latest value, running sum, or mean."""

AturanTurun = Literal["kondisi_khusus", "target_per_realisasi"]
"""Lower-is-better rule: (2t − r)/t (PermenPANRB) or t/r."""

Perspektif = Literal["stakeholder", "customer", "proses_internal", "pembelajaran"]
NamaPeriode = Literal["tw1", "tw2", "tw3", "tw4", "tahunan"]
InstansiHilang = Literal["tidak_memenuhi", "belum_lengkap"]

KODE_PATTERN = r"^[A-Z]{2,4}(\.[0-9]+)+$"
Kode = Annotated[str, Field(pattern=KODE_PATTERN, description="Kode seperti SK.1, IKK.5, IKU.3")]
KodeBebas = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$")]
NamaTarget = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Teks = Annotated[str, Field(min_length=1)]
Catatan = Teks | list[Teks]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Pengaturan(_Strict):
    """Office-wide settings; every one is visible in the targets file."""

    target_utama: NamaTarget = Field(
        "pk", description="Target yang dipakai bila --target tidak diberikan"
    )
    batas_capaian: float | None = Field(
        None, gt=0, description="Batas atas capaian dalam persen (mis. 120); kosong = tanpa batas"
    )
    aturan_turun: AturanTurun = Field(
        "kondisi_khusus", description="Rumus capaian indikator 'turun' (lower is better)"
    )
    ambang_tercapai: float = Field(100, gt=0, description="Capaian minimal berstatus tercapai")
    presisi_realisasi: int | None = Field(
        2,
        ge=0,
        le=6,
        description="Realisasi hasil hitungan dibulatkan ke n desimal, seperti dilaporkan, "
        "sebelum capaian dihitung (6/44 = 13,64 % mencapai target 13,64); null = tanpa pembulatan",
    )
    instansi_hilang: InstansiHilang = Field(
        "tidak_memenuhi",
        description="Instansi tanpa catatan: dihitung tidak memenuhi, atau hasil 'belum lengkap'",
    )


class TargetSpec(_Strict):
    """One named target: a single value or a range (min–maks)."""

    nilai: float | None = None
    min: float | None = None
    maks: float | None = None
    catatan: Catatan | None = None
    sumber: Teks | None = None

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        if self.nilai is not None:
            if self.min is not None or self.maks is not None:
                raise ValueError("[R215] isi 'nilai' atau rentang 'min'/'maks', bukan keduanya")
            if self.nilai == 0:
                raise ValueError(
                    "[R216] target 0 tidak dapat dipakai menghitung capaian (pembagian nol)"
                )
        else:
            if self.min is None or self.maks is None:
                raise ValueError("[R215] isi 'nilai', atau 'min' dan 'maks' untuk target rentang")
            if self.min > self.maks:
                raise ValueError(f"[R215] rentang terbalik: min {self.min} > maks {self.maks}")
            if self.min == 0:
                raise ValueError("[R216] batas bawah rentang 0 tidak dapat dipakai (pembagian nol)")
        return self


TargetEntry = float | TargetSpec


def as_target(entry: TargetEntry) -> TargetSpec:
    """Normalise the shorthand ``pk: 95`` to a :class:`TargetSpec`."""
    return entry if isinstance(entry, TargetSpec) else TargetSpec(nilai=entry)


# --- formula kinds ---------------------------------------------------------


class FormulaNilai(_Strict):
    """Realisasi is a value given directly (SAKIP score, IKPA)."""

    jenis: Literal["nilai"]


class FormulaRasio(_Strict):
    """Realisasi = pembilang / penyebut × 100, from counts."""

    jenis: Literal["rasio"]
    pembilang: Teks = Field(description="Apa yang dihitung di pembilang")
    penyebut: Teks = Field(description="Apa yang dihitung di penyebut")
    penyebut_tetap: float | None = Field(
        None, gt=0, description="Penyebut tetap (mis. 199.820 PNS aktif), dapat ditimpa per periode"
    )
    berkas: Teks | None = Field(
        None, description="CSV per butir (rekomendasi/temuan) di folder periode"
    )


class KriteriaStatus(_Strict):
    """An instansi counts when its yes/no column is true."""

    jenis: Literal["status"]
    kolom: Teks = "memenuhi"


class KriteriaPredikat(_Strict):
    """An instansi counts when its score reaches a predicate of a scale."""

    jenis: Literal["predikat"]
    skala: KodeBebas = Field(description="Nama skala di data/skala.yaml")
    minimal: Teks = Field(description="Predikat terendah yang dihitung memenuhi")
    kolom: Teks = "nilai"


class FormulaPersentaseInstansi(_Strict):
    """Share of the population of instansi meeting a criterion."""

    jenis: Literal["persentase_instansi"]
    berkas: Teks = Field(description="CSV satu baris per instansi di folder periode")
    kriteria: Annotated[KriteriaStatus | KriteriaPredikat, Field(discriminator="jenis")]
    populasi: KodeBebas = Field("instansi", description="Populasi di data/instansi.yaml")
    instansi_hilang: InstansiHilang | None = None


class Rentang(_Strict):
    """The values a realisasi can take (IKM 25-100); outside it is a data error."""

    min: float
    maks: float

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.min > self.maks:
            raise ValueError(f"[R215] rentang terbalik: min {self.min} > maks {self.maks}")
        return self

    def memuat(self, nilai: float) -> bool:
        return self.min <= nilai <= self.maks


class Komponen(_Strict):
    """One component of a mean (IKM layanan, IKM pembinaan …)."""

    kode: KodeBebas
    nama: Teks
    target: float | None = None
    rentang: Rentang | None = Field(None, description="Nilai yang mungkin, mis. IKM 25-100")
    berkas: Teks | None = Field(
        None, description="CSV nilai per kegiatan; realisasi = rata-ratanya"
    )


class FormulaRataRata(_Strict):
    """Realisasi = mean of named components."""

    jenis: Literal["rata_rata"]
    komponen: Annotated[list[Komponen], Field(min_length=1)]

    @field_validator("komponen")
    @classmethod
    def _unique(cls, value: list[Komponen]) -> list[Komponen]:
        seen: set[str] = set()
        for k in value:
            if k.kode in seen:
                raise ValueError(f"[R210] kode komponen '{k.kode}' ganda")
            seen.add(k.kode)
        return value


class FormulaArsipDigital(_Strict):
    """Share of NIPs whose digital personnel archive reaches a category."""

    jenis: Literal["arsip_digital"]
    berkas: Teks = Field(description="CSV satu baris per NIP")
    kategori_minimal: Literal["terisi", "lengkap"] = "terisi"
    lengkap_dihitung_terisi: bool = Field(
        True,
        description="Apakah NIP berkategori lengkap ikut dihitung 'kategori terisi' "
        "(naskah sumber tidak menyatakannya)",
    )


Formula = Annotated[
    FormulaNilai | FormulaRasio | FormulaPersentaseInstansi | FormulaRataRata | FormulaArsipDigital,
    Field(discriminator="jenis"),
]


class RiwayatTahun(_Strict):
    """One year of an indicator's history, as far as the source kept it."""

    target: float | None = None
    realisasi: float | None = None
    catatan: Catatan | None = None


class Indikator(_Strict):
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


class SasaranKegiatan(_Strict):
    """A Sasaran Kegiatan (or, for the 2020–2024 IKU, a Sasaran Strategis)."""

    kode: Kode
    nama: Teks
    perspektif: Perspektif
    anggaran: int | None = Field(None, ge=0, description="Pagu dalam rupiah")
    induk: KodeBebas | None = Field(None, description="Sasaran program di atasnya (cascade)")
    indikator: Annotated[list[Indikator], Field(min_length=1)]


class Tujuan(_Strict):
    """An objective higher in the cascade (SS, SP)."""

    kode: KodeBebas
    nama: Teks
    induk: KodeBebas | None = None


class RencanaKerja(_Strict):
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


# --- realisasi -------------------------------------------------------------


class Narasi(_Strict):
    """Obstacles and follow-up plan, as the monev meeting writes them."""

    kendala: Catatan | None = None
    rencana_tindak_lanjut: Catatan | None = None


class EntriRealisasi(_Strict):
    """Realisasi of one indicator in one period, in the shape its formula needs."""

    nilai: float | None = None
    pembilang: float | None = Field(None, ge=0)
    penyebut: float | None = Field(None, ge=0)
    komponen: dict[KodeBebas, float | None] | None = None
    tersedia: bool = Field(True, description="false = belum tersedia (mis. nilai belum terbit)")
    sementara: bool = Field(False, description="Nilai sementara (belum final)")
    keterangan: Catatan | None = None
    sumber: Teks | None = None
    kendala: Catatan | None = None
    rencana_tindak_lanjut: Catatan | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        given = [
            name
            for name, present in (
                ("nilai", self.nilai is not None),
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


class BerkasRealisasi(_Strict):
    """One period's realisasi file: ``realisasi/<tahun>/<periode>.yaml``."""

    tahun: int = Field(ge=2000, le=2100)
    periode: NamaPeriode
    contoh: bool = Field(False, description="true = data contoh, bukan data resmi")
    keterangan: Catatan | None = None
    realisasi: dict[Kode, EntriRealisasi] = Field(default_factory=dict)
    anggaran: dict[Kode, float] | None = Field(
        None, description="Realisasi anggaran (rupiah) per sasaran dalam periode ini"
    )


# --- reference data: instansi and predicate scales -------------------------


class Instansi(_Strict):
    """One instansi of the office's population."""

    kode: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9\-]*$")]
    nama: Teks
    provinsi: Teks
    jenis: Literal["provinsi", "kabupaten", "kota", "kementerian", "lembaga", "lainnya"]
    alias: list[Teks] = Field(default_factory=list)


class DaftarInstansi(_Strict):
    """``data/instansi.yaml``: the population instansi indicators count over."""

    populasi: KodeBebas = "instansi"
    instansi: Annotated[list[Instansi], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self) -> Self:
        seen: dict[str, str] = {}
        for item in self.instansi:
            for label in (item.kode, item.nama, *item.alias):
                key = label.casefold()
                if key in seen and seen[key] != item.kode:
                    raise ValueError(f"[R210] '{label}' dipakai oleh {seen[key]} dan {item.kode}")
                if key in seen and label == item.kode:
                    raise ValueError(f"[R210] kode instansi {item.kode} ganda")
                seen[key] = item.kode
        return self


class Predikat(_Strict):
    """One band of a scale; bounds inclusive at the scale's precision."""

    kode: Teks
    nama: Teks | None = None
    min: float
    maks: float

    @property
    def label(self) -> str:
        return f"{self.kode} ({self.nama})" if self.nama else self.kode


class Skala(_Strict):
    """A predicate scale: ordered, non-overlapping, without gaps."""

    nama: Teks
    sumber: Teks | None = None
    presisi: int = Field(2, ge=0, le=6)
    predikat: Annotated[list[Predikat], Field(min_length=1)]

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        step = 10.0**-self.presisi
        for band in self.predikat:
            if band.min > band.maks:
                raise ValueError(f"[R214] predikat {band.kode}: min {band.min} > maks {band.maks}")
        for upper, lower in zip(self.predikat, self.predikat[1:], strict=False):
            if lower.maks >= upper.min:
                if lower.min >= upper.min:
                    raise ValueError(
                        f"[R214] urutan salah: {lower.kode} harus di bawah {upper.kode} "
                        "(predikat tertinggi lebih dulu)"
                    )
                raise ValueError(
                    f"[R214] predikat {upper.kode} dan {lower.kode} tumpang tindih "
                    f"({lower.maks:g} ≥ {upper.min:g})"
                )
            if round(upper.min - lower.maks, self.presisi + 3) > step + 1e-9:
                raise ValueError(
                    f"[R214] celah antara {lower.kode} (maks {lower.maks:g}) dan {upper.kode} "
                    f"(min {upper.min:g}) pada presisi {self.presisi} desimal"
                )
        return self

    def golongkan(self, nilai: float) -> Predikat | None:
        """The band ``nilai`` falls in after rounding to the scale's precision."""
        from renja_cli.numbers import round_half_up

        value = float(round_half_up(nilai, self.presisi))
        for band in self.predikat:
            if band.min <= value <= band.maks:
                return band
        return None

    def peringkat(self, kode: str) -> int | None:
        for i, band in enumerate(self.predikat):
            if band.kode.casefold() == kode.casefold():
                return i
        return None


class DaftarSkala(_Strict):
    """``data/skala.yaml``."""

    skala: dict[KodeBebas, Skala]

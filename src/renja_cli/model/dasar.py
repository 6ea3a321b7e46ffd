"""Shared model types: strict base, codes, texts, targets, ranges, settings."""

import re
from datetime import date, datetime
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from renja_cli.rekaman import dataclass

Arah = Literal["naik", "turun", "stabil"]
"""Direction: higher is better, lower is better, or inside a range is best."""

Periode = Literal["terakhir", "kumulatif", "rata_rata"]
"""How quarterly realisasi combine: latest value, running sum, or mean."""

AturanTurun = Literal["kondisi_khusus", "target_per_realisasi"]
"""Lower-is-better rule: (2t − r)/t (PermenPANRB) or t/r."""

NamaPeriode = Literal["tw1", "tw2", "tw3", "tw4", "tahunan"]
InstansiHilang = Literal["tidak_memenuhi", "belum_lengkap"]
BerkasHilang = Literal["galat", "belum_ada_data"]
AgregatKantor = Literal["rata_rata_sasaran", "rata_rata_indikator"]

KODE_PATTERN = r"^[A-Z][A-Za-z]{1,9}(\.[0-9]+[a-z]?)+$"
Kode = Annotated[
    str, Field(pattern=KODE_PATTERN, description="Kode seperti SK.1, IKK.5, IKSS.2.1, IKP.3a")
]
KodeBebas = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$")]
NamaTarget = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Teks = Annotated[str, Field(min_length=1)]


def _di_folder_periode(value: str) -> str:
    """A file name or pattern in a period's folder must be relative and name files:
    an absolute path or ``.`` would read elsewhere, or crash the pattern search."""
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", value):
        raise ValueError(
            "[R105] nama berkas atau pola harus relatif terhadap folder periode "
            f"(mis. survei-*.csv atau ../bersama/survei-*.csv), bukan jalur mutlak '{value}'"
        )
    if re.split(r"[/\\]", value)[-1].strip() in {"", ".", ".."}:
        raise ValueError(f"[R105] '{value}' tidak menamai berkas (mis. survei-*.csv)")
    return value


BerkasPeriode = Annotated[Teks, AfterValidator(_di_folder_periode)]
"""A record or survey file (name or pattern) read from the period's folder."""
Catatan = Teks | list[Teks]
Jumlah = Annotated[int, Field(ge=0)]
"""A count (items, PNS, rupiah): whole, never negative."""


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _tanggal(value: object) -> object:
    """A calendar date as YAML writes it (``2025-02-20``), quoted or not; no time."""
    if isinstance(value, datetime):
        raise ValueError("[R103] tulis tanggal saja (TTTT-BB-HH), tanpa jam")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"[R103] harus tanggal TTTT-BB-HH (mis. 2025-02-20), bukan {value!r}")


Tanggal = Annotated[date, BeforeValidator(_tanggal)]
"""A date such as ``2025-02-20``; a datetime, a number or other text is an error."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


def as_list(value: Catatan | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


class Pengaturan(Strict):
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
    berkas_hilang: BerkasHilang = Field(
        "galat",
        description="Berkas rekaman formula yang tidak ada di folder triwulan yang ada: galat "
        "(bawaan), atau indikator 'belum ada data' untuk triwulan itu",
    )
    skala_capaian: KodeBebas | None = Field(
        None,
        description="Skala di skala.yaml untuk predikat capaian (mis. predikat_capaian: "
        ">= 91 Sangat Baik ...); kosong = tanpa predikat",
    )
    batas_agregat: float | None = Field(
        None,
        gt=0,
        description="Batas capaian tiap indikator sebelum dirata-rata menjadi nilai capaian "
        "sasaran/kantor (mis. 100); kosong = capaian apa adanya (batas_capaian tetap berlaku)",
    )
    agregat_kantor: AgregatKantor = Field(
        "rata_rata_sasaran",
        description="Nilai capaian kantor: rata-rata nilai capaian sasaran, atau rata-rata "
        "capaian seluruh indikator",
    )
    pk_ditandatangani: Tanggal | None = Field(
        None,
        description="Tanggal Perjanjian Kinerja tahun ini ditandatangani; sesudahnya renja beda "
        "menandai perubahan target sebagai penulisan ulang riwayat",
    )

    @model_validator(mode="after")
    def _reachable(self) -> Self:
        if self.batas_capaian is not None and self.ambang_tercapai > self.batas_capaian:
            raise ValueError(
                f"[R209] ambang_tercapai {self.ambang_tercapai:g} di atas batas_capaian "
                f"{self.batas_capaian:g}: tidak ada indikator yang dapat tercapai"
            )
        return self


JenisTanda = Literal["asumsi", "turunan", "contoh"]
"""Why a value in the data is not simply what the source states."""

JENIS_TANDA: tuple[JenisTanda, ...] = ("asumsi", "turunan", "contoh")

LABEL_TANDA: dict[JenisTanda, str] = {
    "asumsi": "asumsi",
    "turunan": "turunan",
    "contoh": "contoh",
}


@dataclass(frozen=True, slots=True)
class TandaNilai:
    """A mark carried from the data into a report: the value at ``bidang`` is an
    assumption, a figure derived from the source's figures, or an example.

    ``bidang`` names the value (``target.renstra``, ``target_triwulan``,
    ``formula.penyebut_tetap``, ``realisasi``, ``riwayat.2020``); every output
    that shows the value shows the mark.
    """

    jenis: JenisTanda
    bidang: str
    teks: str


CONTOH_BAWAAN = "nilai contoh, bukan data resmi"


class Bertanda(Strict):
    """Marks a value may carry where it stands in the data."""

    asumsi: Teks | None = Field(
        None, description="Nilai tidak dinyatakan sumber; jelaskan apa yang diandaikan"
    )
    turunan: Teks | None = Field(
        None, description="Nilai dihitung/ditafsirkan dari angka sumber; jelaskan caranya"
    )
    contoh: bool | Teks | None = Field(
        None, description="Nilai contoh, bukan data resmi (true, atau alasannya)"
    )

    def tanda_nilai(self, bidang: str) -> tuple[TandaNilai, ...]:
        """The marks of this value as reports carry them."""
        out: list[TandaNilai] = []
        if self.asumsi:
            out.append(TandaNilai("asumsi", bidang, self.asumsi))
        if self.turunan:
            out.append(TandaNilai("turunan", bidang, self.turunan))
        if self.contoh:
            teks = self.contoh if isinstance(self.contoh, str) else CONTOH_BAWAAN
            out.append(TandaNilai("contoh", bidang, teks))
        return tuple(out)


class Tanda(Bertanda):
    """The mark of a value that is not a mapping itself (``target_triwulan``,
    ``formula.penyebut_tetap``): written under the indicator's ``tanda:``."""

    @model_validator(mode="after")
    def _satu(self) -> Self:
        if not (self.asumsi or self.turunan or self.contoh):
            raise ValueError("[R220] isi asumsi, turunan atau contoh")
        return self


class TargetSpec(Bertanda):
    """One named target: a single value, a range (min–maks), or a grade of a scale
    (``predikat: WTP``) for ordinal indicators; with its marks (asumsi/turunan/contoh)."""

    nilai: float | None = None
    min: float | None = None
    maks: float | None = None
    predikat: Teks | None = None
    catatan: Catatan | None = None
    sumber: Teks | None = None

    @model_validator(mode="after")
    def _one_shape(self) -> Self:
        if self.predikat is not None:
            if self.nilai is not None or self.min is not None or self.maks is not None:
                raise ValueError("[R215] isi 'predikat' saja, atau nilai/rentang, bukan keduanya")
            return self
        if self.nilai is not None:
            if self.min is not None or self.maks is not None:
                raise ValueError("[R215] isi 'nilai' atau rentang 'min'/'maks', bukan keduanya")
            if self.nilai == 0:
                raise ValueError(
                    "[R216] target 0 tidak dapat dipakai menghitung capaian (pembagian nol)"
                )
        else:
            if self.min is None or self.maks is None:
                raise ValueError("[R215] isi 'nilai', 'min' dan 'maks' (rentang), atau 'predikat'")
            if self.min > self.maks:
                raise ValueError(f"[R215] rentang terbalik: min {self.min} > maks {self.maks}")
            if self.min == 0:
                raise ValueError("[R216] batas bawah rentang 0 tidak dapat dipakai (pembagian nol)")
        return self


TargetEntry = float | Teks | TargetSpec | None
"""``pk: 95``, ``pk: WTP`` (a grade), a full :class:`TargetSpec`, or ``pk: null`` —
a target not filled in yet (``renja init``; ``validasi`` warns)."""


def as_target(entry: TargetEntry) -> TargetSpec | None:
    """Normalise the shorthands ``pk: 95`` and ``pk: WTP``; None when not filled in."""
    if entry is None or isinstance(entry, TargetSpec):
        return entry
    # already validated as TargetEntry: built without validating again (which would
    # build TargetSpec's validator for nothing on every start-up); anything else is
    # validated as usual
    if isinstance(entry, str) and entry:
        return TargetSpec.model_construct(predikat=entry)
    if isinstance(entry, (int, float)) and not isinstance(entry, bool):
        return TargetSpec.model_construct(nilai=float(entry))
    return TargetSpec.model_validate({"nilai": entry})  # refused: not a TargetEntry


class Rentang(Strict):
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


class SatuanKustom(Strict):
    """A unit an office declares beside the built-in ones, and how values print."""

    nama: Teks
    awalan: str = Field("", description="Dicetak sebelum angka, mis. 'Rp '")
    akhiran: str = Field("", description="Dicetak sesudah angka, mis. ' hari', ' juta'")
    desimal: int | None = Field(None, ge=0, le=4, description="Desimal yang ditampilkan")


class TingkatIndikator(Strict):
    """An indicator level an office reports (IKU, IKK, IKP, IKSS, IKI …)."""

    awalan: Annotated[str, Field(pattern=r"^[A-Z][A-Za-z]{1,9}$")]
    nama: Teks

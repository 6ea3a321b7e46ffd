"""Shared model types: strict base, codes, texts, targets, ranges, settings."""

import re
from datetime import date, datetime
from typing import Annotated, Literal, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Arah = Literal["naik", "turun", "stabil"]
"""Direction: higher is better, lower is better, or inside a range is best."""

Periode = Literal["terakhir", "kumulatif", "rata_rata"]
"""How quarterly realisasi combine: latest value, running sum, or mean."""

AturanTurun = Literal["kondisi_khusus", "target_per_realisasi"]
"""Lower-is-better rule: (2t − r)/t (PermenPANRB) or t/r."""

NamaPeriode = Literal["tw1", "tw2", "tw3", "tw4", "tahunan"]
InstansiHilang = Literal["tidak_memenuhi", "belum_lengkap"]
BerkasHilang = Literal["galat", "belum_ada_data"]

KODE_PATTERN = r"^[A-Z]{2,5}(\.[0-9]+)+$"
Kode = Annotated[str, Field(pattern=KODE_PATTERN, description="Kode seperti SK.1, IKK.5, IKU.3")]
KodeBebas = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$")]
NamaTarget = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Teks = Annotated[str, Field(min_length=1)]
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


class TargetSpec(Strict):
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

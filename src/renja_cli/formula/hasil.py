"""What a formula produces for one period, and what it needs from the data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from renja_cli.errors import Location
from renja_cli.rekaman import dataclass, field

if TYPE_CHECKING:
    from renja_cli.data.referensi import Referensi
    from renja_cli.model.dasar import Pengaturan, TandaNilai
    from renja_cli.model.realisasi import BlokNarasi


class KonteksFormula(Protocol):
    """The loaded data a formula reads (implemented by ``data.konteks.Konteks``)."""

    @property
    def tahun(self) -> int: ...

    @property
    def pengaturan(self) -> Pengaturan: ...

    @property
    def referensi(self) -> Referensi: ...

    def folder(self, periode: str) -> Path | None:
        """Folder of a period's record files (``tw3.yaml`` → ``tw3/``)."""
        ...

    def lokasi(self, periode: str, *loc: str | int) -> Location:
        """Where a key of a period's YAML was written."""
        ...


@dataclass(frozen=True, slots=True)
class BerkasDibaca:
    """The files a formula reads from one period folder, found as its ``hitung`` finds
    them: what a change of figures can come from (``renja beda`` compares them)."""

    rekaman: tuple[Path, ...] = ()
    """Record files (an absent one as the path it would have)."""
    survei: tuple[Path, ...] = ()
    """Survey files a pattern or name matches (read with the survey reader)."""


@dataclass(frozen=True, slots=True)
class HasilPeriode:
    """Realisasi of one indicator in one period, before periods are combined."""

    tersedia: bool = True
    nilai: float | None = None
    predikat: str | None = None
    """A grade given as the realisasi of an ordinal indicator (``WTP``)."""
    pembilang: float | None = None
    penyebut: float | None = None
    penyebut_stok: bool = False
    """True when the denominator is a stock (active PNS, the 44 instansi, a register
    as of the period's end), not a count to add up over periods."""
    komponen: dict[str, float | None] = field(default_factory=dict)
    sementara: bool = False
    keterangan: tuple[str, ...] = ()
    kendala: tuple[str, ...] = ()
    rencana_tindak_lanjut: tuple[str, ...] = ()
    narasi: dict[str, tuple[str | BlokNarasi, ...]] = field(default_factory=dict)
    """The entry's narratives as written (analisis, kendala, upaya, rencana_tindak_lanjut)."""
    tanda: tuple[TandaNilai, ...] = ()
    """Marks of the entry's value (asumsi/turunan/contoh written on the entry)."""
    rincian: Any = None
    lengkap: bool = True
    """False when the period cannot give a figure the office would accept (records
    for only part of the population, a record file missing) and it must be
    reported as such rather than replaced by an earlier period."""
    lokasi: Location | None = None
    """Where the value was written: the YAML entry or the record file."""
    lokasi_komponen: dict[str, Location] = field(default_factory=dict)
    lokasi_penyebut: Location | None = None
    """Where a typed denominator was written (a zero one is reported there)."""
    dihitung: bool = False
    """The value was computed by renja (from counts, records or components) rather
    than typed by the office; only computed values are rounded as reported."""

    @property
    def ada_nilai(self) -> bool:
        if self.nilai is not None or self.pembilang is not None or self.predikat is not None:
            return True
        return bool(self.komponen) and all(v is not None for v in self.komponen.values())

    def nilai_sendiri(self) -> float | None:
        """The period's own realisasi (not combined with other periods)."""
        if self.nilai is not None:
            return self.nilai
        if self.pembilang is not None:
            if not self.penyebut:
                return None
            return self.pembilang / self.penyebut * 100
        values = [v for v in self.komponen.values() if v is not None]
        if self.komponen and len(values) == len(self.komponen):
            return sum(values) / len(values)
        return None


# --- details behind a figure (what `renja rincian` shows) ------------------


@dataclass(frozen=True, slots=True)
class BarisInstansi:
    kode: str
    nama: str
    provinsi: str
    nilai: float | None
    predikat: str | None
    memenuhi: bool
    baris: int


@dataclass(frozen=True, slots=True)
class RincianInstansi:
    """Per-instansi records behind a ``persentase_instansi`` realisasi."""

    berkas: Path
    kriteria: str
    populasi: int
    memenuhi: int
    baris: tuple[BarisInstansi, ...]
    hilang: tuple[tuple[str, str], ...]
    belum_lengkap: bool


@dataclass(frozen=True, slots=True)
class RincianRasio:
    berkas: Path | None
    label_pembilang: str
    label_penyebut: str
    pembilang: float
    penyebut: float
    butir: tuple[tuple[str, str, bool], ...] = ()


@dataclass(frozen=True, slots=True)
class RincianArsip:
    berkas: Path
    jumlah_nip: int
    tersedia: int
    terisi: int
    lengkap: int
    dihitung: int
    kategori_minimal: str
    lengkap_dihitung_terisi: bool
    kategori: tuple[tuple[str, int], ...] = ()
    """NIPs per category of the scheme, lowest first."""


@dataclass(frozen=True, slots=True)
class RincianKomponen:
    berkas: Path
    kegiatan: tuple[tuple[str, float], ...] = ()
    baris: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RincianSurvei:
    """A component computed from raw survey responses (IKM, PermenPANRB 14/2017)."""

    berkas: tuple[Path, ...]
    hasil: Any
    """The :class:`renja_cli.ikm.HasilIkm` of the files combined (per file in ``kelompok``)."""

"""Result objects of an IKM computation and their stable JSON shape.

Everything here is data: numbers stay unrounded floats, renderers round them
for display. :func:`ke_dict` is the one place the JSON keys are decided.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from renja_cli.errors import Location
from renja_cli.numbers import round_half_up
from renja_cli.rekaman import dataclass

if TYPE_CHECKING:  # the survey models cost a run ~7 ms to build; a cached result needs none
    from renja_cli.ikm.referensi import Bobot, Gabung


@dataclass(frozen=True, slots=True)
class Dikecualikan:
    """A respondent left out of every unsur, and why."""

    lokasi: Location
    alasan: str


@dataclass(frozen=True, slots=True)
class Peringatan:
    """Something the analyst should look at; never stops the computation."""

    kode: str
    pesan: str
    lokasi: Location | None = None

    def __str__(self) -> str:
        where = f"{self.lokasi}: " if self.lokasi is not None else ""
        return f"{where}{self.kode} {self.pesan}"


@dataclass(frozen=True, slots=True)
class HasilUnsur:
    """One unsur: NRR = jumlah_nilai / jumlah_jawaban, weighted and converted."""

    kode: str
    nama: str
    jumlah_jawaban: int
    jumlah_nilai: int
    nrr: float
    nrr_tertimbang: float
    nilai_interval: float
    """NRR × 25, the unsur's own value on the 25–100 scale."""
    mutu: str
    kinerja: str


@dataclass(frozen=True, slots=True)
class Sampel:
    """Krejcie–Morgan adequacy for a population of service users."""

    populasi: int
    minimal: int
    responden: int
    cukup: bool


@dataclass(frozen=True, slots=True)
class Kelompok:
    """A breakdown: per file (``berkas``), ``layanan``, ``triwulan`` or ``bulan``."""

    per: str
    nama: str
    hasil: HasilIkm


@dataclass(frozen=True, slots=True)
class HasilIkm:
    """IKM of one survey, one group, or several files combined."""

    berkas: tuple[str, ...]
    responden: int
    """Respondents counted (answered at least one unsur)."""
    dikecualikan: tuple[Dikecualikan, ...]
    ikm: float
    """Unrounded: 25 × Σ(NRR × bobot)."""
    mutu: str
    kinerja: str
    unsur: tuple[HasilUnsur, ...]
    terendah: tuple[str, ...]
    """Names of the three lowest unsur, lowest first; equal NRR: lower kode first."""
    bobot: Bobot
    nilai_bobot: float
    sampel: Sampel | None = None
    kelompok: tuple[Kelompok, ...] = ()
    peringatan: tuple[Peringatan, ...] = ()
    gabung: Gabung | None = None
    """The rule used when several files were combined; None for one file."""
    contoh: bool = False
    """At least one file is marked as example data (``# contoh: …``)."""

    @property
    def ikm_dibulatkan(self) -> Decimal:
        """The IKM as shown and as classified: half-up to two decimals."""
        return round_half_up(self.ikm, 2)


def _unsur(u: HasilUnsur) -> dict[str, Any]:
    return {
        "kode": u.kode,
        "nama": u.nama,
        "jumlah_jawaban": u.jumlah_jawaban,
        "jumlah_nilai": u.jumlah_nilai,
        "nrr": u.nrr,
        "nrr_tertimbang": u.nrr_tertimbang,
        "nilai_interval": u.nilai_interval,
        "mutu": u.mutu,
        "kinerja": u.kinerja,
    }


def ke_dict(hasil: HasilIkm) -> dict[str, Any]:
    """Plain JSON-ready dict with stable keys; ``sampel`` only when a population was given."""
    out: dict[str, Any] = {
        "contoh": hasil.contoh,
        "berkas": list(hasil.berkas),
        "responden": hasil.responden,
        "dikecualikan": [{"lokasi": str(d.lokasi), "alasan": d.alasan} for d in hasil.dikecualikan],
        "ikm": hasil.ikm,
        "ikm_dibulatkan": float(hasil.ikm_dibulatkan),
        "mutu": hasil.mutu,
        "kinerja": hasil.kinerja,
        "bobot": {"aturan": hasil.bobot, "nilai": hasil.nilai_bobot},
        "gabung": hasil.gabung,
        "unsur": [_unsur(u) for u in hasil.unsur],
        "terendah": list(hasil.terendah),
    }
    if hasil.sampel is not None:
        s = hasil.sampel
        out["sampel"] = {
            "populasi": s.populasi,
            "minimal": s.minimal,
            "responden": s.responden,
            "cukup": s.cukup,
        }
    out["kelompok"] = [
        {"per": k.per, "nama": k.nama, **_ringkas(ke_dict(k.hasil))} for k in hasil.kelompok
    ]
    out["peringatan"] = [
        {
            "kode": p.kode,
            "pesan": p.pesan,
            "lokasi": str(p.lokasi) if p.lokasi is not None else None,
        }
        for p in hasil.peringatan
    ]
    return out


def _ringkas(group: dict[str, Any]) -> dict[str, Any]:
    """A group repeats neither the example flag nor empty nested lists."""
    group.pop("contoh", None)
    for key in ("kelompok", "peringatan", "dikecualikan"):
        if not group.get(key):
            group.pop(key, None)
    return group

"""How one period's realisasi of an indicator is formed, per formula kind.

A period's entry in ``realisasi/<tahun>/<periode>.yaml`` may give the value
directly (``nilai``), counts (``pembilang``/``penyebut``) or component values
(``komponen``); formulas that count records read them from the period folder
(see :mod:`renja_cli.records`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from renja_cli.errors import DataError
from renja_cli.models import Catatan, EntriRealisasi, Indikator

if TYPE_CHECKING:
    from renja_cli.engine import Konteks


def as_list(value: Catatan | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class HasilPeriode:
    """Realisasi of one indicator in one period, before periods are combined."""

    tersedia: bool = True
    nilai: float | None = None
    pembilang: float | None = None
    penyebut: float | None = None
    penyebut_stok: bool = False
    """True when the denominator is a fixed stock (active PNS), not a count to add up."""
    komponen: dict[str, float | None] = field(default_factory=dict)
    sementara: bool = False
    keterangan: tuple[str, ...] = ()
    kendala: tuple[str, ...] = ()
    rencana_tindak_lanjut: tuple[str, ...] = ()
    rincian: Any = None
    lengkap: bool = True
    """False when records cover only part of the population and the office chose
    to report such a period as incomplete rather than count the missing as 'no'."""

    @property
    def ada_nilai(self) -> bool:
        if self.nilai is not None or self.pembilang is not None:
            return True
        return bool(self.komponen) and all(v is not None for v in self.komponen.values())

    def nilai_akhir(self, ind: Indikator) -> float | None:
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


def nilai_periode(
    ctx: Konteks, ind: Indikator, periode: str, entry: EntriRealisasi | None
) -> HasilPeriode | None:
    """One period's result for ``ind``; None when the period says nothing of it."""
    from renja_cli.records import hasil_rekaman

    rekaman = hasil_rekaman(ctx, ind, periode)
    if ind.formula.jenis == "rata_rata":
        return _rata_rata(ctx, ind, periode, entry, rekaman)
    if entry is None:
        return rekaman
    if rekaman is not None and (entry.nilai is not None or entry.pembilang is not None):
        raise _twice(ctx, ind, periode, rekaman)
    base = _base(entry)
    if rekaman is not None:  # narrative only in YAML, value from the records
        return _with_narrative(rekaman, entry)
    formula = ind.formula
    if entry.pembilang is not None:
        if formula.jenis != "rasio":
            raise DataError(
                f"pembilang/penyebut hanya untuk formula rasio; {ind.kode} berformula "
                f"{formula.jenis}",
                _loc(ctx, periode, ind.kode, "pembilang"),
                field=ind.kode,
                code="R205",
            )
        penyebut = entry.penyebut
        stok = False
        if formula.penyebut_tetap is not None:
            stok = True
            penyebut = entry.penyebut if entry.penyebut is not None else formula.penyebut_tetap
        elif penyebut is None:
            raise DataError(
                f"penyebut wajib diisi ({formula.penyebut}); formula tidak punya penyebut_tetap",
                _loc(ctx, periode, ind.kode),
                field=f"{ind.kode} → penyebut",
                code="R101",
            )
        if (stok or ind.periode != "kumulatif") and penyebut and entry.pembilang > penyebut:
            raise DataError(
                f"pembilang {entry.pembilang:g} melebihi penyebut {penyebut:g}",
                _loc(ctx, periode, ind.kode, "pembilang"),
                field=ind.kode,
                code="R206",
            )
        return replace(base, pembilang=entry.pembilang, penyebut=penyebut, penyebut_stok=stok)
    if entry.komponen is not None:
        raise DataError(
            f"komponen hanya untuk formula rata_rata; {ind.kode} berformula {formula.jenis}",
            _loc(ctx, periode, ind.kode, "komponen"),
            field=ind.kode,
            code="R205",
        )
    return replace(base, nilai=entry.nilai)


def _loc(ctx: Konteks, periode: str, *loc: str | int) -> Any:
    from renja_cli.loading import location_of

    return location_of(ctx.realisasi, periode, "realisasi", *loc)


def _base(entry: EntriRealisasi) -> HasilPeriode:
    return HasilPeriode(
        tersedia=entry.tersedia,
        sementara=entry.sementara,
        keterangan=as_list(entry.keterangan),
        kendala=as_list(entry.kendala),
        rencana_tindak_lanjut=as_list(entry.rencana_tindak_lanjut),
    )


def _with_narrative(rekaman: HasilPeriode, entry: EntriRealisasi) -> HasilPeriode:
    return replace(
        rekaman,
        tersedia=entry.tersedia and rekaman.tersedia,
        sementara=entry.sementara or rekaman.sementara,
        keterangan=rekaman.keterangan + as_list(entry.keterangan),
        kendala=as_list(entry.kendala),
        rencana_tindak_lanjut=as_list(entry.rencana_tindak_lanjut),
    )


def _twice(ctx: Konteks, ind: Indikator, periode: str, rekaman: HasilPeriode) -> DataError:
    berkas = getattr(rekaman.rincian, "berkas", None)
    sumber = f" ({berkas.name})" if berkas is not None else ""
    return DataError(
        f"realisasi diberikan dua kali: langsung di YAML dan dari berkas rekaman{sumber}; "
        "hapus salah satunya",
        _loc(ctx, periode, ind.kode),
        field=ind.kode,
        code="R204",
    )


def _rata_rata(
    ctx: Konteks,
    ind: Indikator,
    periode: str,
    entry: EntriRealisasi | None,
    rekaman: HasilPeriode | None,
) -> HasilPeriode | None:
    """Components come from the YAML entry or from their own record files, never both."""
    formula = ind.formula
    assert formula.jenis == "rata_rata"
    from_files = dict(rekaman.komponen) if rekaman is not None else {}
    if entry is None and not from_files:
        return None
    base = _base(entry) if entry is not None else HasilPeriode()
    if entry is not None and entry.pembilang is not None:
        raise DataError(
            f"pembilang/penyebut hanya untuk formula rasio; {ind.kode} berformula rata_rata",
            _loc(ctx, periode, ind.kode, "pembilang"),
            field=ind.kode,
            code="R205",
        )
    if entry is not None and entry.nilai is not None:
        if from_files:
            assert rekaman is not None
            raise _twice(ctx, ind, periode, rekaman)
        return replace(base, nilai=entry.nilai)
    given = dict(entry.komponen or {}) if entry is not None else {}
    known = {k.kode for k in formula.komponen}
    for kode in given:
        if kode not in known:
            raise DataError(
                f"komponen '{kode}' tidak dikenal; pilihan: {', '.join(sorted(known))}",
                _loc(ctx, periode, ind.kode, "komponen", kode),
                field=f"{ind.kode} → komponen",
                code="R203",
            )
        if kode in from_files and given[kode] is not None:
            assert rekaman is not None
            raise DataError(
                f"komponen {kode} diberikan dua kali: di YAML dan dari berkas rekaman; "
                "hapus salah satunya",
                _loc(ctx, periode, ind.kode, "komponen", kode),
                field=f"{ind.kode} → komponen",
                code="R204",
            )
    values = {k.kode: from_files.get(k.kode, given.get(k.kode)) for k in formula.komponen}
    missing = tuple(f"komponen {k} belum ada" for k, v in values.items() if v is None)
    return replace(
        base,
        keterangan=base.keterangan + missing,
        komponen=values,
        rincian=rekaman.rincian if rekaman is not None else None,
    )

"""What a realisasi may be: the range and consistency rules of the data.

``validasi`` reports these for every period of every indicator; ``capaian``,
``rincian``, ``ringkasan`` and ``tren`` stop with the same located, coded
error when they meet them, so no command prints a figure another refuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from renja_cli.errors import DataError, Location
from renja_cli.formula.hasil import HasilPeriode, RincianKomponen
from renja_cli.hitung.capaian import AturanCapaian, membagi_nol, peringkat
from renja_cli.hitung.periode import NilaiRealisasi, label_periode
from renja_cli.model.dasar import as_target

if TYPE_CHECKING:
    from renja_cli.model.rencana import Indikator


def _fmt(value: float) -> str:
    return f"{value:g}"


def periksa_periode(
    ind: Indikator, periode: str, h: HasilPeriode, aturan: AturanCapaian
) -> list[DataError]:
    """Rules on one period's own figures."""
    errors: list[DataError] = []
    if not h.tersedia:
        return errors
    errors.extend(_predikat(ind, h, aturan))
    per_period_ratio = h.penyebut_stok or ind.periode != "kumulatif"
    if (
        per_period_ratio
        and h.pembilang is not None
        and h.penyebut is not None
        and h.pembilang > h.penyebut
    ):
        # a zero denominator is checked too: 7 of 0 is no percentage, not "no data yet"
        zero = h.penyebut == 0 and h.lokasi_penyebut is not None
        errors.append(
            DataError(
                f"pembilang {_fmt(h.pembilang)} melebihi penyebut {_fmt(h.penyebut)}"
                + (f" ({_fmt(h.pembilang)} dari 0 tidak dapat dihitung)" if zero else ""),
                h.lokasi_penyebut if zero else h.lokasi,
                field=ind.kode,
                code="R206",
            )
        )
    rentang = ind.rentang_nilai
    value = h.nilai_sendiri()
    counts_only = h.nilai is None and h.pembilang is not None and not per_period_ratio
    komponen = _komponen(ind, h) if ind.formula.jenis == "rata_rata" else []
    if (
        value is not None
        and rentang is not None
        and not counts_only
        and not komponen  # a mean out of range is reported at the component that took it there
        and not rentang.memuat(value)
    ):
        errors.append(
            DataError(
                f"realisasi {_fmt(value)} ({label_periode(periode)}) di luar rentang "
                f"{_fmt(rentang.min)}-{_fmt(rentang.maks)}",
                h.lokasi,
                field=ind.kode,
                code="R207",
            )
        )
    errors.extend(komponen)
    return errors


def _predikat(ind: Indikator, h: HasilPeriode, aturan: AturanCapaian) -> list[DataError]:
    """A grade only for an indicator with a scale, and one of that scale's grades."""
    if h.predikat is None:
        if h.nilai is not None and aturan.urutan is not None and aturan.skala is None:
            return [
                DataError(
                    f"indikator {ind.kode} berskala ordinal {ind.skala}: isi 'predikat' "
                    f"({', '.join(aturan.urutan)}), bukan angka",
                    h.lokasi,
                    field=ind.kode,
                    code="R205",
                )
            ]
        return []
    if aturan.urutan is None:
        return [
            DataError(
                f"predikat '{h.predikat}' hanya untuk indikator berskala (isi 'skala' di "
                "targets); indikator ini memerlukan angka",
                h.lokasi,
                field=ind.kode,
                code="R205",
            )
        ]
    if peringkat(aturan, h.predikat) is None:
        return [
            DataError(
                f"predikat '{h.predikat}' tidak ada di skala {ind.skala} "
                f"(pilihan: {', '.join(aturan.urutan)})",
                h.lokasi,
                field=ind.kode,
                code="R218",
            )
        ]
    return []


def _komponen(ind: Indikator, h: HasilPeriode) -> list[DataError]:
    """Each component within its own range, or else the indicator's: 120 and 60 are no
    percentages even though their mean, 90, is one."""
    assert ind.formula.jenis == "rata_rata"
    errors: list[DataError] = []
    details = h.rincian if isinstance(h.rincian, dict) else {}
    for komponen in ind.formula.komponen:
        rentang = komponen.rentang or ind.rentang_nilai
        if rentang is None:
            continue
        detail = details.get(komponen.kode)
        if isinstance(detail, RincianKomponen):
            for (kegiatan, nilai), line in zip(detail.kegiatan, detail.baris, strict=True):
                if not rentang.memuat(nilai):
                    errors.append(
                        DataError(
                            f"nilai {_fmt(nilai)} ({kegiatan}) di luar rentang "
                            f"{_fmt(rentang.min)}-{_fmt(rentang.maks)}",
                            Location(detail.berkas, line),
                            field=f"{ind.kode} → {komponen.kode}",
                            code="R207",
                        )
                    )
            continue
        value = h.komponen.get(komponen.kode)
        if value is not None and not rentang.memuat(value):
            errors.append(
                DataError(
                    f"nilai {_fmt(value)} di luar rentang {_fmt(rentang.min)}-{_fmt(rentang.maks)}",
                    h.lokasi_komponen.get(komponen.kode, h.lokasi),
                    field=f"{ind.kode} → komponen.{komponen.kode}",
                    code="R207",
                )
            )
    return errors


def periksa_gabungan(
    ind: Indikator, aturan: AturanCapaian, real: NilaiRealisasi
) -> list[DataError]:
    """Rules on the combined figure: cumulative counts, range, division by zero."""
    errors: list[DataError] = []
    upto = label_periode(real.periode)
    if real.dari_hitungan and ind.periode == "kumulatif" and not real.penyebut_stok:
        assert real.pembilang is not None and real.penyebut is not None
        if real.pembilang > real.penyebut:
            errors.append(
                DataError(
                    f"pembilang kumulatif {_fmt(real.pembilang)} melebihi penyebut kumulatif "
                    f"{_fmt(real.penyebut)} s.d. {upto}",
                    real.lokasi,
                    field=ind.kode,
                    code="R206",
                )
            )
    value = aturan.bulatkan(real.nilai, real.dihitung)
    if value is None:
        return errors
    rentang = ind.rentang_nilai
    own = dict(real.hasil)
    single = len(real.dipakai) == 1 and own[real.dipakai[0]].nilai_sendiri() == real.nilai
    if single and real.dipakai[0] in own and _per_period_range(ind, own[real.dipakai[0]]):
        rentang = None  # the period's own value is the figure: periksa_periode judges it
    if rentang is not None and not rentang.memuat(value) and not errors:
        errors.append(
            DataError(
                f"realisasi s.d. {upto} {_fmt(value)} di luar rentang "
                f"{_fmt(rentang.min)}-{_fmt(rentang.maks)}",
                real.lokasi,
                field=ind.kode,
                code="R207",
            )
        )
    for name, entry in ind.target.items():
        spec = as_target(entry)
        if spec is not None and spec.predikat is None and membagi_nol(value, spec, aturan):
            errors.append(
                DataError(
                    f"realisasi 0 (s.d. {upto}) tidak dapat dipakai dengan aturan_turun "
                    f"target_per_realisasi (target {name}: pembagian nol); pakai "
                    "kondisi_khusus",
                    real.lokasi,
                    field=ind.kode,
                    code="R208",
                )
            )
            break
    return errors


def _per_period_range(ind: Indikator, h: HasilPeriode) -> bool:
    """Whether :func:`periksa_periode` checks this period's own value against the range."""
    per_period_ratio = h.penyebut_stok or ind.periode != "kumulatif"
    return not (h.nilai is None and h.pembilang is not None and not per_period_ratio)


def periksa(ind: Indikator, aturan: AturanCapaian, real: NilaiRealisasi) -> list[DataError]:
    """Every rule on a combined figure and the periods it read."""
    errors: list[DataError] = []
    for periode, h in real.hasil:
        errors.extend(periksa_periode(ind, periode, h, aturan))
    if not errors:
        errors.extend(periksa_gabungan(ind, aturan, real))
    return errors

"""``renja tren``: multi-year trend of one indicator: history kept in the targets
files (``riwayat``), earlier indicators it continues (``pendahulu``), and its
own year by quarter. History years are judged by the same capaian settings
and status rule as the current year."""

from __future__ import annotations

from dataclasses import replace

from renja_cli.data.baca import PERIODE_URUT, load_realisasi, read_rencana
from renja_cli.data.folder import DataSource, available_years, target_path
from renja_cli.data.konteks import Konteks, periksa_rujukan
from renja_cli.data.referensi import Referensi
from renja_cli.errors import UsageError, raise_all
from renja_cli.hitung.capaian import Status, nilai_capaian
from renja_cli.hitung.periode import label_periode
from renja_cli.laporan.capaian import baris_capaian, realisasi_indikator
from renja_cli.laporan.objek import tampilan
from renja_cli.laporan.tanda import tanda_realisasi, tanda_target
from renja_cli.model.dasar import TandaNilai, as_list, as_target
from renja_cli.model.rencana import Indikator, RencanaKerja
from renja_cli.numbers import POLOS, Tampilan, format_number, round_half_up
from renja_cli.rekaman import dataclass


@dataclass(frozen=True, slots=True)
class TitikTren:
    """One point of the trend: a year or a quarter."""

    tahun: int
    periode: str
    kode: str
    target: float | str | None
    realisasi: float | str | None
    """A number, or a grade for ordinal indicators."""
    capaian: float | None
    status: Status
    catatan: str | None = None
    tanda: tuple[TandaNilai, ...] = ()
    """Marks of this point's figures (a derived history target, an assumed quarter)."""


@dataclass(frozen=True, slots=True)
class LaporanTren:
    kode: str
    nama: str
    satuan: str
    titik: tuple[TitikTren, ...]
    data: str
    contoh: bool = False
    tampilan: Tampilan = POLOS
    konflik: tuple[KonflikRiwayat, ...] = ()
    """History entries a year's own realisasi files contradict (the files are used)."""


@dataclass(frozen=True, slots=True)
class KonflikRiwayat:
    """A later plan's ``riwayat`` says one annual realisasi, that year's files another."""

    tahun_rencana: int
    kode: str
    tahun: int
    riwayat: float | str
    berkas: float | str
    periode: str

    def uraian(self) -> str:
        """The disagreement in words, for the trend's note and validasi's warning."""
        return (
            f"riwayat {self.kode} {self.tahun} di targets-{self.tahun_rencana}.yaml menulis "
            f"realisasi {_teks(self.riwayat)}, berkas realisasi {self.tahun} "
            f"({label_periode(self.periode)}) {_teks(self.berkas)}; dipakai berkas realisasi"
        )


def _teks(value: float | str) -> str:
    return value if isinstance(value, str) else format_number(value, 4, trim=True)


def _sama(a: float | str | None, b: float | str | None) -> bool:
    """Equal as shown: numbers to the four decimals a table prints at most (a Gini
    0,2925 is not 0,29), grades as written."""
    if isinstance(a, int | float) and isinstance(b, int | float):
        return round_half_up(a, 4) == round_half_up(b, 4)
    return a == b


def _cari(plans: dict[int, RencanaKerja], kode: str) -> tuple[int, Indikator] | None:
    for tahun in sorted(plans, reverse=True):
        found = plans[tahun].cari(kode)
        if found is not None:
            return tahun, found[1]
    return None


def susun_tren(source: DataSource, kode: str) -> LaporanTren:
    """History of ``kode`` and the indicators it continues, oldest first."""
    years = available_years(source.root)
    loaded = {tahun: read_rencana(target_path(source.root, tahun)) for tahun in years}
    plans = {tahun: plan for tahun, (plan, _) in loaded.items()}
    home = _cari(plans, kode)
    if home is None:
        known = ", ".join(map(str, years))
        raise UsageError(
            f"indikator {kode} tidak ada di targets tahun mana pun ({known})", code="U003"
        )
    home_year, ind = home
    points: dict[tuple[int, str], TitikTren] = {}
    from_files: dict[tuple[int, str], TitikTren] = {}
    konflik: list[KonflikRiwayat] = []
    chain: list[tuple[int, Indikator]] = [(home_year, ind)]
    todo = [(code, home_year) for code in ind.pendahulu]
    while todo:
        code, before = todo.pop(0)
        found = _cari({y: p for y, p in plans.items() if y < before}, code)
        if found is not None and all((found[0], found[1].kode) != (y, c.kode) for y, c in chain):
            chain.append(found)
            todo.extend((c, found[0]) for c in found[1].pendahulu)
    chain.sort(key=lambda item: -item[0])
    referensi = Referensi(source.root)
    contoh = False
    for plan_year, item in reversed(chain):
        plan, positions = loaded[plan_year]
        raise_all(periksa_rujukan(plan, positions, referensi))
        realisasi = load_realisasi(source.root, plan)
        contoh = contoh or realisasi.contoh
        ctx = Konteks(source, plan, realisasi, referensi, target_path(source.root, plan_year))
        aturan = ctx.aturan(item)
        for tahun, riwayat in sorted(item.riwayat.items()):
            recorded = _akhir_tahun(from_files, tahun)
            if recorded is not None:
                # the year's own files are the record; a history copy must agree with them
                if riwayat.realisasi is not None and not _sama(
                    riwayat.realisasi, recorded.realisasi
                ):
                    assert recorded.realisasi is not None
                    beda = KonflikRiwayat(
                        plan_year,
                        item.kode,
                        tahun,
                        riwayat.realisasi,
                        recorded.realisasi,
                        recorded.periode,
                    )
                    konflik.append(beda)
                    note = "; ".join(n for n in (recorded.catatan, beda.uraian()) if n)
                    key = (tahun, recorded.periode)
                    points[key] = from_files[key] = replace(recorded, catatan=note)
                continue
            spec = as_target(riwayat.target) if riwayat.target else None
            number = riwayat.realisasi if isinstance(riwayat.realisasi, int | float) else None
            grade = riwayat.realisasi if isinstance(riwayat.realisasi, str) else None
            capaian, status = nilai_capaian(aturan, number, grade, spec)
            points[(tahun, "tahunan")] = TitikTren(
                tahun,
                "tahunan",
                item.kode,
                riwayat.target,
                riwayat.realisasi,
                capaian,
                status,
                "; ".join(as_list(riwayat.catatan)) or None,
                item.tanda_riwayat(tahun),
            )
        sk_kode = next(sk.kode for sk, i in plan.indikator() if i.kode == item.kode)
        jenis = plan.pengaturan.target_utama
        spec_now = as_target(item.target.get(jenis))
        target: float | str | None = None
        if spec_now is not None:
            target = spec_now.predikat if spec_now.predikat is not None else spec_now.nilai
        for periode in (*PERIODE_URUT, "tahunan"):
            if periode not in realisasi.berkas:
                continue
            upto = (
                ["tahunan"]
                if periode == "tahunan"
                else [
                    p
                    for p in PERIODE_URUT[: PERIODE_URUT.index(periode) + 1]
                    if p in realisasi.berkas
                ]
            )
            row = baris_capaian(ctx, sk_kode, item, jenis, realisasi_indikator(ctx, item, upto))
            old = points.get((plan_year, periode))
            value: float | str | None = (
                row.realisasi_predikat
                if item.berpredikat and row.realisasi is None
                else row.realisasi
            )
            if value is None and old is not None:
                continue  # keep the history's figure where the period has none
            points[(plan_year, periode)] = point = TitikTren(
                plan_year,
                periode,
                item.kode,
                target,
                value,
                row.capaian,
                row.status,
                "; ".join(row.keterangan) or None,
                tanda_target(row.tanda, jenis) + tanda_realisasi(row.tanda),
            )
            if value is not None:
                from_files[(plan_year, periode)] = point
    order = {p: i for i, p in enumerate((*PERIODE_URUT, "tahunan"))}
    titik = tuple(points[k] for k in sorted(points, key=lambda k: (k[0], order[k[1]])))
    return LaporanTren(
        ind.kode,
        ind.nama_singkat or ind.nama,
        ind.satuan,
        titik,
        source.describe(),
        contoh,
        tampilan(plans[home_year], ind),
        tuple(konflik),
    )


def _akhir_tahun(points: dict[tuple[int, str], TitikTren], tahun: int) -> TitikTren | None:
    """The year-end figure a year's own files give: tahunan.yaml, else TW IV."""
    return points.get((tahun, "tahunan")) or points.get((tahun, "tw4"))

"""``renja validasi``: every problem of a repository's target and realisasi files at once.

Files are recognised by name and place:

* ``targets-<tahun>.yaml`` — a year's work plan;
* ``instansi.yaml``, ``skala.yaml`` — reference data;
* ``realisasi/<tahun>/<periode>.yaml`` — a period's realisasi;
* ``realisasi/<tahun>/<periode>/*.csv`` — record files named by a formula.

Anything else is reported (R010) rather than silently skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from renja_cli import bacaan
from renja_cli.data.baca import SEMUA_PERIODE, load_realisasi, peringatan_rencana, read_rencana
from renja_cli.data.folder import DataSource, target_path
from renja_cli.data.konteks import Konteks, periksa_rujukan
from renja_cli.data.referensi import Referensi
from renja_cli.errors import DataError, DataErrors, Location, RenjaError, UsageError
from renja_cli.formula import berkas_dibaca
from renja_cli.formula.hasil import HasilPeriode
from renja_cli.hitung.periksa import periksa_gabungan, periksa_periode
from renja_cli.hitung.periode import NilaiRealisasi
from renja_cli.io.berkas import periksa_berkas
from renja_cli.io.csvfile import buka_csv
from renja_cli.io.yamlfile import Positions
from renja_cli.laporan.capaian import gabung_indikator
from renja_cli.model.rencana import Indikator, RencanaKerja
from renja_cli.rekaman import dataclass, field

Tingkat = Literal["galat", "peringatan"]

_TARGETS = re.compile(r"^targets-(\d{4})\.ya?ml$", re.IGNORECASE)
_PERIODE = re.compile(r"^(tw[1-4]|tahunan)$")


@dataclass(frozen=True, slots=True)
class Masalah:
    """One problem, located as precisely as the file allows."""

    tingkat: Tingkat
    kode: str
    pesan: str
    path: Path | None = None
    baris: int | None = None
    kolom: int | None = None
    bidang: str | None = None

    @classmethod
    def dari(cls, err: RenjaError, tingkat: Tingkat = "galat") -> Masalah:
        loc = err.location or Location()
        return cls(tingkat, err.code, err.message, loc.path, loc.line, loc.column, err.field)


@dataclass
class HasilValidasi:
    """The outcome of one ``validasi`` run."""

    berkas: list[Path] = field(default_factory=list)
    indikator: int = 0
    masalah: list[Masalah] = field(default_factory=list)

    @property
    def jumlah_galat(self) -> int:
        return sum(1 for m in self.masalah if m.tingkat == "galat")

    @property
    def jumlah_peringatan(self) -> int:
        return sum(1 for m in self.masalah if m.tingkat == "peringatan")

    def valid(self, ketat: bool = False) -> bool:
        return self.jumlah_galat == 0 and (not ketat or self.jumlah_peringatan == 0)

    def per_berkas(self) -> list[tuple[Path | None, list[Masalah]]]:
        groups: dict[Path | None, list[Masalah]] = {}
        for m in self.masalah:
            groups.setdefault(m.path, []).append(m)
        return [
            (p, sorted(ms, key=lambda m: (m.baris or 0, m.kolom or 0)))
            for p, ms in sorted(groups.items(), key=lambda kv: str(kv[0]))
        ]


@dataclass
class _Kumpulan:
    """Collects problems, dropping exact repeats."""

    hasil: HasilValidasi
    seen: set[Masalah] = field(default_factory=set)

    def add(self, masalah: Masalah) -> None:
        if masalah not in self.seen:
            self.seen.add(masalah)
            self.hasil.masalah.append(masalah)

    def error(self, err: RenjaError) -> None:
        errors = err.errors if isinstance(err, DataErrors) else [err]
        for e in errors:
            self.add(Masalah.dari(e))

    def warn(self, kode: str, pesan: str, path: Path | None, baris: int | None = None) -> None:
        self.add(Masalah("peringatan", kode, pesan, path, baris))


def _files(paths: Sequence[Path], kumpulan: _Kumpulan) -> list[Path]:
    found: list[Path] = []
    for p in paths:
        bacaan.catat_folder(p)  # cache: every file under p matters to validasi
        if not p.exists() and not p.is_symlink():
            raise UsageError(f"'{p}' tidak ditemukan", Location(p), code="U002")
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if any(bacaan.dilewati(part) for part in rel):
                    continue
                if not f.is_dir():
                    found.append(f)
        else:
            found.append(p)
    result: list[Path] = []
    for f in dict.fromkeys(found):
        try:
            periksa_berkas(f)  # FIFOs and broken links, reported as every command would
        except DataError as exc:
            kumpulan.error(exc)
        else:
            result.append(f)
    return result


@dataclass
class _Akar:
    """One data folder and the files of it that were asked for."""

    root: Path
    targets: dict[int, Path] = field(default_factory=dict)
    realisasi: dict[int, list[Path]] = field(default_factory=dict)
    rekaman: dict[int, list[Path]] = field(default_factory=dict)
    referensi: list[Path] = field(default_factory=list)


def _classify(files: Iterable[Path], kumpulan: _Kumpulan) -> dict[Path, _Akar]:
    roots: dict[Path, _Akar] = {}

    def akar(root: Path) -> _Akar:
        key = root.resolve()
        if key not in roots:
            roots[key] = _Akar(root)
        return roots[key]

    for f in files:
        if f.name.endswith(".schema.json"):
            continue  # editor schemas (renja skema, renja init)
        match = _TARGETS.match(f.name)
        parents = f.parents
        if match:
            akar(f.parent).targets[int(match.group(1))] = f
        elif f.name.casefold() in {
            f"{stem}{suffix}"
            for stem in ("instansi", "skala", "survei")
            for suffix in (".yaml", ".yml")
        }:
            akar(f.parent).referensi.append(f)
        elif (
            f.suffix.casefold() in {".yaml", ".yml"}
            and len(parents) >= 3
            and parents[1].name == "realisasi"
            and parents[0].name.isdigit()
        ):
            akar(parents[2]).realisasi.setdefault(int(parents[0].name), []).append(f)
        elif (
            f.suffix.casefold() in {".csv", ".xlsx"}
            and len(parents) >= 4
            and parents[2].name == "realisasi"
            and parents[1].name.isdigit()
        ):
            akar(parents[3]).rekaman.setdefault(int(parents[1].name), []).append(f)
        else:
            kumpulan.warn(
                "R010",
                "berkas tidak dikenal: bukan targets-<tahun>.yaml, "
                "instansi.yaml, skala.yaml, realisasi/<tahun>/<periode>.yaml atau "
                "CSV rekaman di realisasi/<tahun>/<periode>/",
                f,
            )
    return roots


def validasi(paths: Sequence[Path]) -> HasilValidasi:
    """Check every recognised file under ``paths``; never stops at the first problem."""
    hasil = HasilValidasi()
    kumpulan = _Kumpulan(hasil)
    files = _files(paths, kumpulan)
    hasil.berkas = files
    for akar in _classify(files, kumpulan).values():
        _periksa_akar(akar, kumpulan)
    return hasil


def _periksa_akar(akar: _Akar, kumpulan: _Kumpulan) -> None:
    referensi = Referensi(akar.root)
    for path in akar.referensi:
        try:
            stem = path.stem.casefold()
            if stem == "instansi":
                _ = referensi.instansi
            elif stem == "skala":
                _ = referensi.daftar_skala
            else:
                _ = referensi.survei
        except RenjaError as exc:
            kumpulan.error(exc)
    years = sorted(set(akar.targets) | set(akar.realisasi) | set(akar.rekaman))
    for tahun in years:
        _periksa_tahun(akar, tahun, referensi, kumpulan)


def _periksa_tahun(akar: _Akar, tahun: int, referensi: Referensi, kumpulan: _Kumpulan) -> None:
    try:
        target = target_path(akar.root, tahun)
    except UsageError:
        for path in akar.realisasi.get(tahun, []) + akar.rekaman.get(tahun, []):
            kumpulan.add(
                Masalah(
                    "galat",
                    "R201",
                    f"tahun {tahun} tidak punya targets-{tahun}.yaml di {akar.root}",
                    path,
                )
            )
        return
    except DataError as exc:
        kumpulan.error(exc)
        return
    try:
        rencana, positions = read_rencana(target)
    except RenjaError as exc:
        kumpulan.error(exc)
        return
    kumpulan.hasil.indikator += sum(len(sk.indikator) for sk in rencana.sasaran)
    for problem in periksa_rujukan(rencana, positions, referensi):
        kumpulan.error(problem)
    for warning in peringatan_rencana(rencana, positions):
        kumpulan.add(Masalah.dari(warning, "peringatan"))
    for warning in _riwayat_bertentangan(akar, rencana, positions):
        kumpulan.add(Masalah.dari(warning, "peringatan"))
    source = DataSource(akar.root, "validasi")
    problems: list[DataError] = []
    realisasi = load_realisasi(akar.root, rencana, problems)
    for problem in problems:
        kumpulan.error(problem)
    ctx = Konteks(source, rencana, realisasi, referensi, target, positions)
    _periksa_realisasi(ctx, kumpulan)
    # the files the formulas read, found as the formulas find them (one rule with
    # capaian and beda: names by role, survey patterns by the survey finder, also
    # outside the quarter's folder)
    used: set[str] = set()
    surveys: set[str] = set()
    for periode in realisasi.berkas:
        folder = realisasi.folder(periode)
        if folder is None:
            continue
        for _, ind in rencana.indikator():
            try:
                dibaca = berkas_dibaca(ind.formula, folder)
            except RenjaError:
                continue  # two files for one role: reported where the formula runs
            used.update(str(p.resolve()).casefold() for p in dibaca.rekaman)
            surveys.update(str(p.resolve()).casefold() for p in dibaca.survei)
    for path in akar.rekaman.get(tahun, []):
        resolved = str(path.resolve()).casefold()
        if resolved in used:
            _tanpa_baris(path, kumpulan)
            continue  # read, or reported already as a misnamed record file
        if resolved in surveys:
            continue  # a survey file a component reads by name or pattern
        period_file = [path.parent.with_suffix(s) for s in (".yaml", ".yml")]
        if path.parent.name not in realisasi.berkas and any(p.exists() for p in period_file):
            continue  # the period's YAML itself is broken; that error is already reported
        if not _PERIODE.match(path.parent.name) or path.parent.name not in realisasi.berkas:
            kumpulan.warn(
                "R012",
                f"folder {path.parent.name}/ tidak punya berkas "
                f"{path.parent.name}.yaml; rekaman ini tidak dibaca",
                path,
            )
        else:
            kumpulan.warn(
                "R011",
                f"berkas CSV tidak dirujuk formula indikator mana pun di targets-{tahun}.yaml",
                path,
            )


def _riwayat_bertentangan(
    akar: _Akar, rencana: RencanaKerja, positions: Positions
) -> list[DataError]:
    """R223: a ``riwayat`` entry a year's own realisasi files contradict.

    ``capaian`` of that year reads the files, ``tren`` used to show the history copy:
    the trend builder compares them (and uses the files), here each disagreement is
    warned at the history entry.
    """
    from renja_cli.laporan.tren import susun_tren

    years = set(akar.realisasi)
    warnings: list[DataError] = []
    for i, sk in enumerate(rencana.sasaran):
        for j, ind in enumerate(sk.indikator):
            if not any(tahun in years and tahun < rencana.tahun for tahun in ind.riwayat):
                continue  # no earlier year with its own files: nothing to contradict
            try:
                tren = susun_tren(DataSource(akar.root, "validasi"), ind.kode)
            except RenjaError:
                continue  # the years' own problems are reported with those years
            for k in tren.konflik:
                if (k.tahun_rencana, k.kode) != (rencana.tahun, ind.kode):
                    continue
                path = ("sasaran", i, "indikator", j, "riwayat", k.tahun, "realisasi")
                warnings.append(
                    DataError(
                        k.uraian(),
                        positions.locate(path),
                        field=f"{ind.kode} → riwayat.{k.tahun}",
                        code="R223",
                    )
                )
    return warnings


def _tanpa_baris(path: Path, kumpulan: _Kumpulan) -> None:
    """A record file with its header only (R314): an export that came out empty reads as
    'no data' (or 0 of 44 instansi) without anyone having decided so."""
    if path.suffix.casefold() != ".csv":
        return
    try:
        first = next(iter(buka_csv(path).rows()), None)
    except RenjaError:
        return  # its problem is reported where the formula reads it
    if first is None:
        kumpulan.warn(
            "R314",
            "berkas rekaman hanya berisi judul kolom: dihitung tanpa catatan (belum ada data, "
            "atau setiap instansi tidak memenuhi); isi barisnya atau hapus berkasnya",
            path,
            1,
        )


def _periksa_realisasi(ctx: Konteks, kumpulan: _Kumpulan) -> None:
    """Every indicator at every period: the rules every command applies, collected.

    For each period the figure is combined as ``capaian --triwulan N`` would
    combine it (the year-end file on its own), and :func:`periksa` checks it.
    """
    order = [p for p in SEMUA_PERIODE if p in ctx.realisasi.berkas]
    both = "tw4" in ctx.realisasi.berkas and "tahunan" in ctx.realisasi.berkas
    for _, ind in ctx.rencana.indikator():
        try:
            aturan = ctx.aturan(ind)
        except RenjaError:
            continue  # an unknown scale, reported with the targets file
        read: list[tuple[str, HasilPeriode]] = []
        akhir = NilaiRealisasi(None)  # the year-end file's figure, if it gives one
        for periode in order:
            try:
                h = ctx.hasil(ind, periode)
            except RenjaError as exc:
                kumpulan.error(exc)
                continue
            if h is None:
                continue
            if periode == "tahunan":
                real = gabung_indikator(ind, [(periode, h)])
            else:
                read.append((periode, h))
                real = gabung_indikator(ind, read)
            # this period's own figures, then the figure as capaian --triwulan would
            # combine it, whatever an earlier period already broke
            for problem in periksa_periode(ind, periode, h, aturan):
                kumpulan.error(problem)
            if not ctx.realisasi.gabungan_utuh(ind.periode, periode):
                continue
            for problem in periksa_gabungan(ind, aturan, real):
                kumpulan.error(problem)
            if periode == "tahunan":
                akhir = real
        if both and read and ctx.realisasi.gabungan_utuh(ind.periode, "tw4"):
            _tw4_tahunan(ctx, ind, gabung_indikator(ind, read), akhir, kumpulan)


def _tw4_tahunan(
    ctx: Konteks, ind: Indikator, tw4: NilaiRealisasi, tahunan: NilaiRealisasi, kumpulan: _Kumpulan
) -> None:
    """tw4.yaml beside tahunan.yaml: the year-end figure comes from tahunan.yaml alone
    (``capaian --triwulan 4``), so a figure only in tw4.yaml, or a different one, is
    pointed out (R222)."""
    if "tw4" not in tw4.dipakai or tw4.nilai is None:
        return  # nothing of the fourth quarter's own for this indicator
    where = ctx.realisasi.lokasi("tahunan", "realisasi", ind.kode)
    if tahunan.nilai is None:
        pesan = (
            f"{ind.kode} ada di tw4.yaml ({_angka(tw4.nilai, ind)}) tetapi tidak di tahunan.yaml; "
            "capaian akhir tahun memakai tahunan.yaml saja: belum ada data"
        )
    elif abs(tahunan.nilai - tw4.nilai) > 1e-9 * max(1.0, abs(tw4.nilai)):
        pesan = (
            f"{ind.kode}: s.d. TW IV {_angka(tw4.nilai, ind)} tetapi tahunan.yaml "
            f"{_angka(tahunan.nilai, ind)}; capaian akhir tahun memakai tahunan.yaml"
        )
    else:
        return
    kumpulan.add(Masalah("peringatan", "R222", pesan, where.path, where.line, where.column))


def _angka(value: float, ind: Indikator) -> str:
    from renja_cli.numbers import format_value

    return format_value(value, ind.persen)

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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from renja_cli import bacaan
from renja_cli.errors import DataErrors, Location, RenjaError, UsageError

if TYPE_CHECKING:
    from renja_cli.engine import Konteks
    from renja_cli.formulas import HasilPeriode
    from renja_cli.loading import Referensi
    from renja_cli.models import Indikator, RencanaKerja

Tingkat = Literal["galat", "peringatan"]

_TARGETS = re.compile(r"^targets-(\d{4})\.ya?ml$")
_PERIODE = re.compile(r"^(tw[1-4]|tahunan)$")


@dataclass(frozen=True)
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
        return cls(
            tingkat, err.code or "R100", err.message, loc.path, loc.line, loc.column, err.field
        )


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


def _files(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for p in paths:
        bacaan.catat_folder(p)  # cache hook: every file under p matters to validasi
        if not p.exists():
            raise UsageError(f"'{p}' tidak ditemukan")
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if f.is_file() and not any(
                    part.startswith(".") or part == "__pycache__" for part in rel
                ):
                    found.append(f)
        else:
            found.append(p)
    return list(dict.fromkeys(found))


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
        match = _TARGETS.match(f.name)
        parents = f.parents
        if match:
            akar(f.parent).targets[int(match.group(1))] = f
        elif f.name in {"instansi.yaml", "skala.yaml"}:
            akar(f.parent).referensi.append(f)
        elif (
            f.suffix in {".yaml", ".yml"}
            and len(parents) >= 3
            and parents[1].name == "realisasi"
            and parents[0].name.isdigit()
        ):
            akar(parents[2]).realisasi.setdefault(int(parents[0].name), []).append(f)
        elif (
            f.suffix == ".csv"
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
    files = _files(paths)
    hasil.berkas = files
    for akar in _classify(files, kumpulan).values():
        _periksa_akar(akar, kumpulan)
    return hasil


def _periksa_akar(akar: _Akar, kumpulan: _Kumpulan) -> None:
    from renja_cli.loading import Referensi

    referensi = Referensi(akar.root)
    for path in akar.referensi:
        try:
            _ = referensi.instansi if path.name == "instansi.yaml" else referensi.daftar_skala
        except RenjaError as exc:
            kumpulan.error(exc)
    years = sorted(set(akar.targets) | set(akar.realisasi) | set(akar.rekaman))
    for tahun in years:
        _periksa_tahun(akar, tahun, referensi, kumpulan)


def _periksa_tahun(akar: _Akar, tahun: int, referensi: Referensi, kumpulan: _Kumpulan) -> None:
    from renja_cli.engine import Konteks
    from renja_cli.loading import DataSource, load_realisasi, read_rencana

    target = akar.targets.get(tahun) or next(
        (
            p
            for p in (akar.root / f"targets-{tahun}.yaml", akar.root / f"targets-{tahun}.yml")
            if p.exists()
        ),
        None,
    )
    if target is None:
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
    try:
        rencana, _ = read_rencana(target)
    except RenjaError as exc:
        kumpulan.error(exc)
        return
    kumpulan.hasil.indikator += sum(len(sk.indikator) for sk in rencana.sasaran)
    _periksa_rujukan(rencana, referensi, target, kumpulan)
    source = DataSource(akar.root, "validasi")
    problems: list[RenjaError] = []
    realisasi = load_realisasi(source, rencana, problems)
    for problem in problems:
        kumpulan.error(problem)
    ctx = Konteks(source, rencana, realisasi, referensi)
    _periksa_realisasi(ctx, kumpulan)
    used: set[Path] = set()
    for periode in realisasi.berkas:
        folder = realisasi.folder(periode)
        if folder is None:
            continue
        for _, ind in rencana.indikator():
            for name in _berkas_formula(ind):
                used.add((folder / name).resolve())
    for path in akar.rekaman.get(tahun, []):
        if path.resolve() in used:
            continue
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


def _berkas_formula(ind: Indikator) -> list[str]:
    f = ind.formula
    if f.jenis in {"persentase_instansi", "arsip_digital"}:
        return [f.berkas]
    if f.jenis == "rasio" and f.berkas:
        return [f.berkas]
    if f.jenis == "rata_rata":
        return [k.berkas for k in f.komponen if k.berkas]
    return []


def _periksa_rujukan(
    rencana: RencanaKerja, referensi: Referensi, target: Path, kumpulan: _Kumpulan
) -> None:
    """Targets within range, and the scales and predicates formulas name exist."""
    from renja_cli.models import as_target

    for _, ind in rencana.indikator():
        rentang = ind.rentang_nilai
        for name, entry in ind.target.items():
            spec = as_target(entry)
            for value in (spec.nilai, spec.min, spec.maks):
                if value is not None and rentang is not None and not rentang.memuat(value):
                    kumpulan.add(
                        Masalah(
                            "galat",
                            "R207",
                            f"target {name} {value:g} di luar rentang "
                            f"{rentang.min:g}-{rentang.maks:g}",
                            target,
                            None,
                            None,
                            f"{ind.kode} → target.{name}",
                        )
                    )
        f = ind.formula
        if f.jenis == "persentase_instansi" and f.kriteria.jenis == "predikat":
            try:
                skala = referensi.skala(f.kriteria.skala, target)
                if skala.peringkat(f.kriteria.minimal) is None:
                    pilihan = ", ".join(p.kode for p in skala.predikat)
                    kumpulan.add(
                        Masalah(
                            "galat",
                            "R307",
                            f"predikat '{f.kriteria.minimal}' tidak ada di skala "
                            f"{f.kriteria.skala} (pilihan: {pilihan})",
                            target,
                            bidang=f"{ind.kode} → formula.kriteria.minimal",
                        )
                    )
            except RenjaError as exc:
                kumpulan.add(
                    Masalah(
                        "galat",
                        exc.code or "R307",
                        exc.message,
                        target,
                        bidang=f"{ind.kode} → formula.kriteria.skala",
                    )
                )


def _periksa_realisasi(ctx: Konteks, kumpulan: _Kumpulan) -> None:
    """Every period of every indicator: records read, values within range."""
    from renja_cli.formulas import nilai_periode
    from renja_cli.loading import PERIODE_URUT, location_of

    order = [p for p in (*PERIODE_URUT, "tahunan") if p in ctx.realisasi.berkas]
    for _, ind in ctx.rencana.indikator():
        pembilang = penyebut = 0.0
        cumulative = ind.periode == "kumulatif" and ind.formula.jenis == "rasio"
        for periode in order:
            entry = ctx.realisasi.berkas[periode].realisasi.get(ind.kode)
            try:
                hasil = nilai_periode(ctx, ind, periode, entry)
            except RenjaError as exc:
                kumpulan.error(exc)
                continue
            if hasil is None or not hasil.tersedia:
                continue
            where = location_of(ctx.realisasi, periode, "realisasi", ind.kode)
            rentang = ind.rentang_nilai
            value = hasil.nilai_akhir(ind)
            if value is not None and rentang is not None and not rentang.memuat(value):
                kumpulan.add(
                    Masalah(
                        "galat",
                        "R207",
                        f"realisasi {value:g} di luar rentang {rentang.min:g}-{rentang.maks:g}",
                        where.path,
                        where.line,
                        where.column,
                        ind.kode,
                    )
                )
            if ind.formula.jenis == "rata_rata":
                _periksa_komponen(ctx, ind, periode, hasil, kumpulan)
            if cumulative and periode != "tahunan" and hasil.pembilang is not None:
                pembilang += hasil.pembilang
                penyebut = (
                    hasil.penyebut or 0
                    if hasil.penyebut_stok
                    else (penyebut + (hasil.penyebut or 0))
                )
                if pembilang > penyebut:
                    kumpulan.add(
                        Masalah(
                            "galat",
                            "R206",
                            f"pembilang kumulatif {pembilang:g} melebihi penyebut "
                            f"kumulatif {penyebut:g} s.d. {periode}",
                            where.path,
                            where.line,
                            where.column,
                            ind.kode,
                        )
                    )


def _periksa_komponen(
    ctx: Konteks, ind: Indikator, periode: str, hasil: HasilPeriode, kumpulan: _Kumpulan
) -> None:
    from renja_cli.loading import location_of
    from renja_cli.records import RincianKomponen

    assert ind.formula.jenis == "rata_rata"
    for komponen in ind.formula.komponen:
        if komponen.rentang is None:
            continue
        value = hasil.komponen.get(komponen.kode)
        detail = hasil.rincian.get(komponen.kode) if isinstance(hasil.rincian, dict) else None
        if isinstance(detail, RincianKomponen):
            for (kegiatan, nilai), line in zip(detail.kegiatan, detail.baris, strict=True):
                if not komponen.rentang.memuat(nilai):
                    kumpulan.add(
                        Masalah(
                            "galat",
                            "R207",
                            f"nilai {nilai:g} ({kegiatan}) di luar rentang "
                            f"{komponen.rentang.min:g}-{komponen.rentang.maks:g}",
                            detail.berkas,
                            line,
                            None,
                            f"{ind.kode} → {komponen.kode}",
                        )
                    )
        elif value is not None and not komponen.rentang.memuat(value):
            where = location_of(
                ctx.realisasi, periode, "realisasi", ind.kode, "komponen", komponen.kode
            )
            kumpulan.add(
                Masalah(
                    "galat",
                    "R207",
                    f"nilai {value:g} di luar rentang "
                    f"{komponen.rentang.min:g}-{komponen.rentang.maks:g}",
                    where.path,
                    where.line,
                    where.column,
                    f"{ind.kode} → komponen.{komponen.kode}",
                )
            )

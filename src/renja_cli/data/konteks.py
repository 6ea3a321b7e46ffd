"""Everything loaded once for a year: plan, realisasi, reference data."""

from __future__ import annotations

from pathlib import Path

from renja_cli import bacaan
from renja_cli.cache_berkas import ingat
from renja_cli.data.baca import RealisasiTahun, load_realisasi, read_rencana
from renja_cli.data.folder import DataSource, target_path
from renja_cli.data.referensi import Referensi
from renja_cli.errors import DataError, Location, raise_all
from renja_cli.formula import hitung_periode
from renja_cli.formula.hasil import HasilPeriode
from renja_cli.formula.instansi import periksa_kriteria
from renja_cli.hitung.capaian import AturanCapaian, aturan_indikator
from renja_cli.io.yamlfile import Positions
from renja_cli.model.dasar import Pengaturan, as_target
from renja_cli.model.referensi import Skala
from renja_cli.model.rencana import Indikator, RencanaKerja


class Konteks:
    """A year's data, read once; per-period results are computed once and kept."""

    def __init__(
        self,
        source: DataSource,
        rencana: RencanaKerja,
        realisasi: RealisasiTahun,
        referensi: Referensi,
        path: Path | None = None,
        positions: Positions | None = None,
    ) -> None:
        self.source = source
        self.rencana = rencana
        self.realisasi = realisasi
        self.referensi = referensi
        self.path = path
        self.positions = positions
        self._hasil: dict[tuple[str, str], HasilPeriode | None] = {}
        self._lingkup: list[tuple[str, tuple[str, ...]]] = []
        """The entry each running formula's cached result is keyed by (see ``hasil``)."""
        self._aturan: dict[str, AturanCapaian] = {}

    @classmethod
    def muat(cls, source: DataSource, tahun: int) -> Konteks:
        """Read and check a year; any problem is raised as ``validasi`` reports it."""
        path = target_path(source.root, tahun)
        rencana, positions = read_rencana(path)
        referensi = Referensi(source.root)
        raise_all(periksa_rujukan(rencana, positions, referensi))
        realisasi = load_realisasi(source.root, rencana)
        return cls(source, rencana, realisasi, referensi, path, positions)

    # --- what formulas read (formula.hasil.KonteksFormula) ---
    @property
    def tahun(self) -> int:
        return self.rencana.tahun

    @property
    def pengaturan(self) -> Pengaturan:
        return self.rencana.pengaturan

    def folder(self, periode: str) -> Path | None:
        return self.realisasi.folder(periode)

    def lokasi(self, periode: str, *loc: str | int) -> Location:
        if self._lingkup:
            lingkup = self._lingkup[-1]
            if lingkup[0] != periode or loc[: len(lingkup[1])] != lingkup[1]:
                path = self.realisasi.paths.get(periode)
                if path is not None:  # outside the entry its key covers: the whole file
                    bacaan.catat(path)
        return self.realisasi.lokasi(periode, *loc)

    # --- rules ---
    def aturan(self, ind: Indikator) -> AturanCapaian:
        """The indicator's capaian settings, with its grade scale when it has one."""
        found = self._aturan.get(ind.kode)
        if found is None:
            skala = self.referensi.skala(ind.skala, self.path) if ind.skala else None
            found = self._aturan[ind.kode] = aturan_indikator(self.pengaturan, ind, skala)
        return found

    @property
    def skala_capaian(self) -> Skala | None:
        """The office's predikat scale for capaian (``pengaturan.skala_capaian``)."""
        nama = self.pengaturan.skala_capaian
        if nama is None:
            return None
        found = self.referensi.skala(nama, self.path)
        return found if isinstance(found, Skala) else None

    # --- results ---
    def hasil(self, ind: Indikator, periode: str) -> HasilPeriode | None:
        """One period's result for ``ind`` (records are read once per command)."""
        key = (ind.kode, periode)
        if key not in self._hasil:
            entry = self.realisasi.berkas[periode].realisasi.get(ind.kode)
            path = self.realisasi.paths.get(periode)
            folder = self.folder(periode)

            lingkup = ("realisasi", ind.kode)

            def hitung() -> HasilPeriode | None:
                if folder is not None:
                    bacaan.catat_folder(folder)  # record files added, removed or changed
                self._lingkup.append((periode, lingkup))
                try:
                    return hitung_periode(self, ind.kode, ind.formula, periode, entry)
                finally:
                    self._lingkup.pop()

            # everything a formula reads besides files (formula.hasil.KonteksFormula);
            # positions of its own entry only, so an edit to another indicator in the
            # same file leaves this result cached (``lokasi`` records the whole file
            # if a formula asks for a place outside the entry); as text, for a
            # cheaper key: strings and numbers only, their repr is the same everywhere
            positions = self.realisasi.positions.get(periode)
            penanda = repr(positions.marks_for(lingkup)) if positions is not None else None
            bagian: tuple[object, ...] = (ind.kode, periode, self.tahun, ind.formula, entry)
            bagian += (self.pengaturan, str(path), str(folder), str(self.referensi.root))
            bagian += (penanda,)
            self._hasil[key] = ingat("hasil", bagian, hitung)
        return self._hasil[key]


def periksa_rujukan(
    rencana: RencanaKerja, positions: Positions, referensi: Referensi
) -> list[DataError]:
    """The populations, scales, predicates, grades and archive schemes the plan names
    exist (R307, R218)."""
    from renja_cli.formula.arsip import FormulaArsipDigital, periksa_skema
    from renja_cli.formula.instansi import FormulaPersentaseInstansi

    errors: list[DataError] = []

    def err(exc: DataError, where: Location, field: str) -> None:
        if exc.code not in {"R307", "R218"}:
            errors.append(exc)  # the reference file itself is broken
        else:
            errors.append(DataError(exc.message, where, field=field, code=exc.code))

    nama = rencana.pengaturan.skala_capaian
    if nama is not None:
        where = positions.locate(("pengaturan", "skala_capaian"))
        try:
            found = referensi.skala(nama, where.path)
            if not isinstance(found, Skala):
                raise DataError(
                    f"skala_capaian '{nama}' harus skala berpita angka (predikat), bukan ordinal",
                    code="R307",
                )
        except DataError as exc:
            err(exc, where, "pengaturan.skala_capaian")
    for i, sk in enumerate(rencana.sasaran):
        for j, ind in enumerate(sk.indikator):
            at = ("sasaran", i, "indikator", j)
            f = ind.formula
            if isinstance(f, FormulaArsipDigital):
                where = positions.locate((*at, "formula", "skema"))
                try:
                    periksa_skema(_Rujukan(rencana, referensi), f, where.path)
                except DataError as exc:
                    err(exc, where, f"{ind.kode} → formula")
            if isinstance(f, FormulaPersentaseInstansi):
                where = positions.locate((*at, "formula", "kriteria"))
                try:
                    periksa_kriteria(_Rujukan(rencana, referensi), f, where.path)
                except DataError as exc:
                    err(exc, where, f"{ind.kode} → formula.kriteria")
            if ind.skala is None:
                continue
            where = positions.locate((*at, "skala"))
            try:
                skala = referensi.skala(ind.skala, where.path)
            except DataError as exc:
                err(exc, where, f"{ind.kode} → skala")
                continue
            for name, entry in ind.target.items():
                spec = as_target(entry)
                if (
                    spec is not None
                    and spec.predikat is not None
                    and skala.peringkat(spec.predikat) is None
                ):
                    errors.append(
                        DataError(
                            f"predikat target '{spec.predikat}' tidak ada di skala "
                            f"{ind.skala} (pilihan: {', '.join(skala.kode_urut)})",
                            positions.locate((*at, "target", name)),
                            field=f"{ind.kode} → target.{name}",
                            code="R218",
                        )
                    )
    return errors


class _Rujukan:
    """The part of a context ``periksa_kriteria`` needs, before realisasi is read."""

    def __init__(self, rencana: RencanaKerja, referensi: Referensi) -> None:
        self.rencana = rencana
        self.referensi = referensi

    @property
    def tahun(self) -> int:
        return self.rencana.tahun

    @property
    def pengaturan(self) -> Pengaturan:
        return self.rencana.pengaturan

    def folder(self, periode: str) -> Path | None:
        return None

    def lokasi(self, periode: str, *loc: str | int) -> Location:
        return Location()

"""Everything loaded once for a year: plan, realisasi, reference data."""

from __future__ import annotations

from pathlib import Path

from renja_cli.data.baca import RealisasiTahun, load_realisasi, read_rencana
from renja_cli.data.folder import DataSource, target_path
from renja_cli.data.referensi import Referensi
from renja_cli.errors import DataError, Location, raise_all
from renja_cli.formula import hitung_periode
from renja_cli.formula.hasil import HasilPeriode
from renja_cli.formula.instansi import periksa_kriteria
from renja_cli.io.yamlfile import Positions
from renja_cli.model.dasar import Pengaturan
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
        return self.realisasi.lokasi(periode, *loc)

    # --- results ---
    def hasil(self, ind: Indikator, periode: str) -> HasilPeriode | None:
        """One period's result for ``ind`` (records are read once per command)."""
        key = (ind.kode, periode)
        if key not in self._hasil:
            entry = self.realisasi.berkas[periode].realisasi.get(ind.kode)
            self._hasil[key] = hitung_periode(self, ind.kode, ind.formula, periode, entry)
        return self._hasil[key]


def periksa_rujukan(
    rencana: RencanaKerja, positions: Positions, referensi: Referensi
) -> list[DataError]:
    """The populations, scales, predicates and archive schemes formulas name exist (R307)."""
    from renja_cli.formula.arsip import FormulaArsipDigital, periksa_skema
    from renja_cli.formula.instansi import FormulaPersentaseInstansi

    errors: list[DataError] = []
    for i, sk in enumerate(rencana.sasaran):
        for j, ind in enumerate(sk.indikator):
            f = ind.formula
            if isinstance(f, FormulaArsipDigital):
                where = positions.locate(("sasaran", i, "indikator", j, "formula", "skema"))
                try:
                    periksa_skema(_Rujukan(rencana, referensi), f, where.path)
                except DataError as exc:
                    if exc.code != "R307":
                        errors.append(exc)
                        continue
                    errors.append(
                        DataError(exc.message, where, field=f"{ind.kode} → formula", code="R307")
                    )
                continue
            if not isinstance(f, FormulaPersentaseInstansi):
                continue
            where = positions.locate(("sasaran", i, "indikator", j, "formula", "kriteria"))
            try:
                periksa_kriteria(_Rujukan(rencana, referensi), f, where.path)
            except DataError as exc:
                if exc.code != "R307":
                    errors.append(exc)  # the reference file itself is broken
                    continue
                errors.append(
                    DataError(
                        exc.message, where, field=f"{ind.kode} → formula.kriteria", code="R307"
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

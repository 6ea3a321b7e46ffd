"""Find the data folder and load the target and realisasi files of a year."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from renja_cli import bacaan
from renja_cli.errors import DataError, DataErrors, Location, RenjaError, UsageError
from renja_cli.models import BerkasRealisasi, DaftarInstansi, DaftarSkala, RencanaKerja, Skala
from renja_cli.validation import validate
from renja_cli.yamlio import Positions, load_file

if TYPE_CHECKING:
    from renja_cli.records import PencariInstansi

ENV_DATA = "RENJA_DATA"
PERIODE_URUT = ("tw1", "tw2", "tw3", "tw4")
_TARGET_NAME = re.compile(r"^targets-(\d{4})\.ya?ml$")


@dataclass(frozen=True)
class DataSource:
    """A data folder and how it was chosen (shown to the user)."""

    root: Path
    origin: str

    def __post_init__(self) -> None:
        bacaan.catat_folder(self.root)  # cache hook: a new or removed file invalidates

    def describe(self) -> str:
        return f"{self.root.resolve()} ({self.origin})"


def _bundled() -> Path | None:
    """The data shipped in the wheel, or the repo's data/ in a source checkout."""
    from importlib import resources  # only when no data folder was given

    packaged = Path(str(resources.files("renja_cli"))) / "_data"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[2] / "data"
    return source_tree if source_tree.is_dir() else None


def resolve_data_dir(option: Path | None = None) -> DataSource:
    """``--data`` wins, then ``$RENJA_DATA``, then ``./data``, then the bundled data."""
    if option is not None:
        if not option.is_dir():
            raise UsageError(f"folder data '{option}' tidak ditemukan (opsi --data)")
        return DataSource(option, "opsi --data")
    env = os.environ.get(ENV_DATA)
    if env:
        path = Path(env)
        if not path.is_dir():
            raise UsageError(f"folder data '{env}' tidak ditemukan (variabel {ENV_DATA})")
        return DataSource(path, f"variabel {ENV_DATA}")
    local = Path("data")
    bacaan.catat_folder(local)  # cache hook: creating ./data changes the choice
    if local.is_dir() and any(local.glob("targets-*.y*ml")):
        return DataSource(local, "folder ./data")
    bundled = _bundled()
    if bundled is None:  # pragma: no cover - only a broken install gets here
        raise UsageError("tidak ada folder data; beri --data FOLDER atau set RENJA_DATA")
    return DataSource(bundled, "data bawaan paket")


def available_years(root: Path) -> list[int]:
    years = []
    for path in root.glob("targets-*.y*ml"):
        match = _TARGET_NAME.match(path.name)
        if match:
            years.append(int(match.group(1)))
    return sorted(years)


def target_path(root: Path, tahun: int) -> Path:
    for suffix in (".yaml", ".yml"):
        path = root / f"targets-{tahun}{suffix}"
        if path.exists():
            return path
    years = available_years(root)
    known = ", ".join(map(str, years)) if years else "tidak ada"
    raise UsageError(
        f"tidak ada berkas targets-{tahun}.yaml di {root}; tahun yang tersedia: {known}"
    )


def periksa_rencana(rencana: RencanaKerja, positions: Positions) -> list[DataError]:
    """Rules across the whole plan, each located at the value that breaks it."""
    errors: list[DataError] = []

    def err(code: str, message: str, *loc: str | int, field: str | None = None) -> None:
        errors.append(DataError(message, positions.locate(loc), field=field, code=code))

    seen: dict[str, str] = {}
    known = {t.kode for t in rencana.sasaran_program} | {t.kode for t in rencana.sasaran_strategis}
    utama = rencana.pengaturan.target_utama
    for i, sk in enumerate(rencana.sasaran):
        if sk.kode in seen:
            err(
                "R210",
                f"kode {sk.kode} ganda (juga dipakai {seen[sk.kode]})",
                "sasaran",
                i,
                "kode",
                field=sk.kode,
            )
        seen.setdefault(sk.kode, "sasaran lain")
        if known and sk.induk is not None and sk.induk not in known:
            err(
                "R212",
                f"induk {sk.induk} tidak ada di sasaran_program/sasaran_strategis",
                "sasaran",
                i,
                "induk",
                field=sk.kode,
            )
        for j, ind in enumerate(sk.indikator):
            where = ("sasaran", i, "indikator", j)
            if ind.kode in seen:
                err(
                    "R210",
                    f"kode indikator {ind.kode} ganda (sudah ada di {seen[ind.kode]}); "
                    "setiap indikator berada di tepat satu sasaran",
                    *where,
                    "kode",
                    field=ind.kode,
                )
            seen.setdefault(ind.kode, sk.kode)
            if not ind.kode.startswith(rencana.jenis_indikator + "."):
                err(
                    "R213",
                    f"kode indikator tahun {rencana.tahun} harus berawalan "
                    f"{rencana.jenis_indikator}.",
                    *where,
                    "kode",
                    field=ind.kode,
                )
            if utama not in ind.target:
                err(
                    "R213",
                    f"tidak punya target '{utama}' (pengaturan.target_utama)",
                    *where,
                    "target",
                    field=ind.kode,
                )
    if rencana.total_anggaran is not None:
        total = sum(sk.anggaran or 0 for sk in rencana.sasaran)
        if total != rencana.total_anggaran:
            err(
                "R211",
                f"total_anggaran {rencana.total_anggaran} ≠ jumlah anggaran sasaran {total}",
                "total_anggaran",
                field="total_anggaran",
            )
    return errors


def read_rencana(path: Path) -> tuple[RencanaKerja, Positions]:
    """Load and validate one targets file, keeping positions for later checks."""
    data, positions = load_file(path)
    rencana = validate(RencanaKerja, data, positions)
    errors = periksa_rencana(rencana, positions)
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(list(errors))
    match = _TARGET_NAME.match(path.name)
    if match and int(match.group(1)) != rencana.tahun:
        raise DataError(
            f"tahun {rencana.tahun} tidak sesuai nama berkas ({path.name})",
            positions.locate(("tahun",)),
            field="tahun",
            code="R201",
        )
    return rencana, positions


def load_rencana(source: DataSource, tahun: int) -> RencanaKerja:
    return read_rencana(target_path(source.root, tahun))[0]


@dataclass
class RealisasiTahun:
    """Every realisasi file of one year, by period name, with their folders."""

    tahun: int
    berkas: dict[str, BerkasRealisasi] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    positions: dict[str, Positions] = field(default_factory=dict)

    @property
    def contoh(self) -> bool:
        return any(b.contoh for b in self.berkas.values())

    def folder(self, periode: str) -> Path | None:
        """Folder of per-record CSV files of a period (``tw3.yaml`` → ``tw3/``)."""
        path = self.paths.get(periode)
        if path is None:
            return None
        return path.with_suffix("")

    def triwulan_tersedia(self) -> list[int]:
        return [i + 1 for i, name in enumerate(PERIODE_URUT) if name in self.berkas]


def read_realisasi(path: Path) -> tuple[BerkasRealisasi, Positions]:
    data, positions = load_file(path)
    return validate(BerkasRealisasi, data, positions), positions


def load_realisasi(
    source: DataSource, rencana: RencanaKerja, kumpulkan: list[RenjaError] | None = None
) -> RealisasiTahun:
    """Load ``realisasi/<tahun>/*.yaml`` and check each against the plan.

    With ``kumpulkan``, problems are appended there and every readable file is
    still returned (``validasi`` goes on checking); otherwise they are raised.
    """
    result = RealisasiTahun(rencana.tahun)
    folder = source.root / "realisasi" / str(rencana.tahun)
    if not folder.is_dir():
        return result
    errors: list[RenjaError] = []
    known = {ind.kode for _, ind in rencana.indikator()}
    known_sk = {sk.kode for sk in rencana.sasaran}
    for path in sorted(folder.glob("*.y*ml")):
        try:
            berkas, positions = read_realisasi(path)
        except DataErrors as exc:
            errors.extend(exc.errors)
            continue
        except DataError as exc:
            errors.append(exc)
            continue
        if path.stem != berkas.periode:
            errors.append(
                DataError(
                    f"periode '{berkas.periode}' tidak sesuai nama berkas ({path.name})",
                    positions.locate(("periode",)),
                    field="periode",
                    code="R202",
                )
            )
        if berkas.tahun != rencana.tahun:
            errors.append(
                DataError(
                    f"tahun {berkas.tahun} tidak sesuai folder realisasi/{rencana.tahun}",
                    positions.locate(("tahun",)),
                    field="tahun",
                    code="R201",
                )
            )
        for kode in berkas.realisasi:
            if kode not in known:
                errors.append(
                    DataError(
                        f"indikator {kode} tidak ada di targets-{rencana.tahun}.yaml",
                        positions.locate(("realisasi", kode)),
                        field=kode,
                        code="R203",
                    )
                )
        for kode in berkas.anggaran or {}:
            if kode not in known_sk:
                errors.append(
                    DataError(
                        f"sasaran {kode} tidak ada di targets-{rencana.tahun}.yaml",
                        positions.locate_key(("anggaran", kode)),
                        field=f"anggaran.{kode}",
                        code="R203",
                    )
                )
        result.berkas[berkas.periode] = berkas
        result.paths[berkas.periode] = path
        result.positions[berkas.periode] = positions
    if errors and kumpulkan is not None:
        kumpulkan.extend(errors)
    elif errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    return result


def location_of(realisasi: RealisasiTahun, periode: str, *loc: str | int) -> Location:
    positions = realisasi.positions.get(periode)
    if positions is None:
        return Location(realisasi.paths.get(periode))
    return positions.locate(loc)


class Referensi:
    """Reference data of a data folder (instansi, scales), loaded on first use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        bacaan.catat_folder(root)  # cache hook: a missing reference file may appear
        self._instansi: DaftarInstansi | None = None
        self._skala: DaftarSkala | None = None
        self._pencari: PencariInstansi | None = None

    def _read(self, name: str) -> tuple[object, Positions, Path]:
        path = self.root / name
        if not path.exists():
            raise DataError(
                f"berkas referensi {name} tidak ada di {self.root}", Location(path), code="R000"
            )
        data, positions = load_file(path)
        return data, positions, path

    @property
    def instansi(self) -> DaftarInstansi:
        if self._instansi is None:
            data, positions, _ = self._read("instansi.yaml")
            self._instansi = validate(DaftarInstansi, data, positions)
        return self._instansi

    @property
    def pencari(self) -> PencariInstansi:
        if self._pencari is None:
            from renja_cli.records import PencariInstansi

            self._pencari = PencariInstansi(self.instansi, self.root / "instansi.yaml")
        return self._pencari

    @property
    def daftar_skala(self) -> DaftarSkala:
        if self._skala is None:
            data, positions, _ = self._read("skala.yaml")
            self._skala = validate(DaftarSkala, data, positions)
        return self._skala

    def skala(self, nama: str, used_in: Path | None = None) -> Skala:
        found = self.daftar_skala.skala.get(nama)
        if found is None:
            pilihan = ", ".join(sorted(self.daftar_skala.skala))
            raise DataError(
                f"skala '{nama}' tidak ada di skala.yaml (pilihan: {pilihan})",
                Location(used_in),
                code="R307",
            )
        return found

"""Which data folder a command reads, and which years it holds."""

from __future__ import annotations

import os
import re
from pathlib import Path

from renja_cli import bacaan
from renja_cli.errors import Location, UsageError
from renja_cli.io.berkas import cari_peran, daftar_folder
from renja_cli.rekaman import dataclass

ENV_DATA = "RENJA_DATA"
_TARGET_NAME = re.compile(r"^targets-(\d{4})\.ya?ml$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DataSource:
    """A data folder and how it was chosen (shown to the user)."""

    root: Path
    origin: str

    def __post_init__(self) -> None:
        bacaan.catat_folder(self.root)  # cache: a new or removed file invalidates

    def describe(self) -> str:
        return f"{self.root.resolve()} ({self.origin})"

    @property
    def bawaan(self) -> bool:
        return self.origin == ASAL_BAWAAN


ASAL_BAWAAN = "data bawaan paket"


def _bundled() -> Path | None:
    """The data shipped in the wheel, or the repo's data/ in a source checkout."""
    from importlib import resources  # only when no data folder was given

    packaged = Path(str(resources.files("renja_cli"))) / "_data"
    if packaged.is_dir():
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "data"
    return source_tree if source_tree.is_dir() else None


def resolve_data_dir(option: Path | None = None) -> DataSource:
    """``--data`` wins, then ``$RENJA_DATA``, then ``./data``, then the bundled data."""
    if option is not None:
        if not option.is_dir():
            raise UsageError(
                f"folder data '{option}' tidak ditemukan (opsi --data)",
                Location(option),
                code="U002",
            )
        return DataSource(option, "opsi --data")
    env = os.environ.get(ENV_DATA)
    if env:
        path = Path(env)
        if not path.is_dir():
            raise UsageError(
                f"folder data '{env}' tidak ditemukan (variabel {ENV_DATA})",
                Location(path),
                code="U002",
            )
        return DataSource(path, f"variabel {ENV_DATA}")
    local = Path("data")
    bacaan.catat_folder(local)  # cache: creating ./data changes which folder is read
    if local.is_dir() and available_years(local):
        return DataSource(local, "folder ./data")
    bundled = _bundled()
    if bundled is None:  # pragma: no cover - only a broken install gets here
        raise UsageError(
            "tidak ada folder data; beri --data FOLDER atau set RENJA_DATA", code="U002"
        )
    return DataSource(bundled, ASAL_BAWAAN)


def available_years(root: Path) -> list[int]:
    years = set()
    for name in daftar_folder(root):
        match = _TARGET_NAME.match(name)
        if match:
            years.add(int(match.group(1)))
    return sorted(years)


def target_path(root: Path, tahun: int) -> Path:
    path = cari_peran(root, f"targets-{tahun}", (".yaml", ".yml"))
    if path is not None:
        return path
    years = available_years(root)
    known = ", ".join(map(str, years)) if years else "tidak ada"
    raise UsageError(
        f"tidak ada berkas targets-{tahun}.yaml di {root}; tahun yang tersedia: {known}",
        code="U002",
    )

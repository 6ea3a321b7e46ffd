"""Build small data folders for tests: a plan, its quarters, record files."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import DATA


def indikator(kode: str = "IKK.1", **fields: Any) -> dict[str, Any]:
    """An indicator with sensible defaults (percent, higher is better, target 50)."""
    base: dict[str, Any] = {
        "kode": kode,
        "nama": f"Indikator {kode}",
        "satuan": "persen",
        "target": {"pk": 50},
    }
    base.update(fields)
    return base


def folder(
    root: Path,
    indikator_list: list[dict[str, Any]],
    periode: dict[str, dict[str, Any]] | None = None,
    pengaturan: dict[str, Any] | None = None,
    rekaman: dict[str, dict[str, str]] | None = None,
    tahun: int = 2030,
    **plan: Any,
) -> Path:
    """Write ``targets-<tahun>.yaml``, one ``<periode>.yaml`` per quarter and its CSVs.

    ``periode`` maps ``tw1`` to the ``realisasi:`` mapping of that file;
    ``rekaman`` maps ``tw1`` to ``{file name: CSV text}``. Every quarter before the
    latest one given gets its file, with ``realisasi: {}`` when not given, as an
    office's folder has (a missing earlier quarter is R015).
    """
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "instansi.yaml", root / "instansi.yaml")
    shutil.copy(DATA / "skala.yaml", root / "skala.yaml")
    targets: dict[str, Any] = {
        "tahun": tahun,
        "kantor": "Kantor Uji",
        "jenis_indikator": "IKK",
        **plan,
        "sasaran": [
            {
                "kode": "SK.1",
                "nama": "Sasaran uji",
                "perspektif": "customer",
                "anggaran": 1000,
                "indikator": indikator_list,
            }
        ],
    }
    if pengaturan:
        targets["pengaturan"] = pengaturan
    tulis_yaml(root / f"targets-{tahun}.yaml", targets)
    periode = dict(periode or {})
    quarters = [p for p in ("tw1", "tw2", "tw3", "tw4") if p in periode]
    if quarters:
        for p in ("tw1", "tw2", "tw3", "tw4")[: int(quarters[-1][2:]) - 1]:
            periode.setdefault(p, {})
    for name, realisasi in sorted(periode.items()):
        tulis_yaml(
            root / "realisasi" / str(tahun) / f"{name}.yaml",
            {"tahun": tahun, "periode": name, "realisasi": realisasi},
        )
    for name, files in (rekaman or {}).items():
        target = root / "realisasi" / str(tahun) / name
        target.mkdir(parents=True, exist_ok=True)
        for file_name, text in files.items():
            (target / file_name).write_text(text, encoding="utf-8")
    return root


class _TanpaAlias(yaml.SafeDumper):
    """renja refuses YAML aliases, so a value used twice is written out twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def tulis_yaml(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(data, Dumper=_TanpaAlias, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")

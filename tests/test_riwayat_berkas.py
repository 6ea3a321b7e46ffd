"""A history entry (``riwayat``) and that year's own realisasi files never disagree silently.

``capaian --tahun 2024`` reads realisasi/2024/; ``tren`` showed a later plan's
``riwayat: {2024: …}`` copy instead, so the two commands printed different 2024
figures and ``validasi`` said nothing.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import DATA, InvokeResult

Renja = Callable[..., InvokeResult]

PENDAHULU = "        pendahulu: [IKU.8]   # IKU 2020-2024 yang diteruskan (renja tren)\n"


def _data(tmp_path: Path, realisasi: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    targets = data / "targets-2025.yaml"
    text = targets.read_text(encoding="utf-8")
    assert PENDAHULU in text
    history = f"        riwayat:\n          2024: {{realisasi: {realisasi}}}\n"
    targets.write_text(text.replace(PENDAHULU, PENDAHULU + history, 1), encoding="utf-8")
    return data


def _titik_2024(renja: Renja, data: Path) -> dict[str, object]:
    result = renja("tren", "IKK.9", "--data", str(data), "--format", "json")
    assert result.exit_code == 0, result.output
    return next(t for t in json.loads(result.stdout)["titik"] if t["tahun"] == 2024)


def _capaian_2024(renja: Renja, data: Path) -> object:
    result = renja("capaian", "--tahun", "2024", "--data", str(data), "--format", "json")
    return next(r["realisasi"] for r in json.loads(result.stdout) if r["kode"] == "IKU.8")


def test_tren_shows_the_years_own_figure_and_says_the_history_differs(
    renja: Renja, tmp_path: Path
) -> None:
    data = _data(tmp_path, "50")
    point = _titik_2024(renja, data)
    assert point["realisasi"] == _capaian_2024(renja, data) == 100.0
    assert "di targets-2025.yaml menulis realisasi 50" in str(point["catatan"])


def test_validasi_warns_at_the_history_entry(renja: Renja, tmp_path: Path) -> None:
    data = _data(tmp_path, "50")
    result = renja("validasi", str(data), "--format", "json")
    assert result.exit_code == 0  # a warning; --ketat fails on it
    found = [m for m in json.loads(result.stdout)["masalah"] if m["kode"] == "R223"]
    assert len(found) == 1
    lines = (data / "targets-2025.yaml").read_text(encoding="utf-8").splitlines()
    assert found[0]["baris"] is not None
    assert lines[found[0]["baris"] - 1].strip() == "2024: {realisasi: 50}"
    assert renja("validasi", str(data), "--ketat").exit_code == 1


def test_an_agreeing_history_copy_is_quiet(renja: Renja, tmp_path: Path) -> None:
    data = _data(tmp_path, "100.00")
    assert "R223" not in renja("validasi", str(data)).output
    point = _titik_2024(renja, data)
    assert point["realisasi"] == 100.0
    assert "di targets-2025.yaml" not in str(point["catatan"])

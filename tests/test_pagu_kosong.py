"""A pagu the targets file does not state is "—", never a stated Rp 0.

After ``renja init --kantor`` every ``anggaran`` is null; ``ringkasan`` summed the
missing pagu as 0 and printed "Pagu Rp 0" and a total of Rp 0.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import InvokeResult
from tests.pembangun import folder, indikator

Renja = Callable[..., InvokeResult]


def test_unstated_pagu_is_not_zero(renja: Renja, tmp_path: Path) -> None:
    root = folder(tmp_path / "data", [indikator()], {"tw1": {"IKK.1": {"nilai": 40}}})
    targets = root / "targets-2030.yaml"
    text = targets.read_text(encoding="utf-8")
    assert "anggaran: 1000" in text
    targets.write_text(text.replace("anggaran: 1000", "anggaran: null"), encoding="utf-8")
    args = ("ringkasan", "--tahun", "2030", "--data", str(root))
    data = json.loads(renja(*args, "--format", "json").stdout)
    assert data["anggaran"]["pagu"] is None
    table = renja(*args).stdout
    assert "Pagu — ·" in table and "pagu — ·" in table
    markdown = renja(*args, "--format", "markdown").stdout
    assert "| SK.1 | — |" in markdown and "| **Total** | — |" in markdown

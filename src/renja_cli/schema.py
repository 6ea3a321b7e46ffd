"""JSON Schema of the data files, generated from the pydantic models (one source of truth)."""

from __future__ import annotations

import json
from pathlib import Path

from renja_cli.errors import UsageError

SKEMA = {
    "targets": ("RencanaKerja", "Berkas targets-<tahun>.yaml (rencana kerja, target, formula)"),
    "realisasi": ("BerkasRealisasi", "Berkas realisasi/<tahun>/<periode>.yaml"),
    "instansi": ("DaftarInstansi", "Berkas instansi.yaml (populasi instansi)"),
    "skala": ("DaftarSkala", "Berkas skala.yaml (skala predikat)"),
}


def skema(jenis: str) -> dict[str, object]:
    from renja_cli import models

    if jenis not in SKEMA:
        raise UsageError(f"jenis skema '{jenis}' tidak dikenal; pilihan: {', '.join(SKEMA)}")
    name, title = SKEMA[jenis]
    model = getattr(models, name)
    schema: dict[str, object] = model.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://renja.example/schema/{jenis}.schema.json",
        **{k: v for k, v in schema.items() if k != "title"},
        "title": title,
    }


def skema_json(jenis: str) -> str:
    return json.dumps(skema(jenis), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def tulis_skema(folder: Path, jenis: str | None = None) -> list[Path]:
    """Write ``<jenis>.schema.json`` files, atomically, into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in [jenis] if jenis else list(SKEMA):
        assert name is not None
        text = skema_json(name)
        path = folder / f"{name}.schema.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        written.append(path)
    return written

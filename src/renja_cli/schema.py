"""JSON Schema of the data files, generated from the pydantic models (one source of truth)."""

from __future__ import annotations

import json
from pathlib import Path

from renja_cli.errors import Location, UsageError

SKEMA = {
    "targets": (
        "rencana",
        "RencanaKerja",
        "Berkas targets-<tahun>.yaml (rencana kerja, target, formula)",
    ),
    "realisasi": ("realisasi", "BerkasRealisasi", "Berkas realisasi/<tahun>/<periode>.yaml"),
    "instansi": ("referensi", "DaftarInstansi", "Berkas instansi.yaml (populasi instansi)"),
    "skala": ("referensi", "DaftarSkala", "Berkas skala.yaml (skala predikat)"),
}


def skema(jenis: str) -> dict[str, object]:
    import importlib

    if jenis not in SKEMA:
        raise UsageError(
            f"jenis skema '{jenis}' tidak dikenal; pilihan: {', '.join(SKEMA)}", code="U003"
        )
    module, name, title = SKEMA[jenis]
    model = getattr(importlib.import_module(f"renja_cli.model.{module}"), name)
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
    """Write ``<jenis>.schema.json`` files into ``folder`` (regenerating replaces them)."""
    from renja_cli.io.tulis import tulis_atomik

    if folder.exists() and not folder.is_dir():
        raise UsageError(
            f"'{folder}' bukan folder; --keluaran skema adalah folder tujuan",
            Location(folder),
            code="U004",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"folder '{folder}' tidak dapat dibuat: {exc.strerror}", Location(folder), code="U004"
        ) from None
    names = [jenis] if jenis else list(SKEMA)
    texts = {name: skema_json(name) for name in names}
    return [
        tulis_atomik(folder / f"{name}.schema.json", text.encode(), timpa=True)
        for name, text in texts.items()
    ]

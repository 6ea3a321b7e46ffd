"""IKM (Indeks Kepuasan Masyarakat) from raw survey responses, per PermenPANRB 14/2017.

A pure core: read exports (:func:`baca_survei`), compute (:func:`hitung_ikm`,
or both at once with :func:`ikm_dari_berkas`), then hand the
:class:`HasilIkm` to a renderer in :mod:`renja_cli.ikm.render`. Nothing here
prints. Problems are :class:`~renja_cli.errors.DataError` s coded R401–R424
(:data:`KODE_GALAT`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from renja_cli.ikm.baca import KolomUnsur, Responden, Survei, baca_survei, cocokkan_judul
    from renja_cli.ikm.galat import KODE_GALAT
    from renja_cli.ikm.hasil import (
        Dikecualikan,
        HasilIkm,
        HasilUnsur,
        Kelompok,
        Peringatan,
        Sampel,
        ke_dict,
    )
    from renja_cli.ikm.hitung import (
        Per,
        cari_berkas_survei,
        hitung_ikm,
        ikm_dari_berkas,
        sampel_minimal,
        tentukan_mutu,
    )
    from renja_cli.ikm.referensi import (
        BAWAAN,
        Bobot,
        Gabung,
        ReferensiSurvei,
        muat_penyesuaian,
        muat_referensi,
    )

_ASAL = {
    "KolomUnsur": "baca",
    "Responden": "baca",
    "Survei": "baca",
    "baca_survei": "baca",
    "cocokkan_judul": "baca",
    "KODE_GALAT": "galat",
    "Dikecualikan": "hasil",
    "HasilIkm": "hasil",
    "HasilUnsur": "hasil",
    "Kelompok": "hasil",
    "Peringatan": "hasil",
    "Sampel": "hasil",
    "ke_dict": "hasil",
    "Per": "hitung",
    "cari_berkas_survei": "hitung",
    "hitung_ikm": "hitung",
    "ikm_dari_berkas": "hitung",
    "sampel_minimal": "hitung",
    "tentukan_mutu": "hitung",
    "BAWAAN": "referensi",
    "Bobot": "referensi",
    "Gabung": "referensi",
    "ReferensiSurvei": "referensi",
    "muat_penyesuaian": "referensi",
    "muat_referensi": "referensi",
}
"""Where each public name lives: imported on first use, so reading a cached survey
reference (``ikm.referensi``) does not load the survey reader and calculator."""


def __getattr__(name: str) -> Any:
    modul = _ASAL.get(name)
    if modul is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{modul}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BAWAAN",
    "KODE_GALAT",
    "Bobot",
    "Dikecualikan",
    "Gabung",
    "HasilIkm",
    "HasilUnsur",
    "Kelompok",
    "KolomUnsur",
    "Per",
    "Peringatan",
    "ReferensiSurvei",
    "Responden",
    "Sampel",
    "Survei",
    "baca_survei",
    "cari_berkas_survei",
    "cocokkan_judul",
    "hitung_ikm",
    "ikm_dari_berkas",
    "ke_dict",
    "muat_penyesuaian",
    "muat_referensi",
    "sampel_minimal",
    "tentukan_mutu",
]

"""IKM (Indeks Kepuasan Masyarakat) from raw survey responses, per PermenPANRB 14/2017.

A pure core: read exports (:func:`baca_survei`), compute (:func:`hitung_ikm`,
or both at once with :func:`ikm_dari_berkas`), then hand the
:class:`HasilIkm` to a renderer in :mod:`renja_cli.ikm.render`. Nothing here
prints. Problems are :class:`~renja_cli.errors.DataError` s coded R401–R419
(:data:`KODE_GALAT`).
"""

from __future__ import annotations

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

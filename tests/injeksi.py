"""A copy of the fixture whose texts look like spreadsheet formulas."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA

RUMUS = '=HYPERLINK("http://contoh.invalid/x","klik")'
"""A narrative a spreadsheet would turn into a live link if written as a formula."""
TEKS_BERBAHAYA = (RUMUS, "+62 361 123", "-2 rencana aksi tertunda", "@SUM(A1:A2)")
NAMA_RUMUS = "=1+1 Nilai IKPA"
NAMA_INSTANSI = "=Kabupaten Badung"


def data_injeksi(root: Path) -> Path:
    """The fixture with formula-like kendala, rencana tindak lanjut and names."""
    target = root / "injeksi"
    shutil.copytree(DATA, target)
    tw3 = target / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text(encoding="utf-8")
    text = text.replace(
        "    kendala: Jadwal penilaian kompetensi bersama BKN Pusat baru terlaksana di akhir "
        "TW III.",
        "    kendala:\n" + "".join(f"      - '{t}'\n" for t in TEKS_BERBAHAYA),
    )
    text = text.replace(
        "    rencana_tindak_lanjut: Percepatan fasilitasi penilaian kompetensi metode CACT pada "
        "TW IV.",
        f"    rencana_tindak_lanjut: '{RUMUS}'",
    )
    tw3.write_text(text, encoding="utf-8")
    targets = target / "targets-2025.yaml"
    text = targets.read_text(encoding="utf-8")
    text = text.replace("nama_singkat: Nilai IKPA", f"nama_singkat: '{NAMA_RUMUS}'")
    text = text.replace(
        "nama_singkat: PNS yang telah dinilai kompetensinya", f"nama_singkat: '{RUMUS}'"
    )
    targets.write_text(text, encoding="utf-8")
    instansi = target / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    text = text.replace(
        "{kode: KAB-BADUNG, nama: Kabupaten Badung,",
        f"{{kode: KAB-BADUNG, nama: '{NAMA_INSTANSI}', alias: [Kabupaten Badung],",
    )
    instansi.write_text(text, encoding="utf-8")
    return target

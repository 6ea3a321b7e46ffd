"""The data against the seed: what it states is carried, what it does not is marked
or absent, and its conflicts are noted beside the value chosen (issue 11, part A).

Line numbers refer to the seed's OCR text (``/work/shared/seed``, DOMAIN.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from renja_cli.data.baca import read_rencana
from renja_cli.data.referensi import Referensi
from renja_cli.model.dasar import TargetSpec, as_list
from renja_cli.model.realisasi import BerkasRealisasi, BlokNarasi, SelTabel, TabelNarasi
from renja_cli.model.rencana import RencanaKerja
from tests.conftest import DATA

RENCANA = {tahun: read_rencana(DATA / f"targets-{tahun}.yaml")[0] for tahun in (2024, 2025)}
TAHUNAN = BerkasRealisasi.model_validate(
    yaml.safe_load((DATA / "realisasi" / "2024" / "tahunan.yaml").read_text()), strict=False
)


def _ind(tahun: int, kode: str):  # type: ignore[no-untyped-def]
    found = RENCANA[tahun].cari(kode)
    assert found is not None
    return found[1]


def _catatan(rencana: RencanaKerja, kode: str, target: str) -> str:
    entry = _ind(rencana.tahun, kode).target[target]
    assert isinstance(entry, TargetSpec)
    return " ".join(as_list(entry.catatan))


def _tabel(kode: str) -> list[TabelNarasi]:
    entry = TAHUNAN.realisasi[kode]
    return [
        b.tabel
        for part in entry.narasi().values()
        for b in part
        if isinstance(b, BlokNarasi) and b.tabel is not None
    ]


def test_target_triwulan_selalu_bertanda() -> None:
    """The seed states no quarterly target: each one carries its assumption."""
    for _, ind in RENCANA[2025].indikator():
        if ind.target_triwulan:
            assert "target_triwulan" in ind.tanda, ind.kode
            assert ind.tanda["target_triwulan"].asumsi, ind.kode


def test_renstra_2025_hanya_yang_tercetak() -> None:
    """IKK.1, 5, 9, 11, 12: no printed Renstra (Tabel 20, 24, 29, 31, 32), none in the data;
    the second unlabelled column of the others is read as Renstra and marked so."""
    for _, ind in RENCANA[2025].indikator():
        if ind.kode in {"IKK.1", "IKK.5", "IKK.9", "IKK.11", "IKK.12"}:
            assert "renstra" not in ind.target, ind.kode
        elif ind.kode == "IKK.2":  # 'sesuai target RENSTRA 2025-2029' (l.2559)
            assert ind.tanda_target("renstra") == ()
        else:
            assert [t.jenis for t in ind.tanda_target("renstra")] == ["asumsi"], ind.kode


def test_penanggung_jawab_hanya_yang_dinyatakan_atau_bertanda() -> None:
    stated = {"IKK.1", "IKK.2", "IKU.4"}
    for rencana in RENCANA.values():
        for _, ind in rencana.indikator():
            if not ind.penanggung_jawab:
                continue
            assert ind.kode in stated or ind.tanda_bidang("penanggung_jawab"), ind.kode
    tersirat = {
        ind.kode for _, ind in RENCANA[2024].indikator() if ind.tanda_bidang("penanggung_jawab")
    }
    assert tersirat == {"IKU.1", "IKU.7", "IKU.8"}


def test_contoh_ditandai_di_tempatnya() -> None:
    ikk10 = _ind(2025, "IKK.10")
    assert ikk10.formula.jenis == "rasio" and ikk10.formula.penyebut_tetap == 24
    assert ikk10.tanda["formula.penyebut_tetap"].contoh


def test_catatan_konflik_di_samping_nilai() -> None:
    r25 = RENCANA[2025]
    assert "2022" in " ".join(as_list(_ind(2024, "IKU.8").riwayat[2020].catatan))
    assert "2,2 poin" in " ".join(as_list(_ind(2024, "IKU.3").riwayat[2024].catatan))
    assert "94,55" in " ".join(as_list(TAHUNAN.realisasi["IKU.3"].keterangan))
    pk = _catatan(r25, "IKK.1", "pk")
    assert "Perjanjian Kinerja" in pk and "93" in pk
    sp12 = next(t for t in r25.sasaran_program if t.kode == "SP1.2")
    assert sp12.nama.endswith("berbasis mobilitas talenta")
    assert "berbasis talenta" in " ".join(as_list(sp12.catatan))
    ikd = Referensi(DATA).daftar_skala.skala["indeks_kualitas_data"]
    assert "75,00 ke bawah" in " ".join(as_list(ikd.catatan))
    assert "tumpang tindih" in " ".join(as_list(ikd.predikat[-1].catatan))
    assert _catatan(r25, "IKK.8", "pk").count("54,35") == 1


def test_perbaikan_teks() -> None:
    ikk6 = _ind(2025, "IKK.6")
    assert ikk6.nama.endswith("Kantor Regional X BKN Denpasar")
    assert "(kategori terisi)" in " ".join(as_list(ikk6.catatan))
    ikk3 = _catatan(RENCANA[2025], "IKK.3", "pk")
    assert "saat ini" in ikk3 and "akhir 2024" not in ikk3


def test_narasi_2024_setiap_iku() -> None:
    """Analysis for all 14 IKU; kendala and follow-up plan wherever the seed writes them."""
    assert len(TAHUNAN.realisasi) == 14
    for kode, entry in TAHUNAN.realisasi.items():
        parts = entry.narasi()
        assert "analisis" in parts and "upaya" in parts, kode
        assert ("kendala" in parts) == (kode != "IKU.5"), kode  # IKU 5: no kendala section
        assert ("rencana_tindak_lanjut" in parts) == (kode != "IKU.14"), kode
    tidak_ada = TAHUNAN.realisasi["IKU.7"].narasi()["kendala"]
    assert tidak_ada == ("Tidak terdapat kendala dalam pencapaian IKU ini, karena seluruh "
                         "layanan telah terfasilitasi melalui SIASN.",)  # fmt: skip


def test_tabel_naskah() -> None:
    (t4,) = _tabel("IKU.2")
    assert [r[:3] for r in t4.baris] == [
        ["PNS", 77.15, "Sedang"],
        ["PPPK", 72.95, "Sedang"],
        ["ASN", 76.72, "Sedang"],
    ]
    (t6,) = _tabel("IKU.3")
    assert len(t6.baris) == 9 and t6.baris[-1][1:] == ["TOTAL", 93.93]
    hilang = t6.baris[3][2]
    assert isinstance(hilang, SelTabel) and hilang.nilai is None and "95,07" in str(hilang.catatan)
    assert [r[2] for r in t6.baris[:3]] == [90.9, 95.01, 93.59]
    (register,) = _tabel("IKU.8")
    assert register.baris[-1] == ["Jumlah", None, 6, 6]
    assert sum(r[2] for r in register.baris[:-1]) == 6  # type: ignore[misc]
    (layanan,) = _tabel("IKU.7")
    assert len(layanan.baris) == 12
    (aplikasi,) = _tabel("IKU.10")
    assert [r[1] for r in aplikasi.baris][:3] == ["SAKTI", "SMART", "E-Monev"]
    assert len(aplikasi.baris) == 15


def test_riwayat_fragmen_tautan_dan_program() -> None:
    fragmen = {ind.kode: [f.target for f in ind.fragmen] for _, ind in RENCANA[2024].indikator()}
    assert fragmen["IKU.1"] == [[20, 47, 60]] and fragmen["IKU.2"] == [[85]]
    assert fragmen["IKU.6"] == [[85, 90, 95]] and fragmen["IKU.7"] == [[75, 84]]
    assert fragmen["IKU.8"] == [[30]]
    iku12 = _ind(2024, "IKU.12")
    assert isinstance(iku12.target["pk_2023"], TargetSpec) and iku12.target["pk_2023"].nilai == 80
    iku14 = _ind(2024, "IKU.14")
    assert [iku14.riwayat[y].realisasi for y in range(2020, 2025)] == [100] * 5
    assert iku14.tanda["riwayat"].turunan
    ikk1 = _ind(2025, "IKK.1")
    assert [(t.kode, t.hubungan) for t in ikk1.tautan] == [
        ("IKU.3", "berasal_dari"),
        ("IKU.4", "berasal_dari"),
    ]
    iku1 = _ind(2024, "IKU.1")
    assert {t.kode for t in iku1.tautan if t.hubungan == "digantikan_oleh"} == {"IKK.7", "IKK.8"}
    program = RENCANA[2025].program_prioritas
    assert len(program) == 8
    assert [p.anggaran for p in program] == ["Rp -"] * 5 + [None] + ["Rp -"] * 2


def test_skema_arsip_dari_data() -> None:
    skema = Referensi(DATA).arsip("dokumen_arsip")
    assert [d.kolom for d in skema.dokumen][:4] == [
        "daftar_riwayat_hidup",
        "sk_cpns",
        "sk_pns",
        "riwayat_pendidikan",
    ]
    assert [k.kode for k in skema.kategori] == ["lengkap", "terisi", "tersedia"]


def _ganti(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_aturan_kategori_arsip_dibaca_dari_skala(renja, data_copy: Path) -> None:
    """Changing the rule in skala.yaml changes IKK.6: the rule lives in the data."""

    def ikk6() -> float:
        import json

        result = renja("capaian", "--tahun", "2025", "--format", "json", "--data", str(data_copy))
        assert result.exit_code == 0, result.output
        return next(r for r in json.loads(result.stdout) if r["kode"] == "IKK.6")["realisasi"]

    before = ikk6()
    assert before == pytest.approx(27.9)
    _ganti(
        data_copy / "skala.yaml",
        "wajib: [daftar_riwayat_hidup, sk_cpns, sk_pns, riwayat_pendidikan]",
        "wajib: [daftar_riwayat_hidup, sk_cpns]",
    )
    assert ikk6() > before


@pytest.mark.parametrize(
    ("old", "new", "kode", "pesan"),
    [
        (
            "wajib: [daftar_riwayat_hidup, sk_cpns, sk_pns, riwayat_pendidikan]",
            "wajib: [daftar_riwayat_hidup, sk_cpns, sk_pns, ijazah]",
            "R307",
            "dokumen ijazah tidak ada",
        ),
        (
            "      - kode: tersedia\n        wajib: []",
            "      - kode: tersedia\n        wajib: [sk_cpns]",
            "R214",
            "tidak boleh mewajibkan",
        ),
        ("kategori_minimal: terisi", "kategori_minimal: penuh", "R307", "kategori 'penuh'"),
    ],
)
def test_skema_arsip_salah(
    renja, data_copy: Path, old: str, new: str, kode: str, pesan: str
) -> None:
    target = data_copy / ("targets-2025.yaml" if "minimal" in old else "skala.yaml")
    _ganti(target, old, new)
    result = renja("validasi", str(data_copy))
    assert result.exit_code == 1
    assert kode in result.stdout and pesan in result.stdout

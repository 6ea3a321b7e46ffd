"""Realisasi formed from records: each formula kind on hand-checked data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from renja_cli.data.referensi import Referensi
from renja_cli.formula.arsip import kategori_arsip
from renja_cli.model.referensi import DaftarSkala, Skala
from tests.conftest import DATA

INSTANSI = [i["kode"] for i in yaml.safe_load((DATA / "instansi.yaml").read_text())["instansi"]]
SKALA = DaftarSkala.model_validate(yaml.safe_load((DATA / "skala.yaml").read_text())).skala


def _rincian(renja, data: Path, kode: str, triwulan: str = "3") -> dict:
    result = renja(
        "rincian",
        kode,
        "--tahun",
        "2025",
        "--triwulan",
        triwulan,
        "--format",
        "json",
        "--data",
        str(data),
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _write(folder: Path, name: str, lines: list[str]) -> None:
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "predikat"),
    [
        (74.99, "Sangat Rendah"),
        (75.0, "Rendah"),
        (84.99, "Rendah"),
        (85.0, "Sedang"),
        (94.99, "Sedang"),
        (95.0, "Tinggi"),
        (99.99, "Tinggi"),
        (100.0, "Sangat Tinggi"),
    ],
)
def test_data_quality_boundaries(value: float, predikat: str) -> None:
    band = SKALA["indeks_kualitas_data"].golongkan(value)
    assert band is not None and band.kode == predikat


@pytest.mark.parametrize(
    ("value", "kategori"),
    [
        (100, "I"),
        (174, "I"),
        (175, "II"),
        (249, "II"),
        (250, "III"),
        (324, "III"),
        (325, "IV"),
        (400, "IV"),
    ],
)
def test_merit_boundaries(value: float, kategori: str) -> None:
    band = SKALA["sistem_merit"].golongkan(value)
    assert band is not None and band.kode == kategori


@pytest.mark.parametrize("value", [99, 401, -1])
def test_merit_outside_scale(value: float) -> None:
    assert SKALA["sistem_merit"].golongkan(value) is None


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([{"kode": "A", "min": 50, "maks": 100}, {"kode": "B", "min": 0, "maks": 48}], "celah"),
        (
            [{"kode": "A", "min": 50, "maks": 100}, {"kode": "B", "min": 0, "maks": 50}],
            "tumpang tindih",
        ),
        (
            [{"kode": "B", "min": 0, "maks": 49}, {"kode": "A", "min": 50, "maks": 100}],
            "urutan salah",
        ),
        ([{"kode": "A", "min": 60, "maks": 50}], "batas bawah 60"),
    ],
)
def test_scale_validation(bands: list[dict], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Skala.model_validate({"nama": "uji", "presisi": 0, "predikat": bands})


def test_ikk5_counts_instansi_at_least_tinggi(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    rows = [
        "instansi;nilai",
        "PROV-BALI;94,99",
        "PROV-NTB;95,00",
        "PROV-NTT;99,99",
        "KOTA-DENPASAR;100",
    ]
    rows += [
        f"{kode};80"
        for kode in INSTANSI[4:40]
        if kode not in {"PROV-BALI", "PROV-NTB", "PROV-NTT", "KOTA-DENPASAR"}
    ]
    _write(folder, "indeks-kualitas-data.csv", rows)
    out = _rincian(renja, data_copy, "IKK.5")
    rincian = out["rincian"]
    assert rincian["memenuhi"] == 3  # 95,00, 99,99 and 100 — not 94,99
    assert rincian["populasi"] == 44
    recorded = {r["kode"] for r in rincian["baris"]}
    assert len(rincian["hilang"]) == 44 - len(recorded)
    assert out["indikator"]["realisasi"] == pytest.approx(round(3 / 44 * 100, 2))
    assert "3 dari 44 instansi ≥ Tinggi = 6,82 %" in out["kalimat"]
    assert any("tanpa catatan" in k for k in out["indikator"]["keterangan"])


def test_missing_instansi_can_make_result_incomplete(renja, data_copy: Path) -> None:
    path = data_copy / "targets-2025.yaml"
    text = path.read_text().replace(
        "instansi_hilang: tidak_memenuhi", "instansi_hilang: belum_lengkap"
    )
    path.write_text(text)
    out = _rincian(renja, data_copy, "IKK.5")  # KAB-MALAKA has no record in TW III
    assert out["indikator"]["realisasi"] is None
    assert out["indikator"]["status"] == "belum_ada_data"
    assert out["rincian"]["hilang"] == [["KAB-MALAKA", "Kabupaten Malaka"]]
    assert "belum lengkap" in out["kalimat"]


def test_duplicate_instansi_row_is_an_error(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(
        folder, "pembinaan-merit.csv", ["instansi,nilai", "KAB-BADUNG,300", "Kabupaten Badung,250"]
    )
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "pembinaan-merit.csv:3: R308 instansi Kabupaten Badung (KAB-BADUNG) ganda" in (
        result.stderr
    )


def test_unknown_instansi_gets_a_suggestion(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(folder, "pembinaan-merit.csv", ["instansi,nilai", "Kabupaten Gianyr,300"])
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "instansi 'Kabupaten Gianyr' tidak dikenal" in result.stderr
    assert "maksud Anda: Kabupaten Gianyar" in result.stderr


def test_ambiguous_instansi_name(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(folder, "pembinaan-merit.csv", ["instansi,nilai", "Bima,300"])
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert (
        "ambigu" in result.stderr and "KAB-BIMA" in result.stderr and "KOTA-BIMA" in (result.stderr)
    )


@pytest.mark.parametrize(
    "name",
    [
        "KAB-TIMOR-TENGAH-SELATAN",
        "TTS",
        "Kab. TTS",
        "Kabupaten Timor Tengah Selatan",
        "timor tengah selatan",
    ],
)
def test_instansi_named_many_ways(renja, data_copy: Path, name: str) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(folder, "pembinaan-merit.csv", ["instansi,nilai", f"{name},300"])
    out = _rincian(renja, data_copy, "IKK.7")
    assert out["rincian"]["baris"][0]["kode"] == "KAB-TIMOR-TENGAH-SELATAN"


def test_merit_out_of_scale(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(folder, "penilaian-merit.csv", ["instansi,nilai", "KAB-BADUNG,410"])
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "penilaian-merit.csv:2: R309 nilai 410 di luar skala" in result.stderr


def test_talent_pool_yes_no(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(
        folder,
        "manajemen-talenta.csv",
        ["instansi,talent_pool", "PROV-BALI,ya", "PROV-NTB,1", "PROV-NTT,tidak", "KAB-BADUNG,TRUE"],
    )
    out = _rincian(renja, data_copy, "IKK.3")
    assert out["rincian"]["memenuhi"] == 3
    assert out["indikator"]["realisasi"] == pytest.approx(6.82)


def test_bad_yes_no_cell(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(folder, "manajemen-talenta.csv", ["instansi,talent_pool", "PROV-BALI,mungkin"])
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "manajemen-talenta.csv:2: R304 kolom talent_pool: 'mungkin' bukan ya/tidak" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("present", "kategori"),
    [
        ({1, 2, 3, 4}, "terisi"),
        (set(range(1, 10)), "lengkap"),
        ({1, 2, 3, 5, 6, 7, 8, 9}, "tersedia"),
        (set(), "tersedia"),
        ({1, 2, 3, 4, 5, 7}, "terisi"),
    ],
)
def test_archive_category(present: set[int], kategori: str) -> None:
    """The nine document kinds and the category rules are data (skala.yaml, arsip:)."""
    skema = Referensi(DATA).arsip("dokumen_arsip")
    assert len(skema.dokumen) == 9
    assert kategori_arsip(tuple(i in present for i in range(1, 10)), skema) == kategori


def _archive(folder: Path) -> None:
    header = (
        "nip,daftar_riwayat_hidup,sk_cpns,sk_pns,riwayat_pendidikan,spmt_cpns,"
        "riwayat_golongan,riwayat_jabatan,riwayat_pindah_instansi,riwayat_diklat"
    )
    _write(
        folder,
        "arsip-digital.csv",
        [
            header,
            "198001062018051001,1,1,1,1,0,0,0,0,0",  # 1-4 only: terisi
            "198001062018051002,1,1,1,1,1,1,1,1,1",  # 1-9: lengkap
            "198001062018051003,1,1,1,0,1,1,1,1,1",  # 1-3 + 5-9: tersedia
            "198001062018051004,0,0,0,0,0,0,0,0,0",  # none: tersedia
        ],
    )


@pytest.mark.parametrize(("lengkap_terisi", "expected"), [("true", 50.0), ("false", 25.0)])
def test_archive_share_and_setting(
    renja, data_copy: Path, lengkap_terisi: str, expected: float
) -> None:
    _archive(data_copy / "realisasi" / "2025" / "tw3")
    path = data_copy / "targets-2025.yaml"
    path.write_text(
        path.read_text().replace(
            "lengkap_dihitung_terisi: true", f"lengkap_dihitung_terisi: {lengkap_terisi}"
        )
    )
    out = _rincian(renja, data_copy, "IKK.6")
    r = out["rincian"]
    assert (r["tersedia"], r["terisi"], r["lengkap"], r["jumlah_nip"]) == (2, 1, 1, 4)
    assert out["indikator"]["realisasi"] == expected


def test_duplicate_nip(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _archive(folder)
    with (folder / "arsip-digital.csv").open("a") as handle:
        handle.write("198001062018051002,1,1,1,1,1,1,1,1,1\n")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "arsip-digital.csv:6: R308 NIP 198001062018051002 ganda" in result.stderr


def test_mean_of_components_with_own_capaian(renja) -> None:
    out = _rincian(renja, DATA, "IKK.2")
    komponen = {k["kode"]: k for k in out["komponen"]}
    assert komponen["layanan_standar"]["capaian"] == pytest.approx(88.0 / 85 * 100)
    assert komponen["seleksi_cat"]["capaian"] == pytest.approx(82.4 / 80 * 100)
    assert out["indikator"]["realisasi"] == pytest.approx(85.2)


def test_component_mean_from_event_file(renja) -> None:
    out = _rincian(renja, DATA, "IKK.1", "2")  # TW II: per-event IKM values, not surveys
    events = out["rincian"]["ikm_pembinaan"]["kegiatan"]
    mean = sum(v for _, v in events) / len(events)
    assert {k["kode"]: k["nilai"] for k in out["komponen"]}["ikm_pembinaan"] == pytest.approx(mean)
    assert out["indikator"]["realisasi"] == pytest.approx(round((95.32 + mean) / 2, 2))


def test_ratio_register(renja) -> None:
    out = _rincian(renja, DATA, "IKK.9")
    assert (out["pembilang"], out["penyebut"]) == (5, 6)
    assert "5 dari 6 butir ditindaklanjuti = 83,33 %" in out["kalimat"]


def test_ratio_with_fixed_denominator(renja) -> None:
    out = _rincian(renja, DATA, "IKK.4")
    assert (out["pembilang"], out["penyebut"]) == (12340, 199820)
    assert out["indikator"]["realisasi"] == pytest.approx(6.18)


def test_value_given_twice_is_an_error(renja, data_copy: Path) -> None:
    path = data_copy / "realisasi" / "2025" / "tw3.yaml"
    path.write_text(
        path.read_text().replace(
            "  IKK.12: {nilai: 99.12", "  IKK.5: {nilai: 31.82}\n  IKK.12: {nilai: 99.12"
        )
    )
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "R204 IKK.5: realisasi diberikan dua kali" in result.stderr


def test_component_given_twice_is_an_error(renja, data_copy: Path) -> None:
    path = data_copy / "realisasi" / "2025" / "tw2.yaml"
    path.write_text(
        path.read_text().replace(
            "komponen: {ikm_layanan: 95.32}", "komponen: {ikm_layanan: 95.32, ikm_pembinaan: 94}"
        )
    )
    result = renja("capaian", "--tahun", "2025", "--triwulan", "2", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "komponen ikm_pembinaan diberikan dua kali" in result.stderr


def test_missing_csv_column(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    _write(folder, "pembinaan-merit.csv", ["instansi,skor", "KAB-BADUNG,300"])
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "pembinaan-merit.csv:1: R301 kolom 'nilai' tidak ada" in result.stderr


IKK_2025 = [f"IKK.{i}" for i in range(1, 14)]


@pytest.mark.parametrize("kode", IKK_2025)
@pytest.mark.parametrize("fmt", ["tabel", "json", "markdown"])
def test_rincian_works_for_every_ikk(renja, kode: str, fmt: str) -> None:
    result = renja("rincian", kode, "--tahun", "2025", "--format", fmt, "--data", str(DATA))
    assert result.exit_code == 0, result.output
    assert "target" in result.stdout and "capaian" in result.stdout


def test_rincian_unknown_code(renja) -> None:
    result = renja("rincian", "IKK.99", "--tahun", "2025", "--data", str(DATA))
    assert result.exit_code == 2
    assert "indikator IKK.99 tidak ada" in result.stderr


def test_bundled_2025_covers_every_formula_kind() -> None:
    kinds = set()
    plan = yaml.safe_load((DATA / "targets-2025.yaml").read_text())
    for sk in plan["sasaran"]:
        for ind in sk["indikator"]:
            kinds.add(ind["formula"]["jenis"])
    assert kinds == {"nilai", "rasio", "persentase_instansi", "rata_rata", "arsip_digital"}


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.one_of(
            st.tuples(
                st.integers(0, 3),  # 0: the first NIP again (R308); 1-3: a new NIP
                # short rows (down to the NIP alone) read missing cells as empty
                st.lists(st.sampled_from(["1", "0", "", "ya", "tidak"]), min_size=0, max_size=10),
            ),
            st.just("blank"),
            st.just("spaces"),
            st.just("delimiters"),
        ),
        max_size=40,
    ),
    crlf=st.booleans(),
    last_newline=st.booleans(),
)
def test_fast_archive_reader_equals_the_csv_reader(
    rows: list[object], crlf: bool, last_newline: bool
) -> None:
    """The quote-free fast path of arsip_digital gives the CSV reader's figures and errors."""
    import tempfile
    from unittest import mock

    from renja_cli.data.referensi import Referensi
    from renja_cli.errors import DataError
    from renja_cli.formula import arsip

    header = (
        "nip,daftar_riwayat_hidup,sk_cpns,sk_pns,riwayat_pendidikan,spmt_cpns,"
        "riwayat_golongan,riwayat_jabatan,riwayat_pindah_instansi,riwayat_diklat"
    )
    lines = [header]
    for row in rows:
        if row == "blank":
            lines.append("")
        elif row == "spaces":
            lines.append("  ")
        elif row == "delimiters":
            lines.append("," * 9)
        else:
            new, flags = row  # type: ignore[misc]
            k = len(lines) if new else 0
            lines.append(",".join([str(198001062018051000 + k), *flags]))
    end = "\r\n" if crlf else "\n"
    text = end.join(lines) + (end if last_newline else "")
    skema = Referensi(DATA).arsip("dokumen_arsip", None)
    formula = arsip.FormulaArsipDigital(jenis="arsip_digital", berkas="a.csv")

    def run(path: Path) -> object:
        try:
            h = arsip.hitung_berkas(formula, skema, path)
        except DataError as exc:
            return ("galat", exc.code, exc.location.line if exc.location else None)
        return (h.pembilang, h.penyebut, h.rincian.jumlah_nip)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.csv"
        path.write_bytes(text.encode())
        fast = run(path)
        with mock.patch.object(arsip, "_ada_kutip", return_value=True):
            slow = run(path)
    assert fast == slow


@pytest.mark.parametrize(
    "nomor",
    [
        "rek-2025-01",
        "REK-2025-01\u200b",
        "REK\u20112025\u201101",
        " REK-2025-01 ",
        "ＲＥＫ-2025-01",
    ],
    ids=["huruf kecil", "spasi lebar nol", "tanda hubung tak terputus", "spasi", "lebar penuh"],
)
def test_register_item_written_two_ways_is_one_item(renja, data_copy: Path, nomor: str) -> None:
    path = data_copy / "realisasi" / "2025" / "tw3" / "rekomendasi-wasdal.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"{nomor},Kabupaten Tabanan,1,ya\n")
    result = renja("capaian", "--tahun", "2025", "--triwulan", "3", "--data", str(data_copy))
    assert result.exit_code == 1
    assert f"{path}:8: R308 " in result.stderr and "pertama di baris 2" in result.stderr


def test_event_carried_over_twice_counts_once_or_errs(renja, data_copy: Path) -> None:
    """A kegiatan row typed again (ikm-pembinaan.csv) would count the event twice."""
    path = data_copy / "realisasi" / "2025" / "tw2" / "ikm-pembinaan.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("P2K  Kabupaten Sumba Barat Daya,2,93.95\n")
    result = renja("capaian", "--tahun", "2025", "--triwulan", "2", "--data", str(data_copy))
    assert result.exit_code == 1
    assert f"{path}:6: R308 " in result.stderr and "pertama di baris 4" in result.stderr


def test_quarter_folder_in_capitals_is_an_error(renja, data_copy: Path) -> None:
    """'TW3/' is read on Windows and macOS but not on Linux: the same data, two figures."""
    year = data_copy / "realisasi" / "2025"
    (year / "tw3").rename(year / "TW3")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert f"{year / 'TW3'}: R013 nama folder harus 'tw3'" in result.stderr
    check = renja("validasi", str(data_copy), "--format", "json")
    assert "R013" in {m["kode"] for m in json.loads(check.stdout)["masalah"]}


@pytest.mark.parametrize("kind", ["tab", "bom ganda"])
def test_tab_separated_and_double_bom_record_files_read_the_same(
    renja, data_copy: Path, kind: str
) -> None:
    path = data_copy / "realisasi" / "2025" / "tw3" / "pembinaan-merit.csv"
    before = renja("rincian", "IKK.7", "--tahun", "2025", "--triwulan", "3", "-f", "json",
                   "--data", str(data_copy)).stdout  # fmt: skip
    text = path.read_text(encoding="utf-8-sig")
    if kind == "tab":
        path.write_text(text.replace(",", "\t"), encoding="utf-8")
    else:
        path.write_text("\ufeff\ufeff" + text, encoding="utf-8")
    after = renja("rincian", "IKK.7", "--tahun", "2025", "--triwulan", "3", "-f", "json",
                  "--data", str(data_copy))  # fmt: skip
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout)["indikator"] == json.loads(before)["indikator"]

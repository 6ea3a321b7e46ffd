"""Ready for any SAKIP office (issue 9): predikat of capaian and aggregates, ordinal
targets, declared levels and units, precision, ``renja init``, the example dinas."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from renja_cli.data.folder import DataSource
from renja_cli.hitung.agregat import rata_rata
from renja_cli.hitung.capaian import AturanCapaian, nilai_capaian
from renja_cli.laporan.capaian import susun_capaian
from renja_cli.laporan.ringkasan import susun_ringkasan
from renja_cli.laporan.validasi import validasi
from renja_cli.model.dasar import TargetSpec
from renja_cli.model.referensi import Skala
from tests.conftest import REPO
from tests.pembangun import folder, indikator, tulis_yaml

DINAS = REPO / "examples" / "dinas-kesehatan"


def _skala(predikat: list[dict[str, object]], presisi: int = 2) -> Skala:
    return Skala.model_validate({"nama": "uji", "presisi": presisi, "predikat": predikat})


EKSKLUSIF = [
    {"kode": "Sangat Baik", "lebih_dari": 90},
    {"kode": "Baik", "lebih_dari": 75, "maks": 90},
    {"kode": "Cukup", "lebih_dari": 65, "maks": 75},
    {"kode": "Kurang", "lebih_dari": 50, "maks": 65},
    {"kode": "Sangat Kurang", "maks": 50},
]
INKLUSIF = [
    {"kode": "Sangat Baik", "min": 91},
    {"kode": "Baik", "min": 76, "maks": 90},
    {"kode": "Cukup", "min": 66, "maks": 75},
    {"kode": "Kurang", "min": 51, "maks": 65},
    {"kode": "Sangat Kurang", "maks": 50},
]


@pytest.mark.parametrize(
    ("capaian", "predikat"),
    [
        (90.0, "Baik"),  # 90 is not > 90
        (90.004, "Baik"),  # rounded to 90,00 first, as shown
        (90.005, "Sangat Baik"),  # rounded to 90,01
        (90.01, "Sangat Baik"),
        (75.0, "Cukup"),
        (75.01, "Baik"),
        (50.0, "Sangat Kurang"),
        (50.01, "Kurang"),
        (0.0, "Sangat Kurang"),
        (250.0, "Sangat Baik"),
    ],
)
def test_exclusive_lower_bounds(capaian: float, predikat: str) -> None:
    band = _skala(EKSKLUSIF).golongkan(capaian)
    assert band is not None and band.kode == predikat


@pytest.mark.parametrize(
    ("capaian", "predikat"),
    [(91.0, "Sangat Baik"), (90.5, "Sangat Baik"), (90.49, "Baik"), (76, "Baik"), (75.6, "Baik")],
)
def test_inclusive_integer_bounds_round_first(capaian: float, predikat: str) -> None:
    """≥ 91 / 76–90 on a 0-decimal scale: 90,5 rounds half up to 91."""
    band = _skala(INKLUSIF, presisi=0).golongkan(capaian)
    assert band is not None and band.kode == predikat


@pytest.mark.parametrize(
    ("bands", "message"),
    [
        ([{"kode": "A", "lebih_dari": 90}, {"kode": "B", "min": 75, "kurang_dari": 90}], "90"),
        ([{"kode": "A", "min": 90}, {"kode": "B", "min": 75, "maks": 91}], "tumpang tindih"),
        ([{"kode": "A", "min": 91}, {"kode": "B", "min": 75, "maks": 89}], "celah"),
        ([{"kode": "A", "min": 90, "maks": 100}, {"kode": "B", "maks": 80}], "celah"),
        ([{"kode": "A", "min": 90}, {"kode": "B", "maks": 90, "min": 80}, {"kode": "C"}], "batas"),
    ],
)
def test_scales_refuse_gaps_and_overlaps_whatever_the_bounds(
    bands: list[dict[str, object]], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        _skala(bands)


def test_aggregate_limits_each_capaian_before_the_mean() -> None:
    skala = _skala(EKSKLUSIF)
    capped = rata_rata([120.0, 80.0, None], 100, skala)
    assert (capped.nilai, capped.dinilai, capped.tanpa_data) == (90.0, 2, 1)
    assert capped.predikat == "Baik"
    plain = rata_rata([120.0, 80.0], None, skala)
    assert plain.nilai == 100 and plain.predikat == "Sangat Baik"


OPINI = ("WTP", "WDP", "TW", "TMP")


@pytest.mark.parametrize(
    ("realisasi", "target", "capaian", "status"),
    [
        ("WTP", "WTP", 100.0, "tercapai"),
        ("WTP", "WDP", 100.0, "tercapai"),  # better than the target
        ("WDP", "WTP", 75.0, "belum_tercapai"),  # (4 - 1) / (4 - 0)
        ("TMP", "WDP", 100 / 3, "belum_tercapai"),  # (4 - 3) / (4 - 1)
        ("wdp", "WDP", 100.0, "tercapai"),  # grades compare case-insensitively
    ],
)
def test_ordinal_targets(realisasi: str, target: str, capaian: float, status: str) -> None:
    aturan = AturanCapaian(urutan=OPINI)
    value, got = nilai_capaian(aturan, None, realisasi, TargetSpec(predikat=target))
    assert value == pytest.approx(capaian) and got == status


def test_ordinal_status_only_when_capaian_is_switched_off() -> None:
    aturan = AturanCapaian(urutan=OPINI, capaian_ordinal=False)
    assert nilai_capaian(aturan, None, "WDP", TargetSpec(predikat="WTP")) == (
        None,
        "belum_tercapai",
    )


def test_numeric_realisasi_graded_by_an_interval_scale() -> None:
    sakip = _skala(
        [
            {"kode": "A", "lebih_dari": 80},
            {"kode": "BB", "lebih_dari": 70, "maks": 80},
            {"kode": "B", "lebih_dari": 60, "maks": 70},
            {"kode": "C", "maks": 60},
        ]
    )
    aturan = AturanCapaian(urutan=tuple(sakip.kode_urut), skala=sakip)
    assert nilai_capaian(aturan, 70.01, None, TargetSpec(predikat="BB"))[1] == "tercapai"
    capaian, status = nilai_capaian(aturan, 70.0, None, TargetSpec(predikat="BB"))
    assert (capaian, status) == (pytest.approx(200 / 3), "belum_tercapai")  # (4-2)/(4-1)


def test_the_example_dinas_shows_a_mixed_table(renja) -> None:
    result = renja("capaian", "--data", str(DINAS), "--tahun", "2024")
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 100
    assert "IKU.3" in out and "WTP" in out and "68,5 (B)" in out
    assert "10,5 ‰ KH" in out and "4,2 hari" in out and "60–85 %" in out
    assert "Predikat" in out and "Sangat Baik" in out
    assert "Nilai capaian kantor: 94,90 % (Sangat Baik)" in out
    rows = {
        r["kode"]: r
        for r in json.loads(
            renja("capaian", "--data", str(DINAS), "--tahun", "2024", "--format", "json").stdout
        )
    }
    assert rows["IKU.1"]["capaian"] == pytest.approx(112.5)  # (2 × 12 − 10,5) / 12
    assert rows["IKP.1"]["capaian"] == pytest.approx(100 - 3 / 85 * 100)  # BOR 88 above 85
    assert rows["IKU.3"]["status"] == "tercapai" and rows["IKU.3"]["target_predikat"] == "WTP"
    assert rows["IKU.4"]["realisasi_predikat"] == "B" and rows["IKU.4"]["capaian"] == 80.0
    assert rows["IKU.4"]["predikat"] == "Baik"
    assert renja("validasi", str(DINAS), "--ketat").exit_code == 0


def test_sasaran_and_office_figures_in_ringkasan() -> None:
    lap = susun_ringkasan(DataSource(DINAS, "uji"), 2024)
    ss1 = next(p for p in lap.panel if p.kode == "SS.1")
    # IKU.1 112,5 counts as 100 (batas_agregat), then 91,43, 96,47, 98,00
    assert ss1.nilai.nilai == pytest.approx((100 + 1280 / 14 + (100 - 300 / 85) + 98) / 4)
    assert ss1.anggaran.capaian_kinerja == ss1.nilai.nilai  # one rule for both
    assert lap.nilai_kantor.predikat == "Sangat Baik"


def test_custom_levels_and_units(tmp_path: Path) -> None:
    root = folder(
        tmp_path / "data",
        [
            indikator("IKSS.1", satuan="hari", arah="turun", target={"pk": 5}),
            indikator("IKP.2.1", satuan="persen"),
        ],
        {"tw1": {"IKSS.1": {"nilai": 4}, "IKP.2.1": {"nilai": 50}}},
        tingkat_indikator=[
            {"awalan": "IKSS", "nama": "Indikator Kinerja Sasaran Strategis"},
            {"awalan": "IKP", "nama": "Indikator Kinerja Program"},
        ],
        satuan_kustom={"hari": {"nama": "hari", "akhiran": " hari"}},
    )
    assert validasi([root]).jumlah_galat == 0
    row = susun_capaian(DataSource(root, "uji"), 2030).baris[0]
    assert row.tampilan.teks(row.realisasi or 0) == "4 hari"


def test_an_undeclared_level_or_unit_is_an_error(tmp_path: Path) -> None:
    root = folder(tmp_path / "data", [indikator("IKSS.1", satuan="bulan")])
    codes = {m.kode for m in validasi([root]).masalah}
    assert {"R213", "R104"} <= codes


def test_typed_realisasi_is_used_as_typed(tmp_path: Path) -> None:
    """0,293 against 0,37 with presisi_realisasi 2: 79,19 %, not 0,29 / 0,37 = 78,38 %."""
    root = folder(
        tmp_path / "data",
        [indikator(satuan="rasio_gini", target={"pk": 0.37}, arah="naik")],
        {"tw1": {"IKK.1": {"nilai": 0.293}}},
        satuan_kustom={"rasio_gini": {"nama": "rasio"}},
        pengaturan={"presisi_realisasi": 2},
    )
    row = susun_capaian(DataSource(root, "uji"), 2030).baris[0]
    assert row.realisasi == 0.293
    assert row.capaian == pytest.approx(79.189, abs=0.001)


def test_per_indicator_precision_of_computed_realisasi(tmp_path: Path) -> None:
    rasio = {"jenis": "rasio", "pembilang": "a", "penyebut": "b"}
    root = folder(
        tmp_path / "data",
        [
            indikator(formula=rasio, presisi_realisasi=3),
            indikator("IKK.2", formula=rasio, presisi_realisasi="tanpa"),
            indikator("IKK.3", formula=rasio),
        ],
        {"tw1": {k: {"pembilang": 1, "penyebut": 3} for k in ("IKK.1", "IKK.2", "IKK.3")}},
    )
    rows = {r.kode: r for r in susun_capaian(DataSource(root, "uji"), 2030).baris}
    assert rows["IKK.1"].realisasi == 33.333
    assert rows["IKK.2"].realisasi == pytest.approx(100 / 3)
    assert rows["IKK.3"].realisasi == 33.33


def test_display_precision(renja, tmp_path: Path) -> None:
    root = folder(
        tmp_path / "data",
        [
            indikator(satuan="indeks", target={"pk": 0.277}, rentang={"min": 0, "maks": 1}),
            indikator(
                "IKK.2",
                satuan="indeks",
                target={"pk": 0.277},
                presisi_tampil=1,
                rentang={"min": 0, "maks": 1},
            ),
        ],
        {"tw1": {"IKK.1": {"nilai": 0.25}, "IKK.2": {"nilai": 0.25}}},
    )
    out = renja("capaian", "--tahun", "2030", "--data", str(root), "--format", "markdown").stdout
    assert "| IKK.1 | Indikator IKK.1 | 0,277 | 0,25 |" in out
    assert "| IKK.2 | Indikator IKK.2 | 0,3 | 0,3 |" in out  # shown with 1 decimal


def test_grade_realisasi_outside_the_scale(tmp_path: Path) -> None:
    root = folder(
        tmp_path / "data",
        [indikator(satuan="predikat", skala="opini", target={"pk": "WTP"})],
        {"tw1": {"IKK.1": {"predikat": "WTPP"}}},
    )
    tulis_yaml(
        root / "skala.yaml",
        {"skala": {"opini": {"nama": "Opini", "tingkat": [{"kode": k} for k in OPINI]}}},
    )
    assert "R218" in {m.kode for m in validasi([root]).masalah}


def test_a_grade_target_needs_a_scale(renja, tmp_path: Path) -> None:
    root = folder(tmp_path / "data", [indikator(target={"pk": "WTP"})])
    result = renja("validasi", str(root))
    assert result.exit_code == 1 and "R103" in result.stdout and "'skala'" in result.stdout


def test_init_new_year_validates_with_warnings(renja, data_copy: Path) -> None:
    result = renja("init", "--tahun", "2026", "--dari", "2025", "--data", str(data_copy))
    assert result.exit_code == 0, result.output
    check = json.loads(renja("validasi", str(data_copy), "--format", "json").stdout)
    assert check["galat"] == 0
    warned = [m for m in check["masalah"] if m["kode"] == "R219"]
    # 13 IKK × pk + 8 × renstra (the seed prints no Renstra for IKK.1, 5, 9, 11, 12)
    assert len(warned) == 21
    assert renja("validasi", str(data_copy), "--ketat").exit_code == 1
    text = (data_copy / "targets-2026.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/targets.schema.json")
    plan = yaml.safe_load(text)
    ikk2 = next(i for s in plan["sasaran"] for i in s["indikator"] if i["kode"] == "IKK.2")
    components = ikk2["formula"]["komponen"]
    assert components and all(k.get("target") is None for k in components)  # 85 and 80 in 2025
    again = renja("init", "--tahun", "2026", "--dari", "2025", "--data", str(data_copy))
    assert again.exit_code == 2 and "--timpa" in again.stderr


def test_init_new_office_folder(renja, tmp_path: Path) -> None:
    target = tmp_path / "kantor"
    assert renja("init", "--kantor", "Dinas Uji", str(target), "--tahun", "2027").exit_code == 0
    check = json.loads(renja("validasi", str(target), "--format", "json").stdout)
    assert check["galat"] == 0 and {m["kode"] for m in check["masalah"]} == {"R219"}
    # the schema line still works after the folder is copied elsewhere
    moved = tmp_path / "lain" / "tempat"
    moved.parent.mkdir()
    target.rename(moved)
    for path in [*moved.glob("*.yaml"), *moved.glob("realisasi/*/*.yaml")]:
        first = path.read_text().splitlines()[0]
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.exists(), path


def test_init_new_year_drops_what_spoke_of_the_old_targets(renja, data_copy: Path) -> None:
    """The marks of last year's targets and the date its PK was signed do not carry
    over: IKK.6's 2025 ``target.renstra`` asumsi would mark the 2026 Renstra target
    once filled in, and a signed date would make ``renja beda`` treat filling in the
    new targets as rewriting a signed PK. Marks of what does carry (formula) stay."""
    path = data_copy / "targets-2025.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("pengaturan:\n", "pengaturan:\n  pk_ditandatangani: 2025-02-20\n", 1)
    )
    assert renja("validasi", str(data_copy)).exit_code == 0
    assert (
        renja("init", "--tahun", "2026", "--dari", "2025", "--data", str(data_copy)).exit_code == 0
    )
    plan = yaml.safe_load((data_copy / "targets-2026.yaml").read_text())
    assert plan["pengaturan"]["pk_ditandatangani"] is None
    indikator = {i["kode"]: i for s in plan["sasaran"] for i in s["indikator"]}
    assert set(indikator["IKK.6"]["tanda"]) == {"formula.lengkap_dihitung_terisi"}
    assert set(indikator["IKK.10"]["tanda"]) == {"formula.penyebut_tetap"}
    rows = json.loads(
        renja("capaian", "--tahun", "2026", "--target", "renstra", "--format", "json",
              "--data", str(data_copy)).stdout
    )  # fmt: skip
    ikk6 = next(r for r in rows if r["kode"] == "IKK.6")
    assert ikk6["semua_target"]["renstra"]["asumsi"] == []


def test_init_new_office_states_no_budget(renja, tmp_path: Path) -> None:
    """The new office's plan leaves pagu empty (null, '—' in reports) rather than
    writing a budget of Rp 0 nobody stated."""
    target = tmp_path / "kantor"
    assert renja("init", "--kantor", "Dinas Uji", str(target), "--tahun", "2027").exit_code == 0
    plan = yaml.safe_load((target / "targets-2027.yaml").read_text())
    assert plan["total_anggaran"] is None
    assert all(s["anggaran"] is None for s in plan["sasaran"])

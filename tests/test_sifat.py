"""Properties over generated data folders: the commands and ``validasi`` agree.

* ``validasi`` reports no error ⇔ ``capaian``, ``rincian``, ``ringkasan`` and
  ``tren`` succeed at every quarter;
* the arithmetic ``rincian`` shows gives the realisasi ``capaian`` reports;
* the projection's requirement, applied, earns *tercapai*.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from renja_cli.data.folder import DataSource
from renja_cli.errors import DataError
from renja_cli.hitung.capaian import AturanCapaian, tercapai_dengan
from renja_cli.laporan.capaian import susun_capaian
from renja_cli.laporan.rincian import susun_rincian
from renja_cli.laporan.ringkasan import susun_ringkasan
from renja_cli.laporan.tren import susun_tren
from renja_cli.laporan.validasi import validasi
from renja_cli.model.dasar import TargetSpec
from renja_cli.numbers import round_half_up
from tests.pembangun import folder

KUARTAL = ("tw1", "tw2", "tw3")


@st.composite
def rencana(draw: st.DrawFn) -> dict[str, Any]:
    """A plan of one to three indicators and their quarters."""
    count = draw(st.integers(1, 3))
    inds = []
    periods: dict[str, dict[str, Any]] = {p: {} for p in KUARTAL[: draw(st.integers(1, 3))]}
    for i in range(1, count + 1):
        jenis = draw(st.sampled_from(["nilai", "rasio", "rasio_tetap"]))
        arah = draw(st.sampled_from(["naik", "turun", "stabil"]))
        persen = draw(st.booleans())
        target: Any = draw(st.sampled_from([40, 50, 80, 99.5]))
        if draw(st.integers(0, 4)) == 0:
            target = {"min": 40, "maks": 60}
        ind: dict[str, Any] = {
            "kode": f"IKK.{i}",
            "nama": f"Indikator {i}",
            "satuan": "persen" if persen or jenis != "nilai" else "indeks",
            "arah": arah,
            "target": {"pk": target},
            "periode": draw(st.sampled_from(["terakhir", "kumulatif", "rata_rata"])),
        }
        if not persen and jenis == "nilai":
            ind["rentang"] = {"min": 0, "maks": 100}
        if arah == "turun" and draw(st.booleans()):
            ind["aturan_turun"] = "target_per_realisasi"
        if draw(st.integers(0, 3)) == 0:
            ind["batas_capaian"] = draw(st.sampled_from([110, 120]))
        if jenis != "nilai":
            ind["formula"] = {"jenis": "rasio", "pembilang": "p", "penyebut": "q"}
            if jenis == "rasio_tetap":
                ind["formula"]["penyebut_tetap"] = draw(st.sampled_from([10, 44, 200]))
        inds.append(ind)
        for name in periods:
            shape = draw(st.sampled_from(["kosong", "nilai", "hitungan", "tidak_tersedia"]))
            if shape == "nilai":
                periods[name][ind["kode"]] = {
                    "nilai": draw(st.sampled_from([0, 5, 45, 50, 75, 100, 130]))
                }
            elif shape == "hitungan" and jenis != "nilai":
                entry: dict[str, Any] = {"pembilang": draw(st.integers(0, 12))}
                if jenis == "rasio" or draw(st.booleans()):
                    entry["penyebut"] = draw(st.integers(0, 12))
                periods[name][ind["kode"]] = entry
            elif shape == "tidak_tersedia":
                periods[name][ind["kode"]] = {"tersedia": False}
    pengaturan = {"ambang_tercapai": draw(st.sampled_from([100, 95])), "presisi_realisasi": 2}
    return {"indikator": inds, "periode": periods, "pengaturan": pengaturan}


def _runs(source: DataSource, codes: list[str]) -> list[Any]:
    """Every report the commands build for the year (raises on the first data error)."""
    out: list[Any] = []
    for tw in (None, 1, 2, 3, 4):
        out.append(susun_capaian(source, 2030, tw))
        out.extend(susun_rincian(source, 2030, kode, tw) for kode in codes)
        if tw is not None:
            out.append(susun_ringkasan(source, 2030, tw))
    out.extend(susun_tren(source, kode) for kode in codes)
    return out


def _aturan(spec: dict[str, Any], pengaturan: dict[str, Any]) -> AturanCapaian:
    return AturanCapaian(
        spec["arah"],
        spec.get("aturan_turun", "kondisi_khusus"),
        spec.get("batas_capaian"),
        pengaturan["ambang_tercapai"],
        pengaturan["presisi_realisasi"],
    )


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plan=rencana())
def test_validasi_agrees_with_every_command(plan: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = folder(
            Path(tmp) / "data", plan["indikator"], plan["periode"], pengaturan=plan["pengaturan"]
        )
        source = DataSource(root, "uji")
        codes = [ind["kode"] for ind in plan["indikator"]]
        hasil = validasi([root])
        try:
            reports = _runs(source, codes)
        except DataError as exc:
            event(f"galat {exc.code}")
            assert hasil.jumlah_galat > 0, f"commands fail ({exc}) but validasi passes"
            assert exc.code in {m.kode for m in hasil.masalah}, (exc, hasil.masalah)
            return
        assert hasil.jumlah_galat == 0, [m.pesan for m in hasil.masalah]
        event("data valid")
        specs = {ind["kode"]: ind for ind in plan["indikator"]}
        for tw in (1, 2, 3):
            capaian = {r.kode: r for r in susun_capaian(source, 2030, tw).baris}
            for kode in codes:
                _sentence_matches(susun_rincian(source, 2030, kode, tw), capaian[kode].realisasi)
            for row in susun_ringkasan(source, 2030, tw).baris:
                spec = specs[row.tahunan.kode]
                _requirement_reaches_target(row, _aturan(spec, plan["pengaturan"]), spec)
        assert reports


def _sentence_matches(lap: Any, realisasi: float | None) -> None:
    h = lap.hitungan
    assert h.hasil == realisasi
    if realisasi is None:
        return
    if h.pembilang is not None and h.penyebut:
        computed = h.pembilang / h.penyebut * 100
    elif h.bentuk == "rata_rata":
        computed = sum(h.suku) / len(h.suku)
    elif h.bentuk == "jumlah":
        computed = sum(h.suku)
    else:
        return
    assert float(round_half_up(computed, 2)) == realisasi, (h, realisasi)


def _requirement_reaches_target(row: Any, aturan: AturanCapaian, spec: dict[str, Any]) -> None:
    p = row.proyeksi
    if p.status != "perlu" or p.dibutuhkan is None:
        return
    target = spec["target"]["pk"]
    target_spec = TargetSpec(**target) if isinstance(target, dict) else TargetSpec(nilai=target)
    b = row.tahunan
    if p.jenis == "nilai_akhir":
        final = p.dibutuhkan
    elif p.jenis == "tambahan":
        final = (b.realisasi or 0) + p.dibutuhkan
    elif p.jenis == "rata_rata":
        final = (sum(p.suku) + p.dibutuhkan * p.triwulan_tersisa) / (
            len(p.suku) + p.triwulan_tersisa
        )
    else:
        assert p.jenis in {"butir", "kurangi"}
        sign = 1 if p.jenis == "butir" else -1
        final = (p.pembilang + sign * p.dibutuhkan) / p.penyebut * 100
    assert tercapai_dengan(final, target_spec, aturan), (row, final)

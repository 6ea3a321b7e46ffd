"""The per-file cache gives back what an unchanged file gave, and nothing else.

In-process tests drive :func:`renja_cli.cache_berkas.ingat` and a year's
``Konteks`` with the cache on; subprocess tests (the result cache's harness)
check that commands after a data change print what they print with every cache
off.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from renja_cli import bacaan, cache, cache_berkas
from renja_cli.data.folder import DataSource
from renja_cli.data.konteks import Konteks
from renja_cli.errors import DataError
from renja_cli.model.dasar import Pengaturan
from tests.conftest import DATA, REPO
from tests.test_cache import Ruang, ruang  # noqa: F401 - the fixture

SURVEI = Path("realisasi/2025/tw3")


@pytest.fixture
def aktif(tmp_path: Path) -> Iterator[Path]:
    """The per-file cache on, in a folder of its own, for this test only."""
    folder = tmp_path / "cache"
    cache_berkas.matikan()
    cache.folder_berkas = str(folder)
    yield folder / cache_berkas.SUBFOLDER
    cache_berkas.matikan()


def _entri(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + cache_berkas.AKHIRAN)) if folder.is_dir() else []


class Penghitung:
    """A computation that reads one file and counts how often it really ran."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.kali = 0

    def __call__(self) -> str:
        self.kali += 1
        bacaan.catat(self.path)
        return self.path.read_text()


# --- ingat ------------------------------------------------------------------------


def test_unchanged_file_is_computed_once(aktif: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("satu")
    hitung = Penghitung(path)
    assert cache_berkas.ingat("uji", ("a",), hitung) == "satu"
    assert cache_berkas.ingat("uji", ("a",), hitung) == "satu"
    assert hitung.kali == 1
    assert len(_entri(aktif)) == 1


def test_changed_content_same_size_and_mtime_is_recomputed(aktif: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("satu")
    hitung = Penghitung(path)
    cache_berkas.ingat("uji", ("a",), hitung)
    st = path.stat()
    path.write_text("dua!")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    bacaan._sidik_diketahui.clear()  # a later run (one run hashes a file once per stat)
    assert cache_berkas.ingat("uji", ("a",), hitung) == "dua!"
    assert hitung.kali == 2


def test_other_inputs_make_another_entry(aktif: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("satu")
    hitung = Penghitung(path)
    cache_berkas.ingat("uji", ("a", Pengaturan()), hitung)
    cache_berkas.ingat("uji", ("a", Pengaturan(batas_capaian=120)), hitung)
    cache_berkas.ingat("lain", ("a", Pengaturan()), hitung)
    assert hitung.kali == 3


def test_a_failure_is_never_stored(aktif: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("satu")
    kali = 0

    def gagal() -> str:
        nonlocal kali
        kali += 1
        bacaan.catat(path)
        raise DataError("rusak", code="R000")

    for _ in range(2):
        with pytest.raises(DataError):
            cache_berkas.ingat("uji", ("a",), gagal)
    assert kali == 2
    assert _entri(aktif) == []


@pytest.mark.parametrize(
    "rusak",
    [
        lambda data: b"",
        lambda data: data[:-7],
        lambda data: data[:40] + bytes([data[40] ^ 1]) + data[41:],
        lambda data: b"bukan entri renja",
    ],
    ids=["kosong", "terpotong", "bit-terbalik", "asing"],
)
def test_a_corrupt_entry_is_ignored_and_replaced(
    aktif: Path, tmp_path: Path, rusak: object
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("satu")
    hitung = Penghitung(path)
    cache_berkas.ingat("uji", ("a",), hitung)
    (entri,) = _entri(aktif)
    entri.write_bytes(rusak(entri.read_bytes()))  # type: ignore[operator]
    assert cache_berkas.ingat("uji", ("a",), hitung) == "satu"
    assert hitung.kali == 2
    assert cache_berkas.ingat("uji", ("a",), hitung) == "satu"
    assert hitung.kali == 2


@pytest.mark.skipif(os.name != "posix", reason="folder modes")
def test_a_folder_others_can_write_to_is_not_used(aktif: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("satu")
    hitung = Penghitung(path)
    cache_berkas.ingat("uji", ("a",), hitung)
    aktif.chmod(0o777)
    cache_berkas.ingat("uji", ("a",), hitung)
    cache_berkas.ingat("uji", ("a",), hitung)
    assert hitung.kali == 3


def test_an_input_without_a_canonical_form_is_computed_every_time(
    aktif: Path, tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("satu")
    hitung = Penghitung(path)
    for _ in range(2):
        cache_berkas.ingat("uji", (object(),), hitung)
    assert hitung.kali == 2
    assert _entri(aktif) == []


def test_off_without_the_entry_point(tmp_path: Path) -> None:
    cache_berkas.matikan()
    path = tmp_path / "a.txt"
    path.write_text("satu")
    hitung = Penghitung(path)
    for _ in range(2):
        cache_berkas.ingat("uji", ("a",), hitung)
    assert hitung.kali == 2


def test_a_hit_tells_the_outer_recording_what_it_depended_on(aktif: Path, tmp_path: Path) -> None:
    """Otherwise the result cache would replay a command whose input changed."""
    path = tmp_path / "a.txt"
    path.write_text("satu")
    cache_berkas.ingat("uji", ("a",), Penghitung(path))
    luar = bacaan.masuk()
    try:
        cache_berkas.ingat("uji", ("a",), Penghitung(path))
    finally:
        bacaan.keluar(luar)
    assert list(luar.berkas) == [str(path)]


def test_keys_do_not_depend_on_the_process() -> None:
    """Pickle would not do: sets and pydantic's fields-set iterate in a per-process order."""
    a = Pengaturan(batas_capaian=120, ambang_tercapai=100)
    b = Pengaturan(ambang_tercapai=100, batas_capaian=120)
    assert repr(cache_berkas.kanonik((a, {"y", "x"}))) == repr(
        cache_berkas.kanonik((b, {"x", "y"}))
    )
    assert cache_berkas.kanonik(a) != cache_berkas.kanonik(Pengaturan(batas_capaian=110))
    # the key is the repr: 1 and 1.0 are equal values but different inputs
    assert repr(cache_berkas.kanonik((1, 1.0, "1", True))) != repr(
        cache_berkas.kanonik((1, 1, "1", True))
    )
    with pytest.raises(TypeError):
        cache_berkas.kanonik(object())


# --- a year's figures -------------------------------------------------------------


def _semua_hasil(root: Path) -> dict[tuple[str, str], object]:
    ctx = Konteks.muat(DataSource(root, "uji"), 2025)
    return {
        (ind.kode, periode): ctx.hasil(ind, periode)
        for periode in ctx.realisasi.berkas
        for _, ind in ctx.rencana.indikator()
    }


def test_figures_from_the_cache_equal_computed_ones(aktif: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    cache_berkas.matikan()
    tanpa = _semua_hasil(root)
    cache.folder_berkas = str(aktif.parent)
    pertama = _semua_hasil(root)
    assert _entri(aktif)
    kedua = _semua_hasil(root)
    assert pertama == tanpa
    assert kedua == tanpa


def test_a_changed_survey_file_changes_the_ikm(aktif: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    before = _semua_hasil(root)
    survey = sorted((root / SURVEI).glob("*.csv"))
    assert survey
    target = next(p for p in survey if "survei" in p.name.casefold() or "ikm" in p.name.casefold())
    lines = target.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    target.write_text("".join(lines[:-3]), encoding="utf-8")  # three answers fewer
    after = _semua_hasil(root)
    cache_berkas.matikan()
    assert after == _semua_hasil(root)
    assert after != before


# --- whole commands ---------------------------------------------------------------

ARGS = {
    "capaian": ("capaian", "--tahun", "2025", "--format", "json"),
    "ringkasan": ("ringkasan", "--tahun", "2025", "--triwulan", "3", "--format", "json"),
    "rincian": ("rincian", "IKK.1", "--tahun", "2025", "--format", "json"),
    "validasi": ("validasi", "data", "--format", "json"),
}


def _ubah(tempat: Ruang, periode: str = "tw3") -> None:
    """Edit one quarter: a comment in its YAML and one row less in a record file."""
    yaml = tempat.data / "realisasi" / "2025" / f"{periode}.yaml"
    yaml.write_text(yaml.read_text() + "# diperiksa ulang\n")
    records = sorted((tempat.data / "realisasi" / "2025" / periode).glob("*.csv"))
    assert records
    lines = records[0].read_text(encoding="utf-8-sig").splitlines(keepends=True)
    records[0].write_text("".join(lines[:-1]), encoding="utf-8")


def test_commands_after_a_data_change_print_what_they_print_uncached(ruang: Ruang) -> None:  # noqa: F811
    for args in ARGS.values():
        ruang(*args)
    assert _entri(ruang.cache / cache_berkas.SUBFOLDER)
    _ubah(ruang, "tw2")
    _ubah(ruang, "tw3")
    for name, args in ARGS.items():
        after = ruang(*args)
        assert not after.dari_cache, name
        assert after.tampak == ruang(*args, RENJA_CACHE="0").tampak, name


def test_a_broken_record_file_is_reported_though_it_was_cached(ruang: Ruang) -> None:  # noqa: F811
    args = ARGS["validasi"]
    clean = ruang(*args)
    assert clean.code == 0
    record = sorted((ruang.data / "realisasi" / "2025" / "tw1").glob("*.csv"))[0]
    good = record.read_bytes()
    record.write_bytes(good + b'"tidak ditutup\n')
    broken = ruang(*args)
    assert broken.code == 1
    assert broken.tampak == ruang(*args, RENJA_CACHE="0").tampak
    record.write_bytes(good)
    assert ruang(*args).tampak == clean.tampak


def test_result_cache_sees_files_read_through_per_file_hits(ruang: Ruang) -> None:  # noqa: F811
    """Run B's result entry is stored after per-file hits: a later change to a file B
    only got from the per-file cache must still invalidate B's entry."""
    ruang(*ARGS["capaian"])  # fills the per-file cache
    b = ("capaian", "--tahun", "2025", "--format", "csv")
    first = ruang(*b)  # result-cache miss, per-file hits
    assert ruang(*b).dari_cache
    _ubah(ruang)
    after = ruang(*b)
    assert not after.dari_cache
    assert after.stdout != first.stdout
    assert after.tampak == ruang(*b, RENJA_CACHE="0").tampak


def test_an_added_survey_file_is_seen(aktif: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    _semua_hasil(root)
    folder = root / SURVEI
    event = sorted(folder.glob("survei-pembinaan-*.csv"))[0]
    shutil.copy(event, folder / "survei-pembinaan-salinan.csv")  # saved twice: R420
    with pytest.raises(DataError) as cached:
        _semua_hasil(root)
    cache_berkas.matikan()
    with pytest.raises(DataError) as computed:
        _semua_hasil(root)
    assert str(cached.value) == str(computed.value)
    assert "R420" in str(cached.value) or cached.value.code == "R420"


def test_lines_moved_in_a_period_file_move_the_locations(aktif: Path, tmp_path: Path) -> None:
    """Results carry where their figures were written (for later messages)."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    before = _semua_hasil(root)
    tw3 = root / "realisasi" / "2025" / "tw3.yaml"
    tw3.write_text("# diperiksa ulang\n" + tw3.read_text())
    after = _semua_hasil(root)
    assert after != before
    cache_berkas.matikan()
    assert after == _semua_hasil(root)


def test_an_edit_to_one_indicator_recomputes_that_indicator_alone(
    aktif: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pre-commit case: one figure of a quarter changed, the rest come back."""
    from renja_cli.data import konteks

    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    _semua_hasil(root)
    dihitung: list[tuple[str, str]] = []
    asli = konteks.hitung_periode

    def menghitung(ctx: Konteks, kode: str, *args: object, **kwargs: object) -> object:
        dihitung.append((kode, str(args[1])))
        return asli(ctx, kode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(konteks, "hitung_periode", menghitung)
    tw3 = root / "realisasi" / "2025" / "tw3.yaml"
    teks = tw3.read_text(encoding="utf-8")
    assert "nilai: 76.12" in teks
    tw3.write_text(teks.replace("nilai: 76.12", "nilai: 77.5"), encoding="utf-8")
    after = _semua_hasil(root)
    assert dihitung == [("IKK.11", "tw3")]
    assert after[("IKK.11", "tw3")].nilai == 77.5
    cache_berkas.matikan()
    assert after == _semua_hasil(root)


def test_a_location_outside_the_entry_makes_the_result_depend_on_the_file(
    tmp_path: Path,
) -> None:
    """A cached result is keyed by its own entry's positions; a formula asking for
    a place elsewhere in a period file depends on that whole file."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    ctx = Konteks.muat(DataSource(root, "uji"), 2025)
    tw2, tw3 = (ctx.realisasi.paths[p] for p in ("tw2", "tw3"))
    bac = bacaan.masuk()
    ctx._lingkup.append(("tw3", ("realisasi", "IKK.11")))
    try:
        ctx.lokasi("tw3", "realisasi", "IKK.11", "nilai")
        assert str(tw3.absolute()) not in bac.berkas
        ctx.lokasi("tw3", "anggaran", "SK.1")
        assert str(tw3.absolute()) in bac.berkas
        ctx.lokasi("tw2", "realisasi", "IKK.11")
        assert str(tw2.absolute()) in bac.berkas
    finally:
        ctx._lingkup.pop()
        bacaan.keluar(bac)


@pytest.mark.parametrize("berkas", sorted((DATA / "realisasi").glob("*/*.yaml")), ids=str)
def test_an_entrys_marks_place_everything_under_it_as_the_whole_file_does(berkas: Path) -> None:
    """``Positions.marks_for`` is what a cached result is keyed by: the marks it keeps
    must give every location under the entry that the whole file gives."""
    from renja_cli.io.yamlfile import Positions, load_file

    data, positions = load_file(berkas)
    for kode in data.get("realisasi") or {}:
        prefix = ("realisasi", kode)
        part = Positions(positions.path, dict(m for m in positions.marks_for(prefix) if m[1]))
        paths = [k for k in positions.marks if k[:2] == prefix]
        paths += [(*k, "tak-ada", 0) for k in paths] + [(*prefix, 7, "x")]
        for loc in paths:
            assert part.locate(loc) == positions.locate(loc), loc
    absent = ("realisasi", "IKK.99")
    part = Positions(positions.path, dict(m for m in positions.marks_for(absent) if m[1]))
    assert part.locate((*absent, "nilai")) == positions.locate((*absent, "nilai"))


# --- validators ---------------------------------------------------------------------


def _model_dari_berkas() -> list[type]:
    from renja_cli.ikm.referensi import PenyesuaianSurvei, ReferensiSurvei
    from renja_cli.model.realisasi import BerkasRealisasi
    from renja_cli.model.referensi import DaftarInstansi, DaftarSkala
    from renja_cli.model.rencana import RencanaKerja

    return [
        RencanaKerja,
        BerkasRealisasi,
        DaftarInstansi,
        DaftarSkala,
        ReferensiSurvei,
        PenyesuaianSurvei,
    ]


def _hasil_validasi(validator: object, data: object) -> object:
    from pydantic import ValidationError

    try:
        return ("sah", validator.validate_python(data))  # type: ignore[attr-defined]
    except ValidationError as exc:  # exceptions in ``ctx`` compare by identity: as text
        return ("galat", [{**e, "ctx": repr(e.get("ctx"))} for e in exc.errors(include_url=False)])


def test_a_stored_validator_judges_every_example_as_the_models_own() -> None:
    """The validator comes back pickled from the cache: every YAML file of the repository
    (valid, invalid, and files of other kinds) must get the same model or the same errors
    from it as from the one pydantic builds."""
    import pickle

    from renja_cli.io.yamlfile import load_file

    files = sorted(REPO.glob("data/**/*.yaml")) + sorted(REPO.glob("examples/**/*.yaml"))
    files += sorted(REPO.glob("tests/examples/**/*.yaml")) + sorted(DATA.glob("**/*.yaml"))
    loaded = []
    for path in files:
        try:
            loaded.append(load_file(path)[0])
        except DataError:
            continue  # broken YAML never reaches a validator
    assert len(loaded) > 40
    for model in _model_dari_berkas():
        model.model_rebuild()  # type: ignore[attr-defined]
        own = model.__pydantic_validator__  # type: ignore[attr-defined]
        stored = pickle.loads(pickle.dumps(own))
        for data in loaded:
            assert _hasil_validasi(stored, data) == _hasil_validasi(own, data), model


_VALIDASI_SATU = """
import sys
from pathlib import Path
from renja_cli import cache
from renja_cli.io.pesan import validate
from renja_cli.io.yamlfile import load_file
from renja_cli.model.realisasi import BerkasRealisasi
from renja_cli.errors import DataError, DataErrors

cache.folder_berkas = sys.argv[1]
for name in sys.argv[2:]:
    data, positions = load_file(Path(name))
    try:
        print(repr(validate(BerkasRealisasi, data, positions)))
    except (DataError, DataErrors) as exc:
        print("galat", exc)
print("dibangun" if BerkasRealisasi.__pydantic_complete__ else "dari-cache")
"""


def test_a_later_process_validates_with_the_stored_validator(tmp_path: Path) -> None:
    """Only the first run after a code change builds a model's validator."""
    import subprocess
    import sys

    bad = tmp_path / "tw9.yaml"
    bad.write_text("tahun: 2025\nperiode: tw1\nrealisasi:\n  IKK.1: {nilai: tinggi}\n")
    args = [str(DATA / "realisasi" / "2025" / "tw3.yaml"), str(bad)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RENJA_")}

    def run() -> list[str]:
        proc = subprocess.run(
            [sys.executable, "-c", _VALIDASI_SATU, str(tmp_path / "cache"), *args],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        return proc.stdout.splitlines()

    first, second = run(), run()
    assert first[-1] == "dibangun"
    assert second[-1] == "dari-cache"
    assert first[:-1] == second[:-1]
    assert second[1].startswith("galat") and "tinggi" in second[1]


@pytest.mark.parametrize(
    ("argv", "aktif_diharapkan"),
    [
        (["capaian", "--tahun", "2025"], True),
        (["laporan", "--jenis", "evaluasi", "--keluaran", "x.docx"], True),  # writes: still reads
        (["beda", "--data", "data"], False),  # git revisions in temporary folders
        (["impor", "isian.xlsx"], False),  # a temporary copy of the data
    ],
)
def test_which_commands_use_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str], aktif_diharapkan: bool
) -> None:
    monkeypatch.setenv("RENJA_CACHE", "1")
    monkeypatch.setenv("RENJA_CACHE_DIR", str(tmp_path))
    seen: list[str | None] = []
    with pytest.raises(SystemExit) if cache.bisa_dicache(argv, os.environ) else _tanpa():
        cache.jalankan(argv, lambda: seen.append(cache.folder_berkas))
    assert seen == [str(tmp_path) if aktif_diharapkan else None]
    assert cache.folder_berkas is None  # for this command only
    monkeypatch.setenv("RENJA_CACHE", "0")
    cache.jalankan(argv, lambda: seen.append(cache.folder_berkas))
    assert seen[-1] is None


@contextlib.contextmanager
def _tanpa() -> Iterator[None]:
    yield


# --- found by an adversarial review -------------------------------------------------


def test_a_survei_yaml_added_later_changes_the_ikm(ruang: Ruang) -> None:  # noqa: F811
    """The survey reference came from the bundled defaults because the data folder had
    no survei.yaml: its appearing must reach the cached IKK.1 figure."""
    args = ("rincian", "IKK.1", "--tahun", "2025", "--format", "json")
    before = ruang(*args)
    (ruang.data / "survei.yaml").write_text("bobot: dibulatkan\n")
    after = ruang(*args)
    assert after.tampak == ruang(*args, RENJA_CACHE="0").tampak
    assert after.stdout != before.stdout


def test_a_survei_yaml_added_later_is_validated(ruang: Ruang) -> None:  # noqa: F811
    args = ARGS["validasi"]
    assert ruang(*args).code == 0
    (ruang.data / "survei.yaml").write_text(
        "unsur:\n  U2:\n    jawaban: [Sulit sekali, Sulit, Mudah, Mudah sekali]\n"
    )
    after = ruang(*args)
    assert after.code == 1
    assert after.tampak == ruang(*args, RENJA_CACHE="0").tampak


def test_an_instansi_removed_is_seen_by_every_period(ruang: Ruang) -> None:  # noqa: F811
    """The instansi lookup is built once per run; every formula using it depends on
    instansi.yaml, not only the first."""
    args = ("rincian", "IKK.9", "--tahun", "2025", "--format", "json")
    assert ruang(*args).code == 0
    path = ruang.data / "instansi.yaml"
    lines = path.read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if "KAB-SIKKA" in line)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- "))
    path.write_text("".join(lines[:start] + lines[end:]))
    after = ruang(*args)
    assert after.code == 1 and b"R306" in after.stderr
    assert after.tampak == ruang(*args, RENJA_CACHE="0").tampak


def test_a_file_rewritten_while_read_its_time_put_back_is_not_stored(
    aktif: Path, tmp_path: Path
) -> None:
    """cp -p, rsync -t or touch -d during a run: same size, same mtime, other bytes."""
    path = tmp_path / "a.txt"
    path.write_text("satu")

    def baca_lalu_timpa() -> str:
        bacaan.catat(path)
        text = path.read_text()
        st = path.stat()
        path.write_text("dua!")
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        return text

    assert cache_berkas.ingat("uji", ("a",), baca_lalu_timpa) == "satu"
    assert path.read_text() == "dua!"
    assert cache_berkas.ingat("uji", ("a",), Penghitung(path)) == "dua!"


def _survei_di_luar_folder(root: Path) -> Path:
    """IKK.1's survey component read through ``../bersama/survei-ikm-*.csv``: one
    file shared by the quarters, outside every quarter's folder."""
    year = root / "realisasi" / "2025"
    shared = year / "bersama"
    shared.mkdir()
    survey = shared / "survei-ikm-layanan.csv"
    (year / "tw3" / "survei-ikm-layanan.csv").rename(survey)
    text = survey.read_text(encoding="utf-8-sig")
    for old, new in [("2025/07/", "2025/01/"), ("2025/08/", "2025/02/"), ("2025/09/", "2025/03/")]:
        text = text.replace("\n" + old, "\n" + new)
    for day, fixed in [("29", "28"), ("30", "27"), ("31", "26")]:
        text = text.replace("\n2025/02/" + day, "\n2025/02/" + fixed)
    survey.write_text(text, encoding="utf-8")
    for name in ("tw1.yaml", "tw2.yaml"):  # the figure typed in would be given twice
        path = year / name
        lines = path.read_text().splitlines(keepends=True)
        at = lines.index("  IKK.1:\n")
        path.write_text("".join(lines[:at] + lines[at + 2 :]))
    targets = root / "targets-2025.yaml"
    plan = targets.read_text()
    assert "survei: survei-ikm-layanan.csv " in plan
    targets.write_text(
        plan.replace("survei: survei-ikm-layanan.csv ", "survei: ../bersama/survei-ikm-*.csv ")
    )
    return survey


def test_a_survey_pattern_reaching_outside_the_quarter_folder(aktif: Path, tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    survey = _survei_di_luar_folder(root)
    before = _semua_hasil(root)
    text = survey.read_text(encoding="utf-8")
    (survey.parent / "survei-ikm-layanan-b.csv").write_text(
        text.replace("Sangat sesuai", "Tidak sesuai"), encoding="utf-8"
    )
    after = _semua_hasil(root)
    assert after != before
    cache_berkas.matikan()
    assert after == _semua_hasil(root)


def test_a_wildcard_does_not_reach_into_hidden_folders(aktif: Path, tmp_path: Path) -> None:
    """renja never reads from hidden folders or ``__pycache__`` (``validasi`` skips them,
    folder fingerprints leave them out): a survey copy kept in ``tw3/.arsip`` is not
    matched by ``**/…``, cached or not, and a subfolder the pattern names still is."""
    from renja_cli.ikm import cari_berkas_survei

    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    targets = root / "targets-2025.yaml"
    plan = targets.read_text()
    assert "survei: survei-pembinaan-*.csv " in plan
    targets.write_text(plan.replace("survei-pembinaan-*.csv ", '"**/survei-pembinaan-*.csv" '))
    before = _semua_hasil(root)
    tw3 = root / "realisasi" / "2025" / "tw3"
    source = sorted(tw3.glob("survei-pembinaan-*.csv"))[0]
    ubah = source.read_text(encoding="utf-8-sig").replace("Sangat sesuai", "Tidak sesuai")
    for hidden in (".arsip", "__pycache__", "kegiatan/.lama"):
        (tw3 / hidden).mkdir(parents=True)
        (tw3 / hidden / "survei-pembinaan-lama.csv").write_text(ubah, encoding="utf-8")
    after = _semua_hasil(root)
    cache_berkas.matikan()
    assert after == _semua_hasil(root)
    assert after == before
    found = cari_berkas_survei(tw3, "**/survei-pembinaan-*.csv")
    assert found and not any("lama" in p.name for p in found)
    (tw3 / "kegiatan" / "survei-pembinaan-baru.csv").write_text(ubah, encoding="utf-8")
    assert tw3 / "kegiatan" / "survei-pembinaan-baru.csv" in cari_berkas_survei(
        tw3, "*/survei-pembinaan-*.csv"
    )
    # '..' after a wildcard is a way up, not a hidden folder
    assert cari_berkas_survei(tw3, "*/../survei-pembinaan-*.csv")


def test_a_path_through_a_link_and_dot_dot_is_recorded_as_the_system_reads_it(
    aktif: Path, tmp_path: Path
) -> None:
    """``w/L/../data`` with ``L`` a link to ``A/sub`` is ``A/data`` to the system; taken
    as text it would be ``w/data`` (absent, and staying absent: a stale figure)."""
    real = tmp_path / "A" / "data"
    (tmp_path / "A" / "sub").mkdir(parents=True)
    shutil.copytree(DATA, real)
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "L").symlink_to(tmp_path / "A" / "sub", target_is_directory=True)
    root = tmp_path / "w" / "L" / ".." / "data"
    before = _semua_hasil(root)
    tw3 = real / "realisasi" / "2025" / "tw3.yaml"
    tw3.write_text(tw3.read_text(encoding="utf-8").replace("nilai: 76.12", "nilai: 55.5"))
    after = _semua_hasil(root)
    assert after[("IKK.11", "tw3")].nilai == 55.5  # type: ignore[attr-defined]
    assert before[("IKK.11", "tw3")].nilai == 76.12  # type: ignore[attr-defined]
    cache_berkas.matikan()
    assert after == _semua_hasil(root)

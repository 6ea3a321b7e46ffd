"""``rata_rata``: the realisasi is the mean of named components (IKM layanan and
pembinaan; two sub-indicators of IKK.2). A component comes from the YAML entry
or from its own record file (the mean of per-event values), never both."""

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator

from renja_cli import bacaan
from renja_cli.cache_berkas import ingat
from renja_cli.errors import DataError, Location
from renja_cli.formula.hasil import (
    BerkasDibaca,
    HasilPeriode,
    KonteksFormula,
    RincianKomponen,
    RincianSurvei,
)
from renja_cli.formula.umum import (
    KOLOM_TANGGAL,
    batas_periode,
    bentuk_salah,
    berkas_rekaman,
    dari_entri,
    dengan_narasi,
    dua_kali,
    rekaman_dibaca,
)
from renja_cli.io.csvfile import angka, buka_csv, sel
from renja_cli.io.pesan import kunci_banding, tampak
from renja_cli.model.dasar import BerkasPeriode, KodeBebas, Rentang, Strict, Teks
from renja_cli.model.realisasi import EntriRealisasi


class Komponen(Strict):
    """One component of a mean (IKM layanan, IKM pembinaan …)."""

    kode: KodeBebas
    nama: Teks
    target: float | None = None
    rentang: Rentang | None = Field(None, description="Nilai yang mungkin, mis. IKM 25-100")
    berkas: BerkasPeriode | None = Field(
        None, description="CSV nilai per kegiatan; realisasi = rata-ratanya"
    )
    survei: BerkasPeriode | None = Field(
        None,
        description="Berkas jawaban survei (IKM, PermenPANRB 14/2017) di folder periode: nama "
        "atau pola (survei-pembinaan-*.csv); IKM dihitung dari jawaban",
    )
    gabung_survei: Literal["rata_rata_kegiatan", "gabungan_responden"] | None = Field(
        None,
        description="Beberapa berkas survei: rata-rata IKM per berkas (kegiatan), atau semua "
        "jawaban digabung; bawaan dari survei.yaml",
    )


class FormulaRataRata(Strict):
    """Realisasi = mean of named components."""

    jenis: Literal["rata_rata"]
    komponen: Annotated[list[Komponen], Field(min_length=1)]

    @field_validator("komponen")
    @classmethod
    def _unique(cls, value: list[Komponen]) -> list[Komponen]:
        seen: set[str] = set()
        for k in value:
            if k.kode in seen:
                raise ValueError(f"[R210] kode komponen '{k.kode}' ganda")
            seen.add(k.kode)
        return value


def hitung(
    ctx: KonteksFormula,
    kode: str,
    formula: FormulaRataRata,
    periode: str,
    entry: EntriRealisasi | None,
) -> HasilPeriode | None:
    if entry is not None and entry.predikat is not None:
        raise bentuk_salah(ctx, kode, periode, "predikat", "rata_rata", "nilai angka")
    if entry is not None and entry.pembilang is not None:
        raise bentuk_salah(ctx, kode, periode, "pembilang", "rata_rata", "komponen atau nilai")
    whole = entry is not None and (entry.nilai is not None or not entry.tersedia)
    given = dict(entry.komponen or {}) if entry is not None else {}
    known = {k.kode for k in formula.komponen}
    for name in given:
        if name not in known:
            raise DataError(
                f"komponen '{name}' tidak dikenal; pilihan: {', '.join(sorted(known))}",
                ctx.lokasi(periode, "realisasi", kode, "komponen", name),
                field=f"{kode} → komponen",
                code="R203",
            )
    from_files: dict[str, float | None] = {}
    details: dict[str, RincianKomponen | RincianSurvei] = {}
    missing: HasilPeriode | None = None
    for komponen in formula.komponen:
        surveys = _survei(ctx, komponen, periode)
        if surveys:
            if given.get(komponen.kode) is not None or (
                entry is not None and entry.nilai is not None
            ):
                typed = given.get(komponen.kode) is not None
                raise DataError(
                    f"komponen {komponen.kode} diberikan dua kali: di YAML dan dari berkas survei "
                    f"{surveys[0].name}; hapus salah satunya",
                    # at the value typed, so the workbook names that cell
                    ctx.lokasi(
                        periode,
                        "realisasi",
                        kode,
                        *(("komponen", komponen.kode) if typed else ("nilai",)),
                    ),
                    field=f"{kode} → komponen",
                    code="R204",
                )
            events = surveys[0].parent / komponen.berkas if komponen.berkas else None
            if events is not None:
                bacaan.catat(events)  # its appearing decides: recorded for the caches
            if events is not None and events.exists():
                raise DataError(
                    f"komponen {komponen.kode} diberikan dua kali: {events.name} dan berkas "
                    f"survei {surveys[0].name}; simpan salah satunya di folder "
                    f"{events.parent.name}/",
                    Location(events),
                    field=f"{kode} → komponen",
                    code="R204",
                )
            detail = _hitung_survei(ctx, komponen, surveys, periode)
            from_files[komponen.kode] = detail.hasil.ikm
            details[komponen.kode] = detail
            continue
        if komponen.berkas is None:
            if komponen.survei is not None:
                found_s = berkas_rekaman(
                    ctx,
                    kode,
                    periode,
                    komponen.survei,
                    whole or given.get(komponen.kode) is not None,
                    pola=True,
                )
                if isinstance(found_s, HasilPeriode):
                    missing = found_s
            continue
        found = berkas_rekaman(
            ctx, kode, periode, komponen.berkas, whole or given.get(komponen.kode) is not None
        )
        if isinstance(found, HasilPeriode):
            missing = found
        elif found is not None:
            if entry is not None and entry.nilai is not None:
                raise dua_kali(ctx, kode, periode, found, "nilai")
            if given.get(komponen.kode) is not None:
                raise DataError(
                    f"komponen {komponen.kode} diberikan dua kali: di YAML dan dari berkas "
                    f"{found.name}; hapus salah satunya",
                    ctx.lokasi(periode, "realisasi", kode, "komponen", komponen.kode),
                    field=f"{kode} → komponen",
                    code="R204",
                )
            mean, rincian = rata_rata_kegiatan(ctx, found, periode)
            from_files[komponen.kode] = mean
            details[komponen.kode] = rincian
    if missing is not None:
        return dengan_narasi(missing, entry)
    if entry is None and not from_files:
        return None
    if entry is not None and (entry.nilai is not None or not entry.tersedia):
        return dari_entri(ctx, kode, periode, entry)
    base = dari_entri(ctx, kode, periode, entry) if entry is not None else HasilPeriode()
    values = {k.kode: from_files.get(k.kode, given.get(k.kode)) for k in formula.komponen}
    absent = tuple(f"komponen {k} belum ada" for k, v in values.items() if v is None)
    lokasi = base.lokasi
    if entry is None or entry.komponen is None:
        first = next(iter(details.values()), None)
        if isinstance(first, RincianKomponen):
            lokasi = Location(first.berkas)
        elif first is not None:
            lokasi = Location(first.berkas[0])
    return replace(
        base,
        keterangan=base.keterangan + absent,
        komponen=values,
        rincian=details or None,
        lokasi=lokasi,
        lokasi_komponen={
            name: ctx.lokasi(periode, "realisasi", kode, "komponen", name) for name in given
        },
        dihitung=True,
        # a mean with a component missing is no figure for this period
        lengkap=not absent,
        tersedia=not absent,
    )


def _survei(ctx: KonteksFormula, komponen: Komponen, periode: str) -> list[Path]:
    """The survey files of a component in a period folder (sorted), if it names any."""
    folder = ctx.folder(periode)
    if folder is None:
        return []
    return survei_komponen(folder, komponen)


def survei_komponen(folder: Path, komponen: Komponen) -> list[Path]:
    """The survey files a component's name or pattern matches in ``folder``."""
    if komponen.survei is None or not folder.is_dir():
        return []
    from renja_cli.ikm import cari_berkas_survei

    return cari_berkas_survei(folder, komponen.survei)


def _hitung_survei(
    ctx: KonteksFormula, komponen: Komponen, files: list[Path], periode: str
) -> RincianSurvei:
    from renja_cli.ikm import ikm_dari_berkas

    ref = ctx.referensi.survei
    gabung = komponen.gabung_survei
    sampai = (ctx.tahun, periode)
    per_kegiatan = (gabung or ref.gabung) == "rata_rata_kegiatan"
    # the survey files alone decide it: kept while they are unchanged, whatever
    # else of the period's YAML file is edited
    hasil = ingat(
        "ikm",
        (tuple(str(f) for f in files), ref, gabung, sampai, per_kegiatan),
        lambda: ikm_dari_berkas(
            files, ref, gabung=gabung, sampai=sampai, per_kegiatan=per_kegiatan
        ),
    )
    return RincianSurvei(tuple(files), hasil)


def rata_rata_kegiatan(
    ctx: KonteksFormula, path: Path, periode: str
) -> tuple[float | None, RincianKomponen]:
    """Mean of per-event values (e.g. IKM of each guidance event)."""
    csv_file = buka_csv(path)
    col_name = csv_file.column("kegiatan")
    col_value = csv_file.column("nilai")
    dated = [(name, i) for name in KOLOM_TANGGAL if (i := csv_file.column(name, False)) is not None]
    assert col_name is not None and col_value is not None
    events: list[tuple[str, float]] = []
    lines: list[int] = []
    seen: dict[str, tuple[str, int]] = {}
    for line, cells in csv_file.rows():
        for name, index in dated:
            batas_periode(path, line, periode, ctx.tahun, name, sel(cells, index))
        value = angka(path, line, "nilai", sel(cells, col_value))
        kegiatan = sel(cells, col_name)
        key = kunci_banding(kegiatan)
        if key and key in seen:  # a row carried over and typed again counts the event twice
            first, first_line = seen[key]
            raise DataError(
                f"kegiatan {tampak(kegiatan)} ganda (pertama di baris {first_line}: "
                f"{tampak(first)}); satu baris per kegiatan",
                Location(path, line),
                code="R308",
            )
        seen[key] = (kegiatan, line)
        events.append((kegiatan, value))
        lines.append(line)
    mean = sum(v for _, v in events) / len(events) if events else None
    return mean, RincianKomponen(path, tuple(events), tuple(lines))


def berkas(formula: FormulaRataRata) -> tuple[str, ...]:
    return tuple(
        name for k in formula.komponen for name in (k.berkas, k.survei) if name is not None
    )


def dibaca(formula: FormulaRataRata, folder: Path) -> BerkasDibaca:
    rekaman: list[Path] = []
    survei: list[Path] = []
    for komponen in formula.komponen:
        found = survei_komponen(folder, komponen)
        survei += found
        if found and komponen.berkas:  # beside the survey files it is an error (R204)
            rekaman.append(found[0].parent / komponen.berkas)
        elif komponen.berkas:
            rekaman += rekaman_dibaca(folder, (komponen.berkas,))
    return BerkasDibaca(tuple(rekaman), tuple(survei))


def uraian(formula: FormulaRataRata) -> str:
    return "rata-rata " + ", ".join(k.nama for k in formula.komponen)

"""The arithmetic of PermenPANRB 14/2017, on surveys already read.

Per unsur: NRR = sum of its valid scores / respondents who answered it;
weighted NRR = NRR × bobot (1/9 exactly, or 0,111 when the office's setting
says ``dibulatkan``); interval value = NRR × 25. IKM = 25 × Σ weighted NRR,
kept unrounded; its mutu is decided on the value rounded half-up to two
decimals (what the reader sees) against each band's lower bound, because the
bands have gaps at two decimals (88,30 | 88,31).

Several files combine by a declared rule:

* ``rata_rata_kegiatan`` — each file is one event; the IKM is the mean of the
  per-file IKMs (how the seed's 2024 IKM pembinaan 93,93 is the mean of eight
  events), and each unsur's NRR the mean of the per-file NRRs, so the unsur
  table still adds up to the IKM. Every event weighs the same, however many
  answered.
* ``gabungan_responden`` — all responses are pooled and computed once; every
  respondent weighs the same.

Breakdowns (per layanan, triwulan, bulan) always pool the responses of each
group, whatever the rule for the total.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Literal, get_args

from renja_cli import bacaan
from renja_cli.errors import DataError, DataErrors, Location, UsageError
from renja_cli.ikm.baca import Responden, Survei, baca_survei
from renja_cli.ikm.hasil import HasilIkm, HasilUnsur, Kelompok, Peringatan, Sampel
from renja_cli.ikm.referensi import (
    AturanSampel,
    BandMutu,
    Bobot,
    Gabung,
    ReferensiSurvei,
    muat_referensi,
    norm_teks,
)
from renja_cli.ikm.waktu import WaktuError, label_bulan, label_triwulan, urai_tanggal
from renja_cli.io.berkas import berkas_masukan
from renja_cli.numbers import round_half_up
from renja_cli.rekaman import dataclass

Per = Literal["layanan", "triwulan", "bulan"]
TANPA = "(tanpa keterangan)"


def tentukan_mutu(nilai: float, referensi: ReferensiSurvei) -> BandMutu:
    """Band of a value on the 25–100 scale, by lower bound, at two decimals.

    A value below the lowest bound (24,98 with the rounded 0,111 weight) still
    gets the lowest band.
    """
    shown = round_half_up(nilai, 2)
    for band in referensi.mutu:
        if shown >= Decimal(repr(band.min)):
            return band
    return referensi.mutu[-1]


def sampel_minimal(populasi: int, aturan: AturanSampel | None = None) -> int:
    """Krejcie–Morgan minimum sample, computed in exact fractions.

    s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)). With χ² = 3,841, P = 0,5 and
    d = 0,05: 80 for N = 100, 278 for 1 000, 370 for 10 000, as the published
    table. The table rounds to nearest: rounded up (the default setting) is one
    higher for 45 of its 90 entries (N = 15 → 15 not 14, 50 → 45 not 44,
    500 → 218 not 217); ``pembulatan: terdekat`` reproduces the table exactly.
    """
    if isinstance(populasi, bool) or not isinstance(populasi, int) or populasi < 1:
        raise UsageError(f"populasi harus bilangan bulat positif, bukan {populasi!r}", code="R418")
    a = aturan or AturanSampel()
    chi, p, d = (Fraction(repr(x)) for x in (a.chi_kuadrat, a.proporsi, a.galat))
    s = chi * populasi * p * (1 - p) / (d * d * (populasi - 1) + chi * p * (1 - p))
    return math.ceil(s) if a.pembulatan == "atas" else math.floor(s + Fraction(1, 2))


@dataclass(frozen=True, slots=True)
class _Jumlah:
    """Per-unsur sums and answer counts of a set of respondents."""

    responden: int
    nilai: tuple[int, ...]
    jawaban: tuple[int, ...]


def _jumlah(responden: Sequence[Responden]) -> _Jumlah:
    if not responden:
        return _Jumlah(0, (0,) * 9, (0,) * 9)
    columns = list(zip(*(r.nilai for r in responden), strict=True))
    return _Jumlah(
        len(responden),
        tuple(sum(c) for c in columns),
        tuple(len(c) - c.count(0) for c in columns),
    )


def _kosong(j: _Jumlah, referensi: ReferensiSurvei) -> list[str]:
    return [f"{u.kode} {u.nama}" for u, n in zip(referensi.unsur, j.jawaban, strict=True) if not n]


def _hasil(
    referensi: ReferensiSurvei,
    bobot: Bobot,
    berkas: tuple[str, ...],
    responden: int,
    nrr: Sequence[float],
    ikm: float,
    nilai: Sequence[int],
    jawaban: Sequence[int],
) -> HasilIkm:
    w = referensi.nilai_bobot(bobot)
    unsur = []
    for u, value, total, count in zip(referensi.unsur, nrr, nilai, jawaban, strict=True):
        band = tentukan_mutu(value * 25, referensi)
        unsur.append(
            HasilUnsur(
                u.kode, u.nama, count, total, value, value * w, value * 25, band.mutu, band.kinerja
            )
        )
    order = sorted(range(len(unsur)), key=lambda i: (nrr[i], i))
    band = tentukan_mutu(ikm, referensi)
    return HasilIkm(
        berkas=berkas,
        responden=responden,
        dikecualikan=(),
        ikm=ikm,
        mutu=band.mutu,
        kinerja=band.kinerja,
        unsur=tuple(unsur),
        terendah=tuple(unsur[i].nama for i in order[:3]),
        bobot=bobot,
        nilai_bobot=w,
        contoh=False,
    )


def _ikm(nrr: Sequence[float], referensi: ReferensiSurvei, bobot: Bobot) -> float:
    # 25 × Σ(NRR × w) with the common weight taken out of the sum: for 1/9 this is
    # exact for equal NRRs (nine answers of k give 25·k, not 25·k ± 1 ulp).
    if bobot == "tepat":
        return math.fsum(nrr) * 25 / 9
    return math.fsum(nrr) * referensi.nilai_bobot(bobot) * 25


def _dari_jumlah(
    j: _Jumlah, referensi: ReferensiSurvei, bobot: Bobot, berkas: tuple[str, ...]
) -> HasilIkm:
    nrr = [s / n for s, n in zip(j.nilai, j.jawaban, strict=True)]
    return _hasil(
        referensi, bobot, berkas, j.responden, nrr, _ikm(nrr, referensi, bobot), j.nilai, j.jawaban
    )


def _satu_berkas(s: Survei, referensi: ReferensiSurvei, bobot: Bobot) -> HasilIkm:
    j = _jumlah(s.responden)
    empty = _kosong(j, referensi)
    if empty:
        column = {c.kode: c.kolom for c in s.unsur}[empty[0].split()[0]]
        raise DataError(
            f"unsur tidak dijawab satu responden pun: {'; '.join(empty)}",
            s.lokasi(s.baris_judul, column),
            code="R407",
        )
    hasil = _dari_jumlah(j, referensi, bobot, (s.berkas.name,))
    return _ganti(hasil, dikecualikan=s.dikecualikan, contoh=s.contoh, peringatan=s.peringatan)


def _ganti(hasil: HasilIkm, **changes: object) -> HasilIkm:
    return replace(hasil, **changes)  # type: ignore[arg-type]


def _cek_pilihan(value: object, allowed: tuple[str, ...], name: str) -> None:
    if value is not None and value not in allowed:
        raise UsageError(f"{name} '{value}' tidak dikenal; pilih {', '.join(allowed)}", code="R418")


def hitung_ikm(
    survei: Survei | Sequence[Survei],
    referensi: ReferensiSurvei | None = None,
    *,
    populasi: int | None = None,
    per: Per | None = None,
    kolom_layanan: str | None = None,
    bobot: Bobot | None = None,
    gabung: Gabung | None = None,
) -> HasilIkm:
    """IKM of one survey, or of several combined by ``gabung`` (default: the reference's).

    ``per`` adds breakdowns (``kelompok``); several files always also get one
    group per file (``per="berkas"``). ``populasi`` adds the sample check.
    """
    ref = referensi or muat_referensi()
    surveys = [survei] if isinstance(survei, Survei) else list(survei)
    if not surveys:
        raise UsageError("tidak ada berkas survei", code="R418")
    _cek_pilihan(per, get_args(Per), "pengelompokan (--per)")
    _cek_pilihan(bobot, get_args(Bobot), "bobot")
    _cek_pilihan(gabung, get_args(Gabung), "aturan gabung")
    w: Bobot = bobot or ref.bobot
    rule: Gabung = gabung or ref.gabung
    per_file = [_satu_berkas(s, ref, w) for s in surveys]
    if len(surveys) == 1:
        hasil = per_file[0]
        groups: list[Kelompok] = []
    else:
        hasil = _gabung(per_file, surveys, ref, w, rule)
        groups = [
            Kelompok("berkas", s.berkas.name, h) for s, h in zip(surveys, per_file, strict=True)
        ]
    warnings = [p for h in per_file for p in h.peringatan]
    if per is not None:
        more, skipped = _kelompok(surveys, ref, w, per, kolom_layanan)
        groups += more
        warnings += skipped
    sampel = None
    if populasi is not None:
        minimal = sampel_minimal(populasi, ref.sampel)
        sampel = Sampel(populasi, minimal, hasil.responden, hasil.responden >= minimal)
        if hasil.responden > populasi:
            warnings.append(
                Peringatan(
                    "R421",
                    f"{hasil.responden} responden > populasi {populasi}: ada kiriman atau berkas "
                    "ganda, atau populasinya keliru; uji sampel tidak berarti",
                )
            )
        if not sampel.cukup:
            warnings.append(
                Peringatan(
                    "R417",
                    f"{hasil.responden} responden < {minimal} sampel minimal untuk populasi "
                    f"{populasi} (Krejcie–Morgan); hasil survei kurang mewakili",
                )
            )
    return _ganti(
        hasil,
        kelompok=tuple(groups),
        peringatan=tuple(warnings),
        sampel=sampel,
        contoh=any(s.contoh for s in surveys),
    )


def _gabung(
    per_file: list[HasilIkm],
    surveys: list[Survei],
    ref: ReferensiSurvei,
    w: Bobot,
    rule: Gabung,
) -> HasilIkm:
    names = tuple(s.berkas.name for s in surveys)
    if rule == "gabungan_responden":
        pooled = [r for s in surveys for r in s.responden]
        hasil = _dari_jumlah(_jumlah(pooled), ref, w, names)
    else:
        n = len(per_file)
        nrr = [math.fsum(h.unsur[i].nrr for h in per_file) / n for i in range(9)]
        hasil = _hasil(
            ref,
            w,
            names,
            sum(h.responden for h in per_file),
            nrr,
            math.fsum(h.ikm for h in per_file) / n,
            [sum(h.unsur[i].jumlah_nilai for h in per_file) for i in range(9)],
            [sum(h.unsur[i].jumlah_jawaban for h in per_file) for i in range(9)],
        )
    return _ganti(
        hasil, gabung=rule, dikecualikan=tuple(d for h in per_file for d in h.dikecualikan)
    )


def _kelompok(
    surveys: list[Survei],
    ref: ReferensiSurvei,
    w: Bobot,
    per: Per,
    kolom_layanan: str | None,
) -> tuple[list[Kelompok], list[Peringatan]]:
    buckets: dict[object, list[Responden]] = {}
    labels: dict[object, str] = {}
    files: dict[object, list[str]] = {}
    for s in surveys:
        keys, names = _kunci(s, ref, per, kolom_layanan)
        labels.update(names)
        for key, r in zip(keys, s.responden, strict=True):
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = []
            bucket.append(r)
        for key in names:
            files.setdefault(key, []).append(s.berkas.name)
    groups: list[Kelompok] = []
    warnings: list[Peringatan] = []
    for key in sorted(buckets, key=_urutan):
        label, members = labels[key], buckets[key]
        j = _jumlah(members)
        empty = _kosong(j, ref)
        if empty:
            warnings.append(
                Peringatan(
                    "R407",
                    f"kelompok {per} '{label}' ({j.responden} responden) tidak dihitung: "
                    f"tanpa jawaban untuk {'; '.join(empty)}",
                )
            )
            continue
        groups.append(Kelompok(per, label, _dari_jumlah(j, ref, w, tuple(files[key]))))
    return groups, warnings


def _urutan(key: object) -> tuple[bool, str, tuple[int, ...]]:
    """Groups in name or calendar order; the group without a value last."""
    if isinstance(key, tuple):
        return (False, "", key)
    return (key is None, key if isinstance(key, str) else "", ())


def _kunci(
    s: Survei, ref: ReferensiSurvei, per: Per, kolom_layanan: str | None
) -> tuple[list[object], dict[object, str]]:
    """The group key of each respondent of one file, and each key's label."""
    labels: dict[object, str] = {}
    if per == "layanan":
        wanted = [kolom_layanan] if kolom_layanan else ref.kolom_layanan
        index = next((i for n in wanted if (i := s.cari_keterangan(n)) is not None), None)
        if index is None:
            raise DataError(
                f"kolom jenis layanan tidak ada (dicari: {', '.join(wanted)}); "
                f"kolom yang ada: {', '.join(s.keterangan) or 'tidak ada'}",
                s.lokasi(s.baris_judul),
                code="R414",
            )
        seen: dict[str, object] = {}
        keys: list[object] = []
        for r in s.responden:
            raw = r.keterangan[index]
            key = seen.get(raw, seen)
            if key is seen:
                text = " ".join(raw.split())
                key = seen[raw] = norm_teks(text) or None
                labels.setdefault(key, text if key else TANPA)
            keys.append(key)
        return keys, labels
    if s.kolom_waktu is None:
        raise DataError(
            f"kolom cap waktu tidak ada (dicari: {', '.join(ref.kolom_waktu)}); "
            f"pengelompokan per {per} tidak bisa dibuat",
            s.lokasi(s.baris_judul),
            code="R414",
        )
    try:
        dates = urai_tanggal([r.waktu for r in s.responden])
    except WaktuError as exc:
        r = s.responden[exc.index]
        column = s.kolom_keterangan[s.kolom_waktu]
        raise DataError(str(exc), s.lokasi(r.baris, column), code="R413") from None
    label = label_triwulan if per == "triwulan" else label_bulan
    by_date: dict[object, object] = {}
    result: list[object] = []
    for d in dates:
        key = by_date.get(d, by_date)
        if key is by_date:
            if d is None:
                key, text = None, "(tanpa cap waktu)"
            else:
                key, text = label(d)
            by_date[d] = key
            labels.setdefault(key, text)
        result.append(key)
    return result, labels


def ikm_dari_berkas(
    paths: Sequence[Path],
    referensi: ReferensiSurvei | None = None,
    *,
    lembar: str | None = None,
    populasi: int | None = None,
    per: Per | None = None,
    kolom_layanan: str | None = None,
    bobot: Bobot | None = None,
    gabung: Gabung | None = None,
    sampai: tuple[int, str] | None = None,
    per_kegiatan: bool = False,
) -> HasilIkm:
    """Read every file, reporting all files' errors at once, then :func:`hitung_ikm`.

    ``sampai`` (year, period file): responses must be dated within the period's year
    and not after the period, as any record of a quarter folder (R423, R312).
    ``per_kegiatan``: each file must be one event (R422), as the mean of events
    requires; several files under ``rata_rata_kegiatan`` always are.
    """
    ref = referensi or muat_referensi()
    if not paths:
        raise UsageError("tidak ada berkas survei", code="R418")
    berkas_masukan(paths)
    surveys: list[Survei] = []
    errors: list[DataError] = berkas_kembar(paths)
    for path in paths:
        try:
            surveys.append(baca_survei(path, ref, lembar=lembar))
        except DataErrors as exc:
            errors.extend(exc.errors)
        except DataError as exc:
            errors.append(exc)
    if sampai is not None:
        for survei in surveys:
            errors.extend(_sesudah_periode(survei, *sampai))
    if per_kegiatan or (len(surveys) > 1 and (gabung or ref.gabung) == "rata_rata_kegiatan"):
        for survei in surveys:
            errors.extend(_satu_kegiatan(survei, ref))
    extra, kembar = responden_lintas_berkas(surveys)
    errors += kembar
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    hasil = hitung_ikm(
        surveys,
        ref,
        populasi=populasi,
        per=per,
        kolom_layanan=kolom_layanan,
        bobot=bobot,
        gabung=gabung,
    )
    return _ganti(hasil, peringatan=hasil.peringatan + tuple(extra)) if extra else hasil


def _satu_kegiatan(s: Survei, ref: ReferensiSurvei) -> list[DataError]:
    """One file, one event (R422): a form shared by three events, averaged as one, gives
    the mean of responses instead of the mean of events."""
    for name in ref.kolom_kegiatan:
        index = s.cari_keterangan(name)
        if index is None:
            continue
        seen: dict[str, int] = {}
        for r in s.responden:
            text = " ".join(r.keterangan[index].split())
            if text:
                seen.setdefault(norm_teks(text), r.baris)
        if len(seen) > 1:
            names = sorted({" ".join(r.keterangan[index].split()) for r in s.responden} - {""})
            shown = ", ".join(names[:4]) + (" …" if len(names) > 4 else "")
            column = s.kolom_keterangan[index]
            return [
                DataError(
                    f"berkas memuat {len(seen)} kegiatan di kolom '{s.keterangan[index]}' "
                    f"({shown}); rata-rata kegiatan menghitung IKM setiap kegiatan dari "
                    "berkasnya sendiri: pisahkan per kegiatan, atau pakai "
                    "gabung: gabungan_responden",
                    s.lokasi(s.baris_judul, column),
                    code="R422",
                )
            ]
        return []
    return []


def _sesudah_periode(s: Survei, tahun: int, periode: str) -> list[DataError]:
    """Responses dated after the period of the folder they stand in (R312): an export
    taken in October also holds October's answers. Responses dated before its year
    (R423): a form used again this year exports last year's answers too, and the
    year's IKM is of this year's answers only."""
    from renja_cli.hitung.periode import label_periode, sesudah_periode, triwulan_tanggal

    if s.kolom_waktu is None:
        return []
    column = s.kolom_keterangan[s.kolom_waktu]
    try:
        dates = urai_tanggal([r.waktu for r in s.responden])
    except WaktuError as exc:
        return [DataError(str(exc), s.lokasi(s.responden[exc.index].baris, column), code="R413")]
    errors: list[DataError] = []
    early = [(r, d) for r, d in zip(s.responden, dates, strict=True) if d and d.year < tahun]
    if early:
        r, d = early[0]
        more = f" (dan {len(early) - 1} jawaban lain)" if len(early) > 1 else ""
        errors.append(
            DataError(
                f"jawaban bertanggal {d.isoformat()} jatuh sebelum tahun {tahun}{more}; "
                f"IKM {tahun} hanya dari jawaban tahun {tahun}: formulir yang dipakai lagi "
                "mengekspor juga jawaban tahun lalu — hapus baris itu dari berkas",
                s.lokasi(r.baris, column),
                code="R423",
            )
        )
    late = [
        (r, d)
        for r, d in zip(s.responden, dates, strict=True)
        if d is not None and sesudah_periode(d.year, triwulan_tanggal(d), periode, tahun)
    ]
    if late:
        r, d = late[0]
        more = f" (dan {len(late) - 1} jawaban lain)" if len(late) > 1 else ""
        errors.append(
            DataError(
                f"jawaban bertanggal {d.isoformat()} jatuh sesudah {label_periode(periode)} "
                f"{tahun}{more}; jawaban itu masuk folder triwulan {triwulan_tanggal(d)} "
                f"tahun {d.year}",
                s.lokasi(r.baris, column),
                code="R312",
            )
        )
    return errors


def berkas_kembar(paths: Sequence[Path]) -> list[DataError]:
    """A file named twice, or two files with the same bytes (a form downloaded twice,
    ``survei (1).csv``): either would count every response twice (R420)."""
    from renja_cli.bacaan import blake2b

    errors: list[DataError] = []
    by_path: dict[Path, Path] = {}
    by_digest: dict[bytes, Path] = {}
    for path in paths:
        try:
            key = path.resolve()
            digest = blake2b(path.read_bytes(), digest_size=16).digest()
        except OSError:
            continue  # unreadable: the reader reports it
        if key in by_path:
            errors.append(
                DataError(
                    f"berkas disebut dua kali (juga sebagai {by_path[key]})",
                    Location(path),
                    code="R420",
                )
            )
            continue
        by_path[key] = path
        if digest in by_digest:
            errors.append(
                DataError(
                    f"isinya sama persis dengan {by_digest[digest].name}: berkas yang diunduh "
                    "atau disimpan dua kali menghitung setiap jawaban dua kali; hapus salah satu",
                    Location(path),
                    code="R420",
                )
            )
            continue
        by_digest[digest] = path
    return errors


def responden_lintas_berkas(
    surveys: Sequence[Survei],
) -> tuple[list[Peringatan], list[DataError]]:
    """Responses with the same timestamp and answers in two files: a warning (R416)
    when the files share some, an error (R420) when every response of one file is in
    the other — the same export saved twice with other line ends, separators or
    quoting (``survei - Salinan.csv``), or an earlier export beside a later one —
    which would count each of them twice."""
    first: dict[tuple[object, tuple[int, ...]], tuple[int, int]] = {}
    pairs: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for i, survei in enumerate(surveys):
        for r in survei.responden:
            if r.waktu is None or r.waktu == "":
                continue
            j, baris = first.setdefault((r.waktu, r.nilai), (i, r.baris))
            if j != i:
                pairs.setdefault((j, i), []).append((baris, r.baris))
    warnings: list[Peringatan] = []
    errors: list[DataError] = []
    for (a, b), rows in sorted(pairs.items()):
        sa, sb = surveys[a], surveys[b]
        # a file all of whose responses pair up (side: its row in each pair)
        contained = [
            (inner, outer)
            for inner, outer, side in ((sb, sa, 1), (sa, sb, 0))
            if len({row[side] for row in rows}) == len(inner.responden)
        ]
        if contained:
            inner, outer = contained[0]
            errors.append(
                DataError(
                    f"semua {len(inner.responden)} jawaban berkas ini (cap waktu dan skor) ada "
                    f"juga di {outer.berkas.name}: ekspor yang sama disimpan dua kali (atau "
                    "ekspor lama di samping yang baru) menghitung setiap jawaban dua kali; "
                    "hapus salah satu",
                    Location(inner.berkas),
                    code="R420",
                )
            )
            continue
        shown = ", ".join(f"{x}↔{y}" for x, y in rows[:5]) + (" …" if len(rows) > 5 else "")
        warnings.append(
            Peringatan(
                "R416",
                f"{len(rows)} responden di {sb.berkas.name} sama cap waktu dan jawabannya dengan "
                f"{sa.berkas.name} (baris {shown}); tetap dihitung — periksa berkas ganda",
                sb.lokasi(rows[0][1]),
            )
        )
    return warnings, errors


def cari_berkas_survei(folder: Path, pola: str = "survei-*") -> list[Path]:
    """Survey files (``.csv``/``.xlsx``) in a period folder matching ``pola``, sorted.

    Excel's lock files (``~$…``) are skipped, and so are hidden folders and
    ``__pycache__`` that a wildcard reaches (``*/…``, ``**/…``): renja never reads
    from them (:func:`bacaan.dilewati`). The folder the pattern lists (its fixed
    leading part: ``../bersama/survei-*.csv`` lists ``folder/../bersama``) is
    recorded for the caches: a matching file added there changes the result.
    """
    base = folder
    for part in Path(pola).parts[:-1]:
        if any(c in part for c in "*?["):
            break
        base = base / part
    bacaan.catat_folder(base)
    found = [
        p
        for p in folder.glob(pola)
        if p.is_file()
        and p.suffix.casefold() in {".csv", ".xlsx"}
        and not p.name.startswith("~$")
        and not any(bacaan.dilewati(d) for d in p.relative_to(base).parts[:-1])
    ]
    return sorted(found)

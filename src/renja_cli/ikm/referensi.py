"""Reference data of the survey: the nine unsur, answer wordings, mutu bands.

The regulation's defaults ship as ``survei.yaml`` beside this module; an office
adjusts them with a small override file (:func:`muat_penyesuaian`) instead of
copying the whole reference, so a later fix of the defaults still reaches it.
Both are strict: unknown keys, wrong types and contradictions are located errors.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from renja_cli.io.pesan import validate
from renja_cli.io.yamlfile import load_file

Bobot = Literal["tepat", "dibulatkan"]
"""Weight of each unsur: exactly 1/9 (regulation) or 0,111 (spreadsheet templates)."""

Gabung = Literal["rata_rata_kegiatan", "gabungan_responden"]
"""Several files: mean of per-file IKMs, or one IKM over all pooled responses."""

KodeUnsur = Literal["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"]
KODE_UNSUR: tuple[KodeUnsur, ...] = ("U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9")
KETERANGAN: Literal["keterangan"] = "keterangan"
"""Mapping target of a column that is respondent information, not an unsur."""

Teks = Annotated[str, Field(min_length=1)]
Tujuan = KodeUnsur | Literal["keterangan"]

_NUMBERING = re.compile(r"^\s*\(?\s*(?:[upqUPQ]|[Nn][Oo]\.?)?\s*\d{1,2}\s*[.):\-]?\s*")
_U_NUMBER = re.compile(r"^\s*[Uu]\s*(\d)\b")
_OPTION_LETTER = re.compile(r"^\s*[a-dA-D]\s*[.)]\s+")
_NON_WORD = re.compile(r"[^\w]+")


def norm_teks(text: str) -> str:
    """Fold case, spacing and punctuation so wordings compare as people read them."""
    text = text.casefold().replace("&", " dan ").replace("_", " ")
    return " ".join(_NON_WORD.sub(" ", text).split())


def norm_judul(header: str) -> str:
    """A header without its leading numbering ("1.", "U1.", "1)", "(2)")."""
    return norm_teks(_NUMBERING.sub("", header, count=1))


def norm_jawaban(answer: str) -> str:
    """An answer without a leading option letter ("a. Tidak sesuai")."""
    return norm_teks(_OPTION_LETTER.sub("", answer, count=1))


def nomor_u(header: str) -> str | None:
    """The ``U<k>`` a header is numbered with, if any (``"U8. Sarana"`` → ``"U8"``)."""
    match = _U_NUMBER.match(header)
    return f"U{match.group(1)}" if match and match.group(1) != "0" else None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Varian(_Strict):
    """Another wording for a score, with where it was seen (or marked as assumed)."""

    teks: Teks
    nilai: int = Field(ge=1, le=4)
    sumber: Teks | None = None
    asumsi: bool = False

    @model_validator(mode="after")
    def _asal(self) -> Self:
        if self.sumber is None and not self.asumsi:
            raise ValueError("[R415] varian perlu 'sumber' atau 'asumsi: true'")
        return self


class Unsur(_Strict):
    """One of the nine unsur: name, header aliases and the four answer wordings."""

    kode: KodeUnsur
    nama: Teks
    pertanyaan: Teks | None = None
    alias: list[Teks] = Field(default_factory=list)
    jawaban: list[Teks] = Field(min_length=4, max_length=4)
    varian: list[Varian] = Field(default_factory=list)
    sumber: Teks | None = None
    asumsi: bool = False

    @model_validator(mode="after")
    def _jawaban_unik(self) -> Self:
        seen: dict[str, int] = {}
        wordings = [(w, i + 1) for i, w in enumerate(self.jawaban)]
        wordings += [(v.teks, v.nilai) for v in self.varian]
        for text, score in wordings:
            key = norm_jawaban(text)
            if not key:
                raise ValueError(f"[R415] jawaban '{text}' kosong setelah tanda baca dibuang")
            if key in seen and seen[key] != score:
                raise ValueError(
                    f"[R415] jawaban '{text}' bernilai {seen[key]} dan {score} sekaligus"
                )
            seen[key] = score
        return self

    @cached_property
    def skor(self) -> dict[str, int]:
        """Normalised wording → score."""
        table = {norm_jawaban(w): i + 1 for i, w in enumerate(self.jawaban)}
        for v in self.varian:
            table.setdefault(norm_jawaban(v.teks), v.nilai)
        return table

    @cached_property
    def kata_kunci(self) -> tuple[str, ...]:
        """Normalised name and aliases, matched as whole words inside a header."""
        return tuple(
            dict.fromkeys(k for k in (norm_teks(a) for a in [self.nama, *self.alias]) if k)
        )


class BandMutu(_Strict):
    """A mutu band by its lower bound (the bands have gaps at two decimals)."""

    mutu: Literal["A", "B", "C", "D"]
    kinerja: Teks
    min: float = Field(ge=0, le=100)


class AturanSampel(_Strict):
    """Krejcie–Morgan parameters: χ², proportion P, margin of error d, rounding.

    ``pembulatan: atas`` rounds the formula up (never calls a too-small sample
    adequate); ``terdekat`` rounds to nearest, which reproduces every entry of
    the published Krejcie–Morgan (1970) table.
    """

    chi_kuadrat: float = Field(3.841, gt=0)
    proporsi: float = Field(0.5, gt=0, lt=1)
    galat: float = Field(0.05, gt=0, lt=1)
    pembulatan: Literal["atas", "terdekat"] = "atas"


class ReferensiSurvei(_Strict):
    """The whole reference: read once, used by the reader and the arithmetic."""

    bobot: Bobot = "tepat"
    bobot_dibulatkan: float = Field(0.111, gt=0, lt=1)
    gabung: Gabung = "rata_rata_kegiatan"
    unsur: list[Unsur]
    mutu: list[BandMutu] = Field(min_length=1)
    sampel: AturanSampel = AturanSampel.model_construct()  # no validation at import
    kolom_layanan: list[Teks] = Field(default_factory=list)
    kolom_waktu: list[Teks] = Field(default_factory=list)
    kolom_keterangan: list[Teks] = Field(default_factory=list)
    kolom_kegiatan: list[Teks] = Field(default_factory=list)
    pemetaan: dict[str, Tujuan] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _aturan(self) -> Self:
        kode = tuple(u.kode for u in self.unsur)
        if kode != KODE_UNSUR:
            raise ValueError(
                f"[R415] unsur harus tepat U1…U9 berurutan, bukan {', '.join(kode) or 'kosong'}"
            )
        bounds = [b.min for b in self.mutu]
        if bounds != sorted(bounds, reverse=True) or len(set(bounds)) != len(bounds):
            raise ValueError("[R415] pita mutu harus berurutan dari batas bawah tertinggi")
        owners: dict[str, str] = {}
        for u in self.unsur:
            for key in u.kata_kunci:
                if key in owners and owners[key] != u.kode:
                    raise ValueError(
                        f"[R415] alias '{key}' dipakai {owners[key]} dan {u.kode} sekaligus"
                    )
                owners[key] = u.kode
        return self

    def nilai_bobot(self, bobot: Bobot | None = None) -> float:
        """Weight of one unsur under the chosen setting."""
        return 1 / 9 if (bobot or self.bobot) == "tepat" else self.bobot_dibulatkan

    @cached_property
    def per_kode(self) -> dict[str, Unsur]:
        return {u.kode: u for u in self.unsur}

    @cached_property
    def peta(self) -> dict[str, Tujuan]:
        """Explicit mapping, keyed by the normalised header (numbering kept and dropped)."""
        table: dict[str, Tujuan] = {}
        for header, target in self.pemetaan.items():
            table[norm_teks(header)] = target
            bare = norm_judul(header)
            if bare:  # "Q1" without its numbering is nothing; keep only the full key
                table.setdefault(bare, target)
        return table

    @cached_property
    def nama_keterangan(self) -> frozenset[str]:
        names = [
            *self.kolom_layanan,
            *self.kolom_waktu,
            *self.kolom_keterangan,
            *self.kolom_kegiatan,
        ]
        return frozenset(norm_judul(n) for n in names)


class PenyesuaianUnsur(_Strict):
    """An office's change to one unsur: replace the four wordings, add others."""

    nama: Teks | None = None
    alias: list[Teks] = Field(default_factory=list)
    jawaban: list[Teks] | None = Field(None, min_length=4, max_length=4)
    varian: list[Varian] = Field(default_factory=list)
    sumber: Teks | None = None


class PenyesuaianSurvei(_Strict):
    """An office's ``survei.yaml``: only what differs from the regulation's defaults."""

    bobot: Bobot | None = None
    bobot_dibulatkan: float | None = Field(None, gt=0, lt=1)
    gabung: Gabung | None = None
    unsur: dict[KodeUnsur, PenyesuaianUnsur] = Field(default_factory=dict)
    kolom_layanan: list[Teks] = Field(default_factory=list)
    kolom_waktu: list[Teks] = Field(default_factory=list)
    kolom_keterangan: list[Teks] = Field(default_factory=list)
    kolom_kegiatan: list[Teks] = Field(default_factory=list)
    pemetaan: dict[str, Tujuan] = Field(default_factory=dict)


BAWAAN = Path(__file__).with_name("survei.yaml")
"""The regulation's defaults, shipped inside the package."""


def muat_referensi(berkas: Path | None = None) -> ReferensiSurvei:
    """Read a complete reference file (the bundled defaults when ``berkas`` is None)."""
    data, positions = load_file(berkas or BAWAAN)
    return validate(ReferensiSurvei, data, positions)


def muat_penyesuaian(berkas: Path, dasar: ReferensiSurvei | None = None) -> ReferensiSurvei:
    """Apply an office's override file on top of ``dasar`` (the defaults when None).

    Wordings listed under ``jawaban`` replace the unsur's four; ``varian``,
    ``alias`` and the column lists are added; ``pemetaan`` entries win over
    the defaults'. The merged result is validated again, located at ``berkas``.
    """
    base = dasar or muat_referensi()
    data, positions = load_file(berkas)
    change = validate(PenyesuaianSurvei, data, positions)
    merged = base.model_dump()
    for key in ("bobot", "bobot_dibulatkan", "gabung"):
        if getattr(change, key) is not None:
            merged[key] = getattr(change, key)
    for key in ("kolom_layanan", "kolom_waktu", "kolom_keterangan", "kolom_kegiatan"):
        merged[key] = [*merged[key], *getattr(change, key)]
    merged["pemetaan"] = {**merged["pemetaan"], **change.pemetaan}
    for item in merged["unsur"]:
        override = change.unsur.get(item["kode"])
        if override is None:
            continue
        if override.nama is not None:
            item["nama"] = override.nama
        if override.jawaban is not None:
            item["jawaban"] = list(override.jawaban)
            item["sumber"] = override.sumber or f"penyesuaian kantor ({berkas.name})"
        item["alias"] = [*item["alias"], *override.alias]
        item["varian"] = [*item["varian"], *(v.model_dump() for v in override.varian)]
    return validate(ReferensiSurvei, merged, positions)

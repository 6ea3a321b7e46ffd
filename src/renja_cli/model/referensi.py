"""Reference data: the population of instansi and predicate scales."""

import itertools
from typing import Annotated, Literal, Self

from pydantic import Discriminator, Field, Tag, model_validator

from renja_cli.model.dasar import KodeBebas, Strict, Teks


class Instansi(Strict):
    """One instansi of the office's population."""

    kode: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9\-]*$")]
    nama: Teks
    provinsi: Teks
    jenis: Literal["provinsi", "kabupaten", "kota", "kementerian", "lembaga", "lainnya"]
    alias: list[Teks] = Field(default_factory=list)


class DaftarInstansi(Strict):
    """``data/instansi.yaml``: the population instansi indicators count over."""

    populasi: KodeBebas = "instansi"
    instansi: Annotated[list[Instansi], Field(min_length=1)]

    @model_validator(mode="after")
    def _unique(self) -> Self:
        seen: dict[str, str] = {}
        for item in self.instansi:
            for label in (item.kode, item.nama, *item.alias):
                key = label.casefold()
                if key in seen and seen[key] != item.kode:
                    raise ValueError(f"[R210] '{label}' dipakai oleh {seen[key]} dan {item.kode}")
                if key in seen and label == item.kode:
                    raise ValueError(f"[R210] kode instansi {item.kode} ganda")
                seen[key] = item.kode
        return self


class Predikat(Strict):
    """One band of a scale. Lower bound ``min`` (≥) or ``lebih_dari`` (>), upper bound
    ``maks`` (≤) or ``kurang_dari`` (<); the top band may be open above, the bottom
    band open below. Values are rounded to the scale's ``presisi`` first."""

    kode: Teks
    nama: Teks | None = None
    min: float | None = None
    lebih_dari: float | None = None
    maks: float | None = None
    kurang_dari: float | None = None
    catatan: Teks | list[Teks] | None = None

    @model_validator(mode="after")
    def _bounds(self) -> Self:
        if self.min is not None and self.lebih_dari is not None:
            raise ValueError(
                f"[R214] predikat {self.kode}: isi min atau lebih_dari, bukan keduanya"
            )
        if self.maks is not None and self.kurang_dari is not None:
            raise ValueError(
                f"[R214] predikat {self.kode}: isi maks atau kurang_dari, bukan keduanya"
            )
        low, high = self.bawah, self.atas
        if low is None and high is None:
            raise ValueError(f"[R214] predikat {self.kode}: tanpa batas bawah maupun atas")
        if low is not None and high is not None and low > high:
            raise ValueError(
                f"[R214] predikat {self.kode}: batas bawah {low:g} > batas atas {high:g}"
            )
        return self

    @property
    def bawah(self) -> float | None:
        return self.min if self.min is not None else self.lebih_dari

    @property
    def atas(self) -> float | None:
        return self.maks if self.maks is not None else self.kurang_dari

    def memuat(self, nilai: float) -> bool:
        if self.min is not None and nilai < self.min:
            return False
        if self.lebih_dari is not None and nilai <= self.lebih_dari:
            return False
        if self.maks is not None and nilai > self.maks:
            return False
        return not (self.kurang_dari is not None and nilai >= self.kurang_dari)

    @property
    def label(self) -> str:
        return f"{self.kode} ({self.nama})" if self.nama else self.kode

    @property
    def rentang_teks(self) -> str:
        """``≥ 91``, ``76–90``, ``75 < c ≤ 90``, ``≤ 50`` — for legends and messages."""
        from renja_cli.numbers import format_number

        def n(v: float | None) -> str:
            return format_number(v or 0, 2, trim=True)

        low = None if self.bawah is None else ("≥" if self.min is not None else ">")
        high = None if self.atas is None else ("≤" if self.maks is not None else "<")
        if low is None:
            return f"{high} {n(self.atas)}"
        if high is None:
            return f"{low} {n(self.bawah)}"
        if low == "≥" and high == "≤":
            return f"{n(self.bawah)}–{n(self.atas)}"
        left = "≤" if low == "≥" else "<"
        return f"{n(self.bawah)} {left} c {high} {n(self.atas)}"


class Skala(Strict):
    """An interval scale: bands ordered best first, non-overlapping, without gaps."""

    nama: Teks
    sumber: Teks | None = None
    catatan: Teks | list[Teks] | None = None
    presisi: int = Field(2, ge=0, le=6)
    predikat: Annotated[list[Predikat], Field(min_length=1)]

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        step = 10.0**-self.presisi
        bands = self.predikat
        for i, band in enumerate(bands):
            if band.atas is None and i != 0:
                raise ValueError(
                    f"[R214] hanya predikat tertinggi yang boleh tanpa batas atas ({band.kode})"
                )
            if band.bawah is None and i != len(bands) - 1:
                raise ValueError(
                    f"[R214] hanya predikat terendah yang boleh tanpa batas bawah ({band.kode})"
                )
        for upper, lower in itertools.pairwise(bands):
            high, low = lower.atas, upper.bawah
            assert high is not None and low is not None
            if lower.bawah is not None and upper.bawah is not None and lower.bawah >= upper.bawah:
                raise ValueError(
                    f"[R214] urutan salah: {lower.kode} harus di bawah {upper.kode} "
                    "(predikat tertinggi lebih dulu)"
                )
            if lower.maks is not None and upper.min is not None:
                gap = round(low - high, self.presisi + 3)
                if gap <= 0:
                    raise ValueError(
                        f"[R214] predikat {upper.kode} dan {lower.kode} tumpang tindih "
                        f"({high:g} ≥ {low:g})"
                    )
                if gap > step + 1e-9:
                    raise ValueError(
                        f"[R214] celah antara {lower.kode} (maks {high:g}) dan {upper.kode} "
                        f"(min {low:g}) pada presisi {self.presisi} desimal"
                    )
            elif lower.kurang_dari is not None and upper.lebih_dari is not None:
                raise ValueError(
                    f"[R214] nilai {high:g} tidak masuk {lower.kode} maupun {upper.kode} "
                    "(kurang_dari dan lebih_dari pada batas yang sama)"
                )
            elif round(low - high, self.presisi + 3) != 0:
                kata = "tumpang tindih" if low < high else "bercelah"
                raise ValueError(
                    f"[R214] predikat {upper.kode} dan {lower.kode} {kata} pada {high:g}/{low:g}"
                )
        return self

    def golongkan(self, nilai: float) -> Predikat | None:
        """The band ``nilai`` falls in after rounding to the scale's precision."""
        from renja_cli.numbers import round_half_up

        value = float(round_half_up(nilai, self.presisi))
        for band in self.predikat:
            if band.memuat(value):
                return band
        return None

    def peringkat(self, kode: str) -> int | None:
        for i, band in enumerate(self.predikat):
            if band.kode.casefold() == kode.casefold():
                return i
        return None

    @property
    def kode_urut(self) -> list[str]:
        return [band.kode for band in self.predikat]

    @property
    def batas_teks(self) -> str:
        low = self.predikat[-1].bawah
        high = self.predikat[0].atas
        return f"{'-∞' if low is None else f'{low:g}'}-{'∞' if high is None else f'{high:g}'}"


class Tingkat(Strict):
    """One grade of an ordinal scale."""

    kode: Teks
    nama: Teks | None = None

    @property
    def label(self) -> str:
        return f"{self.kode} ({self.nama})" if self.nama else self.kode


class SkalaOrdinal(Strict):
    """An ordinal scale (Opini BPK WTP > WDP > TW > TMP; SAKIP AA > … > D), best first."""

    nama: Teks
    sumber: Teks | None = None
    catatan: Teks | list[Teks] | None = None
    tingkat: Annotated[list[Tingkat], Field(min_length=2)]

    @model_validator(mode="after")
    def _unique(self) -> Self:
        seen: set[str] = set()
        for t in self.tingkat:
            if t.kode.casefold() in seen:
                raise ValueError(f"[R210] tingkat {t.kode} ganda")
            seen.add(t.kode.casefold())
        return self

    def peringkat(self, kode: str) -> int | None:
        for i, t in enumerate(self.tingkat):
            if t.kode.casefold() == kode.casefold():
                return i
        return None

    @property
    def kode_urut(self) -> list[str]:
        return [t.kode for t in self.tingkat]


def _jenis_skala(value: object) -> str:
    return "ordinal" if isinstance(value, dict) and "tingkat" in value else "interval"


SkalaApa = Annotated[
    Annotated[Skala, Tag("interval")] | Annotated[SkalaOrdinal, Tag("ordinal")],
    Discriminator(_jenis_skala),
]


class DokumenArsip(Strict):
    """One document kind of a digital personnel archive: its CSV column and name."""

    kolom: KodeBebas
    nama: Teks


class KategoriArsip(Strict):
    """A category a NIP reaches when every ``wajib`` document is present."""

    kode: KodeBebas
    wajib: list[KodeBebas] = Field(
        default_factory=list, description="Kolom dokumen yang harus ada (1)"
    )
    aturan: Teks | None = Field(None, description="Aturan kategori dengan kata-kata sumber")


class SkemaArsip(Strict):
    """Document kinds and categories of a digital archive (IKK.6): which documents a
    NIP has decides its category, the highest one whose documents are all there."""

    nama: Teks
    sumber: Teks | None = None
    catatan: Teks | list[Teks] | None = None
    dokumen: Annotated[list[DokumenArsip], Field(min_length=1)]
    kategori: Annotated[list[KategoriArsip], Field(min_length=1)]

    @model_validator(mode="after")
    def _berurutan(self) -> Self:
        kolom = [d.kolom for d in self.dokumen]
        if len(set(kolom)) != len(kolom):
            raise ValueError("[R210] kolom dokumen ganda")
        kode = [k.kode for k in self.kategori]
        if len(set(kode)) != len(kode):
            raise ValueError("[R210] kode kategori ganda")
        for k in self.kategori:
            asing = [w for w in k.wajib if w not in kolom]
            if asing:
                raise ValueError(
                    f"[R307] kategori {k.kode}: dokumen {', '.join(asing)} tidak ada di 'dokumen'"
                )
        for upper, lower in zip(self.kategori, self.kategori[1:], strict=False):
            if not set(lower.wajib) < set(upper.wajib):
                raise ValueError(
                    f"[R214] urutan salah: dokumen wajib {lower.kode} harus bagian dari "
                    f"{upper.kode} (kategori tertinggi lebih dulu)"
                )
        if self.kategori[-1].wajib:
            raise ValueError(
                f"[R214] kategori terendah ({self.kategori[-1].kode}) tidak boleh mewajibkan "
                "dokumen: setiap NIP harus mendapat kategori"
            )
        return self

    def golongkan(self, ada: tuple[bool, ...]) -> str:
        """The category of a NIP from its document flags, in ``dokumen`` order."""
        present = {d.kolom for d, flag in zip(self.dokumen, ada, strict=True) if flag}
        for k in self.kategori:
            if present.issuperset(k.wajib):
                return k.kode
        return self.kategori[-1].kode  # pragma: no cover - the lowest requires nothing

    def peringkat(self, kode: str) -> int | None:
        for i, k in enumerate(self.kategori):
            if k.kode == kode:
                return i
        return None


class DaftarSkala(Strict):
    """``data/skala.yaml``: interval scales (predikat bands), ordinal scales, and archive
    schemes."""

    skala: dict[KodeBebas, SkalaApa]
    arsip: dict[KodeBebas, SkemaArsip] = Field(
        default_factory=dict,
        description="Skema arsip digital: jenis dokumen dan aturan kategori (IKK.6)",
    )

"""Reference data: the population of instansi and predicate scales."""

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

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
    """One band of a scale; bounds inclusive at the scale's precision."""

    kode: Teks
    nama: Teks | None = None
    min: float
    maks: float
    catatan: Teks | list[Teks] | None = None

    @property
    def label(self) -> str:
        return f"{self.kode} ({self.nama})" if self.nama else self.kode


class Skala(Strict):
    """A predicate scale: ordered, non-overlapping, without gaps."""

    nama: Teks
    sumber: Teks | None = None
    catatan: Teks | list[Teks] | None = None
    presisi: int = Field(2, ge=0, le=6)
    predikat: Annotated[list[Predikat], Field(min_length=1)]

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        step = 10.0**-self.presisi
        for band in self.predikat:
            if band.min > band.maks:
                raise ValueError(f"[R214] predikat {band.kode}: min {band.min} > maks {band.maks}")
        for upper, lower in zip(self.predikat, self.predikat[1:], strict=False):
            if lower.maks >= upper.min:
                if lower.min >= upper.min:
                    raise ValueError(
                        f"[R214] urutan salah: {lower.kode} harus di bawah {upper.kode} "
                        "(predikat tertinggi lebih dulu)"
                    )
                raise ValueError(
                    f"[R214] predikat {upper.kode} dan {lower.kode} tumpang tindih "
                    f"({lower.maks:g} ≥ {upper.min:g})"
                )
            if round(upper.min - lower.maks, self.presisi + 3) > step + 1e-9:
                raise ValueError(
                    f"[R214] celah antara {lower.kode} (maks {lower.maks:g}) dan {upper.kode} "
                    f"(min {upper.min:g}) pada presisi {self.presisi} desimal"
                )
        return self

    def golongkan(self, nilai: float) -> Predikat | None:
        """The band ``nilai`` falls in after rounding to the scale's precision."""
        from renja_cli.numbers import round_half_up

        value = float(round_half_up(nilai, self.presisi))
        for band in self.predikat:
            if band.min <= value <= band.maks:
                return band
        return None

    def peringkat(self, kode: str) -> int | None:
        for i, band in enumerate(self.predikat):
            if band.kode.casefold() == kode.casefold():
                return i
        return None


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
    """``data/skala.yaml``: predicate scales and archive schemes."""

    skala: dict[KodeBebas, Skala]
    arsip: dict[KodeBebas, SkemaArsip] = Field(
        default_factory=dict,
        description="Skema arsip digital: jenis dokumen dan aturan kategori (IKK.6)",
    )

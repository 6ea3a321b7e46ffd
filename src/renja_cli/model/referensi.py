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


class DaftarSkala(Strict):
    """``data/skala.yaml``."""

    skala: dict[KodeBebas, Skala]

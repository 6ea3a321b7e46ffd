"""Records (``renja_cli.rekaman.dataclass``) behave as the standard ``dataclass`` does."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from renja_cli import rekaman


def _pair(frozen: bool, slots: bool) -> tuple[type[Any], type[Any]]:
    def body() -> dict[str, Any]:
        return {
            "__annotations__": {"a": "int", "b": "str", "c": "tuple[int, ...]", "d": "list[int]"},
            "b": "x",
            "c": (),
            "d": dataclasses.field(default_factory=list),
            "__module__": __name__,
        }

    standard = dataclasses.dataclass(frozen=frozen, slots=slots)(type("Rec", (), body()))
    ours = rekaman.dataclass(frozen=frozen, slots=slots)(type("Rec", (), body()))
    return standard, ours


@rekaman.dataclass(frozen=True, slots=True)
class Titik:
    """Module level, so pickle can find it."""

    x: float
    label: str = ""
    tags: tuple[str, ...] = ()
    extra: dict[str, float] = dataclasses.field(default_factory=dict)


@rekaman.dataclass
class Kotak:
    isi: list[int] = dataclasses.field(default_factory=list)
    nama: str = "kotak"
    dicek: bool = False

    def __post_init__(self) -> None:
        self.dicek = True


MODES = [(True, True), (False, False), (True, False)]


def _hash_or_error(value: object) -> str:
    try:
        hash(value)
    except TypeError as exc:
        return f"TypeError: {exc}"
    return "hashable"


@pytest.mark.parametrize(("frozen", "slots"), MODES)
@given(a=st.integers(), b=st.text(max_size=5), c=st.lists(st.integers(), max_size=3))
def test_same_behaviour_as_the_standard_dataclass(
    frozen: bool, slots: bool, a: int, b: str, c: list[int]
) -> None:
    standard, ours = _pair(frozen, slots)
    for args, kwargs in [((a,), {}), ((a, b), {"c": tuple(c)}), ((), {"a": a, "d": c})]:
        s, o = standard(*args, **kwargs), ours(*args, **kwargs)
        assert repr(s) == repr(o)
        assert dataclasses.asdict(s) == dataclasses.asdict(o)
        assert [f.name for f in dataclasses.fields(s)] == [f.name for f in dataclasses.fields(o)]
        assert dataclasses.is_dataclass(o)
        same = ours(*args, **kwargs)
        assert o == same
        assert not o != same  # noqa: SIM202 - __ne__ from __eq__
        assert (o == ours(a + 1)) == (s == standard(a + 1))
        assert o != s  # another class
        changed = dataclasses.replace(o, b=b + "!")
        assert changed.b == b + "!" and changed.a == o.a
        assert _hash_or_error(o) == _hash_or_error(s)  # field d holds a list: unhashable
        if frozen:
            hashable = ours(a, b, tuple(c), None)  # type: ignore[arg-type]
            assert hash(hashable) == hash(ours(a, b, tuple(c), None))  # type: ignore[arg-type]
            with pytest.raises(dataclasses.FrozenInstanceError):
                o.a = 1
            with pytest.raises(dataclasses.FrozenInstanceError):
                del o.a
        assert hasattr(o, "__dict__") == hasattr(s, "__dict__")
    assert ours(a).d is not ours(a).d  # a fresh default each time


@pytest.mark.parametrize(("frozen", "slots"), MODES)
def test_same_errors_for_wrong_arguments(frozen: bool, slots: bool) -> None:
    standard, ours = _pair(frozen, slots)
    for args, kwargs in [((), {}), ((1, "b", (), [], 5), {}), ((1,), {"a": 2}), ((1,), {"z": 0})]:
        with pytest.raises(TypeError):
            standard(*args, **kwargs)
        with pytest.raises(TypeError, match=r"__init__\(\) (takes|missing|got)"):
            ours(*args, **kwargs)


def test_pickle_and_copy_round_trip() -> None:
    point = Titik(1.5, "a", ("x",), {"k": 2.0})
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(point, protocol=protocol))
        assert again == point and type(again) is Titik
    assert copy.deepcopy(point) == point
    assert copy.copy(point) == point


def test_post_init_and_class_defaults() -> None:
    kotak = Kotak()
    assert kotak.dicek and kotak.isi == [] and Kotak.nama == "kotak"
    kotak.nama = "lain"  # not frozen
    assert kotak != Kotak()


def test_unsupported_shapes_are_refused() -> None:
    with pytest.raises(TypeError):
        rekaman.dataclass(type("A", (), {"__annotations__": {"x": "ClassVar[int]"}}))
    with pytest.raises(TypeError):
        rekaman.dataclass(type("B", (Titik,), {"__annotations__": {"y": "int"}}))
    with pytest.raises(TypeError):
        rekaman.dataclass(type("C", (), {"__annotations__": {"x": "int", "y": "int"}, "x": 1}))
    with pytest.raises(ValueError):
        rekaman.dataclass(type("D", (), {"__annotations__": {"x": "list[int]"}, "x": []}))
    with pytest.raises(TypeError):
        rekaman.dataclass(
            type("E", (), {"__annotations__": {"x": "int"}, "x": dataclasses.field(repr=False)})
        )


def test_the_package_uses_records_not_the_standard_decorator() -> None:
    """One place decides how records are built (start-up cost, rekaman's docstring)."""
    from pathlib import Path

    src = Path(rekaman.__file__).parent
    offenders = [
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if p.name != "rekaman.py" and "from dataclasses import dataclass" in p.read_text()
    ]
    assert offenders == []

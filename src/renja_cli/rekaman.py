"""Record classes: what ``@dataclass`` gives, without compiling code for each class.

Python 3.11's ``dataclass`` writes the source of ``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__`` and ``__delattr__`` for every class
and compiles it: about 3 million instructions a class, so the thirty records a
command loads cost a fifth of what importing typer, pydantic, yaml and rich
costs. Here every record shares the same methods, driven by a per-class table
of fields; the class still carries real :class:`dataclasses.Field` objects, so
``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work on it,
and pickling (the per-file cache) too.

Supported, because the package uses it: fields with defaults or
``field(default_factory=...)``, ``frozen``, ``slots``, ``__post_init__``; no
inheritance between records, no ``ClassVar``/``InitVar``/``kw_only``/``order``
(refused, not ignored). ``tests/test_rekaman.py`` checks the behaviour against
the standard ``dataclass``. On a Python whose ``dataclasses`` lacks the names
used here, the standard decorator is used instead.
"""

from __future__ import annotations

import dataclasses as _dc
from collections.abc import Callable
from dataclasses import field
from typing import Any, TypeVar, dataclass_transform, overload

__all__ = ["dataclass", "field"]

T = TypeVar("T")
_MISSING: Any = _dc.MISSING
_FIELD = getattr(_dc, "_FIELD", None)
_FIELDS = getattr(_dc, "_FIELDS", None)

_Spec = tuple[tuple[str, Any, Any], ...]
"""(name, default, default_factory) of each field, in order."""


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    cls = type(self)
    spec: _Spec = cls.__rekaman_spec__
    if len(args) > len(spec):
        raise TypeError(
            f"{cls.__qualname__}.__init__() takes {len(spec) + 1} positional arguments "
            f"but {len(args) + 1} were given"
        )
    setter = object.__setattr__
    used = 0
    for index, (name, default, factory) in enumerate(spec):
        if index < len(args):
            if name in kwargs:
                raise TypeError(
                    f"{cls.__qualname__}.__init__() got multiple values for argument {name!r}"
                )
            value = args[index]
        elif name in kwargs:
            value = kwargs[name]
            used += 1
        elif default is not _MISSING:
            value = default
        elif factory is not _MISSING:
            value = factory()
        else:
            raise TypeError(
                f"{cls.__qualname__}.__init__() missing 1 required positional argument: {name!r}"
            )
        setter(self, name, value)
    if used != len(kwargs):
        names = {name for name, _, _ in spec}
        extra = next(k for k in kwargs if k not in names)
        raise TypeError(
            f"{cls.__qualname__}.__init__() got an unexpected keyword argument {extra!r}"
        )
    post = getattr(self, "__post_init__", None)
    if post is not None:
        post()


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name, _, _ in type(self).__rekaman_spec__)


def _repr(self: Any) -> str:
    cls = type(self)
    inner = ", ".join(f"{name}={getattr(self, name)!r}" for name, _, _ in cls.__rekaman_spec__)
    return f"{cls.__qualname__}({inner})"


def _eq(self: Any, other: object) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _setattr_frozen(self: Any, name: str, value: Any) -> None:
    cls = type(self)
    if type(self) is cls.__rekaman_class__ or name in cls.__rekaman_names__:
        raise _dc.FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _delattr_frozen(self: Any, name: str) -> None:
    cls = type(self)
    if type(self) is cls.__rekaman_class__ or name in cls.__rekaman_names__:
        raise _dc.FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name, _, _ in type(self).__rekaman_spec__]


def _setstate(self: Any, state: list[Any]) -> None:
    for (name, _, _), value in zip(type(self).__rekaman_spec__, state, strict=True):
        object.__setattr__(self, name, value)


def _bangun(cls: type[T], frozen: bool, slots: bool) -> type[T]:
    if _FIELD is None or _FIELDS is None:  # pragma: no cover
        return _dc.dataclass(frozen=frozen, slots=slots)(cls)
    if any(hasattr(base, "__rekaman_spec__") or _dc.is_dataclass(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a record cannot inherit from another record")
    namespace = dict(cls.__dict__)
    annotations: dict[str, Any] = namespace.get("__annotations__", {})
    fields: dict[str, _dc.Field[Any]] = {}
    spec: list[tuple[str, Any, Any]] = []
    for name, kind in annotations.items():
        if isinstance(kind, str) and kind.split("[")[0].rsplit(".", 1)[-1] in {
            "ClassVar",
            "InitVar",
            "KW_ONLY",
        }:
            raise TypeError(f"{cls.__qualname__}.{name}: {kind} is not supported in a record")
        found = namespace.get(name, _MISSING)
        item = found if isinstance(found, _dc.Field) else field(default=found)
        if not (item.init and item.repr and item.compare) or item.kw_only is True:
            raise TypeError(f"{cls.__qualname__}.{name}: only default/default_factory supported")
        if isinstance(item.default, (list, dict, set)):
            raise ValueError(
                f"mutable default {type(item.default)} for field {name} is not allowed: "
                "use default_factory"
            )
        item.name = name
        item.type = kind
        setattr(item, "_field_type", _FIELD)  # noqa: B010 - what dataclasses.fields() looks for
        fields[name] = item
        spec.append((name, item.default, item.default_factory))
        if slots or isinstance(found, _dc.Field):
            namespace.pop(name, None)  # a slot, or the default lives in the table
            if not slots and item.default is not _MISSING:
                namespace[name] = item.default
    seen_default = False
    for name, default, factory in spec:
        if default is not _MISSING or factory is not _MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {name!r} follows default argument")
    namespace[_FIELDS] = fields
    namespace["__rekaman_spec__"] = tuple(spec)
    namespace["__rekaman_names__"] = frozenset(fields)
    namespace["__match_args__"] = tuple(fields)
    namespace["__init__"] = _init
    namespace.setdefault("__repr__", _repr)
    namespace.setdefault("__eq__", _eq)
    if frozen:
        namespace["__hash__"] = _hash
        namespace["__setattr__"] = _setattr_frozen
        namespace["__delattr__"] = _delattr_frozen
    elif "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
        namespace["__hash__"] = None  # mutable and compared by value: unhashable
    namespace.pop("__dict__", None)  # the old class's descriptors: the new one makes its own
    namespace.pop("__weakref__", None)
    if slots:
        namespace["__slots__"] = tuple(fields)
        if frozen:
            namespace["__getstate__"] = _getstate
            namespace["__setstate__"] = _setstate
    meta: Any = type(cls)
    new: type[T] = meta(cls.__name__, cls.__bases__, namespace)
    new.__qualname__ = cls.__qualname__
    setattr(new, "__rekaman_class__", new)  # noqa: B010 - a name mypy does not know
    return new


@overload
def dataclass(cls: type[T], /) -> type[T]: ...


@overload
def dataclass(*, frozen: bool = False, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field,))
def dataclass(
    cls: type[T] | None = None, /, *, frozen: bool = False, slots: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass`` / ``@dataclass(frozen=True, slots=True)``, as the standard one."""
    if cls is not None:
        return _bangun(cls, frozen, slots)

    def wrap(klass: type[T]) -> type[T]:
        return _bangun(klass, frozen, slots)

    return wrap

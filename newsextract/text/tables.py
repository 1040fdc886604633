"""The one loader of the data tables in `models/`.

Each table is read into a pydantic model that forbids unknown keys, so a
misspelled key fails at load time with the file and the key named, instead of
being silently ignored by a `row.get(key, default)`. `_about` keys (where a
table says what it is and where it comes from) are allowed at every level.

Components take their tables through their config: `tables_path=None` reads the
packaged `models/`, a folder path reads the same file names from there. That is
also how `to_disk`/`from_disk` carry a customized table with a saved pipeline.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    ValidationError,
    model_serializer,
    model_validator,
)

PACKAGE = "newsextract.models"


class TableError(ValueError):
    """A table in `models/` (or a user's copy of one) that cannot be used."""


class Table(BaseModel):
    """Base of every table model: unknown keys are errors, `_about` is documentation."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    about: Union[str, list[str], None] = Field(default=None, alias="_about")


NOTE_KEY = re.compile(r"^_(\w+?)_note$")  # anchored: linear even under search()


class NotedTable(Table):
    """A table whose entries may carry a note: `_X_note` documents the entry named X
    (or the first entry whose name starts with `X_`) and is written back right before it.

    Notes need no declaration of their own, yet one whose name matches no entry (a
    typo) is an unknown key and fails at load like any other.
    """

    notes: dict[str, str] = Field(default_factory=dict, exclude=True)

    @classmethod
    def _documented_field(cls, name: str) -> Optional[str]:
        """The field a note called `name` documents, if any (matched by the entry's key)."""
        for field_name, field in cls.model_fields.items():
            key = field.alias or field_name
            if field_name != "notes" and (key == name or key.startswith(name + "_")):
                return field_name
        return None

    @model_validator(mode="before")
    @classmethod
    def _gather_notes(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        entries, notes = {}, dict(data.get("notes") or {})
        for key, value in data.items():
            match = NOTE_KEY.fullmatch(key)
            if match and cls._documented_field(match.group(1)):
                notes[match.group(1)] = value
            elif key != "notes":
                entries[key] = value
        return {**entries, "notes": notes}

    @model_serializer(mode="wrap")
    def _place_notes(self, handler, info: SerializationInfo) -> dict[str, Any]:
        data = handler(self)
        field_of_key = {(field.alias if info.by_alias and field.alias else name): name
                        for name, field in type(self).model_fields.items()}
        notes_before: dict[Optional[str], list[str]] = {}
        for name in self.notes:
            notes_before.setdefault(self._documented_field(name), []).append(name)
        placed: dict[str, Any] = {}
        for key, value in data.items():
            for name in notes_before.pop(field_of_key.get(key), []):
                placed[f"_{name}_note"] = self.notes[name]
            placed[key] = value
        for names in notes_before.values():     # notes of entries left out of the dump
            placed.update({f"_{name}_note": self.notes[name] for name in names})
        return placed


T = TypeVar("T", bound=BaseModel)


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def read_text(filename: str, folder: Optional[Union[str, Path]] = None) -> str:
    """The raw text of one data file, from `folder` or from the packaged `models/`."""
    if folder is not None:
        path = Path(folder) / filename
        if not path.is_file():
            raise TableError(f"{path}: no such table")
        return path.read_text("utf-8")
    resource = resources.files(PACKAGE).joinpath(filename)
    if not resource.is_file():
        raise TableError(f"models/{filename}: no such table in the installed package")
    return resource.read_text("utf-8")


def read_json(filename: str, folder: Optional[Union[str, Path]] = None) -> Any:
    """One JSON data file, untyped: for tables that are plain data (gazetteers)."""
    text = read_text(filename, folder)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise TableError(f"{_label(filename, folder)}: not valid JSON ({err})") from err


def _label(filename: str, folder) -> str:
    return str(Path(folder) / filename) if folder is not None else f"models/{filename}"


def parse_table(data: Any, model: type[T], label: str) -> T:
    """Validate already-read data as `model`; errors name `label` and the key."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(f"{_where(e['loc'])}: {e['msg']}" for e in err.errors()[:5])
        more = len(err.errors()) - 5
        raise TableError(f"{label}: {problems}" + (f" (and {more} more)" if more > 0 else "")) from None


def load_table(filename: str, model: type[T], folder: Optional[Union[str, Path]] = None) -> T:
    """Read and validate one JSON table; the packaged ones are read once per process."""
    if folder is None:
        return _packaged(filename, model)
    return parse_table(read_json(filename, folder), model, _label(filename, folder))


@lru_cache(maxsize=None)
def _packaged(filename: str, model: type[T]) -> T:
    return parse_table(read_json(filename), model, _label(filename, None))


Built = TypeVar("Built")


def build_once_packaged(build: Callable[[Optional[Union[str, Path]]], Built],
                        folder: Optional[Union[str, Path]] = None) -> Built:
    """`build(folder)`; from the packaged `models/` (`folder=None`) it is built once per
    process, so every pipeline keeping the packaged tables shares one compiled copy.
    `build` must be a module-level function (it is the cache key)."""
    if folder is None:
        return _built_from_package(build)
    return build(folder)


@lru_cache(maxsize=None)
def _built_from_package(build: Callable[[None], Built]) -> Built:
    return build(None)


def attach_word_sets(target: object, table: BaseModel, entries: dict[str, str], *, lower: bool = False) -> None:
    """`target.<entry> = frozenset(<section>.<entry>)` for every entry of every section
    (a dotted path into `table`, "" for the table itself): the one way a component
    compiles the word lists it keeps under the table's own names."""
    for path, names in entries.items():
        section = attrgetter(path)(table) if path else table
        for name in names.split():
            words = getattr(section, name)
            setattr(target, name, frozenset(w.lower() for w in words) if lower else frozenset(words))


def attach_word_lists(target: object, table: BaseModel, sources: dict[str, str], *, lower: bool = False) -> None:
    """`target.<attribute> = frozenset(<dotted path into table>)` for every item of
    `sources`: word lists a component keeps under names of its own."""
    for attribute, path in sources.items():
        words = attrgetter(path)(table)
        setattr(target, attribute, frozenset(w.lower() for w in words) if lower else frozenset(words))


def write_table(table: BaseModel, folder: Union[str, Path], filename: str) -> Path:
    """Write a table back as JSON (by its aliases, so `_about` survives): `to_disk`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    data = table.model_dump(mode="json", by_alias=True, exclude_none=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return path

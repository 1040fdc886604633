"""The relational layout of a record: which tables, which columns, which rows.

Derived from `newsextract.schema`, never written out by hand, so the SQL and
Parquet sinks stay in step with the record:

- a scalar field (str, Literal, int, float, bool, date) becomes a column;
- a single nested model is flattened into `<field>_<subfield>` columns
  (`published_date`, `mediator_name`, `attributes_country_code`);
- a list of models named in `CHILD_TABLES` becomes a child table keyed on the
  article id, the parent item's key and the item's own `id` (or its position, `ord`);
- anything else (lists of strings, unplanned lists of models) is one JSON column.

Events are a union on `type`: the `events` table holds the union of every event
model's columns, the type-specific ones NULL for the other types.

Two layouts are derived this way, each from a `Plan`: the records' (`LAYOUT`,
rooted at `articles`) and the event clusters' (`CLUSTER_LAYOUT`, rooted at
`event_clusters`, written by `newsextract cluster --db`).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal, Optional, Union

from pydantic import BaseModel

from ..schema import ArticleRecord, EventCluster

#: (parent table, list field) -> (child table, name children of that child use for its key).
CHILD_TABLES: dict[tuple[str, str], tuple[str, str]] = {
    ("articles", "regions"): ("regions", "region_ord"),
    ("articles", "entities"): ("entities", "entity_id"),
    ("entities", "mentions"): ("mentions", "mention_ord"),
    ("entities", "role_evidence"): ("entity_roles", "entity_role_ord"),
    ("articles", "numeric_claims"): ("numeric_claims", "claim_id"),
    ("numeric_claims", "modifiers"): ("claim_modifiers", "modifier_ord"),
    ("articles", "quotes"): ("quotes", "quote_id"),
    ("articles", "events"): ("events", "event_id"),
    ("events", "participants"): ("event_participants", "participant_ord"),
    ("events", "counts"): ("event_counts", "count_ord"),
    ("events", "evidence"): ("event_evidence", "evidence_ord"),
    ("events", "released_per_side"): ("event_side_counts", "side_count_ord"),
    ("articles", "warnings"): ("warnings", "warning_ord"),
}

#: The columns users filter by. "equal": looked up by value (names, codes; a hash
#: index in PostgreSQL, which has no length limit); "range": compared and sorted
#: (a B-tree everywhere, so its text values are length-checked like keys).
INDEXES: tuple[tuple[str, str, Literal["equal", "range"]], ...] = (
    ("articles", "published_date", "range"),
    ("entities", "name", "equal"),
    ("entities", "type", "range"),
    ("entities", "attributes_country_code", "equal"),
    ("entities", "attributes_iso_alpha2", "equal"),
    ("numeric_claims", "category", "range"),
    ("quotes", "speaker_name", "equal"),
    ("events", "type", "range"),
    ("events", "date", "range"),
    ("events", "mediator_name", "equal"),
    ("events", "location_name", "equal"),
    ("event_participants", "name", "equal"),
    ("event_participants", "role", "equal"),
)

#: The cluster tables: one row per cluster, one per clustered event.
CLUSTER_CHILD_TABLES: dict[tuple[str, str], tuple[str, str]] = {
    ("event_clusters", "members"): ("event_cluster_members", "member_ord"),
}
CLUSTER_INDEXES: tuple[tuple[str, str, Literal["equal", "range"]], ...] = (
    ("event_clusters", "type", "range"),
    ("event_clusters", "date", "range"),
    ("event_cluster_members", "article_id", "equal"),
)

#: Longest key or B-tree-indexed text value, in UTF-8 bytes. PostgreSQL refuses a
#: B-tree entry over ~2.7 kB; three such values must fit in a composite key.
MAX_KEY_BYTES = 800

Kind = Literal["text", "int", "float", "bool", "date", "json"]


class LayoutError(ValueError):
    """A record that cannot be stored in the tables (a key too long to index)."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    nullable: bool
    path: tuple[str, ...] = ()      # attribute path inside the item; () for key columns
    description: Optional[str] = None


@dataclass(frozen=True)
class Plan:
    """How a root model becomes tables: the root table's name and key field, what
    its children call that key, which list fields are child tables, which columns
    are indexed."""

    root: str
    model: type
    key: str
    ref_name: str
    children: dict
    indexes: tuple


@dataclass
class Table:
    name: str
    parent: Optional[str]
    field_name: Optional[str]        # the parent's list field holding this table's items
    key: tuple[str, ...]             # primary key columns, in order
    parent_key: tuple[str, ...]      # the columns referring to the parent row
    ref_name: Optional[str]          # what a child calls this table's item key
    own_key: str                     # "id" (the item's own id) or "ord" (its position)
    models: tuple = ()               # the schema model(s) one row stands for
    columns: list[Column] = field(default_factory=list)
    children: list["Table"] = field(default_factory=list)
    bounded: frozenset = frozenset()  # text columns length-checked like keys (B-tree indexed)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


# ---------------------------------------------------------------- annotations

def _unwrap(annotation) -> tuple[Any, bool]:
    """(annotation without Optional/Annotated, whether None is allowed)."""
    nullable = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) < len(typing.get_args(annotation)):
                nullable = True
            if len(args) == 1:
                annotation = args[0]
                continue
        return annotation, nullable


def _scalar_kind(annotation) -> Optional[Kind]:
    if typing.get_origin(annotation) is Literal:
        values = typing.get_args(annotation)
        return "text" if all(isinstance(v, str) for v in values) else None
    if annotation is bool:
        return "bool"
    return {str: "text", int: "int", float: "float", _dt.date: "date"}.get(annotation)


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _list_item(annotation):
    """The item annotation of list[X], else None."""
    if typing.get_origin(annotation) in (list, tuple):
        args = typing.get_args(annotation)
        return args[0] if args else Any
    return None


def _union_models(annotation) -> Optional[list[type[BaseModel]]]:
    """The member models of a (discriminated) union of models, else None."""
    annotation, _ = _unwrap(annotation)
    if _is_model(annotation):
        return [annotation]
    if typing.get_origin(annotation) in (Union, types.UnionType):
        members = typing.get_args(annotation)
        if members and all(_is_model(m) for m in members):
            return list(members)
    return None


def _merged_fields(models: list[type[BaseModel]]) -> dict[str, tuple[Any, str]]:
    """name -> (annotation, description) over all models; a field missing from
    some model is optional (None for those items)."""
    merged: dict[str, tuple[Any, Optional[str], int]] = {}
    for model in models:
        for name, info in model.model_fields.items():
            annotation = info.annotation
            if name in merged and merged[name][0] != annotation:
                before = merged[name][0]
                if typing.get_origin(before) is Literal and typing.get_origin(annotation) is Literal:
                    annotation = Literal[typing.get_args(before) + typing.get_args(annotation)]
                else:
                    raise TypeError(f"field {name!r} has two types across {', '.join(m.__name__ for m in models)}")
            count = merged[name][2] + 1 if name in merged else 1
            merged[name] = (annotation, info.description, count)
    return {name: (ann if count == len(models) else Optional[ann], desc)
            for name, (ann, desc, count) in merged.items()}


# ---------------------------------------------------------------- layout

def _columns(plan: Plan, table_name: str, fields: dict[str, tuple[Any, Optional[str]]], prefix: tuple[str, ...],
             nullable: bool, children: list[tuple[str, list[type[BaseModel]]]]) -> Iterator[Column]:
    for name, (annotation, description) in fields.items():
        path = prefix + (name,)
        inner, optional = _unwrap(annotation)
        null = nullable or optional
        if not prefix and (table_name, name) in plan.children:
            item = _list_item(inner)
            models = _union_models(item) if item is not None else None
            if models is None:
                raise TypeError(f"{table_name}.{name} is planned as a child table but is not a list of models")
            children.append((name, models))
            continue
        kind = _scalar_kind(inner)
        if kind is not None:
            yield Column("_".join(path), kind, null, path, description)
        elif _is_model(inner):
            sub = {n: (i.annotation, i.description) for n, i in inner.model_fields.items()}
            yield from _columns(plan, table_name, sub, path, null, children)
        else:
            yield Column("_".join(path), "json", null, path, description)


def _build(plan: Plan, name: str, models: list[type[BaseModel]], parent: Optional[Table],
           field_name: Optional[str]) -> Table:
    fields = _merged_fields(models)
    if parent is None:
        ref_name, own_key, parent_key, key_columns = plan.ref_name, plan.key, (), []
    else:
        ref_name = next(ref for child, ref in plan.children.values() if child == name)
        own_key = "id" if "id" in fields else "ord"
        parent_key = parent.parent_key + (parent.ref_name,)
        kinds = {c.name: c.kind for c in parent.columns}
        key_columns = [Column(new, kinds[old], False) for old, new in zip(parent.key, parent_key)]
        if own_key == "ord":
            key_columns.append(Column("ord", "int", False))
    key = parent_key + (own_key,)
    children: list[tuple[str, list[type[BaseModel]]]] = []
    own = list(_columns(plan, name, fields, (), False, children))
    own.sort(key=lambda c: (c.name != own_key, c.name != "type"))     # key and type first, else as declared
    columns = key_columns + own
    names = [c.name for c in columns]
    clash = {n for n in names if names.count(n) > 1}
    if clash:
        raise TypeError(f"table {name}: columns {sorted(clash)} clash (a key name equals a field name)")
    bounded = frozenset({c for t, c, kind in plan.indexes if t == name and kind == "range"} | {own_key})
    table = Table(name, parent.name if parent else None, field_name, key, parent_key, ref_name, own_key,
                  tuple(models), columns, bounded=bounded)
    for child_field, child_models in children:
        child_name, _ = plan.children[(name, child_field)]
        table.children.append(_build(plan, child_name, child_models, table, child_field))
    return table


def build_layout(plan: Plan) -> list[Table]:
    """Every table of `plan`, parents before children."""
    root = _build(plan, plan.root, [plan.model], None, None)
    ordered: list[Table] = []

    def walk(t: Table):
        ordered.append(t)
        for c in t.children:
            walk(c)

    walk(root)
    known = {t.name for t in ordered}
    for table, column, _ in plan.indexes:
        if table not in known or column not in next(t for t in ordered if t.name == table).column_names:
            raise TypeError(f"index on {table}.{column}: no such column in the layout")
    return ordered


RECORD_PLAN = Plan("articles", ArticleRecord, "id", "article_id", CHILD_TABLES, INDEXES)
CLUSTER_PLAN = Plan("event_clusters", EventCluster, "cluster_id", "cluster_id", CLUSTER_CHILD_TABLES,
                    CLUSTER_INDEXES)
LAYOUT: list[Table] = build_layout(RECORD_PLAN)
TABLES: dict[str, Table] = {t.name: t for t in LAYOUT}
CLUSTER_LAYOUT: list[Table] = build_layout(CLUSTER_PLAN)


def layout_fingerprint(extra: tuple[tuple[str, str, str], ...] = ()) -> str:
    """A short hash of a table layout: the same tables, columns, types and keys give the same value."""
    parts = [f"{t.name}({','.join(f'{c.name}:{c.kind}' + ('?' if c.nullable else '') for c in t.columns)})"
             f"key({','.join(t.key)})" for t in LAYOUT]
    parts += [f"index {t}.{c}:{k}" for t, c, k in INDEXES]
    parts += [f"extra {t}.{c}:{k}" for t, c, k in extra]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- values

_UNSAFE = re.compile("[\x00\ud800-\udfff]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def safe_text(value: str, *, keep_nul: bool = False) -> str:
    """`value` storable as UTF-8 text: lone surrogates (which UTF-8 cannot hold)
    and, unless `keep_nul`, NUL (which PostgreSQL text cannot hold) become U+FFFD.
    One character for one, so offsets into the text stay right."""
    if not _UNSAFE.search(value):
        return value
    if keep_nul:
        return _SURROGATES.sub("\ufffd", value)
    return _UNSAFE.sub("\ufffd", value)


def storable_key(value: str, *, keep_nul: bool = False) -> str:
    """`value` as a key that every output can hold, distinct values kept distinct:
    unchanged unless it holds a lone surrogate or (unless `keep_nul`) NUL; then
    those become U+FFFD and `~` and a hash of the original are appended
    (replacing them alone would make "a\\x00" and "a\\ufffd" one key)."""
    unsafe = _SURROGATES if keep_nul else _UNSAFE
    if not unsafe.search(value):
        return value
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{unsafe.sub(chr(0xFFFD), value)}~{digest}"


def json_ready(value, *, keep_nul: bool = True):
    """`value` as plain JSON data, every string made storable (`safe_text`; NUL kept
    unless not `keep_nul`: JSON text escapes it, PostgreSQL's JSONB cannot hold it)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if isinstance(value, str):
        return safe_text(value, keep_nul=keep_nul)
    if isinstance(value, (list, tuple)):
        return [json_ready(v, keep_nul=keep_nul) for v in value]
    if isinstance(value, dict):
        return {safe_text(str(k), keep_nul=keep_nul): json_ready(v, keep_nul=keep_nul) for k, v in value.items()}
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value


def record_json(record: BaseModel) -> str:
    """A record as one line of JSON, as the JSONL sink writes it (one holding lone
    surrogates, which UTF-8 cannot encode, falls back to ASCII-escaped JSON)."""
    try:
        return record.model_dump_json()
    except Exception:  # noqa: BLE001 - pydantic refuses unencodable strings
        return json.dumps(record.model_dump(mode="json"))


def json_text(value) -> str:
    """A JSON column's value as text."""
    return json.dumps(json_ready(value), ensure_ascii=False)


def _get(item, path: tuple[str, ...]):
    for name in path:
        if item is None:
            return None
        item = getattr(item, name, None)
    return item


def _key_value(column: str, value) -> Any:
    if isinstance(value, str):
        if len(value.encode("utf-8", "surrogatepass")) > MAX_KEY_BYTES:
            raise LayoutError(f"{column} is {len(value.encode('utf-8', 'surrogatepass'))} bytes long; "
                              f"keys and indexed columns hold at most {MAX_KEY_BYTES} bytes")
    return value


def iter_rows(record: BaseModel, *, keep_nul: bool = False, json_as_text: bool = False,
              check_keys: bool = True, layout: Optional[list[Table]] = None) -> Iterator[tuple[Table, dict[str, Any]]]:
    """(table, row) for every row of `record` (an `ArticleRecord`, or the root model
    of `layout`), parents before their children.

    Text values go through `safe_text`, keys through `storable_key`; JSON columns hold plain lists/dicts, or
    their JSON text with `json_as_text`. Raises `LayoutError` for a key (an id)
    or a B-tree-indexed value too long to index (unless not `check_keys`)."""

    def row_of(table: Table, item, keys: dict[str, Any]) -> dict[str, Any]:
        row = dict(keys)
        for col in table.columns:
            if not col.path:
                continue
            value = _get(item, col.path)
            if value is None:
                row[col.name] = None
            elif col.kind == "text":
                value = (storable_key(value, keep_nul=keep_nul) if col.name == table.own_key
                         else safe_text(value, keep_nul=keep_nul))
                bounded = col.name in table.bounded
                row[col.name] = _key_value(f"{table.name}.{col.name}", value) if check_keys and bounded else value
            elif col.kind == "json":
                row[col.name] = json_text(value) if json_as_text else json_ready(value)
            else:
                row[col.name] = value
        return row

    def walk(table: Table, item, keys: dict[str, Any]):
        row = row_of(table, item, keys)
        yield table, row
        for child in table.children:
            items = getattr(item, child.field_name, None) or []   # union members may lack the field
            base = {k: row[k] for k in table.parent_key}
            base[table.ref_name] = row[table.own_key]
            for position, child_item in enumerate(items):
                child_keys = dict(base)
                if child.own_key == "ord":
                    child_keys["ord"] = position
                yield from walk(child, child_item, child_keys)

    yield from walk((layout or LAYOUT)[0], record, {})

"""Ready-made questions: plain ``.rq`` files in ``graphkit/resources/queries``.

A preset is an ordinary SPARQL query users can read, copy and edit. Its header comments
give a one-line description (the first comment line) and its parameters, one line each::

    # param ACTOR (actor): the actor's name (its label or any alias)

A parameter is written in the query as the SPARQL variable ``$ACTOR`` (upper case), so the
file stays valid SPARQL. Before running, graphkit writes each ``$ACTOR`` token (outside
strings, IRIs and comments) as the value in SPARQL syntax, escaped so that a value can never
change the query's structure. The value depends on the parameter's kind:

* ``actor``: a name, matched with triple patterns on the literal (``?a rdfs:label $ACTOR``
  or ``skos:altLabel``), so it hits the indexes. If no label or alias is exactly that name,
  the case-insensitive match is used ("petro" finds "Petro").
* ``relation``: a relation or PLOVER category name (``metWith``, ``CONSULT``), bound to its
  ``gk:`` IRI.
* ``text``: a plain string.

To run a preset elsewhere, replace ``$ACTOR`` by a value (``"Gustavo Petro"``) or add
``VALUES $ACTOR { "Gustavo Petro" }`` to its WHERE clause.

Examples:
    >>> sorted(presets())[:3]
    ['articles', 'between', 'extraditions']
    >>> presets()["between"].params[0].name
    'ACTOR1'
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox

from graphkit.errors import InputError
from graphkit.store.sparql import execute
from graphkit.vocab import GK_IRI, PLOVER_CATEGORIES, relation_names

PARAM_KINDS = ("actor", "relation", "text")
_PARAM = re.compile(r"#\s*param\s+([A-Z][A-Z0-9_]*)\s*(?:\((\w+)\))?\s*:\s*(.*)")


@dataclass(frozen=True)
class Param:
    """One parameter of a preset: its name (``$NAME`` in the query), kind and help."""

    name: str
    kind: str
    help: str


@dataclass(frozen=True)
class Preset:
    """A ready-made query: name, one-line description, parameters and the query text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str


def parse_header(name: str, text: str) -> Preset:
    """Read a query's description and parameters from its header comments.

    Examples:
        >>> p = parse_header("x", "# Who met.\\n# param ACTOR (actor): a name\\nSELECT * {}")
        >>> p.description, p.params
        ('Who met.', (Param(name='ACTOR', kind='actor', help='a name'),))
    """
    description = ""
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _PARAM.match(stripped)
        if m:
            kind = (m.group(2) or "text").lower()
            if kind not in PARAM_KINDS:
                msg = (
                    f"{name}: parameter {m.group(1)} has unknown kind {kind!r}; "
                    f"use one of {', '.join(PARAM_KINDS)}"
                )
                raise InputError(msg)
            params.append(Param(m.group(1), kind, m.group(3).strip()))
        elif not description and stripped.lstrip("#").strip():
            description = stripped.lstrip("#").strip()
    return Preset(name, description, tuple(params), text)


@cache
def presets() -> dict[str, Preset]:
    """Every preset shipped with graphkit, by name (the file name without ``.rq``)."""
    folder = resources.files("graphkit") / "resources" / "queries"
    found: dict[str, Preset] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_header(name, entry.read_text(encoding="utf-8"))
    return found


def get_preset(name: str) -> Preset:
    """A preset by name; InputError with the closest names when there is no such preset."""
    table = presets()
    if name not in table:
        close = difflib.get_close_matches(name, table, n=3)
        hint = f"did you mean {', '.join(close)}? " if close else ""
        msg = f"no preset named {name!r}; {hint}see presets() for the names"
        raise InputError(msg)
    return table[name]


def list_presets() -> str:
    """One line per preset: name, parameters, description."""
    rows = [
        (p.name + "".join(f" {q.name}" for q in p.params), p.description)
        for p in presets().values()
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{name.ljust(width)}  {desc}" for name, desc in rows]
    return "\n".join(lines) + "\n"


def resolve_actor(store: Any, name: str, *, param: str = "ACTOR") -> Any:
    """The literal to bind for an actor name: the name itself if some label or alias is
    exactly it, else the label or alias equal to it ignoring case.

    Raises:
        InputError: no actor has that name or alias, even ignoring case.
    """
    exact = ox.Literal(name)
    found = execute(
        store,
        "ASK { { ?a rdfs:label $name } UNION { ?a skos:altLabel $name } }",
        params={"name": exact},
    )
    if found.boolean:
        return exact
    result = execute(
        store,
        "SELECT DISTINCT ?label ?main WHERE { { ?a rdfs:label ?label BIND(true AS ?main) } UNION "
        "{ ?a skos:altLabel ?label BIND(false AS ?main) } "
        "FILTER(LCASE(STR(?label)) = LCASE($name)) }",
        params={"name": exact},
    )
    if not result.rows:
        msg = (
            f"no actor named {name!r} (label or alias) for {param}; "
            "check the spelling or list actors with the most-active-actors preset"
        )
        raise InputError(msg)
    ranked = sorted(result.rows, key=lambda row: (row[1].value != "true", row[0].value))
    return ranked[0][0]


def resolve_relation(name: str, *, param: str = "RELATION") -> Any:
    """The IRI to bind for a relation or PLOVER category name (``metWith``, ``CONSULT``)."""
    known = sorted(relation_names() | set(PLOVER_CATEGORIES) | {"interactedWith"})
    local = name.rsplit("#", 1)[-1].removeprefix("gk:")
    if local not in known:
        lower = {k.lower(): k for k in known}
        if local.lower() in lower:
            local = lower[local.lower()]
        else:
            close = difflib.get_close_matches(local, known, n=3)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            msg = (
                f"unknown relation {name!r} for {param}; "
                f"{hint}use a relation or PLOVER category name (e.g. metWith, CONSULT)"
            )
            raise InputError(msg)
    return ox.NamedNode(GK_IRI + local)


def bind_params(store: Any, preset: Preset, values: list[str]) -> dict[str, Any]:
    """Substitutions for a preset's parameters from the values given on the command line.

    Raises:
        InputError: a wrong number of values, an unknown actor or relation.
    """
    if len(values) != len(preset.params):
        names = ", ".join(p.name for p in preset.params) or "no parameters"
        msg = (
            f"{preset.name} takes {len(preset.params)} parameter(s) ({names}) "
            f"but got {len(values)}; pass one value for each"
        )
        raise InputError(msg)
    bound: dict[str, Any] = {}
    for param, value in zip(preset.params, values, strict=True):
        if param.kind == "actor":
            bound[param.name] = resolve_actor(store, value, param=param.name)
        elif param.kind == "relation":
            bound[param.name] = resolve_relation(value, param=param.name)
        else:
            bound[param.name] = ox.Literal(value)
    return bound

"""Library messages in the command line's words: ``focus=NAME`` is shown as ``--focus NAME``.

The library names its Python parameters in messages (``strict=True``, ``focus=NAME``,
``timeout=0``, a bare ``port=``); a command shows such a message with its own flags. Only
names that are options of the command running are translated, so anything else (a URL's
``?format=json``, a parameter the command has no flag for) is left as it is. A few messages
point to another command; :data:`COMMANDS` words them as that command.

Examples:
    >>> flags = {"focus": "--focus", "layout": "--layout", "strict": "--strict"}
    >>> as_flags("use layout='spring', or focus=NAME for a smaller map", flags)
    'use --layout spring, or --focus NAME for a smaller map'
    >>> as_flags("nothing was built (strict=True): fix it or build without strict=True", flags)
    'nothing was built (--strict): fix it or build without --strict'
    >>> as_flags("cannot fetch https://a.org/?focus=x; hops=2 is no option here", flags)
    'cannot fetch https://a.org/?focus=x; hops=2 is no option here'
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Mapping

ALIASES = {
    "params": "param",
    "graphs": "graph",
    "map_path": "map",
    "cors_origins": "cors_origin",
}
"""Python parameters whose flag has another name (``graphs=`` is ``--graph``)."""

COMMANDS = (
    (
        re.compile(r"no article (.+?) in (.+?); the 'articles' preset lists them"),
        r"no article \1 in \2; list them with: graphkit query --preset articles --store \2",
    ),
    (re.compile(r"see presets\(\) for the names"), "see 'graphkit query --preset list'"),
    (
        re.compile(r"the map file (.+) is missing; write it again with write_map\(\)"),
        r"the map file \1 is missing; write it with 'graphkit map -o \1'",
    ),
    (
        re.compile(r"list actors with the most-active-actors preset"),
        "list actors with '--preset most-active-actors'",
    ),
    (re.compile(r"pass one value for each(?= |$)"), "pass them with --param"),
)
"""Messages that point to another command, as (pattern, how the command line says it)."""

_PARAM = re.compile(
    r"(?<![\w?&/.=-])([a-z][a-z_]*)="
    r"(True\b|'[^']*'|\"[^\"]*\"|[A-Z][A-Z0-9_.]*\b|-?\d[\d.]*(?<!\.))?"
)


def flags_of(parser: argparse.ArgumentParser) -> dict[str, str]:
    """Python parameter name -> long flag, for every option of a (sub)command parser."""
    table: dict[str, str] = {}
    for action in parser._actions:
        longs = [o for o in action.option_strings if o.startswith("--")]
        if longs and action.dest != "help":
            table[longs[0][2:].replace("-", "_")] = longs[0]
    for python, dest in ALIASES.items():
        if dest in table:
            table[python] = table[dest]
    return table


def as_flags(message: str, flags: Mapping[str, str]) -> str:
    """The message with each ``name=VALUE`` of a known option written as its flag."""

    def flag(match: re.Match[str]) -> str:
        name, value = match.group(1), match.group(2)
        if name not in flags:
            return match.group(0)
        if value is None or value == "True":
            return flags[name]
        return f"{flags[name]} {value.strip(chr(39) + chr(34))}"

    text = _PARAM.sub(flag, message)
    for pattern, said in COMMANDS:
        text = pattern.sub(said, text)
    return text

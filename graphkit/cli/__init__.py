"""The ``graphkit`` command line: thin commands that parse flags and call one library function.

Exit codes: 0 ok, 1 a finding (SHACL non-conformance), 2 bad input (one-line message, no
traceback), 3 built but some inputs were skipped (``build`` and ``extract``; each skipped
file, record or URL is named on stderr; ``--strict`` turns them into exit 2 with nothing
written).

One module per group of commands, each with its parsers and its ``cmd_*`` functions:
:mod:`graphkit.cli.write` (extract, build, remove, merge), :mod:`graphkit.cli.read` (query,
map, analyze, export), :mod:`graphkit.cli.check` (validate, eval), :mod:`graphkit.cli.serve`;
what they share is in :mod:`graphkit.cli.common`. Library errors and warnings name Python
parameters; :mod:`graphkit.cli.flags` shows them as the command's flags.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence

from graphkit.cli import check, read, serve, write
from graphkit.cli.check import cmd_eval, cmd_validate
from graphkit.cli.common import Parser
from graphkit.cli.flags import as_flags, flags_of
from graphkit.cli.read import cmd_analyze, cmd_export, cmd_map, cmd_query
from graphkit.cli.serve import cmd_serve
from graphkit.cli.write import cmd_build, cmd_extract, cmd_merge, cmd_remove
from graphkit.errors import GraphkitError
from graphkit.notices import GraphkitWarning

__all__ = [
    "EXAMPLES",
    "build_parser",
    "cmd_analyze",
    "cmd_build",
    "cmd_eval",
    "cmd_export",
    "cmd_extract",
    "cmd_map",
    "cmd_merge",
    "cmd_query",
    "cmd_remove",
    "cmd_serve",
    "cmd_validate",
    "main",
]

EXAMPLES = {**write.EXAMPLES, **read.EXAMPLES, **check.EXAMPLES, **serve.EXAMPLES}
"""One or more example command lines per subcommand, shown at the end of its --help."""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="graphkit",
        description="Knowledge graphs of who did what to whom, from news articles.",
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True
    for group in (write, read, check, serve):
        group.add_parsers(sub)
    for command in sub.choices.values():
        command.set_defaults(flags=flags_of(command))  # how its errors name the options
    return parser


def _version() -> str:
    from graphkit import __version__

    return f"graphkit {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)

    original = warnings.showwarning
    flags = getattr(args, "flags", {})

    def show(message, category, filename, lineno, file=None, line=None):  # type: ignore
        if issubclass(category, GraphkitWarning):
            print(
                f"graphkit {args.command}: warning: {as_flags(str(message), flags)}",
                file=sys.stderr,
            )
        else:
            original(message, category, filename, lineno, file, line)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", GraphkitWarning)
            warnings.showwarning = show
            return int(args.func(args))
    except GraphkitError as err:
        print(f"graphkit {args.command}: error: {as_flags(str(err), flags)}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print(
            f"graphkit {args.command}: interrupted; outputs were left as they were", file=sys.stderr
        )
        return 130
    except BrokenPipeError:
        # the reader went away (`graphkit query ... | head -1`): stop quietly, like other tools
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141

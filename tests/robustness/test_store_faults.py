"""Store faults: deterministic ontology digest, long RDF lines, deep blank nodes, kills, full
disks."""

from __future__ import annotations

import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from graphkit.store import open_store
from graphkit.store.terms import ONTOLOGY_GRAPH


def test_store_reopening_keeps_the_ontology_graph_and_its_hash(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with open_store(folder) as st:
        first = sorted(
            str(q) for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))
        )
    for _ in range(2):
        with open_store(folder) as st:
            assert not st._dirty  # nothing rewritten, so no new snapshot is published
            again = sorted(
                str(q)
                for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))
            )
    hashes = [q for q in first if "contentHash" in q]
    assert hashes and hashes == [q for q in again if "contentHash" in q]


@pytest.mark.parametrize("depth", [1000, 4000])
def test_merge_of_deeply_nested_blank_nodes_is_linear_and_keeps_every_node(
    tmp_path: Path, depth: int
) -> None:
    from graphkit.merge import merge_files

    lines = [f"_:b{i} <urn:next> _:b{i + 1} ." for i in range(depth)]
    lines.append(f'_:b{depth} <urn:value> "end" .')
    lines.append("<urn:root> <urn:first> _:b0 .")
    path = tmp_path / "deep.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    began = time.process_time()
    merged = merge_files([path], resolve=False)
    spent = time.process_time() - began
    quads = {(s, p, o) for s, p, o, _ in merged.quads((None, None, None, None))}
    nodes = {s for s, p, o in quads if str(p) == "urn:next"}
    assert len(nodes) == depth  # one IRI per blank node: nothing collapsed
    again = {
        (s, p, o)
        for s, p, o, _ in merge_files([path], resolve=False).quads((None, None, None, None))
    }
    assert again == quads  # the same IRIs in every run
    print(f"depth {depth}: {spent:.2f} s CPU")  # was 18 s at 1,000 and over 120 s at 4,000


DRIVER = Path(__file__).resolve().parent / "driver.py"
COUNT = 16


def _drive(store: Path, mode: str, *, limit_bytes: int | None = None) -> subprocess.Popen[bytes]:
    def limit() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG

    return subprocess.Popen(
        [sys.executable, str(DRIVER), str(store), mode, str(COUNT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=limit,
    )


def _quads(store: Path) -> list[str]:
    """The store's quads as sorted N-Quads lines, without the ontology (its blank nodes vary)."""
    with open_store(store, read_only=True) as st:
        return sorted(
            str(q)
            for q in st.ox.quads_for_pattern(None, None, None, None)
            if q.graph_name.value != ONTOLOGY_GRAPH
        )


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    store = tmp_path_factory.mktemp("reference") / "store"
    run = _drive(store, "build")
    assert run.wait() == 0, run.stderr.read() if run.stderr else ""
    return _quads(store)


@pytest.mark.slow
def test_store_killed_builds_finish_to_the_uninterrupted_graph(
    tmp_path: Path, reference: list[str]
) -> None:
    from graphkit.validate import validate_path

    rng = random.Random(7)
    began = time.monotonic()
    runs = 0
    while runs < 20 and time.monotonic() - began < 60:
        store = tmp_path / f"store-{runs}"
        mode = "build" if runs % 2 == 0 else "load"  # load: pending marks resolved step by step
        for _ in range(rng.randint(1, 3)):  # killed once or several times at random points
            run = _drive(store, mode)
            time.sleep(rng.uniform(0.3, 3.0))
            run.send_signal(signal.SIGKILL)
            run.wait()
        # every fifth interrupted store opens and validates as it is
        if runs % 5 == 0 and (store / "graphkit-store.json").exists():
            conforms, text = validate_path(store)
            assert conforms, text[:1000]
        run = _drive(store, mode)
        assert run.wait() == 0, run.stderr.read() if run.stderr else ""
        assert _quads(store) == reference
        runs += 1
    assert runs >= 5


@pytest.mark.slow
def test_store_full_disk_gives_a_clear_error_and_the_next_build_completes(
    tmp_path: Path, reference: list[str]
) -> None:
    store = tmp_path / "store"
    run = _drive(store, "build")
    assert run.wait() == 0
    before = _quads(store)
    # a second store filled under a file-size limit: the build fails with a one-line error
    small = tmp_path / "small"
    run = _drive(small, "build", limit_bytes=300_000)
    code = run.wait()
    err = (run.stderr.read() if run.stderr else b"").decode()
    assert code != 0
    assert "check the disk space" in err or "File too large" in err, err[-2000:]
    assert _quads(store) == before  # other output intact
    run = _drive(small, "build")  # room again: the next build completes
    assert run.wait() == 0, (run.stderr.read() if run.stderr else b"").decode()[-2000:]
    assert _quads(small) == reference


@pytest.mark.parametrize(
    "command",
    [
        ["merge", "{f}", "-o", "{out}"],
        ["validate", "{f}"],
        ["query", "ASK {{ ?s ?p ?o }}", "--graph", "{f}"],
        ["analyze", "--graph", "{f}"],
    ],
)
def test_store_rdf_line_over_the_parser_limit_is_a_one_line_error(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from graphkit.cli import main

    path = tmp_path / "long.nt"
    path.write_text('<urn:a> <urn:b> "' + "x" * (16 * 1024 * 1024 + 10) + '" .\n', encoding="utf-8")
    args = [a.format(f=path, out=tmp_path / "out.trig") for a in command]
    code = main(args)
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert len(err.splitlines()) == 1 and "16 MB" in err and str(path) in err
    assert not (tmp_path / "out.trig").exists()

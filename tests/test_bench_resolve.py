"""The resolution benchmark's generated store is the store resolution itself builds."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from graphkit.store import open_store

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_resolve.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_resolve", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_resolve"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_store_is_the_resolved_one(tmp_path: Path) -> None:
    bench = _bench()
    size = 120  # more articles than the pool of 50 surnames: names collide across articles
    with open_store(tmp_path / "resolved") as st:
        bench.grow(st, 0, size, 40)
        resolved = bench.dump(st)
    with open_store(tmp_path / "generated") as st:
        bench.generate(st, size, tmp_path)
        generated = bench.dump(st)
    assert len(resolved) > 50 * size
    assert sorted(set(resolved) ^ set(generated))[:5] == []
    assert resolved == generated


def test_articles_added_to_a_generated_store_give_the_generated_store(tmp_path: Path) -> None:
    bench = _bench()
    with open_store(tmp_path / "grown") as st:
        bench.generate(st, 60, tmp_path)
        result = bench.measure(st, 60, 3)  # one transaction each, as a build adds them
        grown = bench.dump(st)
    with open_store(tmp_path / "generated") as st:
        bench.generate(st, 63, tmp_path)
        assert grown == bench.dump(st)
    assert result["cpu"] > 0


def test_counted_look_ups_change_nothing_and_name_their_kinds(tmp_path: Path) -> None:
    bench = _bench()
    with open_store(tmp_path / "counted") as st:
        bench.generate(st, 60, tmp_path / "counted", keep=tmp_path)
        assert (tmp_path / "generated-60.nq").exists()  # kept for the next run
        result = bench.measure(st, 60, 3, count=True)
        counted = bench.dump(st)
    with open_store(tmp_path / "plain") as st:
        bench.generate(st, 60, tmp_path / "plain", keep=tmp_path)
        bench.measure(st, 60, 3)
        assert counted == bench.dump(st)
    kinds = result["kinds"]
    calls, rows, _ = kinds["entity_triples quads bb-b"]  # graph, subject and predicate bound
    assert calls > 0 and rows > 0
    assert kinds["_query query"][0] > 0  # the key look-ups (SPARQL)
    assert all(spent >= 0 for _, _, spent in kinds.values())

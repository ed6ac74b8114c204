"""Hostile input files: long articles, devices and FIFOs, oversized files, bad UTF-8 bytes,
broken JSON Lines records, and the exit codes of build and extract when inputs are skipped."""

from __future__ import annotations

import os
import threading
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graphkit.config import Settings
from graphkit.errors import EXIT_BAD_INPUT, EXIT_OK, EXIT_SKIPPED, InputError
from graphkit.ingest import decode_text, read_articles
from graphkit.ingest.text import mostly_utf8, split_long
from graphkit.notices import GraphkitWarning
from graphkit.pipeline import extract_articles
from graphkit.records import Article

PETRO = "Colombian President Gustavo Petro met U.S. President Donald Trump on Tuesday.\n"


# long articles -------------------------------------------------------------------------------
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=300), st.integers(1, 40))
def test_ingest_split_long_pieces_join_back_and_fit(text: str, limit: int) -> None:
    pieces = split_long(text, limit=limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)


def test_ingest_split_long_cuts_at_paragraphs_first() -> None:
    text = "A b c.\n\nD e. F g.\nH i j k.\n\nL."
    assert split_long(text, limit=20) == ["A b c.\n\n", "D e. F g.\nH i j k.\n\n", "L."]


def test_ingest_text_over_spacy_max_length_is_parsed_in_pieces(nlp, settings) -> None:
    """spaCy refuses texts over nlp.max_length (E088); graphkit parses them in pieces, and
    the evidence offsets still point into the article's text."""
    paragraphs = [
        "Britain expelled 23 Russian diplomats on Wednesday.",
        "Colombia extradited Dairo Antonio Úsuga to the United States.",
        PETRO.strip(),
    ]
    text = "\n\n".join(paragraphs * 3) + "\n"
    article = Article.from_text(text, source="long.txt")
    whole = next(extract_articles([article], settings=settings))
    saved = nlp.max_length
    nlp.max_length = 150  # each piece is at most 150 characters
    try:
        pieces = next(extract_articles([article], settings=settings))
    finally:
        nlp.max_length = saved
    assert len(text) > 150
    found = {(r.subject.name, r.predicate, r.object.name) for r in pieces.relations}
    assert found == {(r.subject.name, r.predicate, r.object.name) for r in whole.relations}
    assert len(found) >= 3

    def offsets(result):
        evs = [r.evidence for r in result.relations]
        return sorted((ev.start, ev.end, ev.sentence) for ev in evs)

    assert offsets(pieces) == offsets(whole)
    assert all(text[start:end] in sentence for start, end, sentence in offsets(pieces))


@pytest.mark.slow
def test_ingest_build_of_an_article_over_a_million_characters(tmp_path, run_cli) -> None:
    """An article over spaCy's limit (1,000,000 characters) is built with the rest of the
    folder: no E088, exit 0. Its paragraphs are set apart by long runs of blank lines (one
    whitespace token each), so the test parses about 60,000 characters of prose, not 1M."""
    folder = tmp_path / "in"
    folder.mkdir()
    prose = Path(__file__).parent.parent / "data/articles/02-uk-expels-russian-diplomats.txt"
    paragraphs = [p for p in prose.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    gap = "\n" * 30_000
    body = gap.join(paragraphs * 4)
    (folder / "long.txt").write_text(body, encoding="utf-8")
    (folder / "short.txt").write_text(PETRO, encoding="utf-8")
    assert len(body) > 1_000_000
    code, out, err = run_cli("build", folder, "--store", tmp_path / "store", "-q")
    assert code == EXIT_OK, err
    assert "2 article(s) added" in out


# regular files only, size limit -----------------------------------------------------------------
def test_ingest_symlink_to_a_device_is_refused(tmp_path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="not a regular file"):
        read_articles(link)


def _in_thread(fn, seconds: float = 10.0):
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except Exception as err:
            box["error"] = err

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading hung"
    return box


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_ingest_fifo_named_txt_is_refused_without_hanging(tmp_path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    box = _in_thread(lambda: read_articles(fifo))
    assert isinstance(box.get("error"), InputError)
    assert "not a regular file" in str(box["error"])


def test_ingest_file_over_the_size_limit_is_refused(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(PETRO * 100, encoding="utf-8")
    with pytest.raises(InputError, match=r"larger than the limit.*--max-file-size"):
        read_articles(path, max_bytes=1000)
    assert read_articles(path, max_bytes=100_000)


def test_ingest_size_limit_from_environment(monkeypatch, run_cli, tmp_path) -> None:
    monkeypatch.setenv("GRAPHKIT_MAX_FILE_MB", "0.5")
    assert Settings().max_file_bytes == 512 * 1024
    monkeypatch.setenv("GRAPHKIT_MAX_FILE_MB", "lots")
    with pytest.raises(InputError, match="GRAPHKIT_MAX_FILE_MB='lots' is not a size in MB"):
        Settings()
    monkeypatch.delenv("GRAPHKIT_MAX_FILE_MB")
    code, _, err = run_cli("build", tmp_path, "--max-file-size", "0", "--store", tmp_path / "s")
    assert code == EXIT_BAD_INPUT and "--max-file-size 0" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_ingest_build_skips_devices_fifos_and_big_files_and_builds_the_rest(
    tmp_path, run_cli
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(PETRO, encoding="utf-8")
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "fifo.txt")
    (folder / "big.txt").write_text(PETRO * 30_000, encoding="utf-8")  # about 2.4 MB
    box = _in_thread(
        lambda: run_cli(
            "build", folder, "--store", tmp_path / "store", "-q", "--max-file-size", "1"
        ),
        seconds=120,
    )
    code, out, err = box["value"]  # type: ignore[misc]
    assert code == EXIT_SKIPPED
    assert "1 article(s) added" in out and "skipped" not in out
    assert err.count("skipped:") == 3
    assert "zero.txt is not a regular file" in err and "fifo.txt is not a regular file" in err
    assert "big.txt is larger than the limit" in err


# bad bytes in UTF-8 --------------------------------------------------------------------------
NAMES = "Bogotá: García-Peña met Petro in Bogotá and Núñez in Panamá.\n" * 5


def test_ingest_one_bad_byte_in_utf8_keeps_every_accent(tmp_path) -> None:
    data = NAMES.encode("utf-8") + b"Caf\xe9 talks.\n"
    with pytest.warns(GraphkitWarning, match=r"a\.txt: 1 invalid UTF-8 byte.*offset 343"):
        text = decode_text(data, name="a.txt")
    assert text.startswith(NAMES)
    assert text.endswith("Caf\ufffd talks.\n")
    assert data.index(b"\xe9") == 343


def test_ingest_windows_1252_is_still_read_as_such() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert decode_text(NAMES.encode("cp1252")) == NAMES
    assert mostly_utf8(NAMES.encode("cp1252")) == []


def test_ingest_bad_bytes_everywhere_is_not_utf8() -> None:
    """Half the accents broken: not 'overwhelmingly' UTF-8, so no replacement characters."""
    data = "García ".encode() + b"Pe\xf1a " * 3
    assert mostly_utf8(data) == []


def test_ingest_bad_byte_warning_on_stderr(tmp_path, run_cli) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(NAMES.encode("utf-8") + b"\xff\n")
    code, out, err = run_cli("extract", path, "-q")
    assert code == EXIT_OK
    assert f"graphkit extract: warning: {path}: 1 invalid UTF-8 byte" in err
    assert "Bogotá" in out and "BogotÃ" not in out


# JSON Lines: skip the bad line only ------------------------------------------------------------
JSONL = '{"text": "Petro met Trump."}\n{"text": "broken\n{"text": "Britain expelled diplomats."}\n'


def test_ingest_jsonl_bad_line_is_skipped_with_its_number(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    skipped: list[str] = []
    arts = read_articles(path, skipped=skipped)
    assert [a.text for a in arts] == ["Petro met Trump.", "Britain expelled diplomats."]
    assert len(skipped) == 1 and f"{path} line 2 is not valid JSON" in skipped[0]
    with pytest.raises(InputError, match="line 2"):
        read_articles(path)  # without a list of skipped records, the file fails as before


def test_ingest_jsonl_with_no_good_line_fails(tmp_path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": \n[1]\n', encoding="utf-8")
    skipped: list[str] = []
    with pytest.raises(InputError, match="none of its 2 record"):
        read_articles(path, skipped=skipped)


def test_ingest_build_with_a_bad_jsonl_line_exits_3(tmp_path, run_cli) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    code, out, err = run_cli("build", path, "--store", tmp_path / "store", "-q")
    assert code == EXIT_SKIPPED
    assert "2 article(s) added" in out and "skipped" not in out
    assert f"graphkit build: skipped: {path} line 2 is not valid JSON" in err


def test_ingest_build_strict_stops_before_writing(tmp_path, run_cli) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(JSONL, encoding="utf-8")
    store = tmp_path / "store"
    code, out, err = run_cli("build", path, "--store", store, "-q", "--strict")
    assert code == EXIT_BAD_INPUT
    assert "line 2" in err and "--strict" in err and out == ""
    assert not store.exists()


def test_ingest_extract_skips_bad_files_and_writes_the_rest(tmp_path, run_cli) -> None:
    good = tmp_path / "good.txt"
    good.write_text(PETRO, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(JSONL, encoding="utf-8")
    out_file = tmp_path / "out.trig"
    code, _out, err = run_cli("extract", good, bad, jsonl, "-q", "-o", out_file)
    assert code == EXIT_SKIPPED
    assert err.count("graphkit extract: skipped:") == 2 and "line 2" in err
    assert "Gustavo Petro" in out_file.read_text(encoding="utf-8")
    code, _, err = run_cli("extract", good, bad, "-q", "-o", tmp_path / "strict.trig", "--strict")
    assert code == EXIT_BAD_INPUT and "bad.txt" in err
    assert not (tmp_path / "strict.trig").exists()

"""Library messages name Python parameters; the command line shows them with its flags."""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from graphkit.cli import build_parser, main
from graphkit.cli.flags import as_flags
from graphkit.errors import GraphkitError
from graphkit.examples import example_store
from graphkit.pipeline import build, remove
from graphkit.query.presets import bind_params, get_preset
from graphkit.server import Limits, make_server
from graphkit.store import open_source

BINARY = Path(__file__).parent / "data" / "binary.txt"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding the example graphs."""
    folder = tmp_path / "store"
    example_store(folder)
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    return code, capsys.readouterr().err


def library_error(call: Callable[[], object]) -> str:
    with pytest.raises(GraphkitError) as info:
        call()
    return str(info.value)


def test_cli_flags_unknown_preset(capsys: pytest.CaptureFixture[str], store: Path) -> None:
    assert library_error(lambda: get_preset("who-met-who")).endswith("see presets() for the names")
    code, err = run(capsys, "query", "--preset", "who-met-who", "--store", store)
    assert code == 2
    assert err.rstrip().endswith("see 'graphkit query --preset list'")


def test_cli_flags_missing_preset_values(capsys: pytest.CaptureFixture[str], store: Path) -> None:
    preset = get_preset("relations-of")
    message = library_error(lambda: bind_params(None, preset, []))
    assert message.endswith("pass one value for each") and "--" not in message
    code, err = run(capsys, "query", "--preset", "relations-of", "--store", store)
    assert code == 2 and err.rstrip().endswith("pass them with --param")


def test_cli_flags_store_that_is_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    message = library_error(lambda: open_source(store=path))
    assert message.endswith("(store=DIR)")
    code, err = run(capsys, "query", "ASK {}", "--store", path)
    assert code == 2 and err.rstrip().endswith("pass the store folder (--store DIR)")


def test_cli_flags_missing_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    message = library_error(lambda: open_source(store=tmp_path / "none"))
    assert message.endswith("or pass graphs=FILE")
    code, err = run(capsys, "map", "-o", tmp_path / "map.html", "--store", tmp_path / "none")
    assert code == 2 and err.rstrip().endswith("or pass --graph FILE")


def test_cli_flags_remove_unknown_article(capsys: pytest.CaptureFixture[str], store: Path) -> None:
    message = library_error(lambda: remove(["nothing.txt"], store=store))
    assert message == f"no article 'nothing.txt' in {store}; the 'articles' preset lists them"
    code, err = run(capsys, "remove", "nothing.txt", "--store", store)
    assert code == 2
    assert err.rstrip().endswith(
        f"list them with: graphkit query --preset articles --store {store}"
    )


def test_cli_flags_strict_build(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(BINARY.read_bytes())
    message = library_error(lambda: build([folder], store=tmp_path / "s1", strict=True))
    assert "nothing was built (strict=True): fix the input or drop strict=True" in message
    code, err = run(capsys, "build", folder, "--strict", "--store", tmp_path / "s2", "-q")
    assert code == 2
    assert err.rstrip().endswith("nothing was built (--strict): fix the input or drop --strict")
    assert not (tmp_path / "s1").exists() and not (tmp_path / "s2").exists()


def test_cli_flags_server_limits(capsys: pytest.CaptureFixture[str], store: Path) -> None:
    assert library_error(lambda: Limits(timeout=0, backlog=-5)) == (
        "timeout=0, backlog=-5 must be positive"
    )
    code, err = run(capsys, "serve", "--store", store, "--timeout", "0", "--port", "0")
    assert code == 2 and err.rstrip().endswith("--timeout 0 must be positive")


def test_cli_flags_server_replies_in_the_starters_words(store: Path) -> None:
    flags = build_parser().parse_args(["serve"]).flags  # the serve command's own table
    server = make_server(
        store=store, port=0, workers=1, quiet=True, wording=lambda m: as_flags(m, flags)
    )
    data = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    request = urllib.request.Request(
        server.url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    try:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(request, timeout=30)
        assert info.value.code == 403
        body = info.value.read().decode()
        map_page = urllib.request.Request(server.url.replace("/sparql", "/map"))
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(map_page, timeout=30)
        map_body = missing.value.read().decode()
    finally:
        server.shutdown()
        server.server_close()
    assert body == (
        "this endpoint is read-only; restart it with --allow-update to accept SPARQL Update\n"
    )
    assert map_body.startswith("no map is served; restart with --map MAP.html")


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        (
            "use layout='auto' or layout='spring', or focus=NAME",
            "use --layout auto or --layout spring, or --focus NAME",
        ),
        (
            "fetching https://a.org/feed?format=rss&timeout=3 failed",
            "fetching https://a.org/feed?format=rss&timeout=3 failed",
        ),
        ("max_bytes=5 has no flag", "max_bytes=5 has no flag"),
    ],
)
def test_cli_flags_translation(message: str, shown: str) -> None:
    flags = {"layout": "--layout", "focus": "--focus", "format": "--format", "timeout": "--timeout"}
    assert as_flags(message, flags) == shown

"""A built wheel, installed into a fresh virtualenv, works from any folder.

The wheel is built from a copy of the package sources (``pyproject.toml``, ``README.md``,
``graphkit/``), installed non-editable into a new venv, and run from a temporary folder
that holds only a copy of one article. Nothing of the repository is on that venv's path.

To keep it fast, dependency resolution and byte-compilation are skipped: the venv gets
exactly the distributions the wheel declares (its ``Requires-Dist``, followed transitively,
extras included where asked for), at the versions of the running environment, and
``pip check`` then proves the wheel's requirements are met. pip's cache serves the files;
nothing else is installed, so a module the wheel uses but does not declare fails the test.
"""

from __future__ import annotations

import email
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from rdflib import Dataset

from graphkit.vocab import GK, ID_BASE

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "articles" / "seed-petro-trump.txt"
PETRO, TRUMP = (f"{ID_BASE}person/{n}" for n in ("gustavo-petro", "donald-trump"))
HTML = (
    "<html><head><title>Petro in Washington</title></head><body><article><p>Colombian "
    "President Gustavo Petro met U.S. President Donald Trump at the White House on "
    "Tuesday.</p></article></body></html>"
)


def _wheel_requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = email.message_from_bytes(archive.read(name))
    return [Requirement(r) for r in metadata.get_all("Requires-Dist") or []]


def _applies(req: Requirement, extras: frozenset[str]) -> bool:
    if req.marker is None:
        return True
    return any(req.marker.evaluate({"extra": extra}) for extra in extras | {""})


def pinned_closure(requirements: list[Requirement]) -> list[str]:
    """``name==version`` of every distribution the requirements need, as installed here."""
    pins: dict[str, str] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(req, frozenset[str]()) for req in requirements]
    while todo:
        req, parent_extras = todo.pop()
        if not _applies(req, parent_extras):
            continue
        key = (canonicalize_name(req.name), frozenset(req.extras))
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = distribution(req.name)
        except PackageNotFoundError:
            pytest.fail(f"{req.name}, required by the wheel, is not installed; make install-dev")
        pins[key[0]] = f"{dist.metadata['Name']}=={dist.version}"
        todo.extend((Requirement(r), key[1]) for r in dist.requires or [])
    return sorted(pins.values())


def _run(args: list[str | Path], *, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, f"{args[:3]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_runs_from_anywhere(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["HOME"] = str(tmp_path)  # no user site-packages or configuration of this machine
    # pip keeps using its cache and index settings
    env.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))

    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "graphkit", source / "graphkit", ignore=shutil.ignore_patterns("__pycache__")
    )
    dist = tmp_path / "dist"
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, source],
        cwd=tmp_path,
        env=env,
    )
    [wheel] = dist.glob("graphkit-*.whl")

    target = tmp_path / "venv"
    venv.create(target, with_pip=False)  # this pip installs into it (pip --python)
    python = target / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python]
    pins = pinned_closure(_wheel_requirements(wheel))
    _run([*pip, "install", "-q", "--no-deps", "--no-compile", *pins, wheel], cwd=tmp_path, env=env)
    _run([*pip, "check"], cwd=tmp_path, env=env)

    work = tmp_path / "work"
    (work / "articles").mkdir(parents=True)
    shutil.copy2(SEED, work / "seed.txt")
    shutil.copy2(SEED, work / "articles" / "seed.txt")
    (work / "articles" / "visit.html").write_text(HTML, encoding="utf-8")  # trafilatura
    location = _run([python, "-c", "import graphkit; print(graphkit.__file__)"], cwd=work, env=env)
    assert Path(location.strip()).is_relative_to(target)
    graphkit = target / "bin" / "graphkit"
    _run([graphkit, "extract", "seed.txt", "-o", "out.trig", "-q"], cwd=work, env=env)
    ds = Dataset()
    ds.parse(work / "out.trig", format="trig")
    assert any(
        {str(s), str(o)} == {PETRO, TRUMP} for s, _, o, _ in ds.quads((None, GK.metWith, None))
    )
    summary = _run([graphkit, "build", "articles", "--store", "s", "-q"], cwd=work, env=env)
    assert "2 article(s) added" in summary
    assert (work / "s" / "graphkit-store.json").is_file()

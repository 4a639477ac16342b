"""Where the rule model's data files (``models/``) live, and how they are read.

In a wheel the folder ships as ``extractor/models``; in a source checkout it is
the top-level ``models/`` beside the package.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE_DIR = Path(__file__).resolve().parent
# Both loaders are safe and build the same data; the C one (libyaml, when PyYAML has it)
# parses the gazetteer about 8x faster, which every worker pays at start-up.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def models_dir() -> Path:
    """The folder holding the pipeline's data files."""
    installed = _PACKAGE_DIR / "models"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "models"


@lru_cache(maxsize=None)
def load_yaml(name: str, directory: str | None = None) -> Any:
    """Parse ``models/<name>`` (or ``<directory>/<name>``) with a safe YAML loader.

    Cached: the data files are read once per process and must not be mutated.
    """
    path = Path(directory) / name if directory else models_dir() / name
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"rule-model data file not found: {path}") from exc

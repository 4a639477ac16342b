"""The made-up phrasing cases in tests/relations/data, read once and turned into pytest
parameters: a case marked ``known_miss`` is a strict expected failure, so a rule that fixes
it must drop the mark."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parent / "data"


def load_cases(*names: str) -> list[dict]:
    return [case for name in names for case in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))]


def as_params(cases: list[dict]) -> list:
    return [pytest.param(c, id=f"{c['id']}-{c['construction']}",
                         marks=[pytest.mark.xfail(reason=f"known miss: {c['known_miss']}", strict=True)]
                         if c.get("known_miss") else [])
            for c in cases]

"""Figures from made-up sentences and short passages, one construction each
(tests/relations/data/figure_phrasings.yaml), and from made-up passages that put figures the
way real reports do (figure_passages.yaml).

A case passes when the figures found are exactly the expected ones (optional ones aside), by
company, kind and amount (low and high for a range), each with the expected timing where the
case gives one."""
from __future__ import annotations

import pytest

from extractor import extract
from phrasing_cases import as_params, load_cases

CASES = load_cases("figure_phrasings.yaml", "figure_passages.yaml")
PUBLISHED = "2026-11-23"


def _key(company: str, kind: str, amount: str | None, low: str | None = None, high: str | None = None) -> tuple:
    return company, kind, amount, low, high


def _expected_key(figure: dict) -> tuple:
    return _key(figure["company"], figure["kind"], figure.get("amount"), figure.get("low"), figure.get("high"))


def problems(case: dict) -> list[str]:
    """What the pipeline gets wrong on one case, in words (empty when it is right)."""
    found = {_key(f.company, f.kind, f.value.amount, f.value.low, f.value.high): f
             for f in extract(case["text"], published=PUBLISHED).figures}
    expected = {_expected_key(f): f for f in case["expected"]}
    optional = {_expected_key(f) for f in case.get("optional") or []}
    issues = [f"missing {k}" for k in expected if k not in found]
    issues += [f"spurious {k}" for k in found if k not in expected and k not in optional]
    for key, want in expected.items():
        got = found.get(key)
        timing = got.timing.value if got is not None and got.timing is not None else None
        if got is not None and "timing" in want and timing != want["timing"]:
            issues.append(f"timing of {key}: {timing}")
    return issues


@pytest.mark.parametrize("case", as_params(CASES))
def test_figures_of_a_phrasing(case):
    assert problems(case) == []


def test_the_cases_are_unique_and_complete():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 60
    for case in CASES:
        assert case["text"].strip() and case["group"] and case["construction"]
        for figure in case["expected"] + (case.get("optional") or []):
            assert {"company", "kind"} <= set(figure) and ("amount" in figure or {"low", "high"} <= set(figure))

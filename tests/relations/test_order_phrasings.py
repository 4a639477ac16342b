"""Orders from made-up sentences, one construction each (tests/relations/data/order_phrasings.yaml),
from short made-up passages (order_passages.yaml), and from a set of both written apart from
the rules (order_phrasings_apart.yaml).

A case passes when the orders found are exactly the expected ones (optional ones aside), by
customer, supplier and service, with the expected stage and confirmation (and the timing's value,
the value's amount and the node's name where a case gives them)."""
from __future__ import annotations

import pytest

from extractor import extract
from phrasing_cases import as_params, load_cases

CASES = load_cases("order_phrasings.yaml", "order_passages.yaml", "order_phrasings_apart.yaml")
PUBLISHED = "2026-06-15"


def _key(order) -> tuple:
    return order["customer"], order["supplier"], order["service"]


def _accepts(value: str, wanted: str | list[str]) -> bool:
    return value in wanted if isinstance(wanted, list) else value == wanted


def _problems(case: dict) -> list[str]:
    found = {(o.customer, o.supplier, o.service): o for o in extract(case["text"], published=PUBLISHED).orders}
    expected = {_key(o): o for o in case["expected"]}
    optional = {_key(o) for o in case.get("optional") or []}
    problems = [f"missing {k}" for k in expected if k not in found]
    problems += [f"spurious {k}" for k in found if k not in expected and k not in optional]
    for k, want in expected.items():
        got = found.get(k)
        if got is not None and not _accepts(got.stage, want["stage"]):
            problems.append(f"stage of {k}: {got.stage}")
        if got is not None and not _accepts(got.confirmation, want["confirmation"]):
            problems.append(f"confirmation of {k}: {got.confirmation}")
        if got is not None and "timing" in want and (got.timing.value if got.timing else None) != want["timing"]:
            problems.append(f"timing of {k}: {got.timing}")
        if got is not None and "value" in want and (got.value.amount if got.value else None) != want["value"]:
            problems.append(f"value of {k}: {got.value}")
        if got is not None and "node" in want and (got.process_node.name if got.process_node else None) != want["node"]:
            problems.append(f"node of {k}: {got.process_node}")
    return problems


@pytest.mark.parametrize("case", as_params(CASES))
def test_orders_of_a_phrasing(case):
    assert _problems(case) == []


def test_the_cases_are_unique_and_complete():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert case["text"].strip()
        for order in case["expected"]:
            assert {"customer", "supplier", "service", "stage", "confirmation"} <= set(order)

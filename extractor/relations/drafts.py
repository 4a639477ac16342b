"""One clause's statement of an order, before merging."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .context import Clause

# Services in which the supplier makes something for the customer (not a finished product).
MAKING = frozenset({"foundry", "memory", "packaging", "design"})
TOOL_TRADES = frozenset({"equipment", "materials"})  # makers of tools and parts, not of chips
from .views import Item


@dataclass
class Draft:
    """One clause's statement of an order, before merging."""

    customer: str | None
    supplier: str
    supplier_unit: str | None
    service: str
    stage: str
    confirmation: str
    attribution: str | None
    clause: Clause
    score: int
    products: list[str] = field(default_factory=list)
    chip: str | None = None
    node: Item | None = None
    value: Item | None = None
    volume: Item | None = None
    timing: Item | None = None
    timing_fit: int = 0


def amount_of(item: Item) -> Decimal:
    value = item.value
    return Decimal(value.amount or value.high or value.low or "0")

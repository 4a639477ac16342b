"""Pydantic models of the output contract (``shared/spec/output-contract.md``, version 1).

One set of models reads both the extractor's output and gold files: fields that
only a machine can know (offsets, evidence, confidence) are optional.
Amounts are plain decimal strings; use :func:`extractor.normalize.numbers.plain`
to write one from a ``Decimal``.
"""
from __future__ import annotations

import re
from typing import Annotated, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

_PLAIN_DECIMAL = re.compile(r"-?\d+(\.\d+)?")


def _check_plain_decimal(value: str | None) -> str | None:
    if value is not None and not _PLAIN_DECIMAL.fullmatch(value):
        raise ValueError(f"amount must be a plain decimal string like '44300000000', got {value!r}")
    return value


Amount = Annotated[str | None, AfterValidator(_check_plain_decimal)]

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range"]
Relation = Literal["in", "by", "from", "until", "since"]
Label = Literal["COMPANY", "PROCESS_NODE", "MONEY", "QUANTITY", "DATE"]
Service = Literal["foundry", "design", "packaging", "memory", "supply"]
Stage = Literal["talks", "agreed", "production", "past"]
Confirmation = Literal["confirmed", "reported", "denied"]
FigureKind = Literal[
    "datacenter_capacity", "investment", "chip_spend", "order_backlog",
    "wafer_capacity", "revenue", "operating_profit", "capex",
]
QuantityKind = Literal["power", "wafer_capacity", "wafers", "units"]

LABELS: tuple[str, ...] = Label.__args__  # type: ignore[attr-defined]
SERVICES: tuple[str, ...] = Service.__args__  # type: ignore[attr-defined]
STAGES: tuple[str, ...] = Stage.__args__  # type: ignore[attr-defined]
CONFIRMATIONS: tuple[str, ...] = Confirmation.__args__  # type: ignore[attr-defined]
QUALIFIERS: tuple[str, ...] = Qualifier.__args__  # type: ignore[attr-defined]
FIGURE_KINDS: tuple[str, ...] = FigureKind.__args__  # type: ignore[attr-defined]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class CompanyValue(_Record):
    name: str
    unit: str | None = None
    id: str | None = None


class NodeValue(_Record):
    nm: float
    name: str | None = None


class MoneyValue(_Record):
    amount: Amount = None
    currency: str
    qualifier: Qualifier = "exact"
    low: Amount = None
    high: Amount = None


class QuantityValue(_Record):
    amount: Amount = None
    low: Amount = None
    high: Amount = None
    unit: str
    kind: QuantityKind
    qualifier: Qualifier = "exact"


class DateValue(_Record):
    value: str | None
    start: str | None = None
    end: str | None = None
    relation: Relation | None = None


class MoneyAmount(MoneyValue):
    """A money value as an order's or figure's value: conversions stated beside it."""

    equivalents: list[MoneyValue] = Field(default_factory=list)


MentionValue = Union[CompanyValue, NodeValue, MoneyValue, QuantityValue, DateValue]


class Article(_Record):
    id: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"


class Mention(_Record):
    label: Label
    text: str
    start: int | None = None
    end: int | None = None
    sentence: int | None = None
    value: MentionValue | None = None
    occurrence: int | None = Field(default=None, ge=1)
    rule: str | None = None


class Evidence(_Record):
    text: str
    start: int
    end: int


class Order(_Record):
    customer: str | None
    supplier: str
    supplier_unit: str | None = None
    service: Service
    products: list[str] = Field(default_factory=list)
    chip: str | None = None
    process_node: NodeValue | None = None
    value: MoneyAmount | None = None
    volume: QuantityValue | None = None
    timing: DateValue | None = None
    stage: Stage
    confirmation: Confirmation
    attribution: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float | None = Field(default=None, ge=0, le=1)


class Figure(_Record):
    company: str
    kind: FigureKind
    value: MoneyAmount | QuantityValue
    timing: DateValue | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class ArticleResult(_Record):
    schema_version: Literal["1"] = SCHEMA_VERSION
    article: Article
    mentions: list[Mention] = Field(default_factory=list)
    orders: list[Order] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

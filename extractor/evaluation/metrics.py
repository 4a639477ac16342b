"""What scoring counts and compares, per output contract v1 ("Gold files and scoring")."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation


LABELS = ["COMPANY", "PROCESS_NODE", "MONEY", "QUANTITY", "DATE"]
ORDER_SLOTS = ["supplier_unit", "products", "chip", "process_node", "value", "volume", "timing", "stage",
               "confirmation"]
_ALIASES = {
    "meta platforms": "meta", "facebook": "meta", "samsung": "samsung electronics",
    "samsung foundry": "samsung electronics", "taiwan semiconductor manufacturing": "tsmc",
    "taiwan semiconductor": "tsmc", "alphabet": "google", "intel foundry": "intel", "hynix": "sk hynix",
    "amazon web services": "amazon", "aws": "amazon",
}
_SUFFIXES = re.compile(r"\b(incorporated|inc|corporation|corp|company|co|ltd|limited|plc|llc|holdings)\b")
_TOLERANCE = Decimal("0.005")


def canon(name) -> str | None:
    """A company name as scoring compares it: case, punctuation and legal suffixes dropped.

    >>> canon("Nvidia Corp."), canon("Samsung"), canon(None)
    ('nvidia', 'samsung electronics', None)
    """
    if not name:
        return None
    text = _SUFFIXES.sub("", re.sub(r"[.,'’]", "", str(name).casefold()))
    text = re.sub(r"\s+", " ", text).strip()
    return _ALIASES.get(text, text)


def _dec(x) -> Decimal | None:
    if x is None:
        return None
    try:
        return Decimal(str(x))
    except InvalidOperation:
        return None


def close(a, b) -> bool:
    """Amounts agree within 0.5 %.

    >>> close("100", "100.4"), close("100", "101"), close(None, None)
    (True, False, True)
    """
    a, b = _dec(a), _dec(b)
    if a is None or b is None:
        return a is None and b is None
    return a == b or abs(a - b) <= _TOLERANCE * max(abs(a), abs(b))


def value_ok(label: str, gold, pred) -> bool:
    if not isinstance(gold, dict) or not isinstance(pred, dict):
        return gold == pred
    if label == "COMPANY":
        return canon(gold.get("name")) == canon(pred.get("name"))
    if label == "PROCESS_NODE":
        try:
            return abs(float(gold.get("nm")) - float(pred.get("nm"))) < 0.051
        except (TypeError, ValueError):
            return False
    amounts = all(close(gold.get(k), pred.get(k)) for k in ("amount", "low", "high"))
    if label == "MONEY":
        return gold.get("currency") == pred.get("currency") and amounts
    if label == "QUANTITY":
        return gold.get("unit") == pred.get("unit") and amounts
    if label == "DATE":
        return gold.get("value") == pred.get("value")
    return gold == pred


def slot_ok(slot: str, gold, pred) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if slot == "products":
        return {str(x).casefold().strip() for x in gold} == {str(x).casefold().strip() for x in pred}
    label = {"process_node": "PROCESS_NODE", "value": "MONEY", "volume": "QUANTITY", "timing": "DATE"}.get(slot)
    if label:
        return value_ok(label, gold, pred)
    return str(gold).casefold().strip() == str(pred).casefold().strip()


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def row(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Ratio:
    ok: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.ok += bool(ok)

    def value(self) -> float | None:
        return round(self.ok / self.n, 4) if self.n else None


@dataclass
class ErrorRecord:
    article: str
    kind: str  # missed, spurious, wrong_value, missed_order, spurious_order, wrong_slot, ...
    label: str
    text: str
    detail: str = ""
    sentence: str | None = None
    rule: str | None = None


@dataclass
class Scores:
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    strict: dict = field(default_factory=lambda: defaultdict(Counts))
    lenient: dict = field(default_factory=lambda: defaultdict(Counts))
    values: dict = field(default_factory=lambda: defaultdict(Ratio))
    orders: Counts = field(default_factory=Counts)
    slots: dict = field(default_factory=lambda: defaultdict(Ratio))
    spurious_slots: Counter = field(default_factory=Counter)
    figures: Counts = field(default_factory=Counts)
    figure_values: Ratio = field(default_factory=Ratio)
    errors: list[ErrorRecord] = field(default_factory=list)

    def report(self) -> dict:
        return {
            "articles": self.articles,
            "missing_predictions": self.missing,
            "mentions_strict": {k: v.row() for k, v in self.strict.items()},
            "mentions_lenient": {k: v.row() for k, v in self.lenient.items()},
            "value_accuracy": {k: v.value() for k, v in self.values.items()},
            "orders": self.orders.row(),
            "order_slot_accuracy": {k: v.value() for k, v in self.slots.items()},
            "order_spurious_slots": dict(self.spurious_slots),
            "figures": self.figures.row(),
            "figure_value_accuracy": self.figure_values.value(),
            "errors": [asdict(e) for e in self.errors],
        }

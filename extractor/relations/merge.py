"""Merging drafts into one order per (customer, supplier, service), by the contract's rules."""
from __future__ import annotations

from ..records import Evidence, MoneyAmount, Order
from .drafts import Draft, amount_of
from .views import ArticleView, Item

_STAGE_RANK = {"past": 0, "talks": 1, "agreed": 2, "production": 3}


def merge(view: ArticleView, drafts: list[Draft], conversions: dict[Item, list[Item]]) -> list[Order]:
    groups: dict[tuple, list[Draft]] = {}
    for draft in drafts:
        groups.setdefault((draft.customer, draft.supplier, draft.service), []).append(draft)
    return [_merge_group(view, group, conversions) for group in groups.values()]


def _merge_group(view: ArticleView, group: list[Draft], conversions: dict[Item, list[Item]]) -> Order:
    stage = max((d.stage for d in group), key=_STAGE_RANK.__getitem__)
    confirmation = _merged_confirmation({d.confirmation for d in group})
    with_value = [d for d in group if d.value is not None]
    headline = max(with_value, key=lambda d: (amount_of(d.value), bool(conversions.get(d.value)))) if with_value else None
    staged = next(d for d in group if d.stage == stage)
    order_of_preference = [d for d in (headline, staged) if d is not None] + group

    def pick(slot: str):
        return next((getattr(d, slot) for d in order_of_preference if getattr(d, slot) is not None), None)

    products: list[str] = []
    for draft in group:
        products += [p for p in draft.products if p not in products]
    products = _most_specific(products)
    value = None
    if headline is not None:
        value = MoneyAmount(**headline.value.value.model_dump(),
                            equivalents=[e.value for e in conversions.get(headline.value, [])])
    node, volume = pick("node"), pick("volume")
    dated = [d for d in order_of_preference if d.timing is not None]
    timing = max(dated, key=lambda d: d.timing_fit).timing if dated else None  # first among equals
    sentences = sorted({d.clause.sentence.index: d.clause.sentence for d in group}.items())
    first = group[0]
    return Order(
        customer=first.customer, supplier=first.supplier, service=first.service,
        supplier_unit=next((d.supplier_unit for d in group if d.supplier_unit), None),
        products=products, chip=pick("chip"),
        process_node=node.value if node else None, value=value,
        volume=volume.value if volume else None, timing=timing.value if timing else None,
        stage=stage, confirmation=confirmation,
        attribution=next((d.attribution for d in group if d.attribution), None),
        evidence=[Evidence(text=s.text.strip(), start=s.start, end=s.end) for _, s in sentences],
        confidence=_confidence(group),
    )


def _merged_confirmation(found: set[str]) -> str:
    """Confirmed beats all; a denial beats the report it answers (one deal, reported then
    denied, is denied; the contract's "strongest wins" is read as across separate deals)."""
    for level in ("confirmed", "denied", "reported"):
        if level in found:
            return level
    return "reported"


def _confidence(group: list[Draft]) -> float:
    best = max(d.score for d in group)
    return round(min(0.95, 0.4 + 0.05 * best + 0.05 * (len(group) - 1)), 2)


def _most_specific(products: list[str]) -> list[str]:
    """A product family beside one of its numbered members names the member ("Maia" beside
    "Maia 200", "MTIA" beside "MTIA v4"): the family is left out."""
    return [p for p in products if not any(q != p and q.startswith((p + " ", p + "-")) and any(c.isdigit() for c in q[len(p):])
                                           for q in products)]  # (a member is numbered: not "A20 Pro" beside "A20")

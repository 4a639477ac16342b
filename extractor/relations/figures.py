"""Figures: money and capacity numbers of one company that are not an order's price."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Evidence, Figure, MoneyAmount, MoneyValue
from .context import Clause, clauses, equivalents
from .cues import Cues
from .figure_owner import FigureOwners
from .figure_timing import figure_timing
from .views import ArticleView, Item


@dataclass
class FigureRules:
    cues: Cues
    owners: FigureOwners  # whose figure it is: the clause's companies, nodes and technologies

    def find(self, view: ArticleView, order_values: set[Item], unnamed: set[Item] = frozenset()) -> list[Figure]:
        """The article's figures. ``order_values`` are orders' prices, no figures; those of
        ``unnamed`` (orders from a customer the text does not name) may still be the supplier's
        backlog ("secured a $3 billion HBM4E order from a customer it would not name")."""
        conversions = equivalents(view)
        for base, other in _restatements(view):  # "NT$1 trillion this year, roughly US$33 billion"
            if base not in conversions and other not in conversions:
                conversions[base] = [other]
        converted = {i for items in conversions.values() for i in items}
        figures: dict[tuple, Figure] = {}
        for sentence in view.sentences:
            for clause in clauses(view, sentence, self.cues):
                for item in view.items_in(clause.start, clause.end):
                    if item.label not in {"MONEY", "QUANTITY"} or item in converted or \
                            (item in order_values and item not in unnamed):
                        continue
                    figure = self._figure(view, clause, item, conversions.get(item, []))
                    if figure is not None and (item not in order_values or figure.kind == "order_backlog"):
                        _add(figures, figure)
        return list(figures.values())

    def _figure(self, view: ArticleView, clause: Clause, item: Item, conversions: list[Item]) -> Figure | None:
        before = view.text[clause.start:item.start]
        after = view.text[item.end:clause.end]
        kind = self._kind(item, before, after)
        if kind is None or self._market_wide(view, max(clause.start, item.start - 50), item.start) \
                or self._market_wide(view, item.end, min(clause.end, item.end + 40)) \
                or self.cues.joint.search(view.text, clause.sentence.start, item.start):
            return None  # (a site two companies are "jointly building" anywhere before it: no one's)
        if self.cues.funding_before.search(before[-60:]) or self.cues.funding_after.match(after):
            return None  # "raised 250 billion won in a funding round": investors' money, no figure
        received, support = self.cues.support_received
        if received.search(before[-60:]) and support.match(after):
            return None  # "received $5.7 billion in CHIPS Act funds": public money taken in, no figure
        if self.cues.not_figure_before.search(before[-80:]) or self.cues.not_figure_after.match(after):
            return None  # "up from its previous guidance of ...", "valued at ...", "... of purchase commitments"
        if kind == "revenue" and (self.cues.one_deal_before.search(before[-120:])
                                  or self.cues.one_deal_after.search(after[:80])):
            return None  # "expects the program to bring in more than $10 billion": one deal's worth
        if item.label == "QUANTITY" and (self.cues.unit_price.match(after) or self.cues.power_of_goods.match(after)):
            return None  # "draws under 90 watts per card", "6 GW of AMD GPUs": a part's rating, a deal's size
        if kind == "datacenter_capacity" and self._no_site_power(item, before, after):
            return None  # "a 1.9 GW nuclear plant", "the rack consumes about 600 kW"
        company = self.owners.owner(view, clause, item)
        if company is None or (kind == "wafer_capacity" and not self._can_own_capacity(view, company)):
            return None
        if kind in self.cues.reported_kinds and not self._reports_in(view, company, item.value):
            return None
        if kind == "wafer_capacity" and self._outsourced(company, after):
            return None  # "SPIL's sites run oS for roughly 12k wpm of CoWoS-S": TSMC's flow, farmed out
        value = item.value
        if isinstance(value, MoneyValue):
            negative = kind == "operating_profit" and self.cues.negative.search(before[-60:] + after[:30])
            value = MoneyAmount(**_signed(value, bool(negative)), equivalents=[c.value for c in conversions])
        sentence = clause.sentence
        timing = figure_timing(view, clause, item, kind, self.cues)
        return Figure(company=company, kind=kind, value=value, timing=timing.value if timing else None,
                      evidence=[Evidence(text=sentence.text.strip(), start=sentence.start, end=sentence.end)])

    def _no_site_power(self, item: Item, before: str, after: str) -> bool:
        """Power that is a plant's, a power deal's, a need or a part's rating, not a site's capacity."""
        plant_before, plant_after = self.cues.energy_supply
        watts = item.value.amount or item.value.high or item.value.low
        return bool(plant_before.search(before[-80:]) or plant_after.match(after)) or \
            (watts is not None and abs(float(watts)) < self.cues.min_datacenter_watts)

    def _market_wide(self, view: ArticleView, start: int, end: int) -> bool:
        """Do the words around an amount give it to a market, a nation or a joint venture? A
        company's own name ("Hon Hai Precision Industry") and a market it leads ("led the DRAM
        market with revenue of") do not."""
        words = self.cues.market_leader.sub(lambda m: " " * len(m.group(0)), _unnamed(view, start, end))
        return bool(self.cues.not_company.search(words))

    def _kind(self, item: Item, before: str, after: str) -> str | None:
        is_money = item.label == "MONEY"
        if not is_money:
            return self._quantity_kind(item, before, after)
        for kind, pattern in self.cues.figure_after.items():
            if pattern.search(after):
                return kind
        spent, on_chips = self.cues.chip_spend_split
        if spent.search(before[-60:]) and on_chips.match(after):
            return "chip_spend"  # "has budgeted 85 billion yuan for AI processors"
        best, best_at = None, -1
        for kind, pattern in self.cues.figure_kinds:
            accepted = self.cues.quantity_kinds.get(kind)
            if is_money == (accepted is not None) or (accepted and item.value.kind not in accepted):
                continue
            for match in pattern.finditer(before[-160:]):
                if match.end() > best_at + 8 or best is None:
                    best, best_at = kind, match.end()
        return best

    def _quantity_kind(self, item: Item, before: str, after: str) -> str | None:
        """Monthly wafers are a wafer capacity as they stand; power needs a data-center word."""
        for kind, accepted in self.cues.quantity_kinds.items():
            if item.value.kind in accepted:
                cue = dict(self.cues.figure_kinds)[kind]
                if kind == "wafer_capacity" or cue.search(before[-160:]) or cue.search(after[:80]):
                    return kind
        return None

    def _outsourced(self, company: str, after: str) -> bool:
        """Wafers of a step a house runs for someone else: "close to 20k wpm of it", "12k wpm of
        CoWoS-S" at a house that is not the technology's maker."""
        if _OF_IT.match(after):
            return True
        maker = self.owners.technology_maker(after, _of_end(after))
        return maker is not None and maker != company

    def _reports_in(self, view: ArticleView, company: str, value) -> bool:
        """Does the company state its results in this amount's currency (its country's, or US
        dollars)? A company of unknown country may state them in any."""
        country = view.facts(company)[0] if view.facts else None
        accepted = self.cues.reporting_currencies.get(country or "")
        return accepted is None or getattr(value, "currency", None) in accepted

    def _can_own_capacity(self, view: ArticleView, company: str) -> bool:
        roles = view.facts(company)[1] if view.facts else frozenset()
        return not roles or bool(roles & self.cues.capacity_roles)


_OF_IT = re.compile(r"\s*of (?:it|them|that|this|the (?:step|work|flow))\b")
_OF = re.compile(r"\s*of (?:the )?")


def _of_end(text: str) -> int:
    match = _OF.match(text)
    return match.end() if match else len(text)


_RESTATED = re.compile(r"(?:\s+(?:this|last|next) (?:year|quarter))?\s*,\s*(?:or\s+)?(?:roughly|about|around|approximately|"
                       r"some|nearly|equivalent to|worth)\s+$")


def _restatements(view: ArticleView) -> list[tuple[Item, Item]]:
    """An amount restated in another currency after a comma ("NT$1 trillion this year, roughly
    US$33 billion"): the second is the first's conversion, as a bracketed one is."""
    money = [i for i in view.items if i.label == "MONEY"]
    return [(base, other) for base, other in zip(money, money[1:])
            if base.sentence == other.sentence and base.value.currency != other.value.currency
            and _RESTATED.fullmatch(view.text, base.end, other.start)]


def _unnamed(view: ArticleView, start: int, end: int) -> str:
    """The text between ``start`` and ``end`` (within the sentence) with company names blanked."""
    text = view.text[start:end]
    for company in view.items_in(max(0, start - 80), end + 80, "COMPANY"):  # names cut by the window too
        if company.end <= start or company.start >= end:
            continue
        a, b = max(company.start, start) - start, min(company.end, end) - start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _signed(value: MoneyValue, negative: bool) -> dict:
    data = value.model_dump()
    if negative:
        for key in ("amount", "low", "high"):
            if data[key] and not data[key].startswith("-"):
                data[key] = "-" + data[key]
    return data


def _add(figures: dict[tuple, Figure], figure: Figure) -> None:
    value = figure.value
    key = (figure.company, figure.kind, value.amount, value.low, value.high,
           getattr(value, "currency", None) or getattr(value, "unit", None))
    if key not in figures:
        figures[key] = figure
        return
    known = figures[key]
    if isinstance(value, MoneyAmount) and not known.value.equivalents and value.equivalents:
        figures[key] = known.model_copy(update={"value": known.value.model_copy(
            update={"equivalents": value.equivalents})})

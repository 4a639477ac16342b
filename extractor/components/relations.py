"""Orders and figures from the mentions of a Doc: ``doc._.orders`` and ``doc._.figures``."""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.companies import Gazetteer
from ..normalize.nodes import memory_nodes, node_makers
from ..relations.cues import load_cues
from ..relations.figure_owner import FigureOwners
from ..relations.figures import FigureRules
from ..relations.orders import OrderRules, find_orders
from ..relations.parties import PartyScorer
from ..relations.products import ProductFinder
from ..relations.views import ArticleView, Item, SentenceView
from ..resources import load_yaml
from ..settings import DEFAULTS
from .base import MENTIONS, sentence_starts, span_annotations, text_of


def article_view(doc: Doc) -> ArticleView:
    """The Doc as the relation rules see it (plain Python, no spaCy objects)."""
    text = text_of(doc)
    bounds = sentence_starts(doc) + [len(text)]
    sentences = [SentenceView(i, a, _trimmed_end(text, a, b), text[a:_trimmed_end(text, a, b)])
                 for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    view = ArticleView(text, sentences)
    if MENTIONS in doc.spans:
        starts = [s.start for s in sentences]
        for span in doc.spans[MENTIONS]:
            value, rule, chars = span_annotations(span)
            start, end = chars or (span.start_char, span.end_char)
            view.items.append(Item(span.label_, start, end, text[start:end], value,
                                   _sentence_index(starts, start), rule))
    view.items.sort(key=lambda i: (i.start, -i.end))
    # Companies no gazetteer knows take the role their description gives ("startup X").
    view.described = {i.name: _described_roles(i.rule) for i in view.items
                      if i.label == "COMPANY" and i.rule and i.rule.startswith(("company.cue_noun.", "company.appositive.",
                                                                                 "company.legal_suffix.", "company.corporate_word."))}
    return view


def _described_roles(rule: str) -> frozenset[str]:
    """The roles a description gives a company ("startup X": customer). A seller of goods that also
    carries its own name's suffix or trade word ("Saebit Semiconductor, a maker of inference NPUs")
    buys its parts too, as the gazetteer's chip makers do."""
    role = rule.rsplit(".", 1)[1]
    if role == "supply" and rule.startswith(("company.legal_suffix.", "company.corporate_word.")):
        return frozenset({"supply", "customer"})
    return frozenset({role})


def _trimmed_end(text: str, start: int, end: int) -> int:
    """A sentence's end as spaCy's Span gives it: without the trailing whitespace token's
    characters but with the last token's own trailing space kept out."""
    return start + len(text[start:end].rstrip(" ")) if end > start else end


def _sentence_index(starts: list[int], position: int) -> int:
    return max(bisect.bisect_right(starts, position) - 1, 0)


class RelationBuilder:
    def __init__(self, name: str, models_dir: str | None, coref_window: int) -> None:
        self.name = name
        gazetteer = Gazetteer.load(models_dir)
        roles = {entry.name: frozenset(entry.roles) for entry in gazetteer}
        countries = {entry.name: entry.country for entry in gazetteer}
        unit_service = {(e.name, u.name): u.service for e in gazetteer for u in e.units}
        names = {entry.id: entry.name for entry in gazetteer}
        products = ProductFinder(load_yaml("products.yaml", models_dir)["products"], names.get)
        cues = load_cues(models_dir)
        makers = {node: names[maker] for node, maker in node_makers(models_dir).items() if maker in names}
        technologies = {tech: names[maker] for tech, maker in cues.technology_makers.items() if maker in names}
        scorer = PartyScorer(cues, lambda name: roles.get(name, frozenset()), unit_service, products, coref_window,
                             makers, memory_nodes(models_dir), technologies)
        self.orders = OrderRules(cues, scorer, coref_window)
        self._countries, self._roles = countries, roles
        epithets = load_yaml("epithets.yaml", models_dir)
        self._epithets = {" ".join(k.casefold().split()): names[v] for k, v in epithets["epithets"].items()}
        seats: dict[str, set[str]] = {}
        for town, ids in epithets["seats"].items():
            for company in ids:
                seats.setdefault(names[company], set()).add(town.casefold())
        self._seats = {name: frozenset(towns) for name, towns in seats.items()}
        self._seat_towns = re.compile(r"\b(" + "|".join(re.escape(t) for t in epithets["seats"]) + r")\b", re.IGNORECASE)
        # "Qianyu, a Hangzhou start-up," / "Noeul, a Pangyo-based fabless start-up,": a seat the article gives
        self._seat_given = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(" + "|".join(
            re.escape(t) for t in epithets["seats"]) + r")(?:-based)?\b", re.IGNORECASE)
        self.figures = FigureRules(cues, FigureOwners(cues, coref_window, makers, technologies))

    def view(self, doc: Doc) -> ArticleView:
        """The Doc as the rules see it, with what the gazetteer knows of its companies."""
        view = article_view(doc)

        def facts(name: str) -> tuple[str | None, frozenset[str]]:
            return self._countries.get(name), self._roles.get(name) or view.described.get(name, frozenset())

        view.facts = facts
        view.epithets = self._epithets
        view.seats, view.seat_towns = self._article_seats(view), self._seat_towns
        return view

    def _article_seats(self, view: ArticleView) -> dict[str, frozenset[str]]:
        """The gazetteer's seats, with those the article gives its companies in an apposition
        ("Qianyu, a Hangzhou start-up": then "the Beijing-based company" is not Qianyu)."""
        seats = self._seats
        for item in view.items:
            if item.label != "COMPANY" or not item.name:
                continue
            given = self._seat_given.match(view.text, item.end, item.end + 60)
            if given:
                seats = dict(seats) if seats is self._seats else seats
                seats[item.name] = seats.get(item.name, frozenset()) | {given.group(1).casefold()}
        return seats

    def _work_volumes(self, view, drafts) -> set:
        """Monthly wafers a house runs for one buyer ("contracted for about 12k wpm", "handles close
        to 14k wpm of it"): the order's volume, not the house's capacity, unless capacity words
        lead to it ("lift CoWoS output to 130k wpm")."""
        cue = self.orders.cues.capacity_growth
        volumes = {d.volume for d in drafts if d.volume is not None and d.volume.value.kind == "wafer_capacity"}
        return {v for v in volumes  # (a volume may come from the sentence after the deal's: read its own)
                if not cue.search(view.text, max(view.sentence_of(v.start).start, v.start - 40), v.start)
                and not _node_leads(view, view.sentence_of(v.start).start, v.start)}

    def __call__(self, doc: Doc) -> Doc:
        view = self.view(doc)
        doc._.orders, drafts = find_orders(view, self.orders)
        values = {d.value for d in drafts if d.value is not None}
        unnamed = {d.value for d in drafts if d.value is not None and d.customer is None} - \
            {d.value for d in drafts if d.value is not None and d.customer is not None}
        powers = {d.volume for d in drafts if d.volume is not None and d.volume.value.kind == "power"}
        # ("to deploy AMD accelerators amounting to 1 gigawatt": the deal's size, no data center's)
        doc._.figures = self.figures.find(view, values | powers | self._work_volumes(view, drafts), unnamed)
        return doc


def _node_leads(view, start: int, end: int) -> bool:
    """Does a process node come before any company ("N3 stays the workhorse at roughly 160,000
    wafers per month"): then the wafers are the node's, its maker's capacity."""
    first = view.items_in(start, end)
    first = [i for i in first if i.label in {"COMPANY", "PROCESS_NODE"}][:1]
    return bool(first) and first[0].label == "PROCESS_NODE"


@Language.factory(
    "extractor_relations",
    default_config={"models_dir": None, "coref_window": DEFAULTS.coref_window},
)
def make_relation_builder(nlp: Language, name: str, models_dir: str | None, coref_window: int) -> RelationBuilder:
    return RelationBuilder(name, models_dir, coref_window)

"""Who takes part in a clause's deal, and how strongly the words around each one
mark it as supplier or customer."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..patterns import guarded
from ..records import CompanyValue
from .drafts import MAKING
from .context import Clause, Roles, is_excluded, nested_in_amount, references
from .cues import SUPPLIER_ROLES, Cues, technology_pattern
from .lists import table_role
from .products import ProductFinder
from .views import ArticleView, Item

_MARKER_REACH = 120  # characters before a company read for the words that mark its role
_MARKER_REACH_AFTER = 160  # and after it (an apposition may stand between: ", a Santa Clara start-up that designs ..., will")
_WITH_BEFORE = guarded(r"\b(?:with|by)\s*$")
_SPEAKS_AFTER = re.compile(r"\s+(?:said|says|told|confirmed|announced)\s*[.,;]")  # "made by TSMC, Nvidia said."
_SELLS_AFTER = re.compile(r"\s+(?:has |had |have )?(?:sold|sells|shipped|ships|delivered|delivers|supplied|supplies)\s+[\d,.]+\s")
_POSSESSIVES = frozenset({"its", "their"})
_PREPOSITION_BEFORE = guarded(r"\b(?:for|of|to|by|on behalf of)\s*$")  # "made for its new chip"
_OWN = re.compile(r"\b(?:its|their)\b")
_SHARE = re.compile(r"\d(?:\.\d+)?\s?(?:%|percent)")
_DECIMAL = guarded(r"(?<=\d)\.(?=\d)")
# "Its first chip, an inference processor called Lantern, will be built by TSMC": the chip's owner
_OWN_CHIP_AFTER = guarded(r"\s+(?:[\w-]+\s+){0,3}?(?:chips?|processors?|accelerators?|ASICs?|GPUs?|NPUs?|CPUs?|SoCs?)\b")
_PLAIN_KEPT = 4096  # windows kept read in plain words before the store is cleared
_LIST_GLUE = re.compile(r"^\s*(?:,|and|or|&|as well as|, and|, or)\s*"
                        r"(?:(?:[A-Z][a-z]+|U\.S\.)['’]s\s+|(?:U\.S\.|[A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,2})?$")


@dataclass(frozen=True)
class Parties:
    """A clause's parties, one item per company, and the later stand-ins for each."""

    items: list[Item]
    echoes: dict[str, list[Item]]
    marked: set[str] = field(default_factory=set)
    markers: dict[str, tuple[int, int]] = field(default_factory=dict)  # from the words alone


@dataclass
class PartyScorer:
    cues: Cues
    roles: Roles
    unit_service: dict[tuple[str, str], str | None]
    products: ProductFinder
    window: int
    node_makers: dict[str, str] = field(default_factory=dict)  # node name -> canonical maker
    memory_nodes: frozenset[str] = frozenset()  # DRAM generations ("1b"): no foundry's node
    technology_makers: dict[str, str] = field(default_factory=dict)  # "CoWoS" -> canonical maker
    _plain_read: dict[str, str] = field(default_factory=dict, repr=False)  # windows read in plain words

    def __post_init__(self) -> None:
        self._technologies = technology_pattern(self.technology_makers)

    def hints(self, view: ArticleView, text: str) -> frozenset[str]:
        """The services the clause's words point to, whoever the supplier is."""
        key = ("hints", text)
        if key not in view.cache:
            found = self.service_cues(view, self.cues.source_people.sub(" ", text))  # (not "people at two design houses said")
            hinted = frozenset(service for (service, _), hit in zip(self.cues.services, found) if hit)
            if "memory" in hinted and self.cues.memory_tooling.search(text):
                hinted = (hinted - {"memory"}) | {"supply"}  # "probe cards for testing the DRAM dies": tools sold for memory
            view.cache[key] = hinted
        return view.cache[key]

    def service_cues(self, view: ArticleView, text: str) -> tuple[bool, ...]:
        """For each entry of the services cue list (strongest first; a service may have two),
        whether the text holds its words: read once per text and article, as the rules ask
        again about the same clause's or sentence's words."""
        key = ("service_cues", text)
        if key not in view.cache:
            view.cache[key] = tuple(bool(pattern.search(text)) for _, pattern in self.cues.services)
        return view.cache[key]

    def parties(self, view: ArticleView, clause: Clause, hints: set[str],
                head: tuple[int, int] | None = None, listed: list[Item] = ()) -> Parties:
        """Named companies not excluded as rivals, companies "it" or "the company" stands
        for, and the owners of products the clause names ("MTIA" brings in Meta)."""
        present = [i for i in view.items_in(clause.start, clause.end, "COMPANY") if not clause.in_hole(i.start)]
        named = _not_excluded(view, present, clause, self.cues)
        # a stand-in for a company the clause names only as a rival is no party either
        # ("Intel had also pitched its 18A process ..., but lost out to Samsung")
        ruled_out = {i.name for i in present} - {i.name for i in named}
        nested = [i for i in named if nested_in_amount(view, i)]
        if len(named) - len(nested) >= 2 or (len(named) > len(nested) and any(_component(view, i, self.cues) for i in nested)):
            # "buy servers with 2,000 Nvidia GPUs from Dell", "buy Dell servers carrying 4,000 Nvidia
            # GPUs": the brand sells nothing
            named = [i for i in named if i not in nested]
        branded = [i for i in named if self.cues.component_brand.search(view.text, max(0, i.start - 40), i.start)]
        if branded and len(named) - len(branded) >= 2:  # "handed Dell a $1.4 billion order for racks packed with Nvidia GB300 chips"
            named = [i for i in named if i not in branded]
        else:
            branded = []
        sold_on: list[Item] = [i for i in named if any(j.start > i.end and j.name != i.name
                                                       and self.cues.goods_from_seller.fullmatch(view.text, i.end, j.start)
                                                       for j in named)]
        if sold_on and len({i.name for i in named} - {i.name for i in sold_on}) >= 2:
            named = [i for i in named if i not in sold_on]  # "buy Nvidia GB300 racks from Dell": Dell sells them
        else:
            sold_on = []
        if head is not None and head[1] <= clause.start:  # "Microsoft (GB300): Foxconn ~55%; Quanta ~30%"
            named = view.items_in(head[0], head[1], "COMPANY") + named
        named += [i for i in listed if i.name not in {n.name for n in named}]  # "Nvidia (Rubin):" over a list
        names = {i.name for i in named}
        extra = [e for e in references(view, clause, self.cues, names, self.window, keep_named=True)
                 if not self.cues.lost_after.match(view.text, e.end, clause.sentence.end)  # "We bid for ... and lost it to ASE"
                 and e.name not in ruled_out]
        stand_ins = {e.name for e in extra} - {i.name for i in named}
        if any(i in named for i in nested) and len([i for i in named if i not in nested]) + len(stand_ins) >= 2:
            named = [i for i in named if i not in nested]  # "it sold 320 Nvidia H100 GPUs to Pinecrest Compute"
        # A product brings in its owner: the customer of a maker ("MTIA" brings in Meta), or
        # the seller of a finished product ("DS-N3 NPU cards" bring in Daesan Semicon).
        rule = "product_owner" if _being_made(view, clause, hints) else "product_seller"
        # (a designer of its own chips, like Alibaba, sells no finished goods: "Alibaba Cloud placed an order for
        # 20,000 XW-200 cards" still brings in the cards' seller)
        sellers_named = any(self.role_of(view, name) & (SUPPLIER_ROLES - {"design"}) for name in names | {e.name for e in extra}) \
            or any(self.marked_seller(view.text[max(clause.sentence.start, i.start - 80):i.start]) for i in named) \
            or any(_SELLS_AFTER.match(view.text, i.end, clause.end) for i in named)  # "Halvard Systems sold 320 H100 GPUs to"
        # (or one the words mark as the seller: "buy 18,000 Nvidia GPUs through systems integrator Rawafed Digital")
        for position, product in self.products.everything(view, clause.start, clause.end):
            if clause.in_hole(position):
                continue
            # "the sole source of ABF substrates for the MI500": parts for a chip go to its owner
            before = view.text[max(clause.start, position - 40):position]
            rule_here = "product_for" if self.cues.part_for_before.search(before) else rule
            if rule_here == "product_seller" and sellers_named:
                break  # "Foxconn builds the GB300 racks": the rack maker sells, not Nvidia
            if any(i.name == product.owner and 0 <= position - i.end <= 30
                   and self.cues.choice_between.search(view.text, max(clause.start, i.start - 120), i.start) for i in present):
                continue  # the product of an owner named as an alternative: "choose between Huawei's Ascend chips and ..."
            if product.owner and product.owner not in names and not any(b.name == product.owner for b in sold_on + branded):
                # (nor the brand of a part: "rack systems built around Nvidia's GB300 chips for Microsoft")
                names.add(product.owner)
                extra.append(Item("COMPANY", position, position + len(product.name), product.name,
                                  CompanyValue(name=product.owner), clause.sentence.index, rule_here))
        for maker in self._makers_named(view, clause, head, names, ruled_out):
            names.add(maker.name)
            extra.append(maker)
        seen, parties, echoes = set(), [], {}
        for item in sorted(named + extra, key=lambda i: i.start):
            if item.name not in seen:
                seen.add(item.name)
                parties.append(item)
            else:  # a later "it", or the same name again ("- Cambricon / SMIC: Cambricon has placed")
                echoes.setdefault(item.name, []).append(item)
        return Parties(parties, echoes)

    def _makers_named(self, view: ArticleView, clause: Clause, head: tuple[int, int] | None, names: set[str],
                      ruled_out: set[str]) -> list[Item]:
        """The makers a clause names through their node ("taped out on SF2" brings in Samsung) or,
        when it names no packager, their packaging technology ("Nvidia has reserved around 60% of
        next year's CoWoS output" brings in TSMC), besides the companies in ``names``."""
        found: list[tuple[str, int, int, str]] = []
        nodes = [n for n in view.items_in(clause.start, clause.end, "PROCESS_NODE") if not clause.in_hole(n.start)]
        if head is not None and head[1] <= clause.start:  # "- N2: ...; Qualcomm and MediaTek SoCs"
            nodes = view.items_in(head[0], head[1], "PROCESS_NODE") + nodes
        found += [(self.node_makers.get(n.value.name or ""), n.start, n.end, n.text) for n in nodes]
        made = names | {maker for maker, *_ in found if maker and maker not in ruled_out}
        if not any(self.role_of(view, n) & {"packaging"} for n in made):
            found += [(self.technology_makers[t.group(1)], t.start(), t.end(), t.group(0))
                      for t in self._technology_mentions(view, clause.start, clause.end) if not clause.in_hole(t.start())]
        makers, seen = [], set(names) | ruled_out
        for maker, start, end, text in found:
            if maker and maker not in seen:
                seen.add(maker)
                makers.append(Item("COMPANY", start, end, text, CompanyValue(name=maker), clause.sentence.index, "node_maker"))
        return makers

    def _technology_mentions(self, view: ArticleView, start: int, end: int) -> list[re.Match]:
        """The packaging technologies a span names as its house's own: not another house's version
        ("CoWoS-like"), not a part sold for it ("CoWoS-L substrate supply")."""
        if self._technologies is None:
            return []
        return [t for t in self._technologies.finditer(view.text, start, end)
                if not self.cues.other_makers_technology.search(t.group(0))
                and not self.cues.part_for_technology.match(view.text, t.end())]

    def technology_maker(self, view: ArticleView, start: int, end: int) -> Item | None:
        """The one house whose packaging technology a span names ("the main 2027 CoWoS bookings
        are:" names TSMC's), as a COMPANY item; None when it names none, or several houses'."""
        found = self._technology_mentions(view, start, end)
        makers = {self.technology_makers[t.group(1)] for t in found}
        if len(makers) != 1:
            return None
        first = found[0]
        return Item("COMPANY", first.start(), first.end(), first.group(0), CompanyValue(name=makers.pop()),
                    view.sentence_of(first.start()).index, "node_maker")

    def scores(self, view: ArticleView, clause: Clause, parties: Parties,
               hints: set[str]) -> dict[Item, tuple[int, int]]:
        """(supplier, customer) evidence per party; members of a list share its markers.

        Parties whose role the words state (not only the gazetteer) land in ``parties.marked``.
        """
        owners = {p.owner for _, p in self.products.everything(view, clause.start, clause.end)}
        scored = {}
        for group in _lists(view, parties.items):
            group_sup, group_cust = self._markers(view, clause, group[0], group[-1])
            for item in group:
                sup, cust = group_sup, group_cust
                column = table_role(view, item, self.cues)  # "Customer | Supplier | Status"
                sup, cust = sup + 5 * (column == "supplier"), cust + 5 * (column == "customer")
                for echo in parties.echoes.get(item.name, []):  # "Hanmi ... said it received an order"
                    echo_sup, echo_cust = self._markers(view, clause, echo, echo)
                    sup, cust = max(sup, echo_sup), max(cust, echo_cust)
                if sup or cust or item.name in owners:
                    parties.marked.add(item.name)
                parties.markers[item.name] = (sup, cust)
                own_sup, own_cust = self._priors(view, item, hints)
                owns = item.name in owners or any(_owns_chip(view, i) for i in [item, *parties.echoes.get(item.name, [])])
                if owns and _being_made(view, clause, hints):
                    own_cust += 2  # the owner of a chip being made
                elif item.name in owners and "supply" in hints and item.rule != "product_for":  # "... will use its RNGD chips": the owner sells
                    own_sup += 2
                scored[item] = (sup + own_sup, cust + own_cust)
        self._gapped_shares(view, clause, parties, scored)
        return scored

    def _gapped_shares(self, view: ArticleView, clause: Clause, parties: Parties,
                       scored: dict[Item, tuple[int, int]]) -> None:
        """"Nvidia has booked roughly 58% of TSMC's CoWoS output, Broadcom about 16% and AMD about
        9%": a company followed by a bare share, after a buyer's share, books as that buyer did
        (and after a seller's share sells as it did: "Foxconn has taken about 45% of Microsoft's
        rack orders, Quanta Computer roughly 35%")."""
        items = sorted(scored, key=lambda i: i.start)
        for k, item in enumerate(items):
            if not self.cues.gapped_share.match(view.text, item.end, clause.end):
                continue
            # the nearest company before with a share of its own, before the next company
            first = next((p for j, p in reversed(list(enumerate(items[:k])))
                          if _SHARE.search(view.text, p.end, items[j + 1].start)), None)
            if first is not None and scored[first][0] != scored[first][1]:
                sup, cust = scored[item]
                first_sup, first_cust = scored[first]
                scored[item] = (sup, max(cust, first_cust)) if first_cust > first_sup else (max(sup, first_sup), cust)
                parties.marked.add(item.name)

    def _markers(self, view: ArticleView, clause: Clause, first: Item, last: Item) -> tuple[int, int]:
        if first.rule == "product_owner":
            return 0, 0
        if first.rule == "product_for":  # "substrates for the MI500": the parts go to its owner
            return 0, 3
        if first.rule in {"node_maker", "product_seller"}:
            return 3, 0
        # a decimal point is no sentence end to the markers ("order of 42.8 billion won from")
        before = _DECIMAL.sub("_", view.text[max(clause.sentence.start, first.start - _MARKER_REACH):first.start])
        if first.text.lower() in _POSSESSIVES and not _PREPOSITION_BEFORE.search(before):
            before = ""  # "said it had won its first order from Micron": "its" is no object of "won"
        # "Broadcom, which designs ..., has picked SK hynix": the main verb marks Broadcom
        after_start = next((end + 1 for start, end in clause.holes if start == last.end), last.end)
        if view.text.startswith(")", after_start):  # "Global Unichip (GUC) did the back-end design"
            after_start += 1
        after = _DECIMAL.sub("_", view.text[after_start:min(clause.end, after_start + _MARKER_REACH_AFTER)])
        if self.cues.object_before.search(before):
            # "Microsoft has handed the back-end design to Marvell and booked capacity on ...": the
            # second verb is the subject's, not the object's
            after = after[:m.start()] if (m := self.cues.subject_verb_after.search(after)) else after
        announced = self._weight("announcer_after", after)  # "Saebyeok Silicon said KT has agreed to buy 12,000 cards"
        if self.cues.reports_after.match(after):
            after = ""  # "Lightmatter said GlobalFoundries is manufacturing ...": the words mark the new subject
        elif self._speaker_before(view, clause, first):
            after = _OWN.sub("the", after)  # "DeepX said TSMC will fabricate its chip": "its" is the speaker's
        supplier = self._weight("supplier_before", before) + self._weight("supplier_after", after) \
            + self._trade_weight(view, first.name, after) + announced
        customer = self._weight("customer_before", before) + self._weight("customer_after", after)
        share_before, share_after = self.cues.business_share
        if share_before.search(before) and share_after.match(after):
            customer += 5  # "keeps the bulk of Broadcom's other test business": the business's owner buys
        ordered_before, ordered_after = self.cues.goods_ordered
        if ordered_before.search(before) and ordered_after.match(after):
            supplier, customer = supplier + 3, max(0, customer - 3)  # "placed an order for Cerebras CS-3 systems"
        if not _WITH_BEFORE.search(before):
            supplier += self._weight("supplier_infinitive", after)
        elif self.cues.sell_after.match(after):
            customer += 3  # "Micron is in talks with Lenovo to supply LPDDR6": the other party buys
        return supplier, customer

    def _speaker_before(self, view: ArticleView, clause: Clause, item: Item) -> bool:
        """Is the company the subject of a clause another company reports ("DeepX said TSMC ...")?"""
        speaker = view.items_in(clause.start, item.start, "COMPANY")[-1:]
        if not speaker:
            return False
        said = self.cues.reports_after.match(view.text, speaker[0].end, item.end)
        return said is not None and said.end() == item.start

    def marked_seller(self, text: str) -> bool:
        """Do the words before a company mark it as the one that sells ("The design contract went
        to", "was awarded to")? Weak words ("from", "with", a passive's "by") alone do not."""
        return self._weight("supplier_before", text) >= 4 > self._weight("customer_before", text)

    def _weight(self, markers: str, text: str) -> int:
        """The summed weights of the ``markers`` list's patterns found in ``text``, as written or
        in plain words (most windows have none: one search of the whole list tells)."""
        plain = self._plain(text)
        texts = (text,) if plain == text else (text, plain)
        if not any(self.cues.any_role_marker[markers].search(t) for t in texts):
            return 0
        return sum(w for p, w in self.cues.role_markers[markers] if any(p.search(t) for t in texts))

    def _plain(self, text: str) -> str:
        """The words without hedges and adverbs ("is said to be testing" -> "is testing";
        models/cues.yaml, plain_words)."""
        if text not in self._plain_read:
            if len(self._plain_read) > _PLAIN_KEPT:
                self._plain_read.clear()  # (a window seldom recurs beyond its article)
            plain = self.cues.plain_adverbs.sub("", text)
            for pattern, replacement in self.cues.plain_rewrites:
                plain = pattern.sub(replacement, plain)
            self._plain_read[text] = plain
        return self._plain_read[text]

    def _trade_weight(self, view: ArticleView, name: str | None, after: str) -> int:
        """Supplier markers that hold for a maker in their trade ("SK hynix's HBM4"), not for the
        buyer of the thing named ("Nvidia's HBM4 will be supplied by SK hynix")."""
        roles = self.role_of(view, name or "") & SUPPLIER_ROLES
        return sum(w for trades, p, w in self.cues.trade_markers if (not roles or roles & trades) and p.search(after))

    def role_of(self, view: ArticleView, name: str) -> frozenset[str]:
        """Gazetteer roles, else the role the article's description gives ("startup X")."""
        return self.roles(name) or view.described.get(name, frozenset())

    def _priors(self, view: ArticleView, item: Item, hints: set[str]) -> tuple[int, int]:
        supplier = customer = 0
        unit = getattr(item.value, "unit", None)
        if unit and self.unit_service.get((item.name, unit)):
            supplier += 3
        roles = self.role_of(view, item.name)
        if roles & SUPPLIER_ROLES:
            supplier += 1
        if any(roles & self.cues.service_roles[h] for h in hints & MAKING):
            supplier += 2
        if "customer" in roles and not roles & {"foundry", "memory", "packaging"}:
            customer += 1
        return supplier, customer

    def can_supply(self, view: ArticleView, name: str, hints: set[str]) -> bool:
        roles = self.role_of(view, name)
        wanted = hints & MAKING or hints
        return bool(roles) and (not wanted or any(roles & self.cues.service_roles[h] for h in wanted))


def _owns_chip(view: ArticleView, item: Item) -> bool:
    """Is the stand-in a possessive before a chip word ("Its first chip ... will be built by TSMC")?"""
    return item.text.lower() in _POSSESSIVES and bool(_OWN_CHIP_AFTER.match(view.text, item.end))


def _being_made(view: ArticleView, clause: Clause, hints: set[str]) -> bool:
    """Does the clause tell of chips being made: a making service's words, or a process node
    ("The A20 and M6 have been on N2 in volume")?"""
    return bool(hints & MAKING) or bool(view.items_in(clause.start, clause.end, "PROCESS_NODE"))


def _not_excluded(view: ArticleView, items: list[Item], clause: Clause, cues: Cues) -> list[Item]:
    """Drop rivals and alternatives, with the rest of their list ("competing with Gaonchips
    and ADTechnology")."""
    kept = []
    # a relative clause's earlier deal is its own: "Supermicro, which had supplied Oracle's earlier
    # racks, lost that business to Dell" (the loss is the main clause's)
    end = clause.end if clause.relative else clause.sentence.end
    for group in _lists(view, items):
        if is_excluded(view, group[0], clause.start, cues) or cues.lost_after.match(view.text, group[-1].end, end):
            continue  # "Samsung and Intel both pitched 2nm-class capacity for Feynman and lost"
        kept += [i for i in group if not is_excluded(view, i, clause.start, cues)
                 and not cues.person_after.match(view.text, i.end, clause.end)  # "a former IBM researcher"
                 and not _ecosystem_owner(view, i, clause, cues)
                 and not cues.investor_before.search(view.text, max(clause.sentence.start, i.start - 120), i.start)
                 and not (i.name or "").endswith(cues.investor_names)
                 and not cues.lost_after.match(view.text, i.end, end)  # "Samsung lost the order to TSMC"
                 and not (view.text[clause.start:i.start].strip()  # not the subject: "Tesla evaluated SF2, but picked TSMC"
                          and cues.passed_over_after.match(view.text, i.end, clause.sentence.end))]
    return kept


def _ecosystem_owner(view: ArticleView, item: Item, clause: Clause, cues: Cues) -> bool:
    """Is the company named only as the owner of a design house's partner programme ("the
    back-end design will be done by Samsung's design solution partner Gaonchips")?"""
    return bool(cues.ecosystem_owner_after.match(view.text, item.end, clause.end)
                or cues.ecosystem_owner_before.search(view.text, max(clause.start, item.start - 40), item.start))


def _component(view: ArticleView, item: Item, cues: Cues) -> bool:
    """Is the count a brand sits in a part of other goods ("servers carrying 4,000 Nvidia GPUs")?"""
    sentence = view.sentence_of(item.start)
    amount = next(o for o in view.items_in(sentence.start, sentence.end)
                  if o.label in {"QUANTITY", "MONEY"} and o.start <= item.start and item.end <= o.end)
    return bool(cues.component_of.search(view.text, max(0, amount.start - 40), amount.start))


def _lists(view: ArticleView, parties: list[Item]) -> list[list[Item]]:
    """Parties grouped into coordinated lists ("Samsung, SK Group and Naver")."""
    groups: list[list[Item]] = []
    for item in parties:
        if groups and _LIST_GLUE.match(view.text[groups[-1][-1].end:item.start]) \
                and not (item.rule != "coref" and _SPEAKS_AFTER.match(view.text, item.end)):
            # (not "made by TSMC, Nvidia said": a speaker named)
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def coordinated(view: ArticleView, items: list[Item]) -> bool:
    """Do these parties stand in one list ("Samsung and SK hynix")?"""
    return len(_lists(view, sorted(items, key=lambda i: i.start))) == 1

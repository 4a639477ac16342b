"""Orders: who orders what from whom, clause by clause, then merged per
(customer, supplier, service) by the contract's merge rules."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..records import Order
from .context import PAST_WORK, Clause, clauses, equivalents, opens_paragraph, question_answered, release_issuer
from .cues import SUPPLIER_ROLES, Cues, chip_name
from .drafts import MAKING, TOOL_TRADES, Draft
from .merge import merge
from .lists import bullet_head, line_subject, list_counterparts, short_intro, table_role
from .parties import Parties, PartyScorer, coordinated
from .implied import ImpliedParties, design_owners, designers, owners_of_designers
from .refine import party_is_source, party_speaks, refine
from .slots import SlotFiller
from .views import ArticleView, Item, SentenceView



@dataclass
class OrderRules(ImpliedParties, SlotFiller):
    cues: Cues
    parties: PartyScorer
    window: int = 3

    def drafts(self, view: ArticleView) -> list[Draft]:
        found = [draft for _, drafts in self.drafts_by_clause(view) for draft in drafts]
        self.complete(view, found)
        return found

    def complete(self, view: ArticleView, drafts: list[Draft]) -> None:
        """What sentences further on give the drafts once all are made: the start of output
        (timing, volume), what a deal brings its seller and what it is valued at (value), and a
        party's confirmation of it."""
        self._output_start_later(view, drafts)
        converted = {i for items in equivalents(view).values() for i in items}
        self._sellers_take_later(view, drafts, converted)
        self._deal_valued_later(view, drafts, converted)
        self._deal_confirmed_later(view, drafts)

    def drafts_by_clause(self, view: ArticleView) -> Iterator[tuple[Clause, list[Draft]]]:
        """Each clause of the article, in order, with the drafts it gave."""
        conversions = equivalents(view)
        converted = {i for items in conversions.values() for i in items}
        found: list[Draft] = []
        for sentence in view.sentences:
            if self.cues.question.search(sentence.text) and not self.cues.presupposed.match(sentence.text) \
                    and not self._answered_yes(view, sentence):
                continue  # "Can Intel win Apple back as a foundry customer?": a question states no deal
            for clause in clauses(view, sentence, self.cues, relatives=True):
                supposed = bool(self.cues.hypothetical.search(clause.text(view)))
                if supposed and not self.cues.order_talks.search(clause.text(view)):
                    continue  # "If Samsung clears Nvidia's qualification tests, ...": supposed, not told
                drafts = self._field_drafts(view, clause, converted)
                if drafts is None:
                    drafts = self._line_item_drafts(view, clause, converted)
                if drafts is None:
                    drafts = self._step_drafts(view, clause, converted)
                if drafts is None:
                    drafts = self._clause_drafts(view, clause, converted, found)
                drafts = drafts or self._revealed_customer(view, clause, found) or \
                    self._revealed_supplier(view, clause, converted) or self._list_tail(view, clause, converted, found)
                drafts += self._list_line_drafts(view, clause, converted, found + drafts)
                # "- Nvidia (Rubin): SK hynix about 55%, Samsung about 30%": the split is the line's reading
                drafts = self._allocation_drafts(view, clause, converted, found) or drafts
                drafts += self._grid_drafts(view, clause, converted)
                for draft in drafts if supposed else []:  # "If the Halyard talks succeed, Marvell would need
                    if draft.stage != "past":  # to book ... at TSMC": talks at most
                        draft.stage = "talks"
                for draft in drafts:  # the buyer of a maker's work owns the products named with it,
                    # and the seller of finished goods the ones it sells ("8,000 K2 cards from Kelvra"; not a
                    # maker of parts or tools: "the FC-BGA substrate supplier of its accelerator Koral")
                    owner = draft.customer if draft.service in MAKING else \
                        draft.supplier if not self.parties.role_of(view, draft.supplier or "") & TOOL_TRADES else None
                    for name in draft.products if owner else ():
                        view.product_owners.setdefault(name, owner)
                found += drafts
                yield clause, drafts

    def _list_tail(self, view: ArticleView, clause: Clause, converted: set[Item], earlier: list[Draft]) -> list[Draft]:
        """"...: Hyundai Motor, for a self-developed chip, and Hashvale, a Singapore-based designer of
        mining ASICs": a clause that is only the last member of the list the clause before ended on
        (no verb of its own) has that member's deals, with its own slots."""
        text = clause.text(view)
        tail = _LIST_TAIL.match(text)
        named = view.items_in(clause.start, clause.end, "COMPANY")
        if tail is None or len(named) != 1 or named[0].start != clause.start + tail.end() \
                or _VERB.search(view.text, named[0].end, clause.end):
            return []  # (not "..., and Micron has said its output is sold out": a clause of its own)
        before = [d for d in earlier if d.clause.sentence.index == clause.sentence.index and d.clause.end <= clause.start]
        if not before or self.cues.order_agreed.search(text) or not self._may_deal(text):
            return []  # (a clause with its own deal words is read as a clause; "and SoftBank took stakes in
            # the company": a tie that is no deal)
        last = before[-1].clause
        parties = {n for d in before if d.clause == last for n in (d.customer, d.supplier)}
        first = {}  # each party's first mention in the clause before: the latest named is the list's member
        for item in view.items_in(last.start, last.end, "COMPANY"):
            first.setdefault(item.name, item.start)
        member = sorted((start, name) for name, start in first.items() if name in parties)[-1:]
        drafts = []
        for draft in (d for d in before if d.clause == last and member):
            roles = {"customer": draft.customer, "supplier": draft.supplier}
            role = next((r for r, name in roles.items() if name == member[0][1]), None)
            if role is None or named[0].name in roles.values():
                continue
            new = Draft(draft.customer, draft.supplier, draft.supplier_unit, draft.service, draft.stage,
                        draft.confirmation, draft.attribution, clause, draft.score)
            setattr(new, role, named[0].name)
            if role == "supplier":
                new.supplier_unit = getattr(named[0].value, "unit", None)
            self._fill_slots(view, new, converted)
            if new.node is None:  # the list's process and period are the whole list's
                new.node = draft.node
            if new.timing is None:
                new.timing, new.timing_fit = draft.timing, draft.timing_fit
            drafts.append(new)
        return drafts

    def _revealed_customer(self, view: ArticleView, clause: Clause, earlier: list[Draft]) -> list[Draft]:
        """"... won a 2nm order from a North American customer it did not name. Analysts said
        the customer is almost certainly Qualcomm": the one company the revealing clause names,
        other than the seller, takes the unnamed customer's place (merging then drops the
        unnamed order)."""
        if not self.cues.customer_revealed.search(clause.text(view)):
            return []
        first = clause.sentence.index - self.window
        unnamed = next((d for d in reversed(earlier) if d.customer is None and d.clause.sentence.index >= first), None)
        if unnamed is None:
            return []
        named = {i.name for i in view.items_in(clause.start, clause.end, "COMPANY")} - {unnamed.supplier}
        if len(named) != 1:
            return []
        customer = named.pop()  # (sourced as the revealing clause tells it: "sources identified it as Oracle")
        confirmation, attribution = self._sourcing(view, clause, {customer, unnamed.supplier})
        return [replace(unnamed, customer=customer, clause=clause, confirmation=confirmation, attribution=attribution)]

    def _revealed_supplier(self, view: ArticleView, clause: Clause, converted: set[Item]) -> list[Draft]:
        """"Bitsori has signed a wafer supply contract worth 120 billion won. ... The foundry that won
        the order is Samsung Electronics.": the one company the revealing clause names sells to the
        buyer that the latest sentence on a deal (up to ten sentences back) names alone, in that
        sentence's work and terms."""
        if clause.sentence.index == 0 or not self.cues.supplier_revealed.search(clause.text(view)):
            return []
        sellers = view.items_in(clause.start, clause.end, "COMPANY")
        if len({i.name for i in sellers}) != 1:
            return []
        told = next((s for s in reversed(view.sentences[max(0, clause.sentence.index - _REVEALED_REACH):
                                                         clause.sentence.index])
                     if self.cues.deal_nouns.search(s.text) and view.items_in(s.start, s.end, "COMPANY")), None)
        buyers = {i.name for i in view.items_in(told.start, told.end, "COMPANY")} if told else set()
        if len(buyers) != 1 or sellers[0].name in buyers:
            return []  # (the latest sentence on a deal that names a company names its buyer alone)
        seller, deal = sellers[0], Clause(told, told.start, told.end)
        hints = self.parties.hints(view, told.text)
        services = self._services(view, deal, seller, hints) or ["supply"]
        customer = buyers.pop()
        confirmation, attribution = self._sourcing(view, deal, {customer, seller.name})
        draft = Draft(customer, seller.name, getattr(seller.value, "unit", None), services[0],
                      self._stage(told.text, talks_only=False), confirmation, attribution, deal, 1)
        self._fill_slots(view, draft, converted)
        return [draft]

    def _clause_drafts(self, view: ArticleView, clause: Clause, converted: set[Item],
                       earlier: list[Draft]) -> list[Draft]:
        text = clause.text(view)
        head = bullet_head(view, clause, self.cues)
        cued = text + _enumeration_label(view, clause)  # "Running at volume: Apple (A19); Nvidia (N3P)"
        row = "|" in clause.sentence.text and any(table_role(view, i, self.cues)
                                                  for i in view.items_in(clause.start, clause.end, "COMPANY"))
        # (the cue search last: it costs most)
        talks_only = head is None and not row and not self.cues.order_agreed.search(cued)
        asked = self.parties.hints(view, question_answered(view, clause)) & MAKING if talks_only else frozenset()
        talks_only = talks_only and not asked  # "And packaging?" / "Amkor, at its plant near Porto."
        if (talks_only and not self.cues.order_talks.search(cued)) or not self._may_deal(text) \
                or self.cues.turned_down.search(clause.sentence.text):
            return []
        if self.cues.pair_stands_in.search(text) and self.cues.split_undisclosed.search(clause.sentence.text):
            return []  # "The two Korean memory makers also share LPDDR5X orders for Apple's next iPhone, though
            # the officials did not say how the volume is split": shared demand, no order
        hints = self.parties.hints(view, text) | asked
        list_work = None  # "- Nvidia (Rubin): TSMC, 595,000 wafers" under a note on CoWoS capacity: the list's work
        if head is not None and clause.start <= head[0] and not hints & MAKING:  # (the line's own clause)
            list_work = self._list_service(view, clause, earlier, intro_only=True)
        own_hints = hints  # (a line with one party goes on with the list's work its own way)
        hints = hints | {list_work} if list_work else hints
        listed = list_counterparts(view, clause.sentence, self.cues, self.window) if head is not None else []
        if head is not None and not listed and len({i.name for i in view.items_in(
                clause.sentence.start, clause.sentence.end, "COMPANY")}) == 1:
            listed = self._technology_counterpart(view, clause)  # "the main 2027 CoWoS bookings are:" names TSMC
        found = self.parties.parties(view, clause, hints, head, listed)
        if not found.items or _within_one_company(view, clause):
            return []
        scored = self.parties.scores(view, clause, found, hints)
        for item in found.items if asked else []:  # the answer names who does the work asked about
            if self.parties.can_supply(view, item.name, asked):
                sup, cust = found.markers[item.name]
                found.markers[item.name] = (max(sup, 4), cust)
                found.marked.add(item.name)
        if head is not None or self.cues.deal_nouns.search(text) or (len(found.items) == 2 and self.cues.together.search(text)):
            # a list heading names a party; a deal stated outright lets roles settle who is who
            found.marked.update(i.name for i in found.items)
        if len(found.items) == 1:
            return self._lone_party(view, clause, converted, earlier, found, scored, own_hints, head, talks_only) or \
                self._list_head_share(view, clause, converted, earlier, found, head, talks_only)
        # "designs Trainium4 together with Alchip and Marvell": each house does design work with the owner
        co_designed = hints & MAKING == {"design"} and bool(self.cues.together.search(text))
        split = (bool(self.cues.stated_split.search(text)) and not self.cues.split_undisclosed.search(clause.sentence.text)) \
            or _own_brackets(view, found.items) or bool(self.cues.paired_split.search(clause.sentence.text)) or co_designed \
            or bool(self.cues.evaluating.search(text)) or bool(self.cues.separate_deals.search(text)) \
            or (bool(hints & MAKING) and self._talks_with_each(view, clause))
        # ("Moore Threads is evaluating Tongfu and JCET", "is talking to both Samsung Foundry and TSMC": each is in
        # talks; "signed supply agreements with Infineon and NXP": a deal with each)
        if len(found.items) == 2:
            self._tool_maker_sells(view, scored, found)
        suppliers = self._suppliers(view, scored, found, split)
        if not suppliers and len(found.items) == 2 and (self.cues.deal_nouns.search(text) or self.cues.together.search(text)):
            suppliers = self._supplier_by_roles(view, scored, hints)  # (also "MediaTek is working with Google on a TPU")
        if not suppliers and len(found.items) == 2:
            suppliers = self._product_owner_sells(view, clause, scored, hints)
        if not suppliers and len(found.items) > 2 and self.cues.in_talks_with.search(text):
            # "the company is in talks with LG Uplus and KT about pilot deployments": the one seller by trade
            suppliers = self._supplier_by_roles(view, scored, hints)
        if not suppliers and len(found.items) == 2:
            suppliers = _seller_beside_buyer(scored)
        if not suppliers:
            return self._list_head_share(view, clause, converted, earlier, found, head, talks_only)
        lead = scored[suppliers[0]][0] - scored[suppliers[0]][1]
        names = {s.name for s in suppliers}
        customers = [party for party, (sup, cust) in scored.items()
                     if party.name not in names and sup - cust <= min(lead - 2, 1)
                     and {party.name, suppliers[0].name} & found.marked]
        if not customers and len(found.items) == len(suppliers) + 1 and self.cues.deal_nouns.search(text):
            # "Veridian Labs signed a supply agreement with Nvidia" (or "agreements with Nvidia and AMD"): a deal
            # stated outright with sellers by trade; the one other party, no seller by trade and marked neither
            # way, buys
            seller = suppliers[0]
            customers = [party for party, (sup, cust) in scored.items() if party.name not in names and sup <= cust
                         and party.start < seller.start and _DEAL_WITH.search(view.text[party.end:seller.start])
                         and not self.parties.role_of(view, party.name) & SUPPLIER_ROLES]
        targets = _arrow_targets(view, clause)
        if targets is not None:  # "Advantest → KYEC, TSMC: testers for final test of Nvidia's GPUs"
            customers = [c for c in customers if c.name in targets]
        if not customers:  # "Semifive did the physical design, Hana Micron will package it": the story's buyer
            drafts = self._implied_for_each(view, clause, converted, earlier, suppliers, found, scored, hints, talks_only)
            return drafts + self._list_head_share(view, clause, converted, earlier + drafts, found, head, talks_only)
        # several suppliers of one buyer: "Quanta has won the build, with Celestica as second source"
        drafts = []
        for supplier in sorted(suppliers, key=lambda s: "design" not in self.parties.role_of(view, s.name)):
            # a design house's deal first: the maker's deal in the same clause then goes to it too ("Broadcom
            # has finished the TPU v9 layout, and the chips will be fabbed by TSMC")
            drafts += self._deals(view, clause, converted, earlier + drafts, supplier, customers, scored, talks_only,
                                  list_work if list_work and self.parties.can_supply(view, supplier.name, {list_work})
                                  else None, words=found.markers)
        for draft in drafts if list_work else []:  # a line of a list about one work: the list's period
            self._take_list_period(view, clause.sentence, draft)
        return drafts + self._list_head_share(view, clause, converted, earlier + drafts, found, head, talks_only)

    def _talks_with_each(self, view: ArticleView, clause: Clause) -> bool:
        """Is the subject in talks with two makers named together ("is in talks with TSMC and Samsung
        Electronics to manufacture", "We are talking to both Samsung Foundry and TSMC")?"""
        talks = self.cues.in_talks_with.search(view.text, clause.start, clause.end)
        named = view.items_in(talks.end(), clause.end, "COMPANY")[:2] if talks else []
        return len(named) == 2 and bool(_BOTH.fullmatch(view.text, talks.end(), named[0].start)) \
            and bool(_AND.fullmatch(view.text, named[0].end, named[1].start))

    def _technology_counterpart(self, view: ArticleView, clause: Clause) -> list[Item]:
        """The house a list's short introduction names by its packaging technology alone
        ("Per the same sources, the main 2027 CoWoS bookings are:"): every line's other party."""
        intro = short_intro(view, clause.sentence, self.cues)
        if intro is None or view.items_in(intro.start, intro.end, "COMPANY"):
            return []
        maker = self.parties.technology_maker(view, intro.start, intro.end)
        return [maker] if maker is not None else []

    def _list_head_share(self, view: ArticleView, clause: Clause, converted: set[Item], earlier: list[Draft],
                         found: Parties, head: tuple[int, int] | None, talks_only: bool) -> list[Draft]:
        """A list line's heading buyer takes its share of the list's service (capacity of a
        maker), whatever else the line tells ("- Broadcom: ~17%, mostly Google's TPU, which
        it co-designs")."""
        share = self.cues.list_share.search(clause.text(view))
        if head is not None and clause.start <= head[1]:
            if not any(d.clause == clause for d in earlier):
                return []  # "- Foxconn: sales rose 11%": a wrap's item; its heading party alone is handled
            heads = [i for i in found.items if head[0] <= i.start < head[1] and i.rule != "coref"]
        else:  # "- Broadcom has locked in roughly 15% of capacity, mostly for the TPU it co-designs"
            subject = line_subject(view, clause, self.cues) if share else None
            heads = [i for i in found.items if subject is not None and i.name == subject.name]
        service = self._list_service(view, clause, earlier) if len(heads) == 1 else None
        if service not in {"foundry", "packaging"} or any(
                d.service == service and heads[0].name in (d.customer, d.supplier) for d in earlier if d.clause == clause):
            return []
        alone = heads[0]
        if self.parties.can_supply(view, alone.name, {service}):
            return []
        pair = self._implied_supplier(view, clause, alone, (0, 2), {service}, earlier)
        if pair is None:
            return []
        return self._deals(view, clause, converted, earlier, pair[0], pair[1], {alone: (0, 2)}, talks_only, service,
                           alone=True)

    def _implied_for_each(self, view: ArticleView, clause: Clause, converted: set[Item], earlier: list[Draft],
                          suppliers: list[Item], found: Parties, scored: dict, hints: set[str],
                          talks_only: bool) -> list[Draft]:
        """Several makers and no buyer in the clause: each makes for the buyer the story's
        latest deal names (as a lone maker does)."""
        if len(suppliers) < 2 or len(suppliers) != len(found.items) or any(
                s.rule == "coref" or _POSSESSIVE.match(view.text, s.end) for s in suppliers):
            return []  # "its share of Nvidia's HBM4": a possessive names an owner, not a maker
        drafts: list[Draft] = []
        told = {(d.customer, d.supplier) for d in earlier}
        for supplier in suppliers:
            pair = self._implied_customers(view, supplier, scored[supplier], hints, clause, earlier)
            if pair is not None and not any((c.name, supplier.name) in told for c in pair[1]):  # no second service
                made = self._deals(view, clause, converted, earlier + drafts, supplier, pair[1], scored, talks_only, alone=True)
                own = sorted(s for s in hints & MAKING if self.parties.can_supply(view, supplier.name, {s}))
                if own and any(d.service not in own for d in made):  # "GUC did the design, ... come from TSMC": each its trade
                    made = [d for service in own for d in self._deals(view, clause, converted, earlier + drafts, supplier,
                                                                       pair[1], scored, talks_only, service, alone=True)]
                brackets = _BRACKET_AFTER.match(view.text, supplier.end)
                for draft in made if brackets else []:  # "Samsung (qualified, first lots in 4Q)": its own stage and date
                    chip, products = draft.chip, draft.products
                    draft.clause = Clause(clause.sentence, brackets.start(), brackets.end())
                    draft.stage = self._stage(brackets.group(), False)
                    self._fill_slots(view, draft, converted)
                    draft.chip, draft.products = draft.chip or chip, draft.products or products
                drafts += made
        return drafts

    def _may_deal(self, text: str) -> bool:
        """Not "ASML will not supply the startup", not "Nvidia bought a $5 billion stake"."""
        if self.cues.negated.search(text) and not self.cues.denied.search(text):
            return False
        if self.cues.power_bought.search(text):
            return False
        return not (self.cues.not_deal.search(text) and not self.cues.deal_nouns.search(text))

    def _lone_party(self, view: ArticleView, clause: Clause, converted: set[Item], earlier: list[Draft],
                    found, scored: dict, hints: set[str], head: tuple[int, int] | None,
                    talks_only: bool) -> list[Draft]:
        """A clause naming one party: the other comes from the story, the list or nowhere."""
        alone = found.items[0]
        inherited = None
        text = clause.text(view)
        if head is not None and not (self.cues.order_agreed.search(text) or self.cues.order_talks.search(text)
                                     or self.cues.list_share.search(text) or self.cues.chips.search(text)
                                     or self.cues.memory_chip.search(text)):
            return []  # "- Rebellions: the NPU designer hired a new CFO": a wrap's news item, no deal
        if head is not None and head[0] <= alone.start < head[1]:
            if not hints:  # "- AMD: close to 8%" goes on with the list's service
                inherited = self._list_service(view, clause, earlier)
                hints = {inherited} if inherited else hints
            if not self.parties.can_supply(view, alone.name, hints & MAKING or {"supply"}):
                sup, cust = scored[alone]  # "- Nvidia: ~60% of CoWoS-L": a buyer heads the line
                scored[alone] = (sup, max(cust, 2))
        if clause.sentence.text.rstrip().endswith("?"):
            return []  # "Who picked up SPIL's new line?": a question asks for the other party
        pair = self._implied_supplier(view, clause, alone, scored[alone], hints, earlier)
        if pair is not None and inherited is None and not hints & MAKING:
            # "Nvidia has locked in about 60% of next year's CoWoS output ... Broadcom has reserved around
            # 15%": a buyer with no work named buys from the story's maker the work it last sold
            inherited = next((d.service for d in reversed(earlier) if d.supplier == pair[0].name
                              and d.clause.sentence.index >= clause.sentence.index - self.window), None)
        pair = pair or \
            self._anonymous_customer(alone, scored[alone], clause.text(view)) or \
            self._implied_customers(view, alone, found.markers[alone.name], hints, clause, earlier) or \
            self._anonymous_customer(alone, scored[alone], clause.text(view), self._next_in_paragraph(view, clause))
        if pair is None:
            return []
        supplier, customers = pair
        return self._deals(view, clause, converted, earlier, supplier, customers, scored, talks_only, inherited,
                           alone=True)

    def _answered_yes(self, view: ArticleView, sentence: SentenceView) -> bool:
        """"Does Amkor package anything for Nvidia yet? Yes.": a question the next sentence answers yes
        states what it asks."""
        following = view.sentence_after(sentence)
        return following is not None and bool(self.cues.answered_yes.match(following.text))

    @staticmethod
    def _next_in_paragraph(view: ArticleView, clause: Clause) -> str:
        """The next sentence's words when it goes on with the same paragraph ("... signed a 3.2
        trillion won deal to supply memory chips. The company did not identify the customer.")."""
        following = view.sentence_after(clause.sentence)
        return " " + following.text if following is not None and not opens_paragraph(view, following) else ""

    def _suppliers(self, view: ArticleView, scored: dict[Item, tuple[int, int]], found, split: bool) -> list[Item]:
        """The clause's supplier, and any other party as clearly marked as one that is not in
        a list with it (a list of suppliers with no share is shared demand: no order, unless
        the text says the order was split between them)."""
        ranked = sorted(scored.items(), key=lambda kv: kv[1][0] - kv[1][1], reverse=True)
        best, (sup, cust) = ranked[0]
        if sup - cust <= 0:
            return []
        chosen = [best]
        for party, (other_sup, other_cust) in ranked[1:]:
            net = other_sup - other_cust
            if net > 0 and (coordinated(view, [best, party]) or split):
                if split:  # "split the bonder order between Hanmi and Hanwha", "SK hynix (shipping) and Samsung (sampling)"
                    chosen.append(party)
                    continue
                return []  # "supplied by Samsung and SK hynix" with no split
            words_say = found.markers.get(party.name, (0, 0))[0] >= 3  # "with CoAsia handling back-end work"
            if net >= 3 and (net >= sup - cust - 2 or words_say) and party.name in found.marked:
                chosen.append(party)
        if not split:  # "assembled at both TSMC and ASE" beside the designer: a second list of makers shares its demand
            shared = [p for p in chosen[1:] if any(q is not p and coordinated(view, [p, q]) for q in chosen[1:])]
            chosen = [p for p in chosen if p not in shared]
        return chosen

    def _tool_maker_sells(self, view: ArticleView, scored: dict[Item, tuple[int, int]], found) -> None:
        """A maker of tools or parts and a chipmaker in one deal ("Wonik IPS signed a supply
        contract worth 48.2 billion won with Samsung Electronics for its HBM lines"): chipmakers
        buy tools, they do not sell chips to toolmakers."""
        roles = {p: self.parties.role_of(view, p.name) for p in scored}
        tools = [p for p in scored if roles[p] & TOOL_TRADES and not roles[p] & _CHIP_TRADES]
        chips = [p for p in scored if roles[p] & _CHIP_TRADES - {"design"}]
        if len(tools) != 1 or len(chips) != 1:
            return
        tool, chip = tools[0], chips[0]
        _lead_as_seller(scored, tool)
        scored[chip] = (0, max(scored[chip][1], 1))
        found.marked.add(tool.name)

    def _supplier_by_roles(self, view: ArticleView, scored: dict[Item, tuple[int, int]], hints: set[str]) -> list[Item]:
        """Two parties of a deal the words leave level ("Rebellions signed a supply deal with SK
        Telecom"): the one that sells by trade supplies the one that only buys; of two sellers,
        the one in the trade the clause names ("a 2nm supply agreement between Samsung and
        Qualcomm": Samsung is the foundry)."""
        roles = {p: self.parties.role_of(view, p.name) for p in scored}
        sellers = [p for p in scored if roles[p] & SUPPLIER_ROLES]
        buyers = [p for p in scored if roles[p] == frozenset({"customer"})]
        if not (len(sellers) == 1 and len(buyers) == len(scored) - 1):
            trades = frozenset().union(*(self.cues.service_roles[h] for h in hints & MAKING))
            sellers = [p for p in scored if roles[p] & trades]
            if len(sellers) != 1:
                return []
        _lead_as_seller(scored, sellers[0])
        return sellers

    def _product_owner_sells(self, view: ArticleView, clause: Clause, scored: dict[Item, tuple[int, int]],
                             hints: set[str]) -> list[Item]:
        """Two buyers by trade in a deal over one's own chips ("Anthropic signed a deal with Google
        for 1 GW of TPU capacity"): the chips' owner sells them, unless the clause names work on them,
        the other party is a maker by trade, or the chips are rented or tried out."""
        text = clause.text(view)
        if hints & MAKING or self.cues.not_deal.search(text) or self.cues.not_bought.search(text) \
                or self.cues.evaluating.search(text):
            return []  # (not "Anthropic's agreement to use up to one million TPUs through Google Cloud": rented;
            # not "has also tested Huawei's Ascend 910B processors": tried out)
        owners = {p.owner for _, p in self.parties.products.everything(view, clause.start, clause.end)}
        sellers = [p for p in scored if p.name in owners]
        if len(sellers) != 1 or any(self.parties.role_of(view, p.name) & SUPPLIER_ROLES
                                    for p in scored if p not in sellers):
            return []  # (not "TSMC makes Google's Tensor chips": a maker works on the owner's chips)
        seller = replace(sellers[0], rule="product_seller")  # (sells its own goods whatever its trade)
        scored[seller] = scored.pop(sellers[0])
        _lead_as_seller(scored, seller)
        return [seller]

    def _deals(self, view: ArticleView, clause: Clause, converted: set[Item], earlier: list[Draft],
               supplier: Item, customers: list[Item], scored: dict, talks_only: bool,
               inherited: str | None = None, alone: bool = False,
               words: dict[str, tuple[int, int]] | None = None) -> list[Draft]:
        """Drafts of one supplier's deals with the clause's customers (``words``: the (supplier,
        customer) weights the clause's own words give each party)."""
        text = clause.text(view)
        plain_hints = self.parties.hints(view, _without_companies(view, clause, self.cues))  # words, not names
        services = [inherited] if inherited else self._services(view, clause, supplier, plain_hints)
        if alone and earlier and not plain_hints and customers and customers[0].rule == "earlier_deal":
            # ", while Samsung has been lined up as a second source": the buyer's deal goes on in its service
            told = next((d.service for d in reversed(earlier) if d.customer == customers[0].name), None)
            services = [told] if told and self.parties.can_supply(view, supplier.name, {told}) else services
        if alone and not plain_hints and customers and customers[0].rule == "earlier_deal" and \
                not any(d.customer == customers[0].name for d in earlier):  # "... to discuss HBM4 pricing. The latter ..."
            services = [self._service_named_before(view, clause, self.parties.role_of(view, supplier.name))
                        or s for s in services]
        if not services and alone and earlier:
            services = [earlier[-1].service]  # "; Unimicron is qualified as second source" goes on
        stage = self._table_status(clause) or \
            self._stage(_without_asides(text) + _enumeration_label(view, clause, heading_only=True), talks_only)  # "Running at volume: Apple (A19); ..."
        stage = self._switch_stage(view, clause, supplier, stage, talks_only)
        if stage == "agreed" and self.cues.still_talking.match(view.text, clause.end, clause.sentence.end):
            stage = "talks"  # "AMD has qualified Micron's HBM4, but the two companies are still negotiating volumes"
        if clause.relative and _PAST_WORK.search(text):
            stage = "past"  # "TSMC, which produced the A64FX chip used in the current Fugaku": an earlier deal
        if set(services) & {"foundry", "packaging"} and stage != "past":
            recent = [d for d in earlier if d.clause.sentence.index >= clause.sentence.index - self.window]
            products = {p.name for _, p in self.parties.products.everything(view, clause.start, clause.end)}
            if "foundry" in self.parties.role_of(view, supplier.name) and not self.cues.bought_directly.search(text):
                # (an OSAT is hired by the owner, not its designer; and an owner buying "directly from" the
                # foundry leaves its design house out)
                customers = customers + designers(customers, supplier, recent, products)
            customers = customers + design_owners(customers, supplier, recent, clause, products)
            if not self.cues.anonymous_customer.search(clause.sentence.text):  # "..., but would not say which customer"
                customers = customers + owners_of_designers(customers, supplier, recent)
        drafts = []
        generic = not plain_hints - {"supply"}
        for guessed in services:
            for customer in customers:
                # "The company is set to begin shipping volumes for Nvidia's GB300": no service word,
                # so the deal goes on in the service these two were last reported in
                service = self._last_service(earlier, clause, customer.name, supplier.name) if generic else None
                if generic and service is None:  # "SK hynix will account for about 70% of the HBM4E ..., while
                    # Samsung Electronics has secured the remaining 30%": the sentence's deal for this buyer goes on
                    told = next((d.service for d in reversed(earlier) if d.clause.sentence.index == clause.sentence.index
                                 and d.customer == customer.name and d.supplier != supplier.name), None)
                    service = told if told and self.parties.can_supply(view, supplier.name, {told}) else None
                service = service or guessed
                said = (words or {}).get(customer.name) if plain_hints else None  # (the words count when they name work)
                if customer.name == supplier.name or self._rival_maker(view, customer, service, supplier, said) or \
                        self._not_the_die_buyer(view, clause, customer, service):
                    continue  # (no company orders from itself)
                confirmation, attribution = self._sourcing(view, clause, {customer.name, supplier.name} - {None, ""})
                score = scored.get(supplier, (1, 0))[0] + scored.get(customer, (0, 1))[1]
                draft = Draft(customer.name or None, supplier.name, getattr(supplier.value, "unit", None), service, stage,
                              confirmation, attribution, clause, score)
                self._fill_slots(view, draft, converted)
                if customer.rule == "chip_reference" and not draft.products:
                    draft.products = [customer.text]  # "The accelerator is built by TSMC": Trainium3
                if customer.rule == "earlier_deal" and not draft.products:  # the story's program goes on
                    draft.products = self._recent_products(earlier, clause, customer.name)
                if customer.rule == "paragraph_topic" and not draft.products:  # "And Microsoft's Maia 200? ..."
                    heading = view.sentences[customer.sentence]
                    draft.products = self.parties.products.owned_by(view, heading.start, heading.end, customer.name)
                drafts.append(draft)
        return drafts

    def _table_status(self, clause: Clause) -> str | None:
        """The stage a table row's short status cell gives ("| TSMC | N2 | Apple | A20 Pro | HVM |")."""
        if "|" not in clause.sentence.text:
            return None
        for cell in clause.sentence.text.split("|"):
            stated = self._status_stage(cell) if 0 < len(cell.split()) <= 3 else None
            if stated:
                return stated
        return None

    def _status_stage(self, status: str) -> str | None:
        """The stage a status word gives ("HVM", "risk production", "eval", "booked"), if any."""
        return next((stage for stage, words in self.cues.field_status if words.search(status)), None)

    def _switch_stage(self, view: ArticleView, clause: Clause, supplier: Item, stage: str, talks_only: bool) -> str:
        """In a switch ("moved its chip from Samsung Foundry to TSMC", "replaced Micron with
        Samsung"), the maker left behind is past and the one moved to is not."""
        if supplier.rule != "coref" and self.cues.left_before.search(view.text[clause.start:supplier.start]):
            return "past"
        others = [i for i in view.items_in(clause.start, clause.end, "COMPANY") if i.name != supplier.name]
        if stage == "past" and any(self.cues.left_before.search(view.text[clause.start:i.start]) for i in others):
            return self._stage(clause.text(view), talks_only, past=False)  # its words of leaving aside
        return stage

    def _recent_products(self, earlier: list[Draft], clause: Clause, customer: str) -> list[str]:
        """The products of the buyer's latest deal in the sentences just before."""
        for draft in reversed(earlier):
            if draft.clause.sentence.index < clause.sentence.index - self.window:
                break
            if draft.customer == customer and draft.products:
                return list(draft.products)
        return []

    def _last_service(self, earlier: list[Draft], clause: Clause, customer: str | None, supplier: str) -> str | None:
        first = clause.sentence.index - self.window
        return next((d.service for d in reversed(earlier) if d.clause.sentence.index >= first
                     and (d.customer, d.supplier) == (customer, supplier)), None)

    def _rival_maker(self, view: ArticleView, customer: Item, service: str, supplier: Item,
                     words: tuple[int, int] | None = None) -> bool:
        """A foundry is not another foundry's customer ("looked at Samsung's SF4 before settling
        on TSMC"): a maker named beside a maker is a rival, not a buyer, unless it also buys chip
        work and the words say it buys here ("Intel has placed orders for TSMC's N2"). Nor does a memory maker
        buy memory, however it came into the clause ("SK hynix's rivals Samsung and Micron ..."), a
        toolmaker buy chip work, an OSAT another's packaging, or a foundry design; nor does a seller of chips
        buy the servers a systems house builds around them ("Nvidia's Blackwell chips, which Dell will deliver")."""
        roles = self.parties.role_of(view, customer.name)
        if roles and roles <= TOOL_TRADES | {"eda_ip"}:
            return True  # a maker of tools, materials or IP buys no chip work ("Tokyo Electron" beside Micron)
        if service == "memory":
            return "memory" in roles
        if service == "supply" and "supply" in roles and "systems" in self.parties.role_of(view, supplier.name):
            return True
        if service == "packaging" and roles == {"packaging"}:
            return True  # an OSAT beside another OSAT is its rival ("ASE and SPIL")
        if service == "design" and roles and roles <= {"foundry", "packaging"}:
            return True  # a foundry buys no chip design ("TSMC" beside Alchip)
        if service != "foundry" or customer.rule in {"earlier_deal", "chip_reference"} or "foundry" not in roles:
            return False
        buys_here = words is not None and words[1] >= 3 and not words[0] and customer.rule != "coref"
        return not ("customer" in roles and buys_here and "foundry" in self.parties.role_of(view, supplier.name))

    def _not_the_die_buyer(self, view: ArticleView, clause: Clause, customer: Item, service: str) -> bool:
        """An HBM base die is made for the memory maker, not for the memory's buyer ("- SK hynix:
        1b core dies over a TSMC N12 base die" under "Nvidia (Rubin):"), unless it is a custom
        die with the buyer's own logic."""
        text = clause.text(view)
        if service != "foundry" or not self.cues.memory_parts.search(text) or self.cues.custom_memory.search(text):
            return False
        memory_makers = {i.name for i in view.items_in(clause.start, clause.end, "COMPANY")
                         if "memory" in self.parties.role_of(view, i.name)}
        return bool(memory_makers) and customer.name not in memory_makers

    def _services(self, view: ArticleView, clause: Clause, supplier: Item, plain_hints: set[str]) -> list[str]:
        """The clause's service; packaging named beside a node or tape-out is a second one."""
        service = self._service(view, clause, supplier)
        if service is None:
            return []
        made = view.items_in(clause.start, clause.end, "PROCESS_NODE") or "foundry" in plain_hints
        if service == "packaging" and made and "foundry" in self.parties.role_of(view, supplier.name):
            return [service, "foundry"]  # "to make and package Intel products": two services
        if _FULL_STACK.search(clause.text(view)):  # "full-stack win (SF2 logic + HBM4 + I-Cube packaging)"
            offered = (plain_hints | ({"foundry"} if made else set())) & MAKING
            every = [s for s, _ in self.cues.services if s in offered and self.parties.can_supply(view, supplier.name, {s})]
            return list(dict.fromkeys([service] + every))
        return [service]

    def _service(self, view: ArticleView, clause: Clause, supplier: Item) -> str | None:
        unit = getattr(supplier.value, "unit", None)
        text = clause.text(view)
        named = self.parties.unit_service.get((supplier.name, unit)) if unit else None
        said = self.parties.hints(view, text) & MAKING
        elsewhere = supplier.rule == "coref" or supplier.start < clause.start  # a stand-in, or a list line's head
        roles = self.parties.role_of(view, supplier.name)
        if named and not (elsewhere and said and named not in said):
            stated = self._work_after(view, clause, supplier)
            if stated and stated != named and (not roles or roles & self.cues.service_roles[stated]):
                return stated  # "placed an order with Intel Foundry to assemble a future TPU"
            return named  # (not "..., and the Korean chipmaker will also package the part" after "Samsung Foundry")
        if supplier.rule == "product_seller":  # "20,000 DS-N3 NPU cards": who sells them supplies
            roles = roles | {"supply"}
        makes = not roles or "foundry" in roles
        if "|" in clause.sentence.text and len(roles & MAKING) > 1 and not self.parties.hints(view, text):
            earlier = self._service_named_before(view, clause, roles)  # Samsung on an HBM4 status board
            if earlier:
                return earlier
        chosen_for = self._work_after(view, clause, supplier)
        if chosen_for and (not roles or roles & self.cues.service_roles[chosen_for]) and not elsewhere:
            return chosen_for  # "selected GlobalFoundries as the manufacturing partner and ASE as the packaging partner"
        for service, pattern, in_trade in self.cues.services_stated:
            foreign = roles and not roles & self.cues.service_roles[service]
            if pattern.search(text) and not (foreign and (in_trade or self.parties.hints(view, text) & roles & MAKING)):
                return service  # (not for a maker the clause names for its own trade: "... on TSMC's N2")
        if "memory" not in roles and self.cues.memory_tooling.search(text):
            return "supply"  # "to supply HBM substrates to SK hynix", "HBM probe cards": parts for memory, sold
        if "design" in roles and not self.parties.hints(view, text) & MAKING and (
                self.cues.bought_from.search(view.text, max(clause.start, supplier.start - 40), supplier.start)
                or ("memory" not in roles and self._names_own_product(view, clause, supplier))):
            return "supply"  # a design house's chips are sold: "an external modem purchased from MediaTek",
            # "MediaTek's Dimensity 9500 powers Vivo's X300"
        for (service, _), named in zip(self.cues.services, self.parties.service_cues(view, text)):
            if service == "supply" and makes and (view.items_in(clause.start, clause.end, "PROCESS_NODE")
                                                  or self._names_others_product(view, clause, supplier, made=not roles)):
                return "foundry"  # a chip on a node, or the customer's own chip ("MTIA"), is made, not sold
            if service == "supply" and named and roles == {"design"}:
                return "design"  # a design-service house sells its work, not chips ("has awarded GUC a 2nm AI accelerator program")
            if service == "supply" and "design" in roles and (self._names_others_product(view, clause, supplier)
                                                               or self._custom_together(text)) \
                    and not self.cues.finished_systems.search(text):
                return "design"  # a design house does the customer's own chip ("Broadcom for its MTIA"),
                # but sells whole racks built around it ("orders for racks built around Google's TPU Ironwood")
            if named and (not roles or roles & self.cues.service_roles[service]):
                if service == "supply" and "foundry" in roles and roles & SUPPLIER_ROLES <= {"foundry", "packaging"}:
                    return "foundry"  # "TSMC wins OpenAI chip deal": a pure foundry sells no chips
                if service == "supply" and roles & SUPPLIER_ROLES == {"memory"}:
                    return "memory"  # "Kioxia provides the storage chips for the Switch 2": a pure memory maker sells memory
                return service
        if makes and view.items_in(clause.start, clause.end, "PROCESS_NODE"):
            return "foundry"
        for service in ("foundry", "memory", "packaging", "design", "supply"):
            if service in roles:
                return service
        if roles & {"equipment", "materials"} or not self.parties.roles(supplier.name) and not roles & SUPPLIER_ROLES:
            return "supply"  # tools and substrates are sold ("ASMPT -> Micron: fluxless TCB"), and so is what
        return None  # a company no gazetteer knows sells when no word names the work ("GPU startup X ... won an order from")

    def _custom_together(self, text: str) -> bool:
        """Does a buyer work with the house on a custom chip ("working with Broadcom on a custom
        inference accelerator"), rather than buy custom chips from it ("will buy custom networking
        chips from Broadcom")?"""
        return bool(self.cues.custom_chip.search(text) and self.cues.together.search(text))

    def _work_after(self, view: ArticleView, clause: Clause, supplier: Item) -> str | None:
        """The service the words right after the supplier state, before any other company
        ("an order with Intel Foundry to assemble a future TPU")."""
        following = [i.start for i in view.items_in(supplier.end, clause.end, "COMPANY")]
        end = following[0] if following else clause.end
        words = view.text[supplier.end:end]  # (read on its own: a role after the name opens it, "^ as the ... partner")
        return next((service for service, pattern, _ in self.cues.services_stated if pattern.search(words)), None)

    def _service_named_before(self, view: ArticleView, clause: Clause, roles: frozenset[str]) -> str | None:
        """The one service of a maker of several that the nearest sentence before names (a table
        row has no words of its own)."""
        for index in range(clause.sentence.index - 1, max(-1, clause.sentence.index - self.window - 1), -1):
            named = self.parties.hints(view, view.sentences[index].text) & roles & MAKING
            if named:
                return next(iter(named)) if len(named) == 1 else None
        return None

    def _names_own_product(self, view: ArticleView, clause: Clause, supplier: Item) -> bool:
        """Does the clause name a product of the supplier's own ("MediaTek's Dimensity 9500")?"""
        return any(p.owner == supplier.name for _, p in self.parties.products.find(view.text, clause.start, clause.end))

    def _names_others_product(self, view: ArticleView, clause: Clause, supplier: Item, made: bool = False) -> bool:
        """Does the clause name another company's product? With ``made``, only a product its owner
        does not sell itself (Meta's MTIA is made for Meta; Nvidia's GPUs bought through an
        integrator are resold, not made by it)."""
        owners = {p.owner for _, p in self.parties.products.find(view.text, clause.start, clause.end)} - {None, supplier.name}
        if made:
            owners = {o for o in owners if "supply" not in self.parties.role_of(view, o)}
        return bool(owners)

    def _stage(self, text: str, talks_only: bool, past: bool = True) -> str:
        """The stage the words give; without ``past``, the first other stage they give."""
        for stage, pattern in self.cues.stage_modifiers:
            if (past or stage != "past") and pattern.search(text):
                return stage
        return "talks" if talks_only else "agreed"

    def _sourcing(self, view: ArticleView, clause: Clause, parties: set[str]) -> tuple[str, str | None]:
        attribution, denied = self._sentence_sourcing(view, clause.sentence)
        if denied:
            return "denied", attribution
        if clause.relative:  # "Wiwynn, which counts Meta among its biggest buyers, said its shipments would be flat":
            return "reported", attribution  # the party speaks of something else, the background deal is told by the writer
        if party_speaks(view, self.cues, clause.sentence, parties):
            return "confirmed", attribution
        if party_is_source(view, self.cues, clause.sentence, parties):
            return "confirmed", None  # (the source is the party itself: no outside attribution)
        if attribution is None and release_issuer(view, self.cues) in parties:
            return "confirmed", None  # a press release states its issuer's own deal
        return "reported", attribution

    def _sentence_sourcing(self, view: ArticleView, sentence: SentenceView) -> tuple[str | None, bool]:
        """The sentence's attribution and whether it denies: the same for each of its deals, read once."""
        key = ("sourcing", sentence.index)
        if key not in view.cache:
            attribution = None
            for pattern in self.cues.attribution:
                match = pattern.search(sentence.text)
                if match:
                    attribution = _SENTENCE_STOP.sub("", match.group(1).strip())
                    break
            view.cache[key] = (attribution, bool(self.cues.denied.search(sentence.text)))
        return view.cache[key]


# the sentence's full stop closing a source phrase ("according to TrendForce."), not an abbreviation's ("Co.")
_SENTENCE_STOP = re.compile(r"(?<!\bCo)(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bU\.S)\.$")


_REVEALED_REACH = 10  # sentences back a revealed seller's "the order" may reach for the story's deal
_LABEL_END = re.compile(r":|\s[—–]\s")  # "N2 early adopters:", "Amkor — Nvidia (...); Apple (...)"


_CHIP_TRADES = frozenset({"foundry", "memory", "packaging", "design"})


_PAST_WORK = re.compile(r"^[^,]*,\s*(?:which|who)\s+(?:had\s+)?" + PAST_WORK + r"\b")


# a clause opening on the last member of a list ("..., and Hashvale, a Singapore-based designer")
_LIST_TAIL = re.compile(r"\s*,?\s*(?:and|as well as|plus)\s+")
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|may|might|can|remains?|said|says|plans?|expects?)\b")


_BOTH = re.compile(r"\s*(?:both\s+)?")
_DEAL_WITH = re.compile(r"\bwith\s*$")  # "Veridian Labs signed a supply agreement with Nvidia"
_AND = re.compile(r"\s*(?:(?:Co|Corp|Inc|Ltd)\.?)?\s*,?\s*(?:and|or|as well as)\s+")  # ("Taiwan Semiconductor Manufacturing Co and")


def _without_asides(text: str) -> str:
    """A clause's words without the asides that describe a party rather than tell the deal
    (", a Norwegian operator that runs hydro-powered data halls near Narvik,", "a chip that the
    automaker has been designing in-house since 2024"): their verbs give the deal no stage."""
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), text)


# an appositive with a relative clause of its own, or an object relative clause in the present perfect
_ASIDE = re.compile(r",\s+(?:a|an|another)\s+[^,;]{0,120}?\b(?:that|which|who)\b[^,;]{0,120},"
                    r"|\b(?:that|which)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:has|have|had)\s+been\s+[a-z]+ing\b[^,;.]*")


def _enumeration_label(view: ArticleView, clause: Clause, heading_only: bool = False) -> str:
    """For an item of a "label: item; item; item" sentence, the label and the items before
    ("Running at volume: ...", "Amkor — Nvidia (B300 oS, shipping); Apple (M5 InFO)"): what the
    line says of its deals holds for each item. With ``heading_only``, the label alone (the
    items before say nothing of this one's stage)."""
    before = view.text[clause.sentence.start:clause.start]
    opens_item = before.rstrip().endswith(";") or view.text[clause.start:clause.end].lstrip().startswith(";")
    label = _LABEL_END.search(before)
    if label is None or not opens_item:
        return ""
    return " " + (before[:label.start()] if heading_only else before)


def _without_companies(view: ArticleView, clause: Clause, cues: Cues) -> str:
    """The clause's words with company names blanked ("Taiwan Semiconductor Manufacturing Co"
    says nothing of manufacturing)."""
    text = clause.text(view)
    for item in view.items_in(clause.start, clause.end, "COMPANY"):
        text = text[:item.start - clause.start] + " " * (item.end - item.start) + text[item.end - clause.start:]
    return cues.references.sub(lambda m: " " * len(m.group()), text)  # "the foundry" names no service either


def _arrow_targets(view: ArticleView, clause: Clause) -> set[str] | None:
    """The companies a supply-map line points its arrow at ("Advantest → KYEC, TSMC: ..."):
    the line's only buyers; None when the clause has no such arrow."""
    match = _ARROW_LINE.match(clause.sentence.text)
    if match is None:
        return None
    start = clause.sentence.start + match.start("targets")
    return {i.name for i in view.items_in(start, clause.sentence.start + match.end("targets"), "COMPANY")}


_ARROW_LINE = re.compile(r"\s*(?:[-•*]\s+)?[^:\n→]{1,60}?(?:→|->|=>|⇒)(?P<targets>[^:\n]{1,80}):")


def _own_brackets(view: ArticleView, items: list[Item]) -> bool:
    """Does each of several companies carry its own bracketed status ("SK hynix (shipping)
    and Samsung (qualified)")? Then each has its own deal: no shared demand."""
    return len(items) > 1 and all(_BRACKET_AFTER.match(view.text, i.end) for i in items if i.rule != "coref")


_OWNER_PRODUCTS = 2  # the most products an owner may have for an order without one to take them all
_CHIP_REACH = 60  # characters between a product or owner and the chip word that describes it
_FULL_STACK = re.compile(r"\b(?:turnkey|full-stack|one-stop|end-to-end)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?\b")
_BRACKET_AFTER = re.compile(r"\s*\([^()]{2,80}\)")


def _within_one_company(view: ArticleView, clause: Clause) -> bool:
    """One company named twice with different units ("Samsung's memory division sources
    base dies from Samsung Foundry"): supply inside one company, no order."""
    units: dict[str, set] = {}
    for item in view.items_in(clause.start, clause.end, "COMPANY"):
        units.setdefault(item.name, set()).add(getattr(item.value, "unit", None))
    return any(len(found - {None}) > 1 for found in units.values())


def find_orders(view: ArticleView, rules: OrderRules) -> tuple[list[Order], list[Draft]]:
    """The article's orders, merged and refined, and the drafts they came from."""
    drafts = rules.drafts(view)
    orders = merge(view, drafts, equivalents(view))
    orders = [o for o in orders if not (o.stage == "talks" and _none_placed_next(view, rules.cues, o))]
    orders = _named_later(view, rules.cues, orders)
    orders = _bought_through_house(view, rules.cues, orders)
    orders = _programs_carried(view, orders)
    orders = [_owner_slots_shared(o, orders) for o in orders]
    orders = [_owner_products(view, rules, o) for o in orders]
    orders = [_chip_described(view, rules.cues, o) for o in orders]
    return refine(view, rules.cues, orders, rules.parties.unit_service), drafts


def _bought_through_house(view: ArticleView, cues: Cues, orders: list[Order]) -> list[Order]:
    """A design house that buys the memory for the chip it designs ("Marvell, which
    is designing the chip for Microsoft and buys the memory on its behalf") is the memory maker's
    customer: the owner's memory order goes to the house (merged into the house's own, if it has
    one). The owner keeps its design order."""
    moved = {}  # owner -> house
    for sentence in view.sentences:
        for match in cues.bought_for_owner.finditer(sentence.text):
            named = {i.name for i in view.items_in(sentence.start, sentence.start + match.start(), "COMPANY")}
            for design in orders:
                if design.service == "design" and design.supplier in named and design.customer in named:
                    moved[design.customer] = design.supplier
    if not moved:
        return orders
    taken = {}  # the house's own order with the same maker -> the owner's order it takes the place of
    kept = []
    for order in orders:
        house = moved.get(order.customer) if order.service == "memory" else None
        if house is None:
            kept.append(order)
            continue
        own = next((o for o in orders if o.customer == house and o.supplier == order.supplier
                    and o.service == order.service), None)
        if own is None:
            kept.append(order.model_copy(update={"customer": house}))
        else:
            taken[id(own)] = order
    return [_slots_from(o, taken[id(o)], ("products",) + _CARRIED) if id(o) in taken else o for o in kept]


def _named_later(view: ArticleView, cues: Cues, orders: list[Order]) -> list[Order]:
    """A deal first told without its customer ("a contract with a customer it did not name")
    and later revealed as a named one's ("Musk confirmed that the carmaker was the buyer"),
    from the same supplier for the same work, is that customer's order: the contract's null
    customer is for a deal whose article names no customer."""
    def named_after(unnamed: Order) -> bool:
        return any(o.customer and o.supplier == unnamed.supplier and o.service == unnamed.service
                   and any(e.start > unnamed.evidence[0].start and cues.customer_revealed.search(e.text)
                           for e in o.evidence) for o in orders)

    def named_before(unnamed: Order) -> bool:
        """"Disco has won orders from SK hynix ... The maker would not name its customer, but said it
        had received an order from an overseas memory manufacturer": the named deal, told again by
        a party that withholds the name."""
        sentence = view.sentence_of(unnamed.evidence[0].start)
        told = sentence.text + " " + (view.sentences[sentence.index - 1].text if sentence.index else "")
        return bool(cues.customer_withheld.search(told)) and any(
            o.customer and o.supplier == unnamed.supplier and o.service == unnamed.service
            and o.evidence[0].start < unnamed.evidence[0].start for o in orders)

    def revealed_as(unnamed: Order) -> Order | None:
        """"SK hynix has won an order for custom HBM4E from a large American technology company" ...
        paragraphs on, "industry insiders ... said it is Microsoft": the named customer's order of the
        same supplier and work, when a later sentence that reveals a buyer names its customer."""
        after = [s for s in view.sentences if s.start > unnamed.evidence[0].start and cues.customer_revealed.search(s.text)]
        for sentence in after:
            names = {i.name for i in view.items_in(sentence.start, sentence.end, "COMPANY")} - {unnamed.supplier}
            found = [o for o in orders if o.customer in names and o.supplier == unnamed.supplier
                     and o.service == unnamed.service]
            if len(found) == 1:
                return found[0]
        return None

    kept, filled = [], {}
    for order in orders:
        named = revealed_as(order) if order.customer is None else None
        if named is not None:  # the deal told unnamed gives the named order the slots it lacks
            filled[id(named)] = _slots_from(filled.get(id(named), named), order)
        elif order.customer or not (named_after(order) or named_before(order)):
            kept.append(order)
    return [filled.get(id(o), o) for o in kept]


_CARRIED = ("value", "volume", "timing", "process_node", "chip")


def _slots_from(named: Order, unnamed: Order, slots: tuple[str, ...] = _CARRIED) -> Order:
    """The named order with the slots it lacks taken from the same deal told without its customer
    (or, for a house that buys for an owner, from the owner's order)."""
    update = {slot: getattr(unnamed, slot) for slot in slots
              if not getattr(named, slot) and getattr(unnamed, slot)}
    evidence = sorted([*named.evidence, *(e for e in unnamed.evidence if e not in named.evidence)], key=lambda e: e.start)
    return named.model_copy(update={**update, "evidence": evidence})


def _none_placed_next(view: ArticleView, cues: Cues, order: Order) -> bool:
    """"... is pitching HBM4E samples to Google and Amazon. Neither has placed an order.": the
    sentence after the talks says no deal came of them."""
    following = view.sentence_after(view.sentence_of(order.evidence[-1].start))
    return following is not None and bool(cues.none_placed.match(following.text.lstrip()))


def _programs_carried(view: ArticleView, orders: list[Order]) -> list[Order]:
    """A buyer's program goes on through the paragraph that names it: "Orsolan's Onyx-2 sits
    on Samsung's SF4X. Semifive did the physical design, Hana Micron will package it." gives
    the design and packaging orders Onyx-2 too, when the paragraph names one program alone."""
    carried = []
    for order in orders:
        if not order.products and order.customer is not None:
            here = _paragraphs(view, order)
            programs = {tuple(o.products) for o in orders
                        if o.customer == order.customer and o.products and _paragraphs(view, o) & here}
            if len(programs) == 1:
                order = order.model_copy(update={"products": list(programs.pop())})
        carried.append(order)
    return carried


_SHARED_WITH_DESIGNER = ("products", "chip", "process_node", "volume", "timing")


def _owner_slots_shared(order: Order, orders: list[Order]) -> Order:
    """A design house's maker order is for the chip it designs for its owner: the slots the
    owner's order with the same maker has and this one lacks carry over, the value aside
    (it was stated for the owner's order). "GUC, which designs Maia for Microsoft ... Samsung
    will make it on 2nm from the second half of next year": GUC's foundry order is Maia's too.
    The other way too: the owner's maker order takes what its designer's has and it lacks
    ("Marvell ... will place the production orders with TSMC. Volume output is targeted for
    the second half of 2027" dates Microsoft's TSMC order as well)."""
    if order.service not in {"foundry", "packaging"} or order.customer is None:
        return order
    owners = {o.customer for o in orders if o.service == "design" and o.supplier == order.customer and o.customer}
    designers = {o.supplier for o in orders if o.service == "design" and o.customer == order.customer}
    theirs = [o for o in orders if o.customer in owners | designers
              and o.supplier == order.supplier and o.service == order.service]
    if len(theirs) != 1:
        return order
    update = {slot: getattr(theirs[0], slot) for slot in _SHARED_WITH_DESIGNER
              if not getattr(order, slot) and getattr(theirs[0], slot)}
    return order.model_copy(update=update) if update else order


def _owner_products(view: ArticleView, rules: OrderRules, order: Order) -> Order:
    """An order for making work whose sentences name no product is for the buyer's product
    when the article ties one or two to it and no more ("Halvorn's H2 ... The startup has
    reserved wafers at Samsung"). Goods sold keep none: products are the customer's programs."""
    if order.products or order.service not in MAKING or not order.customer:
        return order
    names: list[str] = []
    for _, product in rules.parties.products.everything(view, 0, len(view.text)):
        if product.owner == order.customer and product.name not in names:
            names.append(product.name)
    if not 1 <= len(names) <= _OWNER_PRODUCTS:
        return order
    return order.model_copy(update={"products": names})


def _chip_described(view: ArticleView, cues: Cues, order: Order) -> Order:
    """An order whose own sentences name no chip takes the article's first description of
    what it is for: the chip word next to one of its products ("its EyeQ6 High system-on-chip"),
    else the one next to the chip's owner where the article first gives one ("... to manufacture
    its second-generation inference chip"): the owner buys the making, the seller owns goods sold."""
    if order.chip is not None or order.service == "memory":
        return order
    owner = order.customer if order.service in MAKING else order.supplier
    anchors = [re.compile(rf"(?<!\w){re.escape(p)}(?!\w)") for p in order.products]
    for sentence in view.sentences:
        companies = view.items_in(sentence.start, sentence.end, "COMPANY")
        spots = [m.start() for pattern in anchors for m in pattern.finditer(sentence.text)]
        if not spots and owner:
            spots = [i.start - sentence.start for i in companies if i.name == owner]
        if not spots:
            continue
        others = [i.start - sentence.start for i in companies if i.name != owner]
        near = [(abs(start - at), name) for start, name in _chip_words(view, cues, sentence) for at in spots
                if not any(min(at, start) < o < max(at, start) for o in others)]  # (not another's chip)
        near = sorted((d, n) for d, n in near if d <= _CHIP_REACH and n not in cues.memory_chips)
        if near:
            return order.model_copy(update={"chip": near[0][1]})
    return order


def _chip_words(view: ArticleView, cues: Cues, sentence: SentenceView) -> list[tuple[int, str]]:
    """Where a sentence names a chip and the chip word it gives, read once per sentence
    whichever order asks."""
    key = ("chip_words", sentence.index)
    if key not in view.cache:
        view.cache[key] = [(m.start(), chip_name(m, cues.chip_names, cues.memory_chips))
                           for m in cues.chips.finditer(sentence.text)]
    return view.cache[key]


def _paragraphs(view: ArticleView, order: Order) -> set[int]:
    """The paragraphs (by the index of their first sentence) an order's evidence lies in."""
    found = set()
    for evidence in order.evidence:
        index = view.sentence_of(evidence.start).index
        while index > 0 and not opens_paragraph(view, view.sentences[index]):
            index -= 1
        found.add(index)
    return found


def _seller_beside_buyer(scored: dict[Item, tuple[int, int]]) -> list[Item]:
    """Two parties, one the words make the buyer ("OpenAI agreed to deploy 6 gigawatts of AMD's
    Instinct GPUs"), the other left level but with a seller's words of its own: the other sells."""
    (first, first_score), (second, second_score) = scored.items()
    for (buyer, (buyer_sup, buyer_cust)), (other, (sup, cust)) in (((first, first_score), (second, second_score)),
                                                                   ((second, second_score), (first, first_score))):
        if buyer_cust - buyer_sup >= 3 and sup >= 3 and sup == cust:
            _lead_as_seller(scored, other)
            return [other]
    return []


def _lead_as_seller(scored: dict[Item, tuple[int, int]], party: Item) -> None:
    """Give the party a seller's lead clear enough that the other party qualifies as its buyer."""
    sup, cust = scored[party]
    scored[party] = (max(sup, cust + 3), cust)

"""The party a clause leaves out, supplied by the story: the supplier of a lone buyer,
the buyer of a lone maker, an unnamed buyer, the other party of a list line."""
from __future__ import annotations

import re

from ..patterns import guarded
from ..records import CompanyValue
from .context import Clause, interviewee, nested_in_amount, paragraph_break, paragraph_topic, protagonist
from .drafts import MAKING, TOOL_TRADES, Draft
from .lists import (bullet_head, field_line, field_owner_span, grid_cells, line_items, list_counterparts, list_intro,
                    step_cells)
from .refine import executives_speaking
from .views import ArticleView, Item, SentenceView

_IN_HOUSE = guarded(r"\b(?:internal|in-house|captive|its own|(?:for )?itself)\b", re.IGNORECASE)

# a list's period: a year, half, quarter or month ("2026", "2026-H2", "FY2027"), not a week or a day
_PERIOD = re.compile(r"(?:FY)?\d{4}(?:-(?:Q[1-4]|H[12]|\d\d))?")

_FOUNDRY_OWNS = re.compile(r"\bfoundry['’]s\b")


class ImpliedParties:
    """Mixed into :class:`~extractor.relations.orders.OrderRules`: needs ``cues``, ``parties``,
    ``window``, ``_stage``, ``_status_stage`` and ``_fill_slots``."""

    def _implied_customers(self, view: ArticleView, party: Item, score: tuple[int, int], hints: set[str],
                           clause: Clause, earlier: list[Draft]) -> tuple[Item, list[Item]] | None:
        """A maker alone in its clause ("The chip will be made by TSMC") makes it for the
        latest deal's customer, and for that deal's designer when it was a design deal."""
        sup, cust = score
        on_node = bool(view.items_in(clause.start, clause.end, "PROCESS_NODE"))  # "The chip will be built by TSMC on N2"
        if sup < 3 or cust >= sup or _IN_HOUSE.search(clause.text(view)):
            return None
        if hints and not hints & MAKING and not on_node:  # a seller of chips or systems: only to the buyer
            # waiting for them ("Naver agreed to buy 60,000 GPUs. The chips will come from Nvidia")
            sells = "supply" in self.parties.role_of(view, party.name)
            return (self._sentence_subject(view, party, clause, hints) or self._waiting_buyer(view, party, clause, hints)) \
                if sells else None
        if self.cues.bullet.match(clause.sentence.text) or "|" in clause.sentence.text:  # each list line or table row is its own item
            earlier = [d for d in earlier if d.clause.sentence.index == clause.sentence.index]
        topic = paragraph_topic(view, clause.sentence.index)  # "AMD, MI450.\nSoIC-X ... are done by TSMC"
        answering = interviewee(view, clause.sentence.index) is not None  # (an answer's maker works for the one answering)
        if topic is not None and topic.name != party.name and not self.parties.can_supply(view, topic.name, hints) \
                and (answering or not any(d.clause.start >= topic.start for d in earlier)):  # (else the paragraph's deal goes on)
            return party, [Item("COMPANY", topic.start, topic.end, topic.text, topic.value, topic.sentence,
                                "paragraph_topic")]
        speaker = self._speaking_buyer(view, party, clause, hints)
        if speaker is not None:
            return party, [speaker]
        first = clause.sentence.index - self.window
        for draft in reversed(earlier):
            if draft.clause.sentence.index < first or "\n\n" in view.text[draft.clause.end:clause.start]:
                break  # the maker's customer is named in the same paragraph (or in the closing sentence of the
                # one before: a sentence keeps the blank line after it, and that reach measured better)
            if party.name == draft.customer or draft.customer is None:
                continue  # (the same maker again goes on with its deal: "The chip, named Bertha, will be built at Samsung's fab")
            if _other_node(view, party, draft):
                return None  # "N3 stays the workhorse ... and is booked solid": not the N2 deal before
            if draft.supplier == party.name:  # "Rapidus will also package the chips": for all it makes them for
                names = list(dict.fromkeys(d.customer for d in earlier if d.clause == draft.clause
                                           and d.supplier == party.name and d.customer))
                return party, [_named(clause.start, clause.sentence.index, name, "earlier_deal") for name in names]
            if draft.service == "memory" and self.cues.memory_parts.search(clause.text(view)):
                names = [draft.supplier]  # an HBM base die is made for the memory maker
            elif "memory" in hints and draft.service in {"foundry", "packaging"}:
                names = [_owner_for_designer(earlier, draft)]  # the chip's memory is its owner's, not its designer's
            elif draft.service == "supply" and draft.supplier and hints & MAKING \
                    and not self.parties.role_of(view, draft.supplier) & TOOL_TRADES \
                    and not paragraph_break(view, draft.clause.end, clause.start) \
                    and not any(p.owner not in (None, draft.supplier) for _, p in
                                self.parties.products.everything(view, clause.sentence.start, clause.sentence.end)):
                # "Rebellions will supply accelerators to KT. The chips will be made by Samsung": the
                # chips sold are made for their seller (a named product goes to its own owner)
                names = [draft.supplier]
            else:
                # the design house gets the maker's order too, not the memory's
                names = [draft.customer] + ([draft.supplier] if draft.service == "design" and "memory" not in hints else [])
            return party, [_named(clause.start, clause.sentence.index, name, "earlier_deal") for name in names]
        return self._owner_of_the_chip(view, party, clause) or self._buyer_of_the_product(view, party, clause, earlier) \
            or self._sentence_subject(view, party, clause, hints) \
            or self._waiting_buyer(view, party, clause, hints) or self._protagonist(view, party, clause, hints)

    def _speaking_buyer(self, view: ArticleView, party: Item, clause: Clause, hints: set[str]) -> Item | None:
        """"Yoon said back-end design for both chips has been handled by ADTechnology": a maker alone in
        what a buyer's executive (named earlier with the company) says works for that buyer."""
        speakers = executives_speaking(view, self.cues, clause.sentence) - {party.name}
        if len(speakers) != 1:
            return None
        (name,) = speakers
        if self.parties.can_supply(view, name, hints & MAKING or hints):
            return None  # (a maker's chief speaking of a partner: no buyer of its work)
        return _named(clause.start, clause.sentence.index, name, "speaker")

    def _buyer_of_the_product(self, view: ArticleView, party: Item, clause: Clause,
                              earlier: list[Draft]) -> tuple[Item, list[Item]] | None:
        """"LG Innotek has been chosen by Tenstorrent as the substrate supplier of its accelerator Koral
        ... It is understood that Koral will be produced by Samsung Foundry": a maker alone with a
        product the story named earlier works for whoever bought that product, however far back."""
        text = clause.text(view)
        bought = {(d.customer, name) for d in earlier if d.customer and d.customer != party.name
                  and d.supplier != party.name for name in d.products if re.search(rf"\b{re.escape(name)}\b", text)}
        if len({buyer for buyer, _ in bought}) != 1:
            return None
        (buyer, product), *_ = sorted(bought)
        # (the item's text is the product, for the order's products, as for a chip referred to)
        return party, [Item("COMPANY", clause.start, clause.start, product, CompanyValue(name=buyer),
                            clause.sentence.index, "chip_reference")]

    def _sentence_subject(self, view: ArticleView, party: Item, clause: Clause, hints: set[str]) -> tuple[Item, list[Item]] | None:
        """"Tesla evaluated Samsung's SF2 process, but ultimately picked TSMC": a later clause with
        no subject of its own goes on with the sentence's opening company, when that one buys."""
        if clause.start == clause.sentence.start or not self.cues.goes_on.match(view.text, clause.start, clause.end):
            return None
        opening = view.items_in(clause.sentence.start, clause.start, "COMPANY")[:1]
        if not opening or opening[0].name == party.name or view.text[clause.sentence.start:opening[0].start].strip():
            return None
        if self.parties.can_supply(view, opening[0].name, hints & MAKING or {"foundry", "memory", "packaging"}):
            return None  # a maker opening the sentence is no buyer of the work
        return party, [_named(clause.start, clause.sentence.index, opening[0].name, "sentence_subject")]

    def _waiting_buyer(self, view: ArticleView, party: Item, clause: Clause, hints: set[str]) -> tuple[Item, list[Item]] | None:
        """"Microsoft placed an order for Maia 200 wafers. The supplier is TSMC": the one company
        of the sentence before, which told of a deal and named no maker, is the buyer."""
        if clause.sentence.index == 0:
            return None
        before = view.sentences[clause.sentence.index - 1]
        if self.cues.bullet.match(before.text) or self.cues.bullet.match(clause.sentence.text):
            return None  # each list line is its own item
        if paragraph_break(view, before.end, clause.start) or not (
                self.cues.order_agreed.search(before.text) or self.cues.order_talks.search(before.text)
                or self.parties.hints(view, before.text) & MAKING or self.cues.chip_words.search(before.text)):
            return self._buyer_of_the_goods(view, party, clause, hints)
        named = {i.name: i for i in view.items_in(before.start, before.end, "COMPANY") if i.name != party.name
                 and not nested_in_amount(view, i)}  # ("... for 8,000 Nvidia GPUs": the goods' brand buys nothing)
        if not named:  # "Analysts put the purchase at about $2 billion": the deal told before that
            return self._buyer_of_the_goods(view, party, clause, hints)
        if len(named) != 1:
            return None
        (name, buyer), = named.items()
        if self.parties.marked_seller(view.text[max(before.start, buyer.start - 80):buyer.start]):
            return None  # "The design contract went to Gaonchips": the one named before sells
        if not self._may_buy_work(view, name, hints):
            return None  # a maker of the same work, or of tools and parts, named before is no waiting buyer
        return party, [_named(clause.start, clause.sentence.index, name, "earlier_deal")]

    def _buyer_of_the_goods(self, view: ArticleView, party: Item, clause: Clause,
                            hints: set[str]) -> tuple[Item, list[Item]] | None:
        """"Oracle said it has committed to buying 50,000 GPUs. ... [new paragraph] The chips come
        from AMD": a sentence that opens on the goods just told of sells them to the company that
        opened the latest sentence telling of the deal, in this paragraph or the two before."""
        opening = self.cues.chip_reference.match(clause.sentence.text) if clause.start == clause.sentence.start else None
        if opening is None:
            return None
        breaks = 0
        for index in range(clause.sentence.index - 1, -1, -1):
            sentence = view.sentences[index]
            breaks += paragraph_break(view, sentence.end, view.sentences[index + 1].start)
            if breaks > 2 or self.cues.bullet.match(sentence.text):
                return None
            if not (self.cues.order_agreed.search(sentence.text) or self.cues.order_talks.search(sentence.text)):
                continue
            subject = view.items_in(sentence.start, sentence.end, "COMPANY")[:1]
            if not subject:
                continue  # "Two analysts put its value at ...": the deal goes on, told without its buyer
            if subject[0].name == party.name or view.text[sentence.start:subject[0].start].strip() \
                    or not self._may_buy_work(view, subject[0].name, hints):
                return None
            return party, [_named(clause.start, clause.sentence.index, subject[0].name, "earlier_deal")]
        return None

    def _protagonist(self, view: ArticleView, party: Item, clause: Clause, hints: set[str]) -> tuple[Item, list[Item]] | None:
        """"Memory for Funke will come from Micron", in a feature about Brennholt's own chip: a maker
        with no buyer in reach makes it for the buyer the story is about, the company it names
        far more often than any other, when that one was named in this paragraph or the one before."""
        name = protagonist(view)
        if name is None or name == party.name or not hints & MAKING or not self._may_buy_work(view, name, hints):
            return None
        this_paragraph = view.text.rfind("\n\n", 0, clause.start)
        paragraph_before = view.text.rfind("\n\n", 0, this_paragraph) if this_paragraph > 0 else -1
        if not any(i.name == name for i in view.items_in(max(paragraph_before, 0), clause.start, "COMPANY")):
            return None
        return party, [_named(clause.start, clause.sentence.index, name, "protagonist")]

    def _may_buy_work(self, view: ArticleView, name: str, hints: set[str]) -> bool:
        """Could this company be the buyer of the making work the clause tells of? Not a maker of
        the same work, nor of tools and parts."""
        return not (self.parties.role_of(view, name) - {"customer", "design", "supply"}
                    or self.parties.can_supply(view, name, hints & MAKING or {"foundry", "memory", "packaging"}))

    def _owner_of_the_chip(self, view: ArticleView, party: Item, clause: Clause) -> tuple[Item, list[Item]] | None:
        """"Amazon made Trainium3 generally available. The accelerator is built by TSMC": the
        chip referred to is the product the paragraph last named, made for its owner."""
        if not self.cues.chip_reference.search(clause.text(view)):
            return None
        first = view.sentences[max(0, clause.sentence.index - self.window)]
        named = [p for _, p in self.parties.products.everything(view, first.start, clause.start)
                 if p.owner and p.owner != party.name]
        if not named:
            return None
        # the item's text is the chip, for the order's products
        return party, [Item("COMPANY", clause.start, clause.start, named[-1].name, CompanyValue(name=named[-1].owner),
                            clause.sentence.index, "chip_reference")]

    def _list_service(self, view: ArticleView, clause: Clause, earlier: list[Draft],
                      intro_only: bool = False) -> str | None:
        """The service a list is about: the words of its introduction or the few sentences
        before it ("Where HBM4 qualification stands"), else (unless ``intro_only``) its previous
        line's deal."""
        intro = list_intro(view, clause.sentence, self.cues)
        if intro is not None:
            for index in range(intro.index, max(-1, intro.index - self.window), -1):
                text = view.sentences[index].text
                if index < intro.index and (self.cues.bullet.match(text) or text.rstrip().endswith(":")):
                    continue  # another list and its lines say nothing of this one
                text = _FOUNDRY_OWNS.sub(" ", text)  # "by the foundry's own reckoning" names a company, not the work
                for (service, _), named in zip(self.cues.services, self.parties.service_cues(view, text)):
                    if service in MAKING and named:
                        return service
        return earlier[-1].service if earlier and not intro_only else None

    def _list_line_drafts(self, view: ArticleView, clause: Clause, converted: set[Item],
                          earlier: list[Draft]) -> list[Draft]:
        """A list line under a party ("Nvidia (Rubin):" then "- SK hynix: in mass production"):
        the line's head deals with that party, in the list's service."""
        head = bullet_head(view, clause, self.cues)
        listed = list_counterparts(view, clause.sentence, self.cues, self.window) if head else []
        heads = view.items_in(head[0], head[1], "COMPANY") if head else []
        service = self._list_service(view, clause, earlier) if listed and heads else None
        if service is None or clause.start > head[1]:
            return []
        drafts = []
        for item in heads:
            for other in listed:
                if other.name == item.name:
                    continue
                supplier, customer = (item, other) if self.parties.can_supply(view, item.name, {service}) \
                    else (other, item)
                if not self.parties.can_supply(view, supplier.name, {service}):
                    continue  # "Nvidia (Rubin):" over a line on a base die: Nvidia makes no dies
                draft = Draft(customer.name, supplier.name, None, service,
                              self._stage(clause.text(view), False), "reported", None, clause, 4)
                self._fill_slots(view, draft, converted)
                if not draft.products:  # "Nvidia (Rubin):" heads the list: the line is for Rubin
                    intro = list_intro(view, clause.sentence, self.cues)
                    draft.products = self.parties.products.owned_by(view, intro.start, intro.end, customer.name)
                drafts.append(draft)
        return drafts

    def _allocation_drafts(self, view: ArticleView, clause: Clause, converted: set[Item],
                           earlier: list[Draft]) -> list[Draft]:
        """A list line headed by one buyer that splits its demand among makers by share ("-
        Nvidia (Rubin): SK hynix about 55%, Samsung about 30%, Micron about 15%"): each maker
        with a share gets the buyer's order in the list's service, at the stage the list's
        legend gives a mark on its part ("Samsung about 35% (t)"), else the line's words."""
        head = bullet_head(view, clause, self.cues)
        if head is None or clause.start > head[1] or list_counterparts(view, clause.sentence, self.cues, self.window):
            return []
        buyers = view.items_in(head[0], head[1], "COMPANY")
        service = self._list_service(view, clause, earlier) if len(buyers) == 1 else None
        if service is None or self.parties.can_supply(view, buyers[0].name, {service}):
            return []
        buyer, legend = buyers[0], self._legend(view, clause.sentence)
        told = self._told_before_list(view, clause.sentence)
        drafts = []
        for part in _LINE_PARTS.finditer(view.text, head[1] + 1, clause.sentence.end):
            makers = view.items_in(part.start(), part.end(), "COMPANY")
            words = part.group(0)
            if len(makers) != 1 or not self.cues.list_share.search(words) or \
                    not self.parties.can_supply(view, makers[0].name, {service}):
                continue
            stage = next((stage for mark, stage in legend if mark in words), None) or self._stage(words, False)
            draft = Draft(buyer.name, makers[0].name, None, service, stage, "reported", None, clause, 4)
            self._fill_slots(view, draft, converted)
            draft.products = draft.products or self.parties.products.owned_by(view, *head, buyer.name)
            draft.chip = draft.chip or self._chip(view.text[told[0]:told[1]], service)
            self._take_list_period(view, clause.sentence, draft)
            drafts.append(draft)
        return drafts

    def _take_list_period(self, view: ArticleView, sentence: SentenceView, draft: Draft) -> None:
        """A list line's deal with no date of its own takes the one period (a year, half, quarter or
        month: not the week or day of the checks behind it) the list's introduction and the sentences
        before it name ("2027 HBM4 volumes ... are now mostly contracted", "our view of full-year
        2026 wafer volumes by customer")."""
        if draft.timing is None:
            start, end = self._told_before_list(view, sentence)
            periods = {d.value.value: d for d in view.items_in(start, end, "DATE")
                       if d.value.value and _PERIOD.fullmatch(d.value.value)}
            draft.timing = next(iter(periods.values())) if len(periods) == 1 else None

    def _told_before_list(self, view: ArticleView, sentence: SentenceView) -> tuple[int, int]:
        """The span of a list's introduction and the few sentences before it."""
        intro = list_intro(view, sentence, self.cues) or sentence
        return view.sentences[max(0, intro.index - self.window)].start, intro.end

    def _legend(self, view: ArticleView, sentence: SentenceView) -> list[tuple[str, str]]:
        """The marks a list's legend explains, with the stage each gives its lines."""
        text = view.text[slice(*self._told_before_list(view, sentence))]
        return [(m.group("mark"), self._stage(m.group("meaning"), False)) for m in self.cues.list_legend.finditer(text)]

    def _grid_drafts(self, view: ArticleView, clause: Clause, converted: set[Item]) -> list[Draft]:
        """A buyer x supplier grid row: each filled cell is that pair's deal, at the stage its
        words say ("volume shipments", "sampling"), in the service the table's introduction
        names or the supplier's trade."""
        drafts = []
        for buyer, supplier, start, end, buyer_start, buyer_end in grid_cells(view, clause, self.cues):
            if buyer.name == supplier.name:
                continue
            text = view.text[start:end]
            service = self._stated_service(view, clause, supplier, text)[0]
            if service is None:
                continue
            talks_only = not self.cues.order_agreed.search(text)
            drafts.append(self._cell_draft(view, clause, converted, buyer, supplier, service, (start, end),
                                           self._stage(text, talks_only), (buyer_start, buyer_end)))
        return drafts

    def _step_drafts(self, view: ArticleView, clause: Clause, converted: set[Item]) -> list[Draft] | None:
        """A buyer x step grid row: each entry is the deal of its column's service with the
        supplier it names first, at the stage its words say ("Micron, sampling"); None when
        the clause is in no such row."""
        cells = step_cells(view, clause, self.cues)
        if cells is None:
            return None
        drafts = []
        for buyer, supplier, service, start, end, buyer_start, buyer_end in cells:
            if buyer.name == supplier.name:
                continue  # "Intel (Jaguar Shores) | Intel, 18A": in-house
            text = view.text[start:end]
            drafts.append(self._cell_draft(view, clause, converted, buyer, supplier, service, (start, end),
                                           self._stage(text, False), (buyer_start, buyer_end)))
        return drafts

    def _cell_draft(self, view: ArticleView, clause: Clause, converted: set[Item], customer: Item, supplier: Item,
                    service: str, cell: tuple[int, int], stage: str, heading: tuple[int, int]) -> Draft:
        """One deal a table cell or a line's brackets state: its slots from the cell, the
        products from the row's or line's heading, the memory from the introduction."""
        span = Clause(clause.sentence, *cell)
        confirmation, attribution = self._sourcing(view, span, {customer.name, supplier.name})
        draft = Draft(customer.name, supplier.name, getattr(supplier.value, "unit", None), service, stage,
                      confirmation, attribution, span, 4)
        self._fill_slots(view, draft, converted)
        draft.products = draft.products or self.parties.products.owned_by(view, *heading, customer.name)
        if service == "memory" and draft.chip not in self.cues.memory_chips:  # "the HBM4 cycle ... a grid"
            draft.chip = self._intro_memory(view, clause)
        return draft

    def _field_drafts(self, view: ArticleView, clause: Clause, converted: set[Item]) -> list[Draft] | None:
        """A "who makes what" line ("Product: Rebellions Rebel-Quad; Foundry: Samsung Foundry
        SF4X; HBM: Samsung HBM3E; Status: production"): one deal per company a service field
        names, for the chip's owner, at the stage its status says; None when the sentence is
        no such line."""
        fields = field_line(view, clause.sentence, self.cues)
        heading = field_owner_span(view, clause.sentence, self.cues) if fields else None
        owner = self._owner_named(view, *heading) if heading else None
        if owner is None:
            return None  # (no line of fields, or one about no company's chip: other rules read it)
        if clause.start != clause.sentence.start:
            return []  # (the line is read whole, by its first clause)
        status = " ".join(view.text[f.start:f.end] for f in fields if f.kind == "status")
        stated = self._status_stage(status)
        drafts = []
        for field in fields:
            text = view.text[field.start:field.end]
            if field.kind not in MAKING or self.cues.split_undisclosed.search(text):
                continue  # ("Foundry: TSMC N3P and Samsung SF2, split undisclosed")
            named = {i.name: i for i in view.items_in(field.start, field.end, "COMPANY") if i.name != owner.name}
            for supplier in named.values():  # ("HBM: Huawei's own stacks": in-house)
                drafts.append(self._cell_draft(view, clause, converted, owner, supplier, field.kind,
                                               (field.start, field.end), stated or self._stage(text, False), heading))
        return drafts or None

    def _owner_named(self, view: ArticleView, start: int, end: int) -> Item | None:
        """The company a span names ("Who supplies what for Google's TPU v7:"), else the owner
        of the product it names ("Chip: Dimensity 9500")."""
        named = {i.name: i for i in view.items_in(start, end, "COMPANY")}
        if len(named) == 1:
            return next(iter(named.values()))
        owners = list(dict.fromkeys(p.owner for _, p in self.parties.products.everything(view, start, end) if p.owner))
        return _named(start, view.sentence_of(start).index, owners[0], "field_owner") if len(owners) == 1 else None

    def _line_item_drafts(self, view: ArticleView, clause: Clause, converted: set[Item]) -> list[Draft] | None:
        """A line heading one company's entry, with each counterpart's status in brackets
        ("Nvidia, Rubin: SK hynix (lead, in volume), Micron (still qualifying)"): one deal per
        counterpart, at the stage its brackets say; None when the sentence is no such line."""
        line = line_items(view, clause.sentence, self.cues)
        if line is None:
            return None
        if clause.start != clause.sentence.start:
            return []  # (the line is read whole, by its first clause)
        head, items = line
        drafts = []
        for item, start, end in items:
            text = view.text[start:end]
            options = []  # (stated, supplier, customer, service): the counterpart supplies unless the words say the head does
            for supplier, customer in ((item, head), (head, item)):
                service, stated = self._stated_service(view, clause, supplier, text)
                if service and supplier.name != customer.name and self.parties.can_supply(view, supplier.name, {service}) \
                        and not self.parties.can_supply(view, customer.name, {service}):
                    options.append((stated, supplier, customer, service))
            if not options:
                continue
            _, supplier, customer, service = max(options, key=lambda option: option[0])
            drafts.append(self._cell_draft(view, clause, converted, customer, supplier, service, (start, end),
                                           self._stage(text, False),  # the line states a deal
                                           (clause.sentence.start, head.end + 40)))
        return drafts

    def _intro(self, view: ArticleView, clause: Clause) -> str:
        """The few prose sentences before the table or the lines a row or line belongs to."""
        intro = [view.sentences[i].text for i in range(clause.sentence.index - 1, -1, -1)
                 if "|" not in view.sentences[i].text and not line_items(view, view.sentences[i], self.cues)]
        return " ".join(reversed(intro[:self.window]))

    def _intro_memory(self, view: ArticleView, clause: Clause) -> str | None:
        """The memory the introduction of a table or of entry lines names ("the HBM4 cycle")."""
        found = list(self.cues.memory_chip.finditer(self._intro(view, clause)))
        return self.cues.chip_names[found[-1].group(1).casefold()] if found else None

    def _stated_service(self, view: ArticleView, clause: Clause, supplier: Item, cell: str) -> tuple[str | None, bool]:
        """The cell's own service words, else those of the sentences before the table or
        lines, else a process node on the line (foundry work), else the supplier's one
        making trade; among the services the supplier's roles allow. With whether words
        or a node stated it (not the trade alone)."""
        roles = self.parties.role_of(view, supplier.name)
        allowed = {s for s, needed in self.cues.service_roles.items() if not roles or roles & needed}
        for text in (cell, self._intro(view, clause)):
            named = self.parties.hints(view, text) & allowed & MAKING
            strongest = [service for service, _ in self.cues.services if service in named]
            if strongest:  # the cue list runs strongest first
                return strongest[0], True
        if "foundry" in allowed & roles and view.items_in(clause.sentence.start, clause.sentence.end, "PROCESS_NODE"):
            return "foundry", True
        making = roles & MAKING
        return (next(iter(making)) if len(making) == 1 else ("supply" if "supply" in allowed else None)), False

    def _anonymous_customer(self, party: Item, score: tuple[int, int], text: str,
                            next_text: str = "") -> tuple[Item, list[Item]] | None:
        """"signed a wafer supply agreement with a U.S. hyperscaler it did not name", or a deal
        whose next sentence says "The company did not identify the customer": customer null."""
        sup, cust = score
        if sup <= cust:
            return None
        withheld = self.cues.deal_nouns.search(text) and self.cues.customer_withheld.search(text + " " + next_text)
        if not (withheld or self.cues.anonymous_customer.search(text)):
            return None
        return party, [Item("COMPANY", party.start, party.start, "", CompanyValue(name=""), party.sentence,
                            "anonymous")]

    def _implied_supplier(self, view: ArticleView, clause: Clause, party: Item, score: tuple[int, int],
                          hints: set[str], earlier: list[Draft]) -> tuple[Item, list[Item]] | None:
        """A buyer alone in its clause ("SK Group will also take 50,000 GPUs") buys from
        the supplier of the story's latest deal, or from the story's leading supplier."""
        sup, cust = score
        # a count of goods, or of wafers by a company that makes none ("Apple will also take 50,000 wafers")
        kinds = {"units"} if self.parties.can_supply(view, party.name, {"foundry"}) else {"units", "wafers", "wafer_capacity"}
        counted = any(q.value.kind in kinds for q in view.items_in(clause.start, clause.end, "QUANTITY"))
        if cust < 2 or sup >= cust or not (hints or counted) or _IN_HOUSE.search(clause.text(view)) \
                or self.cues.anonymous_supplier.search(clause.text(view)):
            return None  # (not "by an overseas foundry it declined to name")
        answering = interviewee(view, clause.sentence.index)
        if answering is not None and answering.name != party.name:  # "A: Naver Cloud has ordered 3,000 of our cards"
            return answering, [party]
        heading = self._block_maker(view, clause, party, hints)
        if heading is not None:  # "Samsung Foundry SF2 and SF2P" over "- Preferred Networks: 3k wpm"
            return heading, [party]
        first = clause.sentence.index - self.window
        for draft in reversed(earlier):
            if draft.clause.sentence.index >= first and draft.supplier != party.name and (
                    draft.service in hints or not hints & MAKING):
                # the supplier may have been named only by its node or a stand-in: no COMPANY item of its own
                source = next((i for i in view.items if i.label == "COMPANY" and i.name == draft.supplier),
                              Item("COMPANY", clause.start, clause.start, draft.supplier or "",
                                   CompanyValue(name=draft.supplier, unit=draft.supplier_unit), clause.sentence.index,
                                   "earlier_deal"))
                return source, [party]
        counts: dict[str, int] = {}
        for item in view.items:
            if item.label == "COMPANY" and item.start < clause.start and item.name != party.name:
                counts[item.name] = counts.get(item.name, 0) + 1
        for name, _ in sorted(counts.items(), key=lambda kv: -kv[1]):
            if self.parties.can_supply(view, name, hints):
                return next(i for i in view.items if i.label == "COMPANY" and i.name == name), [party]
        return None

    def _block_maker(self, view: ArticleView, clause: Clause, party: Item, hints: set[str]) -> Item | None:
        """The one maker the heading of a list block names: the list's introduction or the
        line just before it ("TSMC N2 and N2P" over "Every customer named in this block ...")."""
        intro = list_intro(view, clause.sentence, self.cues)
        if intro is None:
            return None
        for index in (intro.index, intro.index - 1):
            if index < 0:
                break
            sentence = view.sentences[index]
            if not _HEADING_LINE.fullmatch(sentence.text.strip()):
                continue  # a prose sentence is no block heading
            named = {i.name: i for i in view.items_in(sentence.start, sentence.end, "COMPANY")}
            if len(named) == 1:
                (name, item), = named.items()
                return item if name != party.name and self.parties.can_supply(view, name, hints) else None
            if named:
                return None
        return None


_LINE_PARTS = re.compile(r"[^,;]+")  # the parts of a list line after its heading
_HEADING_LINE = re.compile(r"[^.!?\n]{2,60}:?")  # "TSMC N2 and N2P", "Samsung Foundry SF2 and SF2P:"


def _named(at: int, sentence: int, name: str, rule: str) -> Item:
    """A company the story supplies to a clause that does not name it, as a COMPANY item."""
    return Item("COMPANY", at, at, name, CompanyValue(name=name), sentence, rule)


def _other_node(view: ArticleView, party: Item, draft: Draft) -> bool:
    """Is a maker brought in by a node ("N3 ...") named for another node than the deal's?"""
    if party.rule != "node_maker" or draft.node is None:
        return False
    nodes = view.items_in(party.start, party.end, "PROCESS_NODE")
    return bool(nodes) and nodes[0].value.name != draft.node.value.name


def designers(customers: list[Item], supplier: Item, earlier: list[Draft], products: set[str]) -> list[Item]:
    """Design houses working for these customers on these products: they get the maker's
    order too (output contract: designer and owner each get their order)."""
    names = {c.name for c in customers} | {supplier.name}
    found = []
    for draft in earlier:
        same_chip = not products or not draft.products or products & set(draft.products)
        if draft.service == "design" and draft.customer in names and draft.supplier not in names and same_chip:
            names.add(draft.supplier)
            found.append(_named(draft.clause.start, draft.clause.sentence.index, draft.supplier, "designer"))
    return found


def design_owners(customers: list[Item], supplier: Item, earlier: list[Draft], clause: Clause,
                  products: set[str]) -> list[Item]:
    """The owners a design house in this clause works for on the products it names: they get
    the maker's order too ("- Broadcom: ~17% of CoWoS-L, mostly Google's TPU v8, which it
    co-designs": Google's packaging order as well as Broadcom's)."""
    names = {c.name for c in customers} | {supplier.name}
    found = []
    for draft in earlier:
        if draft.service == "design" and draft.clause == clause and draft.supplier in names and \
                draft.customer not in names and draft.customer and set(draft.products) & products:
            names.add(draft.customer)
            found.append(_named(clause.start, clause.sentence.index, draft.customer, "design_owner"))
    return found


def owners_of_designers(customers: list[Item], supplier: Item, earlier: list[Draft]) -> list[Item]:
    """A design house buying a maker's work does so for the chip it designs for its owner:
    the owner gets the maker's order too ("Alchip has been awarded the design of Amazon's
    Trainium4 ... Alchip had already reserved CoWoS-L capacity at TSMC for it")."""
    names = {c.name for c in customers} | {supplier.name}
    found = []
    for draft in reversed(earlier):
        if draft.service == "design" and draft.supplier in names and draft.customer and draft.customer not in names:
            names.add(draft.customer)
            found.append(_named(draft.clause.start, draft.clause.sentence.index, draft.customer, "design_owner"))
    return found


def _owner_for_designer(earlier: list[Draft], draft: Draft) -> str:
    """The customer a maker's deal stands for when memory is bought for its chip: the chip's
    owner when the deal's customer is only designing it for that owner ("Amazon has picked
    Marvell to help design Trainium4. TSMC will make the chip ... The memory will be HBM4E
    from SK hynix": Amazon's memory), else the deal's customer."""
    makers_customers = {d.customer for d in earlier if d.clause == draft.clause and d.supplier == draft.supplier}
    return next((d.customer for d in reversed(earlier) if d.service == "design" and d.supplier == draft.customer
                 and d.customer in makers_customers), draft.customer)

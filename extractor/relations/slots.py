"""Filling a draft's slots: chip, products, node, value, volume and timing, from its
clause and the clauses and sentence that go on with it."""
from __future__ import annotations

import re

from .context import Clause, clauses, is_dateline, paragraph_break
from .lists import DATING_INTRO_CHARS, NODE_HEADING_CHARS, short_intro
from .cues import Cues, chip_name
from .drafts import Draft, amount_of
from .views import ArticleView, Item, SentenceView


class SlotFiller:
    """Mixed into :class:`~extractor.relations.orders.OrderRules`: needs ``cues`` and ``parties``."""

    def _fill_slots(self, view: ArticleView, draft: Draft, converted: set[Item]) -> None:
        clause = draft.clause
        end = self._scope_end(view, clause)
        text = clause.text(view) + view.text[clause.end:end]  # a relative clause inside is its own deal
        draft.chip = self._chip(text, draft.service)
        if draft.service == "memory" and draft.chip not in self.cues.memory_chips:
            draft.chip = self._memory_named_before(view, clause)
        elif draft.chip is None and self.cues.chip_reference.search(text):
            draft.chip = self._chip_named_before(view, clause)  # "The chips themselves are made by TSMC"
        draft.products = self.parties.products.owned_by(view, clause.start, end, draft.customer) or \
            self._products_named_before(view, clause, draft)

        def found(label: str) -> list[Item]:
            return [i for i in view.items_in(clause.start, end, label) if not clause.in_hole(i.start)]

        nodes = [n for n in found("PROCESS_NODE")  # a DRAM generation is the memory's node, not the foundry's
                 if (n.value.name in self.parties.memory_nodes) == (draft.service == "memory")]
        draft.node = nodes[0] if nodes else self._section_node(view, clause, draft)
        money = [m for m in found("MONEY")
                 if m not in converted and not self.cues.unit_price.search(view.text[m.end:m.end + 30])
                 and not self.cues.combined_total.search(view.text[max(0, m.start - 40):m.start])
                 and not _figure_money(view, m, clause, self.cues)]
        draft.value = self._headline(view, money)
        volumes = [q for q in found("QUANTITY")
                   if (q.value.kind in VOLUME_KINDS or (q.value.kind == "power" and self.cues.power_of_chips.match(view.text, q.end)))
                   and not (q.value.kind in {"power", "wafer_capacity"}
                            and self.cues.capacity_target.search(view.text, max(0, q.start - 40), q.start))]
        draft.volume = volumes[0] if volumes else None
        # never the date of a statement or a tape-out (output contract, order timing)
        fits = self._fitting_dates(view, found("DATE")) or \
            self._fitting_dates(view, self._line_head_dates(view, clause)) or \
            self._fitting_dates(view, self._list_intro_dates(view, clause))
        if fits:
            draft.timing = max(fits, key=fits.get)
            draft.timing_fit = fits[draft.timing][0]
        if end == clause.sentence.end:
            self._continue_into_next(view, draft, converted)
        if draft.service == "memory" and draft.node is None:
            draft.node = self._memory_node_after(view, draft)

    def _fitting_dates(self, view: ArticleView, dates: list[Item]) -> dict[Item, tuple[int, int]]:
        """The dates that may time an order, with how well each fits."""
        fits = {d: self._timing_fit(view, d) for d in dates if d.value.value and not is_dateline(view, d)}
        return {d: fit for d, fit in fits.items() if fit[0] >= 0}

    def _line_head_dates(self, view: ArticleView, clause: Clause) -> list[Item]:
        """The dates in the head of the clause's line, before the dash or colon that opens its items
        ("2Q26 — AMD earmarks Samsung as the sole HBM4 vendor", "- AMD MI455X [3Q26] — ...; HBM4 from
        Samsung"): the line's date holds for each of its deals that names none of its own."""
        head = _LINE_HEAD.match(view.text, clause.sentence.start, clause.start)
        return view.items_in(clause.sentence.start, head.end(), "DATE") if head else []

    def _list_intro_dates(self, view: ArticleView, clause: Clause) -> list[Item]:
        """The dates of the short introduction of the list the clause's line is in ("Per the same
        sources, the main 2027 CoWoS bookings are:"): they hold for each line that names none."""
        if not self.cues.bullet.match(clause.sentence.text):
            return []
        intro = short_intro(view, clause.sentence, self.cues, DATING_INTRO_CHARS)
        return view.items_in(intro.start, intro.end, "DATE") if intro is not None else []

    def _section_node(self, view: ArticleView, clause: Clause, draft: Draft) -> Item | None:
        """The node a list's section heading names, for a line under it that names none ("SF2P" on a
        line of its own, then "- Tesla (AI6): the 22.8 trillion won contract ..."): a foundry order's."""
        if draft.service != "foundry" or not self.cues.bullet.match(clause.sentence.text):
            return None
        line_end = view.text.rfind("\n", 0, clause.sentence.start)
        while line_end > 0:
            line_start = view.text.rfind("\n", 0, line_end) + 1
            line = view.text[line_start:line_end]
            if line.strip() and not self.cues.list_marker.match(line):
                nodes = view.items_in(line_start, line_end, "PROCESS_NODE")
                heading = len(line.strip()) <= NODE_HEADING_CHARS and len(nodes) == 1
                return nodes[0] if heading and nodes[0].value.name not in self.parties.memory_nodes else None
            line_end = line_start - 1
        return None

    def _chip(self, text: str, service: str) -> str | None:
        """The first chip word of the order's kind: memory for a memory order ("HBM3E" in
        "the HBM3E supplier for Microsoft's Maia accelerator"), anything else otherwise."""
        names = [chip_name(m, self.cues.chip_names, self.cues.memory_chips) for m in self.cues.chips.finditer(text)]
        fitting = [n for n in names if (n in self.cues.memory_chips) == (service == "memory")]
        if service == "memory":  # the stack bought, not the DRAM generation it is made of ("1c DRAM ... HBM4")
            fitting = sorted(fitting, key=lambda n: not n.startswith("HBM"))
        if not fitting and service == "memory":
            memory = self.cues.memory_chip.search(text)
            fitting = [self.cues.chip_names[memory.group(1).casefold()]] if memory else []
        return (fitting or names or [None])[0]

    def _memory_named_before(self, view: ArticleView, clause: Clause) -> str | None:
        """A memory order's chip is memory: when its clause names none ("- SK hynix: 1b core
        dies over a TSMC N12 base die"), the memory the nearest sentence before names."""
        first = view.sentences[max(0, clause.sentence.index - self.window)].start
        found = list(self.cues.memory_chip.finditer(view.text, first, clause.start))
        return self.cues.chip_names[found[-1].group(1).casefold()] if found else None

    def _products_named_before(self, view: ArticleView, clause: Clause, draft: Draft) -> list[str]:
        """A maker's deal that names no program goes on with the programs of its buyer the
        paragraph named just before ("Amazon's Trainium3 ... The chips are made by TSMC"):
        only a product known to be the buyer's own."""
        if draft.service not in {"foundry", "packaging", "design"} or not draft.customer:
            return []
        start = self._paragraph_before(view, clause)
        return list(dict.fromkeys(p.name for _, p in self.parties.products.everything(view, start, clause.start)
                                  if p.owner == draft.customer))

    def _chip_named_before(self, view: ArticleView, clause: Clause) -> str | None:
        """The chip "the chips" or "the part" points back to: the last chip word (not memory)
        of the sentences just before, in the same paragraph."""
        names = [chip_name(m, self.cues.chip_names, self.cues.memory_chips)
                 for m in self.cues.chips.finditer(view.text, self._paragraph_before(view, clause), clause.start)]
        names = [n for n in names if n not in self.cues.memory_chips]
        return names[-1] if names else None

    def _memory_node_after(self, view: ArticleView, draft: Draft) -> Item | None:
        """The DRAM generation the next few sentences give the memory maker's part ("The stacks are
        built on Samsung's 1c DRAM", "the core dies adopt SK hynix's 1c DRAM process"): the nearest
        memory maker named before it is the supplier, or none is and no other memory maker is named."""
        first = draft.clause.sentence.index + 1
        for sentence in view.sentences[first:first + self.window]:
            nodes = [n for n in view.items_in(sentence.start, sentence.end, "PROCESS_NODE")
                     if n.value.name in self.parties.memory_nodes]
            if not nodes:
                continue  # (most sentences name no DRAM generation: their companies need no reading)
            makers = [c for c in view.items_in(sentence.start, sentence.end, "COMPANY")
                      if c.name == draft.supplier or "memory" in self.parties.role_of(view, c.name)]
            for node in nodes:
                before = [c for c in makers if c.end <= node.start]
                if (before[-1].name if before else None) == draft.supplier or \
                        not before and all(c.name == draft.supplier for c in makers):
                    return node
        return None

    def _paragraph_before(self, view: ArticleView, clause: Clause) -> int:
        """Where the few sentences before the clause start, within its paragraph."""
        first = view.sentences[max(0, clause.sentence.index - self.window)].start
        return max(first, view.text.rfind("\n\n", first, clause.start) + 1)

    def _continue_into_next(self, view: ArticleView, draft: Draft, converted: set[Item]) -> None:
        """A following sentence that names no company, or opens on the deal and names only
        its parties, goes on with the deal ("Risk production starts in 1Q26."): it may give
        the timing, volume and value still missing."""
        index = draft.clause.sentence.index + 1
        if index >= len(view.sentences):
            return
        after = view.sentences[index]
        names = {i.name for i in view.items_in(after.start, after.end, "COMPANY")}
        # "Under the agreement, Rebellions will deliver 8,000 chips from the second quarter"
        on_the_deal = self._on_the_deal(after, names, draft)
        if (names or self.cues.references.search(after.text)) and not on_the_deal:
            self._deal_told_later(view, draft, converted, index + 1)
            return
        nodes = view.items_in(after.start, after.end, "PROCESS_NODE")
        if nodes and draft.node is not None and nodes[0].value.name != draft.node.value.name:
            return  # "N3 stays the workhorse at roughly 160,000 wafers per month": another node's story
        if draft.service != "design" or not self.cues.output_starts.match(after.text.lstrip()):
            self._take_timing(view, draft, after)  # (the output's start dates the maker's deal, not the design)
        if draft.volume is None:
            volumes = _volumes(view, after)
            draft.volume = volumes[0] if volumes else None
        if draft.value is None and (self.cues.deal_nouns.search(after.text) or on_the_deal):  # "... put its value at"
            draft.value = self._deal_value(view, after, converted)
        if on_the_deal and (draft.value is None or draft.timing is None):
            self._deal_told_later(view, draft, converted, index + 1)  # the deal's next sentence may give the rest

    def _deal_told_later(self, view: ArticleView, draft: Draft, converted: set[Item], index: int) -> None:
        """A sentence a little further on, in the same paragraph, that opens on the deal and
        names no other company ("The order is estimated at about 180 billion won", "Deliveries
        are due to start in the second half of 2027") gives the value and timing the deal
        still lacks."""
        last = min(len(view.sentences), draft.clause.sentence.index + self.window + 1)
        for later in view.sentences[index:last]:
            if "\n\n" in view.text[draft.clause.end:later.start]:
                # (a sentence keeps the blank line that closes its paragraph, so a deal told at a
                # paragraph's close reaches into the next one: measured, that helps; see paragraph_break)
                return
            if not self._on_the_deal(later, {i.name for i in view.items_in(later.start, later.end, "COMPANY")}, draft):
                continue
            if draft.value is None:
                draft.value = self._deal_value(view, later, converted)
            if draft.timing is None:
                self._take_timing(view, draft, later)
            if draft.value is not None and draft.timing is not None:
                return  # (else the deal's next sentence may still give the rest: "The deal is estimated at ...
                # Industry sources put the volume at ..., with shipments to begin in the second half")

    def _output_start_later(self, view: ArticleView, drafts: list[Draft]) -> None:
        """A sentence further on, past the deal's paragraph, that opens on the start of output
        and names no other company ("Mass production is planned for the second half of next
        year") dates the latest deal told before it, when that one has no date yet, and gives
        the volume it lacks; a design deal told in between takes neither and does not stand in
        the way."""
        for sentence in view.sentences:
            start = self._output_start(sentence)
            if start is None:
                continue
            deal = _latest_told([d for d in drafts if d.clause.sentence.index < sentence.index and d.service != "design"])
            if not deal:
                continue
            names = {i.name for i in view.items_in(sentence.start, sentence.end, "COMPANY")}
            if not names <= {n for d in deal for n in (d.customer, d.supplier)} or \
                    self._other_node_between(view, deal, sentence):
                continue
            volumes = _volumes(view, sentence)
            for draft in deal:
                if draft.timing is None:
                    self._take_timing(view, draft, sentence, start)
                if draft.volume is None and volumes:  # "..., with an initial volume of about 3,000 wafers"
                    draft.volume = volumes[0]

    def _other_node_between(self, view: ArticleView, deal: list[Draft], sentence: SentenceView) -> bool:
        """Does a process node other than the deal's come up between the deal and the sentence
        ("TSMC A16. First customer lots started in March; volume begins in 2H26"): another node's story."""
        ours = {d.node.value.name for d in deal if d.node is not None}
        start = deal[0].clause.sentence.end
        return bool(ours) and any(n.value.name not in ours for n in view.items_in(start, sentence.end, "PROCESS_NODE"))

    def _output_start(self, sentence: SentenceView) -> int | None:
        """Where a sentence starts telling the start of output: at its opening ("Mass production
        is planned for ..."), or at a later clause's (", and supply is planned to begin ...")."""
        if self.cues.output_starts.match(sentence.text.lstrip()):
            return sentence.start
        within = self.cues.output_starts_within.search(sentence.text)
        return sentence.start + within.start() if within else None

    def _sellers_take_later(self, view: ArticleView, drafts: list[Draft], converted: set[Item]) -> None:
        """A sentence on what a deal will bring its seller ("The work could bring Marvell as much as
        $4 billion over the life of the program") values the seller's latest deal told before it,
        when that one has no value yet and the sentence names no other company."""
        for sentence in view.sentences:
            if not (self.cues.sellers_take.search(sentence.text) and self.cues.sellers_take_deal.search(sentence.text)):
                continue
            names = {i.name for i in view.items_in(sentence.start, sentence.end, "COMPANY")}
            before = [d for d in drafts if d.clause.sentence.index < sentence.index and d.supplier
                      and (d.supplier in names or not names) and names <= {d.customer, d.supplier}]
            told = _latest_told(before)
            deal = [d for d in told if d.supplier == told[0].supplier and d.value is None]
            value = self._deal_value(view, sentence, converted)  # (not "... and expects revenue to top NT$100 billion")
            for draft in deal if value else ():
                draft.value = value

    def _deal_valued_later(self, view: ArticleView, drafts: list[Draft], converted: set[Item]) -> None:
        """A sentence further on that values a deal ("The contract is valued at roughly $2.8 billion",
        "KB Securities estimated the contract at around 9 trillion won") gives its amount to the latest
        deal told before it, when that one has no value and the sentence names no party of another
        deal; where that deal's sentence told several, to the one whose party the sentence names."""
        parties = {n for d in drafts for n in (d.customer, d.supplier) if n}
        for sentence in view.sentences:
            cue = self.cues.deal_valued.search(sentence.text)
            if cue is None:
                continue
            deal = _latest_told([d for d in drafts if d.clause.sentence.index < sentence.index])
            if not deal:
                continue
            named = {i.name for i in view.items_in(sentence.start, sentence.end, "COMPANY")} & parties
            if not named <= {n for d in deal for n in (d.customer, d.supplier)}:
                continue
            deal = [d for d in deal if not named or named & {d.customer, d.supplier}]
            if len(deal) != 1 or deal[0].value is not None or \
                    paragraph_break(view, deal[0].clause.sentence.end, sentence.start):
                continue
            clause = Clause(sentence, sentence.start + cue.start(), sentence.end)
            money = [m for m in view.items_in(clause.start, sentence.end, "MONEY") if m not in converted
                     and not _figure_money(view, m, clause, self.cues)]
            if money:
                deal[0].value = money[0]

    def _deal_confirmed_later(self, view: ArticleView, drafts: list[Draft]) -> None:
        """A sentence further on in the paragraph in which a party of the latest deal told before it
        confirms that deal ("Sify confirmed the letter but not its value") makes it `confirmed`, by
        the party itself, unless it was denied."""
        for sentence in view.sentences:
            cue = self.cues.deal_confirmed.search(sentence.text)
            if cue is None:
                continue
            named = view.items_in(sentence.start, sentence.start + cue.start(), "COMPANY")
            if not named:
                continue
            speaker = named[0].name  # the one who confirms opens the sentence
            deal = [d for d in _latest_told([d for d in drafts if d.clause.sentence.index < sentence.index])
                    if speaker in {d.customer, d.supplier}]
            for draft in deal:
                if draft.confirmation != "denied" and not paragraph_break(view, draft.clause.sentence.end, sentence.start):
                    draft.confirmation, draft.attribution = "confirmed", None

    def _on_the_deal(self, sentence: SentenceView, names: set[str], draft: Draft) -> bool:
        """Does the sentence open on the deal ("The order ...", "Deliveries are due ...") and
        name no company but its parties?"""
        return bool(self.cues.deal_continues.match(sentence.text.lstrip())) and names <= {draft.customer, draft.supplier}

    def _headline(self, view: ArticleView, money: list[Item]) -> Item | None:
        """The largest of a deal's amounts, leaving out what it could grow to ("could rise to as
        high as 5 trillion won") when the text gives what it is worth."""
        firm = [m for m in money if not self.cues.upside.search(view.text[max(0, m.start - 60):m.start])]
        return max(firm or money, key=amount_of) if money else None

    def _deal_value(self, view: ArticleView, sentence: SentenceView, converted: set[Item]) -> Item | None:
        """The largest amount of a sentence on the deal that is no conversion or figure."""
        money = [m for m in view.items_in(sentence.start, sentence.end, "MONEY") if m not in converted
                 and not _figure_money(view, m, Clause(sentence, sentence.start, sentence.end), self.cues)]
        return self._headline(view, money)

    def _take_timing(self, view: ArticleView, draft: Draft, sentence: SentenceView, start: int | None = None) -> None:
        """The sentence's date that fits an order's timing best, when it fits better than the
        draft's. From ``start``, where the sentence tells the start of output, a date no cue
        word qualifies fits as well as one a good cue does ("The first racks ship in the first
        quarter of next year")."""
        dates = [d for d in view.items_in(sentence.start if start is None else start, sentence.end, "DATE")
                 if d.value.value]
        fits = {d: self._timing_fit(view, d)[0] or (_OUTPUT_START_FIT if start is not None else 0) for d in dates}
        best = max(dates, key=fits.get) if dates else None
        if best is not None and fits[best] > max(draft.timing_fit, 0):
            draft.timing, draft.timing_fit = best, fits[best]

    def _scope_end(self, view: ArticleView, clause: Clause) -> int:
        """The clause, with the clauses after it that name no company of their own
        ("..., and the contract scale is about 300 billion won")."""
        end = clause.end
        for later in clauses(view, clause.sentence, self.cues):
            if later.start < clause.end:
                continue
            if view.items_in(later.start, later.end, "COMPANY") or self.cues.references.search(later.text(view)):
                break
            end = later.end
        return end

    def _timing_fit(self, view: ArticleView, date: Item) -> tuple[int, int]:
        """How well a date says when the deal was placed or its supply starts, earliest first on ties."""
        before = view.text[max(0, date.start - 60):date.start]
        before = before[before.rfind("|") + 1:]  # a table cell's words are its own
        found = [(match.start(), fit) for fit, pattern in ((3, self.cues.timing_placed), (2, self.cues.timing_good),
                                                           (-3, self.cues.timing_bad))
                 for match in [_last_match(pattern, before)] if match is not None]
        if not found and self.cues.timing_bad_after.search(view.text[date.end:date.end + 30]):
            return -3, -date.start  # "on Tuesday announced": the day of the statement
        return (max(found)[1] if found else 0), -date.start  # the word nearer the date decides


# how well a date fits an order's timing in a sentence on the start of output (as a "good" cue word's)
_OUTPUT_START_FIT = 2

# the quantities that may be an order's volume: units, wafers and monthly wafers
VOLUME_KINDS = frozenset({"units", "wafers", "wafer_capacity"})


def _latest_told(drafts: list[Draft]) -> list[Draft]:
    """Of ``drafts``, those the latest sentence told (in their order); none for none."""
    if not drafts:
        return []
    latest = max(d.clause.sentence.index for d in drafts)
    return [d for d in drafts if d.clause.sentence.index == latest]


def _volumes(view: ArticleView, sentence: SentenceView) -> list[Item]:
    """The quantities of a sentence that may be an order's volume, in text order."""
    return [q for q in view.items_in(sentence.start, sentence.end, "QUANTITY") if q.value.kind in VOLUME_KINDS]


def _last_match(pattern, text: str):
    """The match of ``pattern`` that starts last in ``text`` (the cue nearest a date at its end)."""
    found = pattern.search(text)
    while found is not None:
        later = pattern.search(text, found.start() + 1)
        if later is None:
            return found
        found = later
    return None


def _figure_money(view: ArticleView, item: Item, clause: Clause, cues: Cues) -> bool:
    """Money a figure cue claims (revenue, investment, a backlog: "bringing its order backlog
    to 450 billion won"), not an order's price; "secured orders worth" may be either."""
    before = view.text[clause.start:item.start]
    for kind, pattern in cues.figure_kinds:
        if kind in {"datacenter_capacity", "wafer_capacity"}:
            continue
        if pattern.search(before[-60:]) and (kind != "order_backlog" or _BACKLOG_NOUN.search(before[-60:])):
            return True
    return False


# a line's head up to the dash or colon opening its items: "2Q26 — ", "- AMD MI455X [3Q26] — "
_LINE_HEAD = re.compile(r"\s*(?:[-•*]\s+)?[^\n—–:;]{1,60}?\s[—–]\s|\s*(?:[-•*]\s+)?[^\n—–:;]{1,40}?:\s")


_BACKLOG_NOUN = re.compile(r"\b(?:backlog|order (?:book|intake)|bookings|remaining performance obligations?)\b[^.;,]{0,30}$",
                           re.IGNORECASE)

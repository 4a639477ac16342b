"""Orders: who orders what from whom, clause by clause, then merged per
(customer, supplier, service) by the contract's merge rules."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import CompanyValue, Order
from .context import Clause, clauses, equivalents, is_dateline
from .cues import Cues, chip_name
from .drafts import Draft, amount_of
from .merge import merge
from .lists import bullet_head, list_counterparts, list_intro
from .parties import PartyScorer, coordinated
from .refine import party_speaks, refine
from .views import ArticleView, Item

_MAKING = frozenset({"foundry", "memory", "packaging", "design"})
_IN_HOUSE = re.compile(r"\b(?:internal|in-house|captive|its own|for itself)\b", re.IGNORECASE)


@dataclass
class OrderRules:
    cues: Cues
    parties: PartyScorer
    window: int = 3

    def drafts(self, view: ArticleView) -> list[Draft]:
        conversions = equivalents(view)
        converted = {i for items in conversions.values() for i in items}
        found: list[Draft] = []
        for sentence in view.sentences:
            for clause in clauses(view, sentence, self.cues):
                drafts = self._clause_drafts(view, clause, converted, found)
                drafts += self._list_line_drafts(view, clause, converted, found + drafts)
                for draft in drafts:  # the buyer of a maker's work owns the products named with it
                    if draft.service in _MAKING and draft.customer:
                        for name in draft.products:
                            view.product_owners.setdefault(name, draft.customer)
                found += drafts
        return found

    def _clause_drafts(self, view: ArticleView, clause: Clause, converted: set[Item],
                       earlier: list[Draft]) -> list[Draft]:
        text = clause.text(view)
        head = bullet_head(view, clause, self.cues)
        talks_only = not self.cues.order_agreed.search(text) and head is None
        if talks_only and not self.cues.order_talks.search(text):
            return []
        if self.cues.negated.search(text) and not self.cues.denied.search(text):
            return []  # "ASML will not supply the startup"
        if self.cues.not_deal.search(text) and not self.cues.deal_nouns.search(text):
            return []  # "Nvidia bought a $5 billion stake": money, but no order
        hints = self.parties.hints(text)
        inherited = None
        listed = list_counterparts(view, clause.sentence, self.cues) if head is not None else []
        found = self.parties.parties(view, clause, hints, head, listed)
        if not found.items or _within_one_company(view, clause):
            return []
        scored = self.parties.scores(view, clause, found, hints)
        if head is not None:  # "- Microsoft: a Maia accelerator on 18A": the heading names a party
            found.marked.update(i.name for i in found.items)
        if self.cues.deal_nouns.search(text):  # a deal stated outright: roles may settle who is who
            found.marked.update(i.name for i in found.items)
        if len(found.items) == 1:
            alone = found.items[0]
            if head is not None and head[0] <= alone.start < head[1]:
                if not hints:  # "- AMD: close to 8%" goes on with the list's service
                    inherited = self._list_service(view, clause, earlier)
                    hints = {inherited} if inherited else hints
                if not self.parties.can_supply(view, alone.name, hints & _MAKING or {"supply"}):
                    sup, cust = scored[alone]  # "- Nvidia: ~60% of CoWoS-L": a buyer heads the line
                    scored[alone] = (sup, max(cust, 2))
            pair = self._implied_supplier(view, clause, alone, scored[alone], hints, earlier) or \
                self._implied_customers(view, alone, found.markers[alone.name], hints, clause, earlier) or \
                self._anonymous_customer(alone, scored[alone], text)
            if pair is None:
                return []
            supplier, customers = pair
        else:
            suppliers = self._suppliers(view, scored, found)
            if not suppliers:
                return []
            supplier = suppliers[0]
            lead = scored[supplier][0] - scored[supplier][1]
            names = {s.name for s in suppliers}
            customers = [party for party, (sup, cust) in scored.items()
                         if party.name not in names and sup - cust <= min(lead - 2, 1)
                         and {party.name, supplier.name} & found.marked]
            if len(suppliers) > 1 and customers:  # "Quanta has won the build, with Celestica as second source"
                return [d for other in suppliers for d in
                        self._deals(view, clause, converted, earlier, other, customers, scored, talks_only)]
        if not customers:
            return []
        return self._deals(view, clause, converted, earlier, supplier, customers, scored, talks_only, inherited,
                           len(found.items) == 1)

    def _suppliers(self, view: ArticleView, scored: dict[Item, tuple[int, int]], found) -> list[Item]:
        """The clause's supplier, and any other party as clearly marked as one that is not in
        a list with it (a list of suppliers with no share is shared demand: no order)."""
        ranked = sorted(scored.items(), key=lambda kv: kv[1][0] - kv[1][1], reverse=True)
        best, (sup, cust) = ranked[0]
        if sup - cust <= 0:
            return []
        chosen = [best]
        for party, (other_sup, other_cust) in ranked[1:]:
            net = other_sup - other_cust
            if net > 0 and coordinated(view, [best, party]):
                return []  # "supplied by Samsung and SK hynix" with no split
            if net >= 3 and net >= sup - cust - 2 and party.name in found.marked:
                chosen.append(party)
        return chosen

    def _deals(self, view: ArticleView, clause: Clause, converted: set[Item], earlier: list[Draft],
               supplier: Item, customers: list[Item], scored: dict, talks_only: bool,
               inherited: str | None = None, alone: bool = False) -> list[Draft]:
        """Drafts of one supplier's deals with the clause's customers."""
        text = clause.text(view)
        services = [inherited] if inherited else self._services(view, clause, supplier)
        if not services and alone and earlier:
            services = [earlier[-1].service]  # "; Unimicron is qualified as second source" goes on
        stage = self._stage(text, talks_only)
        if set(services) & {"foundry", "packaging"} and stage != "past":
            recent = [d for d in earlier if d.clause.sentence.index >= clause.sentence.index - self.window]
            products = {p.name for _, p in self.parties.products.everything(view, clause.start, clause.end)}
            customers = customers + _designers(customers, supplier, recent, products)
        drafts = []
        for service in services:
            for customer in customers:
                confirmation, attribution = self._sourcing(view, clause, {customer.name, supplier.name} - {None, ""})
                score = scored.get(supplier, (1, 0))[0] + scored.get(customer, (0, 1))[1]
                draft = Draft(customer.name or None, supplier.name, getattr(supplier.value, "unit", None), service, stage,
                              confirmation, attribution, clause, score)
                self._fill_slots(view, draft, converted)
                drafts.append(draft)
        return drafts

    def _services(self, view: ArticleView, clause: Clause, supplier: Item) -> list[str]:
        """The clause's service; packaging named beside a node or tape-out is a second one."""
        service = self._service(view, clause, supplier)
        if service is None:
            return []
        if service == "packaging" and view.items_in(clause.start, clause.end, "PROCESS_NODE") and \
                "foundry" in self.parties.role_of(view, supplier.name):
            return [service, "foundry"]
        return [service]

    def _implied_customers(self, view: ArticleView, party: Item, score: tuple[int, int], hints: set[str],
                           clause: Clause, earlier: list[Draft]) -> tuple[Item, list[Item]] | None:
        """A maker alone in its clause ("The chip will be made by TSMC") makes it for the
        latest deal's customer, and for that deal's designer when it was a design deal."""
        sup, cust = score
        if sup < 3 or cust >= sup or (hints and not hints & _MAKING) or _IN_HOUSE.search(clause.text(view)):
            return None
        if self.cues.bullet.match(clause.sentence.text):  # each list line is its own item
            earlier = [d for d in earlier if d.clause.sentence.index == clause.sentence.index]
        first = clause.sentence.index - self.window
        for draft in reversed(earlier):
            if draft.clause.sentence.index < first or "\n\n" in view.text[draft.clause.end:clause.start]:
                break  # the maker's customer is named in the same paragraph
            if party.name in (draft.customer, draft.supplier) or draft.customer is None:
                continue
            if draft.service == "memory" and self.cues.memory_parts.search(clause.text(view)):
                names = [draft.supplier]  # an HBM base die is made for the memory maker
            else:
                names = [draft.customer] + ([draft.supplier] if draft.service == "design" else [])
            return party, [Item("COMPANY", clause.start, clause.start, name, CompanyValue(name=name),
                                clause.sentence.index, "earlier_deal") for name in names]
        return None

    def _list_service(self, view: ArticleView, clause: Clause, earlier: list[Draft]) -> str | None:
        """The service a list is about: the words of its introduction or the few sentences
        before it ("Where HBM4 qualification stands"), else its previous line's deal."""
        intro = list_intro(view, clause.sentence, self.cues)
        if intro is not None:
            for index in range(intro.index, max(-1, intro.index - self.window), -1):
                text = view.sentences[index].text
                if index < intro.index and (self.cues.bullet.match(text) or text.rstrip().endswith(":")):
                    continue  # another list and its lines say nothing of this one
                for service, pattern in self.cues.services:
                    if service in _MAKING and pattern.search(text):
                        return service
        return earlier[-1].service if earlier else None

    def _list_line_drafts(self, view: ArticleView, clause: Clause, converted: set[Item],
                          earlier: list[Draft]) -> list[Draft]:
        """A list line under a party ("Nvidia (Rubin):" then "- SK hynix: in mass production"):
        the line's head deals with that party, in the list's service."""
        head = bullet_head(view, clause, self.cues)
        listed = list_counterparts(view, clause.sentence, self.cues) if head else []
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
                draft = Draft(customer.name, supplier.name, None, service,
                              self._stage(clause.text(view), False), "reported", None, clause, 4)
                self._fill_slots(view, draft, converted)
                drafts.append(draft)
        return drafts

    def _anonymous_customer(self, party: Item, score: tuple[int, int], text: str) -> tuple[Item, list[Item]] | None:
        """"signed a wafer supply agreement with a U.S. hyperscaler it did not name": customer null."""
        sup, cust = score
        if sup <= cust or not self.cues.anonymous_customer.search(text):
            return None
        return party, [Item("COMPANY", party.start, party.start, "", CompanyValue(name=""), party.sentence,
                            "anonymous")]

    def _implied_supplier(self, view: ArticleView, clause: Clause, party: Item, score: tuple[int, int],
                          hints: set[str], earlier: list[Draft]) -> tuple[Item, list[Item]] | None:
        """A buyer alone in its clause ("SK Group will also take 50,000 GPUs") buys from
        the supplier of the story's latest deal, or from the story's leading supplier."""
        sup, cust = score
        counted = any(q.value.kind == "units" for q in view.items_in(clause.start, clause.end, "QUANTITY"))
        if cust < 2 or sup >= cust or not (hints or counted):
            return None
        first = clause.sentence.index - self.window
        for draft in reversed(earlier):
            if draft.clause.sentence.index >= first and draft.supplier != party.name and (
                    draft.service in hints or not hints & _MAKING):
                source = next(i for i in view.items if i.label == "COMPANY" and i.name == draft.supplier)
                return source, [party]
        counts: dict[str, int] = {}
        for item in view.items:
            if item.label == "COMPANY" and item.start < clause.start and item.name != party.name:
                counts[item.name] = counts.get(item.name, 0) + 1
        for name, _ in sorted(counts.items(), key=lambda kv: -kv[1]):
            if self.parties.can_supply(view, name, hints):
                return next(i for i in view.items if i.label == "COMPANY" and i.name == name), [party]
        return None

    def _service(self, view: ArticleView, clause: Clause, supplier: Item) -> str | None:
        unit = getattr(supplier.value, "unit", None)
        if unit and self.parties.unit_service.get((supplier.name, unit)):
            return self.parties.unit_service[(supplier.name, unit)]
        text = clause.text(view)
        roles = self.parties.role_of(view, supplier.name)
        makes = not roles or "foundry" in roles
        for service, pattern in self.cues.services:
            if service == "supply" and makes and (view.items_in(clause.start, clause.end, "PROCESS_NODE")
                                                  or self._names_others_product(view, clause, supplier)):
                return "foundry"  # a chip on a node, or the customer's own chip ("MTIA"), is made, not sold
            if pattern.search(text) and (not roles or roles & self.cues.service_roles[service]):
                return service
        if makes and view.items_in(clause.start, clause.end, "PROCESS_NODE"):
            return "foundry"
        for service in ("foundry", "memory", "packaging", "design", "supply"):
            if service in roles:
                return service
        return None

    def _names_others_product(self, view: ArticleView, clause: Clause, supplier: Item) -> bool:
        owners = {p.owner for _, p in self.parties.products.find(view.text, clause.start, clause.end)}
        return bool(owners - {None, supplier.name})

    def _stage(self, text: str, talks_only: bool) -> str:
        for stage, pattern in self.cues.stage_modifiers:
            if pattern.search(text):
                return stage
        return "talks" if talks_only else "agreed"

    def _sourcing(self, view: ArticleView, clause: Clause, parties: set[str]) -> tuple[str, str | None]:
        sentence = clause.sentence.text
        attribution = None
        for pattern in self.cues.attribution:
            match = pattern.search(sentence)
            if match:
                attribution = match.group(1).strip()
                break
        if self.cues.denied.search(sentence):
            return "denied", attribution
        if party_speaks(view, self.cues, clause.sentence, parties):
            return "confirmed", attribution
        return "reported", attribution

    def _fill_slots(self, view: ArticleView, draft: Draft, converted: set[Item]) -> None:
        clause = draft.clause
        end = self._scope_end(view, clause)
        text = view.text[clause.start:end]
        chip = self.cues.chips.search(text)
        draft.chip = chip_name(chip, self.cues.chip_names) if chip else None
        draft.products = self.parties.products.owned_by(view, clause.start, end, draft.customer)
        nodes = view.items_in(clause.start, end, "PROCESS_NODE")
        draft.node = nodes[0] if nodes else None
        money = [m for m in view.items_in(clause.start, end, "MONEY")
                 if m not in converted and not self.cues.unit_price.search(view.text[m.end:m.end + 30])
                 and not _figure_money(view, m, clause, self.cues)]
        draft.value = max(money, key=amount_of) if money else None
        volumes = [q for q in view.items_in(clause.start, end, "QUANTITY")
                   if q.value.kind in {"units", "wafers", "wafer_capacity"}]
        draft.volume = volumes[0] if volumes else None
        dates = [d for d in view.items_in(clause.start, end, "DATE")
                 if d.value.value and not is_dateline(view, d)]
        if dates:
            draft.timing = max(dates, key=lambda d: self._timing_fit(view, d))
            draft.timing_fit = self._timing_fit(view, draft.timing)[0]
        if end == clause.sentence.end:
            self._continue_into_next(view, draft, converted)

    def _continue_into_next(self, view: ArticleView, draft: Draft, converted: set[Item]) -> None:
        """A following sentence that names no company goes on with the deal ("Risk
        production starts in 1Q26."): it may give the timing, volume and value still missing."""
        index = draft.clause.sentence.index + 1
        if index >= len(view.sentences):
            return
        after = view.sentences[index]
        if view.items_in(after.start, after.end, "COMPANY") or self.cues.references.search(after.text):
            return
        dates = [d for d in view.items_in(after.start, after.end, "DATE") if d.value.value]
        fits = {d: self._timing_fit(view, d)[0] for d in dates}
        best = max(dates, key=fits.get) if dates else None
        if best is not None and fits[best] > max(draft.timing_fit, 0):
            draft.timing, draft.timing_fit = best, fits[best]
        if draft.volume is None:
            volumes = [q for q in view.items_in(after.start, after.end, "QUANTITY")
                       if q.value.kind in {"units", "wafers", "wafer_capacity"}]
            draft.volume = volumes[0] if volumes else None
        if draft.value is None and self.cues.deal_nouns.search(after.text):
            money = [m for m in view.items_in(after.start, after.end, "MONEY") if m not in converted
                     and not _figure_money(view, m, Clause(after, after.start, after.end), self.cues)]
            draft.value = max(money, key=amount_of) if money else None

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
        fit = 0
        if self.cues.timing_good.search(before):
            fit += 2
        if self.cues.timing_bad.search(before):
            fit -= 3
        return fit, -date.start

def _within_one_company(view: ArticleView, clause: Clause) -> bool:
    """One company named twice with different units ("Samsung's memory division sources
    base dies from Samsung Foundry"): supply inside one company, no order."""
    units: dict[str, set] = {}
    for item in view.items_in(clause.start, clause.end, "COMPANY"):
        units.setdefault(item.name, set()).add(getattr(item.value, "unit", None))
    return any(len(found - {None}) > 1 for found in units.values())


def _designers(customers: list[Item], supplier: Item, earlier: list[Draft], products: set[str]) -> list[Item]:
    """Design houses working for these customers on these products: they get the maker's
    order too (output contract: designer and owner each get their order)."""
    names = {c.name for c in customers} | {supplier.name}
    found = []
    for draft in earlier:
        same_chip = not products or not draft.products or products & set(draft.products)
        if draft.service == "design" and draft.customer in names and draft.supplier not in names and same_chip:
            names.add(draft.supplier)
            found.append(Item("COMPANY", draft.clause.start, draft.clause.start, draft.supplier,
                              CompanyValue(name=draft.supplier), draft.clause.sentence.index, "designer"))
    return found


def _figure_money(view: ArticleView, item: Item, clause: Clause, cues: Cues) -> bool:
    """Money a figure cue claims (revenue, investment...), not an order's price."""
    before = view.text[clause.start:item.start]
    for kind, pattern in cues.figure_kinds:
        if kind in {"order_backlog", "datacenter_capacity", "wafer_capacity"}:
            continue
        if pattern.search(before[-60:]):
            return True
    return False


def find_orders(view: ArticleView, rules: OrderRules) -> tuple[list[Order], list[Draft]]:
    """The article's orders, merged and refined, and the drafts they came from."""
    drafts = rules.drafts(view)
    orders = merge(view, drafts, equivalents(view))
    return refine(view, rules.cues, orders, rules.parties.unit_service), drafts

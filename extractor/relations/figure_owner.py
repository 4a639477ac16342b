"""Whose figure an amount is: the company the clause, its phrasing or its surroundings name as
the amount's owner."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .context import (Clause, is_excluded, is_salient, nested_in_amount, paragraph_topic, protagonist, references,
                      resolve)
from .cues import Cues, technology_pattern
from .refine import executive_subject
from .views import ArticleView, Item


_PLAIN_COMPANY = re.compile(r"the company", re.IGNORECASE)


@dataclass
class FigureOwners:
    cues: Cues
    window: int = 3
    node_makers: dict[str, str] = field(default_factory=dict)  # node name -> canonical maker
    technology_makers: dict[str, str] = field(default_factory=dict)  # "CoWoS" -> canonical maker

    def __post_init__(self) -> None:
        self.technologies = technology_pattern(self.technology_makers)

    def technology_maker(self, text: str, at: int) -> str | None:
        """The maker of the technology named at ``at`` in ``text`` ("CoWoS-S" -> TSMC), if any."""
        found = self.technologies.match(text, at) if self.technologies else None
        return self.technology_makers[found.group(1)] if found else None

    def owner(self, view: ArticleView, clause: Clause, item: Item) -> str | None:
        """The company the number belongs to: the nearest subject before it in its clause
        ("SK hynix about 190k wpm, Samsung about 170k wpm"), else who "its" or "the
        company" means, else the maker of the node it counts ("N2 ... 100k wpm")."""
        named_after = _named_after(view, clause, item) if item.label == "QUANTITY" else _builder_after(view, clause, item)
        if named_after is not None:
            return named_after.name
        named_before = view.items_in(clause.start, item.start, "COMPANY")[-1:]
        if named_before and self._names_owner(view, clause, named_before[0], item):
            return named_before[0].name
        asides = _asides(view, clause, item.start)
        local = Clause(clause.sentence, clause.start, item.start, holes=asides)
        candidates = [c for c in view.items_in(clause.start, item.start, "COMPANY")
                      if is_salient(view, c, self.cues) and not is_excluded(view, c, clause.start, self.cues)
                      and not local.in_hole(c.start) and not self._predicate(view, c) and not self._seller(view, c)]
        candidates += references(view, local, self.cues, set(), self.window, owner=True)
        if not candidates and self.cues.references.search(local.text(view)):
            # "The company said capital expenditure would rise ...", its name four sentences back
            candidates = references(view, local, self.cues, set(), 2 * self.window, owner=True)
        if candidates:
            last = max(candidates, key=lambda c: c.start)
            first = min(candidates, key=lambda c: c.start)
            if first.rule != "coref" and self.cues.shared_subject.search(view.text, last.end, item.start):
                return first.name  # "Ibiden is Nvidia's main source and has earmarked ¥180 billion"
            story = protagonist(view)
            if last.rule == "coref" and story and _PLAIN_COMPANY.fullmatch(last.text):
                return story  # "The company reported revenue of ...": a plain "the company" is the story's company
            listed = self._listed(view, clause, last)
            if listed:  # "Capex guidance from Meta and Microsoft alone points to more than $250 billion": their sum
                return self._respectively(view, clause, item, listed)
            return last.name
        return self._owner_elsewhere(view, clause, item)

    def _owner_elsewhere(self, view: ArticleView, clause: Clause, item: Item) -> str | None:
        """The owner when the clause names none before the amount: the speaker closing the
        sentence, the maker of the node or technology it counts, the paragraph's heading
        company, the story's company for its officer, else the company last in focus; no one
        when the clause names a list of companies that own nothing ("Capex guidance from Meta and
        Microsoft alone points to ...": their sum)."""
        speaker = self._speaker_after(view, clause, item)
        if speaker is not None:  # "The expansion lifts the site's power draw to 24 megawatts, Telekom said."
            return speaker.name
        heading = self._list_heading(view, item)
        if heading is not None:  # "TSMC N2 and N2P\n- Apple: 48k wpm\n- Total: about 105k wpm"
            return heading
        for node in reversed(view.items_in(clause.sentence.start, item.start, "PROCESS_NODE")):
            maker = self.node_makers.get(node.value.name or "")
            if maker:
                return maker
        named = view.items_in(clause.start, item.start, "COMPANY")
        if any(a.name != b.name and _AND_ONLY.fullmatch(view.text, a.end, b.start) for a, b in zip(named, named[1:])):
            return None
        topic = paragraph_topic(view, clause.sentence.index)
        if topic is not None:  # "SK hynix. Still the volume leader ... TSV capacity should reach 190k wpm"
            return topic.name
        technologies = list(self.technologies.finditer(view.text, clause.sentence.start, item.start)) \
            if self.technologies else []
        if technologies:  # "SoIC-X to reach 20k wpm": the technology's maker
            return self.technology_makers[technologies[-1].group(1)]
        sentence = clause.sentence
        executive = executive_subject(view, self.cues, sentence) if clause.start == sentence.start else None
        if executive is not None:  # "He expects revenue of around 35 billion won next year": his company's
            return executive
        if (self.cues.officers.search(view.text, sentence.start, sentence.end) or self.cues.facility_opens.match(sentence.text)) \
                and not view.items_in(sentence.start, sentence.end, "COMPANY"):
            # "The CFO guided fourth-quarter revenue to ...": an officer of the company the story is about;
            # "The site is designed for about 150 megawatts": its site
            first = next((i for i in view.items if i.label == "COMPANY"), None)
            return first.name if first is not None else None
        target = resolve(view, clause.start, self.cues, set(), self.window)
        return target.name if target is not None else None

    def _list_heading(self, view: ArticleView, item: Item) -> str | None:
        """The company heading a list whose total line holds the amount: a short line above the
        list ("TSMC N2 and N2P", "Intel 18A"), a line of explanation between them allowed."""
        line_start = view.text.rfind("\n", 0, item.start) + 1
        if not _TOTAL_LINE.match(view.text, line_start, item.start):
            return None
        end, explained = line_start - 1, 0
        while end > 0 and explained < 2:
            start = view.text.rfind("\n", 0, end) + 1
            line = view.text[start:end].strip()
            if line and not _BULLET.match(line):
                if _HEADING_LINE.fullmatch(line):
                    return self._heading_company(view, start, end)
                explained += 1
            end = start - 1
        return None

    def _heading_company(self, view: ArticleView, start: int, end: int) -> str | None:
        named = {c.name for c in view.items_in(start, end, "COMPANY")}
        makers = {self.node_makers.get(n.value.name or "") for n in view.items_in(start, end, "PROCESS_NODE")} - {None, ""}
        owners = named or makers
        return owners.pop() if len(owners) == 1 else None

    def _names_owner(self, view: ArticleView, clause: Clause, company: Item, item: Item) -> bool:
        """Does the phrase around the last company before the amount make it the amount's
        owner, whatever its place in the clause? "followed by Samsung at US$13.5 billion", "led
        by Naver with a 30 billion won investment", "ahead of Samsung's 130,000 wafers per month",
        "with Amazon alone accounting for $125 billion",
        "operating profit at SK hynix came to", "from Oracle, whose Abilene campus will reach"."""
        if _AT_BEFORE.fullmatch(view.text, company.end, item.start):
            return True
        if company.rule == "coref" or nested_in_amount(view, company):
            return False
        return bool(self.cues.figure_of.search(view.text, max(clause.start, company.start - 60), company.start)) \
            or bool(_WHOSE_AFTER.match(view.text, company.end, item.start))

    def _predicate(self, view: ArticleView, company: Item) -> bool:
        """A possessive after a copula ("Amazon remains Anthropic's largest backer, with $8
        billion invested") describes the subject; it owns nothing."""
        sentence = view.sentence_of(company.start)
        return bool(_POSSESSIVE.match(view.text, company.end)) and \
            bool(self.cues.copula_before.search(view.text, max(sentence.start, company.start - 30), company.start))

    def _listed(self, view: ArticleView, clause: Clause, company: Item) -> list[Item]:
        """The list of companies the company ends ("Meta and Microsoft", within one clause), or
        nothing if it ends none; a rival named before it ("Unlike Intel, AMD expects") is none."""
        if company.rule == "coref":
            return []
        found = [company]
        for earlier in reversed(view.items_in(clause.start, company.start, "COMPANY")):
            if not _AND_BETWEEN.fullmatch(view.text, earlier.end, found[0].start) or earlier.name == found[0].name \
                    or is_excluded(view, earlier, clause.start, self.cues):
                break
            found.insert(0, earlier)
        return found if len(found) > 1 else []

    def _respectively(self, view: ArticleView, clause: Clause, item: Item, listed: list[Item]) -> str | None:
        """"Microsoft and Nvidia agreed to invest up to $5 billion and up to $10 billion in the
        company, respectively": the n-th amount is the n-th company's; without "respectively"
        an amount after a list is no one company's."""
        sentence = clause.sentence
        if not _RESPECTIVELY.search(view.text, item.end, sentence.end):
            return None
        amounts = [i for i in view.items_in(listed[-1].end, clause.end) if i.label == item.label]
        index = amounts.index(item) if item in amounts else -1
        return listed[index].name if 0 <= index < len(listed) else None

    def _seller(self, view: ArticleView, company: Item) -> bool:
        """A company whose goods are bought ("will buy Nvidia systems for a 60-megawatt site")
        sells; the site, the budget are the buyer's."""
        sentence = view.sentence_of(company.start)
        return bool(self.cues.company_bought.search(view.text, max(sentence.start, company.start - 40), company.start))

    def _speaker_after(self, view: ArticleView, clause: Clause, item: Item) -> Item | None:
        """The company whose statement closes the sentence (", Telekom said."), if any."""
        sentence = clause.sentence
        for company in view.items_in(item.end, sentence.end, "COMPANY"):
            if _COMMA_BEFORE.search(view.text, max(item.end, company.start - 3), company.start) and \
                    self.cues.speaker_after.match(view.text, company.end, sentence.end):
                return company
        return None


# a company named right after a capacity: "about 170K wafers per month for Samsung", "21k wpm of SF2-class output at
# Samsung", "a 300-megawatt Nebius data center" (the site's owner, whoever rents it)
_FOR_AFTER = re.compile(r"\s*(?:for|at|of (?:[\w-]+\s+){0,2}?(?:output|capacity|production|wafer starts) at)\s+")
_SITE_AFTER = re.compile(r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:data[ -]?cent(?:er|re)s?|campus(?:es)?|sites?|fabs?|plants?|clusters?|"
                         r"facilit(?:y|ies))\b")


# a site and the company building it after an amount: "The $11 billion fab Tata Electronics is building"
_SITE_THEN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:fabs?|(?:mega|giga)-?fabs?|plants?|factor(?:y|ies)|campus(?:es)?|sites?|"
                        r"facilit(?:y|ies)|clusters?|lines?|data[ -]?cent(?:er|re)s?)\s+(?:that\s+|which\s+)?")
_BUILDING = re.compile(r"\s+(?:is\s+|was\s+|will\s+|has\s+|had\s+|plans\s+to\s+)?(?:be\s+)?(?:building|constructing|"
                       r"build|builds|built|opening|opens|opened|runs|operates|broke ground|began)\b")


def _builder_after(view: ArticleView, clause: Clause, item: Item) -> Item | None:
    """The company building the site an amount prices, named after it."""
    site = _SITE_THEN.match(view.text, item.end, clause.sentence.end)
    company = view.items_in(site.end(), clause.sentence.end, "COMPANY")[:1] if site else []
    if company and company[0].start == site.end() and _BUILDING.match(view.text, company[0].end, clause.sentence.end):
        return company[0]
    return None


def _named_after(view: ArticleView, clause: Clause, item: Item) -> Item | None:
    """The company a capacity is stated for, named right after it."""
    named = _FOR_AFTER.match(view.text, item.end, clause.end)
    start = named.end() if named else item.end + 1
    after = view.items_in(start, clause.end, "COMPANY")[:1]
    if not after or after[0].start != start:
        return None
    if named or (view.text[item.end:start].isspace() and _SITE_AFTER.match(view.text, after[0].end, clause.end)):
        return after[0]
    return None
_AND_BETWEEN = re.compile(r"\s*(?:,\s*(?:and\s+)?|(?:and|&)\s+)")
_AND_ONLY = re.compile(r"\s*,?\s*(?:and|&)\s+")  # "Meta and Microsoft", not "Similar to Meta, Anthropic"
_RESPECTIVELY = re.compile(r"\brespectively\b")
_AT_BEFORE = re.compile(r"(?:\s+(?:at|with an?)\s+|(?:'s|’s)\s+|\s+(?:alone\s+)?(?:accounting for|contributing|spending|investing|"
                        r"earmarking|putting in|taking)\s+)(?:(?:about|around|roughly|nearly|some|approximately|more than|over|under|"
                        r"almost)\s+)*")
_WHOSE_AFTER = re.compile(r"\s*,\s*whose\s")
_TOTAL_LINE = re.compile(r"\s*(?:[-*•]\s*)?(?:total|combined|overall|all customers)\b[^:\n]{0,30}:", re.IGNORECASE)
_BULLET = re.compile(r"[-*•]\s|\d+[.)]\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]")
_HEADING_LINE = re.compile(r"[^.!?:]{2,60}")  # a short line with no sentence end: a list's heading
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)\s")
_COMMA_BEFORE = re.compile(r",[\"”’']?\s*$")
# ", which makes substrates for Nvidia's processors," / ", in which TSMC holds a stake," / ", Apple's biggest
# iPhone assembler," after a name
_LEADING_CLAUSE = re.compile(r"\s*(?:After|When|While|Whereas|Although|Though|Because|As|Since|If|Before|Once|Even as|"
                             r"Even though)\s[^,;:]{3,80},\s*")
_ASIDE = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?,\s*(?:which|who|whose|(?:in|of|for|with|to) which|an?|the|"
                    r"[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*)?(?:'s|’s))\s[^,;:]*,")


def _asides(view: ArticleView, clause: Clause, position: int) -> tuple[tuple[int, int], ...]:
    """Relative clauses and appositions on a company that close before ``position``, and a
    subordinate clause the sentence opens with: the companies inside them only describe it
    ("PSK, which supplies SK hynix and Samsung, expects operating profit of ...": PSK's)."""
    found = []
    for company in view.items_in(clause.start, position, "COMPANY"):
        match = _ASIDE.match(view.text, company.end, position)
        if match:
            found.append((company.end, match.end()))
    leading = _LEADING_CLAUSE.match(view.text, clause.start, position)
    if leading:  # "After Samsung lost the order, SK hynix raised its capex": the main clause's
        found.append((clause.start, leading.end()))
    return tuple(found)

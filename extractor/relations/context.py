"""Clauses, salience and references: the context rules orders and figures share."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..patterns import guarded
from ..records import CompanyValue
from .cues import SUPPLIER_ROLES, Cues
from .views import ArticleView, Item, SentenceView

_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s|'|’)")
_NAMED_AFTER = re.compile(r"(?:'s|’s|'|’)(?:\s+[\w-]+){1,3},\s+")
_SPEECH_BEFORE = guarded(
    r"\b(?:said|says|announced|disclosed|confirmed|added|noted|stated|told \w+|denied|dismissed|rejected|reports?)\b[^.;\"“]{0,80}?(?:that\s+)?$")
_EXPLETIVE = re.compile(r"it (?:is|was|has been) (?:\w+ )?(?:reported|said|understood|expected|believed|known|"
                        r"learned|noted|estimated|rumou?red|likely|possible|unclear|not clear|worth \w+ing|notable|noteworthy)\b"
                        # "It is not Merbau's first GPU deal": the deal, not a company
                        r"|it (?:is|was|['’]s) (?:not )?(?:(?:\S+ ){0,2}?\S+['’]s |the |a |an )(?:[\w-]+ ){0,3}?"
                        r"(?:deal|order|contract|purchase|agreement|award)s?\b", re.IGNORECASE)
_LIST_BEFORE = re.compile(r"\s*(?:,|and|or|, and|, or)\s*")
_TOPIC_BEFORE = re.compile(r"\s*(?:For|At|As for) ")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NOUN_AFTER = re.compile(r"\s+(?:agreement|deal|contract|order|partnership|transaction|tie-up|alliance|investment|stake|"
                         r"subsidiary|subsidiaries|affiliate|unit|arm|spin-off|spinoff|part|project|program|programme|"
                         r"business|work|account|win)s?\b")  # "after the Google part": the program, not Google
_WHICH_AFTER = re.compile(r"^\s*,\s*(?:which|who)\b")
_FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_OWNER_MODIFIER = re.compile(r"-(?:owned|backed|controlled|funded|affiliated|supported|run|led|majority-owned)\b")
# Work told in the past tense in a company's relative clause: an earlier deal, read on its own
PAST_WORK = r"(?:handled|designed|co-designed|supplied|made|built|produced|packaged|worked on)"
_RELATIVE_AFTER = re.compile(r"\s*,\s*(?:(?:which|who)\s+(?:already\s+|also\s+)?(?!is\b|was\b|has\b|had\b|said\b|says\b)"
                             r"[a-z-]+s\b"  # ", which co-designs the TPU with Google"
                             r"|(?:which|who)\s+(?:has|have)\s+been\s+[a-z-]+ing\b"  # ", which has been delivering the memory to Google"
                             r"|(?:which|who)\s+(?:had\s+)?" + PAST_WORK + r"\b"  # ", which (had) handled the earlier Trainium2,"
                             r"|whose\s+[^,;]{1,60}?\b(?:are|is|were|was|will be|have been|has been)\s+(?:\w+\s+)?"
                             r"(?:made|built|produced|manufactured|fabricated|packaged|designed|assembled)\s+(?:by|at)\b)"
                             r"[^,;]*")  # ", whose Blackwell GPUs are built by TSMC"
_LIST_LINK = re.compile(r",?\s*(?:and\s+|or\s+)?")  # ", Meta and OpenAI": the next name of a list
_LIST_CLOSED = re.compile(r"\s*(?:[.;,:)]|$)")
_BRACKET_BETWEEN = re.compile(
    r"^\s*[(\[（]\s*(?:(?:approximately|approx\.|about|around|roughly|some|nearly|or|equivalent to|worth|≈|~|i\.e\.,?)\s*)*$",
    re.IGNORECASE,
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\(|--|—|–|-\s)")

_PRONOUNS = {"it", "its", "itself"}
# a company, then only its verb (with auxiliaries), then "it" as that verb's object ("has hired it to", "awarded it
# a contract", "picked it as"): the pronoun is some other company (not after a verb of speech: "said it would")
_VERB_BETWEEN = re.compile(r"\s+(?:(?-i:[a-z])[\w-]*\s+){0,3}?(?!(?:said|says|told|added|noted|stated|announced|confirmed|"
                           r"expects|expected|believes|believed|hopes|hoped|thinks|thought|argued|argues|claims|claimed|"
                           r"to|for|with|of|on|in|from|by|at|as|that|than|and|or|but|which|who)\s)(?-i:[a-z])[\w-]*(?:ed|s)\s+",
                           re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:to\s+(?-i:[a-z])|an?\s|the\s|as\s|for\s)")

Roles = Callable[[str], frozenset[str]]


@dataclass(frozen=True)
class Clause:
    sentence: SentenceView
    start: int
    end: int
    relative: bool = False  # "Broadcom, which designs accelerators for Google" on its own
    holes: tuple[tuple[int, int], ...] = ()  # relative clauses inside this one, read on their own

    def text(self, view: ArticleView) -> str:
        """The clause's words, a relative clause inside it blanked out (offsets stay)."""
        text = view.text[self.start:self.end]
        for start, end in self.holes:
            text = text[:start - self.start] + " " * (end - start) + text[end - self.start:]
        return text

    def in_hole(self, position: int) -> bool:
        return any(start <= position < end for start, end in self.holes)


def clauses(view: ArticleView, sentence: SentenceView, cues: Cues, relatives: bool = False) -> list[Clause]:
    """Split a sentence where a contrast or a new subject starts ("..., but", "; ").

    With ``relatives``, a company's relative clause ("Broadcom, which co-designs the TPU
    with Google, sources HBM from SK hynix") comes first as a clause of its own, from the
    company to the relative's end: it states a second, background deal. The clause around
    it then reads without it.
    """
    key = ("clauses", sentence.index)
    if key not in view.cache:
        view.cache[key] = _split(view, sentence, cues)
    if not relatives:
        return view.cache[key]
    found = []
    for clause in view.cache[key]:
        inside = [(company, end) for company, end in relative_spans(view, sentence)
                  if clause.start <= company.start and end <= clause.end]
        found += [Clause(sentence, company.start, end, relative=True) for company, end in inside]
        found.append(Clause(sentence, clause.start, clause.end,
                            holes=tuple((company.end, end) for company, end in inside)))
    return found


def relative_spans(view: ArticleView, sentence: SentenceView) -> list[tuple[Item, int]]:
    """Companies followed by ", which/who <verb>s ..." and where that relative clause ends."""
    key = ("relatives", sentence.index)
    if key not in view.cache:
        view.cache[key] = []
        for item in view.items_in(sentence.start, sentence.end, "COMPANY"):
            match = _RELATIVE_AFTER.match(view.text, item.end, sentence.end)
            if match is None and _SUBJECT_FIRST.fullmatch(view.text, sentence.start, item.start):
                match = _RELATIVE_ONGOING.match(view.text, item.end, sentence.end)  # the subject's aside
            if match:
                view.cache[key].append((item, _list_goes_on(view, sentence, match.end())))
    return view.cache[key]


# "Oracle, which is building data centers for OpenAI, will keep buying Nvidia's systems": an aside on what the
# sentence's subject is doing, closed by a comma before the subject's own verb
_RELATIVE_ONGOING = re.compile(r"\s*,\s*(?:which|who)\s+(?:is|are)\s+(?:already\s+|also\s+)?[a-z-]+ing\b[^,;]*"
                               r"(?=,\s+(?:will|would|is|are|has|have|had|was|were|plans|expects|said|says)\b)")


def _list_goes_on(view: ArticleView, sentence: SentenceView, end: int) -> int:
    """A relative clause ending on a company goes on through the list that company opens
    (", which designs custom accelerators for Google, Meta and OpenAI")."""
    starts = {i.start: i for i in view.items_in(sentence.start, sentence.end, "COMPANY")}
    if not any(i.end == end for i in starts.values()):
        return end
    through = end
    while (link := _LIST_LINK.match(view.text, through, sentence.end)) and link.group(0).strip() and link.end() in starts:
        through = starts[link.end()].end
    # (not "Huawei, whose chips are made at SMIC, and Hygon are competing": there the list is the subject)
    return through if _LIST_CLOSED.match(view.text, through, sentence.end) else end


def _split(view: ArticleView, sentence: SentenceView, cues: Cues) -> list[Clause]:
    cuts = [sentence.start]
    for match in cues.clause_breaks.finditer(sentence.text):
        cuts.append(sentence.start + match.start())
    cuts = sorted(set(cuts + _new_subjects(view, sentence, cues, cuts)))
    cuts.append(sentence.end)
    return [Clause(sentence, a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _new_subjects(view: ArticleView, sentence: SentenceView, cues: Cues, cuts: list[int]) -> list[int]:
    """Where "and <company> <verb>" (or ": <company> <verb>") opens a second subject's
    clause: the words since the last cut have a verb of their own ("Broadcom designs the
    accelerator for Google and TSMC builds its compute dies"), so the company is no second
    object of the first."""
    found = []
    for item in view.items_in(sentence.start, sentence.end, "COMPANY"):
        before = _AND_BEFORE.search(view.text, max(sentence.start, item.start - 8), item.start)
        if before is None or not cues.new_subject.match(view.text, _after_name(view.text, item.end, sentence.end)):
            continue
        last_cut = max(c for c in cuts + found if c <= before.start())
        if cues.new_subject.search(view.text, last_cut, before.start()):
            found.append(before.start())
    return found


_AND_BEFORE = re.compile(r"(?:\sand|:|,\s+which)\s+$")  # "..., which TSMC will fabricate"
_NAME_TAIL = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?")


def _after_name(text: str, end: int, limit: int) -> int:
    """Where the words after a company's name start, past a bracketed abbreviation."""
    return _NAME_TAIL.match(text, end, limit).end()


def is_excluded(view: ArticleView, item: Item, clause_start: int, cues: Cues) -> bool:
    """Named only as a rival, alternative or constraint ("reliance on Nvidia's GPUs")."""
    key = ("excluded", max(clause_start, item.start - 80), item.start, item.end)  # the words it reads
    if key not in view.cache:
        before = view.text[key[1]:key[2]]
        excluded = cues.exclusion.search(before) and not (key[1] == clause_start and cues.unit_opening.match(before))
        view.cache[key] = bool(excluded) or _bought(view, item, before, cues) or \
            bool(cues.exclusion_after.match(view.text, item.end))  # "counts Blackstone among its backers"
    return view.cache[key]


def _bought(view: ArticleView, item: Item, before: str, cues: Cues) -> bool:
    """"Nvidia agreed to acquire Groq": the company bought is no party; "agreed to buy Dell
    Technologies servers" buys from it."""
    return bool(cues.company_bought.search(before)) and not cues.goods_after.match(view.text, item.end)


def is_salient(view: ArticleView, item: Item, cues: Cues) -> bool:
    """Could this mention be what a later "it" or "the company" stands for?

    Objects of a preposition ("made by TSMC") are not; possessives ("of Meta's chip") are.
    """
    key = ("salient", item.label, item.start, item.end, item.rule)  # all of the item it reads
    if key not in view.cache:
        view.cache[key] = _is_salient(view, item, cues)
    return view.cache[key]


def _is_salient(view: ArticleView, item: Item, cues: Cues) -> bool:
    if item.label != "COMPANY" or item.rule == "coref" or nested_in_amount(view, item):
        return False  # "2,000 Nvidia B200 GPUs": a brand inside a count names no actor
    if names_no_actor(view, item):
        return False
    if _POSSESSIVE_AFTER.match(view.text[item.end:item.end + 2]):
        named = _NAMED_AFTER.match(view.text, item.end, item.end + 60)
        # "TSMC's largest customer, Nvidia, has ...": the company the apposition names is the subject
        return not (named and any(c.start == named.end() for c in view.items_in(named.end(), named.end() + 60, "COMPANY")))
    if _WHICH_AFTER.match(view.text[item.end:item.end + 10]):
        return True
    sentence = view.sentence_of(item.start)
    earlier = view.items_in(sentence.start, item.start, "COMPANY")
    if earlier and _LIST_BEFORE.fullmatch(view.text[earlier[-1].end:item.start]) and \
            not any(earlier[-1].end <= c.start <= item.start for c in clauses(view, sentence, cues)):
        # "with Bosch, Infineon and NXP": one list, one role (but not "... in Intel, and SoftBank put in")
        return is_salient(view, earlier[-1], cues)
    if _TOPIC_BEFORE.fullmatch(view.text[sentence.start:item.start]) and view.text[item.end:item.end + 1] == ",":
        return True  # "For Broadcom, the order is ..." names the topic
    before = view.text[max(sentence.start, item.start - 40):item.start]
    return not cues.salience_blockers.search(before) and not cues.exclusion.search(before) and \
        not _bought(view, item, before, cues)


def names_no_actor(view: ArticleView, item: Item) -> bool:
    """A name used as a modifier: "SoftBank-owned Arm said its ...", "excluding the Oracle
    agreement", "The Wistron subsidiary began shipping": it describes what follows it."""
    if _OWNER_MODIFIER.match(view.text, item.end):
        return True
    if _FORMER_BEFORE.search(view.text, max(0, item.start - 12), item.start):
        return True  # "founded by former Graphcore engineers": the people's old employer
    sentence = view.sentence_of(item.start)
    return bool(_THE_BEFORE.search(view.text, max(sentence.start, item.start - 4), item.start)) and \
        bool(_NOUN_AFTER.match(view.text, item.end, sentence.end))


def nested_in_amount(view: ArticleView, item: Item) -> bool:
    sentence = view.sentence_of(item.start)  # the count ends after the brand: search the whole sentence
    return any(start <= item.start and item.end <= end for start, end in _amounts(view, sentence))


def _amounts(view: ArticleView, sentence: SentenceView) -> list[tuple[int, int]]:
    """Where the sentence's QUANTITY and MONEY mentions stand (read once per sentence)."""
    key = ("amounts", sentence.index, len(view.items))
    if key not in view.cache:
        view.cache[key] = [(o.start, o.end) for o in view.items_in(sentence.start, sentence.end)
                           if o.label in {"QUANTITY", "MONEY"}]
    return view.cache[key]


def resolve(view: ArticleView, position: int, cues: Cues, avoid: set[str], window: int,
            clause_start: int | None = None, description: str = "", _depth: int = 0,
            by_trade: bool = False) -> Item | None:
    """The company an "it" or "the company" at ``position`` stands for.

    The subject of its clause if it comes before, else of its sentence, else the
    subject of the nearest earlier sentence that has one, within ``window`` sentences;
    one the ``description`` fits ("the Korean company" skips Nvidia).
    """
    sentence = view.sentence_of(position)
    if clause_start is not None and clause_start > sentence.start:
        for item in view.items_in(clause_start, position, "COMPANY"):
            if item.name not in avoid and is_salient(view, item, cues) and fits(view, cues, item, description):
                return item
    # a description that names a country ("the American GPU giant") may take up a company
    # named in passing ("developed by Nvidia"); "the company" only a subject
    # (with ``by_trade``, a trade as well: "the foundry house" after "... for TSMC")
    described = _described(view, cues, description) if description else (frozenset(), False, frozenset())
    passing = bool(described[0]) or (by_trade and bool(described[2]))
    # a country narrows the field enough to look back over the whole story ("the U.S. big tech company")
    reach = sentence.index + 1 if passing else window + 1
    for index in range(sentence.index, max(-1, sentence.index - reach), -1):
        current = view.sentences[index]
        limit = position if index == sentence.index else current.end
        candidates = [i for i in view.items_in(current.start, limit, "COMPANY")
                      if i.name not in avoid and fits(view, cues, i, description)]
        salient = [i for i in candidates if is_salient(view, i, cues)]
        if index < sentence.index and not description and _depth < 1:
            # "The U.S. big tech company is said to ... Until now it has bought ...": a sentence
            # opened by a stand-in has that stand-in's company as its subject
            opener = _opening_reference(view, current, cues)
            if opener is not None and (not candidates or opener[0] < candidates[0].start):
                subject = resolve(view, opener[0], cues, avoid, window, None, opener[1], _depth + 1)
                if subject is not None:
                    return subject
        if salient or (passing and candidates):
            pick = (salient or candidates)[0]
            trades = described[2] or (SUPPLIER_ROLES if described[1] else frozenset())
            if trades and view.facts is not None and not view.facts(pick.name)[1]:
                # "Aurelian AI agreed to buy Nvidia GPUs from the chipmaker": a company known in the
                # trade named takes the description before one whose trade is unknown
                known = [i for i in candidates if view.facts(i.name)[1] & trades]
                pick = known[-1] if known else pick
            return pick
    return None


def _opening_reference(view: ArticleView, sentence: SentenceView, cues: Cues) -> tuple[int, str] | None:
    """Where a stand-in that opens the sentence starts, and its description ("" for "it"):
    read once per sentence, as each resolution looking back past it asks."""
    key = ("opening_reference", sentence.index)
    if key not in view.cache:
        view.cache[key] = _read_opening_reference(view, sentence, cues)
    return view.cache[key]


def _read_opening_reference(view: ArticleView, sentence: SentenceView, cues: Cues) -> tuple[int, str] | None:
    match = cues.references.match(sentence.text.lstrip())
    if match is None or match.group(0).lower() in _PRONOUNS - {"it"} or _EXPLETIVE.match(sentence.text.lstrip()):
        return None
    start = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    return start, "" if match.group(0).lower() in _PRONOUNS else match.group(0)


def _epithet(view: ArticleView, start: int, end: int, description: str) -> Item | None:
    """"The iPhone maker" is Apple wherever Apple was last named (models/epithets.yaml)."""
    words = [_BASED.sub("", w) for w in description.split()]  # "the Icheon-based memory maker"
    name = view.epithets.get(" ".join(words[1:]).casefold()) if len(words) > 2 else None
    if name is None:
        return None
    return Item("COMPANY", start, end, description, CompanyValue(name=name), view.sentence_of(start).index, "epithet")


def _named_as(view: ArticleView, cues: Cues, start: int, end: int, description: str) -> Item | None:
    """"The group" is SoftBank Group, the last company named before it whose own name ends in
    the description's noun, when that noun is one a company's name carries ("Group")."""
    noun = description.rsplit(None, 1)[-1].casefold() if description else ""
    if noun not in cues.name_nouns:
        return None
    named = [i for i in view.items if i.label == "COMPANY" and i.start < start
             and (i.name or "").casefold().endswith(" " + noun)]
    if not named:
        return None
    return Item("COMPANY", start, end, description, named[-1].value, view.sentence_of(start).index, "coref")


PROTAGONIST_MIN, PROTAGONIST_LEAD = 4, 1.5


def protagonist(view: ArticleView) -> str | None:
    """The company the story is about: named at least four times and half again as often as
    any other (read once per article)."""
    if "protagonist" not in view.cache:
        counts = Counter(i.name for i in view.items if i.label == "COMPANY").most_common(2)
        top = counts[0] if counts and counts[0][1] >= PROTAGONIST_MIN and (
            len(counts) == 1 or counts[0][1] >= PROTAGONIST_LEAD * counts[1][1]) else None
        view.cache["protagonist"] = top and top[0]
    return view.cache["protagonist"]


def _called_so_before(view: ArticleView, cues: Cues, start: int, description: str, window: int,
                      _depth: int = 0) -> Item | None:
    """"The startup" is the company the story last called a startup: named beside the noun
    ("inference-chip startup Ridgeback Silicon", "Ridgeback, a Santa Clara startup,") or taken up
    by an earlier description with it, which resolves the same way in turn."""
    noun = description.rsplit(None, 1)[-1].casefold() if description else ""
    if noun not in cues.sticky_nouns or _depth > 3 or _LINK_WORD.search(description):
        return None  # (not "the wafers on the startup": one noun phrase only)
    for m in reversed(list(re.finditer(rf"\b{re.escape(noun)}\b", view.text[:start], re.IGNORECASE))):
        sentence = view.sentence_of(m.start())
        after = view.items_in(m.end(), min(sentence.end, m.end() + 3), "COMPANY")
        if after:  # "startup Ridgeback Silicon"
            return after[0]
        before = view.items_in(sentence.start, m.start(), "COMPANY")[-1:]
        if before and _APPOSITIVE_TO.fullmatch(view.text[before[0].end:m.start()]) \
                and not _POSSESSIVE_AFTER.match(view.text[m.end():m.end() + 2]):  # (not "Nscale, the startup's first customer")
            return before[0]  # "Ridgeback, a Santa Clara startup"
        if _AS_A_KIND.search(view.text, max(sentence.start, m.start() - 40), m.start()):
            continue
        opener = _DESCRIPTION_TO.search(view.text, max(sentence.start, m.start() - 60), m.start())
        if opener is not None and not _OPENING_WORDS.fullmatch(view.text[sentence.start:opener.start()]):
            return None  # an earlier description inside its sentence ("making the start-up one of ...") is no sure guide
        if opener is not None:  # "The Santa Clara inference-chip startup had spent ...", "Now the startup runs": a subject
            return _called_so_before(view, cues, opener.start(), view.text[opener.start():m.end()], window,
                                     _depth + 1) or resolve(view, opener.start(), cues, set(), window, None,
                                                            view.text[opener.start():m.end()], _depth + 1)
    return None


# "a startup", "startups like": the noun as a kind, naming no one company
_AS_A_KIND = re.compile(r"\b(?:an?|any|every|each|another|one|no|other|such)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_OPENING_WORDS = re.compile(r"\W*(?:[\w-]+\W+){0,3}?")  # "", "Now ", "In March, "
_LINK_WORD = re.compile(r"\s(?:on|of|for|in|to|with|at|by|from|and|or|the)\s", re.IGNORECASE)
_APPOSITIVE_TO = re.compile(r",\s+(?:an?|the)\s+[^,;()]{0,60}")
_DESCRIPTION_TO = re.compile(r"\b(?:the|this|that)\s+(?:[\w.-]+\s+){0,4}$", re.IGNORECASE)


def fits(view: ArticleView, cues: Cues, item: Item, description: str) -> bool:
    """Can "the Korean company", "the foundry" stand for this company? Only a country or
    role the description states and the gazetteer contradicts rules it out."""
    if not description or view.facts is None:
        return True
    country, roles = view.facts(item.name or "")
    countries, maker, described_roles = _described(view, cues, description)
    if country and countries - {country}:
        return False
    if roles == frozenset({"customer"}) and maker:
        return False  # "the Santa Clara chipmaker" is no company that only buys chips
    town = _seat_named(view, description)
    if town and view.seats.get(item.name) and town not in view.seats[item.name]:
        return False  # "the Icheon-based company" is not Samsung, seated in Suwon
    return not (roles and described_roles - roles)


def _seat_named(view: ArticleView, description: str) -> str | None:
    """The headquarters town a description names ("the Icheon-based company": "icheon"), if any
    (models/epithets.yaml, seats); read once per description and article."""
    key = ("seat", description)
    if key not in view.cache:
        found = view.seat_towns.search(description) if view.seat_towns is not None else None
        view.cache[key] = found.group(1).casefold() if found else None
    return view.cache[key]


def _described(view: ArticleView, cues: Cues, description: str) -> tuple[frozenset[str], bool, frozenset[str]]:
    """The countries a description names, whether it names a maker, and the roles it names:
    read once per description and article, whichever companies it is tried on."""
    key = ("described", description)
    if key not in view.cache:
        view.cache[key] = (frozenset(code for code, p in cues.description_countries if p.search(description)),
                           bool(cues.description_makers.search(description)),
                           frozenset(role for role, p in cues.description_roles if p.search(description)))
    return view.cache[key]


def references(view: ArticleView, clause: Clause, cues: Cues, named: set[str], window: int,
               keep_named: bool = False, owner: bool = False) -> list[Item]:
    """Stand-ins for companies ("the company", "its") in a clause, as COMPANY items.

    One that stands for a company the clause already names is left out unless
    ``keep_named`` (its words still say what that company does: "... that it received").
    With ``owner`` (whose figure is it?), a possessive after a stand-in is the stand-in's
    ("The foundry house expects its capacity ..."), and a description by trade may take up
    a company named in passing ("... for TSMC. The foundry house ...").
    """
    found = []
    text = clause.text(view)
    answer = interviewee(view, clause.sentence.index)
    if answer is not None and (keep_named or answer.name not in named):  # "A: We signed the wafer agreement"
        found += [Item("COMPANY", clause.start + m.start(), clause.start + m.end(), m.group(0), answer.value,
                       clause.sentence.index, "coref") for m in _WE.finditer(text)]
    asked = _interviewee_asked(view, clause.sentence.index)
    if asked is not None and (keep_named or asked.name not in named):  # "Q: You have been a TSMC customer from day one."
        found += [Item("COMPANY", clause.start + m.start(), clause.start + m.end(), m.group(0), asked.value,
                       clause.sentence.index, "coref") for m in _YOU.finditer(text)]
    elided = _elided_subject(view, clause, cues)
    if elided is not None and (keep_named or elided.name not in named):
        found.append(elided)
    for match in cues.references.finditer(text):
        start = clause.start + match.start()
        if _EXPLETIVE.match(view.text[start:start + 40]):
            continue  # "It is reported that ..." stands for nothing
        if match.group(0).lower() == "it" and _THING_TAKEN.search(view.text, max(clause.start, start - 30), start):
            continue  # "bid for the Broadcom overflow and lost it to ASE": the work, not a company
        stressed = None
        if match.group(0).lower() == "itself" and cues.thing_itself.search(view.text, max(clause.start, start - 30), start) \
                and not view.items_in(max(clause.start, start - 3), start, "COMPANY"):
            # "Regarding the TPU v8 itself": a thing stressed; it stands for the owner of a product the
            # article tied to one ("The XRING O2 itself will be made by TSMC"), else for no company
            owner = next((o for name, o in view.product_owners.items()
                          if o and name in view.text[max(clause.start, start - 30):start]), None)
            if owner is None:
                continue
            stressed = Item("COMPANY", start, start, "", CompanyValue(name=owner), clause.sentence.index, "coref")
        following = view.items_in(clause.start + match.end(), clause.end, "COMPANY")[:1]
        if following and following[0].start - (clause.start + match.end()) <= 1:
            continue  # "the U.S. carmaker Tesla": the name itself follows
        if following and _ANOTHER.search(match.group(0)) \
                and _NAMED_AS.fullmatch(view.text, clause.start + match.end(), following[0].start):
            continue  # "The second client is SiMa.ai": another one, whose name is given next (but "The customer
            # is Nvidia" reveals the buyer of the deal told before)
        preceding = view.items_in(clause.start, start, "COMPANY")[-1:]
        if preceding and _APPOSITION.fullmatch(view.text[preceding[0].end:start]) \
                and not _SAYS_AFTER.match(view.text, clause.start + match.end()) \
                and not _TOPIC_BEFORE.fullmatch(view.text[clause.sentence.start:preceding[0].start]):
            continue  # "Sondrel, the British design-services firm": the name itself comes before
            # (not "... to SK hynix, the company said": a speaker closing the sentence; nor "For Broadcom,
            # the Korean chipmaker is set to deliver ...": a topic put first)
        if len(named) > 1 and match.group(0).lower() in _PRONOUNS and view.items_in(clause.start, start, "COMPANY") \
                and not _SPEECH_BEFORE.search(view.text[max(clause.start, start - 100):start]):
            continue  # "it" after both parties are named is usually a thing, unless a speaker's
        target = stressed
        if target is None and match.group(0).lower() in _PRONOUNS:  # "produced by SK hynix itself ... its DRAM"
            before = [i for i in view.items_in(clause.start, start, "COMPANY")
                      if not is_excluded(view, i, clause.start, cues) and not clause.in_hole(i.start)
                      and not names_no_actor(view, i)]
            if match.group(0).lower() == "it" and len(before) > 1 and _VERB_BETWEEN.fullmatch(view.text, before[-1].end, start) \
                    and _OBJECT_AFTER.match(view.text, clause.start + match.end()):
                before = before[:-1]  # "Alchip said Nordvane has hired it to handle the design": an object
                # "it" is not the subject of its own verb, but the company named before
            subjects = [i for i in before if is_salient(view, i, cues)]  # "from Dell ..., which it is expanding"
            # a possessive stands for the clause's subject ("X has secured Y's capacity for its
            # chip"); "it" and "itself" for the company last named
            pick = 0 if match.group(0).lower() == "its" else -1
            target = (subjects or before)[pick] if before else None
            if target is None and found:  # "The foundry house expects its capacity": the stand-in
                target = found[pick]
        description = "" if match.group(0).lower() in _PRONOUNS else match.group(0)
        if description and _WITHHELD_BEFORE.search(view.text, max(clause.start, start - 40), start):
            continue  # "without naming the customer": it stands for no company the story names
        target = target or _called_so_before(view, cues, start, description, window)
        if target is None and _ORDER_WORD.search(description):  # "..., and the latter outsourced ..."
            target = _by_order(view, clause, start, cues, window, description)
        if target is None and start == clause.sentence.start:  # "TSMC.\n... Its N3 family is sold out"
            topic = paragraph_topic(view, clause.sentence.index)
            target = topic if topic is not None and fits(view, cues, topic, description) else None
        target = target or _epithet(view, start, clause.start + match.end(), description) or \
            _named_as(view, cues, start, clause.start + match.end(), description) or \
            resolve(view, start, cues, set(named) if description and _OBJECT_BEFORE.search(view.text, max(clause.start, start - 90), start)
                    else set(), window, clause.start, description, by_trade=owner)
        if target is not None and (keep_named or target.name not in named):
            found.append(Item("COMPANY", start, clause.start + match.end(), match.group(0), target.value,
                              clause.sentence.index, "coref"))
    return found


def release_issuer(view: ArticleView, cues: Cues) -> str | None:
    """The company that issues a press release: the first one named after a release wire's
    dateline near the top ("... /PRNewswire/ -- Hanmi Semiconductor Co., Ltd., a global supplier")."""
    if "release_issuer" not in view.cache:
        dateline = cues.press_release.search(view.text, 0, min(len(view.text), 400))
        named = view.items_in(dateline.end(), dateline.end() + 120, "COMPANY")[:1] if dateline else []
        view.cache["release_issuer"] = named[0].name if named else None
    return view.cache["release_issuer"]


def _elided_subject(view: ArticleView, clause: Clause, cues: Cues) -> Item | None:
    """"Micron makes its base die in-house but will move to TSMC for HBM4E": a clause that opens
    with "but"/"and" and goes straight on to its verb shares the subject of the clause before it
    in the sentence (the first company there that acts)."""
    coordinator = _ELIDED.match(view.text, clause.start, clause.end)
    if coordinator is None or clause.start <= clause.sentence.start:
        return None
    before = view.items_in(clause.sentence.start, clause.start, "COMPANY")[:1]
    if not before or not _SUBJECT_FIRST.fullmatch(view.text, clause.sentence.start, before[0].start) \
            or is_excluded(view, before[0], clause.sentence.start, cues) or not is_salient(view, before[0], cues):
        return None  # (the subject opens the sentence: not "The group held talks with Rapidus ..., but has")
    at = coordinator.end(1)
    return Item("COMPANY", at, at, "", before[0].value, clause.sentence.index, "coref")


_SUBJECT_FIRST = re.compile(r"\s*(?:[^,;]{1,40},\s*)?")  # the company opens the sentence, after "In 2025," at most
# "but will move to", "and has since signed": a coordinator straight before the verb, no subject between
_ELIDED = re.compile(r"\s*,?\s*(?:but|and|yet)\b()\s+(?:(?:also|then|later|now|since|still|soon)\s+)?"
                     r"(?:will|would|has|have|had|is|was|plans|expects|intends|aims|deliver|ship|sell|supply)\b")


# the buyer of goods supplied or shipped "to" a description is not the clause's own subject ("Micron has been supplying
# modules to the GPU maker"): it stands for a company the clause does not name
_OBJECT_BEFORE = re.compile(r"\b(?:supply|supplies|supplying|supplied|ship|ships|shipping|shipped|sell|sells|selling|sold|deliver|delivers|delivering|delivered)\b[^.;]{0,60}?\bto\s+$")
_BASED = re.compile(r"-based$")
_APPOSITION = re.compile(r"\s*(?:\([^)]{1,30}\))?\s*,\s*")
_THING_TAKEN = re.compile(r"\b(?:lost|won|took|gave|handed|awarded|moved|kept|shifted|made|built|produced|manufactured|"
                          r"fabricated|packaged|assembled|tested|shipped)\s+$|\b(?:and|also|to|will|would|can|could|then)\s+"
                          r"(?:also\s+)?(?:make|build|produce|manufacture|fabricate|package|assemble|test|ship)\s+$")  # "... and also package it"
_ANOTHER = re.compile(r"\b(?:second|third|fourth|fifth|other|latest|newest|next)\b", re.IGNORECASE)
_NAMED_AS = re.compile(r"\s+(?:is|was|are|were|will be|would be|turned out to be)\s+")
_WITHHELD_BEFORE = re.compile(r"\b(?:nam(?:e|ed|ing)|identify(?:ing)?|identified|disclos(?:e|ed|ing)|reveal(?:ed|ing)?)\s+$",
                              re.IGNORECASE)
_SAYS_AFTER = re.compile(r"\s+(?:said|says|told|added|announced|confirmed|disclosed|stated|noted|wrote)\b")
_ORDER_WORD = re.compile(r"\b(?:latter|former)\b", re.IGNORECASE)


def _by_order(view: ArticleView, clause: Clause, start: int, cues: Cues, window: int,
              description: str) -> Item | None:
    """"The latter" is the last company named (or stood for) before it in its sentence, else in
    the sentence before; "the former" the first of them."""
    sentence = view.sentence_of(start)
    spans = [Clause(sentence, sentence.start, start)]
    if sentence.index > 0:
        previous = view.sentences[sentence.index - 1]
        spans.insert(0, Clause(previous, previous.start, previous.end))
    named: list[Item] = []
    for span in spans:
        items = view.items_in(span.start, span.end, "COMPANY")
        items += [r for r in references(view, span, cues, set(), window, keep_named=True)
                  if not _ORDER_WORD.search(r.text)]
        names: list[Item] = []
        for item in sorted(items, key=lambda i: i.start):
            if not names or names[-1].name != item.name:
                names.append(item)
        named = names or named
    if len(named) < 2:
        return None
    # "Google designs it with Broadcom and MediaTek, the former ...": the first of the pair last named
    return named[-1] if "latter" in description.lower() else named[-2]


def interviewee(view: ArticleView, index: int) -> Item | None:
    """In an answer of an interview ("A: We signed the wafer agreement in March."), the
    company interviewed: the first one the article names, before its questions begin."""
    interviewed = _interviewed(view)
    if interviewed is None:
        return None
    sentence = view.sentences[index]
    line_start = line_start_of(view, sentence)
    return interviewed if _ANSWER.match(view.text, line_start) or _answered_by(view, line_start) else None


def _interviewed(view: ArticleView) -> Item | None:
    """The company an interview is with: the first one the article names, before its questions
    begin (None when the article asks no questions); read once per article."""
    key = ("interviewee",)
    if key not in view.cache:
        first = next((i for i in view.items if i.label == "COMPANY"), None)
        questions = _first_question(view.text)
        view.cache[key] = first if first is not None and questions is not None and first.start < questions[0] \
            else None
    return view.cache[key]


def _interviewee_asked(view: ArticleView, index: int) -> Item | None:
    """In a question of an interview ("Q: You have been a TSMC customer from day one."), the
    company interviewed, whom its "you" addresses."""
    interviewed = _interviewed(view)
    if interviewed is None:
        return None
    sentence = view.sentences[index]
    line_start = line_start_of(view, sentence)
    return interviewed if _QUESTION.match(view.text, line_start) else None


def line_start_of(view: ArticleView, sentence: SentenceView) -> int:
    """Where the line a sentence is on starts (an interview's "Q:" or "Ellison:" label opens it)."""
    return view.text.rfind("\n", 0, sentence.start + 1) + 1


def _answered_by(view: ArticleView, line_start: int) -> bool:
    """Does the line open with the interviewee's name as its speaker label ("Barzani: We
    taped out on TSMC's N3E"), a name the article gave before its questions ("CEO Yael
    Barzani")?"""
    key = ("answer_label",)
    if key not in view.cache:
        questions = _first_question(view.text)
        labels = {m.group(1) for m in _SPEAKER_LABEL.finditer(view.text, questions[1])} if questions else set()
        intro = view.text[:questions[0]] if questions else ""
        view.cache[key] = {name for name in labels if re.search(rf"\b{re.escape(name)}\b", intro)}
    label = _SPEAKER_LABEL.match(view.text, line_start)
    return label is not None and label.group(1) in view.cache[key]


def question_answered(view: ArticleView, clause: Clause) -> str:
    """The question an answer's opening words reply to ("Circuit Europa: And packaging?" before
    "Vogelsang: Amkor, at its plant near Porto."): the interviewer's line just before, when the
    clause opens the interviewee's answer; else ""."""
    sentence = clause.sentence
    if clause.start != sentence.start or interviewee(view, sentence.index) is None:
        return ""
    line_start = line_start_of(view, sentence)
    label = _ANSWER.match(view.text, line_start) or _SPEAKER_LABEL.match(view.text, line_start)
    if label is None or view.text[label.end():sentence.start].strip():
        return ""  # (a later sentence of the answer replies to nothing)
    before = view.text[:line_start].rstrip()
    question = before[before.rfind("\n") + 1:]
    return question if question.endswith("?") else ""


def _first_question(text: str) -> tuple[int, int] | None:
    """Where an interview's first question starts and its label ends: "Q: ...", or a line under
    the interviewer's own label that asks ("Silicon Dispatch: Where is Talon being made?")."""
    found = _QUESTION.search(text)
    if found is not None:
        return found.start(), found.end()
    for label in _SPEAKER_LABEL.finditer(text):
        line_end = text.find("\n", label.end())
        if text[label.end():line_end if line_end >= 0 else len(text)].rstrip().endswith("?"):
            return label.start(), label.end()
    return None


_WE = re.compile(r"\b(?:[Ww]e|us|[Oo]ur)\b")
_YOU = re.compile(r"\b(?:[Yy]ou|[Yy]our)\b")
_ANSWER = re.compile(r"[ \t]*(?:\*\*|__)?A(?:\s*\([^()\n]{1,60}\))?\s*[:.](?:\*\*|__)?\s")  # "A: ...", "**A:** ...",
# "**A (Joseph Tung, CFO):** ..."
_QUESTION = re.compile(r"^[ \t]*(?:\*\*|__)?Q(?:\s*\([^()\n]{1,60}\))?\s*[:.](?:\*\*|__)?\s", re.MULTILINE)  # "Q: ...",
# "**Q: ...?**", "**Q (analyst):** ..."
_SPEAKER_LABEL = re.compile(r"^[ \t]*(?:\*\*|__)?((?!Q\b)[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})\s*:(?:\*\*|__)?\s", re.MULTILINE)


def paragraph_topic(view: ArticleView, index: int) -> Item | None:
    """The company a paragraph is headed by ("SK hynix." or "Micron:" alone on its first
    line, as trade notes write them; "MICRON – ..." opening a wrap's item; the one company
    a question opening it names, as Q&A columns do), for the sentences after the heading."""
    answer = interviewee(view, index)
    if answer is not None:
        return answer
    if opens_paragraph(view, view.sentences[index]):
        return None
    for back in range(index - 1, -1, -1):
        sentence = view.sentences[back]
        if opens_paragraph(view, sentence) or back == 0:
            named = view.items_in(sentence.start, sentence.end, "COMPANY")
            words = sentence.text.strip().rstrip(".:").split()
            if len(named) == 1 and len(words) <= 4 and _HEADING_ONLY.fullmatch(sentence.text.strip()):
                return named[0]
            if len(named) == 1 and sentence.text.rstrip().endswith("?"):
                return named[0]  # "Who assembles Google's TPU v8? Broadcom designs the accelerator ..."
            dash = _DASH_HEADING.match(sentence.text)
            heading = [i for i in named if dash and i.end <= sentence.start + dash.end()]
            if len(heading) == 1:
                return heading[0]  # "SAMSUNG – Samsung Electronics will supply ...": the wrap's item
            return None
    return None


def opens_paragraph(view: ArticleView, sentence: SentenceView) -> bool:
    return view.text[max(0, sentence.start - 2):sentence.start].endswith("\n")


def paragraph_break(view: ArticleView, start: int, end: int) -> bool:
    """Is there a paragraph break between ``start`` and ``end``? A sentence's (and so its
    last clause's) end keeps the blank line that closes its paragraph, so the search starts
    back at the last word before ``start``."""
    while start > 0 and view.text[start - 1].isspace():
        start -= 1
    return view.text.find("\n\n", start, end) != -1


_DASH_HEADING = re.compile(r"\s*[A-Z][\w&.' ]{1,30}?\s[–—-]\s")
_HEADING_ONLY = re.compile(r"[^.:!?]{1,40}[.:]")
def equivalents(view: ArticleView) -> dict[Item, list[Item]]:
    """Bracketed conversions: "10 trillion won (approximately RMB 44.3 billion)"."""
    money = [i for i in view.items if i.label == "MONEY"]
    found: dict[Item, list[Item]] = {}
    for base, other in zip(money, money[1:]):
        if base in _all_values(found):
            continue
        if _BRACKET_BETWEEN.match(view.text[base.end:other.start]):
            found.setdefault(base, []).append(other)
    return found


def _all_values(mapping: dict[Item, list[Item]]) -> set[Item]:
    return {i for items in mapping.values() for i in items}


def is_dateline(view: ArticleView, item: Item) -> bool:
    """A date heading the story ("SEOUL, Nov. 24 (Yonhap) --"): in its opening sentences, not a list line's
    head further down ("2Q26 — AMD earmarks Samsung ...")."""
    sentence = view.sentence_of(item.start)
    return sentence.index < _DATELINE_SENTENCES and item.start - sentence.start < 40 and \
        bool(_DATELINE_AFTER.match(view.text[item.end:item.end + 4]))


_DATELINE_SENTENCES = 3  # (the title, and the first sentence or two of the body)

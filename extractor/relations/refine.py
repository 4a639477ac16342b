"""Article-wide facts that finish merged orders: the business unit a story ties to a
supplier, and a party's own word on the record."""
from __future__ import annotations

import re

from ..patterns import guarded
from ..records import Order
from .context import Clause, interviewee, references, relative_spans
from .cues import Cues
from .views import ArticleView, Item, SentenceView

_NO_COMMENT = guarded(r"\b(?:(?:does|did|would|will) not|declined to|refused to) (?:\w+ )?comment\b|"
                      r"\bno comment\b|\b(?:cannot|can't|could not|would not|did not|declined to|unable to) "
                      r"(?:\w+ )?confirm\b", re.IGNORECASE)


_VERB_NEXT = r"(?:will|would|has|have|had|is|are|was|were|could|can|may|might|plans?|expects?)\b"
_SPEAKS = re.compile(
    # "Micron Technology, Inc. (Nasdaq: MU) today announced", "Quorbit AI, a Toronto start-up building accelerators, said"
    # (also after a bold name: "- **Arvenne Compute**, a Paris start-up, said")
    # (not a verb after the comma: in "Wiwynn, a unit of Wistron, will supply ..., the people said" Wistron's
    # comma closes the apposition, and the main clause after it is no aside of Wistron's)
    r"^(?:\*\*|__)?(?:'s|’s)?\s*(?:\([^()]{1,40}\)\s*)?"
    r"(?:,(?!\s*" + _VERB_NEXT + r")(?:[^;\"“.:,]|\.(?!\s)|,(?!\s*" + _VERB_NEXT + r")){1,120}?,\s*)?"
    r"(?:(?:CEO|CTO|COO|chief executive|chief \w+ officer|chief|boss|founder|president|chairman|CFO|spokes\w+|executive|official)\b[^.;]{0,40}?)?"
    r"(?:\s*\w+){0,2}?\s*(?:said|says|announced|announces|confirmed|confirms|disclosed|discloses|stated|unveiled|told|identified|"
    r"set out|sets out|outlined|outlines)\b"
    r"(?!\s+to\s+(?-i:[a-z]))(?!\s+by\s+(?:neither|none|no)\b)",  # "Qualcomm said to pick Samsung": a headline's
    # hearsay (not "confirmed to Tech Markets Daily that")
    re.IGNORECASE)


_AND_SAID = re.compile(r"[^.;:\"“”]{1,100}?\band\s+(?:also\s+)?(?:said|says|confirmed|confirms|told|announced)\b",
                       re.IGNORECASE)
_BOTH_SPEAK = guarded(r"\b(?:the|both) (?:two )?(?:companies|firms|sides|parties)\b[^.;]{0,20}?\b"
                      r"(?:said|say|announced|confirmed|stated|disclosed)\b|\bthe two (?:said|announced|confirmed)\b",
                      re.IGNORECASE)
# '"...," said Sumit Kapoor, senior vice president for cloud memory at Micron': the company's officer speaks
_OFFICER_OF = guarded(r"\b(?:said|says|according to)\s+(?-i:[A-Z])[\w.'’-]+(?:\s+(?-i:[A-Z])[\w.'’-]+){0,2},\s+(?:the\s+|its\s+)?"
                      r"(?:[\w-]+\s+){0,3}?(?:officer|executive|president|chairman|chairwoman|CEO|CFO|COO|CTO|founder|director|"
                      r"spokes(?:man|woman|person))(?:\s+(?:for|of)(?:\s+[\w-]+){1,3}?)?\s+(?:of|at)\s+$")
# "..., according to Marvell.", "according to Samsung's regulatory filing": the company speaks (not "designed
# according to the requirements of the customer")
_ACCORDING_TO = re.compile(r"\baccording to\s+$", re.IGNORECASE)
_SOURCE_END = re.compile(r"\s*(?:[.;]|$)|['’]s\s+(?:[\w-]+\s+){0,2}?(?:filing|statement|disclosure|release|announcement)\b")
_ISSUED_BY = guarded(r"\b(?:statement|filing|release|announcement|disclosure)\s+(?:\w+\s+){0,2}by\s*$",
                     re.IGNORECASE)
# a document a party put out tells its own word: "according to the winning-bid announcement China Mobile
# published", "according to results the state-owned carrier published", "the carrier's procurement notice
# showed", "according to a notice published on its procurement portal"
_DOCUMENT = r"(?:announcement|results|notice|filing|statement|disclosure|release|document)s?"
_PUBLISHED_BEFORE = guarded(r"\baccording to (?:the |a |an )?(?:[\w-]+ ){0,3}?" + _DOCUMENT + r"\s+(?:that\s+)?$|"
                            r"\baccording to (?:the |a |an )?(?:[\w-]+ ){0,3}?" + _DOCUMENT
                            + r"\s+(?:published|posted|issued|released|filed|put out)\s+(?:on|in|by|via|through)\s+$",
                            re.IGNORECASE)
_PUBLISHED = guarded(r"\s+(?:had\s+|has\s+)?(?:published|posted|issued|released|filed|put out)\b", re.IGNORECASE)
_OWN_DOCUMENT = guarded(r"['’]s?\s+(?:[\w-]+\s+){0,2}?" + _DOCUMENT + r"\s+(?:showed|shows|said|says|stated|states)\b",
                        re.IGNORECASE)
_DEAL = guarded(r"\b(?:orders?|contracts?|deals?|agreements?|partnership|MoU|letter of intent)\b", re.IGNORECASE)
_EXECUTIVE_SAYS = re.compile(
    r"\s*(?:the\s+)?(?:chairman|chairwoman|chief executive(?: officer)?|CEO|CFO|chief financial officer|president|"
    r"spokes(?:man|woman|person))\s+(?:also\s+)?(?:said|says|told [^,.;]{1,40}?|confirmed|announced)\s+(?:that\s+)?",
    re.IGNORECASE)
# a sentence's subject may follow a source ("According to a regulatory filing on the 10th, it ...") and a
# one-word description ("Taiwan's Chipbond", "Korean start-up X")
_SUBJECT_LEAD = re.compile(r"\s*(?:According to [^,;]{1,80},\s*)?(?:[A-Z][\w.]*['’]s\s+|[A-Z][\w-]*\s+)?")
_EVERYONE = "*"  # "the companies said": every party of the sentence's deal speaks


def named_units(view: ArticleView, unit_service: dict[tuple[str, str], str | None]) -> dict[tuple[str, str], str]:
    """(company, service) -> unit, for units the article names ("Samsung Foundry")."""
    units = {}
    for item in view.items:
        unit = getattr(item.value, "unit", None) if item.label == "COMPANY" else None
        service = unit_service.get((item.name, unit)) if unit else None
        if service:
            units.setdefault((item.name, service), unit)
    return units


# How many sentences from where an order is told a party's own word on record still counts for
# it (chosen on dev: 1, 2 and 3 sentences and the evidence's paragraphs were tried, 2 was best)
_ON_RECORD_REACH = 2


def on_record(view: ArticleView, cues: Cues, order: Order) -> bool:
    """Does a party say so itself ("Samsung said ...", "Nvidia CEO Jensen Huang said"),
    with the other party or the deal in the same sentence, and no hedge or refusal?"""
    parties = {order.customer, order.supplier} - {None}
    told = {view.sentence_of(e.start).index for e in order.evidence}
    near = {index + step for index in told for step in range(-_ON_RECORD_REACH, _ON_RECORD_REACH + 1)}
    for sentence in view.sentences:
        if sentence.index not in near:
            continue  # a party speaking of something else far away confirms nothing of this deal
        names, may_refer, names_deal = _sentence_facts(view, cues, sentence)
        if not names & parties and not may_refer:
            continue  # no party named and nothing that could stand for one
        about_deal = len(names & parties) == 2 or names_deal
        if about_deal and party_speaks(view, cues, sentence, parties) and not _told_aside(view, sentence, parties):
            return True
    return False


def _told_aside(view: ArticleView, sentence: SentenceView, parties: set[str]) -> bool:
    """Is the deal told only in a party's relative clause, the party speaking of something else
    ("Wiwynn, which counts Meta among its biggest buyers, said its November shipments would be flat")?"""
    for company, end in relative_spans(view, sentence):
        inside = {i.name for i in view.items_in(company.end, end, "COMPANY")}
        if company.name in parties and inside & parties - {company.name} and \
                not _DEAL.search(view.text, end, sentence.end):  # (not "..., will place the production orders itself")
            return True
    return False


def _sentence_facts(view: ArticleView, cues: Cues, sentence: SentenceView) -> tuple[set[str], bool, bool]:
    """The companies a sentence names, whether it has a word that could stand for one,
    whether it names a deal: the same for every order, read once."""
    key = ("sentence_facts", sentence.index)
    if key not in view.cache:
        names = {i.name for i in view.items_in(sentence.start, sentence.end, "COMPANY")}
        view.cache[key] = (names, bool(cues.references.search(sentence.text)), bool(_DEAL.search(sentence.text)))
    return view.cache[key]


def denied_next(view: ArticleView, cues: Cues, order: Order) -> bool:
    """A party denies the report in the sentence right after it ("A Seoul daily reported that
    Qualcomm had reserved SF2 capacity. Qualcomm called the story groundless the next day."), or
    a few sentences on, when the denial names the deal ("The so-called large order from Tencent
    ... is not true," the chip designer said)."""
    parties = {order.customer, order.supplier} - {None}
    for evidence in order.evidence:
        following = view.sentence_of(evidence.start)
        for step in range(_DENIAL_REACH):
            following = view.sentence_after(following)
            if following is None:
                break
            names = {i.name for i in view.items_in(following.start, following.end, "COMPANY")}
            if not (cues.denied.search(following.text) and names & parties and names <= parties):
                continue
            # (further on, the denial must name the deal and both its parties, one perhaps by a stand-in)
            if step == 0 or (_DEAL.search(following.text)
                             and parties <= {i.name for i in _named_in(view, cues, following)}):
                return True
    return False


_DENIAL_REACH = 6  # sentences after a report that a party's denial naming the deal may follow


def party_speaks(view: ArticleView, cues: Cues, sentence: SentenceView, parties: set[str]) -> bool:
    """A party (or its executive) says something in the sentence, unhedged: "Samsung said",
    "Nvidia CEO Jensen Huang told", "Hanmi disclosed in a regulatory filing"."""
    speakers = _speakers(view, cues, sentence)
    return _EVERYONE in speakers or bool(speakers & parties)


def party_is_source(view: ArticleView, cues: Cues, sentence: SentenceView, parties: set[str]) -> bool:
    """A party is the sentence's own source ("..., according to Marvell.", "according to Samsung's
    regulatory filing"): on record for the deal told in that sentence only."""
    if cues.hedges.search(sentence.text):
        return False
    return any(i.name in parties and _ACCORDING_TO.search(view.text[max(0, i.start - 20):i.start])
               and _SOURCE_END.match(view.text, i.end) for i in _named_in(view, cues, sentence))


def _named_in(view: ArticleView, cues: Cues, sentence: SentenceView) -> list[Item]:
    """The companies a sentence names and the stand-ins for them ("the company", "its"), read once per sentence."""
    key = ("named_in", sentence.index)
    if key not in view.cache:
        whole = Clause(sentence, sentence.start, sentence.end)
        view.cache[key] = view.items_in(sentence.start, sentence.end, "COMPANY") + references(view, whole, cues, set(), 3)
    return view.cache[key]


def _speakers(view: ArticleView, cues: Cues, sentence: SentenceView) -> set[str | None]:
    """The names of the companies (or stand-ins) that say something in the sentence,
    unhedged; read once per sentence, whatever the parties asked about."""
    key = ("speakers", sentence.index)
    if key not in view.cache:
        view.cache[key] = set()
        if _NO_COMMENT.search(sentence.text) or cues.hedges.search(sentence.text):
            pass
        elif _BOTH_SPEAK.search(sentence.text):
            view.cache[key] = {_EVERYONE}  # "..., the companies said on Wednesday"
        else:
            speakers = _named_in(view, cues, sentence)
            view.cache[key] = {i.name for i in speakers if _SPEAKS.match(view.text[i.end:i.end + 160])
                               or (_SUBJECT_LEAD.fullmatch(view.text[sentence.start:i.start])  # the subject's second verb:
                                   and _AND_SAID.match(view.text, i.end, sentence.end))  # "X put the price at ... and said"
                               or _ISSUED_BY.search(view.text[max(0, i.start - 60):i.start])
                               or _published_by(view, i)
                               or _OFFICER_OF.search(view.text[max(sentence.start, i.start - 160):i.start])}
            if cues.own_record.search(sentence.text):  # "SK Group has placed orders ..., a group official said"
                # (the subject may be a stand-in: "Its first chip ... will be built by TSMC, chief executive ... said")
                subject = sorted(speakers, key=lambda i: i.start)[:1]
                if subject and _SUBJECT_LEAD.fullmatch(view.text[sentence.start:subject[0].start]):
                    view.cache[key].add(subject[0].name)
            talked_of = _executive_talks_of(view, sentence)
            if talked_of is not None:  # "The chairman said Alchip has been awarded ...": its own executive
                view.cache[key].add(talked_of)
            answer = interviewee(view, sentence.index)
            if answer is not None:  # "A: We signed the wafer agreement in March": the company on record
                view.cache[key].add(answer.name)
            view.cache[key] |= executives_speaking(view, cues, sentence)
    return view.cache[key]


def _published_by(view: ArticleView, item: Item) -> bool:
    """Is the company the one that put out the document the sentence cites ("according to the
    winning-bid announcement China Mobile published", "the carrier's procurement notice showed")?"""
    if _OWN_DOCUMENT.match(view.text, item.end):
        return True
    if not _PUBLISHED_BEFORE.search(view.text[max(0, item.start - 80):item.start]):
        return False
    return item.text.lower() in {"its", "their"} or bool(_PUBLISHED.match(view.text, item.end))


def executives_speaking(view: ArticleView, cues: Cues, sentence: SentenceView) -> set[str]:
    """The companies whose executive, introduced earlier by name ("Veltrix Chief Executive Priya
    Raman"), speaks in the sentence by surname or pronoun ("..., Raman said", "she said")."""
    people = _executives(view, cues)
    if not people:
        return set()
    said = {m.group("who") or m.group("who2") for m in _PERSON_SAYS.finditer(sentence.text)}
    companies = {people[who] for who in said if who in people}
    if _PRONOUN_SAYS.search(sentence.text):  # "she said": the executive last named, in this sentence or the one before
        before = view.sentences[sentence.index - 1].text if sentence.index else ""
        named = [m.group(0) for m in _CAPITALISED.finditer(before + " " + sentence.text) if m.group(0) in people]
        companies |= {people[named[-1]]} if named else set()
    return companies


def executive_subject(view: ArticleView, cues: Cues, sentence: SentenceView) -> str | None:
    """The company of the executive a sentence opens on, by surname or pronoun ("He expects revenue
    of around 35 billion won next year", "Raman expects ..."): the pronoun is the executive last named
    in this sentence or the one before."""
    people = _executives(view, cues)
    opener = _OPENER.match(sentence.text)
    if not people or opener is None:
        return None
    if opener.group(0).lower() not in {"he", "she"}:
        return people.get(opener.group(0))
    before = view.sentences[sentence.index - 1].text if sentence.index else ""
    named = [m.group(0) for m in _CAPITALISED.finditer(before) if m.group(0) in people]
    return people[named[-1]] if named else None


_OPENER = re.compile(r"\s*[A-Z][\w'’-]+(?=\s+(?:also\s+)?[a-z])")  # "He expects", "Raman said" (not "Raman Holdings")


def _executives(view: ArticleView, cues: Cues) -> dict[str, str]:
    """Each word of an executive's name the article introduces with the company's name beside the
    title ("Veltrix Chief Executive Priya Raman", "Sumit Kapoor, senior vice president ... at Micron"),
    to the company; read once per article. (Not yet: a title set apart from the company, "Dana
    Okafor ... The co-founder and chief executive of Quillon Labs".)"""
    key = ("executives",)
    if key not in view.cache:
        people: dict[str, str] = {}
        text = view.text
        for item in (i for i in view.items if i.label == "COMPANY" and i.name):
            after = cues.executive_after.match(text, item.end, min(len(text), item.end + 80))
            before = cues.executive_before.search(text, max(0, item.start - 120), item.start)
            found = after or before
            if found is not None:
                people.update({word: item.name for word in found.group("name").split() if word not in people})
        for sentence in view.sentences:  # then titles with no company beside them: the sentence's company
            for found in cues.executive_title_only.finditer(sentence.text):
                company = _company_of_sentence(view, cues, sentence, sentence.start + found.start()) or _lead_company(view)
                if company is not None:
                    people.update({word: company for word in found.group("name").split() if word not in people})
        view.cache[key] = people
    return view.cache[key]


def _company_of_sentence(view: ArticleView, cues: Cues, sentence: SentenceView, title: int) -> str | None:
    """The company a sentence is about: the first it names, or a stand-in for one right before the
    title ("its chief executive"); not a stand-in elsewhere ('"...," chief executive Yoon Seo-jin said
    at the company's offices' is the lead company's chief, whatever "the company" there stands for)."""
    named = view.items_in(sentence.start, sentence.end, "COMPANY")
    if not named:
        named = [r for r in references(view, Clause(sentence, sentence.start, sentence.end), cues, set(), 3)
                 if _TITLE_OWNER.fullmatch(view.text, r.end, title)]
    named = sorted((i for i in named if i.name), key=lambda i: i.start)
    return named[0].name if named else None


_TITLE_OWNER = re.compile(r"(?:['’]s)?\s*")  # "its chief executive", "the company's president"


def _lead_company(view: ArticleView) -> str | None:
    """The company the article opens on: whose executive a title alone in a sentence naming no company
    is ("We have secured ... orders," Chief Executive Giel Rutten said, in a story on Amkor's call)."""
    named = next((i for i in view.items if i.label == "COMPANY" and i.name), None)
    return named.name if named else None


_PERSON_SAYS = re.compile(r"\b(?P<who>[A-Z][\w'’-]+)\s+(?:also\s+)?(?:said|says|told|added|noted|explained|stated|"
                          r"confirmed|wrote)\b|\b(?:said|says|according to)\s+(?:[A-Z][\w'’-]+\s+)?(?P<who2>[A-Z][\w'’-]+)\b")
_PRONOUN_SAYS = re.compile(r"\b(?:she|he)\s+(?:also\s+)?(?:said|says|told|added|noted|explained)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


def _executive_talks_of(view: ArticleView, sentence: SentenceView) -> str | None:
    """The company an executive named by title alone speaks of in the third person ("The
    chairman said Alchip has been awarded ...", "The CEO told reporters that Rebellions ..."):
    a chairman or a CEO speaks for their own company."""
    match = _EXECUTIVE_SAYS.match(sentence.text)
    if match is None:
        return None
    first = view.items_in(sentence.start + match.end(), sentence.end, "COMPANY")[:1]
    return first[0].name if first and first[0].start == sentence.start + match.end() else None


def _revealed_by_others(view: ArticleView, cues: Cues, order: Order) -> bool:
    """Was the buyer named only by others ("UMC signed with a customer it did not name ... a
    report named the buyer as Qualcomm")? The seller's word on record is about a deal with
    someone; that it is this buyer stays reported."""
    return any(cues.customer_revealed.search(view.sentence_of(e.start).text) for e in order.evidence)


def refine(view: ArticleView, cues: Cues, orders: list[Order],
           unit_service: dict[tuple[str, str], str | None]) -> list[Order]:
    units = named_units(view, unit_service)
    refined = []
    for order in orders:
        update = {}
        if order.supplier_unit is None and (order.supplier, order.service) in units:
            update["supplier_unit"] = units[(order.supplier, order.service)]
        if order.confirmation == "reported" and denied_next(view, cues, order):
            update["confirmation"] = "denied"
        elif order.confirmation == "reported" and not _revealed_by_others(view, cues, order) \
                and on_record(view, cues, order):
            update["confirmation"] = "confirmed"
        if order.service == "design" and order.stage == "production":
            update["stage"] = "agreed"  # design work is done for a chip, not made or shipped: a shipping chip's design stays agreed
        refined.append(order.model_copy(update=update) if update else order)
    return refined

"""COMPANY mentions: gazetteer names, their business units and legal suffixes, and
companies no gazetteer knows, recognised from the words around them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import IDX, IS_PUNCT, LIKE_NUM, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..normalize.companies import Gazetteer
from ..records import CompanyValue
from ..resources import load_yaml
from .base import add_mentions, text_of

_POSSESSIVES = {"'s", "’s", "'", "’"}
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,5}")  # "(BACC)", "(JASM)": the capitals a name brings in brackets
_CODE = re.compile(r"\d")  # a product code has a digit ("Onyx-2", "KM 1")
_LENDER_WORDS = {"Partners", "Bank"}  # whose names often open with a place or go on with "of"
_OPENERS = {"The", "A", "An"}  # capitalised words before a name that are no part of it
_CAPITALS_MIN = 5  # letters an alias needs to be matched in capitals too ("MICRON", not "ARM")
_APPOSITIVE_REACH = 12  # tokens from the name to the appositive noun: ", a Pangyo-based design-service house" (a hyphen is a token)


@dataclass(frozen=True)
class _Hit:
    start: int  # token indices
    end: int
    value: CompanyValue
    rule: str


class CompanyFinder:
    """Find, then write: ``match()`` proposes spans, ``set_annotations()`` stores them."""

    def __init__(self, nlp: Language, name: str, models_dir: str | None) -> None:
        self.name = name
        self.gazetteer = Gazetteer.load(models_dir)
        context = load_yaml("company_context.yaml", models_dir)
        sources = load_yaml("sources.yaml", models_dir)
        self._suffixes = [tuple(t.text for t in nlp.make_doc(s)) for s in context["legal_suffixes"]]
        self._suffix_words = {w for s in self._suffixes for w in s}
        self._suffix_starts = {s[0] for s in self._suffixes} | {","}
        self._cue_nouns = dict(context["cue_nouns"])
        self._corporate = set(context["corporate_words"])
        self._generic = frozenset(context["generic_name_words"])
        self._not_names = set(context["not_names"])
        self._trailers = set(context["unit_trailers"])
        self._ai_nouns = set(context["ai_nouns"])
        self._appositive_nouns = set(context["appositive_nouns"])
        self._trade_modifiers = {k.lower(): v for k, v in context["trade_modifiers"].items()}
        self._making_verbs = frozenset(context["making_verbs"])
        self._appositive_noun_ends = frozenset(context["appositive_noun_ends"])
        self._chip_trade_nouns = frozenset(context["chip_trade_nouns"])
        self._chip_trade_words = frozenset(context["chip_trade_words"])
        self._end_goods = frozenset(context["end_goods"])
        self._organisation_after = re.compile("|".join(f"(?:{p})" for p in context["organisation_after"]))
        self._blocked_words = set(sources["words"])
        self._values: dict[tuple[str, str | None], CompanyValue] = {}  # frozen: one per company and unit
        self._names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._capitals = PhraseMatcher(nlp.vocab, attr="LOWER")  # "SAMSUNG –", "SK HYNIX:" as headings write them
        self._units: dict[str, tuple[str, str]] = {}
        self._unit_phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in self.gazetteer:
            self._names.add(entry.id, [nlp.make_doc(a) for a in entry.aliases])
            spelled = [a for a in entry.aliases if not a.isupper() and sum(c.isalpha() for c in a) >= _CAPITALS_MIN]
            if spelled:
                self._capitals.add(entry.id, [nlp.make_doc(a) for a in spelled])
            for unit in entry.units:
                if unit.standalone:
                    key = f"{entry.id}|{unit.name}"
                    self._units[key] = (entry.id, unit.name)
                    self._names.add(key, [nlp.make_doc(a) for a in unit.standalone])
                for phrase in unit.names:
                    self._unit_phrases.add(f"{entry.id}|{unit.name}", [nlp.make_doc(phrase)])
        self._not_companies = PhraseMatcher(nlp.vocab, attr="ORTH")
        blocked = [*sources["outlets"], *sources["research"], *sources["public_bodies"]]
        self._not_companies.add("SOURCE", [nlp.make_doc(s) for s in blocked])

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[_Hit]:
        tokens = _TokenTable.of(doc)  # Doc indexing builds a Token each time; the rules look often
        words = tokens.words
        blocked = {i for _, s, e in self._not_companies(doc) for i in range(s, e)}
        hits = [h for h in self._gazetteer_hits(doc, words) if not blocked & set(range(h.start, h.end))]
        hits += self._short_forms(words, hits)
        taken = {i for h in hits for i in range(h.start, h.end)}
        unknown = _short_names_as_full([h for h in self._context_hits(doc, tokens, words, taken)
                                        if not blocked & set(range(h.start, h.end))])
        hits += unknown
        taken |= {i for h in unknown for i in range(h.start, h.end)}
        acronyms = self._acronyms(words, hits, taken)
        hits += acronyms
        hits += self._repeats(doc, words, unknown + acronyms, taken | {i for h in acronyms for i in range(h.start, h.end)})
        return sorted(hits, key=lambda h: h.start)

    def _acronyms(self, words: list[str], hits: list[_Hit], taken: set[int]) -> list[_Hit]:
        """An acronym a found name introduces in brackets ("Bharat AI Compute Corporation (BACC)")
        names that company there and later: its capitals, opening with the name's own first letter,
        and no other company's name."""
        found = []
        for hit in hits:
            at = hit.end + 1
            if at + 1 < len(words) and words[hit.end] == "(" and words[at + 1] == ")" and at not in taken \
                    and _ACRONYM.fullmatch(words[at]) and words[at][0] == hit.value.name[0] \
                    and self.gazetteer.by_alias(words[at]) is None:
                found.append(_Hit(at, at + 1, hit.value, "company.acronym"))
        return found

    def set_annotations(self, doc: Doc, hits: list[_Hit]) -> None:
        spans = [(doc[h.start:h.end], h) for h in hits]
        add_mentions(doc, "COMPANY", ((span.start_char, span.end_char, h.value, h.rule) for span, h in spans))

    def _gazetteer_hits(self, doc: Doc, words: list[str]) -> list[_Hit]:
        found = [Span(doc, s, e, label=key) for key, s, e in self._names(doc)]
        if any(len(w) >= _CAPITALS_MIN and w.isupper() for w in words):
            found += [Span(doc, s, e, label=key) for key, s, e in self._capitals(doc)
                      if all(w.isupper() for w in words[s:e] if any(c.isalpha() for c in w))]
        spans = filter_spans(found)
        hits = []
        for span in spans:
            if span.start >= 2 and words[span.start - 1] == "-" and words[span.start - 2].islower():
                continue  # a word compound, no company: "floorplan-to-GDS", "non-TSMC"
            key = doc.vocab.strings[span.label]
            if key in self._units:
                entry_id, unit = self._units[key]
                entry = self.gazetteer.by_id(entry_id)
                end = self._attach_suffix(words, span.end)  # "Naver Cloud Corp."
                hits.append(_Hit(span.start, end, self._value(entry, unit), "company.unit_name"))
                continue
            entry = self.gazetteer.by_id(key)
            end, unit, rule = self._attach_unit(doc, span.end, entry)
            end = self._attach_suffix(words, end)
            hits.append(_Hit(span.start, end, self._value(entry, unit), rule))
        return _outermost(hits)

    def _short_forms(self, words: list[str], hits: list[_Hit]) -> list[_Hit]:
        """A gazetteer company's short form ("Tata", "Sakura", "GF") after its full name has named
        it in the same text (companies.yaml short_forms): alone, the word may name something else."""
        forms: dict[str, tuple[int, CompanyValue]] = {}  # short form -> (where it may start, whom it names)
        for hit in hits:
            entry = self.gazetteer.by_id(hit.value.id) if hit.value.id else None
            for form in entry.short_forms if entry else ():
                forms.setdefault(form, (hit.end, self._value(entry, None)))
        taken = {i for h in hits for i in range(h.start, h.end)}
        return [_Hit(i, self._attach_suffix(words, i + 1), forms[word][1], "company.short_form")
                for i, word in enumerate(words) if word in forms and i >= forms[word][0] and i not in taken]

    def _value(self, entry, unit: str | None) -> CompanyValue:
        """The value of a gazetteer company (and unit), made once: every article names the same few."""
        key = (entry.id, unit)
        if key not in self._values:
            self._values[key] = CompanyValue(name=entry.name, unit=unit, id=entry.id)
        return self._values[key]

    def _attach_unit(self, doc: Doc, end: int, entry) -> tuple[int, str | None, str]:
        """Extend "Samsung" over "Foundry" / "'s System LSI division"; note "'s foundry"."""
        after = end + 1 if end < len(doc) and doc[end].text in _POSSESSIVES else end
        window = doc[after:min(len(doc), after + 4)]
        matches = sorted(self._unit_phrases(window), key=lambda m: m[2] - m[1], reverse=True)
        for key, s, e in matches:  # indices into the Doc, longest first
            entry_id, unit = key_parts(doc.vocab.strings[key])
            if entry_id != entry.id or s != after:
                continue
            e -= after
            first = doc[after]
            follower = doc[after + e].lower_ if after + e < len(doc) else ""
            if first.is_lower:
                if follower in {"process", "node", "technology", "processes", "nodes"}:
                    return end, None, "company.gazetteer"
                return end, unit, "company.possessive_unit"
            stop = after
            while stop < after + e and not doc[stop].is_lower:  # "System LSI", not "business unit"
                stop += 1
            if stop < len(doc) and doc[stop].text in self._trailers:
                stop += 1
            return stop, unit, "company.named_unit"
        return end, None, "company.gazetteer"

    def _attach_suffix(self, words: list[str], end: int) -> int:
        if end >= len(words) or words[end] not in self._suffix_starts:
            return end
        for suffix in self._suffixes:
            stop = end + len(suffix)
            if tuple(words[end:stop]) == suffix:
                return stop
        if end + 1 < len(words) and words[end] == "," and words[end + 1] in {"Inc.", "Ltd.", "Inc"}:
            return end + 2
        return end

    def _context_hits(self, doc: Doc, tokens: _TokenTable, words: list[str], taken: set[int]) -> list[_Hit]:
        hits = []
        names = tokens.names
        i = 0
        while i < len(words):
            if i in taken or not names[i] or words[i] in self._not_names:
                i += 1
                continue
            if words[i].lower() in self._cue_nouns and i + 1 < len(words) and names[i + 1]:
                i += 1  # "Startup Korvane Semiconductor said": the noun opens the sentence, the name follows
                continue
            j = i
            while j < len(words) and j - i < 4 and j not in taken and names[j] and words[j] not in self._suffix_words:
                j += 1
            hit = self._judge(doc, tokens, words, i, j, taken)
            if hit:
                hits.append(hit)
            i = max(j, i + 1)
        return hits

    def _judge(self, doc: Doc, tokens: _TokenTable, words: list[str], start: int, end: int,
               taken: set[int]) -> _Hit | None:
        """Is the capitalised run ``doc[start:end]`` a company, and by which rule?"""
        if self._attach_suffix(words, end) == end:  # "Veyra AI Inc." keeps its "AI"
            while end > start and words[end - 1] in self._not_names - self._corporate:
                end -= 1
        name = tokens.text_of(start, end)
        if len(name) < 2 or any(w in self._blocked_words for w in words[start:end]):
            return None  # "customer X" is a placeholder, not a name
        run = words[start:end]
        corporate = [k for k, word in enumerate(run) if k and word in self._corporate]
        if corporate and run[-1] not in self._corporate and self._attach_suffix(words, end) == end \
                and _CODE.search(" ".join(run[corporate[-1] + 1:])):
            end = start + corporate[-1] + 1  # "Orsolan Labs Onyx-2": a product code follows the name
            run, name = words[start:end], tokens.text_of(start, end)
        stop = self._attach_suffix(words, end)
        cue = tokens.lowers[start - 1] if start > 0 else ""
        if start >= 3 and words[start - 2] == "-":  # "Oslo-based start-up Nordvane" (three tokens), not "Arm-based Cortex"
            cue = f"{tokens.lowers[start - 3]}-{cue}"
        if stop > end:
            rule = "company.legal_suffix"
        elif start > 0 and cue in self._cue_nouns and not tokens.sent_starts[start] \
                and any(c.islower() for c in name):
            rule = f"company.cue_noun.{self._cue_nouns[cue]}"  # the role the noun gives
        elif len(run) > 1 and run[-1] in self._corporate and any(c.islower() for c in run[0]) \
                and not (run[-1] == "AI" and end < len(words) and words[end].lower() in self._ai_nouns) \
                and not all(word in self._generic for word in run[:-1]) \
                and not (run[-1] in _LENDER_WORDS and self._name_goes_on(words, start, end)):  # (not "Advanced Packaging")
            rule = "company.corporate_word"
        elif any(c.islower() for c in run[0]) and (start - 1 not in taken) \
                and (role := self._appositive(tokens, end)) is not None:  # (not "TSMC Arizona, the ... subsidiary")
            rule = f"company.appositive.{role}" if role else "company.appositive"
        elif any(c.islower() for c in run[0]) and self._organisation_after.match(
                tokens.text, tokens.offsets[end - 1] + len(words[end - 1])):
            rule = "company.organisation_context"  # "Naraeon's four founders", "Naraeon closed a Series B round"
        else:
            return None
        if rule in {"company.legal_suffix", "company.corporate_word"} \
                and (described := self._appositive(tokens, stop)) not in {None, "", "customer"}:
            rule = f"{rule}.{described}"  # "Arumtek Co., a probe card maker based in Hwaseong,": a seller by its
            # description (a buyer's description, "a developer of processors", leaves the trade open, as before)
        return _Hit(start, stop, CompanyValue(name=name), rule)

    def _name_goes_on(self, words: list[str], start: int, end: int) -> bool:
        """Does a lender's or investor's name reach past the run found ("Korea Investment Partners",
        "First Abu Dhabi Bank", "State Bank of India")? Then the run is no name of its own."""
        before = words[start - 1] if start else ""
        return (before[:1].isupper() and before not in _OPENERS) or words[end:end + 1] == ["of"]

    def _appositive(self, tokens: _TokenTable, end: int) -> str | None:
        """Does ", a Hsinchu wafer-sort specialist," follow the name at ``end``? Then the role its
        noun gives ("" for none; a relative clause of making makes it a seller), else None."""
        lowers = tokens.lowers
        if end + 2 >= len(lowers) or lowers[end] != "," or lowers[end + 1] not in {"a", "an", "the", "another"}:
            return None
        for k in range(end + 2, min(len(lowers), end + _APPOSITIVE_REACH)):
            noun, after = lowers[k], k + 1
            if after + 1 < len(lowers) and lowers[after] == "-":  # "start-up" is three tokens
                noun, after = f"{noun}-{lowers[after + 1]}", after + 2
            if noun in self._chip_trade_nouns and self._chip_trade(lowers, end + 2, k, after):
                return self._cue_nouns.get(noun, "")  # "a Singapore-based designer of mining ASICs"
            if noun in self._appositive_nouns:
                if after < len(lowers) and lowers[after] not in self._appositive_noun_ends:
                    return None
                makes = after + 1 < len(lowers) and lowers[after] in {"that", "which"} \
                    and bool(self._making_verbs & set(lowers[after + 1:after + 4]))  # "a Dresden start-up that makes
                # glass cores", "a Hangzhou start-up that began shipping them to Kuaishou"
                if makes:
                    return "supply"
                if lowers[after:after + 1] == ["of"] and self._end_goods & set(lowers[after + 1:after + 4]):
                    return "customer"  # "the Munich-based maker of electric cars" buys chips
                return self._trade_of(lowers, k) or self._cue_nouns.get(noun, "")
            if lowers[k] == "," and k + 2 < len(lowers) and tokens.names[k + 1] and lowers[k + 2] == ",":
                continue  # a place inside it: ", a three-year-old Austin, Texas, startup,"
            if lowers[k] == "," and k >= 2 and tokens.names[k - 1] and lowers[k - 2] == ",":
                continue  # (the place's closing comma)
            if lowers[k] in {",", ".", ";", "(", ")"}:
                return None
        return None

    def _chip_trade(self, lowers: list[str], start: int, noun: int, after: int) -> bool:
        """Do chip words go with a "designer" or "developer" in an "of" phrase right after it ("a
        designer of mining ASICs")? Or does the appositive give a seat ("a Singapore-based developer", "a Boston-area developer")?
        (Not chip words before it: "Lisa Su, a veteran chip designer" is a person.)"""
        if {"based", "headquartered", "area"} & set(lowers[start:noun]):  # ("a Boston-area developer")
            return True
        return after < len(lowers) and lowers[after] == "of" and \
            bool(self._chip_trade_words & set(lowers[after + 1:after + 7]))

    def _trade_of(self, lowers: list[str], noun: int) -> str | None:
        """The role a trade word before an appositive's noun gives ("a Hsinchu design-service firm")."""
        before = lowers[max(0, noun - 3):noun]
        if len(before) == 3 and before[1] == "-":  # "design-service" is three tokens
            compound = f"{before[0]}-{before[2]}"
            if compound in self._trade_modifiers:
                return self._trade_modifiers[compound]
        if before and before[-1] in self._end_goods:  # "a Shenzhen smartphone maker"
            return "customer"
        return self._trade_modifiers.get(before[-1]) if before else None

    def _short_name_ok(self, word: str) -> bool:
        """May the first word of a found name stand for it later ("Keldor" for "Keldor Microsystems")?"""
        return len(word) >= 4 and word[:1].isupper() \
            and word not in self._not_names and word not in self._corporate and self.gazetteer.by_alias(word) is None

    def _repeats(self, doc: Doc, words: list[str], found: list[_Hit], taken: set[int]) -> list[_Hit]:
        """Later mentions of a name first recognised from its context."""
        if not found:
            return []
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        by_name = {}
        for hit in found:
            name = hit.value.name
            by_name[name] = hit.value
            pattern = [w for w in words[hit.start:hit.end] if w not in self._suffix_words]
            patterns = [Doc(doc.vocab, words=pattern)]
            if len(pattern) > 1 and self._short_name_ok(pattern[0]) and pattern[-1] not in _LENDER_WORDS:
                # "Helix Compute Inc." ... "Helix" (a bank or fund is named in full: "Qatar" is no bank)
                patterns.append(Doc(doc.vocab, words=pattern[:1]))
            matcher.add(name, patterns)
        spans = filter_spans([Span(doc, s, e, label=k) for k, s, e in matcher(doc)])
        return [
            _Hit(s.start, self._attach_suffix(words, s.end), by_name[doc.vocab.strings[s.label]], "company.repeat")
            for s in spans if not taken & set(range(s.start, s.end))
        ]


def _outermost(hits: list[_Hit]) -> list[_Hit]:
    """Drop hits inside another: a unit named alone ("Azure") that the parent's span took
    along ("Microsoft Azure", "Microsoft's Azure"); two COMPANY mentions never overlap."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and (o.start, o.end) != (h.start, h.end) for o in hits)]


def key_parts(key: str) -> tuple[str, str]:
    entry_id, _, unit = key.partition("|")
    return entry_id, unit


@dataclass(frozen=True)
class _TokenTable:
    """The token attributes the rules read, one list each, in token order."""

    text: str
    words: list[str]
    lowers: list[str]
    names: list[bool]  # could the token be (part of) a name: capitalised, a letter, no number
    sent_starts: list[bool]
    offsets: list[int]  # where each token starts in ``text``

    @classmethod
    def of(cls, doc: Doc) -> _TokenTable:
        strings = doc.vocab.strings
        table = doc.to_array([ORTH, LOWER, IS_PUNCT, LIKE_NUM, SENT_START, IDX]).tolist()
        words = [strings[row[0]] for row in table]
        names = [word[:1].isupper() and _name_token(word, row[2], row[3]) for word, row in zip(words, table)]
        starts = [i == 0 or row[4] == 1 for i, row in enumerate(table)]
        return cls(text_of(doc), words, [strings[row[1]] for row in table], names, starts, [row[5] for row in table])

    def text_of(self, start: int, end: int) -> str:
        """``doc[start:end].text``, without building the Span."""
        return self.text[self.offsets[start]:self.offsets[end - 1] + len(self.words[end - 1])] if end > start else ""


def _name_token(text: str, is_punct: bool, like_num: bool) -> bool:
    if not text[:1].isupper() or is_punct:
        return False
    return any(c.isalpha() for c in text) and not like_num


@Language.factory("extractor_companies", default_config={"models_dir": None})
def make_company_finder(nlp: Language, name: str, models_dir: str | None) -> CompanyFinder:
    return CompanyFinder(nlp, name, models_dir)


def _short_names_as_full(hits: list[_Hit]) -> list[_Hit]:
    """A name found on its own ("Corvanta, a Santa Clara start-up", "Orient Compute, a Bengaluru
    integrator") whose words open one longer name found elsewhere in the article ("Corvanta AI",
    "Orient Compute Systems") is that company."""
    names = {h.value.name for h in hits}
    longer: dict[str, set[str]] = {}
    for name in names:
        parts = name.split()
        for k in range(1, len(parts)):
            longer.setdefault(" ".join(parts[:k]), set()).add(name)
    return [_Hit(h.start, h.end, CompanyValue(name=next(iter(longer[h.value.name]))), h.rule)
            if len(longer.get(h.value.name, ())) == 1 else h for h in hits]

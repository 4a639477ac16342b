"""Process nodes (PROCESS_NODE): find them in text and turn them into ``NodeValue``.

Two kinds of spelling:

* generic: a number and a length unit ("2nm", "2 nm", "2-nanometer", "2-nano",
  "1.4nm-class"); the value's name is "<n>nm";
* named: a maker's node name ("SF2P", "N3E", "18A", "Intel 3", DRAM "1b"),
  listed with its number in ``models/nodes.yaml``.

A span takes along a directly following "-class" and "process"/"node" (output
contract). Names that are also something else ("A16" is an Apple chip, "1b" a
figure label) are found only in context; ``models/nodes.yaml`` says which
context. Each candidate's rule tells why it was found:

``node.generic_nm``  number + unit
``node.named``       a logic node name that needs no context
``node.dram``        a DRAM generation name that needs no context ("1-beta", "D1c")
``node.context``     a context name with its context ("TSMC's A16", "1c DRAM")
``node.list``        a context name listed beside another node ("N2, A16 and A14")
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from extractor.normalize.spans import Candidate
from extractor.patterns import guarded
from extractor.records import NodeValue
from extractor.resources import load_yaml

__all__ = ["find_nodes", "parse_node"]

_DATA_FILE = "nodes.yaml"
_CORE_RULES = {"logic": "node.named", "dram": "node.dram"}


@dataclass(frozen=True)
class _Node:
    name: str
    nm: Decimal
    family: str
    needs_context: bool


@dataclass(frozen=True)
class _Context:
    after: tuple[str, ...]
    before: tuple[str, ...]
    before_window: int
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    generic: re.Pattern[str]
    named: re.Pattern[str]
    nodes: Mapping[str, _Node]  # by alias with single spaces
    contexts: Mapping[str, _Context]
    not_followed_by: re.Pattern[str]
    joiners: re.Pattern[str]
    max_gap: int
    nm_range: tuple[Decimal, Decimal]
    not_nodes: frozenset[Decimal]


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    rule: str
    family: str


def _words_pattern(words: list[str]) -> str:
    # Word-like entries must end at a word boundary ("to" not in "toward").
    parts = [re.escape(w) + (r"(?!\w)" if w[-1].isalnum() else "") for w in words]
    return "|".join(sorted(parts, key=len, reverse=True))


def _alias_pattern(alias: str) -> str:
    return r"\s+".join(re.escape(part) for part in alias.split())


def _tail(suffixes: dict) -> str:
    words = _words_pattern(suffixes["words"])
    return rf"(?P<tail>(?:{re.escape(suffixes['class'])})?(?:\s+(?:{words})(?![\w-]))?)"


def _read_nodes(families: dict) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    for family, section in families.items():
        for entry in section["nodes"]:
            gated = entry.get("context_aliases") or []
            plain = entry.get("aliases", [] if entry["name"] in gated else [entry["name"]])
            for alias, needs in [(a, False) for a in plain] + [(a, True) for a in gated]:
                alias = " ".join(alias.split())
                if alias in nodes:
                    raise ValueError(f"{_DATA_FILE}: node alias {alias!r} is listed twice")
                nodes[alias] = _Node(entry["name"], Decimal(str(entry["nm"])), family, needs)
    return nodes


def _read_context(context: dict) -> _Context:
    return _Context(tuple(context["after"]), tuple(context["before"]),
                    context["before_window"], tuple(context["not_after"]), tuple(context.get("not_before") or ()))


@lru_cache(maxsize=None)
def _rules(directory: str | None = None) -> _Rules:
    data = load_yaml(_DATA_FILE, directory)
    generic, tail = data["generic"], _tail(data["suffixes"])
    units = "|".join(re.escape(u) for u in generic["units"])
    nodes = _read_nodes(data["families"])
    aliases = "|".join(_alias_pattern(a) for a in sorted(nodes, key=len, reverse=True))
    contexts = {family: _read_context(section["context"]) for family, section in data["families"].items()}
    return _Rules(
        # Not after a digit, dot, comma or currency sign: "1,000 nm", "$2nm".
        generic=guarded(rf"(?<![\w.,$])(?P<num>\d{{1,3}}(?:\.\d{{1,2}})?)(?:\s?-\s?|\s)?"
                        rf"(?i:{units})(?![A-Za-z0-9]){tail}"),
        # A name is a token of its own: not "SN2", "N20", "N2O", "SF1.45", "$1b".
        named=guarded(rf"(?<![\w.+\-$])(?P<alias>{aliases})(?![\w+]|\.\d){tail}"),
        nodes=MappingProxyType(nodes),
        contexts=MappingProxyType(contexts),
        not_followed_by=re.compile(rf"\s*(?:{_words_pattern(data['not_followed_by'])})"),
        joiners=re.compile(rf"(?:\s+|{_words_pattern(data['lists']['joiners'])})*"),
        max_gap=data["lists"]["max_gap"],
        nm_range=(Decimal(str(generic["min_nm"])), Decimal(str(generic["max_nm"]))),
        not_nodes=frozenset(Decimal(str(n)) for n in generic["not_nodes"]),
    )


def _plain(number: Decimal) -> str:
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _matches_word(word: str, entries: tuple[str, ...]) -> bool:
    word = word.casefold()
    for entry in entries:
        entry = entry.casefold()
        if word == entry or (entry.endswith("*") and word.startswith(entry[:-1])):
            return True
    return False


def _next_word(text: str, end: int) -> str:
    found = re.match(r"\s+([^\s,;:()]+)|(-class)", text[end:])
    return (found.group(1) or found.group(2)).rstrip(".") if found else ""


def _words_before(text: str, start: int, count: int) -> list[str]:
    words = text[max(0, start - 80):start].rstrip(" \t\n(").split()[-count:]
    return [re.sub(r"(?:'s|’s)$", "", w.strip("(),;:\"'“”")) for w in words]


_LIST_HEAD = re.compile(r"(?:^|\n)\s*[-•*·–]\s*$")


def _context_ok(text: str, match: re.Match[str], context: _Context) -> bool | None:
    """True: context given; False: ruled out; None: only a list neighbour can decide."""
    next_word = _next_word(text, match.end("alias"))
    if _matches_word(next_word, context.not_after):
        return False
    if match.group("tail") or _matches_word(next_word, context.after):
        return True
    if _LIST_HEAD.search(text, 0, match.start()) and text.startswith(":", match.end("alias")):
        return True  # a node heading a list line: "- A16: first tape-outs ..."
    before = _words_before(text, match.start(), context.before_window)
    return True if any(_matches_word(w, context.before) for w in before) else None


def _followed_off(text: str, match: re.Match[str], rules: _Rules) -> bool:
    return rules.not_followed_by.match(text, match.end()) is not None


def _generic_hits(text: str, rules: _Rules) -> list[_Hit]:
    hits = []
    for match in rules.generic.finditer(text):
        number = Decimal(match.group("num"))
        low, high = rules.nm_range
        if low <= number <= high and number not in rules.not_nodes and not _followed_off(text, match, rules):
            hits.append(_Hit(match.start(), match.end(), "node.generic_nm", "logic"))
    return hits


def _named_hits(text: str, rules: _Rules) -> tuple[list[_Hit], list[_Hit]]:
    """Accepted hits, and hits still waiting for a list neighbour."""
    accepted, waiting = [], []
    for match in rules.named.finditer(text):
        node = rules.nodes[" ".join(match.group("alias").split())]
        if _followed_off(text, match, rules):
            continue
        hit = _Hit(match.start(), match.end(), _CORE_RULES[node.family], node.family)
        if not node.needs_context:
            accepted.append(hit)
            continue
        verdict = _context_ok(text, match, rules.contexts[node.family])
        if verdict:
            accepted.append(_Hit(hit.start, hit.end, "node.context", hit.family))
        elif verdict is None:
            waiting.append(hit)
    return accepted, waiting


def _neighbours(text: str, hit: _Hit, others: list[_Hit], rules: _Rules) -> bool:
    for other in others:
        if other.family != hit.family:
            continue
        if other.end <= hit.start:
            gap = text[other.end:hit.start]
        elif hit.end <= other.start:
            gap = text[hit.end:other.start]
        else:
            continue
        if 0 < len(gap) <= rules.max_gap and rules.joiners.fullmatch(gap):
            return True
    return False


def _add_list_members(text: str, accepted: list[_Hit], waiting: list[_Hit], rules: _Rules) -> None:
    # Repeat: "N2, A16 and A14" accepts A16 beside N2, then A14 beside A16.
    changed = True
    while changed:
        changed = False
        for hit in list(waiting):
            if _neighbours(text, hit, accepted, rules):
                accepted.append(_Hit(hit.start, hit.end, "node.list", hit.family))
                waiting.remove(hit)
                changed = True


def _longest_first(hits: list[_Hit]) -> list[Candidate]:
    chosen: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if all(hit.end <= c.start or c.end <= hit.start for c in chosen):
            chosen.append(hit)
    return [Candidate(h.start, h.end, h.rule) for h in sorted(chosen, key=lambda h: h.start)]


def _add_repeats(text: str, accepted: list[_Hit], waiting: list[_Hit], rules: _Rules) -> None:
    """A name the text has already shown to be a node ("TSMC's A16 node") is one wherever else it
    stands bare ("A16 adds Super Power Rail", "reserved A16 capacity"), unless the words just before
    name another owner's chip ("Apple's A16")."""
    known = {match.group("alias") for h in accepted
             if h.rule in {"node.context", "node.list"} and (match := rules.named.match(text, h.start))}
    for hit in list(waiting):
        words = _words_before(text, hit.start, 1)
        context = rules.contexts[hit.family]
        if text[hit.start:hit.end] in known and not (words and _matches_word(words[-1], context.not_before)):
            accepted.append(_Hit(hit.start, hit.end, "node.repeat", hit.family))
            waiting.remove(hit)


def find_nodes(text: str) -> list[Candidate]:
    """Non-overlapping spans of process nodes in ``text``, longest match first, in text order.

    >>> find_nodes("Samsung's 2-nanometer process")
    [Candidate(start=10, end=29, rule='node.generic_nm')]
    >>> [text[s:e] for text in ["Intel 18A and TSMC N2P"] for s, e, _ in find_nodes(text)]
    ['Intel 18A', 'N2P']
    >>> find_nodes("TSMC's A16 node")
    [Candidate(start=7, end=15, rule='node.context')]
    >>> find_nodes("Apple's A16 Bionic chip and 25% of 5 nmol")
    []
    >>> [rule for _, _, rule in find_nodes("its 1b and 1c DRAM")]
    ['node.list', 'node.context']
    """
    rules = _rules()
    hits = _generic_hits(text, rules)
    named, waiting = _named_hits(text, rules)
    hits += named
    _add_list_members(text, hits, waiting, rules)
    _add_repeats(text, hits, waiting, rules)
    return _longest_first(hits)


def parse_node(text: str) -> NodeValue | None:
    """The value of one node span: its number in nm and its marketed name; None if it is no node.

    >>> parse_node("2-nanometer process")
    NodeValue(nm=2.0, name='2nm')
    >>> parse_node("1.4nm-class")
    NodeValue(nm=1.4, name='1.4nm')
    >>> parse_node("Intel 18A")
    NodeValue(nm=1.8, name='18A')
    >>> parse_node("1b")
    NodeValue(nm=10.0, name='1b')
    >>> parse_node("Samsung") is None
    True
    """
    rules = _rules()
    text = text.strip()
    generic = rules.generic.fullmatch(text)
    if generic:
        number = Decimal(generic.group("num"))
        return NodeValue(nm=float(number), name=f"{_plain(number)}nm")
    named = rules.named.fullmatch(text)
    if named:
        node = rules.nodes[" ".join(named.group("alias").split())]
        return NodeValue(nm=float(node.nm), name=node.name)
    return None


def node_makers(directory: str | None = None) -> dict[str, str]:
    """Marketed node name -> id of the one company that makes it ("SF2P" -> Samsung).

    >>> node_makers()["SF2P"], node_makers()["N2"], "2nm" in node_makers()
    ('samsung-electronics', 'tsmc', False)
    """
    families = load_yaml(_DATA_FILE, directory)["families"]
    return {e["name"]: e["maker"] for f in families.values() for e in f["nodes"] if e.get("maker")}


def memory_nodes(directory: str | None = None) -> frozenset[str]:
    """Marketed names of the DRAM generations ("1b", "1c"): memory makers' nodes, never a
    foundry's.

    >>> sorted(n for n in memory_nodes() if n in {"1b", "N2"})
    ['1b']
    """
    families = load_yaml(_DATA_FILE, directory)["families"]
    return frozenset(e["name"] for e in families["dram"]["nodes"])

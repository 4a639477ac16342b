"""What the relation rules see of an article: its text, sentences and mentions."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Item:
    """One mention, as the relation rules see it."""

    label: str
    start: int
    end: int
    text: str
    value: Any = field(hash=False)  # (a pydantic value hashes field by field, in Python: slow)
    sentence: int
    rule: str | None = None
    # the company's name (None for other values), read once: the rules ask for it ~300 times an article
    name: str | None = field(init=False, repr=False, compare=False)
    # the hash dataclass would compute on every lookup (of the same fields), computed once:
    # the rules keep items in sets and dicts
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # an amount's or a date's value has no name: not asked (a pydantic model answers a
        # missing attribute through an exception, ~2 us)
        name = None if self.label in _NAMELESS else getattr(self.value, "name", None)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "_hash", hash((self.label, self.start, self.end, self.text, self.sentence, self.rule)))

    def __hash__(self) -> int:
        return self._hash


_NAMELESS = frozenset({"MONEY", "QUANTITY", "DATE"})  # MoneyValue, QuantityValue, DateValue


@dataclass(frozen=True)
class SentenceView:
    index: int
    start: int
    end: int
    text: str


@dataclass
class ArticleView:
    text: str
    sentences: list[SentenceView]
    items: list[Item] = field(default_factory=list)
    described: dict[str, frozenset[str]] = field(default_factory=dict)  # roles of unknown companies
    product_owners: dict[str, str] = field(default_factory=dict)  # learned while reading the article
    # a named company's country and roles, when known (what "the Korean foundry" can stand for)
    facts: Callable[[str], tuple[str | None, frozenset[str]]] | None = None
    epithets: dict[str, str] = field(default_factory=dict)  # "iphone maker" -> "Apple"
    seats: dict[str, frozenset[str]] = field(default_factory=dict)  # "SK hynix" -> {"icheon"}
    seat_towns: re.Pattern | None = None  # any town of ``seats``
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    cache: dict = field(default_factory=dict, repr=False)  # per-article results of pure lookups
    # items_in's index: per label (None: all), the items and their starts; and its answers
    _indexed: int = field(default=-1, repr=False)
    _by_label: dict[str | None, tuple[list[int], list[Item]]] = field(default_factory=dict, repr=False)
    _found: dict[tuple, list[Item]] = field(default_factory=dict, repr=False)

    def items_in(self, start: int, end: int, label: str | None = None) -> list[Item]:
        """Items inside ``[start, end)``, in text order (``items`` is sorted by start).

        The rules ask for the same clause's companies many times: each answer is
        kept (a copy is returned, callers may extend it) until ``items`` grows."""
        if self._indexed != len(self.items):
            self._index()
        key = (start, end, label)
        found = self._found.get(key)
        if found is None:
            starts, items = self._by_label.get(label, ((), ()))
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            found = self._found[key] = [i for i in items[first:last] if i.end <= end]
        return list(found)

    def _index(self) -> None:
        self._by_label = {None: ([i.start for i in self.items], self.items)}
        for item in self.items:
            self._by_label.setdefault(item.label, ([], []))
            self._by_label[item.label][0].append(item.start)
            self._by_label[item.label][1].append(item)
        self._found = {}
        self._indexed = len(self.items)

    def sentence_after(self, sentence: SentenceView) -> SentenceView | None:
        """The next sentence of the article, if there is one."""
        index = sentence.index + 1
        return self.sentences[index] if index < len(self.sentences) else None

    def sentence_of(self, position: int) -> SentenceView:
        """The sentence a character offset falls in (the last one past the end)."""
        if len(self._sentence_starts) != len(self.sentences):
            self._sentence_starts = [s.start for s in self.sentences]
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        return self.sentences[max(index, 0)]

"""The first-character guard changes how fast a pattern searches, never what it finds."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import extractor
from extractor.normalize import date_rules, money, nodes, qualifiers, quantity
from extractor.patterns import first_characters, guarded, start_guard
from extractor.relations import context, implied, parties, products, refine
from extractor.relations.cues import load_cues

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern, expected", [
    (r"\bby\s*$", r"[\x62]"),
    (r"\b(?:it|its|itself)\b", r"[\x69]"),
    (r"(?:\w+\s+){0,3}x", r"[\w\x78]"),
    (r"a?b", r"[\x61\x62]"),
    (r"\d+%|\b(?:booked)\b", r"[\d\x62]"),
    (r"(?<![\w-])foo", r"[\x66]"),
    (r"(?i:abc)", r"[\x61]"),
    (r"(?-i:abc)|d", r"(?-i:[\x61])|(?i:[\x64])"),  # each class under its own case rule
    (r"^\s*foo", None),  # anchored already
    (r"^\s*foo|bar", None),  # position 0 takes any character
    (r"a*", None),  # may match nothing, anywhere
    (r"[^a]b", None),
    (r".b", None),
    (r"(?s:a)", None),  # the class would not share the flag
])
def test_first_characters(pattern, expected):
    assert first_characters(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize("pattern, expected", [
    # only at a word's start (never the "b" inside "verb"), and only where "y" follows
    (r"\bby\s*$", r"(?=[\x62])\b(?=[\x62][\x79])"),
    # a boundary only where the branch asserts one
    (r"(?<!will )\bfoo|,x", r"(?=[\x2c]|(?=[\x66])\b)(?=[\x2c][\x78]|[\x66][\x6f][\x6f])"),
    (r"\bfoo|f", r"(?=[\x66])"),  # "f" may also start without one, and end the match
    # the boundary holds for "b" when "a" is skipped; after "a" comes "b"
    (r"\b(?:a)?b", r"(?=[\x61\x62])\b(?=[\x61][\x62]|[\x62])"),
    (r"(?:a)?\bb", r"(?=[\x61]|(?=[\x62])\b)(?=[\x61][\x62]|[\x62])"),
    (r"a{2}b", r"(?=[\x61])(?=[\x61][\x61][\x62])"),  # a repeat's next round, then what follows
    (r"(?:\w+\s+){0,3}x", r"(?=[\w\x78])(?=[\w](?:[\s][\s\w\x78]|[\w][\s\w])|[\x78])"),
    (r"\b(?:won|secured|signed|sealed)\b",
     r"(?=[\x73\x77])\b(?=[\x73](?:[\x65][\x61\x63]|[\x69][\x67])|[\x77][\x6f][\x6e])"),
    (r"(?-i:Q[1-4])|\bfy\d", r"(?=(?-i:[\x51])|(?=[\x66])\b)(?=(?-i:[\x51])(?-i:[\x31-\x34])|[\x66][\x79][\d])"),
    (r"^\s*foo", None),
    # a branch anchored at the start is tried at position 0 only; the others guard every later position
    (r"^\s*foo|\bby\s*$", r"(?:\A|(?=[\x62])\b(?=[\x62][\x79]))"),
    (r"(?:^|\s)foo", r"(?:\A|(?=[\s])(?=[\s][\x66][\x6f]))"),
    (r"(?:^a)|(?:^b)", None),  # anchored in every branch: re tries it at the start only already
    (r"(?m)^foo|\bbar", None),  # "^" may match after any line break: compiled as written
])
def test_start_guard(pattern, expected):
    assert start_guard(pattern, re.IGNORECASE) == expected


def _originals(value):
    """Every compiled pattern in a Cues field, with the pattern as written."""
    if isinstance(value, re.Pattern):
        yield value, re.compile(_written(value.pattern, value.flags), value.flags)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _originals(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _originals(item)


def _written(text: str, flags: int) -> str:
    """The pattern as written, from a compiled "<start guard>(?:written)"."""
    for split in (m.start() for m in re.finditer(re.escape("(?:"), text)):
        written = text[split + 3:-1]
        try:
            if text.endswith(")") and start_guard(written, flags) == text[:split]:
                return written
        except re.error:  # split inside the guard or the pattern
            continue
    return text


def _texts() -> list[str]:
    """Corpus paragraphs and the short windows before and after its words that the
    relation rules search."""
    texts = []
    for path in sorted((ROOT / "corpus").glob("*/articles/*.txt"))[::3]:
        text = path.read_text(encoding="utf-8")
        texts += text.split("\n\n")
        starts = [m.start() for m in re.finditer(r"(?<=\s)\S", text)][::11]
        texts += [text[max(0, s - 80):s] for s in starts] + [text[s:s + 120] for s in starts]
    return texts


def _all_patterns():
    """The compiled patterns of the cues, the finders' modules and the product finder."""
    cues = load_cues()
    values = [getattr(cues, field.name) for field in dataclasses.fields(cues)]
    for module in (date_rules, money, qualifiers, quantity, context, implied, parties, products, refine):
        values += [v for v in vars(module).values() if isinstance(v, (re.Pattern, list, tuple))]
    rules = nodes._rules()
    values += [rules.generic, rules.named]
    values.append(extractor.load().get_pipe("extractor_relations").orders.parties.products._pattern)
    return [pair for value in values for pair in _originals(value)]


def test_guarded_patterns_find_the_same():
    texts = _texts()
    pairs = _all_patterns()
    assert sum(1 for guarded_, _ in pairs if guarded_.pattern.startswith("(?=")) > 40
    for fast, written in pairs:
        for text in texts:
            assert [m.span() + m.groups() + (m.lastgroup,) for m in fast.finditer(text)] == \
                [m.span() + m.groups() + (m.lastgroup,) for m in written.finditer(text)], (written.pattern, text)
            found, expected = fast.match(text), written.match(text)
            assert (found and found.span()) == (expected and expected.span())


def test_anchored_branches_find_the_same():
    written = r"^\s*[A-Z][\w ]{1,20}?\s[—–]\s*$|\bfor\s*$|(?:^|,\s*)foo"
    fast, slow = guarded(written, re.IGNORECASE), re.compile(written, re.IGNORECASE)
    assert fast.pattern.startswith(r"(?:\A|")
    for text in ("Amkor — ", "  Nvidia (B300) — ", "orders for ", "x, foo", "foo", "a foo", "\nfoo", "for"):
        for start in range(len(text) + 1):  # a search from a later position never matches "^"
            assert [m.span() for m in fast.finditer(text, start)] == [m.span() for m in slow.finditer(text, start)]
            found, expected = fast.match(text, start), slow.match(text, start)
            assert (found and found.span()) == (expected and expected.span()), (text, start)


def test_guarded_keeps_groups_and_flags():
    pattern = guarded(r"\b(?P<n>\d+)\s*(won|dollars)\b", re.IGNORECASE)
    match = pattern.search("a deal of 10 WON in 2026")
    assert match.group("n", 2) == ("10", "WON") and match.lastgroup is None and pattern.groups == 2
    assert guarded(r"(?i)abc").search("xABC").span() == (1, 4)  # global inline flags: compiled as written
    mixed = guarded(r"(?-i:Q[1-4])|\bfy\d", re.IGNORECASE)
    assert [m.group() for m in mixed.finditer("q1 Q2 FY26 fy27")] == ["Q2", "FY2", "fy2"]


def test_any_role_marker_is_any_of_the_list():
    cues = load_cues()
    for text in _texts():
        for key, markers in cues.role_markers.items():
            assert bool(cues.any_role_marker[key].search(text)) == any(p.search(text) for p, _ in markers), (key, text)

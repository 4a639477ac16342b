"""List lines in market wraps and trade notes ("- Nvidia: ~55% (Rubin)", "- Apple / Amkor: ...")."""
from __future__ import annotations

import re

from .context import Clause
from .cues import Cues
from .views import ArticleView, Item, SentenceView


def bullet_head(view: ArticleView, clause: Clause, cues: Cues) -> tuple[int, int] | None:
    """The span of a list line's heading before its colon, when it names a company or a
    node ("- Apple / Amkor:", "- N2: Apple (A20); Qualcomm ...")."""
    sentence = clause.sentence
    match = cues.bullet.match(sentence.text) or _paragraph_head(view, sentence, cues)
    if match is None:
        return None
    span = (sentence.start + match.start("head"), sentence.start + match.end("head"))
    named = view.items_in(span[0], span[1], "COMPANY") or view.items_in(span[0], span[1], "PROCESS_NODE")
    return span if named else None


def _paragraph_head(view: ArticleView, sentence: SentenceView, cues: Cues) -> re.Match | None:
    """A paragraph that opens with a short heading and a colon ("Microsoft (GB300 NVL72):
    Foxconn ~55%; ..."), not a speaker introducing a quote."""
    if sentence.start > 0 and view.text[sentence.start - 1] != "\n":
        return None
    match = cues.paragraph_head.match(sentence.text)
    if match is None or cues.speech.search(match.group("head")):
        return None
    return match


def list_intro(view: ArticleView, sentence: SentenceView, cues: Cues) -> SentenceView | None:
    """The sentence that introduces the list a line belongs to ("Customer split of CoWoS-L
    wafer starts:"), or None when the sentence is no list line."""
    if not cues.list_marker.match(sentence.text):
        return None
    for index in range(sentence.index - 1, -1, -1):
        earlier = view.sentences[index]
        if not cues.list_marker.match(earlier.text) and earlier.text.strip():
            return earlier
    return None


def line_subject(view: ArticleView, clause: Clause, cues: Cues) -> Item | None:
    """The company a list line opens with, as its subject ("- AMD has secured close to 8%")."""
    marker = cues.list_marker.match(clause.sentence.text)
    if marker is None or clause.start != clause.sentence.start:
        return None
    first = view.items_in(clause.sentence.start + marker.end(), clause.end, "COMPANY")
    return first[0] if first and first[0].start == clause.sentence.start + marker.end() else None


def list_counterparts(view: ArticleView, sentence: SentenceView, cues: Cues) -> list:
    """Companies a list's short introduction names ("Nvidia (Rubin):"): the other party of
    every line in it."""
    intro = list_intro(view, sentence, cues)
    if intro is None or not intro.text.rstrip().endswith(":") or len(intro.text) > 100:
        return []
    return view.items_in(intro.start, intro.end, "COMPANY")


def table_role(view: ArticleView, item: Item, cues: Cues) -> str | None:
    """"customer" or "supplier" for a company in a text table whose header names the
    columns ("Customer | Supplier | Status" over "Nvidia (Rubin) | SK hynix | volume ...")."""
    line_start = view.text.rfind("\n", 0, item.start) + 1
    line_end = view.text.find("\n", item.start)
    line = view.text[line_start:line_end if line_end >= 0 else len(view.text)]
    if "|" not in line:
        return None
    column = view.text.count("|", line_start, item.start)
    header = _table_header(view, line_start)
    if header is None or column >= len(header):
        return None
    for role, pattern in cues.table_columns:
        if pattern.search(header[column]):
            return role
    return None


def _table_header(view: ArticleView, line_start: int) -> list[str] | None:
    """The cells of the first line of the block of "|" lines a line belongs to."""
    key = ("table_header", line_start)
    if key not in view.cache:
        start = line_start
        while start > 0:
            previous = view.text.rfind("\n", 0, start - 1) + 1
            if "|" not in view.text[previous:start - 1]:
                break
            start = previous
        end = view.text.find("\n", start)
        view.cache[key] = [cell.strip() for cell in view.text[start:end if end >= 0 else None].split("|")] \
            if start != line_start else None
    return view.cache[key]

"""When a figure holds: the date its clause ties to the amount, not every date the clause names."""
from __future__ import annotations

import re

from .context import Clause, is_dateline
from .cues import Cues
from .views import ArticleView, Item


def figure_timing(view: ArticleView, clause: Clause, item: Item, kind: str, cues: Cues) -> Item | None:
    """The date the clause ties to the amount: the period word of its noun ("third-quarter
    revenue of"), else one right after it ("75,000 wafers a month at the end of 2025"), else the
    first date no other amount holds that way, else one an amount stated alongside holds
    ("operating profit of X in the third quarter, on revenue of Y"), but not one across a change
    ("20 MW at launch, rising to 100 MW by 2027"); never the date of a statement ("said on
    Thursday") or of a later event ("with output starting in 2027"). A clause with no date and no
    company of its own takes one from the clause before it in the sentence ("revenue of X last
    year, and its operating profit was Y")."""
    dates = _dates(view, clause.start, clause.end)
    named = [d for d in dates if d.end <= item.start and _names_period(view, d, item, kind, cues)]
    if named:
        return named[-1]
    if not dates and not view.items_in(clause.start, item.start, "COMPANY"):
        dates = _dates(view, clause.sentence.start, clause.start)
        clause = Clause(clause.sentence, dates[0].start, clause.end) if dates else clause
    dates = [d for d in dates if not _statement_date(view, clause, d, kind, cues)
             and not (d.start > item.end and cues.event_date.search(view.text, item.end, d.start))]
    held = _held(view, clause, dates)
    own = [d for d in dates if held.get(d) is item]
    free = [d for d in dates if d not in held]
    alongside = [d for d in dates if d in held and not cues.figure_change.search(
        view.text, min(item.end, held[d].end), max(item.start, held[d].start))]
    return (own or free or alongside or [None])[0]


def _dates(view: ArticleView, start: int, end: int) -> list[Item]:
    return [d for d in view.items_in(start, end, "DATE") if d.value.value and not is_dateline(view, d)]


def _held(view: ArticleView, clause: Clause, dates: list[Item]) -> dict[Item, Item]:
    """Each date that directly follows an amount, and that amount."""
    amounts = [i for i in view.items_in(clause.start, clause.end) if i.label in {"MONEY", "QUANTITY"}]
    held = {}
    for date in dates:
        holder = next((a for a in reversed(amounts) if a.end <= date.start), None)
        if holder is not None and _DATE_AFTER.fullmatch(view.text, holder.end, date.start):
            held[date] = holder
    return held


def _statement_date(view: ArticleView, clause: Clause, date: Item, kind: str, cues: Cues) -> bool:
    """The date of a statement, a call or a filing: after "said" or before "reported", or a day
    a result was told ("reported fourth-quarter revenue of X on Thursday")."""
    before = view.text[max(clause.start, date.start - 25):date.start]
    if cues.statement_date_before.search(before) or cues.statement_date_after.match(view.text, date.end, clause.end):
        return True
    value = date.value.value
    return kind in cues.statement_day_kinds and (len(value) == 10 or "-W" in value) and \
        not cues.statement_day_kept.match(date.text)


def _names_period(view: ArticleView, date: Item, item: Item, kind: str, cues: Cues) -> bool:
    """Is the date the period word of the figure's own noun ("reported third-quarter operating
    profit of", "guided 2026 capital expenditure to about")?"""
    between = view.text[date.end:item.start]
    if _CLAUSE_BREAK.search(between) or any(i.label in {"MONEY", "QUANTITY"} for i in view.items_in(date.end, item.start)):
        return False
    cue = dict(cues.figure_kinds)[kind].search(between)
    if cue is None or cue.start() > 30:
        return False
    gap = between[:cue.start()]
    return gap.strip(" -").count(" ") <= 1 and not _NOT_A_MODIFIER.search(gap)


# an amount's own date: "75,000 wafers a month at the end of 2025", "11.4 trillion won (about $8 billion) in the
# third quarter", "16k wpm at Taylor by end-2027"
_DATE_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:at|in) (?:[A-Z][\w-]*\s+){1,3})?(?:(?:in|by|at|for|during|as of|"
                         r"through|until|since|of|from|on|over|to|before|after)\s+)?(?:(?:calendar|fiscal|fiscal year|FY)\s+)?")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|while|whereas)\b")
# words that can't stand between a period and its figure noun ("last month it would invest", "next year after losing")
_NOT_A_MODIFIER = re.compile(r"\b(?:it|its|he|she|they|we|that|which|would|will|to|is|was|were|has|had|have|said|says|"
                             r"expects?|plans?|could|may|might|after|before|from|in|on|at|by|for|since|as|than|of|with)\b",
                             re.IGNORECASE)

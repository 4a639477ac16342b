"""List lines in market wraps and trade notes ("- Nvidia: ~55% (Rubin)", "- Apple / Amkor: ...")."""
from __future__ import annotations

import re
from typing import NamedTuple

from .context import Clause, line_start_of, references
from .cues import Cues
from .views import ArticleView, Item, SentenceView


# the longest list introduction whose words hold for every line ("TSMC is taking SoIC capacity to about
# 18k wpm by late 2027, from roughly 7k wpm today, and the 2027 queue is short:")
SHORT_INTRO_CHARS = 140
# the longest one whose dates time every line: a longer one tells of more than the lines ("... to
# about 18k wpm by late 2027, from roughly 7k wpm today, and the 2027 queue is short:"; measured on dev)
DATING_INTRO_CHARS = 100


def bullet_head(view: ArticleView, clause: Clause, cues: Cues) -> tuple[int, int] | None:
    """The span of a list line's heading before its colon, when it names a company or a
    node ("- Apple / Amkor:", "- N2: Apple (A20); Qualcomm ..."): the clause's sentence's,
    read once per sentence (each of its clauses asks)."""
    key = ("bullet_head", clause.sentence.index, len(view.items))
    if key not in view.cache:
        view.cache[key] = _bullet_head(view, clause.sentence, cues)
    return view.cache[key]


def _bullet_head(view: ArticleView, sentence: SentenceView, cues: Cues) -> tuple[int, int] | None:
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
        if not cues.list_marker.match(earlier.text) and earlier.text.strip() \
                and not _inside_line(view, earlier, cues) and not _node_heading(view, earlier):
            return earlier
    return None


def _inside_line(view: ArticleView, sentence: SentenceView, cues: Cues) -> bool:
    """Is the sentence a list line's second sentence ("- Preferred Networks: taped out in January.
    Gaonchips is handling back-end design.")? It introduces nothing."""
    line_start = line_start_of(view, sentence)
    return line_start < sentence.start and bool(cues.list_marker.match(view.text[line_start:sentence.start]))


def _node_heading(view: ArticleView, sentence: SentenceView) -> bool:
    """Is the sentence a section heading naming a node alone ("SF2P" over its customers)? The list
    goes on under it, introduced above."""
    return len(sentence.text.strip()) <= NODE_HEADING_CHARS \
        and len(view.items_in(sentence.start, sentence.end, "PROCESS_NODE")) == 1


NODE_HEADING_CHARS = 30  # a section heading naming a node is short ("SF2P", "N2 / N2P family")


def line_subject(view: ArticleView, clause: Clause, cues: Cues) -> Item | None:
    """The company a list line opens with, as its subject ("- AMD has secured close to 8%")."""
    marker = cues.list_marker.match(clause.sentence.text)
    if marker is None or clause.start != clause.sentence.start:
        return None
    first = view.items_in(clause.sentence.start + marker.end(), clause.end, "COMPANY")
    return first[0] if first and first[0].start == clause.sentence.start + marker.end() else None


def short_intro(view: ArticleView, sentence: SentenceView, cues: Cues,
                longest: int = SHORT_INTRO_CHARS) -> SentenceView | None:
    """The short introduction, ending in a colon, of the list a line is in ("Nvidia (Rubin):",
    "Per the same sources, the main 2027 CoWoS bookings are:"): what it names holds for every line."""
    intro = list_intro(view, sentence, cues)
    if intro is None or not intro.text.rstrip().endswith(":") or len(intro.text) > longest:
        return None
    return intro


_ITS = re.compile(r"\b(?:its|their)\b")

# a name right before a product and its goods ("Nvidia Vera Rubin NVL144 racks", "AMD Instinct MI450 GPUs")
_BRAND_OF_GOODS = re.compile(r"\s+(?:[A-Z][\w.-]*\s+){1,3}(?:racks?|GPUs?|chips?|servers?|systems?|boards?|"
                             r"accelerators?|processors?|cards?)\b")


def list_counterparts(view: ArticleView, sentence: SentenceView, cues: Cues, window: int) -> list:
    """Companies a list's short introduction names ("Nvidia (Rubin):"): the other party of
    every line in it (``window``: sentences back for the company its "its" stands for)."""
    intro = short_intro(view, sentence, cues)
    named = view.items_in(intro.start, intro.end, "COMPANY") if intro is not None else []
    if intro is not None and not named and _ITS.search(view.text, intro.start, intro.end):
        # "The breakdown of its 2027 rack allocation, per the sources:": whom "its" stands for
        named = references(view, Clause(sentence, intro.start, intro.end), cues, set(), window)[:1]
    brands = [i for i in named if _BRAND_OF_GOODS.match(view.text, i.end, intro.end)]
    # "Oracle's 2027 builds of Nvidia Vera Rubin NVL144 racks ... :": the goods' brand is no party of the lines
    return [i for i in named if i not in brands] if brands and len(brands) < len(named) else named


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
        start = _first_table_line(view, line_start)
        view.cache[key] = [view.text[a:b].strip() for a, b in _cells(view, start)] if start != line_start else None
    return view.cache[key]


def grid_cells(view: ArticleView, clause: Clause, cues: Cues) -> list[tuple[Item, Item, int, int, int, int]]:
    """The filled cells of a buyer x supplier grid row: a text table whose header names a
    company over each column after the first ("| Buyer | SK hynix | Samsung | Micron |"), and
    whose row opens with the buyer ("| Nvidia (Rubin) | volume shipments | sampling | — |").
    Each as (buyer, supplier, cell start, cell end, first cell start, first cell end); a
    dash or an empty cell is none."""
    row = _table_row(view, clause.start)
    if row is None or not clause.start <= row.first < clause.end:
        return []  # (read once per row: by the clause it opens with)
    suppliers = [_sole_company(view, a, b) for a, b in _cells(view, row.header_start)]
    if sum(1 for s in suppliers[1:] if s is not None) < 2:
        return []
    label = row.label_column
    if label is None or label >= len(suppliers) or suppliers[label] is not None:
        return []
    buyer_cell = row.cells[label]
    buyers = view.items_in(buyer_cell[0], buyer_cell[1], "COMPANY")
    if not buyers:
        return []
    found = []
    for column, (a, b) in enumerate(row.cells):
        supplier = suppliers[column] if column < len(suppliers) else None
        text = view.text[a:b].strip()
        if supplier is None or column <= label or not text or _EMPTY_CELL.fullmatch(text):
            continue
        found.append((buyers[0], supplier, a, b, buyer_cell[0], buyer_cell[1]))
    return found


def step_cells(view: ArticleView, clause: Clause, cues: Cues) -> list[tuple[Item, Item, str, int, int, int, int]] | None:
    """The entries of a buyer x step grid row: a text table whose header names a service over
    each column after the first ("| Buyer (part) | Foundry | Packaging | HBM |"), and whose row
    opens with the buyer ("| AMD (MI500) | TSMC, N2 | TSMC, CoWoS-L; ASE, oS | Samsung |").
    Each entry (";" apart) names its supplier first; as (buyer, supplier, service, entry start,
    entry end, first cell start, first cell end). Two suppliers in one entry ("SK hynix +
    Samsung, split n/d") share the step: none. None when the line is no such row."""
    row = _table_row(view, clause.start)
    services = _step_columns(view, row.header_start, cues) if row is not None else None
    label = row.label_column if services is not None else None
    if label is None or label >= len(services) or services[label] is not None:
        return None
    buyer_cell = row.cells[label]
    buyers = view.items_in(buyer_cell[0], buyer_cell[1], "COMPANY")
    if not buyers or not clause.start <= row.first < clause.end:
        return [] if buyers else None  # (read once per row: by the clause it opens with)
    found = []
    for column, (a, b) in enumerate(row.cells):
        service = services[column] if column < len(services) else None
        if service is None:
            continue
        for entry_start, entry_end in _entries(view, a, b):
            suppliers = view.items_in(entry_start, entry_end, "COMPANY")
            if len({i.name for i in suppliers}) == 1:
                found.append((buyers[0], suppliers[0], service, entry_start, entry_end, *buyer_cell))
    return found


class _Row(NamedTuple):
    """A data row of a text table, as the readers of tables need it."""
    first: int  # where the row's text starts
    header_start: int  # where its table's header line starts
    cells: list[tuple[int, int]]
    label_column: int | None  # the first filled cell: the row's label ("Nvidia (Rubin)")


def _table_row(view: ArticleView, position: int) -> _Row | None:
    """The table row the line at ``position`` is; None for a line with no "|", a table's
    header or a rule row."""
    line_start = view.text.rfind("\n", 0, position + 1) + 1
    line_end = view.text.find("\n", line_start)
    line = view.text[line_start:len(view.text) if line_end < 0 else line_end]
    header_start = _table_start(view, line_start) if "|" in line else None
    if header_start is None:
        return None
    cells = _cells(view, line_start)
    label = next((i for i, (a, b) in enumerate(cells) if view.text[a:b].strip()), None)
    return _Row(line_start + len(line) - len(line.lstrip()), header_start, cells, label)


def _step_columns(view: ArticleView, header_start: int, cues: Cues) -> list[str | None] | None:
    """The service each header cell names (None for the first cell and cells naming none);
    None when fewer than two columns name a service, or a header cell names a company."""
    key = ("step_columns", header_start)
    if key not in view.cache:
        cells = _cells(view, header_start)
        named = []
        for a, b in cells:
            text = view.text[a:b].strip()
            service = next((s for s, p in cues.services if p.search(text)), None) if text else None
            named.append(service if len(text.split()) <= 3 else None)
        companies = any(view.items_in(a, b, "COMPANY") for a, b in cells)
        view.cache[key] = named if sum(1 for n in named[1:] if n) >= 2 and not companies else None
    return view.cache[key]


def _entries(view: ArticleView, start: int, end: int) -> list[tuple[int, int]]:
    """The ";"-separated entries of a cell, as spans."""
    spans, position = [], start
    for part in view.text[start:end].split(";"):
        spans.append((position, position + len(part)))
        position += len(part) + 1
    return [(a, b) for a, b in spans if view.text[a:b].strip() and not _EMPTY_CELL.fullmatch(view.text[a:b].strip())]


_EMPTY_CELL = re.compile(r"[-—–]+|n/?a|none|no|nil|\?|x", re.IGNORECASE)
_RULE_ROW = re.compile(r"[\s|:+-]*")


def _cells(view: ArticleView, line_start: int) -> list[tuple[int, int]]:
    """The (start, end) of each "|"-separated cell of a line (the text before the first bar
    is a cell too, empty in "| a | b |")."""
    line_end = view.text.find("\n", line_start)
    line_end = len(view.text) if line_end < 0 else line_end
    cells, start = [], line_start
    for position in range(line_start, line_end):
        if view.text[position] == "|":
            cells.append((start, position))
            start = position + 1
    cells.append((start, line_end))
    return cells


def _first_table_line(view: ArticleView, line_start: int) -> int:
    """Where the first line of the block of "|" lines a line belongs to starts."""
    start = line_start
    while start > 0:
        previous = view.text.rfind("\n", 0, start - 1) + 1
        if "|" not in view.text[previous:start - 1]:
            break
        start = previous
    return start


def _table_start(view: ArticleView, line_start: int) -> int | None:
    """Where the header of the table a row belongs to starts; None when the line is that
    header or a rule row ("|---|---|")."""
    start = _first_table_line(view, line_start)
    line_end = view.text.find("\n", line_start)
    if start == line_start or _RULE_ROW.fullmatch(view.text[line_start:line_end if line_end >= 0 else None]):
        return None
    return start


def _sole_company(view: ArticleView, start: int, end: int) -> Item | None:
    """The company a header cell names alone ("SK hynix", not "Customer")."""
    items = view.items_in(start, end, "COMPANY")
    return items[0] if len(items) == 1 else None


def line_items(view: ArticleView, sentence: SentenceView, cues: Cues) -> tuple[Item, list[tuple[Item, int, int]]] | None:
    """A line that heads one company's entry and lists its counterparts, each with its own
    status in brackets ("Nvidia, Rubin: SK hynix (lead, in volume), Samsung (second source),
    Micron (still qualifying)"): the head, and each counterpart with its brackets' span.
    None when any company after the colon has no brackets of its own ("SK hynix and
    Samsung (both shipping)": shared, no split)."""
    key = ("line_items", sentence.index)
    if key not in view.cache:
        view.cache[key] = _line_items(view, sentence, cues)
    return view.cache[key]


def _line_items(view: ArticleView, sentence: SentenceView, cues: Cues):
    head = bullet_head(view, Clause(sentence, sentence.start, sentence.end), cues) or _dash_head(view, sentence)
    if head is None:
        return None
    heads = view.items_in(head[0], head[1], "COMPANY")
    if len(heads) != 1 or view.text[head[0]:heads[0].start].strip():
        return None  # the heading opens with its one company
    rest = view.items_in(head[1], sentence.end, "COMPANY")
    items, boundary = [], _SEPARATOR.match(view.text, head[1]).end()
    for item in rest:
        brackets = _BRACKETS.match(view.text, item.end, sentence.end)
        if brackets is None or not _ITEM_GLUE.fullmatch(view.text[boundary:item.start]):
            return None
        items.append((item, brackets.start(1), brackets.end(1)))
        boundary = brackets.end()
    return (heads[0], items) if items else None


def _dash_head(view: ArticleView, sentence: SentenceView) -> tuple[int, int] | None:
    """An entry line's heading before a dash, on a line of its own ("OpenAI — Broadcom (design
    partner); TSMC (N3 wafers)")."""
    if sentence.start > 0 and view.text[sentence.start - 1] != "\n":
        return None
    match = _DASH_ENTRY.match(sentence.text)
    return (sentence.start + match.start("head"), sentence.start + match.end("head")) if match else None


_DASH_ENTRY = re.compile(r"\s*(?P<head>[^:\n*|—–]{2,60}?)\s[—–]\s")
_SEPARATOR = re.compile(r"\s*(?:\*\*|__)?\s*(?::|[—–])")  # after a heading: "Nvidia, Rubin:", "OpenAI —"
_BRACKETS = re.compile(r"\s*\(([^()]{1,80})\)")
_ITEM_GLUE = re.compile(r"[\s,;/]*(?:and\s+)?")


class Field(NamedTuple):
    kind: str  # "owner", "status" or the service of the companies it names
    start: int
    end: int


_FIELD = re.compile(r"\s*(?:[-•*]\s+)?(?:\*\*|__)?(?P<label>[A-Za-z][\w /&-]{0,24}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*")
_PIECE = re.compile(r"[^;]+")


def field_line(view: ArticleView, sentence: SentenceView, cues: Cues) -> list[Field] | None:
    """The labelled fields of a "who makes what" line ("Product: Cerebras WSE-3; Foundry:
    TSMC 5nm; Status: shipping", "Wafers: TSMC N3P"), or None when the line is none: its
    first piece must carry a known label, and a piece without one goes with the field before."""
    key = ("fields", sentence.index)
    if key not in view.cache:
        fields: list[Field] = []
        for piece in _PIECE.finditer(sentence.text):
            match = _FIELD.match(piece.group())
            kind = _field_kind(match.group("label"), cues) if match else None
            if kind is not None:
                fields.append(Field(kind, sentence.start + piece.start() + match.end(), sentence.start + piece.end()))
            elif fields:
                fields[-1] = fields[-1]._replace(end=sentence.start + piece.end())
            else:
                break
        if len(fields) == 1 and (fields[0].kind in ("owner", "status") or fields[0].end - fields[0].start > 50
                                 or cues.order_agreed.search(view.text, fields[0].start, fields[0].end)):
            fields = []  # one field alone is a short name ("Wafers: TSMC N3P"), not a wrap's
            # item under a heading word ("**Foundry:** Samsung wins Exynos-class chip order ...")
        view.cache[key] = fields or None
    return view.cache[key]


def _field_kind(label: str, cues: Cues) -> str | None:
    return next((kind for kind, pattern in cues.field_labels if pattern.match(label.strip())), None)


def field_owner_span(view: ArticleView, sentence: SentenceView, cues: Cues) -> tuple[int, int] | None:
    """Where the chip a field line is about is named: the line's owner field, else that of
    a field line just above it ("Chip: Dimensity 9500 (MediaTek)" over "Foundry: TSMC"),
    else the heading over the block ("Who supplies what for Google's TPU v7:")."""
    for index in range(sentence.index, -1, -1):
        line = view.sentences[index]
        fields = field_line(view, line, cues)
        if fields is None:
            heading = line.text.strip()
            return (line.start, line.end) if index < sentence.index and heading and (
                heading.endswith(":") or len(heading) <= 80) else None  # (prose above is no heading)
        owner = [f for f in fields if f.kind == "owner"]
        if owner:
            return owner[0].start, owner[0].end
    return None

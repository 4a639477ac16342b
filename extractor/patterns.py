"""Compiling searched patterns (the cue lists of ``models/*.yaml``, the finders'
grammars) so that a search gives up at once at the positions where no match can start.

Python's ``re`` tries a pattern that opens with ``\\b`` or a case-insensitive
alternation at every position of the text, branch by branch. :func:`guarded` puts a
one-character lookahead in front of it, ``(?=[...])``, listing the characters a
match can start with, read from the pattern itself; at every other position the
attempt then fails on one class test (the trick
:func:`extractor.normalize.date_rules._trigger` plays by hand for dates). Where
every branch starting with those characters opens with ``\\b``, a ``\\b`` follows
the lookahead (:func:`start_guard`): inside a word, where most letters are, the
attempt fails on that second test instead of on each branch's own ``\\b``. A last
lookahead reads the first three characters as a tree of classes, as far as the
pattern tells (:func:`_prefix_guard`): a word whose first letter opens some branch
but whose next ones open none is passed over without trying the branches. The
guard only states what the pattern already requires, so the matches are the
same. A branch anchored at the text's start (``^\\s*[A-Z]...`` among cues that open
with ``\\b``) can match at position 0 only: the guard lets every branch try there
(``\\A``) and keeps the class of the other branches for every later position.
Where the first character cannot be told (a pattern that may match the empty
string, ``.``, a negated class, flags other than case), the pattern is compiled as
written.
"""
from __future__ import annotations

import re
from re import _constants as C, _parser as P  # the parser ``re`` itself uses

__all__ = ["first_characters", "guarded", "start_guard"]

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_ANCHORED = {C.AT_BEGINNING, C.AT_BEGINNING_STRING}
_AT_START = ("", False, False)  # a branch that can only match at the text's start (``^``, ``\\A``)
_ANCHOR = ("anchored",)  # the rest :func:`_walk` gives such a branch


class _Unknown(Exception):
    """The first character of a match cannot be told from the pattern."""


def guarded(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, led by a lookahead of where it can start when known."""
    guard = start_guard(pattern, flags)
    if guard is not None:
        try:
            return re.compile(f"{guard}(?:{pattern})", flags)
        except re.error:  # e.g. global inline flags, which must open the pattern
            pass
    return re.compile(pattern, flags)


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """A character class (or two, where inline flags change the case rule) that every
    character a match can start with belongs to; None when that cannot be told (or is
    not worth telling: ``^`` anchors already)."""
    found = _starts(pattern, flags)
    if found is None or _AT_START in found:
        return None
    return _classes({(item, folded) for item, folded, _ in found}, flags)


def start_guard(pattern: str, flags: int = 0) -> str | None:
    """A zero-width test every match's start passes: :func:`first_characters`, followed
    by ``\\b`` for the characters only branches opening with a word boundary start with
    (``\\bby\\s*$`` can start at the "b" of "by", never at the one of "verb"). Most cues
    open with ``\\b``: inside a word the attempt then fails on two cheap tests. The class
    comes first, as it rules out more positions at less cost; the first three
    characters (:func:`_prefix_guard`) come last."""
    found = _starts(pattern, flags)
    if found is None or found == {_AT_START}:
        return None
    anywhere = found - {_AT_START}
    loose = {(item, folded) for item, folded, bounded in anywhere if not bounded}
    bounded = {(item, folded) for item, folded, at_boundary in anywhere if at_boundary} - loose
    if not loose:
        guard = rf"(?={_classes(bounded, flags)})\b"
    elif not bounded:
        guard = f"(?={_classes(loose, flags)})"
    else:
        guard = rf"(?={_classes(loose, flags)}|(?={_classes(bounded, flags)})\b)"
    guard += _prefix_guard(pattern, flags)
    return rf"(?:\A|{guard})" if _AT_START in found else guard


_PREFIX_DEPTH = 3  # characters the last lookahead reads; a fourth: cue searches 141 -> 138 ms only


def _prefix_guard(pattern: str, flags: int, depth: int = _PREFIX_DEPTH) -> str:
    """A lookahead of the first ``depth`` characters, as a tree of classes
    (``(?=[s](?:[e][ac]|[i][g])|[w][o][n])`` for
    "secured|sealed|signed|won"); "" when not even the second can be told. A cue
    list opening with "won|secured|signed" then fails at "second" on its third
    letter, not branch by branch."""
    try:
        steps, may_be_empty = _steps(list(P.parse(pattern, flags)), bool(flags & re.IGNORECASE), ())
    except (_Unknown, RecursionError):
        return ""
    tree = None if may_be_empty else _prefix(steps, depth, flags)
    return f"(?={tree})" if tree and tree != _classes({(i, f) for i, f, _ in steps}, flags) else ""


def _prefix(steps, depth: int, flags: int) -> str | None:
    """Regex text for the next ``depth`` characters of the ``steps`` (see :func:`_steps`);
    None when the next character cannot be told."""
    if steps is None:
        return None
    followers: dict[tuple[str, bool], list] = {}
    for item, folded, rest in steps:
        followers.setdefault((item, folded), []).append(rest)
    if depth == 1:
        return _classes(set(followers), flags)
    by_tail: dict[str | None, set[tuple[str, bool]]] = {}
    for first, rests in followers.items():
        after = [_following(rest) for rest in rests]
        tail = None if None in after else _prefix([s for found in after for s in found], depth - 1, flags)
        by_tail.setdefault(tail, set()).add(first)
    if set(by_tail) == {None}:
        return _classes(set(followers), flags)
    return "|".join(_grouped(_classes(firsts, flags)) + (_grouped(tail) if tail else "")
                    for tail, firsts in sorted(by_tail.items(), key=lambda kv: sorted(kv[1])))


def _grouped(alternatives: str) -> str:
    return f"(?:{alternatives})" if "|" in alternatives else alternatives


def _starts(pattern: str, flags: int) -> set[tuple[str, bool, bool]] | None:
    """The class items a match can start with, each with whether case is ignored there
    and whether a word boundary is asserted right before it; None when unknown."""
    try:
        parsed = P.parse(pattern, flags)
        items = list(parsed)
        if items and items[0][0] is C.AT and items[0][1] in _ANCHORED or parsed.state.flags & re.MULTILINE:
            return None  # anchored already; or "^" may match after any line break
        found, may_be_empty = _first(items, bool(flags & re.IGNORECASE), False)
    except (_Unknown, RecursionError):
        return None
    return None if may_be_empty or not found else found


def _classes(found: set[tuple[str, bool]], flags: int) -> str:
    """One character class (or one per case rule) holding the ``found`` items."""
    by_case = {case: "".join(sorted(item for item, folded in found if folded == case)) for case in (False, True)}
    if not by_case[not flags & re.IGNORECASE]:  # one class, under the pattern's own flags
        return f"[{by_case[bool(flags & re.IGNORECASE)]}]"
    return "|".join(f"(?{'i' if case else '-i'}:[{chars}])" for case, chars in by_case.items() if chars)


def _first(items, folded: bool, bounded: bool) -> tuple[set[tuple[str, bool, bool]], bool]:
    """The class items a sequence can start with, each with whether case is ignored
    there and whether ``\\b`` was asserted before it (``bounded``: already on entry),
    and whether the sequence may match nothing."""
    walked, may_be_empty = _walk(items, folded, bounded, None)
    return {(item, item_folded, item_bounded) for item, item_folded, item_bounded, _ in walked}, may_be_empty


def _steps(items, folded: bool, after) -> tuple[list[tuple[str, bool, tuple | None]], bool]:
    """Like :func:`_first`, each start item with what follows it in the pattern (its
    ``rest``, for :func:`_following`), and whether the sequence may match nothing.
    ``after``: the sequences that follow ``items``, innermost first, each
    ``(items, folded)``; None for an unknown rest. A branch that can only match at the
    text's start gives no step (the guard lets that position through as it is)."""
    walked, may_be_empty = _walk(items, folded, False, after)
    return [(item, item_folded, rest) for item, item_folded, _, rest in walked if rest is not _ANCHOR], may_be_empty


def _walk(items, folded: bool, bounded: bool, after) -> tuple[list[tuple[str, bool, bool, tuple | None]], bool]:
    """The class items a sequence can start with, each as (item, whether case is ignored
    there, whether ``\\b`` was asserted right before it, what follows it in the pattern),
    and whether the sequence may match nothing: one walk for :func:`_first` and
    :func:`_steps`. ``after`` as for :func:`_steps` (None: the rest is not wanted or not
    known); a branch anchored at the text's start gives :data:`_AT_START` with rest
    :data:`_ANCHOR`."""
    found: list[tuple[str, bool, bool, tuple | None]] = []
    for index, (op, av) in enumerate(items):
        rest = ((items[index + 1:], folded),) + after if after is not None else None
        if op is C.AT and av in _ANCHORED:
            return found + [(*_AT_START, _ANCHOR)], False  # no later position starts this sequence
        if op is C.AT and av is C.AT_BOUNDARY:
            bounded = True  # nothing consumed yet: the boundary is at the match's start
            continue
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return found + [(_escape(av), folded, bounded, rest)], False
        if op is C.IN:
            return found + [(item, folded, bounded, rest) for item in _class_items(av)], False
        if op is C.BRANCH:
            empty = False
            for branch in av[1]:
                branch_found, branch_empty = _walk(branch, folded, bounded, rest)
                found += branch_found
                empty = empty or branch_empty
            if not empty:
                return found, False
            continue
        if op is C.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~re.IGNORECASE:
                raise _Unknown  # (?a:...), (?s:...): the class would not share them
            sub_found, sub_empty = _walk(sub, (folded or bool(add_flags)) and not del_flags, bounded, rest)
            found += sub_found
            if not sub_empty:
                return found, False
            continue
        if op is C.ATOMIC_GROUP:
            sub_found, sub_empty = _walk(av, folded, bounded, rest)
            found += sub_found
            if not sub_empty:
                return found, False
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, high, sub = av
            # after a character inside the repeat: the rest of that round, then the
            # remaining rounds (none after the last), then what follows the repeat
            again = high if high is C.MAXREPEAT else high - 1
            more = (([(op, (max(low - 1, 0), again, sub))], folded),) if again else ()
            sub_found, sub_empty = _walk(sub, folded, bounded, more + rest if rest is not None else None)
            found += sub_found
            if low > 0 and not sub_empty:
                return found, False
            continue
        raise _Unknown  # ., [^...], back-references, conditionals
    return found, True


def _following(rest) -> list | None:
    """The steps of the next character after a step's ``rest``; None when unknown or
    when the match may end there (then any character may follow)."""
    if rest is None:
        return None
    found = []
    for index, (items, folded) in enumerate(rest):
        try:
            steps, may_be_empty = _steps(items, folded, rest[index + 1:])
        except (_Unknown, RecursionError):
            return None
        found += steps
        if not may_be_empty:
            return found
    return None


def _class_items(items) -> set[str]:
    found = set()
    for op, av in items:
        if op is C.LITERAL:
            found.add(_escape(av))
        elif op is C.RANGE:
            found.add(f"{_escape(av[0])}-{_escape(av[1])}")
        elif op is C.CATEGORY and av in _CATEGORIES:
            found.add(_CATEGORIES[av])
        else:
            raise _Unknown  # a negated class, a locale category
    return found


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"

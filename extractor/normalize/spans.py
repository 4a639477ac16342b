"""The shape every finder returns: a character span of the text and the rule that found it."""
from __future__ import annotations

from typing import NamedTuple


class Candidate(NamedTuple):
    start: int
    end: int
    rule: str

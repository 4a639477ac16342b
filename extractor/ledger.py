"""What a batch run has written, so a killed run can resume without losing or repeating a record.

Two append-only JSON Lines files: ``OUT`` (one contract line per article) and
``OUT.errors.jsonl`` (one record per input that gave no result). Lines are
appended in whole batches, each one ``write`` followed by flush and fsync, so
a run killed at any moment leaves at most a torn last line, which ``--resume``
cuts off before appending. The :class:`Ledger` decides, in input order,
whether an input's result is written, skipped (already in the files) or
refused as a duplicate id.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Iterable

__all__ = ["Decision", "Ledger", "LineFile", "ResumeError", "errors_path_for", "repair_torn_tail"]


class ResumeError(ValueError):
    """The output file holds something other than this tool's records: resuming into it would corrupt it."""


def errors_path_for(output: str | Path) -> Path:
    """``out/corpus.jsonl`` -> ``out/corpus.errors.jsonl``."""
    output = Path(output)
    return output.with_name(output.stem + ".errors.jsonl")


def repair_torn_tail(path: str | Path) -> int:
    """Cut a last line that has no newline (a write killed half-way); the number of bytes cut."""
    path = Path(path)
    if not path.exists():
        return 0
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        keep = _end_of_last_line(handle, size)
        if keep < size:
            handle.truncate(keep)
            os.fsync(handle.fileno())
    return size - keep


def _end_of_last_line(handle, size: int, block: int = 1 << 16) -> int:
    position = size
    while position > 0:
        start = max(0, position - block)
        handle.seek(start)
        chunk = handle.read(position - start)
        newline = chunk.rfind(b"\n")
        if newline >= 0:
            return start + newline + 1
        position = start
    return 0


class LineFile:
    """An append-only text file written in whole lines: truncated on a fresh run, repaired on resume."""

    def __init__(self, path: str | Path, resume: bool):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if resume:
            repair_torn_tail(self.path)
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if resume else os.O_TRUNC)
        self._fd = os.open(self.path, flags, 0o644)

    def append(self, lines: Iterable[str]) -> None:
        data = "".join(line + "\n" for line in lines).encode("utf-8")
        if not data:
            return
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        os.fsync(self._fd)

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> "LineFile":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


class Decision(Enum):
    WRITE = "write"
    SKIP = "skip"
    DUPLICATE = "duplicate"


@dataclass
class Ledger:
    """Ids written before (``previous``: id -> path), errors reported before, and ids written in this run."""

    previous: dict[str, str] = field(default_factory=dict)
    reported: set[tuple[str, str | None]] = field(default_factory=set)
    seen: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_files(cls, output: str | Path) -> "Ledger":
        """What an earlier run left in ``output`` and its errors file (torn tails ignored)."""
        previous = {article["id"]: article.get("path") for article in _records(output, "article")}
        reported = {(record["path"], record.get("id")) for record in _records(errors_path_for(output))}
        return cls(previous=previous, reported=reported)

    def is_done(self, path: str, article_id: str | None) -> bool:
        """True when an input need not be read or run again: its line or error is already written."""
        return (path, article_id) in self.reported or (
            article_id is not None and self.previous.get(article_id) == path)

    def error_is_new(self, path: str, article_id: str | None) -> bool:
        return (path, article_id) not in self.reported

    def decide(self, path: str, article_id: str) -> tuple[Decision, str | None]:
        """Write, skip, or refuse as a duplicate (with the path that has the id already)."""
        if (path, article_id) in self.reported:
            return Decision.SKIP, None
        if article_id in self.seen:
            return Decision.DUPLICATE, self.seen[article_id]
        if article_id in self.previous:
            if self.previous[article_id] == path:
                self.seen[article_id] = path
                return Decision.SKIP, None
            return Decision.DUPLICATE, self.previous[article_id]
        self.seen[article_id] = path
        return Decision.WRITE, None


def _records(path: str | Path, key: str | None = None) -> Iterable[dict]:
    path = Path(path)
    if not path.exists():
        return
    with path.open("rb") as handle:
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                return  # a torn last line: cut before appending
            try:
                record = json.loads(line)
                yield record[key] if key else record
            except (ValueError, KeyError, TypeError) as exc:
                raise ResumeError(f"{path} line {number} is not a record of this tool ({exc}); "
                                 "cannot resume into it") from None

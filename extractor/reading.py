"""Files and folders -> (text, Article), or a ReadError naming the file and the reason.

``.txt`` and ``.md`` articles may open with a YAML front-matter block (``title``,
``published``, ``source``, ``url``); ``.json`` holds one article object and
``.jsonl`` one per line, the text in ``text``, ``body`` or ``content``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .records import Article
from .settings import DEFAULTS

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES
_FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n", re.S)
_META_FIELDS = ("title", "published", "source", "url")
_TEXT_FIELDS = ("text", "body", "content")


@dataclass(frozen=True)
class ReadError:
    path: str
    id: str | None
    reason: str
    exception: str


@dataclass(frozen=True)
class Loaded:
    text: str
    article: Article


def split_front_matter(raw: str) -> tuple[dict, str]:
    """The front-matter fields and the body that follows them.

    >>> split_front_matter("---\\ntitle: X\\npublished: 2026-11-23\\n---\\nBody.")
    ({'title': 'X', 'published': '2026-11-23'}, 'Body.')
    >>> split_front_matter("No front matter.")
    ({}, 'No front matter.')
    """
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    meta = yaml.safe_load(match.group(1)) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping of fields")
    return {k: _plain(v) for k, v in meta.items()}, raw[match.end():]


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) pairs: files as given, folders walked recursively in sorted order."""
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
                yield path, given
        else:
            yield given, given.parent


def read_articles(paths: Iterable[str | Path], published: str | None = None,
                  max_bytes: int = DEFAULTS.max_bytes) -> Iterator[Loaded | ReadError]:
    """Every article under ``paths``; ``published`` fills in where a file has no date."""
    for path, root in iter_files(paths):
        article_id = path.relative_to(root).with_suffix("").as_posix()
        try:
            yield from _read_file(path, article_id, published, max_bytes)
        except Exception as exc:  # a bad file must not stop the batch
            yield ReadError(str(path), article_id, f"{path}: {exc}", type(exc).__name__)


def _read_file(path: Path, article_id: str, published: str | None, max_bytes: int) -> Iterator[Loaded | ReadError]:
    if not path.exists():
        raise FileNotFoundError("no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(f"file is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
    raw = path.read_bytes()
    if not raw.strip():
        raise ValueError("empty file")
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file (NUL bytes), not an article")
    text = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8-sig")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        meta, body = split_front_matter(text)
        yield Loaded(body, _article(meta, article_id, str(path), published))
    elif suffix == ".json":
        yield _from_record(json.loads(text), article_id, str(path), published)
    elif suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            line_id = f"{article_id}:{number}"
            try:
                yield _from_record(json.loads(line), line_id, f"{path}:{number}", published)
            except Exception as exc:
                yield ReadError(f"{path}:{number}", line_id, f"{path} line {number}: {exc}", type(exc).__name__)
    else:
        raise ValueError(f"unsupported file type {suffix!r}; allowed: {', '.join(sorted(SUFFIXES))}")


def _from_record(record: dict, default_id: str, path: str, published: str | None) -> Loaded:
    if not isinstance(record, dict):
        raise ValueError("a JSON article must be an object")
    text = next((record[k] for k in _TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if not text or not text.strip():
        raise ValueError(f"no article text in any of the fields {', '.join(_TEXT_FIELDS)}")
    article_id = str(record.get("id") or default_id)
    return Loaded(text, _article(record, article_id, path, published))


def _article(meta: dict, article_id: str, path: str, published: str | None) -> Article:
    date = meta.get("published") or published
    if date is not None:
        date = dt.date.fromisoformat(str(_plain(date))[:10]).isoformat()
    return Article(id=article_id, path=path, published=date,
                   **{k: (str(meta[k]) if meta.get(k) is not None else None) for k in ("title", "source", "url")})

"""Sources -> (text, Article), or a ReadError naming the file and the reason.

``.txt`` and ``.md`` articles may open with a YAML front-matter block (``title``,
``published``, ``source``, ``url``); ``.json`` holds one article object and
``.jsonl`` (or stdin, given as ``-``) one per line, the text in ``text``,
``body`` or ``content`` and the metadata in ``id``, ``title``, ``published``,
``source`` and ``url``; ``.html``/``.htm`` pages go through trafilatura (the
optional extra ``extractor[html]``). Bytes are decoded by
:func:`extractor.decoding.decode`; an encoding other than UTF-8 is named in the
article's warnings ("encoding: cp949").
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

import yaml

from .decoding import decode
from .records import Article
from .settings import DEFAULTS
from .sources import (HTML_SUFFIXES, STDIN, SUFFIXES, TEXT_SUFFIXES, ListingError, Source, list_sources,
                      open_binary, size_of)

__all__ = ["Loaded", "ReadError", "SUFFIXES", "read_articles", "read_source", "split_front_matter"]

_FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_TEXT_FIELDS = ("text", "body", "content")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # both are safe; the C one is faster


@dataclass(frozen=True)
class ReadError:
    """An input that gave no result: where, which id, why, and the exception's type."""

    path: str
    id: str | None
    reason: str
    exception: str


@dataclass(frozen=True)
class Loaded:
    """An article's text and metadata; ``warnings`` go into its result (e.g. the encoding used)."""

    text: str
    article: Article
    warnings: tuple[str, ...] = ()


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
    meta = yaml.load(match.group(1), Loader=_YAML_LOADER) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping of fields")
    return {k: _plain(v) for k, v in meta.items()}, raw[match.end():]


def _plain(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def read_articles(paths: Iterable[str | Path], published: str | None = None,
                  max_bytes: int = DEFAULTS.max_bytes, stdin: BinaryIO | None = None) -> Iterator[Loaded | ReadError]:
    """Every article under ``paths``; ``published`` fills in where a file has no date."""
    for source in list_sources(paths):
        if isinstance(source, ListingError):
            yield ReadError(source.location, None, source.reason, source.exception)
        else:
            yield from read_source(source, published, max_bytes, stdin)


def read_source(source: Source, published: str | None = None, max_bytes: int = DEFAULTS.max_bytes,
                stdin: BinaryIO | None = None) -> Iterator[Loaded | ReadError]:
    """The articles of one source: one for a document, one per line for ``.jsonl`` and stdin."""
    try:
        if source.is_stream:
            with open_binary(source, stdin) as stream:
                yield from _read_lines(stream, source, published, max_bytes)
        else:
            yield _read_document(source, published, max_bytes)
    except Exception as exc:  # a bad file must not stop the batch
        yield ReadError(source.location, source.id, f"{source.location}: {_one_line(exc)}", type(exc).__name__)


def _read_document(source: Source, published: str | None, max_bytes: int) -> Loaded:
    with open_binary(source) as stream:
        size = size_of(source)
        if size is not None and size > max_bytes:
            raise ValueError(f"file is {size} bytes, over the limit of {max_bytes} (--max-bytes)")
        raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise ValueError(f"file is over the limit of {max_bytes} bytes (--max-bytes)")
    if not raw.strip():
        raise ValueError("empty file")
    text, encoding = decode(raw)
    if not text.strip():
        raise ValueError("empty file")
    warnings = _encoding_warnings(encoding)
    suffix = source.suffix
    if suffix in TEXT_SUFFIXES:
        meta, body = split_front_matter(text)
        if not body.strip():
            raise ValueError("no article text after the front matter")
        return Loaded(body, _article(meta, source.id, source.location, published), warnings)
    if suffix == ".json":
        return _from_record(json.loads(text), source.id, source.location, published, warnings)
    if suffix in HTML_SUFFIXES:
        return _from_html(text, source, published, warnings)
    raise ValueError(f"unsupported file type {suffix or '(none)'!r}; allowed: {', '.join(sorted(SUFFIXES))}")


def _read_lines(stream: BinaryIO, source: Source, published: str | None, max_bytes: int) -> Iterator[Loaded | ReadError]:
    base = "<stdin>" if source.location == STDIN else source.location
    for number, raw in _numbered_lines(stream, max_bytes):
        line_id, path = f"{source.id}:{number}", f"{base}:{number}"
        try:
            if raw is None:
                raise ValueError(f"line is over the limit of {max_bytes} bytes (--max-bytes)")
            if not raw.strip():
                continue
            text, encoding = decode(raw)
            yield _from_record(json.loads(text), line_id, path, published, _encoding_warnings(encoding))
        except Exception as exc:
            yield ReadError(path, line_id, f"{base} line {number}: {_one_line(exc)}", type(exc).__name__)


def _numbered_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) with None for a line over ``max_bytes``; UTF-16 files are split after decoding."""
    first = stream.readline(max_bytes + 1)
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):
        whole = first + stream.read(max_bytes + 1 - len(first))
        if len(whole) > max_bytes:
            raise ValueError(f"UTF-16 JSON Lines file is over the limit of {max_bytes} bytes (--max-bytes)")
        for number, line in enumerate(whole.decode("utf-16").splitlines(), 1):
            yield number, line.encode("utf-8")
        return
    line, number = first, 0
    while line:
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(max_bytes + 1)
            yield number, None
        else:
            yield number, line
        line = stream.readline(max_bytes + 1)


def _one_line(exc: Exception) -> str:
    """An exception's message on one line (YAML's span several)."""
    return " ".join(str(exc).split())


def _encoding_warnings(encoding: str) -> tuple[str, ...]:
    return () if encoding == "utf-8" else (f"encoding: {encoding}",)


def _from_record(record: dict, default_id: str, path: str, published: str | None,
                 warnings: tuple[str, ...] = ()) -> Loaded:
    if not isinstance(record, dict):
        raise ValueError("a JSON article must be an object")
    text = next((record[k] for k in _TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if not text or not text.strip():
        raise ValueError(f"no article text in any of the fields {', '.join(_TEXT_FIELDS)}")
    article_id = str(record.get("id") or default_id)
    return Loaded(text, _article(record, article_id, path, published), warnings)


def _from_html(html: str, source: Source, published: str | None, warnings: tuple[str, ...]) -> Loaded:
    try:
        import trafilatura
    except ImportError as exc:
        raise ModuleNotFoundError(f"HTML input needs the optional extra: pip install 'extractor[html]' ({exc})") from exc
    found = trafilatura.extract(html, output_format="json", with_metadata=True, include_comments=False,
                                date_extraction_params={"extensive_search": False, "original_date": True})
    if not found:
        raise ValueError("no article text found in the HTML page")
    page = json.loads(found)
    meta = {"title": page.get("title"), "published": page.get("date"),
            "source": page.get("sitename") or page.get("hostname"), "url": page.get("url")}
    return Loaded(page["text"], _article(meta, source.id, source.location, published), warnings)


def _article(meta: dict, article_id: str, path: str, published: str | None) -> Article:
    date = meta.get("published") or published
    if date is not None:
        date = dt.date.fromisoformat(str(_plain(date))[:10]).isoformat()
    return Article(id=article_id, path=path, published=date,
                   **{k: (str(meta[k]) if meta.get(k) is not None else None) for k in ("title", "source", "url")})

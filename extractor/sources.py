"""Where articles come from: local files and folders, fsspec URLs (``s3://``, ...) and stdin.

A :class:`Source` is one input file and the id its article takes: the file's
path relative to the folder given, without extension (a file given directly
takes its name without extension). Listing never reads a file; reading is
:mod:`extractor.reading`'s job, so a worker can read what the parent listed.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterable, Iterator

STDIN = "-"
TEXT_SUFFIXES = frozenset({".txt", ".md"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True)
class Source:
    """One input: ``location`` is a local path, an fsspec URL or ``-`` for stdin."""

    location: str
    id: str

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.location).suffix.lower()

    @property
    def is_stream(self) -> bool:
        """Many articles, one per line (``.jsonl`` or stdin), read line by line."""
        return self.location == STDIN or self.suffix == ".jsonl"

    @property
    def id_from_path(self) -> bool:
        """True when the article's id is known before reading (a JSON record may carry its own)."""
        return self.suffix in TEXT_SUFFIXES | HTML_SUFFIXES

    @property
    def is_url(self) -> bool:
        return is_url(self.location)


@dataclass(frozen=True)
class ListingError:
    """A path given that cannot be listed, with the reason."""

    location: str
    reason: str
    exception: str


def is_url(location: str) -> bool:
    """True for an fsspec URL such as ``s3://bucket/key``; ``file://`` counts too.

    >>> is_url("s3://news/2026/a.txt"), is_url("corpus/dev"), is_url("C:/data")
    (True, False, False)
    """
    scheme, sep, _ = location.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").isalnum()


def list_sources(paths: Iterable[str | Path]) -> Iterator[Source | ListingError]:
    """Every input under ``paths`` in a stable order: folders walked recursively, sorted."""
    for given in paths:
        given = str(given)
        if given == STDIN:
            yield Source(STDIN, "stdin")
        elif is_url(given):
            yield from _list_url(given)
        else:
            yield from _list_local(Path(given))


def _list_local(given: Path) -> Iterator[Source]:
    if not given.is_dir():
        yield Source(str(given), given.stem)
        return
    files = sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    for path in files:
        yield Source(str(path), path.relative_to(given).with_suffix("").as_posix())


def _list_url(url: str) -> Iterator[Source | ListingError]:
    try:
        fs, root = _filesystem(url)
        if not fs.isdir(root):
            yield Source(url, PurePosixPath(root).stem)
            return
        found = sorted(p for p in fs.find(root) if PurePosixPath(p).suffix.lower() in SUFFIXES)
    except Exception as exc:  # a bad URL is reported, the others are still read
        yield ListingError(url, f"{url}: cannot list: {exc}", type(exc).__name__)
        return
    for path in found:
        relative = posixpath.relpath(path, root.rstrip("/") or "/")
        yield Source(fs.unstrip_protocol(path), str(PurePosixPath(relative).with_suffix("")))


def _filesystem(url: str):
    try:
        import fsspec
    except ImportError:
        raise ModuleNotFoundError(
            "reading URLs needs fsspec and the filesystem's package: pip install fsspec s3fs"
        ) from None
    return fsspec.core.url_to_fs(url)


def size_of(source: Source) -> int | None:
    """The file's size in bytes, or None when it cannot be told without reading."""
    if source.location == STDIN:
        return None
    if source.is_url:
        fs, path = _filesystem(source.location)
        return fs.size(path)
    return Path(source.location).stat().st_size


def open_binary(source: Source, stdin: BinaryIO | None = None):
    """A context manager giving the source as a binary stream; FileNotFoundError when missing."""
    if source.location == STDIN:
        if stdin is None:
            import sys
            stdin = sys.stdin.buffer
        return _Unclosable(stdin)
    if source.is_url:
        fs, path = _filesystem(source.location)
        if not fs.exists(path):
            raise FileNotFoundError("no such file")
        return fs.open(path, "rb")
    if not Path(source.location).is_file():
        raise FileNotFoundError("no such file" if not Path(source.location).exists() else "not a file")
    return open(source.location, "rb")


class _Unclosable:
    """Stdin for a ``with`` block that must not close it."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream

    def __enter__(self):
        return self._stream

    def __exit__(self, *exc_info) -> None:
        return None


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many inputs ``paths`` hold (one per file, one per JSON line), for a progress bar.

    None when it cannot be told without reading a stream twice (stdin, a remote ``.jsonl``).
    """
    total = 0
    for source in list_sources(paths):
        if isinstance(source, Source) and source.is_stream:
            if source.location == STDIN or source.is_url:
                return None
            total += _count_lines(Path(source.location))
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1  # it will be one error record

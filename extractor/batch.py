"""Batch runs: every input to one contract line or one error record, in input order, on any executor.

The parent lists the inputs (reading only JSON Lines streams itself), cuts them
into tasks of a few articles, and hands each task to an executor: the caller's
process, a process pool (:mod:`extractor.engines`) or a Dask cluster
(:mod:`extractor.dask`). A worker reads its files, runs the pipeline (loaded
once per process) and returns serialized lines. The parent takes the results
back in submission order, so the output is the same byte for byte whatever the
number of workers, and writes them through the :class:`~extractor.ledger.Ledger`
(resume, duplicate ids) in whole-line batches.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Protocol, Sequence

from pydantic import BaseModel, ConfigDict, Field

from . import api
from .components.base import remember_text
from .ledger import Decision, Ledger, LineFile, errors_path_for
from .reading import Loaded, ReadError, read_source
from .settings import DEFAULTS, Settings
from .sources import ListingError, Source, list_sources

__all__ = ["BatchOptions", "Outcome", "Skipped", "Summary", "process_batch", "run"]

logger = logging.getLogger(__name__)
_PIPELINE_LOCK = threading.Lock()  # a Dask worker may run tasks in threads; one pipeline per process


class BatchOptions(BaseModel):
    """The knobs of a batch run and their defaults (the CLI reads its defaults from here)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    published: str | None = Field(default=None, description="Publication date for articles that give none.")
    max_bytes: int = Field(default=DEFAULTS.max_bytes, ge=1, description="Larger files and lines are refused.")
    resume: bool = Field(default=False, description="Skip inputs already in OUT or its errors file; append.")
    articles_per_task: int = Field(default=16, ge=1, description="Articles (or files) sent to a worker at once.")
    tasks_per_worker: int = Field(default=3, ge=1, description="Tasks in flight per worker.")
    settings: Settings = Field(default=DEFAULTS, description="The pipeline's settings.")


@dataclass(frozen=True)
class Skipped:
    """An input already in the output files: not sent to a worker, only checked in order."""

    path: str
    id: str | None


@dataclass(frozen=True)
class Outcome:
    """What one input gave: a contract ``line``, an ``error``, or neither (skipped on resume)."""

    path: str
    id: str | None
    line: str | None = None
    error: ReadError | None = None
    orders: int = 0
    figures: int = 0


Item = Source | Loaded | ReadError | Skipped


@dataclass
class Summary:
    articles: int = 0
    orders: int = 0
    figures: int = 0
    errors: int = 0
    skipped: int = 0
    errors_before: int = 0
    seconds: float = 0.0
    first_errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (f"articles {self.articles}, orders {self.orders}, figures {self.figures}, "
                f"errors {self.errors}, seconds {self.seconds:.1f}")
        return text + (f" (resumed: {self.skipped} inputs already done)" if self.skipped else "")

    @property
    def failed(self) -> bool:
        """True when some input failed, in this run or in the run it resumed."""
        return bool(self.errors or self.errors_before)


class Executor(Protocol):
    def submit(self, fn: Callable, /, *args) -> Future: ...


def process_batch(items: Sequence[Item], settings: Settings = DEFAULTS, published: str | None = None,
                  max_bytes: int = DEFAULTS.max_bytes) -> list[Outcome]:
    """Worker side: read the sources, run the pipeline, return one or more outcomes per item, in order."""
    slots: list[Outcome | Loaded] = []
    for item in items:
        if isinstance(item, Source):
            slots.extend(read_source(item, published, max_bytes))
        else:
            slots.append(item)
    loaded = [slot for slot in slots if isinstance(slot, Loaded)]
    results = iter(_extract(loaded, settings) if loaded else [])
    return [next(results) if isinstance(slot, Loaded) else _settled(slot) for slot in slots]


def _settled(item: ReadError | Skipped) -> Outcome:
    if isinstance(item, ReadError):
        return Outcome(item.path, item.id, error=item)
    return Outcome(item.path, item.id)


def _extract(loaded: list[Loaded], settings: Settings) -> list[Outcome]:
    with _PIPELINE_LOCK:
        nlp = api.load(settings)
        try:
            return [_outcome(item, doc) for item, doc in zip(loaded, nlp.pipe(_docs(nlp, loaded)))]
        except Exception:
            if len(loaded) == 1:
                return [_extract_one(nlp, loaded[0])]
            logger.debug("a batch of %d articles failed; running them one by one", len(loaded), exc_info=True)
            return [_extract_one(nlp, item) for item in loaded]


def _extract_one(nlp, item: Loaded) -> Outcome:
    try:
        (doc,) = nlp.pipe(_docs(nlp, [item]))
        return _outcome(item, doc)
    except Exception as exc:  # one article's failure must not stop the batch
        logger.debug("pipeline failed on %s", item.article.path, exc_info=True)
        path = item.article.path or item.article.id
        return Outcome(path, item.article.id,
                       error=ReadError(path, item.article.id, f"{path}: pipeline failed: {exc}", type(exc).__name__))


def _docs(nlp, loaded: Iterable[Loaded]):
    for item in loaded:
        doc = nlp.make_doc(item.text)
        remember_text(doc, item.text)  # the tokens join back to exactly this string
        doc._.article = item.article
        doc._.warnings = list(item.warnings)
        yield doc


def _outcome(item: Loaded, doc) -> Outcome:
    result = api.result_of(doc)
    return Outcome(item.article.path or item.article.id, item.article.id, line=result.model_dump_json(),
                   orders=len(result.orders), figures=len(result.figures))


def plan(paths: Iterable[str | Path], ledger: Ledger, options: BatchOptions,
         stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Parent side: the work items in input order; JSON Lines streams are read here, line by line."""
    for source in list_sources(paths):
        if isinstance(source, ListingError):
            yield ReadError(source.location, None, source.reason, source.exception)
        elif source.is_stream:
            for item in read_source(source, options.published, options.max_bytes, stdin):
                yield _skip_if_done(item, ledger)
        else:
            yield _skip_if_done(source, ledger)


def _skip_if_done(item: Source | Loaded | ReadError, ledger: Ledger) -> Item:
    if isinstance(item, Source):
        known = item.id_from_path and ledger.is_done(item.location, item.id)
        return Skipped(item.location, item.id) if known else item
    if isinstance(item, Loaded):
        path = item.article.path or item.article.id
        return Skipped(path, item.article.id) if ledger.is_done(path, item.article.id) else item
    return item


def run(paths: Iterable[str | Path], output: str | Path, executor: Executor, workers: int,
        options: BatchOptions = BatchOptions(), progress: Callable[[int], None] | None = None,
        stdin: BinaryIO | None = None) -> Summary:
    """Extract every input under ``paths`` into ``output`` and its errors file; the counts of the run."""
    started = time.perf_counter()
    ledger = Ledger.from_files(output) if options.resume else Ledger()
    summary = Summary(errors_before=len(ledger.reported))
    items = plan(paths, ledger, options, stdin)
    task = (options.settings, options.published, options.max_bytes)
    in_flight = max(1, workers * options.tasks_per_worker)
    with LineFile(output, options.resume) as lines, LineFile(errors_path_for(output), options.resume) as errors:
        for outcomes in _in_order(items, executor, task, options.articles_per_task, in_flight):
            written, failed = _settle(outcomes, ledger, summary)
            lines.append(written)
            errors.append(failed)
            if progress:
                progress(len(outcomes))
    summary.seconds = time.perf_counter() - started
    return summary


def _in_order(items: Iterable[Item], executor: Executor, task: tuple, size: int,
              in_flight: int) -> Iterator[list[Outcome]]:
    pending: deque[Future] = deque()
    for chunk in _chunks(items, size):
        if all(isinstance(item, (Skipped, ReadError)) for item in chunk):
            pending.append(_done(process_batch(chunk, *task)))  # nothing to run: no round trip
        else:
            pending.append(executor.submit(process_batch, chunk, *task))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def _settle(outcomes: list[Outcome], ledger: Ledger, summary: Summary) -> tuple[list[str], list[str]]:
    """The lines and error records to append, after the ledger's word on each outcome."""
    written, failed = [], []
    for outcome in outcomes:
        error = outcome.error
        if error is None and outcome.id is not None:
            decision, first = ledger.decide(outcome.path, outcome.id)
            if decision is Decision.SKIP:
                summary.skipped += 1
                continue
            if decision is Decision.DUPLICATE:
                error = ReadError(outcome.path, outcome.id, f"{outcome.path}: duplicate id {outcome.id!r}, "
                                  f"already given to {first}", "DuplicateIdError")
            elif outcome.line is not None:
                written.append(outcome.line)
                summary.articles += 1
                summary.orders += outcome.orders
                summary.figures += outcome.figures
                continue
        if error is not None and ledger.error_is_new(error.path, error.id):
            failed.append(_error_line(error))
            summary.errors += 1
            if len(summary.first_errors) < 20:
                summary.first_errors.append(error.reason)
        elif error is not None:
            summary.skipped += 1
    return written, failed


def _error_line(error: ReadError) -> str:
    return json.dumps({"path": error.path, "id": error.id, "reason": error.reason,
                       "exception": error.exception}, ensure_ascii=False)

"""Executors for :func:`extractor.batch.run`: the caller's own process, or a pool of processes.

The pool is a spawn-context ``ProcessPoolExecutor`` (the same on Linux, macOS
and Windows, and safe beside the progress bar's thread) whose initializer loads
the pipeline once per worker; tasks are batches of articles and return
serialized lines, never Docs. Dask is in :mod:`extractor.dask`.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterator

from . import api
from .settings import DEFAULTS, Settings

__all__ = ["InlineExecutor", "available_cores", "executor_for"]


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no sched_getaffinity
        return os.cpu_count() or 1


class InlineExecutor:
    """Runs each task at once in the calling process: one worker, no start-up cost."""

    def submit(self, fn: Callable, /, *args) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed to the caller through result(), as a pool would
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True) -> None:
        return None


def _load_pipeline(settings: Settings) -> None:
    api.load(settings)


@contextmanager
def executor_for(workers: int, settings: Settings = DEFAULTS) -> Iterator[InlineExecutor | ProcessPoolExecutor]:
    """One worker: the calling process; more: a process pool with the pipeline loaded in each."""
    if workers <= 1:
        yield InlineExecutor()
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_load_pipeline, initargs=(settings,))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)

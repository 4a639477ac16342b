"""Batch runs on Dask distributed: a local cluster, or an existing one (the optional extra ``extractor[dask]``).

For the command line, :func:`dask_executor` gives :func:`extractor.batch.run` an
executor backed by a Dask client: tasks are batches of paths (or of JSON Lines
articles) that workers read and run through the pipeline, which each worker
loads once and keeps; they return serialized lines, which the parent writes
in input order. For users who already hold a client or a bag:

- :func:`run_on_client` writes ``OUT`` and its errors file like ``extractor run``;
- :func:`extract_bag` maps a bag of file paths or URLs to a bag of :class:`~extractor.batch.Outcome`.

Dask is imported on first use, so this module imports without it.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Callable, Iterable, Iterator

from . import api
from .batch import BatchOptions, Summary, process_batch, run
from .settings import DEFAULTS, Settings
from .sources import Source

__all__ = ["DaskExecutor", "dask_executor", "extract_bag", "run_on_client"]

SCHEDULER_VARIABLE = "DASK_SCHEDULER_ADDRESS"


def _distributed():
    try:
        import distributed
    except ImportError:
        raise ModuleNotFoundError(
            "the Dask engine needs the optional extra: pip install 'extractor[dask]'") from None
    return distributed


def _warm_up(settings: Settings) -> str:
    """Run on every worker: load the pipeline now rather than in the first task."""
    api.load(settings)
    return "ok"


class DaskExecutor:
    """``submit(fn, *args)`` on a Dask client, every task distinct (never merged as 'pure')."""

    def __init__(self, client, settings: Settings = DEFAULTS):
        self.client = client
        client.run(_warm_up, settings)

    def submit(self, fn: Callable, /, *args):
        return self.client.submit(fn, *args, pure=False)

    @property
    def workers(self) -> int:
        return max(1, len(self.client.nthreads()))


@contextmanager
def dask_executor(workers: int, scheduler: str | None = None,
                  settings: Settings = DEFAULTS) -> Iterator[DaskExecutor]:
    """An executor on the cluster at ``scheduler`` (or ``$DASK_SCHEDULER_ADDRESS``), else on a new local one.

    A local cluster has ``workers`` single-threaded worker processes on 127.0.0.1.
    """
    distributed = _distributed()
    address = scheduler or os.environ.get(SCHEDULER_VARIABLE)
    if address:
        with distributed.Client(address) as client:
            client.wait_for_workers(1, timeout=60)
            yield DaskExecutor(client, settings)
        return
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs={"dashboard": False}) as cluster:
        with distributed.Client(cluster) as client:
            yield DaskExecutor(client, settings)


def run_on_client(client, paths: Iterable[str | Path], output: str | Path,
                  options: BatchOptions = BatchOptions(), progress: Callable[[int], None] | None = None,
                  stdin: BinaryIO | None = None) -> Summary:
    """``extractor run`` on a client you hold: writes ``output`` and its errors file, returns the counts."""
    executor = DaskExecutor(client, options.settings)
    return run(paths, output, executor, executor.workers, options, progress, stdin)


def extract_bag(bag, *, root: str | None = None, settings: Settings = DEFAULTS, published: str | None = None,
                max_bytes: int = DEFAULTS.max_bytes):
    """A bag of file paths or URLs -> a bag of :class:`~extractor.batch.Outcome` (``line`` or ``error``).

    Each article's id is its path relative to ``root`` without extension (the
    file name without extension when ``root`` is None); a ``.jsonl`` file gives
    one outcome per line. Keep the lines with
    ``extract_bag(paths).filter(lambda o: o.line).map(lambda o: o.line)``.
    """
    return bag.map_partitions(_extract_partition, root, settings, published, max_bytes)


def _extract_partition(paths: Iterable[str], root: str | None, settings: Settings, published: str | None,
                       max_bytes: int) -> list:
    sources = [Source(str(path), _id_of(str(path), root)) for path in paths]
    return process_batch(sources, settings, published, max_bytes)


def _id_of(path: str, root: str | None) -> str:
    """The article id of a path: relative to ``root``, without extension.

    >>> _id_of("s3://news/2026/11/a.txt", "s3://news/2026"), _id_of("/data/b.md", None)
    ('11/a', 'b')
    """
    pure = PurePosixPath(path)
    if root is not None:
        prefix = root.rstrip("/") + "/"
        if path.startswith(prefix):
            pure = PurePosixPath(path[len(prefix):])
            return str(pure.with_suffix(""))
    return pure.stem

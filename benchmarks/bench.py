"""Throughput and memory of a batch run, side by side with spaCy's blank tokenizer in the same run.

    python benchmarks/bench.py [--articles N] [--workers N] [--no-dask]

Builds N articles from ``corpus/dev/articles`` (repeated under fresh ids) in a
temporary folder, then measures, each in a fresh process so memory figures
do not mix: the blank English tokenizer alone; ``extractor run`` on one
worker, on all workers (process pool) and on a local Dask cluster. Prints
articles/s, words/s, the ratio to the tokenizer and the peak RSS per worker.
Seconds include starting the workers or the cluster: what a user waits for.
A script, not a test: its figures depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "dev" / "articles"


def build_corpus(folder: Path, count: int) -> int:
    """``count`` article files in ``folder``; the number of words they hold."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if not texts:
        sys.exit(f"no articles in {CORPUS}")
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number in range(count):
        text = texts[number % len(texts)]
        (folder / f"bench-{number:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def measure_tokenizer(folder: Path) -> dict:
    import spacy

    from extractor.reading import Loaded, read_articles

    texts = [item.text for item in read_articles([folder]) if isinstance(item, Loaded)]
    tokenizer = spacy.blank("en").tokenizer
    started = time.perf_counter()
    for text in texts:
        tokenizer(text)
    return {"seconds": time.perf_counter() - started, "workers": 1, "rss_mb": _peak_rss_mb(children=False)}


def measure_run(folder: Path, engine: str, workers: int) -> dict:
    from extractor import batch
    from extractor.engines import executor_for

    out = Path(tempfile.mkdtemp()) / "out.jsonl"
    started = time.perf_counter()
    if engine == "dask":
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
        from extractor.dask import dask_executor
        context = dask_executor(workers)
    else:
        context = executor_for(workers)
    with context as executor:
        summary = batch.run([folder], out, executor, workers)
    seconds = time.perf_counter() - started
    assert summary.articles and not summary.errors, summary.line()
    rss = _peak_rss_mb(children=workers > 1)
    return {"seconds": seconds, "workers": workers, "rss_mb": rss, "articles": summary.articles}


def _peak_rss_mb(children: bool) -> float:
    """Peak resident memory of this process, or of its largest finished child (a worker)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF)
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return usage.ru_maxrss * scale / 2**20


def _spin(loops: int) -> float:
    started = time.perf_counter()
    total = 0
    for number in range(loops):
        total += number * number
    return time.perf_counter() - started


def machine_ceiling(workers: int, loops: int = 10_000_000) -> float:
    """How much faster N processes finish N pure-Python loops than one process finishes one, ideally N.

    Shared or throttled virtual cores give less; a pool cannot beat this ceiling.
    """
    import multiprocessing

    alone = _spin(loops)
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_spin, [1000] * workers)  # start-up out of the timing
        started = time.perf_counter()
        pool.map(_spin, [loops] * workers)
        together = time.perf_counter() - started
    return workers * alone / together


def _in_fresh_process(kind: str, folder: Path, workers: int) -> dict:
    command = [sys.executable, __file__, "--measure", kind, "--folder", str(folder), "--workers", str(workers)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    if done.returncode != 0:
        sys.exit(f"{kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(rows: list[tuple[str, dict]], articles: int, words: int, ceiling: float) -> str:
    baseline = articles / rows[0][1]["seconds"]
    lines = [f"{articles} articles, {words} words, {os.cpu_count()} cores",
             f"{'run':<22}{'workers':>8}{'seconds':>9}{'articles/s':>12}{'words/s':>11}{'x tokenizer':>13}"
             f"{'peak RSS/worker':>17}"]
    for name, row in rows:
        rate = articles / row["seconds"]
        lines.append(f"{name:<22}{row['workers']:>8}{row['seconds']:>9.1f}{rate:>12.1f}{words / row['seconds']:>11.0f}"
                     f"{rate / baseline:>13.3f}{row['rss_mb']:>14.0f} MB")
    by_name = dict(rows)
    if "pipeline, pool" in by_name:
        speedup = by_name['pipeline, 1 worker']['seconds'] / by_name['pipeline, pool']['seconds']
        lines.append(f"pool / one worker: {speedup:.2f}x (this machine's ceiling for "
                     f"{by_name['pipeline, pool']['workers']} CPU-bound processes: {ceiling:.2f}x)")
    if "pipeline, Dask local" in by_name and "pipeline, pool" in by_name:
        lines.append(f"Dask local / pool: {by_name['pipeline, pool']['seconds'] / by_name['pipeline, Dask local']['seconds']:.2f}x")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles to build (default: 2000)")
    parser.add_argument("--workers", type=int, default=None, help="workers for the pool and Dask (default: all cores)")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    parser.add_argument("--measure", choices=("tokenizer", "inline", "pool", "dask"), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # one measurement, in this fresh process
        if args.measure == "tokenizer":
            print(json.dumps(measure_tokenizer(args.folder)))
        else:
            engine = "dask" if args.measure == "dask" else "pool"
            print(json.dumps(measure_run(args.folder, engine, 1 if args.measure == "inline" else args.workers)))
        return
    from extractor.engines import available_cores

    workers = args.workers or available_cores()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "articles"
        words = build_corpus(folder, args.articles)
        plan = [("spaCy blank tokenizer", "tokenizer", 1), ("pipeline, 1 worker", "inline", 1),
                ("pipeline, pool", "pool", workers)]
        if not args.no_dask:
            plan.append(("pipeline, Dask local", "dask", workers))
        print("measuring the machine's parallel ceiling ...", file=sys.stderr)
        ceiling = machine_ceiling(workers)
        rows = []
        for name, kind, count in plan:
            print(f"measuring {name} ...", file=sys.stderr)
            rows.append((name, _in_fresh_process(kind, folder, count)))
    print(report(rows, args.articles, words, ceiling))


if __name__ == "__main__":
    main()

"""Where one worker's time goes: CPU seconds per pipeline component, beside the blank tokenizer.

    python benchmarks/components.py [--articles N] [--unique]

Runs the articles bench.py builds (``corpus/dev/articles`` repeated to N) through the
pipeline one component at a time, in this process, and prints each step's CPU seconds
(``time.process_time``: less disturbed than wall time by other work on a shared
machine), its share of the pipeline and its cost in tokenizer runs. The last line is the
pipeline's throughput as a ratio to the tokenizer's, the figure bench.py prints for one
worker, without start-up, file reading or writing.

``--unique`` reads each dev and test article once instead: the repeated corpus lets any
cache keyed by text answer from memory, which real news seldom allows.
A script, not a test: its figures depend on the machine.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench import ROOT, build_corpus


def _articles(count: int, unique: bool) -> list:
    from extractor.reading import Loaded, read_articles

    if unique:
        folders = [ROOT / "corpus" / "dev" / "articles", ROOT / "corpus" / "test" / "articles"]
        return [item for item in read_articles(folders) if isinstance(item, Loaded)]
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "articles"
        build_corpus(folder, count)
        return [item for item in read_articles([folder]) if isinstance(item, Loaded)]


def measure(items: list) -> tuple[float, dict[str, float]]:
    """The blank tokenizer's CPU seconds over the texts, and the pipeline's per step."""
    import spacy

    from extractor import api
    from extractor.components.base import remember_text

    tokenizer = spacy.blank("en").tokenizer
    started = time.process_time()
    for item in items:
        tokenizer(item.text)
    baseline = time.process_time() - started
    nlp = api.load()
    steps: dict[str, float] = defaultdict(float)
    for item in items:
        started = time.process_time()
        doc = nlp.make_doc(item.text)
        remember_text(doc, item.text)
        doc._.article, doc._.warnings = item.article, list(item.warnings)
        steps["make_doc (tokenizer)"] += time.process_time() - started
        for name, component in nlp.pipeline:
            started = time.process_time()
            doc = component(doc)
            steps[name] += time.process_time() - started
        started = time.process_time()
        api.result_of(doc).model_dump_json()
        steps["result and JSON"] += time.process_time() - started
    return baseline, steps


def report(count: int, baseline: float, steps: dict[str, float]) -> str:
    total = sum(steps.values())
    lines = [f"{count} articles; blank tokenizer {baseline:.2f} s CPU",
             f"{'step':<26}{'CPU s':>8}{'share':>8}{'x tokenizer':>13}"]
    for name, seconds in sorted(steps.items(), key=lambda kv: -kv[1]):
        lines.append(f"{name:<26}{seconds:>8.2f}{seconds / total:>8.1%}{seconds / baseline:>13.2f}")
    lines.append(f"{'pipeline':<26}{total:>8.2f}{1:>8.1%}{total / baseline:>13.2f}")
    lines.append(f"throughput x tokenizer: {baseline / total:.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles to build (default: 2000)")
    parser.add_argument("--unique", action="store_true", help="each dev and test article once, no repeats")
    args = parser.parse_args()
    items = _articles(args.articles, args.unique)
    print(report(len(items), *measure(items)))


if __name__ == "__main__":
    main()

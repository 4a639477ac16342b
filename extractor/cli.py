"""The command line; the only module that prints or configures logging."""
from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import sys
import time
from concurrent.futures import BrokenExecutor
from pathlib import Path

from tqdm import tqdm

from . import batch
from .batch import BatchOptions
from .engines import available_cores, executor_for
from .ledger import ResumeError, errors_path_for
from .records import ArticleResult
from .sources import count_inputs
from .writing import write_tables

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
_EXIT_CODES = """exit codes:
  0  every input processed
  1  some inputs failed: each has a record in OUT.errors.jsonl (path, id, reason, exception)
  2  usage error"""


class UsageError(Exception):
    """A command line that cannot run as given: exit code 2."""


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    options = BatchOptions(published=args.published, max_bytes=args.max_bytes, resume=args.resume)
    workers = args.workers or available_cores()
    try:
        with _progress_bar(args) as bar, _executor(args, workers) as executor:
            workers = getattr(executor, "workers", workers)  # an existing Dask cluster has its own size
            summary = batch.run(args.paths, args.output, executor, workers, options, progress=bar.update)
    except ResumeError as exc:
        raise UsageError(str(exc)) from None
    except BrokenExecutor as exc:  # a worker process died (killed, out of memory): what is written stays
        print(f"error: a worker process died ({exc or type(exc).__name__}); the lines written so far are "
              f"whole: run again with --resume to go on", file=sys.stderr)
        return EXIT_SOME_FAILED
    summary.seconds = time.perf_counter() - started  # start-up of workers or a cluster included
    for reason in summary.first_errors:
        print(f"error: {reason}", file=sys.stderr)
    if summary.errors > len(summary.first_errors):
        print(f"... and {summary.errors - len(summary.first_errors)} more in {errors_path_for(args.output)}",
              file=sys.stderr)
    if args.tables:
        for path in write_tables(args.output, args.tables):
            print(f"table: {path}", file=sys.stderr)
    print(summary.line(), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _executor(args: argparse.Namespace, workers: int):
    if args.engine == "dask" or args.scheduler:
        if importlib.util.find_spec("distributed") is None:
            raise UsageError("--engine dask needs the optional extra: pip install 'extractor[dask]'")
        if not args.verbose:  # read by dask on import, here and in the worker processes it starts
            os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
        from .dask import dask_executor

        return dask_executor(workers, args.scheduler)
    return executor_for(workers)


def _progress_bar(args: argparse.Namespace):
    quiet = args.quiet or not sys.stderr.isatty()
    total = None if quiet else count_inputs(args.paths)
    return tqdm(total=total, unit="article", disable=quiet, file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import evaluate, load_predictions
    from .evaluation import report as reporting

    predictions = load_predictions(args.pred) if args.pred else None
    texts = args.articles or (str(Path(args.gold).parent / "articles")
                              if (Path(args.gold).parent / "articles").is_dir() else None)
    report = evaluate(args.gold, texts, predictions).report()
    print(reporting.table(report))
    if args.errors:
        print(reporting.errors(report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    if args.baseline:
        print("change against the baseline:")
        print(reporting.compare(report, json.loads(Path(args.baseline).read_text(encoding="utf-8"))))
    failed = reporting.below_floors(report, dict(args.min))
    for line in failed:
        print(f"floor not reached: {line}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _gold_check(args: argparse.Namespace) -> int:
    from .evaluation.goldcheck import check_gold_dir

    problems = [p for folder in args.dirs for p in check_gold_dir(folder, args.articles)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"gold check: {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_SOME_FAILED if problems else EXIT_OK


def _gold_stats(args: argparse.Namespace) -> int:
    from .evaluation.goldcheck import gold_stats

    for name, counter in gold_stats(args.dirs).items():
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    return EXIT_OK


def _floor(text: str) -> tuple[str, float]:
    key, sep, value = text.partition("=")
    try:
        if not sep:
            raise ValueError
        return key.strip(), float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE such as orders.f1=0.9, got {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
        if value < 1:
            raise ValueError
        return value
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}") from None


def _explain(args: argparse.Namespace) -> int:
    from . import api
    from .reading import ReadError, read_articles
    from .relations.explain import explain

    nlp = api.load()
    builder = nlp.get_pipe("extractor_relations")
    for item in read_articles(args.paths, published=args.published):
        if isinstance(item, ReadError):
            print(f"error: {item.reason}", file=sys.stderr)
            continue
        doc = next(api.extract_docs([(item.text, item.article)], nlp=nlp))
        print(f"== {item.article.id}")
        for line in explain(builder.view(doc), builder.orders, args.all):
            print(line)
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(ArticleResult.model_json_schema(), indent=2))
    return EXIT_OK


def _add_run_parser(commands) -> None:
    run = commands.add_parser(
        "run", help="extract from files, folders, URLs and stdin into JSON Lines",
        description="Extract every article under PATH... into OUT, one contract line per article.\n"
                    "An input that gives no result becomes one record in OUT.errors.jsonl; the batch goes on.",
        epilog=_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="a .txt/.md/.json/.jsonl/.html file, a folder (recursive), an fsspec URL "
                          "(s3://bucket/prefix) or - for JSON Lines on stdin")
    run.add_argument("-o", "--output", required=True, metavar="OUT", help="output JSON Lines file")
    run.add_argument("--published", metavar="YYYY-MM-DD", help="publication date YYYY-MM-DD for articles that give none")
    run.add_argument("--max-bytes", type=_positive, default=BatchOptions().max_bytes, metavar="N",
                     help="refuse files (and JSON lines) larger than this (default: %(default)s)")
    run.add_argument("-w", "--workers", type=_positive, metavar="N",
                     help="worker processes (default: all cores, here %d)" % available_cores())
    run.add_argument("--engine", choices=("pool", "dask"), default="pool",
                     help="pool: processes on this machine (default); dask: a Dask cluster")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="use the Dask scheduler at tcp://HOST:8786 (implies --engine dask; "
                          "default: $DASK_SCHEDULER_ADDRESS, else a new local cluster)")
    run.add_argument("--tables", metavar="DIR",
                     help="also write orders, figures and mentions as CSV (and Parquet with pyarrow) here")
    run.add_argument("--resume", action="store_true",
                     help="skip inputs already in OUT or OUT.errors.jsonl and append the rest")
    run.add_argument("-q", "--quiet", action="store_true", help="no progress bar (none when stderr is not a terminal)")
    run.set_defaults(handler=_run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Extract AI-chip supply-chain orders from news articles.",
        epilog=_EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail")
    commands = parser.add_subparsers(dest="command", required=True)
    _add_run_parser(commands)
    evaluate = commands.add_parser("evaluate", help="score the pipeline (or --pred) against gold files")
    evaluate.add_argument("gold", help="folder of <id>.gold.json files")
    evaluate.add_argument("articles", nargs="?", help="folder of the article texts (default: ../articles)")
    evaluate.add_argument("--pred", help="score these JSON Lines predictions instead of running the pipeline")
    evaluate.add_argument("--json", help="write the full report (scores and errors) here")
    evaluate.add_argument("--errors", action="store_true", help="list every miss, false hit and wrong value")
    evaluate.add_argument("--baseline", help="an earlier --json report: print the change field by field")
    evaluate.add_argument("--min", type=_floor, action="append", default=[], metavar="KEY=VALUE",
                          help="exit 1 when a score is below this floor, e.g. orders.f1=0.9 (repeatable)")
    evaluate.set_defaults(handler=_evaluate)
    gold = commands.add_parser("gold", help="gold-file tools")
    gold_commands = gold.add_subparsers(dest="gold_command", required=True)
    check = gold_commands.add_parser("check", help="validate gold files against their articles and the contract")
    check.add_argument("dirs", nargs="+", help="folders of <id>.gold.json files")
    check.add_argument("--articles", help="folder of the article texts (default: ../articles)")
    check.set_defaults(handler=_gold_check)
    stats = gold_commands.add_parser("stats", help="count articles, labels, currencies, services and stages")
    stats.add_argument("dirs", nargs="+", help="folders of <id>.gold.json files")
    stats.set_defaults(handler=_gold_stats)
    explain = commands.add_parser("explain", help="show, clause by clause, the parties and drafts behind the orders")
    explain.add_argument("paths", nargs="+", help="articles to explain")
    explain.add_argument("--published", help="publication date YYYY-MM-DD for articles that give none")
    explain.add_argument("--all", action="store_true", help="list every clause, also those with no party")
    explain.set_defaults(handler=_explain)
    schema = commands.add_parser("schema", help="print the JSON Schema of one output line")
    schema.set_defaults(handler=_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if getattr(args, "published", None):
        try:
            import datetime as dt
            dt.date.fromisoformat(args.published)
        except ValueError:
            parser.error(f"--published must be YYYY-MM-DD, got {args.published!r}")
    try:
        return args.handler(args)
    except UsageError as exc:
        parser.exit(EXIT_USAGE, f"{parser.prog}: error: {exc}\n")


if __name__ == "__main__":
    sys.exit(main())

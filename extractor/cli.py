"""The command line; the only module that prints or configures logging."""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from . import api
from .reading import ReadError, read_articles
from .records import ArticleResult

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _run(args: argparse.Namespace) -> int:
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    errors_path = out.with_name(out.stem + ".errors.jsonl")
    started = time.perf_counter()
    good, bad = [], []
    for item in read_articles(args.paths, published=args.published, max_bytes=args.max_bytes):
        (bad if isinstance(item, ReadError) else good).append(item)
    counts = {"articles": 0, "orders": 0, "figures": 0}
    with out.open("w", encoding="utf-8") as handle:
        for result in api.extract_many((item.text, item.article) for item in good):
            handle.write(result.model_dump_json() + "\n")
            counts["articles"] += 1
            counts["orders"] += len(result.orders)
            counts["figures"] += len(result.figures)
    with errors_path.open("w", encoding="utf-8") as handle:
        for error in bad:
            handle.write(json.dumps(error.__dict__, ensure_ascii=False) + "\n")
            print(f"error: {error.reason}", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"articles {counts['articles']}, orders {counts['orders']}, figures {counts['figures']}, "
          f"errors {len(bad)}, seconds {seconds:.1f}", file=sys.stderr)
    return EXIT_SOME_FAILED if bad else EXIT_OK


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


def _floor(text: str) -> tuple[str, float]:
    key, sep, value = text.partition("=")
    try:
        if not sep:
            raise ValueError
        return key.strip(), float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE such as orders.f1=0.9, got {text!r}") from None


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(ArticleResult.model_json_schema(), indent=2))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor",
        description="Extract AI-chip supply-chain orders from news articles.",
        epilog="Exit codes: 0 all inputs processed, 1 some inputs failed (listed in OUT.errors.jsonl), 2 usage error.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debugging detail")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="extract from files and folders into JSON Lines")
    run.add_argument("paths", nargs="+", help=".txt/.md/.json/.jsonl files or folders (recursive)")
    run.add_argument("-o", "--output", required=True, help="output JSON Lines file")
    run.add_argument("--published", help="publication date YYYY-MM-DD for articles that give none")
    run.add_argument("--max-bytes", type=int, default=api.DEFAULTS.max_bytes, help="refuse larger files")
    run.set_defaults(handler=_run)
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
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

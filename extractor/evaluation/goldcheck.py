"""``extractor gold check DIR``: is every gold file well-formed against its article?"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pydantic import ValidationError

from ..normalize.companies import Gazetteer
from ..records import ArticleResult
from .runner import article_text


def check_gold_dir(gold_dir: str | Path, texts_dir: str | Path | None = None,
                   gazetteer: Gazetteer | None = None) -> list[str]:
    """Problems found, one line each naming the file; empty when all is well."""
    gold_dir = Path(gold_dir)
    texts = Path(texts_dir) if texts_dir else _default_texts(gold_dir)
    gazetteer = gazetteer or Gazetteer.load()
    problems: list[str] = []
    files = sorted(gold_dir.glob("*.gold.json"))
    if not files:
        return [f"{gold_dir}: no *.gold.json files"]
    for path in files:
        problems += [f"{path}: {p}" for p in check_gold_file(path, texts, gazetteer)]
    return problems


def _default_texts(gold_dir: Path) -> Path:
    sibling = gold_dir.parent / "articles"
    return sibling if sibling.is_dir() else gold_dir


def check_gold_file(path: Path, texts: Path, gazetteer: Gazetteer) -> list[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = ArticleResult.model_validate(data)
    except (ValueError, ValidationError) as exc:
        return [f"not a valid gold file: {exc}"]
    problems = []
    expected_id = path.name.removesuffix(".gold.json")
    if gold.article.id != expected_id:
        problems.append(f"article.id {gold.article.id!r} should be {expected_id!r}")
    text = article_text(texts, gold.article.id)
    if not text:
        return problems + [f"no article text {gold.article.id}.txt or .md in {texts}"]
    for i, mention in enumerate(gold.mentions):
        count = text.count(mention.text)
        k = mention.occurrence or 1
        if count < k:
            problems.append(f"mention {i} {mention.label} {mention.text!r}: occurrence {k} but the text "
                            f"has it {count} time(s)")
        if mention.label == "COMPANY":
            problems += _company_problems(i, mention, gazetteer)
    names = {m.value.name for m in gold.mentions if m.label == "COMPANY" and m.value is not None}
    for order in gold.orders:
        for role in ("customer", "supplier"):
            name = getattr(order, role)
            if name is not None and name not in names:
                problems.append(f"order {role} {name!r} is no COMPANY mention's canonical name")
    for figure in gold.figures:
        if figure.company not in names:
            problems.append(f"figure company {figure.company!r} is no COMPANY mention's canonical name")
    return problems


def _company_problems(index: int, mention, gazetteer: Gazetteer) -> list[str]:
    value = mention.value
    if value is None or not hasattr(value, "name"):
        return [f"mention {index} COMPANY {mention.text!r} has no company value"]
    entry = gazetteer.by_alias(value.name)
    if entry is not None and entry.name != value.name:
        return [f"mention {index} COMPANY {mention.text!r}: name {value.name!r} is not canonical; "
                f"use {entry.name!r}"]
    return []


def gold_stats(gold_dirs: list[str | Path]) -> dict[str, Counter]:
    """Counts over gold files: articles, mentions per label, money per currency, orders per
    service and stage, figures per kind."""
    counts: dict[str, Counter] = {k: Counter() for k in ("articles", "labels", "currencies", "services",
                                                          "stages", "figures")}
    for folder in gold_dirs:
        for path in sorted(Path(folder).glob("*.gold.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            counts["articles"][Path(folder).parent.name or str(folder)] += 1
            for mention in gold.get("mentions", []):
                counts["labels"][mention["label"]] += 1
                if mention["label"] == "MONEY" and mention.get("value"):
                    counts["currencies"][mention["value"].get("currency")] += 1
            for order in gold.get("orders", []):
                counts["services"][order["service"]] += 1
                counts["stages"][order["stage"]] += 1
            for figure in gold.get("figures", []):
                counts["figures"][figure["kind"]] += 1
    return counts

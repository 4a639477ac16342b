"""Gold folder + article texts (+ predictions, or the pipeline) -> :class:`Scores`."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from ..reading import split_front_matter
from .matching import score_article
from .metrics import Scores


def load_gold(gold_dir: str | Path) -> list[dict]:
    """Every ``<id>.gold.json`` in the folder, sorted by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.gold.json"))]


def load_predictions(path: str | Path) -> dict[str, dict]:
    """Predictions keyed by the last part of their article id, as the scorer matches them."""
    found = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[str(record["article"]["id"]).split("/")[-1]] = record
    return found


def article_text(texts_dir: Path, article_id: str) -> str:
    for suffix in (".txt", ".md"):
        path = texts_dir / f"{article_id}{suffix}"
        if path.exists():
            return split_front_matter(path.read_text(encoding="utf-8"))[1]
    return ""


def evaluate(gold_dir: str | Path, texts_dir: str | Path | None = None,
             predictions: dict[str, dict] | None = None) -> Scores:
    """Score ``predictions`` (or, when None, the pipeline run on ``texts_dir``) against the gold."""
    texts = Path(texts_dir or gold_dir)
    golds = load_gold(gold_dir)
    if predictions is None:
        predictions = _predict(texts, golds)
    scores = Scores()
    for gold in golds:
        article_id = gold["article"]["id"]
        score_article(scores, gold, predictions.get(article_id), article_text(texts, article_id))
    return scores


def _predict(texts: Path, golds: Iterable[dict]) -> dict[str, dict]:
    from ..api import extract_many
    from ..reading import Loaded, read_articles

    wanted = {g["article"]["id"] for g in golds}
    loaded = [item for item in read_articles([texts]) if isinstance(item, Loaded) and item.article.id in wanted]
    return {r.article.id.split("/")[-1]: r.model_dump(mode="json")
            for r in extract_many((item.text, item.article) for item in loaded)}

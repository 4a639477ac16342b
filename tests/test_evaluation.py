"""The evaluation agrees with the reference scorer, and reports what it should."""
import importlib.util
import json
from pathlib import Path

import pytest

from extractor.evaluation import evaluate, load_predictions
from extractor.evaluation.report import below_floors, compare, flatten

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_SCORER = ROOT.parent / "shared" / "tools" / "score.py"
CORPUS = ROOT / "corpus"


def reference_scorer():
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predictions(tmp_path_factory):
    from extractor import extract_many
    from extractor.reading import read_articles

    loaded = list(read_articles([CORPUS / "test" / "articles"]))
    assert loaded, "the test corpus has no articles"
    path = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for result in extract_many((item.text, item.article) for item in loaded):
            handle.write(result.model_dump_json() + "\n")
    return path


@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason="the reference scorer shared/tools/score.py is not beside this checkout")
def test_scores_agree_with_reference_scorer(predictions):
    gold, texts = CORPUS / "test" / "gold", CORPUS / "test" / "articles"
    ours = evaluate(gold, texts, load_predictions(predictions)).report()
    theirs = reference_scorer().score(gold, predictions, texts)
    keys = ["articles", "mentions_strict", "mentions_lenient", "value_accuracy", "orders",
            "order_slot_accuracy", "order_spurious_slots", "figures", "figure_value_accuracy"]
    assert {k: ours[k] for k in keys} == {k: theirs[k] for k in keys}
    assert len(ours["errors"]) == len(theirs["errors"])


def test_perfect_prediction_scores_one(tmp_path):
    gold_dir = CORPUS / "dev" / "gold"
    golds = sorted(gold_dir.glob("*.gold.json"))
    assert golds
    predictions = {}
    for path in golds:
        record = json.loads(path.read_text(encoding="utf-8"))
        predictions[record["article"]["id"]] = record
    report = evaluate(gold_dir, CORPUS / "dev" / "articles", predictions).report()
    assert report["orders"]["f1"] == 1.0
    assert report["mentions_lenient"]["ALL"]["f1"] == 1.0
    assert report["errors"] == []


def test_missing_prediction_counts_every_gold_item_as_missed():
    gold_dir = CORPUS / "dev" / "gold"
    report = evaluate(gold_dir, CORPUS / "dev" / "articles", {}).report()
    assert report["articles"] == len(report["missing_predictions"]) > 0
    assert report["orders"]["tp"] == 0 and report["orders"]["fn"] > 0
    assert {e["kind"] for e in report["errors"]} >= {"missed", "missed_order"}


@pytest.mark.parametrize(
    "floors, failing",
    [
        pytest.param({"orders.f1": 0.5}, [], id="above the floor"),
        pytest.param({"orders.f1": 0.9}, ["orders.f1"], id="below the floor"),
        pytest.param({"orders.nope": 0.1}, ["orders.nope"], id="unknown key fails"),
    ],
)
def test_floors(floors, failing):
    report = {"orders": {"f1": 0.8}, "errors": []}
    assert [line.split(" ")[0] for line in below_floors(report, floors)] == failing


def test_compare_lists_changed_fields_only():
    old = {"orders": {"f1": 0.5, "precision": 0.6}, "errors": []}
    new = {"orders": {"f1": 0.7, "precision": 0.6}, "errors": []}
    lines = compare(new, old).splitlines()
    assert len(lines) == 1 and "orders.f1" in lines[0] and "+0.2000" in lines[0]
    assert flatten(new) == {"orders.f1": 0.7, "orders.precision": 0.6}

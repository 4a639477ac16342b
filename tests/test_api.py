"""The library surface: extract, extract_many, load, and a saved pipeline in a fresh process."""
import datetime as dt
import json
import subprocess
import sys

import pytest

import extractor
from extractor.records import ArticleResult

TEXT = ("Samsung Electronics won a 2-nanometer foundry order worth 1.5 trillion won from "
        "Korean AI chip startup Rebellions last month, according to industry sources.")


@pytest.fixture(scope="module")
def result():
    return extractor.extract(TEXT, published="2026-11-23")


def test_offsets_point_into_the_text(result):
    assert len(result.mentions) >= 5
    for mention in result.mentions:
        assert TEXT[mention.start:mention.end] == mention.text
    assert [m.start for m in result.mentions] == sorted(m.start for m in result.mentions)


def test_every_mention_names_its_rule(result):
    assert result.mentions and all(m.rule for m in result.mentions)


def test_order_is_extracted_and_normalized(result):
    assert len(result.orders) == 1
    order = result.orders[0]
    assert (order.customer, order.supplier, order.service) == ("Rebellions", "Samsung Electronics", "foundry")
    assert (order.value.amount, order.value.currency) == ("1500000000000", "KRW")
    assert order.process_node.nm == 2
    assert order.timing.value == "2026-10"


@pytest.mark.parametrize("published", [dt.date(2026, 11, 23), "2026-11-23", "2026-11-23T08:00:00"],
                         ids=["date", "iso date", "iso datetime"])
def test_published_accepts_dates_and_iso_strings(published):
    result = extractor.extract("Deliveries start next year.", published=published)
    (date,) = [m for m in result.mentions if m.label == "DATE"]
    assert date.value.value == "2027"
    assert result.article.published == "2026-11-23"


def test_no_publication_date_leaves_relative_dates_unresolved_with_a_warning():
    result = extractor.extract("Deliveries start next year.")
    (date,) = [m for m in result.mentions if m.label == "DATE"]
    assert date.value.value is None
    assert any("no publication date" in w for w in result.warnings)


def test_extract_many_streams_in_input_order():
    texts = [f"Article {i}: TSMC will make chips for Apple in 203{i}." for i in range(5)]
    results = list(extractor.extract_many(texts))
    assert len(results) == 5
    assert [r.mentions[-1].text for r in results] == [f"203{i}" for i in range(5)]


def test_result_round_trips_through_json(result):
    again = ArticleResult.model_validate_json(result.model_dump_json())
    assert again == result
    assert '"amount":"1500000000000"' in result.model_dump_json()


def test_doc_extensions_are_available_to_pipeline_users():
    nlp = extractor.load()
    doc = nlp("TSMC will manufacture Nvidia's Rubin GPUs on its N3P process.")
    assert [o.supplier for o in doc._.orders] == ["TSMC"]
    spans = list(doc.spans["mentions"])
    assert {s.label_ for s in spans} == {"COMPANY", "PROCESS_NODE"}
    assert all(s._.value is not None and s._.rule for s in spans)


def test_saved_pipeline_loads_in_a_fresh_process(tmp_path):
    extractor.load().to_disk(tmp_path / "pipeline")
    code = (
        "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
        "doc = nlp('Samsung Electronics will supply HBM4 to Nvidia.'); "
        "print([(o.customer, o.supplier, o.service) for o in doc._.orders])"
    )
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "pipeline")],
                         capture_output=True, text=True, check=True)
    assert "('Nvidia', 'Samsung Electronics', 'memory')" in out.stdout


def test_schema_command_prints_json_schema(capsys):
    from extractor.cli import main

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ArticleResult" and "orders" in schema["properties"]


def test_span_values_are_kept_apart_by_label():
    """spaCy keys span extensions by offsets alone; ours must tell two labels apart."""
    from spacy.tokens import Span

    nlp = extractor.load()
    doc = nlp.make_doc("SF4 wafers")
    as_node, as_company = Span(doc, 0, 1, label="PROCESS_NODE"), Span(doc, 0, 1, label="COMPANY")
    as_node._.value = "node value"
    assert as_company._.value is None
    assert as_node._.value == "node value"


def test_in_house_node_is_no_company():
    result = extractor.extract("Samsung builds an in-house SF4 base die for its HBM4.")
    assert [m.text for m in result.mentions if m.label == "COMPANY"] == ["Samsung"]

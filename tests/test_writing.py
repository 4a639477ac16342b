"""Flat tables from contract lines: every slot a column, amounts exact in CSV and Parquet."""
import csv
import json
from decimal import Decimal

import pytest

from extractor.records import ArticleResult
from extractor.writing import COLUMNS, DECIMAL_COLUMNS, table_rows, write_tables

MONEY = {"amount": "10000000000000", "currency": "KRW", "qualifier": "at_least",
         "equivalents": [{"amount": "44300000000.5", "currency": "CNY", "qualifier": "approx"}]}
RESULT = {
    "article": {"id": "a/1", "path": "in/a/1.txt", "published": "2026-11-23"},
    "mentions": [
        {"label": "MONEY", "text": "10 trillion won", "start": 5, "end": 20, "sentence": 0,
         "value": {"amount": "10000000000000", "currency": "KRW"}, "rule": "money.number_scale_word"},
        {"label": "QUANTITY", "text": "0.000000123 W", "start": 30, "end": 43, "sentence": 1,
         "value": {"amount": "0.000000123", "unit": "W", "kind": "power"}, "rule": "quantity.unit"},
        {"label": "COMPANY", "text": "Samsung Foundry", "start": 50, "end": 65, "sentence": 1,
         "value": {"name": "Samsung Electronics", "unit": "Foundry"}, "rule": "company.alias"},
    ],
    "orders": [
        {"customer": "Meta", "supplier": "Samsung Electronics", "supplier_unit": "Foundry", "service": "foundry",
         "products": ["MTIA"], "chip": "ASIC", "process_node": {"nm": 2.0, "name": "2nm"}, "value": MONEY,
         "volume": {"low": "100000", "high": "1000000", "unit": "unit", "kind": "units", "qualifier": "approx"},
         "stage": "agreed", "confirmation": "reported", "attribution": "industry sources"},
        {"customer": None, "supplier": "TSMC", "service": "packaging", "stage": "talks", "confirmation": "reported"},
    ],
    "figures": [
        {"company": "SK hynix", "kind": "operating_profit",
         "value": {"amount": "-123456789012345678901234567890.125", "currency": "KRW"},
         "timing": {"value": "2025-Q3", "start": "2025-07-01", "end": "2025-09-30", "relation": "in"}},
    ],
}


@pytest.fixture
def jsonl(tmp_path):
    line = ArticleResult.model_validate(RESULT).model_dump_json()  # the real contract shape, defaults filled
    path = tmp_path / "out.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    return path


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def amounts_in(results, table):
    return [(column, row[column]) for row in table_rows(results, table)
            for column in COLUMNS[table] if column in DECIMAL_COLUMNS and row.get(column) is not None]


@pytest.mark.parametrize("table", [pytest.param(t, id=t) for t in COLUMNS])
def test_csv_round_trips_every_amount_exactly(jsonl, tmp_path, table):
    write_tables(jsonl, tmp_path / "tables", parquet=False)
    rows = read_csv(tmp_path / "tables" / f"{table}.csv")
    results = [json.loads(jsonl.read_text(encoding="utf-8"))]
    expected = amounts_in(results, table)
    assert len(rows) == len(RESULT[table]) and expected
    got = [(column, row[column]) for row in rows for column in COLUMNS[table]
           if column in DECIMAL_COLUMNS and row[column] != ""]
    assert got == expected
    assert [Decimal(value) for _, value in got] == [Decimal(value) for _, value in expected]


@pytest.mark.parametrize(
    "column, value",
    [
        pytest.param("article_id", "a/1", id="article id"),
        pytest.param("products", '["MTIA"]', id="list as JSON"),
        pytest.param("process_node_nm", "2.0", id="node"),
        pytest.param("value_currency", "KRW", id="currency"),
        pytest.param("volume_low", "100000", id="volume range"),
        pytest.param("timing_start", "", id="missing slot is empty"),
    ],
)
def test_order_columns_are_flat(jsonl, tmp_path, column, value):
    write_tables(jsonl, tmp_path, parquet=False)
    rows = read_csv(tmp_path / "orders.csv")
    assert len(rows) == 2
    assert rows[0][column] == value


def test_equivalents_are_a_json_column(jsonl, tmp_path):
    write_tables(jsonl, tmp_path, parquet=False)
    (first, _) = read_csv(tmp_path / "orders.csv")
    (equivalent,) = json.loads(first["value_equivalents"])
    assert (equivalent["amount"], equivalent["currency"]) == ("44300000000.5", "CNY")


def test_a_field_without_a_column_is_an_error_not_a_silent_loss():
    result = {"article": {"id": "x"}, "orders": [{"supplier": "TSMC", "surprise": 1}]}
    with pytest.raises(ValueError, match="no column for surprise"):
        list(table_rows([result], "orders"))


def test_parquet_keeps_amounts_as_decimals(jsonl, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
    import pyarrow as pa

    written = write_tables(jsonl, tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{t}.{kind}" for t in COLUMNS for kind in ("csv", "parquet"))
    figures = pq.read_table(tmp_path / "figures.parquet")
    assert pa.types.is_decimal(figures.schema.field("value_amount").type)
    assert figures.column("value_amount").to_pylist() == [Decimal("-123456789012345678901234567890.125")]
    orders = pq.read_table(tmp_path / "orders.parquet")
    assert orders.column("value_amount").to_pylist() == [Decimal("10000000000000"), None]
    mentions = pq.read_table(tmp_path / "mentions.parquet")
    assert mentions.column("value_amount").to_pylist() == [Decimal("10000000000000"), Decimal("0.000000123"), None]
    assert mentions.column("start").to_pylist() == [5, 30, 50]

"""Contract lines -> flat tables analysts load in one line: ``orders``, ``figures``, ``mentions``.

Each row is one order, figure or mention with its ``article_id`` and every slot
in its own column: nested values are spread as ``value_amount``,
``value_currency``, ``timing_start``, ...; lists (``products``,
``value_equivalents``, ``evidence``) are JSON strings. Amounts stay exact:
decimal strings in CSV, a decimal type in Parquet (written when pyarrow, the
optional extra ``extractor[parquet]``, is installed).
"""
from __future__ import annotations

import csv
import json
import logging
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["COLUMNS", "DECIMAL_COLUMNS", "decimal_shape", "flatten", "table_rows", "write_tables"]

logger = logging.getLogger(__name__)

_TIMING = ("timing_value", "timing_start", "timing_end", "timing_relation")
COLUMNS: dict[str, tuple[str, ...]] = {
    "orders": (
        "article_id", "customer", "supplier", "supplier_unit", "service", "products", "chip",
        "process_node_nm", "process_node_name",
        "value_amount", "value_currency", "value_qualifier", "value_low", "value_high", "value_equivalents",
        "volume_amount", "volume_low", "volume_high", "volume_unit", "volume_kind", "volume_qualifier",
        *_TIMING, "stage", "confirmation", "attribution", "evidence", "confidence",
    ),
    "figures": (
        "article_id", "company", "kind", "value_amount", "value_low", "value_high", "value_currency",
        "value_unit", "value_kind", "value_qualifier", "value_equivalents", *_TIMING, "evidence",
    ),
    "mentions": (
        "article_id", "label", "text", "start", "end", "sentence", "occurrence", "rule",
        "value_name", "value_unit", "value_id", "value_nm", "value_amount", "value_low", "value_high",
        "value_currency", "value_kind", "value_qualifier", "value_value", "value_start", "value_end",
        "value_relation",
    ),
}
DECIMAL_COLUMNS = frozenset({"value_amount", "value_low", "value_high", "volume_amount", "volume_low", "volume_high"})
_INTEGER_COLUMNS = frozenset({"start", "end", "sentence", "occurrence"})
_FLOAT_COLUMNS = frozenset({"process_node_nm", "value_nm", "confidence"})


def flatten(record: dict, prefix: str = "") -> dict:
    """One nested record as flat columns; lists become JSON strings.

    >>> flatten({"customer": "Meta", "value": {"amount": "10", "equivalents": []}, "timing": None})
    {'customer': 'Meta', 'value_amount': '10', 'value_equivalents': '[]'}
    """
    row: dict = {}
    for key, value in record.items():
        name = prefix + key
        if isinstance(value, dict):
            row.update(flatten(value, name + "_"))
        elif isinstance(value, list):
            row[name] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif value is not None:
            row[name] = value
    return row


def table_rows(results: Iterable[dict], table: str) -> Iterator[dict]:
    """The rows of ``table`` for parsed contract lines; a field the columns lack is an error, not a loss."""
    known = set(COLUMNS[table])
    for result in results:
        article_id = result["article"]["id"]
        for record in result.get(table) or ():
            row = {"article_id": article_id, **flatten(record)}
            unknown = set(row) - known
            if unknown:
                raise ValueError(f"{table}: no column for {', '.join(sorted(unknown))} (article {article_id})")
            yield row


def _results(jsonl: Path) -> Iterator[dict]:
    with jsonl.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def write_tables(jsonl: str | Path, directory: str | Path, parquet: bool = True) -> list[Path]:
    """``orders``/``figures``/``mentions`` as CSV, and as Parquet when pyarrow is installed; the files written."""
    jsonl, directory = Path(jsonl), Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = [_write_csv(jsonl, directory / f"{table}.csv", table) for table in COLUMNS]
    if parquet and _has_pyarrow():
        written += [_write_parquet(jsonl, directory / f"{table}.parquet", table) for table in COLUMNS]
    elif parquet:
        logger.warning("pyarrow is not installed: Parquet tables skipped (pip install 'extractor[parquet]')")
    return written


def _write_csv(jsonl: Path, path: Path, table: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS[table], restval="")
        writer.writeheader()
        writer.writerows(table_rows(_results(jsonl), table))
    return path


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def decimal_shape(values: Iterable[str]) -> tuple[int, int]:
    """(precision, scale) of the narrowest decimal type that holds every value exactly.

    >>> decimal_shape(["10000000000000", "44.3", "-0.125"])
    (17, 3)
    >>> decimal_shape([])
    (1, 0)
    """
    whole, scale = 1, 0
    for value in values:
        sign, digits, exponent = Decimal(value).as_tuple()
        scale = max(scale, -exponent)
        whole = max(whole, len(digits) + exponent)
    return whole + scale, scale


def _decimal_type(values: Iterable[str]):
    import pyarrow as pa

    precision, scale = decimal_shape(values)
    return pa.decimal128(precision, scale) if precision <= 38 else pa.decimal256(min(precision, 76), scale)


def _schema(jsonl: Path, table: str):
    import pyarrow as pa

    decimals: dict[str, list[str]] = {c: [] for c in COLUMNS[table] if c in DECIMAL_COLUMNS}
    for row in table_rows(_results(jsonl), table):
        for column, values in decimals.items():
            if row.get(column) is not None:
                values.append(row[column])
    fields = []
    for column in COLUMNS[table]:
        if column in decimals:
            kind = _decimal_type(decimals[column])
        elif column in _INTEGER_COLUMNS:
            kind = pa.int64()
        elif column in _FLOAT_COLUMNS:
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def _write_parquet(jsonl: Path, path: Path, table: str, rows_per_group: int = 50_000) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema(jsonl, table)
    with pq.ParquetWriter(path, schema) as writer:
        group: list[dict] = []
        for row in table_rows(_results(jsonl), table):
            group.append({c: _arrow_value(c, row.get(c)) for c in COLUMNS[table]})
            if len(group) >= rows_per_group:
                writer.write_table(pa.Table.from_pylist(group, schema=schema))
                group = []
        writer.write_table(pa.Table.from_pylist(group, schema=schema))
    return path


def _arrow_value(column: str, value):
    if value is None or column not in DECIMAL_COLUMNS:
        return value
    return Decimal(value)

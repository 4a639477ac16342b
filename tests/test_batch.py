"""Batch runs: one line per good article, one error record per bad input, the same bytes whatever the workers."""
import json

import pytest

from extractor import api
from extractor.batch import Outcome, Skipped, process_batch
from extractor.cli import main
from extractor.reading import Loaded, ReadError
from extractor.sources import Source

ORDER = ("Samsung Electronics won a {nm}-nanometer foundry order worth {won} trillion won from Korean AI chip "
         "startup Rebellions last month, according to industry sources. SK hynix will supply HBM4 to Nvidia.")


def article(number: int) -> str:
    return ORDER.format(nm=2 + number % 3, won=number + 1)


def write(path, content: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


MAX_BYTES = 1_500_000
GOOD = {
    "a/front.md": f"---\ntitle: Front\npublished: 2026-11-23\n---\n{article(1)}",
    "a/plain.txt": article(2),
    "b/record.json": json.dumps({"id": "rec", "body": article(3), "published": "2026-11-20"}),
    "b/korean.txt": ("삼성전자 수주 소식. " + article(4)).encode("cp949"),
    "c/wide.txt": article(5).encode("utf-16"),
}
FEED_GOOD_LINES = 2  # c/feed.jsonl: lines 1 and 3
BAD = {
    "bad/empty.txt": b"",
    "bad/binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "bad/latin1.txt": "Caf\xe9 owner wins order".encode("latin-1"),
    "bad/front.md": "---\ntitle: [unclosed\n---\nBody",
    "bad/broken.json": "{not json",
    "bad/huge.txt": "x" * (MAX_BYTES + 1),
    "bad/too-long-for-spacy.txt": "word " * 220_000,  # under --max-bytes, over nlp.max_length: the pipeline fails
    "bad/dup.json": json.dumps({"id": "rec", "text": article(6)}),  # "rec" is b/record.json's id
}
FEED = "\n".join([json.dumps({"id": "feed-1", "text": article(7)}), "{broken line",
                  json.dumps({"id": "feed-3", "text": article(8)})])


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    root = tmp_path_factory.mktemp("mixed")
    for name, content in {**GOOD, **BAD, "c/feed.jsonl": FEED}.items():
        write(root / "in" / name, content)
    return root


def run(root, name, *options):
    out = root / name
    code = main(["run", str(root / "in"), "-o", str(out), "--max-bytes", str(MAX_BYTES), "-q", *options])
    errors = out.with_name(out.stem + ".errors.jsonl")
    return code, out.read_bytes(), errors.read_bytes()


@pytest.fixture(scope="module")
def two_workers(mixed):
    return run(mixed, "two.jsonl", "--workers", "2")


def test_mixed_folder_gives_a_line_per_good_article_and_an_error_per_bad_input(two_workers):
    code, lines, errors = two_workers
    results = [json.loads(line) for line in lines.splitlines()]
    records = [json.loads(line) for line in errors.splitlines()]
    assert code == 1
    assert len(results) == len(GOOD) + FEED_GOOD_LINES
    assert sorted(r["article"]["id"] for r in results) == sorted(
        ["a/front", "a/plain", "rec", "b/korean", "c/wide", "feed-1", "feed-3"])
    assert len(records) == len(BAD) + 1  # and the feed's broken line
    assert all(set(record) == {"path", "id", "reason", "exception"} for record in records)
    assert all(record["path"] in record["reason"] or "line 2" in record["reason"] for record in records)


@pytest.mark.parametrize(
    "path, exception, words",
    [
        pytest.param("bad/empty.txt", "ValueError", "empty file", id="empty"),
        pytest.param("bad/binary.txt", "ValueError", "binary file", id="binary"),
        pytest.param("bad/latin1.txt", "UndecodableError", "undecodable bytes", id="undecodable"),
        pytest.param("bad/front.md", "ParserError", "did not find expected", id="malformed front matter"),
        pytest.param("bad/broken.json", "JSONDecodeError", "Expecting property name", id="malformed json"),
        pytest.param("bad/huge.txt", "ValueError", "over the limit", id="over max bytes"),
        pytest.param("bad/too-long-for-spacy.txt", "ValueError", "pipeline failed", id="pipeline exception"),
        pytest.param("bad/dup.json", "DuplicateIdError", "duplicate id 'rec'", id="duplicate id"),
        pytest.param("c/feed.jsonl:2", "JSONDecodeError", "line 2", id="malformed json line"),
    ],
)
def test_each_bad_input_has_one_error_naming_file_and_reason(two_workers, mixed, path, exception, words):
    records = [json.loads(line) for line in two_workers[2].splitlines()]
    mine = [r for r in records if r["path"] == str(mixed / "in" / path)]
    assert len(mine) == 1
    assert mine[0]["exception"] == exception and words in mine[0]["reason"]


def test_encoding_is_named_in_the_warnings(two_workers):
    results = {r["article"]["id"]: r for r in map(json.loads, two_workers[1].splitlines())}
    assert len(results) == 7
    assert results["b/korean"]["warnings"][0] == "encoding: euc-kr"  # EUC-KR is the stricter name that fits
    assert results["c/wide"]["warnings"][0] == "encoding: utf-16"
    assert not any(w.startswith("encoding") for w in results["a/plain"]["warnings"])


def test_a_second_run_and_one_worker_give_the_same_bytes(two_workers, mixed):
    again = run(mixed, "again.jsonl", "--workers", "2")
    alone = run(mixed, "alone.jsonl", "--workers", "1")
    assert again == two_workers
    assert alone == two_workers


def test_summary_line_counts_the_run(mixed, capsys):
    code, lines, _ = run(mixed, "counted.jsonl", "--workers", "1")
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    orders = sum(len(json.loads(line)["orders"]) for line in lines.splitlines())
    assert code == 1
    assert summary.startswith(f"articles 7, orders {orders}, figures ")
    assert ", errors 9, seconds " in summary


class ExplodingPipeline:
    """The real pipeline, except that any article containing BOOM raises inside ``pipe``."""

    def __init__(self, nlp):
        self.nlp = nlp

    def make_doc(self, text):
        return self.nlp.make_doc(text)

    def pipe(self, docs):
        for doc in docs:
            if "BOOM" in doc.text:
                raise RuntimeError("component exploded")
            yield from self.nlp.pipe([doc])


def loaded(article_id: str, text: str) -> Loaded:
    return Loaded(text, api.make_article(text, id=article_id).model_copy(update={"path": f"{article_id}.txt"}))


def test_a_pipeline_exception_costs_only_its_article(monkeypatch):
    real = api.load()
    monkeypatch.setattr(api, "load", lambda settings=None: ExplodingPipeline(real))
    items = [loaded("one", article(1)), loaded("boom", "BOOM " + article(2)), loaded("three", article(3))]
    outcomes = process_batch(items)
    assert [(o.id, o.line is not None, o.error is not None) for o in outcomes] == [
        ("one", True, False), ("boom", False, True), ("three", True, False)]
    assert outcomes[1].error.exception == "RuntimeError"
    assert outcomes[1].error.reason == "boom.txt: pipeline failed: component exploded"


@pytest.mark.parametrize(
    "item, expected",
    [
        pytest.param(Skipped("x.txt", "x"), Outcome("x.txt", "x"), id="skipped passes through"),
        pytest.param(ReadError("y.txt", "y", "y.txt: empty file", "ValueError"),
                     Outcome("y.txt", "y", error=ReadError("y.txt", "y", "y.txt: empty file", "ValueError")),
                     id="read error passes through"),
    ],
)
def test_settled_items_need_no_pipeline(item, expected, monkeypatch):
    monkeypatch.setattr(api, "load", lambda settings=None: pytest.fail("the pipeline was loaded"))
    assert process_batch([item]) == [expected]


def test_worker_reads_sources_and_keeps_their_order(tmp_path):
    first = write(tmp_path / "first.txt", article(1))
    empty = write(tmp_path / "empty.txt", b"")
    outcomes = process_batch([Source(str(first), "first"), Source(str(empty), "empty"),
                              loaded("third", article(3))])
    assert [(o.id, o.line is not None) for o in outcomes] == [("first", True), ("empty", False), ("third", True)]
    assert json.loads(outcomes[0].line)["article"]["path"] == str(first)

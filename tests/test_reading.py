"""Reading files and folders into articles, and refusing bad input with a reason."""
import io
import json
import sys

import pytest

from extractor.reading import Loaded, ReadError, read_articles, split_front_matter
from extractor.sources import list_sources


def write(path, content: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def read_all(*paths, **kwargs):
    return list(read_articles([str(p) for p in paths], **kwargs))


def test_front_matter_gives_metadata_and_body(tmp_path):
    write(tmp_path / "a" / "one.md", "---\ntitle: T\npublished: 2026-11-23\nsource: Yonhap\n---\nBody text.")
    items = read_all(tmp_path)
    assert len(items) == 1
    loaded = items[0]
    assert isinstance(loaded, Loaded)
    assert loaded.text == "Body text."
    assert loaded.article.id == "a/one"
    assert (loaded.article.title, loaded.article.published, loaded.article.source) == ("T", "2026-11-23", "Yonhap")


def test_published_option_fills_missing_dates_only(tmp_path):
    write(tmp_path / "dated.txt", "---\npublished: 2025-01-02\n---\nX")
    write(tmp_path / "undated.txt", "Y")
    items = {i.article.id: i.article.published for i in read_all(tmp_path, published="2026-11-23")}
    assert items == {"dated": "2025-01-02", "undated": "2026-11-23"}


@pytest.mark.parametrize(
    "name, content, reason",
    [
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.txt", b"  \n\n", "empty file", id="whitespace only"),
        pytest.param("binary.txt", b"\x89PNG\x00\x00\x01", "binary file", id="binary"),
        pytest.param("latin.txt", "caf\xe9".encode("latin-1"), "undecodable bytes", id="undecodable bytes"),
        pytest.param("hanja.txt", "ÊÊÊÊ".encode("latin-1"), "undecodable bytes", id="latin-1 that decodes as hanja"),
        pytest.param("sjis.txt", "日本語のニュース".encode("shift_jis"), "undecodable bytes", id="shift-jis is not guessed"),
        pytest.param("only.md", b"---\ntitle: T\n---\n", "no article text", id="front matter without body"),
        pytest.param("list.json", b'["a", "b"]', "must be an object", id="json array"),
        pytest.param("notes.docx", b"PK\x03\x04 zipped", "unsupported file type", id="unsupported type"),
        pytest.param("bad.md", b"---\ntitle: [unclosed\n---\nBody", "while parsing", id="malformed front matter"),
        pytest.param("bad.json", b"{not json", "Expecting property name", id="malformed json"),
        pytest.param("notext.json", b'{"id": "x", "title": "no body"}', "no article text", id="json without text"),
    ],
)
def test_bad_file_gives_error_naming_file_and_reason(tmp_path, name, content, reason):
    path = write(tmp_path / name, content)
    items = read_all(path)
    assert len(items) == 1
    error = items[0]
    assert isinstance(error, ReadError)
    assert str(path) in error.reason and reason in error.reason


def test_oversized_file_is_refused(tmp_path):
    path = write(tmp_path / "big.txt", "x" * 100)
    (error,) = read_all(path, max_bytes=10)
    assert isinstance(error, ReadError) and "over the limit" in error.reason


def test_jsonl_yields_each_line_and_reports_bad_lines(tmp_path):
    lines = [json.dumps({"id": "a", "text": "First."}), "{broken", json.dumps({"body": "Second."})]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    items = read_all(path)
    assert len(items) == 3
    assert [type(i).__name__ for i in items] == ["Loaded", "ReadError", "Loaded"]
    assert items[0].article.id == "a" and items[2].article.id == "feed:3"


KOREAN = "삼성전자가 2나노 파운드리 수주. Samsung won the order."


@pytest.mark.parametrize(
    "raw, text, warnings",
    [
        pytest.param("Hello".encode("utf-8"), "Hello", (), id="utf-8"),
        pytest.param("\ufeffHello".encode("utf-8"), "Hello", (), id="utf-8 with BOM"),
        pytest.param(KOREAN.encode("utf-8"), KOREAN, (), id="korean in utf-8"),
        pytest.param("Hello".encode("utf-16"), "Hello", ("encoding: utf-16",), id="utf-16 with BOM"),
        pytest.param(b"\xfe\xff" + "Hello".encode("utf-16-be"), "Hello", ("encoding: utf-16",), id="utf-16 BE with BOM"),
        pytest.param(KOREAN.encode("euc-kr"), KOREAN, ("encoding: euc-kr",), id="euc-kr"),
        pytest.param("똠방각하 수주".encode("cp949"), "똠방각하 수주", ("encoding: cp949",), id="cp949 beyond euc-kr"),
    ],
)
def test_encodings_are_detected_and_named(tmp_path, raw, text, warnings):
    (loaded,) = read_all(write(tmp_path / "a.txt", raw))
    assert isinstance(loaded, Loaded)
    assert (loaded.text, loaded.warnings) == (text, warnings)


def test_utf16_json_lines_are_read(tmp_path):
    lines = "\n".join(json.dumps({"id": i, "text": "삼성 " + i}, ensure_ascii=False) for i in ("a", "b"))
    items = read_all(write(tmp_path / "feed.jsonl", lines.encode("utf-16")))
    assert [(i.article.id, i.text) for i in items] == [("a", "삼성 a"), ("b", "삼성 b")]


def test_jsonl_line_over_the_limit_is_one_error(tmp_path):
    lines = [json.dumps({"id": "a", "text": "short"}), json.dumps({"id": "b", "text": "x" * 500}),
             json.dumps({"id": "c", "text": "short"})]
    items = read_all(write(tmp_path / "feed.jsonl", "\n".join(lines)), max_bytes=100)
    assert [type(i).__name__ for i in items] == ["Loaded", "ReadError", "Loaded"]
    assert "line 2" in items[1].reason and "over the limit" in items[1].reason
    assert items[2].article.id == "c"


def test_stdin_is_read_as_json_lines():
    stdin = io.BytesIO(b'{"id": "s", "text": "From a pipe."}\n\n{"text": "No id."}\n')
    items = list(read_articles(["-"], stdin=stdin))
    assert [(i.article.id, i.article.path, i.text) for i in items] == [
        ("s", "<stdin>:1", "From a pipe."), ("stdin:3", "<stdin>:3", "No id.")]


def test_folders_are_listed_recursively_in_sorted_order_with_relative_ids(tmp_path):
    for name in ("b/z.txt", "a.md", "b/a.json", "c.html", "skip.csv", "b/c/d.jsonl"):
        write(tmp_path / "in" / name, "x")
    sources = list(list_sources([tmp_path / "in", tmp_path / "in" / "a.md"]))
    assert [s.id for s in sources] == ["a", "b/a", "b/c/d", "b/z", "c", "a"]


HTML = ("<html><head><title>Samsung wins Rebellions order</title></head><body><article><p>"
        + "Samsung Electronics won a 2-nanometer foundry order from Rebellions, industry sources said. " * 4
        + "</p></article></body></html>")


def test_html_goes_through_trafilatura(tmp_path):
    pytest.importorskip("trafilatura", reason="the html extra (trafilatura) is not installed")
    (loaded,) = read_all(write(tmp_path / "page.html", HTML))
    assert isinstance(loaded, Loaded)
    assert loaded.text.startswith("Samsung Electronics won a 2-nanometer foundry order")
    assert (loaded.article.id, loaded.article.title) == ("page", "Samsung wins Rebellions order")


def test_html_without_the_extra_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import now fails as if not installed
    (error,) = read_all(write(tmp_path / "page.htm", HTML))
    assert isinstance(error, ReadError)
    assert "pip install 'extractor[html]'" in error.reason and error.exception == "ModuleNotFoundError"


def test_fsspec_urls_are_listed_and_read():
    fsspec = pytest.importorskip("fsspec", reason="fsspec is not installed")
    fs = fsspec.filesystem("memory")
    fs.pipe({"/feeds/2026/a.txt": b"---\ntitle: A\n---\nFirst.", "/feeds/2026/sub/b.json": b'{"text": "Second."}',
             "/feeds/2026/empty.txt": b""})
    try:
        items = read_all("memory://feeds/2026", "memory://feeds/missing.txt")
    finally:
        fs.rm("/feeds", recursive=True)
    assert len(items) == 4
    assert [(type(i).__name__, i.article.id if isinstance(i, Loaded) else i.id) for i in items] == [
        ("Loaded", "a"), ("ReadError", "empty"), ("Loaded", "sub/b"), ("ReadError", "missing")]
    assert items[0].article.path == "memory:///feeds/2026/a.txt" and items[0].text == "First."
    assert "no such file" in items[3].reason


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    (error,) = read_all(tmp_path / "nope.txt")
    assert isinstance(error, ReadError) and "no such file" in error.reason


def test_split_front_matter_rejects_non_mapping():
    with pytest.raises(ValueError, match="not a mapping"):
        split_front_matter("---\n- a\n- b\n---\nBody")

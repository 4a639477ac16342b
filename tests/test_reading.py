"""Reading files and folders into articles, and refusing bad input with a reason."""
import json

import pytest

from extractor.reading import Loaded, ReadError, read_articles, split_front_matter


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
        pytest.param("latin.txt", "caf\xe9".encode("latin-1"), "decode", id="undecodable bytes"),
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


def test_utf8_bom_and_utf16_are_read(tmp_path):
    write(tmp_path / "bom.txt", "\ufeffHello".encode("utf-8"))
    write(tmp_path / "wide.txt", "Hello".encode("utf-16"))
    texts = [i.text for i in read_all(tmp_path)]
    assert texts == ["Hello", "Hello"]


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    (error,) = read_all(tmp_path / "nope.txt")
    assert isinstance(error, ReadError) and "no such file" in error.reason


def test_split_front_matter_rejects_non_mapping():
    with pytest.raises(ValueError, match="not a mapping"):
        split_front_matter("---\n- a\n- b\n---\nBody")

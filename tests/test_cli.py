"""The command line: exit codes, stdin, progress on a terminal only, the summary line and tables."""
import importlib.util
import io
import json
import sys
from types import SimpleNamespace

import pytest

from extractor.cli import main

TEXT = ("Samsung Electronics won a 2-nanometer foundry order worth 1.5 trillion won from Korean AI chip "
        "startup Rebellions last month, according to industry sources.")


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "in").mkdir()
    for number in range(3):
        (tmp_path / "in" / f"a{number}.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["run", "--help"])
    help_text = capsys.readouterr().out
    assert stop.value.code == 0
    assert "0  every input processed" in help_text and "1  some inputs failed" in help_text
    assert "2  usage error" in help_text


@pytest.mark.parametrize(
    "arguments, message",
    [
        pytest.param(["run", "x", "-o", "o.jsonl", "--workers", "0"], "whole number of 1 or more", id="no workers"),
        pytest.param(["run", "x", "-o", "o.jsonl", "--published", "23.11.2026"], "YYYY-MM-DD", id="bad date"),
        pytest.param(["run", "x"], "required: -o/--output", id="no output"),
        pytest.param(["run", "x", "-o", "o.jsonl", "--engine", "spark"], "invalid choice", id="unknown engine"),
    ],
)
def test_usage_errors_exit_2(arguments, message, capsys):
    with pytest.raises(SystemExit) as stop:
        main(arguments)
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_dask_engine_without_dask_is_a_usage_error(folder, monkeypatch, capsys):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    with pytest.raises(SystemExit) as stop:
        main(["run", str(folder / "in"), "-o", str(folder / "o.jsonl"), "--engine", "dask"])
    assert stop.value.code == 2
    assert "pip install 'extractor[dask]'" in capsys.readouterr().err


def test_all_good_exits_0_with_one_summary_line_and_no_bar_when_piped(folder, capsys):
    code = main(["run", str(folder / "in"), "-o", str(folder / "out.jsonl"), "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 0
    assert err.splitlines() == [err.splitlines()[-1]] and err.startswith("articles 3, orders 3, figures 0, errors 0")
    assert len((folder / "out.jsonl").read_bytes().splitlines()) == 3


@pytest.mark.parametrize(
    "options, bar",
    [
        pytest.param([], True, id="terminal shows a bar"),
        pytest.param(["--quiet"], False, id="quiet hides it"),
    ],
)
def test_progress_bar_on_a_terminal(folder, capsys, monkeypatch, options, bar):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["run", str(folder / "in"), "-o", str(folder / "out.jsonl"), "--workers", "1", *options]) == 0
    err = capsys.readouterr().err
    assert ("article/s" in err) is bar
    assert ("3/3" in err) is bar


def test_stdin_json_lines(folder, monkeypatch, capsys):
    lines = "\n".join(json.dumps({"id": f"s{n}", "text": TEXT}) for n in range(2)) + "\n"
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(lines.encode("utf-8"))))
    assert main(["run", "-", "-o", str(folder / "out.jsonl"), "--workers", "1"]) == 0
    ids = [json.loads(line)["article"]["id"] for line in (folder / "out.jsonl").read_bytes().splitlines()]
    assert ids == ["s0", "s1"]


def test_tables_are_written_beside_the_lines(folder, capsys):
    assert main(["run", str(folder / "in"), "-o", str(folder / "out.jsonl"), "--workers", "1",
                 "--tables", str(folder / "tables")]) == 0
    orders = (folder / "tables" / "orders.csv").read_text(encoding="utf-8").splitlines()
    assert len(orders) == 4 and orders[0].startswith("article_id,customer,supplier,")
    assert ",1500000000000,KRW," in orders[1]


def test_explain_shows_slots_a_later_sentence_gives_the_draft(tmp_path, capsys):
    article = tmp_path / "later.txt"
    article.write_text("DeepX has commissioned Samsung Foundry to make its DX-M3 chip on SF2.\n\n"
                       "The chip targets robots.\n\nMass production is planned for the second half of 2027.\n",
                       encoding="utf-8")
    assert main(["explain", str(article), "--published", "2026-11-23"]) == 0
    assert "timing=the second half of 2027" in capsys.readouterr().out


def test_explain_shows_the_parties_and_the_draft_of_each_clause(folder, capsys):
    assert main(["explain", str(folder / "in" / "a0.txt"), "--published", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== a0\n")
    assert "Samsung Electronics (" in out and "Rebellions (" in out
    assert "draft: Rebellions <- Samsung Electronics foundry" in out
    assert "value=1.5 trillion won" in out

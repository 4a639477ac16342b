"""Nothing lost, nothing twice: whole-line appends, torn tails, duplicate ids, and resuming a killed run."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.ledger import Decision, Ledger, LineFile, repair_torn_tail

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "dev" / "articles"


@pytest.mark.parametrize(
    "content, kept",
    [
        pytest.param(b"", b"", id="empty file"),
        pytest.param(b'{"a":1}\n{"b":2}\n', b'{"a":1}\n{"b":2}\n', id="whole lines kept"),
        pytest.param(b'{"a":1}\n{"b":', b'{"a":1}\n', id="torn last line cut"),
        pytest.param(b'{"a":', b"", id="torn only line cut"),
    ],
)
def test_repair_torn_tail(tmp_path, content, kept):
    path = tmp_path / "out.jsonl"
    path.write_bytes(content)
    assert repair_torn_tail(path) == len(content) - len(kept)
    assert path.read_bytes() == kept


def test_line_file_truncates_a_fresh_run_and_appends_on_resume(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'old\ntorn')
    with LineFile(path, resume=True) as lines:
        lines.append(["new"])
    assert path.read_bytes() == b"old\nnew\n"
    with LineFile(path, resume=False) as lines:
        lines.append(["a", "b"])
    assert path.read_bytes() == b"a\nb\n"


LEDGER_CASES = [
    pytest.param([("a.txt", "a")], [Decision.WRITE], id="new id is written"),
    pytest.param([("a.txt", "a"), ("b.json", "a")], [Decision.WRITE, Decision.DUPLICATE], id="second use is a duplicate"),
    pytest.param([("a.txt", "a"), ("a.txt", "a")], [Decision.WRITE, Decision.DUPLICATE], id="same file twice"),
    pytest.param([("old.txt", "old")], [Decision.SKIP], id="written before is skipped"),
    pytest.param([("other.json", "old")], [Decision.DUPLICATE], id="id written before by another file"),
    pytest.param([("bad.txt", "bad")], [Decision.SKIP], id="error reported before is skipped"),
    pytest.param([("old.txt", "old"), ("old.txt", "old")], [Decision.SKIP, Decision.DUPLICATE],
                 id="resumed file given twice"),
]


@pytest.mark.parametrize("inputs, decisions", LEDGER_CASES)
def test_ledger_decides_in_input_order(inputs, decisions):
    ledger = Ledger(previous={"old": "old.txt"}, reported={("bad.txt", "bad")})
    assert len(inputs) == len(decisions)
    assert [ledger.decide(path, article_id)[0] for path, article_id in inputs] == decisions


def article_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    assert texts, f"no articles in {CORPUS}"
    return texts


def generate(folder: Path, count: int, bad: bool = False) -> list[str]:
    """``count`` corpus articles under fresh ids (and a few bad files); the ids of the good ones."""
    texts = article_texts()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"gen-{number:04d}.txt").write_text(texts[number % len(texts)], encoding="utf-8")
    if bad:
        (folder / "gen-0002-empty.txt").write_bytes(b"")
        (folder / "gen-0005-dup.json").write_text(json.dumps({"id": "gen-0001", "text": "Copy."}), encoding="utf-8")
        (folder / "gen-0007-broken.json").write_text("{", encoding="utf-8")
    return [f"gen-{number:04d}" for number in range(count)]


def run(folder: Path, out: Path, *options: str) -> int:
    return main(["run", str(folder), "-o", str(out), "-q", *options])


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    root = tmp_path_factory.mktemp("resume")
    generate(root / "in", 12, bad=True)
    out = root / "reference.jsonl"
    assert run(root / "in", out, "--workers", "1") == 1
    return root, out.read_bytes(), out.with_name("reference.errors.jsonl").read_bytes()


@pytest.mark.parametrize(
    "kept_lines, kept_errors",
    [
        pytest.param(0.0, 0.0, id="killed before any write"),
        pytest.param(0.01, 0.0, id="torn first line"),
        pytest.param(0.5, 0.0, id="lines half written, errors not yet"),
        pytest.param(0.62, 0.5, id="torn line and torn error record"),
        pytest.param(0.999, 1.0, id="last line torn"),
        pytest.param(1.0, 0.4, id="lines done, errors half"),
        pytest.param(1.0, 1.0, id="killed after the last write"),
    ],
)
def test_resume_from_any_cut_gives_the_same_bytes(reference, kept_lines, kept_errors):
    root, lines, errors = reference
    name = f"cut-{kept_lines}-{kept_errors}"
    out = root / f"{name}.jsonl"
    out.write_bytes(lines[:int(len(lines) * kept_lines)])
    out.with_name(f"{name}.errors.jsonl").write_bytes(errors[:int(len(errors) * kept_errors)])
    assert run(root / "in", out, "--workers", "1", "--resume") == 1
    assert out.read_bytes() == lines
    assert out.with_name(f"{name}.errors.jsonl").read_bytes() == errors


def test_resume_refuses_a_file_that_is_not_its_output(tmp_path, capsys):
    generate(tmp_path / "in", 1)
    (tmp_path / "notes.jsonl").write_text("not json\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        run(tmp_path / "in", tmp_path / "notes.jsonl", "--workers", "1", "--resume")
    assert stop.value.code == 2
    assert "cannot resume" in capsys.readouterr().err
    assert (tmp_path / "notes.jsonl").read_text(encoding="utf-8") == "not json\n"


def line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def kill_when(out: Path, lines: int, folder: Path) -> int:
    """Start a 2-worker run, SIGKILL it and its workers once ``out`` has ``lines`` lines; lines at the kill."""
    command = [sys.executable, "-m", "extractor.cli", "run", str(folder), "-o", str(out), "--workers", "2", "-q"]
    if out.exists():
        command.append("--resume")
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120  # a guard against a hung run, not a measured time
    try:
        while line_count(out) < lines and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the run's own process group: the parent and its workers
        process.wait()
    return line_count(out)


def test_a_run_killed_twice_and_resumed_has_every_article_exactly_once(tmp_path):
    ids = generate(tmp_path / "in", 300)
    out = tmp_path / "killed.jsonl"
    first = kill_when(out, 40, tmp_path / "in")
    second = kill_when(out, 150, tmp_path / "in")
    assert 40 <= first < second < len(ids), "the kills did not land mid-run"
    assert run(tmp_path / "in", out, "--resume") == 0
    results = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert len(results) == len(ids)
    assert sorted(r["article"]["id"] for r in results) == ids
    assert out.with_name("killed.errors.jsonl").read_bytes() == b""

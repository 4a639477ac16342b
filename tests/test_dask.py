"""Dask as the engine: a local cluster, and a separately started scheduler with two workers on 127.0.0.1.

Both must give the process pool's output byte for byte. Skipped when Dask is
not installed (``pip install 'extractor[dask]'``); CI installs it.
"""
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason="Dask distributed is not installed: pip install 'extractor[dask]' (CI installs it)")

from extractor.batch import BatchOptions  # noqa: E402
from extractor.cli import main  # noqa: E402
from extractor.dask import extract_bag, run_on_client  # noqa: E402

pytestmark = pytest.mark.dask
ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Samsung Electronics won a {nm}-nanometer foundry order worth {won} trillion won from Korean AI chip "
        "startup Rebellions last month, according to industry sources.")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("dask")
    inputs = root / "in"
    (inputs / "sub").mkdir(parents=True)
    for number in range(10):
        (inputs / "sub" / f"a{number}.txt").write_text(TEXT.format(nm=2 + number % 3, won=number + 1), "utf-8")
    (inputs / "feed.jsonl").write_text(json.dumps({"id": "f1", "text": TEXT.format(nm=3, won=9)}) + "\n{bad\n", "utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "dup.json").write_text(json.dumps({"id": "f1", "text": "Copy."}), "utf-8")
    return root


@pytest.fixture(scope="module")
def pool_output(folder):
    out = folder / "pool.jsonl"
    assert main(["run", str(folder / "in"), "-o", str(out), "--workers", "1", "-q"]) == 1
    return out.read_bytes(), out.with_name("pool.errors.jsonl").read_bytes()


def run_cli(folder, name, *options):
    out = folder / name
    code = main(["run", str(folder / "in"), "-o", str(out), "-q", *options])
    return code, out.read_bytes(), out.with_name(f"{Path(name).stem}.errors.jsonl").read_bytes()


@pytest.fixture
def quiet_dask(monkeypatch):
    monkeypatch.setenv("DASK_LOGGING__DISTRIBUTED", "warning")
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)


def test_local_cluster_gives_the_pool_s_bytes(folder, pool_output, quiet_dask):
    assert run_cli(folder, "local.jsonl", "--engine", "dask", "--workers", "2") == (1, *pool_output)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A scheduler and two single-threaded workers, each its own process on 127.0.0.1, as on a real cluster."""
    folder = tmp_path_factory.mktemp("cluster")
    scheduler_file = folder / "scheduler.json"
    env = {**os.environ, "DASK_LOGGING__DISTRIBUTED": "warning", "PYTHONPATH": str(ROOT)}
    dask = [sys.executable, "-m", "dask"]
    commands = [dask + ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                        "--scheduler-file", str(scheduler_file)]]
    commands += [dask + ["worker", "--scheduler-file", str(scheduler_file), "--host", "127.0.0.1", "--nthreads", "1",
                         "--no-dashboard", "--name", f"worker-{n}"] for n in (1, 2)]
    processes = []
    try:
        for command in commands:
            processes.append(subprocess.Popen(command, cwd=folder, env=env, start_new_session=True,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(scheduler_file=str(scheduler_file), timeout="60s") as client:
            client.wait_for_workers(2, timeout=60)
            yield client.scheduler.address
    finally:
        for process in reversed(processes):
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_existing_scheduler_gives_the_pool_s_bytes(folder, pool_output, scheduler, quiet_dask):
    assert scheduler.startswith("tcp://127.0.0.1:")
    assert run_cli(folder, "remote.jsonl", "--scheduler", scheduler) == (1, *pool_output)


def test_scheduler_address_from_the_environment(folder, pool_output, scheduler, quiet_dask, monkeypatch):
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", scheduler)
    assert run_cli(folder, "env.jsonl", "--engine", "dask") == (1, *pool_output)


def test_run_on_client_for_a_client_you_hold(folder, pool_output, scheduler):
    out = folder / "client.jsonl"
    with distributed.Client(scheduler) as client:
        summary = run_on_client(client, [folder / "in"], out, BatchOptions())
    assert (summary.articles, summary.errors) == (11, 3)
    assert (out.read_bytes(), out.with_name("client.errors.jsonl").read_bytes()) == pool_output


def test_extract_bag_maps_paths_to_outcomes(folder, pool_output, scheduler):
    import dask.bag

    paths = sorted(str(p) for p in (folder / "in" / "sub").glob("*.txt")) + [str(folder / "in" / "empty.txt")]
    with distributed.Client(scheduler):
        outcomes = extract_bag(dask.bag.from_sequence(paths, npartitions=3), root=str(folder / "in")).compute()
    assert len(outcomes) == len(paths)
    lines = [o.line for o in outcomes if o.line]
    assert len(lines) == 10
    assert set(lines) <= set(pool_output[0].decode("utf-8").splitlines())
    (error,) = [o.error for o in outcomes if o.error]
    assert (error.id, "empty file" in error.reason) == ("empty", True)

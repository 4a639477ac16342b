"""The wheel carries every subpackage and the rule model's data files."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "extractor").rglob("__init__.py")}
    assert found - listed == set()
    assert "extractor.models" in listed


def test_every_data_file_is_shipped():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["extractor.models"]
    files = [p for p in (ROOT / "models").iterdir() if p.is_file()]
    assert len(files) > 10
    assert [p.name for p in files if not any(p.match(pattern) for pattern in patterns)] == []

"""Every data file of the rule model parses, opens with its provenance, and has no key
given twice (PyYAML would silently keep the last one)."""
from pathlib import Path

import pytest
import yaml

MODELS = Path(__file__).resolve().parents[1] / "models"
FILES = sorted(MODELS.glob("*.yaml"))


class _StrictLoader(yaml.SafeLoader):
    pass


def _no_duplicates(loader, node, deep=False):
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    repeated = {k for k in keys if keys.count(k) > 1}
    if repeated:
        raise ValueError(f"line {node.start_mark.line + 1}: keys given twice: {sorted(map(str, repeated))}")
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def test_there_are_data_files():
    assert len(FILES) >= 12


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_data_file_has_no_repeated_keys(path):
    yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_data_file_says_where_it_comes_from(path):
    header = path.read_text(encoding="utf-8").split("\n\n")[0]
    assert header.startswith("#") and len(header.splitlines()) >= 3


def test_epithets_and_seats_name_gazetteer_companies():
    companies = yaml.safe_load((MODELS / "companies.yaml").read_text(encoding="utf-8"))["companies"]
    ids = {entry["id"] for entry in companies}
    epithets = yaml.safe_load((MODELS / "epithets.yaml").read_text(encoding="utf-8"))
    named = set(epithets["epithets"].values()) | {c for seated in epithets["seats"].values() for c in seated}
    assert named - ids == set()
    seated = [c for seated in epithets["seats"].values() for c in seated]
    assert len(seated) == len(set(seated)), "a company has one seat"

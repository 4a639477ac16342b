"""The company and product gazetteer (extractor/normalize/companies.py, models/companies.yaml, products.yaml)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from extractor.normalize.companies import (
    CHIP_WORDS, ROLES, Gazetteer, GazetteerError, ProductEntry, canonical_name,
)
from extractor.records import SERVICES, CompanyValue
from extractor.resources import load_yaml

# Lowercase-initial words of aliases that are brand spellings, not English words.
LOWERCASE_BRANDS = {"onsemi", "eMemory", "xAI", "d-Matrix", "xFusion", "iFlytek", "iFLYTEK", "eInfochips"}
LEGAL_ABBREVIATIONS = ("Inc.", "Corp.", "Co.", "Ltd.", "LLC", "PLC")


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def raw_companies() -> list[dict]:
    return load_yaml("companies.yaml")["companies"]


@pytest.fixture(scope="module")
def raw_products() -> list[dict]:
    return load_yaml("products.yaml")["products"]


def _surfaces(company: dict) -> list[str]:
    return company["aliases"] + [s for unit in company.get("units") or [] for s in unit["standalone"]]


def test_enough_companies(gazetteer: Gazetteer) -> None:
    assert len(gazetteer) >= 170
    assert len(gazetteer.products) >= 60


def test_ids_are_unique(raw_companies: list[dict]) -> None:
    counts = Counter(c["id"] for c in raw_companies)
    assert [i for i, n in counts.items() if n > 1] == []


def test_aliases_belong_to_one_company(raw_companies: list[dict]) -> None:
    counts = Counter(s for c in raw_companies for s in set(_surfaces(c)))
    assert len(counts) > 400
    assert [s for s, n in counts.items() if n > 1] == []


def test_aliases_are_not_lowercase_words_suffixed_or_possessive(raw_companies: list[dict]) -> None:
    aliases = [a for c in raw_companies for a in _surfaces(c)]
    assert [a for a in aliases if a[0].islower() and a.split()[0] not in LOWERCASE_BRANDS] == []
    # A suffix may stay only where it is the canonical name's own ("SoftBank Corp", a listed
    # affiliate that would otherwise read as SoftBank Group).
    own = {c["name"] for c in raw_companies} | {c["name"] + "." for c in raw_companies}
    assert [a for a in aliases if (a.endswith(LEGAL_ABBREVIATIONS) and a not in own)
            or a.endswith(("'s", "’s"))] == []


def test_roles_services_and_countries_are_known(gazetteer: Gazetteer) -> None:
    companies = list(gazetteer)
    assert len(companies) >= 170
    assert {role for c in companies for role in c.roles} <= ROLES
    assert {u.service for c in companies for u in c.units} <= set(SERVICES) | {None}
    assert all(len(c.country) == 2 and c.country.isupper() for c in companies)


def test_every_role_is_used(gazetteer: Gazetteer) -> None:
    assert {role for c in gazetteer for role in c.roles} == ROLES


def test_products_are_unique_and_owned(gazetteer: Gazetteer, raw_products: list[dict]) -> None:
    names = Counter(p["name"] for p in raw_products)
    aliases = Counter(a for p in raw_products for a in p["aliases"])
    assert [n for n, k in names.items() if k > 1] == []
    assert [a for a, k in aliases.items() if k > 1] == []
    assert [p["owner"] for p in raw_products if gazetteer.by_id(p["owner"]) is None] == []
    assert {p["chip"] for p in raw_products} <= CHIP_WORDS


@pytest.mark.parametrize("not_a_product", ["HBM4", "HBM3E", "ASIC", "GPU", "A16", "A14"])
def test_chip_categories_and_nodes_are_not_products(gazetteer: Gazetteer, not_a_product: str) -> None:
    assert gazetteer.product(not_a_product) is None


RESOLVE_CASES = [
    pytest.param("Samsung", CompanyValue(name="Samsung Electronics", id="samsung-electronics"), id="Samsung alone"),
    pytest.param("Samsung Electronics", CompanyValue(name="Samsung Electronics", id="samsung-electronics"),
                 id="Samsung Electronics"),
    pytest.param("Samsung Electronics Co., Ltd.", CompanyValue(name="Samsung Electronics", id="samsung-electronics"),
                 id="legal suffixes stripped"),
    pytest.param("Samsung Foundry", CompanyValue(name="Samsung Electronics", unit="Foundry", id="samsung-electronics"),
                 id="Samsung Foundry"),
    pytest.param("Samsung System LSI",
                 CompanyValue(name="Samsung Electronics", unit="System LSI", id="samsung-electronics"),
                 id="Samsung System LSI"),
    pytest.param("Samsung Electronics' System LSI",
                 CompanyValue(name="Samsung Electronics", unit="System LSI", id="samsung-electronics"),
                 id="possessive and unit"),
    pytest.param("Samsung's foundry business",
                 CompanyValue(name="Samsung Electronics", unit="Foundry", id="samsung-electronics"),
                 id="lowercase unit words"),
    pytest.param("Samsung SDS", CompanyValue(name="Samsung SDS", id="samsung-sds"), id="listed affiliate apart"),
    pytest.param("Meta Platforms", CompanyValue(name="Meta", id="meta"), id="Meta Platforms"),
    pytest.param("Meta Platforms Inc.", CompanyValue(name="Meta", id="meta"), id="Meta Platforms Inc."),
    pytest.param("Nvidia Corp.", CompanyValue(name="Nvidia", id="nvidia"), id="Nvidia Corp."),
    pytest.param("AWS", CompanyValue(name="Amazon", unit="AWS", id="amazon"), id="AWS"),
    pytest.param("Amazon Web Services", CompanyValue(name="Amazon", unit="AWS", id="amazon"),
                 id="Amazon Web Services"),
    pytest.param("Google Cloud", CompanyValue(name="Google", unit="Cloud", id="google"), id="Google Cloud"),
    pytest.param("Alphabet", CompanyValue(name="Google", id="google"), id="Alphabet"),
    pytest.param("Naver Cloud", CompanyValue(name="Naver", unit="Cloud", id="naver"), id="Naver Cloud"),
    pytest.param("Intel Foundry", CompanyValue(name="Intel", unit="Foundry", id="intel"), id="Intel Foundry"),
    pytest.param("Huawei's HiSilicon", CompanyValue(name="Huawei", unit="HiSilicon", id="huawei"),
                 id="Huawei's HiSilicon"),
    pytest.param("HiSilicon", CompanyValue(name="Huawei", unit="HiSilicon", id="huawei"), id="HiSilicon alone"),
    pytest.param("SK hynix", CompanyValue(name="SK hynix", id="sk-hynix"), id="SK hynix"),
    pytest.param("SK Hynix", CompanyValue(name="SK hynix", id="sk-hynix"), id="SK Hynix"),
    pytest.param("Hynix", CompanyValue(name="SK hynix", id="sk-hynix"), id="Hynix"),
    pytest.param("SK Group", CompanyValue(name="SK Group", id="sk-group"), id="group apart from affiliates"),
    pytest.param("SK Telecom", CompanyValue(name="SK Telecom", id="sk-telecom"), id="SK Telecom"),
    pytest.param("Taiwan Semiconductor Manufacturing Co.", CompanyValue(name="TSMC", id="tsmc"), id="TSMC long name"),
    pytest.param("Hon Hai", CompanyValue(name="Foxconn", id="foxconn"), id="Hon Hai"),
    pytest.param("Hua Hong", CompanyValue(name="Hua Hong", id="hua-hong"), id="Hua Hong"),
    pytest.param("ChangXin Memory", CompanyValue(name="CXMT", id="cxmt"), id="ChangXin Memory"),
    pytest.param("Global Unichip", CompanyValue(name="GUC", id="guc"), id="Global Unichip"),
    pytest.param("Gaonchips", CompanyValue(name="Gaonchips", id="gaonchips"), id="Gaonchips"),
    pytest.param("FuriosaAI", CompanyValue(name="FuriosaAI", id="furiosaai"), id="FuriosaAI"),
    pytest.param("Zhejiang Leapmotor", CompanyValue(name="Leapmotor", id="leapmotor"), id="a carmaker's long name"),
    pytest.param("GAC Aion", CompanyValue(name="GAC Group", id="gac"), id="a carmaker's brand gives its group"),
    pytest.param("Continental AG", CompanyValue(name="Continental", id="continental"), id="a common word with its suffix"),
    pytest.param("Continental", None, id="a common word alone is no company"),
    # not companies of the gazetteer
    pytest.param("TrendForce", None, id="research firm"),
    pytest.param("Counterpoint", None, id="research firm 2"),
    pytest.param("samsung", None, id="lowercase"),
    pytest.param("Samsung's foundry process", None, id="generic use is no unit"),
    pytest.param("Ampere", None, id="ambiguous Ampere left out"),
    pytest.param("SK", None, id="ambiguous SK left out"),
]


@pytest.mark.parametrize(("text", "expected"), RESOLVE_CASES)
def test_resolve(gazetteer: Gazetteer, text: str, expected: CompanyValue | None) -> None:
    assert gazetteer.resolve(text) == expected


@pytest.mark.parametrize(("alias", "company_id"), [
    pytest.param("Samsung", "samsung-electronics", id="Samsung"),
    pytest.param("AWS", "amazon", id="unit name gives the parent"),
    pytest.param("Meta Platforms", "meta", id="Meta Platforms"),
    pytest.param("Foxconn", "foxconn", id="Foxconn"),
    pytest.param("Unknown Widgets", None, id="unknown"),
])
def test_by_alias(gazetteer: Gazetteer, alias: str, company_id: str | None) -> None:
    entry = gazetteer.by_alias(alias)
    assert (entry.id if entry else None) == company_id


def test_entries_are_frozen(gazetteer: Gazetteer) -> None:
    entry = gazetteer.by_id("samsung-electronics")
    assert entry is not None and entry.unit("Foundry").service == "foundry"
    with pytest.raises(AttributeError):
        entry.name = "Samsung"  # type: ignore[misc]


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Meta Platforms", "Meta", id="Meta Platforms"),
    pytest.param("Google Cloud", "Google", id="Google Cloud"),
    pytest.param("TrendForce", None, id="not a company"),
])
def test_canonical_name(text: str, name: str | None) -> None:
    assert canonical_name(text) == name


@pytest.mark.parametrize(("alias", "expected"), [
    pytest.param("MTIA", ProductEntry(name="MTIA", owner="meta", chip="ASIC",
                                      aliases=("MTIA", "Meta Training and Inference Accelerator")), id="MTIA"),
])
def test_product_entry(gazetteer: Gazetteer, alias: str, expected: ProductEntry) -> None:
    assert gazetteer.product(alias) == expected


@pytest.mark.parametrize(("alias", "name", "owner"), [
    pytest.param("Ironwood", "Ironwood", "google", id="Ironwood"),
    pytest.param("Trainium3", "Trainium3", "amazon", id="Trainium3"),
    pytest.param("AI5", "AI5", "tesla", id="AI5"),
    pytest.param("Ascend 910C", "Ascend 910C", "huawei", id="Ascend 910C"),
    pytest.param("RNGD", "RNGD", "furiosaai", id="RNGD"),
    pytest.param("Instinct MI300X", "MI300X", "amd", id="Instinct MI300X"),
    pytest.param("Vera Rubin", "Vera Rubin", "nvidia", id="Vera Rubin, the platform, is not the Rubin GPU"),
])
def test_product_lookup(gazetteer: Gazetteer, alias: str, name: str, owner: str) -> None:
    product = gazetteer.product(alias)
    assert product is not None
    assert (product.name, product.owner) == (name, owner)


GOOD_COMPANY = {"id": "acme", "name": "Acme", "country": "US", "roles": ["supply"], "aliases": ["Acme"]}
GOOD_PRODUCT = {"name": "Rocket", "owner": "acme", "chip": "ASIC", "aliases": ["Rocket"]}

INVALID_CASES = [
    pytest.param([GOOD_COMPANY, dict(GOOD_COMPANY, aliases=["Acme Two"])], [GOOD_PRODUCT],
                 "'acme' is used by both companies[0] and companies[1]", id="duplicate id"),
    pytest.param([GOOD_COMPANY, dict(GOOD_COMPANY, id="acme-two")], [GOOD_PRODUCT],
                 "'Acme' is used by both company 'acme' and company 'acme-two'", id="alias of two companies"),
    pytest.param([dict(GOOD_COMPANY, roles=["baker"])], [GOOD_PRODUCT], "unknown role(s) ['baker']",
                 id="unknown role"),
    pytest.param([dict(GOOD_COMPANY, units=[{"name": "Fab", "service": "baking", "names": ["Fab"],
                                             "standalone": []}])], [GOOD_PRODUCT],
                 "unknown service 'baking'", id="unknown service"),
    pytest.param([dict(GOOD_COMPANY, country="USA")], [GOOD_PRODUCT], "country must be an ISO 3166-1 alpha-2 code",
                 id="bad country code"),
    pytest.param([GOOD_COMPANY], [dict(GOOD_PRODUCT, owner="nobody")], "owner 'nobody' is no company id",
                 id="unknown product owner"),
    pytest.param([GOOD_COMPANY], [GOOD_PRODUCT, GOOD_PRODUCT], "'Rocket' is used by both", id="duplicate product"),
    pytest.param([dict(GOOD_COMPANY, short_forms=["Acme"])], [GOOD_PRODUCT], "short_forms must not repeat aliases",
                 id="a short form that is an alias already"),
    pytest.param([GOOD_COMPANY, dict(GOOD_COMPANY, id="beta", name="Beta Corp", aliases=["Beta Corp"],
                                     short_forms=["Acme"])], [GOOD_PRODUCT],
                 "short forms that are also another name's surface", id="a short form that names another company"),
]


@pytest.mark.parametrize(("companies", "products", "message"), INVALID_CASES)
def test_invalid_data_is_refused(tmp_path: Path, companies: list, products: list, message: str) -> None:
    (tmp_path / "companies.yaml").write_text(yaml.safe_dump({"companies": companies}), encoding="utf-8")
    (tmp_path / "products.yaml").write_text(yaml.safe_dump({"products": products}), encoding="utf-8")
    with pytest.raises(GazetteerError) as error:
        Gazetteer.load(str(tmp_path))
    assert message in str(error.value)
    assert str(tmp_path) in str(error.value)


def test_error_names_the_entry(tmp_path: Path) -> None:
    (tmp_path / "companies.yaml").write_text(
        yaml.safe_dump({"companies": [GOOD_COMPANY, dict(GOOD_COMPANY, id="beta", aliases=["Beta"], country="XX")]}),
        encoding="utf-8")
    (tmp_path / "products.yaml").write_text(yaml.safe_dump({"products": []}), encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"companies\.yaml: companies\[1\] \(id 'beta'\)"):
        Gazetteer.load(str(tmp_path))

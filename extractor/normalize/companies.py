"""The company and product gazetteer: ``models/companies.yaml`` and ``models/products.yaml``.

Pure Python (no spaCy): the COMPANY component builds its patterns from
:meth:`Gazetteer.surface_forms` and turns a found span into a value with
:meth:`Gazetteer.resolve`. The files are validated on load; an error names the
file, the entry and the allowed values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping, NamedTuple

from extractor.records import SERVICES, CompanyValue
from extractor.resources import load_yaml, models_dir

__all__ = [
    "CHIP_WORDS", "COMPANIES_FILE", "PRODUCTS_FILE", "ROLES", "CompanyEntry", "Gazetteer",
    "GazetteerError", "ProductEntry", "Surface", "UnitEntry", "canonical_name",
]

COMPANIES_FILE = "companies.yaml"
PRODUCTS_FILE = "products.yaml"
ROLES = frozenset({"foundry", "memory", "design", "packaging", "supply", "customer",
                   "eda_ip", "equipment", "materials", "systems"})
CHIP_WORDS = frozenset({"ASIC", "GPU", "AI chip", "CPU", "SoC", "NPU", "MCU"})
# ISO 3166-1 alpha-2, all 249 assigned codes.
_COUNTRIES = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split())
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_COMPANY_KEYS = ({"id", "name", "country", "roles", "aliases"}, {"units", "short_forms"})
_UNIT_KEYS = ({"name", "service", "names", "standalone"}, set())
_PRODUCT_KEYS = ({"name", "owner", "chip", "aliases"}, set())


class GazetteerError(ValueError):
    """A data file of the gazetteer is malformed; the message names file and entry."""


@dataclass(frozen=True)
class UnitEntry:
    name: str
    service: str | None
    names: tuple[str, ...]
    standalone: tuple[str, ...]


@dataclass(frozen=True)
class CompanyEntry:
    id: str
    name: str
    country: str
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    units: tuple[UnitEntry, ...] = ()
    short_forms: tuple[str, ...] = ()  # names it only once named in full in the same text ("Tata")

    def unit(self, name: str) -> UnitEntry | None:
        """The unit called ``name`` (as written in records), or None."""
        return next((u for u in self.units if u.name == name), None)


@dataclass(frozen=True)
class ProductEntry:
    name: str
    owner: str
    chip: str
    aliases: tuple[str, ...]


class Surface(NamedTuple):
    """A string that names a company on its own, and the unit it names, if any."""

    text: str
    company: CompanyEntry
    unit: UnitEntry | None


def _fail(where: str, message: str) -> GazetteerError:
    return GazetteerError(f"{where}: {message}")


def _check_keys(raw: Any, keys: tuple[set, set], where: str) -> None:
    if not isinstance(raw, dict):
        raise _fail(where, f"expected a mapping, got {raw!r}")
    required, optional = keys
    if missing := required - raw.keys():
        raise _fail(where, f"missing field(s) {sorted(missing)}")
    if unknown := raw.keys() - required - optional:
        raise _fail(where, f"unknown field(s) {sorted(unknown)}; allowed: {sorted(required | optional)}")


def _strings(raw: Any, where: str, field: str, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(s, str) and s.strip() for s in raw):
        raise _fail(where, f"{field} must be a list of non-empty strings, got {raw!r}")
    if not raw and not allow_empty:
        raise _fail(where, f"{field} must not be empty")
    if len(set(raw)) != len(raw):
        raise _fail(where, f"{field} lists a string twice: {raw!r}")
    return tuple(raw)


def _read_unit(raw: Any, where: str) -> UnitEntry:
    _check_keys(raw, _UNIT_KEYS, where)
    if raw["service"] is not None and raw["service"] not in SERVICES:
        raise _fail(where, f"unknown service {raw['service']!r}; allowed: {sorted(SERVICES)} or null")
    return UnitEntry(str(raw["name"]), raw["service"], _strings(raw["names"], where, "names"),
                     _strings(raw["standalone"], where, "standalone", allow_empty=True))


def _read_company(raw: Any, where: str) -> CompanyEntry:
    _check_keys(raw, _COMPANY_KEYS, where)
    if not isinstance(raw["id"], str) or not _SLUG.fullmatch(raw["id"]):
        raise _fail(where, f"id must be a lowercase slug like 'sk-hynix', got {raw['id']!r}")
    where = f"{where} (id {raw['id']!r})"
    if raw["country"] not in _COUNTRIES:
        raise _fail(where, f"country must be an ISO 3166-1 alpha-2 code like 'KR', got {raw['country']!r}")
    roles = _strings(raw["roles"], where, "roles")
    if unknown := set(roles) - ROLES:
        raise _fail(where, f"unknown role(s) {sorted(unknown)}; allowed: {sorted(ROLES)}")
    aliases = _strings(raw["aliases"], where, "aliases")
    if bad := [a for a in aliases if _POSSESSIVE.search(a)]:
        raise _fail(where, f"aliases must not carry a possessive: {bad}")
    units = tuple(_read_unit(u, f"{where} unit {i}") for i, u in enumerate(raw.get("units") or []))
    short_forms = _strings(raw.get("short_forms") or [], where, "short_forms", allow_empty=True)
    if clash := set(short_forms) & set(aliases):
        raise _fail(where, f"short_forms must not repeat aliases: {sorted(clash)}")
    return CompanyEntry(raw["id"], str(raw["name"]), raw["country"], roles, aliases, units, short_forms)


def _read_product(raw: Any, where: str, company_ids: set[str]) -> ProductEntry:
    _check_keys(raw, _PRODUCT_KEYS, where)
    where = f"{where} ({raw['name']!r})"
    if raw["owner"] not in company_ids:
        raise _fail(where, f"owner {raw['owner']!r} is no company id of {COMPANIES_FILE}")
    if raw["chip"] not in CHIP_WORDS:
        raise _fail(where, f"unknown chip {raw['chip']!r}; allowed: {sorted(CHIP_WORDS)}")
    return ProductEntry(str(raw["name"]), raw["owner"], raw["chip"], _strings(raw["aliases"], where, "aliases"))


def _index(items: list[tuple[str, Any, str]], path: str) -> dict[str, Any]:
    """``{surface: value}``, refusing a surface string claimed by two entries."""
    index: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for surface, value, owner in items:
        if surface in index and owners[surface] != owner:
            raise GazetteerError(f"{path}: {surface!r} is used by both {owners[surface]} and {owner}")
        index[surface], owners[surface] = value, owner
    return index


def _section(data: Any, key: str, path: str) -> list:
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise GazetteerError(f"{path}: expected a top-level list {key!r}")
    return data[key]


class Gazetteer:
    """Companies and products, looked up by their exact, case-sensitive surface strings.

    >>> gazetteer = Gazetteer.load()
    >>> gazetteer.by_alias("Samsung").name
    'Samsung Electronics'
    >>> gazetteer.resolve("AWS")
    CompanyValue(name='Amazon', unit='AWS', id='amazon')
    >>> gazetteer.resolve("Samsung Electronics' System LSI")
    CompanyValue(name='Samsung Electronics', unit='System LSI', id='samsung-electronics')
    >>> gazetteer.product("MTIA").owner
    'meta'
    """

    def __init__(self, companies: list[CompanyEntry], products: list[ProductEntry],
                 legal_suffixes: tuple[str, ...] = (), source: str = COMPANIES_FILE) -> None:
        self._companies = tuple(companies)
        self._by_id = MappingProxyType(_index(
            [(c.id, c, f"companies[{i}]") for i, c in enumerate(companies)], source))
        self._surfaces: Mapping[str, Surface] = MappingProxyType(_index(
            [(s.text, s, f"company {s.company.id!r}") for s in self._all_surfaces()], source))
        self._products = tuple(products)
        _index([(p.name, p, f"products[{i}]") for i, p in enumerate(products)], source)
        if clash := sorted({f for c in companies for f in c.short_forms} & self._surfaces.keys()):
            raise GazetteerError(f"{source}: short forms that are also another name's surface: {clash}")
        self._product_aliases = MappingProxyType(_index(
            [(a, p, f"product {p.name!r}") for p in products for a in p.aliases], source))
        if clash := sorted(self._surfaces.keys() & self._product_aliases.keys()):
            raise GazetteerError(f"{source}: names both a company and a product: {clash}")
        self.legal_suffixes = tuple(sorted(legal_suffixes, key=len, reverse=True))

    @classmethod
    def load(cls, directory: str | None = None) -> Gazetteer:
        """Read and validate ``companies.yaml`` and ``products.yaml`` from ``directory`` (default models/)."""
        folder = Path(directory) if directory else models_dir()
        path = str(folder / COMPANIES_FILE)
        data = load_yaml(COMPANIES_FILE, directory)
        companies = [_read_company(raw, f"{path}: companies[{i}]")
                     for i, raw in enumerate(_section(data, "companies", path))]
        ids = {c.id for c in companies}
        products_path = str(folder / PRODUCTS_FILE)
        products = [_read_product(raw, f"{products_path}: products[{i}]", ids)
                    for i, raw in enumerate(_section(load_yaml(PRODUCTS_FILE, directory), "products", products_path))]
        return cls(companies, products, tuple(data.get("legal_suffixes") or ()), f"{path} / {products_path}")

    def _all_surfaces(self) -> Iterator[Surface]:
        for company in self._companies:
            yield from (Surface(alias, company, None) for alias in company.aliases)
            for unit in company.units:
                yield from (Surface(name, company, unit) for name in unit.standalone)

    def __iter__(self) -> Iterator[CompanyEntry]:
        return iter(self._companies)

    def __len__(self) -> int:
        return len(self._companies)

    @property
    def products(self) -> tuple[ProductEntry, ...]:
        return self._products

    def surface_forms(self) -> Iterator[Surface]:
        """Every alias and standalone unit name, with what it names (for building patterns)."""
        return iter(self._surfaces.values())

    def by_id(self, company_id: str) -> CompanyEntry | None:
        return self._by_id.get(company_id)

    def by_alias(self, text: str) -> CompanyEntry | None:
        """The company an alias or a standalone unit name ("AWS") names; legal suffixes are ignored."""
        surface = self._surface(text)
        return surface.company if surface else None

    def product(self, alias: str) -> ProductEntry | None:
        return self._product_aliases.get(alias.strip())

    def resolve(self, text: str) -> CompanyValue | None:
        """The COMPANY value of a span: "Nvidia Corp.", "AWS", "Samsung Foundry", "Samsung's foundry business"."""
        surface = self._surface(text)
        if surface:
            return _value(surface.company, surface.unit)
        words = text.split()
        for cut in range(len(words) - 1, 0, -1):
            company = self.by_alias(_POSSESSIVE.sub("", " ".join(words[:cut])))
            rest = " ".join(words[cut:])
            unit = company and next((u for u in company.units if rest in u.names), None)
            if unit:
                return _value(company, unit)
        return None

    def canonical_name(self, text: str) -> str | None:
        value = self.resolve(text)
        return value.name if value else None

    def _surface(self, text: str) -> Surface | None:
        text = _POSSESSIVE.sub("", " ".join(text.split()))
        while text:
            if text in self._surfaces:
                return self._surfaces[text]
            stripped = self._strip_suffix(text)
            if stripped == text:
                return None
            text = stripped
        return None

    def _strip_suffix(self, text: str) -> str:
        # One suffix at a time: "Samsung Electronics Co., Ltd." -> "... Co." -> "Samsung Electronics".
        for suffix in self.legal_suffixes:
            if text.endswith(" " + suffix) or text.endswith("," + suffix):
                return text[: -len(suffix)].rstrip(" ,")
        return text


def _value(company: CompanyEntry, unit: UnitEntry | None) -> CompanyValue:
    return CompanyValue(name=company.name, unit=unit.name if unit else None, id=company.id)


@lru_cache(maxsize=None)
def _default(directory: str | None) -> Gazetteer:
    return Gazetteer.load(directory)


def canonical_name(text: str, directory: str | None = None) -> str | None:
    """The canonical company name of ``text``, or None.

    >>> canonical_name("Meta Platforms")
    'Meta'
    >>> canonical_name("SK Hynix Inc.")
    'SK hynix'
    >>> canonical_name("Google Cloud")
    'Google'
    >>> canonical_name("TrendForce") is None
    True
    """
    return _default(directory).canonical_name(text)

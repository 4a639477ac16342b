"""Product and program names an order covers ("MTIA", "AI5"), from models/products.yaml.

Translated copy misspells names ("MITA" for "MTIA"); a quoted name one
transposition or letter away from a known product is read as that product.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..patterns import guarded
from .views import ArticleView

_QUOTED = re.compile(r"[\"“]([A-Z][A-Za-z0-9-]{1,15})[\"”]|(?<!\w)['‘]([A-Z][A-Za-z0-9-]{1,15})['’](?!\w)")  # ('BRN-200')
_CHIP_WORD = r"(?:AI |inference |training )?(?:chips?|processors?|accelerators?|SoCs?|NPUs?|GPUs?|ASICs?|CPUs?|cards?)\b"
_CODE_NAME = r"[A-Z][A-Za-z]*(?:[0-9]+[A-Za-z0-9]*|-[A-Za-z0-9]+)(?:-[A-Za-z0-9]+)*"  # DX-M2, KL-2, MN-Core, M5
# "a Silicon Valley GPU giant", "the Korean AI chip startup", "a Denver GPU cloud provider": a chip
# word that describes a company
_NOT_A_COMPANY_AFTER = (r"(?!\s+(?:giant|maker|makers|company|companies|firm|designer|designers|vendor|startup|start-up|"
                        r"supplier|leader|powerhouse|developer|house|specialist|cloud|clouds|provider|providers|operator|"
                        r"operators|reseller|resellers|distributor|distributors)\b)")
# A name the gazetteer lacks: a code name after "its"/"X's", a capitalised name right
# before a chip word ("the Halo chip"), a code name in brackets after a word ("Ostrom
# Compute (OC-2)"), one a chip is given ("The chip, named Bertha,", "known internally as
# Osprey"), or one set beside a chip word ("its inference chip, the SB-200,").
_UNKNOWN = [
    guarded(r"(?:\bits|\btheir|’s|'s)\s+(?:[a-z][\w-]*\s+){0,3}(" + _CODE_NAME + r")(?![\w-])"),
    guarded(r"\b(" + _CODE_NAME + r"|[A-Z][a-z]{2,}[A-Za-z]*)\s+" + _CHIP_WORD + _NOT_A_COMPANY_AFTER),
    guarded(r"(?<=[A-Za-z.] \()(" + _CODE_NAME + r")(?=\))"),  # a table's "Ostrom Compute (OC-2)"
    guarded(r"\b(?:named|called|dubbed|code-?named|branded|known (?:internally )?as)\s+[\"“]?(" + _CODE_NAME
            + r"|[A-Z][a-z]{2,}[A-Za-z]*)(?![\w-])"),
    # "its inference chip, the SB-200,", "its first chip, Tessen,"
    guarded(_CHIP_WORD + r",\s+(?:the\s+)?(" + _CODE_NAME + r"|[A-Z][a-z]{2,}[A-Za-z]*)(?=[,.;])"),
]
# A name set before a description of it ("with Galil, an inference accelerator built for ..."): not the
# last word of a longer name ("its MN-Core L1000, a 2-nanometer inference chip").
_APPOSED = guarded(r"\b(" + _CODE_NAME + r"|[A-Z][a-z]{2,}[A-Za-z]*),\s+(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
                   + _CHIP_WORD)
_WORD_OF_A_NAME_BEFORE = re.compile(r"(?<![\w-])[A-Z][\w-]*\s$")
# A place or maker word made an adjective describes, it names no product ("the Seoul-based chip designer").
_DESCRIBING = re.compile(r"-(?:based|owned|listed|made|designed|headquartered|backed|era|grade|style)$", re.IGNORECASE)
# A code name before one of these names a site, not a chip ("its IIM-1 plant in Chitose").
_FACILITY_AFTER = re.compile(r"\s+(?:plant|fab|factory|facility|site|campus|line|cluster|complex)s?\b", re.IGNORECASE)
# A company's defined terms, in brackets after its name (a press release's 'Nimbara Semiconductor,
# Inc. ("Nimbara" or the "Company")'): quoted, but no product names.
_DEFINED_TERMS = re.compile(r'\(\s*(?:(?:or|and|,)?\s*(?:the\s+)?["“][A-Z][^"”()]{0,40}["”]\s*)+\)')
# "Snapdragon 8 Elite Gen 6": a family name and its model words.
_MODEL_WORDS = r"((?:\s(?:(?:\d{1,3}|(?!20)\d{4})[A-Za-z]?|Gen|Elite|Pro|Ultra|Max|Plus|Mini|Lite|Bionic|X\d*))*)"


# Technologies and part types, not a customer's program: "its first FC-BGA order".
_CATEGORY = re.compile(r"(?:HBM|LPDDR|GDDR|DDR|CoWoS|SoIC|InFO|FC-|ABF|PCIe|CXL|UCIe|NVL|EUV|EMIB|Foveros|I-Cube|X-Cube|H-Cube)",
                       re.IGNORECASE)
_NOT_PRODUCTS = frozenset({"AI", "The", "This", "That", "Its", "Their", "New", "Custom", "Next", "First",
                           "Korean", "Chinese", "Japanese", "Taiwanese", "American", "European", "Edge",
                           # quantifiers opening a sentence ("Both chips are due to roll off TSMC's lines")
                           "Both", "These", "Those", "All", "Such", "Many", "Some", "Most", "Other", "Each", "Every",
                           "Several", "Few", "Two", "Three", "Four", "Older", "Earlier", "Later", "Future", "Current"})


@dataclass(frozen=True)
class Product:
    name: str
    owner: str | None  # canonical company name


class ProductFinder:
    def __init__(self, entries: list[dict], owner_name: Callable[[str], str | None]) -> None:
        self._by_alias: dict[str, Product] = {}
        # the words of each product's other names ("Ironwood TPU"): the family it belongs to
        self._families = {entry["name"]: {w for a in entry.get("aliases") or [] for w in a.split()} - {entry["name"]}
                          for entry in entries}
        for entry in entries:
            product = Product(entry["name"], owner_name(entry["owner"]))
            for alias in entry.get("aliases") or [entry["name"]]:
                self._by_alias[alias] = product
        aliases = sorted(self._by_alias, key=len, reverse=True)
        # A generation number may follow the name: "Trainium4", "MTIA v2".
        self._pattern = guarded(r"(?<![\w-])(" + "|".join(map(re.escape, aliases))
                                + r")((?:\s?v)?\d{1,2}[A-Za-z]?)?" + _MODEL_WORDS
                                + r"(?:-(?:family|class|based|derived|series|generation)\b)?(?![\w-])")  # "Maia-family" is Maia

    def find(self, text: str, start: int, end: int) -> list[tuple[int, Product]]:
        """Gazetteer products and quoted names in ``text[start:end]``, in text order."""
        found = [(m.start(), _unowned_after_pronoun(text, m.start(), _versioned(
                     _as_named(self._by_alias[m.group(1)], m.group(1)), (m.group(2) or "") + m.group(3))))
                 for m in self._pattern.finditer(text, start, end)]
        defined = [m.span() for m in _DEFINED_TERMS.finditer(text, max(0, start - 60), end)]
        for match in _QUOTED.finditer(text, start, end):
            group = 1 if match.group(1) else 2  # double or single quotes
            name = match.group(group)
            if name in self._by_alias or any(a <= match.start() < b for a, b in defined):
                continue  # (not a company's defined terms: 'Nimbara Semiconductor, Inc. ("Nimbara" or the "Company")')
            near = self._near(name)
            found.append((match.start(group), near or Product(name, None)))
        return sorted(found, key=lambda pair: pair[0])

    def unknown(self, view: ArticleView, start: int, end: int) -> list[tuple[int, Product]]:
        """Product names no gazetteer knows, outside other mentions ("its DX-M2")."""
        return self._unknown(view, start, end, {pos for pos, _ in self.find(view.text, start, end)})

    def _unknown(self, view: ArticleView, start: int, end: int, known: set[int]) -> list[tuple[int, Product]]:
        taken = [(i.start, i.end) for i in view.items_in(start, end) if i.label != "QUANTITY"]
        found = []
        for pattern in [*_UNKNOWN, _APPOSED]:
            for match in pattern.finditer(view.text, start, end):
                a, b = match.span(1)
                name = match.group(1)
                if pattern is _APPOSED and _WORD_OF_A_NAME_BEFORE.search(view.text, max(0, a - 30), a):
                    continue
                if a in known or name in _NOT_PRODUCTS or _CATEGORY.match(name) or _DESCRIBING.search(name) \
                        or _FACILITY_AFTER.match(view.text, b) or any(s < b and a < e for s, e in taken):
                    continue
                found.append((a, Product(name, None)))
        return found

    def everything(self, view: ArticleView, start: int, end: int) -> list[tuple[int, Product]]:
        """Known and unknown products, owners filled in from what the article has taught
        (``view.product_owners``: "its NPU DS-N3" made DS-N3 Daesan Semicon's)."""
        key = ("products", start, end, len(view.product_owners))  # what the article taught may grow
        if key not in view.cache:
            view.cache[key] = self._everything(view, start, end)
        return view.cache[key]

    def _everything(self, view: ArticleView, start: int, end: int) -> list[tuple[int, Product]]:
        known = self.find(view.text, start, end)
        found = known + self._unknown(view, start, end, {pos for pos, _ in known})
        seen = {pos for pos, _ in found}
        for name in self._named_in_article(view):  # "Orla, the inference accelerator ..." then "to fab Orla"
            found += [(at, Product(_generation(view.text, at, name), None))
                      for at in _whole_word_starts(view.text, name, start, end)
                      if at not in seen and not any(i.label == "COMPANY" for i in view.items_in(at, at + len(name)))]
        seen = {pos for pos, _ in found}
        for name, owner in view.product_owners.items():
            found += [(at, Product(_generation(view.text, at, name), owner))
                      for at in _whole_word_starts(view.text, name, start, end) if at not in seen]
        return sorted(((pos, p if p.owner else Product(p.name, _owner(view.product_owners, p.name))) for pos, p in found),
                      key=lambda pair: pair[0])

    def _named_in_article(self, view: ArticleView) -> list[str]:
        """Product names the article's own words mark somewhere ("Orla accelerators", "called
        Brisa"), so that a bare mention elsewhere ("picked TSMC to fab Orla") is one too."""
        if "article_products" not in view.cache:
            known = self.find(view.text, 0, len(view.text))
            view.cache["article_products"] = list(dict.fromkeys(
                p.name for _, p in self._unknown(view, 0, len(view.text), {pos for pos, _ in known})))
        return view.cache["article_products"]

    def owned_by(self, view: ArticleView, start: int, end: int, customer: str | None) -> list[str]:
        names: list[str] = []
        for _, product in self.everything(view, start, end):
            if product.owner in (customer, None) and product.name not in names:
                names.append(product.name)
        # "Ironwood TPU": the family ("TPU") adds nothing beside its named member
        return [n for n in names if not any(n in self._families.get(other, ()) for other in names if other != n)]

    def _near(self, name: str) -> Product | None:
        if len(name) < 4:
            return None
        for alias, product in self._by_alias.items():
            if len(alias) == len(name) and _one_edit(alias, name):
                return product
        return None


def _whole_word_starts(text: str, name: str, start: int, end: int) -> list[int]:
    r"""Where ``name`` stands in ``text[start:end]`` as a whole word, neither letter, digit, _
    nor hyphen on either side: the matches of ``(?<![\w-])name(?![\w-])`` searched from
    ``start`` to ``end`` (the character before ``start`` counts, none after ``end``), found
    without compiling a pattern for each name an article teaches (~0.3 ms each)."""
    found = []
    at = text.find(name, start, end)
    while at != -1:
        after = at + len(name)
        if not (at > 0 and _joins(text[at - 1])) and not (after < end and _joins(text[after])):
            found.append(at)
            at = text.find(name, after, end)
        else:
            at = text.find(name, at + 1, end)
    return found


def _joins(character: str) -> bool:
    r"""Is the character part of a word for ``[\w-]``: a letter, digit, underscore or hyphen?"""
    return character.isalnum() or character in "_-"


def _as_named(product: Product, alias: str) -> Product:
    """A variant the text names ("Cobalt 200", "ATOM-Max") keeps its own name; other spellings
    ("Azure Cobalt") give the product's."""
    rest = alias[len(product.name):] if alias.startswith(product.name) else ""
    return Product(alias, product.owner) if rest[:1] in {" ", "-"} else product  # (not a plural: "TPUs")


# A generation number or model word after a name the article taught ("Atria 1", "Ostrel 2"), as
# after a gazetteer name; not a measure ("Orla 3 nm") or a count.
_GENERATION = re.compile(r"(?:(?:\s?v)?\d{1,2}[A-Za-z]?)?" + _MODEL_WORDS + r"(?![\w-])"
                         r"(?!\s*(?:nm|nanometers?|%|percent|million|billion|units?|wafers?|[GMk]W)\b)")


def _owner(owners: dict[str, str], name: str) -> str | None:
    """The owner the article taught for a name, or for the name without its generation ("Titan 2")."""
    if name in owners:
        return owners[name]
    base = name.rsplit(" ", 1)[0] if " " in name else None
    return owners.get(base) if base else None


def _generation(text: str, at: int, name: str) -> str:
    """``name`` with the generation the text gives right after it at ``at``."""
    match = _GENERATION.match(text, at + len(name))
    return name + match.group(0) if match else name


def _versioned(product: Product, version: str) -> Product:
    return Product(product.name + version, product.owner) if version else product


def _one_edit(a: str, b: str) -> bool:
    """Same length, and one swap of neighbours apart (or one substitution in a long name).

    >>> _one_edit("MTIA", "MITA"), _one_edit("MTIA", "MTIA"), _one_edit("MTIA", "MTIB")
    (True, False, False)
    """
    diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diffs) == 1:
        return len(a) >= 6
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]


_PRONOUN_BEFORE = re.compile(r"\b(?:its|their|our)\s+(?:(?:first|second|third|next|new|own|latest|next-generation|[\w-]+-gen(?:eration)?)\s+){0,2}$",
                             re.IGNORECASE)


_KIND_WORD = re.compile(r"[A-Z]PU")  # a product named by its kind of chip: Google's TPU, Groq's LPU


def _unowned_after_pronoun(text: str, at: int, product: Product) -> Product:
    """"Bertha 2, its second LPU": a chip family word after a possessive pronoun is that
    company's chip of the kind, not the family's owner's (Groq's LPU)."""
    if product.owner and _KIND_WORD.fullmatch(product.name) and _PRONOUN_BEFORE.search(text, max(0, at - 40), at):
        return Product(product.name, None)
    return product

"""The cue lists of ``models/cues.yaml`` and ``models/figures.yaml``, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..patterns import guarded
from ..resources import load_yaml


def _compile(patterns, flags=re.IGNORECASE) -> re.Pattern:
    return guarded("|".join(f"(?:{p})" for p in patterns), flags)


@dataclass(frozen=True)
class Cues:
    order_agreed: re.Pattern
    order_talks: re.Pattern
    stage_modifiers: tuple[tuple[str, re.Pattern], ...]
    denied: re.Pattern
    hedges: re.Pattern
    attribution: tuple[re.Pattern, ...]
    exclusion: re.Pattern
    choice_between: re.Pattern  # "must choose between Huawei's Ascend chips and Nvidia's H20": alternatives
    exclusion_after: re.Pattern  # "counts Blackstone among its backers"
    unit_opening: re.Pattern
    company_bought: re.Pattern  # "acquire " before a company: no party, unless ...
    component_of: re.Pattern  # "servers carrying 4,000 Nvidia GPUs": the brand sells nothing
    goods_from_seller: re.Pattern  # "buy Nvidia GB300 racks from Dell": the brand sells nothing
    component_brand: re.Pattern  # "racks packed with Nvidia GB300 chips": nor with no count
    evaluating: re.Pattern  # "is evaluating Tongfu and JCET": each maker is in talks
    goods_after: re.Pattern  # ... its goods follow ("buy Dell Technologies servers")
    salience_blockers: re.Pattern
    unit_price: re.Pattern
    combined_total: re.Pattern  # "worth a combined 1.6 billion euros"
    source_people: re.Pattern  # "people at two design houses said": a source's trade, not the deal's work
    upside: re.Pattern  # "could rise to as high as 5 trillion won"
    role_markers: dict[str, tuple[tuple[re.Pattern, int], ...]]
    # (trades, pattern, weight): a supplier marker that counts only for a company in one of the trades
    trade_markers: tuple[tuple[frozenset[str], re.Pattern, int], ...]
    plain_adverbs: re.Pattern  # words read past the second time role markers are read
    plain_rewrites: tuple[tuple[re.Pattern, str], ...]
    any_role_marker: dict[str, re.Pattern]  # one search for "does any of the list match?"
    services: tuple[tuple[str, re.Pattern], ...]
    services_stated: tuple[tuple[str, re.Pattern, bool], ...]  # (service, words, only for a supplier in the trade)
    service_roles: dict[str, frozenset[str]]
    chips: re.Pattern
    chip_names: dict[str, str]
    memory_chips: frozenset[str]
    deal_continues: re.Pattern
    output_starts: re.Pattern
    output_starts_within: re.Pattern
    deal_valued: re.Pattern
    deal_confirmed: re.Pattern
    press_release: re.Pattern  # "/PRNewswire/ --": a dateline whose next company issues the release
    sellers_take: re.Pattern
    sellers_take_deal: re.Pattern
    memory_chip: re.Pattern  # any memory word, also one that describes a company ("HBM3E supplier")
    clause_breaks: re.Pattern
    new_subject: re.Pattern  # a finite verb: "... and <company> <verb>" opens a clause
    timing_placed: re.Pattern
    timing_good: re.Pattern
    memory_parts: re.Pattern
    custom_memory: re.Pattern
    custom_chip: re.Pattern  # "a custom inference accelerator": a design house designs it
    chip_reference: re.Pattern
    chip_words: re.Pattern  # any chip word: a sentence about a company's chip
    anonymous_customer: re.Pattern
    customer_withheld: re.Pattern
    bought_directly: re.Pattern
    bought_from: re.Pattern  # "an external modem purchased from MediaTek": goods bought from a design house
    finished_systems: re.Pattern
    anonymous_supplier: re.Pattern  # "will be manufactured by an overseas foundry it declined to name"
    customer_revealed: re.Pattern
    bought_for_owner: re.Pattern  # "Marvell, which designs the chip for Microsoft and buys the memory on its behalf"
    supplier_revealed: re.Pattern  # "The foundry that won the order is Samsung Electronics."
    hypothetical: re.Pattern
    question: re.Pattern
    presupposed: re.Pattern
    answered_yes: re.Pattern
    together: re.Pattern
    memory_tooling: re.Pattern
    own_record: re.Pattern
    list_marker: re.Pattern
    bullet: re.Pattern
    list_share: re.Pattern
    list_legend: re.Pattern  # "unless marked (t), which means ... still being negotiated"
    paragraph_head: re.Pattern
    speech: re.Pattern
    deal_nouns: re.Pattern
    stated_split: re.Pattern
    separate_deals: re.Pattern  # "signed supply agreements with Infineon and NXP"
    left_before: re.Pattern
    split_undisclosed: re.Pattern
    in_talks_with: re.Pattern
    facility_opens: re.Pattern
    name_nouns: frozenset[str]
    sticky_nouns: frozenset[str]
    investor_before: re.Pattern
    investor_names: tuple[str, ...]
    paired_split: re.Pattern  # "Broadcom and MediaTek, the former ..., and the latter ..."
    power_of_chips: re.Pattern
    capacity_target: re.Pattern  # "to reach 3 gigawatts of computing capacity": the company's own total, no deal's size
    negated: re.Pattern
    turned_down: re.Pattern
    still_talking: re.Pattern  # "..., but the two companies are still negotiating volumes"
    none_placed: re.Pattern  # "Neither has placed an order." after talks: no deal came of them
    not_deal: re.Pattern
    power_bought: re.Pattern  # "a 20-year power purchase agreement with Constellation": power, no chips
    not_bought: re.Pattern  # "the Google and Amazon processors it now rents": chips used, not bought
    timing_bad: re.Pattern
    timing_bad_after: re.Pattern  # "Veridian on Tuesday announced agreements": the day of the statement
    references: re.Pattern
    description_countries: tuple[tuple[str, re.Pattern], ...]
    description_roles: tuple[tuple[str, re.Pattern], ...]
    description_makers: re.Pattern  # "the Santa Clara chipmaker": not a company that only buys
    figure_kinds: tuple[tuple[str, re.Pattern], ...]
    figure_after: dict[str, re.Pattern]
    quantity_kinds: dict[str, frozenset[str]]
    negative: re.Pattern
    not_company: re.Pattern
    joint: re.Pattern  # "jointly building": a joint project's numbers are no one company's
    officers: re.Pattern  # "The CFO guided ...": an officer of the story's company
    market_leader: re.Pattern  # "led the DRAM market with revenue of": the company's own figure
    reported_kinds: frozenset[str]  # figure kinds stated in the company's reporting currencies
    reporting_currencies: dict[str, frozenset[str]]  # country -> currencies besides USD
    one_deal_before: re.Pattern  # revenue one program brings in: no company figure
    one_deal_after: re.Pattern
    not_figure_before: re.Pattern  # "up from its previous guidance of", "valued at": no company figure
    not_figure_after: re.Pattern  # "... of purchase commitments"
    funding_before: re.Pattern  # "raised 250 billion won": money taken in from investors, no figure
    funding_after: re.Pattern  # "... in a Series B round"
    support_received: tuple[re.Pattern, re.Pattern]  # "received $5.7 billion in CHIPS Act funds": before, after
    shared_subject: re.Pattern  # "... and has earmarked": a second verb of the clause's subject
    copula_before: re.Pattern  # "remains <Anthropic's> largest backer": a possessive that owns nothing
    figure_of: re.Pattern  # "operating profit at SK hynix": the company after a figure noun owns it
    statement_date_before: re.Pattern  # "said on Thursday": the date of a statement, no figure's timing
    statement_date_after: re.Pattern  # "Micron on Tuesday reported"
    statement_day_kinds: frozenset[str]  # kinds whose day-precise dates are the day results were told
    statement_day_kept: re.Pattern  # "today": a day that still times the figure
    figure_change: re.Pattern  # "rising to", "up from": amounts on a timeline, each with its own date
    power_of_goods: re.Pattern  # "6 GW of AMD GPUs": a chip deal's size, no data center's
    energy_supply: tuple[re.Pattern, re.Pattern]  # "a 1.9 GW nuclear plant": before, after
    chip_spend_split: tuple[re.Pattern, re.Pattern]  # "budgeted <amount> for AI processors": before, after
    min_datacenter_watts: int  # "the rack consumes about 600 kW": a part's rating
    event_date: re.Pattern  # "with output starting in 2027": a later event's date, no figure's timing
    speaker_after: re.Pattern  # "..., Telekom said.": the speaker closing a sentence
    executive_after: re.Pattern  # "Veltrix Chief Executive Priya Raman": an executive named after the company
    executive_before: re.Pattern  # "Sumit Kapoor, senior vice president ... at Micron": named before it
    business_share: tuple[re.Pattern, re.Pattern]  # "keeps the bulk of Broadcom's test business": the owner buys
    goods_ordered: tuple[re.Pattern, re.Pattern]  # "placed an order for Cerebras CS-3 systems": the brand sells
    executive_title_only: re.Pattern  # "..., chief executive Dana Whitfield said": no company beside the title
    person_after: re.Pattern
    ecosystem_owner_after: re.Pattern  # "Samsung's design solution partner Gaonchips": no party
    ecosystem_owner_before: re.Pattern
    reports_after: re.Pattern  # "Lightmatter said GlobalFoundries ...": a speaker's reported clause
    lost_after: re.Pattern  # "... lost the Qualcomm order to TSMC": the loser is no party
    passed_over_after: re.Pattern  # "talks with Samsung Foundry ..., but we chose TSMC"
    other_makers_technology: re.Pattern  # "CoWoS-like 2.5D packaging": another house's version
    part_for_technology: re.Pattern  # "CoWoS-L substrate supply": a part sold for the technology
    part_for_before: re.Pattern  # "ABF substrates for the MI500": parts for a product go to its owner
    object_before: re.Pattern  # "handed the back-end design to Marvell": an object of the clause ...
    subject_verb_after: re.Pattern  # ... "and booked capacity on ...": the next verb is the subject's
    sell_after: re.Pattern  # "in talks with Lenovo to supply LPDDR6": the other party buys
    gapped_share: re.Pattern  # "..., Broadcom about 16%": a share with its verb left out
    goes_on: re.Pattern  # ", but ultimately picked TSMC": a clause going on with the opening company
    pair_stands_in: re.Pattern  # "The two Korean memory makers": several companies at once
    thing_itself: re.Pattern  # "the TPU v8 itself": a thing stressed, no company
    table_columns: tuple[tuple[str, re.Pattern], ...]
    field_labels: tuple[tuple[str, re.Pattern], ...]  # (owner | status | a service, label pattern)
    field_status: tuple[tuple[str, re.Pattern], ...]  # (stage, status words)
    technology_makers: dict[str, str]  # technology -> company id
    capacity_roles: frozenset[str]
    capacity_growth: re.Pattern  # "lift output to 130k wpm": capacity, even in a deal's clause


_DESCRIBES_COMPANY = (r"(?!\s+(?:designers?|makers?|startups?|compan(?:y|ies)|firms?|developers?|giants?|"
                      r"business|industry|market|sector|sales|demand|houses?|suppliers?|vendors?|unit|division))")


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _chip_pattern(chips: dict) -> re.Pattern:
    """``category`` ("ASIC", "HBM4E", an optional generic "chip" after it) or ``modified``
    ("AI inference chip", "custom accelerator"); plural s dropped from the name."""
    modifiers = _alternation(chips["modifiers"])
    category = rf"(?P<kind>(?<!-)(?:(?:{modifiers})[\s-]){{1,2}})?" \
               rf"(?P<category>{_alternation(chips['categories'])})(?:s|es)?(?:\s+chips?)?\b"
    heads = _alternation(chips["heads"])
    bare = _alternation(chips["bare_heads"])
    modified = rf"(?P<modified>(?<!-)(?:(?:{modifiers})[\s-]){{1,2}}(?:{heads})|(?:{bare}))(?:s)?\b"
    return guarded(rf"\b(?:{category}|{modified}){_DESCRIBES_COMPANY}", re.IGNORECASE)


def chip_name(match: re.Match, names: dict[str, str], memory: frozenset[str] = frozenset()) -> str:
    """The ``chip`` slot for a match of :func:`_chip_pattern`: a category as listed, with
    the kind the text puts before it ("inference ASIC", "data-center CPU"; not before memory,
    and not a lone "custom": "custom ASICs" -> "ASIC"), else the words as the text gives
    them, without a "custom" that another modifier follows."""
    if match.group("category"):
        category = names[match.group("category").casefold()]
        kind = _CUSTOM.sub("", match.group("kind") or "")
        return f"{kind.strip()} {category}" if kind.strip() and category not in memory else category
    words = match.group("modified")
    rest = _CUSTOM.sub("", words)
    return rest if rest != words and " " in rest else words  # "custom AI accelerator" -> "AI accelerator"


_CUSTOM = re.compile(r"^custom[\s-]+", re.IGNORECASE)  # (kept before a bare head: "custom accelerator")


_ROLE_MARKERS = ("supplier_before", "customer_before", "supplier_after", "customer_after", "supplier_infinitive",
                 "announcer_after")


# the gazetteer roles of a company that sells (a "customer" only buys)
SUPPLIER_ROLES = frozenset({"foundry", "memory", "packaging", "design", "supply", "equipment", "materials"})


def technology_pattern(makers: dict[str, str]) -> re.Pattern | None:
    """The packaging technologies one house owns, by name with any suffix ("CoWoS-L": group 1
    is "CoWoS"); None when there are none."""
    names = "|".join(re.escape(t) for t in sorted(makers, key=len, reverse=True))
    return guarded(rf"\b({names})[\w-]*") if names else None


def _executive_pattern(executives: dict, form: str) -> re.Pattern:
    """One of the ``executives`` forms, its TITLE and NAME placeholders filled in."""
    return guarded(executives[form].replace("TITLE", executives["titles"]).replace("NAME", executives["name"]),
                   re.IGNORECASE)


@lru_cache(maxsize=8)
def load_cues(models_dir: str | None = None) -> Cues:
    data = load_yaml("cues.yaml", models_dir)
    figures = load_yaml("figures.yaml", models_dir)
    return Cues(
        order_agreed=_compile(data["order"]["agreed"]),
        order_talks=_compile(data["order"]["talks"]),
        stage_modifiers=tuple((stage, _compile(p)) for stage, p in data["stage_modifiers"].items()),
        denied=_compile(data["confirmation"]["denied"]),
        hedges=_compile(data["confirmation"]["hedges"]),
        attribution=tuple(guarded(p) for p in data["attribution"]),
        exclusion=_compile(data["exclusion"] + [data["choice_between"]]),
        choice_between=guarded(data["choice_between"], re.IGNORECASE),
        exclusion_after=re.compile(data["exclusion_after"], re.IGNORECASE),
        unit_opening=guarded(data["unit_opening"], re.IGNORECASE),
        company_bought=guarded(data["company_bought"]["before"], re.IGNORECASE),
        component_of=guarded(data["component_of"], re.IGNORECASE),
        component_brand=guarded(data["component_brand"], re.IGNORECASE),
        goods_from_seller=re.compile(data["goods_from_seller"]),
        evaluating=guarded(data["evaluating"], re.IGNORECASE),
        goods_after=re.compile(data["company_bought"]["goods_after"]),
        salience_blockers=_compile(data["salience_blockers"]),
        unit_price=_compile(data["unit_price"]),
        combined_total=re.compile(data["combined_total"], re.IGNORECASE),
        source_people=re.compile(data["source_people"], re.IGNORECASE),
        upside=re.compile(data["upside"], re.IGNORECASE),
        role_markers={key: tuple((guarded(p, re.IGNORECASE), int(w)) for p, w in data[key].items())
                      for key in _ROLE_MARKERS},
        trade_markers=tuple((frozenset(trades), guarded(p, re.IGNORECASE), int(w))
                            for trades, p, w in data["supplier_after_trade"]),
        any_role_marker={key: _compile(data[key]) for key in _ROLE_MARKERS},
        plain_adverbs=guarded(data["plain_words"]["adverbs"], re.IGNORECASE),
        plain_rewrites=tuple((guarded(p, re.IGNORECASE), r) for p, r in data["plain_words"]["rewrites"]),
        services=tuple((service, guarded(p, re.IGNORECASE)) for service, p in data["services"]),
        services_stated=tuple((entry[0], guarded(entry[1], re.IGNORECASE), entry[2:] == ["in_trade"])
                              for entry in data["services_stated"]),
        service_roles={k: frozenset(v) for k, v in data["service_roles"].items()},
        chips=_chip_pattern(data["chips"]),
        chip_names={c.casefold(): c for c in data["chips"]["categories"]},
        memory_chips=frozenset(data["chips"]["memory"]),
        deal_continues=_compile(data["deal_continues"]),
        output_starts=_compile(data["output_starts"]),
        output_starts_within=_compile(data["output_starts_within"]),
        deal_valued=_compile(data["deal_valued"]),
        deal_confirmed=_compile(data["deal_confirmed"]),
        press_release=re.compile(data["press_release"]),
        sellers_take=guarded(data["sellers_take"], re.IGNORECASE),
        sellers_take_deal=guarded(data["sellers_take_deal"], re.IGNORECASE),
        memory_chip=guarded(rf"\b({_alternation(data['chips']['memory'])})\b", re.IGNORECASE),
        clause_breaks=guarded("|".join(data["clause_breaks"])),
        new_subject=guarded(data["new_subject"]),
        timing_placed=_compile(data["timing"]["placed"]),
        timing_good=_compile(data["timing"]["good"]),
        memory_parts=_compile(data["memory_parts"]),
        custom_memory=_compile(data["custom_memory"]),
        custom_chip=guarded(data["custom_chip"], re.IGNORECASE),
        chip_reference=_compile(data["chip_reference"]),
        chip_words=guarded(data["chip_words"]),
        anonymous_customer=_compile(data["anonymous_customer"]),
        customer_withheld=_compile(data["customer_withheld"]),
        bought_directly=guarded(data["bought_directly"], re.IGNORECASE),
        bought_from=guarded(data["bought_from"], re.IGNORECASE),
        finished_systems=guarded(data["finished_systems"], re.IGNORECASE),
        anonymous_supplier=_compile(data["anonymous_supplier"]),
        customer_revealed=_compile(data["customer_revealed"]),
        bought_for_owner=guarded(data["bought_for_owner"], re.IGNORECASE),
        supplier_revealed=_compile(data["supplier_revealed"]),
        hypothetical=_compile(data["hypothetical"]),
        question=re.compile(data["question"]),
        presupposed=re.compile(data["presupposed"]),
        answered_yes=re.compile(data["answered_yes"]),
        together=guarded(data["together"]),
        memory_tooling=guarded(data["memory_tooling"], re.IGNORECASE),
        own_record=_compile(data["own_record"]),
        list_marker=guarded(data["list_marker"]),
        bullet=guarded(data["list_marker"] + data["bullet"]),
        list_share=guarded(data["list_share"], re.IGNORECASE),
        list_legend=re.compile(data["list_legend"], re.MULTILINE),
        paragraph_head=guarded(data["paragraph_head"]),
        speech=guarded(data["speech"], re.IGNORECASE),
        deal_nouns=guarded(data["deal_nouns"], re.IGNORECASE),
        left_before=guarded(data["left_before"], re.IGNORECASE),
        stated_split=guarded(data["stated_split"], re.IGNORECASE),
        separate_deals=guarded(data["separate_deals"], re.IGNORECASE),
        split_undisclosed=guarded(data["split_undisclosed"], re.IGNORECASE),
        in_talks_with=guarded(data["in_talks_with"], re.IGNORECASE),
        facility_opens=guarded(data["facility_opens"]),
        name_nouns=frozenset(data["name_nouns"]),
        sticky_nouns=frozenset(data["sticky_nouns"]),
        investor_before=guarded(data["investor_before"], re.IGNORECASE),
        investor_names=tuple(" " + w for w in data["investor_names"]),
        paired_split=guarded(data["paired_split"], re.IGNORECASE),
        power_of_chips=re.compile(data["power_of_chips"], re.IGNORECASE),
        capacity_target=guarded(data["capacity_target"], re.IGNORECASE),
        negated=guarded(data["negated"], re.IGNORECASE),
        turned_down=guarded(data["turned_down"], re.IGNORECASE),
        still_talking=re.compile(data["still_talking"], re.IGNORECASE),
        none_placed=re.compile(data["none_placed"], re.IGNORECASE),
        not_deal=guarded(data["not_deal"], re.IGNORECASE),
        power_bought=guarded(data["power_bought"], re.IGNORECASE),
        not_bought=re.compile(data["not_bought"]),
        timing_bad=_compile(data["timing"]["bad"]),
        timing_bad_after=_compile(data["timing"]["bad_after"]),
        references=_compile(data["references"]),
        description_countries=tuple((c, re.compile(p)) for c, p in data["descriptions"]["countries"].items()),
        description_roles=tuple((r, re.compile(p, re.IGNORECASE)) for r, p in data["descriptions"]["roles"].items()),
        description_makers=re.compile(data["descriptions"]["makers"], re.IGNORECASE),
        figure_kinds=tuple((kind, _compile(p)) for kind, p in figures["kinds"].items()),
        figure_after={kind: guarded(p, re.IGNORECASE) for kind, p in figures["after"].items()},
        quantity_kinds={k: frozenset(v) for k, v in figures["quantity_kinds"].items()},
        negative=_compile(figures["negative"]),
        not_company=_compile(figures["not_company"]),
        joint=guarded(figures["joint"], re.IGNORECASE),
        officers=guarded(figures["officers"]),
        market_leader=guarded(figures["market_leader"], re.IGNORECASE),
        reported_kinds=frozenset(figures["reporting_currencies"]["kinds"]),
        reporting_currencies={country: frozenset(codes) | {"USD"}
                              for country, codes in figures["reporting_currencies"]["by_country"].items()},
        one_deal_before=guarded(figures["one_deal"]["before"], re.IGNORECASE),
        one_deal_after=guarded(figures["one_deal"]["after"], re.IGNORECASE),
        not_figure_before=guarded(figures["not_figure"]["before"], re.IGNORECASE),
        not_figure_after=guarded(figures["not_figure"]["after"], re.IGNORECASE),
        funding_before=guarded(figures["funding"]["before"], re.IGNORECASE),
        funding_after=guarded(figures["funding"]["after"], re.IGNORECASE),
        support_received=(guarded(figures["support_received"]["before"], re.IGNORECASE),
                          guarded(figures["support_received"]["after"], re.IGNORECASE)),
        shared_subject=guarded(figures["shared_subject"], re.IGNORECASE),
        copula_before=guarded(figures["copula_before"], re.IGNORECASE),
        figure_of=guarded(figures["figure_of"], re.IGNORECASE),
        statement_date_before=guarded(figures["statement_date"]["before"], re.IGNORECASE),
        statement_date_after=guarded(figures["statement_date"]["after"], re.IGNORECASE),
        statement_day_kinds=frozenset(figures["statement_date"]["day_kinds"]),
        statement_day_kept=re.compile(figures["statement_date"]["day_kept"], re.IGNORECASE),
        figure_change=re.compile(figures["figure_change"], re.IGNORECASE),
        power_of_goods=guarded(figures["power_of_goods"], re.IGNORECASE),
        energy_supply=(guarded(figures["energy_supply"]["before"], re.IGNORECASE),
                       guarded(figures["energy_supply"]["after"], re.IGNORECASE)),
        min_datacenter_watts=int(figures["min_datacenter_watts"]),
        chip_spend_split=(guarded(figures["chip_spend_split"]["before"], re.IGNORECASE),
                          guarded(figures["chip_spend_split"]["after"], re.IGNORECASE)),
        event_date=re.compile(figures["event_date"], re.IGNORECASE),
        speaker_after=guarded(figures["speaker_after"], re.IGNORECASE),
        executive_after=_executive_pattern(data["executives"], "after_company"),
        executive_before=_executive_pattern(data["executives"], "before_company"),
        business_share=(guarded(data["business_share"]["before"], re.IGNORECASE),
                        guarded(data["business_share"]["after"], re.IGNORECASE)),
        goods_ordered=(guarded(data["goods_ordered"]["before"], re.IGNORECASE),
                       guarded(data["goods_ordered"]["after"])),
        executive_title_only=_executive_pattern(data["executives"], "title_only"),
        person_after=guarded(data["person_after"], re.IGNORECASE),
        ecosystem_owner_after=guarded(data["ecosystem_owner_after"], re.IGNORECASE),
        ecosystem_owner_before=guarded(data["ecosystem_owner_before"], re.IGNORECASE),
        reports_after=guarded(data["reports_after"], re.IGNORECASE),
        lost_after=guarded(data["lost_after"], re.IGNORECASE),
        passed_over_after=guarded(data["passed_over_after"], re.IGNORECASE),
        # case-sensitive but thing_itself: lower-case words match lower-case text only
        other_makers_technology=re.compile(data["other_makers_technology"]),
        part_for_technology=re.compile(data["part_for_technology"]),
        part_for_before=guarded(data["part_for_before"]),
        object_before=guarded(data["object_before"]),
        subject_verb_after=re.compile(data["subject_verb_after"]),
        sell_after=guarded(data["sell_after"]),
        gapped_share=re.compile(data["gapped_share"]),
        goes_on=re.compile(data["goes_on"]),
        pair_stands_in=re.compile(data["pair_stands_in"]),
        thing_itself=re.compile(data["thing_itself"], re.IGNORECASE),
        table_columns=tuple((role, re.compile(p)) for role, p in data["table_columns"].items()),
        field_labels=tuple((kind, re.compile(p)) for kind, p in data["field_labels"].items()),
        field_status=tuple((stage, re.compile(p)) for stage, p in data["field_status"].items()),
        technology_makers=dict(figures["technology_makers"]),
        capacity_roles=frozenset(figures["makers"]),
        capacity_growth=guarded(data["capacity_growth"], re.IGNORECASE),
    )

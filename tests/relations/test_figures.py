"""Figures from single sentences: whose number it is, what kind, how much.

Each row is a sentence of a made-up report and the (company, kind, amount) a reader
would record (output contract, "figures").
"""
import pytest

from extractor import extract

PUBLISHED = "2026-11-23"


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("SK hynix posted an operating profit of 11.4 trillion won in the third quarter.",
                     {("SK hynix", "operating_profit", "11400000000000")}, id="operating profit"),
        pytest.param("Meta aims to build a data center with a total installed capacity of 5 gigawatts (GW) by 2030.",
                     {("Meta", "datacenter_capacity", "5000000000")}, id="data center power"),
        pytest.param("Hanmi Semiconductor's order backlog stood at 559 billion won at the end of June.",
                     {("Hanmi Semiconductor", "order_backlog", "559000000000")}, id="backlog of a possessive"),
        pytest.param("TSMC plans to raise CoWoS capacity to 120,000 wafers a month by the end of 2026.",
                     {("TSMC", "wafer_capacity", "120000")}, id="wafer capacity"),
        pytest.param("Tencent plans to lift capital expenditure to about CNY 90 billion this year.",
                     {("Tencent", "capex", "90000000000")}, id="capex"),
        pytest.param("Sakura Internet will buy servers carrying about 2,000 Nvidia B200 GPUs from Dell for its campus, "
                     "which it is expanding to 50 MW.", {("Sakura Internet", "datacenter_capacity", "50000000")},
                     id="a brand inside a count owns nothing"),
        pytest.param("SK hynix's HBM TSV capacity is projected to reach about 200K wafers per month by end-2026, "
                     "compared with about 170K wafers per month for Samsung and about 60K wafers per month for Micron.",
                     {("SK hynix", "wafer_capacity", "200000"), ("Samsung Electronics", "wafer_capacity", "170000"),
                      ("Micron", "wafer_capacity", "60000")}, id="capacity for a company named after it"),
        pytest.param("We expect SoIC-X to reach 20k wpm in 2027 if AMD's MI500 stays on plan.",
                     {("TSMC", "wafer_capacity", "20000")}, id="the maker of a packaging technology"),
        pytest.param("AMD has lined up about 11k wpm of CoWoS-L for 2026 to carry the MI450 ramp.", set(),
                     id="a buyer's booked wafers are no capacity of its own"),
        pytest.param("Our HBM4 board.\n\nSK hynix. Still the volume leader. Its HBM4 uses a base die bought from "
                     "TSMC's N12 line. TSV capacity should reach about 190k wpm by the end of the year.",
                     {("SK hynix", "wafer_capacity", "190000")}, id="the paragraph's heading company"),
        pytest.param("Samsung Electronics put its 2025 capital expenditure at 47.4 trillion won, of which 40.9 trillion "
                     "won goes to the chip business.", {("Samsung Electronics", "capex", "47400000000000"),
                                                        ("Samsung Electronics", "capex", "40900000000000")},
                     id="the currency won is no order won"),
        pytest.param("SoftBank Group put in $2 billion last month.", {("SoftBank Group", "investment", "2000000000")},
                     id="money put in"),
        pytest.param("SK Telecom and Amazon Web Services are jointly building a data center of 100 megawatts in Ulsan.",
                     set(), id="a jointly built site is no one company's capacity"),
        pytest.param("Nvidia agreed in September to invest $5 billion in Intel, and SoftBank Group put in $2 billion.",
                     {("Nvidia", "investment", "5000000000"), ("SoftBank Group", "investment", "2000000000")},
                     id="a new clause's subject is no list member of the last clause's object"),
        pytest.param("Micron is putting up $825 million of the project cost.", {("Micron", "investment", "825000000")},
                     id="money put up"),
        pytest.param("Amazon remains the lab's backer with $8 billion invested.",
                     {("Amazon", "investment", "8000000000")}, id="money invested"),
        pytest.param("Nvidia bought $5 billion of Intel stock in September.",
                     {("Nvidia", "investment", "5000000000")}, id="stock bought is an investment"),
        pytest.param("Samsung Electronics has received an order from Broadcom for HBM4 to be used in custom AI chips, "
                     "with a scale of about 1 trillion 500 billion won.", set(),
                     id="chips a product is used in make no chip spend"),
        pytest.param("The oS step goes to SPIL, which TSMC has contracted for about 12k wpm from 3Q26.", set(),
                     id="wafers a house runs for its buyer are the order's volume, no capacity"),
        pytest.param("SPIL has run the oS step of CoWoS-S for TSMC since 2024 and handles close to 14k wpm of it.",
                     set(), id="work handled for a buyer is no capacity"),
        pytest.param("SPIL has run the oS step for TSMC since 2024 and will lift its oS output to 20k wpm next year.",
                     {("SPIL", "wafer_capacity", "20000")}, id="output lifted to a level is capacity, in a deal too"),
    ],
)
def test_figures_from_sentences(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


def test_a_wrap_item_headed_by_a_company_owns_its_figures():
    text = ("MICRON – Micron said it had secured a $3 billion HBM4E order from a customer it would not name. It also "
            "confirmed that HBM4 for Nvidia's Rubin has been shipping in volume since June. The company guided "
            "fiscal fourth-quarter revenue to between $14.2 billion and $14.6 billion.\n")
    found = {(f.company, f.kind) for f in extract(text, published=PUBLISHED).figures}
    assert ("Micron", "revenue") in found and ("Nvidia", "revenue") not in found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Broadcom expects the program to bring in more than $10 billion of revenue over its life.",
                     id="a program brings in"),
        pytest.param("MediaTek has been picked to co-design the chip. The deal could generate more than $1 billion in "
                     "revenue for MediaTek over the life of the program.", id="over the life of the program"),
        pytest.param("Alchip Technologies held its call. The chairman put lifetime revenue from the project at more "
                     "than US$1.5 billion.", id="lifetime revenue"),
    ],
)
def test_revenue_one_deal_brings_in_is_no_company_figure(text):
    assert [f for f in extract(text, published=PUBLISHED).figures if f.kind == "revenue"] == []


def test_a_company_s_quarterly_revenue_is_still_a_figure():
    text = "Alchip's revenue came in at NT$14.2 billion for the July-September quarter."
    assert [(f.company, f.kind) for f in extract(text, published=PUBLISHED).figures] == [("Alchip", "revenue")]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Tenstorrent licensed its designs to Malaysia. Malaysia's MIDA expects RM1.2 billion in revenue "
                     "from the designs.", [], id="revenue in a currency the company does not report in"),
        pytest.param("Tenstorrent licensed its designs to Malaysia. Local firms are expected to book sales of $300 "
                     "million from them.", [], id="sales of local firms, not the company named before"),
        pytest.param("Samsung Electronics posted revenue of 86 trillion won ($62 billion) in the third quarter.",
                     [("Samsung Electronics", "revenue", "KRW")], id="a Korean company's revenue in won"),
        pytest.param("Tenstorrent's revenue reached $150 million last year.", [("Tenstorrent", "revenue", "USD")],
                     id="in US dollars, whatever the country"),
    ],
)
def test_results_are_stated_in_the_company_s_reporting_currency(text, expected):
    found = [(f.company, f.kind, f.value.currency) for f in extract(text, published=PUBLISHED).figures]
    assert found == expected


def test_government_support_is_no_company_figure():
    text = "Intel will invest $20 billion in Ohio, backed by a $6.1 billion federal grant."
    assert [(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures] == [
        ("Intel", "investment", "20000000000")]


def test_telekom_alone_is_deutsche_telekom():
    text = "Telekom said it would invest about €16.5 billion in German data centers through 2030."
    assert [(f.company, f.kind) for f in extract(text, published=PUBLISHED).figures] == [("Deutsche Telekom", "investment")]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("GlobalFoundries plans to spend about $3 billion on capital expenditure next year.",
                     ("capex", "3000000000"), id="spend on capital expenditure"),
        pytest.param("LG Innotek spent 800 billion won on gross capital expenditure in 2025.",
                     ("capex", "800000000000"), id="a modifier before capital expenditure"),
        pytest.param("LG Innotek will spend about 600 billion won on facility investment this year.",
                     ("capex", "600000000000"), id="facility investment is capex"),
        pytest.param("Amazon spent $31 billion on capital projects in the July-September quarter.",
                     ("capex", "31000000000"), id="capital projects"),
        pytest.param("LG Innotek will spend about 900 billion won on display facilities this year.",
                     ("capex", "900000000000"), id="spend on facilities"),
        pytest.param("Tesla expects to spend about $4 billion on Nvidia chips this year.",
                     ("chip_spend", "4000000000"), id="spend on chips named after the amount"),
        pytest.param("Micron will spend about $2 billion on a new HBM plant in Virginia.",
                     ("investment", "2000000000"), id="a plant for chips is no chip spend"),
    ],
)
def test_what_the_money_is_spent_on_says_its_kind(text, expected):
    found = [(f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures]
    assert found == [expected]


def test_a_loan_is_no_figure_of_its_own():
    text = "Tesla expects to spend about $4 billion on Nvidia chips, much of it paid for with a $3 billion loan."
    assert [(f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures] == [
        ("chip_spend", "4000000000")]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ASE has handled the test step of InFO for TSMC since March. The foundry house plans to lift "
                     "packaging capacity to about 40,000 wafers per month by the end of 2026.",
                     {("TSMC", "wafer_capacity", "40000")}, id="a trade named in passing before"),
        pytest.param("ASE has handled the test step of InFO for TSMC since March. The foundry house expects its "
                     "InFO capacity to reach about 40,000 wafers per month by the end of 2026.",
                     {("TSMC", "wafer_capacity", "40000")}, id="its after the stand-in is the stand-in's"),
    ],
)
def test_a_description_by_trade_owns_the_figure(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Hanmi Semiconductor, whose bonders both SK hynix and Micron use, expects operating profit of "
                     "about 250 billion won this year.", {("Hanmi Semiconductor", "operating_profit", "250000000000")},
                     id="companies in a relative clause only describe the subject"),
        pytest.param("GUC, in which TSMC holds a 35% stake, expects revenue of more than NT$30 billion next year.",
                     {("GUC", "revenue", "30000000000")}, id="in which"),
        pytest.param("Unimicron, which makes substrates for Nvidia's GPUs, said it would spend NT$40 billion on new "
                     "lines through 2028, after the U.S. chipmaker asked it to add capacity.",
                     {("Unimicron", "investment", "40000000000")}, id="it after a relative clause is the subject"),
        pytest.param("SPIL, a Taiwanese packager that ASE Technology Holding owns, posted revenue of NT$100 billion "
                     "last year.",
                     {("SPIL", "revenue", "100000000000")}, id="an apposition"),
    ],
)
def test_a_relative_clause_on_the_subject_owns_nothing(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("FuriosaAI raised 170 billion won of funding last year.", set(), id="raised"),
        pytest.param("Groq pulled in $750 million in a new funding round.", set(), id="in a funding round"),
        pytest.param("ASE raised its capital expenditure to about US$7 billion.", {("ASE", "capex", "7000000000")},
                     id="a figure raised to a level is still one"),
    ],
)
def test_funding_raised_is_no_figure(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("ASML booked net orders of €5.4 billion in the third quarter.",
                     {("ASML", "order_backlog", "5400000000")}, id="orders booked"),
        pytest.param("ASMPT booked hybrid-bonding orders of about $150 million this year.",
                     {("ASMPT", "order_backlog", "150000000")}, id="orders of a hyphenated kind booked"),
        pytest.param("Nvidia bought a $2 billion stake in Synopsys.", {("Nvidia", "investment", "2000000000")},
                     id="a stake in"),
        pytest.param("Nvidia completed a $2 billion investment in Synopsys.",
                     {("Nvidia", "investment", "2000000000")}, id="an investment in"),
        pytest.param("Nvidia completed its $5 billion purchase of Intel shares.",
                     {("Nvidia", "investment", "5000000000")}, id="a purchase of shares"),
        pytest.param("LG Innotek has earmarked about 400 billion won this year for new substrate lines.",
                     {("LG Innotek", "investment", "400000000000")}, id="earmarked"),
        pytest.param("Micron has committed about $20 billion to its Idaho site.",
                     {("Micron", "investment", "20000000000")}, id="committed"),
        pytest.param("Meta committed to buy $10 billion of cloud capacity from Oracle.", set(),
                     id="committed to buy is no investment"),
    ],
)
def test_kind_cues_of_bookings_and_investments(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Unimicron is still Nvidia's main substrate source and has invested NT$30 billion in new lines.",
                     {("Unimicron", "investment", "30000000000")}, id="a second verb of the subject"),
        pytest.param("Samsung's biggest rival, SK hynix, has hedged differently. It agreed to invest $1 billion in a "
                     "U.S. packaging firm.", {("SK hynix", "investment", "1000000000")},
                     id="the company an apposition names is the subject, not the possessive"),
    ],
)
def test_the_subject_owns_the_figure(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Marvell now expects fourth-quarter revenue of $2.2 billion, up from its previous guidance of "
                     "$2.0 billion.", {("Marvell", "revenue", "2200000000")}, id="a guidance replaced"),
        pytest.param("Supermicro has recognized no revenue yet under its deal with xAI, which the two companies valued "
                     "at $5 billion.", set(), id="a deal's valuation"),
        pytest.param("Dell reported sales of $30 billion and $4 billion of purchase commitments.",
                     {("Dell", "revenue", "30000000000")}, id="purchase commitments"),
        pytest.param("Marvell said the agreement is expected to generate revenue of $300 million for it over its term.",
                     set(), id="revenue over a deal's term"),
        pytest.param("Marvell now expects fourth-quarter revenue of $2.2 billion. Backlog at the end of November stood "
                     "at approximately $610 million, excluding the Oracle agreement. The company reported third-quarter "
                     "revenue of $1.9 billion.", {("Marvell", "revenue", "2200000000"),
                                                  ("Marvell", "order_backlog", "610000000"),
                                                  ("Marvell", "revenue", "1900000000")},
                     id="a name that modifies a deal noun is no subject"),
    ],
)
def test_amounts_that_are_no_company_figure(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Samsung ranked first with revenue of US$20 billion and a market share of 35%.",
                     {("Samsung Electronics", "revenue", "20000000000")}, id="a market share is the company's own"),
        pytest.param("Advantest booked about ¥50 billion of SoC tester orders in the quarter.",
                     {("Advantest", "order_backlog", "50000000000")}, id="orders of a kind after the amount"),
        pytest.param("Samsung's foundry has won new orders of more than 2 trillion won since July.",
                     {("Samsung Electronics", "order_backlog", "2000000000000")}, id="new orders of"),
        pytest.param("Meta placed orders totaling $5 billion for racks.", set(), id="orders placed are the buyer's"),
        pytest.param("Besi plans capital expenditure of about €40 million and announced a €60 million share buyback.",
                     {("Besi", "capex", "40000000")}, id="a buyback"),
        pytest.param("Toyota, Sony and NTT have invested a combined 7 billion yen in Rapidus.", set(),
                     id="a combined sum"),
        pytest.param("Meta, Alphabet and Amazon raised their capex guidance. Together the three are on track to spend "
                     "more than $300 billion this year.", set(), id="together the three"),
        pytest.param("Samsung's foundry and System LSI divisions together posted an operating loss of about 1 trillion "
                     "won.", {("Samsung Electronics", "operating_profit", "-1000000000000")},
                     id="units of one company together are the company"),
    ],
)
def test_whose_sum_and_which_orders(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Amazon remains Anthropic's largest backer, with $8 billion invested.",
                     {("Amazon", "investment", "8000000000")}, id="a possessive after a copula owns nothing"),
        pytest.param("SK hynix reported record results on Thursday. Operating profit was a record. Revenue was a record "
                     "too. Both beat forecasts. The company said capital expenditure would rise to about 30 trillion "
                     "won this year.", {("SK hynix", "capex", "30000000000000")},
                     id="the company named further back than the usual window"),
        pytest.param("The expansion lifts the site's power draw to 40 megawatts by the end of the year, Telekom said.",
                     {("Deutsche Telekom", "datacenter_capacity", "40000000")}, id="the speaker closing the sentence"),
    ],
)
def test_owner_beyond_the_clause(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


def test_a_market_word_inside_a_company_s_name_is_no_market():
    text = "Hon Hai Precision Industry reported January revenue of NT$500 billion."
    assert [(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures] == [
        ("Foxconn", "revenue", "500000000000")]


def test_an_amount_restated_after_a_comma_is_a_conversion():
    text = "Foxconn said its AI server revenue would top NT$1 trillion this year, roughly US$33 billion, as cloud " \
           "customers expand."
    figures = extract(text, published=PUBLISHED).figures
    assert [(f.company, f.kind, f.value.amount) for f in figures] == [("Foxconn", "revenue", "1000000000000")]
    assert [e.amount for e in figures[0].value.equivalents] == ["33000000000"]


def test_a_ranking_gives_each_company_its_amount():
    text = ("In 3Q25, SK hynix led the DRAM market with revenue of US$13 billion, followed by Samsung at US$12 billion "
            "and Micron at US$10 billion.")
    assert {(f.company, f.value.amount) for f in extract(text, published=PUBLISHED).figures} == {
        ("SK hynix", "13000000000"), ("Samsung Electronics", "12000000000"), ("Micron", "10000000000")}


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("SK hynix's board approved 20 trillion won for the second phase of its Yongin cluster.",
                     {("SK hynix", "investment", "20000000000000")}, id="money for a cluster"),
        pytest.param("SK hynix signed off on a US$4 billion advanced-packaging plant in Indiana.",
                     {("SK hynix", "investment", "4000000000")}, id="a plant of that amount"),
        pytest.param("Tata Electronics is building a fab in Gujarat at a cost of about US$11 billion.",
                     {("Tata Electronics", "investment", "11000000000")}, id="at a cost of"),
        pytest.param("The startup raised 80 billion won in March, led by Naver with a 25 billion won investment.",
                     {("Naver", "investment", "25000000000")}, id="led by a company with an investment"),
        pytest.param("Bosch, Infineon and NXP joined TSMC in ESMC. The four partners are investing about €9 billion in "
                     "the Dresden site.", set(), id="several partners' money is no one company's"),
    ],
)
def test_investments_in_plants_and_by_investors(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("SK Telecom and Amazon Web Services are jointly building an AI data center in Ulsan, which will "
                     "start with 100 megawatts of capacity.", set(), id="a site built jointly, named earlier"),
        pytest.param("Samsung and SK hynix each signed letters of intent to supply DRAM, against a stated need of up to "
                     "900,000 wafers per month.", set(), id="a need is no capacity"),
        pytest.param("TSMC will reach 110k wpm of CoWoS capacity, and vendors expect at least 20k wpm of demand to leave "
                     "TSMC in the second half.", {("TSMC", "wafer_capacity", "110000")}, id="demand is no capacity"),
    ],
)
def test_joint_sites_and_demand_are_no_capacity(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("TSMC raised its 2026 capital budget to about $46 billion.", {("TSMC", "capex", "46000000000")},
                     id="a capital budget"),
        pytest.param("Samsung kept its 2026 facility spending plan at 56 trillion won.",
                     {("Samsung Electronics", "capex", "56000000000000")}, id="a facility spending plan"),
        pytest.param("Samsung Electronics paid 180 billion won for a 12% stake in a Daejeon start-up.",
                     {("Samsung Electronics", "investment", "180000000000")}, id="paid for a stake"),
        pytest.param("Nvidia put about $2 billion into xAI's latest round.", {("Nvidia", "investment", "2000000000")},
                     id="put into"),
        pytest.param("KYEC told investors it expects the job to bring in about NT$6 billion next year.", set(),
                     id="investors are no investment, a job's worth no revenue"),
        pytest.param("Broadcom expects more than $10 billion in revenue from that generation.", set(),
                     id="revenue from one generation of a chip"),
    ],
)
def test_more_kind_cues(text, expected):
    found = {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures}
    assert found == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Alchip held its third-quarter call on Thursday. Nvidia's orders were strong. Margins held up. "
                     "Shipments rose. The CFO guided fourth-quarter revenue to between NT$15 billion and NT$16 billion.",
                     {("Alchip", "revenue")}, id="the CFO guided"),
        pytest.param("SK hynix reported record results. Its largest customer, Nvidia, will use the stacks in Rubin. "
                     "Shares rose. HBM wafer capacity will reach about 200,000 wafers per month by the end of the year, "
                     "the chief financial officer said.", {("SK hynix", "wafer_capacity")},
                     id="the chief financial officer said"),
    ],
)
def test_an_officer_speaks_for_the_story_s_company(text, expected):
    assert {(f.company, f.kind) for f in extract(text, published=PUBLISHED).figures} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("OpenAI now counts more than 30 gigawatts of compute commitments.",
                     {("OpenAI", "datacenter_capacity", "30000000000")}, id="compute commitments"),
        pytest.param("Sakura Internet will buy Nvidia systems for a 60-megawatt site in Hokkaido.",
                     {("Sakura Internet", "datacenter_capacity", "60000000")}, id="the buyer's site, not the seller's"),
    ],
)
def test_data_center_power(text, expected):
    assert {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("SPIL's Taichung sites now run oS for roughly 12k wpm of CoWoS-S, the largest outsourced flow we "
                     "track.", set(), id="wafers of another maker's technology"),
        pytest.param("SPIL has done the on-substrate step for TSMC since 2024, and the Taiwanese house now runs close "
                     "to 20k wpm of it.", set(), id="wafers of the step it runs"),
        pytest.param("TSMC plans to lift CoWoS capacity to 100k wpm of CoWoS-L by 2027.",
                     {("TSMC", "wafer_capacity", "100000")}, id="wafers of its own technology"),
    ],
)
def test_wafers_a_house_runs_for_another_are_no_capacity(text, expected):
    assert {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Meta and Microsoft plan capital spending of more than $250 billion this year.", set(),
                     id="a sum after a list of companies"),
        pytest.param("Microsoft and Nvidia agreed to invest up to $5 billion and up to $10 billion in Anthropic, "
                     "respectively.", {("Microsoft", "investment", "5000000000"), ("Nvidia", "investment", "10000000000")},
                     id="respectively"),
        pytest.param("ASE runs CoWoS-L assembly for Nvidia and Broadcom; the two together should reach roughly 7k wpm "
                     "by midyear.", set(), id="the two together"),
        pytest.param("Nvidia sells most AI GPUs. Analysts estimate that spending on sovereign AI could reach 50 trillion "
                     "yen globally by 2030.", set(), id="globally"),
    ],
)
def test_sums_of_several_and_respective_amounts(text, expected):
    assert {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Micron said it had secured a $3 billion HBM4E order from a customer it would not name.",
                     {("Micron", "order_backlog", "3000000000")}, id="an order from an unnamed customer books backlog"),
        pytest.param("Micron said it had secured a $3 billion HBM4E order from Nvidia.", set(),
                     id="a named customer's order has its price, no figure"),
    ],
)
def test_orders_from_unnamed_customers_are_backlog(text, expected):
    assert {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures} == expected


def test_the_loss_taken_up_again_is_an_operating_loss():
    text = ("Samsung's foundry business had an operating loss of about 1 trillion won in the third quarter, and the loss "
            "is expected to narrow to about 800 billion won in the fourth quarter.")
    assert {(f.company, f.kind, f.value.amount) for f in extract(text, published=PUBLISHED).figures} == {
        ("Samsung Electronics", "operating_profit", "-1000000000000"),
        ("Samsung Electronics", "operating_profit", "-800000000000")}


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("SK hynix reported fourth-quarter revenue of 31.2 trillion won on Thursday.", "2026-Q4",
                     id="the period word of the noun, not the day it was told"),
        pytest.param("Micron on Tuesday reported record quarterly revenue of $11.32 billion.", None,
                     id="the day of a report is no timing"),
        pytest.param("Nvidia said last month it would invest $5 billion in Intel.", None,
                     id="the date of a statement is no timing"),
        pytest.param("Micron will spend about $9.6 billion on a new HBM plant in Hiroshima, with output from 2028.", None,
                     id="a later event's date is no timing"),
        pytest.param("Wiwynn is spending about NT$20 billion on a Texas rack plant due to open in mid-2026.", None,
                     id="a plant due to open"),
        pytest.param("The center will have 20 megawatts of power capacity at launch, rising to 100 megawatts by 2027, "
                     "Foxconn said.", None, id="the date of the next step on a timeline is no timing"),
        pytest.param("Hanmi posted operating profit of 47.4 billion won in the third quarter, on revenue of 102.7 "
                     "billion won.", "2026-Q3", id="an amount stated alongside shares the date"),
        pytest.param("Semifive recorded revenue of 106 billion won last year, and the operating loss was 18 billion 300 "
                     "million won.", "2025", id="a clause with no date of its own takes the one before"),
        pytest.param("Samsung runs roughly 15k wpm of SF2-class capacity at Hwaseong and plans another 16k wpm at Taylor "
                     "by end-2027.", None, id="a date another amount holds"),
    ],
)
def test_the_timing_of_the_first_figure(text, expected):
    figures = extract(text, published=PUBLISHED).figures
    assert figures
    timing = figures[0].timing
    assert (timing.value if timing else None) == expected

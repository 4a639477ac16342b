"""Companies no gazetteer knows, found from their context: the span a reader would mark."""
import pytest

from extractor import extract


def companies(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value.name) for m in extract(text).mentions if m.label == "COMPANY"]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Startup Korvane Semiconductor said it would build its first AI accelerator with Samsung Foundry.",
                     [("Korvane Semiconductor", "Korvane Semiconductor"), ("Samsung Foundry", "Samsung Electronics")],
                     id="a cue noun opening the sentence stays out of the name"),
        pytest.param("Chipmaker Orvane Labs shipped its first samples.", [("Orvane Labs", "Orvane Labs")],
                     id="capitalised cue noun, then a name"),
        pytest.param("Korean chip designer Nuvara Semi picked Samsung.",
                     [("Nuvara Semi", "Nuvara Semi"), ("Samsung", "Samsung Electronics")], id="cue noun before"),
        pytest.param("Helix Compute Inc. will build its second chip on Intel's 18A process.",
                     [("Helix Compute Inc.", "Helix Compute"), ("Intel", "Intel")], id="legal suffix"),
        pytest.param("The deal went to Tavrin AI, a Seoul startup.", [("Tavrin AI", "Tavrin AI")], id="corporate word"),
        pytest.param("Domestic AI silicon is now limited less by demand than by wafers.", [],
                     id="an adjective opening a sentence is no name"),
        pytest.param("Kuai Technology reported on November 21 that Samsung won the order.",
                     [("Samsung", "Samsung Electronics")], id="a Chinese tech outlet with a corporate word is a source"),
        pytest.param("Its first job is chips for the Tokyo AI developer that committed to Rapidus.",
                     [("Rapidus", "Rapidus")], id="a place and 'AI' before a role noun describe, they name no one"),
        pytest.param("Tarvos Cloud ordered 4,000 GPUs from Dell.", [("Tarvos Cloud", "Tarvos Cloud"), ("Dell", "Dell")],
                     id="a cloud operator's name"),
        pytest.param("Powertech Technology (PTI) tests Micron's HBM stacks; PTI is the smallest of the four.",
                     [("Powertech Technology", "Powertech Technology"), ("PTI", "Powertech Technology"),
                      ("Micron", "Micron"), ("PTI", "Powertech Technology")], id="PTI"),
        pytest.param("Orsolan Labs Onyx-2: the start-up's NPU sits on SF4X.", [("Orsolan Labs", "Orsolan Labs")],
                     id="a corporate word before a product code ends the name"),
        pytest.param("Shares in the Philadelphia Semiconductor Index fell.", [],
                     id="a corporate word inside a longer name without a code is no company"),
        pytest.param("Keelin Semitest, a Hsinchu wafer-sort specialist, said it won the work.",
                     [("Keelin Semitest", "Keelin Semitest")], id="a description in apposition"),
        pytest.param("Veltria Glass, a Dresden start-up that makes glass cores, said it won the work.",
                     [("Veltria Glass", "Veltria Glass")], id="a hyphenated apposition noun"),
        pytest.param("Quorvane, a Munich-based rival, has agreed to build its first NPU at Samsung.",
                     [("Quorvane", "Quorvane"), ("Samsung", "Samsung Electronics")], id="a rival in apposition is a company"),
        pytest.param("Sollim Design, a Pangyo-based design-service house that does back-end work, has grown.",
                     [("Sollim Design", "Sollim Design")], id="a long apposition of hyphenated words"),
        pytest.param("Merbau Digital, a Malaysian data-center operator backed by a state pension fund, placed the order.",
                     [("Merbau Digital", "Merbau Digital")], id="an apposition noun followed by a participle"),
        pytest.param("The servers come from Kestrel Infosystems, a Chennai-based systems integrator, the bank said.",
                     [("Kestrel Infosystems", "Kestrel Infosystems")], id="a systems integrator in apposition"),
        pytest.param("The round was led by Halberd Capital, with Northlake Ventures joining.",
                     [("Halberd Capital", "Halberd Capital"), ("Northlake Ventures", "Northlake Ventures")],
                     id="investors' names end in Capital or Ventures"),
        pytest.param("Working Capital and Venture Capital rose in the quarter.", [],
                     id="money words before 'Capital' name no firm"),
        pytest.param("Bitmain, the world's largest maker of mining rigs, buys its chips from TSMC.",
                     [("Bitmain", "Bitmain"), ("TSMC", "TSMC")], id="an apposition opened by 'the'"),
        pytest.param("TSMC Arizona, the Taiwanese giant's Phoenix subsidiary, had pitched for the work.",
                     [("TSMC", "TSMC")], id="a place after a known name is no company of its own"),
        pytest.param("Keelin Hall, a building that older residents of the small northern town still know as the old company, was sold.",
                     [], id="an apposition noun too far from the name to describe it"),
        pytest.param("Corvanta AI: two HBM suppliers. Corvanta, a Santa Clara start-up, wants HBM4.",
                     [("Corvanta AI", "Corvanta AI"), ("Corvanta", "Corvanta AI")],
                     id="a one-word name opening a longer one found nearby is that company"),
        pytest.param("Brennholt Dynamics' robots run on Nvidia's Jetson Thor.",
                     [("Brennholt Dynamics", "Brennholt Dynamics"), ("Nvidia", "Nvidia")], id="'Dynamics' ends a company name"),
        pytest.param("About Veradyne Process Systems, Inc.\nVeradyne makes annealing tools.",
                     [("Veradyne Process Systems, Inc.", "Veradyne Process Systems"), ("Veradyne", "Veradyne Process Systems")],
                     id="a press release's 'About' heading is no part of the name"),
        pytest.param("The order went to Nexgen Digital, which will install the racks.", [("Nexgen Digital", "Nexgen Digital")],
                     id="'Digital' ends a company's name"),
        pytest.param("Lisa Su, a veteran chip designer, said it won the work.", [],
                     id="a person described in apposition is no company"),
        pytest.param("Orvella, a designer of cryptocurrency-mining ASICs, booked SF3 wafers.", [("Orvella", "Orvella")],
                     id="a designer of chips in apposition is a company"),
        pytest.param("Kestova, a Seoul-based developer, booked SF3 wafers.", [("Kestova", "Kestova")],
                     id="a developer with a seat in apposition is a company"),
        pytest.param("Anna Berg, a designer of luxury handbags, said she liked the work.", [],
                     id="a designer of things that are no chips is a person"),
        pytest.param("Hanul Precision, a Hwaseong-based maker of wafer transfer robots, said it won the work.",
                     [("Hanul Precision", "Hanul Precision")], id="an apposition's noun with its object"),
        pytest.param("Tom Reid, a former director of sales, said it won the work.", [],
                     id="a person's apposition with an object is no company"),
        pytest.param("Faraday said the 18A chip taped out; ESMC will run the Dresden fab.",
                     [("Faraday", "Faraday Technology"), ("ESMC", "ESMC")], id="short and venture names in the gazetteer"),
        pytest.param("SAMSUNG – Samsung Electronics will supply HBM4. SK HYNIX: sold out. DRAM PRICES ROSE.",
                     [("SAMSUNG", "Samsung Electronics"), ("Samsung Electronics", "Samsung Electronics"),
                      ("SK HYNIX", "SK hynix")], id="a company heading in capitals"),
        pytest.param("Groq has hired Meridian Advanced Packaging to assemble its chiplets.",
                     [("Groq", "Groq"), ("Meridian Advanced Packaging", "Meridian Advanced Packaging")],
                     id="'Packaging' ends a company's name"),
        pytest.param("Kinlon Substrates ships ABF boards to AMD.", [("Kinlon Substrates", "Kinlon Substrates"), ("AMD", "AMD")],
                     id="'Substrates' ends a company's name"),
        pytest.param("Hyeonwoo Tech, an Asan-based maker of test sockets, said it won the work.",
                     [("Hyeonwoo Tech", "Hyeonwoo Tech")], id="'Tech' ends a company's name"),
        pytest.param("Big Tech companies are spending more on custom chips.", [], id="'Big Tech' is no company"),
        pytest.param("TSMC's Advanced Packaging unit is expanding in Chiayi.", [("TSMC", "TSMC")],
                     id="trade words alone make no name"),
        pytest.param("Celestica's Cloud Solutions segment grew 40%.", [("Celestica", "Celestica")],
                     id="a segment of generic words is no company"),
    ],
)
def test_unknown_companies_from_context(text, expected):
    assert companies(text) == expected


def company_values(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.value.name, m.value.unit) for m in extract(text).mentions if m.label == "COMPANY"]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("Samsung Electronics Co Ltd will make the chip.",
                     [("Samsung Electronics Co Ltd", "Samsung Electronics", None)], id="Co Ltd without points"),
        pytest.param("Samsung Electronics Co., Ltd will make the chip.",
                     [("Samsung Electronics Co., Ltd", "Samsung Electronics", None)], id="Co., Ltd without the last point"),
        pytest.param("Anthropic PBC will buy the chip.", [("Anthropic PBC", "Anthropic", None)], id="public benefit corporation"),
        pytest.param("Kioxia Holdings Corp. will supply the flash.", [("Kioxia Holdings Corp.", "Kioxia", None)],
                     id="a holding company's word before its legal suffix"),
        pytest.param("PSK Holdings will ship the tools.", [("PSK Holdings", "PSK", None)],
                     id="a gazetteer name that ends in Holdings keeps its own entry"),
        pytest.param("Naver Cloud Corp. will buy the chip.", [("Naver Cloud Corp.", "Naver", "Cloud")],
                     id="a unit named alone keeps its legal suffix"),
        pytest.param("Microsoft Azure will buy the chip.", [("Microsoft Azure", "Microsoft", "Azure")],
                     id="a unit the parent's span took along is no second mention"),
        pytest.param("Microsoft's Azure will buy the chip.", [("Microsoft's Azure", "Microsoft", "Azure")],
                     id="a unit after the possessive is no second mention"),
        pytest.param("Hanwha Aerospace will buy the chip.", [("Hanwha Aerospace", "Hanwha Aerospace", None)],
                     id="a listed affiliate is not its group"),
        pytest.param("Hyundai Mobis will design the chip.", [("Hyundai Mobis", "Hyundai Mobis", None)],
                     id="a listed affiliate is not the flagship"),
        pytest.param("LG Energy Solution will buy the chip.", [("LG Energy Solution", "LG Energy Solution", None)],
                     id="LG Energy Solution"),
        pytest.param("Google's cloud unit will buy the chip.", [("Google", "Google", "Cloud")],
                     id="a cloud arm named generically is the unit, outside the span"),
        pytest.param("Amazon's cloud business will buy the chip.", [("Amazon", "Amazon", "AWS")],
                     id="Amazon's cloud business is AWS"),
        pytest.param("Samsung's chip division will make the chip.", [("Samsung", "Samsung Electronics", "Device Solutions")],
                     id="Samsung's chip division is its Device Solutions division"),
        pytest.param("JD Cloud will buy the accelerators, JD said.", [("JD Cloud", "JD.com", "Cloud"), ("JD", "JD.com", None)],
                     id="a unit's own name and the parent's short name"),
        pytest.param("Moonshot declined to comment.", [("Moonshot", "Moonshot AI", None)], id="a lab's short name"),
        pytest.param("Sutlej signed with Tata Electronics. Tata will build the chips.",
                     [("Tata Electronics", "Tata Electronics", None), ("Tata", "Tata Electronics", None)],
                     id="a short form once the full name has named the company"),
        pytest.param("Tata will build the chips.", [], id="a short form alone names no company"),
        pytest.param("Alchip owns floorplan-to-GDS and test.", [("Alchip", "Alchip", None)],
                     id="a known name inside a word compound is no company"),
        pytest.param("Samsung-TSMC rivalry is heating up.", [("Samsung", "Samsung Electronics", None), ("TSMC", "TSMC", None)],
                     id="two names joined by a hyphen stay names"),
    ],
)
def test_company_names_units_and_suffixes(text, expected):
    assert company_values(text) == expected


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Veltria Glass, a Dresden start-up that makes glass core panels, said it won the work.", "company.appositive.supply"),
        ("Veltria Glass, a Dresden start-up, said it won the work.", "company.appositive.customer"),
        ("Keelin Semitest, a Hsinchu wafer-sort specialist, said it won the work.", "company.appositive"),
        ("Meridia Labo, a Hsinchu design-service firm, said it won the work.", "company.appositive.design"),
        ("Penang Testworks, a Malaysian test house, said it won the work.", "company.appositive.packaging"),
    ],
)
def test_an_apposition_gives_the_role_of_its_noun_its_trade_or_its_making(text, rule):
    (mention,) = [m for m in extract(text).mentions if m.label == "COMPANY"]
    assert mention.rule == rule

"""Orders from single sentences: who buys what from whom, in the phrasings reports use.

Each row runs the whole pipeline on one or two sentences of a made-up report and
states the orders a reader would record: (customer, supplier, service, stage).
"""
import pytest

from extractor import extract

PUBLISHED = "2026-11-23"


def orders_of(text: str) -> set[tuple]:
    result = extract(text, published=PUBLISHED)
    return {(o.customer, o.supplier, o.service, o.stage) for o in result.orders}


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Samsung Electronics has won an order from Tesla to manufacture its next-generation AI chips.",
            {("Tesla", "Samsung Electronics", "foundry", "agreed")}, id="won an order from",
        ),
        pytest.param(
            "Tesla signed a 22.8 trillion won contract with Samsung Electronics to produce AI6 chips.",
            {("Tesla", "Samsung Electronics", "foundry", "agreed")}, id="signed a contract with",
        ),
        pytest.param(
            "Qualcomm has chosen TSMC as its foundry partner for the Snapdragon 8 Elite.",
            {("Qualcomm", "TSMC", "foundry", "agreed")}, id="chose X as foundry partner",
        ),
        pytest.param(
            "The chips were previously mass-produced by TSMC for Google.",
            {("Google", "TSMC", "foundry", "past")}, id="passive past production",
        ),
        pytest.param(
            "Nvidia is in talks with Samsung Electronics over the supply of HBM4.",
            {("Nvidia", "Samsung Electronics", "memory", "talks")}, id="in talks over memory",
        ),
        pytest.param(
            "SK hynix is supplying HBM3E to Nvidia for its Blackwell GPUs.",
            {("Nvidia", "SK hynix", "memory", "production")}, id="supplying memory now",
        ),
        pytest.param(
            "AMD will use TSMC's 2-nanometer process for its MI450 accelerators.",
            {("AMD", "TSMC", "foundry", "agreed")}, id="use X's process",
        ),
        pytest.param(
            "Korean AI chip startup Rebellions tapped Samsung Foundry to make its REBEL chip on the 4nm node.",
            {("Rebellions", "Samsung Electronics", "foundry", "agreed")}, id="tapped a named unit",
        ),
        pytest.param(
            "Apple entrusted the packaging of its M5 chips to ASE.",
            {("Apple", "ASE", "packaging", "agreed")}, id="entrusted packaging",
        ),
        pytest.param(
            "Microsoft placed an order for 100,000 GPUs from Nvidia.",
            {("Microsoft", "Nvidia", "supply", "agreed")}, id="placed an order from",
        ),
        pytest.param(
            "Broadcom is designing the next TPU for Google.",
            {("Google", "Broadcom", "design", "agreed")}, id="designing for",
        ),
        pytest.param(
            "Samsung Electronics clinched a deal to supply HBM4 to AMD.",
            {("AMD", "Samsung Electronics", "memory", "agreed")}, id="clinched a deal to supply",
        ),
        pytest.param(
            "Intel said it had landed Microsoft as a customer for its 18A process.",
            {("Microsoft", "Intel", "foundry", "agreed")}, id="landed X as a customer",
        ),
        pytest.param(
            "Meta is evaluating Samsung Electronics as a second source for its MTIA chips.",
            {("Meta", "Samsung Electronics", "foundry", "talks")}, id="evaluating as a second source",
        ),
        pytest.param(
            "Samsung Electronics denied a report that it had won an order from Qualcomm.",
            {("Qualcomm", "Samsung Electronics", "foundry", "agreed")}, id="denied report still an order",
        ),
        pytest.param(
            "The company wants to reduce its reliance on Nvidia's GPUs and AMD's accelerators.",
            set(), id="reliance on rivals is no order",
        ),
        pytest.param(
            "Samsung Electronics competes with TSMC and Intel for foundry customers.",
            set(), id="competition is no order",
        ),
        pytest.param(
            "SK hynix posted revenue of 24 trillion won in the third quarter.",
            set(), id="revenue is no order",
        ),
        pytest.param(
            "TSMC will manufacture Nvidia's Rubin GPUs on its N3P process.",
            {("Nvidia", "TSMC", "foundry", "agreed")}, id="will manufacture X's product",
        ),
        pytest.param(
            "Nvidia will ship 50,000 Blackwell GPUs to Samsung Electronics.",
            {("Samsung Electronics", "Nvidia", "supply", "agreed")}, id="ship to",
        ),
        pytest.param(
            "Samsung receives 10 trillion won OEM orders from Meta",
            {("Meta", "Samsung Electronics", "foundry", "agreed")}, id="headline receives orders from",
        ),
        pytest.param(
            "Korean fabless firm Daesan Semicon has signed a contract with Samsung Foundry for its edge AI chip.",
            {("Daesan Semicon", "Samsung Electronics", "foundry", "agreed")}, id="unknown customer from cue noun",
        ),
        pytest.param(
            "Helix Compute Inc. will build its second chip on Intel's 18A process.",
            {("Helix Compute", "Intel", "foundry", "agreed")}, id="unknown customer with legal suffix",
        ),
        pytest.param(
            "Preferred Networks has taped out its MN-Core accelerator on SF2.",
            {("Preferred Networks", "Samsung Electronics", "foundry", "agreed")}, id="node name implies maker",
        ),
        pytest.param(
            "Alchip won a contract to design Amazon's next Trainium chip. The chip will be made by TSMC.",
            {("Amazon", "Alchip", "design", "agreed"), ("Amazon", "TSMC", "foundry", "agreed"),
             ("Alchip", "TSMC", "foundry", "agreed")}, id="designer and owner both get the maker's order",
        ),
        pytest.param(
            "GlobalFoundries said it signed a $1.5bn wafer supply agreement with a U.S. hyperscaler it did not name.",
            {(None, "GlobalFoundries", "foundry", "agreed")}, id="undisclosed customer",
        ),
        pytest.param(
            "OpenAI agreed to deploy 6 gigawatts of AMD Instinct GPUs over several years.",
            {("OpenAI", "AMD", "supply", "agreed")}, id="deploy X's GPUs",
        ),
        pytest.param(
            "The first generation of the chip was produced by UMC for Daesan Semicon.",
            {("Daesan Semicon", "UMC", "foundry", "past")}, id="passive made by X for Y, in the past",
        ),
        pytest.param(
            "Rebellions said it has signed a deal to supply its inference chips to SK Telecom.",
            {("SK Telecom", "Rebellions", "supply", "agreed")}, id="signed a deal to supply",
        ),
        pytest.param(
            "AMD has secured close to 8% of TSMC's CoWoS capacity for the MI450.",
            {("AMD", "TSMC", "packaging", "agreed")}, id="secured capacity is a buyer",
        ),
    ],
)
def test_orders_from_sentences(text, expected):
    assert orders_of(text) == expected

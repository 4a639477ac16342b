"""MONEY and QUANTITY mentions beside the other labels: what the amount finder leaves to them."""
import pytest

from extractor import extract


def amounts(text: str) -> list[tuple[str, str]]:
    return [(m.label, m.text) for m in extract(text).mentions if m.label in ("MONEY", "QUANTITY")]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param("- MediaTek: Intel 16 chips for TVs and Wi-Fi routers.", [],
                     id="the number of a node name counts nothing"),
        pytest.param("It bought 40,000 2nm wafers per month.", [("QUANTITY", "40,000 2nm wafers per month")],
                     id="a node inside a capacity stays inside"),
    ],
)
def test_amounts_beside_nodes(text, expected):
    assert amounts(text) == expected

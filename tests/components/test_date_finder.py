"""DATE mentions in context: dates that lean on a date named earlier in the text."""
import pytest

from extractor import extract


def dates(text: str, published: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.value.value) for m in extract(text, published=published).mentions if m.label == "DATE"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        pytest.param("Broadcom reported on Thursday, and its shares fell 11% the next day.", "2025-12-13",
                     [("Thursday", "2025-12-11"), ("the next day", "2025-12-12")], id="the next day after a weekday"),
        pytest.param("It reported on the 3rd, and SK hynix denied the report the same day.", "2026-09-08",
                     [("the 3rd", "2026-09-03"), ("the same day", "2026-09-03")], id="the same day as the 3rd"),
        pytest.param("Its loss in the fourth quarter of last year narrowed from the previous quarter.", "2026-02-10",
                     [("the fourth quarter of last year", "2025-Q4"), ("the previous quarter", "2025-Q3")],
                     id="the previous quarter after a quarter of last year"),
        pytest.param("The company shipped over 3 million units in Q2.", "2026-11-23", [("Q2", "2026-Q2")],
                     id="a yearless quarter of a past event"),
    ],
)
def test_dates_in_context(text, published, expected):
    assert dates(text, published) == expected

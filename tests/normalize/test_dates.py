"""find_dates, parse_date and guess_direction, as tables of cases.

Anchors: NOV23 is Monday 2026-11-23 (the seed article's publication date),
NOV22 the Sunday before it.
"""
from __future__ import annotations

import itertools
import re
from datetime import date

import pytest

from extractor.normalize import date_rules
from extractor.normalize.dates import _rejected, find_dates, guess_direction, is_absolute, parse_date
from extractor.records import DateValue, Relation
from extractor.resources import load_yaml

NOV23 = date(2026, 11, 23)
NOV22 = date(2026, 11, 22)
OCT11 = date(2025, 10, 11)


def _year(year: int, relation: str | None = None) -> DateValue:
    return DateValue(value=str(year), start=f"{year}-01-01", end=f"{year}-12-31", relation=relation)


def _day(iso: str, relation: str | None = None) -> DateValue:
    return DateValue(value=iso, start=iso, end=iso, relation=relation)


PARSE_CASES = [
    # absolute: no anchor needed
    pytest.param("2030", None, {}, _year(2030), id="bare year"),
    pytest.param("July 2025", None, {}, DateValue(value="2025-07", start="2025-07-01", end="2025-07-31"), id="month year"),
    pytest.param("July 24, 2025", None, {}, _day("2025-07-24"), id="month day year"),
    pytest.param("24 July 2025", None, {}, _day("2025-07-24"), id="day month year"),
    pytest.param("Nov. 24, 2025", None, {}, _day("2025-11-24"), id="abbreviated month day year"),
    pytest.param("Sept. 2025", None, {}, DateValue(value="2025-09", start="2025-09-01", end="2025-09-30"), id="Sept. year"),
    pytest.param("2025-07-24", None, {}, _day("2025-07-24"), id="ISO day"),
    pytest.param("2025.11.24", None, {}, _day("2025-11-24"), id="Korean dotted day"),
    pytest.param("Monday, Nov. 24, 2025", None, {}, _day("2025-11-24"), id="weekday month day year"),
    pytest.param("Q3 2026", None, {}, DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30"), id="Q3 2026"),
    pytest.param("Q4'25", None, {}, DateValue(value="2025-Q4", start="2025-10-01", end="2025-12-31"), id="Q4'25"),
    pytest.param("4Q25", None, {}, DateValue(value="2025-Q4", start="2025-10-01", end="2025-12-31"), id="4Q25"),
    pytest.param("1Q 2026", None, {}, DateValue(value="2026-Q1", start="2026-01-01", end="2026-03-31"), id="1Q 2026"),
    pytest.param("2H26", None, {}, DateValue(value="2026-H2", start="2026-07-01", end="2026-12-31"), id="2H26"),
    pytest.param("H1 2026", None, {}, DateValue(value="2026-H1", start="2026-01-01", end="2026-06-30"), id="H1 2026"),
    pytest.param("2026 H2", None, {}, DateValue(value="2026-H2", start="2026-07-01", end="2026-12-31"), id="2026 H2"),
    pytest.param("the first half of 2027", None, {}, DateValue(value="2027-H1", start="2027-01-01", end="2027-06-30"), id="the first half of 2027"),
    pytest.param("the third quarter of 2025", None, {}, DateValue(value="2025-Q3", start="2025-07-01", end="2025-09-30"), id="the third quarter of 2025"),
    pytest.param("fourth-quarter 2025", None, {}, DateValue(value="2025-Q4", start="2025-10-01", end="2025-12-31"), id="fourth-quarter 2025"),
    pytest.param("2025's Q3", None, {}, DateValue(value="2025-Q3", start="2025-07-01", end="2025-09-30"), id="possessive year code"),
    pytest.param("mid-2027", None, {}, _year(2027), id="mid-2027"),
    pytest.param("late 2026", None, {}, _year(2026), id="late 2026"),
    pytest.param("end-2026", None, {"before": "by "}, _year(2026, "by"), id="end-2026"),
    pytest.param("early July 2025", None, {}, DateValue(value="2025-07", start="2025-07-01", end="2025-07-31"), id="early July 2025"),
    pytest.param("2025-W30", None, {}, DateValue(value="2025-W30", start="2025-07-21", end="2025-07-27"), id="ISO week"),
    pytest.param("week 30 of 2025", None, {}, DateValue(value="2025-W30", start="2025-07-21", end="2025-07-27"), id="week 30 of 2025"),
    pytest.param("the 2020s", None, {}, DateValue(value="202", start="2020-01-01", end="2029-12-31"), id="decade"),
    pytest.param("the late 2020s", None, {}, DateValue(value="202", start="2020-01-01", end="2029-12-31"), id="late decade"),
    pytest.param("FY2025", None, {}, DateValue(value="FY2025"), id="fiscal year has no calendar days"),
    pytest.param("fiscal 2026", None, {}, DateValue(value="FY2026"), id="fiscal 2026"),
    pytest.param("the third quarter of fiscal 2025", None, {}, DateValue(value="FY2025-Q3"), id="fiscal quarter"),
    pytest.param("24/07/2025", None, {}, _day("2025-07-24"), id="dateparser fallback: slashes"),
    pytest.param("July the 24th, 2025", None, {}, _day("2025-07-24"), id="dateparser fallback: July the 24th"),
    # relative to the publication date
    pytest.param("this year", NOV23, {}, _year(2026), id="this year"),
    pytest.param("next year", NOV23, {}, _year(2027), id="next year"),
    pytest.param("last year", NOV23, {}, _year(2025), id="last year"),
    pytest.param("the fourth quarter of this year", NOV23, {"before": "achieved in "},
                 DateValue(value="2026-Q4", start="2026-10-01", end="2026-12-31", relation="in"), id="the fourth quarter of this year"),
    pytest.param("the second half of next year", NOV23, {}, DateValue(value="2027-H2", start="2027-07-01", end="2027-12-31"), id="the second half of next year"),
    pytest.param("Last year's fourth quarter", NOV23, {}, DateValue(value="2025-Q4", start="2025-10-01", end="2025-12-31"), id="possessive relative year"),
    pytest.param("early next year", NOV23, {}, _year(2027), id="early next year"),
    pytest.param("the end of this year", NOV23, {}, _year(2026), id="the end of this year"),
    pytest.param("the end of the year", NOV23, {"before": "by "}, _year(2026, "by"), id="the end of the year"),
    pytest.param("year-end", NOV23, {"before": "by "}, _year(2026, "by"), id="year-end"),
    pytest.param("Earlier in the day", NOV23, {}, _day("2026-11-23"), id="Earlier in the day"),
    pytest.param("today", NOV23, {}, _day("2026-11-23"), id="today"),
    pytest.param("yesterday", NOV23, {}, _day("2026-11-22"), id="yesterday"),
    pytest.param("earlier this month", NOV23, {}, DateValue(value="2026-11", start="2026-11-01", end="2026-11-30"), id="earlier this month"),
    pytest.param("last month", NOV23, {}, DateValue(value="2026-10", start="2026-10-01", end="2026-10-31"), id="last month"),
    pytest.param("next month", NOV23, {}, DateValue(value="2026-12", start="2026-12-01", end="2026-12-31"), id="next month"),
    pytest.param("this week", NOV23, {}, DateValue(value="2026-W48", start="2026-11-23", end="2026-11-29"), id="this week"),
    pytest.param("last quarter", NOV23, {}, DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30"), id="last quarter"),
    pytest.param("two years ago", NOV23, {}, _year(2024), id="two years ago"),
    pytest.param("Monday", NOV22, {}, _day("2026-11-16"), id="weekday: latest on or before a Sunday anchor"),
    pytest.param("Monday", NOV23, {}, _day("2026-11-23"), id="weekday: the anchor itself"),
    pytest.param("Monday", NOV23, {"direction": "future"}, _day("2026-11-23"), id="weekday ignores direction"),
    pytest.param("last Tuesday", NOV23, {}, _day("2026-11-17"), id="last Tuesday"),
    pytest.param("next Friday", NOV23, {}, _day("2026-11-27"), id="next Friday"),
    pytest.param("the 22nd", NOV23, {"before": "on "}, _day("2026-11-22", "in"), id="the 22nd: the anchor's month"),
    pytest.param("July", NOV23, {"direction": "past"}, DateValue(value="2026-07", start="2026-07-01", end="2026-07-31"), id="month: past"),
    pytest.param("July", NOV23, {"direction": "future"}, DateValue(value="2027-07", start="2027-07-01", end="2027-07-31"), id="month: future"),
    pytest.param("July", NOV23, {}, DateValue(value="2026-07", start="2026-07-01", end="2026-07-31"), id="month: nearest"),
    pytest.param("March", NOV23, {"before": "since "}, DateValue(value="2026-03", start="2026-03-01", end="2026-03-31", relation="since"),
                 id="since implies the past"),
    pytest.param("May", NOV23, {"before": "has run in volume since ", "direction": "future"},
                 DateValue(value="2026-05", start="2026-05-01", end="2026-05-31", relation="since"),
                 id="since looks back whatever the sentence's tense"),
    pytest.param("Nov. 24", NOV23, {"direction": "past"}, _day("2025-11-24"), id="month day: past"),
    pytest.param("Nov. 24", NOV23, {}, _day("2026-11-24"), id="month day: nearest"),
    pytest.param("Feb. 29", NOV23, {"direction": "past"}, _day("2024-02-29"), id="leap day: past"),
    pytest.param("last July", NOV23, {}, DateValue(value="2026-07", start="2026-07-01", end="2026-07-31"), id="last July"),
    pytest.param("next March", NOV23, {}, DateValue(value="2027-03", start="2027-03-01", end="2027-03-31"), id="next March"),
    pytest.param("the third quarter", OCT11, {"direction": "future"}, DateValue(value="2025-Q3", start="2025-07-01", end="2025-09-30"),
                 id="yearless quarter: nearest whatever the tense"),
    pytest.param("the fourth quarter", NOV23, {}, DateValue(value="2026-Q4", start="2026-10-01", end="2026-12-31"), id="yearless quarter: containing the anchor"),
    pytest.param("the first quarter", NOV23, {"direction": "past"}, DateValue(value="2026-Q1", start="2026-01-01", end="2026-03-31"),
                 id="yearless quarter in a past clause: this year's, not the nearer next one"),
    pytest.param("the first half", NOV23, {"direction": "past", "before": "prices rose 20% in "},
                 DateValue(value="2026-H1", start="2026-01-01", end="2026-06-30", relation="in"), id="yearless half in a past clause"),
    pytest.param("the same day", NOV23, {}, _day("2026-11-23"), id="the same day: the publication date without a day before"),
    pytest.param("the next day", NOV23, {"day_reference": date(2026, 11, 19)}, _day("2026-11-20"),
                 id="the next day: after the day named before"),
    pytest.param("a day earlier", NOV23, {"day_reference": date(2026, 11, 19)}, _day("2026-11-18"), id="a day earlier"),
    pytest.param("midyear", NOV23, {"before": "decide by "}, _year(2026, "by"), id="midyear"),
    pytest.param("H2", NOV23, {"before": "will rise in "},
                 DateValue(value="2026-H2", start="2026-07-01", end="2026-12-31", relation="in"), id="H2 without a year"),
    pytest.param("03.04.2025", None, {}, _day("2025-04-03"), id="numeric day, day first after a dot"),
    # relative to an explicit date earlier in the text
    pytest.param("the previous quarter", None, {"reference": date(2025, 10, 1)},
                 DateValue(value="2025-Q3", start="2025-07-01", end="2025-09-30"), id="previous quarter, undated article"),
    pytest.param("the following year", NOV23, {"reference": date(2025, 3, 1)}, _year(2026), id="reference beats anchor"),
    pytest.param("that year", None, {"reference": date(2019, 5, 1)}, _year(2019), id="that year"),
    pytest.param("the same quarter last year", NOV23, {"reference": date(2025, 10, 1)},
                 DateValue(value="2024-Q4", start="2024-10-01", end="2024-12-31"), id="same quarter last year"),
    pytest.param("the previous quarter", NOV23, {}, DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30"), id="previous falls back to the anchor"),
    pytest.param("that year", NOV23, {}, DateValue(value=None), id="that needs a reference"),
    # undated article: relative dates stay null, never a guess
    pytest.param("this year", None, {}, DateValue(value=None), id="undated: this year"),
    pytest.param("next year", None, {"before": "by "}, DateValue(value=None, relation="by"), id="undated keeps the relation"),
    pytest.param("Monday", None, {}, DateValue(value=None), id="undated: weekday"),
    pytest.param("July", None, {}, DateValue(value=None), id="undated: month"),
    pytest.param("the 22nd", None, {}, DateValue(value=None), id="undated: the 22nd"),
    pytest.param("Earlier in the day", None, {}, DateValue(value=None), id="undated: earlier in the day"),
    pytest.param("the third quarter", None, {}, DateValue(value=None), id="undated: yearless quarter"),
    # relations
    pytest.param("the end of 2030", None, {"before": "capacity of 5 gigawatts (GW) by "}, _year(2030, "by"), id="relation: by"),
    pytest.param("2030", None, {"before": "until at least "}, _year(2030, "until"), id="relation: until, past a qualifier"),
    pytest.param("2027", None, {"before": "through "}, _year(2027, "until"), id="relation: through"),
    pytest.param("2026", None, {"before": "Starting in "}, _year(2026, "in"), id="relation: starting in"),
    pytest.param("2026", None, {"before": "during "}, _year(2026, "in"), id="relation: during"),
    pytest.param("2025", None, {"before": "from "}, _year(2025, "from"), id="relation: from"),
    pytest.param("2023", None, {"before": "Since "}, _year(2023, "since"), id="relation: since"),
    pytest.param("the end of 2027", None, {"before": "running from this month to "}, _year(2027, "until"), id="relation: from ... to"),
    pytest.param("2030", None, {"before": "rose to "}, _year(2030), id="relation: to without from is null"),
    pytest.param("2030", None, {"before": "around "}, _year(2030), id="relation: none"),
    pytest.param("this year", NOV23, {"before": "but since the third generation launched "}, _year(2026, "since"), id="relation: since clause"),
    pytest.param("by the end of 2030", None, {}, _year(2030, "by"), id="relation: leading preposition in the text"),
    # not dates
    pytest.param("six months", NOV23, {}, None, id="duration"),
    pytest.param("in recent years", NOV23, {}, None, id="vague period"),
    pytest.param("soon", NOV23, {}, None, id="soon"),
    pytest.param("Feb. 30, 2025", None, {}, None, id="no such day"),
    pytest.param("the year", NOV23, {}, None, id="the year without a modifier"),
    pytest.param("the October-December quarter", NOV23, {},
                 DateValue(value="2026-Q4", start="2026-10-01", end="2026-12-31"), id="quarter named by its months"),
    pytest.param("July-September", NOV23, {},
                 DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30"), id="a quarter's months alone"),
    pytest.param("the September quarter", NOV23, {},
                 DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30"), id="the quarter ending in a month"),
    pytest.param("the December quarter of 2025", NOV23, {},
                 DateValue(value="2025-Q4", start="2025-10-01", end="2025-12-31"), id="quarter ending in a month, year"),
    pytest.param("the December period", NOV23, {},
                 DateValue(value="2026-Q4", start="2026-10-01", end="2026-12-31"), id="the period ending in a month"),
    pytest.param("the April-June quarter of 2026", None, {},
                 DateValue(value="2026-Q2", start="2026-04-01", end="2026-06-30"), id="month-range quarter with year"),
    pytest.param("the July-September period", NOV23, {},
                 DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30"), id="month-range period"),
    pytest.param("the March-June quarter", NOV23, {}, None, id="four months are no quarter"),
    # a yearless quarter after "from"/"by" looks ahead unless the sentence is past; after "since", back
    pytest.param("the third quarter", date(2026, 2, 3), {"before": "with deliveries from "},
                 DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30", relation="from"),
                 id="from a yearless quarter: ahead"),
    pytest.param("the third quarter", date(2026, 2, 3), {"before": "shipments were up from ", "direction": "past"},
                 DateValue(value="2025-Q3", start="2025-07-01", end="2025-09-30", relation="from"),
                 id="from a yearless quarter in a past sentence: nearest"),
    pytest.param("the second quarter", date(2025, 8, 12), {"before": "in mass production since ", "direction": "future"},
                 DateValue(value="2025-Q2", start="2025-04-01", end="2025-06-30", relation="since"),
                 id="since a yearless quarter: back, whatever the sentence"),
    pytest.param("the third quarter", date(2026, 10, 20), {"before": "will report earnings for ", "direction": "future"},
                 DateValue(value="2026-Q3", start="2026-07-01", end="2026-09-30"),
                 id="a yearless quarter with no span word: nearest"),
    pytest.param("the fourth quarter", date(2026, 5, 9), {"before": "will start using the first clusters in ",
                                                          "direction": "future"},
                 DateValue(value="2026-Q4", start="2026-10-01", end="2026-12-31", relation="in"),
                 id="in a yearless quarter in a future clause: ahead, though last year's is nearer"),
    pytest.param("the second half", date(2026, 3, 20), {"before": "deliveries will begin in ", "direction": "future"},
                 DateValue(value="2026-H2", start="2026-07-01", end="2026-12-31", relation="in"),
                 id="in a yearless half in a future clause: ahead"),
    pytest.param("the fourth quarter", date(2026, 5, 9), {"before": "shipped the first units in ", "direction": "past"},
                 DateValue(value="2025-Q4", start="2025-10-01", end="2025-12-31", relation="in"),
                 id="in a yearless quarter in a past clause: back"),
    pytest.param("the week of May 4", date(2026, 5, 9), {"before": "did not slow down in "},
                 DateValue(value="2026-W19", start="2026-05-04", end="2026-05-10", relation="in"),
                 id="the week of a day: its ISO week"),
    pytest.param("week of March 5, 2025", date(2026, 5, 9), {},
                 DateValue(value="2025-W10", start="2025-03-03", end="2025-03-09"),
                 id="the week of a dated midweek day: the ISO week around it"),
]


@pytest.mark.parametrize(("text", "anchor", "options", "expected"), PARSE_CASES)
def test_parse_date(text, anchor, options, expected):
    assert parse_date(text, anchor, **options) == expected


FIND_CASES = [
    pytest.param("We expect full-year 2026 revenue of about $14 billion.", ["full-year 2026"],
                 id="full-year keeps its year"),
    pytest.param("This is our view of full-year 2026 wafer volumes by customer.", ["full-year 2026"],
                 id="a year before a singular unit word is a year ('2026 wafer volumes')"),
    pytest.param("The foundry's May revenue rose 40%.", ["May"], id="May after a possessive is the month"),
    pytest.param("Intel told investors at a May event that it has a customer.", ["May"],
                 id="May after an article is the month"),
    pytest.param("Samsung May win the order, and analysts said it may.", [], id="May the modal is no month"),
    pytest.param("Samsung posted a preliminary July-September operating profit of 12.1 trillion won.",
                 ["July-September"], id="a quarter named by its first and last month"),
    pytest.param("Deliveries run to the end of January.\n\n3. Samsung said it would cut capex.",
                 ["the end of January"], id="a numbered list item after a month is no day"),
    pytest.param("SEOUL, Nov. 24 (Yonhap) -- Samsung Electronics Co. said Monday it has secured a foundry order from Tesla.",
                 ["Nov. 24", "Monday"], id="Yonhap dateline"),
    pytest.param("Meta aims to build a data center with a total installed capacity of 5 gigawatts (GW) by the end of 2030.",
                 ["the end of 2030"], id="by the end of 2030"),
    pytest.param("Operating profits are expected to be achieved in the fourth quarter of this year.",
                 ["the fourth quarter of this year"], id="the fourth quarter of this year"),
    pytest.param("Earlier in the day, there were reports that Anthropic is also using Samsung's 2-nanometer process.",
                 ["Earlier in the day"], id="Earlier in the day"),
    pytest.param("Starting from Tesla's AI chip order last year, orders have entered a stage of rapid growth.",
                 ["last year"], id="last year"),
    pytest.param("A new generation of chips is launched every six months, and will upgrade to fifth-generation chips next year.",
                 ["next year"], id="six months is a duration"),
    pytest.param("SK hynix began supplying HBM3E to Nvidia in July 2025 and plans mass production of HBM4 in the second half of next year.",
                 ["July 2025", "the second half of next year"], id="month year and half"),
    pytest.param("TSMC's 2nm capacity will reach 100,000 wafers per month by late 2026.", ["late 2026"], id="late 2026"),
    pytest.param("Micron beat estimates in 4Q25 and expects HBM sales to double in 2H26.", ["4Q25", "2H26"], id="broker codes"),
    pytest.param("Samsung's foundry division posted a loss in Q3 2026, narrower than in the previous quarter.",
                 ["Q3 2026", "the previous quarter"], id="Q3 2026 and the previous quarter"),
    pytest.param("The plant in Taylor, Texas, is slated to start operations in mid-2027.", ["mid-2027"], id="mid-2027"),
    pytest.param("Rapidus said on Tuesday that it will begin pilot production on the 22nd.", ["Tuesday", "the 22nd"], id="the 22nd"),
    pytest.param("The contract, signed on July 24, 2025, runs until 2030.", ["July 24, 2025", "2030"], id="month day year"),
    pytest.param("Shipments started on 24 July 2025, according to a regulatory filing dated 2025-07-24.",
                 ["24 July 2025", "2025-07-24"], id="day month year and ISO"),
    pytest.param("Earlier this month, Nvidia said demand would outstrip supply through the first half of 2027.",
                 ["Earlier this month", "the first half of 2027"], id="earlier this month"),
    pytest.param("Intel expects 18A to be in high-volume manufacturing by the end of this year, a year later than planned.",
                 ["the end of this year"], id="a year later is not a date"),
    pytest.param("Last year's fourth quarter was the strongest in the company's history, the CFO said yesterday.",
                 ["Last year's fourth quarter", "yesterday"], id="possessive quarter"),
    pytest.param("AMD will ship the MI450 early next year, while the MI500 is due in 2027.", ["early next year", "2027"], id="early next year"),
    pytest.param("Sales in H1 2026 rose 35%, the company said in its FY2025 annual report.", ["H1 2026", "FY2025"], id="H1 and FY"),
    pytest.param("Nvidia reported record revenue for the third quarter of fiscal 2026 on Wednesday.",
                 ["the third quarter of fiscal 2026", "Wednesday"], id="fiscal quarter"),
    pytest.param("The company has invested in AI since 2023, a bet on the 2020s.", ["2023", "the 2020s"], id="year and decade"),
    pytest.param("Samsung started mass production of HBM4 last month and will begin shipments next month.",
                 ["last month", "next month"], id="last and next month"),
    pytest.param("The deal was announced last Tuesday, two weeks after the board approved it.", ["last Tuesday"], id="last Tuesday"),
    pytest.param("Production is scheduled to begin in the first quarter, with a full ramp by year-end.",
                 ["the first quarter", "year-end"], id="yearless quarter and year-end"),
    pytest.param("Broadcom shipped custom accelerators to OpenAI in March, and volume will pick up in May.",
                 ["March", "May"], id="March and May after a preposition"),
    pytest.param("Samsung aims to make 2nm chips for Tesla's AI6 in late 2026 or early 2027.", ["late 2026", "early 2027"], id="late or early"),
    pytest.param("Kioxia said on Monday, Nov. 24, 2025, that it would raise NAND prices.", ["Monday, Nov. 24, 2025"], id="weekday with full date"),
    pytest.param("Today, the chipmaker unveiled its roadmap through 2028.", ["Today", "2028"], id="Today at sentence start"),
    pytest.param("Revenue rose 12% from the same quarter last year; this year it should grow faster.",
                 ["the same quarter last year", "this year"], id="same quarter last year"),
    pytest.param("The fab, first planned for 2024, slipped to 2026 Q1 and then to Q4'26.", ["2024", "2026 Q1", "Q4'26"], id="year codes"),
    pytest.param("The order was placed in week 30 of 2025, the 2025-W30 shipment list shows.", ["week 30 of 2025", "2025-W30"], id="weeks"),
    pytest.param("CoWoS capacity should pass 100k wpm by end-2026, while A16 enters HVM in 2H26.", ["end-2026", "2H26"], id="end-2026"),
    pytest.param("Hanmi said the supply period runs from the 7th to the end of this year.", ["the 7th", "the end of this year"], id="the 7th"),
    pytest.param("Two years ago, the company bet on HBM; a month ago it doubled down.", ["Two years ago", "a month ago"], id="ago"),
    pytest.param("It will wrap up the talks the following year.", ["the following year"], id="the following year"),
    pytest.param("The plan calls for 2030 units of output in 2030, the 2030 target.", ["2030", "2030"], id="year beside a count"),
    pytest.param("Broadcom reported on Thursday, and its shares fell 11% the next day.", ["Thursday", "the next day"],
                 id="the next day"),
    pytest.param("SK hynix denied the report the same day.", ["the same day"], id="the same day"),
    pytest.param("The designer expects to decide on volume by midyear.", ["midyear"], id="midyear"),
    pytest.param("The contract was signed on 07/24/2025.", ["07/24/2025"], id="US numeric day"),
    pytest.param("The contract was signed on 24.07.2025.", ["24.07.2025"], id="dotted numeric day"),
    pytest.param("Sales will rise in H2 and fall by 1H.", ["H2", "1H"], id="half codes without a year after a preposition"),
]


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_find_dates(sentence, expected):
    found = [sentence[c.start:c.end] for c in find_dates(sentence)]
    assert len(found) == len(expected)
    assert found == expected


NOT_DATES = [
    pytest.param("Nvidia's H20 and H2 chips and the H2 gas line.", id="H2 is a chip or hydrogen away from a preposition"),
    pytest.param("Furiosa CEO June Paik said the deal proves the chip can compete.", id="a first name after a title"),
    pytest.param("A new generation of chips is launched every six months.", id="six months"),
    pytest.param("Achieving that speed with a six-month cycle will exceed the team's capabilities.", id="six-month cycle"),
    pytest.param("It took two years to qualify the 12-month contract.", id="two years"),
    pytest.param("Samsung's leading 2nm process and TSMC's 2-nanometer node.", id="2nm"),
    pytest.param("The accelerator is priced at $2030 per unit.", id="$2030"),
    pytest.param("Shipments reached 2,030 units in the period.", id="2,030 units"),
    pytest.param("Shipments reached 2030 units and the plant hired 2000 employees.", id="year-like counts"),
    pytest.param("The new HBM4 stacks and H100, H20 and B200 GPUs.", id="HBM4 and GPU names"),
    pytest.param("Project Q is under way and Q alone is no quarter.", id="Q alone"),
    pytest.param("Memory prices may rise further, analysts said.", id="may as a verb"),
    pytest.param("May Mobility, a robotaxi startup, ordered GPUs.", id="May as a name"),
    pytest.param("Chipmakers march toward 1.4nm as rivals March on.", id="march as a verb"),
    pytest.param("In recent years and in prior years demand grew; recently it slowed but will recover soon.", id="vague periods"),
    pytest.param("The call started at 3 p.m. and ended at 16:30.", id="sub-day times"),
    pytest.param("Over the past year and over the last year, sales doubled.", id="past and last year as durations"),
    pytest.param("Gamers still buy the RTX 2080 and GTX 1080.", id="model numbers"),
    pytest.param("The 22nd annual Semicon Korea opened with the first and second generations of MTIA.", id="the 22nd annual"),
    pytest.param("USA Today reported the deal, citing Business Today.", id="outlets named Today"),
    pytest.param("About half of this total investment goes to chips in the early stages of design.", id="half and early"),
    pytest.param("The firm priced RMB 2030 of shares at US$2025.", id="currency before a year-like number"),
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_dates(sentence):
    assert [sentence[c.start:c.end] for c in find_dates(sentence)] == []


KNOWN_MISSES = [
    pytest.param("Revenue peaked in the last quarter of 2025.", ["the last quarter of 2025"], id="the last quarter of YEAR",
                 marks=pytest.mark.xfail(strict=True, reason="'last' is not an ordinal: only '2025' is found")),
    pytest.param("The forum runs July 24-25, 2025 in Seoul.", ["July 24-25, 2025"], id="day range",
                 marks=pytest.mark.xfail(strict=True, reason="day ranges are not one span")),
    pytest.param("Sales rose 20% from a year earlier.", ["a year earlier"], id="a year earlier",
                 marks=pytest.mark.xfail(strict=True, reason="'a year earlier' needs the reference period's granularity")),
    pytest.param("Samsung will finish the line this summer.", ["this summer"], id="seasons",
                 marks=pytest.mark.xfail(strict=True, reason="seasons are not covered")),
    pytest.param("June Park, an analyst at a brokerage, expects more orders.", [], id="June as a first name",
                 marks=pytest.mark.xfail(strict=True, reason="a capitalized month name that is a person's name is found")),
]


@pytest.mark.parametrize(("sentence", "expected"), KNOWN_MISSES)
def test_known_misses(sentence, expected):
    assert [sentence[c.start:c.end] for c in find_dates(sentence)] == expected


def test_find_dates_gives_rule_ids_and_offsets():
    text = "Samsung expects a profit in the fourth quarter of this year."
    found = find_dates(text)
    assert len(found) == 1
    assert found[0].rule == "date.subperiod"
    assert text[found[0].start:found[0].end] == "the fourth quarter of this year"


def _full_scan(text: str) -> list[tuple[int, int]]:
    """The plain finditer that find_dates's trigger windows must reproduce."""
    spans = []
    for match in date_rules.FINDER.finditer(text):
        if not _rejected(date_rules.RULE_IDS[int(match.lastgroup[1:])], match, text):
            spans.append(match.span())
    return spans


def test_trigger_windows_find_what_a_full_scan_finds():
    sentences = [p.values[0] for p in itertools.chain(FIND_CASES, NOT_DATES, KNOWN_MISSES)]
    text = "\n".join(sentences)
    expected = _full_scan(text)
    assert len(expected) > 60
    assert [(c.start, c.end) for c in find_dates(text)] == expected


SEED_GOLD = [
    ("this year", _year(2026, "since")),
    ("the end of 2030", _year(2030, "by")),
    ("next year", _year(2027)),
    ("Earlier in the day", _day("2026-11-23")),
    ("last year", _year(2025)),
    ("the fourth quarter of this year", DateValue(value="2026-Q4", start="2026-10-01", end="2026-12-31", relation="in")),
]

SEED_TEXT = """\
The first and second generations of Meta's self-developed AI accelerator "MITA" were previously mass-produced by TSMC, \
but since the third generation launched this year, the company has chosen Samsung Foundry as its partner.
Meta aims to build a data center with a total installed capacity of 5 gigawatts (GW) by the end of 2030, so it cannot \
rely solely on external chips. To this end, Meta plans to establish an ultra-high-speed development system,A new \
generation of chips is launched every six months, and will upgrade from third-generation chips to fifth-generation chips next year.
Samsung is becoming the core production base of technology giant ASIC

Earlier in the day, there were reports that American artificial intelligence startup Anthropic is also using Samsung's \
2-nanometer process to develop ASIC chips.
"Starting from Tesla's AI chip order last year, orders for AI server semiconductors received by Samsung's foundry have \
entered a stage of rapid growth... and operating profits are expected to be achieved in the fourth quarter of this year."
"""


def test_seed_article_dates_match_the_gold():
    found = find_dates(SEED_TEXT)
    assert len(found) == len(SEED_GOLD)
    for candidate, (text, value) in zip(found, SEED_GOLD):
        assert SEED_TEXT[candidate.start:candidate.end] == text
        before = SEED_TEXT[max(0, candidate.start - 80):candidate.start]
        assert parse_date(text, NOV23, before=before) == value


ABSOLUTE_CASES = [
    pytest.param("Q4 2025", True, id="Q4 2025"),
    pytest.param("2025-07-24", True, id="ISO day"),
    pytest.param("mid-2027", True, id="modified year"),
    pytest.param("2025's Q3", True, id="possessive year"),
    pytest.param("the 2020s", True, id="decade"),
    pytest.param("Last year's fourth quarter", False, id="possessive relative year"),
    pytest.param("July last year", False, id="month of a relative year"),
    pytest.param("the previous quarter", False, id="previous quarter"),
    pytest.param("Monday", False, id="weekday"),
    pytest.param("Nov. 24", False, id="yearless day"),
    pytest.param("six months", False, id="not a date"),
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE_CASES)
def test_is_absolute(text, expected):
    assert is_absolute(text) is expected


DIRECTION_CASES = [
    pytest.param("Samsung said it will start mass production in July.", None, "future", id="said ... will"),
    pytest.param("Meta aims to build 5 GW by the end of 2030.", None, "future", id="aims to, by the end of"),
    pytest.param("The chip is expected to enter production in March.", None, "future", id="expected to"),
    pytest.param("The order was signed in March.", None, "past", id="was"),
    pytest.param("TSMC shipped the first wafers on Nov. 3.", None, "past", id="-ed verb"),
    pytest.param("The deal closed two months ago.", None, "past", id="-ed verb and ago"),
    pytest.param("Musk said in October that AI5 would be made by both Samsung and TSMC.", 17, "past", id="clause of the date"),
    pytest.param("Samsung, which signed the deal last week, will ship in May.", 54, "future", id="clause of the date: future"),
    pytest.param("Samsung's self-developed chips in May", None, None, id="hyphenated participle is no cue"),
    pytest.param("HBM prices in January", None, None, id="no cue"),
    pytest.param("Caldris agreed to buy 8,000 MI450s, the companies said, with deliveries from the third quarter.",
                 86, None, id="a with-phrase keeps its own time"),
    pytest.param('Nvidia placed orders, with shipments set to ramp up from the second quarter.', 57, None, id='ramp up from is no comparison with the past'),
    pytest.param('The TPU die is its first Google program, with volume slated for the third quarter.', 64, None, id='slated looks ahead'),
    pytest.param('The line has been qualified by MediaTek — first panels in the third quarter.', 58, None, id='a dash ends a clause'),
    pytest.param('TSMC told investors in January that packaging would grow.', 23, 'past', id='an irregular past verb in the clause'),
    pytest.param('Capacity should reach 190k wpm by the end of the year, up from 160k wpm in March.', 75, 'past', id='up from compares with the past'),
    pytest.param('The CCD was the first product, back in April; volume will follow in 2H26.', 39, 'past', id='back in'),
    pytest.param('The systems are to be installed in Finland by December.', 46, 'future', id='to be + participle looks ahead'),
    pytest.param('The designer signed in June; its wafers start ramping in November.', 57, None, id='a clause without a cue borrows no tense from the sentence'),
    pytest.param("Apple's A20 has run in volume since May, and the iPhone maker adds the M6 next year.", 36, None, id='no cue in the clause of the date'),
]


@pytest.mark.parametrize(("sentence", "at", "expected"), DIRECTION_CASES)
def test_guess_direction(sentence, at, expected):
    assert guess_direction(sentence, at=at) == expected


def test_dates_yaml_is_consistent():
    data = load_yaml("dates.yaml")
    names = [name for names in data["months"].values() for name in names]
    assert len(names) == len(set(names)) == 24
    assert sorted(data["months"]) == list(range(1, 13))
    assert sorted(data["weekdays"]) == list(range(1, 8))
    assert set(data["ambiguous_months"]) <= {names[0] for names in data["months"].values()}
    for key in ("month_cue_words", "relation_skip", "day_followers", "year_units", "year_prefixes", "since_clause_verbs"):
        assert len(data[key]) == len(set(data[key])), key
        assert all(isinstance(word, str) for word in data[key]), key
    allowed = set(Relation.__args__)
    assert set(data["relations"].values()) <= allowed
    assert set(data["relations_after_from"].values()) <= allowed
    assert all(entry["base"] in {"anchor", "reference"} for entry in data["relative"].values())
    assert "past" not in data["relative"], "the past year is a duration (see the YAML header)"
    for cue_list in data["direction_cues"].values():
        assert len(cue_list) == len(set(cue_list))
    for pattern in data["direction_cues"]["future_regex"]:
        re.compile(pattern)

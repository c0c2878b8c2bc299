"""Agency datelines: the forms wire services use, and what must not be taken for one."""
import pytest

from casus.ingest.dateline import parse_dateline, parse_standalone_date

FORMS = [
    # opening, dateline text, place, publisher, (year, month, day)
    ("TOKYO, January 26. /TASS/. Japan plans to speed up cooperation.", "TOKYO, January 26. /TASS/.",
     "Tokyo", "TASS", (None, 1, 26)),
    ("MOSCOW (Reuters) - Russia said on Friday it would talk.", "MOSCOW (Reuters) -", "Moscow", "Reuters",
     (None, None, None)),
    ("SALVADOR, Feb 26 - Showers continued throughout the week.", "SALVADOR, Feb 26 -", "Salvador", None,
     (None, 2, 26)),
    ("WASHINGTON, March 3 (AP) — The Senate voted.", "WASHINGTON, March 3 (AP) —", "Washington", "AP",
     (None, 3, 3)),
    ("BEIJING, March 3 (Xinhua) -- China opened.", "BEIJING, March 3 (Xinhua) --", "Beijing", "Xinhua",
     (None, 3, 3)),
    ("LONDON (AFP) - Britain said.", "LONDON (AFP) -", "London", "AFP", (None, None, None)),
    ("NEW YORK, Jan. 5, 2019 (Reuters) - Stocks fell.", "NEW YORK, Jan. 5, 2019 (Reuters) -", "New York",
     "Reuters", (2019, 1, 5)),
    ("KYIV, Ukraine (AP) — Ukraine's president said.", "KYIV, Ukraine (AP) —", "Kyiv", "AP",
     (None, None, None)),
    ("UNITED NATIONS, Oct 4 - The Security Council met.", "UNITED NATIONS, Oct 4 -", "United Nations", None,
     (None, 10, 4)),
]


@pytest.mark.parametrize("opening, text, place, publisher, ymd", FORMS)
def test_dateline_forms(opening, text, place, publisher, ymd):
    found = parse_dateline(opening)
    assert found is not None
    assert found.text == text
    assert (found.place, found.publisher) == (place, publisher)
    assert (found.year, found.month, found.day) == ymd


@pytest.mark.parametrize("opening, text", [(f[0], f[1]) for f in FORMS])
def test_span_is_offset_into_text_and_leaves_the_first_sentence(opening, text):
    document = "Headline here\n\n" + opening
    found = parse_dateline(opening, offset=15)
    assert document[found.start:found.end] == found.text == text
    rest = document[found.end:].strip()
    assert rest and rest[0].isupper()  # the first sentence starts after the dateline, whole


def test_place_names_with_particles_and_hyphens():
    assert parse_dateline("RIO DE JANEIRO, May 3 - Brazil said.").place == "Rio de Janeiro"
    assert parse_dateline("PORT-AU-PRINCE, Haiti (AP) — Haiti said.").place == "Port-au-Prince"
    assert parse_dateline("ST. LOUIS (AP) — A jury said.").place == "St. Louis"


@pytest.mark.parametrize("opening", [
    "Japan plans to speed up cooperation with Russia.",
    "BREAKING: Japan plans to speed up cooperation.",
    "Japan, Russia - talks resume.",  # title case without a date or publisher
    "LONDON, Feb 30 - no such day.",
    "WASHINGTON-based groups said.",
    "",
])
def test_not_a_dateline(opening):
    assert parse_dateline(opening) is None


def test_title_case_dateline_needs_date_or_publisher():
    found = parse_dateline("Tokyo, Jan 26 (Reuters) - Japan said.")
    assert (found.place, found.publisher, found.month, found.day) == ("Tokyo", "Reuters", 1, 26)


@pytest.mark.parametrize("line, ymd", [
    ("Friday, January 4, 2019 ", (2019, 1, 4)),
    ("4 January 2019", (2019, 1, 4)),
    ("2019-01-04", (2019, 1, 4)),
])
def test_standalone_date_lines(line, ymd):
    found = parse_standalone_date(line)
    assert (found.year, found.month, found.day) == ymd and found.place is None
    assert line[found.start:found.end] == found.text


def test_standalone_date_rejects_sentences():
    assert parse_standalone_date("On Friday, January 4, 2019 the building collapsed.") is None
    assert parse_standalone_date("Friday") is None

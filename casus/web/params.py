"""Checking what a request asks for: filters, dates, page sizes; bad input raises ValueError with a message."""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from casus.query import DATE_FIELDS, Filters, place_bases

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_TEXT = 200  # characters of a free-text filter

_CODE = re.compile(r"\d{1,4}")
_COUNTRY = re.compile(r"[A-Za-z]{3}")
_WORD = re.compile(r"[A-Za-z_\-]{1,40}")
_ACTOR = re.compile(r"[A-Za-z]{2,}[A-Za-z0-9]*")

FILTER_KEYS = ("actor", "country", "code", "plover", "mode", "since", "until", "date_field", "place", "text",
               "place_basis")


def check_date(value: str | None, name: str) -> str | None:
    """A YYYY-MM-DD date string as given, or None; ValueError names the parameter."""
    if value is None or value == "":
        return None
    try:
        if len(value) != 10:
            raise ValueError
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{name}: expected a date YYYY-MM-DD, got {value!r}") from None


def check_limit(limit: int | None, offset: int | None = 0) -> tuple[int, int]:
    """A page size in 1..MAX_LIMIT and an offset ≥ 0."""
    limit = DEFAULT_LIMIT if limit is None else int(limit)
    offset = 0 if offset is None else int(offset)
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit: must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise ValueError(f"offset: must be 0 or more, got {offset}")
    return limit, offset


def _text(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise ValueError(f"{name}: at most {MAX_TEXT} characters")
    return value.strip()


def _match(value: str | None, pattern: re.Pattern[str], name: str, want: str) -> str | None:
    value = _text(value, name)
    if value is not None and not pattern.fullmatch(value):
        raise ValueError(f"{name}: expected {want}, got {value!r}")
    return value


def check_actor_code(value: str | None, name: str) -> str | None:
    """An actor code prefix such as RUS or USAGOV."""
    return _match(value, _ACTOR, name, "an actor code such as RUS or USAGOV")


def make_filters(actor: str | None = None, country: str | None = None, code: str | None = None,
                 plover: str | None = None, mode: str | None = None, since: str | None = None,
                 until: str | None = None, date_field: str | None = None, place: str | None = None,
                 text: str | None = None, place_basis: str | None = None) -> Filters:
    """The `casus query` filters, checked; ValueError says which one is wrong and why."""
    since, until = check_date(since, "since"), check_date(until, "until")
    if since and until and since > until:
        raise ValueError(f"since ({since}) is after until ({until})")
    date_field = date_field or "event"
    if date_field not in DATE_FIELDS:
        raise ValueError(f"date_field: must be one of {', '.join(DATE_FIELDS)}, not {date_field!r}")
    return Filters(
        actor=_text(actor, "actor"),
        country=_match(country, _COUNTRY, "country", "an ISO alpha-3 code such as RUS"),
        code=_match(code, _CODE, "code", "a CAMEO code prefix of 1-4 digits"),
        plover=_match(plover, _WORD, "plover", "a PLOVER type such as CONSULT"),
        mode=_match(mode, _WORD, "mode", "a mode such as asserted"),
        since=since, until=until, date_field=date_field,
        place=_text(place, "place"), text=_text(text, "text"),
        place_basis=",".join(place_bases(place_basis)) if _text(place_basis, "place_basis") else None)


def filters_from(params: Mapping[str, str]) -> Filters:
    """Filters from a page's query string (unknown keys ignored)."""
    return make_filters(**{k: params.get(k) for k in FILTER_KEYS})


def filter_query(f: Filters) -> dict[str, str]:
    """The non-empty filters as query-string parameters (for links and API calls)."""
    out = {k: getattr(f, k) for k in FILTER_KEYS if getattr(f, k)}
    if out.get("date_field") == "event":
        del out["date_field"]
    return out

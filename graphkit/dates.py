"""Event dates: when a sentence says something happened, read against the article's date.

:func:`resolve_event_date` finds date phrases with a regular expression first (ISO dates,
"May 31", "31 May 2024", "on Thursday", "late Sunday", "in February", "yesterday") and only
then asks dateparser about the phrase, with ``RELATIVE_BASE`` set to the article's date and
``PREFER_DATES_FROM='past'`` (``'future'`` after "upcoming", "next" or "will"). Most sentences
have no such phrase and cost one regex search. Publication dates of whole articles are read by
:mod:`graphkit.ingest.dates`.

A weekday is the latest such day on or before the article date (news published on a Monday
says "on Monday" for that day). A month without a day resolves to ``YYYY-MM`` (ISO 8601 at
month precision, an ``xsd:gYearMonth``), never to an invented day.

Examples:
    >>> resolve_event_date("Colombia agreed late Sunday to take back migrants.", "2025-01-27")
    '2025-01-26'
    >>> resolve_event_date("Colombia's Supreme Court approved the request in March.", "2022-05-05")
    '2022-03'
    >>> resolve_event_date("The April 1 strike in Damascus killed seven.", "2024-04-14")
    '2024-04-01'
    >>> resolve_event_date("The upcoming May 31 presidential election.", "2026-02-10")
    '2026-05-31'
    >>> resolve_event_date("Petro met Trump.", "2026-02-10")
    ''
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBR = {m[:3]: i for i, m in enumerate(_MONTHS, start=1)} | {"sept": 9}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
_FUTURE = re.compile(
    r"\b(?:upcoming|next|coming|will|scheduled|planned)\b[^.;]{0,30}$", re.IGNORECASE
)
_PATTERN = re.compile(
    rf"""(?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)
    |(?P<md>\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?)
    |(?P<dm>\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}\b)?)
    |(?P<my>\b(?:in|since|until|by|during|early|late|mid-?)\s+{_MONTH}(?:\s+{_YEAR})?\b)
    |(?P<wd>\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)
    |(?P<rel>\b(?:yesterday|today)\b)""",
    re.VERBOSE | re.IGNORECASE,
)


# what every date phrase holds: an ASCII digit, a month's first three letters or "day"
# (weekdays, "today", "yesterday"); a sentence with none of them skips the search for phrases
_DIGIT = re.compile(r"[0-9]")
_DATE_WORDS = (*_MONTH_ABBR, "day")


def _may_hold_date(sentence: str) -> bool:
    """Whether the sentence can hold a date phrase at all (a quick test before the search).

    Examples:
        >>> _may_hold_date("Petro met Trump."), _may_hold_date("They met on SUNDAY.")
        (False, True)
    """
    if _DIGIT.search(sentence):
        return True
    folded = sentence.casefold()  # as the search's IGNORECASE folds ("ſept" is "sept")
    return any(word in folded for word in _DATE_WORDS)


def _base(article_date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(article_date[:10])
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _dateparser(phrase: str, base: dt.date, prefer: str) -> str:
    import dateparser

    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
            "PREFER_DATES_FROM": prefer,
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return parsed.date().isoformat() if parsed else ""


def _month_only(text: str, base: dt.date | None, prefer: str) -> str:
    words = re.findall(r"[A-Za-z]+|\d{4}", text)
    month = next(
        (
            _MONTH_ABBR.get(w.lower()[:4], 0) or _MONTH_ABBR.get(w.lower()[:3], 0)
            for w in words[1:2]
        ),
        0,
    )
    year = next((int(w) for w in words if w.isdigit()), None)
    if not month:
        return ""
    if year is None:
        if base is None:
            return ""
        year = base.year
        if prefer == "past" and month > base.month:
            year -= 1
        elif prefer == "future" and month < base.month:
            year += 1
    return f"{year:04d}-{month:02d}"


def _weekday(name: str, base: dt.date) -> str:
    back = (base.weekday() - _WEEKDAYS.index(name.lower())) % 7
    return (base - dt.timedelta(days=back)).isoformat()


def resolve_event_date(sentence: str, article_date: str) -> str:
    """The date a sentence gives its event, read relative to the article's date.

    Args:
        sentence: the sentence that states the event.
        article_date: the article's date as ``YYYY-MM-DD`` (or ``""``: only dates with a
            year can then be read).

    Returns:
        ``YYYY-MM-DD``, ``YYYY-MM`` for a month without a day, or ``""`` when the sentence
        dates nothing. The first date phrase of the sentence wins.
    """
    if not _may_hold_date(sentence):
        return ""
    base = _base(article_date)
    for match in _PATTERN.finditer(sentence):
        kind, text = match.lastgroup, match.group()
        prefer = "future" if _FUTURE.search(sentence[: match.start()]) else "past"
        if kind == "iso":
            return text
        if kind == "rel":
            if base is None:
                continue
            return (base - dt.timedelta(days=1 if text.lower() == "yesterday" else 0)).isoformat()
        if kind == "wd":
            if base is None:
                continue
            return _weekday(text, base)
        if kind == "my":
            found = _month_only(text, base, prefer)
            if found:
                return found
            continue
        has_year = re.search(_YEAR + r"\b", text) is not None
        if base is None and not has_year:
            continue
        found = _dateparser(text, base or dt.date.today(), prefer)
        if found:
            return found
    return ""

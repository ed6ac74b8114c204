"""Publication dates: find them near the top of an article, normalize them to ISO.

Examples:
    >>> find_date("Talks\\n\\nJanuary 27, 2025\\n\\nBOGOTÁ — Colombia agreed.")
    '2025-01-27'
    >>> parse_date("Thu, 05 May 2022 10:00:00 GMT")
    '2022-05-05'
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FULL_DATES = (
    re.compile(r"(?<!\d)" + _YEAR + r"-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(r"(?<!\d)" + _YEAR + r"/(?P<mnum>[01]?\d)/(?P<day>[0-3]?\d)(?!\d)"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b"),
    re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b"),
)
# An upper-case place name (optionally ", Region") then a comma and a month and day.
_CITY = r"[A-ZÀ-Þ][A-ZÀ-Þ.'’ -]{1,40}(?:,\s*[A-Za-zÀ-ÿ.'’ -]{1,30})?"
_DATELINE = re.compile(r"^\s*" + _CITY + r",\s+" + _MONTH + r"\s+" + _DAY + r"\b")
_SCAN_LINES = 6
_SHORT_LINE = 80
_CLOCK = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?!\d)")
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b")


def find_date(text: str, *, reference: dt.date | None = None) -> str:
    """Find the publication date near the top of an article: a date line or a dateline.

    Only the first few non-empty lines are searched (a line of 80 characters or more only for
    a dateline at its start), so dates inside the story are not taken. A dateline without a year
    (``BOGOTÁ, May 5 (Reuters) —``) takes the latest such date not after ``reference``
    (the file's modification date); without a reference it is skipped.

    Args:
        text: the article text.
        reference: the date a year-less dateline is read relative to.

    Returns:
        ``YYYY-MM-DD``, or ``""`` when no date is found.

    Examples:
        >>> find_date("BOGOTÁ, May 5 (Reuters) — Colombia extradited Otoniel.",
        ...           reference=dt.date(2022, 6, 1))
        '2022-05-05'
        >>> find_date("LONDON, March 14, 2018 — Britain expelled 23 diplomats.")
        '2018-03-14'
        >>> find_date("Tuesday, 02 January 2024 12:17 GMT\\nRubio calls Lavrov\\n"
        ...           "2025-05-17 02:00:40")
        '2025-05-17'
        >>> find_date("Colombia said on Monday that Petro had met Trump on May 5, 2022, "
        ...           "in the Oval Office.")
        ''
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()][:_SCAN_LINES]
    # a site's clock above the headline ("Tuesday, 02 January 2024 12:17 GMT") is the day the
    # page was saved or a stale banner; the article's own date stands below the headline
    if lines and is_clock_line(lines[0]):
        later = find_date("\n".join(lines[2:]), reference=reference)
        if later:
            return later
    for line in lines:
        dateline = _DATELINE.match(line)
        if dateline:
            found = match_date(line[: dateline.end() + 8])
            if found:
                return found
            if reference is not None:
                return _yearless(dateline, reference)
        if len(line) < _SHORT_LINE:
            found = match_date(line)
            if found:
                return found
    return ""


def _yearless(match: re.Match[str], reference: dt.date) -> str:
    month, day = _MONTHS[match.group("month").lower()], int(match.group("day"))
    for year in (reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference:
            return candidate.isoformat()
    return ""


def match_date(text: str) -> str:
    """The first complete, valid date written in ``text`` (no guessing), or ``""``.

    Examples:
        >>> match_date("Wednesday, 4th May 2022"), match_date("2022-02-30"), match_date("May 5")
        ('2022-05-04', '', '')
    """
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
            try:
                return dt.date(int(groups["year"]), month, int(groups["day"])).isoformat()
            except ValueError:
                continue
    return ""


def is_clock_line(line: str) -> bool:
    """True when a line is a weekday, a date and a time of day: a site's clock, not a byline.

    Examples:
        >>> is_clock_line("Tuesday, 02 January 2024 12:17 GMT")
        True
        >>> is_clock_line("2025-05-17 02:00:40"), is_clock_line("Tuesday, 02 January 2024")
        (False, False)
    """
    text = line.strip()
    if len(text) >= _SHORT_LINE or not match_date(text) or not _CLOCK.search(text):
        return False
    return bool(_WEEKDAY.match(text))


def is_date_line(line: str) -> bool:
    """True when a line is nothing but a date.

    Examples:
        >>> is_date_line("January 27, 2025"), is_date_line("Talks in January 27, 2025")
        (True, False)
    """
    return any(p.fullmatch(line.strip(" \t.,")) for p in _FULL_DATES)


def parse_date(value: str, *, reference: dt.date | None = None) -> str:
    """Normalize a metadata date (ISO, ``May 5, 2022``, RFC 2822, ...) to ``YYYY-MM-DD``.

    Args:
        value: the date as written in a header, JSON field or HTML metadata.
        reference: the date relative expressions ("yesterday") are read from.

    Returns:
        ``YYYY-MM-DD``, or ``""`` for an empty or unreadable value, or one without a year.

    Examples:
        >>> parse_date("2022-05-05T14:30:00Z"), parse_date("5 May 2022")
        ('2022-05-05', '2022-05-05')
        >>> parse_date("someday"), parse_date("")
        ('', '')
    """
    value = str(value).strip()
    if not value:
        return ""
    found = match_date(value)
    if found:
        return found
    import dateparser

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    parsed = dateparser.parse(value, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else ""

"""Page furniture: the lines of a published page that are not the article's text.

A saved news page keeps its navigation ("Skip to main content", "Accessibility links"),
links to other stories ("Read More: ...", "Related: ..."), share and cookie lines, section
names ("WORLD", "News / Africa"), photo credits and captions ("(Photo: ...)", "FILE - ...",
"... (AP Photo/...)"), menus ("Home | World | Politics"), label lines ("Tags: ...") and
bylines ("By Jane Doe", "Ahmed Hassan - World News Editor", "Jane Doe | VOA News"). Read as
text they become false actors and relations. :func:`strip_furniture` removes those lines,
takes the title of a ``Headline:`` label line, finds the dateline ("TEHRAN, Iran (AP) —",
"WASHINGTON -", a "Washington, DC" line beside the date line) and cuts an unfinished fragment
off the end of a page that was cut off mid-sentence ("... the Ministry of Welfare and Soci").

The patterns are data: ``furniture.csv`` in the lexicon folder (``kind,class,pattern,example``).
``kind`` says what a matching line does: ``drop`` (the whole line, stripped, matches: it is
removed), ``strip`` (the part of the line that matches is removed: a caption's "FILE -" and
"(AP Photo/...)" markers, while the caption itself stays text), ``headline`` (the line is
replaced by its ``title`` group, the article's title), ``dateline`` (matches at the start of a
line of the page's head or first paragraph: its ``place`` group is the article's dateline; a
dateline alone on its line is joined to the paragraph after it, as it is printed inline
elsewhere) and ``place_line`` (a whole line next to a date line: removed, and its ``place`` is
the dateline). ``class`` names the kind of furniture and ``example`` is a line the pattern must
match (the tests check each).

Examples:
    >>> page = "Skip to main content\\n\\nWORLD\\n\\nIran and Iraq sign a deal\\n\\n"
    >>> page += "By Jane Doe\\n\\nTEHRAN, Iran (AP) — Iran and Iraq signed a deal.\\n\\n"
    >>> page += "Share this\\n"
    >>> cleaned = strip_furniture(page)
    >>> print(cleaned.text)
    Iran and Iraq sign a deal
    <BLANKLINE>
    TEHRAN, Iran (AP) — Iran and Iraq signed a deal.
    <BLANKLINE>
    >>> cleaned.dateline, cleaned.removed
    ('TEHRAN, Iran', ('Skip to main content', 'WORLD', 'By Jane Doe', 'Share this'))
"""

from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graphkit.config import LEXICON_DIR, Settings
from graphkit.errors import InputError
from graphkit.ingest.dates import is_date_line
from graphkit.ingest.wrapping import unwrap
from graphkit.records import Article

KINDS = ("drop", "strip", "headline", "dateline", "place_line")
LONGEST_LINE = 600
"""Furniture lines are short: a longer line is always kept."""
MAX_FRAGMENT_WORDS = 40
"""An unfinished end of a page longer than this is kept (it is more than a cut-off tail)."""
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
_RUNNING_TEXT = 200  # a line this long is running text
_SIGNATURE_MARKS = (":", ",", ";", "|")
_RUNNING_END = re.compile(r"[.!?…,;][\"'”’)\]]*$")
_INNER_SENTENCE_END = re.compile(r"[a-z)][.!?][\"'”’]*\s+[\"'“‘]?[A-Z]")


@dataclass(frozen=True)
class Rule:
    """One row of ``furniture.csv``."""

    kind: str
    name: str
    pattern: re.Pattern[str]
    example: str


@dataclass(frozen=True)
class Cleaned:
    """A page's text without its furniture, and what the furniture said."""

    text: str
    title: str = ""
    """The title of a ``Headline:`` label line, else ``""``."""
    dateline: str = ""
    """The place of the dateline ("TEHRAN, Iran"), else ``""``."""
    removed: tuple[str, ...] = ()
    """The furniture lines removed (and a cut-off fragment), in page order."""


def _furniture_path(lexicon_dir: Path | None) -> Path:
    if lexicon_dir is not None:
        return Path(lexicon_dir) / "furniture.csv"
    folder = Path(Settings().lexicon_dir)
    path = folder / "furniture.csv"
    return path if path.exists() else LEXICON_DIR / "furniture.csv"


@cache
def furniture_rules(lexicon_dir: Path | None = None) -> tuple[Rule, ...]:
    """The rows of ``furniture.csv``, compiled, in file order.

    Raises:
        InputError: the file cannot be read, a kind is unknown or a pattern is not a valid
            regular expression.

    Examples:
        >>> sorted({rule.kind for rule in furniture_rules()})
        ['dateline', 'drop', 'headline', 'place_line', 'strip']
    """
    path = _furniture_path(lexicon_dir)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as err:
        msg = f"cannot read the furniture patterns in {path}: {err.strerror or err}"
        raise InputError(msg) from err
    rules = []
    for number, row in enumerate(rows, start=2):
        kind = row.get("kind") or ""
        if kind not in KINDS:
            msg = f"{path} line {number}: unknown kind {kind!r}; use one of {', '.join(KINDS)}"
            raise InputError(msg)
        try:
            pattern = re.compile(row.get("pattern") or "")
        except re.error as err:
            msg = f"{path} line {number}: the pattern is not a valid regular expression ({err})"
            raise InputError(msg) from err
        rules.append(Rule(kind, row.get("class") or "", pattern, row.get("example") or ""))
    return tuple(rules)


def _rules(kind: str) -> list[Rule]:
    return [rule for rule in furniture_rules() if rule.kind == kind]


def furniture_kind(line: str) -> str:
    """The class of furniture a whole line is (``"byline"``, ``"nav"``...), else ``""``.

    Examples:
        >>> furniture_kind("Ahmed Hassan - World News Editor"), furniture_kind("Read More")
        ('byline', 'link')
        >>> furniture_kind("Egypt condemned the attack.")
        ''
    """
    text = line.strip()
    if not text or len(text) > LONGEST_LINE:
        return ""
    for rule in _rules("drop"):
        if rule.pattern.fullmatch(text):
            return rule.name
    return ""


def find_dateline(line: str) -> tuple[str, bool]:
    """The dateline's place at the start of a line, and whether the line is only the dateline.

    Examples:
        >>> find_dateline("BOGOTÁ, May 5 (Reuters) — Petro met Trump.")
        ('BOGOTÁ', False)
        >>> find_dateline("JERUSALEM —")
        ('JERUSALEM', True)
        >>> find_dateline("U.S.-led forces struck.")
        ('', False)
    """
    text = line.strip()
    for rule in _rules("dateline"):
        match = rule.pattern.match(text)
        if match:
            return match.group("place").strip(), match.end() >= len(text.rstrip())
    return "", False


def is_running_text(line: str) -> bool:
    """A line of the article's paragraphs rather than of the page's head (a headline, a label).

    It ends a sentence or a clause (a period, a comma: text wrapped at a fixed width), holds
    a sentence end, opens with a dateline, or is 200 characters or longer.

    Examples:
        >>> is_running_text("BOGOTÁ - Colombian President Iván Duque met the envoy on Thursday,")
        True
        >>> is_running_text("Duque receives Maduro's envoy in Bogotá")
        False
    """
    text = line.strip()
    if len(text) >= _RUNNING_TEXT or _RUNNING_END.search(text):
        return True
    if _INNER_SENTENCE_END.search(text):
        return True
    place, alone = find_dateline(text)
    return bool(place) and not alone


def strip_furniture(text: str) -> Cleaned:
    """Remove a page's furniture lines, find its dateline and headline label, cut a cut-off end.

    A text without furniture comes back unchanged. Nothing is removed when it would leave
    no text.

    Examples:
        >>> strip_furniture("Petro met Trump.\\n").text
        'Petro met Trump.\\n'
        >>> strip_furniture("CAIRO —\\nEgypt condemned the attack.").text
        'CAIRO — Egypt condemned the attack.'
        >>> strip_furniture("Egypt condemned the attack. Officials of the Ministry of Soci").text
        'Egypt condemned the attack.'
    """
    lines = text.split("\n")
    kept: list[str] = []
    removed: list[str] = []
    title = dateline = ""
    in_head = True  # the head of the page and its first paragraph, where a dateline stands
    join_next = skip_blank = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if not skip_blank:
                kept.append(line)
            skip_blank = False
            continue
        skip_blank = False
        if furniture_kind(stripped) or _place_line(lines, index):
            removed.append(stripped)
            skip_blank = not kept or not kept[-1].strip()  # one paragraph break goes with it
            if not dateline and _place_line(lines, index):
                dateline = _place(stripped)
            continue
        for rule in _rules("strip"):
            bare = rule.pattern.sub("", stripped)
            if bare != stripped:
                removed.extend(m.group().strip() for m in rule.pattern.finditer(stripped))
                line = stripped = bare.strip()
        if not stripped:
            continue
        if not title:
            for rule in _rules("headline"):
                match = rule.pattern.fullmatch(stripped)
                if match:
                    title = line = match.group("title").strip()
                    break
        running = is_running_text(stripped)
        place, alone = find_dateline(stripped)
        if place and (alone or (running and in_head)):
            dateline = dateline or place  # a lone dateline line further down joins its text
            if alone:
                join_next = True
                kept.append(line.rstrip())
                continue
        if join_next:
            while kept and not kept[-1].strip():
                kept.pop()  # the blank lines between a lone dateline and its paragraph
            kept[-1] = f"{kept[-1]} {line.lstrip()}"
            join_next = False
        else:
            kept.append(line)
        if running:
            in_head = False
    body = unwrap("\n".join(kept))
    body, tail = _cut_unfinished(body)
    if tail:
        removed.append(tail)
    if not removed and body == text:
        return Cleaned(text, title=title, dateline=dateline)
    body = body.lstrip("\n")
    if not body.strip():
        return Cleaned(text)
    return Cleaned(body, title=title, dateline=dateline, removed=tuple(removed))


def _place(line: str) -> str:
    for rule in _rules("place_line"):
        match = rule.pattern.fullmatch(line.strip())
        if match:
            return match.group("place")
    return ""


def _place_line(lines: list[str], index: int) -> bool:
    """A "Washington, DC" line next to a date line (a press release's place and date)."""
    if not _place(lines[index]):
        return False
    before = [line for line in lines[:index] if line.strip()][-1:]
    after = [line for line in lines[index + 1 :] if line.strip()][:1]
    return any(is_date_line(line.strip()) for line in before + after)


def _cut_unfinished(body: str) -> tuple[str, str]:
    """Cut what follows the last sentence end when the page stops mid-sentence.

    Returns the kept text and the fragment cut (``""`` when nothing is cut): a page that
    does not end a sentence was cut off (or ends with a line of furniture); its last
    unfinished words are not read, as long as a finished sentence comes before them. A last
    line of its own with a colon or a comma is a signature or a source line, and is kept.
    """
    end = body.rstrip()
    if not end or _SENTENCE_END.search(end[-3:]):
        return body, ""
    ends = list(_SENTENCE_END.finditer(end))
    if not ends:
        return body, ""
    last = ends[-1]
    tail = end[last.end() :]
    if len(tail.split()) > MAX_FRAGMENT_WORDS:
        return body, ""
    if "\n" in tail and any(mark in tail for mark in _SIGNATURE_MARKS):
        return body, ""  # "Source: Ned Price, Department Spokesperson": a signature line
    return end[: last.end()], tail.strip()


def with_dateline(article: Article, page: Cleaned) -> Article:
    """The article with the dateline the page's furniture gave (the article itself if none)."""
    return dataclasses.replace(article, dateline=page.dateline) if page.dateline else article

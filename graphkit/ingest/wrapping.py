"""Text wrapped at a fixed width (wire scripts, plain-text releases, e-mail copies): its line
breaks fall inside sentences and names, so the lines of a paragraph are joined back.

A paragraph (lines between blank lines) is taken as wrapped when most of its line breaks fall
inside a sentence: the line does not end a sentence or clause and the next line opens with a
lower-case word. Then its lines are joined, a name split over two lines ("Greek President
Glafcos" / "Clerides") and a sentence ending at a line end ("Mr." / "De Soto") alike; a word
hyphenated at the line end keeps its hyphen ("week-" / "and-a-half"). Lines of their own stay
apart: script labels (``DATE=2/8/2000``, ``/// END ACT ///``) and lines in capitals.
Paragraphs of long lines (one paragraph per line, as web pages give them) and heads of short
capitalized lines (headline, byline, date) are left as they are.

Examples:
    >>> print(unwrap("Talks fail to\\nmake progress. He met Rauf\\nDenktash in the\\nold city."))
    Talks fail to make progress. He met Rauf Denktash in the old city.
    >>> print(unwrap("The White House\\nOffice of the Press Secretary\\n\\nPetro met Trump."))
    The White House
    Office of the Press Secretary
    <BLANKLINE>
    Petro met Trump.
"""

from __future__ import annotations

import re
from itertools import pairwise

WRAP_WIDTH = 100
"""Lines longer than this are no fixed-width wrapping."""

_ENDS_SENTENCE = re.compile(r"""[.!?;:"”’)\]]\s*$""")
_OWN_LINE = re.compile(r"^\s*(?:///|[A-Z][A-Z ]*=|[^a-z]*$)")
"""A script label (``DATE=``, ``/// ... ///``) or a line with no lower-case letter."""
_OPENS_LOWER = re.compile(r"^\s*[a-z0-9(]")


def unwrap(text: str) -> str:
    """The text with the line breaks inside sentences of its wrapped paragraphs joined."""
    return "\n\n".join(_unwrap_paragraph(p) for p in text.split("\n\n"))


def _inside(line: str, following: str) -> bool:
    """Whether the break between two lines falls inside a sentence."""
    return not (_ENDS_SENTENCE.search(line) or _OWN_LINE.match(line) or _OWN_LINE.match(following))


def _unwrap_paragraph(paragraph: str) -> str:
    lines = paragraph.split("\n")
    if len(lines) < 2 or any(len(line) > WRAP_WIDTH for line in lines):
        return paragraph
    pairs = list(pairwise(lines))
    wrapped = sum(_inside(a, b) and bool(_OPENS_LOWER.match(b)) for a, b in pairs)
    if 2 * wrapped < len(pairs):
        return paragraph
    out = [lines[0]]
    for line, following in pairs:
        if _OWN_LINE.match(line) or _OWN_LINE.match(following):
            out.append(following)
        elif line.rstrip().endswith("-"):
            out[-1] = out[-1].rstrip() + following.lstrip()
        else:
            out[-1] = f"{out[-1].rstrip()} {following.lstrip()}"
    return "\n".join(out)

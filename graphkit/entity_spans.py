"""spaCy's entity spans with the model's usual slips mended: words before a name, title words
tagged as organizations, a first name split off, a month name used as a surname, a titled name
tagged as a place, a name followed by "department" or "province".
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graphkit.actors import TITLE_WORDS
from graphkit.lexicon import word_class

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})

PLACE_NOUNS = word_class("place_nouns")


PERSON_TITLES = word_class("person_titles")


def _titled(span: Span) -> bool:
    """A name with a person's title right before it or in apposition to it."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in PERSON_TITLES:
        return True
    root = span.root
    heads = [c for c in root.children if c.dep_ == "appos"] + (
        [root.head] if root.dep_ == "appos" else []
    )
    return any(
        h.lemma_.lower() in PERSON_TITLES and h.i not in range(span.start, span.end) for h in heads
    )


def clean_ents(doc: Doc) -> list[Span]:
    """Entity spans with the model's usual slips mended.

    Title words tagged as organizations ("Defense" in "Defense Minister") are dropped; a
    first name split off a person ("Dairo" + "Antonio Úsuga") is joined back; a name followed
    by "department"/"province" is a place.
    """
    out: list[Span] = []
    ents = []
    for ent in doc.ents:
        # "Later Petro": words before a name that are not part of it
        start = ent.start
        while start < ent.end - 1 and doc[start].pos_ in (
            "ADV",
            "ADP",
            "CCONJ",
            "SCONJ",
            "PUNCT",
            "INTJ",
        ):
            start += 1
        ents.append(
            ent
            if start == ent.start
            else Span(doc, start, ent.end, label=ent.label_, kb_id=ent.kb_id_)
        )
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    for ent in ents:
        if (
            ent.label_ == "DATE"
            and len(ent) == 1
            and ent[0].lower_ in surnames
            and ent[0].dep_ in ("pobj", "nsubj", "dobj", "conj")
        ):
            # "spoke with May by phone": a month name used as a surname
            if not any(t.like_num for t in doc[max(0, ent.start - 1) : ent.end + 1]):
                out.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if ent.label_ not in ACTOR_LABELS or "\n" in ent.text:
            continue
        if all(t.lower_.rstrip(".") in TITLE_WORDS or t.is_punct for t in ent):
            continue
        if ent.end < len(doc) and doc[ent.end].text in ("$", "dollars") and ent.label_ == "GPE":
            continue  # "US $50 million" is money, not a country
        if (
            ent.label_ == "PERSON"
            and out
            and out[-1].end == ent.start
            and len(out[-1]) == 1
            and not out[-1].ent_id_
            and out[-1][0].is_title
            and out[-1][0].lower_ not in TITLE_WORDS
        ):
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        if ent.label_ in ("ORG", "GPE", "LOC", "FAC") and not ent.ent_id_ and _titled(ent):
            # "President Petro", "Petro, Colombia's president": a person whatever the model said
            out.append(Span(doc, ent.start, ent.end, label="PERSON"))
            continue
        if (
            out
            and out[-1].label_ == "PERSON"
            and out[-1].end == ent.start
            and len(ent) == 1
            and not ent.ent_id_
            and ent[0].is_title
            and ent.label_ in ("ORG", "GPE", "PERSON", "NORP")
        ):
            # "Hassan Sheikh" + "Mohamud": one name split in two
            out[-1] = Span(doc, out[-1].start, ent.end, label="PERSON")
            continue
        place_appos = any(
            c.dep_ == "appos" and c.lemma_ in PLACE_NOUNS for c in ent.root.children
        ) or (
            ent.start >= 2
            and doc[ent.start - 1].lower_ == "of"
            and doc[ent.start - 2].lemma_ in PLACE_NOUNS
        )  # "the Russian port of Novorossiysk"
        if (
            ent.label_ in ("ORG", "PERSON", "NORP")
            and not ent.ent_id_
            and ((ent.end < len(doc) and doc[ent.end].lower_ in PLACE_NOUNS) or place_appos)
        ):
            # "the Antioquia department", "Sinaloa, a state in northwestern Mexico": a place
            out.append(Span(doc, ent.start, ent.end, label="GPE"))
            continue
        out.append(ent)
    return out

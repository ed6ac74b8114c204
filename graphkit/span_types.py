"""What kind of actor a named-entity span stands for, from the gazetteers and word classes.

:func:`typed_actor` is the first guess :func:`graphkit.resolve.resolve_doc` starts from: a
country by name, demonym or seat of government, an organization of the gazetteer (or the
country whose body it is), a person the model tagged otherwise, a place, or a person.

Examples:
    >>> from graphkit.nlp import load_nlp
    >>> from graphkit.lexicon import load_lexicon
    >>> doc = load_nlp()("Bogotá extradited him to the United States.")
    >>> typed_actor(doc.ents[0], load_lexicon()).entity.name
    'Colombia'
"""

from __future__ import annotations

from spacy.tokens import Span

from graphkit.actors import Actor, country_entity, span_name, strip_titles
from graphkit.entity_spans import PLACE_NOUNS
from graphkit.lexicon import Country, Lexicon, city_country, norm, word_class
from graphkit.records import Entity

GIVEN_NAMES = word_class("given_names")
NAME_END_NOUNS = word_class("name_end_nouns")
VENUE_NOUNS = word_class("venue_nouns")
CROWD_NOUNS = word_class("crowd_nouns")
STATE_BODY_WORDS = word_class("state_body_words")
# words that alone name no particular body: "the Foreign Ministry", "Treasury", "Supreme Court"
GENERIC_BODY_WORDS = STATE_BODY_WORDS | word_class("generic_body_words")


def typed_actor(span: Span, lex: Lexicon) -> Actor | None:
    """A first guess at the actor a named-entity span stands for, from the gazetteers."""
    ident = span.ent_id_
    name = span_name(span)
    if ident.startswith(("country:", "seat:")):
        iso3 = ident.split(":", 1)[1]
        how = "name" if ident.startswith("country:") and span.label_ == "GPE" else "metonymy"
        if span.label_ == "NORP":
            how = "demonym"
        place = (
            Entity("Place", name, (), (("country", iso3),)) if ident.startswith("seat:") else None
        )
        return Actor(country_entity(lex, iso3), how, place)
    if "\n" in span.text or " - " in span.text:
        return None  # headings and bylines run into each other
    if span.label_ in ("PERSON", "ORG") and len(span) == 1:
        capital = lex.metonym(name)
        if capital is not None:  # "Bogotá" tagged as a person is still the capital
            return Actor(
                country_entity(lex, capital.iso3),
                "metonymy",
                Entity("Place", name, (), (("country", capital.iso3),)),
            )
    org = lex.organization(name) if span.label_ in ("ORG", "FAC", "GPE", "NORP", "PERSON") else None
    if org is not None and not org.country and org.kind == "international" and span.label_ == "ORG":
        # "the Philippine National Security Council" is no UN body: a country's own
        before = [
            t
            for t in span.doc[max(span.sent.start, span.start - 3) : span.start]
            if t.lower_ not in ("national", "federal", "supreme") and t.tag_ != "POS"
        ]
        country = (
            lex.country(before[-1].text)
            if before and before[-1].ent_type_ in ("NORP", "GPE")
            else None
        )
        if country is not None and not name.startswith(("U", "E")):
            return Actor(country_entity(lex, country.iso3), "metonymy")
    if org is not None:
        owner = _owning_country(span, lex) if org.kind == "state body" else None
        if owner is not None:  # "Pakistan's Foreign Office": Pakistan's own, not Britain's
            return Actor(country_entity(lex, owner.iso3), "metonymy", None)
        if org.country and org.country in lex.by_iso3:
            return Actor(country_entity(lex, org.country), "metonymy", None)
        home = (("country", org.home),) if org.home else ()
        return Actor(Entity("Organization", org.name, (), home), "name")
    if org is None and span.label_ in ("ORG", "FAC") and span[-1].lower_ in VENUE_NOUNS:
        return venue(span, name, lex)
    if span.label_ in ("ORG", "GPE", "LOC", "FAC") and person_name(span, name, lex):
        # "likening Otoniel to Pablo Escobar" (ORG), "Argentina's Milei" (GPE): a person
        return Actor(Entity("Person", name), "name")
    if span.label_ in ("GPE", "LOC", "NORP", "FAC"):
        country = lex.country(name)
        if country is not None:
            how = "demonym" if span.label_ == "NORP" else "name"
            return Actor(country_entity(lex, country.iso3), how)
        capital = lex.metonym(name)
        if capital is not None:
            return Actor(
                country_entity(lex, capital.iso3),
                "metonymy",
                Entity("Place", name, (), (("country", capital.iso3),)),
            )
        if span.label_ == "NORP":
            return None
        if len(span) > 1 and span[-1].is_lower and span[-1].lower_ in PLACE_NOUNS:
            name = span_name(span[:-1])  # "Nangarhar province" is Nangarhar
        city = city_country(name, lex)
        return Actor(Entity("Place", name, (), (("country", city.iso3),) if city else ()), "name")
    if span.label_ == "ORG":
        if span.root.lower_ in STATE_BODY_WORDS:
            # "Iran's Foreign Ministry", "the Colombian Defense Ministry": a state body acts for its
            # country
            for tok in span.doc[max(span.sent.start, span.start - 2) : span.end]:
                country = lex.country(tok.text) if tok.ent_type_ in ("GPE", "NORP") else None
                if country is not None:
                    return Actor(country_entity(lex, country.iso3), "metonymy")
        if all(t.lower_ in GENERIC_BODY_WORDS for t in span if t.is_alpha):
            # "the Foreign Ministry", "Cabinet", "the army": some country's body, not an actor of
            # its own
            return None
        root = span.root
        if len(span) == 1 and root.dep_ in ("compound", "amod") and root.head.lower_ in CROWD_NOUNS:
            return None  # "Cxlenardhon crowds": a nationality we do not know, no body
        return Actor(Entity("Organization", name), "name")
    if span.label_ == "PERSON":
        core = strip_titles(span)
        return Actor(Entity("Person", span_name(core)), "name")
    return None


def _owning_country(span: Span, lex: Lexicon) -> Country | None:
    """The country a possessive or a demonym right before a name, and hung on it, names
    ("Pakistan's Foreign Office", "the Ukrainian Security Service"), if any."""
    for tok in span.doc[max(span.sent.start, span.start - 2) : span.start]:
        if tok.ent_type_ in ("GPE", "NORP") and tok.head.i in range(span.start, span.end):
            country = lex.country(tok.text)
            if country is not None:
                return country
    return None


def venue(span: Span, name: str, lex: Lexicon) -> Actor:
    """A building named as one ("the Hayat Hotel"): a place, standing for the country of the
    city it is said to be in ("the Hayat Hotel in Mogadishu"), as a seat of government does.

    Examples:
        >>> from graphkit.nlp import load_nlp
        >>> from graphkit.lexicon import load_lexicon
        >>> doc = load_nlp()("Gunmen stormed the Hayat Hotel in Mogadishu.")
        >>> actor = venue(doc[2:5], "Hayat Hotel", load_lexicon())
        >>> actor.entity.name, actor.place.name
        ('Somalia', 'Hayat Hotel')
    """
    doc = span.doc
    start = end = span.end + 1
    if start < len(doc) and doc[span.end].lower_ == "in" and doc[start].ent_iob_ == "B":
        end += 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    city = doc[start:end].text if doc[start:end] and doc[start].ent_type_ == "GPE" else ""
    country = (lex.metonym(city) or city_country(city, lex)) if city else None
    if country is None:
        return Actor(Entity("Place", name), "name")
    place = Entity("Place", name, (), (("country", country.iso3),))
    return Actor(country_entity(lex, country.iso3), "metonymy", place)


def person_name(span: Span, name: str, lex: Lexicon) -> bool:
    """A name the model tagged an organization or a place that is a person's, by the lexicons.

    A known officeholder's name, or unique surname tagged a place ("Javier Milei", "Milei"), or two
    capitalized words the first of which is a given name ("Pablo Escobar"), unless the name
    is a country's, a capital's or a gazetteer city's, or ends in a place or body noun
    ("Jordan Valley"). Spans a pattern identified are left alone.
    """
    if span.ent_id_ or lex.country(name) or lex.metonym(name) or city_country(name, lex):
        return False
    key = norm(name)
    if key in lex.officeholders:
        return True
    if key in lex.officeholder_surnames:  # a bare surname tagged ORG is left to resolution
        return span.label_ != "ORG"
    words = [t for t in span if not t.is_punct]
    return (
        len(words) == 2
        and all(t.is_alpha and t.is_title for t in words)
        and words[0].lower_ in GIVEN_NAMES
        and words[1].lower_ not in PLACE_NOUNS
        and words[1].lower_ not in NAME_END_NOUNS
    )

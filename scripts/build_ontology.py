"""Generate ontology/graphkit.ttl and the relation lists of ontology/shapes.ttl from
ontology/relations.csv.

Run ``python scripts/build_ontology.py`` after editing the table (with ``GRAPHKIT_ONTOLOGY=DIR``
it reads and writes that folder instead of the package's); a test checks that the committed
Turtle matches the table.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit.vocab import (  # noqa: E402
    GK,
    GK_IRI,
    ONTOLOGY_DIR,
    PLOVER_CATEGORIES,
    PROV,
    WD,
    relations,
)

SCHEMA = "https://schema.org/"
W3C_ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"

CLASSES = {
    "Actor": ("actor", "Anything that acts or is acted upon in diplomatic news.", [PROV + "Agent"]),
    "Person": ("person", "A human actor.", [FOAF + "Person", SCHEMA + "Person", WD + "Q5"]),
    "Country": (
        "country",
        "A sovereign state, standing also for its government (metonymy resolves capitals to it).",
        [SCHEMA + "Country", WD + "Q6256"],
    ),
    "Organization": (
        "organization",
        "A government body, party, international organization, company or armed group.",
        [W3C_ORG + "Organization", SCHEMA + "Organization", WD + "Q43229"],
    ),
    "Place": (
        "place",
        "A city, region or building used as a place.",
        [SCHEMA + "Place", WD + "Q2221906"],
    ),
}

QUADS = {
    "AGREE": "verbal-cooperation", "CONSULT": "verbal-cooperation", "SUPPORT": "verbal-cooperation",
    "CONCEDE": "verbal-cooperation", "COOPERATE": "material-cooperation",
    "AID": "material-cooperation", "RETREAT": "material-cooperation", "REQUEST": "verbal-conflict",
    "ACCUSE": "verbal-conflict", "REJECT": "verbal-conflict", "THREATEN": "verbal-conflict",
    "PROTEST": "material-conflict", "SANCTION": "material-conflict",
    "MOBILIZE": "material-conflict", "COERCE": "material-conflict", "ASSAULT": "material-conflict",
}  # fmt: skip

EVIDENCE_PROPS = {
    "article": ("article", "The article the evidence was read from.", "object", GK.Article),
    "sentence": ("sentence", "The sentence the relation was read from.", "data", XSD.string),
    "sentenceStart": (
        "sentence start",
        "Character offset of the sentence in the article.",
        "data",
        XSD.integer,
    ),
    "start": (
        "start",
        "Character offset where the evidence span starts in the article.",
        "data",
        XSD.integer,
    ),
    "end": (
        "end",
        "Character offset where the evidence span ends in the article.",
        "data",
        XSD.integer,
    ),
    "cue": ("cue", "The word or phrase that signalled the relation.", "data", XSD.string),
    "confidence": (
        "confidence",
        "How likely the relation is right, from 0 to 1.",
        "data",
        XSD.decimal,
    ),
    "modality": ("modality", "asserted, negated, hypothetical or reported.", "data", XSD.string),
    "eventDate": (
        "event date",
        "The date the sentence gives for the event, resolved against the article date.",
        "data",
        XSD.date,
    ),
    "method": ("method", "Which extraction rule produced the relation.", "data", XSD.string),
    "contentHash": ("content hash", "SHA-256 of the article text.", "data", XSD.string),
    "dateline": (
        "dateline",
        'Where the article says it was filed, as its dateline names the place ("TEHRAN, Iran").',
        "data",
        XSD.string,
    ),
    "iso3": ("ISO 3166-1 alpha-3", "The country's three-letter code.", "data", XSD.string),
    "iso2": ("ISO 3166-1 alpha-2", "The country's two-letter code.", "data", XSD.string),
    "countryCode": (
        "country code",
        "ISO 3166-1 alpha-3 code of the country a place lies in (from "
        "the city gazetteer) or a collective actor belongs to "
        '("Sudanese rebels").',
        "data",
        XSD.string,
    ),
    "mergeReason": (
        "merge reason",
        "Why two names were resolved to one entity.",
        "data",
        XSD.string,
    ),
    "subjectName": (
        "subject name",
        "The name the article gave the subject of the relation.",
        "data",
        XSD.string,
    ),
    "objectName": (
        "object name",
        "The name the article gave the object of the relation.",
        "data",
        XSD.string,
    ),
    "mentions": (
        "mentions",
        "An entity the article names (its own, before resolution across articles).",
        "object",
        None,
    ),
    "subjectMention": (
        "subject mention",
        "The article's own entity for the subject, before "
        "resolution across articles (a name record of the "
        "entities graph).",
        "object",
        None,
    ),
    "objectMention": (
        "object mention",
        "The article's own entity for the object, before "
        "resolution across articles (a name record of the "
        "entities graph).",
        "object",
        None,
    ),
    "resolvesTo": (
        "resolves to",
        "Name record -> the one entity it was resolved to (in the entities graph).",
        "object",
        None,
    ),
    "nameKey": (
        "name key",
        "A normalized name under which resolution's index finds a name record.",
        "data",
        XSD.string,
    ),
    "mentionType": (
        "mention type",
        "The entity type an article gave a name record.",
        "data",
        XSD.string,
    ),
    "mentionLabel": (
        "mention label",
        "The name an article gave a name record's entity.",
        "data",
        XSD.string,
    ),
    "mentionName": (
        "mention name",
        "Another name an article gave a name record's entity.",
        "data",
        XSD.string,
    ),
    "mentionId": (
        "mention identifier",
        "An identifier (scheme=value) the article gave a name record's entity.",
        "data",
        XSD.string,
    ),
    "titledIn": (
        "titled in",
        "An article that names the record's entity with a title or office (evidence of a person).",
        "object",
        GK.Article,
    ),
    "articleCount": (
        "article count",
        "How many articles name a name record's entity so (its dcterms:isReferencedBy links).",
        "data",
        XSD.integer,
    ),
    "titledCount": (
        "titled count",
        "How many articles name a name record's entity with a title or office.",
        "data",
        XSD.integer,
    ),
    "pendingArticle": (
        "pending article",
        "An article whose entities still wait for resolution across articles.",
        "object",
        GK.Article,
    ),
}


def build() -> Graph:
    g = Graph()
    g.bind("gk", GK_IRI)
    g.bind("owl", OWL)
    g.bind("skos", SKOS)
    g.bind("prov", PROV)
    g.bind("wd", WD)
    g.bind("dcterms", DCTERMS)
    onto = URIRef(GK_IRI.rstrip("#"))
    g.add((onto, RDF.type, OWL.Ontology))
    g.add((onto, DCTERMS.title, Literal("graphkit: actors and relations in diplomatic news")))
    g.add((onto, OWL.versionInfo, Literal("0.1.0")))
    g.add((onto, RDFS.comment, Literal(
        "Actors (people, countries, organizations, places) and the relations news reports between "
        "them. Each event relation is a sub-property of its PLOVER category; static relations "
        "describe offices, memberships and locations. Named-graph layout: entity descriptions "
        "(type, label, other names, codes) live once, in the entities graph "
        "<https://w3id.org/graphkit/id/graph/entities>, with entity resolution's name records "
        "(gk:resolvesTo, gk:nameKey, gk:mergeReason) and pending marks (gk:pendingArticle); each "
        "article's graph, named by the article IRI, holds what the article said: the article "
        "node and the gk:Evidence of each relation it reports. In a store, each asserted "
        "relation triple is kept once, in the relations graph "
        "<https://w3id.org/graphkit/id/graph/relations>, while some article's asserted evidence "
        "supports it; in files (graphkit extract, graphkit merge), each article's graph also "
        "holds the asserted relation triples it reports. "
        "Generated from ontology/relations.csv."
    )))
    for name, (label, comment, matches) in CLASSES.items():
        cls = GK[name]
        g.add((cls, RDF.type, OWL.Class))
        g.add((cls, RDFS.label, Literal(label, lang="en")))
        g.add((cls, RDFS.comment, Literal(comment, lang="en")))
        if name != "Actor":
            g.add((cls, RDFS.subClassOf, GK.Actor))
        for m in matches:
            g.add((cls, SKOS.closeMatch, URIRef(str(m))))
    disjoint = BNode()
    g.add((disjoint, RDF.type, OWL.AllDisjointClasses))
    members = BNode()
    Collection(g, members, [GK.Person, GK.Country, GK.Organization, GK.Place])
    g.add((disjoint, OWL.members, members))

    for name, comment in (
        ("Article", "A news article; it names the graph its relations were read into."),
        ("Evidence", "Where a relation was read: article, sentence, offsets, cue, confidence."),
        ("PloverCategory", "Marker class for the PLOVER category properties."),
    ):
        g.add((GK[name], RDF.type, OWL.Class))
        g.add((GK[name], RDFS.label, Literal(name, lang="en")))
        g.add((GK[name], RDFS.comment, Literal(comment, lang="en")))
    g.add((GK.Article, RDFS.subClassOf, PROV.Entity))
    g.add((GK.Article, SKOS.closeMatch, URIRef(SCHEMA + "NewsArticle")))
    g.add((GK.Evidence, RDFS.subClassOf, RDF.Statement))
    g.add((GK.Evidence, RDFS.subClassOf, PROV.Entity))

    g.add((GK.interactedWith, RDF.type, OWL.ObjectProperty))
    g.add((GK.interactedWith, RDFS.label, Literal("interacted with", lang="en")))
    g.add((GK.interactedWith, RDFS.comment, Literal("Any event between two actors.", lang="en")))
    for cat in PLOVER_CATEGORIES:
        g.add((GK[cat], RDF.type, OWL.ObjectProperty))
        g.add((GK[cat], RDF.type, GK.PloverCategory))
        g.add((GK[cat], RDFS.subPropertyOf, GK.interactedWith))
        g.add((GK[cat], RDFS.label, Literal(f"PLOVER {cat}", lang="en")))
        g.add((GK[cat], GK.quadClass, Literal(QUADS[cat])))
        g.add((GK[cat], RDFS.domain, GK.Actor))
        g.add((GK[cat], RDFS.range, GK.Actor))

    for rel in relations():
        p = rel.iri
        g.add((p, RDF.type, OWL.ObjectProperty))
        g.add((p, RDFS.label, Literal(rel.label, lang="en")))
        g.add((p, RDFS.comment, Literal(rel.comment, lang="en")))
        if rel.symmetric:
            g.add((p, RDF.type, OWL.SymmetricProperty))
        if rel.is_event:
            g.add((p, RDFS.subPropertyOf, GK[rel.plover]))
            g.add((p, GK.ploverCategory, Literal(rel.plover)))
            g.add((p, GK.quadClass, Literal(rel.quad)))
            g.add((p, GK.cooperationScore, Literal(rel.score, datatype=XSD.decimal)))
            for code in rel.cameo:
                g.add((p, GK.cameoCode, Literal(code)))
            g.add((p, RDFS.domain, GK.Actor))
            g.add((p, RDFS.range, GK.Actor))
        else:
            # one subject type is the domain ("leaderOf": a Person), several are any Actor
            (only,) = rel.subject_types if len(rel.subject_types) == 1 else ("Actor",)
            g.add((p, RDFS.domain, GK[only]))
            g.add((p, RDFS.range, GK.Actor))
        if rel.close_match:
            g.add((p, SKOS.closeMatch, URIRef(rel.close_match)))

    for name in ("ploverCategory", "quadClass", "cooperationScore", "cameoCode"):
        g.add((GK[name], RDF.type, OWL.AnnotationProperty))
        g.add((GK[name], RDFS.label, Literal(name, lang="en")))
    for name, (label, comment, kind, rng) in EVIDENCE_PROPS.items():
        g.add(
            (GK[name], RDF.type, OWL.ObjectProperty if kind == "object" else OWL.DatatypeProperty)
        )
        g.add((GK[name], RDFS.label, Literal(label, lang="en")))
        g.add((GK[name], RDFS.comment, Literal(comment, lang="en")))
        if rng is not None:
            g.add((GK[name], RDFS.range, rng))
    return g


def render() -> str:
    header = (
        "# Generated by scripts/build_ontology.py from ontology/relations.csv: "
        "edit the table, not this file.\n"
    )
    return header + build().serialize(format="turtle")


# the shapes whose relation lists come from the table: (shape, the list's property, joiner)
SHAPE_LISTS = (
    ("RelationSubject", "sh:targetSubjectsOf", ",\n        "),
    ("RelationObject", "sh:targetObjectsOf", ",\n        "),
    ("EvidencePredicate", "sh:in", "\n        "),
)


def render_shapes(text: str) -> str:
    """``shapes.ttl`` with every relation list naming the table's relations, in its order."""
    names = [f"gk:{rel.name}" for rel in relations()]
    for shape, prop, joiner in SHAPE_LISTS:
        if prop == "sh:in":
            pattern = rf"(gksh:{shape} a sh:PropertyShape ;.*?{prop} \(\n        )(.*?)(\n    \) ;)"
        else:
            pattern = rf"(gksh:{shape} a sh:PropertyShape ;\n    {prop} )(.*?)( ;\n)"
        listed = joiner.join(names)
        text, count = re.subn(
            pattern, lambda m: m[1] + listed + m[3], text, count=1, flags=re.S  # noqa: B023
        )
        if count != 1:
            msg = f"shapes.ttl has no {prop} list in gksh:{shape} to fill"
            raise SystemExit(msg)
    return text


if __name__ == "__main__":
    out = ONTOLOGY_DIR / "graphkit.ttl"
    out.write_text(render(), encoding="utf-8")
    print(f"wrote {out}")
    shapes = ONTOLOGY_DIR / "shapes.ttl"
    shapes.write_text(render_shapes(shapes.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the relation lists of {shapes}")

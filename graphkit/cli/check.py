"""The commands that check a graph: ``validate`` (SHACL) and ``eval`` (against gold triples)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from graphkit.cli.common import RAW, nlp_args, settings_of, store_arg

EXAMPLES = {
    "validate": """examples:
  graphkit validate graphkit-store
  graphkit validate merged.trig --max-nodes 50
  graphkit validate sparql+http://localhost:7878   # a SPARQL server's graphs""",
    "eval": """examples:
  graphkit eval data/gold/dev.jsonl data/articles --brief
  graphkit eval data/gold/dev.jsonl data/articles --brief --reliability
  graphkit eval data/eval/realnews/dev/gold.jsonl data/eval/realnews/dev/articles --misses""",
}


def cmd_validate(args: argparse.Namespace) -> int:
    from graphkit.validate import validate_path

    conforms, text = validate_path(args.target, max_nodes=args.max_nodes)
    print(text)
    return 0 if conforms else 1


def cmd_eval(args: argparse.Namespace) -> int:
    from graphkit.evaluate import evaluate_cli

    print(
        evaluate_cli(
            args.gold,
            args.articles,
            settings=settings_of(args),
            detail=not args.brief,
            reliability=args.reliability,
            misses=args.misses,
        )
    )
    return 0


def add_parsers(sub: Any) -> None:
    """The parsers of ``validate`` and ``eval``."""
    p = sub.add_parser(
        "validate",
        help="SHACL check against ontology/shapes.ttl (exit 1 if not conforming)",
        epilog=EXAMPLES["validate"],
        **RAW,
    )
    p.add_argument(
        "target",
        type=store_arg,
        metavar="GRAPH_OR_STORE",
        help="an RDF file, a store folder or sparql+http://HOST:PORT",
    )
    p.add_argument(
        "--max-nodes", type=int, default=10, metavar="N", help="list at most N offending nodes"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser(
        "eval",
        help="score extraction against gold triples (strict and coarse P/R/F1)",
        epilog=EXAMPLES["eval"],
        **RAW,
    )
    p.add_argument(
        "gold", type=Path, metavar="GOLD.jsonl", help="gold triples, one JSON object a line"
    )
    p.add_argument(
        "articles",
        type=Path,
        metavar="ARTICLES_DIR",
        help="folder of the articles the gold file describes",
    )
    p.add_argument("--brief", action="store_true", help="overall figures only")
    p.add_argument(
        "--reliability",
        action="store_true",
        help="also print strict precision per confidence decile, with counts",
    )
    p.add_argument(
        "--misses",
        action="store_true",
        help="also list, per article, each false positive (sentence, cue, confidence) and each "
        "missed gold line (gold evidence); refused on a set marked SCORED_ONLY",
    )
    nlp_args(p)
    p.set_defaults(func=cmd_eval)

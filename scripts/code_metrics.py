"""The extractor's shape in four figures, measured the same way every time.

- ``literals``: English-word string literals in ``graphkit/extract/*.py``: AST string constants
  matching ``^[a-z][a-z' -]{1,}$``, shorter than 40 characters, that are not a docstring, a spaCy
  dependency label or a relation name (``ontology/relations.csv``);
- ``decisions/100``: decisions (``if``/``elif``, ``for``, ``while``, each ``and``/``or``,
  ``except``, comprehension ``if``, conditional expression) per 100 code lines (lines with a
  token that is not a comment, not blank, not part of a docstring);
- ``longest function``: the most code lines in one function (nested functions included);
- ``module lines``: each module's lines at 100 columns (a line of n characters counts as
  ceil(n / 100) lines), the largest in ``graphkit/`` named.

Usage:
    python scripts/code_metrics.py [--per-file] [--top 5]
"""

from __future__ import annotations

import argparse
import ast
import csv
import io
import math
import re
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "graphkit"
EXTRACT = PACKAGE / "extract"
WORD = re.compile(r"^[a-z][a-z' -]{1,}$")
# spaCy's English dependency labels (ClearNLP scheme), lower case ones
DEP_LABELS = frozenset(
    [
        "acl",
        "acomp",
        "advcl",
        "advmod",
        "agent",
        "amod",
        "appos",
        "attr",
        "aux",
        "auxpass",
        "case",
        "cc",
        "ccomp",
        "compound",
        "conj",
        "csubj",
        "csubjpass",
        "dative",
        "dep",
        "det",
        "dobj",
        "expl",
        "intj",
        "mark",
        "meta",
        "neg",
        "nmod",
        "npadvmod",
        "nsubj",
        "nsubjpass",
        "nummod",
        "oprd",
        "parataxis",
        "pcomp",
        "pobj",
        "poss",
        "preconj",
        "predet",
        "prep",
        "prt",
        "punct",
        "quantmod",
        "relcl",
        "xcomp",
    ]
)
SKIP_TOKENS = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}


def relation_names() -> frozenset[str]:
    with (PACKAGE / "ontology" / "relations.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(row["name"] for row in csv.DictReader(handle))


def docstring_nodes(tree: ast.AST) -> set[int]:
    """ids of the Constant nodes that are docstrings."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            value = first.value if isinstance(first, ast.Expr) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                out.add(id(value))
    return out


def code_lines(source: str, tree: ast.AST) -> set[int]:
    """Line numbers with code: a token other than comments and blanks, outside docstrings."""
    lines: set[int] = set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type not in SKIP_TOKENS:
            lines.update(range(tok.start[0], tok.end[0] + 1))
    docs = docstring_nodes(tree)
    for node in ast.walk(tree):
        if id(node) in docs:
            lines -= set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def decisions(tree: ast.AST) -> int:
    count = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.If | ast.For | ast.AsyncFor | ast.While | ast.IfExp):
            count += 1
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        elif isinstance(node, ast.ExceptHandler):
            count += 1
        elif isinstance(node, ast.comprehension):
            count += len(node.ifs)
    return count


def literals(tree: ast.AST, relations: frozenset[str]) -> list[str]:
    docs = docstring_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            text = node.value
            short_word = len(text) < 40 and WORD.match(text)
            if short_word and text not in DEP_LABELS and text not in relations:
                found.append(text)
    return found


def functions(tree: ast.AST, lines: set[int]) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            span = set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
            out.append((len(span & lines), node.name))
    return out


def lines_at_100(source: str) -> int:
    return sum(max(1, math.ceil(len(line) / 100)) for line in source.splitlines())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-file", action="store_true", help="figures for each extract module")
    ap.add_argument("--top", type=int, default=3, help="longest functions and modules to name")
    args = ap.parse_args()
    relations = relation_names()
    total_lits = total_dec = total_lines = 0
    funcs: list[tuple[int, str]] = []
    for path in sorted(EXTRACT.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        lines = code_lines(source, tree)
        lits, dec = literals(tree, relations), decisions(tree)
        total_lits += len(lits)
        total_dec += dec
        total_lines += len(lines)
        funcs += [(n, f"{path.stem}.{name}") for n, name in functions(tree, lines)]
        if args.per_file:
            print(
                f"  {path.name:<16} literals={len(lits):<4} decisions/100="
                f"{100 * dec / max(1, len(lines)):.1f} code lines={len(lines)}"
            )
    funcs.sort(reverse=True)
    modules = sorted(
        (
            (lines_at_100(p.read_text(encoding="utf-8")), str(p.relative_to(ROOT)))
            for p in PACKAGE.rglob("*.py")
        ),
        reverse=True,
    )
    print(
        f"literals={total_lits} decisions/100={100 * total_dec / total_lines:.1f} "
        f"longest function={funcs[0][0]} ({funcs[0][1]}) "
        f"largest module={modules[0][0]} ({modules[0][1]})"
    )
    print("  longest functions: " + ", ".join(f"{name} {n}" for n, name in funcs[: args.top]))
    print(
        "  modules over 400 lines at 100 columns: "
        + (", ".join(f"{name} {n}" for n, name in modules if n > 400) or "none")
    )


if __name__ == "__main__":
    main()

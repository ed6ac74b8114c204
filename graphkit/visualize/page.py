"""One self-contained HTML page: vis-network, our script and style, and the data, all inline.

vis-network's script and stylesheet are read at run time from the copy that ships inside the
pyvis package, so the page needs no network and writes no ``lib/`` folder. The page's
Content-Security-Policy forbids every request (scripts and styles inline only, images as
``data:`` only), and the data sits in a ``<script type="application/json">`` block with
``<``, ``>`` and ``&`` written as JSON escapes, so text from articles cannot close the block.

Examples:
    >>> script_json({"s": "</script><script>alert(1)</script>"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    >>> html_text('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
"""

from __future__ import annotations

import html
import importlib.util
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from graphkit.errors import GraphkitError

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "map"
VIS_VERSION = "9.1.2"
CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)


_SCRIPT_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def html_text(text: str) -> str:
    """Escape text for an HTML element or a quoted attribute."""
    return html.escape(text, quote=True)


def script_json(data: Any) -> str:
    """Compact JSON that is safe inside a ``<script>`` element (no ``</`` and no ``<!--``).

    U+2028 and U+2029 are escaped as well (they end a line in older JavaScript).
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _SCRIPT_ESCAPES:
        text = text.replace(raw, escaped)
    return text


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's minified script and its stylesheet, from the pyvis package.

    Raises:
        GraphkitError: pyvis is not installed, or ships no vis-network files.
    """
    spec = importlib.util.find_spec("pyvis")
    roots = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    for root in roots:
        folder = root / "templates" / "lib" / f"vis-{VIS_VERSION}"
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            script = js.read_text(encoding="utf-8")
            style = css.read_text(encoding="utf-8")
            _check_inline(script, "script", js)
            _check_inline(style, "style", css)
            return script, style
    msg = (
        f"cannot find vis-network {VIS_VERSION} inside the pyvis package; "
        "install it with 'pip install pyvis==0.3.2'"
    )
    raise GraphkitError(msg)


def _check_inline(text: str, tag: str, path: Path) -> None:
    if re.search(rf"</{tag}|<!--", text, flags=re.IGNORECASE):
        msg = f"{path} cannot be inlined (it contains '</{tag}' or '<!--'); reinstall pyvis==0.3.2"
        raise GraphkitError(msg)


@cache
def _resource(name: str) -> str:
    return (RESOURCES / name).read_text(encoding="utf-8")


def render_page(payload: dict[str, Any]) -> str:
    """The complete HTML page for a map payload.

    See :func:`graphkit.visualize.payload.map_payload`.
    """
    vis_js, vis_css = vis_assets()
    parts_js, own_js, own_css = _resource("parts.js"), _resource("map.js"), _resource("map.css")
    for name, text in (("parts.js", parts_js), ("map.js", own_js)):
        _check_inline(text, "script", RESOURCES / name)
    title = str(payload.get("title") or "graphkit map")
    fields = {
        "csp": CSP,  # a constant without quotes or markup
        "title": html_text(title),
        "summary": html_text(str(payload.get("summary") or "")),
        "note": html_text(str(payload.get("note") or "")),
        "note_hidden": "" if payload.get("note") else " hidden",
        "vis_css": vis_css,
        "map_css": own_css,
        "data": script_json(payload),
        "vis_js": vis_js,
        "parts_js": parts_js,
        "map_js": own_js,
    }
    # one pass: inserted text is never scanned for further placeholders
    return re.sub(r"\{\{(\w+)\}\}", lambda m: fields[m.group(1)], _resource("map.html"))

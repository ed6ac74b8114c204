"""Plain-text helpers: decode a file's bytes, split off a header block, guess a title.

Examples:
    >>> decode_text("“Bogotá”".encode("cp1252"))
    '“Bogotá”'
    >>> split_header("date: 2022-05-05\\n\\nPetro met Trump.")
    ({'date': '2022-05-05'}, 'Petro met Trump.')
"""

from __future__ import annotations

import re
import warnings

from graphkit.errors import InputError
from graphkit.ingest.dates import is_date_line
from graphkit.ingest.furniture import is_running_text
from graphkit.notices import GraphkitWarning

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".json")
"""File extensions read as articles when a folder is given (compared case-insensitively)."""

KINDS = ", ".join(ARTICLE_SUFFIXES)
MAX_TITLE = 200
_HEADER_LINE = re.compile(r"^(title|date|url)\s*:\s*(.*?)\s*$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"\s(?:»|›|>)\s.*\s(?:»|›|>)\s")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode an article file's bytes to text with ``\\n`` line ends.

    UTF-8 first (a byte-order mark is dropped; UTF-16/32 are read when a byte-order mark
    says so); a file that is overwhelmingly valid UTF-8 (see :func:`mostly_utf8`) keeps its
    good characters and only its bad bytes become U+FFFD, with a :class:`GraphkitWarning`
    naming the file and the byte offset; then Windows-1252 when the result reads as Western
    text (it covers Latin-1's letters and adds curly quotes and dashes), then
    charset-normalizer's best guess.

    Args:
        data: the file's bytes.
        name: the file name used in error messages.

    Raises:
        InputError: the bytes look binary (NUL bytes, control characters, no encoding fits).

    Examples:
        >>> decode_text("Nicolás said “no” — twice".encode("cp1252"))
        'Nicolás said “no” — twice'
        >>> decode_text("Bogotá\\r\\n".encode("latin-1"))
        'Bogotá\\n'
        >>> decode_text(b"\\x89PNG\\r\\n\\x00\\x00", name="x.txt")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        graphkit.errors.InputError: x.txt looks like a binary file (it contains NUL bytes); ...
    """
    text = _decode(data, name)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 200):
        msg = (
            f"{name} looks like a binary file (control characters); graphkit reads text "
            f"articles: {KINDS}"
        )
        raise InputError(msg)
    return normalize_newlines(text)


def normalize_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n``, no-break spaces into spaces, and a
    question mark a page's lost no-break space became between two words into a space (the
    text keeps its length, so offsets stay true).

    >>> normalize_newlines("UN Special Envoy?Martin Griffiths\\r\\nsaid\\u00a0so. Why?Because")
    'UN Special Envoy Martin Griffiths\\nsaid so. Why?Because'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    return _LOST_SPACE.sub(" ", text)


# no-break, figure, thin and narrow no-break spaces
_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))
# "Envoy?Martin": a word, a question mark, a name (not "Why?Because": a question's own word)
_LOST_SPACE = re.compile(r"(?<=[a-z]{4})\?(?=[A-Z][a-z])")


def _decode(data: bytes, name: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                break
    if b"\x00" in data:
        msg = (
            f"{name} looks like a binary file (it contains NUL bytes); graphkit reads text "
            f"articles: {KINDS}"
        )
        raise InputError(msg)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    bad = mostly_utf8(data)
    if bad:
        where = ", ".join(str(at) for at in bad[:3]) + (", ..." if len(bad) > 3 else "")
        warnings.warn(
            f"{name}: {len(bad)} invalid UTF-8 byte(s) replaced with U+FFFD "
            f"(byte offset {where}); re-save the file as UTF-8 to keep those characters",
            GraphkitWarning,
            stacklevel=3,
        )
        return data.decode("utf-8", errors="replace")
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = ""
    if western and _mostly_latin(western):
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        msg = f"{name} is not text in any known encoding (binary?); save it as UTF-8 text"
        raise InputError(msg)
    return str(best)


def mostly_utf8(data: bytes) -> list[int]:
    """Byte offsets of the invalid sequences when ``data`` is overwhelmingly valid UTF-8.

    Overwhelmingly valid: at least three times as many valid multi-byte characters as invalid
    bytes, and at most one invalid byte per 1,000 bytes. Text in another 8-bit encoding
    (Windows-1252, Latin-1) almost never forms valid multi-byte sequences, so it gives
    ``[]`` and is decoded as such.

    Examples:
        >>> mostly_utf8("Bogotá, García-Peña and Núñez ".encode() * 40 + b"\\xe1 x")
        [1400]
        >>> mostly_utf8("Bogotá".encode("cp1252"))
        []
    """
    text = data.decode("utf-8", errors="surrogateescape")  # a bad byte -> U+DC80..U+DCFF
    bad_at = [i for i, ch in enumerate(text) if "\udc80" <= ch <= "\udcff"]
    if not bad_at or len(bad_at) * 1000 > max(len(data), 1000):
        return []
    valid = sum(1 for ch in text if ord(ch) > 127) - len(bad_at)
    if valid < 3 * len(bad_at):
        return []
    offsets, offset, prev = [], 0, 0
    for i in bad_at:
        offset += len(text[prev:i].encode("utf-8", errors="surrogateescape"))
        offsets.append(offset)
        prev = i
    return offsets


def split_long(text: str, *, limit: int) -> list[str]:
    """Cut a text into pieces of at most ``limit`` characters whose concatenation is the text.

    Each cut falls at the last paragraph break (a blank line) before the limit, else the last
    line break, else the last sentence end (". "), else the last space; only a text with no
    space at all is cut mid-word. Offsets into the pieces add up to offsets into the text.

    Examples:
        >>> split_long("One.\\n\\nTwo two.\\n\\nThree.", limit=12)
        ['One.\\n\\n', 'Two two.\\n\\n', 'Three.']
        >>> "".join(split_long("a b " * 10, limit=7)) == "a b " * 10
        True
    """
    if limit < 1:
        msg = f"split limit must be positive, not {limit}"
        raise ValueError(msg)
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep)
            if at > 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _mostly_latin(text: str) -> bool:
    """True when accented letters are sprinkled in ASCII words (Western text), not the bulk.

    Cyrillic or Greek bytes also decode as Windows-1252, but then nearly every letter is
    accented; charset-normalizer is better at those.
    """
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return bool(letters) and accented <= 0.3 * len(letters)


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Parse a header block at the very top and return it with the text that follows.

    The header is a run of ``title:``, ``date:`` or ``url:`` lines (any case) ending at the
    first other line, or ``---`` front matter (other keys in it are ignored). It is removed,
    with the blank lines after it; a text without a header is returned unchanged.

    Examples:
        >>> split_header("Date: 2022-05-05\\ntitle: Talks\\n\\nPetro met Trump.")
        ({'date': '2022-05-05', 'title': 'Talks'}, 'Petro met Trump.')
        >>> split_header("---\\ndate: 2022-05-05\\nauthor: A\\n---\\nBody.")
        ({'date': '2022-05-05'}, 'Body.')
        >>> split_header("Date of the talks is unknown.")
        ({}, 'Date of the talks is unknown.')
    """
    lines = text.split("\n")
    fenced = lines[0].strip() == "---"
    meta: dict[str, str] = {}
    end = 1 if fenced else 0
    while end < len(lines):
        line = lines[end]
        if fenced and line.strip() == "---":
            return meta, "\n".join(lines[end + 1 :]).lstrip("\n")
        match = _HEADER_LINE.match(line)
        if match:
            meta.setdefault(match.group(1).lower(), match.group(2))
        elif not fenced:
            break
        end += 1
    if fenced or not meta:
        return {}, text
    return meta, "\n".join(lines[end:]).lstrip("\n")


def guess_title(text: str, *, markdown: bool = False) -> str:
    """The headline: the longest short line in the page's head, else ``""``.

    The head is what comes before the first line of running text (see
    :func:`~graphkit.ingest.furniture.is_running_text`). A page's head holds its site name,
    section and label lines and the headline, which is the longest of them: a title line is
    under 200 characters, does not end a sentence and is not a bare date. A breadcrumb line
    (``Home » World » Americas``) is skipped; with ``markdown`` a ``#`` heading is the title.

    Examples:
        >>> guess_title("Home » World » Americas\\nPetro meets Trump\\n\\nBody.")
        'Petro meets Trump'
        >>> guess_title("The White House\\n\\nReadout of the President's Call\\n\\nBody.")
        "Readout of the President's Call"
        >>> guess_title("# Petro meets Trump", markdown=True)
        'Petro meets Trump'
        >>> guess_title("Petro met Trump on Monday in Washington.")
        ''
    """
    best = ""
    for raw in text.split("\n"):
        line = raw.strip()
        if markdown and line.startswith("#"):
            return line.lstrip("#").strip()
        if not line or _BREADCRUMB.search(f" {line} ") or is_date_line(line):
            continue
        question = line.endswith(("?", "!")) and len(line) < MAX_TITLE  # "Iran attacks Israel?"
        if is_running_text(line) and not question:
            break
        if len(line) > len(best):
            best = line
    return best

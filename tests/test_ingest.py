"""Reading article files: encodings, titles, dates, JSON(L), HTML and bad input."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from graphkit.errors import InputError
from graphkit.ingest import (
    decode_text,
    find_date,
    guess_title,
    iter_article_files,
    parse_date,
    read_articles,
    split_header,
)
from graphkit.ingest.furniture import strip_furniture

DATA = Path(__file__).parent / "data"


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _set_mtime(path: Path, day: dt.date) -> None:
    stamp = dt.datetime.combine(day, dt.time(12)).timestamp()
    os.utime(path, (stamp, stamp))


# --- encodings ---------------------------------------------------------------------------


def test_ingest_latin1_article_keeps_accents() -> None:
    [art] = read_articles(DATA / "latin1-bogota.txt")
    assert "Bogotá" in art.text
    assert "Iván Duque met Nicolás Maduro's envoy" in art.text
    assert "Cúcuta" in art.text
    assert art.title == "Duque receives Maduro's envoy in Bogotá"
    assert art.date == "2022-05-05"


def test_ingest_cp1252_article_keeps_curly_quotes_and_dashes(tmp_path: Path) -> None:
    path = Path(shutil.copy(DATA / "cp1252-quotes.txt", tmp_path / "cp1252-quotes.txt"))
    _set_mtime(path, dt.date(2022, 6, 1))
    [art] = read_articles(path)
    assert "“We will not accept deportation flights,”" in art.text
    assert "Venezuela’s Nicolás Maduro" in art.text
    assert "BOGOTÁ, May 5 (Reuters) —" in art.text
    assert "…" in art.text
    assert "\r" not in art.text
    assert art.date == "2022-05-05"  # year-less dateline, year from the file's date
    assert art.title == "cp1252-quotes"  # first line is a sentence: the stem is the title


@pytest.mark.parametrize(
    "text, codec",
    [
        ("Petro visitó Bogotá y “negoció” con Nicolás Maduro — señaló España.", "cp1252"),
        ("Petro visitó Bogotá; Nicolás Maduro, España, Perú, Brasília.", "latin-1"),
        ("Petro visitó Bogotá — “ok”.", "utf-8"),
        ("Petro visitó Bogotá.", "utf-8-sig"),
        ("Petro visitó Bogotá — “ok”.", "utf-16"),
        ("Москва заявила, что министр иностранных дел встретился с послом Колумбии.", "cp1251"),
    ],
)
def test_ingest_decode_text_encodings(text: str, codec: str) -> None:
    assert decode_text(text.encode(codec)) == text


@pytest.mark.parametrize("raw", [b"a\r\nb\r\n", b"a\rb\r", b"a\nb\n"])
def test_ingest_line_ends_are_normalized(raw: bytes) -> None:
    assert decode_text(raw).split("\n")[:2] == ["a", "b"]


def test_ingest_lost_spaces_come_back_and_the_names_with_them() -> None:
    raw = "UN Special Envoy?Martin Griffiths met\u00a0Houthi leaders. Why?Because".encode()
    text = decode_text(raw)
    assert text == "UN Special Envoy Martin Griffiths met Houthi leaders. Why?Because"
    assert len(text) == len(raw.decode())  # offsets into the text stay true


# --- titles and headers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Colombia backs down\n\nJanuary 27, 2025\n\nBody.", "Colombia backs down"),
        ("\n\n  Iran attacks Israel?  \nBody.", "Iran attacks Israel?"),
        (
            "Home » Business » Petro-Trump Meeting\n\nPetro-Trump Meeting\nBody.",
            "Petro-Trump Meeting",
        ),
        ("Petro met Trump on Monday.\nMore.", ""),
        ("January 27, 2025\nBody.", ""),
        ("x" * 200 + "\nBody.", ""),
    ],
)
def test_ingest_guess_title(text: str, expected: str) -> None:
    assert guess_title(text) == expected


@pytest.mark.parametrize(
    "content, title",
    [
        ("Petro meets Trump\n\nPetro met Trump in Washington.\n", "Petro meets Trump"),
        ("Petro met Trump in Washington on Monday, officials said.\n", "no-title"),
        ("x" * 250 + "\n\nBody.\n", "no-title"),
    ],
)
def test_ingest_txt_title_or_stem(tmp_path: Path, content: str, title: str) -> None:
    [art] = read_articles(_write(tmp_path, "no-title.txt", content))
    assert art.title == title


def test_ingest_markdown_title(tmp_path: Path) -> None:
    [art] = read_articles(_write(tmp_path, "a.md", "# Petro meets Trump\n\nBody text.\n"))
    assert art.title == "Petro meets Trump"
    assert art.text.startswith("# Petro meets Trump")


def test_ingest_header_is_parsed_and_offsets_follow_the_returned_text(tmp_path: Path) -> None:
    content = (
        "title: Talks in Washington\ndate: May 5, 2022\nurl: https://x.example/a\n"
        "\nPetro met Trump.\n"
    )
    [art] = read_articles(_write(tmp_path, "h.txt", content))
    assert (art.title, art.date, art.url) == (
        "Talks in Washington",
        "2022-05-05",
        "https://x.example/a",
    )
    assert art.text == "Petro met Trump.\n"
    assert art.text[art.text.index("Trump") :].startswith("Trump")


def test_ingest_front_matter(tmp_path: Path) -> None:
    content = "---\ntitle: Talks\ndate: 2022-05-05\nauthor: Someone\n---\n\nPetro met Trump.\n"
    [art] = read_articles(_write(tmp_path, "f.md", content))
    assert (art.title, art.date, art.text) == ("Talks", "2022-05-05", "Petro met Trump.\n")


def test_ingest_text_without_header_is_kept_whole() -> None:
    text = "Washington: the talks went well.\n\nDate: unknown"
    assert split_header(text) == ({}, text)


# --- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Title\n\nJanuary 27, 2025\n\nBOGOTÁ, Colombia — Colombia agreed.", "2025-01-27"),
        ("Title\n2022-05-05\nBody.", "2022-05-05"),
        ("Title\nBy Jane Doe | Updated 5 May 2022 10:32\nBody.", "2022-05-05"),
        ("Title\nWednesday, Sept. 4th, 2019\nBody.", "2019-09-04"),
        (
            "LONDON, March 14, 2018 (Reuters) — Britain expelled 23 Russian diplomats "
            "on Wednesday.",
            "2018-03-14",
        ),
        (
            "BOGOTÁ, May 5 (Reuters) — Colombia extradited Otoniel to the United States on "
            "Wednesday.",
            "2022-05-05",
        ),
        (
            "BOGOTÁ, Dec 30 (Reuters) — Colombia extradited Otoniel to the United States on "
            "Wednesday.",
            "2021-12-30",
        ),
        ("Title\nFebruary 30, 2022\nBody.", ""),
        (
            "Title\nColombia said on Monday that Petro had met Trump on May 5, 2022, in the Oval "
            "Office.",
            "",
        ),
        ("Title\nNo date at all.", ""),
        # a site's clock above the headline is not the article's date
        (
            "Friday, 03 March 2023 08:45 GMT\nPeru and Chile sign a deal\n2021-04-09 10:12:00\n",
            "2021-04-09",
        ),
        (
            "Mon 6 June 2022, 14:05\nPeru and Chile sign a deal\nBy Ana Ruiz\nApril 9, 2021\n",
            "2021-04-09",
        ),
        # the clock is all there is, or the first date line is a plain date: it stands
        (
            "Friday, 03 March 2023 08:45 GMT\nPeru and Chile sign a deal\nLima agreed.\n",
            "2023-03-03",
        ),
        ("March 3, 2023\nPeru and Chile sign a deal\n2021-04-09 10:12:00\n", "2023-03-03"),
    ],
)
def test_ingest_find_date(text: str, expected: str) -> None:
    assert find_date(text, reference=dt.date(2022, 6, 1)) == expected


def test_ingest_yearless_dateline_needs_a_reference() -> None:
    assert find_date("BOGOTÁ, May 5 (Reuters) — Colombia extradited Otoniel.") == ""


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-05-05", "2022-05-05"),
        ("2022-05-05T23:30:00-05:00", "2022-05-05"),
        ("Thu, 05 May 2022 10:00:00 GMT", "2022-05-05"),
        ("May 5, 2022", "2022-05-05"),
        ("5 May 2022", "2022-05-05"),
        ("2022/5/5", "2022-05-05"),
        ("May 5", ""),
        ("not a date", ""),
        ("", ""),
    ],
)
def test_ingest_parse_date(value: str, expected: str) -> None:
    assert parse_date(value) == expected


# --- HTML and JSON -----------------------------------------------------------------------


def test_ingest_html_main_text_title_date_url() -> None:
    [art] = read_articles(DATA / "page.html")
    assert art.title == "Colombia extradites Otoniel to the United States"
    assert art.date == "2022-05-05"
    assert art.url == "https://news.example.org/world/otoniel-extradited"
    assert "Dairo Antonio Úsuga, the drug lord known as “Otoniel”" in art.text
    assert "President Iván Duque announced the extradition" in art.text
    for boilerplate in ("TRACKING-CODE", "font-family", "Subscribe", "NEWSLETTER-SIGNUP", "<p>"):
        assert boilerplate not in art.text
    assert art.source == str(DATA / "page.html")


def test_ingest_html_without_text_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "blank.html", "<html><head><title>x</title></head><body></body></html>")
    with pytest.raises(InputError, match=r"blank\.html: no article text found"):
        read_articles(path)


def test_ingest_jsonl_one_article_per_line() -> None:
    path = DATA / "articles.jsonl"
    arts = read_articles(path)
    assert [a.source for a in arts] == [f"{path}#1", f"{path}#3", f"{path}#4"]
    first, second, third = arts
    assert first.id == "petro-trump-call"
    assert (first.title, first.date, first.url) == (
        "Petro and Trump speak",
        "2025-01-27",
        "https://news.example.org/petro-trump",
    )
    assert second.date == "2018-03-14"  # no date field: the dateline
    assert second.text.startswith("LONDON, March 14, 2018")
    assert second.id.startswith("articles-")
    assert (third.title, third.date) == ("Iran attacks Israel", "2024-04-14")


def test_ingest_json_object_and_list(tmp_path: Path) -> None:
    [one] = read_articles(
        _write(tmp_path, "one.json", '{"text": "Petro met Trump.", "title": "T"}')
    )
    assert (one.source, one.title, one.text) == (
        str(tmp_path / "one.json"),
        "T",
        "Petro met Trump.",
    )
    many = read_articles(
        _write(tmp_path, "many.json", '[{"text": "A met B."}, {"text": "C met D."}]')
    )
    assert [a.source for a in many] == [
        f"{tmp_path / 'many.json'}#1",
        f"{tmp_path / 'many.json'}#2",
    ]


def test_ingest_jsonl_repeated_text_is_read_once(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "dup.jsonl", '{"text": "A met B."}\n{"text": "A met B."}\n{"text": "C met D."}\n'
    )
    assert [a.text for a in read_articles(path)] == ["A met B.", "C met D."]


@pytest.mark.parametrize(
    "content, message",
    [
        (
            '{"text": "A met B."}\n{"text": "broken\n',
            r"bad\.jsonl line 2 is not valid JSON .*one JSON object per line",
        ),
        (
            '{"text": "A met B."}\n\n{"title": "no text"}\n',
            r'bad\.jsonl line 3 has no "text" field',
        ),
        ('{"text": "   "}\n', r'bad\.jsonl line 1 has no "text" field'),
        ('{"text": 42}\n', r'bad\.jsonl line 1 has no "text" field'),
        ('["A met B."]\n', r"bad\.jsonl line 1 is not a JSON object"),
        (
            '{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n',
            r"bad\.jsonl line 2 repeats the article id 'x'",
        ),
        ("\n\n  \n", r"bad\.jsonl is empty"),
    ],
)
def test_ingest_bad_jsonl(tmp_path: Path, content: str, message: str) -> None:
    path = _write(tmp_path, "bad.jsonl", content)
    with pytest.raises(InputError, match=message) as info:
        read_articles(path)
    assert "\n" not in str(info.value)


# --- bad files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, message",
    [
        ("empty.txt", r"empty\.txt is empty; give a file with article text"),
        ("binary.txt", r"binary\.txt looks like a binary file \(it contains NUL bytes\)"),
        ("missing.txt", r"no such file or folder: .*missing\.txt; check the path"),
    ],
)
def test_ingest_bad_files(name: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_articles(DATA / name)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(1, 256)) * 4,  # undecodable noise without NUL bytes
        b"text" + b"\x01\x02\x03\x04\x05\x06" * 20,  # control characters
    ],
)
def test_ingest_binary_without_nul_bytes(tmp_path: Path, content: bytes) -> None:
    with pytest.raises(InputError, match=r"noise\.txt .*(binary|not text)"):
        read_articles(_write(tmp_path, "noise.txt", content))


def test_ingest_whitespace_only_and_header_only(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is empty"):
        read_articles(_write(tmp_path, "blank.txt", " \n\t\n"))
    with pytest.raises(InputError, match="has a header but no article text"):
        read_articles(_write(tmp_path, "head.txt", "date: 2022-05-05\n\n"))


def test_ingest_folder_given_to_read_articles(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        read_articles(tmp_path)


# --- files and folders -------------------------------------------------------------------


def test_ingest_iter_article_files_walks_sorted_and_skips(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.JSONL", "e.json", "f.htm", "notes.pdf",
                 "image.png", ".hidden.txt", ".git/x.txt", "sub/.cache/y.txt"):  # fmt: skip
        _write(tmp_path, name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_files([tmp_path])]
    assert found == ["a.md", "b.txt", "e.json", "f.htm", "sub/c.html", "sub/d.JSONL"]


def test_ingest_iter_article_files_keeps_paths_as_given_and_dedupes(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", "x")
    other = _write(tmp_path, "other.dat", "x")
    found = list(iter_article_files([other, a, tmp_path]))
    assert found == [other, a]  # explicit file of any extension; the folder adds nothing new


@pytest.mark.parametrize("make_folder", [True, False])
def test_ingest_iter_article_files_errors(tmp_path: Path, make_folder: bool) -> None:
    target = tmp_path / "empty-folder"
    if make_folder:
        target.mkdir()
        _write(target, "readme.pdf", "x")
        message = r"folder .*empty-folder holds no article file"
    else:
        message = r"no such file or folder: .*empty-folder; check the path"
    with pytest.raises(InputError, match=message):
        list(iter_article_files([target]))


def test_ingest_source_is_the_path_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "sub/a.txt", "Title\n\nBody.\n")
    monkeypatch.chdir(tmp_path)
    [art] = read_articles(Path("sub/a.txt"))
    assert art.source == "sub/a.txt"
    assert art.id.startswith("a-")


def test_ingest_sample_articles_have_titles_and_dates() -> None:
    folder = Path(__file__).parent.parent / "data" / "articles"
    arts = {p.name: read_articles(p)[0] for p in iter_article_files([folder])}
    deportation = arts["01-colombia-us-deportation-standoff.txt"]
    assert deportation.date == "2025-01-27"
    assert deportation.title.startswith("Colombia backs down")
    seed = arts["seed-petro-trump.txt"]
    assert seed.title.startswith("Petro-Trump Meeting")
    assert "Ahmed Hassan" not in seed.text  # the byline is page furniture
    assert "Home » Business" not in seed.text
    for art in arts.values():
        page = (folder / Path(art.source).name).read_text(encoding="utf-8")
        assert art.text == strip_furniture(page).text

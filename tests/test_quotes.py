"""Quote-mark pairing: curly and straight marks, paragraphs, unbalanced marks."""

from __future__ import annotations

from newsfacts.extract.quotes import find_quotes, opens_paragraph


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_curly_and_straight_quotes_pair() -> None:
    text = '“We agree,” she said. He replied: "No way." Then a “win” was claimed.'
    assert texts(text) == ["“We agree,”", '"No way."', "“win”"]


def test_inner_excludes_marks() -> None:
    text = 'He said "hello there" twice.'
    (quote,) = find_quotes(text)
    start, end = quote.inner
    assert text[start:end] == "hello there"


def test_unclosed_quote_stops_at_paragraph_end_and_continues() -> None:
    text = "“First part of a long quote.\n\n“Second part,” he said.\n\nNo quote here at all."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == [
        "“First part of a long quote.",
        "“Second part,”",
    ]
    assert not quotes[0].closed and quotes[0].continues
    assert quotes[1].closed and opens_paragraph(text, quotes[1])


def test_stray_marks_do_not_make_page_long_quotes() -> None:
    text = "A stray ” closer. Then an opener “ with no end.\n" + "More text. " * 400
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].end <= text.index("\n") and not quotes[0].continues


def test_inch_marks_are_not_quotes() -> None:
    assert texts('He is 6\'2" tall and "fit" too.') == ['"fit"']


def test_doubled_apostrophes_pair_as_quotes() -> None:
    text = "''It was fine,'' he said, and ''it is not over.'' Don't worry."
    quotes = find_quotes(text)
    assert texts(text) == ["''It was fine,''", "''it is not over.''"]
    start, end = quotes[0].inner
    assert text[start:end] == "It was fine,"

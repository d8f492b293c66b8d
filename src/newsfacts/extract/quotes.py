"""Direct quotes: pair quote marks into quoted stretches, paragraph by paragraph.

Newswire conventions drive the rules: a quote never runs past its paragraph (a quote carried
into the next paragraph reopens there with a new opening mark and no closing mark at the end
of the first), straight quotes alternate open/close, and an unbalanced mark yields a stretch that
ends at the paragraph end at worst — never a page-long quote.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "\u201c\u00ab\u201e"  # “ « „
CLOSING = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
MAX_QUOTE_CHARS = 3000


@dataclass(frozen=True)
class Quote:
    """A quoted stretch ``text[start:end]``, marks included.

    ``closed`` is false when the paragraph ended before a closing mark; ``continues`` is true when
    such an open quote is carried on by the next paragraph opening with a quote mark.
    """

    start: int
    end: int
    closed: bool = True
    continues: bool = False
    mark: int = 1  # width of the marks: 2 for the doubled apostrophes ('') of some archives

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the quoted words without the marks."""
        end = self.end - self.mark if self.closed else self.end
        return self.start + self.mark, max(self.start + self.mark, end)

    def words(self, text: str) -> int:
        start, end = self.inner
        return len(text[start:end].split())


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text`` (a line is a paragraph in scraped news)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            left = start + (len(line) - len(line.lstrip()))
            spans.append((left, left + len(stripped)))
        start = end + 1
    return spans


def _straight_opens(text: str, i: int, width: int, start: int, end: int) -> bool | None:
    """Direction of a straight quote from its neighbours: True opens, False closes, None unsure."""
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    if before.isspace() or before in "([{—–-/":
        return not after.isspace()
    if after.isspace() or after in ".,;:!?)]}—–-":
        return False
    return None


def _scan_paragraph(text: str, start: int, end: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    open_width = 1
    i = start
    while i < end:
        char = text[i]
        width = 2 if text.startswith("''", i) else 1
        i += width
        here = i - width
        if char in OPENING:
            if open_at is None:
                open_at, open_width = here, 1
            continue
        if char in CLOSING:
            if open_at is not None:
                quotes.append(Quote(open_at, i, mark=open_width))
                open_at = None
            continue
        if (char != STRAIGHT and width == 1) or (here > start and text[here - 1].isdigit()):
            continue  # a lone apostrophe; 6'2" is a measure, not a quote
        direction = _straight_opens(text, here, width, start, end)
        if open_at is None and direction is not False:
            open_at, open_width = here, width
        elif open_at is not None and direction is not True and width == open_width:
            quotes.append(Quote(open_at, i, mark=width))
            open_at = None
        elif open_at is not None and direction is True:
            open_at, open_width = here, width  # two openers in a row: the first was stray
    if open_at is not None:
        quotes.append(Quote(open_at, end, closed=False, mark=open_width))
    return quotes


def find_quotes(text: str) -> list[Quote]:
    """All quoted stretches of ``text`` in order, at most one paragraph (and 3,000 chars) each."""
    found: list[Quote] = []
    paras = paragraphs(text)
    for index, (start, end) in enumerate(paras):
        for quote in _scan_paragraph(text, start, end):
            if not quote.closed:
                nxt = paras[index + 1] if index + 1 < len(paras) else None
                carried = nxt is not None and (
                    text[nxt[0]] in OPENING + STRAIGHT or text.startswith("''", nxt[0])
                )
                quote = Quote(quote.start, quote.end, False, carried, quote.mark)
            if quote.end - quote.start > MAX_QUOTE_CHARS:
                continue
            found.append(quote)
    return found


def opens_paragraph(text: str, quote: Quote) -> bool:
    """True when only whitespace precedes ``quote`` on its line."""
    line_start = text.rfind("\n", 0, quote.start) + 1
    return not text[line_start : quote.start].strip()

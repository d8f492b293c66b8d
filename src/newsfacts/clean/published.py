"""The publication date printed at the head of a story: a line that is a date and little
else ("September 12, 2016", "Published: Sept. 12, 2016 10:30 a.m. ET", "Mon 12 Sep 2016",
"2016-09-12"), or the date after the names of a byline ("Jane Doe | Sep 12, 2016").

Only the few lines above the body (below the title), the byline's line, and date lines the
body opens with are read: a date inside the story is an event's, not the story's. Where two
date lines stand there, one not labelled "updated" wins; else the first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from newsfacts.clean.headline import MONTH_NAMES
from newsfacts.clean.lines import Line

MONTHS = {name: number for number, name in enumerate(MONTH_NAMES.split("|"), start=1)}
_MONTH = rf"(?P<month>(?:{MONTH_NAMES})[a-z]*\.?)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_FORMS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),  # September 12, 2016
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.I),  # 12 September 2016
    re.compile(rf"\b{_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})\b"),  # 2016-09-12
)
# what a date line may hold besides its date: labels, weekdays, a clock time, a time zone
_FILLER = re.compile(
    r"(?i:originally|published|posted|last|updated|date[ds]?|on|at|by|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?|"
    r"[ap]\.?m\.?|utc|gmt(?:[+-]\d{1,2})?)|[A-Z]{2,4}|[|•·,:;/()–—-]+"
)
_PUNCT = re.compile(r"([|•·,;/()–—]|:(?!\d))")  # not the colon of a clock time
_UPDATED = re.compile(r"(?i:\b(?:last\s+)?updated\b)")
_MAX_LINE = 80
_LOOKBACK = 8  # lines read above the body
_LIST = 3  # date lines that make a list of stories
_INTO_BODY = 3  # body lines that may still be date lines ("Updated …" below "Published …")


def published_date(
    lines: Sequence[Line], title: int | None, body_start: int, byline: int | None
) -> str | None:
    """The story's publication date (YYYY-MM-DD) from the few lines between the title and
    line ``body_start``, or from a date line the body opens with (``title`` and ``byline``
    are line indices, or None). A page's menus and its lists of other stories, each with
    its date, come further up; three dates or more are such a list, and none is taken."""
    found: list[tuple[bool, str]] = []
    top = max(0 if title is None else title + 1, body_start - _LOOKBACK)
    for i in range(top, min(len(lines), body_start + _INTO_BODY)):
        text = lines[i].text
        date = _byline_date(text) if i == byline else _date_line(text)
        if date is not None:
            found.append((bool(_UPDATED.search(text)), date))
        elif i >= body_start:
            break  # the story has begun
    if len(found) >= _LIST:
        return None
    first = next((date for updated, date in found if not updated), None)
    return first or (found[0][1] if found else None)


def _date_line(text: str) -> str | None:
    """The first date of a line that holds dates and nothing more than their labels,
    weekdays and times ("Published: Sept. 12, 2016 | Updated: Sept. 13, 2016")."""
    if len(text) > _MAX_LINE:
        return None
    first: re.Match[str] | None = None
    rest = text
    for form in _FORMS:
        for match in form.finditer(text):
            if first is None or match.start() < first.start():
                first = match
            rest = rest.replace(match.group(0), " ")
    if first is None:
        return None
    words = [w for w in _PUNCT.sub(r" \1 ", rest).split() if not _FILLER.fullmatch(w)]
    return None if words else _iso(first)


def _byline_date(text: str) -> str | None:
    """The date printed after the names of a byline ("Jane Doe | Sep 12, 2016")."""
    for form in _FORMS:
        match = form.search(text)
        if match is not None:
            return _iso(match)
    return None


def _iso(match: re.Match[str]) -> str | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text[:3].lower()]
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:  # "2016-13-40", "February 30, 2016"
        return None

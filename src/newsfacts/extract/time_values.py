"""Normalising one temporal expression against the publication date.

Rule based, with dateparser as the fallback for absolute dates the rules do not cover.
Relative expressions get a value only when the publication date is known. A weekday, a bare
month or a month-day without a year resolves to the latest one on or before the publication
date, unless ``direction`` is FUTURE, when it resolves to the first one on or after it.
Values: "2024-07-23" (date), "2024-07-15/2024-07-21" (interval), "2024" (year), "2024-07"
(month), "P10Y" (duration), "T15:00" (time), "P1W" (set).
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PAST = "past"
FUTURE = "future"
NARRATED = "narrated"  # a clause in the simple past ("The next year, the two were freed")


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    units: dict[str, str]
    time_units: dict[str, str]
    parts_of_day: frozenset[str]
    clock_words: dict[str, str]
    seasons: dict[str, int]
    deictic_days: dict[str, int]
    relative_past: frozenset[str]
    relative_future: frozenset[str]
    relative_current: frozenset[str]
    relative_narrative: frozenset[str]
    qualifiers: tuple[str, ...]
    set_words: dict[str, str]
    leading_trim: tuple[str, ...]
    age_words: frozenset[str]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    future_adjectives: frozenset[str]
    holidays: tuple[str, ...]

    @property
    def vocabulary(self) -> frozenset[str]:
        """Words any one of which makes a span temporal."""
        words: set[str] = set(self.months) | set(self.weekdays) | set(self.seasons)
        for unit in (*self.units, *self.time_units):
            words |= {unit, unit + "s"}
        words |= {"centuries", "ago", "today", "tonight", "yesterday", "tomorrow", "weekend"}
        words |= {"weekends", "overnight", *self.parts_of_day, *self.clock_words}
        words |= {w for phrase in self.set_words for w in phrase.split() if len(w) > 3}
        words |= {w for holiday in self.holidays for w in holiday.split()}
        words |= {w + "s" for w in self.weekdays}
        return frozenset(words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    source = resources.files("newsfacts").joinpath("data", "time_lexicon.json")
    raw = json.loads(source.read_text(encoding="utf-8"))
    by_length: Callable[[Iterable[str]], tuple[str, ...]] = lambda items: tuple(  # noqa: E731
        sorted(items, key=len, reverse=True)
    )
    return Lexicon(
        months=dict(raw["months"]),
        weekdays=dict(raw["weekdays"]),
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        vague_numbers=frozenset(raw["vague_numbers"]),
        units=dict(raw["units"]),
        time_units=dict(raw["time_units"]),
        parts_of_day=frozenset(raw["parts_of_day"]),
        clock_words=dict(raw["clock_words"]),
        seasons=dict(raw["seasons"]),
        deictic_days=dict(raw["deictic_days"]),
        relative_past=frozenset(raw["relative_past"]),
        relative_future=frozenset(raw["relative_future"]),
        relative_current=frozenset(raw["relative_current"]),
        relative_narrative=frozenset(raw["relative_narrative"]),
        qualifiers=by_length(raw["qualifiers"]),
        set_words=dict(raw["set_words"]),
        leading_trim=by_length(raw["leading_trim"]),
        age_words=frozenset(raw["age_words"]),
        future_aux=frozenset(raw["future_aux"]),
        future_verbs=frozenset(raw["future_verbs"]),
        future_adjectives=frozenset(raw["future_adjectives"]),
        holidays=tuple(raw["holidays"]),
    )


def alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Grammar:
    """Regular expressions built from the lexicon (lower-case, for normalisation)."""

    mon: str
    wd: str
    num: str
    unit: str
    season: str
    part: str


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    lex = lexicon()
    return Grammar(
        mon=alt(lex.months),
        wd=alt(lex.weekdays),
        num=alt(lex.numbers) + r"|\d+(?:\.\d+)?",
        unit=alt([*lex.units, *lex.time_units]),
        season=alt(lex.seasons),
        part=alt(lex.parts_of_day),
    )


# ---------------------------------------------------------------- detection


@lru_cache(maxsize=1)
def _shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (D, W, F, M, Q, Y, E, C)."""
    days = {"D": 1, "W": 7, "F": 14}
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}
    if unit in days:
        return day + dt.timedelta(days=round(amount * days[unit]))
    total = day.year * 12 + day.month - 1 + round(amount * months[unit])
    year, month0 = divmod(total, 12)
    if not 1 <= year <= 9999:
        return day
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def _interval(a: dt.date, b: dt.date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_Result = tuple[str | None, str]


class _Resolver:
    """Applies the normalisation rules in order; the first that matches wins."""

    def __init__(self, published: dt.date | None, direction: str) -> None:
        self.pub = published
        self.future = direction == FUTURE
        self.narrated = direction == NARRATED
        self.lex = lexicon()
        self.g = grammar()

    def resolve(self, s: str) -> _Result:
        rules: tuple[Callable[[str], _Result | None], ...] = (
            self._set, self._clock, self._decade, self._numeric, self._month_day,
            self._month_year, self._year, self._deictic, self._weekday, self._season,
            self._relative, self._ago, self._bare_month, self._duration, self._qualified,
            self._holiday, self._dateparser, self._range,
        )  # fmt: skip
        for rule in rules:
            result = rule(s)
            if result is not None:
                return result
        words = set(re.findall(r"[a-z]+", s))
        if words & {u + "s" for u in (*self.lex.units, *self.lex.time_units)}:
            return None, "duration"
        return None, "other"

    def _num(self, word: str | None) -> float:
        if word is None:
            return 1.0
        return self.lex.numbers.get(word) or float(word)

    # -- rules -------------------------------------------------------------

    def _set(self, s: str) -> _Result | None:
        if s in self.lex.set_words:
            return self.lex.set_words[s], "set"
        m = re.fullmatch(rf"(?:(?:every|each|on) )?({self.g.wd})s", s) or re.fullmatch(
            rf"(?:every|each) ({self.g.wd})", s
        )
        if m:
            return f"XXXX-WXX-{self.lex.weekdays[m.group(1)] + 1}", "set"
        m = re.fullmatch(rf"every ({self.g.num}) ({self.g.unit})s?", s)
        if m:
            return _duration_value(self._num(m.group(1)), m.group(2), self.lex), "set"
        return None

    def _clock(self, s: str) -> _Result | None:
        words = alt(self.lex.clock_words)
        clock = rf"(\d{{1,2}})(?:(?:[:.](\d{{2}}))? ?([ap])\.?m\b\.?| o'clock\b)|\b(?:{words})\b"
        m = re.search(rf"(?:\bat )?\b(?:{clock})(?: (?:[ecmp][sd]?t|gmt|utc|local time)\b)?", s)
        if not m:
            return None
        if m.group(1):
            pm = m.group(3) == "p" or (
                m.group(3) is None and re.search(r"afternoon|evening|night", s)
            )
            hour = int(m.group(1)) % 12 + (12 if pm else 0)
            hhmm = f"{hour:02d}:{m.group(2) or '00'}"
        else:
            word = re.sub(r"^at |\s.*$", "", m.group(0))
            hhmm = self.lex.clock_words[word]
        rest = (s[: m.start()] + " " + s[m.end() :]).replace(",", " ")
        rest = re.sub(r"\s+", " ", re.sub(r"\b(?:on|at|in the)\b", " ", rest)).strip()
        rest = re.sub(rf"^(?:this|in the) (?:{self.g.part})$", "today", rest)
        if not rest:
            return f"T{hhmm}", "time"
        value, kind = self.resolve(rest)
        if kind == "date":
            return (f"{value}T{hhmm}" if value else None), "time"
        return value, kind

    def _decade(self, s: str) -> _Result | None:
        m = re.fullmatch(r"(?:the )?(?:(early|mid|late)[- ])?(\d{3})0'?s", s)
        if m:
            base = int(m.group(2)) * 10
        else:
            m2 = re.fullmatch(r"(?:the )?'(\d)0s", s)
            if not m2:
                return None
            digit = int(m2.group(1))
            base = (1900 if digit >= 3 else 2000) + digit * 10
        return _interval(dt.date(base, 1, 1), dt.date(base + 9, 12, 31)), "interval"

    def _numeric(self, s: str) -> _Result | None:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
        if m:
            day = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return (day.isoformat() if day else None), "date"
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?", s)
        if not m:
            return None
        a, b = int(m.group(1)), int(m.group(2))
        month, dom = (b, a) if a > 12 else (a, b)
        if m.group(3) is None:
            return self._month_and_day(month, dom), "date"
        year = int(m.group(3))
        if year < 100:
            year += 1900 if year >= 50 else 2000
        day = _safe_date(year, month, dom)
        return (day.isoformat() if day else None), "date"

    def _month_day(self, s: str) -> _Result | None:
        g = self.g
        head = rf"(?:({g.wd})\.?,? )?(?:the )?"
        tail = r"(?:,? (\d{4}))?"
        m = re.fullmatch(rf"{head}({g.mon})\.? (\d{{1,2}})(?:st|nd|rd|th)?{tail}", s)
        if m:
            weekday, mon, dom, year = m.group(1), m.group(2), int(m.group(3)), m.group(4)
        else:
            m = re.fullmatch(rf"{head}(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({g.mon})\.?{tail}", s)
            if not m:
                return None
            weekday, mon, dom, year = m.group(1), m.group(3), int(m.group(2)), m.group(4)
        month = self.lex.months[mon]
        if year is None and weekday is not None and self.pub is not None:
            return self._by_weekday(month, dom, self.lex.weekdays[weekday]), "date"
        if year is None:
            return self._month_and_day(month, dom), "date"
        day = _safe_date(int(year), month, dom)
        return (day.isoformat() if day else None), "date"

    def _by_weekday(self, month: int, dom: int, weekday: int) -> str | None:
        """The year near publication in which ``month``/``dom`` falls on ``weekday``."""
        assert self.pub is not None
        pub = self.pub
        options = [_safe_date(pub.year + k, month, dom) for k in (-1, 0, 1)]
        fitting = [d for d in options if d is not None and d.weekday() == weekday]
        if not fitting:
            return self._month_and_day(month, dom)
        return min(fitting, key=lambda d: abs((d - pub).days)).isoformat()

    def _month_and_day(self, month: int, dom: int) -> str | None:
        if self.pub is None:
            return None
        day = _safe_date(self.pub.year, month, dom)
        if day is None:
            return None
        if self.future and day < self.pub:
            day = _safe_date(day.year + 1, month, dom)
        elif not self.future and day > self.pub:
            day = _safe_date(day.year - 1, month, dom)
        return day.isoformat() if day else None

    def _month_year(self, s: str) -> _Result | None:
        m = re.fullmatch(rf"({self.g.mon})\.?,? (?:of )?(\d{{4}})", s)
        if m:
            return f"{m.group(2)}-{self.lex.months[m.group(1)]:02d}", "month"
        m = re.fullmatch(r"(\d{4})-(\d{2})", s)
        if m and 1 <= int(m.group(2)) <= 12:
            return s, "month"
        m = re.fullmatch(rf"({self.g.mon})\.? (last|this|next) year", s)
        if m:
            if self.pub is None:
                return None, "month"
            year = self.pub.year + {"last": -1, "this": 0, "next": 1}[m.group(2)]
            return f"{year}-{self.lex.months[m.group(1)]:02d}", "month"
        return None

    def _year(self, s: str) -> _Result | None:
        m = re.fullmatch(r"(?:the year |fiscal year |fiscal |fy ?|the )?(\d{4})", s)
        if m and 1000 <= int(m.group(1)) <= 2199:
            return m.group(1), "year"
        return None

    def _deictic(self, s: str) -> _Result | None:
        m = re.fullmatch(rf"(today|tonight|yesterday|tomorrow)(?: ({self.g.part}))?", s)
        key = m.group(1) if m else s
        if key not in self.lex.deictic_days:
            return None
        if self.pub is None:
            return None, "date"
        return (self.pub + dt.timedelta(days=self.lex.deictic_days[key])).isoformat(), "date"

    def _weekday(self, s: str) -> _Result | None:
        g = self.g
        m = re.fullmatch(rf"(?:(last|this|next|coming|past) )?({g.wd})\.?(?:,? ({g.part}))?", s)
        week = re.fullmatch(rf"({g.wd})\.?(?:,? ({g.part}))? (last|this|next) week", s)
        if not m and not week:
            return None
        if self.pub is None:
            return None, "date"
        if week:  # "Tuesday last week": that weekday inside the named calendar week
            step = {"last": -1, "this": 0, "next": 1}[week.group(3)]
            monday = self.pub - dt.timedelta(days=self.pub.weekday()) + dt.timedelta(weeks=step)
            day = monday + dt.timedelta(days=self.lex.weekdays[week.group(1)])
            return day.isoformat(), "date"
        assert m is not None
        target, mod = self.lex.weekdays[m.group(2)], m.group(1)
        if mod in ("next", "coming") or (self.future and mod not in ("last", "past")):
            ahead = (target - self.pub.weekday()) % 7
            if ahead == 0 and mod in ("next", "coming"):
                ahead = 7
            return (self.pub + dt.timedelta(days=ahead)).isoformat(), "date"
        back = (self.pub.weekday() - target) % 7
        if back == 0 and mod in ("last", "past"):
            back = 7
        return (self.pub - dt.timedelta(days=back)).isoformat(), "date"

    def _season(self, s: str) -> _Result | None:
        m = re.fullmatch(
            rf"(?:the )?(?:(last|this|next|past|coming) )?({self.g.season})(?: (?:of )?(\d{{4}}))?",
            s,
        )
        if not m:
            return None
        start_month = self.lex.seasons[m.group(2)]
        if m.group(3):
            return _season_interval(int(m.group(3)), start_month), "interval"
        if self.pub is None:
            return None, "interval"
        mod = m.group(1)
        # the season occurrence containing or nearest the publication date, then step
        year = self.pub.year - (1 if start_month == 12 and self.pub.month <= 2 else 0)
        begin = dt.date(year, start_month, 1)
        end = _shift(begin, 3, "M") - dt.timedelta(days=1)
        if mod in ("last", "past"):
            year -= 1 if end >= self.pub else 0
        elif mod in ("next", "coming"):
            year += 1 if begin <= self.pub else 0
        elif mod != "this":
            if self.future and end < self.pub:
                year += 1
            elif not self.future and begin > self.pub:
                year -= 1
        return _season_interval(year, start_month), "interval"

    def _relative(self, s: str) -> _Result | None:
        lex, g = self.lex, self.g
        mods = alt(
            [
                *lex.relative_past,
                *lex.relative_future,
                *lex.relative_current,
                *lex.relative_narrative,
            ]
        )
        m = re.fullmatch(
            rf"(the )?(?:(?:earlier|later|early|late) )?({mods}) (?:({g.num}) )?"
            rf"({g.unit}|weekend|centurie)(s)?",
            s,
        )
        if m:
            the, mod, num, unit_word, plural = m.groups()
        elif s in ("the year", "the month", "the week"):  # "by the end of the year"
            the, mod, num, unit_word, plural = None, "this", None, s[4:], None
        else:
            return None
        unit_word = "century" if unit_word == "centurie" else unit_word
        if unit_word in lex.time_units:  # "the past 24 hours": the publication day
            return (self.pub.isoformat() if self.pub and num else None), "date"
        unit = lex.units.get(unit_word, "W")
        calendar_kind = {"D": "date", "M": "month", "Y": "year", "Q": "other"}.get(unit, "interval")
        narrative = mod in lex.relative_narrative or mod == "recent"
        # "the next year" in a told past: the year after a time of the story, unknown here
        narrative = narrative or bool(
            the and self.narrated and mod in lex.relative_future and not (num or plural)
        )
        if narrative or (unit == "D" and the and not num):  # "the following week", "the next day"
            return None, "interval" if num or plural else calendar_kind
        rolling = (
            bool(num or plural)
            or mod in ("past", "coming", "upcoming")
            or (bool(the) and mod not in lex.relative_current)
            or (unit in ("E", "C") and mod == "last")  # "the last decade" = ten years to date
        )
        kind = "interval" if rolling else calendar_kind
        if self.pub is None or (rolling and plural and not num):
            return None, kind
        step = -1 if mod in lex.relative_past else 1 if mod in lex.relative_future else 0
        if rolling:
            other = _shift(self.pub, step * self._num(num), unit)
            return _interval(*sorted((self.pub, other))), kind
        return self._calendar(unit_word, unit, step), kind

    def _calendar(self, unit_word: str, unit: str, step: int) -> str | None:
        assert self.pub is not None
        pub = self.pub
        if unit_word == "weekend":
            saturday = pub + dt.timedelta(days=5 - pub.weekday())
            if step < 0 or (step == 0 and not self.future and saturday > pub):
                saturday -= dt.timedelta(days=7)
            elif step > 0:
                saturday += dt.timedelta(days=7)
            return _interval(saturday, saturday + dt.timedelta(days=1))
        if unit == "D":
            return (pub + dt.timedelta(days=step)).isoformat()
        if unit in ("W", "F"):
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=step)
            return _interval(monday, monday + dt.timedelta(days=6))
        if unit == "M":
            first = _shift(pub.replace(day=1), step, "M")
            return f"{first.year}-{first.month:02d}"
        if unit == "Q":
            quarter = (pub.year * 4 + (pub.month - 1) // 3) + step
            return f"{quarter // 4}-Q{quarter % 4 + 1}"
        if unit == "Y":
            return str(pub.year + step)
        if unit in ("E", "C"):
            size = 10 if unit == "E" else 100
            first_year = pub.year // size * size + step * size
            return _interval(dt.date(first_year, 1, 1), dt.date(first_year + size - 1, 12, 31))
        return None

    def _ago(self, s: str) -> _Result | None:
        m = re.fullmatch(
            rf"({self.g.num}) ({self.g.unit})s? (ago|back|earlier|later|before|after|from now)",
            s,
        )
        if not m:
            return None
        unit_word = m.group(2)
        unit = self.lex.units.get(unit_word)
        kind = {"M": "month", "Y": "year", "E": "year", "C": "year"}.get(unit or "", "date")
        if m.group(3) in ("earlier", "later", "before", "after") or self.pub is None:
            return None, kind
        if unit is None:  # hours or minutes ago: the publication day
            return self.pub.isoformat(), "date"
        sign = 1 if m.group(3) == "from now" else -1
        day = _shift(self.pub, sign * self._num(m.group(1)), unit)
        if kind == "month":
            return f"{day.year}-{day.month:02d}", kind
        if kind == "year":
            return str(day.year), kind
        return day.isoformat(), kind

    def _bare_month(self, s: str) -> _Result | None:
        m = re.fullmatch(rf"(?:(last|this|next|past|coming) )?({self.g.mon})\.?", s)
        if not m:
            return None
        if self.pub is None:
            return None, "month"
        month, mod = self.lex.months[m.group(2)], m.group(1)
        year = self.pub.year
        if mod in ("last", "past"):
            year -= 1 if month >= self.pub.month else 0
        elif mod in ("next", "coming"):
            year += 1 if month <= self.pub.month else 0
        elif mod != "this":
            if self.future and month < self.pub.month:
                year += 1
            elif not self.future and month > self.pub.month:
                year -= 1
        return f"{year}-{month:02d}", "month"

    def _duration(self, s: str) -> _Result | None:
        m = re.fullmatch(rf"(?:({self.g.num})[ -])?({self.g.unit})(s)?([ -]?long)?", s)
        if not m or not (m.group(1) or m.group(3) or m.group(4)):
            return None
        if not m.group(1) and (m.group(3) or m.group(2) in self.lex.time_units):
            return None, "duration"  # "decades", "years-long": no amount
        if m.group(1) in self.lex.vague_numbers:
            return None, "duration"  # "several days"
        return _duration_value(self._num(m.group(1)), m.group(2), self.lex), "duration"

    def _qualified(self, s: str) -> _Result | None:
        for q in self.lex.qualifiers:
            rest = s[len(q) :]
            if not s.startswith(q) or not rest or not (q.endswith("-") or rest[0] in " -"):
                continue
            rest = re.sub(r"^(?:in|on|of) ", "", rest.strip(" -"))
            value, kind = self.resolve(rest)
            if kind != "other" or value is not None:
                return value, kind
        return None

    def _range(self, s: str) -> _Result | None:
        """ "1995 to 1997", "between May and July": one interval from both ends."""
        m = re.fullmatch(
            r"(?:between |from )?(.+?) ?(?:\bto\b|\bthrough\b|\band\b|\buntil\b|-) ?(.+)", s
        )
        if not m:
            return None
        first, first_kind = self.resolve(m.group(1))
        last, last_kind = self.resolve(m.group(2))
        if first is None or last is None or first_kind != last_kind:
            return None
        if first_kind not in ("date", "month", "year"):
            return None
        return _interval(_bounds(first)[0], _bounds(last)[1]), "interval"

    def _holiday(self, s: str) -> _Result | None:
        if any(h in s for h in self.lex.holidays):
            year = re.search(r"\b(\d{4})\b", s)
            return (year.group(1) if year else None), "other"
        return None

    def _dateparser(self, s: str) -> _Result | None:
        has_year = re.search(r"\b\d{4}\b", s) is not None
        has_month = re.search(rf"\b(?:{self.g.mon})\b", s) is not None
        if not has_month or not re.search(r"\d", s) or (self.pub is None and not has_year):
            return None
        import dateparser  # slow to import; only needed for odd absolute dates

        base = dt.datetime.combine(self.pub or dt.date(2000, 1, 1), dt.time())
        parsed = dateparser.parse(
            s,
            languages=["en"],
            settings={
                "RELATIVE_BASE": base,
                "PREFER_DATES_FROM": "future" if self.future else "past",
                "REQUIRE_PARTS": ["day", "month"],
            },
        )
        if parsed is None or not 1000 <= parsed.year <= 2199:
            return None
        return parsed.date().isoformat(), "date"


def _bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day of a date, month ("2024-07") or year ("2024") value."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        return first, _shift(first, 1, "M") - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def _season_interval(year: int, start_month: int) -> str:
    begin = dt.date(year, start_month, 1)
    return _interval(begin, _shift(begin, 3, "M") - dt.timedelta(days=1))


def _duration_value(amount: float, unit_word: str, lex: Lexicon) -> str:
    if unit_word in lex.time_units:
        return f"PT{_number(amount)}{lex.time_units[unit_word]}"
    unit = lex.units[unit_word]
    factor, iso = {"E": (10, "Y"), "C": (100, "Y"), "F": (2, "W"), "Q": (3, "M")}.get(
        unit, (1, unit)
    )
    return f"P{_number(amount * factor)}{iso}"


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else str(amount)


def _clean(expression: str) -> str:
    s = expression.lower().replace("’", "'").replace("‘", "'").replace("–", "-")
    s = re.sub(r"\s+", " ", s.replace("—", "-")).strip(" ,;:")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^this past ", "last ", s)
    s = re.sub(r"^(?:these|those) ", "the ", s)
    lex = lexicon()
    changed = True
    while changed:
        changed = False
        for phrase in lex.leading_trim:
            if s.startswith(phrase + " "):
                s = s[len(phrase) + 1 :]
                changed = True
                break
    return s


def normalise(
    expression: str, published: dt.date | None, direction: str = PAST
) -> tuple[str | None, str]:
    """Value and kind of one temporal expression (``direction``: PAST, NARRATED or FUTURE;
    NARRATED counts as PAST but for "the next year", which then follows a time the story
    told of, not the publication date)."""
    return _Resolver(published, direction).resolve(_clean(expression))

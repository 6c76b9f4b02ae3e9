"""Time phrases in English news text, resolved against the article's publication date.

News is written in the past tense, so a bare weekday or month points back to the most recent one: "on
Saturday" in a Sunday article is the day before, "in November" in a March article is last November. Each
phrase becomes an inclusive interval with a precision (day, week, month, year), and keeps the article's own
words, leading preposition included ("on Saturday", "in early May", "last month"). An interval wider than a
month ("between May and July", a season such as "last summer") has precision year, the coarsest unit that
holds it; its start and end say which months.

The whole grammar is one regex compiled at import, run once along a lower-cased copy of the text (so every
word list is plain lower case); month and weekday names must still have a capital in the text itself, which
is checked on the few matches. Alternatives are ordered so that, at one starting point, the longer reading
comes first (a day range before a day, "May 2021" before "May"). Calendar arithmetic runs only on matches.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from borderwatch.extract.english import DAY_PARTS, NUMBER_UNITS, ORDINALS
from borderwatch.extract.english import MONTH_ABBREVIATIONS as _MONTH_ABBREVIATIONS
from borderwatch.extract.english import MONTHS as _MONTHS
from borderwatch.extract.english import WEEKDAYS as _WEEKDAYS

PRECISIONS = ("day", "week", "month", "year", "unknown")


@dataclass(frozen=True)
class TimeMention:
    start: int  # char offset of the phrase in the text passed in, plus `offset`
    end: int  # exclusive; text[start - offset : end - offset] == phrase
    phrase: str  # the words as in the text, e.g. "last month", "on Saturday", "in May"
    date_start: date | None
    date_end: date | None  # inclusive
    precision: str  # one of PRECISIONS


Interval = tuple[date, date, str]

_MONTH_NUMBER = {name: i for i, name in enumerate(_MONTHS, 1)}
# Northern-hemisphere meteorological seasons, by the month each starts in; winter runs into the next year.
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_WEEKDAY_NUMBER = {name: i for i, name in enumerate(_WEEKDAYS)}
_NUMBER_WORDS = tuple(word for word, n in NUMBER_UNITS.items() if 1 <= n <= 12)
_COUNT_WORDS = {
    "a": 1, **{word: i for i, word in enumerate(_NUMBER_WORDS, 1)}, "a couple of": 2, "couple of": 2,
    "few": 3, "several": 5,
}  # fmt: skip

# --- The grammar, over lower-case text. ---


def _trie(phrases: Iterable[str]) -> str:
    """Any of the phrases, as a trie; a space in a phrase matches any run of whitespace.

    Every alternative opens with one literal character, which the regex engine rejects without saving state;
    a flat alternation of the same words costs several times more at every word of the text.
    """
    tree: dict[str, dict] = {}
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(tree)


def _trie_node(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if c == " " else re.escape(c)) + _trie_node(child) for c, child in node.items() if c]
    if not branches:
        return ""
    if "" in node:
        return _opt("|".join(branches))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _opt(pattern: str) -> str:
    """The pattern or nothing, greedily (an empty alternative is cheaper for the regex engine than '?')."""
    return f"(?:{pattern}|)"


def _words_of(phrases: Iterable[str]) -> str:
    return rf"(?:{_trie(phrases)})(?!\w)"


_MONTH = rf"(?:{_trie(_MONTHS)})(?!\w)"
_MONTH_OR_ABBR = rf"(?:{_trie([*_MONTHS, *_MONTH_ABBREVIATIONS])})(?:\.|(?!\w))"
_WEEKDAY = rf"(?:{_trie(_WEEKDAYS)})(?!\w)"
_DAY_PART = "|".join(DAY_PARTS)
# Words after a number that make it a count, not a day or a year ("May 12 soldiers", "2021 troops").
_COUNTED_NOUNS = (
    "soldier", "troop", "person", "civilian", "resident", "refugee", "villager", "house", "home", "building",
    "village", "meter", "metre", "kilometer", "kilometre", "mile", "hectare", "hour", "hr", "minute", "unit",
    "round", "shell", "missile", "rocket", "drone", "tank", "vehicle", "position", "member", "officer",
    "fighter", "militant", "vote", "dollar", "euro", "dram", "manat", "rouble", "ruble", "ton", "tonne",
    "prisoner", "captive", "hostage", "post", "time",
)  # fmt: skip
_COUNTED = _words_of(
    (*_COUNTED_NOUNS, *(f"{noun}s" for noun in _COUNTED_NOUNS), "serviceman", "servicemen", "people", "men",
     "women", "children", "family", "families", "m", "km", "feet", "ft", "h", "local", "gmt", "utc",
     "personnel", "square", "sq", "per", "percent", "casualties", "dead", "bodies")
)  # fmt: skip
_NOT_A_COUNT = rf"(?!\s+{_COUNTED})"
_DAY = r"(?<![0-9:./])(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|)(?!\w|[.,:][0-9])"
# A year stands alone: not part of "2,000", "$2020", "1-2020", "2020s", "20.20", nor a clock ("at 1930").
_YEAR_END = r"(?:19|20)[0-9]{2}(?![\w%]|[.,:][0-9])"  # also the second year of a range, after its dash
_YEAR = (
    rf"(?<![\w$£€#/.,:+])(?<![0-9][-–—])(?<!\bat\s){_YEAR_END}"
    r"(?<!resolution\s....)(?<!no\.\s....)(?<!\bno\s....)(?<!number\s....)"
)
_THE = r"the\s+"
_DASH = r"\s*[-–—]\s*"
_TO = rf"\s+{_trie(['to', 'until', 'till', 'through', 'thru'])}\s+"
_AND = r"\s+and\s+"
_DAY_SEP = f"(?:{_DASH}|{_TO}|{_AND})"
# "and" joins two full dates or years only after "between" ("on May 12 and June 3" are two days).
_RANGE_SEP = f"(?(btw){_AND}|(?:{_DASH}|{_TO}))"
_OPT_OF = r"(?:\s+of|)"


def _comma_year(name: str) -> str:
    """An optional year after a date: ', 2022' or ' 2022', in group `name`."""
    return _opt(rf",?\s+(?P<{name}>{_YEAR})")


# Prepositions kept in the phrase; "after"/"before" are not, as they would change its meaning.
_PREPOSITIONS = (
    "since", "until", "till", "by", "from", "throughout", "through", "during", "in", "on", "at", "as of",
    "up to", "up until", "over", "for", "within", "toward", "towards", "around",
)  # fmt: skip
_PREFIX = rf"(?:(?P<btw>between)\s+|(?P<pre>{_trie(_PREPOSITIONS)})\s+|)"
# Modifiers that keep the bare unit's interval: "early May", "mid-2021", "the end of May".
_PARTS = (
    "end", "beginning", "start", "middle", "turn", "first half", "second half",
    *(f"{which} {unit}" for which in (*ORDINALS, "last", "final")
      for unit in ("week", "weeks", "days", "quarter")),
)  # fmt: skip
_PART_OF_PHRASES = (
    *(f"{the}{very}{part} of" for the in ("", "the ") for very in ("", "very ") for part in _PARTS),
    "earlier in", "later in",
)  # fmt: skip
_EARLY_LATE = ("early", "late", "mid")
_PART_OF = _opt(rf"{_trie(_PART_OF_PHRASES)}\s+|{_trie(_EARLY_LATE)}(?:\s+|-)")
_HOURS_OF = tuple(f"{the}{which} hours of" for the in ("", "the ") for which in ("early", "small", "wee"))
_TIME_OF = tuple(f"{the}{part} of" for the in ("", "the ") for part in DAY_PARTS)
_DAY_PARTS = (*_HOURS_OF, *_TIME_OF, "the eve of", "eve of", "late", "early", "late on", "early on")
_WEEKDAY_MODS = (
    *_HOURS_OF, *_TIME_OF, "late", "early", "overnight", "late on", "early on", "overnight on", "last",
    "next", "this", "coming",
)  # fmt: skip
_UNIT_PARTS = tuple(
    f"{the}{very}{part} of"
    for the in ("", "the ")
    for very in ("", "very ")
    for part in ("end", "beginning", "start", "middle", "first half", "second half")
)
_UNIT_MOD_WORDS = ("earlier", "later", "early", "late", "mid")
_UNIT_MOD = rf"(?:{_trie(_UNIT_PARTS)}\s+|{_trie(_UNIT_MOD_WORDS)}(?:\s+|-))"
_RELATIVE = ("last", "this", "next", "past", "coming", "current")
_AGO_COUNTS = ("a", *_NUMBER_WORDS, "couple of", "a couple of")
_AGO_UNITS = ("day", "week", "month", "year", "decade")
_AGO_UNITS_PLURAL = (*_AGO_UNITS, *(f"{unit}s" for unit in _AGO_UNITS))
_AGO_PHRASES = tuple(f"{n} {unit}" for n in _AGO_COUNTS for unit in _AGO_UNITS_PLURAL)
_TODAY_WORDS = (
    "today", "tonight", "currently", "presently", "nowadays", "now", "at present", "so far", "thus far",
    "this morning", "this afternoon", "this evening", "last night", "last evening",
    "the day before yesterday",
)  # fmt: skip
_DAY_NEXT_TO_TODAY = ("yesterday", "tomorrow")
# "May" and "March" are also verbs; as months they need a day, a year, or one of these words before them.
_MAY_CONTEXT = (
    r"(?:(?<=\bin\s)|(?<=\bon\s)|(?<=\bof\s)|(?<=\bby\s)|(?<=since\s)|(?<=until\s)|(?<=\btill\s)"
    r"|(?<=early\s)|(?<=\blate\s)|(?<=\bmid-)|(?<=\bmid\s)|(?<=\blast\s)|(?<=\bfrom\s)|(?<=through\s)"
    r"|(?<=during\s)|(?<=after\s)|(?<=before\s)|(?<=\bthis\s)|(?<=\bnext\s)|(?<=\bend\s)|(?<=\bend-))"
)


# Groups holding a month or weekday name end in "mon" or "wd": find_times checks the text has a capital there.
def _single_day(p: str) -> str:
    """'September 13', 'Sept. 13, 2022', '13 September 2022', 'the 13th of June' (groups prefixed p)."""
    return (
        rf"(?:(?P<{p}1mon>{_MONTH_OR_ABBR})\s*(?P<{p}d1>{_DAY}){_NOT_A_COUNT}"
        rf"|(?:{_THE}|)(?P<{p}d2>{_DAY}){_OPT_OF}\s+(?P<{p}2mon>{_MONTH_OR_ABBR}))" + _comma_year(p + "y")
    )


# A season with a year ("the spring of 2021"), with last/this/next, or bare after a preposition ("in the
# summer"); "fall" and the rest not before "of" without a year ("the fall of Shusha").
_SEASON = (
    rf"(?:(?P<se_rel>last|this|next)\s+|{_THE}|)(?P<se_s>{_words_of(_SEASON_START)})"
    rf"(?:(?:\s+of|,|)\s+(?P<se_y>{_YEAR})|(?(se_rel)|(?(pre)(?!\s+of(?!\w))|(?!))))"
)
# "The 13th" with no month is a date only where nothing it could number follows ("the 13th brigade", "the
# 21st century"): the end of the text, punctuation, or one of these words.
_AFTER_NTH = (
    "and", "or", "but", "at", "in", "near", "when", "while", "as", "after", "before", "until", "amid", "with",
    "was", "saw",
)  # fmt: skip
_NTH_END = rf"(?=\s*(?:[,;:!?)\]”’\"'—–]|\.(?![0-9])|\Z)|\s+{_words_of(_AFTER_NTH)})"


_KINDS = {
    # "13–14 September 2022", "September 13-14", "between 30 August and 2 September".
    "drange": (
        rf"(?:(?P<ra_d1>{_DAY}){_DAY_SEP}(?:{_THE}|)(?P<ra_d2>{_DAY}){_OPT_OF}\s+(?P<ra_mon>{_MONTH_OR_ABBR})"
        + _comma_year("ra_y")
        + rf"|(?P<rb_mon>{_MONTH_OR_ABBR})\s*(?P<rb_d1>{_DAY}){_DAY_SEP}(?P<rb_d2>{_DAY}){_NOT_A_COUNT}"
        + _comma_year("rb_y")
        + rf"|{_single_day('rc1')}{_RANGE_SEP}{_single_day('rc2')})"
    ),
    "iso": (
        r"(?P<iso_y>(?:19|20)[0-9]{2})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
    ),
    # "13/05/2021", "13.05.2021", "13-05-2021": day first, as news from the region writes it, even when both
    # numbers could be a month ("03/05/2021" is 3 May); "05/13/2021" has no thirteenth month and is no date.
    "dmy": (
        r"(?<![0-9][-./])(?P<dmy_d>3[01]|[12][0-9]|0?[1-9])(?P<dmy_sep>[-./])(?P<dmy_m>1[0-2]|0?[1-9])"
        r"(?P=dmy_sep)(?P<dmy_y>(?:19|20)[0-9]{2})(?!\w|[-./,:][0-9])"
    ),
    "day": rf"(?:(?P<dy_wd>{_WEEKDAY}),?\s+|)" + _single_day("dy"),
    # "on the 13th": an ordinal day of a month the article leaves to the reader.
    "nth": rf"{_THE}(?P<nth_d>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)){_NTH_END}",
    "mrange": rf"(?P<mr_1mon>{_MONTH}){_comma_year('mr_y1')}{_RANGE_SEP}(?P<mr_2mon>{_MONTH})"
    + _comma_year("mr_y2"),
    "yrange": rf"(?P<yr_1>{_YEAR}){_RANGE_SEP}(?P<yr_2>{_YEAR_END}|(?<=[-–—])[0-9]{{2}}(?![\w%]|[.,:][0-9]))",
    "myear": rf"(?P<my_mon>{_MONTH})(?:\s+of|,|)\s+(?P<my_y>{_YEAR})",
    "season": _SEASON,
    "month": (
        r"(?:(?P<mo_rel>last|this|next)\s+|)"
        rf"(?P<mo_mon>(?!may|march){_MONTH}|(?=ma(?:y|rch)(?!\w)){_MAY_CONTEXT}(?:may|march))"
    ),
    # A count after a bare number ("2021 troops") unless a preposition says it is a year ("in 2021 people").
    "year": rf"(?P<y_y>{_YEAR})(?![-–—/][0-9])(?(pre)|{_NOT_A_COUNT})",
    "weekday": (
        rf"(?:(?P<wd_mod>{_trie(_WEEKDAY_MODS)})\s+|)(?P<wd_wd>{_WEEKDAY})"
        rf"(?:\s+(?:{_DAY_PART})(?!\w)|)"
    ),
    "unit": (
        rf"(?:(?P<u_mod>{_UNIT_MOD})|)(?P<u_rel>{_trie(_RELATIVE)})\s+"
        rf"(?P<u_u>{_words_of(['weekend', 'week', 'month', 'year'])})"
        rf"|(?P<u_mod2>{_UNIT_MOD}){_THE}(?P<u_u2>{_words_of(['week', 'month', 'year'])})"
        r"|(?(pre)(?P<u_wkend>the\s+weekend)(?!\w)|(?!))"
    ),
    "past": (
        r"the\s+(?:past|last)\s+"
        rf"(?:(?P<pa_n>[0-9]{{1,2}}|{_trie([*_NUMBER_WORDS, 'few', 'couple of', 'several'])})\s+|)"
        rf"(?P<pa_u>{_trie(['hour', 'day', 'week', 'month', 'year'])})(?:s|)(?!\w)"
    ),
    "ago": rf"(?:[0-9]{{1,2}}\s+{_trie(_AGO_UNITS_PLURAL)}|{_trie(_AGO_PHRASES)})\s+ago(?!\w)",
    "today": (
        r"(?:(?:earlier|later)\s+|)"
        rf"(?:(?P<td_w>{_trie(_TODAY_WORDS)})(?!\w)|(?P<td_w2>{_trie(_DAY_NEXT_TO_TODAY)})"
        rf"(?:\s+(?:{_DAY_PART})|)(?!\w))"
    ),
}

# The gate: a cheap test, at every word, that a time phrase could start here. It is built from the grammar's
# own word lists and lets through a superset of what the grammar matches, so the full grammar runs at a few
# words in a hundred.
_GATE_PHRASES = (
    *_MONTHS, *_MONTH_ABBREVIATIONS, *_WEEKDAYS, *_PART_OF_PHRASES, *_EARLY_LATE, *_DAY_PARTS, *_WEEKDAY_MODS,
    *_UNIT_PARTS, *_UNIT_MOD_WORDS, *_RELATIVE, "the weekend", "the past", "the last", *_TODAY_WORDS,
    *_DAY_NEXT_TO_TODAY, *_AGO_PHRASES, "earlier", "later", *_SEASON_START,
    *(f"the {season}" for season in _SEASON_START),
)  # fmt: skip
_GATE_START = rf"[0-9]|{_THE}[0-9]|{_words_of(_GATE_PHRASES)}"
_GATE = rf"(?={_GATE_START}|{_trie([*_PREPOSITIONS, 'between'])}\s+(?:{_GATE_START}))"
# Kinds that share an optional lead-in ("the night of", "early") are tried after it, so it is read once.
_SHARED_LEAD = {"drange": _opt(_trie(_DAY_PARTS) + r"\s+"), "myear": _PART_OF}
_LEAD_KINDS = {"drange": ("drange", "day"), "myear": ("myear", "season", "month", "year")}
_ORDER = (
    "iso",
    "dmy",
    "drange",
    "nth",
    "mrange",
    "yrange",
    "myear",
    "weekday",
    "unit",
    "past",
    "ago",
    "today",
)


def _alternatives() -> str:
    parts = []
    for first in _ORDER:
        kinds = "|".join(f"(?P<{kind}>{_KINDS[kind]})" for kind in _LEAD_KINDS.get(first, (first,)))
        parts.append(f"{_SHARED_LEAD[first]}(?:{kinds})" if first in _SHARED_LEAD else kinds)
    return "|".join(parts)


# A match opens with the one non-word character before the phrase (find_times pads the text with a space):
# a leading character class lets the engine skip along the text in C instead of trying every position.
_PATTERN = re.compile(r"\W" + _GATE + _PREFIX + "(?:" + _alternatives() + ")")


def _name_groups() -> dict[str, list[int]]:
    """Per kind, the groups holding a month or weekday name (numbered after the kind, before the next)."""
    kinds = sorted((_PATTERN.groupindex[kind], kind) for kind in _KINDS)
    bounds = [index for index, _ in kinds[1:]] + [_PATTERN.groups + 1]
    names = [(index, name) for name, index in _PATTERN.groupindex.items() if name.endswith(("mon", "wd"))]
    return {
        kind: [i for i, _ in names if first < i < bound]
        for (first, kind), bound in zip(kinds, bounds, strict=True)
    }


_NAME_GROUPS = _name_groups()


# --- Calendar arithmetic. ---


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    # calendar.monthrange also works out the weekday the month starts on: three times slower.
    return 29 if month == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[month]


def _valid(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= _days_in(year, month):
        return date(year, month, day)
    return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _days_in(year, month))


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def _recent_day(published: date, month: int, day: int) -> date | None:
    """The latest such date not after publication, give or take two days of time zones (Feb 29 looks back)."""
    limit = published + timedelta(days=2)
    for year in range(limit.year, limit.year - 9, -1):
        found = _valid(year, month, day)
        if found is not None and found <= limit:
            return found
    return None


def _recent_month_year(published: date, month: int) -> int:
    return published.year if month <= published.month else published.year - 1


def _span_precision(start: date, end: date) -> str:
    """A range's precision: a week or less, within one month, or wider."""
    if start == end:
        return "day"
    if (end - start).days < 7:
        return "week"
    if (start.year, start.month) == (end.year, end.month):
        return "month"
    return "year"


def _month_of(name: str | None) -> int | None:
    if not name:
        return None
    name = name.rstrip(".")
    return _MONTH_NUMBER.get(name) or _MONTH_ABBREVIATIONS.get(name)


def _int(text: str | None) -> int | None:
    return int(text.rstrip("stndrh")) if text else None


def _words(text: str) -> str:
    return " ".join(text.split())


def _count(text: str) -> int | None:
    words = _words(text)
    return int(words) if words.isascii() and words.isdigit() else _COUNT_WORDS.get(words)


# --- One resolver per kind of match: (date_start, date_end, precision) or None when it is no date. ---


def _day_from(m: re.Match[str], p: str, published: date) -> date | None:
    month = _month_of(m.group(p + "1mon") or m.group(p + "2mon"))
    day = _int(m.group(p + "d1") or m.group(p + "d2"))
    year = _int(m.group(p + "y"))
    if month is None or day is None:
        return None
    return _valid(year, month, day) if year else _recent_day(published, month, day)


def _resolve_drange(m: re.Match[str], published: date) -> Interval | None:
    if m.group("ra_d1") or m.group("rb_d1"):
        a = "ra" if m.group("ra_d1") else "rb"
        month, year = _month_of(m.group(a + "_mon")), _int(m.group(a + "_y"))
        first, last = _int(m.group(a + "_d1")), _int(m.group(a + "_d2"))
        if month is None or first is None or last is None:
            return None
        end = _valid(year, month, last) if year else _recent_day(published, month, last)
        start = _valid(end.year, month, first) if end else None
    else:
        month1 = _month_of(m.group("rc11mon") or m.group("rc12mon"))
        day1 = _int(m.group("rc1d1") or m.group("rc1d2"))
        year1, year2 = _int(m.group("rc1y")), _int(m.group("rc2y"))
        if month1 is None or day1 is None:
            return None
        end = _day_from(m, "rc2", published)
        if year1:
            start = _valid(year1, month1, day1)
            if start and not year2 and end:
                # The second date has no year of its own: the first date's, or the next one across New Year.
                end = _valid(start.year, end.month, end.day) or end
                if end and end < start:
                    end = _valid(start.year + 1, end.month, end.day)
        elif end:
            start = _valid(end.year, month1, day1)
            if start and start > end:
                start = _valid(end.year - 1, month1, day1)
        else:
            start = None
    if start is None or end is None or start > end:
        return None
    return start, end, _span_precision(start, end)


def _resolve_iso(m: re.Match[str], published: date) -> Interval | None:
    day = _valid(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    return (day, day, "day") if day else None


def _resolve_dmy(m: re.Match[str], published: date) -> Interval | None:
    day = _valid(int(m.group("dmy_y")), int(m.group("dmy_m")), int(m.group("dmy_d")))
    return (day, day, "day") if day else None  # "31/02/2021": no such day


def _resolve_day(m: re.Match[str], published: date) -> Interval | None:
    day = _day_from(m, "dy", published)
    if day is None:
        # "February 30": a month we can still date, not a day.
        month, year = _month_of(m.group("dy1mon") or m.group("dy2mon")), _int(m.group("dyy"))
        if month is None:
            return None
        return (*_month_span(year or _recent_month_year(published, month), month), "month")
    return day, day, "day"


def _resolve_nth(m: re.Match[str], published: date) -> Interval | None:
    # That day of the publication month unless it is still to come, else of the month before. No two days of
    # time-zone slack as for named months: a day with no month is read from the article's own calendar.
    day = _int(m.group("nth_d"))
    if day is None:
        return None
    found = _valid(published.year, published.month, day)
    if found is None or found > published:
        found = _valid(
            *_shift_month(published.year, published.month, -1), day
        )  # None for "the 31st" of April
    return (found, found, "day") if found else None


def _resolve_mrange(m: re.Match[str], published: date) -> Interval | None:
    month1, month2 = _MONTH_NUMBER[m.group("mr_1mon")], _MONTH_NUMBER[m.group("mr_2mon")]
    year1, year2 = _int(m.group("mr_y1")), _int(m.group("mr_y2"))
    if year2 is None:
        year2 = (year1 if month2 >= month1 else year1 + 1) if year1 else _recent_month_year(published, month2)
    if year1 is None:
        year1 = year2 if month1 <= month2 else year2 - 1
    start, end = _month_span(year1, month1)[0], _month_span(year2, month2)[1]
    return (start, end, _span_precision(start, end)) if start <= end else None


def _resolve_yrange(m: re.Match[str], published: date) -> Interval | None:
    first, last = int(m.group("yr_1")), m.group("yr_2")
    end_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if end_year < first:
        return None
    return _year_span(first)[0], _year_span(end_year)[1], "year"


def _resolve_myear(m: re.Match[str], published: date) -> Interval | None:
    return (*_month_span(int(m.group("my_y")), _MONTH_NUMBER[m.group("my_mon")]), "month")


def _season_span(year: int, season: str) -> tuple[date, date]:
    """The season that starts in `year`: winter of 2021 is December 2021 to February 2022."""
    start = _SEASON_START[season]
    return date(year, start, 1), _month_span(*_shift_month(year, start, 2))[1]


def _resolve_season(m: re.Match[str], published: date) -> Interval | None:
    season, year = _words(m.group("se_s")), _int(m.group("se_y"))
    rel = _words(m.group("se_rel") or "")
    spans = [_season_span(y, season) for y in range(published.year - 2, published.year + 2)]
    if year:
        start, end = _season_span(year, season)
    elif rel == "last":  # the latest one over by publication
        start, end = next(span for span in reversed(spans) if span[1] < published)
    elif rel == "next":  # the first one still to begin
        start, end = next(span for span in spans if span[0] > published)
    elif rel == "this":  # the one under way, else the one starting in the publication year
        start, end = next((span for span in spans if span[0] <= published <= span[1]), spans[2])
    else:  # news looks back: the latest one begun by publication
        start, end = next(span for span in reversed(spans) if span[0] <= published)
    # Three months: wider than a month, so "year" as for any range across months ("between May and July");
    # the interval itself says which three months.
    return start, end, _span_precision(start, end)


def _resolve_month(m: re.Match[str], published: date) -> Interval | None:
    month = _MONTH_NUMBER[m.group("mo_mon")]
    rel = _words(m.group("mo_rel") or "")
    if rel == "this":
        year = published.year
    elif rel == "next":
        year = published.year if month > published.month else published.year + 1
    elif rel == "last":
        year = published.year if month < published.month else published.year - 1
    else:
        year = _recent_month_year(published, month)
    return (*_month_span(year, month), "month")


def _resolve_year(m: re.Match[str], published: date) -> Interval | None:
    return (*_year_span(int(m.group("y_y"))), "year")


def _resolve_weekday(m: re.Match[str], published: date) -> Interval | None:
    weekday = _WEEKDAY_NUMBER[m.group("wd_wd")]
    mod = _words(m.group("wd_mod") or "")
    if mod in ("next", "coming"):
        day = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    elif mod == "last":
        day = published - timedelta(days=(published.weekday() - weekday) % 7 or 7)
    else:
        # Wire copy names the publication's own weekday for that day, and earlier weekdays for this past week.
        day = published - timedelta(days=(published.weekday() - weekday) % 7)
    return day, day, "day"


def _resolve_unit(m: re.Match[str], published: date) -> Interval | None:
    monday = published - timedelta(days=published.weekday())
    if m.group("u_wkend"):
        # The most recent weekend: this one if publication falls on it.
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        return saturday, saturday + timedelta(days=1), "week"
    rel = _words(m.group("u_rel") or "this")
    unit = _words(m.group("u_u") or m.group("u_u2") or "")
    mod = _words(m.group("u_mod") or m.group("u_mod2") or "")
    if rel == "past" and unit != "weekend":
        return _past(published, 1, unit)
    step = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}.get(rel)
    if step is None:
        return None
    if unit == "weekend":
        saturday = monday + timedelta(days=5 + 7 * step)
        return saturday, saturday + timedelta(days=1), "week"
    if unit == "week":
        start, end = monday + timedelta(days=7 * step), monday + timedelta(days=7 * step + 6)
        if step == 0 and mod != "later":
            end = published  # "this week" is known up to the day of writing
    elif unit == "month":
        start, end = _month_span(*_shift_month(published.year, published.month, step))
    elif unit == "year":
        start, end = _year_span(published.year + step)
    else:
        return None
    # "Earlier this month" ran up to publication; "later this year" runs from it.
    if step == 0 and mod == "earlier":
        end = min(end, published)
    elif step == 0 and mod == "later":
        start = max(start, published) if published <= end else start
    return start, end, unit


def _past(published: date, n: int, unit: str) -> Interval | None:
    """'The past N units': the N units ending on the publication day."""
    if unit == "hour":
        days = max(1, -(-n // 24))
        return (
            published - timedelta(days=days),
            published,
            "day" if days == 1 else _span_precision(published - timedelta(days=days), published),
        )
    if unit == "day":
        return published - timedelta(days=max(n - 1, 0)), published, "day" if n <= 1 else "week"
    if unit == "week":
        return published - timedelta(days=7 * n - 1), published, "week" if n <= 1 else "month"
    if unit == "month":
        year, month = _shift_month(published.year, published.month, -n)
        day = min(published.day, _days_in(year, month))
        return date(year, month, day) + timedelta(days=1), published, "month"
    if unit == "year":
        year = published.year - n
        start = _valid(year, published.month, published.day) or date(year, published.month, 28)
        return start + timedelta(days=1), published, "year"
    return None


def _resolve_past(m: re.Match[str], published: date) -> Interval | None:
    count = _count(m.group("pa_n")) if m.group("pa_n") else 1
    if count is None:
        return None
    return _past(published, count, _words(m.group("pa_u")))


def _resolve_ago(m: re.Match[str], published: date) -> Interval | None:
    *number, unit, _ago = _words(m.group("ago")).split()
    count, unit = _count(" ".join(number)), unit.removesuffix("s")
    if count is None:
        return None
    if unit == "day":
        day = published - timedelta(days=count)
        return day, day, "day"
    if unit == "week":
        day = published - timedelta(days=7 * count)
        return day, day, "week"
    if unit == "decade":
        return (*_year_span(published.year - 10 * count), "year")
    months = count if unit == "month" else 12 * count
    return (*_month_span(*_shift_month(published.year, published.month, -months)), "month")


_TODAY_OFFSET = {"yesterday": -1, "last night": -1, "last evening": -1, "the day before yesterday": -2}


def _resolve_today(m: re.Match[str], published: date) -> Interval | None:
    words = _words(m.group("td_w") or m.group("td_w2"))
    day = published + timedelta(days=1 if words == "tomorrow" else _TODAY_OFFSET.get(words, 0))
    return day, day, "day"


_RESOLVERS: dict[str, Callable[[re.Match[str], date], Interval | None]] = {
    "drange": _resolve_drange,
    "iso": _resolve_iso,
    "dmy": _resolve_dmy,
    "day": _resolve_day,
    "nth": _resolve_nth,
    "mrange": _resolve_mrange,
    "yrange": _resolve_yrange,
    "myear": _resolve_myear,
    "season": _resolve_season,
    "month": _resolve_month,
    "year": _resolve_year,
    "weekday": _resolve_weekday,
    "unit": _resolve_unit,
    "past": _resolve_past,
    "ago": _resolve_ago,
    "today": _resolve_today,
}


def _resolve(m: re.Match[str], original: str, published: date) -> Interval | None:
    """The interval of a match in the lower-cased text; original is the text as written, padded alike."""
    kind = m.lastgroup
    if kind is None:
        return None
    for index in _NAME_GROUPS[kind]:
        start = m.start(index)
        if start >= 0 and not original[start].isupper():
            return None  # "may", "march": a verb, not a month
    resolved = _RESOLVERS[kind](m, published)
    if resolved is None:
        return None
    start, end, precision = resolved
    if m.group("pre") == "since" and start <= published:
        # Known: the start (to the unit's precision); it has lasted until the article was written.
        end = published
    return start, end, precision


def _lower(text: str) -> str:
    """ASCII letters lowered, every other character kept, so offsets line up with the text.

    bytes.lower() touches only ASCII, and is many times faster than str.lower() on text with curly quotes.
    """
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


# --- Public API. ---


def find_times(text: str, published: date, offset: int = 0) -> list[TimeMention]:
    """All temporal expressions in text, in order, non-overlapping (longest match wins).

    Each is resolved against the publication date; offsets are positions in text plus `offset`.
    """
    found: list[TimeMention] = []
    original = " " + text
    lowered = _lower(original)
    search = _PATTERN.search
    m = search(lowered)
    while m is not None:
        resolved = _resolve(m, original, published)
        if resolved is None:
            # Not a date after all ("may" lower-cased, "14-13 September"): a phrase may start further on.
            m = search(lowered, m.start() + 1)
            continue
        # The match opens with the character before the phrase; the padding shifts the rest back by one.
        start, end = m.start(), m.end() - 1
        found.append(TimeMention(start + offset, end + offset, text[start:end], *resolved))
        m = search(lowered, m.end())
    return _with_days_after(text, found, offset)


# A day told as the one after the day last named: 'the next morning', 'the following day', 'a day later'.
_DAY_AFTER = re.compile(
    r"(?<![\w-])(?:the\s+(?:next|following)\s+(?:day|" + _DAY_PART + r")|a\s+day\s+later)(?![\w-])",
    re.IGNORECASE,
)


def _with_days_after(text: str, found: list[TimeMention], offset: int) -> list[TimeMention]:
    """found with each 'the next morning' resolved to the day after the last day named before it (left
    out when no day comes before it or it overlaps a phrase found), in text order: one merge, linear."""
    after = list(_DAY_AFTER.finditer(text))
    if not after:
        return found
    merged: list[TimeMention] = []
    last_day: date | None = None
    i = 0
    for m in after:
        start, end = m.start() + offset, m.end() + offset
        while i < len(found) and found[i].start < end:
            merged.append(found[i])
            if found[i].precision == "day" and found[i].date_start is not None:
                last_day = found[i].date_start
            i += 1
        if last_day is None or (merged and merged[-1].end > start):
            continue
        last_day = last_day + timedelta(days=1)
        merged.append(TimeMention(start, end, m.group(), last_day, last_day, "day"))
    merged.extend(found[i:])
    return merged


def resolve_phrase(phrase: str, published: date) -> tuple[date | None, date | None, str] | None:
    """Resolve one phrase on its own; None when it is not a time expression.

    A month name alone ("May") counts: the caller already knows the words are a time phrase.
    """
    original = " " + phrase.strip()
    if original[1:] in ("May", "March"):
        original = " in" + original
    m = _PATTERN.fullmatch(_lower(original))
    return _resolve(m, original, published) if m is not None else None


def unknown_interval(published: date) -> tuple[None, date, str]:
    """An event with no time expression: (None, published, "unknown") — bounded by publication."""
    return None, published, "unknown"

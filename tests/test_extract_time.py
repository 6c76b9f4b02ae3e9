"""Time phrases in wire copy, resolved against the publication date.

Every expected interval below was worked out by hand from a printed calendar (`calendar.month`), not copied
from the module's output. Reference publication days:
- 2021-07-04 is a Sunday (its ISO week runs Monday 2021-06-28 .. Sunday 2021-07-04);
- 2022-09-21 is a Wednesday (ISO week Monday 2022-09-19 .. Sunday 2022-09-25);
- 2022-09-12 is a Monday; 2021-11-16 a Tuesday; 2021-03-10 a Wednesday (ISO week 2021-03-08 .. 03-14).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderwatch.extract.time import PRECISIONS, TimeMention, find_times, resolve_phrase, unknown_interval

D = date
JUL4 = D(2021, 7, 4)  # Sunday
SEP21 = D(2022, 9, 21)  # Wednesday
SEP12 = D(2022, 9, 12)  # Monday
NOV16 = D(2021, 11, 16)  # Tuesday
SEP29 = D(2022, 9, 29)  # Thursday
DEC13 = D(2023, 12, 13)  # Wednesday
MAR10 = D(2021, 3, 10)  # Wednesday


def _containing(sentence: str, key: str, published: date) -> TimeMention:
    """The one mention found in the sentence whose phrase holds `key`."""
    found = [m for m in find_times(sentence, published) if key in m.phrase]
    assert len(found) == 1, (sentence, find_times(sentence, published))
    return found[0]


# (sentence, words the mention must include, published, date_start, date_end, precision)
CASES = [
    # Months: the most recent one, the publication month included.
    ("The appeal, which was made in May, was rejected.", "May", JUL4, D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("Officials met in July to discuss the border.", "July", JUL4, D(2021, 7, 1), D(2021, 7, 31), "month"),
    (
        "The incursion was first reported in November.",
        "November",
        MAR10,
        D(2020, 11, 1),
        D(2020, 11, 30),
        "month",
    ),
    ("Shelling resumed in March, the ministry said.", "March", MAR10, D(2021, 3, 1), D(2021, 3, 31), "month"),
    ("The talks were held In November.", "November", DEC13, D(2023, 11, 1), D(2023, 11, 30), "month"),
    ("Both sides exchanged fire in September.", "September", DEC13, D(2023, 9, 1), D(2023, 9, 30), "month"),
    ("The crossing closed in December.", "December", DEC13, D(2023, 12, 1), D(2023, 12, 31), "month"),
    ("Troops were deployed last December.", "December", MAR10, D(2020, 12, 1), D(2020, 12, 31), "month"),
    ("Talks were held in early May in Moscow.", "May", JUL4, D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("The standoff began in mid-May.", "May", JUL4, D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("Forces advanced at the end of May.", "May", JUL4, D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("Fighting flared in late May near Sotk.", "May", JUL4, D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("Yerevan had warned earlier in May of an advance.", "May", JUL4, D(2021, 5, 1), D(2021, 5, 31), "month"),
    # Months with a year.
    ("In May 2021 the border crisis began.", "May 2021", DEC13, D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("The report covered May 2021 in detail.", "May 2021", DEC13, D(2021, 5, 1), D(2021, 5, 31), "month"),
    ("The mission was set up in February 2023.", "February", DEC13, D(2023, 2, 1), D(2023, 2, 28), "month"),
    # Years.
    ("The 2020 war killed thousands on both sides.", "2020", JUL4, D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("In 2020 the ceasefire was signed in Moscow.", "2020", JUL4, D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("The village has been empty since 2020.", "2020", JUL4, D(2020, 1, 1), D(2021, 7, 4), "year"),
    ("Monitors recorded 200 violations in 2020-2023.", "2020", DEC13, D(2020, 1, 1), D(2023, 12, 31), "year"),
    (
        "Monitors recorded violations between 2021 and 2022.",
        "2021",
        DEC13,
        D(2021, 1, 1),
        D(2022, 12, 31),
        "year",
    ),
    # Days, with and without a year.
    ("The incursion began on May 12, officials said.", "May 12", JUL4, D(2021, 5, 12), D(2021, 5, 12), "day"),
    ("The incursion began on 12 May 2021.", "12 May", DEC13, D(2021, 5, 12), D(2021, 5, 12), "day"),
    ("The clash happened May 27, 2021, near Sotk.", "May 27", DEC13, D(2021, 5, 27), D(2021, 5, 27), "day"),
    (
        "Azerbaijan attacked on 13 September, at 00:05.",
        "13 September",
        JUL4,
        D(2020, 9, 13),
        D(2020, 9, 13),
        "day",
    ),
    ("The statement was issued at 16:00, April 11.", "April 11", JUL4, D(2021, 4, 11), D(2021, 4, 11), "day"),
    ("Soldiers were captured on the 13th of June.", "13th", JUL4, D(2021, 6, 13), D(2021, 6, 13), "day"),
    (
        "The shelling began in the early hours of September 13.",
        "September 13",
        SEP21,
        D(2022, 9, 13),
        D(2022, 9, 13),
        "day",
    ),
    (
        "Fighting stopped late on September 14, the ministry said.",
        "September 14",
        SEP21,
        D(2022, 9, 14),
        D(2022, 9, 14),
        "day",
    ),
    (
        "The attack came on Sept. 13, a spokesman said.",
        "Sept. 13",
        SEP21,
        D(2022, 9, 13),
        D(2022, 9, 13),
        "day",
    ),
    (
        "The ministry said on Saturday, July 3, that two soldiers died.",
        "July 3",
        JUL4,
        D(2021, 7, 3),
        D(2021, 7, 3),
        "day",
    ),
    ("The report is dated 2021-06-15.", "2021-06-15", JUL4, D(2021, 6, 15), D(2021, 6, 15), "day"),
    # A date a day or two after publication is the time zone, not last year.
    (
        "Azerbaijan launched an attack on 13 September.",
        "13 September",
        SEP12,
        D(2022, 9, 13),
        D(2022, 9, 13),
        "day",
    ),
    ("Fire continued on 14 September.", "14 September", SEP12, D(2022, 9, 14), D(2022, 9, 14), "day"),
    ("A truce was agreed on 15 September.", "15 September", SEP12, D(2021, 9, 15), D(2021, 9, 15), "day"),
    (
        "Celebrations were cancelled on January 1.",
        "January 1",
        D(2021, 12, 31),
        D(2022, 1, 1),
        D(2022, 1, 1),
        "day",
    ),
    (
        "The order was signed on February 29.",
        "February 29",
        D(2023, 3, 1),
        D(2020, 2, 29),
        D(2020, 2, 29),
        "day",
    ),
    # Ranges.
    ("On 13–14 September Azerbaijan shelled Jermuk.", "13–14", SEP29, D(2022, 9, 13), D(2022, 9, 14), "week"),
    (
        "The clashes of 13-14 September 2022 killed hundreds.",
        "13-14",
        DEC13,
        D(2022, 9, 13),
        D(2022, 9, 14),
        "week",
    ),
    (
        "Fighting raged from September 12 to 14.",
        "September 12",
        SEP29,
        D(2022, 9, 12),
        D(2022, 9, 14),
        "week",
    ),
    (
        "Jermuk was shelled on the night of September 12 to 13.",
        "September 12",
        SEP21,
        D(2022, 9, 12),
        D(2022, 9, 13),
        "week",
    ),
    ("Shelling took place between May 12 and 14.", "May 12", JUL4, D(2021, 5, 12), D(2021, 5, 14), "week"),
    (
        "Monitors were present between 12 and 20 September.",
        "12",
        SEP29,
        D(2022, 9, 12),
        D(2022, 9, 20),
        "month",
    ),
    (
        "Talks ran between 30 August and 2 September.",
        "30 August",
        SEP29,
        D(2022, 8, 30),
        D(2022, 9, 2),
        "week",
    ),
    ("Talks ran from August 20 to September 10.", "August 20", SEP29, D(2022, 8, 20), D(2022, 9, 10), "year"),
    ("The road was closed between May and June.", "May", JUL4, D(2021, 5, 1), D(2021, 6, 30), "year"),
    # Weekdays: the publication's own weekday is the publication day; others look back up to six days.
    (
        "Zas told journalists on Saturday that it was a border incident.",
        "Saturday",
        JUL4,
        D(2021, 7, 3),
        D(2021, 7, 3),
        "day",
    ),
    (
        "The ministry said on Sunday that the talks had failed.",
        "Sunday",
        JUL4,
        D(2021, 7, 4),
        D(2021, 7, 4),
        "day",
    ),
    ("Pashinyan spoke on Friday evening in Yerevan.", "Friday", JUL4, D(2021, 7, 2), D(2021, 7, 2), "day"),
    (
        "Two soldiers were wounded late on Wednesday.",
        "Wednesday",
        JUL4,
        D(2021, 6, 30),
        D(2021, 6, 30),
        "day",
    ),
    (
        "Shooting began early on Monday near Verin Shorzha.",
        "Monday",
        JUL4,
        D(2021, 6, 28),
        D(2021, 6, 28),
        "day",
    ),
    ("Clashes broke out last Saturday.", "Saturday", JUL4, D(2021, 7, 3), D(2021, 7, 3), "day"),
    ("Saturday morning brought more shelling.", "Saturday", JUL4, D(2021, 7, 3), D(2021, 7, 3), "day"),
    ("The shelling stopped Wednesday evening.", "Wednesday", JUL4, D(2021, 6, 30), D(2021, 6, 30), "day"),
    ("A mine exploded at 2am Tuesday.", "Tuesday", JUL4, D(2021, 6, 29), D(2021, 6, 29), "day"),
    ("Talks will resume next Monday in Brussels.", "Monday", JUL4, D(2021, 7, 5), D(2021, 7, 5), "day"),
    (
        "Baku said on Wednesday that its positions were shelled.",
        "Wednesday",
        SEP21,
        D(2022, 9, 21),
        D(2022, 9, 21),
        "day",
    ),
    ("On Tuesday the ceasefire broke down.", "Tuesday", SEP21, D(2022, 9, 20), D(2022, 9, 20), "day"),
    ("The ministry reported three dead on Monday.", "Monday", SEP21, D(2022, 9, 19), D(2022, 9, 19), "day"),
    ("Observers arrived on Thursday.", "Thursday", SEP21, D(2022, 9, 15), D(2022, 9, 15), "day"),
    (
        "The border post was attacked last Wednesday.",
        "Wednesday",
        SEP21,
        D(2022, 9, 14),
        D(2022, 9, 14),
        "day",
    ),
    ("Villagers have sheltered since Monday.", "Monday", NOV16, D(2021, 11, 15), D(2021, 11, 16), "day"),
    # The publication day and the days around it.
    (
        "There are 1,000 Azerbaijani soldiers currently on Armenian territory.",
        "currently",
        JUL4,
        JUL4,
        JUL4,
        "day",
    ),
    ("The defence ministry said today that the truce held.", "today", JUL4, JUL4, JUL4, "day"),
    ("Shelling resumed this morning near Goris.", "this morning", JUL4, JUL4, JUL4, "day"),
    ("Troops now control the heights, the ministry said.", "now", JUL4, JUL4, JUL4, "day"),
    ("At present no monitors are in the area.", "present", JUL4, JUL4, JUL4, "day"),
    ("No casualties have been reported so far.", "so far", JUL4, JUL4, JUL4, "day"),
    ("The council will meet tonight.", "tonight", JUL4, JUL4, JUL4, "day"),
    ("Until now there has been no reply.", "now", SEP21, SEP21, SEP21, "day"),
    ("A soldier was wounded yesterday near Jermuk.", "yesterday", JUL4, D(2021, 7, 3), D(2021, 7, 3), "day"),
    ("Drones were seen last night over Sotk.", "last night", JUL4, D(2021, 7, 3), D(2021, 7, 3), "day"),
    ("Talks continue tomorrow.", "tomorrow", SEP21, D(2022, 9, 22), D(2022, 9, 22), "day"),
    (
        "The exchange happened the day before yesterday.",
        "day before yesterday",
        SEP21,
        D(2022, 9, 19),
        D(2022, 9, 19),
        "day",
    ),
    # Relative months, weeks and years.
    (
        "Last month an Armenian soldier was killed.",
        "Last month",
        JUL4,
        D(2021, 6, 1),
        D(2021, 6, 30),
        "month",
    ),
    ("The deal was reached late last month.", "last month", JUL4, D(2021, 6, 1), D(2021, 6, 30), "month"),
    ("Refugees returned this month.", "this month", JUL4, D(2021, 7, 1), D(2021, 7, 31), "month"),
    (
        "Skirmishes were reported earlier this month.",
        "this month",
        JUL4,
        D(2021, 7, 1),
        D(2021, 7, 4),
        "month",
    ),
    ("Monitors will arrive next month.", "next month", MAR10, D(2021, 4, 1), D(2021, 4, 30), "month"),
    ("The border was quiet last week.", "last week", JUL4, D(2021, 6, 21), D(2021, 6, 27), "week"),
    ("The border was quiet last week.", "last week", MAR10, D(2021, 3, 1), D(2021, 3, 7), "week"),
    ("Three soldiers died this week.", "this week", JUL4, D(2021, 6, 28), D(2021, 7, 4), "week"),
    ("Three soldiers died this week.", "this week", MAR10, D(2021, 3, 8), D(2021, 3, 10), "week"),
    ("A vote is expected later this week.", "later this week", SEP21, SEP21, D(2022, 9, 25), "week"),
    ("Talks are planned for next week.", "next week", SEP21, D(2022, 9, 26), D(2022, 10, 2), "week"),
    ("Clashes erupted last weekend.", "last weekend", SEP21, D(2022, 9, 17), D(2022, 9, 18), "week"),
    ("Clashes erupted over the weekend.", "weekend", SEP21, D(2022, 9, 17), D(2022, 9, 18), "week"),
    ("The border shifted last year.", "last year", JUL4, D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("Ten soldiers have died this year.", "this year", JUL4, D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Talks began early this year.", "this year", JUL4, D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("Talks are due to end by the end of the month.", "month", SEP21, D(2022, 9, 1), D(2022, 9, 30), "month"),
    (
        "Over the past week the shelling intensified.",
        "past week",
        SEP21,
        D(2022, 9, 15),
        D(2022, 9, 21),
        "week",
    ),
    # So long ago.
    ("A year ago the villagers fled.", "year ago", JUL4, D(2020, 7, 1), D(2020, 7, 31), "month"),
    (
        "The soldier was captured two weeks ago.",
        "two weeks ago",
        JUL4,
        D(2021, 6, 20),
        D(2021, 6, 20),
        "week",
    ),
    ("The post was shelled a week ago.", "a week ago", JUL4, D(2021, 6, 27), D(2021, 6, 27), "week"),
    ("The soldier died 3 days ago.", "3 days ago", JUL4, D(2021, 7, 1), D(2021, 7, 1), "day"),
    ("The talks collapsed two months ago.", "two months ago", JUL4, D(2021, 5, 1), D(2021, 5, 31), "month"),
    # Since: from the start of the unit to publication.
    ("Azerbaijani troops have been there since May.", "May", NOV16, D(2021, 5, 1), D(2021, 11, 16), "month"),
    (
        "The road has been closed since September 2020.",
        "September",
        NOV16,
        D(2020, 9, 1),
        D(2021, 11, 16),
        "month",
    ),
]


@pytest.mark.parametrize(("sentence", "key", "published", "start", "end", "precision"), CASES)
def test_resolves(sentence, key, published, start, end, precision):
    mention = _containing(sentence, key, published)
    assert (mention.date_start, mention.date_end, mention.precision) == (start, end, precision)


# The phrase is the words the article used, the leading preposition or modifier included.
@pytest.mark.parametrize(
    ("sentence", "published", "phrase"),
    [
        ("Zas told journalists on Saturday that the situation was calm.", JUL4, "on Saturday"),
        ("Last month an Armenian soldier was killed.", JUL4, "Last month"),
        ("The appeal was made in May after the breach.", JUL4, "in May"),
        ("Talks were held in early May in Moscow.", JUL4, "in early May"),
        ("Two soldiers were wounded late on Wednesday.", JUL4, "late on Wednesday"),
        ("Troops have been there since May.", NOV16, "since May"),
        ("On 13–14 September Azerbaijan shelled Jermuk.", SEP29, "On 13–14 September"),
        ("Shelling took place between May 12 and 14.", JUL4, "between May 12 and 14"),
        ("Monitors recorded violations in 2020-2023.", DEC13, "in 2020-2023"),
        ("The war began in May 2021 near Sotk.", DEC13, "in May 2021"),
        ("Pashinyan spoke on Friday evening.", JUL4, "on Friday evening"),
        ("Skirmishes were reported earlier this month.", JUL4, "earlier this month"),
        ("The soldier was captured two weeks ago.", JUL4, "two weeks ago"),
    ],
)
def test_phrase_is_the_articles_words(sentence, published, phrase):
    assert [m.phrase for m in find_times(sentence, published)] == [phrase]


# Not dates: a modal 'may', counts, clock times, resolutions, the next day (relative to another event).
@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan may respond to the provocation, officials warned.",
        "Armenia may be forced to appeal to the CSTO.",
        "May I ask a question, the reporter said.",
        "Theresa May visited the region.",
        "More than 2,000 soldiers were deployed near the border.",
        "Officials counted 12 2021 troops on the ridge.",
        "The shelling started at 6:40pm and stopped at 18:30, or 9am local time.",
        "Armenian troops march towards the border.",
        "UN Security Council Resolution 2020 was cited by both sides.",
        "The Mayor of Goris said the road was open.",
        "The next day troops withdrew, and the next morning they returned.",
        "Nowhere was safe, the villagers said.",
        "The 1990s saw a war over the region.",
        "Jermuk lies 2,080 meters above sea level, and 1,500 people live there.",
    ],
)
def test_not_dates(sentence):
    assert find_times(sentence, JUL4) == []


def test_several_mentions_in_order_without_overlap():
    text = (
        "On Tuesday, two days after the clashes of 13–14 September, Baku said its troops had been in the "
        "area since May and that last month was the calmest of 2022."
    )
    found = find_times(text, SEP21)
    assert [m.phrase for m in found] == ["On Tuesday", "13–14 September", "since May", "last month", "2022"]
    assert [(m.date_start, m.date_end, m.precision) for m in found] == [
        (D(2022, 9, 20), D(2022, 9, 20), "day"),
        (D(2022, 9, 13), D(2022, 9, 14), "week"),
        (D(2022, 5, 1), SEP21, "month"),
        (D(2022, 8, 1), D(2022, 8, 31), "month"),
        (D(2022, 1, 1), D(2022, 12, 31), "year"),
    ]


def test_offsets_hold_with_an_offset():
    text = "Baku said on Monday that shelling began on 13 September and lasted until now."
    found = find_times(text, SEP21, offset=1000)
    assert [m.phrase for m in found] == ["on Monday", "on 13 September", "until now"]
    for m in found:
        assert text[m.start - 1000 : m.end - 1000] == m.phrase


def test_case_rules():
    # Month and weekday names need a capital; relative words do not care.
    assert find_times("troops were seen on saturday in july", JUL4) == []
    (mention,) = find_times("LAST MONTH the border moved.", JUL4)
    assert (mention.date_start, mention.date_end) == (D(2021, 6, 1), D(2021, 6, 30))
    # A lower-case weekday is no date, and does not hide the date after it.
    (mention,) = find_times("troops were seen on monday, May 12, near Sotk", JUL4)
    assert (mention.phrase, mention.date_start) == ("May 12", D(2021, 5, 12))


def test_phrases_inside_punctuation():
    text = "“Last month,” he said (on 13 September) — since 2020."
    assert [m.phrase for m in find_times(text, SEP21)] == ["Last month", "on 13 September", "since 2020"]


def _assert_one_day(sentence: str, published: D, phrase: str, day: D) -> None:
    (mention,) = find_times(sentence, published)
    assert (mention.phrase, mention.date_start, mention.date_end, mention.precision) == (
        phrase,
        day,
        day,
        "day",
    )


# "The 13th" with no month: that day of the publication month if it is not after publication, else of the
# month before (the publication day itself counts as this month's).
@pytest.mark.parametrize(
    ("sentence", "published", "phrase", "day"),
    [
        ("Two conscripts were wounded on the 2nd, the ministry said.", JUL4, "on the 2nd", D(2021, 7, 2)),
        ("The post near Sotk was shelled on the 4th.", JUL4, "on the 4th", JUL4),
        ("A drone was downed on the 13th near Jermuk.", JUL4, "on the 13th", D(2021, 6, 13)),
        ("Fighting resumed the 1st and did not stop.", JUL4, "the 1st", D(2021, 7, 1)),
        ("Monitors arrived on the 21st.", SEP21, "on the 21st", SEP21),
        ("Monitors arrived on the 22nd.", SEP21, "on the 22nd", D(2022, 8, 22)),
        ("The road reopened on the 20th.", D(2022, 1, 5), "on the 20th", D(2021, 12, 20)),  # across New Year
        (
            "The order was signed on the 30th.",
            D(2021, 2, 10),
            "on the 30th",
            D(2021, 1, 30),
        ),  # no 30 February
    ],
)
def test_an_ordinal_day_without_a_month(sentence, published, phrase, day):
    _assert_one_day(sentence, published, phrase, day)


@pytest.mark.parametrize(
    ("sentence", "published"),
    [
        ("Talks collapsed on the 30th.", MAR10),  # after 10 March, and February has no 30th
        ("The convoy left on the 31st.", D(2021, 5, 5)),  # after 5 May, and April has no 31st
        ("The 5th Army Corps was moved to the border.", JUL4),
        ("Soldiers of the 3rd battalion were captured.", JUL4),
        ("Such clashes belong to the 20th century, he said.", JUL4),
        ("The 13th round of talks ended without a deal.", JUL4),
    ],
)
def test_an_ordinal_that_is_no_date(sentence, published):
    assert find_times(sentence, published) == []


# Numeric dates: ISO, or day first with one separator throughout; the year is written, so the publication
# date does not move them (DEC13 is long after every one).
@pytest.mark.parametrize(
    ("sentence", "phrase", "day"),
    [
        ("The ministry's report is dated 2021-05-13.", "2021-05-13", D(2021, 5, 13)),
        ("Two soldiers were captured on 13/05/2021 near Kalbajar.", "on 13/05/2021", D(2021, 5, 13)),
        ("The incident of 13.05.2021 was raised in Moscow.", "13.05.2021", D(2021, 5, 13)),
        ("The decree of 13-05-2021 closed the road.", "13-05-2021", D(2021, 5, 13)),
        ("The post was set up on 3/5/2021.", "on 3/5/2021", D(2021, 5, 3)),  # day first: 3 May, not 5 March
        ("The order dated 05.03.2021 was published.", "05.03.2021", D(2021, 3, 5)),  # 5 March
        ("A villager was detained on 29/02/2020.", "on 29/02/2020", D(2020, 2, 29)),  # a leap year
    ],
)
def test_numeric_dates(sentence, phrase, day):
    _assert_one_day(sentence, DEC13, phrase, day)


@pytest.mark.parametrize(
    "sentence",
    [
        "The form gave the date as 32/05/2021.",
        "The form gave the date as 31/02/2021.",
        "The form gave the date as 29.02.2021.",  # 2021 is no leap year
        "The form gave the date as 05/13/2021.",  # month first: no thirteenth month, and not read as 13 May
        "The form gave the date as 2021-02-30.",
        "The form gave the date as 13/05-2021.",  # two different separators
        "Firmware 1.13.05.2021 was installed.",  # part of a longer number
    ],
)
def test_impossible_numeric_dates_are_no_dates(sentence):
    assert find_times(sentence, DEC13) == []


# Seasons: Northern-hemisphere meteorological (spring March-May, summer June-August, autumn or fall
# September-November, winter December-February); the winter of a year starts in its December. Three months
# are wider than a month, so the precision is "year", as for "between May and July"; the interval is exact.
SPRING_2021 = (D(2021, 3, 1), D(2021, 5, 31))
SUMMER_2020 = (D(2020, 6, 1), D(2020, 8, 31))
SUMMER_2021 = (D(2021, 6, 1), D(2021, 8, 31))
AUTUMN_2021 = (D(2021, 9, 1), D(2021, 11, 30))
WINTER_2020 = (D(2020, 12, 1), D(2021, 2, 28))
WINTER_2021 = (D(2021, 12, 1), D(2022, 2, 28))
JAN20 = D(2022, 1, 20)  # in the winter of 2021
OCT20 = D(2021, 10, 20)  # in the autumn of 2021


@pytest.mark.parametrize(
    ("sentence", "published", "phrase", "interval"),
    [
        ("Shelling grew heavier in the spring of 2021.", DEC13, "in the spring of 2021", SPRING_2021),
        ("The lake froze in winter 2020, villagers said.", DEC13, "in winter 2020", WINTER_2020),
        ("Patrols doubled during the autumn of 2021.", DEC13, "during the autumn of 2021", AUTUMN_2021),
        ("Talks stalled in the fall of 2021.", DEC13, "in the fall of 2021", AUTUMN_2021),
        ("Trenches were dug in late summer 2021.", DEC13, "in late summer 2021", SUMMER_2021),
        # last: the latest season over by publication (summer 2021 is still running on 4 July)
        ("The herders left the pastures last summer.", JUL4, "last summer", SUMMER_2020),
        ("Roads were closed last winter.", MAR10, "last winter", WINTER_2020),  # over on 28 February
        ("Roads were closed last winter.", JAN20, "last winter", WINTER_2020),  # this one is not over
        # this: the season under way, else the one starting in the publication year
        ("Snow cut the villages off this winter.", JAN20, "this winter", WINTER_2021),
        ("More troops are expected this winter.", OCT20, "this winter", WINTER_2021),
        ("Monitors came this spring and left.", NOV16, "this spring", SPRING_2021),
        # next: the first season still to begin
        ("The ministry expects talks next spring.", MAR10, "next spring", (D(2022, 3, 1), D(2022, 5, 31))),
        # bare, after a preposition: the latest season begun by publication
        ("In the summer the posts moved closer.", JUL4, "In the summer", SUMMER_2021),
        ("In the summer the posts moved closer.", MAR10, "In the summer", SUMMER_2020),
        ("Farmers stayed away in winter.", JAN20, "in winter", WINTER_2021),
        ("The posts have been manned since last summer.", JUL4, "since last summer", (D(2020, 6, 1), JUL4)),
    ],
)
def test_seasons(sentence, published, phrase, interval):
    (mention,) = find_times(sentence, published)
    assert (mention.phrase, (mention.date_start, mention.date_end), mention.precision) == (
        phrase,
        interval,
        "year",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The fall of Shusha was recalled in Yerevan.",
        "Officials spoke of the fall of Shusha in the fall of the year.",  # no year: which autumn is unsaid
        "Spring water was brought to the post.",
        "Summer camps near Jermuk were closed.",
        "The Arab Spring was discussed at the summit.",
    ],
)
def test_season_words_that_are_no_date(sentence):
    assert find_times(sentence, NOV16) == []


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("in May", JUL4, (D(2021, 5, 1), D(2021, 5, 31), "month")),
        ("May", JUL4, (D(2021, 5, 1), D(2021, 5, 31), "month")),  # the caller says it is a time phrase
        ("on Saturday", JUL4, (D(2021, 7, 3), D(2021, 7, 3), "day")),
        (" Last month ", JUL4, (D(2021, 6, 1), D(2021, 6, 30), "month")),
        ("2020-2023", DEC13, (D(2020, 1, 1), D(2023, 12, 31), "year")),
        ("since May", NOV16, (D(2021, 5, 1), NOV16, "month")),
        ("on the 3rd", JUL4, (D(2021, 7, 3), D(2021, 7, 3), "day")),
        ("on 13/05/2021", JUL4, (D(2021, 5, 13), D(2021, 5, 13), "day")),
        ("last summer", JUL4, (D(2020, 6, 1), D(2020, 8, 31), "year")),
        ("soldiers", JUL4, None),
        ("the next day", JUL4, None),
        ("at 6:40pm", JUL4, None),
        ("", JUL4, None),
    ],
)
def test_resolve_phrase(phrase, published, expected):
    assert resolve_phrase(phrase, published) == expected


def test_unknown_interval():
    assert unknown_interval(JUL4) == (None, JUL4, "unknown")


WIRE_WORDS = [
    "on",
    "in",
    "since",
    "last",
    "this",
    "next",
    "early",
    "late",
    "mid-",
    "the",
    "end",
    "of",
    "between",
    "and",
    "to",
    "–",
    "-",
    ",",
    ".",
    "May",
    "March",
    "September",
    "Saturday",
    "Monday",
    "month",
    "week",
    "year",
    "ago",
    "two",
    "a",
    "13",
    "14",
    "29",
    "31",
    "2020",
    "2021",
    "2023",
    "1,000",
    "soldiers",
    "today",
    "now",
    "night",
    "hours",
    "at",
    "00:05",
    "Sept.",
    "weekend",
    "past",
    "yesterday",
    "morning",
    "from",
    "until",
    "the 13th",
    "13/05/2021",
    "31.02.2021",
    "2021-05-13",
    "spring",
    "summer",
    "fall",
    "winter",
]


def _check(text: str, published: date) -> None:
    found = find_times(text, published, offset=7)
    previous_end = -1
    for m in found:
        assert text[m.start - 7 : m.end - 7] == m.phrase
        assert m.start >= previous_end and m.start < m.end
        previous_end = m.end
        assert m.precision in PRECISIONS
        if m.date_start is not None and m.date_end is not None:
            assert m.date_start <= m.date_end
        assert resolve_phrase(m.phrase, published) is not None


@settings(max_examples=300, deadline=None)
@given(text=st.text(), published=st.dates(date(1990, 1, 1), date(2030, 12, 31)))
def test_any_text(text, published):
    _check(text, published)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(WIRE_WORDS), max_size=40).map(" ".join),
    published=st.dates(date(1990, 1, 1), date(2030, 12, 31)),
)
def test_wire_like_text(text, published):
    _check(text, published)


def test_the_next_day_follows_the_day_named_before_it():
    text = "Shooting began on Monday night. The next morning, the ministry said it had stopped. A day later it resumed."
    got = [(t.phrase, t.date_start, t.precision) for t in find_times(text, date(2022, 9, 14))]
    assert got == [
        ("on Monday night", date(2022, 9, 12), "day"),
        ("The next morning", date(2022, 9, 13), "day"),
        ("A day later", date(2022, 9, 14), "day"),
    ]


def test_the_next_day_with_no_day_before_it_is_not_a_date():
    assert find_times("The next morning, the ministry issued a statement.", date(2022, 9, 14)) == []

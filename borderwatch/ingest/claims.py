"""Claims across articles, linked at ingest: the new article's denials that stored articles contradict,
and stored articles' denials that the new article contradicts, in the article's own transaction.

The claims stage (`extract.claims.claims_between`) decides what contradicts what; this module chooses
what it is shown. A claim — one claimant's denials on one topic in one article — keeps at most
MAX_LINKS contradicting articles, ranked by:
1. date closeness: how many days the contradicting report's last day (its publication, for words
   said in an article's own voice) falls before the day the denial was made; 0 when it reaches it;
2. date precision: a report dated to the day before one dated to the week, then to the month;
3. article id, so that the ranking, and so the links kept, do not depend on the ingest order.
The store reads only candidates through their keys (dates, kinds, codes, claimant) and keeps each
claim's ranked links, so a new article costs the same however many the store holds. Removing an
article removes its links; the places it leaves are filled when the claim's article is re-extracted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from borderwatch.articles import Article
from borderwatch.extract import claims
from borderwatch.schema import TableRows
from borderwatch.store.database import LinkGroup, LinkOffer, OfferedRow, Writer

MAX_LINKS = 5
_WINDOW = timedelta(days=claims.WINDOW_DAYS)
_PRECISION = {"day": 0, "week": 1, "month": 2}
_PAGE = 20  # articles read at a time when looking for words said in their own voice

# What each topic's denial is contradicted by: the table, the rows' id column, and what they must hold.
_REPORTS = {
    "casualties": (
        "casualties",
        "casualty_id",
        ("kind", "count", "count_low", "side", "role", "claimed_by"),
        {"kind": claims.CONTRADICTING_KINDS},
    ),
    "shooting": (
        "events",
        "event_id",
        ("cameo_code", "cameo_name", "negated", "claimed_by"),
        {"cameo_code": claims.SHOOTING_CODES, "negated": (False,)},
    ),
}
_DATED = ("date_start", "date_end", "date_precision", "char_start", "char_end", "evidence")
_QUOTE_COLUMNS = ("quote_id", "speaker", "text", "date_said", "char_start", "char_end")


def link_claims(writer: Writer, article: Article, rows: TableRows, later: frozenset[str]) -> int:
    """Link one just-written article with the stored ones; the number of claims rows written."""
    new = claims.Report.of(article, rows)
    exclude = {article.article_id, *later}
    written = sum(_link_denials(writer, new, group, exclude) for group in _groups(new))
    return written + _link_reports(writer, new, exclude)


def _groups(report: claims.Report) -> list[LinkGroup]:
    """The report's denials, one group per (claimant, topic), with the quotes they are in."""
    found: dict[tuple[str, str], list] = defaultdict(list)
    for denial in report.denials():
        found[denial.claimant, denial.topic].append(denial)
    groups = []
    for (claimant, topic), denials in found.items():
        quotes = {str(d.quote.ref): _quote_row(d.quote) for d in denials}
        groups.append(
            LinkGroup(
                report.article_id,
                claimant,
                topic,
                min(d.said for d in denials),
                max(d.said for d in denials),
                tuple(quotes[q] for q in sorted(quotes)),
                published=report.published,
                source=report.source,
                role=_one_role(denials),
            )
        )
    return groups


def _quote_row(said: claims.Said) -> dict[str, object]:
    """A denial's quote as the store keeps it with its group (`_QUOTE_COLUMNS`)."""
    row = {"quote_id": said.ref, "speaker": said.speaker, "text": said.text, "date_said": said.date_said}
    return {**row, "char_start": said.start, "char_end": said.end}


def _link_denials(writer: Writer, new: claims.Report, group: LinkGroup, exclude: set[str]) -> int:
    """The stored reports that contradict one of the new article's groups of denials, best first."""
    window = (group.first_day - _WINDOW, group.last_day)
    found: list[tuple[str, dict[str, object]]] = []
    if group.topic in _REPORTS:
        others = _reports_for(writer, new, group, window, exclude)
        found = _ranked(new, others, group)
    elif group.topic == "escalation":
        offset = 0
        while len(found) < MAX_LINKS:
            page = writer.published_nearest(window, exclude, _PAGE, offset)
            others = [
                claims.Report(r["article_id"], r["published"], r["source"] or "", [], [], [], r["body"])
                for r in page
            ]
            found += _ranked(new, others, group)
            if len(page) < _PAGE:
                break
            offset += _PAGE
    return writer.add_links(group, found[:MAX_LINKS], MAX_LINKS)


def _reports_for(
    writer: Writer, new: claims.Report, group: LinkGroup, window: tuple[date, date], exclude: set[str]
) -> list[claims.Report]:
    """The stored articles nearest the group's denials whose rows could contradict them (one row each)."""
    table, key, columns, values = _REPORTS[group.topic]
    wanted = dict(values, date_precision=claims.KNOWN_PRECISIONS)
    if group.role:  # 'no civilian casualties': only civilians' count
        wanted["role"] = (group.role,)
    rows = writer.nearest_dated(
        table,
        (key, *columns, *_DATED),
        window,
        group.last_day,
        wanted,
        {"claimed_by": group.claimant},
        exclude,
        2 * MAX_LINKS,  # a few more than are kept: a denial of the group may be dated apart
    )
    return [
        claims.Report(
            str(r["article_id"]),
            r["published"],  # type: ignore[arg-type]
            str(r["source"] or ""),
            [],
            [r] if table == "casualties" else [],
            [r] if table == "events" else [],
            "",
        )
        for r in rows
    ]


def _one_role(denials: Sequence) -> str | None:
    """The role every denial names ('no civilian casualties'), or None when one names none or they differ."""
    roles = {d.role for d in denials}
    return roles.pop() if len(roles) == 1 else None


def _denials_of(report: claims.Report, group: LinkGroup) -> list:
    """The group's denials, as the claims stage reads them from its article."""
    return [d for d in report.denials() if (d.claimant, d.topic) == (group.claimant, group.topic)]


def _ranked(
    denier: claims.Report, reporters: Iterable[claims.Report], group: LinkGroup
) -> list[tuple[str, dict[str, object]]]:
    """Claims rows of the group's denials that the reporters contradict, with their rank keys, best first."""
    by_start = {d.start: d for d in _denials_of(denier, group)}
    found = []
    for reporter in reporters:
        for row in claims.claims_between(denier, [reporter]):
            denial = by_start.get(int(row["char_start"]))  # type: ignore[arg-type]
            if row["article_id"] == denier.article_id and denial is not None:
                found.append((_rank_key(denial.said, reporter, row), row))
    return sorted(found, key=lambda pair: pair[0])


def _rank_key(said: date, reporter: claims.Report, row: Mapping[str, object]) -> str:
    """Sorts as the module's docstring ranks: date closeness, date precision, article id."""
    contradicting = _row_by_id(reporter, row["contradicted_by_id"])
    if contradicting is None:  # words said in the reporter's own voice: dated by its publication
        last_day, precision = reporter.published, "day"
    else:
        last_day, precision = contradicting.date_end, contradicting.date_precision
    days = max(0, (said - last_day).days)  # type: ignore[operator]
    return f"{min(days, 9999):04d}{_PRECISION.get(precision, 3)}{reporter.article_id}"


def _row_by_id(report: claims.Report, row_id: object) -> claims.ReportedFact | None:
    if row_id is None:
        return None
    return next((fact for fact in (*report.casualties, *report.events) if fact.ref == row_id), None)


def _link_reports(writer: Writer, new: claims.Report, exclude: set[str]) -> int:
    """Stored denials the new article contradicts, where it ranks among their best MAX_LINKS."""
    written = 0
    for group in writer.open_groups(_offers(new), exclude, MAX_LINKS):
        denier = claims.Report(
            group.article_id,
            group.published,
            group.source,
            list(group.members),
            [],
            [],
            "",  # type: ignore[arg-type]
        )
        written += writer.add_links(
            group, _ranked(denier, [_nearest_first(new, group)], group)[:1], MAX_LINKS
        )
    return written


def _nearest_first(report: claims.Report, group: LinkGroup) -> claims.Report:
    """The report with its rows nearest the group's denials first, as the store ranks candidates
    (`Writer.nearest_dated`): the claims stage takes the first row that contradicts, so the link is the
    same whichever of the two articles came first."""

    def nearness(fact: claims.ReportedFact) -> tuple:
        end = fact.date_end
        reach = min(end, group.last_day) if isinstance(end, date) else date.min
        return (-reach.toordinal(), _PRECISION.get(fact.date_precision, 3), fact.start)

    return claims.Report(
        report.article_id,
        report.published,
        report.source,
        report.quotes,
        sorted(report.casualties, key=nearness),
        sorted(report.events, key=nearness),
        report.body,
    )


def _offers(new: claims.Report) -> list[LinkOffer]:
    """Per topic the new article could contradict: the days a denial must have been made in, and the
    rows it could do it with (their dates, precision, claimant and role)."""
    offers = []
    for topic in _REPORTS:
        facts = [f for f in _facts_of(new, topic) if _can_contradict(f, topic) and f.well_dated]
        if facts:
            offered = tuple(
                sorted(
                    {
                        OfferedRow(
                            f.date_start,  # type: ignore[arg-type]
                            f.date_end,  # type: ignore[arg-type]
                            _PRECISION[f.date_precision],
                            f.claimed_by,
                            f.role if topic == "casualties" else None,
                        )
                        for f in facts
                    },
                    key=lambda o: (o.start, o.end, o.precision, o.claimed_by or "", o.role or ""),
                )
            )
            window = (min(o.start for o in offered), max(o.end for o in offered) + _WINDOW)
            offers.append(
                LinkOffer(
                    topic, window, offered, _WINDOW.days, new.article_id, check_role=topic == "casualties"
                )
            )
    own_voice = (OfferedRow(new.published, new.published, 0, None),)
    window = (new.published, new.published + _WINDOW)
    offers.append(LinkOffer("escalation", window, own_voice, _WINDOW.days, new.article_id))
    return offers


def _facts_of(report: claims.Report, topic: str) -> Sequence[claims.ReportedFact]:
    return report.casualties if topic == "casualties" else report.events


def _can_contradict(fact: claims.ReportedFact, topic: str) -> bool:
    """What `_REPORTS` asks of a stored row, asked of a fact of the new article."""
    if topic == "casualties":
        return fact.what in claims.CONTRADICTING_KINDS
    return fact.what in claims.SHOOTING_CODES and not fact.negated

"""Realistic, varied synthetic articles (front matter + body) for the benchmarks.

Sentences are built from templates written for the benchmarks in the style of wire copy, filled with
people (bench/names.csv), places (the gazetteer data/geo/places.csv), actors and roles
(data/lexicon/*.csv), numbers in digits and words, date phrases, direct and reported quotes,
casualty and troop figures, shelling and talks, and denials. Publication dates spread over
2021-01..2023-09. The same seed always gives the same articles.

    .venv/bin/python bench/generate.py --count 1000 --out /tmp/articles [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from borderwatch.articles import Article, parse_article
from borderwatch.paths import GEO_DIR, LEXICON_DIR

NAMES = Path(__file__).with_name("names.csv")
FIRST_DAY, LAST_DAY = date(2021, 1, 1), date(2023, 9, 30)
NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SIDES = {
    "Armenia": ("Armenian", "Yerevan", "Armenian Defense Ministry", "Armenian Foreign Ministry"),
    "Azerbaijan": ("Azerbaijani", "Baku", "Azerbaijani Defense Ministry", "Azerbaijani Foreign Ministry"),
}
SOLDIERS = ["soldiers", "servicemen", "troops", "conscripts", "border guards"]
CIVILIANS = ["civilians", "villagers", "residents", "farmers"]
WEAPONS = ["artillery", "mortars", "small arms", "sniper fire", "drones", "rocket fire", "grenade launchers"]
MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@dataclass(frozen=True)
class Vocabulary:
    first: list[str]
    last: list[str]
    outlets: list[str]
    villages: dict[str, list[str]]  # country → villages and towns
    provinces: dict[str, list[str]]
    roles: list[str]
    organisations: list[str]


def load_vocabulary() -> Vocabulary:
    """Names, places, roles and organisations read from the data files."""
    with NAMES.open(encoding="utf-8") as handle:
        names = list(csv.DictReader(handle))
    villages: dict[str, list[str]] = {"Armenia": [], "Azerbaijan": []}
    provinces: dict[str, list[str]] = {"Armenia": [], "Azerbaijan": []}
    with (GEO_DIR / "places.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["country"] in villages and row["kind"] in ("village", "town"):
                villages[row["country"]].append(row["name"])
            elif row["country"] in provinces and row["kind"] == "province":
                provinces[row["country"]].append(row["name"])
    with (LEXICON_DIR / "roles.csv").open(encoding="utf-8") as handle:
        roles = [r["role"] for r in csv.DictReader(handle) if r["kind"] == "official"]
    with (LEXICON_DIR / "actors.csv").open(encoding="utf-8") as handle:
        organisations = [r["name"] for r in csv.DictReader(handle) if r["kind"] == "organisation"]
    return Vocabulary(
        [n["value"] for n in names if n["kind"] == "first"],
        [n["value"] for n in names if n["kind"] == "last"],
        [n["value"] for n in names if n["kind"] == "outlet"],
        villages,
        provinces,
        roles,
        organisations,
    )


class Writer:
    """Writes one article: its sentences share a publication date and a pair of sides."""

    def __init__(self, rng: random.Random, vocab: Vocabulary, published: date):
        self.rng, self.v, self.published = rng, vocab, published
        self.side = rng.choice(list(SIDES))
        self.other = next(s for s in SIDES if s != self.side)

    # -- slots -----------------------------------------------------------------------------------
    def count(self, low: int = 1, high: int = 60) -> str:
        n = self.rng.randint(low, high)
        form = self.rng.random()
        if form < 0.35 and n <= len(NUMBER_WORDS):
            return NUMBER_WORDS[n - 1]
        if form < 0.5:
            return f"at least {n}"
        if form < 0.6:
            return f"more than {n}"
        if form < 0.65:
            return self.rng.choice(["dozens of", "several", "a few"])
        return str(n)

    def day_phrase(self) -> str:
        back = self.rng.randint(0, 40)
        day = self.published - timedelta(days=back)
        form = self.rng.random()
        if back == 0:
            return "on " + WEEKDAYS[day.weekday()] if form < 0.5 else "today"
        if back < 7 and form < 0.5:
            return "on " + WEEKDAYS[day.weekday()] + self.rng.choice(["", " night", " morning"])
        if form < 0.7:
            return f"on {day.day} {MONTHS[day.month - 1]}"
        if form < 0.8:
            return f"in {MONTHS[day.month - 1]}"
        if form < 0.9:
            return self.rng.choice(["last week", "earlier this month", "over the weekend", "last month"])
        return f"on {day.day:02d}/{day.month:02d}/{day.year}"

    def person(self) -> str:
        return f"{self.rng.choice(self.v.first)} {self.rng.choice(self.v.last)}"

    def official(self) -> str:
        return f"{self.rng.choice(self.v.roles)} {self.person()}"

    def place(self, country: str | None = None) -> str:
        return self.rng.choice(self.v.villages[country or self.side])

    def province(self, country: str | None = None) -> str:
        return self.rng.choice(self.v.provinces[country or self.side])

    def adj(self, country: str | None = None) -> str:
        return SIDES[country or self.side][0]

    # -- sentences -------------------------------------------------------------------------------
    def casualty(self) -> str:
        r = self.rng
        who = r.choice(SOLDIERS if r.random() < 0.7 else CIVILIANS)
        kind = r.choice(["killed", "wounded", "injured", "taken prisoner", "missing"])
        head = f"{self.count().capitalize()} {self.adj()} {who} were {kind}"
        if r.random() < 0.5:
            head += f" and {self.count(1, 9)} others {r.choice(['wounded', 'injured'])}"
        ministry = SIDES[self.side][2]
        tail = r.choice([f"the {ministry} said", f"{self.official()} told reporters", "local officials said"])
        return f"{head} near {self.place()} {self.day_phrase()}, {tail}."

    def shelling(self) -> str:
        r = self.rng
        verb = r.choice(["shelled", "opened fire on", "fired on", "attacked", "struck"])
        target = r.choice(["positions", "a checkpoint", "houses", "a farm", "an army post"])
        wounding = f", wounding {self.count(1, 8)} {r.choice(SOLDIERS)}" if r.random() < 0.5 else ""
        return (
            f"{self.adj(self.other)} forces {verb} {target} near {self.place()} in the "
            f"{self.province()} province {self.day_phrase()} using {r.choice(WEAPONS)}{wounding}."
        )

    def troops(self) -> str:
        r = self.rng
        n = r.choice([self.count(50, 900), f"about {r.randint(2, 30) * 50}", f"up to {r.randint(2, 9)},000"])
        return r.choice(
            [
                f"According to {r.choice(['local officials', 'the ombudsman', self.official()])}, {n} "
                f"{self.adj(self.other)} troops remain near {self.place()}.",
                f"{self.official()} said {n} {self.adj(self.other)} servicemen had crossed into "
                f"{self.province()} province {self.day_phrase()}.",
            ]
        )

    def direct_quote(self) -> str:
        r = self.rng
        words = r.choice(
            [
                f"The situation near {self.place()} remains tense, but we are committed to a peaceful settlement",
                f"Our units are holding their positions along {self.count(3, 40)} kilometres of the border",
                f"We expect our partners to respond to what happened in {self.province()}",
                "Every provocation will be answered, and the responsibility lies with the other side",
                f"Talks on the release of {self.count(2, 20)} prisoners will continue next week",
            ]
        )
        verb = r.choice(["told reporters", "said", "told a news conference", "wrote on social media"])
        return f"“{words},” {self.official()} {verb} in {SIDES[self.side][1]} {self.day_phrase()}."

    def reported(self) -> str:
        r = self.rng
        clause = r.choice(
            [
                f"{self.count(2, 30)} families had left {self.place()} after the fighting",
                f"the road between {self.place()} and {self.place()} was closed for {self.count(2, 12)} days",
                f"the {r.choice(self.v.organisations)} would send observers to {self.province()}",
                f"{self.adj(self.other)} units had advanced {self.count(1, 5)} kilometres near {self.place()}",
            ]
        )
        return f"{self.official()} said {self.day_phrase()} that {clause}."

    def denial(self) -> str:
        r = self.rng
        ministry = SIDES[self.other][2]
        words = r.choice(
            [
                "There were no casualties among our troops",
                "There was no shooting on that section of the border",
                "We cannot speak of any escalation",
                "No civilian casualties were reported",
                "Our forces did not open fire, and there were no losses",
            ]
        )
        return r.choice(
            [
                f"“{words},” the {ministry} said {self.day_phrase()}.",
                f"{SIDES[self.other][0]} {r.choice(self.v.roles)} {self.person()} denied the report, saying "
                f"“{words[0].lower()}{words[1:]}.”",
            ]
        )

    def diplomacy(self) -> str:
        r = self.rng
        org = r.choice(self.v.organisations)
        return r.choice(
            [
                f"The {org} held consultations with {self.official()} in Moscow {self.day_phrase()}.",
                f"{self.official()} appealed to the CSTO for help {self.day_phrase()}, and the request was "
                f"discussed at a meeting of {self.count(3, 9)} member states.",
                f"A ceasefire brokered {self.day_phrase()} was largely holding near {self.place()}, the {org} said.",
                f"{self.count(2, 15).capitalize()} prisoners were handed over {self.day_phrase()} in an exchange "
                f"mediated by the {org}.",
            ]
        )

    def background(self) -> str:
        r = self.rng
        return r.choice(
            [
                f"The village of {self.place()} lies {r.randint(2, 40)} km from the border and had about "
                f"{r.randint(3, 90) * 10} residents before the fighting.",
                f"Escalating tensions along the border have displaced {self.count(100, 900)} people "
                f"from {self.province()} since {r.choice(MONTHS)}.",
                f"Residents of {self.place()} said they heard explosions for {self.count(2, 6)} hours.",
                f"The {self.province()} governor said schools in {self.place()} and {self.place()} would stay "
                f"closed until {r.choice(MONTHS)} {r.randint(1, 28)}.",
            ]
        )

    def sentence(self) -> str:
        kinds = (
            (self.casualty, 4),
            (self.shelling, 3),
            (self.troops, 2),
            (self.direct_quote, 3),
            (self.reported, 3),
            (self.denial, 1),
            (self.diplomacy, 2),
            (self.background, 3),
        )
        make = self.rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        return make()

    def article(self, number: int) -> tuple[str, str]:
        """(file name, file text) of one article of 10 to 24 sentences."""
        r = self.rng
        sentences = [self.casualty() if r.random() < 0.5 else self.shelling()]
        sentences += [self.sentence() for _ in range(r.randint(9, 23))]
        sentences = [s[0].upper() + s[1:] for s in sentences]  # a sentence may open with a role
        paragraphs, i = [], 0
        while i < len(sentences):
            step = r.randint(1, 3)
            paragraphs.append(" ".join(sentences[i : i + step]))
            i += step
        body = "\n\n".join(paragraphs) + "\n"
        title = re.sub(r"[“”\"]", "", sentences[0].split(",")[0])[:90]
        outlet = r.choice(self.v.outlets)
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40]
        text = (
            f'---\ntitle: "{title}"\npublished: {self.published.isoformat()}\nsource: {outlet}\n'
            f"url: https://example.org/{self.published:%Y/%m}/{number}-{slug}\n---\n{body}"
        )
        return f"{number:05d}-{slug}.md", text


def generate(count: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """(file name, file text) of `count` articles; the same seed gives the same articles."""
    rng, vocab = random.Random(seed), load_vocabulary()
    span = (LAST_DAY - FIRST_DAY).days
    for number in range(count):
        published = FIRST_DAY + timedelta(days=rng.randint(0, span))
        yield Writer(rng, vocab, published).article(number)


def articles(count: int, seed: int = 7) -> list[Article]:
    """The generated articles, parsed as ingest reads them."""
    return [parse_article(text, name) for name, text in generate(count, seed)]


def write(count: int, out: Path, seed: int = 7) -> list[Path]:
    """Write the articles as files into `out`; their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(count, seed):
        path = out / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = write(args.count, args.out, args.seed)
    print(f"{len(paths)} articles in {args.out}")


if __name__ == "__main__":
    main()

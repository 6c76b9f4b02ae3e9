"""English closed-class word lists the extractor reads: calendar names, number words, ranks, speech verbs.

Each list is written here once, in lower case unless English writes the words capitalised (military
ranks); a module that needs another case or a regex builds it from these.
"""

from __future__ import annotations

# calendar.month_name follows the locale; the article's language is English whatever the machine's is.
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_PARTS = ("morning", "afternoon", "evening", "night")

# Cardinal number words by value: units (with the teens), tens and scales.
NUMBER_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
NUMBER_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
NUMBER_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# The ordinals a time phrase counts parts of a period with ('the first weeks of May').
ORDINALS = ("first", "second", "third")

# Military ranks as news abbreviates them before a name ('Col. Gen. Anatoly Sidorov').
MILITARY_RANKS = ("Col", "Gen", "Lt", "Maj", "Capt", "Brig", "Adm")

# Verbs that attribute words to a speaker, in every form news uses them.
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stressed", "stresses", "noted", "notes",
    "claimed", "claims", "explained", "explains", "stated", "states", "warned", "warns", "announced",
    "announces", "insisted", "insists", "argued", "argues", "reported", "reports", "reporting", "assured",
    "assures", "confirmed", "confirms", "denied", "denies", "emphasised", "emphasized", "underlined",
    "pointed out", "wrote", "writes", "declared", "declares", "alleged", "alleges", "accused", "accuses",
    "urged", "urges", "asserted", "asserts", "continued", "concluded", "reiterated", "remarked", "recalled",
    "acknowledged", "admitted", "believes", "believed",
    # participles that carry speech after a main clause: 'Baku denied the report, saying …'
    "saying", "adding", "accusing", "warning", "insisting", "claiming", "stressing", "noting",
)  # fmt: skip
# Speech verbs that take a noun as readily as a clause: reported speech only with 'that' ('reported that …').
NEEDS_THAT = frozenset(
    (
        "reported", "reports", "reporting", "accusing", "warning", "accused", "accuses", "denied", "denies",
        "urged", "urges", "confirmed", "confirms", "announced", "announces", "wrote", "writes", "recalled",
        "acknowledged", "admitted", "continued", "concluded",
    )
)  # fmt: skip

# --- Casualty figures: words that name one victim, and the words of a war -------------------------------
# Ranks as news writes them in full before a name ('Junior Sergeant A. Petrosyan'), lower case.
MILITARY_RANK_WORDS = (
    "private", "corporal", "junior sergeant", "sergeant", "senior sergeant", "staff sergeant", "warrant officer",
    "junior lieutenant", "lieutenant", "senior lieutenant", "captain", "major", "lieutenant colonel", "colonel",
    "general", "major general", "commander", "officer", "soldier", "serviceman", "servicewoman",
    "service member", "conscript", "border guard", "guard", "fighter", "sniper", "volunteer", "reservist",
)  # fmt: skip
# People named by what they do or are, when one of them is a victim ('the village head was wounded').
CIVILIAN_PERSON_WORDS = (
    "civilian", "resident", "villager", "man", "woman", "boy", "girl", "child", "teenager", "farmer",
    "shepherd", "driver", "worker", "head", "mayor", "teacher", "doctor", "nurse", "journalist",
    "reporter", "photographer", "cameraman", "pensioner", "citizen", "official", "employee",
)  # fmt: skip
# A war or a long fight, whose toll counts both sides unless the text says whose dead they were.
WAR_WORDS = ("war", "wars", "conflict", "fighting", "hostilities")

# --- Reported speech: added lists (the lists above are unchanged) ---
# More verbs of saying: 'the ombudsman shared that …', 'she cited evidence that …'.
MORE_SPEECH_VERBS = ("shared", "cited", "cites", "reads", "read", "informed", "informs")
# Verbs whose object is the reported content, told from the verb on ('accused Baku of …', 'called on …').
STANCE_VERBS = (
    "accused", "accuses", "accusing", "accuse", "called on", "calls on", "calling on", "called upon",
    "calls upon", "called for", "calls for", "calling for", "condemned", "condemns", "condemning",
    "demanded", "demands", "demanding", "urged", "urges", "urging", "denounced", "denounces",
    "denouncing", "described", "describes", "expressed", "expresses", "protested", "protests",
    "warned of", "warns of", "blamed", "blames", "blaming",
)  # fmt: skip
# Verbs whose object, told without 'that', is the reported content ('Armenia reported one dead').
REPORTING_VERBS = ("reported", "reports", "announced", "announces", "confirmed", "confirms")
# Adverbs and auxiliaries between a speaker and its verb ('has officially announced', 'also said').
SPEAKER_VERB_FILLERS = (
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "now",
    "already",
    "meanwhile",
    "further",
)
# Phrases naming two sides at once ('both sides accused each other').
BOTH_SIDES = ("both sides", "the two sides", "both countries", "the two countries", "the two nations",
              "both nations", "the two neighbours", "the two neighbors", "the two states")  # fmt: skip
# Nouns that make a quoted name the title of an outlet or a document ('the “Zartonk” news agency', 'the
# newspaper “Azg”'), not a quotation.
TITLE_NOUNS = (
    "news agency", "agency", "newspaper", "daily", "weekly", "outlet", "channel", "TV", "television",
    "radio", "website", "portal", "magazine", "broadcaster", "program", "programme", "news site", "document",
    "decree", "law", "treaty", "agreement", "declaration", "doctrine", "operation", "party", "movement",
    "bloc", "company", "foundation", "initiative", "project", "platform",
)  # fmt: skip
# Nouns of sources a report names without a name ('officials in the capital said', 'local media reported').
SOURCE_NOUNS = (
    "official", "officials", "source", "sources", "media", "report", "reports", "resident", "residents",
    "local", "locals", "witness", "witnesses", "correspondent", "reporter", "journalist", "spokesman",
    "spokeswoman", "spokesperson", "ministry", "office", "agency", "service", "government", "authorities",
    "police", "military", "army", "commander", "observers", "monitors", "diplomat", "diplomats", "activists",
)  # fmt: skip

"""Place names in the spaCy parse: which token ranges name a place, trimmed and widened while they
still do, with what the gazetteer holds for each. `places.py` decides among the senses.

Recognition takes GPE, LOC and FAC entities, plus ORG entities and untagged proper-noun runs whose
whole text is a place name (the small model tags "Bakhmut" ORG); a place name inside an organisation's
name ("Kyiv Independent", "Federal Security Service"), a building's ("White House") or a news
agency's ("Xinhua news agency") is not a place, nor a word used as a common noun ("the West") or a name
right after a word for a relative ("his brother Tyler").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from sitrep import lexicons
from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.names import (
    DIRECTION_WORDS,
    REGION_PLURALS,
    REGION_WORDS,
    fold,
    strip_region_word,
)

LOCATION_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels under which the small model files place names too ("Bakhmut" ORG, "Toruń" NORP); a NORP
# word that is a demonym ("Ukrainian") is country context, never a place.
WEAK_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "NORP"})
_SETTLEMENT_WORDS = frozenset({"city", "town", "village"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_ARTICLES = frozenset({"the"})
_AREA_WORDS_BEFORE_OF = (REGION_WORDS | set(REGION_PLURALS)) - {"republic", "territory", "municipality"}
# Words for relatives: a name right after one is a person's ("his brother Tyler").
KIN_WORDS = frozenset(
    {
        "brother",
        "sister",
        "son",
        "daughter",
        "daughters",
        "mother",
        "father",
        "wife",
        "husband",
        "girlfriend",
        "boyfriend",
        "cousin",
        "uncle",
        "aunt",
        "nephew",
        "niece",
        "grandson",
        "granddaughter",
    }
)
# What may follow a name that is still inside its noun phrase or list ("the Dallas medical clinic",
# "the Etoumbi and Mbomo districts").
_PHRASE_GOES_ON = frozenset({"NOUN", "PROPN", "ADJ", "CCONJ", "NUM"})
_JOINING_MARKS = frozenset({",", "-", "–", "/"})  # "the Mogadishu-based group"
_DASHES = frozenset({"-", "–", "—", "--"})
# Small words inside places' names, between capitalised words ("Rio Grande do Sul", "Newcastle upon Tyne").
_NAME_JOINERS = frozenset({"do", "da", "dos", "das", "de", "del", "di", "upon", "on", "la", "le"})
# Ranks and titles that also open names of things ("General Motors", "Prince Edward Island").
_RANKS = frozenset({"general", "king", "prince", "major", "captain", "official", "lieutenant", "colonel"})
_OFFICE_WORDS = frozenset(
    {"attorney", "secretary", "representative", "congressman", "congresswoman", "envoy"}
)
# Head nouns of the names of buildings and organisations: a name ending in one ("White House", "Kyiv
# Post", "Kharkiv University") names the building or body, not the place in it (nor a town that the
# whole name is an alternate name of: "White House" is an old name of Casablanca).
BODY_HEADS = frozenset(
    {
        "house",
        "palace",
        "hall",
        "building",
        "tower",
        "towers",
        "embassy",
        "consulate",
        "ministry",
        "parliament",
        "council",
        "court",
        "prison",
        "jail",
        "airport",
        "airbase",
        "station",
        "stadium",
        "arena",
        "hotel",
        "hospital",
        "clinic",
        "university",
        "college",
        "school",
        "academy",
        "institute",
        "museum",
        "library",
        "church",
        "cathedral",
        "mosque",
        "temple",
        "synagogue",
        "post",
        "times",
        "herald",
        "tribune",
        "journal",
        "gazette",
        "telegraph",
        "chronicle",
        "observer",
        "independent",
        "news",
        "agency",
        "press",
        "radio",
        "tv",
        "television",
        "company",
        "corporation",
        "bank",
        "club",
        "party",
        "league",
        "foundation",
    }
)
# Nouns after a name that make it an organisation's name ("Xinhua news agency", "the Dawn newspaper").
_BODY_AFTER = frozenset({"agency", "newspaper", "daily", "broadcaster", "tabloid", "weekly"})
# Words after a name that make it a river's ("the Dnipro river", "the Vistula river"): a river runs past
# many places and is not the town of its name.
_RIVER_WORDS = frozenset({"river", "rivers"})
# Nouns for diseases and what causes them: a place name right before one names the disease ("West Nile
# virus", "the Reston ebolavirus", "Lassa fever", "Lyme disease", "the Ebola-Reston strain"), not a place.
_PATHOGEN_WORDS = frozenset(
    {
        "virus",
        "viruses",
        "ebolavirus",
        "flu",
        "influenza",
        "fever",
        "disease",
        "syndrome",
        "encephalitis",
        "strain",
        "strains",
    }
)
# Prefixes that make a name part of a longer word when a hyphen joins them ("mid-Atlantic", "pan-African",
# "euro-Atlantic"), and the "a" of "Mar-a-Lago".
_HYPHEN_PREFIXES = frozenset(
    {"a", "mid", "euro", "pan", "trans", "anti", "pro", "non", "pre", "post", "inter", "sub", "neo", "ex"}
)
# Last words of the names of events, which take place where the place their name opens lies.
EVENT_WORDS = frozenset(
    {"festival", "conference", "summit", "expo", "exhibition", "fair", "games", "cup", "forum", "marathon"}
)
# A city at least this big that shares a US state's name: "New York State" names the state apart from it.
STATE_NAMESAKE_POPULATION = 200_000
# Region words of areas that may lie far from the town they are named after ("Scott County").
TOWN_AREA_WORDS = frozenset({"county", "counties"})


@dataclass(slots=True)
class FoundName:
    """A token range [start, end) that names a place, with its gazetteer candidates; `strong` when the
    NER or a region word vouches for it, `area` for "X district" named after a town."""

    start: int
    end: int
    strong: bool
    wants_region: bool
    key: str
    candidates: tuple[Candidate, ...]
    area: str | None = None
    person: bool = False


def common_noun_use(doc: Doc, mention: FoundName) -> bool:
    """ "the West", "the Centre", "the Alliance": a one-word name after a lower-case "the" that ends
    its own phrase is a word used as a noun, not a town called so. Towns take no article; "the Bakhmut
    front" keeps Bakhmut, a modifier, the NER's own "the Hague" stays, and countries and regions are
    left alone ("the Gambia")."""
    if mention.end - mention.start != 1 or mention.start == 0:
        return False
    article = doc[mention.start - 1]
    following = doc[mention.end] if mention.end < len(doc) else None
    return (
        article.text in _ARTICLES
        and not article.ent_type_  # "the Hague" as the NER's own name
        and not _phrase_goes_on(following)
        and all(c.feature == "city" for c in mention.candidates)
    )


def _phrase_goes_on(following: Token | None) -> bool:
    return following is not None and (following.pos_ in _PHRASE_GOES_ON or following.text in _JOINING_MARKS)


def body_named(doc: Doc, mention: FoundName) -> bool:
    """Whether the name is that of a building or an organisation rather than a place: several words
    ending in a head noun of such names ("White House", "Kyiv Post"), or a name followed by a noun that
    makes it one ("Xinhua news agency") or a disease's ("West Nile virus"). A place's own name that
    ends so is still a place when a region or country after a comma says where it is ("White House,
    Tennessee")."""
    last = doc[mention.end - 1]
    if mention.end - mention.start > 1 and last.lower_ in BODY_HEADS and last.text[:1].isupper():
        after = doc[mention.end] if mention.end < len(doc) else None
        return after is None or after.text != ","
    following = [t.lower_ for t in doc[mention.end : mention.end + 2]]
    return bool(following) and (
        following[0] in _BODY_AFTER
        or following[0] in _RIVER_WORDS
        or names_disease(doc, mention.end)
        or (following[0] == "news" and following[1:2] == ["agency"])
    )


# Prepositions whose object is a place when it is a place name at all: "in Riverdale", "near Orneta".
_LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "outside", "around", "across", "throughout", "inside"})


def locative(doc: Doc, start: int, end: int) -> bool:
    """Whether the parse puts the name where only a place goes: the object of "in" or "near" ("grew up
    in Oceanside", "near Orneta"), or the name of "the town of X" ("the small town of Kasba Bonli").
    Such a name the NER took for a person, or did not tag, is still a place when the gazetteer has it
    by its own name (the places stage asks this of names the NER did not call an organisation: "in
    Congress" is the body); a possessive ("in Franklin's view") is no such object."""
    head = doc[start:end].root
    if head.i + 1 < len(doc) and doc[head.i + 1].text in _POSSESSIVE:
        return False
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE_PREPOSITIONS:
        return True
    return named_settlement(doc, start, end)


def prefixed(doc: Doc, start: int) -> bool:
    """Whether the name is the tail of a hyphenated word that a prefix opens ("mid-Atlantic states",
    "euro-Atlantic integration", "Mar-a-Lago"): a word of its own, not the place."""
    if start < 2 or doc[start - 1].text not in ("-", "–"):
        return False
    prefix = doc[start - 2]
    return not prefix.whitespace_ and not doc[start - 1].whitespace_ and prefix.lower_ in _HYPHEN_PREFIXES


def after_near(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is the object of "near": one is "in Congress", but only a place lies near
    ("near Orneta" is a town, whatever the NER called it)."""
    head = doc[start:end].root
    return head.dep_ == "pobj" and head.head.lower_ == "near"


def named_settlement(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is that of "the town (city, village) of X", or one of "the towns of X and Y": a
    settlement by the text's own word."""
    head = doc[start:end].root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return (
        head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and (head.head.head.lower_ in _SETTLEMENT_WORDS or head.head.head.lemma_.lower() in _SETTLEMENT_WORDS)
    )


def names_disease(doc: Doc, number: int) -> bool:
    """Whether the words from `number` on are a disease's head noun, which makes the name before them
    the disease's ("West Nile virus", "Ebola Reston virus"), and not a word of a longer phrase ("the
    United States flu season" is a season in the United States)."""
    while number < len(doc) and doc[number].text in _JOINING_MARKS:
        number += 1
    while number < len(doc) and doc[number].lower_ in _PATHOGEN_WORDS:
        if doc[number].dep_ != "compound" or number + 1 >= len(doc):
            return True
        number += 1
    return False


def kin_named(doc: Doc, mention: FoundName) -> bool:
    """ "his brother Tyler", "daughters North and Chicago": a name right after a word for a relative
    is a person's, whatever the NER says."""
    return mention.start > 0 and doc[mention.start - 1].lower_ in KIN_WORDS


def has_capitals(doc: Doc) -> bool:
    """Whether the text is written with capitals (not all lower case, as some feeds are)."""
    words = [token for token in doc if token.is_alpha]
    return sum(token.text[:1].isupper() for token in words) >= 0.03 * len(words)


def person_words(doc: Doc, all_words: bool = False) -> set[str]:
    """Words of the article's multi-word person names: a later "Tyler" is Mr Tyler, not Tyler, Texas.
    A word the NER also calls a location somewhere in the article is left out (unless `all_words`):
    "Malakal" stays a town after "SOS Children's Village Malakal" was taken for a person's name."""
    located = set() if all_words else {ent.text for ent in doc.ents if ent.label_ in LOCATION_LABELS}
    return {
        token.text
        for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1
        for token in ent
        if token.text not in located
    }


def name_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, entity label or "" for a bare proper noun) token ranges worth a look, in text order."""
    spans: list[tuple[int, int, str]] = []
    covered = [False] * len(doc)
    for ent in doc.ents:
        covered[ent.start : ent.end] = [True] * (ent.end - ent.start)
        host = _event_host(doc, ent.start, ent.end, gazetteer)
        if host is not None:
            spans.append((ent.start + host[0], ent.start + host[1], ""))
        if ent.label_ in LOCATION_LABELS or ent.label_ in WEAK_LABELS:
            # "Donington Park, Leicestershire" as one entity: each part between commas on its own
            start = ent.start
            if _countries_run_together(ent, gazetteer):
                spans.extend((token.i, token.i + 1, ent.label_) for token in ent)
                continue
            for token in ent:
                if (
                    token.text == ","
                    or _spaced_dash(doc, token)
                    or _joins_two_places(doc, token.i, ent.text, gazetteer)
                    or (token.lower_ == "and" and named_settlement(doc, token.i + 1, ent.end))
                ):
                    spans.append((start, token.i, ent.label_))
                    start = token.i + 1
            spans.append((start, ent.end, ent.label_))
    number = 0
    while number < len(doc):
        if covered[number] or not _proper(doc[number]) or doc[number].lower_ in _title_words():
            number += 1
            continue
        end = number + 1
        while end < len(doc) and not covered[end] and _proper(doc[end]):
            if doc[end].lower_ in _title_words() and gazetteer.has_key(fold(doc[number:end].text)):
                break  # "Kharkiv Governor Oleh Synehubov": the place's name ends before the title
            end += 1
        spans.append((number, end, ""))
        number = end
    return sorted(spans)


def _event_host(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int] | None:
    """The place name that opens an event's name, as offsets within it: an event named after a place
    is held there ("Muscat International Film Festival", "Dubai World Cup", "the Kyiv Security Forum"),
    where an organisation named after one need not be."""
    if end - start < 2 or doc[end - 1].lower_ not in EVENT_WORDS or not doc[end - 1].text[:1].isupper():
        return None
    first = 1 if doc[start].lower_ == "the" else 0
    for size in range(end - start - 1, first, -1):
        if _proper(doc[start + size - 1]) and gazetteer.has_key(fold(doc[start + first : start + size].text)):
            return first, size
    return None


def _countries_run_together(ent: DocSpan, gazetteer: Gazetteer) -> bool:
    """ "Cyprus, Greece Italy or Spain": one entity of words that are each a country's name, and no
    place as a whole, is a list whose comma went missing."""
    return (
        len(ent) > 1
        and not gazetteer.has_key(fold(ent.text))
        and all(
            token.is_alpha and any(c.feature == "country" for c in gazetteer.lookup_key(fold(token.text)))
            for token in ent
        )
    )


def _spaced_dash(doc: Doc, token: Token) -> bool:
    """A dash with a space on each side ends a name: "Sri Lanka - approximately 28,500" taken as one
    entity is the country and a figure."""
    return (
        token.text in _DASHES
        and token.i > 0
        and bool(doc[token.i - 1].whitespace_)
        and bool(token.whitespace_)
    )


def _joins_two_places(doc: Doc, number: int, whole: str, gazetteer: Gazetteer) -> bool:
    """Whether the token is a hyphen between two place names in a name that is no place as a whole:
    "Asia-Pacific", "Nelson-Creston" name two places; "Guinea-Bissau" is one."""
    if doc[number].text != "-" or number == 0 or number + 1 >= len(doc) or gazetteer.has_key(fold(whole)):
        return False
    return all(
        word.text[:1].isupper() and len(word.text) > 2 and gazetteer.has_key(fold(word.text))
        for word in (doc[number - 1], doc[number + 1])
    )


def _proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def found_name(doc: Doc, start: int, end: int, strong: bool, gazetteer: Gazetteer) -> FoundName | None:
    """Trim a span, widen it while that still names a place, and look it up."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    if start >= end or "\n" in doc[start:end].text:
        return None
    start, end = _widen(doc, start, end, gazetteer)
    if end - start > 1 and doc[end - 1].lower_ in REGION_WORDS | set(REGION_PLURALS):
        head = doc[start : end - 1].text
        if country_abbreviation(head, fold(head), gazetteer):
            end -= 1  # "the U.S. Department", "U.S. states" name the country
    key = fold(doc[start:end].text)
    wants_region = strip_region_word(key)[1] is not None
    if (
        end < len(doc)
        and doc[end].lower_ in REGION_WORDS
        and not wants_region
        and not country_abbreviation(doc[start:end].text, key, gazetteer)
    ):
        end, wants_region = end + 1, True  # "Donetsk region", "Georgia state"; but "US state" is the US
        key = fold(doc[start:end].text)
    elif strong and _proper_neighbour(doc, end) and not _region_follows(doc, end, gazetteer):
        return None  # "Kyiv Independent", "Moscow Times": part of a longer name
    candidates = lookup(key, wants_region, gazetteer)
    if not candidates and key.split(" ", 1)[0] in DIRECTION_WORDS and end - start > 1:
        named = doc[start].text[:1].isupper()
        start, key = start + 1, fold(doc[start + 1 : end].text)
        candidates = lookup(key, wants_region, gazetteer)
        if named:
            # "West Midlands", "East Yorkshire", "West Wing" are names of their own, not a town called
            # Wing: a country keeps its part ("Northern Syria"), a region needs the article's support
            # ("West Wales", "South Florida")
            candidates = [c for c in candidates if c.feature != "city"]
            strong = False
    if not wants_region and _after_region_word(doc, start) and any(c.feature == "region" for c in candidates):
        wants_region = True  # "the state of Washington", "the provinces of Anhui and Hubei"
    area = area_of(candidates, doc[end - 1].text) if wants_region else None
    wants_region = wants_region and area is None
    if not candidates and doc[end - 1].text in _SETTLEMENT_WORDS and end - start > 1:
        key = fold(doc[start : end - 1].text)  # "Pokrovsk city": the span keeps the word
        candidates = [c for c in gazetteer.lookup_key(key) if c.feature == "city"]
    if _abbreviation(doc[start:end].text):
        candidates = [c for c in candidates if c.feature != "city"]  # "EU" is not Eu, France
    if not candidates or state_university(doc[end - 1].text, candidates, gazetteer):
        return None
    # A region word is evidence enough that an untagged name is a place: "in Donetsk region".
    return FoundName(
        start, end, strong or wants_region or area is not None, wants_region, key, tuple(candidates), area
    )


def state_university(last: str, candidates: list[Candidate], gazetteer: Gazetteer) -> bool:
    """ "Mississippi State", "Ohio State", "Penn State": an American state is "the state of X" or
    "X state", and "X State" with a capital is its state university or that university's team. Where a
    big city shares the state's name, "New York State" and "Washington State" tell the state from it."""
    if last != "State" or not candidates:
        return False
    if not all(c.feature == "region" and c.country_code == "US" for c in candidates):
        return False
    return not any(
        c.feature == "city" and c.country_code == "US" and c.population >= STATE_NAMESAKE_POPULATION
        for region in candidates
        for c in gazetteer.lookup_key(fold(region.name))
    )


def _after_region_word(doc: Doc, start: int) -> bool:
    """ "the state of X", "the province of X": X named as an area ("the Republic of Armenia" is a
    country's formal name, not a region)."""
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _AREA_WORDS_BEFORE_OF


def _widen(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, int]:
    """Take in neighbouring words while the longer name is still a place: "Baja" + "California",
    "eastern" + "Ukraine"."""
    while end < len(doc) and _proper(doc[end]) and gazetteer.has_key(fold(doc[start : end + 1].text)):
        end += 1
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in _NAME_JOINERS
        and _proper(doc[end + 1])
        and gazetteer.has_key(fold(doc[start : end + 2].text))
    ):
        end += 2  # "Rio Grande" + "do Sul", "Newcastle" + "upon Tyne"
    if end + 1 < len(doc) and doc[end].text == "-" and gazetteer.has_key(fold(doc[start : end + 2].text)):
        end += 2  # "Guinea" + "-Bissau", "Ivano" + "-Frankivsk"
    while start > 0 and (_proper(doc[start - 1]) or doc[start - 1].lower_ in DIRECTION_WORDS):
        if not gazetteer.has_key(fold(doc[start - 1 : end].text)):
            break
        start -= 1
    return start, end


def _region_follows(doc: Doc, number: int, gazetteer: Gazetteer) -> bool:
    """Whether the capitalised words from `number` on name a region, with or without its word, so that
    the name before them is a place said to lie in it without a comma ("Maiduguri Borno State")."""
    end = number
    while end < len(doc) and _proper(doc[end]):
        end += 1
    words = doc[number:end]
    if not len(words):
        return False
    keys = {fold(words.text)}
    if len(words) > 1 and words[-1].lower_ in REGION_WORDS:
        keys.add(fold(words[:-1].text))
    return any(c.feature == "region" and not c.informal for key in keys for c in gazetteer.lookup_key(key))


def _proper_neighbour(doc: Doc, number: int) -> bool:
    """A capitalised proper noun outside any entity, right beside a name; a title is no such noun
    ("U.S. President Joe Biden", "Kharkiv Governor Oleh Synehubov" name the place)."""
    return (
        0 <= number < len(doc)
        and _proper(doc[number])
        and not doc[number].ent_type_
        and doc[number].lower_ not in _title_words()
    )


@cache
def _title_words() -> frozenset[str]:
    """One-word titles from the actor lexicon, and a few office words that only follow a place."""
    titles = lexicons.load("actors")["titles"]
    return frozenset(t for t in titles if " " not in t and t not in _RANKS) | _OFFICE_WORDS


def country_abbreviation(text: str, key: str, gazetteer: Gazetteer) -> bool:
    """ "US", "U.K.": a country's short form, which a following "state" or "district" does not make a
    region ("a US state" is not the French region "Us")."""
    return _abbreviation(text) and any(c.feature == "country" for c in gazetteer.lookup_key(key))


def _abbreviation(text: str) -> bool:
    """Short capitals ("EU", "BA", "U.S."): found only among the curated country and region names."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) <= 4 and not any(char.islower() for char in letters)


def lookup(key: str, wants_region: bool, gazetteer: Gazetteer) -> list[Candidate]:
    """Places called `key`, else the district called "`key` district"; for "X region" with no such
    region, the regions called X, else the towns (for "X County" only the towns)."""
    candidates = gazetteer.lookup_key(key)
    if not candidates and not wants_region:
        # "North Waziristan", "Kurram": a district named without its word, where no town has the name
        return [c for c in gazetteer.lookup_key(f"{key} district") if c.feature == "region"]
    if candidates or not wants_region:
        return candidates
    core, word = strip_region_word(key)
    candidates = gazetteer.lookup_key(core)
    regions = [c for c in candidates if c.feature == "region" and word not in TOWN_AREA_WORDS]
    # "Ohio County" is not the state of Ohio: a county is no first-level region of another kind
    return regions or [c for c in candidates if c.feature == "city"]


# Words that name the area around a town ("Bakhmut district", "the Houston region"); a state, province or
# department is never named after a town the gazetteer lacks the area of ("Justice Department").
_TOWN_AREA_NAMES = frozenset(
    {"district", "districts", "region", "regions", "county", "counties", "municipality", "raion", "rayon"}
)


def area_of(candidates: list[Candidate], word: str) -> str | None:
    """The region word when a region-worded name only matches towns: "Bakhmut district" is the area
    around Bakhmut, not Bakhmut."""
    if word.lower() not in _TOWN_AREA_NAMES:
        return None
    return word if candidates and all(c.feature == "city" for c in candidates) else None

"""Places named in an article: recognition from the spaCy parse, resolution against the gazetteer.

Recognition takes GPE, LOC and FAC entities, plus ORG entities and untagged proper-noun runs whose
whole text is a place name (the small model tags "Bakhmut" ORG); a place name inside an organisation's
name ("Kyiv Independent", "Federal Security Service") is not a place. Demonyms ("Ukrainian") are not
places either, but tell resolution which countries the article is about. "Bakhmut district", with no
such district in the gazetteer, is an area of its own at the town's point (precision 3). Mentions that
resolve to the same place merge into one `Place`, numbered in order of first mention, and a resolved
name met again where the parser saw nothing is one more mention of it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from sitrep import lexicons
from sitrep.extract.datelines import dateline
from sitrep.extract.mentions import doc_text
from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.names import (
    DIRECTION_WORDS,
    REGION_PLURALS,
    REGION_WORDS,
    fold,
    is_spelling,
    strip_region_word,
)
from sitrep.geo.resolve import Choice, Mention, resolve
from sitrep.model import Place, Span

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
_JOINERS = frozenset({"and", ",", "or", "&"})
# Ranks and titles that also open names of things ("General Motors", "Prince Edward Island").
_RANKS = frozenset({"general", "king", "prince", "major", "captain", "official", "lieutenant", "colonel"})
_OFFICE_WORDS = frozenset(
    {"attorney", "secretary", "representative", "congressman", "congresswoman", "envoy"}
)
_PRECISION = {"city": 1, "region": 3, "country": 3, "continent": 3}
# Region words of areas that may lie far from the town they are named after ("Scott County").
_TOWN_AREA_WORDS = frozenset({"county", "counties"})


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    strong: bool
    wants_region: bool
    key: str
    candidates: tuple[Candidate, ...]
    area: str | None = None
    person: bool = False


@cache
def _demonyms() -> dict[str, str]:
    table: dict[str, str] = lexicons.load("demonyms")
    return {fold(word): code for word, code in table.items() if not word.startswith("_")}


def demonym_country(text: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The country a nationality word points to ("Ukrainians" -> "UA"), else None.

    With a gazetteer, a plural that is itself a country's name ("Philippines") is no demonym."""
    key = fold(text)
    table = _demonyms()
    if key in table:
        return table[key]
    if not key.endswith("s") or key[:-1] not in table:
        return None
    if gazetteer is not None and any(c.feature == "country" for c in gazetteer.lookup_key(key)):
        return None
    return table[key[:-1]]


def extract_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """Every place the article names, resolved and merged, with its mentions as spans."""
    countries: Counter[str] = Counter()
    found: list[_Found] = []
    people = _person_words(doc)
    named_people = _person_words(doc, all_words=True)
    filed = dateline(doc, gazetteer)
    opening = _Found(filed.start, filed.end, True, False, filed.key, filed.candidates) if filed else None
    cased = _cased(doc)
    words = {token.text for token in doc if token.is_alpha and token.is_lower}
    for start, end, label in _spans(doc, gazetteer):
        code = demonym_country(doc[start:end].text, gazetteer)
        if code:
            countries[code] += 1
            continue
        strong = label in LOCATION_LABELS
        if not strong and doc[start:end].text in people:
            continue
        if cased and doc[start:end].text.islower():
            continue  # "bush", "n't" tagged as an entity: in a text with capitals, a name has one
        if not strong and end - start == 1 and doc[start].lower_ in words:
            continue  # "Green" where the article also writes "green": a word, not a name
        mention = _mention(doc, start, end, strong, gazetteer)
        if mention is not None and doc[mention.start : mention.end].text in named_people:
            # "Khalil" after "Mahmoud Khalil": the person, unless a place has that very name
            mention.candidates = tuple(
                c for c in mention.candidates if not c.alias or is_spelling(mention.key, c.name)
            )
            mention = mention if mention.candidates else None
        if mention is not None and label == "PERSON" and not mention.strong:
            # A person's name is a place by the place's name or a spelling of it ("Avdiivka"), not by
            # another alternate name ("Johnson" was a town in Wisconsin, "Lu" is short for Luzhou),
            # and a town only with the article's support.
            key = mention.key
            mention.candidates = tuple(
                c for c in mention.candidates if not c.alias or is_spelling(key, c.name)
            )
            mention.person = True
            mention = mention if mention.candidates else None
        if mention is not None and (_common_noun_use(doc, mention) or _kin_named(doc, mention)):
            continue
        if mention is not None and not (found and mention.start < found[-1].end):
            found.append(mention)
    if opening is not None:
        found = [f for f in found if f.end <= opening.start or f.start >= opening.end] + [opening]
        found.sort(key=lambda item: item.start)
    _spread_region_word(doc, found, gazetteer)
    lists = _lists(doc, found)
    mentions = [
        Mention(
            key=item.key,
            candidates=item.candidates,
            strong=item.strong,
            person=item.person,
            wants_region=item.wants_region,
            qualifier=number + 1 if _qualified(doc, found, number) else None,
            qualifies=number - 1 if number and _qualified(doc, found, number - 1) else None,
            listed=tuple(other for other in lists[number] if other != number),
            town_area=item.area is not None and item.area.lower() in _TOWN_AREA_WORDS,
        )
        for number, item in enumerate(found)
    ]
    places = _places(doc, found, _one_sense(mentions, resolve(mentions, countries)))
    _add_repeats(doc, places)
    places.sort(key=lambda place: place.mentions[0].start)
    for number, place in enumerate(places, start=1):
        place.id = f"pl-{number}"
    return places


def _common_noun_use(doc: Doc, mention: _Found) -> bool:
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


def _kin_named(doc: Doc, mention: _Found) -> bool:
    """ "his brother Tyler", "daughters North and Chicago": a name right after a word for a relative
    is a person's, whatever the NER says."""
    return mention.start > 0 and doc[mention.start - 1].lower_ in KIN_WORDS


def _cased(doc: Doc) -> bool:
    """Whether the text is written with capitals (not all lower case, as some feeds are)."""
    words = [token for token in doc if token.is_alpha]
    return sum(token.text[:1].isupper() for token in words) >= 0.03 * len(words)


def _person_words(doc: Doc, all_words: bool = False) -> set[str]:
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


def _spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(start, end, entity label or "" for a bare proper noun) token ranges worth a look, in text order."""
    spans: list[tuple[int, int, str]] = []
    covered = [False] * len(doc)
    for ent in doc.ents:
        covered[ent.start : ent.end] = [True] * (ent.end - ent.start)
        if ent.label_ in LOCATION_LABELS or ent.label_ in WEAK_LABELS:
            # "Donington Park, Leicestershire" as one entity: each part between commas on its own
            start = ent.start
            for token in ent:
                if token.text == ",":
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


def _proper(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _mention(doc: Doc, start: int, end: int, strong: bool, gazetteer: Gazetteer) -> _Found | None:
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
        if _country_abbreviation(head, fold(head), gazetteer):
            end -= 1  # "the U.S. Department", "U.S. states" name the country
    key = fold(doc[start:end].text)
    wants_region = strip_region_word(key)[1] is not None
    if (
        end < len(doc)
        and doc[end].lower_ in REGION_WORDS
        and not wants_region
        and not _country_abbreviation(doc[start:end].text, key, gazetteer)
    ):
        end, wants_region = end + 1, True  # "Donetsk region", "Georgia state"; but "US state" is the US
        key = fold(doc[start:end].text)
    elif strong and _proper_neighbour(doc, end):
        return None  # "Kyiv Independent", "Moscow Times": part of a longer name
    candidates = _candidates(key, wants_region, gazetteer)
    if not candidates and key.split(" ", 1)[0] in DIRECTION_WORDS and end - start > 1:
        named = doc[start].text[:1].isupper()
        start, key = start + 1, fold(doc[start + 1 : end].text)
        candidates = _candidates(key, wants_region, gazetteer)
        if named:
            # "West Midlands", "East Yorkshire", "West Wing" are names of their own, not a town called
            # Wing: a country keeps its part ("Northern Syria"), a region needs the article's support
            # ("West Wales", "South Florida")
            candidates = [c for c in candidates if c.feature != "city"]
            strong = False
    if not wants_region and _after_region_word(doc, start) and any(c.feature == "region" for c in candidates):
        wants_region = True  # "the state of Washington", "the provinces of Anhui and Hubei"
    area = _area(candidates, doc[end - 1].text) if wants_region else None
    wants_region = wants_region and area is None
    if not candidates and doc[end - 1].text in _SETTLEMENT_WORDS and end - start > 1:
        key = fold(doc[start : end - 1].text)  # "Pokrovsk city": the span keeps the word
        candidates = [c for c in gazetteer.lookup_key(key) if c.feature == "city"]
    if _abbreviation(doc[start:end].text):
        candidates = [c for c in candidates if c.feature != "city"]  # "EU" is not Eu, France
    if not candidates:
        return None
    # A region word is evidence enough that an untagged name is a place: "in Donetsk region".
    return _Found(
        start, end, strong or wants_region or area is not None, wants_region, key, tuple(candidates), area
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
    while start > 0 and (_proper(doc[start - 1]) or doc[start - 1].lower_ in DIRECTION_WORDS):
        if not gazetteer.has_key(fold(doc[start - 1 : end].text)):
            break
        start -= 1
    return start, end


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


def _country_abbreviation(text: str, key: str, gazetteer: Gazetteer) -> bool:
    """ "US", "U.K.": a country's short form, which a following "state" or "district" does not make a
    region ("a US state" is not the French region "Us")."""
    return _abbreviation(text) and any(c.feature == "country" for c in gazetteer.lookup_key(key))


def _abbreviation(text: str) -> bool:
    """Short capitals ("EU", "BA", "U.S."): found only among the curated country and region names."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) <= 4 and not any(char.islower() for char in letters)


def _candidates(key: str, wants_region: bool, gazetteer: Gazetteer) -> list[Candidate]:
    """Places called `key`; for "X region" with no such region, the regions called X, else the towns (for
    "X County" only the towns)."""
    candidates = gazetteer.lookup_key(key)
    if candidates or not wants_region:
        return candidates
    core, word = strip_region_word(key)
    candidates = gazetteer.lookup_key(core)
    regions = [c for c in candidates if c.feature == "region" and word not in _TOWN_AREA_WORDS]
    # "Ohio County" is not the state of Ohio: a county is no first-level region of another kind
    return regions or [c for c in candidates if c.feature == "city"]


def _area(candidates: list[Candidate], word: str) -> str | None:
    """The region word when a region-worded name only matches towns: "Bakhmut district" is the area
    around Bakhmut, not Bakhmut."""
    return word if candidates and all(c.feature == "city" for c in candidates) else None


def _spread_region_word(doc: Doc, found: list[_Found], gazetteer: Gazetteer) -> None:
    """A plural region word makes every listed name a region: "the Bryansk and Kursk regions"."""
    for number, item in enumerate(found):
        if item.end >= len(doc) or doc[item.end].lower_ not in REGION_PLURALS:
            continue
        if _country_abbreviation(doc[item.start : item.end].text, item.key, gazetteer):
            continue  # "30 US states" are states of the US, which is named
        word = REGION_PLURALS[doc[item.end].lower_]
        item.end += 1
        group = [item]
        while number > 0:
            previous = found[number - 1]
            between = doc[previous.end : group[-1].start]
            if not all(token.lower_ in _JOINERS for token in between):
                break
            group.append(previous)
            number -= 1
        for member in group:
            candidates = _candidates(f"{strip_region_word(member.key)[0]} {word}", True, gazetteer)
            if candidates:
                member.area = _area(candidates, word)
                member.candidates, member.wants_region, member.strong = (
                    tuple(candidates),
                    not member.area,
                    True,
                )


def _qualified(doc: Doc, found: list[_Found], number: int) -> bool:
    """Whether the next mention, one comma away, says where this one is: "Pandi, Bulacan"."""
    if number + 1 >= len(found):
        return False
    gap = doc[found[number].end : found[number + 1].start]
    return len(gap) == 1 and gap[0].text == ","


def _lists(doc: Doc, found: list[_Found]) -> list[tuple[int, ...]]:
    """For each mention, the numbers of the mentions in its list: names joined only by commas, "and",
    "or" ("Tennessee, Texas and Utah"); a name on its own is a list of one."""
    groups: list[tuple[int, ...]] = []
    current: list[int] = []
    for number, item in enumerate(found):
        if current:
            between = doc[found[current[-1]].end : item.start]
            if not (len(between) and all(token.lower_ in _JOINERS for token in between)):
                groups.extend([tuple(current)] * len(current))
                current = []
        current.append(number)
    groups.extend([tuple(current)] * len(current))
    return [_qualifier_apart(doc, found, group) for group in groups]


def _qualifier_apart(doc: Doc, found: list[_Found], group: tuple[int, ...]) -> tuple[int, ...]:
    """ "Guam, Florida and Washington, D.C.": a last name after a bare comma, once "and" has closed
    the list, says where the one before it is and is no item of the list."""
    if len(group) < 3:
        return group
    joints = [doc[found[a].end : found[b].start].text for a, b in zip(group, group[1:], strict=False)]
    if joints[-1].strip() == "," and any(" and" in f" {j}" or " or" in f" {j}" for j in joints[:-1]):
        return group[:-1]
    return group


def _one_sense(mentions: list[Mention], choices: list[Choice | None]) -> list[Choice | None]:
    """A name the NER called a location that resolution left open (a coin toss) stays open where the
    same name comes again without that support: "Cornwall" tagged NORP is no more certain."""
    refused = {m.key for m, choice in zip(mentions, choices, strict=True) if choice is None and m.strong}
    return [
        None if choice is not None and not m.strong and m.key in refused else choice
        for m, choice in zip(mentions, choices, strict=True)
    ]


def _places(doc: Doc, found: list[_Found], choices: list[Choice | None]) -> list[Place]:
    places: dict[tuple[int, str | None], Place] = {}
    text = doc_text(doc)
    for item, choice in zip(found, choices, strict=True):
        if choice is None:
            continue
        start, end = doc[item.start].idx, doc[item.end - 1].idx + len(doc[item.end - 1].text)
        span = Span(start=start, end=end, text=text[start:end])
        identity = (choice.candidate.row, item.area and item.area.lower())
        if identity in places:
            places[identity].mentions.append(span)
        else:
            places[identity] = _place(choice.candidate, item.area, span)
    return list(places.values())


def _add_repeats(doc: Doc, places: list[Place]) -> None:
    """One name, one place per article: a resolved name seen again where the parser saw no entity
    ("Bakhmut itself was quiet", tagged an adverb) is another mention of the same place."""
    taken = [(span.start, span.end) for place in places for span in place.mentions]
    by_text = {span.text: place for place in places for span in place.mentions if span.text[:1].isupper()}
    if not by_text:
        return
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in sorted(by_text, key=len, reverse=True)) + r")\b"
    )
    text = doc_text(doc)
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        span = doc.char_span(start, end)
        if span is None or any(token.ent_type_ and token.ent_type_ not in LOCATION_LABELS for token in span):
            continue
        place = by_text[match.group()]
        place.mentions.append(Span(start=start, end=end, text=match.group()))
        place.mentions.sort(key=lambda mention: mention.start)
        taken.append((start, end))


def _place(c: Candidate, area: str | None, span: Span) -> Place:
    """A resolved place (numbered later); an area named after a town ("Bakhmut district") takes the
    town's point."""
    feature = "region" if area else c.feature
    return Place(
        id="",
        name=f"{c.name} {area}" if area else c.name,
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        country_code=c.country_code,
        admin1=c.admin1 if c.feature in ("city", "region") else None,
        geonames_id=None if area else c.geonames_id,
        feature=feature,
        precision=_PRECISION[feature],
        mentions=[span],
    )

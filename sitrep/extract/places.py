"""Places named in an article: the names `place_names.py` finds, resolved against the gazetteer.

Demonyms ("Ukrainian") are not places, but tell resolution which countries the article is about.
"Bakhmut district", with no such district in the gazetteer, is an area of its own at the town's point
(precision 3). Mentions that resolve to the same place merge into one `Place`, numbered in order of
first mention, and a resolved name met again where the parser saw nothing is one more mention of it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from sitrep import lexicons
from sitrep.extract.datelines import dateline
from sitrep.extract.mentions import doc_text
from sitrep.extract.place_names import (
    LOCATION_LABELS,
    TOWN_AREA_WORDS,
    FoundName,
    after_near,
    area_of,
    body_named,
    common_noun_use,
    country_abbreviation,
    found_name,
    has_capitals,
    kin_named,
    locative,
    lookup,
    name_spans,
    named_settlement,
    names_disease,
    person_words,
    prefixed,
)
from sitrep.extract.place_sites import add_sites
from sitrep.geo.gazetteer import Candidate, Gazetteer
from sitrep.geo.names import (
    REGION_PLURALS,
    REGION_WORDS,
    fold,
    is_short_form,
    is_spelling,
    strip_region_word,
)
from sitrep.geo.resolve import PERSON_CITY_POPULATION, Choice, Mention, resolve
from sitrep.model import Place, Span

_JOINERS = frozenset({"and", ",", "or", "&"})
_PART_WORDS = frozenset({"area", "suburbs", "outskirts", "part", "parts"} | REGION_WORDS)
_PRECISION = {"city": 1, "region": 3, "country": 3, "continent": 3}


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
    found: list[FoundName] = []
    people = person_words(doc)
    named_people = person_words(doc, all_words=True)
    surnames = short_forms(doc, gazetteer)
    filed = dateline(doc, gazetteer)
    opening = FoundName(filed.start, filed.end, True, False, filed.key, filed.candidates) if filed else None
    cased = has_capitals(doc)
    words = {token.text for token in doc if token.is_alpha and token.is_lower}
    labels = _labels_elsewhere(doc)
    for start, end, label in name_spans(doc, gazetteer):
        label = label or labels.get(doc[start:end].text, "")
        code = demonym_country(doc[start:end].text, gazetteer)
        if code:
            countries[code] += 1
            continue
        placed = (
            label not in LOCATION_LABELS
            and (label != "ORG" or after_near(doc, start, end))
            and locative(doc, start, end)
        )
        strong = label in LOCATION_LABELS or placed
        if not strong and doc[start:end].text in people:
            continue
        if prefixed(doc, start):
            continue  # "mid-Atlantic states", "euro-Atlantic", "Mar-a-Lago": part of a longer word
        if _currency(doc, start, end):
            continue  # "$US 1.5 billion", "A$": a country's letters beside a currency sign name the currency
        if cased and doc[start:end].text.islower():
            continue  # "bush", "n't" tagged as an entity: in a text with capitals, a name has one
        if not strong and end - start == 1 and doc[start].lower_ in words:
            continue  # "Green" where the article also writes "green": a word, not a name
        mention = found_name(doc, start, end, strong, gazetteer)
        if mention is not None and placed:
            # where only a place goes, a name is a town by the town's own name, a spelling or a short
            # form of it ("Matias Romero"), or one known by another name the world over ("Calcutta"),
            # not by any old name ("Bahr el Ghazal" was once a name of Moussoro, Chad)
            key = mention.key
            mention.candidates = tuple(
                c
                for c in mention.candidates
                if not c.alias
                or is_spelling(key, c.name)
                or is_short_form(key, c.name)
                or c.population >= PERSON_CITY_POPULATION
            )
            # after "in" a town needs the article's support, as a name taken for a person's does; "the
            # town of X" says it is one
            mention.person = not named_settlement(doc, start, end)
            mention = mention if mention.candidates else None
        if mention is not None and mention.end - mention.start == 1 and doc[mention.start].text in surnames:
            # "Harden" after "Maya Harden", "City" after "Manchester City": the name, shortened; a place
            # only by its own name, never by another ("Hardin", "City of London")
            mention.candidates = tuple(c for c in mention.candidates if not c.alias)
            mention = mention if mention.candidates else None
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
        if mention is not None and label == "ORG" and not mention.strong:
            mention.strong = _region_in_place(doc, mention)
        if mention is not None and label == "ORG" and not mention.strong:
            # an organisation's name is a place by the place's own name or a spelling of it, never by
            # another alternate name ("Google" was for a month a name of Topeka)
            mention.candidates = tuple(
                c for c in mention.candidates if not c.alias or is_spelling(mention.key, c.name)
            )
            mention = mention if mention.candidates else None
        if mention is not None and (
            common_noun_use(doc, mention)
            or kin_named(doc, mention)
            or (body_named(doc, mention) and not _region_in_place(doc, mention))
        ):
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
            town_area=item.area is not None and item.area.lower() in TOWN_AREA_WORDS,
        )
        for number, item in enumerate(found)
    ]
    places = _places(doc, found, _one_sense(mentions, resolve(mentions, countries)))
    add_sites(doc, places)
    _add_repeats(doc, places)
    places.sort(key=lambda place: place.mentions[0].start)
    for number, place in enumerate(places, start=1):
        place.id = f"pl-{number}"
    return places


def _region_in_place(doc: Doc, mention: FoundName) -> bool:
    """Whether a name of several words, where only a place goes, is a region's or district's own full
    name: "in South Waziristan Agency" is the district, whatever the NER called it and though "Agency"
    ends many a body's name; one word after "in" may still be a body ("in Congress")."""
    return " " in mention.key and locative(doc, mention.start, mention.end) and _region_by_its_name(mention)


def _region_by_its_name(mention: FoundName) -> bool:
    """Whether one of the name's candidates is a region called by exactly that name."""
    return any(
        c.feature == "region" and not c.alias and fold(c.name) == mention.key for c in mention.candidates
    )


def short_forms(doc: Doc, gazetteer: Gazetteer) -> set[str]:
    """Last words of the article's two-word names that are no place ("Maya Harden", "Manchester City"),
    whatever the NER called them: the word alone later is mostly that name said short."""
    return {
        ent[-1].text
        for ent in doc.ents
        if len(ent) == 2
        and all(t.is_alpha and t.text[:1].isupper() and t.text[1:].islower() for t in ent)
        and not gazetteer.has_key(fold(ent.text))
    }


def _labels_elsewhere(doc: Doc) -> dict[str, str]:
    """The label the NER gives a name elsewhere in the article when it never calls it a location:
    "Google" left untagged after "Google" the ORG is the company again, and takes no town by another
    of the town's names (Topeka was once called Google). An organisation's label wins over a person's."""
    seen: dict[str, set[str]] = {}
    for ent in doc.ents:
        seen.setdefault(ent.text, set()).add(ent.label_)
    return {
        text: "ORG" if "ORG" in found else "PERSON"
        for text, found in seen.items()
        if found & {"ORG", "PERSON"} and not found & LOCATION_LABELS
    }


def _currency(doc: Doc, start: int, end: int) -> bool:
    """Whether the name stands right beside a currency sign, as a currency's letters do."""
    sign_before = start > 0 and doc[start - 1].is_currency and not doc[start - 1].whitespace_
    sign_after = end < len(doc) and doc[end].is_currency and not doc[end - 1].whitespace_
    return sign_before or sign_after


def _spread_region_word(doc: Doc, found: list[FoundName], gazetteer: Gazetteer) -> None:
    """A plural region word makes every listed name a region: "the Bryansk and Kursk regions"."""
    for number, item in enumerate(found):
        if item.end >= len(doc) or doc[item.end].lower_ not in REGION_PLURALS:
            continue
        if country_abbreviation(doc[item.start : item.end].text, item.key, gazetteer):
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
            candidates = lookup(f"{strip_region_word(member.key)[0]} {word}", True, gazetteer)
            if candidates:
                member.area = area_of(candidates, word)
                member.candidates, member.wants_region, member.strong = (
                    tuple(candidates),
                    not member.area,
                    True,
                )


def _qualified(doc: Doc, found: list[FoundName], number: int) -> bool:
    """Whether the next mention says where this one is: one comma away ("Pandi, Bulacan"), after "in"
    ("Dadhar in Balochistan"), or after "of" when this one is an area named with its word ("the Kachhi
    district of Balochistan", "Idlib province of Syria")."""
    if number + 1 >= len(found):
        return False
    gap = doc[found[number].end : found[number + 1].start]
    if len(gap) == 2 and gap[1].lower_ == "the":
        gap = gap[:1]  # "in the Donetsk region"
    if len(gap) == 2 and gap[0].text == "," and gap[1].lower_ == "in":
        gap = gap[1:]  # "Austin, in Scott County, Indiana"
    if len(gap) == 2 and gap[0].lower_ in _PART_WORDS and gap[1].lower_ == "of":
        return True  # "the Rice Lake area of Fulton County", "the outskirts of"
    if len(gap) != 1:
        return False
    word = gap[0].lower_
    item = found[number]
    worded = item.wants_region or item.area is not None or doc[item.end - 1].lower_ in REGION_WORDS
    return word in {",", "in"} or (word == "of" and worded)


def _lists(doc: Doc, found: list[FoundName]) -> list[tuple[int, ...]]:
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


def _qualifier_apart(doc: Doc, found: list[FoundName], group: tuple[int, ...]) -> tuple[int, ...]:
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
    same name comes again without that support: "Cornwall" tagged NORP is no more certain; and where
    it resolved, the same name without that support is the same place ("Devon and Cornwall police"
    after "in Cornwall" is the county, not a town in Ontario)."""
    refused = {m.key for m, choice in zip(mentions, choices, strict=True) if choice is None and m.strong}
    settled = {
        m.key: choice for m, choice in zip(mentions, choices, strict=True) if choice is not None and m.strong
    }
    placed = {
        m.key: choice
        for m, choice in zip(mentions, choices, strict=True)
        if choice is not None and m.qualifier is not None and _said_where(choice)
    }
    return [
        placed[m.key]
        if m.key in placed
        else None
        if choice is not None and not m.strong and m.key in refused
        else settled.get(m.key, choice)
        if choice is not None and not m.strong
        else choice
        for m, choice in zip(mentions, choices, strict=True)
    ]


def _said_where(choice: Choice) -> bool:
    """Whether the text said where the chosen place lies ("Austin, in Scott County, Indiana")."""
    return any(reason.startswith("qualified by ") for reason in choice.reasons)


def _places(doc: Doc, found: list[FoundName], choices: list[Choice | None]) -> list[Place]:
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
    ("Bakhmut itself was quiet", tagged an adverb), or took it alone for a person's name, is another
    mention of the same place."""
    taken = [(span.start, span.end) for place in places for span in place.mentions]
    by_text = {span.text: place for place in places for span in place.mentions if span.text[:1].isupper()}
    if not by_text:
        return
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in sorted(by_text, key=len, reverse=True)) + r")\b"
    )
    text = doc_text(doc)
    people = person_words(doc, all_words=True)
    for match in pattern.finditer(text):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        span = doc.char_span(start, end)
        if span is None or (_tagged_otherwise(span) and not _person_tag_only(span, people)):
            continue
        if names_disease(doc, span.end):
            continue  # "Reston, Virginia" is a place; the "Reston ebolavirus" named after it is none
        if _currency(doc, span.start, span.end):
            continue
        place = by_text[match.group()]
        place.mentions.append(Span(start=start, end=end, text=match.group()))
        place.mentions.sort(key=lambda mention: mention.start)
        taken.append((start, end))


def _tagged_otherwise(span: DocSpan) -> bool:
    """Whether the NER put a word of the span in an entity other than a location."""
    return any(token.ent_type_ and token.ent_type_ not in LOCATION_LABELS for token in span)


def _person_tag_only(span: DocSpan, people: set[str]) -> bool:
    """Whether the span is the whole of a one-name PERSON entity that is no word of the article's
    people's names: "Mandawa" taken for a person after "the town of Mandawa" was resolved is the
    town again, where "Chadwick" after "Ann Chadwick" is the woman."""
    ents = {token.ent_iob_ + token.ent_type_ for token in span}
    whole = span[0].ent_iob_ == "B" and (span.end == len(span.doc) or span.doc[span.end].ent_iob_ != "I")
    return whole and ents <= {"BPERSON", "IPERSON"} and not any(token.text in people for token in span)


def _place(c: Candidate, area: str | None, span: Span) -> Place:
    """A resolved place (numbered later); an area named after a town that the gazetteer has no
    second-level area for ("Bakhmut district" without the raion) takes the town's point. A town and a
    second-level area carry their admin1 and admin2 names; a first-level region its own name as admin1."""
    feature = "region" if area else c.feature
    below_region = c.feature == "city" or c.district
    return Place(
        id="",
        name=f"{c.name} {area}" if area else c.name,
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        country_code=c.country_code,
        admin1=c.admin1 if c.feature in ("city", "region") and not c.informal else None,
        admin2=c.admin2 if below_region and not area else None,
        geonames_id=None if area else c.geonames_id,
        feature=feature,
        precision=_PRECISION[feature],
        mentions=[span],
    )

"""Sites an article names: streets, squares, buildings and grounds ("Royal Street", "the Barclays
Center", "Altnagelvin Hospital"). A site is no gazetteer place, but it lies in a town, and an event
there happened in that town: each site becomes one more mention of the town it lies in.

A name is a site by its last word when that is a word for a street or square ("Desire Street",
"Washington Square"), wherever it stands. A name ending in a word for a building or ground ("Trump
Tower", "St George's Chapel"), or one the NER calls a facility, is a site only where a place goes: the
object of "at", "in", "near" and the like ("at Trump Tower", "in the West Wing"); as the subject of a
verb such a name is mostly the body that works there ("the White House said"). An organisation's
name is no site, even after "at" ("at Google" is the company more often than its offices), unless
the text says which town it is in: "at the Halvorsen Trust in Bergen" lies in Bergen.

The town is the one the text says: "X in Y", "X, Y" or "X, in Y" ("Randwick Racecourse in Sydney"),
"Y's X" ("Harare's Third Street"), a town the site is named after ("Dubai World Trade Centre"); else
the town the article names more often than any other. When two tie, a street or square lies in the
last town named before it (a story that names a town and then its streets: "police in Leeds ... on
Albion Street"), while a building stays without a town: a building is named for the body that runs it as
often as for the place ("at Cornell University"), a street only for the place.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc
from spacy.tokens import Span as DocSpan

from sitrep.extract.mentions import doc_text
from sitrep.geo.names import fold
from sitrep.model import Place, Span

# Last words of the names of streets and squares: such a name is a site wherever it stands.
STREET_WORDS = frozenset(
    {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "square",
        "highway",
        "estate",
        "canal",
        "bridge",
    }
)
# Last words of the names of buildings and grounds: a site where a place goes ("at Trump Tower").
BUILDING_WORDS = frozenset(
    {
        "hospital",
        "church",
        "chapel",
        "cathedral",
        "mosque",
        "temple",
        "synagogue",
        "school",
        "elementary",
        "college",
        "university",
        "academy",
        "library",
        "museum",
        "stadium",
        "arena",
        "racecourse",
        "airport",
        "station",
        "hotel",
        "inn",
        "tower",
        "castle",
        "palace",
        "house",
        "hall",
        "court",
        "courthouse",
        "prison",
        "jail",
        "building",
        "embassy",
        "consulate",
        "plaza",
        "theatre",
        "theater",
        "centre",
        "center",
        "mall",
        "market",
        "complex",
        "park",
        "wing",
        "office",
        "cottage",
        "camp",
        "base",
    }
)
# Last words of the names of schools: bodies people belong to as often as places.
SCHOOL_WORDS = frozenset({"school", "elementary", "college", "university", "academy"})
# Prepositions whose object is where something is or happens.
SITE_PREPOSITIONS = frozenset(
    {"at", "in", "inside", "outside", "near", "into", "from", "on", "opposite", "behind", "within", "to"}
)
_NAME_LABELS = frozenset({"FAC", "ORG", "PERSON", "GPE", "LOC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"})
_POSSESSIVE = frozenset({"'s", "’s"})
# Labels of names that lie where the town after them says ("the Halvorsen Trust in Bergen"); a
# person's name is no site ("at Smith in Leeds" is rare and mostly a shop named so).
_IN_TOWN_LABELS = frozenset({"ORG", "FAC", ""})
_QUALIFIER_GAPS = (("in",), (",",), ("in", "the"), ("at",), (",", "in"))


def add_sites(doc: Doc, places: list[Place]) -> None:
    """Add each site the article names as a mention of the town it lies in."""
    towns = [place for place in places if place.feature == "city"]
    if not towns:
        return
    main = _main_town(towns)
    taken = [(span.start, span.end) for place in places for span in place.mentions]
    text = doc_text(doc)
    for site, label in _names(doc):
        start, end = site.start_char, site.end_char
        if any(start < b and a < end for a, b in taken):
            continue
        if _is_site(site, label):
            town = _named_beside(doc, site, towns) or _named_within(site, towns) or main
            if town is None and _is_street(site):
                town = _last_named_before(start, towns)
        elif _placed_in_town(site, label):
            town = _named_beside(doc, site, towns)
        else:
            continue
        if town is None:
            continue
        town.mentions.append(Span(start=start, end=end, text=text[start:end]))
        town.mentions.sort(key=lambda mention: mention.start)
        taken.append((start, end))


def site_spans(doc: Doc) -> Iterator[DocSpan]:
    """The token ranges that name sites by their own words, in text order."""
    return (span for span, label in _names(doc) if _is_site(span, label))


def _is_site(span: DocSpan, label: str) -> bool:
    """A street or square anywhere; a building, ground or facility only where a place goes."""
    if not span[-1].text[:1].isupper():
        return False
    if _is_street(span):
        return True
    return (
        _where_a_place_goes(span)
        and (label == "FAC" or (len(span) > 1 and span[-1].lower_ in BUILDING_WORDS))
        and not _affiliation(span)
    )


def _affiliation(span: DocSpan) -> bool:
    """Whether a school's name says whom someone belongs to rather than where something happens: its
    preposition hangs on a noun ("a professor at Cornell University", "students from Hill School",
    "degrees from Bates College"), where a place's hangs on a verb ("the vigil was held at Hill School")."""
    preposition = span.root.head
    return span[-1].lower_ in SCHOOL_WORDS and preposition.head.pos_ in ("NOUN", "PROPN")


def _placed_in_town(span: DocSpan, label: str) -> bool:
    """An organisation's or facility's name, or an untagged one, where a place goes and followed by
    "in" ("at the Halvorsen Trust in Bergen", "at the Lindqvist Institute in Uppsala"): a site there
    only when a town is what follows, which `add_sites` asks."""
    doc = span.doc
    return (
        label in _IN_TOWN_LABELS
        and span[-1].text[:1].isupper()
        and _where_a_place_goes(span)
        and span.end < len(doc)
        and doc[span.end].lower_ == "in"
    )


def _is_street(span: DocSpan) -> bool:
    """Whether the name is a street's or a square's by its last word ("Desire Street", "Main St.")."""
    return len(span) > 1 and span[-1].lower_.rstrip(".") in STREET_WORDS


def _names(doc: Doc) -> Iterator[tuple[DocSpan, str]]:
    """Entities and runs of capitalised proper nouns outside them, trimmed of "the" and possessives."""
    covered = [False] * len(doc)
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        covered[ent.start : ent.end] = [True] * (ent.end - ent.start)
        if ent.label_ in _NAME_LABELS:
            spans.append((ent.start, ent.end, ent.label_))
    number = 0
    while number < len(doc):
        if covered[number] or not _capital_noun(doc, number):
            number += 1
            continue
        end = number + 1
        while end < len(doc) and not covered[end] and _capital_noun(doc, end):
            end += 1
        spans.append((number, end, ""))
        number = end
    for start, end, label in sorted(spans):
        while start < end and doc[start].lower_ == "the":
            start += 1
        while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        if start < end and "\n" not in doc[start:end].text:
            yield doc[start:end], label


def _capital_noun(doc: Doc, number: int) -> bool:
    token = doc[number]
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _where_a_place_goes(span: DocSpan) -> bool:
    """Whether the name is the object of a preposition of place ("at Trump Tower", "in the West Wing")."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in SITE_PREPOSITIONS


def _named_beside(doc: Doc, site: DocSpan, towns: list[Place]) -> Place | None:
    """ "X in Y", "X, Y", "X at Y" or "Y's X": the town written right after or right before the site."""
    for gap in _QUALIFIER_GAPS:
        words = [token.lower_ for token in doc[site.end : site.end + len(gap)]]
        if words == list(gap) and site.end + len(gap) < len(doc):
            town = _town_at(doc[site.end + len(gap)].idx, towns)
            if town is not None:
                return town
    if site.start >= 2 and doc[site.start - 1].text in _POSSESSIVE:
        before = doc[site.start - 2]
        return _town_ending(before.idx + len(before.text), towns)
    return None


def _town_at(start: int, towns: list[Place]) -> Place | None:
    return next((t for t in towns for m in t.mentions if m.start == start), None)


def _town_ending(end: int, towns: list[Place]) -> Place | None:
    return next((t for t in towns for m in t.mentions if m.end == end), None)


def _named_within(site: DocSpan, towns: list[Place]) -> Place | None:
    """A town whose name the site's name holds ("Dubai World Trade Centre", "Riverdale Lukoil South")."""
    words = fold(site.text).split()
    for town in towns:
        for name in {fold(town.name), *(fold(m.text) for m in town.mentions)}:
            size = len(name.split())
            if any(" ".join(words[i : i + size]) == name for i in range(len(words) - size + 1)):
                return town
    return None


def _last_named_before(start: int, towns: list[Place]) -> Place | None:
    """The town whose mention comes last before the offset: where the story last said it was."""
    before = [(mention.start, town) for town in towns for mention in town.mentions if mention.end <= start]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _main_town(towns: list[Place]) -> Place | None:
    """The town the article is about: named more often than any other (a tie names none)."""
    ranked = sorted(towns, key=lambda town: len(town.mentions), reverse=True)
    if len(ranked) > 1 and len(ranked[1].mentions) == len(ranked[0].mentions):
        return None
    return ranked[0]

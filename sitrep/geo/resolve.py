"""Choosing one place per mention from the gazetteer's candidates, with a score that explains itself.

score = prior (population on a log scale, feature class) + context (the article's countries from
demonyms, country names and clearly resolved places; regions it names; places nearby; a "Town, Region"
qualifier and the region after a town; a list of the same country's regions), less a penalty for a
town or region in a country the article never names when it names others. A mention whose best score
is low, or whose two best readings are far apart and nearly tied, resolves to nothing: a missing place
is cheaper than a wrong one. Names left open get a second look with the first round's places as
context, and must then be clearly ahead.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Candidate
from sitrep.geo.names import fold, is_spelling

STRONG_MIN = 3.0  # the NER called it a location: a village of 1,000 with no support is enough
WEAK_MIN = 4.5  # a proper noun the NER did not call a location: a town of 30,000, or less with support
WORLD_CAPITAL_POPULATION = 1_000_000  # a national capital this big counts as in the article's context
PERSON_CITY_POPULATION = 1_000_000  # a name the NER took for a person's is a city this big on its own
WEAK_CITY_POPULATION = 20_000  # below it, a name the NER missed must lie near the article's other places
MARGIN = 0.5  # two far-apart readings closer than this are a coin toss: no place
SECOND_MARGIN = 1.0  # a name left open takes a reading this far ahead once the others are settled
CLEAR_MARGIN = 1.5  # a reading this far ahead on its prior alone counts as context for the others
REGION_BONUS = 1.0  # a city in a region the article names
NEAR_BONUS = 1.0  # a city near another place of the article
QUALIFIER_BONUS = 3.0  # "Town, Region"
LIST_BONUS = 3.0  # a region among a list of the same country's regions ("Texas, Utah, Washington")
# Clearly resolved regions, named without a region word, among a name's list neighbours that make the
# list one of regions ("Delaware and Ohio"; but "the Kherson region and Mykolaiv" names the city).
LIST_MIN = 1
TOWN_AREA_POPULATION = 50_000  # "X County" named after a town this big needs no other support
ALIAS_PENALTY = 1.5  # found by an alternate name (a spelling variant, or an old name of another place)
WEAK_ALIAS_FACTOR = 1.5  # ... and more so when the NER did not call it a location
ABROAD_PENALTY = 1.5  # a town or region in a country the article never names, when it names others
ABROAD_KNOWN_POPULATION = 1_000_000  # ... unless it is a national capital or a city known abroad by its name
SETTLED_COUNT = 3  # country mentions that make an article's countries known
FAR_KM = 161.0
_SHORT_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
NEAR_KM = 150.0


@dataclass(frozen=True, slots=True)
class Mention:
    """What resolution knows about one mention: its candidates and how it was found.

    `strong`: the NER called it a location; `wants_region`: it came with a region word ("Donetsk
    region"); `qualifier`: the index of the mention that says where it is ("Pandi, Bulacan"); `person`:
    the NER took it for a person's name, so a town needs the article's support; `qualifies`: the
    mention this one says where it is ("Buffalo, New York" for "New York"); `listed`: the other names
    of the same list ("Texas, Utah and Washington"); `town_area`: a county named after a town
    ("Orange County"), which lies around a town of some size or one the article supports."""

    key: str
    candidates: tuple[Candidate, ...]
    strong: bool = True
    wants_region: bool = False
    qualifier: int | None = None
    person: bool = False
    qualifies: int | None = None
    listed: tuple[int, ...] = ()
    town_area: bool = False


@dataclass(frozen=True, slots=True)
class Choice:
    candidate: Candidate
    score: float
    reasons: tuple[str, ...]


@dataclass(slots=True)
class Context:
    """What the article says about itself, from the mentions that resolve clearly on their priors."""

    countries: Counter[str] = field(default_factory=Counter)
    by_key: dict[str, Counter[str]] = field(default_factory=dict)
    regions: dict[int, set[str]] = field(default_factory=dict)
    anchors: list[tuple[str, Candidate]] = field(default_factory=list)
    chosen: dict[int, Candidate] = field(default_factory=dict)
    readings: list[tuple[str, Candidate]] = field(default_factory=list)
    mentions: Sequence[Mention] = ()


def resolve(mentions: Sequence[Mention], countries: Counter[str] | None = None) -> list[Choice | None]:
    """One choice (or None) per mention; `countries` is extra country context, e.g. from demonyms."""
    ctx = article_context(mentions, countries)
    choices = [_choose(mention, ctx) for mention in mentions]
    if any(choice is None for choice in choices):
        # What the first round settled is context for the names it left open: "Gloucester" beside
        # Cheltenham and Cirencester, English towns.
        wider = _widened(ctx, mentions, choices)
        choices = [
            _choose(_allowed_before(mention, ctx), wider, SECOND_MARGIN) if choice is None else choice
            for mention, choice in zip(mentions, choices, strict=True)
        ]
    return choices


def _allowed_before(mention: Mention, ctx: Context) -> Mention:
    """A name the NER did not call a place may become a town its new neighbours support only by the
    town's own name ("Pirbright" near Guildford); a town it only is by an alternate name ("White House"
    was once a name of Fallston, Maryland) must have been allowed in the first round."""
    if mention.strong:
        return mention
    kept = tuple(c for c in mention.candidates if not c.alias or _allowed(c, mention, ctx))
    return replace(mention, candidates=kept)


def _choose(mention: Mention, ctx: Context, margin: float = MARGIN) -> Choice | None:
    found = _best(mention, ctx, margin)
    if found is None:
        return None
    why: list[str] = []
    score(found[0], mention, ctx, why)
    return Choice(found[0], found[1], tuple(why))


def _widened(ctx: Context, mentions: Sequence[Mention], choices: list[Choice | None]) -> Context:
    """The article's context with the places the first round chose added to it."""
    wider = Context(
        countries=Counter(ctx.countries),
        by_key={key: Counter(counts) for key, counts in ctx.by_key.items()},
        regions={row: set(keys) for row, keys in ctx.regions.items()},
        anchors=list(ctx.anchors),
        chosen=dict(ctx.chosen),
        readings=ctx.readings,
        mentions=ctx.mentions,
    )
    for number, (mention, choice) in enumerate(zip(mentions, choices, strict=True)):
        if choice is None or number in ctx.chosen:
            continue
        _note(wider, number, mention, choice.candidate)
    return wider


def article_context(mentions: Sequence[Mention], countries: Counter[str] | None = None) -> Context:
    """Countries, regions and places of the mentions that resolve clearly without any context."""
    ctx = Context(countries=Counter(countries or {}), mentions=mentions)
    ctx.readings = [
        (mention.key, candidate)
        for mention in mentions
        if mention.person
        for candidate in mention.candidates
        if candidate.feature == "city"
    ]
    for number, mention in enumerate(mentions):
        first = _best(mention, Context(), CLEAR_MARGIN)
        if first is None:
            continue
        _note(ctx, number, mention, first[0])
    return ctx


def _note(ctx: Context, number: int, mention: Mention, candidate: Candidate) -> None:
    """Add one resolved mention to the context: its country, and as an anchor a town or region."""
    ctx.chosen[number] = candidate
    if candidate.country_code:
        ctx.countries[candidate.country_code] += 1
        ctx.by_key.setdefault(mention.key, Counter())[candidate.country_code] += 1
    if candidate.feature in ("city", "region") and not candidate.informal:
        ctx.anchors.append((mention.key, candidate))
        if candidate.feature == "region":
            ctx.regions.setdefault(candidate.row, set()).add(mention.key)


def score(candidate: Candidate, mention: Mention, ctx: Context, why: list[str] | None = None) -> float:
    """The candidate's score for this mention; `why` collects one line per component."""
    listed = _region_list(mention, ctx)
    inner = _inner_town(candidate, mention, ctx)
    total = _prior(candidate, mention, why, listed is not None or inner is not None)
    countries = ctx.countries - ctx.by_key.get(mention.key, Counter())  # a name is no evidence for itself
    code = candidate.country_code
    if (
        candidate.capital
        and candidate.population >= WORLD_CAPITAL_POPULATION
        and (not candidate.alias or is_spelling(mention.key, candidate.name))
    ):
        # Known abroad by its name: the article need not be about its country ("U.S. officials in
        # Warsaw" is not Warsaw, Indiana).
        total += _add(why, 1.0 + 2.0, f"capital of {code} with {candidate.population:,} people")
    elif code and countries[code] > 0:
        share = countries[code] / sum(countries.values())
        total += _add(why, 1.0 + 2.0 * share, f"country {code} is {share:.0%} of the article's countries")
    elif (
        code
        and candidate.feature in ("city", "region")
        and not candidate.informal
        and (candidate.alias or not (candidate.capital or candidate.population >= ABROAD_KNOWN_POPULATION))
        and _settled(countries)
    ):
        total += _add(why, -ABROAD_PENALTY, f"the article is about other countries, not {code}")
    regions = sorted(
        (ctx.regions.get(candidate.region_row, set()) | ctx.regions.get(candidate.area_row, set()))
        - {mention.key}
    )
    if (candidate.feature == "city" or candidate.district) and regions:
        # a county is known by its state: "Fulton County ... Illinois" is not Atlanta's Fulton County
        bonus = 2 * REGION_BONUS if candidate.district else REGION_BONUS
        total += _add(why, bonus, f"its region is named in the article ({regions[0]})")
    held = _held_town(candidate, mention, ctx)
    if held is not None:
        total += _add(why, REGION_BONUS, f"holds {held.name}, a town the article names")
    if listed is not None and candidate.feature == "region" and code == listed:
        total += _add(why, LIST_BONUS, f"listed with other regions of {listed}")
    outer = _outer(mention, ctx)
    if outer is not None and _within(candidate, outer):
        total += _add(why, QUALIFIER_BONUS, f"qualified by {outer.name}")
    if inner is not None:
        total += _add(why, QUALIFIER_BONUS, f"says where {inner.name} is")
    anchor = _near(candidate, mention, ctx)
    if anchor is not None:
        total += _add(why, NEAR_BONUS, f"within {NEAR_KM:.0f} km of {anchor.name}")
    elif mention.person and _near_reading(candidate, mention, ctx):
        total += _add(why, NEAR_BONUS, f"within {NEAR_KM:.0f} km of a town another name can be")
    return total


def _held_town(candidate: Candidate, mention: Mention, ctx: Context) -> Candidate | None:
    """A town the article clearly names that lies in this region or area: "Cornwall" beside Camborne is
    the English county, not the town in Ontario (the converse of a town in a region the article names)."""
    if candidate.feature != "region" or candidate.informal:
        return None
    for key, anchor in ctx.anchors:
        if (
            key != mention.key
            and anchor.feature == "city"
            and _within(anchor, candidate)
            and anchor.region_row >= 0
        ):
            return anchor
    return None


def _region_list(mention: Mention, ctx: Context) -> str | None:
    """The country whose regions the mention is listed with ("Tennessee, Texas, Utah and Washington"):
    there a name is one more region, not a town qualified by its neighbour."""
    codes = Counter(
        chosen.country_code
        for number in mention.listed
        if (chosen := ctx.chosen.get(number)) is not None
        and chosen.feature == "region"
        and not chosen.informal
        and chosen.country_code
        and not (number < len(ctx.mentions) and ctx.mentions[number].wants_region)
    )
    if not codes or _qualified_pair(mention):
        return None
    code, count = codes.most_common(1)[0]
    return code if count >= LIST_MIN else None


def _qualified_pair(mention: Mention) -> bool:
    """ "Atlanta, Georgia" or "Florida and Washington, D.C.": a name and the one after a comma that
    says where it is, apart from any list ("Delaware and Ohio" is a list of two)."""
    return mention.qualifier is not None and (
        mention.qualifier not in mention.listed or mention.listed == (mention.qualifier,)
    )


def _qualified_chain(mention: Mention, ctx: Context) -> bool:
    """ "Stroud, Ontario, Canada": a name, the region after it and that region's country, which say
    where the name lies rather than list three places."""
    number = mention.qualifier
    if number is None or number >= len(ctx.mentions):
        return False
    last = ctx.mentions[number].qualifier
    if last is None or set(mention.listed) != {number, last}:
        return False
    region, country = ctx.chosen.get(number), ctx.chosen.get(last)
    return (
        region is not None
        and country is not None
        and region.feature == "region"
        and not region.informal
        and country.feature == "country"
        and region.country_code == country.country_code
    )


def _in_list(mention: Mention, ctx: Context) -> bool:
    """Whether the mention is an item of a list of regions or countries ("Guinea, Liberia, Mali"), where
    the next name is one more item rather than where this one lies."""
    if _qualified_pair(mention) or _qualified_chain(mention, ctx):
        return False
    areas = sum(
        1
        for number in mention.listed
        if (chosen := ctx.chosen.get(number)) is not None
        and chosen.feature in ("region", "country")
        and not chosen.informal
    )
    return areas >= LIST_MIN


def _outers(mention: Mention, ctx: Context) -> list[Candidate]:
    """The regions and countries the next name may be when it surely says where this mention is: a pair
    ("Atlanta, Georgia") or a town, region and country ("Stroud, Ontario, Canada"), not a list ("Miami,
    West Palm Beach, New York and Detroit"), and only when that name is clearly a region or country."""
    number = mention.qualifier
    if number is None or number >= len(ctx.mentions) or _in_list(mention, ctx):
        return []
    chosen = ctx.chosen.get(number)
    if chosen is None or chosen.informal or chosen.feature not in ("region", "country"):
        return []
    outer = ctx.mentions[number]
    last = ctx.chosen.get(outer.qualifier) if outer.qualifier is not None else None
    chain = last is not None and last.feature == "country" and last.country_code == chosen.country_code
    if len(mention.listed) > 1 and not chain:
        return []
    return [c for c in outer.candidates if c.feature in ("region", "country") and not c.informal]


def _outer(mention: Mention, ctx: Context) -> Candidate | None:
    """The clearly resolved region or country that says where this mention is."""
    if mention.qualifier is None or not _outers(mention, ctx):
        return None
    return ctx.chosen.get(mention.qualifier)


def _inner_town(candidate: Candidate, mention: Mention, ctx: Context) -> Candidate | None:
    """The town of the previous name that this region holds: "Buffalo, New York" is the state."""
    if candidate.feature != "region" or candidate.informal or mention.qualifies is None:
        return None
    if mention.qualifies >= len(ctx.mentions) or _in_list(mention, ctx):
        return None
    inner = ctx.mentions[mention.qualifies]
    towns = [c for c in inner.candidates if c.feature == "city" and not c.alias and _within(c, candidate)]
    return max(towns, key=lambda c: c.population) if towns else None


def _within(candidate: Candidate, outer: Candidate) -> bool:
    """Whether the candidate lies in that region or country; a town whose region is unknown may."""
    if outer.district:
        return candidate.area_row == outer.row
    if outer.feature == "country" or candidate.region_row < 0:
        return candidate.country_code == outer.country_code
    return candidate.region_row == outer.row


def _settled(countries: Counter[str]) -> bool:
    """Whether the article has said often enough which countries it is about."""
    return sum(countries.values()) >= SETTLED_COUNT


def _add(why: list[str] | None, points: float, reason: str) -> float:
    if why is not None:
        why.append(f"{reason}: {points:+.2f}")
    return points


def _prior(
    candidate: Candidate, mention: Mention, why: list[str] | None, region_reading: bool = False
) -> float:
    if candidate.feature == "country":
        base, reason = math.log10(max(candidate.population, 10_000)) + 2.0, "country"
    elif candidate.feature == "continent":
        base, reason = 9.0, "continent"
    elif candidate.informal:
        base, reason = 8.0, "informal region"  # curated: a sea or "Donbas" over a village of that name
    elif candidate.feature == "region":
        base, reason = math.log10(max(candidate.population, 100_000)) - 0.5, "region"
    else:
        penalty = _alias_penalty(candidate, mention)
        base, reason = math.log10(max(candidate.population, 500)) - penalty, "city"
        if candidate.alias:
            reason += " by an alternate name"
    total = _add(why, base, f"{reason} of population {candidate.population:,}")
    if mention.wants_region and candidate.feature != "region":
        total += _add(why, -5.0, "named with a region word but not a region")
    elif (
        candidate.feature == "region"
        and not candidate.informal
        and not mention.wants_region
        and not region_reading
        and any(_namesake(other, candidate, mention.key) for other in mention.candidates)
    ):
        total += _add(why, -3.0, "a city of the same name in the same country is meant")
    return total


def _alias_penalty(candidate: Candidate, mention: Mention) -> float:
    """Found by an alternate name: weaker than a place found by its own name, and weaker still when the
    NER did not call it a location ("Google" is an alternate name of Topeka)."""
    if not candidate.alias or _abbreviated(mention.key, candidate.name):
        return 0.0  # "St. Petersburg" is Saint Petersburg's own name, shortened
    if not mention.strong and not is_spelling(mention.key, candidate.name):
        return ALIAS_PENALTY * WEAK_ALIAS_FACTOR
    return ALIAS_PENALTY if any(not other.alias for other in mention.candidates) else 0.0


def _abbreviated(key: str, name: str) -> bool:
    """Whether the key is the name with its first word written short ("st petersburg", "ft worth")."""
    first, _, rest = key.partition(" ")
    full = _SHORT_WORDS.get(first)
    return bool(rest) and full is not None and fold(f"{full} {rest}") == fold(name)


def _namesake(city: Candidate, region: Candidate, key: str) -> bool:
    """A city that lends the region its name ("Kherson"), or a major city beside it ("Washington"),
    by its own name or a spelling of it ("Kiev" is Kyiv rather than Kyiv Oblast; "Montana" is no name
    of Montana City, which lies in the state, nor "Maryland", a word short, a spelling of Maryland City)."""
    own = not city.alias or (is_spelling(key, city.name) and len(key.split()) == len(fold(city.name).split()))
    return (
        city.feature == "city"
        and own
        and city.country_code == region.country_code
        and (_within(city, region) or city.population >= _major(region))
    )


def _major(region: Candidate) -> float:
    """The population at which a city outside a region still outweighs it: a tenth of it, and 200,000."""
    return max(0.1 * region.population, 200_000)


def _near(candidate: Candidate, mention: Mention, ctx: Context) -> Candidate | None:
    """Another place of the article, clearly resolved, close to this city."""
    if candidate.feature != "city":
        return None
    for key, anchor in ctx.anchors:
        if (
            key != mention.key
            and haversine_km(candidate.lat, candidate.lon, anchor.lat, anchor.lon) < NEAR_KM
        ):
            return anchor
    return None


def _near_reading(candidate: Candidate, mention: Mention, ctx: Context) -> bool:
    """Another name the NER took for a person's that can be a town in the same country close to this one:
    "drones over Mykolaiv and Kherson" are two towns 60 km apart, not two people."""
    return any(
        key != mention.key
        and other.country_code == candidate.country_code
        and haversine_km(candidate.lat, candidate.lon, other.lat, other.lon) < NEAR_KM
        for key, other in ctx.readings
    )


def _allowed(candidate: Candidate, mention: Mention, ctx: Context) -> bool:
    """What a name the NER did not call a location may be: a town of some size or one near the others,
    a country, an informal region, or a region of a country the article is about (or of several words)."""
    outers = _outers(mention, ctx)
    if outers and candidate.feature == "city" and not any(_within(candidate, o) for o in outers):
        return False  # "Stroud, Ontario" is not Stroud in England
    if mention.town_area and candidate.feature == "city" and candidate.population < TOWN_AREA_POPULATION:
        # "Scott County, Indiana" is not around the largest Scott: a small town needs support
        regions = ctx.regions.get(candidate.region_row, set()) - {mention.key}
        if not regions and _near(candidate, mention, ctx) is None:
            return False
    if candidate.district and not mention.strong:
        return False  # a district is named as a place or with its word ("Kachhi district")
    if (mention.strong and not mention.person) or candidate.feature == "country" or candidate.informal:
        return True
    if candidate.feature == "city" and mention.person and candidate.population < PERSON_CITY_POPULATION:
        # "Bush" is not Būsh, Egypt, in an article about Iraq: a town in one of the article's countries
        # (other than by this name itself) or near its other places; a city of a million ("Kyiv") is
        # known by its name.
        own = ctx.by_key.get(mention.key, Counter())
        supported = (ctx.countries - own)[candidate.country_code or ""] > 0
        near = _near(candidate, mention, ctx) is not None or _near_reading(candidate, mention, ctx)
        return supported or near
    if candidate.feature == "city":
        return candidate.population >= WEAK_CITY_POPULATION or _near(candidate, mention, ctx) is not None
    if candidate.feature == "region":
        return " " in mention.key or ctx.countries[candidate.country_code or ""] > 0
    return False


def _best(mention: Mention, ctx: Context, margin: float) -> tuple[Candidate, float] | None:
    """The top candidate when it clears the mention's threshold and no far-away reading ties with it."""
    scored = sorted(
        ((score(c, mention, ctx), c) for c in mention.candidates if _allowed(c, mention, ctx)),
        key=lambda pair: (-pair[0], pair[1].row),
    )
    if not scored:
        return None
    top, best = scored[0]
    if top < (STRONG_MIN if mention.strong else WEAK_MIN):
        return None
    for other_score, other in scored[1:]:
        if top - other_score >= margin:
            break
        if other.alias and not best.alias:
            continue  # a place's own name beats another place's old name ("Pokrovsk", once Engels')
        if other.row != best.row and haversine_km(best.lat, best.lon, other.lat, other.lon) > FAR_KM:
            return None
    return best, top

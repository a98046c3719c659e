"""Choosing one place per mention from the gazetteer's candidates, with a score that explains itself.

score = prior (population on a log scale, feature class) + context (the article's countries from
demonyms, country names and clearly resolved places; regions it names; places nearby; a "Town, Region"
qualifier). A mention whose best score is low, or whose two best readings are far apart and nearly tied,
resolves to nothing: a missing place is cheaper than a wrong one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.geo.distance import haversine_km
from sitrep.geo.gazetteer import Candidate
from sitrep.geo.names import is_spelling

STRONG_MIN = 3.0  # the NER called it a location: a village of 1,000 with no support is enough
WEAK_MIN = 4.5  # a proper noun the NER did not call a location: a town of 30,000, or less with support
WORLD_CAPITAL_POPULATION = 1_000_000  # a national capital this big counts as in the article's context
PERSON_CITY_POPULATION = 1_000_000  # a name the NER took for a person's is a city this big on its own
WEAK_CITY_POPULATION = 20_000  # below it, a name the NER missed must lie near the article's other places
MARGIN = 0.5  # two far-apart readings closer than this are a coin toss: no place
CLEAR_MARGIN = 1.5  # a reading this far ahead on its prior alone counts as context for the others
REGION_BONUS = 1.0  # a city in a region the article names
NEAR_BONUS = 1.0  # a city near another place of the article
QUALIFIER_BONUS = 3.0  # "Town, Region"
ALIAS_PENALTY = 1.5  # found by an alternate name (a spelling variant, or an old name of another place)
WEAK_ALIAS_FACTOR = 1.5  # ... and more so when the NER did not call it a location
FAR_KM = 161.0
NEAR_KM = 150.0


@dataclass(frozen=True, slots=True)
class Mention:
    """What resolution knows about one mention: its candidates and how it was found.

    `strong`: the NER called it a location; `wants_region`: it came with a region word ("Donetsk
    region"); `qualifier`: the index of the mention that says where it is ("Pandi, Bulacan"); `person`:
    the NER took it for a person's name, so a town needs the article's support."""

    key: str
    candidates: tuple[Candidate, ...]
    strong: bool = True
    wants_region: bool = False
    qualifier: int | None = None
    person: bool = False


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


def resolve(mentions: Sequence[Mention], countries: Counter[str] | None = None) -> list[Choice | None]:
    """One choice (or None) per mention; `countries` is extra country context, e.g. from demonyms."""
    ctx = article_context(mentions, countries)
    choices: list[Choice | None] = []
    for mention in mentions:
        found = _best(mention, ctx, MARGIN)
        if found is None:
            choices.append(None)
            continue
        why: list[str] = []
        score(found[0], mention, ctx, why)
        choices.append(Choice(found[0], found[1], tuple(why)))
    return choices


def article_context(mentions: Sequence[Mention], countries: Counter[str] | None = None) -> Context:
    """Countries, regions and places of the mentions that resolve clearly without any context."""
    ctx = Context(countries=Counter(countries or {}))
    for number, mention in enumerate(mentions):
        first = _best(mention, Context(), CLEAR_MARGIN)
        if first is None:
            continue
        candidate = first[0]
        ctx.chosen[number] = candidate
        if candidate.country_code:
            ctx.countries[candidate.country_code] += 1
            ctx.by_key.setdefault(mention.key, Counter())[candidate.country_code] += 1
        if candidate.feature in ("city", "region") and not candidate.informal:
            ctx.anchors.append((mention.key, candidate))
            if candidate.feature == "region":
                ctx.regions.setdefault(candidate.row, set()).add(mention.key)
    return ctx


def score(candidate: Candidate, mention: Mention, ctx: Context, why: list[str] | None = None) -> float:
    """The candidate's score for this mention; `why` collects one line per component."""
    total = _prior(candidate, mention, why)
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
    regions = sorted(ctx.regions.get(candidate.region_row, set()) - {mention.key})
    if candidate.feature == "city" and regions:
        total += _add(why, REGION_BONUS, f"its region is named in the article ({regions[0]})")
    outer = ctx.chosen.get(mention.qualifier) if mention.qualifier is not None else None
    if outer is not None and (
        outer.row == candidate.region_row or (outer.feature == "country" and outer.country_code == code)
    ):
        total += _add(why, QUALIFIER_BONUS, f"qualified by {outer.name}")
    anchor = _near(candidate, mention, ctx)
    if anchor is not None:
        total += _add(why, NEAR_BONUS, f"within {NEAR_KM:.0f} km of {anchor.name}")
    return total


def _add(why: list[str] | None, points: float, reason: str) -> float:
    if why is not None:
        why.append(f"{reason}: {points:+.2f}")
    return points


def _prior(candidate: Candidate, mention: Mention, why: list[str] | None) -> float:
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
        and any(_namesake(other, candidate, mention.key) for other in mention.candidates)
    ):
        total += _add(why, -3.0, "a city of the same name in the same country is meant")
    return total


def _alias_penalty(candidate: Candidate, mention: Mention) -> float:
    """Found by an alternate name: weaker than a place found by its own name, and weaker still when the
    NER did not call it a location ("Google" is an alternate name of Topeka)."""
    if not candidate.alias:
        return 0.0
    if not mention.strong:
        return ALIAS_PENALTY * WEAK_ALIAS_FACTOR
    return ALIAS_PENALTY if any(not other.alias for other in mention.candidates) else 0.0


def _namesake(city: Candidate, region: Candidate, key: str) -> bool:
    """A city that lends the region its name ("Kherson"), or a major city beside it ("Washington"),
    by its own name or a spelling of it ("Kiev" is Kyiv rather than Kyiv Oblast)."""
    own = not city.alias or is_spelling(key, city.name)
    return (
        city.feature == "city"
        and city.country_code == region.country_code
        and (city.region_row == region.row or (own and city.population >= _major(region)))
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


def _allowed(candidate: Candidate, mention: Mention, ctx: Context) -> bool:
    """What a name the NER did not call a location may be: a town of some size or one near the others,
    a country, an informal region, or a region of a country the article is about (or of several words)."""
    if mention.strong or candidate.feature == "country" or candidate.informal:
        return True
    if candidate.feature == "city" and mention.person and candidate.population < PERSON_CITY_POPULATION:
        # "Bush" is not Būsh, Egypt, in an article about Iraq: a town in one of the article's countries
        # (other than by this name itself) or near its other places; a city of a million ("Kyiv") is
        # known by its name.
        own = ctx.by_key.get(mention.key, Counter())
        supported = (ctx.countries - own)[candidate.country_code or ""] > 0
        return supported or _near(candidate, mention, ctx) is not None
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

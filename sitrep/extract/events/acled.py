"""PLOVER type and mode to ACLED event_type / sub_event_type (ONTOLOGY.md 3.2, first matching rule wins).

Verbal events and denied (negated) events have no ACLED type; mentions that turn out not to be
incidents lose theirs when incidents are assembled (`incidents.py`). What the act was done with, at whom
and for what comes from `means.py`.
"""

from __future__ import annotations

from sitrep import lexicons
from sitrep.extract.events.means import Means
from sitrep.model import Actor

ARMED = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_other"}
CROWDS = ("protesters", "rioters")
_EXPLOSIONS = "Explosions/Remote violence"
_VAC = "Violence against civilians"
VIOLENCE = frozenset({"Battles", _EXPLOSIONS, _VAC})  # ACLED's political violence
_SD = "Strategic developments"
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
# Means a battle can be fought with: shelling or air strikes against an armed side that fights back are
# part of the battle (ONTOLOGY 3.1); bombs, suicide attacks and chemical agents stay what they are.
_BATTLE_MEANS = ("aerial", "drone", "heavy-weapons", "firearms")
_BY_MODE = {
    "aerial": (_EXPLOSIONS, "Air/drone strike"),
    "drone": (_EXPLOSIONS, "Air/drone strike"),
    "heavy-weapons": (_EXPLOSIONS, "Shelling/artillery/missile attack"),
    "explosives": (_EXPLOSIONS, "Remote explosive/landmine/IED"),
    "suicide-attack": (_EXPLOSIONS, "Suicide bomb"),
    "unconventional": (_EXPLOSIONS, "Chemical weapon"),
    "crowd-control": ("Protests", "Protest with intervention"),
}


def acled_type(
    plover_type: str,
    mode: str | None,
    trigger_lemma: str,
    actor1: Actor | None,
    actor2: Actor | None,
    negated: bool = False,
    means: Means | None = None,
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for one event, or (None, None); `means` says what the act was
    done with or about beyond its trigger word (see `means.py`)."""
    means = means or Means(mode)
    if negated:
        return None, None
    kind1 = actor1.kind if actor1 else None
    kind2 = actor2.kind if actor2 else None
    if kind2 is None and means.gathering:
        kind2 = "protesters"  # "attacked a peaceful rally": the demonstrators were hit
    if means.weapons_stopped and plover_type in ("ASSAULT", "COERCE"):
        return _SD, "Disrupted weapons use"
    if plover_type == "ASSAULT":
        if means.lethal and mode == "crowd-control":
            return "Protests", "Excessive force against protesters"  # dispersed with live bullets
        crowd = kind1 in CROWDS or kind2 in CROWDS
        if means.in_fight and _toll_of(trigger_lemma) and mode not in _BY_MODE and not crowd:
            return "Battles", "Armed clash"  # "18 people were killed in clashes": the dead of a fight
        kind, sub = _assault(
            mode,
            trigger_lemma,
            kind1,
            kind2,
            means.civilian_site,
            means.property_only,
            means.territory,
            means.unarmed_target,
            untyped_attacker=actor1 is not None and kind1 is None,
        )
        if means.grenade and sub == "Remote explosive/landmine/IED":
            return kind, "Grenade"
        if means.uncontested and sub in _TERRITORY:
            return _SD, "Non-violent transfer of territory"  # taken after the other side withdrew
        return kind, sub
    if plover_type == "PROTEST":
        if trigger_lemma in lexicons.load("events")["looting_words"] and kind1 not in CROWDS:
            return _SD, "Looting/property destruction"  # shops looted, by militants or unnamed
        if mode == "vandalize" and kind1 not in CROWDS and not means.gathering:
            return _SD, "Looting/property destruction"  # a church vandalised by unknown people
        if mode in ("riot", "vandalize") or trigger_lemma.startswith("block "):
            # ACLED counts roads blocked with barricades among a demonstration's destructive acts
            return "Riots", "Violent demonstration"
        return "Protests", "Peaceful protest"
    if plover_type == "COERCE":
        if mode == "arrest" and ((kind2 in CROWDS and _at_a_demonstration(actor2)) or means.gathering):
            # demonstrators arrested at their protest, or anyone arrested at one
            return "Protests", "Protest with intervention"
        if mode == "arrest":
            return _SD, "Arrests"
        if mode == "seize" and means.people_taken:
            # people seized: an arrest by the state, an abduction by anyone else (ONTOLOGY 3.2)
            state = kind1 in ("state_forces", "government")
            return (_SD, "Arrests") if state else (_VAC, "Abduction/forced disappearance")
        if mode == "seize" and means.territory and means.uncontested:
            return _SD, "Non-violent transfer of territory"
        if mode == "seize" and means.territory:
            return _territory(kind1)
        if mode == "seize" and trigger_lemma in lexicons.load("events")["search_words"]:
            return None, None  # a raid or search that takes nothing named is no looting
        if mode == "seize" and means.contraband:
            return None, None  # drugs or smuggled goods seized: crime, not a seizure of property
        if mode == "seize":
            return _SD, "Looting/property destruction"
        if mode in ("curfew", "martial-law"):
            return _SD, "Other"
        return None, None
    if plover_type == "SANCTION" and trigger_lemma in ("jail", "imprison") and kind1 == "state_forces":
        return _SD, "Arrests"  # security forces jailing suspects: an arrest, not a court's sentence
    if plover_type == "MOBILIZE" and means.base:
        return _SD, "Headquarters or base established"
    if plover_type == "MOBILIZE":
        # a change in what an armed group does; people gathering are a protest or nothing to code
        if kind1 in ARMED or (kind1 == "government" and trigger_lemma != "alert"):
            return _SD, "Change to group/activity"
        if kind1 is None and means.forces_moved:
            return (
                _SD,
                "Change to group/activity",
            )  # "armoured vehicles were deployed": only armed sides move them
        return None, None  # "Nigeria went on high alert" over a disease: no force moved
    if plover_type == "RETREAT":
        if mode == "withdraw":
            return _SD, "Non-violent transfer of territory"
        released = means.settlement or _captives_released(trigger_lemma, actor1, actor2)
        if mode == "release" and not released:
            return None, None  # "passengers were freed", "released a report": no agreement
        if mode in ("ceasefire", "release") or trigger_lemma == "surrender":
            return _SD, "Agreement"  # ACLED counts prisoner swaps and surrenders as agreements
        if mode == "disarm" or trigger_lemma == "defect":
            return _SD, "Change to group/activity"  # fighters laying down arms or changing sides
        return None, None
    if plover_type == "CONSULT" and means.settlement:
        return _SD, "Agreement"  # peace talks, which only parties to a conflict hold
    parties = ARMED | {"government"}
    # a ceasefire or peace deal is agreed only by parties to a conflict, however they are named
    unnamed = kind1 is None and kind2 is None
    sides = (kind1 in parties and kind2 in parties) or (
        means.settlement and ((kind1 or kind2) in parties or unnamed)
    )
    if plover_type in ("AGREE", "SUPPORT") and sides and _a_deal(trigger_lemma):
        return _SD, "Agreement"
    return None, None


def _toll_of(lemma: str) -> bool:
    """A killing or wounding, which may be only the toll of an act named beside it."""
    events = lexicons.load("events")
    return lemma in events["fatality_words"] or lemma in events["injury_words"]


def _a_deal(lemma: str) -> bool:
    """An agreement ACLED codes is a deal reached or signed ("agreed", "signed the accord", "struck a
    deal"), not praise, a welcome or an offer."""
    deals = set(lexicons.load("events")["deal_words"])
    return any(word in deals for word in lemma.split())


def _captives_released(lemma: str, actor1: Actor | None, actor2: Actor | None) -> bool:
    """A release ACLED codes as an agreement: a party lets prisoners, hostages or captured troops go,
    or sides exchange them."""
    captives = set(lexicons.load("events")["captive_nouns"])
    words = {w.strip(".,").lower() for w in actor2.text.split()} if actor2 is not None else set()
    held = bool(words & (captives | {w + "s" for w in captives}))
    if lemma in ("exchange", "swap"):
        return held  # "exchanged 90 prisoners", not "exchanging angry barbs"
    if actor1 is None or actor2 is None:
        return False
    if actor1.kind == "state_forces" and any(w.startswith("hostage") for w in words):
        return False  # forces freeing hostages rescue them; no one agreed to let them go
    return held or actor2.kind in ARMED


def _assault(
    mode: str | None,
    lemma: str,
    kind1: str | None,
    kind2: str | None,
    civilian_site: bool = False,
    property_only: bool = False,
    territory: bool = False,
    unarmed_target: bool = False,
    untyped_attacker: bool = False,
) -> tuple[str, str]:
    events = lexicons.load("events")
    if lemma in events["capture_words"] or (lemma in events["ground_capture_words"] and territory):
        return _territory(kind1, lemma)  # "took over the town", not "took over the train"
    if lemma == "lynch":
        return "Riots", "Mob violence"
    if mode == "sexual":
        return _VAC, "Sexual violence"  # harm of a sexual nature, whoever does it to whomever
    crowd = kind1 in CROWDS or (kind2 in CROWDS and lemma in events["battle_words"])
    if crowd and mode not in _BY_MODE:
        fight = lemma in events["battle_words"] or kind2 in ARMED | {"government"}
        harmed = kind2 is not None or mode in ("beat", "torture", "targeted") or _toll_of(lemma)
        if kind1 == "rioters" and not fight and harmed:
            return "Riots", "Mob violence"  # a mob turning on people, outside any demonstration
        return "Riots", "Violent demonstration"  # demonstrators throwing stones, clashing with police
    if kind2 in CROWDS and kind1 is None and untyped_attacker and mode not in _BY_MODE:
        return "Riots", "Mob violence"  # "a group of men attacked the rally": people, not the state
    if kind2 in CROWDS and (kind1 in ARMED | {"government"} or kind1 is None) and mode not in _BY_MODE:
        # force against a demonstration; lethal force (shooting, killing) is excessive
        lethal = mode == "firearms" or lemma in events["fatality_words"]
        return "Protests", "Excessive force against protesters" if lethal else "Protest with intervention"
    if kind1 == "civilians" and mode not in _BY_MODE:
        return "Riots", "Mob violence"  # villagers killing or beating someone; a bomb is a bomb
    # storming or ambushing a church or a bus attacks the people in it, who cannot fight back; a clash or
    # a fight always has two armed sides
    mutual = lemma in events["mutual_fight_words"]
    one_sided = kind2 is None and (civilian_site or unarmed_target) and not mutual
    if lemma in events["battle_words"] and (kind2 in ARMED or kind2 is None) and mode not in _BY_MODE:
        return (_VAC, "Attack") if one_sided else ("Battles", "Armed clash")
    if lemma in events["battle_words"] and kind2 in ARMED and mode in _BATTLE_MEANS:
        return "Battles", "Armed clash"  # "clashed with insurgents" in an offensive of air strikes
    if property_only and mode in ("primitive", "destroy", None) and kind2 not in ARMED:
        return _SD, "Looting/property destruction"  # houses torched, vehicles burned: no one attacked
    if kind2 is None and civilian_site and mode not in _BY_MODE and mode not in ("abduct", "sexual"):
        return _VAC, "Attack"  # gunmen attacking a village, a mosque, a bus: no armed side is there
    if mode in _BY_MODE:
        return _BY_MODE[mode]
    if mode in ("abduct", "sexual") and kind2 not in ARMED:
        # people taken or abused are civilians unless the text says they bear arms
        return _VAC, "Abduction/forced disappearance" if mode == "abduct" else "Sexual violence"
    if kind2 == "civilians" or mode in ("targeted", "beat", "torture", "primitive"):
        return _VAC, "Attack"
    if mode == "destroy":
        return _SD, "Looting/property destruction"
    if kind1 == "rioters":
        return "Riots", "Mob violence"
    if kind2 is None and unarmed_target and kind1 in ARMED | {None}:
        return _VAC, "Attack"  # "shot dead a teenager", "opened fire on a car": no one fought back
    return "Battles", "Armed clash"


def _territory(kind1: str | None, lemma: str = "") -> tuple[str, str]:
    """A capture of ground, by the state or by anyone else; ground won back by no one named ("the
    ground was regained", "the town was retaken") is the state's."""
    regained = kind1 is None and lemma in lexicons.load("events")["regain_words"]
    if kind1 in ("state_forces", "government") or regained:
        return "Battles", "Government regains territory"
    return "Battles", "Non-state actor overtakes territory"


def _at_a_demonstration(actor: Actor | None) -> bool:
    """People named by their taking part in a demonstration ("protesters", "demonstrators"), not
    activists or strikers, whose arrest may be anywhere."""
    words = actor.text.lower() if actor is not None else ""
    return any(stem in words for stem in ("protest", "demonstrat", "marcher", "rioter", "crowd"))

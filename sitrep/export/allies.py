"""Groups the text names as fighting beside an actor: ACLED's associated actors.

The actor's own phrase may join two groups ("Russian troops and Wagner fighters": `actors.split_tied`);
the sentence may also attach one to it right after it: "the army, backed by allied militias, …",
"RSF fighters supported by Arab militias", "police alongside soldiers". After the tie word, the
words up to the group's head noun ("allied militias"), or a run of capitalised words ("Wagner"),
name the ally.
"""

from __future__ import annotations

import re

from sitrep import lexicons

ALLIANCE_TIES = (
    "backed by",
    "supported by",
    "aided by",
    "joined by",
    "accompanied by",
    "allied with",
    "alongside",
    "together with",
    "with the help of",
    "with the support of",
)
_ENDS = r"[,;.:()\"]|\s(?:and|who|which|that|in|on|at|near|after|before|when|while|as|to|from)\s"


def allies(evidence: str, actor_text: str) -> list[str]:
    """The phrases the evidence attaches to the actor's mention with a tie word, in order."""
    if not evidence or not actor_text:
        return []
    tie = "|".join(re.escape(word) for word in ALLIANCE_TIES)
    found: list[str] = []
    pattern = rf"{re.escape(actor_text)}\s*,?\s+(?:{tie})\s+(?:the\s+)?"
    for match in re.finditer(pattern, evidence, flags=re.IGNORECASE):
        rest = evidence[match.end() :]
        end = re.search(_ENDS, rest)
        phrase = _group_phrase((rest[: end.start()] if end else rest).split())
        if phrase:
            found.append(phrase)
    return found


def _group_phrase(tokens: list[str]) -> str | None:
    """The words that name a group at the start of `tokens`: up to its head noun ("allied militias"),
    else a run of capitalised words ("Wagner"); None when neither begins the text."""
    heads = lexicons.load("actors")["head_nouns"]
    for number, token in enumerate(tokens[:6]):
        if token.casefold().strip("'’") in heads:
            return " ".join(tokens[: number + 1])
    names = []
    for token in tokens:
        if not token[:1].isupper():
            break
        names.append(token)
    return " ".join(names) or None

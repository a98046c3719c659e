"""Relations stated by roles next to names."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "object"),
    [
        (
            "Wagner chief Yevgeny Prigozhin criticised the generals.",
            "Yevgeny Prigozhin",
            "leader_of",
            "Wagner",
        ),
        (
            "Zelensky's top adviser Mykhailo Podolyak spoke on television.",
            "Mykhailo Podolyak",
            "adviser_of",
            "Zelensky",
        ),
        (
            "Igor Sokolov, a spokesman for the Kremlin, declined to comment.",
            "Igor Sokolov",
            "spokesperson_of",
            "Kremlin",
        ),
    ],
)
def test_role_relations(extract, text, subject, predicate, object) -> None:  # type: ignore[no-untyped-def]
    extraction = extract(text)
    names = {e.id: e.name for e in extraction.entities} | {p.id: p.name for p in extraction.places}
    found = {(names[r.subject], r.predicate, names[r.object]) for r in extraction.relations}
    assert (subject, predicate, object) in found


def test_leader_inherits_group_kind(extract) -> None:  # type: ignore[no-untyped-def]
    extraction = extract("Wagner chief Yevgeny Prigozhin criticised the generals.")
    person = next(e for e in extraction.entities if e.name == "Yevgeny Prigozhin")
    assert person.kind == "external_other" and person.country == "RU"

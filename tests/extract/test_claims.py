"""Claims: direct quotes, indirect speech and "according to", with speakers, relays and numbers."""

from __future__ import annotations


def test_direct_quote_with_speaker_after(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'Oleh Marchenko is the regional governor. "We will rebuild every house on this street," Marchenko said.'
    [claim] = [c for c in extract(text).claims if c.kind == "direct_quote"]
    assert claim.content.text == "We will rebuild every house on this street,"
    assert claim.cue is not None and claim.cue.text == "said"
    assert claim.speaker is not None and claim.speaker.text == "Marchenko"
    assert claim.speaker.entity_id is not None


def test_indirect_claim_with_relay_and_ratio(extract) -> None:  # type: ignore[no-untyped-def]
    text = "One NATO official told CNN that the militia had lost four times more fighters than the army."
    extraction = extract(text)
    [claim] = extraction.claims
    assert claim.kind == "indirect"
    assert claim.speaker is not None and "NATO official" in claim.speaker.text
    cnn = next(e for e in extraction.entities if e.name == "CNN")
    assert claim.via == [cnn.id]
    assert [(q.value, q.unit) for q in claim.quantities] == [(4, "ratio")]


def test_according_to(extract) -> None:  # type: ignore[no-untyped-def]
    text = "At least 12 people were killed in the market, according to the health ministry."
    [claim] = extract(text).claims
    assert claim.kind == "according_to"
    assert claim.speaker is not None and claim.speaker.text.endswith("ministry")
    assert "12 people were killed" in claim.content.text


def test_pronoun_speaker_resolves_to_person(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Andriy Tkach visited the shelter on Monday. He said that the evacuation would continue."
    extraction = extract(text)
    [claim] = extraction.claims
    person = next(e for e in extraction.entities if e.name == "Andriy Tkach")
    assert claim.speaker is not None and claim.speaker.text == "He"
    assert claim.speaker.entity_id == person.id


def test_scare_quotes_are_not_speech(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'Critics called the plan a "last stand" for the battered unit.'
    assert extract(text).claims == []


def test_vague_numbers_in_claims(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The adviser stressed that the army was reinforcing the city with tens of thousands of troops."
    [claim] = extract(text).claims
    assert [(q.value, q.unit) for q in claim.quantities] == [(10_000, "troops")]

"""Claims: direct quotes, indirect speech and "according to", with speakers, relays and numbers."""

from __future__ import annotations

import pytest


def _content_of(extract, text: str, cue: str) -> str:  # type: ignore[no-untyped-def]
    """The content of the claim the word `cue` introduces in `text`."""
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == cue)
    return str(claim.content.text)


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
    [claim] = extract(text).claims
    assert claim.kind == "indirect"  # what the critics called it, not a quotation of their words
    assert claim.content.text.startswith("the plan")


def test_vague_numbers_in_claims(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The adviser stressed that the army was reinforcing the city with tens of thousands of troops."
    [claim] = extract(text).claims
    assert [(q.value, q.high, q.unit) for q in claim.quantities] == [(10_000, 99_999, "troops")]


def _only(extract, text: str):  # type: ignore[no-untyped-def]
    [claim] = extract(text).claims
    return claim


def test_speech_tag_inside_the_clause_it_reports(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "The bridge, the governor said, would reopen within a week.")
    assert claim.kind == "indirect"
    assert claim.content.text.startswith("The bridge") and claim.content.text.endswith("within a week")
    assert claim.speaker is not None and claim.speaker.text == "governor"


def test_doubled_apostrophe_quotes(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "''The convoy never arrived at the border,'' Mr. Petrenko said.")
    assert claim.kind == "direct_quote"
    assert claim.content.text == "The convoy never arrived at the border,"
    assert claim.speaker is not None and "Petrenko" in claim.speaker.text


def test_split_quote_is_one_claim(extract) -> None:  # type: ignore[no-untyped-def]
    text = '"We held the line," the commander said. "The next assault will come at dawn."'
    claim = _only(extract, text)
    assert claim.content.text.startswith("We held the line")
    assert claim.content.text.endswith("will come at dawn.")


def test_short_quote_tagged_as_speech(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, '"Never again," the mayor said.')
    assert claim.content.text == "Never again,"
    assert claim.speaker is not None and claim.speaker.text == "mayor"


def test_long_speech_tag_names_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = '"The shelling did not stop all night," Olena Kovalenko, a nurse at the city hospital, said.'
    claim = _only(extract, text)
    assert claim.speaker is not None and claim.speaker.text == "Olena Kovalenko"


def test_untagged_quote_after_a_claim_keeps_its_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Oleh Synehubov said that the strikes hit two schools.\n\n"
        '"Nobody was inside the buildings when the missiles came down."'
    )
    first, second = extract(text).claims
    assert second.kind == "direct_quote"
    assert second.speaker is not None and first.speaker is not None
    assert second.speaker.entity_id == first.speaker.entity_id


def test_intention_request_and_stance_claims(extract) -> None:  # type: ignore[no-untyped-def]
    vow = _only(extract, "The rebels vowed to retake the airport before the rains.")
    assert vow.content.text == "to retake the airport before the rains"
    appeal = _only(extract, "The United Nations called for an immediate ceasefire in the region.")
    assert appeal.content.text == "an immediate ceasefire in the region"
    stance = _only(extract, "The ministry condemned the strike on the market.")
    assert stance.content.text == "the strike on the market"


def test_speech_noun_with_that_clause(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "Moscow's claim that the dam was destroyed by shelling was disputed.")
    assert claim.content.text == "the dam was destroyed by shelling"
    assert claim.speaker is not None and claim.speaker.text == "Moscow"


def test_according_to_takes_the_clause_it_hangs_from(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Grain exports fell by a third, according to the port authority, more than twice what "
        "traders had expected for the season."
    )
    claim = next(c for c in extract(text).claims if c.kind == "according_to")
    assert claim.content.text == "Grain exports fell by a third"


def test_relative_pronoun_speaker_names_its_noun(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The talks were led by Ivan Horbach, who said that the prisoners would be exchanged on Friday."
    extraction = extract(text)
    claim = next(c for c in extraction.claims if c.cue is not None and c.cue.text == "said")
    person = next(e for e in extraction.entities if e.name == "Ivan Horbach")
    assert claim.speaker is not None and claim.speaker.text == "who"
    assert claim.speaker.entity_id == person.id


def test_naming_verb_with_what_it_is_called(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "The Kremlin called the report a provocation.")
    assert claim.content.text == "the report a provocation"
    assert claim.speaker is not None and claim.speaker.text == "Kremlin"


def test_a_phone_call_is_not_a_naming(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Putin called Macron on Tuesday.").claims == []


def test_accusation_takes_what_the_accused_did(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "Kyiv accused Moscow of shelling the nuclear plant.")
    assert claim.content.text == "shelling the nuclear plant"
    assert claim.speaker is not None and claim.speaker.text == "Kyiv"


def test_speaker_label_before_a_colon(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "Zelensky: Ukraine will not give up the east.")
    assert claim.content.text == "Ukraine will not give up the east"
    assert claim.speaker is not None and claim.speaker.text == "Zelensky"


def test_dateline_before_a_colon_is_no_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("KYIV: Air raid sirens sounded across the capital overnight.").claims == []


def test_it_is_never_a_plural_group(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The UN Human Rights Monitoring Mission verified the deaths of three women. "
        "It said that two of the victims died in hospital."
    )
    extraction = extract(text)
    claim = next(c for c in extraction.claims if c.speaker is not None and c.speaker.text == "It")
    mission = next(e for e in extraction.entities if "Mission" in e.name)
    assert claim.speaker is not None and claim.speaker.entity_id == mission.id


def test_a_range_keeps_both_ends(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "The adviser said that between 10 and 15 tanks were destroyed near the river.")
    [quantity] = claim.quantities
    assert (quantity.value, quantity.high, quantity.unit) == (10, 15, "tanks")


def test_a_quote_signed_after_a_dash(extract) -> None:  # type: ignore[no-untyped-def]
    text = "“We have had no water for three weeks and nobody has come to help us.” ― Halyna Shevchuk"
    claim = _only(extract, text)
    assert claim.kind == "direct_quote"
    assert claim.speaker is not None and "Shevchuk" in claim.speaker.text


def test_a_quote_opened_with_a_closing_mark(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "”The bridge is gone and the village is cut off,” the mayor said.")
    assert claim.content.text == "The bridge is gone and the village is cut off,"


def test_speaker_of_a_verb_after_a_preposition(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "The general angered his allies by saying that the front would not hold.")
    assert claim.speaker is not None and claim.speaker.text.endswith("general")


def test_the_name_opening_a_speech_tag_is_the_speaker(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The front line has not moved in a week," Petro Kovalenko, a battalion commander, said on '
        'Thursday on the "Morning Front" programme.'
    )
    claim = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert claim.speaker is not None and claim.speaker.text == "Petro Kovalenko"


_STATED_OR_JUDGED = [
    (
        "The ministry announced a curfew in the southern districts.",
        "announced",
        "a curfew in the southern districts",
    ),
    (
        "The agency reported heavy fighting near the border crossing.",
        "reported",
        "heavy fighting near the border crossing",
    ),
    (
        "The governor described the damage to the power station.",
        "described",
        "the damage to the power station",
    ),
    ("The audit revealed serious gaps in the air defences.", "revealed", "serious gaps in the air defences"),
    (
        "The survey showed a sharp rise in support for the truce.",
        "showed",
        "a sharp rise in support for the truce",
    ),
    (
        "The commander expressed confidence in the new brigades.",
        "expressed",
        "confidence in the new brigades",
    ),
    ("The army confirmed the loss of two helicopters.", "confirmed", "the loss of two helicopters"),
    ("Analysts predicted a long war of attrition.", "predicted", "a long war of attrition"),
    (
        "The mission estimated the cost of the reconstruction at ten billion dollars.",
        "estimated",
        "the cost of the reconstruction at ten billion dollars",
    ),
    ("The minister answered questions about the grain deal.", "answered", "questions about the grain deal"),
    (
        "The panel recommended new sanctions on the arms suppliers.",
        "recommended",
        "new sanctions on the arms suppliers",
    ),
    (
        "The mayor requested more generators for the hospitals.",
        "requested",
        "more generators for the hospitals",
    ),
    ("The spokesman repeated the demand for talks.", "repeated", "the demand for talks"),
    (
        "The newspaper published a list of the missing soldiers.",
        "published",
        "a list of the missing soldiers",
    ),
    (
        "The ambassador tweeted a photograph of the ruined school.",
        "tweeted",
        "a photograph of the ruined school",
    ),
    ("The regiment posted a video of the captured tanks.", "posted", "a video of the captured tanks"),
    (
        "The militia claimed responsibility for the attack on the convoy.",
        "claimed",
        "responsibility for the attack on the convoy",
    ),
    ("The general admitted heavy losses around the town.", "admitted", "heavy losses around the town"),
    ("The rebels conceded defeat in the northern valley.", "conceded", "defeat in the northern valley"),
    ("The officer explained the delay in the evacuation.", "explained", "the delay in the evacuation"),
    ("The farmers supported the new export corridor.", "supported", "the new export corridor"),
    ("Most deputies backed the ceasefire plan.", "backed", "the ceasefire plan"),
    (
        "The envoy favored a gradual withdrawal of the troops.",
        "favored",
        "a gradual withdrawal of the troops",
    ),
    (
        "Voters favour a negotiated settlement with the rebels.",
        "favour",
        "a negotiated settlement with the rebels",
    ),
    ("The villagers preferred the old route to the market.", "preferred", "the old route"),
    ("The government accepted the offer of mediation.", "accepted", "the offer of mediation"),
    ("The president dismissed the report as propaganda.", "dismissed", "the report as propaganda"),
    ("The ministry rebutted the claims of the opposition.", "rebutted", "the claims of the opposition"),
    ("The defence ministry refuted the allegations of torture.", "refuted", "the allegations of torture"),
    ("The blogger mocked the official figures.", "mocked", "the official figures"),
    ("State television ridiculed the sanctions package.", "ridiculed", "the sanctions package"),
    ("The opposition embraced the peace proposal.", "embraced", "the peace proposal"),
    ("The bishop lamented the destruction of the cathedral.", "lamented", "the destruction of the cathedral"),
    ("Kyiv views the referendum as a sham.", "views", "the referendum as a sham"),
    (
        "Many residents see the new governor as a puppet of Moscow.",
        "see",
        "the new governor as a puppet of Moscow",
    ),
    ("The alliance regards the deployment as a provocation.", "regards", "the deployment as a provocation"),
    (
        "The prosecutor portrayed the defendant as a war profiteer.",
        "portrayed",
        "the defendant as a war profiteer",
    ),
    (
        "The report characterized the shelling as indiscriminate.",
        "characterized",
        "the shelling as indiscriminate",
    ),
    ("The leaflets depicted the soldiers as liberators.", "depicted", "the soldiers as liberators"),
    ("The minister painted the retreat as a regrouping.", "painted", "the retreat as a regrouping"),
    ("The network cast the protests as a foreign plot.", "cast", "the protests as a foreign plot"),
    (
        "The spokesman presented the withdrawal as a gesture of goodwill.",
        "presented",
        "the withdrawal as a gesture of goodwill",
    ),
    ("The newspapers hailed the pilot as a hero.", "hailed", "the pilot as a hero"),
    ("The army branded the rebels as terrorists.", "branded", "the rebels as terrorists"),
    (
        "The court labelled the group as an extremist organisation.",
        "labelled",
        "the group as an extremist organisation",
    ),
    ("The council considers the mayor as a traitor.", "considers", "the mayor as a traitor"),
]


@pytest.mark.parametrize(("text", "cue", "content"), _STATED_OR_JUDGED)
def test_what_was_stated_shown_or_judged(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert _content_of(extract, text, cue) == content


def test_a_speech_participle_after_the_content_is_its_own_claim(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The governor said the bridge would reopen next week, adding that the ferry would run until then."
    said, added = extract(text).claims
    assert said.content.text == "the bridge would reopen next week"
    assert added.content.text == "the ferry would run until then"
    assert added.speaker is not None and added.speaker.text == "governor"


def test_a_short_answer_introduced_by_a_speech_verb(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'The commander was asked whether the town had fallen, and he said, "Not yet."'
    claim = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert claim.content.text == "Not yet."


def test_a_curly_quote_closed_with_a_straight_mark(extract) -> None:  # type: ignore[no-untyped-def]
    text = '“The front is holding," the colonel said on Monday. “We need more shells," he added.'
    first, second = [c for c in extract(text).claims if c.kind == "direct_quote"]
    assert first.content.text == "The front is holding,"
    assert second.content.text == "We need more shells,"


def test_a_paragraph_break_ends_the_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "Residents fled the town of Izium\n\nthe army said it would return.")
    assert claim.speaker is not None and claim.speaker.text == "army"


_NOUN_CUES = [
    ("The governor's plan to rebuild the bridge was rejected.", "plan", "to rebuild the bridge", "governor"),
    (
        "Moscow's decision to withdraw from the city surprised the allies.",
        "decision",
        "to withdraw from the city",
        "Moscow",
    ),
    (
        "The mayor's promise to restore power by Friday was broken.",
        "promise",
        "to restore power by Friday",
        "mayor",
    ),
    ("The donors made a pledge to fund the new hospital.", "pledge", "to fund the new hospital", "donors"),
    ("The rebels' vow to retake the airport worried the army.", "vow", "to retake the airport", "rebels"),
    (
        "The militia's threat to blow up the dam alarmed the villages.",
        "threat",
        "to blow up the dam",
        "militia",
    ),
    (
        "The government's refusal to negotiate with the rebels angered the families.",
        "refusal",
        "to negotiate with the rebels",
        "government",
    ),
    (
        "The president's offer to mediate between the factions was welcomed.",
        "offer",
        "to mediate between the factions",
        "president",
    ),
    ("The council's request to delay the vote was rejected.", "request", "to delay the vote", "council"),
    ("The envoy's call to end the blockade went unanswered.", "call", "to end the blockade", "envoy"),
    ("The union's demand to raise wages was ignored.", "demand", "to raise wages", "union"),
    ("The general's desire to avoid casualties shaped the plan.", "desire", "to avoid casualties", "general"),
    (
        "The donors' commitment to rebuild the schools was renewed.",
        "commitment",
        "to rebuild the schools",
        "donors",
    ),
    (
        "The ministry's intention to close the border was leaked.",
        "intention",
        "to close the border",
        "ministry",
    ),
    (
        "The governor's intent to evacuate the town became clear.",
        "intent",
        "to evacuate the town",
        "governor",
    ),
    ("The rebels' willingness to talk was a surprise.", "willingness", "to talk", "rebels"),
    ("The army's readiness to withdraw was doubted.", "readiness", "to withdraw", "army"),
    ("The president's wish to visit the front was granted.", "wish", "to visit the front", "president"),
    (
        "The parliament's vote to extend martial law passed easily.",
        "vote",
        "to extend martial law",
        "parliament",
    ),
    ("The ambassador's criticism of the blockade angered Moscow.", "criticism", "the blockade", "ambassador"),
    ("The farmers' complaint about the tariffs reached the minister.", "complaint", "the tariffs", "farmers"),
    ("The senator's question about the budget went unanswered.", "question", "the budget", "senator"),
    ("The mayor's concern over the water supply grew.", "concern", "the water supply", "mayor"),
    ("The agency's warning about the storm came late.", "warning", "the storm", "agency"),
    ("The minister's remarks about the refugees caused an uproar.", "remarks", "the refugees", "minister"),
    ("The general's comments on the offensive were brief.", "comments", "the offensive", "general"),
    ("The ministry's statement on the ceasefire was vague.", "statement", "the ceasefire", "ministry"),
    ("The chancellor's support for the sanctions was firm.", "support", "the sanctions", "chancellor"),
    ("The monitors' call for a ceasefire was ignored.", "call", "a ceasefire", "monitors"),
    ("The union's demand for higher wages was rejected.", "demand", "higher wages", "union"),
    ("The bishop's praise for the volunteers was warm.", "praise", "the volunteers", "bishop"),
    ("The council's condemnation of the attack was swift.", "condemnation", "the attack", "council"),
    ("The ministry's denial of the massacre was not believed.", "denial", "the massacre", "ministry"),
    ("The agency's report on the floods was published.", "report", "the floods", "agency"),
    ("The governor's objection to the curfew was noted.", "objection", "the curfew", "governor"),
    (
        "The minister's proposal to ration the fuel was debated for hours.",
        "proposal",
        "to ration the fuel",
        "minister",
    ),
    (
        "The charity's appeal for warm blankets was answered by thousands.",
        "appeal",
        "warm blankets",
        "charity",
    ),
    ("The mother's plea for urgent help was heard.", "plea", "urgent help", "mother"),
    (
        "The journalist's allegation of election fraud was confirmed by the court.",
        "allegation",
        "election fraud",
        "journalist",
    ),
    (
        "The rebels' accusation of systematic torture was investigated.",
        "accusation",
        "systematic torture",
        "rebels",
    ),
    ("The army's determination to hold the bridge was clear.", "determination", "to hold the bridge", "army"),
    ("The party's opposition to the treaty was known.", "opposition", "the treaty", "party"),
]


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), _NOUN_CUES)
def test_nouns_of_intent_and_of_speech_with_their_topic(
    extract, text: str, cue: str, content: str, speaker: str
) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == cue)
    assert claim.content.text == content
    assert claim.speaker is not None and claim.speaker.text == speaker


def test_questions_nobody_asks_are_no_claim(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("There are questions about the safety of the dam.").claims == []


_VIEW_PHRASES = [
    (
        "In his view, the offensive had already failed.",
        "In his view",
        "the offensive had already failed",
        "his",
    ),
    (
        "The offensive, in the general's opinion, had already failed.",
        "in the general's opinion",
        "The offensive, in the general's opinion, had already failed",
        "general",
    ),
    (
        "In the view of the court, the arrests were unlawful.",
        "In the view of the court",
        "the arrests were unlawful",
        "court",
    ),
    (
        "The ceasefire, in the words of one diplomat, is a fiction.",
        "in the words of one diplomat",
        "The ceasefire, in the words of one diplomat, is a fiction",
        "one diplomat",
    ),
    (
        "In Kyiv's assessment, the attack was a feint.",
        "In Kyiv's assessment",
        "the attack was a feint",
        "Kyiv",
    ),
    ("To his mind, the war was lost.", "To his mind", "the war was lost", "his"),
    (
        "By her own account, the convoy was turned back twice.",
        "By her own account",
        "the convoy was turned back twice",
        "her",
    ),
    (
        "In his telling, the siege was lifted by volunteers.",
        "In his telling",
        "the siege was lifted by volunteers",
        "his",
    ),
    (
        "By the army's reckoning, ten towns were retaken.",
        "By the army's reckoning",
        "ten towns were retaken",
        "army",
    ),
    (
        "In the judgment of the inspectors, the plant was safe.",
        "In the judgment of the inspectors",
        "the plant was safe",
        "inspectors",
    ),
    (
        "By the judges' estimation, the damage was deliberate.",
        "By the judges' estimation",
        "the damage was deliberate",
        "judges",
    ),
    (
        "In the estimation of the engineers, the dam would hold.",
        "In the estimation of the engineers",
        "the dam would hold",
        "engineers",
    ),
    (
        "By the ministry's estimate, the harvest would be halved.",
        "By the ministry's estimate",
        "the harvest would be halved",
        "ministry",
    ),
    (
        "By the monitors' count, the shelling killed nine civilians.",
        "By the monitors' count",
        "the shelling killed nine civilians",
        "monitors",
    ),
    (
        "In the judgement of the panel, the vote was fair.",
        "In the judgement of the panel",
        "the vote was fair",
        "panel",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content", "speaker"), _VIEW_PHRASES)
def test_whose_view_a_clause_is(extract, text: str, cue: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, text)
    assert claim.kind == "according_to"
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.content.text == content
    assert claim.speaker is not None and claim.speaker.text == speaker


def test_an_email_account_is_no_view(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Hackers gained access to the governor's email account.").claims == []


_QUOTE_VERBS = [
    "argued",
    "claimed",
    "stated",
    "announced",
    "lamented",
    "joked",
    "quipped",
    "yelled",
    "shouted",
    "screamed",
    "cried",
    "exclaimed",
    "complained",
    "boasted",
    "mused",
    "predicted",
    "promised",
    "vowed",
    "admitted",
    "conceded",
    "acknowledged",
    "observed",
    "countered",
    "retorted",
    "chanted",
    "pleaded",
    "demanded",
    "wondered",
    "urged",
    "says",
]


@pytest.mark.parametrize("verb", _QUOTE_VERBS)
def test_verbs_that_tag_a_quote(extract, verb: str) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, f'"We will hold the line until the spring," the colonel {verb}.')
    assert claim.kind == "direct_quote"
    assert claim.cue is not None and claim.cue.text == verb
    assert claim.speaker is not None and claim.speaker.text == "colonel"


def test_a_speech_verb_further_before_the_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'The envoy, who declared in a long interview on the state channel, "The talks are over."'
    claim = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert claim.cue is not None and claim.cue.text == "declared"


def test_a_surname_taken_for_an_adverb_still_speaks(extract) -> None:  # type: ignore[no-untyped-def]
    text = '"The stock has not done well," said Skelly, explaining the delay.'
    claim = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert claim.speaker is not None and claim.speaker.text == "Skelly"


_TOPIC_VERBS = [
    ("The minister referred to the shelling of the dam.", "referred", "the shelling of the dam"),
    ("The general alluded to the coming offensive.", "alluded", "the coming offensive"),
    ("The mayor pointed to the ruined bridges.", "pointed", "the ruined bridges"),
    ("The ministry responded to the reports of looting.", "responded", "the reports of looting"),
    ("The spokesman replied to the questions from reporters.", "replied", "the questions from reporters"),
    ("The rebels reacted to the news of the truce.", "reacted", "the news of the truce"),
]


@pytest.mark.parametrize(("text", "cue", "content"), _TOPIC_VERBS)
def test_what_a_speaker_refers_or_responds_to(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert _content_of(extract, text, cue) == content


@pytest.mark.parametrize("form", ["hoping", "hoped"])
def test_hope_is_never_hop(extract, form: str) -> None:  # type: ignore[no-untyped-def]
    text = f"The villagers left at dawn, {form} to reach the border before the curfew."
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == form)
    assert claim.content.text == "to reach the border before the curfew"


def test_speaking_on_television_is_no_topic(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("The governor spoke on the evening news.").claims == []


def test_a_few_quoted_words_in_a_paraphrase_are_no_quotation(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'The general said on Tuesday that the enemy "has lost the initiative" in the east.'
    claim = _only(extract, text)
    assert claim.kind == "indirect"
    assert claim.content.text == 'the enemy "has lost the initiative" in the east'


_DOCUMENTS = [
    "letter",
    "memo",
    "email",
    "tweet",
    "post",
    "release",
    "communique",
    "communiqué",
    "note",
    "video",
    "ad",
    "advertisement",
    "leaflet",
    "bulletin",
    "decree",
    "resolution",
    "statement",
]


@pytest.mark.parametrize("document", _DOCUMENTS)
def test_who_issued_a_document_says_what_it_says(extract, document: str) -> None:  # type: ignore[no-untyped-def]
    text = f"The ministry issued a {document} saying that the bridge had been destroyed."
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == "saying")
    assert claim.content.text == "the bridge had been destroyed"
    assert claim.speaker is not None and claim.speaker.text == "ministry"


def test_a_speaker_after_the_verb_that_the_parser_hangs_elsewhere(extract) -> None:  # type: ignore[no-untyped-def]
    text = '"I will not resign, whatever happens," said retired general Petro Holub, asked about the scandal.'
    claim = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert claim.speaker is not None and claim.speaker.text == "Petro Holub"


_ATTITUDES = [
    ("The farmers were supportive of the new grain corridor.", "supportive", "the new grain corridor"),
    ("The farmers were hostile to the new grain corridor.", "hostile", "the new grain corridor"),
    ("The farmers were skeptical of the new grain corridor.", "skeptical", "the new grain corridor"),
    ("The farmers were sceptical of the new grain corridor.", "sceptical", "the new grain corridor"),
    ("The farmers were critical of the new grain corridor.", "critical", "the new grain corridor"),
    ("The farmers were wary of the new grain corridor.", "wary", "the new grain corridor"),
    ("The farmers were confident of the new grain corridor.", "confident", "the new grain corridor"),
    ("The farmers were sure of the new grain corridor.", "sure", "the new grain corridor"),
    ("The farmers were convinced of the new grain corridor.", "convinced", "the new grain corridor"),
    ("The farmers were aware of the new grain corridor.", "aware", "the new grain corridor"),
    ("The farmers were certain of the new grain corridor.", "certain", "the new grain corridor"),
    ("The farmers were concerned about the new grain corridor.", "concerned", "the new grain corridor"),
    ("The farmers were worried about the new grain corridor.", "worried", "the new grain corridor"),
    ("The farmers were angry about the new grain corridor.", "angry", "the new grain corridor"),
    ("The farmers were optimistic about the new grain corridor.", "optimistic", "the new grain corridor"),
    ("The farmers were pessimistic about the new grain corridor.", "pessimistic", "the new grain corridor"),
    ("The farmers were opposed to the new grain corridor.", "opposed", "the new grain corridor"),
    ("The farmers were open to the new grain corridor.", "open", "the new grain corridor"),
    ("The farmers were enthusiastic about the new grain corridor.", "enthusiastic", "the new grain corridor"),
    ("The farmers were proud of the new grain corridor.", "proud", "the new grain corridor"),
    ("The farmers were fearful of the new grain corridor.", "fearful", "the new grain corridor"),
    ("The farmers were afraid of the new grain corridor.", "afraid", "the new grain corridor"),
    ("The farmers were unhappy with the new grain corridor.", "unhappy", "the new grain corridor"),
    ("The farmers were satisfied with the new grain corridor.", "satisfied", "the new grain corridor"),
    ("The farmers were disappointed with the new grain corridor.", "disappointed", "the new grain corridor"),
    ("The farmers were upset about the new grain corridor.", "upset", "the new grain corridor"),
    ("The farmers were furious about the new grain corridor.", "furious", "the new grain corridor"),
    ("The farmers were frustrated with the new grain corridor.", "frustrated", "the new grain corridor"),
    ("The rebels were eager to hand over the prisoners.", "eager", "to hand over the prisoners"),
    ("The rebels were willing to hand over the prisoners.", "willing", "to hand over the prisoners"),
    ("The rebels were ready to hand over the prisoners.", "ready", "to hand over the prisoners"),
    ("The rebels were determined to hand over the prisoners.", "determined", "to hand over the prisoners"),
    ("The rebels were reluctant to hand over the prisoners.", "reluctant", "to hand over the prisoners"),
    ("The rebels were keen to hand over the prisoners.", "keen", "to hand over the prisoners"),
    ("The rebels were hesitant to hand over the prisoners.", "hesitant", "to hand over the prisoners"),
    ("The rebels were loath to hand over the prisoners.", "loath", "to hand over the prisoners"),
    ("The rebels were unwilling to hand over the prisoners.", "unwilling", "to hand over the prisoners"),
    ("The rebels were adamant to hand over the prisoners.", "adamant", "to hand over the prisoners"),
    ("The mayor was confident that the dam would hold.", "confident", "the dam would hold"),
]


@pytest.mark.parametrize(("text", "cue", "content"), _ATTITUDES)
def test_attitudes_after_be(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == cue)
    assert claim.content.text == content
    assert claim.speaker is not None and claim.speaker.text in ("farmers", "rebels", "mayor")


def test_certain_to_win_is_a_forecast_not_a_belief(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("The incumbent is certain to win the vote in the east.").claims == []


def test_a_verb_after_a_quote_closed_by_a_full_stop_starts_a_new_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    text = '"The bridge is gone and the town is cut off." The mayor said the ferry would keep running.'
    quote = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert quote.cue is None


def test_a_participle_between_quotes_opens_the_second(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'She said she kept thinking, "This cannot be happening to us," adding, "Nobody came to help us."'
    first, second = [c for c in extract(text).claims if c.kind == "direct_quote"]
    assert first.content.text == "This cannot be happening to us,"
    assert second.content.text == "Nobody came to help us."
    assert second.cue is not None and second.cue.text == "adding"


def test_whether_and_if_stay_in_the_content(extract) -> None:  # type: ignore[no-untyped-def]
    assert _only(extract, "The general did not say whether the bridge would reopen soon.").content.text == (
        "whether the bridge would reopen soon"
    )
    assert _only(extract, "The minister asked if the convoy had arrived safely.").content.text == (
        "if the convoy had arrived safely"
    )


_BELIEF_VERBS = [
    "implied",
    "hinted",
    "remembered",
    "insinuated",
    "speculated",
    "assumed",
    "presumed",
    "guessed",
    "reckoned",
    "noticed",
    "discovered",
    "testified",
    "assured reporters",
    "cautioned",
    "forecast",
    "calculated",
    "surmised",
    "posited",
    "theorized",
    "joked",
    "quipped",
    "boasted",
    "bragged",
    "lamented",
    "countered",
    "retorted",
    "stipulated",
    "clarified",
    "disclosed",
    "proclaimed",
    "swore",
    "ruled",
    "recognised",
    "realised",
    "hypothesized",
]


@pytest.mark.parametrize("verb", _BELIEF_VERBS)
def test_verbs_of_saying_and_knowing_with_a_clause(extract, verb: str) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, f"The officials {verb} that the bridge would reopen within a week.")
    assert claim.content.text == "the bridge would reopen within a week"
    assert claim.speaker is not None and claim.speaker.text == "officials"


def test_a_wrapped_line_does_not_end_the_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    claim = _only(extract, "The army spokesman\nsaid that the rebels had attacked the farm.")
    assert claim.speaker is not None and claim.speaker.text == "army spokesman"


def test_a_clause_with_a_colon_opens_its_subjects_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'The governor resisted: "Nobody will be forced to leave the city before the winter."'
    claim = _only(extract, text)
    assert claim.kind == "direct_quote"
    assert claim.speaker is not None and claim.speaker.text == "governor"


def test_a_colon_after_a_thing_quotes_nobody(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract('The sign on the gate read: "No entry for civilians beyond this point."').claims == []


def test_a_transcript_names_the_speaker_below_the_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'The debate went on.\n\n"Every family in the valley has lost someone in this war."\n\n- Kovalenko.'
    claim = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert claim.speaker is not None and claim.speaker.text == "Kovalenko"


@pytest.mark.parametrize(
    "issued",
    [
        "filed papers",
        "gave a speech",
        "held a rally",
        "gave an interview",
        "issued a response",
        "launched a petition",
        "wrote an article",
        "wrote a column",
        "published an editorial",
        "filed a lawsuit",
        "filed a complaint",
        "held a conference call",
        "called a news conference",
        "adopted a policy",
    ],
)
def test_a_document_speaks_for_whoever_issued_it(extract, issued: str) -> None:  # type: ignore[no-untyped-def]
    text = f"The senator {issued} saying that the bridge would reopen in May."
    [claim] = [c for c in extract(text).claims if c.content.text.startswith("the bridge")]
    assert claim.speaker is not None and claim.speaker.text == "senator"


def test_a_document_in_a_series_speaks_for_its_sender(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The governor posted a series of tweets saying that the bridge would reopen in May."
    [claim] = [c for c in extract(text).claims if c.content.text.startswith("the bridge")]
    assert claim.speaker is not None and claim.speaker.text == "governor"


def test_an_issued_document_after_an_infinitive(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The senator felt compelled to issue a memo saying that the bridge would reopen in May."
    [claim] = [c for c in extract(text).claims if c.content.text.startswith("the bridge")]
    assert claim.speaker is not None and claim.speaker.text == "senator"


def test_untagged_quote_after_a_sentence_of_speech(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'Hanna Melnyk argued otherwise. "The bridge will not reopen before the winter, and everyone knows it."'
    [claim] = [c for c in extract(text).claims if c.kind == "direct_quote"]
    assert claim.speaker is not None and claim.speaker.text == "Hanna Melnyk"


def test_untagged_quote_after_a_sentence_of_no_speech(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The bridge closed on Monday. "The bridge will not reopen before the winter, and everyone knows it."'
    )
    quotes = [c for c in extract(text).claims if c.kind == "direct_quote"]
    assert all(c.speaker is None for c in quotes)


@pytest.mark.parametrize(
    "verb", ["asserted", "emphasised", "emphasized", "proclaimed", "reiterated", "surmised"]
)
def test_more_verbs_tag_a_quote(extract, verb: str) -> None:  # type: ignore[no-untyped-def]
    text = f'Residents waited all week. The mayor {verb}, "The bridge will reopen in May, whatever it takes."'
    [claim] = [c for c in extract(text).claims if c.kind == "direct_quote"]
    assert claim.cue is not None and claim.cue.text == verb
    assert claim.speaker is not None and claim.speaker.text == "mayor"


def test_a_clause_after_the_speech_tag_ends_the_quote(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We do not see a link to terrorism," the mayor said, adding that it would take "more hours" '
        "before details emerge."
    )
    quote = next(c for c in extract(text).claims if c.kind == "direct_quote")
    assert quote.content.text == "We do not see a link to terrorism,"


def test_a_second_quote_after_a_participle_clause_is_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The people do not agree with him," Sanders said, suggesting a few questions, including, '
        '"Do you really think that billionaires need a tax break?"'
    )
    quotes = [c.content.text for c in extract(text).claims if c.kind == "direct_quote"]
    assert quotes[0] == "The people do not agree with him,"
    assert "Do you really think that billionaires need a tax break?" in quotes


_ASIDES_AND_SLIPS = [
    ("As the minister said, the town is cut off from supplies.", "said", "the town is cut off from supplies"),
    (
        "The town is cut off from supplies, as the minister noted.",
        "noted",
        "The town is cut off from supplies",
    ),
    (
        "Leaked documents from the ministry show the army lost two brigades.",
        "show",
        "the army lost two brigades",
    ),
    (
        "The mayor called for the shelling to be investigated by the United Nations.",
        "called",
        "the shelling to be investigated by the United Nations",
    ),
    (
        "The monitors then pointed out that one strike may have more than one victim.",
        "pointed",
        "one strike may have more than one victim",
    ),
    ("The general proposed dropping the second offensive.", "proposed", "dropping the second offensive"),
    (
        "The ministry's proof that the convoy had carried weapons was a photograph.",
        "proof",
        "the convoy had carried weapons",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), _ASIDES_AND_SLIPS)
def test_asides_and_verbs_the_tagger_slips_on(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert _content_of(extract, text, cue) == content


def test_as_promised_is_no_aside(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The town was rebuilt as promised."
    assert not [c for c in extract(text).claims if c.cue is not None and c.cue.text == "promised"]


def test_a_claim_inside_another_claim_is_part_of_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Officials said Russia wants to take the town before the spring."
    [claim] = extract(text).claims
    assert claim.speaker is not None and claim.speaker.text == "Officials"
    assert claim.content.text == "Russia wants to take the town before the spring"


def test_an_object_phrase_gives_way_to_the_statement_it_holds(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The senator published an editorial saying that the bridge would reopen in May."
    [claim] = extract(text).claims
    assert claim.content.text == "the bridge would reopen in May"


def test_a_name_alone_is_a_whole_stance(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor has endorsed Klitschko."
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == "endorsed")
    assert claim.content.text == "Klitschko"


def test_a_second_statement_in_the_same_sentence_is_its_own(extract) -> None:  # type: ignore[no-untyped-def]
    text = 'The mayor said the order was given by the police chief and said, "Who else would you trust?"'
    claims = extract(text).claims
    indirect = next(c for c in claims if c.kind == "indirect")
    assert indirect.content.text == "the order was given by the police chief"
    quote = next(c for c in claims if c.kind == "direct_quote")
    assert quote.speaker is not None and quote.speaker.text == "mayor"


def test_the_clause_after_the_verb_when_a_quote_comes_before_it(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Critics lamented the delays - "does it have to take so long?" - but residents who attended '
        "the meeting said they were satisfied with the repairs."
    )
    said = next(c for c in extract(text).claims if c.kind == "indirect" and c.cue and c.cue.text == "said")
    assert said.content.text == "they were satisfied with the repairs"


def test_a_speech_tag_set_off_in_a_clause_the_tagger_misread(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        'In both cases, Anna Petrenko said, those donations paid for "repairs" at the city\'s new hospital.'
    )
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == "said")
    assert 'those donations paid for "repairs"' in claim.content.text


_MORE_STANCES = [
    ("The opposition wants a continuation of the talks.", "wants", "a continuation of the talks"),
    (
        "The governor is seeking an injunction against the curfew.",
        "seeking",
        "an injunction against the curfew",
    ),
    ("The envoy discussed the prisoner exchange on Monday.", "discussed", "the prisoner exchange"),
    ("The general thanked the volunteers for their help.", "thanked", "the volunteers for their help"),
    ("The mayor focused on the repairs of the dam.", "focused", "the repairs of the dam"),
    ("The governor outlined a plan for the evacuation.", "outlined", "a plan for the evacuation"),
    (
        "The ministry warned residents to stay away from windows.",
        "warned",
        "residents to stay away from windows",
    ),
    ("Officials told residents to evacuate.", "told", "residents to evacuate"),
    ("The commander vowed revenge.", "vowed", "revenge"),
    ("The opposition wants the government to resign.", "wants", "the government to resign"),
    ("The envoy asked the commanders if they would accept a truce.", "asked", "if they would accept a truce"),
    ("Reporters asked the minister about the missing soldiers.", "asked", "the missing soldiers"),
]


@pytest.mark.parametrize(("text", "cue", "content"), _MORE_STANCES)
def test_wants_and_stances_with_an_object(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert _content_of(extract, text, cue) == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Olena Kovalenko, a Kharkiv teacher helping to organise the evacuation, said the buses had not come.",
            "Olena Kovalenko",
        ),
        ("As a part of his plea, Mykola Lysenko, 44, said that he had sold the drones.", "Mykola Lysenko"),
    ],
)
def test_a_name_set_off_by_a_long_aside_is_the_speaker(extract, text: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == "said")
    assert claim.speaker is not None and claim.speaker.text == speaker


def test_a_stance_in_the_passive_is_held_by_its_agent(extract) -> None:  # type: ignore[no-untyped-def]
    claim = next(c for c in extract("The ceasefire was welcomed by both sides.").claims)
    assert claim.content.text == "The ceasefire"
    assert claim.speaker is not None and claim.speaker.text == "both sides"


def test_a_stance_in_the_passive_without_an_agent_is_nobody_s(extract) -> None:  # type: ignore[no-untyped-def]
    assert not extract("The plan was rejected.").claims


def test_support_in_a_fight_is_no_stance(extract) -> None:  # type: ignore[no-untyped-def]
    text = "Wagner mercenaries are being supported by local separatist forces in the Donbas region."
    assert not extract(text).claims


def test_what_is_agreed_to_and_not_what_it_starts_with(extract) -> None:  # type: ignore[no-untyped-def]
    text = "The army agreed to a 72-hour truce starting on Sunday morning."
    claim = next(c for c in extract(text).claims if c.cue is not None and c.cue.text == "agreed")
    assert claim.content.text == "a 72-hour truce"


_CLAUSE_BOUNDS = [
    (
        "The minister claimed that the bridge was safe, although he refused to show the inspection report.",
        "claimed",
        "the bridge was safe",
    ),
    (
        "He told a meeting of village elders that few people understood the danger better than the farmers.",
        "told",
        "few people understood the danger better than the farmers",
    ),
    (
        "She said the families would not be eligible for the payments, and when pressed, she said the plan "
        "was a start.",
        "said",
        "the families would not be eligible for the payments",
    ),
]


@pytest.mark.parametrize(("text", "cue", "content"), _CLAUSE_BOUNDS)
def test_where_a_reported_clause_begins_and_ends(extract, text: str, cue: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert _content_of(extract, text, cue) == content


@pytest.mark.parametrize(
    "text",
    [
        "The spokesman did not respond to requests for comment.",
        "The fund raised $64.8 million last year.",
        "The donor committed $5 million to the effort.",
    ],
)
def test_inquiries_and_money_are_no_claims(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not extract(text).claims


def test_a_statement_in_the_tag_of_a_split_quote_is_kept(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We will hold the town," the commander said, adding that reinforcements had arrived overnight. '
        '"The line is stable."'
    )
    claims = extract(text).claims
    quote = next(c for c in claims if c.kind == "direct_quote")
    assert quote.content.text.startswith("We will hold the town") and quote.content.text.endswith("stable.")
    added = next(c for c in claims if c.cue is not None and c.cue.text == "adding")
    assert added.content.text == "reinforcements had arrived overnight"
    assert added.speaker is not None and added.speaker.text == "commander"

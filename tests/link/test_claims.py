from __future__ import annotations

from sitrep.link.claims import measure_of, part_of_a_whole, side_of


def test_each_figure_takes_the_nearest_cue() -> None:
    content = "Russian forces shelled the town, killing four civilians and wounding nine"
    measure, end = measure_of(content, "four")
    assert measure == "fatalities"
    assert measure_of(content, "nine", end)[0] == "injured"


def test_a_death_toll_counts_deaths() -> None:
    content = "The death toll from Tuesday's Russian shelling of Kupiansk has risen to five after a wounded man died"
    assert measure_of(content, "five")[0] == "fatalities"


def test_figures_without_a_cue_are_left_out() -> None:
    assert measure_of("damaging a school and at least 20 apartment buildings", "at least 20")[0] is None


def test_sides() -> None:
    assert side_of("servicemen") == "combatants"
    assert side_of("civilians") == "people"
    assert side_of(None) is None


def test_materiel_and_troops() -> None:
    assert side_of("tanks") == "materiel"
    assert measure_of("the Russians lost two tanks and several armoured vehicles", "two")[0] == "losses"


def test_part_of_a_toll_is_not_a_toll() -> None:
    content = "Two of the victims died in hospital in Kharkiv after the attack"
    _, end = measure_of(content, "Two")
    assert part_of_a_whole(content, end)
    content = "Two civilians died in hospital in Kharkiv after the attack"
    _, end = measure_of(content, "Two")
    assert not part_of_a_whole(content, end)

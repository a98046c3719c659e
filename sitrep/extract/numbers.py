"""Counts written as words or digits, with ACLED's conventions for vague ones ("dozens" = 12)."""

from __future__ import annotations

import math
import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# Vague counts: ACLED's tens/dozens/hundreds, extended the same way (ONTOLOGY.md 4.4).
VAGUE = {
    "a dozen": 12, "dozen": 12, "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100,
    "thousands": 1_000, "tens of thousands": 10_000, "hundreds of thousands": 100_000,
    "millions": 1_000_000, "several": 3, "a few": 2, "a handful": 3,
}  # fmt: skip
# The span a vague count covers when a claim gives it: "tens of thousands" is 10,000 to 99,999.
VAGUE_HIGH = {
    "dozens": 99, "scores": 99, "tens": 99, "hundreds": 999, "thousands": 9_999,
    "tens of thousands": 99_999, "hundreds of thousands": 999_999, "millions": 9_999_999,
    "several": 9, "a few": 5, "a handful": 5,
}  # fmt: skip
_RANGE = re.compile(
    r"^(?:between\s+)?(?P<low>.+?)\s*(?:\band\b|\bto\b|-|–)\s*(?P<high>[^-–]+)$", re.IGNORECASE
)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")


def parse_number(text: str) -> float | None:
    """The value of "12", "1,200", "twenty-five", "three hundred", "dozens"; None when not a number."""
    words = text.lower().replace("-", " ").split()
    while words and words[0] in (
        "at",
        "least",
        "more",
        "than",
        "over",
        "about",
        "around",
        "nearly",
        "some",
        "up",
        "to",
    ):
        words = words[1:]
    phrase = " ".join(words)
    if not phrase:
        return None
    if phrase in VAGUE:
        return VAGUE[phrase]
    if _DIGITS.match(phrase):
        value = float(phrase.replace(",", ""))
        return value if math.isfinite(value) else None
    total, current = 0, 0
    for word in words:
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES and (current or word != "hundred"):
            current = max(current, 1) * _SCALES[word]
            if word != "hundred":
                total, current = total + current, 0
        elif _DIGITS.match(word) and current == 0:
            current = int(float(word.replace(",", "")))
        else:
            return None
    value = total + current
    return float(value) if value or phrase in ("zero", "0") else None


def parse_range(text: str) -> tuple[float, float] | None:
    """(low, high) of a count that covers a span: "tens of thousands", "between 10 and 15", "10-15"."""
    phrase = " ".join(text.lower().split())
    for prefix in ("some ", "about ", "around ", "nearly ", "over ", "more than ", "at least "):
        phrase = phrase.removeprefix(prefix)
    if phrase in VAGUE_HIGH:
        return float(VAGUE[phrase]), float(VAGUE_HIGH[phrase])
    match = _RANGE.match(phrase)
    if match is None:
        return None
    low, high = parse_number(match["low"]), parse_number(match["high"])
    if low is None or high is None or not low < high:
        return None
    return low, high


MAX_COUNT = 10**10  # more than everyone alive: a larger figure counts no people


def parse_count(text: str) -> int | None:
    """A whole count, as fatalities need; None when the text is not one."""
    value = parse_number(text)
    return int(value) if value is not None and 0 <= value <= MAX_COUNT else None

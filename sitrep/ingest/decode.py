"""Bytes to text for the readers: a UTF-8 BOM is dropped, and bytes that are not in the chosen encoding
are named with their line and column instead of ending the file."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from sitrep.limits import max_chars

BOM = codecs.BOM_UTF8
_SNIFF = 8192


def is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


def looks_binary(head: bytes, encoding: str) -> bool:
    """A NUL byte near the start: an image, an archive, a database or UTF-16 text, not UTF-8 lines."""
    return is_utf8(encoding) and b"\0" in head[:_SNIFF]


def bad_byte(byte: int, column: int, encoding: str) -> str:
    """The one-line reason for a byte the encoding has no character for."""
    name = "UTF-8" if is_utf8(encoding) else encoding
    return f"byte 0x{byte:02X} at column {column} is not {name} text (give the encoding with --encoding)"


def undecodable(line: str, encoding: str = "utf-8") -> str | None:
    """Why a line decoded with `surrogateescape` is not text: its first byte outside the encoding."""
    for column, char in enumerate(line, start=1):
        if 0xDC80 <= ord(char) <= 0xDCFF:
            return bad_byte(ord(char) - 0xDC00, column, encoding)
    return None


def max_line_bytes() -> int:
    """The longest line a record of the longest text accepted can need: six bytes a character (JSON's
    `\\uXXXX`), and room for the other fields."""
    return 6 * max_chars() + 65_536


def bounded_lines(handle: BinaryIO, encoding: str) -> Iterator[str | None]:
    """As `lines`, reading at most `max_line_bytes()` of a line at once: a longer line is skipped
    without being held in memory and yields None in its place."""
    limit = max_line_bytes()
    first = True
    while raw := handle.readline(limit + 1):
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(limit)) and not rest.endswith(b"\n"):
                pass
            first = False
            yield None
            continue
        if first:
            first = False
            if is_utf8(encoding) and raw.startswith(BOM):
                raw = raw[len(BOM) :]
        yield raw.decode(encoding, errors="surrogateescape")


def lines(handle: BinaryIO, encoding: str) -> Iterator[str]:
    """The file's lines decoded; a bad byte becomes a lone surrogate (`surrogateescape`) for the caller
    to report with `undecodable`, so one bad byte costs one record, not the rest of the file."""
    first = True
    for raw in handle:
        if first:
            first = False
            if is_utf8(encoding) and raw.startswith(BOM):
                raw = raw[len(BOM) :]
        yield raw.decode(encoding, errors="surrogateescape")

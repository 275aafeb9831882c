"""Bytes to text: UTF-8 first, then the encodings real news archives are actually in."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# What surrogateescape makes of a byte that is not UTF-8.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode `data`, returning the text and a warning when it was not clean UTF-8.

    Never raises: cp1252 covers most mis-encoded Western news text, and latin-1 maps every byte,
    so the last resort always succeeds and the warning tells the user to check the characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        where = f"byte 0x{data[error.start]:02x} at offset {error.start}"
    try:
        return data.decode("cp1252"), f"not valid UTF-8 ({where}); decoded as cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), f"not valid UTF-8 ({where}); decoded as latin-1"


def unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_fragment(raw: str) -> tuple[str, bool]:
    """Repair a string decoded with surrogateescape: undecodable bytes become cp1252/latin-1.

    Used for CSV corpora, where only some rows carry stray bytes and each row's document should
    carry its own warning. Returns the text and whether anything needed repair.
    """
    if not _ESCAPED_BYTE.search(raw):
        return raw, False
    data = raw.encode("utf-8", "surrogateescape")
    text = "".join(_decode_piecewise(data))
    return text, True


def _decode_piecewise(data: bytes):
    position = 0
    while position < len(data):
        try:
            yield data[position:].decode("utf-8")
            return
        except UnicodeDecodeError as error:
            yield data[position : position + error.start].decode("utf-8")
            bad = data[position + error.start : position + error.end]
            yield _single_byte(bad)
            position += error.end


def _single_byte(bad: bytes) -> str:
    try:
        return bad.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves 0x81, 0x8d, 0x8f, 0x90, 0x9d undefined; they are noise in news text.
        return " " * len(bad)

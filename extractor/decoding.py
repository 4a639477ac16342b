"""Bytes -> text, naming the encoding used; never a silent guess.

Accepted: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order
mark, and the Korean legacy encodings EUC-KR and its superset CP949, which
Korean outlets still serve. A legacy encoding is accepted only when the bytes
decode under it without error *and* read as Korean (most non-ASCII characters
are Hangul), so Latin-1 or Shift-JIS bytes that happen to decode are refused
rather than turned into nonsense. Anything else is an error naming the reason.
"""
from __future__ import annotations

import codecs

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MIN_HANGUL_SHARE = 0.5


class UndecodableError(ValueError):
    """The bytes are in none of the accepted encodings."""


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with.

    >>> decode("Samsung".encode("utf-8"))
    ('Samsung', 'utf-8')
    >>> decode(codecs.BOM_UTF8 + "Samsung".encode("utf-8"))
    ('Samsung', 'utf-8')
    >>> decode("삼성전자 수주".encode("euc-kr"))
    ('삼성전자 수주', 'euc-kr')
    >>> decode("똠방각하".encode("cp949"))
    ('똠방각하', 'cp949')
    >>> decode("café".encode("latin-1"))
    Traceback (most recent call last):
    ...
    extractor.decoding.UndecodableError: undecodable bytes: not UTF-8, UTF-16 with a byte-order mark, or Korean CP949/EUC-KR (invalid byte 0xe9 at offset 3 for UTF-8)
    """
    if raw.startswith(_UTF16_BOMS):
        return raw.decode("utf-16"), "utf-16"
    if b"\x00" in raw:
        raise ValueError("binary file (NUL bytes), not an article")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        korean = _as_korean(raw)
        if korean is not None:
            return korean
        offset = utf8_error.start
        raise UndecodableError(
            "undecodable bytes: not UTF-8, UTF-16 with a byte-order mark, or Korean CP949/EUC-KR "
            f"(invalid byte 0x{raw[offset]:02x} at offset {offset} for UTF-8)"
        ) from None


def hangul_share(text: str) -> float:
    """The share of Hangul among the non-ASCII characters of ``text`` (0 when there are none).

    >>> hangul_share("Samsung 삼성")
    1.0
    >>> hangul_share("café")
    0.0
    """
    wide = [c for c in text if ord(c) > 0x7F]
    if not wide:
        return 0.0
    return sum(1 for c in wide if _is_hangul(c)) / len(wide)


def _as_korean(raw: bytes) -> tuple[str, str] | None:
    # EUC-KR first: it is the stricter of the two, so naming it is the more precise claim.
    for encoding in ("euc-kr", "cp949"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return (text, encoding) if hangul_share(text) >= _MIN_HANGUL_SHARE else None
    return None


def _is_hangul(char: str) -> bool:
    point = ord(char)
    return 0xAC00 <= point <= 0xD7A3 or 0x1100 <= point <= 0x11FF or 0x3130 <= point <= 0x318F

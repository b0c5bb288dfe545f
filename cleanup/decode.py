"""bytes -> str: BOMs, strict UTF-8, UTF-16, then a detected legacy encoding."""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass

# GB2312 and GBK are subsets of GB18030: reading as GB18030 never loses a character.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "hz-gb-2312": "gb18030", "big5": "big5hkscs"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SAMPLE = 64 * 1024


class DecodeError(ValueError):
    """The bytes are not a text page (binary, or empty)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(raw: bytes, encoding: str | None = None) -> Decoded:
    """Decode a page dump, saying in warnings when the encoding was a guess.

    >>> decode("本报讯".encode("gb18030")).encoding
    'gb18030'
    >>> decode(codecs.BOM_UTF8 + "新华社".encode()).text
    '新华社'
    """
    if encoding:
        return _decode_lenient(raw, encoding, ())
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _decode_lenient(raw, name, ())
    utf16 = _sniff_utf16(raw)
    if utf16:
        return _decode_lenient(raw, utf16, (f"DC01 no BOM: read as {utf16} from its NUL pattern",))
    if b"\x00" in raw[:_SAMPLE]:
        raise DecodeError("binary data (NUL bytes), not a text dump")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    guess = _detect(raw)
    if guess and guess != "utf-8":
        return _decode_lenient(raw, guess, (f"DC02 not UTF-8: detected {guess}",))
    return _decode_lenient(raw, "utf-8", (f"DC03 invalid UTF-8 at byte {utf8_error.start}",))


def _sniff_utf16(raw: bytes) -> str | None:
    """UTF-16 without a BOM: CJK text has no NULs, but ASCII in it has one per unit."""
    sample = raw[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    units = len(sample) // 2
    if odd > units * 0.2 and even < units * 0.02:
        return "utf-16-le"
    if even > units * 0.2 and odd < units * 0.02:
        return "utf-16-be"
    if b"\n\x00" not in sample:  # checked first: it rules out most pages without decoding them
        return None
    try:  # all-CJK UTF-16 has no NULs at all; it then decodes without surrogate errors
        text = sample.decode("utf-16-le")
    except UnicodeDecodeError:
        return None
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "\n\r")
    return "utf-16-le" if cjk > len(text) * 0.6 else None


def _detect(raw: bytes) -> str | None:
    import chardet  # imported here: it is slow to import and rarely needed

    guess = chardet.detect(raw[:_SAMPLE]).get("encoding")
    if not guess:
        return None
    name = codecs.lookup(guess).name
    return _WIDEN.get(name, name)


def _decode_lenient(raw: bytes, encoding: str, warnings: tuple[str, ...]) -> Decoded:
    """Decode; bad sequences become U+FFFD and their byte offsets are reported."""
    _BAD.offsets = []
    try:
        text = raw.decode(encoding, errors="cleanup-note")
    except LookupError as error:
        raise DecodeError(f"unknown encoding {encoding!r}") from error
    bad = _BAD.offsets
    if bad:
        shown = ", ".join(str(offset) for offset in bad[:5]) + (" …" if len(bad) > 5 else "")
        warnings += (f"DC04 {len(bad)} invalid byte sequence(s) in {encoding} at byte {shown}",)
    return Decoded(text, encoding, warnings)


_BAD = threading.local()


def _note_bad_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    _BAD.offsets.append(error.start)
    return "\ufffd", error.end


codecs.register_error("cleanup-note", _note_bad_bytes)

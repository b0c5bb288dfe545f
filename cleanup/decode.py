"""bytes -> str: BOMs, strict UTF-8, UTF-16, then a detected legacy encoding."""

from __future__ import annotations

import codecs
import math
import re
import threading
from dataclasses import dataclass

# GB2312 and GBK are subsets of GB18030: reading as GB18030 never loses a character.
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "hz-gb-2312": "gb18030", "big5": "big5hkscs"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SAMPLE = 64 * 1024
_MULTIBYTE = frozenset({"gb18030", "big5hkscs", "euc_jp", "shift_jis", "cp932", "euc_kr", "cp949"})
_MAX_BAD_SHARE = 0.01  # more invalid sequences than this per character and the encoding is wrong

_MAX_TEXT_ENTROPY = 6.5  # bits per byte, for bytes no multi-byte encoding reads: above it, not text
_MAX_JUNK_SHARE = 0.1  # invalid sequences and control characters per character beyond which bytes are binary
# File formats by their first bytes: a page dump never starts with these.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive or Office file"),
    (b"PK\x05\x06", "a ZIP archive"), (b"\x1f\x8b", "gzip-compressed data"), (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"), (b"(\xb5/\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"AT&TFORM", "a DjVu document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"), (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV sound", b"AVI ": "an AVI video"}

# Page and line separators are line ends; other control characters are not text (nor valid YAML).
_BREAK_RE = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


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
    >>> decode("新华社".encode() + b"\\xff" + "电".encode()).warnings[-1]
    'DC04 1 invalid byte sequence(s) in utf-8 at byte 9'
    >>> decode(b"a\\x0cb\\x07c").text
    'a\\nbc'
    """
    kind = binary_kind(raw)
    if kind:
        raise DecodeError(f"binary data ({kind}), not a text dump")
    decoded = _decode(raw, encoding)
    text = _BREAK_RE.sub("\n", decoded.text)
    text, removed = _CONTROL_RE.subn("", text)
    junk = removed + text.count("\ufffd")
    # (a few bad bytes in a short page are a damaged page; only controls: "no printed text", later)
    if junk > max(16, _MAX_JUNK_SHARE * len(text)) and text.strip():
        raise DecodeError(f"binary data ({junk} of {len(text) + removed} characters unreadable), not a text dump")
    if not removed:
        return Decoded(text, decoded.encoding, decoded.warnings)
    return Decoded(text, decoded.encoding, (*decoded.warnings, f"DC06 {removed} control character(s) removed"))


def binary_kind(raw: bytes) -> str:
    """The file format that the first bytes name, or "" for none.

    >>> binary_kind(b"%PDF-1.7\\n"), binary_kind(b"RIFF\\x10\\x00\\x00\\x00WEBPVP8 "), binary_kind("本报讯".encode())
    ('a PDF document', 'a WebP image', '')
    """
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            return kind
    if raw.startswith(b"RIFF") and raw[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[raw[8:12]]
    if raw[4:8] == b"ftyp":  # ISO media: MP4, HEIC, AVIF
        return "an ISO media file (video or image)"
    return ""


def _decode(raw: bytes, encoding: str | None) -> Decoded:
    if encoding:
        return _decode_lenient(raw, encoding, ())
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _decode_with_bom(raw, bom, name)
    utf16 = _sniff_utf16(raw)
    if utf16:
        return _decode_lenient(raw, utf16, (f"DC01 no BOM: read as {utf16} from its NUL pattern",))
    if _binary_nuls(raw[:_SAMPLE]):
        raise DecodeError("binary data (NUL bytes), not a text dump")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    guess, binary = _detect(raw[:_SAMPLE])
    if guess in _MULTIBYTE:
        return _decode_lenient(raw, guess, (f"DC02 not UTF-8: detected {guess}",))
    repaired = _repair(raw)
    if repaired:
        return repaired
    if binary or _byte_entropy(raw[:_SAMPLE]) > _MAX_TEXT_ENTROPY:
        raise DecodeError("binary data (no text encoding fits), not a text dump")
    if guess and guess != "utf-8":
        return _decode_lenient(raw, guess, (f"DC02 not UTF-8: detected {guess}",))
    return _decode_lenient(raw, "utf-8", (f"DC03 invalid UTF-8 at byte {utf8_error.start}",))


def _decode_with_bom(raw: bytes, bom: bytes, name: str) -> Decoded:
    """Read as the BOM says, unless the bytes after it contradict it: then by what they are."""
    text, bad = _decode_noting(raw, name)
    if len(bad) <= max(1, _MAX_BAD_SHARE * len(text)) and (name != "utf-16" or _plausible_utf16(text)):
        return _decode_lenient(raw, name, ())
    said = "UTF-8" if name == "utf-8-sig" else ("UTF-16 LE" if bom == codecs.BOM_UTF16_LE else "UTF-16 BE")
    found = _decode(raw[len(bom):], None)
    return Decoded(found.text, found.encoding,
                   (f"DC07 a {said} BOM that the bytes after it contradict: read as {found.encoding}", *found.warnings))


def _plausible_utf16(text: str) -> bool:
    """UTF-16 text of a page, not other bytes paired up: those give private-use characters and
    Hangul syllables (UTF-8 CJK read as UTF-16 LE: 本报 -> \ue69c ꖬ 룦 …).

    >>> _plausible_utf16("本报讯（记者 郑林）"), _plausible_utf16("本报讯".encode().decode("utf-16-le", "replace"))
    (True, False)
    """
    sample = text[:_SAMPLE]
    odd = sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff" or "\uac00" <= ch <= "\ud7a3" or ch == "\ufffd")
    return odd <= 0.2 * len(sample)


def _byte_entropy(sample: bytes) -> float:
    """Bits per byte. Text in a one-byte encoding stays near 4-5 (letters repeat); random or
    compressed bytes near 8, which chardet may still call some code page.

    >>> round(_byte_entropy(b"aaaa"), 1), round(_byte_entropy(bytes(range(256))), 1)
    (0.0, 8.0)
    """
    if not sample:
        return 0.0
    counts = [sample.count(value) for value in set(sample)]
    return sum(c / len(sample) * math.log2(len(sample) / c) for c in counts)


def _binary_nuls(sample: bytes) -> bool:
    """NUL bytes that make bytes binary: a run of them, or more than one in a thousand bytes.
    A stray NUL in text (an extractor's slip) is a control character, removed with DC06.

    >>> _binary_nuls(b"abc\\x00def"), _binary_nuls(b"abc\\x00\\x00def")
    (False, True)
    """
    nuls = sample.count(0)
    return bool(nuls) and (b"\x00\x00" in sample or nuls > max(1, len(sample) // 1000))


def _repair(raw: bytes) -> Decoded | None:
    """A CJK encoding that reads all but a few byte sequences (which stop chardet short).

    A candidate is confirmed on the sample with its bad sequences cut out:
    UTF-8 by its few errors alone, a legacy encoding by being detected again.
    """
    sample = raw[:_SAMPLE]
    found = []
    for encoding in ("utf-8", "gb18030", "big5hkscs"):
        text, bad = _decode_noting(sample, encoding)
        if not bad or len(bad) > max(1, _MAX_BAD_SHARE * len(text)):
            continue
        gaps = zip([(0, 0), *bad], [*bad, (len(sample), 0)])
        kept = b"".join(sample[end:start] for (_, end), (start, _) in gaps)
        if encoding == "utf-8" or _detect(kept)[0] == encoding:
            found.append((len(bad), encoding))
    if not found:
        return None
    encoding = min(found)[1]
    return _decode_lenient(raw, encoding, (f"DC05 not clean in any encoding: read as {encoding}",))


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
    for encoding, newline in (("utf-16-le", b"\n\x00"), ("utf-16-be", b"\x00\n")):
        if _mostly_cjk_utf16(sample, encoding, newline):
            return encoding
    return None


def _mostly_cjk_utf16(sample: bytes, encoding: str, newline: bytes) -> bool:
    """All-CJK UTF-16 has NULs only in its line ends, and decodes without surrogate errors."""
    if newline not in sample:
        return False
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "\n\r")
    return cjk > len(text) * 0.6


def _detect(raw: bytes) -> tuple[str | None, bool]:
    """chardet's guess (widened to a superset), and whether it calls the bytes binary."""
    import chardet  # imported here: it is slow to import and rarely needed

    result = chardet.detect(raw)
    guess = result.get("encoding")
    if not guess:
        return None, result.get("mime_type") == "application/octet-stream"
    name = codecs.lookup(guess).name
    return _WIDEN.get(name, name), False


def _decode_lenient(raw: bytes, encoding: str, warnings: tuple[str, ...]) -> Decoded:
    """Decode; bad sequences become U+FFFD and their byte offsets are reported."""
    try:
        text, bad = _decode_noting(raw, encoding)
    except LookupError as error:
        raise DecodeError(f"unknown encoding {encoding!r}") from error
    if bad:
        shown = ", ".join(str(start) for start, _ in bad[:5]) + (" …" if len(bad) > 5 else "")
        warnings += (f"DC04 {len(bad)} invalid byte sequence(s) in {encoding} at byte {shown}",)
    return Decoded(text, encoding, warnings)


def _decode_noting(raw: bytes, encoding: str) -> tuple[str, list[tuple[int, int]]]:
    """Decode with U+FFFD for bad sequences; also return their (start, end) byte offsets."""
    _BAD.spans = []
    text = raw.decode(encoding, errors="cleanup-note")
    return text, _BAD.spans


_BAD = threading.local()


def _note_bad_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    _BAD.spans.append((error.start, error.end))
    return "\ufffd", error.end


codecs.register_error("cleanup-note", _note_bad_bytes)

"""Checks of option values, made before anything is read or written (exit 2, one line)."""

from __future__ import annotations

import codecs


def encoding_problem(name: str | None) -> str:
    """Why `--encoding NAME` cannot decode a page, or "" when it can.

    >>> encoding_problem("GBK"), encoding_problem("nosuch"), encoding_problem("base64")
    ('', "unknown encoding 'nosuch'", "'base64' is not a text encoding")
    """
    if name is None:
        return ""
    try:
        codecs.lookup(name)
    except LookupError:
        return f"unknown encoding {name!r}"
    try:
        b"x".decode(name, "ignore")
    except LookupError:  # a codec, but of bytes to bytes (base64, zlib) or str to str (rot13)
        return f"{name!r} is not a text encoding"
    return ""


def conversion_problem(name: str | None) -> str:
    """Why `--convert NAME` names no OpenCC configuration, or "" when it does (loads OpenCC)."""
    if name is None:
        return ""
    import opencc  # only when a conversion is asked for: it is slow to load

    try:
        opencc.OpenCC(name if name.endswith(".json") else f"{name}.json")
    except Exception:  # noqa: BLE001  (the binding raises RuntimeError, or others, for a missing file)
        return f"no OpenCC configuration {name!r} (t2s, s2t, tw2s, hk2s, s2twp, …)"
    return ""

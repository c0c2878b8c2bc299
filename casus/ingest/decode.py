"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 when the bytes are clearly text."""
from __future__ import annotations

import codecs
import re

from casus.model import InputError

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc minus whitespace
_MAX_CONTROL_SHARE = 0.001


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of `head` announces, else None."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def decode(data: bytes, file: str, line: int | None = None) -> str:
    """Decode a document's bytes, raising InputError for binary or undecodable content."""
    encoding = bom_encoding(data[:4])
    if encoding == "utf-16":
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(file, f"undecodable UTF-16 ({exc.reason} at byte {exc.start})", line) from None
    else:
        if b"\x00" in data:
            raise InputError(file, "binary content (NUL bytes), not text", line)
        try:
            text = data.decode(encoding or "utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(file, "undecodable bytes: neither UTF-8 nor cp1252/Latin-1 text", line) from None
    if not looks_like_text(text):
        raise InputError(file, "binary content (control characters), not text", line)
    return text


def looks_like_text(text: str) -> bool:
    """False when control characters other than whitespace are more than a trace of the text."""
    if "\x00" in text:
        return False
    limit = max(1, int(len(text) * _MAX_CONTROL_SHARE))
    return sum(1 for _ in zip(range(limit + 1), _CONTROLS.finditer(text))) <= limit

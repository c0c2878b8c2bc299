"""Opening inputs: files (gzip or not) as byte streams, and byte lines decoded to numbered text lines."""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from casus.ingest.decode import bom_encoding, decode, looks_like_text
from casus.model import InputError

_READ_ERRORS = (OSError, EOFError, zlib.error)


def check_file(path: str) -> Path:
    """The path as a Path if it names a readable file, else InputError."""
    p = Path(path)
    if p.is_dir():
        raise InputError(path, "is a directory, not a file")
    if not p.exists():
        raise InputError(path, "no such file")
    return p


@contextmanager
def open_binary(path: str) -> Iterator[BinaryIO]:
    """Open a file for reading bytes, unpacking gzip when the name ends in .gz."""
    p = check_file(path)
    try:
        stream = gzip.open(p, "rb") if p.suffix == ".gz" else open(p, "rb")
    except OSError as exc:
        raise InputError(path, f"cannot open: {exc.strerror or exc}") from None
    with stream:
        yield stream


def read_all(path: str) -> bytes:
    """All bytes of a file, unpacked if gzip."""
    with open_binary(path) as stream:
        try:
            return stream.read()
        except _READ_ERRORS as exc:
            raise InputError(path, f"cannot read: {exc}") from None


def text_lines(byte_lines: Iterable[bytes], file: str) -> Iterator[tuple[int, str]]:
    """Numbered text lines (line ends kept) from byte lines, decoding each and rejecting binary ones."""
    it = iter(byte_lines)
    number = 0
    try:
        first = next(it, b"")
        if bom_encoding(first[:4]) == "utf-16":  # UTF-16 cannot be split on b"\n": decode it whole
            text = decode(first + b"".join(it), file)
            for number, line in enumerate(text.splitlines(keepends=True), 1):
                yield number, line
            return
        if first.startswith(b"\xef\xbb\xbf"):
            first = first[3:]
        for number, raw in enumerate(_chain(first, it), 1):
            yield number, _decode_line(raw, file, number)
    except _READ_ERRORS as exc:
        raise InputError(file, f"cannot read: {exc}", number + 1) from None


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _decode_line(raw: bytes, file: str, number: int) -> str:
    if b"\x00" in raw:
        raise InputError(file, "binary content (NUL bytes), not text", number)
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode(raw, file, number)
    if not looks_like_text(line):
        raise InputError(file, "binary content (control characters), not text", number)
    return line

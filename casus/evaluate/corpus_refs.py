"""Corpus texts for gold files that hold references only: (corpus file, document id) → the document's text.

Gold kept in the repository (e.g. `eval/annotated/sentences.jsonl`) names each document by the corpus
file it comes from under `../shared/corpus` and its id, with character offsets into the raw corpus
text. Ids follow `../shared/eval/events/judged_realnews`: `bbc/<section>/<file>`,
`wikinews_<year>/<title, first 80 characters>`, `reuters/<record id>`. `casus code` normalises some
whitespace when it reads a record, so offsets are carried over by counting the characters that are
not whitespace, which reading leaves as they are.
"""
from __future__ import annotations

import bisect
import csv
import gzip
import json
import os
import re
from pathlib import Path

from casus.model import InputError

_SPACE = re.compile(r"\s")


def shared_folder(near: Path) -> Path | None:
    """The research data folder: $CASUS_SHARED, else a `shared` folder beside an ancestor of `near`."""
    if os.environ.get("CASUS_SHARED"):
        p = Path(os.environ["CASUS_SHARED"])
        return p if (p / "corpus").is_dir() else None
    for parent in [near.resolve(), *near.resolve().parents]:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return None


def _bbc_text(raw: bytes) -> str:
    try:  # most BBC files are Latin-1; some are UTF-8
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def corpus_texts(corpus: Path, refs: dict[str, str]) -> dict[str, str]:
    """The raw text of each referenced document, {doc_id: text}, from `refs` {doc_id: corpus file}."""
    out: dict[str, str] = {}
    wanted: dict[str, set[str]] = {}
    for doc_id, file in refs.items():
        wanted.setdefault(file, set()).add(doc_id)
    for file, ids in wanted.items():
        path = corpus / file
        if not path.exists():
            raise InputError(str(path), "corpus file of an annotated document is missing")
        if file.startswith("bbc_news/"):
            for doc_id in ids:
                out[doc_id] = _bbc_text(path.read_bytes())
        elif file.endswith(".csv"):
            year = path.stem.rsplit("_", 1)[-1]
            csv.field_size_limit(10**9)
            with open(path, newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    doc_id = f"wikinews_{year}/{row['title'][:80]}"
                    if doc_id in ids:  # the last row of an id, as the judged sets read them
                        out[doc_id] = row["text"]
        elif file.endswith(".jsonl.gz"):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    r = json.loads(line)
                    if f"reuters/{r['id']}" in ids:
                        out[f"reuters/{r['id']}"] = r["text"]
        else:
            raise InputError(str(path), "unknown corpus file (want bbc_news/…, wikinews_*.csv or *.jsonl.gz)")
    missing = set(refs) - set(out)
    if missing:
        raise InputError(str(corpus), f"{len(missing)} annotated documents not found, e.g. {min(missing)}")
    return out


class OffsetMap:
    """Carries character offsets between a raw text and the same text with whitespace normalised."""

    def __init__(self, raw: str, read: str) -> None:
        self._raw = [i for i, ch in enumerate(raw) if not _SPACE.match(ch)]
        self._read = [i for i, ch in enumerate(read) if not _SPACE.match(ch)]
        self.aligned = [raw[i] for i in self._raw] == [read[i] for i in self._read]
        self._raw_len, self._read_len = len(raw), len(read)

    def to_read(self, at: int) -> int:
        """The offset in the read text of the first non-space character at or after raw offset `at`."""
        k = bisect.bisect_left(self._raw, at)
        return self._read[k] if k < len(self._read) else self._read_len

    def to_read_end(self, end: int) -> int:
        """The end offset in the read text of a raw span ending at `end` (just past its last non-space)."""
        k = bisect.bisect_left(self._raw, end) - 1
        return self._read[k] + 1 if k >= 0 else 0

    def to_raw(self, at: int) -> int:
        """The offset in the raw text of the first non-space character at or after read offset `at`."""
        k = bisect.bisect_left(self._read, at)
        return self._raw[k] if k < len(self._raw) else self._raw_len

    def to_raw_end(self, end: int) -> int:
        """The end offset in the raw text of a read span ending at `end` (just past its last non-space)."""
        k = bisect.bisect_left(self._read, end) - 1
        return self._raw[k] + 1 if k >= 0 else 0

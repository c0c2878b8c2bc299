"""The fixed train / dev / check split of judged real-news documents, by document id."""
from __future__ import annotations

import hashlib

SPLITS = ("train", "dev", "check")


def split_of(doc_id: str) -> str:
    """The split a document belongs to: 60% train, 20% dev, 20% check, stable across runs and machines.

    The check split is only ever scored: no rule, lexicon row or threshold is written from reading it.
    """
    bucket = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "check"

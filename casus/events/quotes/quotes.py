"""Find direct and indirect quotes in a parsed document and attribute them to speakers.

Which quoted runs are quotes is decided in casus.events.quotes.quote_marks, who said them (and the
indirect speech outside marks) in casus.events.quotes.quote_speakers; this module joins the two.
A quote split by its attribution ("We will," he said, "continue talks") gives two records
with the same speaker mention, which PolNeAR counts as one Content (see
casus.evaluate.quotes). Indirect speech ("X said that ...", "according to X, ...") gives
records with direct=False whose text is the reported clause.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from casus.events.quotes.quote_marks import Marked, continues, is_standalone, quoted_runs, trim
from casus.events.quotes.quote_speakers import Speakers
from casus.events.ontology import read_words
from casus.model import Actor, ActorMention, ParsedDoc, Quote

DATA = Path(__file__).resolve().parent.parent / "data" / "speech_verbs.txt"
NAMES = Path(__file__).resolve().parent.parent / "data" / "given_names.tsv"
TRANSCRIPT = re.compile(r"([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}):\s+")


@lru_cache(maxsize=4)
def speech_verbs(path: str | Path = DATA) -> frozenset[str]:
    """Load speech-verb lemmas from a data file (one per line, '#' comments)."""
    return read_words(path)


@lru_cache(maxsize=4)
def given_names(path: str | Path = NAMES) -> dict[str, str]:
    """Load given names with their gender ('f' or 'm') from a TSV data file."""
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cols = line.split("#", 1)[0].strip().split("\t")
        if len(cols) == 2:
            out[cols[0].strip().lower()] = cols[1].strip()
    return out


def find_quotes(doc: ParsedDoc, actors: Sequence[ActorMention] = (), verbs: frozenset[str] | None = None,
                names: dict[str, str] | None = None, unattributed: bool = False) -> list[Quote]:
    """Direct quotes (direct=True) and indirect speech (direct=False) with resolved speakers.

    Quoted runs with no speaker found (titles, block quotes, scare quotes) are left out
    unless `unattributed` is true.
    """
    verbs = speech_verbs() if verbs is None else verbs
    names = given_names() if names is None else names
    text = doc.article.text
    runs = quoted_runs(text, *doc.parsed_lines())
    speakers = Speakers(doc, actors, verbs, names, [(r.open_at, (r.close_at if r.close_at is not None else r.end) + 1) for r in runs])
    found: list[tuple[Marked, int, int, Actor | None]] = []
    prev_close = 0
    for run in runs:
        standalone = is_standalone(text, run, prev_close, verbs)
        prev_close = (run.close_at if run.close_at is not None else run.end) + 1
        start, end = trim(text, run.start, run.end)
        if not standalone or start >= end:
            continue
        label = TRANSCRIPT.match(text, start, end)
        if label:
            speaker = Actor(label.group(1), start, label.end(1), name=label.group(1).title(), kind="person",
                            reason="speaker: transcript label 'NAME:'")
            start = label.end()
        else:
            speaker = speakers.for_quote(run.open_at, run.close_at, run.end)
        found.append((run, start, end, speaker))
    for k in range(len(found) - 2, -1, -1):  # an unclosed paragraph takes the speaker of the quote reopening after it
        run, start, end, speaker = found[k]
        nxt = found[k + 1]
        if speaker is None and run.close_at is None and not text[run.end:nxt[0].open_at].strip():
            found[k] = (run, start, end, nxt[3])
    quotes: list[Quote] = []
    for run, start, end, speaker in found:
        if speaker is None and quotes and continues(text, quotes[-1], run):
            speaker = quotes[-1].speaker
        if speaker is not None or unattributed:
            quotes.append(Quote(text[start:end], start, end, speaker, True))
    quotes.extend(speakers.indirect([(q.start, q.end) for q in quotes]))
    return sorted(quotes, key=lambda q: (q.start, q.end))

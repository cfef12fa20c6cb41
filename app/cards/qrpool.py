"""The QR codes of a print job, encoded in a second process while this one draws the cards.

Encoding a code is about half the CPU time of a card, and zxing-cpp holds the interpreter
lock while it encodes, so a thread would not help; a second process on the second core
does. It is started with "spawn" on every system (a fork of a process running Qt threads
is unsafe, and Windows has nothing else); the frozen executables call
``multiprocessing.freeze_support()`` first thing, so that the child they start runs only
this module's task. Small jobs, one-core machines and a process that cannot be started
encode in this process: the result is the same bits either way.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from app.cards.qr import Bits, qr_bits, qr_bits_many

log = logging.getLogger(__name__)

PARALLEL_FROM = 200  # cards: below this, starting a process costs more than it saves
CHUNK = 10  # codes a task: one A4 sheet


def _second_core() -> bool:
    return (os.cpu_count() or 1) >= 2


@contextlib.contextmanager
def encoded(payloads: Sequence[str]) -> Iterator[Iterator[Bits]]:
    """The codes of ``payloads`` in order, each available as soon as it is encoded.

    The second process (if any) ends when the block ends, also when the job is cancelled.
    If it cannot start or dies, the codes it did not deliver are encoded in this process.
    """
    if len(payloads) < PARALLEL_FROM or not _second_core():
        yield (qr_bits(p) for p in payloads)
        return
    chunks = [payloads[i : i + CHUNK] for i in range(0, len(payloads), CHUNK)]
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        try:
            futures = [pool.submit(qr_bits_many, chunk) for chunk in chunks]
        except (OSError, RuntimeError, BrokenProcessPool) as exc:
            log.warning("QR codes encoded in this process: %s", exc)
            futures = []
        yield _collect(chunks, futures)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _collect(chunks: list[Sequence[str]], futures: list[Future[list[Bits]]]) -> Iterator[Bits]:
    """Each chunk's codes in order: the second process works from the front; whenever
    its result is not ready yet, this process encodes a chunk from the back (one the
    second process has not started) instead of waiting, so both cores stay busy."""
    mine: dict[int, list[Bits]] = {}
    tail = len(futures) - 1
    for i, chunk in enumerate(chunks):
        if i in mine:
            yield from mine.pop(i)
            continue
        if i < len(futures):
            future = futures[i]
            while not future.done() and tail > i:
                if futures[tail].cancel():
                    mine[tail] = qr_bits_many(chunks[tail])
                    tail -= 1
                else:  # the second process has reached the back: wait for it
                    tail = i
            try:
                yield from future.result()
                continue
            except BrokenProcessPool as exc:
                log.warning("QR codes encoded in this process: %s", exc)
                futures = futures[:i]
        yield from qr_bits_many(chunk)

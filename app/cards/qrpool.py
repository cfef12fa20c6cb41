"""The QR codes of a print job, encoded in a second process while this one draws the cards.

Encoding a code is about half the CPU time of a card, and zxing-cpp holds the interpreter
lock while it encodes, so a thread would not help; a second process on the second core
does. It is started with "spawn" on every system (a fork of a process running Qt threads
is unsafe, and Windows has nothing else); the frozen executables call
``multiprocessing.freeze_support()`` first thing, so that the child they start runs only
this module's task. Small jobs, one-core machines and a process that cannot be started
encode in this process: the result is the same bits either way.

The job's codes go in chunks of one sheet. The helper gets every chunk at its start and
takes them from the front, one at a time, sending each chunk's bits back through a pipe as
soon as they are encoded; this process takes chunks from the back whenever the chunk it
needs next has not arrived, so neither core waits. Who takes which chunk is settled by two
shared counters under one lock, so no chunk is encoded twice. Nothing in this process runs
in a thread: a thread feeding a process pool (``concurrent.futures``) waits for the
interpreter lock while the drawing thread encodes, and the helper then idles.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

from app.cards.qr import Bits, qr_bits, qr_bits_many

log = logging.getLogger(__name__)

PARALLEL_FROM = 200  # cards: below this, starting a process costs more than it saves
CHUNK = 10  # codes a chunk: one A4 sheet


def _second_core() -> bool:
    return (os.cpu_count() or 1) >= 2


def _work(chunks: Sequence[Sequence[str]], bounds: Any, out: Connection) -> None:
    """The helper: ``bounds`` is [next chunk from the front, first chunk taken from the
    back]; take chunks from the front until they meet, sending (index, bits) of each."""
    try:
        while True:
            with bounds.get_lock():
                i = bounds[0]
                if i >= bounds[1]:
                    return
                bounds[0] = i + 1
            out.send((i, qr_bits_many(chunks[i])))
    except (BrokenPipeError, EOFError, OSError):
        return  # the job ended (or was cancelled) and closed its end
    finally:
        out.close()


class _Helper:
    """The second process and this process's side of their bargain."""

    def __init__(self, chunks: Sequence[Sequence[str]]) -> None:
        spawn = multiprocessing.get_context("spawn")
        self.bounds = spawn.Array("i", [0, len(chunks)])
        self.results, sender = spawn.Pipe(duplex=False)
        self.process = spawn.Process(
            target=_work, args=(chunks, self.bounds, sender), daemon=True, name="lindungi-qr"
        )
        try:
            self.process.start()
        finally:
            sender.close()

    def take_front(self, i: int) -> bool:
        """Take chunk ``i`` for this process if the helper has not taken it."""
        with self.bounds.get_lock():
            if self.bounds[0] <= i:
                self.bounds[0] = i + 1
                return True
            return False

    def take_back(self, after: int) -> int | None:
        """Take the last chunk nobody has taken, if it lies after chunk ``after``."""
        with self.bounds.get_lock():
            last = int(self.bounds[1]) - 1
            if last > after and last >= self.bounds[0]:
                self.bounds[1] = last
                return last
            return None

    def stop(self) -> None:
        with self.bounds.get_lock():
            self.bounds[1] = self.bounds[0]  # the helper takes nothing more
        self.results.close()  # a helper blocked sending gets a broken pipe
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


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
    try:
        helper: _Helper | None = _Helper(chunks)
    except (OSError, RuntimeError) as exc:
        log.warning("QR codes encoded in this process: %s", exc)
        helper = None
    try:
        yield _collect(chunks, helper)
    finally:
        if helper is not None:
            helper.stop()


def _collect(chunks: Sequence[Sequence[str]], helper: _Helper | None) -> Iterator[Bits]:
    """Each chunk's codes in order, from whichever process encoded it."""
    mine: dict[int, list[Bits]] = {}
    for i, chunk in enumerate(chunks):
        if i in mine:
            yield from mine.pop(i)
        elif helper is None or helper.take_front(i):
            yield from qr_bits_many(chunk)
        else:  # the helper took it: encode chunks from the back until it arrives
            try:
                while not helper.results.poll():
                    last = helper.take_back(i)
                    if last is None:
                        break
                    mine[last] = qr_bits_many(chunks[last])
                index, bits = helper.results.recv()
                if index != i:
                    raise OSError(f"chunk {index} arrived for {i}")
                yield from bits
            except (EOFError, OSError) as exc:  # the helper died
                log.warning("QR codes encoded in this process: %s", exc)
                helper = None
                yield from qr_bits_many(chunk)

"""The processes that run SQL typed by a user (``worker.py``), seen from the program that asks.

A pool keeps up to ``Limits.workers`` worker processes, started when first needed and reused. A query takes
an idle one (or starts one), sends it the checked statement and waits: for the warehouse to open (which may
wait for a writer), then for the answer until the time limit and a short grace. A worker that does not
answer by then is killed, and so is one that ran out of memory; the next query starts a fresh one. When
every worker is busy a query waits for one, up to twice the time limit and a second, then is turned away.
"""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import models
from models.warehouse import errors
from models.warehouse.errors import SqlLimitHit, WarehouseBusy
from models.warehouse.sandbox.limits import Answer, Limits

__all__ = ["Pool", "pool_for", "shutdown"]

#: seconds a worker may overrun its time limit before it is killed (an interrupt normally lands sooner)
GRACE_S = 0.25
#: the exceptions a worker may report, by name
_ERRORS = {
    name: getattr(errors, name)
    for name in ("WarehouseError", "WarehouseBusy", "WarehouseMissing", "SchemaMismatch", "QueryRefused",
                 "SqlSyntaxError", "SqlNotAllowed", "SqlLimitHit", "SqlFailed")
}
_ROOT = Path(models.__file__).resolve().parent.parent


class _Worker:
    """One worker process and the socket to it."""

    def __init__(self, memory_mb: int) -> None:
        ours, theirs = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(_ROOT), os.environ.get("PYTHONPATH")])))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "models.warehouse.sandbox.worker", str(theirs.fileno()), str(memory_mb)],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            env=env,
        )
        theirs.close()
        self.conn = Connection(ours.detach())

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.conn.close()


class Pool:
    """Up to ``workers`` worker processes with the address space of ``memory_mb`` queries."""

    def __init__(self, workers: int, memory_mb: int) -> None:
        self.workers, self.memory_mb = workers, memory_mb
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._live = 0
        self._cond = threading.Condition()

    def run(self, path: Path, statement: str, limits: Limits, lock_wait_s: float) -> Answer:
        """Run a checked statement on the warehouse at ``path`` in a worker; raises WarehouseError."""
        worker = self._acquire(2 * limits.timeout_s + 1)
        keep = False
        try:
            worker.conn.send({"path": str(path), "statement": statement, "limits": limits, "lock_wait_s": lock_wait_s})
            if not worker.conn.poll(lock_wait_s + 10):
                raise WarehouseBusy(f"{path}: the warehouse could not be opened within {lock_wait_s:g} s")
            reply = worker.conn.recv()
            if reply[0] == "running":
                if not worker.conn.poll(limits.timeout_s + GRACE_S):
                    raise SqlLimitHit(limits.describe_time())
                reply = worker.conn.recv()
            keep = not (reply[0] == "error" and reply[3])
            if reply[0] == "error":
                raise _ERRORS.get(reply[1], errors.WarehouseError)(reply[2])
            answer: Answer = reply[1]
            return answer
        except (EOFError, OSError):  # the process ended: its address space ran out, or it crashed
            raise SqlLimitHit(
                f"{limits.describe_memory()} (the process running it ended)"
            ) from None
        finally:
            self._release(worker, keep)

    def _acquire(self, wait_s: float) -> _Worker:
        deadline = time.monotonic() + wait_s
        with self._cond:
            while not self._idle and self._live >= self.workers:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SqlLimitHit(
                        f"Query stopped: the SQL sandbox is busy ({self.workers} queries running, the most it runs "
                        f"at once); try again in a moment"
                    )
                self._cond.wait(left)
            if self._idle:
                return self._idle.pop()
            self._live += 1
        try:
            worker = _Worker(self.memory_mb)
        except BaseException:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            raise
        with self._cond:
            self._all.add(worker)
        return worker

    def _release(self, worker: _Worker, keep: bool) -> None:
        if not keep:
            worker.kill()
        with self._cond:
            if keep:
                self._idle.append(worker)
            else:
                self._live -= 1
                self._all.discard(worker)
            self._cond.notify()

    def shutdown(self) -> None:
        """End the idle workers (busy ones end when their query does and they find the socket closed)."""
        with self._cond:
            idle, self._idle = self._idle, []
            self._live -= len(idle)
            self._all.difference_update(idle)
        for w in idle:
            w.kill()

    def pids(self) -> list[int]:
        """Process ids of the live workers, idle or busy (for tests and the benchmark's memory figures)."""
        with self._cond:
            return [w.proc.pid for w in self._all]


_POOLS: dict[tuple[int, int], Pool] = {}
_POOLS_LOCK = threading.Lock()


def pool_for(limits: Limits) -> Pool:
    """This program's pool for queries with these limits' worker count and memory."""
    key = (limits.workers, limits.memory_mb)
    with _POOLS_LOCK:
        if key not in _POOLS:
            _POOLS[key] = Pool(*key)
        return _POOLS[key]


@atexit.register
def shutdown() -> None:
    """End every pool's idle workers."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
    for p in pools:
        p.shutdown()



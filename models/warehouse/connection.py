"""Opening the warehouse file: short-lived connections retried while another process holds it, the advisory
lock that keeps two loaders apart, and the file a crash left unfinished.

Concurrency: DuckDB lets one process hold a file for writing and locks out every other process, readers
included. So nobody here holds a connection for long. Readers (the CLI, the dashboard) open a read-only
connection per question and close it; the loader opens its read-write connection once per batch of articles
and closes it at once, so its extraction work never holds the lock. Both sides retry for a bounded time when
the other side holds the file. Two loaders at once are kept apart by an advisory lock file held for a whole
ingest (``ingest_lock``).

Writable connections never checkpoint (``WRITE_CONFIG``): DuckDB rewrites a block of the file in place when
it checkpoints, and a kill during that write leaves a file it refuses. Their commits stay in the write-ahead
log until ``checkpoint.fold`` folds it in through a copy (see ``models/warehouse/checkpoint.py``).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from models.warehouse.checkpoint import finish_interrupted, wal_path
from models.warehouse.errors import WarehouseBusy, WarehouseError, WarehouseMissing, first_line

__all__ = ["open_connection", "fresh_instance", "file_version", "prepare_file", "ingest_lock", "unfinished_file", "WRITE_CONFIG"]

#: a writable connection never checkpoints the file: not when its log grows (the threshold is out of reach)
#: and not on closing (``PRAGMA disable_checkpoint_on_shutdown``, set in ``open_connection``)
WRITE_CONFIG = {"checkpoint_threshold": "1000000GB"}

_LOCK_WORDS = ("Could not set lock", "Conflicting lock", "database is locked")
#: DuckDB writes three 4 KB headers one by one after creating a file
_HEADERS_BYTES = 3 * 4096


def file_version(path: Path) -> tuple[int, ...] | None:
    """Changes whenever a write commits or a fold replaces the file: inode, modification time and size of
    the file and of its write-ahead log; None when there is no file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    try:
        wal = os.stat(wal_path(path))
        wal_v: tuple[int, ...] = (wal.st_ino, wal.st_mtime_ns, wal.st_size)
    except FileNotFoundError:
        wal_v = ()
    return (st.st_ino, st.st_mtime_ns, st.st_size, *wal_v)


@dataclass
class _Instance:
    """The connections of this process open on one path, and the file's version when the first opened."""

    version: tuple[int, ...] | None
    threads: Counter[int] = field(default_factory=Counter)


_OPEN: dict[str, _Instance] = {}
_CHANGED = threading.Condition()


@contextlib.contextmanager
def fresh_instance(path: Path, wait_s: float) -> Iterator[None]:
    """Hold while a connection to ``path`` is open, so that it reads the file as it is now.

    DuckDB's Python client gives every connection a process opens on one path the same database instance
    while any of them is open, and an instance keeps reading the file it opened: after ``checkpoint.fold``
    renamed a new file over the path, a connection joining it would read the old one (the dashboard's
    callbacks overlap, so one instance could outlive a whole ingest). So a connection joins the open ones only
    while the file is unchanged since they opened; otherwise it waits (up to ``wait_s`` seconds) for them to
    close, and opens a new instance. A thread that already holds one never waits for itself."""
    key = os.path.abspath(path)
    me = threading.get_ident()
    deadline = time.monotonic() + wait_s
    with _CHANGED:
        while True:
            now = file_version(path)
            held = _OPEN.get(key)
            if held is None or held.version == now or me in held.threads:
                break
            left = deadline - time.monotonic()
            if left <= 0:
                raise WarehouseBusy(f"{path}: this process still reads an older state of the warehouse; "
                                    f"waited {wait_s:g} s")
            _CHANGED.wait(min(left, 0.25))
        if held is None:
            held = _OPEN[key] = _Instance(now)
        held.threads[me] += 1
    try:
        yield
    finally:
        with _CHANGED:
            held.threads[me] -= 1
            if held.threads[me] == 0:
                del held.threads[me]
            if not held.threads:
                del _OPEN[key]
                _CHANGED.notify_all()


def _is_lock_error(exc: BaseException) -> bool:
    return any(w in str(exc) for w in _LOCK_WORDS)


def prepare_file(path: Path, read_only: bool) -> None:
    """Finish a checkpoint a kill interrupted; refuse to read a file that is not there yet; before a write,
    clear one a crash left unfinished."""
    try:
        finish_interrupted(path)
    except OSError:
        if not read_only:
            raise  # a reader without write access reads the file as it is (an older state, still whole)
    empty = unfinished_file(path)
    if read_only and (empty or not path.exists()):
        raise WarehouseMissing(f"{path}: no warehouse here yet; run `startup-health ingest PATH` to create it")
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        if empty:  # holds nothing; DuckDB refuses to open it, so start afresh
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def open_connection(
    path: Path, *, read_only: bool, config: dict[str, Any], lock_wait_s: float
) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, retried for up to ``lock_wait_s`` seconds while another process holds it;
    a writable one never checkpoints (``WRITE_CONFIG``)."""
    deadline = time.monotonic() + lock_wait_s
    delay = 0.01
    if not read_only:
        config = {**config, **WRITE_CONFIG}
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            if not read_only:
                con.execute("PRAGMA disable_checkpoint_on_shutdown")
            return con
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise WarehouseError(f"{path}: cannot open the warehouse: {first_line(exc)}") from None
            if time.monotonic() >= deadline:
                raise WarehouseBusy(f"{path}: another process holds the warehouse; waited {lock_wait_s:g} s") from None
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextlib.contextmanager
def ingest_lock(db_path: Path, wait_s: float = 30.0, poll_s: float = 0.2) -> Iterator[None]:
    """Hold the advisory lock that keeps two loaders from writing one warehouse at once.

    Waits up to ``wait_s`` seconds for another loader to finish, then raises WarehouseBusy.
    """
    lock_path = Path(str(db_path) + ".ingest.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
                    raise WarehouseBusy(
                        f"{db_path}: another ingest (pid {holder}) is writing this warehouse; "
                        f"waited {wait_s:g} s. Try again when it has finished."
                    ) from None
                time.sleep(poll_s)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing releases the flock



def unfinished_file(path: Path) -> bool:
    """A file DuckDB created but never finished: it writes three 4 KB headers one by one after creating the file,
    so a crash in between leaves 0, 4 or 8 KB that hold nothing and that DuckDB refuses to open."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEADERS_BYTES)
    except OSError:
        return False
    return len(head) == 0 or (len(head) < _HEADERS_BYTES and head[8:12] == b"DUCK")

"""Checkpoints that a kill cannot tear: the warehouse file is never rewritten in place.

Why: a DuckDB checkpoint (2.0.1, and every version with the metadata manager of 0.9+) writes the new
metadata into the free 4 KB slots of the 256 KB metadata block that the file's current header still points
at, rewriting that whole block in place with one ``pwrite``. Linux stops a write between pages when the
process gets SIGKILL, so a kill during that write leaves the block half old, half new: its checksum fails
and DuckDB refuses the file ("Corrupt database file: computed checksum ... does not match stored checksum
in block at location 12288"), write-ahead log or not. Every checkpoint has that window (0.05 to 5 ms here),
so a warehouse checkpointed at each batch's close broke in about one of 20 kills aimed at the end of a
commit. See the README (Reliability) for the reproduction.

So writable connections never checkpoint (``connection.WRITE_CONFIG``): committed batches stay in DuckDB's
write-ahead log ``<db>.wal`` beside the untouched file. ``fold`` folds the log into a copy instead, and the
copy replaces the file with a rename:

1. copy ``<db>`` and ``<db>.wal`` to ``<db>.checkpoint-<token>`` and its ``.wal`` (a kill leaves the
   warehouse as it was, and a stray copy that the next ``fold`` removes);
2. open the copy and CHECKPOINT it (DuckDB folds the log in and removes the copy's log);
3. rename ``<db>.wal`` to ``<db>.wal.done-<token>``: from here the finished copy is the warehouse;
4. rename the copy over ``<db>``; 5. remove ``<db>.wal.done-<token>``.

A kill between 3 and 5 is finished by ``finish_interrupted``, which every open runs first (readers too).
Every moment leaves a file DuckDB opens holding every committed batch (before step 3 with its log).
Run ``fold`` under the ingest lock, with no connection of this process open on the file.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from pathlib import Path

import duckdb

from models.warehouse.errors import WarehouseError, first_line

__all__ = ["fold", "fold_if_big", "finish_interrupted", "wal_path", "FOLD_BYTES"]

#: a writable connection folds the log when it has grown past this (readers replay the log on every open:
#: about 25 ms per MB here), and an ingest folds what is left at its end
FOLD_BYTES = 8 * 1024 * 1024
_FICLONE = 0x40049409  # Linux ioctl: a copy-on-write clone of a whole file (btrfs, XFS); ext4 copies


def wal_path(path: Path) -> Path:
    """DuckDB's write-ahead log of the database file ``path``."""
    return Path(f"{path}.wal")


def fold_if_big(path: Path, limit: int = FOLD_BYTES) -> bool:
    """``fold`` when the write-ahead log is larger than ``limit`` bytes; whether it folded."""
    try:
        size = wal_path(path).stat().st_size
    except FileNotFoundError:
        return False
    return size > limit and fold(path)


def fold(path: Path) -> bool:
    """Fold the write-ahead log into the warehouse file through a copy (see the module); False if there is
    no log. The file is never written in place, so a kill at any moment leaves one DuckDB opens."""
    finish_interrupted(path)
    wal = wal_path(path)
    if not (path.exists() and wal.exists()):
        return False
    for stray in path.parent.glob(f"{path.name}.checkpoint-*"):  # a copy a kill left behind (step 1 or 2)
        stray.unlink(missing_ok=True)
    token = f"{os.getpid()}-{time.time_ns()}"
    copy, done = Path(f"{path}.checkpoint-{token}"), Path(f"{path}.wal.done-{token}")
    try:
        _checkpointed_copy(path, copy)
    except (OSError, duckdb.Error, WarehouseError) as exc:
        for part in (copy, wal_path(copy)):
            part.unlink(missing_ok=True)
        raise WarehouseError(
            f"{path}: cannot fold the write-ahead log into the warehouse ({first_line(exc)}); the warehouse and "
            "its log are unchanged and the next ingest tries again"
        ) from None
    os.replace(wal, done)  # step 3: the copy is now the warehouse
    _fsync(path.parent)
    with contextlib.suppress(FileNotFoundError):  # a reader's ``finish_interrupted`` may have done it
        os.replace(copy, path)
    _fsync(path.parent)
    done.unlink(missing_ok=True)
    return True


def _checkpointed_copy(path: Path, copy: Path) -> None:
    """Steps 1 and 2: ``copy`` holds the warehouse with its log folded in, on disk, without a log."""
    _clone(path, copy)
    _clone(wal_path(path), wal_path(copy))
    con = duckdb.connect(str(copy))
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()
    if wal_path(copy).exists():
        raise WarehouseError("DuckDB kept the log of the checkpointed copy")
    _fsync(copy)


def finish_interrupted(path: Path) -> None:
    """Finish a ``fold`` that a kill stopped after its log was set aside (steps 3 to 5): the checkpointed copy
    replaces the file. Idempotent, and safe while a ``fold`` runs (each fold's files have their own token)."""
    for done in path.parent.glob(f"{path.name}.wal.done-*"):
        token = done.name[len(f"{path.name}.wal.done-"):]
        with contextlib.suppress(FileNotFoundError):
            os.replace(f"{path}.checkpoint-{token}", path)
            _fsync(path.parent)
        done.unlink(missing_ok=True)


def _clone(src: Path, dst: Path) -> None:
    """Copy ``src`` to a new file ``dst``, as a copy-on-write clone where the file system can."""
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        try:
            fcntl.ioctl(fout.fileno(), _FICLONE, fin.fileno())
            return
        except OSError:
            pass
    shutil.copyfile(src, dst)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

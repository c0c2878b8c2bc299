"""Who holds a store: a small `<db>.holder.json` written by the writing process, read by the one that waits.

DuckDB lets one process write a file, or several read it, never both. When a second process
cannot open the store, DuckDB's message names the holder's PID; the holder file (written
beside the store by every casus process that opens it for writing, removed on close) adds
the command and the time it started, and `/proc/<pid>/cmdline` stands in when there is none.
"""
from __future__ import annotations

import json
import os
import re
import sys
import time
from datetime import datetime, timezone

_PID = re.compile(r"\(PID (\d+)\)")
_LOCK_WORDS = ("could not set lock", "conflicting lock")


def holder_path(db: str) -> str:
    """The holder file of the store at `db`."""
    return db + ".holder.json"


def is_lock_conflict(message: str) -> bool:
    """True if DuckDB's error says another process holds the file."""
    low = message.lower()
    return any(w in low for w in _LOCK_WORDS)


def this_command(argv: list[str] | None = None) -> str:
    """This process's command line as a user typed it ('casus ingest a.jsonl', 'python script.py')."""
    argv = list(argv if argv is not None else getattr(sys, "orig_argv", sys.argv))
    for i, arg in enumerate(argv):
        if arg == "casus.cli" and i > 0 and argv[i - 1] == "-m" or os.path.basename(arg) == "casus":
            return " ".join(["casus", *argv[i + 1:]])
    return " ".join([os.path.basename(argv[0]) if argv else "python", *argv[1:]])


def write_holder(db: str, command: str) -> None:
    """Record this process as the store's writer (atomically; failures to write are ignored)."""
    info = {"pid": os.getpid(), "command": command,
            "since": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")}
    tmp = f"{holder_path(db)}.{os.getpid()}.tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(info, fh)
        os.replace(tmp, holder_path(db))
    except OSError:
        pass


def remove_holder(db: str) -> None:
    """Remove the holder file if it is this process's."""
    try:
        with open(holder_path(db), encoding="utf-8") as fh:
            if json.load(fh).get("pid") != os.getpid():
                return
        os.remove(holder_path(db))
    except (OSError, ValueError, AttributeError):
        pass


def describe_holder(db: str, message: str) -> str:
    """'pid 123 (casus ingest a.jsonl, since …)' from DuckDB's lock message and the holder file."""
    m = _PID.search(message)
    pid = int(m.group(1)) if m else None
    try:
        with open(holder_path(db), encoding="utf-8") as fh:
            info = json.load(fh)
        if pid is None or info.get("pid") == pid:
            return f"pid {info.get('pid')} ({info.get('command')}, since {info.get('since')})"
    except (OSError, ValueError, AttributeError):
        pass
    if pid is None:
        return "another process"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            argv = [a.decode("utf-8", "replace") for a in fh.read().split(b"\0") if a]
        return f"pid {pid} ({this_command(argv)})"
    except OSError:
        return f"pid {pid}"


def wait_steps(seconds: float):
    """Sleep in growing steps (0.1 s up to 1 s) until `seconds` have passed; yields before each retry."""
    deadline = time.monotonic() + max(0.0, seconds)
    step = 0.1
    while time.monotonic() < deadline:
        time.sleep(min(step, max(0.0, deadline - time.monotonic())))
        step = min(1.0, step * 1.5)
        yield

"""Helpers shared by the matrix benchmarks: run dagroute, read its timings and binary matrices."""
import re
import resource
import struct
import subprocess
import sys

import numpy as np


def run_dagroute(args):
    """Runs dagroute, returns (stderr text, peak RSS of that child in MB). Fails loudly on error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"dagroute failed with exit code {proc.returncode}: {' '.join(args)}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the maximum over all of them: only meaningful when it grew.
    return proc.stderr, (peak / 1024 if peak > before else None)


def timing(stderr, pattern):
    """The seconds of the progress line `... <pattern> ... in X s`."""
    m = re.search(re.escape(pattern) + r".* in ([0-9.]+) s", stderr)
    if not m:
        raise SystemExit(f"no timing line matching {pattern!r} in:\n{stderr}")
    return float(m.group(1))


def read_bin(path):
    """A DGMATRIX file as (seconds, metres) int32 arrays of shape rows × columns."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"DGMATRIX", "not a DGMATRIX file"
    version, rows, cols, _ = struct.unpack_from("<4I", data, 8)
    assert version == 1
    n = rows * cols
    seconds = np.frombuffer(data, dtype="<i4", count=n, offset=24).reshape(rows, cols)
    metres = np.frombuffer(data, dtype="<i4", count=n, offset=24 + 4 * n).reshape(rows, cols)
    return seconds, metres


def log(message):
    sys.stderr.write(message + "\n")
    sys.stderr.flush()

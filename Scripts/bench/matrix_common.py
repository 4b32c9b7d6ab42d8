"""Helpers shared by the matrix benchmarks: run dagroute, read its timings and binary matrices."""
import os
import re
import tempfile
import struct
import subprocess
import sys

import numpy as np


def run_dagroute(args):
    """Runs dagroute, returns (stderr text, peak RSS of that process in MB, its user + system CPU
    seconds). Fails loudly on error."""
    with tempfile.TemporaryFile(mode="w+") as err:
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read()
    if proc.returncode != 0:
        sys.stderr.write(text)
        raise SystemExit(f"dagroute failed with exit code {proc.returncode}: {' '.join(args)}")
    return text, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


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

"""Timing whole processes, in pairs.

Each run is a fresh process, timed with a monotonic clock around it. Peak memory (the
maximum resident set size) is read in separate runs through GNU time (`/usr/bin/time -f
%M`): the kernel counts into a child's peak the memory of the process it was forked from,
so a child forked straight from this Python script would be charged the script's own
memory, while GNU time is a small process to fork from.

Two commands are compared in alternating runs, A B A B …, and the ratio is taken pair by
pair: a machine whose speed drifts during the measurement (other work starting or ending,
the CPU clocking down) slows both members of a pair alike, so the ratios stay steady where
two separate series of runs would not.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from typing import Callable


GNU_TIME = "/usr/bin/time"


@dataclass
class Run:
    wall: float  # seconds, the whole process
    rss_kb: int  # peak resident set size
    stdout: str
    cpu: float = 0.0  # user + system seconds, with `rss` (all threads)


def run_once(cmd: list, rss: bool = False) -> Run:
    """Runs `cmd` to the end, with its peak memory if `rss` (otherwise 0); exits the
    benchmark with its output if it fails."""
    cmd = [str(c) for c in cmd]
    with tempfile.NamedTemporaryFile("w+") as err, tempfile.NamedTemporaryFile("r") as peak:
        if rss:
            cmd = [GNU_TIME, "-f", "%M %U %S", "-o", peak.name, *cmd]
        start = time.perf_counter()
        # stderr goes to a file, so a chatty child can never block on a full pipe while
        # its stdout is read.
        result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
        wall = time.perf_counter() - start
        if result.returncode != 0:
            err.seek(0)
            sys.exit(f"command failed ({result.returncode}): {' '.join(cmd)}\n"
                     f"{result.stdout}{err.read()}")
        figures = peak.read().split()[-3:] if rss else ["0", "0", "0"]
    return Run(wall, int(figures[0]), result.stdout, float(figures[1]) + float(figures[2]))


@dataclass
class Pair:
    a: Run
    b: Run
    b_time: float  # B's time as compared (its whole process, or what `b_time` extracts)

    @property
    def ratio(self) -> float:
        return self.a.wall / self.b_time


def paired(a: list, b: list, runs: int, b_time: Callable[[Run], float] = lambda r: r.wall
           ) -> tuple[list[Pair], Pair]:
    """One round of A then B through GNU time, for their peak memory (it also warms the
    file cache; its times are not counted), then `runs` timed rounds of A then B."""
    memory = Pair(run_once(a, rss=True), run_once(b, rss=True), 0.0)
    pairs = []
    for _ in range(runs):
        ra = run_once(a)
        rb = run_once(b)
        pairs.append(Pair(ra, rb, b_time(rb)))
    return pairs, memory


def median(values) -> float:
    return statistics.median(list(values))

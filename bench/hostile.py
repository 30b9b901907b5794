#!/usr/bin/env python3
"""Time and memory of folio on huge and hostile report.toml files: is it linear?

Run from the repository root after `cargo build --release`:

    python3 bench/hostile.py             # every case at two sizes
    python3 bench/hostile.py --only table

Each case is generated at a size n and at 2n (or 4n) and built once in a fresh process
with `folio check` (everything but writing the file) or `folio build`; the wall time and
peak resident memory (max RSS) are reported, with the ratio between the two sizes: about
2 (or 4) for linear growth, about 4 (or 16) for quadratic. A case still running after the
time limit is stopped and shown as "> limit". Results go to stdout and bench/HOSTILE.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FOLIO = REPO / "target" / "release" / "folio"
LIMIT_S = 120.0

HEAD = """[report]
title = "Hostile"
organisation = "Bench Trust"
period = "2024"
date = "2025-01-31"
"""


def headings(n: int) -> str:
    body = "".join(f"# Heading {i}\n\nA line of text under it.\n\n" for i in range(n))
    return HEAD + f'[[sections]]\ntitle = "One"\nbody = """\n{body}"""\n'


def table(n: int) -> str:
    rows = ",\n".join(f'  ["Row {i}", {i * 7}, {i * 13}]' for i in range(n))
    return (
        HEAD
        + '[[sections]]\ntitle = "One"\n[[sections.blocks]]\ntype = "table"\n'
        + 'columns = ["Name", "A", "B"]\n'
        + f"rows = [\n{rows}\n]\n"
    )


def long_word(n: int) -> str:
    return HEAD + f'[[sections]]\ntitle = "One"\nbody = "{"a" * n}"\n'


def body_text(n: int) -> str:
    words = ("The quick brown fox jumps over the lazy dog. " * (n // 45 + 1))[:n]
    paras = "\n\n".join(words[i : i + 2000] for i in range(0, len(words), 2000))
    return HEAD + f'[[sections]]\ntitle = "One"\nbody = """\n{paras}\n"""\n'


def unknown_keys(n: int) -> str:
    keys = "".join(f"unknown_{i} = 1\n" for i in range(n))
    return HEAD + keys + '[[sections]]\ntitle = "One"\n'


def emphasis(n: int) -> str:
    return HEAD + f'[[sections]]\ntitle = "One"\nbody = """{"a**b " * n}"""\n'


def sections(n: int) -> str:
    return HEAD + "".join(
        f'[[sections]]\ntitle = "Section {i}"\nbody = "Text of section {i}."\n'
        for i in range(n)
    )


def chart(n: int) -> str:
    data = ", ".join(f'{{ label = "L{i}", value = {i}.5 }}' for i in range(n))
    return (
        HEAD
        + '[[sections]]\ntitle = "One"\n[[sections.blocks]]\ntype = "chart"\n'
        + f"data = [{data}]\n"
    )


# name, generator, size, factor, command
CASES = [
    ("headings", headings, 25_000, 4, "check"),
    ("table rows", table, 25_000, 4, "check"),
    ("one long word (bytes)", long_word, 250_000, 4, "check"),
    ("body text (bytes)", body_text, 2_500_000, 4, "check"),
    ("unknown keys", unknown_keys, 25_000, 4, "check"),
    ("a**b runs", emphasis, 25_000, 4, "check"),
    ("sections", sections, 5_000, 4, "check"),
    ("chart bars", chart, 250, 4, "check"),
]


def run(source: str, command: str) -> tuple[float | None, int, int | None]:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "report.toml"
        path.write_text(source)
        start = time.perf_counter()
        proc = subprocess.Popen(
            [str(FOLIO), "-q", command, str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                return time.perf_counter() - start, usage.ru_maxrss // 1024, code
            if time.perf_counter() - start > LIMIT_S:
                proc.kill()
                _, _, usage = os.wait4(proc.pid, 0)
                return None, usage.ru_maxrss // 1024, None
            time.sleep(0.01)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="run only cases whose name contains this")
    args = ap.parse_args()
    if not FOLIO.exists():
        print("build folio first: cargo build --release", file=sys.stderr)
        return 1
    lines = [
        "| case | n | time | max RSS | 4n | time | max RSS | time ratio | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, gen, n, factor, command in CASES:
        if args.only and args.only not in name:
            continue
        small = run(gen(n), command)
        large = run(gen(n * factor), command)
        fmt = lambda t: f"> {LIMIT_S:.0f} s" if t is None else f"{t * 1000:.0f} ms"
        ratio = (
            f"{large[0] / small[0]:.1f}"
            if small[0] and large[0]
            else "—"
        )
        line = (
            f"| {name} | {n:,} | {fmt(small[0])} | {small[1]} MB | {n * factor:,} "
            f"| {fmt(large[0])} | {large[1]} MB | {ratio} | {large[2]} |"
        )
        print(line, flush=True)
        lines.append(line)
    machine = f"{os.cpu_count()} cores, {platform.system()} {platform.machine()}"
    out = REPO / "bench" / "HOSTILE.md"
    out.write_text(
        "# Huge inputs: time and memory\n\n"
        "`python3 bench/hostile.py`: `folio check` on generated report.toml files at n and 4n; "
        "a time ratio near 4 is linear, near 16 quadratic.\n\n"
        + "\n".join(lines)
        + f"\n\nMachine: {machine}.\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Batch throughput: how many eight-page reports a second `folio batch` writes.

    python3 bench/batch.py                 # 300 rows, 3 runs per edition
    python3 bench/batch.py --rows 1000 --runs 5 --no-build
    python3 bench/batch.py --folio /tmp/folio-before   # another binary

The template is the shipped report.toml with its title, organisation, a figure and a
sentence made placeholders; the data is a CSV of `--rows` made-up rows. Each run is one
`folio batch` process on all cores, timed whole, for the reader edition and for both
editions (reader and print). Printed: the median reports a second, the CPU time a report
takes (user + system, all threads, from GNU time: what the throughput would be on idle
cores follows from it, however busy the machine was) and the peak RSS.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import measure
import run as bench


def template(shipped: str) -> str:
    """The shipped report with placeholders; checks that each substitution happened."""
    replacements = [
        (r'^title = "(.*)"$', r'title = "\1 at {{ trust }}"'),
        (r'^organisation = "(.*)"$', r'organisation = "{{ trust }}"'),
        (r'^value = "2 million"$', 'number = {{ app_users }}\nformat = "words"'),
        (r"^(Here are some of the achievements) ", r"\1 of {{ trust }} "),
    ]
    for pattern, repl in replacements:
        shipped, n = re.subn(pattern, repl, shipped, count=1, flags=re.M)
        if n != 1:
            sys.exit(f"bench: report.toml no longer has a line matching {pattern!r}")
    return shipped


def rows(n: int) -> str:
    lines = ["id,trust,app_users"]
    for i in range(n):
        lines.append(f'trust-{i:05},"Trust number {i}, North",{1000 + 7919 * i % 5_000_000}')
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--folio", type=Path, help="a folio binary to run (implies --no-build)")
    args = parser.parse_args()
    if args.folio:
        bench.FOLIO = args.folio.resolve()
        args.no_build = True
    bench.ensure_tools(not args.no_build)
    shipped = (bench.REPO / "report.toml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="folio-batch-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(bench.REPO / "images", tmp / "images")
        (tmp / "template.toml").write_text(template(shipped), encoding="utf-8")
        (tmp / "rows.csv").write_text(rows(args.rows), encoding="utf-8")
        print(f"{args.rows} rows of the shipped report, {args.runs} runs each, "
              f"{len(os.sched_getaffinity(0))} CPUs, load {os.getloadavg()[0]:.2f}")
        cpus = len(os.sched_getaffinity(0))
        print(f"| editions | PDFs | median time (s) | reports a second | CPU ms a report | "
              f"reports a second on {cpus} idle CPUs | peak RSS (MB) |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for edition in ("reader", "both"):
            out = tmp / edition
            cmd = [bench.FOLIO, "batch", tmp / "template.toml", tmp / "rows.csv",
                   "-o", f"{out}/{{id}}.pdf", "--edition", edition, "-q"]
            memory = measure.run_once(cmd, rss=True)
            walls = [measure.run_once(cmd).wall for _ in range(args.runs)]
            files = len(list(out.iterdir()))
            if files != args.rows * (2 if edition == "both" else 1):
                sys.exit(f"bench: expected a PDF per row and edition, found {files}")
            wall = statistics.median(walls)
            cpu_ms = 1000 * memory.cpu / args.rows
            print(f"| {edition} | {files} | {wall:.2f} | **{args.rows / wall:.0f}** | "
                  f"{cpu_ms:.1f} | {cpus * 1000 / cpu_ms:.0f} | {bench.mb(memory.rss_kb)} |",
                  flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compare two folio binaries on the benchmark's documents: same output, and how much faster.

    cp target/release/folio /tmp/folio-before    # before a change
    cargo build --release                        # after it
    python3 bench/ab.py /tmp/folio-before target/release/folio
    python3 bench/ab.py A B --sizes 200 --runs 11 --edition both

For each size (the shipped report, and its sections repeated to about 200 and 1,000 pages,
as bench/run.py makes them), both binaries build the same report.toml; the PDFs must be
byte-identical unless --allow-different is given (a change meant to alter the output, which
then needs validating). Then A and B are timed in alternating pairs of fresh processes and
the median of the pairs' ratios B ÷ A is printed with its range, with each one's peak RSS.
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import tempfile
from pathlib import Path

import measure
import run as bench


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", type=Path, help="the folio binary before")
    parser.add_argument("b", type=Path, help="the folio binary after")
    parser.add_argument("--runs", type=int, default=7, help="timed pairs per size (default 7)")
    parser.add_argument("--sizes", default="8,200,1000", help="of 8,200,1000 (default all)")
    parser.add_argument("--edition", default="reader", choices=["reader", "print", "both"])
    parser.add_argument("--allow-different", action="store_true",
                        help="time them even if their PDFs differ")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    shipped = (bench.REPO / "report.toml").read_text(encoding="utf-8")

    print(f"B ÷ A: A = {args.a}, B = {args.b}; {args.runs} pairs; edition {args.edition}")
    print("| pages | A (ms) | B (ms) | B ÷ A, median (min–max) | A peak RSS (MB) | "
          "B peak RSS (MB) | output |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory(prefix="folio-ab-") as tmp:
        tmp = Path(tmp)
        known: dict[int, int] = {}
        plan = [1] if 8 in sizes else []
        for target in bench.TARGETS:
            if target in sizes:
                # Tuned with A, so both binaries set the same input.
                bench.FOLIO = args.a
                plan.append(bench.copies_for(target, shipped, tmp / "tune", known))
        for copies in plan:
            text = bench.repeat_sections(shipped, copies) if copies > 1 else shipped
            toml = bench.write_report_dir(tmp / f"r{copies}", text)

            # The same file name in two folders: the print edition's slug line names it.
            def cmd(binary: Path, name: str) -> list:
                (tmp / name).mkdir(exist_ok=True)
                return [binary, "build", toml, "-o", tmp / name / f"{copies}.pdf", "-q",
                        "--edition", args.edition]
            pairs, memory = measure.paired(cmd(args.a, "a"), cmd(args.b, "b"), args.runs)
            outputs = [o for o in (f"{copies}.pdf", f"{copies}-print.pdf")
                       if (tmp / "a" / o).exists()]
            same = all(filecmp.cmp(tmp / "a" / o, tmp / "b" / o, shallow=False)
                       for o in outputs)
            if not same and not args.allow_different:
                sys.exit(f"{copies}× sections: the PDFs differ (pass --allow-different to "
                         "time them anyway, and validate the new output)")
            ratios = sorted(p.b.wall / p.a.wall for p in pairs)
            pages = bench.pages(tmp / "a" / outputs[0])
            print(f"| {pages} | {1000 * measure.median(p.a.wall for p in pairs):.1f} | "
                  f"{1000 * measure.median(p.b.wall for p in pairs):.1f} | "
                  f"**{measure.median(ratios):.3f}** ({ratios[0]:.3f}–{ratios[-1]:.3f}) | "
                  f"{bench.mb(memory.a.rss_kb)} | {bench.mb(memory.b.rss_kb)} | "
                  f"{'byte-identical' if same else 'DIFFERENT'} |", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark folio against Typst on the same document at about 8, 200 and 1,000 pages.

Run from the repository root:

    python3 bench/run.py              # 5 pairs of runs per size
    python3 bench/run.py --runs 11    # more pairs
    python3 bench/run.py --no-build   # use target/release/folio as it is

The documents: the shipped report.toml, and report.toml with its sections repeated until
folio's PDF has about 200 and about 1,000 pages. For each, bench/typst_doc.py writes the
same report in Typst markup (every section with its cards, body text, quotes and charts;
the design in bench/typst/style.typ), and the benchmark checks that the two PDFs are the
same document before timing them: the same words (extracted from both PDFs with
pdftotext) and page counts within PAGE_SPREAD of each other.

Each size is then timed in pairs of fresh processes, folio then Typst, after one untimed
pair; the ratio is taken pair by pair and its median reported (see bench/measure.py).
Typst is the PyPI package, a Python binding: its time is the compile call timed inside
its fresh process, so Python's start-up is not counted against it.
"""

from __future__ import annotations

import argparse
import collections
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

import measure
import typst_doc

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
FOLIO = REPO / "target" / "release" / "folio"
FONTS = REPO / "fonts"

VENV = Path(os.environ.get("BENCH_VENV", Path(tempfile.gettempdir()) / "bench-venv"))
VENV_PYTHON = VENV / "bin" / "python"
# Pinned so that reruns compare against the same Typst.
TYPST_PACKAGE = "typst==0.15.2"
# Both tools write a tagged PDF that claims PDF/UA-1 and PDF/A-2a.
TYPST_STANDARDS = ["a-2a", "ua-1"]

# The sizes: about this many pages each, within the tolerance (the shipped report is as it
# is).
TARGETS = [200, 1000]
PAGE_TOLERANCE = 0.05
# Two typesetters never break every paragraph alike; more than this difference in pages
# means the documents differ, not the line breaking.
PAGE_SPREAD = 0.03

# A Typst compile in a fresh Python process; prints the compile call's own duration.
TYPST_COMPILE = f"""
import sys, time, typst
start = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=[sys.argv[4]],
              ignore_system_fonts=True, pdf_standards={TYPST_STANDARDS!r})
print(time.perf_counter() - start)
"""
# The same process without the compile: Python's start-up and `import typst`.
TYPST_IMPORT_ONLY = "import typst"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(cmd: list) -> str:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(map(str, cmd))}\n"
                 f"{result.stdout}{result.stderr}")
    return result.stdout


# --------------------------------------------------------------------------------------
#  Tools
# --------------------------------------------------------------------------------------

def ensure_tools(build: bool) -> None:
    if build:
        log("building folio (cargo build --release)…")
        if subprocess.run(["cargo", "build", "--release", "-q"], cwd=REPO).returncode:
            sys.exit("cargo build --release failed; pass --no-build to measure the "
                     "binary already in target/release")
    if not FOLIO.exists():
        sys.exit(f"{FOLIO} not found: run cargo build --release")
    for tool, package in (("pdftotext", "poppler-utils"), ("pdfinfo", "poppler-utils"),
                          (measure.GNU_TIME, "time")):
        if not shutil.which(tool):
            sys.exit(f"{tool} not found: install {package} (apt-get install {package})")
    if not VENV_PYTHON.exists():
        log(f"creating {VENV}…")
        run([sys.executable, "-m", "venv", VENV])
    installed = subprocess.run([VENV_PYTHON, "-c", "import typst; print(typst.__version__)"],
                               capture_output=True, text=True).stdout.strip()
    if installed != TYPST_PACKAGE.split("==")[1]:
        log(f"installing {TYPST_PACKAGE} into {VENV}…")
        run([VENV_PYTHON, "-m", "pip", "install", "--quiet", TYPST_PACKAGE])


def pages(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run(["pdfinfo", pdf]), re.M).group(1))


def words(pdf: Path) -> list[str]:
    """The PDF's words as pdftotext reads them, with words hyphenated at a line end joined
    again (each tool hyphenates different words, which is not a difference of content)."""
    text = run(["pdftotext", "-enc", "UTF-8", pdf, "-"])
    text = text.replace("\u00ad\n", "").replace("\u00ad", "")
    text = re.sub(r"(?<=\w)-\n(?=\w)", "-", text)
    return text.split()


def same_document(folio_pdf: Path, typst_pdf: Path, title: str) -> tuple[int, int, int]:
    """Checks both PDFs hold the same words and about the same pages; returns the page
    counts and the word count. Page furniture follows the page breaks, so it is left out
    of the comparison: the running footer (the title and a number) of every page but the
    covers, and the page numbers in the contents."""
    fp, tp = pages(folio_pdf), pages(typst_pdf)

    def content(pdf: Path, n: int) -> collections.Counter:
        counts = collections.Counter(w for w in words(pdf) if not w.isdigit())
        footer = collections.Counter(w for w in title.split() if not w.isdigit())
        for _ in range(n - 2):
            counts.subtract(footer)
        return +counts

    fc, tc = content(folio_pdf, fp), content(typst_pdf, tp)
    if fc != tc:
        sys.exit("the two PDFs do not hold the same words:\n"
                 f"  only in folio's: {sorted((fc - tc).elements())[:30]}\n"
                 f"  only in Typst's: {sorted((tc - fc).elements())[:30]}")
    if abs(fp - tp) > PAGE_SPREAD * max(fp, tp):
        sys.exit(f"page counts differ by more than {PAGE_SPREAD:.0%}: folio {fp}, Typst {tp}")
    return fp, tp, sum(fc.values())


# --------------------------------------------------------------------------------------
#  The documents
# --------------------------------------------------------------------------------------

def repeat_sections(toml_text: str, copies: int) -> str:
    """report.toml with its [[sections]] (their metrics and blocks) repeated `copies` times.

    Copy n (from 2) gets ids suffixed with "-n", since ids must be unique. Its figures are
    not highlighted, so the year-in-numbers page stays the page it is in the shipped report.
    """
    marker = re.search(r"^\[\[sections\]\]\s*$", toml_text, re.M)
    head, sections = toml_text[:marker.start()], toml_text[marker.start():]
    parts = [head, sections]
    for n in range(2, copies + 1):
        copy = re.sub(r'^(id\s*=\s*")([^"]*)"', rf'\g<1>\g<2>-{n}"', sections, flags=re.M)
        copy = re.sub(r"^highlight\s*=\s*true\b", "highlight = false", copy, flags=re.M)
        parts.append("\n" + copy)
    result = "".join(parts)
    # The text was edited as text: check the result parses to what was meant.
    original, repeated = tomllib.loads(toml_text), tomllib.loads(result)
    ids = [s.get("id") for s in repeated["sections"]]
    assert len(ids) == copies * len(original["sections"]), "unexpected section count"
    assert None not in ids, "every [[sections]] in report.toml needs an id to be repeated"
    assert len(set(ids)) == len(ids), "section ids are not unique"
    return result


def write_report_dir(directory: Path, toml_text: str) -> Path:
    """A report.toml in `directory`, with the images it refers to beside it."""
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "images", directory / "images", dirs_exist_ok=True)
    path = directory / "report.toml"
    path.write_text(toml_text, encoding="utf-8")
    return path


def copies_for(target: int, shipped: str, workdir: Path, known: dict[int, int]) -> int:
    """How many copies of the sections make folio's PDF `target` pages, within
    PAGE_TOLERANCE. Pages grow linearly with the copies, so a secant step from the pages
    already known converges in a build or two."""
    def build(copies: int) -> int:
        if copies not in known:
            path = write_report_dir(workdir / f"tune-{copies}", repeat_sections(shipped, copies))
            run([FOLIO, "build", path, "-o", path.with_suffix(".pdf"), "-q"])
            known[copies] = pages(path.with_suffix(".pdf"))
            log(f"  {copies} copies of the sections → {known[copies]} pages")
        return known[copies]

    build(1)
    per_copy = max((p - known[1]) / (c - 1) for c, p in known.items() if c > 1) \
        if len(known) > 1 else 4.0
    copies = max(2, round(1 + (target - known[1]) / per_copy))
    for _ in range(6):
        got = build(copies)
        if abs(got - target) <= PAGE_TOLERANCE * target:
            return copies
        per_copy = (got - known[1]) / (copies - 1)
        copies = max(2, copies + round((target - got) / per_copy))
    sys.exit(f"could not reach {target} pages: {known}")


# --------------------------------------------------------------------------------------
#  Results
# --------------------------------------------------------------------------------------

@dataclass
class Row:
    copies: int
    folio_pages: int
    typst_pages: int
    words: int
    pairs: list[measure.Pair]
    memory: measure.Pair  # the run through GNU time, for peak RSS

    def folio_ms(self) -> float:
        return 1000 * measure.median(p.a.wall for p in self.pairs)

    def typst_ms(self) -> float:
        return 1000 * measure.median(p.b_time for p in self.pairs)

    def ratios(self) -> list[float]:
        return sorted(p.ratio for p in self.pairs)


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f}"


def machine() -> list[str]:
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    typst = run([VENV_PYTHON, "-c", "import typst; print(typst.__version__)"]).strip()
    return [
        f"- CPU: {cpu}, {len(os.sched_getaffinity(0))} CPUs available",
        f"- memory: {mem_kb / 1024 / 1024:.1f} GiB",
        f"- OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"- folio: {run([FOLIO, '--version']).strip()} (release build); "
        f"{run(['rustc', '--version']).strip()}",
        f"- Typst: PyPI package typst {typst}; Python {platform.python_version()}",
    ]


def table(rows: list[Row]) -> list[str]:
    out = ["| pages (folio / Typst) | words | folio (ms) | Typst (ms) | folio ÷ Typst, "
           "median (min–max) | folio peak RSS (MB) | Typst peak RSS (MB) |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratios = r.ratios()
        out.append(
            f"| {r.folio_pages} / {r.typst_pages} | {r.words:,} | {r.folio_ms():.1f} | "
            f"{r.typst_ms():.1f} | **{measure.median(ratios):.3f}** "
            f"({ratios[0]:.3f}–{ratios[-1]:.3f}) | "
            f"{mb(r.memory.a.rss_kb)} | {mb(r.memory.b.rss_kb)} |")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed pairs per size (default 5)")
    parser.add_argument("--no-build", action="store_true",
                        help="use target/release/folio as it is, without cargo build")
    parser.add_argument("--sizes", default="8,200,1000",
                        help="which sizes to run, of 8,200,1000 (default all)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    sizes = [int(s) for s in args.sizes.split(",")]

    load = os.getloadavg()[0]
    ensure_tools(not args.no_build)
    shipped = (REPO / "report.toml").read_text(encoding="utf-8")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="folio-bench-") as tmp:
        tmp = Path(tmp)
        known: dict[int, int] = {}
        plan = [1] if 8 in sizes else []
        for target in TARGETS:
            if target in sizes:
                log(f"finding the copies of the sections for ~{target} pages…")
                plan.append(copies_for(target, shipped, tmp / "tune", known))
        for copies in plan:
            text = repeat_sections(shipped, copies) if copies > 1 else shipped
            toml_path = write_report_dir(tmp / f"folio-{copies}", text)
            typ_path = typst_doc.write_dir(tmp / f"typst-{copies}", text, REPO)
            if copies == 1:
                # Kept for reference: the shipped report in Typst markup.
                shutil.copy(typ_path, BENCH / "typst" / "report.typ")
            folio_pdf, typst_pdf = tmp / f"folio-{copies}.pdf", tmp / f"typst-{copies}.pdf"
            folio = [FOLIO, "build", toml_path, "-o", folio_pdf, "-q"]
            typst = [VENV_PYTHON, "-c", TYPST_COMPILE, typ_path, typst_pdf, typ_path.parent,
                     FONTS]
            log(f"{copies}× sections: {args.runs} pairs of runs…")
            pairs, memory = measure.paired(folio, typst, args.runs,
                                           b_time=lambda r: float(r.stdout))
            fp, tp, n = same_document(folio_pdf, typst_pdf, tomllib.loads(text)['report']['title'])
            rows.append(Row(copies, fp, tp, n, pairs, memory))
            log(f"  folio {fp} pages, Typst {tp}; ratio {measure.median(rows[-1].ratios()):.3f}")
        python = measure.run_once([VENV_PYTHON, "-c", TYPST_IMPORT_ONLY], rss=True)

    lines = table(rows)
    notes = [
        f"{args.runs} pairs of fresh processes per size (folio, then Typst, alternating) after "
        "one untimed pair; times are medians, the ratio is the median of the pairs' ratios "
        "and its range the smallest and largest pair's.",
        "folio's time is its whole process (`folio build report.toml -o … -q`). Typst's is "
        "its compile call timed inside a fresh Python process "
        "(`typst.compile(…, pdf_standards=[\"a-2a\", \"ua-1\"])`), without Python's start-up "
        f"or `import typst`; its peak RSS includes the interpreter's "
        f"({mb(python.rss_kb)} MB for Python and `import typst` alone).",
        "Peak RSS is the maximum resident set size of one more run of each, through GNU "
        "time (`/usr/bin/time -f %M`); that run also warms the file cache and is not timed.",
        "The sizes are report.toml and report.toml with its "
        f"{len(tomllib.loads(shipped)['sections'])} sections repeated "
        + ", ".join(f"{r.copies}×" for r in rows if r.copies > 1)
        + " (ids suffixed, the copies' figures not highlighted). Each pair of PDFs holds the "
        "same words (pdftotext, page numbers aside) — the word count is in the table — and "
        f"page counts within {PAGE_SPREAD:.0%}.",
        "Both tools write a tagged PDF claiming PDF/UA-1 and PDF/A-2a, with Liberation Sans "
        "from fonts/ and no system fonts. Typst's document is bench/typst/style.typ with the "
        "words written by bench/typst_doc.py (bench/typst/report.typ is the shipped report's).",
        f"1-minute load average when the run started: {load:.2f} "
        f"(on {len(os.sched_getaffinity(0))} CPUs).",
    ]
    print("\n" + "\n".join(lines) + "\n")
    for note in notes:
        print(f"- {note}")
    if sizes != [8, 200, 1000]:
        log("\n(not all sizes run: bench/RESULTS.md left as it is)")
        return
    results = [
        "# Benchmark results", "",
        "folio against Typst on the same document at about 8, 200 and 1,000 pages. "
        "See bench/README.md.", "",
        *lines, "",
        *(f"- {note}" for note in notes), "",
        "## Machine", "",
        *machine(), "",
        "## Reproduce", "",
        "```sh",
        f"python3 bench/run.py --runs {args.runs}" + (" --no-build" if args.no_build else ""),
        "```", "",
    ]
    marker = "\n## Profile"
    old = (BENCH / "RESULTS.md").read_text(encoding="utf-8")
    tail = old[old.index(marker):] if marker in old else ""
    (BENCH / "RESULTS.md").write_text("\n".join(results) + tail, encoding="utf-8")
    log(f"\nwrote {(BENCH / 'RESULTS.md').relative_to(REPO)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark folio against Typst on the shipped report and on a ~200-page one.

Run from the repository root:

    python3 bench/run.py            # 5 timed runs per case
    python3 bench/run.py --runs 10

Cases:
  * folio building the shipped report.toml;
  * folio building a ~200-page report.toml, made by repeating the shipped sections;
  * Typst compiling the same two documents, written in Typst markup (bench/typst/) from the
    same report.toml, so both tools set the same words in the same design.

Every case is run once untimed (to warm the file cache) and then --runs times, each in a
fresh process. Reported: the median wall time and the largest peak resident set size (max
RSS). The results go to stdout and to bench/RESULTS.md.

Typst is installed from PyPI into a virtual environment at /tmp/bench-venv (created if
missing). The PyPI package is a Python extension, not a command-line program, so each Typst
compile runs in its own `python -c "import typst; typst.compile(...)"` process; the wall
time of a bare `python -c "import typst"` is measured the same way and subtracted.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
FOLIO = REPO / "target" / "release" / "folio"
FONTS = REPO / "fonts"

VENV = Path("/tmp/bench-venv")
VENV_PYTHON = VENV / "bin" / "python"
# Pinned so that reruns compare against the same Typst.
TYPST_PACKAGE = "typst==0.15.2"

# The large case: repeat the sections until the PDF has about this many pages.
TARGET_PAGES = 200
PAGE_TOLERANCE = 10
FIRST_GUESS_COPIES = 60

# Both tools write a tagged PDF that claims PDF/UA-1 and PDF/A-2a.
TYPST_STANDARDS = ["a-2a", "ua-1"]

# A Typst compile in a fresh Python process. It prints the compile call's own duration, as
# a cross-check of the startup subtraction.
TYPST_COMPILE = """
import sys, time, typst
start = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3], font_paths=[sys.argv[4]],
              ignore_system_fonts=True, pdf_standards=%r)
print(time.perf_counter() - start)
""" % (TYPST_STANDARDS,)
# The same process without the compile: Python's startup and `import typst`.
TYPST_IMPORT_ONLY = "import sys, time, typst"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    """Runs a command, failing loudly with its output if it fails."""
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(map(str, cmd))}\n"
                 f"{result.stdout}{result.stderr}")
    return result


# --------------------------------------------------------------------------------------
#  Tools: folio, Typst, a page counter
# --------------------------------------------------------------------------------------

def build_folio() -> None:
    log("building folio (cargo build --release)…")
    result = subprocess.run(["cargo", "build", "--release"], cwd=REPO, capture_output=True,
                            text=True)
    if result.returncode != 0:
        sys.exit(f"{result.stderr}\ncargo build --release failed; to measure the binary "
                 "already in target/release, pass --no-build")


def ensure_typst() -> list[str]:
    """Installs Typst into the venv if needed; returns how to invoke a compile.

    If the package ships a `typst` executable it is used directly; otherwise the compile
    runs through the Python binding (see TYPST_COMPILE).
    """
    if not VENV_PYTHON.exists():
        log(f"creating {VENV}…")
        run([sys.executable, "-m", "venv", VENV])
    installed = subprocess.run(
        [VENV_PYTHON, "-c", "import typst; print(typst.__version__)"],
        capture_output=True, text=True).stdout.strip()
    if installed != TYPST_PACKAGE.split("==")[1]:
        log(f"installing {TYPST_PACKAGE} into {VENV}…")
        run([VENV_PYTHON, "-m", "pip", "install", "--quiet", TYPST_PACKAGE])
    cli = VENV / "bin" / "typst"
    return [str(cli)] if cli.exists() else [str(VENV_PYTHON)]


def typst_version() -> str:
    return run([VENV_PYTHON, "-c", "import typst; print(typst.__version__)"]).stdout.strip()


def page_counter():
    """Returns a function PDF path → page count: pdfinfo, else pypdf (installed into the venv)."""
    if shutil.which("pdfinfo"):
        def count(pdf: Path) -> int:
            out = run(["pdfinfo", pdf]).stdout
            return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
        return count
    if subprocess.run([VENV_PYTHON, "-c", "import pypdf"], capture_output=True).returncode:
        log(f"pdfinfo not found: installing pypdf into {VENV}…")
        run([VENV_PYTHON, "-m", "pip", "install", "--quiet", "pypdf"])

    def count(pdf: Path) -> int:
        code = "import sys, pypdf; print(len(pypdf.PdfReader(sys.argv[1]).pages))"
        return int(run([VENV_PYTHON, "-c", code, pdf]).stdout)
    return count


# --------------------------------------------------------------------------------------
#  Measuring
# --------------------------------------------------------------------------------------

@dataclass
class Sample:
    wall: float  # seconds
    rss_kb: int  # peak resident set size
    stdout: str


def measure_once(cmd: list) -> Sample:
    """Runs `cmd` once: wall time from a monotonic clock, peak RSS from /usr/bin/time.

    /usr/bin/time's own %e has a 10 ms resolution, too coarse for a 20 ms build, so the
    wall time is taken around the process instead; the wrapper adds well under a
    millisecond. Without /usr/bin/time, the child's rusage comes from wait4.
    """
    cmd = [str(c) for c in cmd]
    if os.path.exists("/usr/bin/time"):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
            start = time.perf_counter()
            result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", report.name, *cmd],
                                    capture_output=True, text=True)
            wall = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"command failed: {' '.join(cmd)}\n{result.stdout}{result.stderr}")
            rss_kb = int(report.read().split()[-1])
        return Sample(wall, rss_kb, result.stdout)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = proc.stdout.read(), proc.stderr.read()
    if proc.returncode != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{stdout}{stderr}")
    return Sample(wall, usage.ru_maxrss, stdout)  # ru_maxrss is in KiB on Linux


def measure(cmd: list, runs: int) -> list[Sample]:
    """One untimed warm-up run, then `runs` timed ones."""
    measure_once(cmd)
    return [measure_once(cmd) for _ in range(runs)]


# --------------------------------------------------------------------------------------
#  The large report.toml
# --------------------------------------------------------------------------------------

def repeat_sections(toml_text: str, copies: int) -> str:
    """report.toml with its [[sections]] (and their metrics) repeated `copies` times.

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


def tune_copies(shipped: str, workdir: Path, count_pages) -> tuple[int, int]:
    """Finds how many copies of the sections make folio's PDF TARGET_PAGES ± PAGE_TOLERANCE.

    Pages grow linearly with the copies (a few pages each), so a secant step from the
    shipped report's page count converges in one or two builds.
    """
    def pages(copies: int) -> int:
        toml_path = write_report_dir(workdir / f"tune-{copies}", repeat_sections(shipped, copies))
        pdf = toml_path.with_suffix(".pdf")
        run([FOLIO, "build", toml_path, "-o", pdf, "-q"])
        return count_pages(pdf)

    known = {1: pages(1)}
    copies = FIRST_GUESS_COPIES
    for _ in range(8):
        known[copies] = pages(copies)
        log(f"  {copies} copies of the sections → {known[copies]} pages")
        if abs(known[copies] - TARGET_PAGES) <= PAGE_TOLERANCE:
            return copies, known[copies]
        per_copy = (known[copies] - known[1]) / (copies - 1)
        step = round((TARGET_PAGES - known[copies]) / per_copy) or (
            1 if known[copies] < TARGET_PAGES else -1)
        copies = max(2, copies + step)
    sys.exit(f"could not reach {TARGET_PAGES} ± {PAGE_TOLERANCE} pages: {known}")


# --------------------------------------------------------------------------------------
#  The Typst document
# --------------------------------------------------------------------------------------

class Code(str):
    """Typst code to be written as it is (not as a string literal)."""


def typ(value) -> str:
    """A Python value as a Typst literal."""
    if isinstance(value, Code):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "none"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, (list, tuple)):
        return "(" + "".join(typ(v) + ", " for v in value).rstrip(" ") + ")" if value else "()"
    if isinstance(value, dict):
        return "(" + ", ".join(f"{k}: {typ(v)}" for k, v in value.items()) + ")" if value else "(:)"
    raise TypeError(f"no Typst literal for {value!r}")


INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|\*(?P<italic>.+?)\*|\[(?P<text>.+?)\]\((?P<url>[^)]+)\)")


def inline(text: str) -> Code:
    """Markdown inline text (**bold**, *italic*, [links](…)) as a Typst content expression."""
    text = " ".join(text.split())
    parts, pos = [], 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            parts.append(typ(text[pos:m.start()]))
        if m["bold"] is not None:
            parts.append(f"strong({typ(m['bold'])})")
        elif m["italic"] is not None:
            parts.append(f"emph({typ(m['italic'])})")
        else:
            parts.append(f"link({typ(m['url'])}, {typ(m['text'])})")
        pos = m.end()
    if pos < len(text):
        parts.append(typ(text[pos:]))
    return Code("[" + "".join("#" + p for p in parts) + "]")


def markdown_blocks(md: str | None) -> list[dict]:
    """The markdown that report.toml uses (paragraphs, "- " and "1. " lists, "## "
    subheadings) as a list of blocks for style.typ's body-text()."""
    blocks: list[dict] = []
    for chunk in re.split(r"\n\s*\n", (md or "").strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(re.match(r"[-*] ", line) for line in lines):
            blocks.append({"kind": "list", "items": [inline(line[2:]) for line in lines]})
        elif all(re.match(r"\d+\. ", line) for line in lines):
            blocks.append({"kind": "enum",
                           "items": [inline(line.split(" ", 1)[1]) for line in lines]})
        elif len(lines) == 1 and lines[0].startswith("#"):
            blocks.append({"kind": "heading", "text": inline(lines[0].lstrip("#"))})
        else:
            blocks.append({"kind": "par", "text": inline(" ".join(lines))})
    return blocks


def metric_value(metric: dict) -> str:
    """A card's figure as written. (Figures given as number + format are folio's to format;
    the benchmark only needs the shipped report, which writes every figure out.)"""
    if "value" not in metric:
        sys.exit(f"bench: metric {metric.get('label')!r} has no value; "
                 "write the figure out as value = \"…\"")
    return metric["value"]


def typst_document(spec: dict, logo_path: str) -> str:
    """report.typ for a parsed report.toml: the words as data, the design from style.typ."""
    r = spec["report"]
    year, month, day = (int(x) for x in r["date"].split("-"))
    lang, _, region = r.get("language", "en-GB").partition("-")
    meta = {
        "title": r["title"],
        "subtitle": r.get("subtitle"),
        "organisation": r["organisation"],
        "author": r.get("author", r["organisation"]),
        "period": r["period"],
        "date": Code(f"datetime(year: {year}, month: {month}, day: {day})"),
        "published": f"{day} {MONTHS[month - 1]} {year}",
        "keywords": r.get("keywords", []),
        "lang": lang.lower(),
        "region": region.lower() or None,
    }
    numbers = {"title": spec["numbers"]["title"], "intro": spec["numbers"].get("intro")}
    sections = [
        {
            "title": s["title"],
            "lead": s.get("lead"),
            "metrics": [
                {"value": metric_value(m), "label": m["label"], "detail": m.get("detail"),
                 "highlight": m.get("highlight", False)}
                for m in s.get("metrics", [])
            ],
            "body": markdown_blocks(s.get("body")),
        }
        for s in spec["sections"]
    ]
    back = markdown_blocks(spec.get("back", {}).get("text"))
    brand = spec["brand"]
    logo = Code(f"image({typ(logo_path)}, alt: {typ(brand['logo_alt'])})")

    lines = [
        "// Generated by bench/run.py from report.toml; edit style.typ or report.toml instead.",
        '#import "style.typ": report',
        f"#let meta = {typ(meta)}",
        f"#let numbers = {typ(numbers)}",
        "#let sections = (",
        *(f"  {typ(s)}," for s in sections),
        ")",
        f"#let back = {typ(back)}",
        f"#report(meta, numbers, sections, back, {logo})",
    ]
    return "\n".join(lines) + "\n"


def write_typst_dir(directory: Path, toml_text: str) -> Path:
    """report.typ and style.typ in `directory`, with the images beside them."""
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "images", directory / "images", dirs_exist_ok=True)
    shutil.copy(BENCH / "typst" / "style.typ", directory / "style.typ")
    spec = tomllib.loads(toml_text)
    path = directory / "report.typ"
    # A leading "/" makes the path relative to the project root (--root), so the same file
    # also compiles from bench/typst/ with the repository as the root.
    logo = "/" + spec["brand"]["logo"].lstrip("/")
    path.write_text(typst_document(spec, logo), encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------
#  Report
# --------------------------------------------------------------------------------------

def machine() -> list[str]:
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    return [
        f"- CPU: {cpu}, {len(os.sched_getaffinity(0))} CPUs available (nproc)",
        f"- memory: {mem_kb / 1024 / 1024:.1f} GiB",
        f"- OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"- folio: {run([FOLIO, '--version']).stdout.strip()} (release build); "
        f"{run(['rustc', '--version']).stdout.strip()}",
        f"- Typst: PyPI package typst {typst_version()}; Python {platform.python_version()}",
    ]


@dataclass
class Row:
    """One line of the results table."""
    name: str
    pages: int
    wall: float  # seconds; for Typst through Python, without the interpreter's startup
    rss_kb: int
    ratio: str = ""  # folio's time over Typst's, on folio's rows
    in_process: float | None = None  # Typst's compile call timed inside its process


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def mb(kb: int) -> str:
    return f"{kb / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case (default 5)")
    parser.add_argument("--no-build", action="store_true",
                        help="use target/release/folio as it is, without cargo build")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    # Other work on the machine inflates the times; the load is recorded with the results.
    load = os.getloadavg()[0]
    if not args.no_build:
        build_folio()
    if not FOLIO.exists():
        sys.exit(f"{FOLIO} not found: run cargo build --release")
    typst = ensure_typst()
    typst_cli = Path(typst[0]).name == "typst"
    count_pages = page_counter()
    shipped = (REPO / "report.toml").read_text(encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="folio-bench-") as tmp:
        tmp = Path(tmp)
        log(f"finding the number of section copies for ~{TARGET_PAGES} pages…")
        copies, _ = tune_copies(shipped, tmp / "tune", count_pages)
        large = repeat_sections(shipped, copies)

        # The inputs: report.toml for folio, report.typ for Typst, for both sizes. The
        # shipped-size report.typ is also kept in bench/typst/ for reference.
        inputs = {
            "shipped report": (
                REPO / "report.toml",
                write_typst_dir(tmp / "typst-shipped", shipped),
            ),
            f"large report ({copies}× sections)": (
                write_report_dir(tmp / "folio-large", large),
                write_typst_dir(tmp / "typst-large", large),
            ),
        }
        (BENCH / "typst" / "report.typ").write_text(
            inputs["shipped report"][1].read_text(encoding="utf-8"), encoding="utf-8")

        def typst_cmd(typ_path: Path, pdf: Path) -> list:
            if typst_cli:
                return [*typst, "compile", "--root", typ_path.parent, "--font-path", FONTS,
                        "--ignore-system-fonts", "--pdf-standard", ",".join(TYPST_STANDARDS),
                        typ_path, pdf]
            return [*typst, "-c", TYPST_COMPILE, typ_path, pdf, typ_path.parent, FONTS]

        baseline = None
        if not typst_cli:
            log(f"measuring Python startup + import typst ({args.runs} runs)…")
            baseline = measure([*typst, "-c", TYPST_IMPORT_ONLY], args.runs)
        startup = statistics.median(s.wall for s in baseline) if baseline else 0.0

        rows: list[Row] = []
        for i, (case, (toml_path, typ_path)) in enumerate(inputs.items()):
            folio_pdf = tmp / f"folio-{i}.pdf"
            typst_pdf = tmp / f"typst-{i}.pdf"
            log(f"measuring folio, {case} ({args.runs} runs)…")
            folio = measure([FOLIO, "build", toml_path, "-o", folio_pdf, "-q"], args.runs)
            log(f"measuring Typst, {case} ({args.runs} runs)…")
            typ_samples = measure(typst_cmd(typ_path, typst_pdf), args.runs)

            folio_time = statistics.median(s.wall for s in folio)
            typst_time = statistics.median(s.wall for s in typ_samples) - startup
            rows.append(Row(f"folio, {case}", count_pages(folio_pdf), folio_time,
                            max(s.rss_kb for s in folio), f"{folio_time / typst_time:.2f}"))
            rows.append(Row(f"Typst, {case}", count_pages(typst_pdf), typst_time,
                            max(s.rss_kb for s in typ_samples),
                            in_process=None if typst_cli else
                            statistics.median(float(s.stdout) for s in typ_samples)))

    # The table.
    table = ["| case | pages | median wall time (ms) | peak RSS (MB) | folio/Typst time |",
             "|---|---:|---:|---:|---:|"]
    for r in rows:
        table.append(f"| {r.name} | {r.pages} | {ms(r.wall)} | {mb(r.rss_kb)} | {r.ratio} |")
    if baseline:
        table.append(f"| Python + `import typst` alone (subtracted from Typst's times) | – | "
                     f"{ms(startup)} | {mb(max(s.rss_kb for s in baseline))} | |")

    notes = [
        f"{args.runs} timed runs per case after one warm-up run; each run is a fresh process. "
        "Wall time is the median, peak RSS the largest maximum resident set size "
        "(`/usr/bin/time -f %M`, or the child's rusage where /usr/bin/time is missing).",
        f"The large case repeats report.toml's {len(tomllib.loads(shipped)['sections'])} "
        f"sections {copies} times (ids suffixed -2, -3, …; the copies' figures are not "
        "highlighted, so the year-in-numbers page is the same in both sizes).",
        "Both tools write a tagged PDF claiming PDF/UA-1 and PDF/A-2a, with Liberation Sans "
        "from fonts/ and no system fonts. Typst's document is bench/typst/report.typ "
        "(generated from report.toml) with bench/typst/style.typ.",
        f"1-minute load average when the run started: {load:.2f} "
        f"(on {len(os.sched_getaffinity(0))} CPUs).",
    ]
    if baseline:
        in_proc = "; ".join(f"{ms(r.in_process)} ms for the {r.name.split(', ', 1)[1]}"
                            for r in rows if r.in_process is not None)
        notes.append(
            "Typst runs through its Python binding (PyPI has no Typst executable), one "
            "`python -c \"import typst; typst.compile(…)\"` process per run. Its wall time "
            "is the process's minus the median of a bare `python -c \"import typst\"` "
            "(last row); its peak RSS includes the Python interpreter's (that row's RSS). "
            f"Cross-check, the compile call timed inside the process: {in_proc}.")
    else:
        notes.append("Typst runs as the `typst` executable shipped in the PyPI package.")

    print()
    print("\n".join(table))
    print()
    for note in notes:
        print(f"- {note}")

    results = [
        "# Benchmark results",
        "",
        "folio against Typst, the fastest comparable tool, on the shipped report and on a "
        "~200-page one. See bench/README.md.",
        "",
        "\n".join(table),
        "",
        *(f"- {note}" for note in notes),
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Reproduce",
        "",
        "```sh",
        f"python3 bench/run.py --runs {args.runs}" + (" --no-build" if args.no_build else ""),
        "```",
        "",
    ]
    (BENCH / "RESULTS.md").write_text("\n".join(results), encoding="utf-8")
    log(f"\nwrote {(BENCH / 'RESULTS.md').relative_to(REPO)}")


if __name__ == "__main__":
    main()

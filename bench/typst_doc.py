"""report.toml → report.typ: the same words, figures and components as Typst markup.

The design lives in typst/style.typ; this module writes the data it sets: the [report]
metadata, the year-in-numbers page, every section (heading, lead, cards, body) with every
one of its [[sections.blocks]] (charts, quotes, boxes, tables, images), and the back cover.

Values folio formats itself (a metric's `number` + `format`, a chart's values and axis
ticks) are formatted here the way folio formats them, so both PDFs carry the same words.
A key this module does not know stops the benchmark with a message rather than setting a
different document.
"""

from __future__ import annotations

import csv
import math
import re
import shutil
import sys
import tomllib
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


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
    if isinstance(value, (int, float)):
        return repr(float(value))
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, (list, tuple)):
        return "(" + "".join(typ(v) + ", " for v in value).rstrip(" ") + ")" if value else "()"
    if isinstance(value, dict):
        return "(" + ", ".join(f"{k}: {typ(v)}" for k, v in value.items()) + ")" if value else "(:)"
    raise TypeError(f"no Typst literal for {value!r}")


# --------------------------------------------------------------------------------------
#  Markdown (the subset report.toml's body text uses)
# --------------------------------------------------------------------------------------

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
    """Paragraphs, "- " and "1. " lists and "## " subheadings, as style.typ's body-text()
    blocks."""
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


# --------------------------------------------------------------------------------------
#  Numbers, as folio formats them (src/model/numbers.rs, English separators)
# --------------------------------------------------------------------------------------

def _trim(n: float, places: int) -> str:
    s = f"{n:.{places}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def _grouped(n: float) -> str:
    s = _trim(abs(n), 2)
    whole, _, frac = s.partition(".")
    out = f"{int(whole):,}" + (f".{frac}" if frac else "")
    return ("−" + out) if n < 0 else out


def _scaled(n: float, billion: str, million: str) -> str:
    if abs(n) >= 1e9:
        return f"{_trim(n / 1e9, 1)}{billion}"
    if abs(n) >= 1e6:
        return f"{_trim(n / 1e6, 1)}{million}"
    return _grouped(n)


def format_number(n: float, fmt: str) -> str:
    formats = {
        "grouped": _grouped,
        "compact": lambda v: _scaled(v, "bn", "m"),
        "words": lambda v: _scaled(v, " billion", " million"),
        "percent": lambda v: f"{_trim(v, 1)}%",
        "currency": lambda v: "£" + _scaled(v, "bn", "m"),
        "currency-eur": lambda v: "€" + _scaled(v, "bn", "m"),
        "currency-usd": lambda v: "$" + _scaled(v, "bn", "m"),
    }
    if fmt not in formats:
        sys.exit(f"bench: unknown number format {fmt!r}")
    return formats[fmt](n)


def uniform(labels: list[str]) -> list[str]:
    """folio's chart labels share one number of decimals per unit ("55.0m" beside "7.2m"):
    each label's last figure padded with zeros to the most decimals among labels that end in
    the same unit (src/model/chart/labels.rs)."""
    def figure(label: str):
        m = re.search(r"([0-9.,]*[0-9])([^0-9]*)$", label)
        if not m:
            return None
        run = m.group(1)
        decimals = len(run.rsplit(".", 1)[1]) if "." in run else 0
        return m.end(1), decimals, m.group(2)
    parts = [figure(label) for label in labels]
    out = []
    for label, part in zip(labels, parts):
        if part is None:
            out.append(label)
            continue
        end, decimals, unit = part
        want = max(p[1] for p in parts if p is not None and p[2] == unit)
        if want <= decimals:
            out.append(label)
            continue
        pad = ("." if decimals == 0 else "") + "0" * (want - decimals)
        out.append(label[:end] + pad + label[end:])
    return out


def nice_step(top: float) -> float:
    """An axis step of 1, 2, 2.5 or 5 times a power of ten, about four intervals."""
    if top <= 0:
        return 1.0
    raw = top / 4
    mag = 10 ** math.floor(math.log10(raw))
    return next((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), 10 * mag)


# --------------------------------------------------------------------------------------
#  Components
# --------------------------------------------------------------------------------------

def metric(m: dict) -> dict:
    value = m["value"] if "value" in m else format_number(m["number"], m.get("format", "grouped"))
    return {"value": value, "label": m["label"], "detail": m.get("detail"),
            "highlight": m.get("highlight", False)}


def chart_data(block: dict, base: Path) -> list[dict]:
    if "data" in block:
        rows = block["data"]
    else:
        with open(base / block["csv"], newline="", encoding="utf-8") as f:
            rows = [{"label": r["label"], "value": float(r["value"])} for r in csv.DictReader(f)]
    return [{"label": r["label"],
             "values": [float(v) for v in r.get("values", [r.get("value")])]} for r in rows]


def chart(block: dict, base: Path) -> list[dict]:
    """A chart, with its values and axis ticks already formatted; and its data table when
    `table = true`."""
    fmt = block.get("format", "grouped")
    data = chart_data(block, base)
    top = max((v for d in data for v in d["values"]), default=0.0)
    step = nice_step(top)
    ticks = max(1, math.ceil(top / step))
    series = block.get("series", [])
    # Every value of the chart printed with the same decimals, as folio prints them.
    flat = uniform([format_number(v, fmt) for d in data for v in d["values"]])
    per_row, at = [], 0
    for d in data:
        per_row.append(flat[at:at + len(d["values"])])
        at += len(d["values"])
    out = [{
        "kind": "chart",
        "chart": block.get("chart", "bar"),
        "title": block.get("title"),
        "alt": block.get("alt") or block.get("title") or "Chart",
        "series": series,
        "top": ticks * step,
        "ticks": uniform([format_number(step * i, fmt) for i in range(ticks + 1)]),
        "data": [{"label": d["label"], "values": d["values"], "texts": texts}
                 for d, texts in zip(data, per_row)],
    }]
    if block.get("table"):
        columns = [""] + (series or ["Value"])
        rows = [[d["label"]] + texts for d, texts in zip(data, per_row)]
        out.append(table({"columns": columns, "rows": rows}))
    return out


def table(block: dict) -> dict:
    def cell(v) -> tuple[str, bool]:
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return _grouped(float(v)), True
        return str(v), False
    rows = [[cell(v) for v in row] for row in block["rows"]]
    numeric = [any(r[c][1] for r in rows) for c in range(len(block["columns"]))]
    return {"kind": "table", "title": block.get("title"), "columns": block["columns"],
            "numeric": numeric, "rows": [[text for text, _ in r] for r in rows]}


def component(block: dict, base: Path) -> list[dict]:
    kind = block["type"]
    if kind == "chart":
        return chart(block, base)
    if kind == "quote":
        return [{"kind": "quote", "text": block["text"], "by": block.get("by")}]
    if kind == "box":
        return [{"kind": "box", "title": block.get("title"),
                 "body": markdown_blocks(block.get("text"))}]
    if kind == "table":
        return [table(block)]
    if kind == "image":
        width = block.get("width", 1.0)
        caption = " ".join(filter(None, [block.get("caption"),
                                         block.get("credit") and f"Credit: {block['credit']}"]))
        return [{"kind": "image", "file": "/" + block["file"].lstrip("/"),
                 "alt": block.get("alt"), "page": width == "page",
                 "share": 1.0 if width == "page" else float(width),
                 "caption": caption or None}]
    sys.exit(f"bench: no Typst counterpart for a block of type {kind!r}")


# --------------------------------------------------------------------------------------
#  The document
# --------------------------------------------------------------------------------------

def document(spec: dict, base: Path) -> str:
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
    for s in spec["sections"]:
        if s.get("columns", 1) != 1:
            sys.exit("bench: two-column sections have no Typst counterpart here yet")
    sections = [
        {
            "title": s["title"],
            "lead": s.get("lead"),
            "new_page": s.get("new_page", False),
            "metrics": [metric(m) for m in s.get("metrics", [])],
            "body": markdown_blocks(s.get("body")),
            "blocks": [c for b in s.get("blocks", []) for c in component(b, base)],
        }
        for s in spec["sections"]
    ]
    back = markdown_blocks(spec.get("back", {}).get("text"))
    brand = spec["brand"]
    # A leading "/" makes a path relative to the project root (--root), so the same file
    # also compiles from bench/typst/ with the repository as the root.
    logo = Code(f"image({typ('/' + brand['logo'].lstrip('/'))}, alt: {typ(brand['logo_alt'])})")
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


def write_dir(directory: Path, toml_text: str, repo: Path) -> Path:
    """report.typ and style.typ in `directory`, with the report's images beside them."""
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copytree(repo / "images", directory / "images", dirs_exist_ok=True)
    shutil.copy(repo / "bench" / "typst" / "style.typ", directory / "style.typ")
    path = directory / "report.typ"
    path.write_text(document(tomllib.loads(toml_text), repo), encoding="utf-8")
    return path

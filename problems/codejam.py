"""Google's Code Jam archive (github.com/google/coding-competitions-archive): its HTML statements as plain text.

The archive is a problemtools conversion, so `problems.kattis` reads the package; this module reads what differs,
`problem_statement/problem.html`: the text the model sees (headings on their own lines, paragraphs apart, lists
as "  * item", `<pre>` verbatim, MathJax `$$$...$$$` formulas as text through `latex_math_to_text`), the samples
(the files the page links beside it, `NAME_sample_ts1_input.txt`, else the page's own `<pre id="sample_input_N">`
blocks), the explanation after the samples as the note, and the limits the page states ("Time limit: 20
seconds.", "Memory limit: 1 GB.") since the package's problem.yaml gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from problems.model import Test
from problems.native import read_text
from problems.statement import latex_math_to_text

_SKIPPED = {"script", "style", "head", "title", "noscript", "template", "svg", "button", "textarea"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "col", "area", "base"}
_PARAGRAPHS = {"p", "blockquote", "table", "ul", "ol", "dl", "figure", "center"}
_LINES = {"div", "section", "article", "dt", "dd", "figcaption", "header", "footer", "main"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SAMPLE_PRE = re.compile(r"sample_(input|output)_(\d+)$")
# Markers the text carries until it is finished: a <pre> block's number, and one indent step of a list item.
_PRE = "\x00"
_INDENT = "\x01"


@dataclass(frozen=True)
class HtmlStatement:
    """A statement page read: its title, the text before the samples, the note after them, and what it states."""

    title: str
    statement: str
    note: str
    samples: tuple[Test, ...]
    time_limit: float | None
    memory_mib: int | None


class _Page(HTMLParser):
    """Collects a page's text with block structure, its `<pre>` blocks apart, and its sample boxes apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.pres: list[str] = []
        self.title = ""
        self.skipping = 0
        self.pre: list[str] | None = None
        self.pre_sample: tuple[str, int, str] | None = None  # (input|output, number, linked file) of an open <pre>
        self.lists: list[list] = []  # [tag, items so far] for each open list
        self.cells = 0  # cells so far in the open table row
        self.heading_at: int | None = None
        self.sample_heading_at: int | None = None
        self.sample_box_depth = 0  # open <div>s inside a sample box (a `problem-io-wrapper`)
        self.sample_start: int | None = None  # where the first sample box began in `out`
        self.sample_text: dict[tuple[str, int], tuple[str, str]] = {}  # (kind, n) → (text, linked file)
        self.last_link = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in _SKIPPED:
            self.skipping += tag not in _VOID
            return
        if self.skipping:
            return
        if tag == "a" and attributes.get("href"):
            self.last_link = attributes["href"]
        if tag == "div" and (self.sample_box_depth or "problem-io-wrapper" in attributes.get("class", "")):
            if not self.sample_box_depth and self.sample_start is None:
                self.sample_start = len(self.out)
            self.sample_box_depth += 1
        if tag == "pre":
            self.pre = []
            match = _SAMPLE_PRE.match(attributes.get("id", ""))
            self.pre_sample = None
            if match:
                kind = match.group(1)
                # the download link before the box names the sample's file (`NAME_sample_ts1_input.txt`)
                link = self.last_link if self.last_link.endswith(f"{kind}.txt") else ""
                self.pre_sample = (kind, int(match.group(2)), link)
                self.last_link = ""
            return
        if self.pre is not None or self.sample_box_depth:
            return
        if tag in _HEADINGS:
            self.out.append("\n\n")
            self.heading_at = len(self.out)
        elif tag in ("ul", "ol"):
            self.out.append("" if self.lists else "\n\n")  # a list nested in an item continues it
            self.lists.append([tag, 0])
        elif tag == "li":
            depth = max(len(self.lists), 1)
            kind, count = self.lists[-1] if self.lists else ("ul", 0)
            if self.lists:
                self.lists[-1][1] += 1
            self.out.append("\n" + _INDENT * depth + (f"{count + 1}. " if kind == "ol" else "* "))
        elif tag == "br":
            self.out.append("\n")
        elif tag == "tr":
            self.out.append("\n")
            self.cells = 0
        elif tag in ("td", "th"):
            self.out.append(" | " if self.cells else "")
            self.cells += 1
        elif tag == "sub":
            self.out.append("_")
        elif tag == "sup":
            self.out.append("^")
        elif tag in _PARAGRAPHS | _LINES and not self.lists:  # inside a list item, a block continues the item
            self.out.append("\n\n" if tag in _PARAGRAPHS else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
            return
        if self.skipping or tag in _VOID:
            return
        if tag == "pre" and self.pre is not None:
            text = "".join(self.pre)
            if self.pre_sample is not None:
                kind, number, link = self.pre_sample
                self.sample_text[kind, number] = (text, link)
            elif not self.sample_box_depth:
                self.out.append(f"\n\n{_PRE}{len(self.pres)}{_PRE}\n\n")
                self.pres.append(text)
            self.pre = self.pre_sample = None
            return
        if tag == "div" and self.sample_box_depth:
            self.sample_box_depth -= 1
            return
        if self.pre is not None or self.sample_box_depth:
            return
        if tag in _HEADINGS and self.heading_at is not None:
            text = " ".join("".join(self.out[self.heading_at:]).split())
            del self.out[self.heading_at:]
            if tag == "h1" and not self.title:
                self.title = text
                self.out.clear()  # what precedes the title is the contest's name; the title is the problem's
            else:
                if re.fullmatch(r"Samples?(?: Cases?)?", text, re.I):
                    self.sample_heading_at = len(self.out) - 1
                self.out.append(text + "\n\n")
            self.heading_at = None
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.out.append("" if self.lists else "\n\n")
        elif tag in _PARAGRAPHS | _LINES and not self.lists:
            self.out.append("\n\n" if tag in _PARAGRAPHS else "\n")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.pre is not None:
            self.pre.append(data)
        elif not self.sample_box_depth:
            self.out.append(re.sub(r"\s+", " ", data))


def _finish(chunks: list[str], pres: list[str]) -> str:
    """Text chunks as the finished text: formulas converted, lines trimmed, one blank line between blocks."""
    text = "".join(chunks)
    text = re.sub(r"\$\$\$\$(.+?)\$\$\$\$", lambda m: "\n" + latex_math_to_text(m.group(1)).strip() + "\n", text,
                  flags=re.S)
    text = re.sub(r"\$\$\$(.+?)\$\$\$", lambda m: latex_math_to_text(m.group(1)).strip(), text, flags=re.S)
    lines = [re.sub(r" {2,}", " ", line).strip().replace(_INDENT, "  ") for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")  # not " ": a list may open the text
    # MathJax leaves <pre> alone (its `skipTags`), so the blocks go back in as they were written.
    text = re.sub(f"{_PRE}(\\d+){_PRE}", lambda m: pres[int(m.group(1))].strip("\n"), text)
    return text + "\n" if text else ""


def html_to_text(html: str) -> tuple[str, str]:
    """An HTML statement as (title, plain text), its sample boxes left out."""
    page = _parse(html)
    return page.title, _finish(page.out, page.pres)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def read_statement(path: Path) -> HtmlStatement:
    """Read a Code Jam `problem.html`; samples come from the files it links beside it, else from the page."""
    where = str(path)
    page = _parse(read_text(path, where, "description"))
    samples = []
    for number in sorted({n for _, n in page.sample_text}):
        texts = [_sample_part(path.parent, *page.sample_text.get((kind, number), ("", "")), where)
                 for kind in ("input", "output")]
        samples.append(Test(texts[0], texts[1], "sample"))
    cut = end = len(page.out)
    if page.sample_start is not None:
        cut = end = page.sample_start
        if page.sample_heading_at is not None and page.sample_heading_at <= page.sample_start:
            cut = page.sample_heading_at  # the "Sample" heading goes with the boxes: the description has its own
    statement = _finish(page.out[:cut], page.pres)
    note = _finish(page.out[end:], page.pres) if page.sample_start is not None else ""
    time_match = re.search(r"Time limit:\s*([0-9]+(?:\.[0-9]+)?)\s*seconds?", statement, re.I)
    memory_match = re.search(r"Memory limit:\s*([0-9]+(?:\.[0-9]+)?)\s*(GB|GiB|MB|MiB)", statement, re.I)
    memory = None
    if memory_match:
        memory = round(float(memory_match.group(1)) * (1024 if memory_match.group(2).upper()[0] == "G" else 1))
    return HtmlStatement(
        title=page.title,
        statement=statement,
        note=note,
        samples=tuple(samples),
        time_limit=float(time_match.group(1)) if time_match else None,
        memory_mib=memory or None,
    )


def _sample_part(folder: Path, text: str, link: str, where: str) -> str:
    """A sample's input or output: the linked file beside the statement when there is one, else the page's text."""
    name = link.rsplit("/", 1)[-1]
    if name and not link.startswith(("http:", "https:")) and (folder / name).is_file():
        return read_text(folder / name, where, "public_tests")
    return text

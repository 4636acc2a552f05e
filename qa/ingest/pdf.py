"""A text-layer PDF becomes the report's paragraphs, one per line, as its text file would have them.

Reports are often published as PDF. pypdf reads each page's text with its layout (leading
spaces stand for the indentation); what a PDF adds to the text is taken away by shape:
- running headers and footers: a line that recurs (digits aside) at the top or bottom of most pages;
- page numbers (`3`, `- 3 -`, `第3页`, `3/40`);
- lines broken by the page width: a line joins the one before unless it starts a paragraph — it is
  indented further than the page's body lines, or the line before stopped well short of the full
  width (a wrapped line runs to the margin).
A PDF with pages but no text layer (a scan) is refused with the fix.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from qa.common.errors import SourceError

PAGE_NUMBER = re.compile(r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?(?:\s*页)?[\s\-—–－·•]*$")
CJK_SPACE = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])")
EDGE_LINES = 2  # how many lines at the top and the bottom of a page may be a running header or footer
MIN_TEXT_PER_PAGE = 20  # characters: fewer on average means a scan without a text layer


def _width(line: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in line.strip())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \u3000"))


def _edge_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def pdf_text(path, raw: bytes) -> str:
    """The report's text from a PDF's text layer: one paragraph per line.

    Raises:
        SourceError: not a readable PDF, encrypted, or without a text layer (scanned).
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            raise SourceError(f"{path}: the PDF is encrypted. Fix: save an unprotected copy, or the report's text.")
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as e:
        raise SourceError(f"{path}: is not a readable PDF ({e}). Fix: open and save it again, or pass the text.") from None
    chars = sum(len(re.sub(r"\s", "", p)) for p in pages)
    if not pages or chars < MIN_TEXT_PER_PAGE * len(pages):
        raise SourceError(f"{path}: the PDF has no text layer (a scanned image?), {chars} characters on "
                          f"{len(pages)} page(s). Fix: run OCR on it first (e.g. `ocrmypdf in.pdf out.pdf`), "
                          "or pass the report's .txt/.docx.")
    return "\n".join(paragraphs(pages))


def paragraphs(pages: list[str]) -> list[str]:
    """Join the pages' lines into paragraphs, without running headers, footers and page numbers."""
    page_lines = [[line.rstrip() for line in page.splitlines() if line.strip()] for page in pages]
    recurring = _running_lines(page_lines)
    body: list[list[str]] = []
    for lines in page_lines:
        keep = [line for i, line in enumerate(lines)
                if not PAGE_NUMBER.match(line)
                and not ((i < EDGE_LINES or i >= len(lines) - EDGE_LINES) and _edge_key(line) in recurring)]
        body.append(keep)
    widths = [_width(line) for lines in body for line in lines]
    full = sorted(widths)[int(0.9 * (len(widths) - 1))] if widths else 0.0  # a full line, nearly
    indents = Counter(_indent(line) for lines in body for line in lines)
    base = min((i for i, n in indents.items() if n >= 0.3 * max(indents.values())), default=0)
    out: list[str] = []
    last = ""  # the line before, as printed
    for lines in body:
        for line in lines:
            text = line.strip()
            indented = _indent(line) > base
            ended = _width(last) < 0.85 * full  # a line that stopped short of the margin was not wrapped
            if not out or indented or ended:
                out.append(text)
            else:
                out[-1] += text
            last = text
    return [CJK_SPACE.sub("", p) for p in out]


def _running_lines(page_lines: list[list[str]]) -> set[str]:
    """Lines (digits aside) at a page's top or bottom that recur on at least half the pages (3 at least)."""
    if len(page_lines) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in page_lines:
        edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
        counts.update({_edge_key(line) for line in edges})
    return {key for key, n in counts.items() if n >= max(3, len(page_lines) // 2)}

"""Reading report files as people have them: .txt (UTF-8, GB18030/GBK, UTF-16), .docx, saved .html pages.

A folder stands for every report file inside it (recursively); other files are skipped and named.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from qa.common.errors import SourceError
from qa.common.normalize import to_simplified

TEXT_SUFFIXES = (".txt", ".text")
DOCX_SUFFIXES = (".docx",)
PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm")
REPORT_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES
NOT_REPORTS = ("readme", "license", "changelog")  # file stems that are never reports


@dataclass(frozen=True)
class Source:
    """One report file, read: its bytes (for the content hash) and its text."""

    path: Path
    raw: bytes
    text: str
    format: str  # "txt", "docx" or "html"
    encoding: str

    @property
    def id(self) -> str:
        """The report's id: the file stem (`shanxi-2025`), stable across rebuilds."""
        return self.path.stem

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


def read_source(path: Path) -> Source:
    """Read one report file, whatever its format; raise SourceError naming the problem and the fix."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file. Fix: pass a report file or folder with --source.") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a folder; use report_files() to expand it.") from None
    except OSError as e:
        raise SourceError(f"{path}: cannot be read ({e.strerror}). Fix: check the path and its permissions.") from None
    if not raw.strip():
        raise SourceError(f"{path}: the file is empty. Fix: pass the report's text, Word or HTML file.")
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return Source(path, raw, _docx_text(path, raw), "docx", "docx")
    if suffix in PDF_SUFFIXES or raw[:5] == b"%PDF-":
        from qa.ingest.pdf import pdf_text

        return Source(path, raw, pdf_text(path, raw), "pdf", "pdf")
    text, encoding = decode_text(path, raw)
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        return Source(path, raw, _html_text(path, text), "html", encoding)
    return Source(path, raw, text, "txt", encoding)


def decode_text(path: Path, raw: bytes) -> tuple[str, str]:
    """Decode a text file: UTF-16 (with BOM), UTF-8 (with or without BOM), else GB18030 (covers GBK/GB2312)."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = raw.decode("utf-16")
            if _ordinary_share(text) >= 0.9:
                return text, "utf-16"
        except UnicodeDecodeError:
            pass
    if raw[:4] == b"PK\x03\x04":
        raise SourceError(f"{path}: is a zip archive (a Word file?), not text. "
                          "Fix: give it the .docx extension, or save it as plain text.")
    if b"\x00" in raw[:8192]:
        raise SourceError(f"{path}: looks binary (it has NUL bytes), not a text report. "
                          "Fix: save the report as plain text (UTF-8), .docx or .html and pass that file.")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    # GB18030 decodes almost any bytes; keep the result only if it reads as Chinese text.
    if text and _ordinary_share(text) >= 0.9:
        return text, "gb18030"
    raise SourceError(f"{path}: is neither UTF-8 nor GB18030/GBK text. "
                      f"Fix: convert it, e.g. `iconv -f BIG5 -t UTF-8 {path} > report.txt`.")


def _ordinary_share(text: str) -> float:
    """Share of characters a Chinese report is made of: CJK, ASCII, punctuation, whitespace."""
    def ordinary(ch: str) -> bool:
        cp = ord(ch)
        return (0x20 <= cp < 0x7F or ch in "\n\r\t" or 0x4E00 <= cp <= 0x9FFF or 0x3000 <= cp <= 0x303F
                or 0xFF00 <= cp <= 0xFFEF or 0x2010 <= cp <= 0x206F or cp == 0xA0)
    return sum(map(ordinary, text)) / len(text)


def _docx_text(path: Path, raw: bytes) -> str:
    """The paragraphs of a Word file (python-docx), one per line; table rows as tab-joined lines."""
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise SourceError(f"{path}: is not a readable Word (.docx) file ({e}). "
                          "Fix: open it in Word or LibreOffice and save it again as .docx.") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text.strip() for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise SourceError(f"{path}: the Word file has no text. Fix: pass the report's Word file.")
    return text


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def _html_text(path: Path, html: str) -> str:
    """The main text of a saved web page (trafilatura), one paragraph per line."""
    import trafilatura

    text = trafilatura.extract(html, include_tables=True, include_comments=False, favor_recall=True,
                               include_formatting=False, deduplicate=False)
    if not text or not text.strip():
        raise SourceError(f"{path}: no main text found in the web page. "
                          "Fix: save the page's report text as .txt and pass that file.")
    return text


def is_report_text(text: str) -> bool:
    """True when a text reads like a government work report (a folder build skips other files)."""
    head = to_simplified(text[:6000])
    return ("政府工作报告" in head.replace(" ", "").replace("\u3000", "") or "各位代表" in head
            or re.search(r"我代表[\u4e00-\u9fff]{0,20}?(?:国务院|人民政府)", head) is not None)


MAX_REPORT_BYTES = 20_000_000  # a work report is 20–400 KB of text (a few MB as PDF); more is something else


def read_reports(paths: list[Path], force: bool = False) -> tuple[list[Source], list[tuple[Path, str]]]:
    """Read report files and folders; return the reports and the skipped files with the reason.

    A file named explicitly fails loudly if unreadable, larger than MAX_REPORT_BYTES, or not reading
    like a work report (a news page, a list) — unless `force`; inside a folder (searched
    recursively), only files with a report suffix whose text reads like a report are taken.
    """
    sources: list[Source] = []
    skipped: list[tuple[Path, str]] = []
    for path in map(Path, paths):
        if not path.exists():
            raise SourceError(f"{path}: no such file or folder. Fix: pass a report file or folder with --source.")
        if not path.is_dir():
            if not force and path.stat().st_size > MAX_REPORT_BYTES:
                raise SourceError(f"{path}: {path.stat().st_size // 1_000_000} MB is far larger than a work report. "
                                  "Fix: pass the report itself, or --force to index it anyway.")
            source = read_source(path)
            if not force and not is_report_text(source.text):
                raise SourceError(f"{path}: does not read like a government work report (no 政府工作报告, 各位代表 or "
                                  "我代表…人民政府 near the top). Fix: pass the report, or --force to index it anyway.")
            sources.append(source)
            continue
        for f in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
            if f.suffix.lower() not in REPORT_SUFFIXES:
                skipped.append((f, f"not a report file type ({', '.join(REPORT_SUFFIXES)})"))
                continue
            if f.stem.lower().split(".")[0] in NOT_REPORTS:
                skipped.append((f, "not a report"))
                continue
            try:
                source = read_source(f)
            except SourceError as e:
                skipped.append((f, str(e).split(": ", 1)[-1]))
                continue
            if is_report_text(source.text):
                sources.append(source)
            else:
                skipped.append((f, "does not read like a government work report"))
    if not sources:
        raise SourceError(f"no report files in {', '.join(map(str, paths))}. "
                          "Fix: pass .txt, .docx or .html reports (or a folder of them).")
    return sources, skipped


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)

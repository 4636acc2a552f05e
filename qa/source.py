"""Reading a report file: UTF-8, or GB18030/GBK as Chinese government pages often are."""

from __future__ import annotations

from pathlib import Path


class SourceError(Exception):
    """The report file cannot be read as text; the message names the file and the fix."""


def read_source(path: Path) -> tuple[bytes, str]:
    """Return the raw bytes and the decoded text of a report file.

    UTF-8 (with or without BOM) is tried first, then GB18030 (a superset of GBK and GB2312).
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file. Fix: pass the report with --source FILE.") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a folder, not a file. Fix: pass the report file with --source FILE.") from None
    except OSError as e:
        raise SourceError(f"{path}: cannot be read ({e.strerror}). Fix: check the path and its permissions.") from None
    if not raw.strip():
        raise SourceError(f"{path}: the file is empty. Fix: pass the report's text file with --source FILE.")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = raw.decode("utf-16")
            if _ordinary_share(text) >= 0.9:
                return raw, text
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw[:8192]:
        raise SourceError(f"{path}: looks binary (it has NUL bytes), not a text report. "
                          "Fix: save the report as plain text (UTF-8) and pass that file.")
    try:
        return raw, raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    # GB18030 decodes almost any bytes; keep the result only if it reads as Chinese text.
    if text and _ordinary_share(text) >= 0.9:
        return raw, text
    raise SourceError(f"{path}: is neither UTF-8 nor GB18030/GBK text. "
                      f"Fix: convert it, e.g. `iconv -f BIG5 -t UTF-8 {path} > report.txt`.")


def _ordinary_share(text: str) -> float:
    """Share of characters a Chinese report is made of: CJK, ASCII, punctuation, whitespace."""
    def ordinary(ch: str) -> bool:
        cp = ord(ch)
        return (0x20 <= cp < 0x7F or ch in "\n\r\t" or 0x4E00 <= cp <= 0x9FFF or 0x3000 <= cp <= 0x303F
                or 0xFF00 <= cp <= 0xFFEF or 0x2010 <= cp <= 0x206F)
    return sum(map(ordinary, text)) / len(text)

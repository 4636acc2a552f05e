"""Raw scraped report -> clean lines, with counts of what was removed or flagged.

The raw page carries site boilerplate, pinyin annotations after characters (`來(lái)`), HTML
remnants (`?/span>`) and mojibake runs: GBK bytes decoded one byte out of step, with `?`
where a byte was lost (`我們?nèi)翰呷毫?,` for `我们群策群力,`). The bytes lost in those runs
cannot be recovered from the text, so a run is replaced by a visible GARBLED marker: it is
never shown as if it were report text and never indexed for search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.normalize import PINYIN_LETTERS, strip_pinyin

GARBLED = "〔乱码〕"

# Site header/footer lines (the same five at the top and the bottom of the page).
BOILERPLATE = re.compile(r"^(主辦單位|主办单位|承辦單位|承办单位)|ICP備|ICP备|涉密文件|門戶網站提示|门户网站提示|瀏覽器|浏览器")
# `?/span>`: a tag whose `<` was lost. The `?` stays, so a garbled run it ends is still seen.
HTML_REMNANT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\s*/?>|(?<=\?)/[a-zA-Z]+>")

# A mojibake run starts at a `?` (a lost byte) and goes on while, within a few characters,
# another trace of misaligned decoding follows: another `?`, stray Latin letters (a lead
# byte swallowed an ASCII byte), or the tail of a pinyin annotation whose `X(` was lost
# (`?nèi)`). Ordinary punctuation, digits and whitespace end it.
_MARK = rf"(?:\?|[A-Za-z^{PINYIN_LETTERS}]+\)?|!)"
_GAP = rf"[^\s,，。、；;：:“”\"()（）0-9A-Za-z?!{PINYIN_LETTERS}]"
GARBLED_RUN = re.compile(rf"\?(?:{_GAP}{{0,8}}{_MARK})*")


@dataclass
class CleanReport:
    """What cleaning removed, repaired or flagged."""

    boilerplate_lines: int = 0
    pinyin_annotations: int = 0
    html_remnants: int = 0
    garbled_runs: int = 0
    garbled_examples: list[str] = field(default_factory=list)

    def add(self, other: CleanReport) -> None:
        """Count `other`'s removals too (one report per source when several are indexed)."""
        self.boilerplate_lines += other.boilerplate_lines
        self.pinyin_annotations += other.pinyin_annotations
        self.html_remnants += other.html_remnants
        self.garbled_runs += other.garbled_runs
        self.garbled_examples += other.garbled_examples

    def summary(self) -> str:
        return (
            f"removed {self.boilerplate_lines} boilerplate lines, "
            f"{self.pinyin_annotations} pinyin annotations, {self.html_remnants} HTML remnants; "
            f"flagged {self.garbled_runs} garbled runs as {GARBLED}"
        )


def clean_line(line: str, report: CleanReport) -> str:
    """Clean one content line: pinyin, HTML remnants, then garbled runs."""
    line, n = strip_pinyin(line)
    report.pinyin_annotations += n
    line, n = HTML_REMNANT.subn("", line)
    report.html_remnants += n

    runs = []

    def flag(m: re.Match) -> str:
        runs.append(m.group(0))
        return GARBLED

    line = GARBLED_RUN.sub(flag, line)
    # Two runs split only by a space are one damaged stretch: show one marker.
    line, merged = re.subn(rf"{GARBLED}\s*{GARBLED}", GARBLED, line)
    report.garbled_runs += len(runs) - merged
    report.garbled_examples.extend(runs)
    return line.strip()


def clean_text(raw: str) -> tuple[list[str], CleanReport]:
    """Clean the whole raw report; return its non-empty content lines and the report."""
    report = CleanReport()
    lines = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        if BOILERPLATE.search(strip_pinyin(line)[0]):
            report.boilerplate_lines += 1
            continue
        cleaned = clean_line(line, report)
        if cleaned:
            lines.append(cleaned)
    return lines, report

"""Clean lines -> structured paragraphs: document info, parts (一、), sections ((一)), numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
SECTION_HEADING = re.compile(r"^[(（][一二三四五六七八九十]+[)）]")
DATE_LINE = re.compile(r"^——?.*?(\d{4}年\d{1,2}月\d{1,2}日)")
SPEAKER_LINE = re.compile(r"^(\S*?人民政府)\S*\s+\S+$")
SENTENCE_END = "。！？!?；;"
LEAD_MAX_CHARS = 30  # a lead sentence is a short topic line: `推進一產提質。`

INFO_PART = "文件信息"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a report, with where it stands in the report's structure."""

    doc_title: str
    part: str
    section: str
    number: int  # 0 for the document-info passage, then 1.. in reading order
    text: str
    lead: str = ""

    @property
    def where(self) -> str:
        """`part › section › ¶n`, the citation a reader can look up."""
        crumbs = [c for c in (self.part, self.section) if c]
        return " › ".join(crumbs + [f"第{self.number}段"])


def lead_sentence(text: str) -> str:
    """The paragraph's opening topic sentence, when it is short enough to be one."""
    m = re.match(rf"[^{SENTENCE_END}]+[{SENTENCE_END}]", text)
    if m and len(m.group(0)) <= LEAD_MAX_CHARS and m.end() < len(text):
        return m.group(0)
    return ""


def parse(lines: list[str]) -> list[Paragraph]:
    """Parse the clean lines of one report into paragraphs.

    The lines before the first salutation or part heading are the document info (title,
    date/occasion, speaker); they become paragraph 0, a citable passage of their own.
    """
    info: list[str] = []
    body_start = 0
    for i, line in enumerate(lines):
        if PART_HEADING.match(line) or line.startswith("各位代表"):
            body_start = i
            break
        info.append(line)
    title = _doc_title(info)
    paragraphs = [Paragraph(title, INFO_PART, "", 0, "\n".join(info))] if info else []
    part = section = pending = ""
    number = 0
    for line in lines[body_start:]:
        if PART_HEADING.match(line):
            part, section = line, ""
            continue
        if SECTION_HEADING.match(line) and len(line) <= 60:
            section = line
            continue
        if len(line) <= 10 and line[-1] in ":：":
            pending = line  # a salutation such as `各位代表:` opens the next paragraph
            continue
        line, pending = pending + line, ""
        number += 1
        paragraphs.append(Paragraph(title, part, section, number, line, lead_sentence(line)))
    return paragraphs


def _doc_title(info: list[str]) -> str:
    """`吉縣政府工作報告(2024年4月8日)` from the title, date and speaker lines."""
    if not info:
        return "未命名文件"
    title, place, date = info[0], "", ""
    for line in info[1:]:
        if m := DATE_LINE.match(line):
            date = m.group(1)
        elif m := SPEAKER_LINE.match(line):
            place = m.group(1).removesuffix("人民政府")
    return f"{place}{title}" + (f"({date})" if date else "")

"""Clean lines -> the report's structure: its header, parts (一、), sections ((一)), numbered paragraphs.

Paragraphs are numbered the way a reader finds them in the published report: the n-th paragraph
of its section, or of its part where the part has no sections (`二、… › (三)… › 第2段`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.common.normalize import to_simplified
from qa.common.years import YEAR_NIAN

NUMBERED_PART = re.compile(r"^[一二三四五六七八九十]{1,3}、")
# A part heading without its number (`2024年工作回顾`, `2025年工作安排建议`), as some copies print them.
UNNUMBERED_PART = re.compile(r"^(?:(?:19|20)\d\d\s*年|过去一年|过去五年|今年)[^。；！？，,]{0,16}"
                             r"(?:工作回顾|工作安排(?:建议)?|重点工作(?:任务)?|重点任务|目标任务|总体要求|主要任务)$")

SECTION_HEADING = re.compile(r"^[(（][一二三四五六七八九十]{1,3}[)）]")
SENTENCE_END = "。！？!?；;"
LEAD_MAX_CHARS = 30  # a lead sentence is a short topic line: `推進一產提質。`
PART_MAX_CHARS = 50
SECTION_MAX_CHARS = 60
YEAR = YEAR_NIAN

HEADER_PART = "文件信息"  # the title, date, occasion and speaker lines: paragraph 0, citable
OPENING_PART = "开头"  # the paragraphs before the first part heading (`各位代表：现在，我代表…`)
APPENDIX_PART = "附件"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a report, with where it stands in the report's structure."""

    report: str  # the report's id
    part: str
    section: str
    number: int  # the reader's number: its place in its section (or part); 0 for the header
    seq: int  # its place in the whole report, from 0 (the header)
    text: str
    lead: str = ""
    year: int | None = None  # the year its part is about (the reviewed year, or the planned one)

    @property
    def where(self) -> str:
        """`part › section › 第n段`, the citation a reader can look up."""
        return where(self.part, self.section, self.number)


def is_part_heading(line: str) -> bool:
    simple = to_simplified(line)
    return len(line) <= PART_MAX_CHARS and bool(NUMBERED_PART.match(simple) or UNNUMBERED_PART.match(simple))


def where(part: str, section: str, number: int) -> str:
    if part == HEADER_PART:
        return HEADER_PART
    crumbs = [c for c in (part, section) if c]
    return " › ".join(crumbs + [f"第{number}段"])


def lead_sentence(text: str) -> str:
    """The paragraph's opening topic sentence, when it is short enough to be one."""
    m = re.match(rf"[^{SENTENCE_END}]+[{SENTENCE_END}]", text)
    if m and len(m.group(0)) <= LEAD_MAX_CHARS and m.end() < len(text):
        return m.group(0)
    return ""


def split_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """The header lines (before the salutation `各位代表` or the first part heading), and the rest."""
    for i, line in enumerate(lines):
        if is_part_heading(line) or line.startswith(("各位代表", "各位代錶")):
            return lines[:i], lines[i:]
    return [], lines


def part_year(part: str) -> int | None:
    """The year a part heading names (`一、2023年工作回顧` -> 2023), if any."""
    m = YEAR.search(part)
    return int(m.group(1)) if m else None


def is_review(part: str) -> bool:
    return "回顾" in to_simplified(part) or "总结" in to_simplified(part)


def section_heading(line: str) -> str | None:
    """The section heading a line is or starts with: a short `(一)…` line, or its first sentence."""
    if not SECTION_HEADING.match(line):
        return None
    m = re.match(rf"[^{SENTENCE_END}]+[{SENTENCE_END}]", line)
    if m is None or m.end() >= len(line.rstrip()):  # one sentence (or none): the line is the heading
        return line if len(line) <= SECTION_MAX_CHARS else None
    return m.group(0) if len(m.group(0)) <= SECTION_MAX_CHARS else None


def parse(report: str, lines: list[str], appendix: list[str] = (), plan_year: int | None = None) -> list[Paragraph]:
    """Parse the clean lines of one report into paragraphs.

    Args:
        report: the report's id, carried by every paragraph.
        appendix: lines after the closing paragraph; they become the 附件 part.
        plan_year: the year the report plans; a part after the review part without a year of its
            own (`三、加强政府自身建设`) is about it.
    """
    header, body = split_header(lines)
    paragraphs = [Paragraph(report, HEADER_PART, "", 0, 0, "\n".join(header))] if header else []
    headings = [line for line in body if is_part_heading(line)]
    # Parts that name no year and no 回顾 (`一、牢记殷殷嘱托，在接续奋斗中…`): a work report reviews the
    # past year in its first part and plans in the rest.
    positional = bool(headings) and not any(part_year(h) or is_review(h) for h in headings)
    part, section, pending = OPENING_PART, "", ""
    year: int | None = None
    seen_review = False
    number = 0
    for line in body:
        if is_part_heading(line):
            if pending:  # a salutation right before a heading is a paragraph of its own
                number += 1
                paragraphs.append(Paragraph(report, part, section, number, len(paragraphs), pending, "", year))
                pending = ""
            part, section, number = line, "", 0
            year = part_year(line)
            if positional and plan_year:
                year = plan_year - 1 if line == headings[0] else plan_year
                seen_review = True
            elif is_review(line):
                seen_review = True
                year = year or (plan_year - 1 if plan_year else None)
            elif year is None and seen_review:
                year = plan_year
            continue
        heading = section_heading(line)
        if heading is not None:
            section, number = heading, 0
            if heading == line:
                continue
        if len(line) <= 10 and line[-1] in ":：！!，,":
            pending = line  # a salutation such as `各位代表：` opens the next paragraph
            continue
        line, pending = pending + line, ""
        number += 1
        paragraphs.append(Paragraph(report, part, section, number, len(paragraphs), line, lead_sentence(line), year))
    if pending:
        paragraphs.append(Paragraph(report, part, section, number + 1, len(paragraphs), pending, "", year))
    paragraphs += _appendix(report, list(appendix), len(paragraphs), plan_year)
    return paragraphs


def _appendix(report: str, lines: list[str], seq: int, plan_year: int | None = None) -> list[Paragraph]:
    """The appendix: short lines without a sentence end are its headings, the rest paragraphs. A list of the
    year's tasks (`2025年省十件民生实事`, items opening with `年度目标：`) is about the year the report plans;
    the rest (名词解释) about no year."""
    out: list[Paragraph] = []
    section, number = "", 0
    for line in lines:
        if len(line) <= 40 and line[-1] not in SENTENCE_END and "：" not in line[:-1]:
            section, number = line, 0
            continue
        number += 1
        planned = plan_year is not None and (f"{plan_year}年" in section or line.startswith("年度目标"))
        out.append(Paragraph(report, APPENDIX_PART, section, number, seq + len(out), line, year=plan_year if planned else None))
    return out

"""Answer -> what the chat shows: the reply, the sources panel, the table, the plain text to copy.

Everything from a report or a user is escaped; `[n]` becomes a link to its source card; a garbled
run of the scraped text (〔乱码〕) is shown as … with a tooltip, never as text.
"""

from __future__ import annotations

import html
import re

from qa.answer.compose import ENGLISH_FRAME, ENGLISH_TABLE_FRAME, MAYBE_RELATED, Answer, follow_up_label
from qa.answer.table import unit_kind
from qa.common.normalize import to_simplified
from qa.index.store import Index
from qa.ingest.clean import GARBLED

SIMPLIFIED, TRADITIONAL = "简体", "报告原文"
SCRIPTS = (SIMPLIFIED, TRADITIONAL)
GARBLED_HTML = '<span class="garbled" title="原文此处是乱码，已省略">…</span>'


def in_script(text: str, script: str) -> str:
    return to_simplified(text) if script == SIMPLIFIED else text


def escape_markdown(text: str) -> str:
    """Text shown literally inside Markdown: HTML escaped, Markdown markup characters escaped."""
    escaped = html.escape(text, quote=False)
    for ch in "\\`*_{}[]<>()#+-!|~":
        escaped = escaped.replace(ch, "\\" + ch)
    return escaped


def _text_html(text: str, script: str) -> str:
    """Report text as HTML: in the chosen script, escaped, garbled runs as …."""
    return html.escape(in_script(text, script)).replace(html.escape(in_script(GARBLED, script)), GARBLED_HTML)


def _cite(n: int, key: str = "") -> str:
    # which answer it belongs to rides in the link itself (the chat's sanitizer keeps href, not data- attributes)
    return f'<a class="cite" href="#source-{n}{"~" + key if key else ""}" data-source="{n}">[{n}]</a>'


def answer_key(answer: Answer) -> str:
    """Which answer a [n] and a sources panel belong to: the panel shows the latest answer's sources only, so an
    earlier answer's [2] must not jump to the latest one's card [2]."""
    import hashlib

    return hashlib.blake2s(f"{answer.question}\n{answer.body()}".encode(), digest_size=6).hexdigest()


def date_zh(iso: str) -> str:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日" if m else ""


def reply_html(answer: Answer, script: str = SIMPLIFIED, mode: str = "hybrid") -> str:
    """The chat reply: the quoted answer with [n] links, what it followed up on, where it comes from."""
    lines, key = [], answer_key(answer)
    if answer.context:
        lines.append(f'<div class="context">{_text_html(follow_up_label(answer.context, answer.english), script)}</div>')
    if answer.table is not None and not answer.abstained:
        frame = ENGLISH_TABLE_FRAME.strip() + " " if answer.english else ""
        summary = _text_html(answer.table.summary_text(answer.english), script)
        summary = re.sub(r"\[(\d+)\]", lambda m: _cite(int(m.group(1)), key), summary)  # the verdict's [n], linked
        lines.append(f"<p>{frame}{summary}</p>")
        lines.append('<p class="hint">每个单元格都引自该地区自己的报告，[n] 对应同号的来源卡片；表格可按列排序，可下载 CSV。</p>')
    elif answer.abstained:
        message = answer.body()  # (the follow-up's label is shown once, above; an English question's lead, in English)
        # (a refusal that quotes what the report says instead, 只写了：“…”[1], links its [n] as an answer does)
        lines.append("<p>" + re.sub(r"\[(\d+)\]", lambda m: _cite(int(m.group(1)), key), _text_html(message, script)) + "</p>")
        if answer.sources:
            lines.append(f'<p class="hint">下面列出检索到的最接近的段落，标为“{MAYBE_RELATED}”，仅供参考。</p>')
    else:
        items = []
        for p in answer.parts:
            label = f'<b>{_text_html(p.label, script)}：</b>' if p.label else ""
            items.append(f"{label}{_text_html(p.display(), script)}{_cite(p.source, key)}")
        body = "<br>".join(items) if answer.in_lines else "".join(items)
        if answer.english:
            body = ENGLISH_FRAME + body
        lines.append(f"<p>{body}</p>")
        if answer.comparison:
            lines.append(f'<p class="comparison">{_text_html(answer.comparison, script)}</p>')
        if answer.note:
            lines.append(f'<p class="note">（{_text_html(answer.note, script)}）</p>')
        cited = []
        for p in answer.parts:
            r = answer.sources[p.source - 1].report
            if r.id not in [c.id for c in cited]:
                cited.append(r)
        if cited:
            names = "、".join(f"《{html.escape(r.title)}》" + (f"（{date_zh(r.date)}）" if r.date else "") for r in cited)
            lines.append(f'<p class="origin">出处：{names}</p>')
    if mode != "hybrid":
        lines.append('<p class="hint">（高级设置里选了另一种检索方式：不按问题里的地区、年份筛选报告。）</p>')
    return "".join(lines)


def sources_html(answer: Answer | None, index: Index, script: str = SIMPLIFIED) -> str:
    """The sources panel: each source with its number, report and date, place in the report, quoted sentence
    highlighted, and the whole paragraph one click away; plus the plain text that the copy button copies."""
    if answer is None:
        return '<div class="sources-empty">提问后，这里列出回答引用的报告段落。</div>'
    if not answer.sources:
        return '<div class="sources-empty">没有检索到段落。</div>'
    cited = {p.source for p in answer.parts} or set(answer.best_sentences)  # (a refusal's quoted words, too)
    cards = []
    for h in sorted(answer.sources, key=lambda h: (h.rank not in cited, h.rank)):  # the cited ones first, numbers kept
        c = h.chunk
        body, pos = "", 0
        for s, e in sorted(answer.best_sentences.get(h.rank, [])):
            if s < pos:
                continue
            body += _text_html(c.text[pos:s], script) + "<mark>" + _text_html(c.text[s:e], script) + "</mark>"
            pos = e
        body += _text_html(c.text[pos:], script)
        badge = ('<span class="badge cited">已引用</span>' if h.rank in cited
                 else f'<span class="badge maybe">{MAYBE_RELATED}</span>' if answer.abstained else "")
        date = f" · {date_zh(h.report.date)}" if h.report.date else ""
        head = (f'<b class="source-num">[{h.rank}]</b> 《{html.escape(h.report.title)}》{date}{badge}'
                f'<div class="where">{_text_html(c.where, script)}</div>')
        paragraph = index.paragraph_text(c.report, c.seq)
        more = ""
        if paragraph and paragraph.strip() != c.text.strip():
            more = (f"<details><summary>展开整段</summary>"
                    f'<div class="paragraph">{_text_html(paragraph, script)}</div></details>')
        cards.append(f'<div class="source" id="source-{h.rank}"><div class="source-head">{head}</div>'
                     f'<div class="source-text">{body}</div>{more}</div>')
    copy = html.escape(plain_text(answer, script))
    return (f'<div class="sources-bar"><span>来源</span><button class="copy-answer" type="button">复制回答和来源</button>'
            f'<textarea class="copy-text" readonly hidden>{copy}</textarea></div>'
            f'<div class="sources" data-answer="{answer_key(answer)}">{"".join(cards)}</div>')


def plain_text(answer: Answer, script: str = SIMPLIFIED) -> str:
    """The answer as plain text with its sources listed: what the copy button puts on the clipboard."""
    text = answer.text(simplified=script == SIMPLIFIED).replace(GARBLED, "…")
    lines = [f"问：{answer.question}", f"答：{text}"]
    if answer.sources:
        lines.append("来源：")
        for h in answer.sources:
            where = in_script(h.chunk.where, script).replace(GARBLED, "…")
            lines.append(f"[{h.rank}] 《{h.report.title}》{date_zh(h.report.date)} {where}")
    return "\n".join(lines)


def table_rows(answer: Answer, script: str = SIMPLIFIED) -> list[list]:
    """The table for the chat: 地区, 年份, the cell with its [n] link, and a number to sort by — in the table's unit
    where the row's figure is of its kind (重庆 1万户 beside 贵州 7801户: 1 and 0.7801, in 万户), as the chart and the sum
    have it."""
    if answer.table is None:
        return []
    unit = answer.table.unit
    rows, n = [], 0
    for row in answer.table.rows:
        cell = _text_html(row.cell, script)
        if row.mentioned:
            n += 1
            cell += _cite(n)
        value = row.value if row.mentioned else None  # the figure tied to what was asked (`分别` lists, ranges)
        if value is None and row.mentioned:
            m = re.search(r"\d+(?:\.\d+)?", row.cell)
            value_number = float(m.group(0)) if m else None
        else:
            value_number = None if value is None else round(value.in_unit(unit), 6) \
                if unit and value.kind == unit_kind(unit) else value.mid
        rows.append([row.report.place, row.year or "", cell, value_number])
    return rows


# The chat table's columns (`table_rows`), the last one its numbers.
TABLE_COLUMNS = ("地区", "年份", "报告中的说法", "数值")


def table_headers(answer: Answer) -> list[str]:
    """The table's column names, the numbers' unit said (数值（万户）)."""
    unit = answer.table.unit if answer.table is not None else ""
    return [*TABLE_COLUMNS[:-1], f"{TABLE_COLUMNS[-1]}（{unit}）" if unit else TABLE_COLUMNS[-1]]


def sources_json(answer: Answer, script: str = SIMPLIFIED) -> list[dict]:
    """The sources as plain data for the API."""
    out = []
    for h in answer.sources:
        item = h.to_json()
        item["text"] = in_script(item["text"], script)
        item["where"] = in_script(h.chunk.where, script)
        item["cited"] = any(p.source == h.rank for p in answer.parts)
        out.append(item)
    return out


def footer_markdown(index: Index) -> str:
    """What was searched, in plain words."""
    from qa.search.route import describe

    return f"检索范围：{len(index.reports)} 份政府工作报告（{describe(index.reports)}）· 全部在本机运行，不联网"


def report_choices(index: Index) -> list[tuple[str, str]]:
    """The report picker's choices, grouped by level and place, newest first: (label, id)."""
    from qa.common.places import LEVEL_ZH, LEVELS

    reports = sorted(index.reports, key=lambda r: (LEVELS.index(r.level), r.place_code or r.place, -(r.year or 0)))
    return [(f"{LEVEL_ZH[r.level]} · {r.place} {r.year or ''}".strip(), r.id) for r in reports]


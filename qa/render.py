"""Answer -> what the chat shows: the reply (Markdown) and the sources panel (escaped HTML)."""

from __future__ import annotations

import html

from qa.answer import MAYBE_RELATED, NOT_FOUND, Answer
from qa.index import Index
from qa.normalize import to_simplified

SIMPLIFIED, TRADITIONAL = "简体", "繁体（报告原文）"


def _script(text: str, script: str) -> str:
    return to_simplified(text) if script == SIMPLIFIED else text


def escape_markdown(text: str) -> str:
    """Text shown literally inside Markdown: HTML escaped, Markdown markup characters escaped."""
    escaped = html.escape(text, quote=False)
    for ch in "\\`*_{}[]<>()#+-!|~":
        escaped = escaped.replace(ch, "\\" + ch)
    return escaped


def reply_markdown(answer: Answer, script: str = TRADITIONAL) -> str:
    """The chat reply: the quoted answer with [n] markers, or the not-found message."""
    if answer.abstained:
        note = f"下面是检索到的最接近的段落，标为“{MAYBE_RELATED}”，仅供参考。" if answer.sources else ""
        return f"{NOT_FOUND}{note}"
    return "".join(f"{escape_markdown(_script(p.text, script))}\\[{p.source}\\]" for p in answer.parts)


def sources_html(answer: Answer, index: Index, script: str = TRADITIONAL) -> str:
    """The sources panel: each source with its number, place, highlighted sentence, whole paragraph."""
    if not answer.sources:
        return '<div class="sources-empty">没有检索到段落。</div>'
    cited = {p.source for p in answer.parts}
    several_reports = len(index.reports) > 1
    cards = []
    for h in answer.sources:
        c = h.chunk
        text = c.text
        body, pos = "", 0
        for s, e in sorted(answer.best_sentences.get(h.rank, [])):
            body += html.escape(_script(text[pos:s], script)) + "<mark>" + html.escape(_script(text[s:e], script)) + "</mark>"
            pos = e
        body += html.escape(_script(text[pos:], script))
        where = html.escape(_script(f"《{h.report.title}》 {c.where}" if several_reports else c.where, script))
        badge = (f'<span class="badge maybe">{MAYBE_RELATED}</span>' if answer.abstained
                 else '<span class="badge cited">已引用</span>' if h.rank in cited else "")
        full = html.escape(_script(index.paragraph_text(c.report, c.seq), script))
        cards.append(
            f'<div class="source" id="source-{h.rank}">'
            f'<div class="source-head"><b class="source-num">[{h.rank}]</b> {where} {badge}</div>'
            f'<div class="source-text">{body}</div>'
            f"<details><summary>展开整段（第{c.paragraph}段）</summary>"
            f'<div class="paragraph">{full}</div></details></div>'
        )
    return f'<div class="sources">{"".join(cards)}</div>'


def sources_json(answer: Answer, script: str = TRADITIONAL) -> list[dict]:
    """The sources as plain data for the API."""
    out = []
    for h in answer.sources:
        item = h.to_json()
        item["text"] = _script(item["text"], script)
        item["where"] = _script(h.chunk.where, script)
        item["cited"] = any(p.source == h.rank for p in answer.parts)
        out.append(item)
    return out


def footer_markdown(index: Index) -> str:
    """Names the reports searched, so a reader knows what was searched."""
    from qa.route import describe

    return f"检索范围：{len(index.reports)} 份报告（{describe(index.reports)}）· 离线运行，不联网"

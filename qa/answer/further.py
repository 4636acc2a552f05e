"""What the report says next: the answer to `展开说说`, `还有呢`, `详细点` after an answer.

The answer quoted a stretch of a passage; the passage says more besides, and the report goes on after it, in
the passages after it in the same section and then in the part's next sections. Those words, quoted and cited as
any answer, are the "more" the user asked for; where the part ends, the answer says so rather than repeating itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from qa.answer.compose import Answer, AnswerPart, part_after
from qa.ingest.chunk import SENTENCE, Chunk
from qa.search.retrieve import Hit

MORE_CHARS = 240  # about as much as an answer quotes: the next few sentences, not the rest of the part
# The second item of a list, as reports number it: 二是, （二）, 2., 第二.
_NEXT_ITEM = re.compile(r"\s*(?:[二两]是|[（(]二[）)]|2[.、．]|第二)")
NOTHING_FURTHER = "上一个回答已经引到报告这一部分的结尾，报告在这里没有更多内容了。"
NOTHING_FURTHER_EN = "The previous answer quoted the report up to the end of this part; the report says no more there."
FURTHER_NOTE = "以上是报告在上一个回答所引内容之后接着写的。"
FURTHER_NOTE_EN = "What the report says next, after the previous answer's quote."


def _sentences(text: str, start: int) -> list[tuple[int, int]]:
    """The sentences (and list items, which end in ；) of `text` from `start` on, as spans."""
    return [(start + m.start(), start + m.end()) for m in SENTENCE.finditer(text[start:])
            if re.search(r"\w", m.group(0))]  # (not a lone ： or ； left after a quote)


def further(answer: Answer, part_of: Callable[[Chunk], list[Chunk]], times: int = 1, chars: int = MORE_CHARS) -> Answer:
    """The report's words besides the answer's quote, up to about `chars` characters: the rest of the quote's passage
    (after it only where the quote stopped inside a list, 一是… with 二是 next), then the passages after it in its
    section, then the part's next sections; each sentence quoted whole (one the answer cut goes on from ……) and
    cited. `times`: asked again and again (还有呢 after 展开说说), the words after those. An answer that
    quotes nothing (a refusal, a table) is returned as it is."""
    if answer.abstained or answer.table is not None or not answer.parts:
        return answer
    ends = {p.source: max(end for _, end in answer.best_sentences.get(p.source, [(0, 0)])) for p in answer.parts}
    # where the answer stopped inside a list (一是…。 with 二是 next), else where its first quote's passage goes on
    at_list = [n for n, end in ends.items() if _NEXT_ITEM.match(answer.sources[n - 1].chunk.text, end)]
    source = at_list[0] if at_list else answer.parts[0].source
    hit = answer.sources[source - 1]
    quoted = answer.best_sentences.get(source, [])
    said = set()
    quotes = [p.text for p in answer.parts]  # (a sentence quoted from another passage is said already)
    own = []  # the passage's sentences besides the quote; of a sentence the quote cut, the rest after the cut
    for s, e in _sentences(hit.chunk.text, 0):
        cut = max((qe for qs, qe in quoted if s < qe and qs < e), default=None)
        if cut is None:
            own.append((s, e))
            continue
        said.add(hit.chunk.text[s:e].strip())
        if cut < e and re.search(r"\w", hit.chunk.text[cut:e]):
            own.append((cut, e))
    # what the passage says besides the quote (after it only, where the quote stopped inside a list), then the
    # passages after it in its section, then, where the section ends, the part's next sections
    first = ends[source] if at_list else 0
    later = part_after(hit.chunk, part_of)
    following = [c for c in later if c.section == hit.chunk.section] + [c for c in later if c.section != hit.chunk.section]
    stretches = []  # (chunk, (start, end)) of what comes next, each sentence once (passages overlap)
    for chunk, start in [(hit.chunk, first), *((c, 0) for c in following)]:
        pieces = [(s, e) for s, e in own if s >= start] if chunk is hit.chunk else _sentences(chunk.text, start)
        fresh = [(s, e) for s, e in pieces if chunk.text[s:e].strip() not in said
                 and not any(chunk.text[s:e].strip() in q for q in quotes)]
        said |= {chunk.text[s:e].strip() for s, e in fresh}
        stretches += [(chunk, span) for span in fresh]
    # the n-th "more": skip what the earlier ones quoted
    for _ in range(times - 1):
        stretches = stretches[len(_taken(stretches, chars)):]
    taken = _taken(stretches, chars)
    if not taken:
        message = NOTHING_FURTHER_EN if answer.english else NOTHING_FURTHER
        return Answer(answer.question, (), answer.sources, True, answer.coverage, message=message,
                      english=answer.english, context=answer.context)
    parts, sources, spans = [], [], {}
    for chunk in dict.fromkeys(c for c, _ in taken):
        runs: list[list[int]] = []  # the sentences that follow one another, each run one quote (not the words between)
        for s, e in (span for c, span in taken if c is chunk):
            if runs and not chunk.text[runs[-1][1]:s].strip():
                runs[-1][1] = e
            else:
                runs.append([s, e])
        sources.append(Hit(len(sources) + 1, hit.score, chunk, hit.report))
        spans[len(sources)] = []
        for s, e in runs:
            text = chunk.text[s:e]
            s += len(text) - len(text.lstrip(" \n，,；;、：:"))
            # a quote that began inside the sentence: the rest of it, marked as going on from the words before
            going_on = s > 0 and chunk.text[:s].rstrip()[-1:] not in "。！？!?；;\n”」』"
            parts.append(AnswerPart(("……" if going_on else "") + chunk.text[s:e].strip(), len(sources)))
            spans[len(sources)].append((s, e))
    return Answer(answer.question, tuple(parts), tuple(sources), False, answer.coverage, spans,
                  note=FURTHER_NOTE_EN if answer.english else FURTHER_NOTE, english=answer.english, context=answer.context)


def _taken(stretches: list[tuple[Chunk, tuple[int, int]]], chars: int) -> list[tuple[Chunk, tuple[int, int]]]:
    """The first sentences of `stretches` up to about `chars` characters (at least one)."""
    out, size = [], 0
    for chunk, (s, e) in stretches:
        if out and size >= chars:
            break
        out.append((chunk, (s, e)))
        size += e - s
    return out

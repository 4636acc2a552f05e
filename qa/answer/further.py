"""What the report says next: the answer to `展开说说`, `还有呢`, `详细点` after an answer.

The answer quoted a stretch of a passage; the passage says more besides, and the report goes on after it, in
the passages after it in the same section and then in the part's next sections. Those words, quoted and cited as
any answer, are the "more" the user asked for; where the part ends, the answer says so rather than repeating itself.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from qa.answer.compose import ITEM_TITLE, Answer, AnswerPart, item_marker, part_after
from qa.common.asking import ORDINAL, ORDINAL_EN, count_of
from qa.common.normalize import to_simplified
from qa.ingest.chunk import SENTENCE, Chunk
from qa.search.retrieve import Hit

MORE_CHARS = 240  # about as much as an answer quotes: the next few sentences, not the rest of the part
# The second item of a list, as reports number it: 二是, （二）, 2., 第二.
_NEXT_ITEM = re.compile(r"\s*(?:[二两]是|[（(]二[）)]|2[.、．]|第二)")
NOTHING_FURTHER = "上一个回答已经引到报告这一部分的结尾，报告在这里没有更多内容了。"
NOTHING_FURTHER_EN = "The previous answer quoted the report up to the end of this part; the report says no more there."
FURTHER_NOTE = "以上是报告在上一个回答所引内容之后接着写的。"
# Where an item of a numbered list opens (三是…, （三）…).
_AN_ITEM = re.compile(r"\s*(?:……)?(?:[一二三四五六七八九十]{1,3}是|[（(][一二三四五六七八九十]{1,3}[）)])")
# A turn asking for one item of the list the last answer gave, or more of it (第二个具体说说, 第三件呢, 第二项详细讲讲).
_NTH = re.compile(rf"^(?:那么?|那|还有|再)?(?:{ORDINAL})(?:个)?(?:件|个|项|条|方面|点|类|种|部分|块)?"
                  r"(?:[\u4e00-\u9fff]{1,4}?(?=具体|详细))?"  # 第二个攻坚战具体…: the list's noun again
                  r"(?:呢|的?(?:内容)?(?:是|讲|说|指)的?(?:是)?(?:什么|啥)|(?:能不能|可以|请)?(?:再)?(?:具体|详细|展开|仔细|细)?"
                  r"(?:说说|讲讲|说一下|讲一下|介绍一下|聊聊|谈谈|说|讲)|(?:详细|具体)(?:一)?[点些]|"
                  r"(?:具体|详细|主要)(?:是|(?:讲|说|写|提)了?的?(?:些)?)(?:什么|啥)(?:内容)?|"  # 具体讲了什么内容
                  r"(?:具体|详细|主要)?(?:怎么|如何)(?:说|讲|写|做|办|打|搞|干)的?|"  # 具体怎么说的
                  r"(?:具体|主要)?要?(?:做|干|办)(?:哪些|什么|啥)(?:事)?)?[?？。！!]*$")
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
    return _quoting(answer, hit, taken)


def _quoting(answer: Answer, hit: Hit, taken: list[tuple[Chunk, tuple[int, int]]]) -> Answer:
    """The stretches `taken` (in reading order) quoted and cited, after `answer` (the score of its passage `hit`)."""
    parts, sources, spans = [], [], {}
    for chunk in dict.fromkeys(c for c, _ in taken):
        runs: list[list[int]] = []  # the sentences that follow one another, each run one quote (not the words between)
        for s, e in (span for c, span in taken if c is chunk):
            if runs and s >= runs[-1][1] and not chunk.text[runs[-1][1]:s].strip():
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


# The same in English (what's the eighth one?, and the third?, tell me more about the second one).
_NTH_EN = re.compile(r"^(?:and\s+)?(?:what(?:'s|’s| is| about)\s+|how about\s+|tell me (?:more )?about\s+|explain\s+)?"
                     r"the\s+(?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)"
                     r"(?:\s+(?:one|item|task|point|thing|area|measure|priority))?\s*[?.!]*$", re.I)


def nth_asked(turn: str) -> tuple[int | None, bool] | None:
    """Which item a turn that only asks for one item asks for: (n, False), or (None, True) for the last; None when
    the turn asks more than that."""
    said = to_simplified(turn.strip())
    if (en := _NTH_EN.match(said)) is not None:
        which = en.group("en").lower()
        return (None, True) if which == "last" else (ORDINAL_EN.index(which) + 1, False)
    m = _NTH.match(said)
    if not m:
        return None
    o = re.match(ORDINAL, re.sub(r"^(?:那么?|那|还有|再)", "", said))
    if o is None:
        return None
    if o.group("last"):
        return None, True
    n = 1 if o.group("first") else count_of(o.group("n"))
    return (n, False) if n else None


def item_of(answer: Answer, n: int | None, last: bool) -> tuple[int, tuple[int, int] | None] | None:
    """Where the answer quotes item `n` (or its last item) of a numbered list (二是…, （二）…): the quote's index and
    the item's span in its passage's text, None for the span when the quote is a heading the passage does not hold
    (a plan's section, listed); None when the answer lists no such item."""
    if answer.abstained or answer.table is not None:
        return None
    found: dict[int, tuple[int, tuple[int, int] | None]] = {}
    for i, p in enumerate(answer.parts):
        text = to_simplified(answer.sources[p.source - 1].chunk.text)
        quote = to_simplified(p.text)
        at = text.find(quote)
        for k in range(1, 31):
            if k in found or not (m := item_marker(k).search(quote)):
                continue
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip("。；;：:！？ \u3000"))
            if at < 0:
                found[k] = (i, None)
                continue
            stop = re.compile(r"[。；;！？]").search(text, at + m.end())
            found[k] = (i, (at + start, stop.end() if stop else len(text)))
    if last:  # the list's last item: one the answer shows the list ends with (no next item after it in its passage)
        quote, span = found[max(found)] if len(found) >= 2 else (0, None)
        ends = span is not None and not item_marker(max(found) + 1).search(
            to_simplified(answer.sources[answer.parts[quote].source - 1].chunk.text), span[1] - 1)
        return (quote, span) if ends else None
    return found.get(n) if len(found) >= 2 else None


def item_further(answer: Answer, quote: int, span: tuple[int, int], part_of: Callable[[Chunk], list[Chunk]],
                 label: str) -> Answer:
    """One item of an answer's list and what the report says after it (the item's own sentences), cited."""
    hit = answer.sources[answer.parts[quote].source - 1]
    one = Answer(answer.question, (AnswerPart(hit.chunk.text[span[0]:span[1]].rstrip("；;"), 1, label=label),),
                 (replace(hit, rank=1),), False, answer.coverage, {1: [span]}, english=answer.english)
    text = to_simplified(hit.chunk.text)
    if _AN_ITEM.match(text[span[1]:]):
        return one  # the next item follows at once: the list says nothing more of this one
    more = further(one, part_of)
    own = list(itertools.takewhile(lambda p: not _AN_ITEM.match(to_simplified(p.text)), more.parts))
    return one if more.abstained or not own else _followed(one, more, own)  # (up to where the next item opens)


def _is_title(sentence: str) -> bool:
    """Does a sentence only name its sub-topic (创新动力持续增强。 （四）乡村振兴有力有效。): short, no figure?"""
    said = _AN_ITEM.sub("", sentence.strip(), count=1)
    return len(said) <= ITEM_TITLE and said.endswith("。") and not re.search(r"\d", said)


def _nearest(text: str, quoted: list[tuple[int, int]], quotes: list[str]) -> list[tuple[int, int]]:
    """The spans of `text` besides the quoted ones, nearest the quote first: the next sentence, then the one before,
    and so on. A sub-topic runs from its title (农业生产形势喜人。) to the next title: those bound the spans where the
    sub-topic says more than the quoted figure; else the nearest of the whole text."""
    last = max(e for _, e in quoted)
    tail, after, before = [], [], []
    for s, e in _sentences(text, 0):
        if any(s < qe and qs < e for qs, qe in quoted):  # the quote's own sentence: the rest of it after the quote
            if last < e and re.search(r"\w", text[last:e]):
                tail.append((last, e))
        elif not any(text[s:e].strip() in q for q in quotes):
            (after if s >= last else before).append((s, e))
    before.reverse()  # nearest first
    title = next((i for i, (s, e) in enumerate(before) if _is_title(text[s:e])), len(before))
    own_after = tail + list(itertools.takewhile(lambda se: not _is_title(text[se[0]:se[1]]), after))
    own_before = before[:title]
    if own_after or own_before:
        after, before = own_after, own_before
    else:
        after = tail + after
    return [span for pair in itertools.zip_longest(after, before) for span in pair if span is not None]


def around(answer: Answer) -> Answer:
    """The answer's quotes, then what their passage says besides them, nearest first (about `MORE_CHARS`, cited, in
    reading order): how a review's figure came about is told next to it (粮食总产781.8亿斤，创历史最高水平。开展…试点，
    建成高标准农田450万亩。), a title's details after it; the answer as it is where its passage says nothing more."""
    if answer.abstained or answer.table is not None or not answer.parts:
        return answer
    hit = answer.sources[answer.parts[0].source - 1]
    quoted = answer.best_sentences.get(answer.parts[0].source, [])
    near = _nearest(hit.chunk.text, quoted, [p.text for p in answer.parts]) if quoted else []
    if not near:
        return answer
    told = _quoting(answer, hit, sorted(_taken([(hit.chunk, span) for span in near], MORE_CHARS), key=lambda cs: cs[1]))
    return _followed(answer, told, list(told.parts))


def _followed(answer: Answer, more: Answer, parts: list[AnswerPart]) -> Answer:
    """`answer`, then `parts` of `more` (what the report says next), `more`'s sources numbered after the answer's; a
    passage already cited keeps its number (an item's heading and its next sentence share one card)."""
    sources = list(answer.sources)
    number = {h.chunk.chunk_id: n for n, h in enumerate(sources, 1)}
    spans = {n: list(v) for n, v in answer.best_sentences.items()}
    for rank, h in enumerate(more.sources, 1):
        if h.chunk.chunk_id not in number:
            number[h.chunk.chunk_id] = len(sources) + 1
            sources.append(replace(h, rank=len(sources) + 1))
        kept = spans.setdefault(number[h.chunk.chunk_id], [])
        kept.extend(s for s in more.best_sentences.get(rank, []) if s not in kept)
    out = list(answer.parts)
    for p in parts:
        n = number[more.sources[p.source - 1].chunk.chunk_id]
        last = out[-1] if out else None
        if last and last.source == n and not last.cut and last.text + p.text in sources[n - 1].chunk.text:
            out[-1] = replace(last, text=last.text + p.text)  # the next sentence of the quoted one: one quote
        else:
            out.append(AnswerPart(p.text, n))
    return Answer(answer.question, tuple(out), tuple(sources), False, answer.coverage,
                  spans, note=answer.note, english=answer.english)

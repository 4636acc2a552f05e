"""Text normalization shared by indexing, questions and evidence matching."""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from qa.common.years import arabic_years

# A pinyin annotation the site's converter put after a character: `來(lái)`, `蘋(píng)`.
# Only lowercase Latin letters with tone marks: real parentheses hold Chinese, so `(一)`,
# `(試行)` and `(二期)` never match.
PINYIN_LETTERS = "a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ"
PINYIN_ANNOTATION = re.compile(rf"\(([{PINYIN_LETTERS}]+)\)")
_HAS_VOWEL = re.compile(r"[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]|^(?:ng|n|m|hm|hng)$")


# The magnitude words of Chinese figures and the size each says; a run of them multiplies (万亿 is 万 × 亿, 千亿 千 × 亿).
MAGNITUDE = {"百": 1e2, "千": 1e3, "万": 1e4, "亿": 1e8}


def magnitude_of(words: str) -> float:
    """The size a run of magnitude words says: `万亿` 1e12, `千亿` 1e11, `万` 1e4, `` 1."""
    return math.prod(MAGNITUDE[ch] for ch in words)


# A word of one direction inside the compound of both (出口 in 进出口, 入境 in 出入境) is not said alone: 进出口总额 is
# imports and exports together (a fact of the language).
_BOTH_WAYS = {"出": "进", "入": "出"}


def alone(term: str) -> str:
    """The lookbehind that keeps a word of one direction out of the compound of both ("" for any other word)."""
    before = _BOTH_WAYS.get(term[:1])
    return "" if before is None or term.startswith(before) else f"(?<!{before})"


def said_alone(term: str, text: str) -> bool:
    """`term` is in `text` as itself, not inside the compound of both directions (出口, not 进出口's)."""
    return re.search(alone(term) + re.escape(term), text) is not None


def both_ways(term: str) -> str:
    """The compound of both directions that holds a one-way word (进出口 for 出口); "" for any other word."""
    return _BOTH_WAYS[term[0]] + term if alone(term) else ""


# A percentage in Chinese numerals (`百分之三点六`, `百分之十二`): the figure a report writes as 3.6%.
_HAN_PERCENT = re.compile(r"百分之([零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?)")


def arabic_percents(text: str) -> str:
    """`text` with each percentage in Chinese numerals written as the reports write it (`百分之五点二` -> `5.2%`)."""
    def digits(m: re.Match) -> str:
        import cn2an

        try:
            return f"{cn2an.cn2an(m.group(1), 'smart'):g}%"
        except ValueError:  # not a number cn2an reads (a lone 点): left as written
            return m.group(0)

    return _HAN_PERCENT.sub(digits, text)


def arabic_figures(text: str) -> str:
    """`text` with its years and percentages in Chinese numerals written in digits, as the reports write them
    (`二〇二三年` -> `2023年`, `百分之三点六` -> `3.6%`): what a user's question and its history are read as."""
    return arabic_percents(arabic_years(text))


def strip_pinyin(text: str) -> tuple[str, int]:
    """Remove pinyin annotations; return the text and how many were removed."""
    count = 0

    def drop(m: re.Match) -> str:
        nonlocal count
        if _HAS_VOWEL.search(m.group(1)):
            count += 1
            return ""
        return m.group(0)

    return PINYIN_ANNOTATION.sub(drop, text), count


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Traditional -> Simplified with OpenCC."""
    return _t2s().convert(text)


def to_traditional(text: str) -> str:
    """Simplified -> Traditional with OpenCC (for showing answers in the report's script)."""
    return _s2t().convert(text)


@lru_cache(maxsize=65536)
def for_search(text: str) -> str:
    """The search form of a text: NFKC, no pinyin annotations, Simplified, lower-case."""
    text = unicodedata.normalize("NFKC", text)
    text = strip_pinyin(text)[0]
    return to_simplified(text).lower()


def match_key(text: str) -> str:
    """The evidence-matching form: `for_search`, then only letters and digits (L*, N*)."""
    return "".join(ch for ch in for_search(text) if unicodedata.category(ch)[0] in "LN")


def supports(passage: str, evidence: list[str]) -> bool:
    """True when the passage contains any evidence quote, both normalized by `match_key`."""
    key = match_key(passage)
    return any(q and q in key for q in (match_key(e) for e in evidence))

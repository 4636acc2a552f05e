"""One question, read once: its text in each form the search needs, its vector, its route.

A `Query` is built once per question and handed through retrieval and answer composition, so
ranking and answering read the same year, the same reports and the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.identity import ReportInfo
from qa.question import Reading
from qa.route import Route
from qa.vocabulary import glossary_terms, synonym_terms


@dataclass(frozen=True, eq=False)
class Query:
    """A question ready to search.

    Attributes:
        reading: what the question names (places, years, what kind of answer).
        route: which reports it is about, and what an answer must respect.
        keyword_text: the normalized text the keyword side searches (topic words and their expansions).
        tokens: the keyword tokens the index knows.
        dense_text: what the dense side embeds.
        vector: the question's embedding, shape (1, dim).
        expansions: report words added for the question's everyday or English words.
    """

    reading: Reading
    route: Route
    keyword_text: str
    tokens: tuple[str, ...]
    dense_text: str
    vector: np.ndarray
    expansions: str

    @property
    def text(self) -> str:
        return self.reading.text

    def year_for(self, report: ReportInfo | None) -> int | None:
        """The year this question asks about, read relative to `report` (去年 = the year it reviews)."""
        return self.reading.year_for(report.year if report else None)


def expansions_for(reading: Reading, glossary: bool = True, synonyms: bool = True) -> str:
    """The report's words for the question's English and everyday words (keyword side only)."""
    extra = glossary_terms(reading.text) if glossary else ""
    if synonyms:
        extra += " " + synonym_terms(f"{reading.topic} {extra}")
    return " ".join(extra.split())

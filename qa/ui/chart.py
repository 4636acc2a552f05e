"""A table's figures as a chart: bars across places, a line across one place's years.

Each point is labelled with its figure as the report states it and the [n] of its cited cell, so a
reader can trace it to the quote. Chinese labels need a CJK font: the first one matplotlib finds
(Noto CJK, WenQuanYi, Source Han, SimHei …); without one, the report ids label the points.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "AR PL UMing CN")


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """The name of an installed font that draws Chinese, or None."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((n for n in CJK_FONTS if n in names), None)


def plottable(table) -> bool:
    """A chart needs two or more cells that state a figure in one unit."""
    return len(table.figures()) >= 2


def write_chart(table, path: Path, title: bool = True) -> Path:
    """Draw the table's figures to a PNG at `path` (bars across places, a line across years)."""
    from matplotlib.figure import Figure  # no pyplot: the chat draws from several threads

    figures = table.figures()
    font = cjk_font()
    family = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    places = {row.report.place for _, row, _ in figures}
    over_years = len(places) == 1
    labels = [(str(row.year or row.report.year) if over_years else row.report.place) if font else row.report.id
              for _, row, _ in figures]
    unit = table.unit  # 亿斤 and 万吨 on one axis, in the unit most cells are written in
    values = [f.in_unit(unit) for _, _, f in figures]
    fig = Figure(figsize=(max(4.0, 0.45 * len(figures) + 2), 3.6), dpi=120)  # small enough to stay legible on a phone
    ax = fig.subplots()
    if over_years:
        ax.plot(range(len(values)), values, marker="o")
    else:
        ax.bar(range(len(values)), values, color="#4C78A8")
    for i, (n, _, f) in enumerate(figures):
        ax.annotate(f"{f.text} [{n}]", (i, values[i]), textcoords="offset points", xytext=(0, 4), ha="center",
                    fontsize=8 if len(figures) > 8 else 10, rotation=90 if len(figures) > 8 else 0, va="bottom",
                    family=family)
    ax.set_xticks(range(len(labels)), labels, rotation=60 if len(labels) > 8 else 0, fontsize=9 if len(labels) > 8 else 11,
                  family=family)
    ax.set_ylabel(unit, family=family)
    ax.set_ylim(0, max(values) * (1.6 if len(figures) > 8 else 1.25))  # room for the labels above the bars
    if title:  # the chat shows its own label above the image
        ax.set_title(table.topic if font else table.scope.encode("ascii", "ignore").decode() or "table", fontsize=11,
                     family=family)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path)
    return Path(path)

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


def text_width(text: str, fontsize: float) -> float:
    """About how wide `text` is drawn, in points: a Chinese character is one em, a Latin one about half."""
    return fontsize * sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text)


def rotation(texts: list[str], fontsize: float, slot: float) -> int:
    """Degrees to turn labels so that neighbours do not overlap: flat when the widest fits its slot
    (points), 45 when its slanted width does, else upright."""
    widest = max((text_width(t, fontsize) for t in texts), default=0.0)
    return 0 if widest <= 0.9 * slot else 45 if fontsize * 1.5 <= 0.9 * slot else 90


def plottable(table) -> bool:
    """A chart needs two or more cells that state a figure in one unit."""
    return len(table.figures()) >= 2


def write_chart(table, path: Path) -> Path:
    """Draw the table's figures to a PNG at `path` (bars across places, a line across years)."""
    from matplotlib.figure import Figure  # no pyplot: the chat draws from several threads

    figures = table.figures()
    font = cjk_font()
    family = [font, "DejaVu Sans"] if font else ["DejaVu Sans"]
    places = {row.report.place for _, row, _ in figures}
    over_years = len(places) == 1
    # A place by its short name (山西, 新疆): the table beside the chart gives the full one.
    labels = [(str(row.year or row.report.year) if over_years else row.report.place_obj.short) if font else row.report.id
              for _, row, _ in figures]
    unit = table.unit  # 亿斤 and 万吨 on one axis, in the unit most cells are written in
    values = [f.in_unit(unit) for _, _, f in figures]
    notes = [f"{f.text} [{n}]" for n, _, f in figures]
    if not over_years and len(figures) > MANY_BARS:
        return _across_many(table, labels, values, notes, unit, family, font, path)
    width = max(4.0, 0.45 * len(figures) + 2)  # inches: small enough to stay legible on a phone
    fig = Figure(figsize=(width, 3.6), dpi=120)
    ax = fig.subplots()
    if over_years:
        ax.plot(range(len(values)), values, marker="o")
    else:
        ax.bar(range(len(values)), values, color="#4C78A8")
    slot = 0.8 * width * 72 / len(figures)  # points of axis per bar
    note_size = 8 if len(figures) > 8 else 10
    note_turn = rotation(notes, note_size, slot) and 90  # figures read upright or flat, never slanted
    for i, note in enumerate(notes):
        ax.annotate(note, (i, values[i]), textcoords="offset points", xytext=(0, 4), ha="center", va="bottom",
                    fontsize=note_size, rotation=note_turn, family=family)
    label_size = 9 if len(labels) > 8 else 11
    turn = rotation(labels, label_size, slot)
    ax.set_xticks(range(len(labels)), labels, rotation=turn, ha="right" if turn == 45 else "center",
                  rotation_mode="anchor" if turn == 45 else "default", fontsize=label_size, family=family)
    ax.set_ylabel(unit, family=family)
    # Room above the tallest bar for its figure: of an axis ~180 pt high, `tallest` pt stay free.
    tallest = (max(text_width(n, note_size) for n in notes) if note_turn else note_size) + 8
    ax.set_ylim(0, max(values) * (1 + tallest / max(180 - tallest, 40)))
    return _finish(fig, ax, table, font, family, path)


MANY_BARS = 8  # more places than this are drawn as horizontal bars, one line each, read down like the table


def _across_many(table, labels, values, notes, unit, family, font, path) -> Path:
    """Many places: horizontal bars in the table's order, each labelled with its figure and [n]; the chart
    grows in height, not width, so it stays legible in the chat's narrow column and on a phone."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(5.0, 0.26 * len(values) + 1.2), dpi=120)
    ax = fig.subplots()
    rows = range(len(values))
    ax.barh(rows, values, color="#4C78A8", height=0.7)
    for i, note in enumerate(notes):
        ax.annotate(note, (values[i], i), textcoords="offset points", xytext=(3, 0), ha="left", va="center",
                    fontsize=9, family=family)
    ax.set_yticks(rows, labels, fontsize=10, family=family)
    ax.invert_yaxis()  # the first row on top, as in the table
    ax.set_xlabel(unit, family=family)
    widest = max(text_width(n, 9) for n in notes) + 8  # points the figures need right of the longest bar
    ax.set_xlim(0, max(values) * (1 + widest / max(250 - widest, 60)))  # of an axis ~250 pt wide
    return _finish(fig, ax, table, font, family, path)


def _finish(fig, ax, table, font, family, path) -> Path:
    ax.set_title(table.topic.rstrip("？?。 ") if font else table.scope.encode("ascii", "ignore").decode() or "table", fontsize=11,
                 family=family, loc="left")  # the chat's fullscreen button sits at the top right
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    fig.savefig(path)
    return Path(path)

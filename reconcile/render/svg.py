"""A small chart per topic, written by hand as SVG: each source's interval on one value axis,
placed on a time axis, so that "at least 100,000 against 37,000" is visible at a glance.

Open-ended figures run to the top edge with an arrow; exact figures are dots; a count over a window
is a band across its window. Every piece of text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from reconcile.models.finding import Figure
from reconcile.render.escape import for_svg

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 20, 34, 70
PALETTE = ("#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#555555")


class _Axes:
    def __init__(self, figures: Sequence[Figure]) -> None:
        days = [d.toordinal() for f in figures for d in (f.first, f.last) if d is not None]
        self.day_min = (min(days) - 1) if days else 0
        self.day_max = (max(days) + 1) if days else 2
        values = [v for f in figures for v in (f.low, f.high) if v is not None and v > 0]
        self.unit = figures[0].unit if figures else "count"
        top = max(values) if values else 1
        self.open_top = any(f.high is None for f in figures)
        bottom = min(values) if values else 1
        self.log = bottom > 0 and top / bottom > 30
        # Room above the highest figure, more when a figure is open-ended so its bar shows.
        headroom = (4.0 if self.open_top else 1.5) if self.log else (1.35 if self.open_top else 1.15)
        self.top = top * headroom
        self.bottom = bottom / 2 if self.log else 0

    def x(self, ordinal: int | None) -> float:
        if ordinal is None:
            ordinal = (self.day_min + self.day_max) // 2
        span = max(self.day_max - self.day_min, 1)
        return LEFT + (ordinal - self.day_min) / span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float | None, open_end: float) -> float:
        if value is None:
            value = open_end
        value = min(max(value, self.bottom), self.top)
        if self.log:
            low, high = math.log10(max(self.bottom, 1e-9)), math.log10(self.top)
            share = (math.log10(max(value, 1e-9)) - low) / (high - low)
        else:
            share = (value - self.bottom) / ((self.top - self.bottom) or 1)
        return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM)

    def ticks(self) -> list[float]:
        if self.log:
            first, last = math.ceil(math.log10(max(self.bottom, 1e-9))), math.floor(math.log10(self.top))
            return [10.0**power for power in range(first, last + 1)]
        step = _nice_step(self.top / 4)
        return [step * i for i in range(0, int(self.top / step) + 1)]


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if multiple * power >= raw:
            return multiple * power
    return 10 * power


def value_words(value: float, unit: str) -> str:
    if unit == "share":
        return f"{value * 100:.0f}%"
    if unit == "percent":
        return f"{value:.0f}%"
    if value >= 1000 and value % 1000 == 0:
        return f"{value / 1000:,.0f}k"
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


def render_chart(title: str, figures: Sequence[Figure]) -> str:
    axes = _Axes(figures)
    colours = {source: PALETTE[i % len(PALETTE)] for i, source in enumerate(sorted({f.source for f in figures}))}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11" role="img">',
        f"<title>{for_svg(title)}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{LEFT}" y="18" font-size="12" font-weight="bold">{for_svg(_clip(title, 90))}</text>',
    ]
    parts += _axis_marks(axes, figures)
    labels: list[_Label] = []
    for slot, figure in enumerate(sorted(figures, key=lambda f: (f.last or date.min, f.source, f.id))):
        parts += _figure_marks(axes, figure, colours[figure.source], slot, len(figures), labels)
    parts += [label.svg() for label in _spread_out(labels)]
    parts += _legend(colours, figures)
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _axis_marks(axes: _Axes, figures: Sequence[Figure]) -> list[str]:
    base = HEIGHT - BOTTOM
    marks = [f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}" stroke="#888"/>',
             f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="#888"/>']
    for tick in axes.ticks():
        y = axes.y(tick, axes.top)
        marks.append(f'<line x1="{LEFT - 4}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#eee"/>')
        marks.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value_words(tick, axes.unit)}</text>')
    days = sorted({d for f in figures for d in (f.first, f.last) if d is not None})
    for day in days:
        x = axes.x(day.toordinal())
        marks.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="#888"/>')
        marks.append(f'<text x="{x:.1f}" y="{base + 16}" text-anchor="middle">{day:%b} {day.day}</text>')
    return marks


class _Label:
    def __init__(self, x: float, y: float, anchor: str, colour: str, text: str) -> None:
        self.x, self.y, self.anchor, self.colour, self.text = x, y, anchor, colour, text

    def svg(self) -> str:
        return (f'<text x="{self.x:.1f}" y="{self.y:.1f}" text-anchor="{self.anchor}" '
                f'fill="{self.colour}">{for_svg(self.text)}</text>')


    def extent(self) -> tuple[float, float]:
        width = CHAR_WIDTH * len(self.text)
        return (self.x - width, self.x) if self.anchor == "end" else (self.x, self.x + width)


LABEL_GAP = 13
CHAR_WIDTH = 6.2  # an average sans-serif character at font-size 11


def _spread_out(labels: list[_Label]) -> list[_Label]:
    """Move labels down, one line at a time, until none overlaps another."""
    placed: list[_Label] = []
    for label in sorted(labels, key=lambda item: item.y):
        while any(_collide(label, other) for other in placed):
            label.y += LABEL_GAP
        placed.append(label)
    return placed


def _collide(a: _Label, b: _Label) -> bool:
    (a0, a1), (b0, b1) = a.extent(), b.extent()
    return a0 < b1 and b0 < a1 and abs(a.y - b.y) < LABEL_GAP


def _figure_marks(axes: _Axes, figure: Figure, colour: str, slot: int, count: int, labels: list) -> list[str]:
    offset = (slot - (count - 1) / 2) * 8
    first = figure.first.toordinal() if figure.first else None
    last = figure.last.toordinal() if figure.last else first
    x = axes.x(last) + offset
    y_low = axes.y(figure.low, axes.bottom)
    y_high = axes.y(figure.high, axes.top)
    label = f"{_clip(figure.source, 22)}: {_clip(figure.text, 24)}"
    marks = [f"<g><title>{for_svg(figure.source)}: {for_svg(figure.text)}</title>"]
    if figure.basis == "flow" and first is not None and last is not None and first != last:
        x0 = axes.x(first)
        marks.append(f'<rect x="{x0:.1f}" y="{y_high:.1f}" width="{max(axes.x(last) - x0, 2):.1f}" '
                     f'height="{max(y_low - y_high, 2):.1f}" fill="{colour}" fill-opacity="0.2"/>')
    if figure.low is not None and figure.low == figure.high:
        marks.append(f'<circle cx="{x:.1f}" cy="{y_low:.1f}" r="5" fill="{colour}"/>')
    else:
        marks.append(f'<rect x="{x - 3:.1f}" y="{y_high:.1f}" width="6" height="{max(y_low - y_high, 2):.1f}" '
                     f'fill="{colour}" fill-opacity="0.85"/>')
    if figure.high is None:
        marks.append(f'<path d="M{x - 6:.1f},{y_high + 6:.1f} L{x:.1f},{y_high - 2:.1f} '
                     f'L{x + 6:.1f},{y_high + 6:.1f}" fill="{colour}"/>')
    label_y = (y_low + y_high) / 2 + 4
    # Labels on the right half of the plot go to the left of their mark so they stay inside.
    if x > (LEFT + WIDTH - RIGHT) / 2:
        anchor, label_x = "end", x - 9
    else:
        anchor, label_x = "start", x + 9
    labels.append(_Label(label_x, label_y, anchor, colour, label))
    marks.append("</g>")
    return marks


def _legend(colours: dict[str, str], figures: Sequence[Figure]) -> list[str]:
    roles = {f.source: f.role for f in figures}
    marks, x = [], LEFT
    y = HEIGHT - 22
    for source, colour in colours.items():
        text = f"{_clip(source, 28)} ({roles[source]})"
        marks.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>')
        marks.append(f'<text x="{x + 14}" y="{y}">{for_svg(text)}</text>')
        x += 24 + 6 * len(text)
        if x > WIDTH - 120:
            x, y = LEFT, y + 14
    return marks


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

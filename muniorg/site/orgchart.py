"""The administration as an organisation chart: an SVG laid out from the data, no script.

The data says which posts a municipality has (with their roles, holders and counts) and which
departments and units it is organised in, but not who reports to whom. The chart therefore
arranges what is there in tiers by role — the political top (mayor), the executive (municipal
director and deputy), heads of departments and staff functions with the departments, then
group and institution leaders — and draws departments with their units nested, as the data
nests them. It claims no reporting line the data does not state.

Layout is plain arithmetic on estimated text widths (boxes wrap their text), so the same data
gives the same bytes; the SVG is rendered by the site's template, which escapes every text.

Example:
    >>> chart = layout([Box("Municipal director", ("Søren S. Kjær",), tier=2)], "Sorø Kommune")
    >>> [(b.lines, b.y) for b in chart.boxes]
    [(('Sorø Kommune',), 0), (('Municipal director', 'Søren S. Kjær'), 76)]
"""

from __future__ import annotations

import functools
import textwrap
from dataclasses import dataclass, field

#: Role code -> tier (0 is the municipality itself). Roles not listed are staff functions.
ROLE_TIERS = {
    "mayor": 1,
    "deputy-mayor": 1,
    "council-chair": 1,
    "municipal-director": 2,
    "deputy-municipal-director": 2,
    "head-of-centre": 3,
    "head-of-department": 3,
    "group-leader": 4,
    "institution-leader": 4,
}
#: Roles shown with the council, not in the administration's chart.
COUNCIL_ROLES = frozenset({"council-member", "committee-chair", "committee-member"})
STAFF_TIER = 3
BOX_WIDTH = 200
GAP = 20
TIER_GAP = 40
LINE_HEIGHT = 16
PADDING = 10
PER_ROW = 4
#: Characters per line of a box (12 px text in a 200 px box).
CHARS = 26


@dataclass(frozen=True)
class Box:
    """One box of the chart: its lines of text (the first in bold) and its tier."""

    title: str
    details: tuple[str, ...] = ()
    tier: int = STAFF_TIER
    children: tuple[Box, ...] = ()


@dataclass(frozen=True)
class PlacedBox:
    """A box where the chart draws it: top-left corner, size, wrapped lines; ``bold`` is how
    many of the lines belong to the title."""

    x: int
    y: int
    width: int
    height: int
    lines: tuple[str, ...]
    bold: int
    depth: int = 0
    #: The title and details as given, before wrapping (for the chart's text version).
    text: tuple[str, ...] = ()


@dataclass
class Chart:
    """The laid-out chart: boxes, connector lines ``(x1, y1, x2, y2)`` and the canvas size."""

    boxes: list[PlacedBox] = field(default_factory=list)
    lines: list[tuple[int, int, int, int]] = field(default_factory=list)
    width: int = 0
    height: int = 0


def _wrap(text: str) -> list[str]:
    return list(_wrapped(text))


@functools.lru_cache(maxsize=4096)
def _wrapped(text: str) -> tuple[str, ...]:
    """``text`` wrapped to :data:`CHARS` a line. Remembered: a box's lines are counted for the
    height of every box it is nested in, and each page language draws the chart again."""
    return tuple(textwrap.wrap(text, CHARS, break_long_words=True)) or ("",)


def _height(lines: int) -> int:
    return 2 * PADDING + lines * LINE_HEIGHT


def _nested_height(box: Box) -> int:
    """A department box with its units listed inside, indented."""
    own = len(_wrap(box.title)) + sum(len(_wrap(d)) for d in box.details)
    return _height(own) + sum(_nested_height(c) + PADDING for c in box.children)


def _place_nested(chart: Chart, box: Box, x: int, y: int, width: int, depth: int) -> int:
    """Place ``box`` and its units at ``(x, y)``; returns the height used."""
    title = _wrap(box.title)
    lines = tuple(title + [line for d in box.details for line in _wrap(d)])
    height = _nested_height(box)
    chart.boxes.append(
        PlacedBox(x, y, width, height, lines, len(title), depth, (box.title, *box.details))
    )
    inner = y + _height(len(lines))
    for child in box.children:
        used = _place_nested(chart, child, x + PADDING, inner, width - 2 * PADDING, depth + 1)
        inner += used + PADDING
    return height


def layout(boxes: list[Box], root: str) -> Chart:
    """Lay ``boxes`` out in tiers below a box for ``root`` (the municipality's name)."""
    chart = Chart()
    tiers: dict[int, list[Box]] = {}
    for box in boxes:
        tiers.setdefault(box.tier, []).append(box)
    widest = min(PER_ROW, max((len(t) for t in tiers.values()), default=1))
    width = widest * BOX_WIDTH + (widest - 1) * GAP
    centre = width // 2
    root_lines = tuple(_wrap(root))
    chart.boxes.append(
        PlacedBox(
            centre - BOX_WIDTH // 2,
            0,
            BOX_WIDTH,
            _height(len(root_lines)),
            root_lines,
            len(root_lines),
        )
    )
    y = _height(len(root_lines))
    bar = y  # where the trunk down the middle last branched (drawn behind the boxes)
    for tier in sorted(tiers):
        members = tiers[tier]
        for start in range(0, len(members), PER_ROW):
            row = members[start : start + PER_ROW]
            top = y + TIER_GAP
            row_width = len(row) * BOX_WIDTH + (len(row) - 1) * GAP
            left = centre - row_width // 2
            chart.lines.append((centre, bar, centre, top - TIER_GAP // 2))
            bar = top - TIER_GAP // 2
            if len(row) > 1:
                first, last = left + BOX_WIDTH // 2, left + row_width - BOX_WIDTH // 2
                chart.lines.append((first, top - TIER_GAP // 2, last, top - TIER_GAP // 2))
            tallest = 0
            for i, box in enumerate(row):
                x = left + i * (BOX_WIDTH + GAP)
                chart.lines.append(
                    (x + BOX_WIDTH // 2, top - TIER_GAP // 2, x + BOX_WIDTH // 2, top)
                )
                tallest = max(tallest, _place_nested(chart, box, x, top, BOX_WIDTH, 0))
            y = top + tallest
    chart.width = width
    chart.height = y + 2
    return chart


__all__ = ["COUNCIL_ROLES", "ROLE_TIERS", "Box", "Chart", "PlacedBox", "layout"]

"""Drawings of the analyses: PNG through matplotlib, HTML as self-contained SVG.

The file suffix picks the kind (``.png`` or ``.html``/``.svg``).  matplotlib is only
imported for PNG files.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

__all__ = ["plot_dyads", "plot_network", "plot_timeline", "QUAD_COLOURS"]

QUAD_COLOURS = {1: "#4c9be8", 2: "#1f5fa8", 3: "#f0a04b", 4: "#c43c39"}
QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
W, H, PAD = 900, 420, 60


def _kind(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".png":
        return "png"
    if suffix == ".svg":
        return "svg"
    if suffix in (".html", ".htm"):
        return "html"
    raise ValueError(f"{path}: plot files end in .png, .html or .svg")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _write_svg(path: str | Path, svg: str, title: str) -> None:
    if _kind(path) == "svg":
        Path(path).write_text(svg, encoding="utf-8")
        return
    page = (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title></head>\n<body style='font-family:sans-serif'>\n"
        f"<h2>{escape(title)}</h2>\n{svg}\n</body></html>\n"
    )
    Path(path).write_text(page, encoding="utf-8")


def _svg_open(title: str) -> list[str]:
    return [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{W}' height='{H}' "
        f"viewBox='0 0 {W} {H}' font-size='11'>",
        f"<title>{escape(title)}</title>",
        f"<rect width='{W}' height='{H}' fill='white'/>",
    ]


def _legend(parts: list[str]) -> None:
    for k, quad in enumerate((1, 2, 3, 4)):
        x = PAD + k * 170
        parts.append(f"<rect x='{x}' y='8' width='10' height='10' fill='{QUAD_COLOURS[quad]}'/>")
        parts.append(f"<text x='{x + 14}' y='17'>{QUAD_NAMES[quad]}</text>")


# --------------------------------------------------------------------------- dyads


def plot_dyads(rows: Sequence[dict[str, Any]], path: str | Path, *, title: str = "") -> None:
    """Stacked bars of events per period by quad class, with the Goldstein mean."""
    periods = [str(r["period"]) for r in rows]
    stacks = {q: [int(r[f"q{q}"]) for r in rows] for q in (1, 2, 3, 4)}
    means = [r["goldstein_mean"] for r in rows]
    if _kind(path) == "png":
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(10, 4.5))
        bottom = [0] * len(rows)
        for q in (1, 2, 3, 4):
            ax.bar(periods, stacks[q], bottom=bottom, color=QUAD_COLOURS[q], label=QUAD_NAMES[q])
            bottom = [b + v for b, v in zip(bottom, stacks[q], strict=True)]
        ax.set_ylabel("events")
        ax.legend(loc="upper left", fontsize=8)
        ax2 = ax.twinx()
        ax2.plot(periods, [m if m is not None else math.nan for m in means], color="black")
        ax2.set_ylabel("mean Goldstein")
        ax2.set_ylim(-10, 10)
        ax.set_title(title)
        ax.tick_params(axis="x", rotation=60, labelsize=7)
        fig.tight_layout()
        fig.savefig(path, dpi=100)
        plt.close(fig)
        return
    parts = _svg_open(title)
    _legend(parts)
    top = max([sum(stacks[q][k] for q in stacks) for k in range(len(rows))], default=0) or 1
    inner_w, inner_h = W - 2 * PAD, H - 2 * PAD
    step = inner_w / max(len(rows), 1)
    for k, period in enumerate(periods):
        x, y = PAD + k * step, H - PAD
        for q in (1, 2, 3, 4):
            h = stacks[q][k] / top * inner_h
            if h:
                parts.append(
                    f"<rect x='{x + 1:.1f}' y='{y - h:.1f}' width='{max(step - 2, 1):.1f}' "
                    f"height='{h:.1f}' fill='{QUAD_COLOURS[q]}'><title>{escape(period)} "
                    f"{QUAD_NAMES[q]}: {stacks[q][k]}</title></rect>"
                )
                y -= h
        if len(rows) <= 40 or k % max(len(rows) // 20, 1) == 0:
            parts.append(
                f"<text x='{x + step / 2:.1f}' y='{H - PAD + 14}' text-anchor='end' "
                f"transform='rotate(-45 {x + step / 2:.1f} {H - PAD + 14})'>{escape(period)}</text>"
            )
    points = [
        f"{PAD + (k + 0.5) * step:.1f},{PAD + (10 - m) / 20 * inner_h:.1f}"
        for k, m in enumerate(means)
        if m is not None
    ]
    if points:
        parts.append(f"<polyline points='{' '.join(points)}' fill='none' stroke='black'/>")
    parts.append(f"<text x='8' y='{PAD}'>max {top}</text>")
    parts.append(
        f"<line x1='{PAD}' y1='{H - PAD}' x2='{W - PAD}' y2='{H - PAD}' stroke='#444'/></svg>"
    )
    _write_svg(path, "\n".join(parts), title)


# --------------------------------------------------------------------------- timeline


def plot_timeline(rows: Sequence[dict[str, Any]], path: str | Path, *, title: str = "") -> None:
    """Events as marks on an event-date axis, one lane per quad class, sized by mentions."""
    dated = [r for r in rows if r.get("date_start") is not None]
    if _kind(path) == "png":
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(10, 3.5))
        for q in (1, 2, 3, 4):
            sel = [r for r in dated if r["quad_class"] == q]
            ax.scatter(
                [r["date_start"] for r in sel],
                [q] * len(sel),
                s=[20 + 10 * (r.get("mentions") or 1) for r in sel],
                color=QUAD_COLOURS[q],
                label=QUAD_NAMES[q],
            )
        ax.set_yticks([1, 2, 3, 4], [QUAD_NAMES[q] for q in (1, 2, 3, 4)])
        ax.set_ylim(0.5, 4.5)
        ax.set_title(title)
        fig.autofmt_xdate()
        fig.tight_layout()
        fig.savefig(path, dpi=100)
        plt.close(fig)
        return
    parts = _svg_open(title)
    _legend(parts)
    if dated:
        first = min(r["date_start"] for r in dated)
        last = max(r["date_start"] for r in dated)
        span = max((last - first).days, 1)
        inner_w = W - 2 * PAD
        for r in dated:
            x = PAD + (r["date_start"] - first).days / span * inner_w
            y = PAD + (r["quad_class"] or 1) * (H - 2 * PAD) / 5
            radius = 3 + min(r.get("mentions") or 1, 10)
            label = (
                f"{r['date_start']} {r.get('source_code') or ''} {r.get('cameo') or ''} "
                f"{r.get('target_code') or ''}: {r.get('sentence') or ''}"
            )
            colour = QUAD_COLOURS.get(r["quad_class"], "#888")
            parts.append(
                f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{radius}' fill='{colour}' "
                f"fill-opacity='0.7'><title>{escape(label)}</title></circle>"
            )
        parts.append(f"<text x='{PAD}' y='{H - PAD + 20}'>{first}</text>")
        parts.append(f"<text x='{W - PAD}' y='{H - PAD + 20}' text-anchor='end'>{last}</text>")
    parts.append("</svg>")
    _write_svg(path, "\n".join(parts), title)


# --------------------------------------------------------------------------- network


def _layout(nodes: Sequence[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a circle (unit coordinates), in sorted order: the same input, the same drawing."""
    n = max(len(nodes), 1)
    return {
        node: (math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n))
        for k, node in enumerate(sorted(nodes))
    }


def _edge_colour(goldstein: float | None) -> str:
    if goldstein is None:
        return "#888888"
    return QUAD_COLOURS[1] if goldstein >= 0 else QUAD_COLOURS[4]


def plot_network(edges: Sequence[dict[str, Any]], path: str | Path, *, title: str = "") -> None:
    """Actors on a circle, edges as lines: width by events, colour by mean Goldstein sign."""
    nodes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    pos = _layout(nodes)
    top = max([e["events"] for e in edges], default=1)
    if _kind(path) == "png":
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(7, 7))
        for e in edges:
            (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
            ax.annotate(
                "",
                xy=(x2, y2),
                xytext=(x1, y1),
                arrowprops={
                    "arrowstyle": "->",
                    "color": _edge_colour(e["goldstein_mean"]),
                    "lw": 0.5 + 4 * e["events"] / top,
                    "alpha": 0.7,
                },
            )
        for node, (x, y) in pos.items():
            ax.scatter([x], [y], s=60, color="#333333", zorder=3)
            ax.text(x * 1.08, y * 1.08, node, ha="center", va="center", fontsize=8)
        ax.set_xlim(-1.3, 1.3)
        ax.set_ylim(-1.3, 1.3)
        ax.axis("off")
        ax.set_title(title)
        fig.tight_layout()
        fig.savefig(path, dpi=100)
        plt.close(fig)
        return
    parts = _svg_open(title)
    cx, cy, radius = W / 2, H / 2, min(W, H) / 2 - PAD

    def at(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return cx + radius * x, cy + radius * y

    for e in edges:
        (x1, y1), (x2, y2) = at(e["source"]), at(e["target"])
        width = 0.5 + 4 * e["events"] / top
        label = f"{e['source']} -> {e['target']}: {e['events']} events, mean Goldstein {e['goldstein_mean']}"
        parts.append(
            f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' "
            f"stroke='{_edge_colour(e['goldstein_mean'])}' stroke-width='{width:.1f}' "
            f"stroke-opacity='0.7'><title>{escape(label)}</title></line>"
        )
    for node in nodes:
        x, y = at(node)
        parts.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='4' fill='#333'/>")
        parts.append(f"<text x='{x + 6:.1f}' y='{y - 6:.1f}'>{escape(node)}</text>")
    parts.append("</svg>")
    _write_svg(path, "\n".join(parts), title)

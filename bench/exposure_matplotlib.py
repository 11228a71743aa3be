"""Draws Parley's exposure chart with matplotlib, for bench/chart.sh.

Reads the CSV that `parley chart ID --kind exposure --out FILE.csv` writes
(one row per sector, then '#' lines with the title, subtitle and sources)
and draws duty at stake by sector as horizontal bars sorted by duty, largest
on top, with value labels, at 1920x1080 (19.2 x 10.8 in at 100 dpi).

Usage: /usr/bin/python3 bench/exposure_matplotlib.py IN.csv OUT.png
"""

import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def money(v):
    """Formats US$ like Parley's charts: US$ 12.6 bn, US$ 850 M, US$ 40 k."""
    for div, unit, dec in ((1e9, "bn", 1), (1e6, "M", 1), (1e3, "k", 0)):
        if abs(v) >= div:
            x = v / div
            if unit == "M" and abs(x) >= 99.5:
                dec = 0
            return "US$ %.*f %s" % (dec, x, unit)
    return "US$ %.0f" % v


def main(src, dst):
    rows, notes = [], []
    with open(src, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines()
    data = [l for l in lines if not l.startswith("#")]
    notes = [l[2:] for l in lines if l.startswith("# ")]
    for r in csv.DictReader(data):
        rows.append((r["sector"], float(r["duty_usd"]), r["upper_bound"] == "true"))
    rows.sort(key=lambda r: -r[1])

    fig, ax = plt.subplots(figsize=(19.2, 10.8), dpi=100)
    labels = [r[0] for r in rows][::-1]
    values = [r[1] / 1e9 for r in rows][::-1]
    bars = ax.barh(labels, values, color="#0072B2")
    for bar, r in zip(bars, rows[::-1]):
        text = ("≤ " if r[2] else "") + money(r[1])
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, " " + text,
                va="center", fontsize=11)
    ax.set_xlabel("Duty at stake, US$ billions", fontsize=13)
    ax.set_xlim(0, max(values + [1e-9]) * 1.15)
    ax.tick_params(axis="y", labelsize=12)
    ax.spines[["top", "right"]].set_visible(False)
    title = notes[0] if notes else "Duty at stake by sector"
    subtitle = notes[1] if len(notes) > 1 else ""
    fig.suptitle(title, x=0.02, ha="left", fontsize=24, fontweight="bold")
    ax.set_title(subtitle, loc="left", fontsize=14, color="#555555")
    foot = "\n".join(notes[2:])
    fig.text(0.02, 0.01, foot, fontsize=9, color="#555555", va="bottom", wrap=True)
    fig.subplots_adjust(left=0.16, right=0.97, top=0.90, bottom=0.16)
    fig.savefig(dst, dpi=100)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

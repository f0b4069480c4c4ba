#!/usr/bin/env python3
# scaling.py: how every command's time and memory grow with the map
#
# Copyright 2026 The Waymark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage:  tests/bench/scaling.py [--waymark build/src/waymark] [--runs 3] [--markdown FILE]
#
# Generates maps of 1, 2 and 4 "half-maps" (a half-map is 10 personas x 40
# phases x 10 lanes, about 4,000 cards; every persona names its phases
# differently, the worst case for the PDF's overview page, which makes a
# column per distinct phase name) and runs each command on each, as whole
# processes, the way a user meets them: validate, fmt (rewriting a copy),
# export PDF (all personas and the overview), SVG and PNG (every persona,
# one file each, with the {persona} output template), CSV, and import-csv
# of that CSV. For each: the median wall time of RUNS runs and the peak
# RSS (/usr/bin/time %M), and the growth from one size to the next.
# Doubling the map should cost at most 2.2 times the time and memory
# (docs/performance.md); the script exits with 1 when a command grows
# faster, 2 when something could not run. Timing is not a test: run it by
# hand, on an otherwise quiet machine, and quote the load (uptime) with it.
import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from xml.sax.saxutils import escape, quoteattr

WORDS = ("opleiding cursist aanbod werkgever subsidie inschrijving traject begeleiding "
         "planning evaluatie erkenning kwalificatie stage lesgever financiering doelgroep "
         "vacature sector partner website informatie the learner compares providers and asks "
         "for advice about costs schedule certificate onboarding feedback survey waiting list "
         "wil zoekt vraagt vindt mist twijfelt over de het een van met voor naar bij snel "
         "duidelijk moeilijk betaalbaar flexibel").split()
KINDS = ["actions", "thoughts", "emotions", "touchpoints", "barriers", "levers", "notes"]
COLORS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00"]
HALF = 10          # personas in a half-map
PHASES, LANES = 40, 10
GROWTH_BAR = 2.2


def sentence(rng, lo, hi):
    w = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    w[0] = w[0][0].upper() + w[0][1:]
    return " ".join(w)


def generate(path, n_personas, seed=2):
    """The map peer-bench generates (docs/performance.md), with n_personas."""
    rng = random.Random(seed)
    o = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<waymark xmlns="urn:waymark:document" version="1" lang="en">',
         '  <title>Generated journey map</title>', '  <tags>',
         '    <tag id="tag-money" name="Geld" color="#cc3300"/>', '  </tags>']
    n_cards = 0
    for p in range(1, n_personas + 1):
        o.append(f'  <persona id="persona-{p}" name="Persona {p}" color="{COLORS[(p - 1) % 5]}">')
        o.append(f'    <ambition>{escape(sentence(rng, 6, 12))}</ambition>')
        o.append('    <phases>')
        o += [f'      <phase id="p{p}-phase-{f}" name={quoteattr(sentence(rng, 1, 3))}/>'
              for f in range(1, PHASES + 1)]
        o += ['    </phases>', '    <lanes>']
        kinds, lane_names = [], set()
        for lane in range(1, LANES + 1):
            kinds.append(KINDS[(lane - 1) % len(KINDS)])
            # Unique within the persona: CSV names lanes by their name.
            name = sentence(rng, 1, 2)
            while name in lane_names:
                name = sentence(rng, 1, 2)
            lane_names.add(name)
            o.append(f'      <lane id="p{p}-lane-{lane}" name={quoteattr(name)} '
                     f'kind="{kinds[-1]}"/>')
        o.append('    </lanes>')
        cards, points = [], []
        for lane in range(1, LANES + 1):
            for f in range(1, PHASES + 1):
                if kinds[lane - 1] == "emotions":
                    points.append(f'      <point lane="p{p}-lane-{lane}" phase="p{p}-phase-{f}" '
                                  f'score="{rng.randint(-2, 2)}" '
                                  f'label={quoteattr(sentence(rng, 1, 2))}/>')
                    continue
                c = 1.25
                while c > 0:
                    if c < 1 and rng.random() > c:
                        break
                    c -= 1
                    n_cards += 1
                    text = sentence(rng, 3, 16)
                    span = ' span="2"' if rng.randrange(15) == 0 and f < PHASES else ''
                    cards.append(f'      <card id="card-{n_cards}" lane="p{p}-lane-{lane}" '
                                 f'phase="p{p}-phase-{f}"{span}>')
                    cards.append(f'        <text>{escape(text)}</text>')
                    if rng.randrange(10) == 0:
                        cards.append('        <tag ref="tag-money"/>')
                    cards.append('      </card>')
        o += ['    <cards>'] + cards + ['    </cards>', '    <emotions>'] + points
        o += ['    </emotions>', '  </persona>']
    o.append('</waymark>')
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(o) + "\n")
    return n_cards


def run(argv, cwd, rss_file):
    """Wall seconds and peak RSS (MiB) of one whole-process run."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + argv, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        sys.stdout.write(r.stderr.decode(errors="replace")[-2000:])
        print(f"scaling: failed ({r.returncode}): {' '.join(argv)}")
        sys.exit(2)
    with open(rss_file) as fh:
        return wall, int(fh.read().split()[-1]) / 1024


def main():
    parser = argparse.ArgumentParser(description="Time and memory of every command at 1x, 2x, 4x")
    parser.add_argument("--waymark", default="build/src/waymark")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--keep", help="keep the generated files in this directory")
    args = parser.parse_args()
    wm = os.path.abspath(args.waymark)
    if not os.access(wm, os.X_OK) or not os.access("/usr/bin/time", os.X_OK):
        print("scaling: needs an executable --waymark and /usr/bin/time (apt-get install time)")
        sys.exit(2)
    work = args.keep or tempfile.mkdtemp(prefix="waymark-scaling-")
    os.makedirs(work, exist_ok=True)
    rss_file = os.path.join(work, "rss")
    env_env = dict(os.environ)
    env_env.pop("DISPLAY", None)
    env_env.pop("WAYLAND_DISPLAY", None)

    sizes = [1, 2, 4]
    maps = {}
    for k in sizes:
        path = os.path.join(work, f"map-{k}x.waymark")
        n_cards = generate(path, HALF * k)
        maps[k] = path
        print(f"{k}x: {HALF * k} personas, {n_cards} cards, {os.path.getsize(path) / 1e6:.2f} MB",
              flush=True)
        subprocess.run([wm, "export", "-o", os.path.join(work, f"map-{k}x.csv"), path], check=True)

    def commands(k):
        m, d = maps[k], os.path.join(work, f"out-{k}x")
        copy = os.path.join(work, f"fmt-{k}x.waymark")
        return [
            ("validate", [wm, "validate", m], None),
            ("fmt", [wm, "fmt", copy], lambda: shutil.copyfile(m, copy)),
            ("export pdf", [wm, "export", "-o", os.path.join(d, "map.pdf"), m], None),
            ("export svg", [wm, "export", "-o", os.path.join(d, "svg", "{persona}.svg"), m], None),
            ("export png", [wm, "export", "--scale", "1", "-o",
                            os.path.join(d, "png", "{persona}.png"), m], None),
            ("export csv", [wm, "export", "-o", os.path.join(d, "map.csv"), m], None),
            ("import-csv", [wm, "import-csv", os.path.join(work, f"map-{k}x.csv"), "-o",
                            os.path.join(d, "imported.waymark")], None),
        ]

    results = {}   # (command, k) -> (seconds, MiB)
    for k in sizes:
        for sub in ("svg", "png"):
            os.makedirs(os.path.join(work, f"out-{k}x", sub), exist_ok=True)
    names = [name for name, _, _ in commands(1)]
    # Interleaved: every size of one command, round after round, so that a
    # change in the machine's load touches all sizes alike.
    for name in names:
        samples = {k: [] for k in sizes}
        for _ in range(args.runs):
            for k in sizes:
                _, argv, prepare = next(c for c in commands(k) if c[0] == name)
                if prepare:
                    prepare()
                samples[k].append(run(argv, work, rss_file))
        for k in sizes:
            results[(name, k)] = (statistics.median(s for s, _ in samples[k]),
                                  max(m for _, m in samples[k]))
        row = "  ".join(f"{k}x {results[(name, k)][0] * 1000:7.0f} ms {results[(name, k)][1]:6.1f} MiB"
                        for k in sizes)
        print(f"{name:11s} {row}", flush=True)

    lines = ["| Command | 1× time | 2× time | 4× time | growth 1→2 / 2→4 | 1× RSS | 2× RSS | 4× RSS "
             "| growth 1→2 / 2→4 |", "|---|---|---|---|---|---|---|---|---|"]
    missed = []
    for name in names:
        t = [results[(name, k)][0] for k in sizes]
        m = [results[(name, k)][1] for k in sizes]
        tg = (t[1] / t[0], t[2] / t[1])
        mg = (m[1] / m[0], m[2] / m[1])
        for what, g in (("time", tg), ("memory", mg)):
            if max(g) > GROWTH_BAR:
                missed.append(f"{name} {what} {max(g):.2f}x")
        lines.append(f"| `{name}` | {t[0] * 1000:.0f} ms | {t[1] * 1000:.0f} ms | {t[2] * 1000:.0f} ms "
                     f"| {tg[0]:.2f}× / {tg[1]:.2f}× | {m[0]:.1f} MiB | {m[1]:.1f} MiB | {m[2]:.1f} MiB "
                     f"| {mg[0]:.2f}× / {mg[1]:.2f}× |")
    table = "\n".join(lines) + "\n"
    print()
    print(table)
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; median of {args.runs} runs")
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as fh:
            fh.write(table)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print("scaling: " + ("every command grows at most 2.2x per doubling" if not missed
                         else "grows faster than 2.2x per doubling: " + ", ".join(missed)))
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()

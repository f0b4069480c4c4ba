#!/usr/bin/env python3
# window-start.py: the window with the large map, beside gtk4-widget-factory's start
#
# Copyright 2026 The Waymark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage (from the build tree's parent, under an X server of its own):
#   xvfb-run -a tests/bench/window-start.py [--runs 9] [--map FILE]
#
# Starts `waymark MAP` and gtk4-widget-factory (apt-get install
# gtk-4-examples) in interleaved pairs, each measured by window-visible
# (tests/bench/window-visible.c): from the start of the process to the
# first pixels drawn into its window. Both with GTK's cairo renderer
# (GDK_DEBUG=gl-disable): an X server without a GPU would otherwise run
# GL in software. Without --map, the large map of docs/performance.md is
# generated (tests/bench/scaling.py's generator, 20 personas). Prints the
# medians and the median of the per-pair ratios; the target is at most
# 1.0. Not a test: timing depends on the machine.
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scaling  # noqa: E402  (the map generator)


def visible_ms(helper, argv, env):
    r = subprocess.run([helper, "--timeout", "30", "--"] + argv, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if r.returncode != 0 or not r.stdout.strip():
        print(f"window-start: could not measure {' '.join(argv)}")
        sys.exit(2)
    return float(r.stdout.split()[-1])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--waymark", default="build/src/waymark")
    parser.add_argument("--helper", default="build/tests/bench/window-visible")
    parser.add_argument("--peer", default="gtk4-widget-factory")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--map")
    args = parser.parse_args()
    if "DISPLAY" not in os.environ:
        print("window-start: no DISPLAY; run it under xvfb-run -a")
        sys.exit(2)
    work = tempfile.mkdtemp(prefix="waymark-window-")
    path = args.map
    if path is None:
        path = os.path.join(work, "large.waymark")
        scaling.generate(path, 20)
    env = dict(os.environ, GDK_DEBUG="gl-disable", GSETTINGS_BACKEND="memory")
    env.pop("WAYLAND_DISPLAY", None)
    ours_argv = [os.path.abspath(args.waymark), path]
    peer_argv = [args.peer]
    visible_ms(args.helper, ours_argv, env)
    visible_ms(args.helper, peer_argv, env)
    ours, peer, ratios = [], [], []
    for _ in range(args.runs):
        a = visible_ms(args.helper, ours_argv, env)
        b = visible_ms(args.helper, peer_argv, env)
        ours.append(a)
        peer.append(b)
        ratios.append(a / b)
    ratios.sort()
    load = os.getloadavg()
    print(f"window visible: waymark with the large map {statistics.median(ours):.0f} ms, "
          f"{args.peer} {statistics.median(peer):.0f} ms; ratio per pair median "
          f"{statistics.median(ratios):.2f} (min {ratios[0]:.2f}, max {ratios[-1]:.2f}); "
          f"{args.runs} pairs, load average {load[0]:.2f}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# test-gui-atspi.py: drive Waymark through the accessibility tree
#
# Copyright 2026 The Waymark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-gui-atspi.py PATH/TO/waymark
# Starts the real program on a copy of the example and uses it the way a
# screen reader user would: finds buttons by their accessible names and
# activates them through AT-SPI. Needs a display (xvfb-run) and a session
# bus (dbus-run-session); prints TAP, and skips without them.

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

results = []


def tap(ok, name, diagnostic=""):
    results.append((ok, name, diagnostic))
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), name), flush=True)
    if not ok and diagnostic:
        for line in str(diagnostic).splitlines():
            print("# " + line, flush=True)


def skip_all(reason):
    print("1..0 # SKIP " + reason)
    sys.exit(0)


if not os.environ.get("DISPLAY"):
    skip_all("no display (run under xvfb-run)")
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    skip_all("no session bus (run under dbus-run-session)")
# The suite's fatal-warnings would turn the AT-SPI client library's
# harmless cache warnings into a crash of this script.
os.environ["G_DEBUG"] = "gc-friendly"
try:
    import pyatspi
except ImportError:
    skip_all("python3-pyatspi is not installed")


def wait_for(what, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            found = what()
        except Exception:  # the tree changes under us while windows come and go
            found = None
        if found:
            return found
        time.sleep(0.2)
    return None


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def accessible_name(node):
    """The node's name; GTK 4.8 repeats a labelled button's text ("Open Open")
    where libadwaita sets the label (toasts), which counts once here."""
    name = node.name or ""
    words = name.split(" ")
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


def find(root, name, roles=None):
    """The first descendant of root called name (with one of roles); a name
    ending in … matches as a prefix. (GTK 4.8 does not expose the showing state.)"""
    def match(node):
        if node is None:
            return False
        node_name = accessible_name(node)
        if not (node_name == name or (name.endswith("…") and node_name.startswith(name[:-1]))):
            return False
        return roles is None or node.getRole() in roles
    return pyatspi.utils.findDescendant(root, match, breadth_first=True)


def toplevel(app, name):
    for child in app:
        if child is not None and child.name == name:
            return child
    return None


def toplevel_containing(app, text):
    for child in app:
        if child is not None and text in (child.name or ""):
            return child
    return None


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "press", "activate"):
            action.doAction(i)
            return
    action.doAction(0)


BUTTON = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)


def main():
    program = os.path.abspath(sys.argv[1])
    source_root = os.environ.get("WAYMARK_SOURCE_ROOT",
                                 os.path.join(os.path.dirname(__file__), ".."))
    tmp = tempfile.mkdtemp(prefix="waymark-atspi-")
    document = os.path.join(tmp, "map.waymark")
    shutil.copy(os.path.join(source_root, "data", "examples", "levenslang-leren.waymark"), document)

    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
    env["GDK_BACKEND"] = "x11"
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    # Warnings about the a11y bus are not this test's business.
    env["G_DEBUG"] = "gc-friendly"

    proc = subprocess.Popen([program, document], env=env)
    try:
        run(proc, tmp)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def run(proc, tmp):
    app = wait_for(lambda: find_app(proc.pid))
    tap(app is not None, "the application appears in the accessibility tree")
    if app is None:
        return

    window = wait_for(lambda: toplevel_containing(app, "Levenslang leren"))
    tap(window is not None, "its window is named after the document",
        [c.name for c in app] if app else "")
    if window is None:
        return

    tap(wait_for(lambda: find(window, "map.waymark")) is not None,
        "the header bar shows the file name")
    tap(wait_for(lambda: find(window, "Journey map…")) is not None,
        "the journey map is shown and named")

    # Zoom through the header bar buttons; the zoom label follows.
    zoom_in = wait_for(lambda: find(window, "Zoom In", BUTTON))
    tap(zoom_in is not None, "a Zoom In button")
    if zoom_in is not None:
        press(zoom_in)
        tap(wait_for(lambda: find(window, "125%")) is not None, "Zoom In shows 125%")
        reset = find(window, "Reset Zoom", BUTTON)
        tap(reset is not None, "a Reset Zoom button")
        if reset is not None:
            press(reset)
            tap(wait_for(lambda: find(window, "100%")) is not None, "Reset Zoom shows 100%")

    # Export a PDF through the dialog.
    export = find(window, "Export", BUTTON)
    tap(export is not None, "an Export button")
    if export is None:
        return
    press(export)
    dialog = wait_for(lambda: toplevel(app, "Export"))
    tap(dialog is not None, "the Export dialog opens", [c.name for c in app])
    if dialog is None:
        return
    tap(wait_for(lambda: find(dialog, os.path.join(tmp, "map.pdf"))) is not None,
        "the dialog proposes map.pdf next to the document")
    confirm = wait_for(lambda: find(dialog, "Export", BUTTON))
    tap(confirm is not None, "the dialog has an Export button")
    if confirm is None:
        return
    press(confirm)

    pdf = os.path.join(tmp, "map.pdf")

    def pdf_written():
        if not os.path.exists(pdf):
            return False
        with open(pdf, "rb") as f:
            return f.read(5) == b"%PDF-"
    tap(wait_for(pdf_written) is not None and pdf_written(), "the PDF is written")
    tap(wait_for(lambda: toplevel(app, "Export") is None) is not None,
        "the dialog closes after exporting")
    toast = wait_for(lambda: find(window, "Exported “map.pdf”"))
    tap(toast is not None, "a toast says the map was exported")
    if toast is not None:
        # The toast: its title sits in a box of its own, next to the button.
        container = toast.parent.parent
        tap(find(container, "Open", BUTTON) is not None, "the toast offers to open the export",
            [(c.name, c.getRoleName()) for c in container])


if __name__ == "__main__":
    main()
    print("1..%d" % len(results))
    sys.exit(0 if all(ok for ok, _name, _diag in results) else 1)

#!/usr/bin/env python3
# test-po.py: every translatable file is in po/POTFILES, and the Dutch
# catalogue translates every message of the current sources.
#
# Copyright 2026 The Waymark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-po.py SOURCE_ROOT
# Prints TAP. Extracts a fresh template with xgettext (the arguments of
# meson's "glib" preset), merges nl.po with it and counts with msgfmt
# --statistics, so a new _("...") in the code that nl.po lacks fails here
# even before anyone runs `meson compile waymark-update-po`.

import os
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_printerr:1:c-format",
    "--flag=g_print:1:c-format",
]

C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|g_dcgettext|g_dpgettext2|ngettext)\s*\(\s*("|[A-Z_]+\s*,)')

tests = []


def check(ok, name, diagnostics=""):
    tests.append((ok, name, diagnostics))


def translatable_files(root):
    found = []
    for top in ("src", "ui"):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as f:
                    text = f.read()
                if name.endswith((".c", ".h")) and C_MARKERS.search(text):
                    found.append(rel)
                elif name.endswith(".ui") and 'translatable="yes"' in text:
                    found.append(rel)
    data = os.path.join(root, "data")
    for name in sorted(os.listdir(data)):
        if name.endswith(".in") or name.endswith(".gschema.xml"):
            found.append(os.path.join("data", name))
    return sorted(found)


def read_potfiles(root):
    entries = []
    with open(os.path.join(root, "po", "POTFILES"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                entries.append(line)
    return entries


def main():
    root = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(root, "po")

    wanted = translatable_files(root)
    listed = read_potfiles(root)
    missing = [f for f in wanted if f not in listed]
    check(not missing, "every translatable file is in po/POTFILES",
          "missing from po/POTFILES:\n" + "\n".join(missing))
    stale = [f for f in listed if not os.path.exists(os.path.join(root, f))]
    check(not stale, "po/POTFILES lists only existing files",
          "listed but missing:\n" + "\n".join(stale))

    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        linguas = f.read().split()
    check("nl" in linguas, "po/LINGUAS lists nl")

    nl_po = os.path.join(po_dir, "nl.po")
    check(os.path.exists(nl_po), "po/nl.po exists")
    if not os.path.exists(nl_po):
        return

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "waymark.pot")
        existing = [f for f in listed if os.path.exists(os.path.join(root, f))]
        xgettext = subprocess.run(
            ["xgettext", "--package-name=waymark", "-D", root, "-o", pot] + XGETTEXT_ARGS + existing,
            capture_output=True, text=True)
        check(xgettext.returncode == 0, "xgettext extracts the messages", xgettext.stderr)
        if xgettext.returncode != 0:
            return

        merged = os.path.join(tmp, "nl.po")
        msgmerge = subprocess.run(["msgmerge", "--quiet", "-o", merged, nl_po, pot],
                                  capture_output=True, text=True)
        check(msgmerge.returncode == 0, "nl.po merges with the sources", msgmerge.stderr)
        if msgmerge.returncode != 0:
            return

        # -c also checks that format strings match their translations.
        msgfmt = subprocess.run(["msgfmt", "-c", "--statistics", "-o", os.devnull, merged],
                                capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        stats = msgfmt.stderr.strip()
        check(msgfmt.returncode == 0, "nl.po is valid (msgfmt -c)", stats)
        translated = re.search(r"(\d+) translated", stats)
        fuzzy = re.search(r"(\d+) fuzzy", stats)
        untranslated = re.search(r"(\d+) untranslated", stats)

        def listing(option):
            out = subprocess.run(["msgattrib", option, "--no-obsolete", merged],
                                 capture_output=True, text=True).stdout
            return "\n".join(l for l in out.splitlines() if l.startswith(("msgid", "#:")))[:4000]

        check(translated is not None and int(translated.group(1)) > 0,
              "nl.po translates messages", stats)
        check(fuzzy is None, "nl.po has no fuzzy messages for the current sources",
              stats + "\n" + listing("--only-fuzzy"))
        check(untranslated is None, "nl.po has no untranslated messages for the current sources",
              stats + "\n" + listing("--untranslated"))

        # nl.po as committed must be up to date too, not just mergeable.
        own = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, nl_po],
                             capture_output=True, text=True, env=dict(os.environ, LC_ALL="C"))
        check("fuzzy" not in own.stderr and "untranslated" not in own.stderr,
              "po/nl.po itself has no fuzzy or untranslated entries", own.stderr)


if __name__ == "__main__":
    main()
    print("1..%d" % len(tests))
    failed = 0
    for i, (ok, name, diag) in enumerate(tests, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
        if not ok:
            failed += 1
            for line in diag.splitlines():
                print("# " + line)
    sys.exit(1 if failed else 0)

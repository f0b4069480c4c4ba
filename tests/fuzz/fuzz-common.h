/* fuzz-common.h: what every Waymark libFuzzer harness shares
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The harnesses are built only with -Dfuzzing=true (see docs/safety.md and
 * build-aux/fuzz). They link the same static libraries as the app.
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A finding is anything that would be a bug in the app: a crash, a
 * sanitizer report, but also a g_critical (a precondition broken) or a
 * g_warning (for instance Pango complaining about invalid UTF-8 it was
 * handed). Making them fatal turns them into crashes libFuzzer records. */
static inline void
fuzz_init (void)
{
  /* GSlice's magazines hide use-after-free from AddressSanitizer. */
  g_setenv ("G_SLICE", "always-malloc", TRUE);
  /* No dconf, no portals, no session bus: the harnesses are headless. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);
}

/* Aborts with @what when two byte strings differ, printing where. */
static inline void
fuzz_assert_same_bytes (GBytes     *a,
                        GBytes     *b,
                        const char *what)
{
  gsize la, lb, i;
  const guint8 *da = g_bytes_get_data (a, &la);
  const guint8 *db = g_bytes_get_data (b, &lb);

  if (la == lb && (la == 0 || memcmp (da, db, la) == 0))
    return;
  for (i = 0; i < MIN (la, lb) && da[i] == db[i]; i++)
    ;
  g_printerr ("%s: the two results differ at byte %" G_GSIZE_FORMAT
              " (lengths %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT ")\n"
              "--- first ---\n%.*s\n--- second ---\n%.*s\n",
              what, i, la, lb, (int) la, (const char *) da, (int) lb, (const char *) db);
  abort ();
}

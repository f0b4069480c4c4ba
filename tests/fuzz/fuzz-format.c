/* fuzz-format.c: libFuzzer harness for the .waymark loader and writer
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: load and check them (the loader must never crash, hang or
 * leak). When they load, the document must survive the writer: save,
 * load the saved bytes again (a saved document is always valid), save
 * again, and the two saves must be byte-identical (the writer is
 * canonical: docs/file-format.md).
 */
#include "config.h"

#include "fuzz-common.h"
#include "waymark-format.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) input = g_bytes_new_static (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkDocument) reloaded = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;

  document = waymark_format_load_bytes (input, "fuzz.waymark", &error);
  if (document == NULL)
    {
      /* A refusal must say why, with the file's name. */
      if (error == NULL || error->domain != WAYMARK_FORMAT_ERROR ||
          strstr (error->message, "fuzz.waymark") == NULL)
        {
          g_printerr ("refused without a proper error: %s\n",
                      error != NULL ? error->message : "(none)");
          abort ();
        }
      return 0;
    }

  first = waymark_format_save_to_bytes (document);
  reloaded = waymark_format_load_bytes (first, "saved.waymark", &error);
  if (reloaded == NULL)
    {
      g_printerr ("a saved document does not load again: %s\n--- saved ---\n%.*s\n",
                  error->message, (int) g_bytes_get_size (first),
                  (const char *) g_bytes_get_data (first, NULL));
      abort ();
    }
  second = waymark_format_save_to_bytes (reloaded);
  fuzz_assert_same_bytes (first, second, "save, load, save");
  return 0;
}

/* crash-saver.c: saves one document over and over until it is killed
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crash-saver FILE [SECONDS]
 *
 * The helper of test-crash-safe.c: loads FILE, writes "ready" on stdout,
 * then edits the document and saves it with waymark_format_save_file(), the
 * app's own save path, in a loop (for at most SECONDS, default 10), until
 * the test kills it with SIGKILL at a random moment. The edits alternate
 * between a small and a much larger document (one card's text grows by
 * 256 KiB and shrinks back), so a save cut short would leave a file that
 * is visibly incomplete. Each save's title is "Save N", so the test can
 * tell an old file from a new one.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "waymark-document.h"
#include "waymark-format.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *original_text = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *card_id = NULL;
  gint64 deadline;

  if (argc < 2)
    {
      fprintf (stderr, "usage: crash-saver FILE [SECONDS]\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  deadline = g_get_monotonic_time () + (argc > 2 ? atoi (argv[2]) : 10) * G_USEC_PER_SEC;

  document = waymark_format_load_file (file, &error);
  if (document == NULL)
    {
      fprintf (stderr, "crash-saver: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < waymark_document_get_n_personas (document) && card_id == NULL; i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, i);

      if (persona->cards->len > 0)
        {
          WaymarkCard *card = g_ptr_array_index (persona->cards, 0);

          card_id = g_strdup (card->base.id);
          original_text = g_strdup (card->text);
        }
    }
  if (card_id == NULL)
    {
      fprintf (stderr, "crash-saver: the document has no card to edit\n");
      return 1;
    }
  {
    GString *grown = g_string_new (original_text);

    while (grown->len < 256 * 1024)
      g_string_append (grown, " Lorem ipsum dolor sit amet, één café — 😀.");
    long_text = g_string_free (grown, FALSE);
  }

  printf ("ready\n");
  fflush (stdout);

  for (guint n = 1; g_get_monotonic_time () < deadline; n++)
    {
      g_autofree char *title = g_strdup_printf ("Save %u", n);

      waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, title);
      waymark_document_set_text (document, card_id, WAYMARK_FIELD_TEXT,
                                 n % 2 == 1 ? long_text : original_text);
      if (!waymark_format_save_file (document, file, NULL, &error))
        {
          fprintf (stderr, "crash-saver: %s\n", error->message);
          return 1;
        }
    }
  return 0;
}

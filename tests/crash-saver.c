/* crash-saver.c: saves one document over and over until it is killed
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   crash-saver FILE
 *
 * The helper of test-crash-safe.c. Loads FILE with the app's loader and
 * writes "ready" on stdout. Then, for each line "round" on stdin, it
 * forks a saver and writes "child PID": the saver edits the document and
 * saves it with waymark_format_save_file(), the app's own save path, in a
 * loop, writing "saved" after each save, until the test kills it with
 * SIGKILL at a random moment; this process then writes "reaped" and waits
 * for the next round. Forking from a loaded document keeps a round at a
 * millisecond or two, so hundreds of rounds take seconds.
 *
 * The edits alternate between a small and a much larger document (one
 * card's text grows by 48 KiB and shrinks back), so a save cut short
 * would leave a file that is visibly incomplete; each save's title is
 * "Save N".
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "waymark-document.h"
#include "waymark-format.h"

static void
save_forever (WaymarkDocument *document,
              GFile           *file,
              const char      *card_id,
              const char      *short_text,
              const char      *long_text)
{
  for (guint n = 1;; n++)
    {
      g_autofree char *title = g_strdup_printf ("Save %u", n);
      g_autoptr (GError) error = NULL;

      waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, title);
      waymark_document_set_text (document, card_id, WAYMARK_FIELD_TEXT,
                                 n % 2 == 1 ? long_text : short_text);
      if (!waymark_format_save_file (document, file, &error))
        {
          fprintf (stderr, "crash-saver: %s\n", error->message);
          _exit (1);
        }
      printf ("saved\n");
      fflush (stdout);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *short_text = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *card_id = NULL;
  GString *grown;
  char command[64];

  if (argc != 2)
    {
      fprintf (stderr, "usage: crash-saver FILE\n");
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
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
          short_text = g_strdup (card->text);
        }
    }
  if (card_id == NULL)
    {
      fprintf (stderr, "crash-saver: the document has no card to edit\n");
      return 1;
    }
  grown = g_string_new (short_text);
  /* Below the loader's limit for one text (waymark-limits.h). */
  while (grown->len < 48 * 1024)
    g_string_append (grown, " Lorem ipsum dolor sit amet, één café — 😀.");
  long_text = g_string_free (grown, FALSE);

  signal (SIGPIPE, SIG_IGN);
  printf ("ready\n");
  fflush (stdout);

  while (fgets (command, sizeof command, stdin) != NULL)
    {
      int go[2];
      pid_t pid;
      int status;
      char byte;

      if (strcmp (command, "round\n") != 0)
        {
          fprintf (stderr, "crash-saver: unknown command %s", command);
          return 2;
        }
      /* The child waits until its pid is announced, so that the test
       * reads "child PID" before any "saved". */
      if (pipe (go) != 0)
        return 1;
      pid = fork ();
      if (pid < 0)
        return 1;
      if (pid == 0)
        {
          close (go[1]);
          if (read (go[0], &byte, 1) != 1)
            _exit (1);
          close (go[0]);
          save_forever (document, file, card_id, short_text, long_text);
        }
      close (go[0]);
      printf ("child %d\n", (int) pid);
      fflush (stdout);
      /* The test may kill the child as soon as it reads its pid, before
       * this: then the write fails (EPIPE, SIGPIPE ignored), harmlessly. */
      if (write (go[1], "g", 1) != 1 && errno != EPIPE)
        return 1;
      close (go[1]);
      if (waitpid (pid, &status, 0) != pid)
        return 1;
      /* Anything but death by the test's SIGKILL is a failure to report. */
      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        printf ("reaped\n");
      else
        printf ("failed %d\n", status);
      fflush (stdout);
    }
  return 0;
}

/* test-crash-safe.c: saving never loses the file, whatever happens meanwhile
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two promises of docs/safety.md, tested with the app's own save path
 * (waymark_format_save_file):
 *
 * - Killed at any moment (SIGKILL, hundreds of times, while it saves the
 *   same file over and over: tests/crash-saver.c), a save leaves a
 *   complete, valid document: the old one or the new one, never a torn mix.
 * - A save that cannot succeed (full disk, read-only file system, an
 *   immutable file, a directory where the file was, a file without write
 *   permission) fails with a clear error, leaves the original as it was
 *   and the document still modified. Saving through a symlink writes the
 *   target and keeps the link.
 *
 * CI runs as root, where permission bits do not stop anything: the tests
 * use what does stop root (a read-only or full tmpfs mounted in a private
 * mount namespace, the immutable attribute), and drop to "nobody" for the
 * permission test. Each skips with its reason when that is impossible.
 */
#define _GNU_SOURCE /* unshare (), setgroups () */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/fs.h>

#include <glib/gstdio.h>

#include "waymark-document.h"
#include "waymark-format.h"

#define NOBODY 65534

/* Mounts made by this process vanish with it, even if a test crashes:
 * main() moves it into a private mount namespace when it can. */
static gboolean have_private_mounts;
static const char *no_mounts_reason = "not root";

G_GNUC_PRINTF (1, 2)
static void
skip_printf (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_skip (message);
}

/* A small document with enough cards that a torn write would show. */
static WaymarkDocument *
make_document (const char *title)
{
  WaymarkDocument *document = waymark_document_new ();
  const char *persona_id;

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, title);
  persona_id = waymark_document_insert_persona (document, waymark_persona_new ("persona-1", "Zoë"),
                                                -1);
  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("phase-%d", i);
      waymark_document_insert_phase (document, persona_id, waymark_phase_new (id, "Fase"), -1);
    }
  waymark_document_insert_lane (document, persona_id,
                                waymark_lane_new ("lane-1", "Acties", WAYMARK_LANE_ACTIONS), -1);
  for (int i = 1; i <= 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%d", i);
      g_autofree char *phase = g_strdup_printf ("phase-%d", 1 + i % 4);
      g_autofree char *text = g_strdup_printf ("Kaart %d: één café, 😀, <&>", i);

      waymark_document_insert_card (document, persona_id,
                                    waymark_card_new (id, "lane-1", phase, text), -1);
    }
  waymark_history_mark_saved (waymark_document_get_history (document));
  return document;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_document (WaymarkDocument *document,
                const char      *path)
{
  g_autoptr (GBytes) bytes = waymark_format_save_to_bytes (document);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, as one string ("a b c"). */
static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Kill -9 while saving */

/* The file must be a complete, valid document: it loads, it is canonical
 * (so not a truncated one that happens to parse) and it has all its cards.
 * Returns its title. */
static char *
check_complete (const char *path,
                guint       n_cards,
                guint       round)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autoptr (GBytes) on_disk = NULL;
  g_autoptr (GBytes) canonical = NULL;
  WaymarkPersona *persona;

  if (document == NULL)
    g_error ("round %u: the file is not a valid document after kill -9: %s", round,
             error->message);
  on_disk = read_bytes (path);
  canonical = waymark_format_save_to_bytes (document);
  g_assert_true (g_bytes_equal (on_disk, canonical));
  g_assert_cmpuint (waymark_document_get_n_personas (document), ==, 1);
  persona = waymark_document_get_persona (document, 0);
  g_assert_cmpuint (persona->cards->len, ==, n_cards);
  return g_strdup (waymark_document_get_title (document));
}

/* The saver process (tests/crash-saver.c) and the pipes to it. */
typedef struct {
  GPid  pid;
  FILE *in;
  FILE *out;
} Saver;

static void
saver_start (Saver      *saver,
             const char *path)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "crash-saver", NULL);
  const char *argv[] = { program, path, NULL };
  g_autoptr (GError) error = NULL;
  char line[64];
  int in_fd, out_fd;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &saver->pid, &in_fd, &out_fd, NULL, &error);
  g_assert_no_error (error);
  saver->in = fdopen (in_fd, "w");
  saver->out = fdopen (out_fd, "r");
  g_assert_nonnull (saver->in);
  g_assert_nonnull (saver->out);
  if (fgets (line, sizeof line, saver->out) == NULL || strcmp (line, "ready\n") != 0)
    g_error ("crash-saver did not start");
}

static void
saver_stop (Saver *saver)
{
  int status;

  fclose (saver->in);
  g_assert_cmpint (waitpid (saver->pid, &status, 0), ==, saver->pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  fclose (saver->out);
  g_spawn_close_pid (saver->pid);
}

/* The next line from the saver, without its newline. */
static void
saver_read (Saver *saver,
            char  *line,
            gsize  size)
{
  if (fgets (line, (int) size, saver->out) == NULL)
    {
      int saved_errno = errno, status = 0;

      kill (saver->pid, SIGKILL);
      waitpid (saver->pid, &status, 0);
      g_error ("crash-saver stopped unexpectedly (%s; wait status %d)",
               ferror (saver->out) ? g_strerror (saved_errno) : "end of file", status);
    }
  line[strcspn (line, "\n")] = '\0';
}

/* Starts a round: a fresh child that saves until killed. Returns its pid. */
static pid_t
saver_begin_round (Saver *saver)
{
  char line[64];

  fputs ("round\n", saver->in);
  fflush (saver->in);
  saver_read (saver, line, sizeof line);
  if (!g_str_has_prefix (line, "child "))
    g_error ("crash-saver: expected \"child PID\", got \"%s\"", line);
  return (pid_t) atoi (line + 6);
}

/* Kills the round's child and waits until the saver has reaped it. */
static void
saver_kill (Saver *saver,
            pid_t  child)
{
  char line[64];

  g_assert_cmpint (kill (child, SIGKILL), ==, 0);
  do
    saver_read (saver, line, sizeof line);
  while (g_str_equal (line, "saved"));
  if (!g_str_equal (line, "reaped"))
    g_error ("the saving child did not die from the kill: %s", line);
}

/* How long one save takes here, in microseconds, so that the kills are
 * spread over a save on a fast machine as on a slow or sanitized one. */
static gint64
measure_save_time (Saver *saver)
{
  pid_t child = saver_begin_round (saver);
  char line[64];
  gint64 start = 0;

  for (int i = 0; i < 7; i++)
    {
      saver_read (saver, line, sizeof line);
      g_assert_cmpstr (line, ==, "saved");
      if (i == 0)
        start = g_get_monotonic_time ();
    }
  saver_kill (saver, child);
  return MAX ((g_get_monotonic_time () - start) / 6, 100);
}

/* @through_symlink: the saver saves through a link to the file, whose
 * target must be replaced whole, never rewritten in place. */
static void
kill_during_save (gboolean through_symlink)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.waymark", NULL);
  g_autoptr (WaymarkDocument) document = make_document ("Original");
  g_autofree char *listing = NULL;
  g_autofree char *title = NULL;
  const char *rounds_env = g_getenv ("WAYMARK_CRASH_ROUNDS");
  guint rounds, old_file = 0, new_file = 0, leftovers = 0;
  gint64 save_us;
  Saver saver;

  g_assert_no_error (error);
  rounds = rounds_env != NULL ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : 300;
  write_document (document, path);
  if (through_symlink)
    {
      g_assert_cmpint (symlink ("map.waymark", link), ==, 0);
      rounds = MAX (rounds / 3, 1);
    }

  saver_start (&saver, through_symlink ? link : path);
  save_us = measure_save_time (&saver);
  title = check_complete (path, 20, 0);
  g_assert_true (g_str_has_prefix (title, "Save "));

  for (guint round = 1; round <= rounds; round++)
    {
      g_autoptr (GBytes) before = read_bytes (path);
      g_autoptr (GBytes) after = NULL;
      g_autofree char *round_title = NULL;
      pid_t child = saver_begin_round (&saver);
      int n_saves = g_test_rand_int_range (0, 2);
      char line[64];

      /* Let 0 or 1 save finish, then kill somewhere in the next. */
      for (int i = 0; i < n_saves; i++)
        {
          saver_read (&saver, line, sizeof line);
          g_assert_cmpstr (line, ==, "saved");
        }
      g_usleep ((gulong) g_test_rand_int_range (0, (gint32) MIN (save_us, G_MAXINT32)));
      saver_kill (&saver, child);

      round_title = check_complete (path, 20, round);
      after = read_bytes (path);
      if (g_bytes_equal (before, after))
        old_file++;
      else if (g_str_has_prefix (round_title, "Save "))
        new_file++;
      else
        g_error ("round %u: unexpected title \"%s\"", round, round_title);
    }
  saver_stop (&saver);

  /* The new content is written unnamed (O_TMPFILE), so a kill leaves
   * nothing, except in the instant between naming it and renaming it
   * over the file: then a ".map.waymark.waymark-…" file, which the next
   * save removes. Counted, then checked to go. */
  listing = list_dir (dir);
  {
    g_auto (GStrv) names = g_strsplit (listing, " ", -1);

    for (guint i = 0; names[i] != NULL; i++)
      {
        if (g_str_equal (names[i], "map.waymark") || g_str_equal (names[i], "link.waymark"))
          continue;
        g_assert_true (g_str_has_prefix (names[i], ".map.waymark.waymark-"));
        leftovers++;
      }
  }
  {
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autofree char *clean = NULL;

    g_assert_true (waymark_format_save_file (document, file, &error));
    g_assert_no_error (error);
    clean = list_dir (dir);
    g_assert_cmpstr (clean, ==, through_symlink ? "link.waymark map.waymark" : "map.waymark");
  }

  g_test_message ("%u rounds, a save takes about %" G_GINT64_FORMAT " µs: %u kills left the "
                  "file as it was, %u left a newer one, all complete; %u temporary files "
                  "left behind, removed by the next save", rounds, save_us, old_file, new_file, leftovers);
  /* Both outcomes happened, so the kills did land around and in saves. */
  if (rounds >= 50)
    {
      g_assert_cmpuint (new_file, >, 0);
      g_assert_cmpuint (old_file, >, 0);
    }

  if (through_symlink)
    {
      GStatBuf st;

      g_assert_cmpint (g_lstat (link, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
      g_unlink (link);
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_kill_during_save (void)
{
  kill_during_save (FALSE);
}

static void
test_kill_during_save_symlink (void)
{
  kill_during_save (TRUE);
}

/* Failed saves */

/* Saves @document (modified) to @path and expects failure: a clear error
 * naming the file, the original bytes unchanged, no stray file next to
 * it, the document still modified. */
static void
assert_save_fails (WaymarkDocument *document,
                   const char      *path,
                   GBytes          *original,
                   const char      *expected_reason)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *before = list_dir (dir);
  g_autofree char *after = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_true (waymark_history_get_modified (waymark_document_get_history (document)));
  g_assert_false (waymark_format_save_file (document, file, &error));
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, basename));
  g_assert_nonnull (strstr (error->message, "cannot save"));
  if (expected_reason != NULL)
    g_assert_nonnull (strstr (error->message, expected_reason));

  if (original != NULL)
    {
      g_autoptr (GBytes) now = read_bytes (path);
      g_assert_true (g_bytes_equal (now, original));
    }
  after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (waymark_history_get_modified (waymark_document_get_history (document)));
}

/* An edit that makes the document about 300 KiB: six cards of 50 KiB
 * beside card-1 (one text may not pass 64 KiB). */
static void
make_big_edit (WaymarkDocument *document)
{
  GString *text = g_string_new (NULL);
  WaymarkCard *card = waymark_document_find_card (document, "card-1");
  const char *persona_id = waymark_document_lookup_persona (document, "card-1")->base.id;

  while (text->len < 50 * 1024)
    g_string_append (text, "Een lange kaarttekst die de schijf vult. ");
  waymark_document_begin_group (document, "Big edit");
  for (int i = 0; i < 6; i++)
    g_assert_nonnull (waymark_document_insert_card (document, persona_id,
                                                    waymark_card_new (NULL, card->lane_id,
                                                                      card->phase_id, text->str),
                                                    -1));
  waymark_document_end_group (document);
  g_string_free (text, TRUE);
}

static char *
mount_tmpfs (const char *size)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-mnt-XXXXXX", &error);
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  g_assert_no_error (error);
  if (mount ("waymark-test", dir, "tmpfs", 0, options) != 0)
    g_error ("mount tmpfs on %s: %s", dir, g_strerror (errno));
  return dir;
}

static void
unmount_tmpfs (char *dir)
{
  umount2 (dir, MNT_DETACH);
  g_rmdir (dir);
  g_free (dir);
}

static void
test_full_disk (void)
{
  g_autoptr (WaymarkDocument) document = make_document ("Full disk");
  g_autoptr (GBytes) original = NULL;
  g_autofree char *path = NULL;
  char *mnt;

  if (!have_private_mounts)
    {
      skip_printf ("cannot mount a small tmpfs (%s); the full-disk save is untested", no_mounts_reason);
      return;
    }
  mnt = mount_tmpfs ("64k");
  path = g_build_filename (mnt, "map.waymark", NULL);
  write_document (document, path);
  original = read_bytes (path);

  make_big_edit (document);
  assert_save_fails (document, path, original, "No space left");

  unmount_tmpfs (mnt);
}

static void
test_read_only_mount (void)
{
  g_autoptr (WaymarkDocument) document = make_document ("Read-only");
  g_autoptr (GBytes) original = NULL;
  g_autofree char *path = NULL;
  char *mnt;

  if (!have_private_mounts)
    {
      skip_printf ("cannot mount a tmpfs (%s); saving on a read-only file system is untested", no_mounts_reason);
      return;
    }
  mnt = mount_tmpfs ("1m");
  path = g_build_filename (mnt, "map.waymark", NULL);
  write_document (document, path);
  original = read_bytes (path);
  if (mount (NULL, mnt, NULL, MS_REMOUNT | MS_RDONLY, NULL) != 0)
    g_error ("remount read-only: %s", g_strerror (errno));

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Changed");
  assert_save_fails (document, path, original, "Read-only file system");

  unmount_tmpfs (mnt);
}

static gboolean
set_immutable (const char *path,
               gboolean    immutable,
               GError    **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  if (!ok)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "chattr %ci: %s",
                 immutable ? '+' : '-', g_strerror (errno));
  close (fd);
  return ok;
}

/* The immutable attribute (chattr +i) stops even root from replacing or
 * renaming over the file: the nearest thing to a read-only file there. */
static void
test_immutable_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-immutable-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr (WaymarkDocument) document = make_document ("Immutable");
  g_autoptr (GBytes) original = NULL;

  g_assert_no_error (error);
  write_document (document, path);
  original = read_bytes (path);
  if (!set_immutable (path, TRUE, &error))
    {
      skip_printf ("cannot make a file immutable here (%s)", error->message);
      g_unlink (path);
      g_rmdir (dir);
      return;
    }

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Changed");
  assert_save_fails (document, path, original, NULL);

  g_assert_true (set_immutable (path, FALSE, NULL));
  g_unlink (path);
  g_rmdir (dir);
}

/* Someone replaced the open file by a directory: the save refuses and
 * the directory, with what it holds, stays. */
static void
test_directory_in_the_way (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-dir-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *inner = g_build_filename (path, "keep.txt", NULL);
  g_autoptr (WaymarkDocument) document = make_document ("Directory");
  g_autoptr (GBytes) kept = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inner, "precious", -1, NULL));

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Changed");
  assert_save_fails (document, path, NULL, NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  kept = read_bytes (inner);
  g_assert_cmpmem (g_bytes_get_data (kept, NULL), g_bytes_get_size (kept), "precious", 8);

  g_unlink (inner);
  g_rmdir (path);
  g_rmdir (dir);
}

/* Saving through a symlink (a map kept in a synced folder and linked
 * from elsewhere) writes the target and keeps the link a link. */
static void
test_symlink (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-link-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "target.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.waymark", NULL);
  g_autoptr (WaymarkDocument) document = make_document ("Before");
  g_autoptr (WaymarkDocument) loaded = NULL;
  g_autoptr (GFile) link_file = g_file_new_for_path (link);
  g_autoptr (GFile) target_file = g_file_new_for_path (target);
  g_autofree char *points_to = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;

  g_assert_no_error (error);
  write_document (document, target);
  g_assert_cmpint (symlink ("target.waymark", link), ==, 0);

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "After");
  g_assert_true (waymark_format_save_file (document, link_file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  points_to = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (points_to, ==, "target.waymark");
  loaded = waymark_format_load_file (target_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (waymark_document_get_title (loaded), ==, "After");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "link.waymark target.waymark");

  g_unlink (link);
  g_unlink (target);
  g_rmdir (dir);
}

/* A file without write permission in a writable directory. Root ignores
 * permission bits, so as root the save runs in a child that has become
 * "nobody" (the directory and file belong to nobody, the file is 0444). */
static void
test_no_write_permission (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("waymark-perm-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr (WaymarkDocument) document = make_document ("Read-only file");
  g_autoptr (GBytes) original = NULL;
  gboolean as_root = geteuid () == 0;
  int status;
  pid_t pid;

  g_assert_no_error (error);
  write_document (document, path);
  original = read_bytes (path);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  if (as_root)
    {
      if (chown (dir, NOBODY, NOBODY) != 0 || chown (path, NOBODY, NOBODY) != 0)
        {
          skip_printf ("cannot give the files to nobody: %s", g_strerror (errno));
          goto out;
        }
      /* /tmp may not let "nobody" in (a private 0700 TMPDIR). */
      if (g_access (dir, X_OK) != 0)
        {
          g_test_skip ("the temporary directory is not reachable for other users");
          goto out;
        }
    }
  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Changed");

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* The child: no GTest assertions that could unwind into the parent's
       * state; report by exit status, the reason on stderr. */
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (GError) save_error = NULL;

      if (as_root && (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
        _exit (3);
      if (waymark_format_save_file (document, file, &save_error))
        _exit (1);
      g_printerr ("# error: %s\n", save_error->message);
      if (save_error->domain != WAYMARK_FORMAT_ERROR || strstr (save_error->message, "map.waymark") == NULL
          || strstr (save_error->message, "cannot save") == NULL)
        _exit (2);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 3)
    {
      g_test_skip ("cannot become nobody to test permissions as root");
      goto out;
    }
  if (WEXITSTATUS (status) == 1)
    g_test_fail ();
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  {
    g_autoptr (GBytes) now = read_bytes (path);
    g_autofree char *listing = list_dir (dir);

    g_assert_true (g_bytes_equal (now, original));
    g_assert_cmpstr (listing, ==, "map.waymark");
  }

out:
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  /* Before any thread exists: a mount namespace of our own, private, so
   * that the tmpfs mounts below are invisible outside and disappear when
   * the test exits, however it exits. */
  if (geteuid () == 0)
    {
      if (unshare (CLONE_NEWNS) != 0)
        no_mounts_reason = "no permission for a private mount namespace";
      else if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        no_mounts_reason = "cannot make the mount namespace private";
      else
        have_private_mounts = TRUE;
    }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-safe/kill-during-save", test_kill_during_save);
  g_test_add_func ("/crash-safe/kill-during-save-through-symlink", test_kill_during_save_symlink);
  g_test_add_func ("/crash-safe/full-disk", test_full_disk);
  g_test_add_func ("/crash-safe/read-only-file-system", test_read_only_mount);
  g_test_add_func ("/crash-safe/immutable-file", test_immutable_file);
  g_test_add_func ("/crash-safe/directory-in-the-way", test_directory_in_the_way);
  g_test_add_func ("/crash-safe/symlink", test_symlink);
  g_test_add_func ("/crash-safe/no-write-permission", test_no_write_permission);

  return g_test_run ();
}

/* test-save-faults.c: the user's files survive the faults users meet, on
 * the paths users take
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every write here goes through an entry point a user touches: the
 * window's Save and Save As actions (with the file chooser answered as a
 * user does), the Export dialog's Export button, the window's CSV export,
 * and the `waymark` command (export in every format, import-csv, fmt).
 * The faults:
 *
 * - a full disk (a small tmpfs, in a private mount namespace);
 * - a symlink to the file, a file with its own mode;
 * - SIGKILL just before each write system call of the operation in turn
 *   (tests/kill-at-write.c, preloaded into the saving process);
 * - another program changing the file without changing its time
 *   (`cp -p`, `rsync -t`, `touch -r`).
 *
 * After each, the file on disk must be the complete old file or the
 * complete new one, the user told why an operation failed, and nothing
 * left beside the file.
 */
#define _GNU_SOURCE /* unshare () */
#include "config.h"

#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <utime.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "waymark-application.h"
#include "waymark-export-dialog.h"
#include "waymark-format.h"
#include "waymark-window-private.h"

static WaymarkApplication *app;
static char *tmp_dir;
static const char *waymark_program;
static gboolean have_private_mounts;
static const char *no_mounts_reason = "not root";

/* Files */

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"), "data", "examples",
                           "levenslang-leren.waymark", NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      (gssize) g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = read_bytes (from);

  write_bytes (to, bytes);
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
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
make_dir (const char *name)
{
  char *dir = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return dir;
}

/* Fills the file system of @dir up to the last byte with DIR/filler. */
static void
fill_disk (const char *dir)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0 };
  FILE *out = fopen (filler, "w");

  g_assert_nonnull (out);
  while (fwrite (block, 1, sizeof block, out) == sizeof block && fflush (out) == 0)
    ;
  /* The rest, byte by byte, so that not even a small file fits. */
  while (fwrite (block, 1, 1, out) == 1 && fflush (out) == 0)
    ;
  fclose (out);
}

/* Makes room on the file system of @dir again. */
static void
empty_disk (const char *dir)
{
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);

  g_assert_cmpint (g_unlink (filler), ==, 0);
}

/* A small tmpfs of @size holding a copy of the example as @first_file,
 * then filled up to the last byte. */
static char *
mount_full_tmpfs (const char *size,
                  const char *first_file)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-full-XXXXXX", &error);
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);
  g_autofree char *example = example_path ();
  g_autofree char *map = g_build_filename (dir, first_file, NULL);

  g_assert_no_error (error);
  if (mount ("waymark-test", dir, "tmpfs", 0, options) != 0)
    g_error ("mount tmpfs on %s: %s", dir, g_strerror (errno));
  copy_file (example, map);
  fill_disk (dir);
  return dir;
}

static void
unmount_tmpfs (char *dir)
{
  umount2 (dir, MNT_DETACH);
  g_rmdir (dir);
  g_free (dir);
}

static gboolean
skip_without_mounts (const char *what)
{
  g_autofree char *message = NULL;

  if (have_private_mounts)
    return FALSE;
  message = g_strdup_printf ("cannot mount a small tmpfs (%s): %s is untested",
                             no_mounts_reason, what);
  g_test_skip (message);
  return TRUE;
}

/* The window */

static WaymarkWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkWindow *window = waymark_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  waymark_window_open_file (window, file);
  g_assert_nonnull (window->file);
  return window;
}

/* What a user does before saving: Ctrl+Shift+N adds a persona. */
static void
add_persona (WaymarkWindow *window)
{
  guint before = waymark_document_get_n_personas (window->document);

  gtk_widget_activate_action (GTK_WIDGET (window), "editor.add-persona", NULL);
  g_assert_cmpuint (waymark_document_get_n_personas (window->document), ==, before + 1);
  g_assert_true (waymark_window_get_modified (window));
}

static guint
count_personas (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WaymarkDocument) document = waymark_format_load_file (file, &error);

  g_assert_no_error (error);
  return waymark_document_get_n_personas (document);
}

/* The "Could Not Save" dialog says why and that nothing was lost. */
static void
assert_save_error_shown (WaymarkWindow *window,
                         const char    *reason)
{
  AdwMessageDialog *dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), "waymark-save-error");
  const char *body = adw_message_dialog_get_body (dialog);

  g_test_message ("save error: %s / %s", adw_message_dialog_get_heading (dialog), body);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Could Not Save"));
  g_assert_nonnull (strstr (body, reason));
  g_assert_nonnull (strstr (body, "not changed"));
  gui_test_respond (dialog, "close");
}

/* Ctrl+S on a full disk: the map on disk stays as it was, the user is
 * told why, the window keeps the changes, and no Reload bar offers the
 * (intact) file as if it had changed. Once there is room, Save works. */
static void
test_window_save_full_disk (void)
{
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = NULL;
  g_autofree char *listing = NULL;
  WaymarkWindow *window;
  char *mnt;

  if (skip_without_mounts ("saving from the window on a full disk"))
    return;
  mnt = mount_full_tmpfs ("96k", "map.waymark");
  path = g_build_filename (mnt, "map.waymark", NULL);
  before = read_bytes (path);
  listing = list_dir (mnt);

  window = open_window (path);
  add_persona (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  assert_save_error_shown (window, "No space left on device");

  {
    g_autoptr(GBytes) after = read_bytes (path);
    g_autofree char *listing_after = list_dir (mnt);

    g_assert_true (g_bytes_equal (before, after));
    g_assert_cmpstr (listing_after, ==, listing);
  }
  g_assert_true (waymark_window_get_modified (window));
  gui_test_spin (300);
  g_assert_false (window->changed_on_disk);

  /* Room again: the same Save succeeds, with the new persona. */
  empty_disk (mnt);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (waymark_window_get_modified (window));
  g_assert_null (gui_test_find_dialog (GTK_WINDOW (window), "waymark-save-error"));
  g_assert_cmpuint (count_personas (path), ==, waymark_document_get_n_personas (window->document));
  {
    g_autofree char *listing_after = list_dir (mnt);
    g_assert_cmpstr (listing_after, ==, "map.waymark");
  }

  gui_test_close_window (window);
  unmount_tmpfs (mnt);
}

/* Save As, through the file chooser, onto a full disk: no file appears,
 * and the window stays with its own file. */
static void
test_window_save_as_full_disk (void)
{
  g_autofree char *dir = make_dir ("save-as-full");
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *target = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GFile) target_file = NULL;
  g_autoptr(GFile) own_file = NULL;
  WaymarkWindow *window;
  char *mnt;

  if (skip_without_mounts ("Save As on a full disk"))
    return;
  copy_file (example, path);
  own_file = g_file_new_for_path (path);
  mnt = mount_full_tmpfs ("96k", "other.waymark");
  target = g_build_filename (mnt, "copy.waymark", NULL);
  target_file = g_file_new_for_path (target);
  listing = list_dir (mnt);

  window = open_window (path);
  add_persona (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  gui_test_choose_file (target_file);
  assert_save_error_shown (window, "No space left on device");

  {
    g_autofree char *listing_after = list_dir (mnt);
    g_assert_cmpstr (listing_after, ==, listing);
  }
  g_assert_true (g_file_equal (window->file, own_file));
  g_assert_true (waymark_window_get_modified (window));

  gui_test_close_window (window);
  unmount_tmpfs (mnt);
}

/* Saving a map opened through a symlink replaces the link's target as a
 * whole (never in place), keeps the link a link, and keeps the target's
 * mode. */
static void
test_window_save_symlink (void)
{
  g_autofree char *dir = make_dir ("symlink");
  g_autofree char *shared = make_dir ("symlink/shared");
  g_autofree char *target = g_build_filename (shared, "map.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.waymark", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *points_to = NULL;
  g_autofree char *listing = NULL;
  WaymarkWindow *window;
  GStatBuf st;
  guint n_personas;

  copy_file (example, target);
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  g_assert_cmpint (symlink (target, link), ==, 0);

  window = open_window (link);
  add_persona (window);
  n_personas = waymark_document_get_n_personas (window->document);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_false (waymark_window_get_modified (window));

  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  points_to = g_file_read_link (link, NULL);
  g_assert_cmpstr (points_to, ==, target);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_personas (target), ==, n_personas);
  listing = list_dir (shared);
  g_assert_cmpstr (listing, ==, "map.waymark");

  gui_test_close_window (window);
}

static gboolean
changed_bar_shown (gpointer data)
{
  return WAYMARK_WINDOW (data)->changed_on_disk;
}

/* Another program replaces the file with other bytes of the same size and
 * puts the old time back (`cp -p`): the window notices by content, shows
 * the Reload bar, and Save asks before overwriting. A `touch` (same bytes,
 * new time) is no change. */
static void
test_window_external_change_same_mtime (void)
{
  g_autofree char *dir = make_dir ("same-mtime");
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *example = example_path ();
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) other = NULL;
  g_autoptr(GBytes) after = NULL;
  WaymarkWindow *window;
  AdwMessageDialog *dialog;
  struct utimbuf times;
  GStatBuf st;
  char *data;
  gsize size;

  copy_file (example, path);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  times.actime = st.st_atime;
  times.modtime = st.st_mtime;
  original = read_bytes (path);

  window = open_window (path);
  gui_test_spin (200);

  /* touch: new time, same bytes. */
  g_assert_cmpint (utime (path, NULL), ==, 0);
  gui_test_spin (500);
  g_assert_false (window->changed_on_disk);

  /* The same size, one letter different, the old time put back. */
  data = g_memdup2 (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  size = g_bytes_get_size (original);
  {
    char *title = strstr (data, "<title>");

    g_assert_nonnull (title);
    title[strlen ("<title>")] ^= 0x20; /* the case of the first letter */
  }
  other = g_bytes_new_take (data, size);
  write_bytes (path, other);
  g_assert_cmpint (utime (path, &times), ==, 0);
  g_assert_true (gui_test_wait_for (changed_bar_shown, window, 10000));

  add_persona (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Overwrite Changed File?");
  gui_test_respond (dialog, "cancel");
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (after, other));
  g_assert_true (waymark_window_get_modified (window));

  gui_test_close_window (window);
}

/* The Export dialog onto a full disk, in each format: "Export Failed"
 * with the reason, the previous export untouched, nothing left beside it,
 * and no crash. */
static void
test_export_dialog_full_disk (void)
{
  static const char *const extensions[] = { "pdf", "svg", "png" };
  g_autofree char *dir = make_dir ("export-full");
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *example = example_path ();
  WaymarkWindow *window;
  char *mnt;

  if (skip_without_mounts ("exporting from the window on a full disk"))
    return;
  copy_file (example, path);
  mnt = mount_full_tmpfs ("96k", "previous.txt");
  window = open_window (path);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat ("export.", extensions[i], NULL);
      g_autofree char *out = g_build_filename (mnt, name, NULL);
      g_autofree char *listing = NULL;
      g_autofree char *listing_after = NULL;
      g_autoptr(GFile) out_file = g_file_new_for_path (out);
      g_autoptr(GBytes) previous = g_bytes_new_static ("previous export", 15);
      g_autoptr(GBytes) after = NULL;
      WaymarkExportDialog *export_dialog;
      AdwMessageDialog *error_dialog;

      /* A previous export, and then the disk full. */
      empty_disk (mnt);
      write_bytes (out, previous);
      fill_disk (mnt);
      listing = list_dir (mnt);

      export_dialog = waymark_export_dialog_new (window);
      waymark_export_dialog_set_file (export_dialog, out_file);
      gtk_window_present (GTK_WINDOW (export_dialog));
      gtk_widget_activate_action (GTK_WIDGET (export_dialog), "export.export", NULL);
      error_dialog = gui_test_wait_for_dialog (GTK_WINDOW (export_dialog), NULL);
      g_test_message ("%s: %s", extensions[i], adw_message_dialog_get_body (error_dialog));
      g_assert_cmpstr (adw_message_dialog_get_heading (error_dialog), ==, "Export Failed");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (error_dialog),
                                "No space left on device"));
      gui_test_respond (error_dialog, "close");

      after = read_bytes (out);
      g_assert_true (g_bytes_equal (after, previous));
      listing_after = list_dir (mnt);
      g_assert_cmpstr (listing_after, ==, listing);
      gtk_window_destroy (GTK_WINDOW (export_dialog));
      gui_test_spin (20);
    }

  gui_test_close_window (window);
  unmount_tmpfs (mnt);
}

/* The window's Export as CSV, through its file chooser, onto a full disk. */
static void
test_csv_export_full_disk (void)
{
  g_autofree char *dir = make_dir ("csv-full");
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *out = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GFile) out_file = NULL;
  AdwMessageDialog *dialog;
  WaymarkWindow *window;
  char *mnt;

  if (skip_without_mounts ("CSV export from the window on a full disk"))
    return;
  copy_file (example, path);
  mnt = mount_full_tmpfs ("96k", "previous.txt");
  out = g_build_filename (mnt, "map.csv", NULL);
  out_file = g_file_new_for_path (out);
  listing = list_dir (mnt);

  window = open_window (path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-csv", NULL);
  gui_test_choose_file (out_file);
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Failed");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "No space left on device"));
  gui_test_respond (dialog, "close");
  listing_after = list_dir (mnt);
  g_assert_cmpstr (listing_after, ==, listing);

  gui_test_close_window (window);
  unmount_tmpfs (mnt);
}

/* Kill -9 at every write */

/* Runs @argv with the kill shim preloaded, watching @dir, killed before
 * its @kill_at-th write there (0: never). Returns the number of writes
 * it made when it was not killed, -1 when it was. */
static int
run_with_kill_shim (const char * const *argv,
                    const char         *dir,
                    int                 kill_at,
                    gboolean           *killed)
{
  g_autofree char *shim = g_test_build_filename (G_TEST_BUILT, "libkill-at-write.so", NULL);
  g_autofree char *log = g_build_filename (tmp_dir, "kill-log", NULL);
  g_autofree char *at = g_strdup_printf ("%d", kill_at);
  g_autofree char *preload = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *asan = g_getenv ("ASAN_OPTIONS");
  int status;
  int writes = -1;

  g_unlink (log);
  /* After the sanitizer's runtime when there is one, which must come
   * first; it does not intercept the calls the shim counts. */
  preload = g_strdup (shim);
  env = g_environ_setenv (env, "LD_PRELOAD", preload, TRUE);
  env = g_environ_setenv (env, "ASAN_OPTIONS",
                          asan != NULL && *asan != '\0'
                            ? g_strconcat (asan, ":verify_asan_link_order=0", NULL)
                            : "verify_asan_link_order=0",
                          TRUE);
  env = g_environ_setenv (env, "WAYMARK_KILL_DIR", dir, TRUE);
  env = g_environ_setenv (env, "WAYMARK_KILL_AT", at, TRUE);
  env = g_environ_setenv (env, "WAYMARK_KILL_LOG", log, TRUE);

  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  *killed = WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
  if (*killed)
    return -1;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s exited with wait status %d (kill at %d)", argv[0], status, kill_at);
  if (g_file_get_contents (log, &contents, NULL, NULL))
    {
      writes = atoi (contents);
      g_test_message ("%s: %d writes:%s", argv[1], writes, strchr (contents, ' ') ?: "");
    }
  g_assert_cmpint (writes, >=, 1);
  return writes;
}

/* What may be beside the file after a kill: nothing, or the one named
 * temporary file of a save killed between naming and renaming it, which
 * the next save removes. Removes it (so that every kill starts from the
 * same files) and returns how many there were. */
static guint
take_leftovers (const char *dir,
                const char *expected)
{
  g_autofree char *listing = list_dir (dir);
  g_auto(GStrv) names = g_strsplit (listing, " ", -1);
  g_auto(GStrv) allowed = g_strsplit (expected, " ", -1);
  guint leftovers = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (g_strv_contains ((const char * const *) allowed, names[i]))
        continue;
      if (names[i][0] != '.' || strstr (names[i], ".waymark-") == NULL)
        g_error ("unexpected file beside the output after a kill: %s (in \"%s\")", names[i],
                 listing);
      leftovers++;
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpuint (leftovers, <=, 1);
  return leftovers;
}

/* Whether @bytes is the whole output a complete run wrote (@complete). */
typedef gboolean (*IsComplete) (GBytes *bytes,
                                GBytes *complete);

static gboolean
same_bytes (GBytes *bytes,
            GBytes *complete)
{
  return g_bytes_equal (bytes, complete);
}

/* cairo writes a fresh /ID into each PDF: the same length and the end
 * marker (a cut file has neither). */
static gboolean
whole_pdf (GBytes *bytes,
           GBytes *complete)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size == g_bytes_get_size (complete) && size > 6
         && memcmp (data + size - 6, "%%EOF\n", 6) == 0;
}

/* The window writes the time of saving into the document: a canonical
 * document with the persona the save added. */
static gboolean
saved_document (GBytes *bytes,
                GBytes *complete)
{
  g_autoptr(WaymarkDocument) document = waymark_format_load_bytes (bytes, "saved", NULL);
  g_autoptr(WaymarkDocument) expected = waymark_format_load_bytes (complete, "complete", NULL);
  g_autoptr(GBytes) canonical = NULL;

  if (document == NULL || expected == NULL)
    return FALSE;
  canonical = waymark_format_save_to_bytes (document);
  return g_bytes_equal (canonical, bytes)
         && waymark_document_get_n_personas (document)
              == waymark_document_get_n_personas (expected);
}

/* Puts @output as it was before a run: @old, or no file. */
static void
put_back (const char *output,
          GBytes     *old)
{
  if (old != NULL)
    write_bytes (output, old);
  else
    g_unlink (output);
}

/* Runs @argv, which replaces @output in @dir, once to count its writes
 * and then killed before each of them in turn. After every kill @output
 * must equal @old (NULL: must not exist) or be complete as @is_complete
 * judges against what the full run wrote. The leftovers of a kill are
 * removed by the next complete run. */
static void
kill_at_every_write (const char * const *argv,
                     const char         *dir,
                     const char         *output,
                     GBytes             *old,
                     IsComplete          is_complete,
                     const char         *expected_listing)
{
  g_autoptr(GBytes) complete = NULL;
  g_autofree char *listing = NULL;
  gboolean killed;
  int writes, leaving_at = 0;
  guint kept_old = 0, got_new = 0, leftovers = 0;

  writes = run_with_kill_shim (argv, dir, 0, &killed);
  g_assert_false (killed);
  complete = read_bytes (output);
  g_assert_false (old != NULL && g_bytes_equal (complete, old));

  for (int n = 1; n <= writes; n++)
    {
      put_back (output, old);

      run_with_kill_shim (argv, dir, n, &killed);
      g_assert_true (killed);
      if (!g_file_test (output, G_FILE_TEST_EXISTS))
        {
          g_assert_null (old);
          kept_old++;
        }
      else
        {
          g_autoptr(GBytes) now = read_bytes (output);

          if (old != NULL && g_bytes_equal (now, old))
            kept_old++;
          else if (is_complete (now, complete))
            got_new++;
          else
            g_error ("%s killed at write %d of %d: %s is neither the old file nor the new one "
                     "(%" G_GSIZE_FORMAT " bytes)", argv[1], n, writes, output,
                     g_bytes_get_size (now));
        }
      if (take_leftovers (dir, expected_listing) > 0)
        {
          leftovers++;
          leaving_at = n;
        }
    }

  /* A complete run clears what a killed one left. */
  if (leaving_at > 0)
    {
      put_back (output, old);
      run_with_kill_shim (argv, dir, leaving_at, &killed);
      listing = list_dir (dir);
      g_assert_cmpstr (listing, !=, expected_listing);
      g_clear_pointer (&listing, g_free);
    }
  put_back (output, old);
  run_with_kill_shim (argv, dir, 0, &killed);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, expected_listing);
  g_test_message ("%s: %d writes; killed before each: %u times the old file, %u times the new "
                  "one, %u temporary files left and then removed", argv[1], writes, kept_old,
                  got_new, leftovers);
  g_assert_cmpuint (kept_old, >, 0);
  g_assert_cmpuint (got_new, >, 0);
}

/* The child for the window's kill test: opens the file, adds a persona
 * and saves with the window's Save action (through @argv[3]: "save" or
 * "save-link"), then quits normally so the shim can report. */
static int
save_child (const char *path)
{
  WaymarkWindow *window = open_window (path);

  add_persona (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  if (waymark_window_get_modified (window))
    return 1;
  gui_test_close_window (window);
  return 0;
}

static void
test_window_kill_at_every_write (void)
{
  g_autofree char *dir = make_dir ("kill-window");
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-save-faults", NULL);
  g_autoptr(GBytes) old = NULL;
  const char *argv[] = { self, "--save-child", path, NULL };

  copy_file (example, path);
  old = read_bytes (path);
  kill_at_every_write (argv, dir, path, old, saved_document, "map.waymark");
}

static void
test_window_kill_at_every_write_symlink (void)
{
  g_autofree char *dir = make_dir ("kill-window-link");
  g_autofree char *shared = make_dir ("kill-window-link/shared");
  g_autofree char *target = g_build_filename (shared, "map.waymark", NULL);
  g_autofree char *link = g_build_filename (dir, "link.waymark", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *self = g_test_build_filename (G_TEST_BUILT, "test-save-faults", NULL);
  g_autoptr(GBytes) old = NULL;
  const char *argv[] = { self, "--save-child", link, NULL };
  GStatBuf st;

  copy_file (example, target);
  g_assert_cmpint (symlink (target, link), ==, 0);
  old = read_bytes (target);
  kill_at_every_write (argv, shared, target, old, saved_document, "map.waymark");
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
}

/* The command line */

typedef struct {
  const char *name;
  const char *output;          /* in the test's directory */
  const char *args[6];         /* between the program and the input */
  gboolean    csv_input;
} CliCase;

static const CliCase cli_cases[] = {
  { "export-pdf", "out.pdf", { "export", "-o", "@OUT", NULL } },
  { "export-svg", "out.svg", { "export", "--persona", "loopbaan", "-o", "@OUT", NULL } },
  { "export-png", "out.png", { "export", "--persona", "loopbaan", "-o", "@OUT", NULL } },
  { "export-csv", "out.csv", { "export", "-o", "@OUT", NULL } },
  { "import-csv", "out.waymark", { "import-csv", "-o", "@OUT", NULL }, TRUE },
  { "fmt", "map.waymark", { "fmt", NULL } },
};

/* The argument vector of @cli_case on @input writing @output. */
static GStrv
cli_argv (const CliCase *cli_case,
          const char    *input,
          const char    *output)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, waymark_program);
  for (guint i = 0; cli_case->args[i] != NULL; i++)
    g_strv_builder_add (builder, g_str_equal (cli_case->args[i], "@OUT") ? output
                                                                        : cli_case->args[i]);
  g_strv_builder_add (builder, input);
  return g_strv_builder_end (builder);
}

/* A copy of the example's CSV export, for import-csv. */
static char *
make_csv_input (const char *dir)
{
  g_autofree char *example = example_path ();
  char *csv = g_build_filename (dir, "input.csv", NULL);
  const char *argv[] = { waymark_program, "export", "-o", csv, example, NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, NULL);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return csv;
}

/* Every command that writes a file, on a full disk: exit 1, the reason on
 * stderr, the previous output as it was (or still no output), nothing
 * left beside it. */
static void
test_cli_full_disk (void)
{
  g_autofree char *inputs = make_dir ("cli-full-inputs");
  g_autofree char *example = example_path ();
  g_autofree char *csv = make_csv_input (inputs);
  g_autofree char *non_canonical = g_build_filename (inputs, "map.waymark", NULL);
  char *mnt;

  if (skip_without_mounts ("the command line on a full disk"))
    return;
  mnt = mount_full_tmpfs ("96k", "previous.txt");
  /* fmt rewrites the file itself: a copy that is not canonical (blank
   * lines at the end), put on the disk before it fills up. */
  {
    g_autoptr(GBytes) bytes = read_bytes (example);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_autofree char *with_blank = g_strconcat (text, "\n\n", NULL);

    g_assert_true (g_file_set_contents (non_canonical, with_blank, -1, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cli_cases); i++)
    {
      const CliCase *cli_case = &cli_cases[i];
      g_autofree char *out = g_build_filename (mnt, cli_case->output, NULL);
      g_autofree char *listing = NULL;
      g_autofree char *listing_after = NULL;
      g_autofree char *err = NULL;
      g_auto(GStrv) argv = NULL;
      g_autoptr(GBytes) previous = NULL;
      g_autoptr(GError) error = NULL;
      gboolean fresh = i % 2 == 1 && !g_str_equal (cli_case->name, "fmt");
      int status;

      /* Half the cases replace a previous output, half write a new file. */
      empty_disk (mnt);
      if (g_str_equal (cli_case->name, "fmt"))
        copy_file (non_canonical, out);
      else if (!fresh)
        g_assert_true (g_file_set_contents (out, "previous output", -1, NULL));
      fill_disk (mnt);
      if (!fresh)
        previous = read_bytes (out);
      listing = list_dir (mnt);

      argv = cli_argv (cli_case, g_str_equal (cli_case->name, "fmt") ? out
                                 : cli_case->csv_input ? csv : example, out);
      g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                    &status, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s", cli_case->name, err);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 1);
      g_assert_nonnull (strstr (err, "No space left on device"));
      g_assert_null (strstr (err, "CRITICAL"));

      if (fresh)
        g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      else
        {
          g_autoptr(GBytes) after = read_bytes (out);
          g_assert_true (g_bytes_equal (after, previous));
        }
      listing_after = list_dir (mnt);
      g_assert_cmpstr (listing_after, ==, listing);
      g_unlink (out);
    }
  unmount_tmpfs (mnt);
}

/* Every command that writes a file, killed before each of its writes. */
static void
test_cli_kill_at_every_write (void)
{
  g_autofree char *inputs = make_dir ("cli-kill-inputs");
  g_autofree char *example = example_path ();
  g_autofree char *csv = make_csv_input (inputs);

  for (guint i = 0; i < G_N_ELEMENTS (cli_cases); i++)
    {
      const CliCase *cli_case = &cli_cases[i];
      g_autofree char *name = g_strconcat ("cli-kill-", cli_case->name, NULL);
      g_autofree char *dir = make_dir (name);
      g_autofree char *out = g_build_filename (dir, cli_case->output, NULL);
      g_autoptr(GBytes) old = NULL;
      g_auto(GStrv) argv = NULL;
      gboolean is_fmt = g_str_equal (cli_case->name, "fmt");

      if (is_fmt)
        {
          g_autoptr(GBytes) bytes = read_bytes (example);
          g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes));
          g_autofree char *with_blank = g_strconcat (text, "\n\n", NULL);
          old = g_bytes_new (with_blank, strlen (with_blank));
        }
      else if (i % 2 == 0)
        old = g_bytes_new_static ("previous output", 15);
      argv = cli_argv (cli_case, is_fmt ? out : cli_case->csv_input ? csv : example, out);
      if (old != NULL)
        write_bytes (out, old);
      kill_at_every_write ((const char * const *) argv, dir, out, old,
                           g_str_has_suffix (out, ".pdf") ? whole_pdf : same_bytes,
                           cli_case->output);
    }
}

static void
remove_recursively (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file,
                                                                   G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL)
         && child != NULL)
    remove_recursively (child);
  g_file_delete (file, NULL, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int result;

  /* The child of the window's kill test. */
  if (argc == 3 && g_str_equal (argv[1], "--save-child"))
    {
      /* As g_test_init () does for the parent: the recent files list
       * wants a name. */
      g_set_prgname ("test-save-faults");
      if (!gtk_init_check ())
        return 2;
      app = waymark_application_new (G_APPLICATION_NON_UNIQUE);
      if (!g_application_register (G_APPLICATION (app), NULL, NULL))
        return 2;
      result = save_child (argv[2]);
      g_clear_object (&app);
      return result;
    }

  /* Before any thread exists: a private mount namespace, so that the
   * tmpfs mounts are invisible outside and vanish with the test. */
  if (geteuid () == 0)
    {
      if (unshare (CLONE_NEWNS) != 0)
        no_mounts_reason = "no permission for a private mount namespace";
      else if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        no_mounts_reason = "cannot make the mount namespace private";
      else
        have_private_mounts = TRUE;
    }

  tmp_dir = g_dir_make_tmp ("waymark-save-faults-XXXXXX", &error);
  g_assert_no_error (error);
  /* Drafts and recent files of this run stay in it (children too). */
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);
    g_autofree char *home = g_build_filename (tmp_dir, "home", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("HOME", home, TRUE);
  }

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    g_error ("usage: test-save-faults WAYMARK-PROGRAM");
  waymark_program = argv[1];
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  app = waymark_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/save-faults/window-save-full-disk", test_window_save_full_disk);
  g_test_add_func ("/save-faults/window-save-as-full-disk", test_window_save_as_full_disk);
  g_test_add_func ("/save-faults/window-save-symlink", test_window_save_symlink);
  g_test_add_func ("/save-faults/window-external-change-same-mtime",
                   test_window_external_change_same_mtime);
  g_test_add_func ("/save-faults/export-dialog-full-disk", test_export_dialog_full_disk);
  g_test_add_func ("/save-faults/csv-export-full-disk", test_csv_export_full_disk);
  g_test_add_func ("/save-faults/window-kill-at-every-write", test_window_kill_at_every_write);
  g_test_add_func ("/save-faults/window-kill-at-every-write-symlink",
                   test_window_kill_at_every_write_symlink);
  g_test_add_func ("/save-faults/cli-full-disk", test_cli_full_disk);
  g_test_add_func ("/save-faults/cli-kill-at-every-write", test_cli_kill_at_every_write);

  result = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
    remove_recursively (dir);
  }
  g_free (tmp_dir);
  return result;
}

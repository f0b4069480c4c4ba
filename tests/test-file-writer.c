/* test-file-writer.c: the one writer every file goes through
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the writer promises besides surviving faults (test-crash-safe.c and
 * test-save-faults.c): where a write lands (through links, never over a
 * directory or a device), what the new file keeps of the old one (mode,
 * owner), that an abandoned write leaves nothing, and that the leftovers
 * of a killed save are removed by the next one, never those of a save
 * still running.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "waymark-file-writer.h"

#define NOBODY 65534

static char *
make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-writer-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return waymark_file_write_bytes (file, bytes, error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

/* A new file gets 0666 less the umask, like any new file; a replaced one
 * keeps its own mode. */
static void
test_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr (GError) error = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  g_assert_true (write_text (path, "new", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0644);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (write_text (path, "replaced", &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  assert_contents (path, "replaced");

  umask (mask);
  remove_dir (dir);
}

/* Root saving a user's file leaves it the user's. */
static void
test_owner (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  if (geteuid () != 0)
    {
      g_test_skip ("only root can save another user's file");
      remove_dir (dir);
      return;
    }
  g_assert_true (write_text (path, "theirs", &error));
  g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
  g_assert_true (write_text (path, "still theirs", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, NOBODY);
  g_assert_cmpuint (st.st_gid, ==, NOBODY);
  remove_dir (dir);
}

/* A chain of links, relative and absolute, ends at the file replaced; the
 * links stay. A dangling link creates its target. A loop is refused. */
static void
test_symlinks (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *target = g_build_filename (sub, "target.waymark", NULL);
  g_autofree char *link1 = g_build_filename (dir, "link1", NULL);
  g_autofree char *link2 = g_build_filename (dir, "link2", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling", NULL);
  g_autofree char *created = g_build_filename (sub, "created.waymark", NULL);
  g_autofree char *loop_a = g_build_filename (dir, "loop-a", NULL);
  g_autofree char *loop_b = g_build_filename (dir, "loop-b", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkFileWriter) writer = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_true (write_text (target, "old", NULL));
  g_assert_cmpint (symlink ("sub/target.waymark", link1), ==, 0);
  g_assert_cmpint (symlink (link1, link2), ==, 0);

  writer = waymark_file_writer_new_for_path (link2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (waymark_file_writer_get_target (writer), ==, target);
  g_clear_pointer (&writer, waymark_file_writer_free);
  g_assert_true (write_text (link2, "new", &error));
  assert_contents (target, "new");
  g_assert_true (g_file_test (link1, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link2, G_FILE_TEST_IS_SYMLINK));

  g_assert_cmpint (symlink ("sub/created.waymark", dangling), ==, 0);
  g_assert_true (write_text (dangling, "created", &error));
  assert_contents (created, "created");
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));

  g_assert_cmpint (symlink ("loop-b", loop_a), ==, 0);
  g_assert_cmpint (symlink ("loop-a", loop_b), ==, 0);
  g_assert_false (write_text (loop_a, "never", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);

  listing = list_dir (sub);
  g_assert_cmpstr (listing, ==, "created.waymark target.waymark");
  remove_dir (dir);
}

/* What is not a file to replace: a directory, a device, a missing folder,
 * a file without write permission (made so to keep it as it is). */
static void
test_refusals (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *to_null = g_build_filename (dir, "to-null", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.waymark", NULL);
  g_autofree char *read_only = g_build_filename (dir, "read-only.waymark", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (write_text (dir, "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  g_assert_cmpint (symlink ("/dev/null", to_null), ==, 0);
  g_assert_false (write_text (to_null, "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test (to_null, G_FILE_TEST_IS_SYMLINK));
  g_clear_error (&error);

  g_assert_false (write_text (missing, "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  if (geteuid () != 0)
    {
      g_assert_true (write_text (read_only, "keep", NULL));
      g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
      g_assert_false (write_text (read_only, "x", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      assert_contents (read_only, "keep");
    }

  {
    g_autoptr (GFile) remote = g_file_new_for_uri ("http://example.invalid/map.waymark");
    g_autoptr (GBytes) bytes = g_bytes_new_static ("x", 1);

    g_clear_error (&error);
    g_assert_false (waymark_file_write_bytes (remote, bytes, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  }
  remove_dir (dir);
}

/* Freed without a commit, a write leaves nothing, the old file as it was;
 * large writes and many small ones give the same file. */
static void
test_abandon_and_sizes (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *listing = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) expected = g_string_new (NULL);
  g_autofree char *contents = NULL;
  WaymarkFileWriter *writer;
  gsize length;

  g_assert_true (write_text (path, "old", NULL));
  writer = waymark_file_writer_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (waymark_file_writer_write (writer, "half", 4, &error));
  waymark_file_writer_free (writer);
  assert_contents (path, "old");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "map.waymark");

  writer = waymark_file_writer_new_for_path (path, &error);
  for (guint i = 0; i < 20000; i++)
    {
      char piece[16];
      int n = g_snprintf (piece, sizeof piece, "%u,", i);

      g_string_append_len (expected, piece, n);
      g_assert_true (waymark_file_writer_write (writer, piece, n, NULL));
      if (i % 5000 == 0)
        {
          /* One write larger than any buffer. */
          g_autofree char *big = g_strnfill (200 * 1024, 'a' + i % 26);

          g_string_append (expected, big);
          g_assert_true (waymark_file_writer_write (writer, big, strlen (big), NULL));
        }
    }
  g_assert_true (waymark_file_writer_commit (writer, &error));
  g_assert_no_error (error);
  waymark_file_writer_free (writer);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, expected->str, expected->len);
  remove_dir (dir);
}

/* The leftover of a save killed between naming its file and the rename
 * is removed by the next save of the same file, on this host; a save in
 * progress (a live process) keeps its file, and so do other files. */
static void
test_stale_temp_files (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *host = g_strdup_printf ("%08x", g_str_hash (g_get_host_name ()));
  g_autofree char *dead = g_strdup_printf (".map.waymark.waymark-%s-%d-0000abcd", host,
                                           G_MAXINT - 1);
  g_autofree char *live = g_strdup_printf (".map.waymark.waymark-%s-%ld-0000abcd", host,
                                           (long) getpid ());
  g_autofree char *other = g_strdup_printf (".other.waymark.waymark-%s-%d-0000abcd", host,
                                            G_MAXINT - 1);
  g_autofree char *listing = NULL;
  g_autofree char *expected = NULL;
  const char *names[] = { dead, live, other };

  /* No process has the largest pid. */
  g_assert_cmpint (kill (G_MAXINT - 1, 0), !=, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *leftover = g_build_filename (dir, names[i], NULL);
      g_assert_true (g_file_set_contents (leftover, "half a map", -1, NULL));
    }
  g_assert_true (write_text (path, "saved", NULL));
  listing = list_dir (dir);
  expected = g_strdup_printf ("%s %s map.waymark", live, other);
  g_assert_cmpstr (listing, ==, expected);
  remove_dir (dir);
}

static void
test_checksum (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "map.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) directory = g_file_new_for_path (dir);
  g_autoptr (GBytes) bytes = g_bytes_new_static ("abc", 3);
  g_autoptr (GError) error = NULL;
  g_autofree char *of_bytes = waymark_bytes_compute_checksum (bytes);
  g_autofree char *of_file = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *of_dir = NULL;

  g_assert_cmpstr (of_bytes, ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_true (write_text (path, "abc", NULL));
  of_file = waymark_file_compute_checksum (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (of_file, ==, of_bytes);

  g_unlink (path);
  missing = waymark_file_compute_checksum (file, &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  of_dir = waymark_file_compute_checksum (directory, &error);
  g_assert_null (of_dir);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-writer/mode", test_mode);
  g_test_add_func ("/file-writer/owner", test_owner);
  g_test_add_func ("/file-writer/symlinks", test_symlinks);
  g_test_add_func ("/file-writer/refusals", test_refusals);
  g_test_add_func ("/file-writer/abandon-and-sizes", test_abandon_and_sizes);
  g_test_add_func ("/file-writer/stale-temp-files", test_stale_temp_files);
  g_test_add_func ("/file-writer/checksum", test_checksum);

  return g_test_run ();
}

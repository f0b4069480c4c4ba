/* waymark-file-writer.c: the one way Waymark writes a file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* O_TMPFILE */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "waymark-file-writer.h"

/* Written by hand rather than with GIO: in GLib 2.74 g_file_replace() and
 * g_file_replace_contents() rename a short temporary file over the user's
 * file when a write fails and the stream is closed normally, rewrite the
 * target of a symlink in place (truncate, then write: a kill in between
 * leaves an empty file), write a file that does not exist yet in place
 * under its final name, and leave their named temporary file behind when
 * the process is killed. Each of these lost a map in a test. The steps
 * below are the classic POSIX ones (write, fsync, rename, fsync the
 * directory), plus Linux's O_TMPFILE so that a kill leaves nothing. */

/* How many links a path may go through, as the kernel's own limit. */
#define MAX_SYMLINKS 40

/* cairo hands its output over in pieces of a few bytes to a few KiB; one
 * system call per piece made a PDF export thousands of writes. */
#define BUFFER_SIZE (64 * 1024)

struct _WaymarkFileWriter {
  char        *target;      /* the file replaced: symlinks resolved */
  char        *basename;    /* its name in dir_fd */
  int          dir_fd;      /* its directory */
  int          fd;          /* the new content */
  char        *temp_name;   /* the temporary file's name in dir_fd; NULL while unnamed */
  gboolean     unnamed;     /* fd is an O_TMPFILE with no name yet */
  gboolean     had_old;     /* the target existed: keep its mode and owner */
  struct stat  old;
  GError      *error;       /* the first failure; later calls return it */
  guint8      *buffer;      /* BUFFER_SIZE bytes not yet written */
  gsize        buffered;
  gboolean     done;        /* committed or failed for good */
};

static void
set_errno_error (GError     **error,
                 int          saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

/* Records the first failure; returns FALSE for convenience. */
static gboolean
fail (WaymarkFileWriter *writer,
      int                saved_errno)
{
  if (writer->error == NULL)
    set_errno_error (&writer->error, saved_errno);
  return FALSE;
}

/* Follows @path through symlinks to the file that a save must replace.
 * The last component may not exist yet (a new file, or a dangling link
 * whose target is to be created). */
static char *
resolve_target (const char  *path,
                GError     **error)
{
  g_autofree char *current = NULL;

  if (g_path_is_absolute (path))
    current = g_strdup (path);
  else
    {
      g_autofree char *cwd = g_get_current_dir ();

      current = g_build_filename (cwd, path, NULL);
    }

  for (guint hops = 0;; hops++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);
      if (hops == MAX_SYMLINKS)
        {
          set_errno_error (error, ELOOP);
          return NULL;
        }
      link = g_file_read_link (current, error);
      if (link == NULL)
        return NULL;
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          dir = g_path_get_dirname (current);
          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }
}

/* A name no other process uses: ".NAME.waymark-HOST-PID-RANDOM". The host
 * and process let a later save remove what a killed one left behind
 * (remove_stale_temp_files), and never what a live one is writing. */
static char *
temp_file_prefix (const char *basename)
{
  return g_strdup_printf (".%s.waymark-%08x-", basename, g_str_hash (g_get_host_name ()));
}

static char *
new_temp_name (const char *basename)
{
  g_autofree char *prefix = temp_file_prefix (basename);

  return g_strdup_printf ("%s%ld-%08x", prefix, (long) getpid (), g_random_int ());
}

/* Removes the temporary files of earlier saves of the same file by
 * processes of this host that have died (killed in the instant between
 * naming the new content and renaming it). */
static void
remove_stale_temp_files (WaymarkFileWriter *writer)
{
  g_autofree char *prefix = temp_file_prefix (writer->basename);
  int fd = openat (writer->dir_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  DIR *dir = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *entry;

  if (dir == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      const char *rest;
      char *end;
      long pid;

      if (!g_str_has_prefix (entry->d_name, prefix))
        continue;
      rest = entry->d_name + strlen (prefix);
      pid = strtol (rest, &end, 10);
      if (end == rest || *end != '-' || pid <= 0)
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      unlinkat (writer->dir_fd, entry->d_name, 0);
    }
  closedir (dir);
}

static gboolean
open_temp_file (WaymarkFileWriter *writer)
{
#ifdef O_TMPFILE
  /* Unnamed until committed, where the file system supports it (tmpfs,
   * ext4, xfs, btrfs): a process killed while writing leaves nothing.
   * Naming it later goes through /proc, so only then. The mode is
   * 0666 less the umask, as for any new file; an old file's mode is
   * copied at commit. */
  if (g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      writer->fd = openat (writer->dir_fd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
      if (writer->fd >= 0)
        {
          writer->unnamed = TRUE;
          return TRUE;
        }
      if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL && errno != ENOENT)
        return fail (writer, errno);
    }
#endif

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = new_temp_name (writer->basename);

      writer->fd = openat (writer->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (writer->fd >= 0)
        {
          writer->temp_name = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        return fail (writer, errno);
    }
  return fail (writer, EEXIST);
}

WaymarkFileWriter *
waymark_file_writer_new_for_path (const char  *path,
                                  GError     **error)
{
  g_autoptr (WaymarkFileWriter) writer = NULL;
  g_autofree char *dir = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer = g_new0 (WaymarkFileWriter, 1);
  writer->buffer = g_malloc (BUFFER_SIZE);
  writer->fd = -1;
  writer->dir_fd = -1;
  writer->target = resolve_target (path, error);
  if (writer->target == NULL)
    return NULL;
  writer->basename = g_path_get_basename (writer->target);
  dir = g_path_get_dirname (writer->target);

  if (stat (writer->target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          set_errno_error (error, EISDIR);
          return NULL;
        }
      /* Replacing a device or a pipe by a file is never what was meant. */
      if (!S_ISREG (st.st_mode))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("Not a regular file"));
          return NULL;
        }
      /* Renaming over the file needs only the directory's permission, but
       * a file without write permission was made so to keep it as it is:
       * refuse, as writing into it would. */
      if (faccessat (AT_FDCWD, writer->target, W_OK, AT_EACCESS) != 0)
        {
          set_errno_error (error, errno);
          return NULL;
        }
      writer->had_old = TRUE;
      writer->old = st;
    }
  else if (errno != ENOENT)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  writer->dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (writer->dir_fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }

  remove_stale_temp_files (writer);
  if (!open_temp_file (writer))
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      return NULL;
    }
  return g_steal_pointer (&writer);
}

WaymarkFileWriter *
waymark_file_writer_new (GFile   *file,
                         GError **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Waymark can only write files that have a local path"));
      return NULL;
    }
  return waymark_file_writer_new_for_path (path, error);
}

/* Writes @size bytes to the file, all of them or a failure. */
static gboolean
write_all (WaymarkFileWriter *writer,
           const guint8      *p,
           gsize              size)
{
  while (writer->error == NULL && size > 0)
    {
      ssize_t n = write (writer->fd, p, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0)
        {
          if (errno != EINTR)
            fail (writer, errno);
          continue;
        }
      /* A write of nothing would loop for ever; the disk is full. */
      if (n == 0)
        return fail (writer, ENOSPC);
      p += n;
      size -= (gsize) n;
    }
  return writer->error == NULL;
}

static gboolean
flush (WaymarkFileWriter *writer)
{
  gboolean ok = write_all (writer, writer->buffer, writer->buffered);

  writer->buffered = 0;
  return ok;
}

gboolean
waymark_file_writer_write (WaymarkFileWriter *writer,
                           const void        *data,
                           gsize              size,
                           GError           **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (!writer->done, FALSE);

  if (writer->error == NULL)
    {
      if (writer->buffered + size <= BUFFER_SIZE)
        {
          memcpy (writer->buffer + writer->buffered, data, size);
          writer->buffered += size;
        }
      else if (flush (writer) && size >= BUFFER_SIZE)
        write_all (writer, data, size);
      else if (writer->error == NULL)
        {
          memcpy (writer->buffer, data, size);
          writer->buffered = size;
        }
    }
  if (writer->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (writer->error);
      return FALSE;
    }
  return TRUE;
}

gboolean
waymark_file_writer_has_failed (WaymarkFileWriter *writer)
{
  g_return_val_if_fail (writer != NULL, TRUE);

  return writer->error != NULL;
}

const char *
waymark_file_writer_get_target (WaymarkFileWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);

  return writer->target;
}

/* Gives an unnamed temporary file the name @name in the directory. */
static gboolean
link_unnamed (WaymarkFileWriter *writer,
              const char        *name)
{
  char proc_path[64];

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", writer->fd);
  return linkat (AT_FDCWD, proc_path, writer->dir_fd, name, AT_SYMLINK_FOLLOW) == 0;
}

static gboolean
commit (WaymarkFileWriter *writer)
{
  if (!flush (writer))
    return FALSE;

  if (writer->had_old)
    {
      /* The old file's permissions, and its owner where we may set it
       * (root saving a user's file); otherwise the owner is whoever saves,
       * as with every editor that saves by rename. */
      if (fchmod (writer->fd, writer->old.st_mode & 07777) != 0)
        return fail (writer, errno);
      if ((writer->old.st_uid != geteuid () || writer->old.st_gid != getegid ())
          && fchown (writer->fd, writer->old.st_uid, writer->old.st_gid) != 0
          && errno != EPERM)
        return fail (writer, errno);
    }

  /* The content must be on disk before the name points at it. */
  if (fsync (writer->fd) != 0)
    return fail (writer, errno);

  if (writer->unnamed)
    {
      /* A new file is created whole under its final name in one step;
       * linkat() refuses if one appeared meanwhile, and the rename below
       * takes over. */
      if (!writer->had_old && link_unnamed (writer, writer->basename))
        {
          writer->unnamed = FALSE;
          goto sync_dir;
        }
      if (!writer->had_old && errno != EEXIST)
        return fail (writer, errno);

      for (guint attempt = 0; writer->unnamed; attempt++)
        {
          g_autofree char *name = new_temp_name (writer->basename);

          if (link_unnamed (writer, name))
            {
              writer->temp_name = g_steal_pointer (&name);
              writer->unnamed = FALSE;
            }
          else if (errno != EEXIST || attempt == 100)
            return fail (writer, errno);
        }
    }

  if (renameat (writer->dir_fd, writer->temp_name, writer->dir_fd, writer->basename) != 0)
    return fail (writer, errno);
  g_clear_pointer (&writer->temp_name, g_free);

sync_dir:
  /* The rename itself must reach the disk. Some file systems cannot sync
   * a directory (EINVAL); the rename is as durable as they make it. */
  if (fsync (writer->dir_fd) != 0 && errno != EINVAL && errno != EROFS)
    return fail (writer, errno);
  return TRUE;
}

static void
close_and_clean (WaymarkFileWriter *writer)
{
  if (writer->fd >= 0)
    {
      close (writer->fd);
      writer->fd = -1;
    }
  if (writer->temp_name != NULL)
    {
      unlinkat (writer->dir_fd, writer->temp_name, 0);
      g_clear_pointer (&writer->temp_name, g_free);
    }
}

gboolean
waymark_file_writer_commit (WaymarkFileWriter  *writer,
                            GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->done, FALSE);

  ok = commit (writer);
  if (ok)
    {
      int status = close (writer->fd);

      /* Linux closes the descriptor even when close() fails. After the
       * rename and the sync this cannot lose data, but say so rather than
       * hide it. */
      writer->fd = -1;
      if (status != 0 && errno != EINTR)
        ok = fail (writer, errno);
    }
  close_and_clean (writer);
  writer->done = TRUE;
  if (!ok && error != NULL)
    *error = g_error_copy (writer->error);
  return ok;
}

void
waymark_file_writer_free (WaymarkFileWriter *writer)
{
  if (writer == NULL)
    return;
  close_and_clean (writer);
  if (writer->dir_fd >= 0)
    close (writer->dir_fd);
  g_clear_error (&writer->error);
  g_free (writer->buffer);
  g_free (writer->target);
  g_free (writer->basename);
  g_free (writer);
}

gboolean
waymark_file_write_bytes (GFile   *file,
                          GBytes  *bytes,
                          GError **error)
{
  g_autoptr (WaymarkFileWriter) writer = NULL;
  const void *data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  writer = waymark_file_writer_new (file, error);
  if (writer == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!waymark_file_writer_write (writer, data, size, error))
    return FALSE;
  return waymark_file_writer_commit (writer, error);
}

char *
waymark_bytes_compute_checksum (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

char *
waymark_file_compute_checksum (GFile   *file,
                               GError **error)
{
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GChecksum) checksum = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Only regular files: reading a device or a pipe might never end. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL,
                            error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("Not a regular file"));
      return NULL;
    }
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, chunk, n);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

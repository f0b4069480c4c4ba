/* waymark-drafts.c: copies of unsaved work that survive a crash
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "waymark-drafts.h"
#include "waymark-file-writer.h"

#define DRAFT_GROUP "Draft"

void
waymark_draft_free (WaymarkDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->id);
  g_clear_object (&draft->content);
  g_clear_object (&draft->original);
  g_free (draft->original_checksum);
  g_free (draft->title);
  g_clear_pointer (&draft->saved, g_date_time_unref);
  g_free (draft);
}

char *
waymark_drafts_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "waymark", "drafts", NULL);
}

char *
waymark_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
draft_path (const char *id,
            const char *extension)
{
  g_autofree char *dir = waymark_drafts_get_dir ();
  g_autofree char *name = g_strconcat (id, extension, NULL);

  return g_build_filename (dir, name, NULL);
}

/* Drafts are written like every other file (waymark-file-writer.h): a
 * full disk or a kill leaves the previous draft whole. */
static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        size,
            GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, size);

  return waymark_file_write_bytes (file, bytes, error);
}

static gboolean
save_key_file (GKeyFile    *info,
               const char  *path,
               GError     **error)
{
  gsize size;
  g_autofree char *data = g_key_file_to_data (info, &size, NULL);

  return write_file (path, data, size, error);
}

static gboolean
write_info (const char  *id,
            GFile       *original,
            const char  *original_checksum,
            const char  *title,
            GError     **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *path = draft_path (id, ".ini");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_key_file_set_string (info, DRAFT_GROUP, "uri", uri);
      if (original_checksum != NULL)
        g_key_file_set_string (info, DRAFT_GROUP, "checksum", original_checksum);
    }
  g_key_file_set_string (info, DRAFT_GROUP, "title", title != NULL ? title : "");
  g_key_file_set_int64 (info, DRAFT_GROUP, "pid", getpid ());
  g_key_file_set_int64 (info, DRAFT_GROUP, "saved", g_date_time_to_unix (now));

  return save_key_file (info, path, error);
}

gboolean
waymark_drafts_save (const char  *id,
                     GBytes      *content,
                     GFile       *original,
                     const char  *original_checksum,
                     const char  *title,
                     GError     **error)
{
  g_autofree char *dir = waymark_drafts_get_dir ();
  g_autofree char *path = draft_path (id, ".waymark");
  gsize size;
  const char *data = g_bytes_get_data (content, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The content first: a draft is only listed once its .ini exists, so a
   * kill between the two writes leaves the previous, complete pair. */
  if (!write_file (path, data, size, error))
    return FALSE;
  return write_info (id, original, original_checksum, title, error);
}

void
waymark_drafts_adopt (const char *id)
{
  g_autofree char *path = draft_path (id, ".ini");
  g_autoptr(GKeyFile) info = g_key_file_new ();

  if (!g_key_file_load_from_file (info, path, G_KEY_FILE_NONE, NULL))
    return;
  g_key_file_set_int64 (info, DRAFT_GROUP, "pid", getpid ());
  save_key_file (info, path, NULL);
}

void
waymark_drafts_remove (const char *id)
{
  g_autofree char *content = NULL;
  g_autofree char *info = NULL;

  if (id == NULL)
    return;
  content = draft_path (id, ".waymark");
  info = draft_path (id, ".ini");
  /* The .ini first, so that a half-removed draft is never listed. */
  g_unlink (info);
  g_unlink (content);
}

static gboolean
process_is_running (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (pid == getpid ())
    return TRUE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  const WaymarkDraft *da = *(WaymarkDraft * const *) a;
  const WaymarkDraft *db = *(WaymarkDraft * const *) b;

  return g_date_time_compare (da->saved, db->saved);
}

GPtrArray *
waymark_drafts_list_orphaned (void)
{
  g_autofree char *dir_path = waymark_drafts_get_dir ();
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_draft_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&drafts);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autofree char *info_path = NULL;
      g_autofree char *content_path = NULL;
      g_autofree char *id = NULL;
      g_autofree char *uri = NULL;
      WaymarkDraft *draft;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".ini"));
      info_path = g_build_filename (dir_path, name, NULL);
      content_path = draft_path (id, ".waymark");
      if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL) ||
          !g_file_test (content_path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (process_is_running (g_key_file_get_int64 (info, DRAFT_GROUP, "pid", NULL)))
        continue;

      draft = g_new0 (WaymarkDraft, 1);
      draft->id = g_steal_pointer (&id);
      draft->content = g_file_new_for_path (content_path);
      uri = g_key_file_get_string (info, DRAFT_GROUP, "uri", NULL);
      if (uri != NULL && *uri != '\0')
        draft->original = g_file_new_for_uri (uri);
      draft->original_checksum = g_key_file_get_string (info, DRAFT_GROUP, "checksum", NULL);
      draft->title = g_key_file_get_string (info, DRAFT_GROUP, "title", NULL);
      if (draft->title == NULL)
        draft->title = g_strdup ("");
      draft->saved = g_date_time_new_from_unix_utc (g_key_file_get_int64 (info, DRAFT_GROUP,
                                                                          "saved", NULL));
      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_drafts);
  return g_steal_pointer (&drafts);
}

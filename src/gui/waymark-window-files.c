/* waymark-window-files.c: opening, saving, closing, drafts, changes on disk
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-drafts.h"
#include "waymark-file-writer.h"
#include "waymark-format.h"
#include "waymark-window-private.h"

/* A draft is written at most this long after a change: what a kill -9
 * can lose. The timer is not restarted by later changes, so continuous
 * editing still gets saved. */
#define DRAFT_DELAY_MS 2000

static GSettings *get_settings (WaymarkWindow *self);

/* The folder of the window's file, or else the one a document was last
 * opened from or saved to (the last-folder setting): where a file chooser
 * starts. */
static void
start_in_folder (WaymarkWindow  *self,
                 GtkFileChooser *chooser)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GFile) folder = NULL;

  if (self->file != NULL)
    folder = g_file_get_parent (self->file);
  else if (settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (settings, "last-folder");

      if (*uri != '\0')
        folder = g_file_new_for_uri (uri);
    }
  if (folder != NULL && g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
remember_folder (WaymarkWindow *self,
                 GFile         *file)
{
  GSettings *settings = get_settings (self);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (settings == NULL || folder == NULL)
    return;
  uri = g_file_get_uri (folder);
  g_settings_set_string (settings, "last-folder", uri);
}

/* Opening */

static GtkFileFilter *
new_waymark_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Journey Maps"));
  gtk_file_filter_add_mime_type (filter, "application/x-waymark");
  gtk_file_filter_add_suffix (filter, "waymark");
  return filter;
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  WaymarkWindow   *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && app != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          remember_folder (self, file);
          waymark_application_open_file (WAYMARK_APPLICATION (app), file);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_waymark_window_open_dialog (WaymarkWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_waymark_filter ());
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  start_in_folder (self, GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saving */

/* Whether the window's file still holds what was read or last saved. A
 * file that is gone or unreadable is not "changed": saving recreates it,
 * or fails and says why. */
static gboolean
file_changed_on_disk (WaymarkWindow *self)
{
  g_autofree char *checksum = NULL;

  if (self->file == NULL || self->disk_checksum == NULL)
    return FALSE;
  checksum = waymark_file_compute_checksum (self->file, NULL);
  return checksum != NULL && g_strcmp0 (checksum, self->disk_checksum) != 0;
}

gboolean
waymark_window_save_to_file (WaymarkWindow  *self,
                             GFile          *file,
                             gboolean        check_changes,
                             GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) old_modified = NULL;
  gboolean had_created;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Only the file we read has a content to compare with. */
  if (check_changes && self->file != NULL && g_file_equal (file, self->file)
      && file_changed_on_disk (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                           _("Another program changed the file since it was opened"));
      return FALSE;
    }

  had_created = waymark_document_get_created (self->document) != NULL;
  if (waymark_document_get_modified (self->document) != NULL)
    old_modified = g_date_time_ref (waymark_document_get_modified (self->document));
  if (!had_created)
    waymark_document_set_created (self->document, now);
  waymark_document_set_modified (self->document, now);
  bytes = waymark_format_save_to_bytes (self->document);

  /* The core's one writer: a temporary file, synced and renamed over the
   * target (a symlink's target), so a full disk or a kill leaves the old
   * file whole (waymark-file-writer.h). */
  if (!waymark_file_write_bytes (file, bytes, error))
    {
      /* Nothing was saved: the document keeps its times as they were. */
      waymark_document_set_modified (self->document, old_modified);
      if (!had_created)
        waymark_document_set_created (self->document, NULL);
      return FALSE;
    }

  waymark_history_mark_saved (waymark_document_get_history (self->document));
  self->restored_draft = FALSE;
  _waymark_window_show_changed_bar (self, FALSE);
  g_free (self->disk_checksum);
  self->disk_checksum = waymark_bytes_compute_checksum (bytes);
  if (g_set_object (&self->file, file))
    {
      g_object_notify (G_OBJECT (self), "file");
      _waymark_window_watch_file (self);
    }
  remember_folder (self, file);
  _waymark_window_remove_draft (self);

  {
    g_autofree char *uri = g_file_get_uri (file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }

  /* restored_draft is not part of the history, which notified already. */
  _waymark_window_state_changed (self);
  return TRUE;
}

typedef struct {
  WaymarkWindow       *self;
  WaymarkSaveDoneFunc  done;
  gpointer             done_data;
  GFile               *file;       /* waiting for "Overwrite Changed File?" */
} SaveOp;

static void
save_op_finish (SaveOp   *op,
                gboolean  saved)
{
  if (op->done != NULL)
    op->done (op->self, saved, op->done_data);
  g_object_unref (op->self);
  g_clear_object (&op->file);
  g_free (op);
}

static void save_to (SaveOp *op, GFile *file, gboolean check_changes);

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SaveOp           *op)
{
  g_autoptr(GFile) file = g_steal_pointer (&op->file);

  /* Once: closing the dialog afterwards emits its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, overwrite_response_cb, op);

  if (g_str_equal (response, "overwrite"))
    save_to (op, file, FALSE);
  else
    save_op_finish (op, FALSE);
}

static void
save_to (SaveOp   *op,
         GFile    *file,
         gboolean  check_changes)
{
  WaymarkWindow *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  AdwMessageDialog *dialog;

  if (waymark_window_save_to_file (self, file, check_changes, &error))
    {
      save_op_finish (op, TRUE);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Overwrite Changed File?"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("Another program changed “%s” since it was opened. "
                                        "Saving replaces those changes with this version."),
                                      name);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_set_object (&op->file, file);
      g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), op);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Could Not Save “%s”"), name);
  /* What the user most needs to know after the reason: nothing is lost. */
  adw_message_dialog_format_body (dialog,
                                  _("%s.\n\nThe file on disk was not changed, and your "
                                    "changes are still open in this window."),
                                  error->message);
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "waymark-save-error");
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  save_op_finish (op, FALSE);
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     SaveOp          *op)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    {
      save_op_finish (op, FALSE);
      return;
    }

  {
    g_autofree char *basename = g_file_get_basename (file);

    /* A name typed without the extension still gets one, so that the file
     * manager and the file chooser's filter recognise it. */
    if (strchr (basename, '.') == NULL)
      {
        g_autoptr(GFile) parent = g_file_get_parent (file);
        g_autofree char *name = g_strconcat (basename, ".waymark", NULL);
        GFile *child = g_file_get_child (parent, name);

        g_clear_object (&file);
        file = child;
      }
  }

  /* The file chooser already asked before replacing an existing file. */
  save_to (op, file, FALSE);
}

void
_waymark_window_save (WaymarkWindow *self,
                      gboolean       save_as,
                      GCallback      done_cb,
                      gpointer       done_data)
{
  SaveOp *op = g_new0 (SaveOp, 1);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  /* What is typed in an open in-place editor is part of what is saved. */
  waymark_window_commit_editing (self);
  op->self = g_object_ref (self);
  op->done = (WaymarkSaveDoneFunc) done_cb;
  op->done_data = done_data;

  if (!save_as && self->file != NULL)
    {
      save_to (op, self->file, TRUE);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Journey Map"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), new_waymark_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  else
    {
      g_autofree char *stem = waymark_document_dup_file_stem (self->document);

      start_in_folder (self, GTK_FILE_CHOOSER (chooser));
      /* Translators: the file name offered for an untitled journey map. */
      name = g_strdup_printf ("%s.waymark", stem != NULL ? stem : _("Journey Map"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), op);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Reloading */

static void
reload_now (WaymarkWindow *self)
{
  g_autofree char *persona_id = g_strdup (self->persona_id);
  g_autoptr(GFile) file = g_object_ref (self->file);

  waymark_window_open_file (self, file);
  /* Stay on the persona the user was looking at, if it is still there. */
  if (persona_id != NULL && waymark_document_find_persona (self->document, persona_id) != NULL)
    waymark_window_set_persona_id (self, persona_id);
}

static void
reload_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    WaymarkWindow    *self)
{
  /* Once: closing the dialog afterwards emits its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, reload_response_cb, self);

  if (g_str_equal (response, "reload"))
    reload_now (self);
}

void
_waymark_window_reload (WaymarkWindow *self)
{
  AdwMessageDialog *dialog;

  if (self->file == NULL)
    return;
  if (!waymark_window_get_modified (self))
    {
      reload_now (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Reload and Discard Changes?"),
                                                       _("Reloading shows the file as it is on "
                                                         "disk now. The changes made in this "
                                                         "window are lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Changes on disk */

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 WaymarkWindow     *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN &&
      event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  /* By content: our own saves, and a touch or a copy of the same bytes,
   * are no change; `cp -p` of other bytes with the old time is. */
  if (file_changed_on_disk (self))
    _waymark_window_show_changed_bar (self, TRUE);
}

void
_waymark_window_watch_file (WaymarkWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;

  /* WATCH_MOVES: editors that save by renaming a temporary file over
   * ours report it as a rename. */
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

/* Drafts */

static GSettings *
get_settings (WaymarkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? waymark_application_get_settings (WAYMARK_APPLICATION (app)) : NULL;
}

/* The autosave preference saves documents that have a file to that file,
 * a while after the last change (the schema's autosave-interval). Drafts
 * do not depend on it: they are the safety net and cost the user nothing. */
static gboolean
autosave_enabled (WaymarkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL && waymark_application_get_autosave (WAYMARK_APPLICATION (app));
}

static gboolean
autosave_timeout_cb (gpointer data)
{
  WaymarkWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->autosave_timeout_id = 0;
  if (self->file == NULL || !waymark_window_get_modified (self) || self->changed_on_disk)
    return G_SOURCE_REMOVE;
  /* Never over another program's changes: the content check refuses, and
   * the bar offers reload; the draft still holds the work. */
  if (!waymark_window_save_to_file (self, self->file, TRUE, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        _waymark_window_show_changed_bar (self, TRUE);
      else
        g_debug ("Autosave failed: %s", error->message);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_autosave (WaymarkWindow *self)
{
  GSettings *settings = get_settings (self);
  guint interval = settings != NULL ? g_settings_get_uint (settings, "autosave-interval") : 30;

  g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);
  if (!autosave_enabled (self) || self->file == NULL || self->changed_on_disk)
    return;
  /* Restarted by every change: saves once the user pauses. */
  self->autosave_timeout_id = g_timeout_add_seconds (interval, autosave_timeout_cb, self);
}

void
waymark_window_write_draft (WaymarkWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (!waymark_window_get_modified (self))
    {
      _waymark_window_remove_draft (self);
      return;
    }
  if (self->draft_id == NULL)
    self->draft_id = waymark_drafts_new_id ();

  bytes = waymark_format_save_to_bytes (self->document);
  if (!waymark_drafts_save (self->draft_id, bytes, self->file, self->disk_checksum,
                            waymark_document_get_title (self->document), &error))
    g_warning ("Could not write a draft of the unsaved changes: %s", error->message);
}

static gboolean
draft_timeout_cb (gpointer data)
{
  WaymarkWindow *self = data;

  self->draft_timeout_id = 0;
  waymark_window_write_draft (self);
  return G_SOURCE_REMOVE;
}

void
_waymark_window_schedule_draft (WaymarkWindow *self)
{
  if (!waymark_window_get_modified (self))
    {
      /* Undone back to the saved state: nothing to keep. */
      g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);
      _waymark_window_remove_draft (self);
      return;
    }
  schedule_autosave (self);
  if (self->draft_timeout_id == 0)
    self->draft_timeout_id = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

void
_waymark_window_remove_draft (WaymarkWindow *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  if (self->draft_id != NULL)
    waymark_drafts_remove (self->draft_id);
}

static void
autosave_changed_cb (WaymarkWindow *self)
{
  if (waymark_window_get_modified (self))
    schedule_autosave (self);
}

/* Closing */

static gboolean
close_idle_cb (gpointer data)
{
  g_autoptr(WaymarkWindow) self = data;

  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes after the current signal emission: the window takes its dialogs
 * along (destroy-with-parent), and the dialog is still emitting. */
static void
close_confirmed (WaymarkWindow *self)
{
  _waymark_window_remove_draft (self);
  self->close_confirmed = TRUE;
  g_idle_add (close_idle_cb, g_object_ref (self));
}

static void
close_after_save_cb (WaymarkWindow *self,
                     gboolean       saved,
                     gpointer       user_data)
{
  if (saved)
    close_confirmed (self);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   WaymarkWindow    *self)
{
  /* Once: closing the dialog afterwards emits its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, close_response_cb, self);

  if (g_str_equal (response, "save"))
    _waymark_window_save (self, FALSE, G_CALLBACK (close_after_save_cb), NULL);
  else if (g_str_equal (response, "discard"))
    close_confirmed (self);
}

gboolean
_waymark_window_close_request (WaymarkWindow *self)
{
  AdwMessageDialog *dialog;
  g_autofree char *title = NULL;
  const char *doc_title;

  waymark_window_commit_editing (self);
  if (self->close_confirmed || !waymark_window_get_modified (self))
    {
      _waymark_window_remove_draft (self);
      return FALSE;
    }

  doc_title = waymark_document_get_title (self->document);
  if (doc_title != NULL && *doc_title != '\0')
    title = g_strdup (doc_title);
  else if (self->file != NULL)
    title = g_file_get_basename (self->file);
  else
    title = g_strdup (_("Untitled Journey Map"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes that are not saved "
                                    "are lost for good."),
                                  title);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "waymark-save-changes");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
_waymark_window_files_init (WaymarkWindow *self)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (_waymark_window_update_recent_menu), self,
                           G_CONNECT_SWAPPED);
}

void
_waymark_window_files_dispose (WaymarkWindow *self)
{
  g_clear_handle_id (&self->draft_timeout_id, g_source_remove);
  g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

void
_waymark_window_connect_settings (WaymarkWindow *self)
{
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    g_signal_connect_object (settings, "changed::autosave", G_CALLBACK (autosave_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

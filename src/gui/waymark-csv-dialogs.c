/* waymark-csv-dialogs.c: "Export as CSV…" and "Import CSV…" in the app
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-csv.h"
#include "waymark-csv-dialogs.h"

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV Tables"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    WaymarkWindow   *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;

      if (!waymark_csv_export_to_file (waymark_window_get_document (window), file, &error))
        show_error (GTK_WINDOW (window), _("Export Failed"), error->message);
      else
        waymark_window_add_toast (window, adw_toast_new (_("Exported as CSV")));
    }
  g_object_unref (chooser);
  g_object_unref (window);
}

void
waymark_csv_export_dialog (WaymarkWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (WAYMARK_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Export as CSV"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv_filter ());
  stem = waymark_document_dup_file_stem (waymark_window_get_document (window));
  name = g_strdup_printf ("%s.csv", stem != NULL ? stem : _("Journey Map"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    WaymarkWindow   *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr (GError) error = NULL;
      g_autoptr (WaymarkDocument) document = waymark_csv_import_file_simple (file, &error);

      if (document == NULL)
        show_error (GTK_WINDOW (window), _("The CSV Cannot Be Imported"), error->message);
      else
        {
          WaymarkWindow *target = window;

          /* Never replace work: an empty window takes the document, any
           * other gets a new window beside it. */
          if (!waymark_window_is_pristine (window))
            {
              GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
              target = waymark_window_new (WAYMARK_APPLICATION (app));
            }
          waymark_window_set_document (target, document, NULL, NULL);
          gtk_window_present (GTK_WINDOW (target));
        }
    }
  g_object_unref (chooser);
  g_object_unref (window);
}

void
waymark_csv_import_dialog (WaymarkWindow *window)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (WAYMARK_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Import CSV"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv_filter ());
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

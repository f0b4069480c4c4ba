/* waymark-csv-dialogs.c: "Export as Spreadsheet…" and "Import Spreadsheet…" in the app
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-csv.h"
#include "waymark-problem.h"
#include "waymark-csv-dialogs.h"
#include "waymark-xlsx.h"

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

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define ODS_MIME_TYPE  "application/vnd.oasis.opendocument.spreadsheet"

static GtkFileFilter *
new_filter (const char *name,
            const char *mime_type,
            const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  return filter;
}

/* Opening: every spreadsheet Waymark reads, then each kind. Saving: the
 * two it writes; the file's extension decides (export_to()). */
static void
add_filters (GtkFileChooser *chooser,
             gboolean        opening)
{
  if (opening)
    {
      GtkFileFilter *all = new_filter (_("Spreadsheets"), "text/csv", "csv");

      gtk_file_filter_add_mime_type (all, XLSX_MIME_TYPE);
      gtk_file_filter_add_suffix (all, "xlsx");
      gtk_file_filter_add_mime_type (all, ODS_MIME_TYPE);
      gtk_file_filter_add_suffix (all, "ods");
      gtk_file_chooser_add_filter (chooser, all);
    }
  gtk_file_chooser_add_filter (chooser, new_filter (_("CSV Tables"), "text/csv", "csv"));
  gtk_file_chooser_add_filter (chooser, new_filter (_("Excel Workbooks (xlsx)"), XLSX_MIME_TYPE,
                                                    "xlsx"));
  if (opening)
    gtk_file_chooser_add_filter (chooser, new_filter (_("OpenDocument Spreadsheets (ods)"),
                                                      ODS_MIME_TYPE, "ods"));
}

/* What the window does with the CSV file chosen. */
typedef void (*FileChosenFunc) (WaymarkWindow *window,
                                GFile         *file);

typedef struct {
  WaymarkWindow  *window;
  FileChosenFunc  chosen;
} Choice;

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      choice->chosen (choice->window, file);
    }
  g_object_unref (chooser);
  g_object_unref (choice->window);
  g_free (choice);
}

/* Asks, modally over @window, for a spreadsheet to open or to save as @name
 * (NULL when opening), and hands it to @chosen. */
static void
choose_csv_file (WaymarkWindow        *window,
                 const char           *title,
                 GtkFileChooserAction  action,
                 const char           *accept_label,
                 const char           *name,
                 FileChosenFunc        chosen)
{
  GtkFileChooserNative *chooser;
  Choice *choice = g_new0 (Choice, 1);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (window), action, accept_label, NULL);
  add_filters (GTK_FILE_CHOOSER (chooser), action == GTK_FILE_CHOOSER_ACTION_OPEN);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  choice->window = g_object_ref (window);
  choice->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_to (WaymarkWindow *window,
           GFile         *file)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  WaymarkDocument *document = waymark_window_get_document (window);
  gboolean xlsx = name != NULL && g_str_has_suffix (name, ".xlsx");
  gboolean ok;

  /* The name says the format, as on the command line; CSV otherwise. */
  ok = xlsx ? waymark_xlsx_export_to_file (document, file, &error)
            : waymark_csv_export_to_file (document, file, &error);
  if (!ok)
    show_error (GTK_WINDOW (window), _("Export Failed"), error->message);
  else
    waymark_window_add_toast (window, adw_toast_new (xlsx ? _("Exported as xlsx")
                                                          : _("Exported as CSV")));
}

void
waymark_csv_export_dialog (WaymarkWindow *window)
{
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (WAYMARK_IS_WINDOW (window));

  stem = waymark_document_dup_file_stem (waymark_window_get_document (window));
  name = g_strdup_printf ("%s.csv", stem != NULL ? stem : _("Journey Map"));
  choose_csv_file (window, _("Export as Spreadsheet"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                   name, export_to);
}

/* What came in: "Imported 3 personas and 120 cards", and every warning
 * (an ignored column) when there are any, so that a column the sheet
 * named differently is not lost unnoticed. */
static void
show_summary (WaymarkWindow   *window,
              WaymarkDocument *document,
              GPtrArray       *problems)
{
  g_autoptr (GString) warnings = g_string_new (NULL);
  g_autofree char *personas = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *summary = NULL;
  guint n_personas = waymark_document_get_n_personas (document);
  guint n_cards = 0, n_warnings = 0;

  for (guint i = 0; i < n_personas; i++)
    n_cards += waymark_document_get_persona (document, i)->cards->len;
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = waymark_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (warnings, "\n%s", line);
      n_warnings++;
    }
  personas = g_strdup_printf (ngettext ("%u persona", "%u personas", n_personas), n_personas);
  cards = g_strdup_printf (ngettext ("%u card", "%u cards", n_cards), n_cards);
  /* Translators: after a spreadsheet import: "Imported 3 personas and 120 cards". */
  summary = g_strdup_printf (_("Imported %s and %s"), personas, cards);
  if (n_warnings == 0)
    {
      waymark_window_add_toast (window, adw_toast_new (summary));
      return;
    }
  {
    AdwMessageDialog *dialog;

    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                         _("Spreadsheet Imported With Warnings"), NULL));
    adw_message_dialog_format_body (dialog, "%s.\n%s", summary, warnings->str);
    adw_message_dialog_add_response (dialog, "close", _("_Close"));
    gtk_widget_add_css_class (GTK_WIDGET (dialog), "waymark-import-summary");
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static void
import_from (WaymarkWindow *window,
             GFile         *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = waymark_csv_import_file (file, NULL, &problems);
  WaymarkWindow *target = window;

  if (document == NULL)
    {
      if (!waymark_problems_set_error (problems, TRUE, &error))
        g_set_error_literal (&error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID, "");
      show_error (GTK_WINDOW (window), _("The Spreadsheet Cannot Be Imported"), error->message);
      return;
    }
  /* Never replace work: an empty window takes the document, any other
   * gets a new window beside it. */
  if (!waymark_window_is_pristine (window))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
      target = waymark_window_new (WAYMARK_APPLICATION (app));
    }
  waymark_window_set_document (target, document, NULL, NULL);
  gtk_window_present (GTK_WINDOW (target));
  show_summary (target, document, problems);
}

void
waymark_csv_import_dialog (WaymarkWindow *window)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (window));

  choose_csv_file (window, _("Import Spreadsheet"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                   NULL, import_from);
}

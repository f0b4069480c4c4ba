/* waymark-print.c: printing through GtkPrintOperation
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "waymark-export.h"
#include "waymark-print.h"

typedef struct {
  WaymarkDocument *document;
  WaymarkPalette   palette;
} PrintData;

static void
print_data_free (PrintData *data)
{
  g_object_unref (data->document);
  g_free (data);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, waymark_document_get_n_personas (data->document)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *data)
{
  guint n = waymark_document_get_n_personas (data->document);
  WaymarkPersona *persona;

  if ((guint) page_nr >= n)
    return;
  persona = waymark_document_get_persona (data->document, page_nr);
  /* The cairo context is in points (GTK_UNIT_POINTS), the unit of the
   * map, with the origin at the printable area. */
  waymark_export_draw_page (data->document, persona->base.id, data->palette,
                            gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context),
                            page_nr + 1, n);
}

static GtkPaperSize *
paper_size_new (WaymarkPaper paper)
{
  switch (paper)
    {
    case WAYMARK_PAPER_A3:
      return gtk_paper_size_new (GTK_PAPER_NAME_A3);
    case WAYMARK_PAPER_LETTER:
      return gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
    case WAYMARK_PAPER_A4:
    case WAYMARK_PAPER_FIT:
    default:
      /* Printers have fixed paper; "fit" prints on A4. */
      return gtk_paper_size_new (GTK_PAPER_NAME_A4);
    }
}

GtkPrintOperation *
waymark_print_operation_new (WaymarkWindow *window)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  PrintData *data = g_new0 (PrintData, 1);
  WaymarkOrientation orientation = WAYMARK_ORIENTATION_LANDSCAPE;
  const char *title;

  data->document = g_object_ref (waymark_window_get_document (window));
  data->palette = WAYMARK_PALETTE_STANDARD;
  if (app != NULL)
    {
      data->palette = waymark_application_get_palette (WAYMARK_APPLICATION (app));
      paper = paper_size_new (waymark_application_get_paper (WAYMARK_APPLICATION (app)));
      orientation = waymark_application_get_orientation (WAYMARK_APPLICATION (app));
    }
  else
    paper = paper_size_new (WAYMARK_PAPER_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, orientation == WAYMARK_ORIENTATION_PORTRAIT
                                         ? GTK_PAGE_ORIENTATION_PORTRAIT
                                         : GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  title = waymark_document_get_title (data->document);
  gtk_print_operation_set_job_name (operation, title && *title ? title : _("Journey Map"));

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  g_object_set_data_full (G_OBJECT (operation), "waymark-print-data", data,
                          (GDestroyNotify) print_data_free);
  return operation;
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         WaymarkWindow           *window)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      AdwMessageDialog *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                           _("Printing Failed"),
                                                           error ? error->message : NULL));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  g_object_set_data (G_OBJECT (window), "waymark-print-operation", NULL);
}

void
waymark_print_document (WaymarkWindow *window)
{
  GtkPrintOperation *operation = waymark_print_operation_new (window);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* The window keeps the operation alive until it is done; whether "done"
   * comes before run() returns depends on the platform. */
  g_object_set_data_full (G_OBJECT (window), "waymark-print-operation", operation,
                          g_object_unref);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), window, 0);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (window), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print: %s", error->message);
}

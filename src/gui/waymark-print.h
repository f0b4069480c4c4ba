/* waymark-print.h: printing through GtkPrintOperation
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-window.h"

G_BEGIN_DECLS

/* A print operation for the document of @window: one persona per page,
 * drawn by waymark_export_draw_page() like the PDF export, on the paper
 * and orientation of the preferences. */
GtkPrintOperation *waymark_print_operation_new (WaymarkWindow *window);

/* Shows the print dialog and prints; errors are shown in a dialog. */
void               waymark_print_document      (WaymarkWindow *window);

G_END_DECLS

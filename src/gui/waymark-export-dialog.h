/* waymark-export-dialog.h: export a journey map as PDF, SVG or PNG
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-export.h"
#include "waymark-window.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_EXPORT_DIALOG (waymark_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkExportDialog, waymark_export_dialog, WAYMARK, EXPORT_DIALOG, AdwWindow)

/* A dialog for the document of @window, with the preferences' paper and
 * orientation and a file next to the document. */
WaymarkExportDialog *waymark_export_dialog_new         (WaymarkWindow        *window);

/* The options the dialog's rows describe. */
void                 waymark_export_dialog_get_options (WaymarkExportDialog  *self,
                                                        WaymarkExportOptions *options);
GFile               *waymark_export_dialog_get_file    (WaymarkExportDialog  *self);
void                 waymark_export_dialog_set_file    (WaymarkExportDialog  *self,
                                                        GFile                *file);
/* Exports with waymark_export_to_file() (what `waymark export` uses) and
 * shows a toast with an Open button in the window. What the Export button
 * does, short of closing the dialog. */
gboolean             waymark_export_dialog_export      (WaymarkExportDialog  *self,
                                                        GError              **error);

G_END_DECLS

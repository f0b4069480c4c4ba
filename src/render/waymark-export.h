/* waymark-export.h: PDF, SVG and PNG export, shared by `waymark export` and the app
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "waymark-document.h"
#include "waymark-render-types.h"

G_BEGIN_DECLS

#define WAYMARK_EXPORT_ERROR (waymark_export_error_quark ())

typedef enum {
  WAYMARK_EXPORT_ERROR_FORMAT,            /* unknown or unsupported format */
  WAYMARK_EXPORT_ERROR_PERSONA_NOT_FOUND, /* no persona with that id or name */
  WAYMARK_EXPORT_ERROR_EMPTY,             /* the document has no persona */
  WAYMARK_EXPORT_ERROR_IO,                /* cannot write the output */
  WAYMARK_EXPORT_ERROR_TOO_LARGE,         /* the image would be too big */
  WAYMARK_EXPORT_ERROR_SELECTION,         /* --phases or --lanes selects nothing, or is wrong */
} WaymarkExportError;

GQuark waymark_export_error_quark (void);

typedef enum {
  WAYMARK_EXPORT_FORMAT_PDF,
  WAYMARK_EXPORT_FORMAT_SVG,
  WAYMARK_EXPORT_FORMAT_PNG,
} WaymarkExportFormat;

typedef enum {
  WAYMARK_PAPER_FIT,      /* each page is the size of its map */
  WAYMARK_PAPER_A4,
  WAYMARK_PAPER_A3,
  WAYMARK_PAPER_LETTER,
} WaymarkPaper;

typedef enum {
  WAYMARK_ORIENTATION_LANDSCAPE,
  WAYMARK_ORIENTATION_PORTRAIT,
} WaymarkOrientation;

/* Text below this size (points, on paper) is hard to read: a map on
 * paper is split over pages by phases rather than shrunk below it. */
#define WAYMARK_EXPORT_DEFAULT_MIN_TEXT_SIZE 7.0

typedef struct {
  WaymarkExportFormat  format;
  const char          *persona;      /* an id or a name; NULL for all (PDF) or the first */
  WaymarkPaper         paper;        /* PDF only */
  WaymarkOrientation   orientation;  /* with a paper size */
  double               scale;        /* PNG: pixels per point (1 = 72 dpi); SVG/PDF: ignored */
  gboolean             transparent;  /* PNG and SVG: no white background */
  WaymarkPalette       palette;
  gboolean             high_contrast; /* maps in the high-contrast style (WaymarkRenderOptions) */
  /* The overview across personas (waymark-overview-scene.h). */
  gboolean             overview;     /* export only the overview (PDF, SVG, PNG) */
  gboolean             no_overview;  /* a PDF of all personas without the overview first page */
  /* The recommendations section (waymark-report.h and the priority
   * matrix), which a PDF of all personas ends with when the document has
   * recommendations. */
  gboolean             recommendations;  /* export only that section (PDF, SVG, PNG) */
  /* What each persona's map shows (waymark_export_select_phases ()). */
  const char          *phases;       /* "2-4", "1,3", phase ids; NULL: all */
  const char          *lanes;        /* lane ids or kinds, comma-separated; NULL: all */
  gboolean             hide_empty_lanes;
  /* PDF on paper: the size below which the cards' text may not shrink to
   * fit a map on a page; the map is split by phases over several pages
   * instead. 0: never split. */
  double               min_text_size;
} WaymarkExportOptions;

/* Defaults: PDF, all personas, fit, landscape, scale 2 (144 dpi), white,
 * standard palette, every phase and lane, split below 7 pt on paper. */
void     waymark_export_options_init       (WaymarkExportOptions  *options);

/* The pixels per metre of a PNG's pHYs chunk at @scale pixels per point. */
guint32  waymark_export_scale_to_ppm       (double                 scale);

/* "pdf", "svg", "png" (any case). */
gboolean waymark_export_format_from_string (const char            *name,
                                            WaymarkExportFormat   *format);
/* From the file name's extension. */
gboolean waymark_export_format_from_path   (const char            *path,
                                            WaymarkExportFormat   *format);
/* "fit", "a4", "a3", "letter". */
gboolean waymark_paper_from_string         (const char            *name,
                                            WaymarkPaper          *paper);

/* The persona that @id_or_name names: an id first, then an exact name,
 * then a case-insensitive name. NULL when none matches. */
WaymarkPersona *waymark_export_find_persona (WaymarkDocument      *document,
                                             const char           *id_or_name);

/* The ids of @persona's phases that @spec selects, in journey order:
 * comma-separated positions ("3"), ranges ("2-4", "3-" to the end) and
 * phase ids. Positions past the persona's last phase and ids of another
 * persona's phases select nothing; an id that is no phase of @document,
 * a malformed range, or a selection of none of @persona's phases is an
 * error. NULL @spec: NULL (all phases), no error. */
GStrv    waymark_export_select_phases      (WaymarkDocument       *document,
                                            WaymarkPersona        *persona,
                                            const char            *spec,
                                            GError               **error);
/* The ids of @persona's lanes that @spec selects, top to bottom: comma-
 * separated lane ids and lane kinds ("barriers,levers"), with the same
 * rules as waymark_export_select_phases (). */
GStrv    waymark_export_select_lanes       (WaymarkDocument       *document,
                                            WaymarkPersona        *persona,
                                            const char            *spec,
                                            GError               **error);

/* Writes @document to @path. PDF: one page per persona (or only the
 * chosen one), vector, fonts embedded, metadata and an outline entry per
 * persona; a PDF of all personas starts with the overview page unless
 * @options->no_overview, and ends with the recommendations section (the
 * recommendations by domain, the traceability table, the priority
 * matrix) when the document has any. With @options->overview, the file
 * holds only the overview (any format); with @options->recommendations
 * only the recommendations section (a PDF of pages; an SVG or PNG of the
 * parts one below the other). SVG and PNG hold one persona: the chosen one, or the first;
 * when the document has several and none was chosen, *@notice (may be
 * NULL) is set to a message saying which one was written (free with
 * g_free). Every map shows the options' phases and lanes; a PDF on paper
 * splits a map over pages by phases when its cards' text would fall below
 * options->min_text_size. PNG files carry their resolution (pHYs), PDF
 * files the document's language (/Lang). A PDF without a creation date in
 * the document takes SOURCE_DATE_EPOCH when set. Writes to a temporary file next to @path and renames it on
 * success, so a failed export leaves no partial file. */
gboolean waymark_export_to_file            (WaymarkDocument             *document,
                                            const WaymarkExportOptions  *options,
                                            const char                  *path,
                                            char                       **notice,
                                            GError                     **error);

/* The page size, in points, that a persona's map gets on @paper in
 * @orientation (for fit: the map's own size). For the print dialog's
 * preview and for tests. */
void     waymark_export_get_page_size      (WaymarkPaper           paper,
                                            WaymarkOrientation     orientation,
                                            double                 map_width,
                                            double                 map_height,
                                            double                *page_width,
                                            double                *page_height);

/* Draws the map of @persona_id on @cr scaled to fit a page of
 * @page_width x @page_height points (centred; scaled up or down so that
 * the whole map fills the page), with a footer showing the document title and
 * "@page_number / @n_pages" (when > 0). The PDF export and the app's
 * printing (GtkPrintOperation::draw-page) both use this, so print and
 * export look the same. */
void     waymark_export_draw_page          (WaymarkDocument            *document,
                                            const char                 *persona_id,
                                            WaymarkPalette              palette,
                                            cairo_t                    *cr,
                                            double                      page_width,
                                            double                      page_height,
                                            int                         page_number,
                                            int                         n_pages);

G_END_DECLS

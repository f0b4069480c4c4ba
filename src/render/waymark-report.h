/* waymark-report.h: the recommendations section of a report, as pages
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-document.h"
#include "waymark-render-types.h"
#include "waymark-scene.h"

G_BEGIN_DECLS

/* The recommendations as a policy report prints them, in the document's
 * language:
 *
 * - the recommendations, domain by domain in the user's order (then
 *   those in no domain), each with its number (the priority matrix's),
 *   title, description, status, owner, value, effort and reach;
 * - the traceability table: a row per recommendation, a column per
 *   persona, each cell naming the phases the recommendation reaches in
 *   that persona's journey and the cards (barriers, levers) it
 *   addresses, by their text.
 *
 * Pages are @page_width × @page_height points, broken between rows, the
 * column headings repeated on every page; with @page_height 0 each part
 * is one page as tall as it needs (an SVG or PNG). The priority matrix is
 * a figure of its own (waymark-priority-matrix.h). Like the other
 * figures, pages are scenes, drawn by every backend. */
typedef struct _WaymarkReport WaymarkReport;

typedef struct {
  WaymarkPalette palette;
  double         page_width;      /* points */
  double         page_height;     /* points; 0: no page breaks */
  gboolean       show_footer;     /* document title and page number below */
  int            first_page;      /* the footer's number of the first page, when > 0 */
  int            n_pages_after;   /* the pages that follow the section, for the total of
                                   * "3 / 12" (which counts first_page - 1 before it) */
} WaymarkReportOptions;

/* Standard palette, A4 landscape (842 × 595), no footer. */
void           waymark_report_options_init (WaymarkReportOptions *options);

/* Builds the pages of @document's recommendations; a document without
 * recommendations gets none. @options may be NULL for the defaults. */
WaymarkReport *waymark_report_new          (WaymarkDocument            *document,
                                            const WaymarkReportOptions *options);
WaymarkReport *waymark_report_ref          (WaymarkReport *self);
void           waymark_report_unref        (WaymarkReport *self);

guint          waymark_report_get_n_pages  (WaymarkReport *self);
/* Page @index (0-based): its scene, whose bounds are the page's size. */
WaymarkScene  *waymark_report_get_page     (WaymarkReport *self,
                                            guint          index);
/* What a PDF's outline calls page @index ("Recommendations",
 * "Traceability"), in the document's language; NULL for a page that
 * continues the one before. */
const char    *waymark_report_get_page_title (WaymarkReport *self,
                                              guint          index);

/* The whole section as one scene: the recommendations, the traceability
 * table and the priority matrix one below the other, for SVG and PNG
 * (`waymark export --recommendations -o recs.svg`). Sets *@width and
 * *@height to its size. */
WaymarkScene  *waymark_report_new_sheet    (WaymarkDocument *document,
                                            WaymarkPalette   palette,
                                            double          *width,
                                            double          *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkReport, waymark_report_unref)

G_END_DECLS

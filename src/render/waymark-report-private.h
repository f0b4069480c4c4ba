/* waymark-report-private.h: what the recommendations report and the priority matrix share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-document.h"
#include "waymark-scene-private.h"

G_BEGIN_DECLS

/* The report (waymark-report.c) lists the recommendations and the
 * priority matrix (waymark-priority-matrix.c) places them; both number
 * them alike, in the order of
 * waymark_document_list_recommendations_in_order(), so that "7" in the
 * matrix is the seventh in the list. */

/* The colour of @domain (NULL, or one without a colour: a neutral slate),
 * as @palette shows it. */
WaymarkColor  waymark_report_domain_color         (const WaymarkDomain *domain,
                                                   WaymarkPalette       palette);

G_END_DECLS

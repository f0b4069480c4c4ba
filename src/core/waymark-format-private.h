/* waymark-format-private.h: what the format's reader and writer share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-format.h"

G_BEGIN_DECLS

/* The ranges the model's edit functions accept (waymark-document.c), so
 * that whatever loads can also be edited. docs/file-format.md lists them. */
#define WAYMARK_FORMAT_COLUMN_WIDTH_MIN 40
#define WAYMARK_FORMAT_COLUMN_WIDTH_MAX 2000
#define WAYMARK_FORMAT_SCALE_LIMIT      100
/* Far more phases than any journey has; keeps layout arithmetic small. */
#define WAYMARK_FORMAT_MAX_SPAN         1000

G_END_DECLS

/* waymark-error.h: Waymark's error domains
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WAYMARK_FORMAT_ERROR (waymark_format_error_quark ())

typedef enum {
  WAYMARK_FORMAT_ERROR_IO,          /* cannot read or write the file */
  WAYMARK_FORMAT_ERROR_TOO_LARGE,   /* over a documented limit */
  WAYMARK_FORMAT_ERROR_ENCODING,    /* not UTF-8 */
  WAYMARK_FORMAT_ERROR_SYNTAX,      /* not well-formed XML */
  WAYMARK_FORMAT_ERROR_FORBIDDEN,   /* DTDs, entities */
  WAYMARK_FORMAT_ERROR_NOT_WAYMARK, /* wrong root or namespace */
  WAYMARK_FORMAT_ERROR_VERSION,     /* a newer format version */
  WAYMARK_FORMAT_ERROR_SCHEMA,      /* does not match the schema */
  WAYMARK_FORMAT_ERROR_SEMANTIC,    /* duplicate ids, dangling references, ... */
} WaymarkFormatError;

GQuark waymark_format_error_quark (void);

G_END_DECLS

/* waymark-format-fragment.h: XML that is not a whole document, read as safely as a file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "waymark-error.h"

G_BEGIN_DECLS

/* Other XML in the document's namespace that Waymark reads (the cards on
 * the clipboard) comes from outside as files do, and is read by the
 * loader's own path, never a second parser: the bytes are scanned for
 * what libxml2 cannot bound and for a DTD, then parsed without network,
 * entities or DTDs with the document limits (waymark-limits.h) counted as
 * libxml2 reads. */

/* Parses @bytes (at most WAYMARK_FORMAT_MAX_FILE_SIZE; the caller caps
 * them first) into a tree; free it with xmlFreeDoc(). NULL when they are
 * not well-formed XML without a DTD within the limits, with @error
 * (WAYMARK_FORMAT_ERROR) carrying the first problem's code and message:
 * WAYMARK_FORMAT_ERROR_TOO_LARGE past a limit, _FORBIDDEN for a DTD,
 * _SYNTAX or _ENCODING for what is not XML. What the root must be is the
 * caller's to check. */
xmlDocPtr waymark_format_parse_fragment (GBytes      *bytes,
                                         GError     **error);

/* The same, and on failure the line and column of the first problem
 * (0 when it is with the bytes as a whole), for callers that name where
 * a problem is (the parts of a spreadsheet). */
xmlDocPtr waymark_format_parse_fragment_at (GBytes     *bytes,
                                            guint      *error_line,
                                            guint      *error_column,
                                            GError    **error);

/* Whether @node is the element <@name> in the document's namespace. */
gboolean  waymark_format_is_element     (xmlNodePtr   node,
                                         const char  *name);

/* The value of @node's attribute @name (in no namespace), "" when it has
 * none. */
char     *waymark_format_dup_attribute  (xmlNodePtr   node,
                                         const char  *name);

/* The text of @node exactly as written, "" when it has none. */
char     *waymark_format_dup_text       (xmlNodePtr   node);

G_END_DECLS

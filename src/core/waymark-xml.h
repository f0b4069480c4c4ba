/* waymark-xml.h: text made safe to write into XML
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where escaped text goes, which decides what becomes of the characters
 * XML cannot carry as they are. */
typedef enum {
  /* Element content that must read back exactly (a document): a carriage
   * return becomes &#13; (a parser would make it a newline). */
  WAYMARK_XML_TEXT,
  /* A double-quoted attribute value that must read back exactly: quotes,
   * tabs, newlines and carriage returns become references (a parser would
   * make the white space spaces). */
  WAYMARK_XML_ATTRIBUTE,
  /* Text that is only shown (SVG): control characters, line breaks
   * included, are dropped rather than kept, and quotes escaped, so that it
   * may stand in content or an attribute alike. */
  WAYMARK_XML_DISPLAY,
} WaymarkXmlEscape;

/* Appends @text to @out with the markup characters escaped as @escape
 * says. Whatever @text holds, @out stays well-formed XML 1.0: invalid
 * UTF-8 is repaired first (U+FFFD) and the characters XML 1.0 forbids
 * (control characters, U+FFFE, U+FFFF) become U+FFFD, or are dropped
 * for WAYMARK_XML_DISPLAY. */
void waymark_xml_append_escaped (GString          *out,
                                 const char       *text,
                                 WaymarkXmlEscape  escape);

G_END_DECLS

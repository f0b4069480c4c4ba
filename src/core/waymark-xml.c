/* waymark-xml.c: text made safe to write into XML
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one escaper behind every XML file Waymark writes: the canonical
 * document writer and the SVG export.
 */
#include "config.h"

#include "waymark-xml.h"

void
waymark_xml_append_escaped (GString          *out,
                            const char       *text,
                            WaymarkXmlEscape  escape)
{
  gboolean attribute = escape == WAYMARK_XML_ATTRIBUTE;
  gboolean display = escape == WAYMARK_XML_DISPLAY;
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  /* Not every string reaches a writer through the model's checks (the
   * SVG's <title> is the persona's name as the model holds it, which
   * does not promise valid UTF-8): g_utf8_next_char() on a lead byte
   * before the NUL would step past it, and the output would not be XML.
   * Found by tests/fuzz/fuzz-card-text (tests/data/fuzz-regressions/
   * card-text). */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *reference = NULL;

      switch (c)
        {
        case '&':
          reference = "&amp;";
          break;
        case '<':
          reference = "&lt;";
          break;
        case '>':
          reference = "&gt;";
          break;
        case '"':
          reference = escape != WAYMARK_XML_TEXT ? "&quot;" : NULL;
          break;
        case '\'':
          reference = attribute ? "&apos;" : NULL;
          break;
        case '\t':
          reference = attribute ? "&#9;" : NULL;
          break;
        case '\n':
          if (display)
            continue;
          reference = attribute ? "&#10;" : NULL;
          break;
        case '\r':
          if (display)
            continue;
          reference = "&#13;";
          break;
        default:
          /* XML 1.0 allows no other control character, nor these two. */
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
            {
              if (!display)
                g_string_append_unichar (out, 0xFFFD);
              continue;
            }
          break;
        }
      if (reference != NULL)
        g_string_append (out, reference);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

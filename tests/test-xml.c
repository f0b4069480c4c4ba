/* test-xml.c: the escaper every XML file Waymark writes goes through
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-format.c checks the canonical document byte for byte and
 * test-export.c that the SVG parses; these are the rules behind both.
 */
#include "config.h"

#include "waymark-xml.h"

#define FFFD "\xef\xbf\xbd"

/* A text, and what it becomes as each kind of WaymarkXmlEscape. */
static const struct {
  const char *text;
  const char *escaped[3];
} cases[] = {
  /* Markup; quotes only where they could end an attribute. */
  { "a<b & \"c\" 'd'>",
    { "a&lt;b &amp; \"c\" 'd'&gt;",
      "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;",
      "a&lt;b &amp; &quot;c&quot; 'd'&gt;" } },
  /* A document keeps its white space byte for byte; shown text drops
   * line breaks. */
  { "1\t2\n3\r\n4",
    { "1\t2\n3&#13;\n4",
      "1&#9;2&#10;3&#13;&#10;4",
      "1\t234" } },
  /* Whatever the text, the output is XML 1.0: forbidden characters and
   * invalid UTF-8 become U+FFFD, or in shown text the characters go. */
  { "a\x01" "b\xef\xbf\xbe" "c\xff" "d\xc3",
    { "a" FFFD "b" FFFD "c" FFFD "d" FFFD,
      "a" FFFD "b" FFFD "c" FFFD "d" FFFD,
      "ab" "c" FFFD "d" FFFD } },
};

static void
test_escape (void)
{
  const WaymarkXmlEscape escapes[] = { WAYMARK_XML_TEXT, WAYMARK_XML_ATTRIBUTE,
                                       WAYMARK_XML_DISPLAY };

  G_STATIC_ASSERT (G_N_ELEMENTS (escapes) == G_N_ELEMENTS (cases[0].escaped));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (escapes); j++)
      {
        g_autoptr (GString) out = g_string_new (NULL);

        waymark_xml_append_escaped (out, cases[i].text, escapes[j]);
        g_assert_cmpstr (out->str, ==, cases[i].escaped[j]);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/escape", test_escape);

  return g_test_run ();
}

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

static void
assert_escaped (const char       *text,
                WaymarkXmlEscape  escape,
                const char       *expected)
{
  g_autoptr (GString) out = g_string_new (NULL);

  waymark_xml_append_escaped (out, text, escape);
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_markup (void)
{
  const char *text = "a<b & \"c\" 'd'>";

  assert_escaped (text, WAYMARK_XML_TEXT, "a&lt;b &amp; \"c\" 'd'&gt;");
  assert_escaped (text, WAYMARK_XML_ATTRIBUTE, "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  assert_escaped (text, WAYMARK_XML_DISPLAY, "a&lt;b &amp; &quot;c&quot; 'd'&gt;");
}

/* A document keeps its white space byte for byte; shown text drops line
 * breaks. */
static void
test_white_space (void)
{
  const char *text = "1\t2\n3\r\n4";

  assert_escaped (text, WAYMARK_XML_TEXT, "1\t2\n3&#13;\n4");
  assert_escaped (text, WAYMARK_XML_ATTRIBUTE, "1&#9;2&#10;3&#13;&#10;4");
  assert_escaped (text, WAYMARK_XML_DISPLAY, "1\t234");
}

/* Whatever the text, the output is XML 1.0. */
static void
test_forbidden (void)
{
  const char *text = "a\x01" "b\xef\xbf\xbe" "c\xff" "d\xc3";

  assert_escaped (text, WAYMARK_XML_TEXT,
                  "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xef\xbf\xbd");
  assert_escaped (text, WAYMARK_XML_ATTRIBUTE,
                  "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "d\xef\xbf\xbd");
  /* Invalid UTF-8 is repaired even here; control characters go. */
  assert_escaped (text, WAYMARK_XML_DISPLAY, "ab" "c\xef\xbf\xbd" "d\xef\xbf\xbd");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/markup", test_markup);
  g_test_add_func ("/xml/white-space", test_white_space);
  g_test_add_func ("/xml/forbidden", test_forbidden);

  return g_test_run ();
}

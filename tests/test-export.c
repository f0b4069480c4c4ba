/* test-export.c: PDF, SVG and PNG export, checked with the tools a report pipeline uses
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <cairo.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "test-render-fixtures.h"
#include "waymark-export.h"
#include "waymark-layout.h"

#define SVG11_DTD "/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-SVG11-20110816/svg11.dtd"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean
has_rtl (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW)
        return TRUE;
    }
  return FALSE;
}

static void
export_ok (WaymarkDocument     *document,
           WaymarkExportFormat  format,
           const char          *persona,
           const char          *path)
{
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;
  g_autofree char *notice = NULL;

  waymark_export_options_init (&options);
  options.format = format;
  options.persona = persona;
  g_assert_true (waymark_export_to_file (document, &options, path, &notice, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
check_pdf (WaymarkDocument *document,
           const char      *path,
           gboolean         skip_rtl)
{
  g_autofree char *qpdf = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *pages = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_fonts = 0;

  /* qpdf: structurally sound. */
  qpdf = fixture_run_tool (NULL, "qpdf", "--check", path, NULL);
  if (qpdf == NULL)
    return;
  g_assert_nonnull (strstr (qpdf, "No syntax or stream encoding errors"));

  /* pdffonts: every font embedded (the "emb" column). */
  fonts = fixture_run_tool (NULL, "pdffonts", path, NULL);
  if (fonts == NULL)
    return;
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      /* name type... encoding emb sub uni object-id gen: emb is 5th from the end. */
      fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        g_autoptr (GPtrArray) nonempty = g_ptr_array_new ();

        for (guint f = 0; fields[f] != NULL; f++)
          if (fields[f][0] != '\0')
            g_ptr_array_add (nonempty, fields[f]);
        n = nonempty->len;
        g_assert_cmpuint (n, >=, 6);
        g_assert_cmpstr (g_ptr_array_index (nonempty, n - 5), ==, "yes");
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  /* pdfinfo: the overview page first, a page per persona, the
   * recommendations, metadata. */
  info = fixture_run_tool (NULL, "pdfinfo", path, NULL);
  pages = g_strdup_printf ("Pages:           %u\n",
                           waymark_document_get_n_personas (document) + 1
                             + fixture_recommendation_pages (document));
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "Creator:         Waymark"));
  if (waymark_document_get_title (document)[0] != '\0')
    {
      g_autofree char *title = g_strdup_printf ("Title:           %s\n",
                                                waymark_document_get_title (document));

      g_assert_nonnull (strstr (info, title));
    }

  /* pdftotext: every card's text is there, as text. -raw keeps the order
   * of drawing, so the lines of one card stay together. */
  text = fixture_run_tool (NULL, "pdftotext", "-raw", "-enc", "UTF-8", path, "-", NULL);
  squeezed = fixture_squeeze (text);
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      for (guint c = 0; c < persona->cards->len; c++)
        {
          WaymarkCard *card = g_ptr_array_index (persona->cards, c);
          g_autofree char *wanted = fixture_squeeze (card->text);

          if (skip_rtl && has_rtl (card->text))
            continue;
          if (strstr (squeezed, wanted) == NULL)
            g_error ("card %s: “%s” not found in the PDF's text", card->base.id, card->text);
        }
    }
}

static void
test_pdf_example (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();
  g_autofree char *path = tmp_path ("example.pdf");
  g_autofree char *json = NULL;

  if (document == NULL)
    {
      g_test_skip ("the example document is not there");
      return;
    }
  export_ok (document, WAYMARK_EXPORT_FORMAT_PDF, NULL, path);
  check_pdf (document, path, FALSE);

  /* An outline entry per persona, named after it. */
  json = fixture_run_tool (NULL, "qpdf", "--json", "--json-key=outlines", path, NULL);
  if (json == NULL)
    return;
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);
      g_autofree char *entry = g_strdup_printf ("\"title\": \"%s\"", persona->name);

      g_assert_nonnull (strstr (json, entry));
    }
}

static void
test_pdf_stress (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  g_autofree char *path = tmp_path ("stress.pdf");

  export_ok (document, WAYMARK_EXPORT_FORMAT_PDF, NULL, path);
  /* pdftotext gives right-to-left text in visual order: leave it out. */
  check_pdf (document, path, TRUE);
}

static void
test_pdf_paper (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  g_autofree char *path = tmp_path ("a4.pdf");
  g_autofree char *info = NULL;
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;

  waymark_export_options_init (&options);
  options.paper = WAYMARK_PAPER_A4;
  options.orientation = WAYMARK_ORIENTATION_LANDSCAPE;
  g_assert_true (waymark_export_to_file (document, &options, path, NULL, &error));
  g_assert_no_error (error);
  info = fixture_run_tool (NULL, "pdfinfo", path, NULL);
  if (info == NULL)
    return;
  g_assert_nonnull (strstr (info, "Page size:       841.89 x 595.276 pts (A4)"));

  options.orientation = WAYMARK_ORIENTATION_PORTRAIT;
  options.paper = WAYMARK_PAPER_LETTER;
  g_assert_true (waymark_export_to_file (document, &options, path, NULL, &error));
  g_free (info);
  info = fixture_run_tool (NULL, "pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Page size:       612 x 792 pts (letter)"));
}

/* Collects the text of every <g class="card">: id → its tspans joined. */
static void
collect_card_texts (xmlNode    *node,
                    GHashTable *cards,
                    GString    *current)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrcmp (child->name, (const xmlChar *) "g") == 0)
        {
          xmlChar *cls = xmlGetProp (child, (const xmlChar *) "class");

          if (cls != NULL && xmlStrcmp (cls, (const xmlChar *) "card") == 0)
            {
              xmlChar *id = xmlGetProp (child, (const xmlChar *) "id");
              GString *text = g_string_new (NULL);

              collect_card_texts (child->children, cards, text);
              g_hash_table_insert (cards, g_strdup ((char *) id), g_string_free (text, FALSE));
              xmlFree (id);
            }
          else
            collect_card_texts (child->children, cards, current);
          xmlFree (cls);
        }
      else if (xmlStrcmp (child->name, (const xmlChar *) "text") == 0 && current != NULL)
        {
          /* The card's own text is its first text block; evidence and tag
           * chips follow. */
          if (current->len == 0)
            collect_card_texts (child->children, cards, current);
          if (current->len == 0)
            g_string_append_c (current, ' ');
        }
      else if (xmlStrcmp (child->name, (const xmlChar *) "tspan") == 0 && current != NULL)
        {
          xmlChar *content = xmlNodeGetContent (child);

          g_string_append (current, (char *) content);
          g_string_append_c (current, ' ');
          xmlFree (content);
        }
      else
        collect_card_texts (child->children, cards, current);
    }
}

/* Each card group's <desc>, by the group's id. */
static void
collect_card_descriptions (xmlNode    *node,
                           GHashTable *descriptions)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      xmlChar *cls;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      cls = xmlGetProp (child, (const xmlChar *) "class");
      if (cls != NULL && xmlStrcmp (cls, (const xmlChar *) "card") == 0)
        for (xmlNode *d = child->children; d != NULL; d = d->next)
          if (d->type == XML_ELEMENT_NODE && xmlStrcmp (d->name, (const xmlChar *) "desc") == 0)
            {
              xmlChar *id = xmlGetProp (child, (const xmlChar *) "id");
              xmlChar *content = xmlNodeGetContent (d);

              g_hash_table_insert (descriptions, g_strdup ((char *) id),
                                   g_strdup ((char *) content));
              xmlFree (content);
              xmlFree (id);
              break;
            }
      collect_card_descriptions (child->children, descriptions);
      xmlFree (cls);
    }
}

/* What a card's <desc> says: its lane, and its phase or first and last. */
static char *
expected_description (WaymarkPersona    *persona,
                      const WaymarkCard *card)
{
  WaymarkLane *lane = waymark_persona_find_lane (persona, card->lane_id);
  int first = waymark_persona_phase_index (persona, card->phase_id);
  int last = MIN (first + MAX (card->span, 1) - 1, (int) persona->phases->len - 1);
  WaymarkPhase *a = g_ptr_array_index (persona->phases, first);
  WaymarkPhase *b = g_ptr_array_index (persona->phases, last);

  if (a == b)
    return g_strdup_printf ("%s · %s", lane->name, a->name);
  return g_strdup_printf ("%s · %s – %s", lane->name, a->name, b->name);
}

static void
check_svg (WaymarkDocument *document,
           const char      *persona_id,
           const char      *path)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);
  g_autoptr (GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               g_free);
  xmlDoc *doc;

  /* Valid SVG 1.1, without the network. */
  if (g_file_test (SVG11_DTD, G_FILE_TEST_EXISTS))
    {
      int status = 0;
      g_autofree char *out = fixture_run_tool (&status, "xmllint", "--noout", "--nonet",
                                               "--dtdvalid", SVG11_DTD, path, NULL);

      if (out != NULL)
        g_assert_cmpint (status, ==, 0);
    }
  else
    g_test_message ("%s missing (install w3c-sgml-lib): SVG not validated", SVG11_DTD);

  /* From memory: the document loader installs a deny-all entity loader,
   * which would also refuse xmlReadFile's own file. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    doc = xmlReadMemory (contents, (int) length, path, NULL, XML_PARSE_NONET);
    g_assert_nonnull (doc);
  }
  collect_card_texts (xmlDocGetRootElement (doc), cards, NULL);
  collect_card_descriptions (xmlDocGetRootElement (doc), descriptions);
  xmlFreeDoc (doc);

  /* Every card says in words where it is (screen readers, Inkscape's
   * Objects list). */
  for (guint c = 0; c < persona->cards->len; c++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, c);
      g_autofree char *wanted = expected_description (persona, card);

      g_assert_cmpstr (g_hash_table_lookup (descriptions, card->base.id), ==, wanted);
    }

  for (guint c = 0; c < persona->cards->len; c++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, c);
      const char *svg_text = g_hash_table_lookup (cards, card->base.id);
      g_autofree char *wanted = fixture_squeeze (card->text);
      g_autofree char *got = NULL;

      g_assert_nonnull (svg_text);
      got = fixture_squeeze (svg_text);
      /* A word broken between two lines ends its first line in a hyphen,
       * as the PDF and the screen show it; the card's text has none. */
      if (g_strcmp0 (got, wanted) != 0)
        {
          GString *unbroken = g_string_new (NULL);
          const char *w = wanted;

          for (const char *g = got; *g != '\0'; g++)
            if (*g == *w)
              g_string_append_c (unbroken, *w++);
            else if (*g != '-')
              g_string_append_c (unbroken, *g);
          g_free (got);
          got = g_string_free (unbroken, FALSE);
        }
      g_assert_cmpstr (got, ==, wanted);
    }
}

static void
test_svg_example (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();

  if (document == NULL)
    {
      g_test_skip ("the example document is not there");
      return;
    }
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);
      g_autofree char *name = g_strdup_printf ("example-%u.svg", p);
      g_autofree char *path = tmp_path (name);

      export_ok (document, WAYMARK_EXPORT_FORMAT_SVG, persona->base.id, path);
      check_svg (document, persona->base.id, path);
    }
}

static void
test_svg_stress (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  g_autofree char *path = tmp_path ("stress.svg");
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;
  g_autofree char *notice = NULL;

  /* Several personas, none chosen: the first, with a notice. */
  waymark_export_options_init (&options);
  options.format = WAYMARK_EXPORT_FORMAT_SVG;
  g_assert_true (waymark_export_to_file (document, &options, path, &notice, &error));
  g_assert_no_error (error);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "s1"));
  check_svg (document, "s1", path);
}

/* The profile is in every export as text: the PDF (through pdftotext)
 * and the SVG, quote, headings, items and facts. */
static void
test_profile (void)
{
  g_autoptr (WaymarkDocument) document = fixture_profile_document ();
  g_autofree char *pdf = tmp_path ("profile.pdf");
  g_autofree char *svg = tmp_path ("profile.svg");
  g_autofree char *svg_text = NULL;
  g_autofree char *pdf_text = NULL;
  const char * const wanted[] = { "Ik wil gewoon weten wat er na de opleiding komt.", "Goals",
                                  "Een job vinden die past", "Frustrations", "Dure boeken", "+2",
                                  "Leeftijd", "Gent, met twee kinderen", NULL };

  export_ok (document, WAYMARK_EXPORT_FORMAT_PDF, NULL, pdf);
  export_ok (document, WAYMARK_EXPORT_FORMAT_SVG, "p", svg);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  {
    g_autofree char *squeezed_svg = NULL;
    g_autofree char *squeezed_pdf = NULL;

    /* The SVG keeps each line in a <tspan>: compare without the markup's
     * line breaks, as the PDF's text. */
    squeezed_svg = fixture_squeeze (svg_text);
    pdf_text = fixture_run_tool (NULL, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL);
    if (pdf_text != NULL)
      squeezed_pdf = fixture_squeeze (pdf_text);
    for (guint i = 0; wanted[i] != NULL; i++)
      {
        g_autofree char *item = fixture_squeeze (wanted[i]);

        /* The quote wraps over two <tspan>s in the SVG. */
        if (i > 0)
          g_assert_nonnull (strstr (squeezed_svg, item));
        if (squeezed_pdf != NULL)
          g_assert_nonnull (strstr (squeezed_pdf, item));
      }
  }
}

static cairo_surface_t *
load_png_argb (const char *path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  cairo_surface_t *argb;
  cairo_t *cr;

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  argb = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (png),
                                     cairo_image_surface_get_height (png));
  cr = cairo_create (argb);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (png);
  return argb;
}

/* What Inkscape or a browser shows of the SVG is what Waymark drew:
 * librsvg's rendering matches Waymark's own PNG. */
static void
test_svg_matches_png (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  g_autofree char *svg = tmp_path ("match.svg");
  g_autofree char *png = tmp_path ("match.png");
  g_autofree char *rsvg_png = tmp_path ("match-rsvg.png");
  g_autofree char *out = NULL;
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *ours, *theirs;
  double loose, strict;

  waymark_export_options_init (&options);
  options.persona = "s1";
  options.format = WAYMARK_EXPORT_FORMAT_SVG;
  g_assert_true (waymark_export_to_file (document, &options, svg, NULL, &error));
  options.format = WAYMARK_EXPORT_FORMAT_PNG;
  options.scale = 1.0;
  g_assert_true (waymark_export_to_file (document, &options, png, NULL, &error));
  g_assert_no_error (error);

  /* 72 dpi: one point is one pixel, as in our PNG at scale 1. */
  out = fixture_run_tool (NULL, "rsvg-convert", "--dpi-x", "72", "--dpi-y", "72", "-o", rsvg_png,
                          svg, NULL);
  if (out == NULL)
    return;

  ours = load_png_argb (png);
  theirs = load_png_argb (rsvg_png);
  g_assert_cmpint (cairo_image_surface_get_width (ours), ==,
                   cairo_image_surface_get_width (theirs));
  g_assert_cmpint (cairo_image_surface_get_height (ours), ==,
                   cairo_image_surface_get_height (theirs));
  /* Shapes must agree almost everywhere; glyph edges may differ a little
   * (librsvg lays out each <tspan> itself). */
  loose = fixture_image_difference (ours, theirs, 96);
  strict = fixture_image_difference (ours, theirs, 24);
  g_test_message ("rsvg vs waymark: %.3f%% pixels differ by >96, %.3f%% by >24",
                  loose * 100, strict * 100);
  g_assert_cmpfloat (loose, <, 0.02);
  g_assert_cmpfloat (strict, <, 0.05);
  cairo_surface_destroy (ours);
  cairo_surface_destroy (theirs);
}

static void
test_png_background (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  g_autofree char *path = tmp_path ("bg.png");
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  guint32 corner;

  waymark_export_options_init (&options);
  options.format = WAYMARK_EXPORT_FORMAT_PNG;
  options.scale = 0.5;
  g_assert_true (waymark_export_to_file (document, &options, path, NULL, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  corner = *(guint32 *) (void *) cairo_image_surface_get_data (surface);
  g_assert_cmphex (corner, ==, 0xffffffff);
  {
    double w, h;
    g_autoptr (WaymarkLayout) layout = NULL;

    /* --scale sets the resolution. */
    layout = waymark_layout_new (document, "p", NULL, NULL);
    waymark_layout_get_size (layout, &w, &h);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (w * 0.5));
  }
  cairo_surface_destroy (surface);

  options.transparent = TRUE;
  g_assert_true (waymark_export_to_file (document, &options, path, NULL, &error));
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  corner = *(guint32 *) (void *) cairo_image_surface_get_data (surface);
  g_assert_cmphex (corner >> 24, ==, 0);
  cairo_surface_destroy (surface);

  options.scale = 1000;
  g_assert_false (waymark_export_to_file (document, &options, path, NULL, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_TOO_LARGE);
}

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_errors_leave_nothing (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  g_autoptr (WaymarkDocument) empty = waymark_document_new ();
  g_autofree char *dir = tmp_path ("errors");
  g_autofree char *missing_dir = g_build_filename (dir, "no", "such", "map.pdf", NULL);
  g_autofree char *is_dir = g_build_filename (dir, "taken.pdf", NULL);
  g_autofree char *ok = g_build_filename (dir, "ok.svg", NULL);
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (is_dir, 0700), ==, 0);
  waymark_export_options_init (&options);

  /* A directory that does not exist. */
  g_assert_false (waymark_export_to_file (document, &options, missing_dir, NULL, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_IO);
  g_clear_error (&error);

  /* The output name is a directory: written in full, then the rename
   * fails; the temporary file must go. */
  for (int format = WAYMARK_EXPORT_FORMAT_PDF; format <= WAYMARK_EXPORT_FORMAT_PNG; format++)
    {
      options.format = format;
      g_assert_false (waymark_export_to_file (document, &options, is_dir, NULL, &error));
      g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_IO);
      g_clear_error (&error);
      g_assert_cmpuint (count_entries (dir), ==, 1);
      g_assert_true (g_file_test (is_dir, G_FILE_TEST_IS_DIR));
    }

  options.format = WAYMARK_EXPORT_FORMAT_SVG;
  options.persona = "nobody";
  g_assert_false (waymark_export_to_file (document, &options, ok, NULL, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_PERSONA_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_test (ok, G_FILE_TEST_EXISTS));

  /* By name, any case. */
  options.persona = "pim de proefpersoon";
  g_assert_true (waymark_export_to_file (document, &options, ok, NULL, &error));
  g_assert_no_error (error);

  options.persona = NULL;
  g_assert_false (waymark_export_to_file (empty, &options, ok, NULL, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_EMPTY);
  g_assert_cmpuint (count_entries (dir), ==, 2);
}

static void
test_format_names (void)
{
  WaymarkExportFormat format;
  WaymarkPaper paper;

  g_assert_true (waymark_export_format_from_path ("a/b.PDF", &format));
  g_assert_cmpint (format, ==, WAYMARK_EXPORT_FORMAT_PDF);
  g_assert_true (waymark_export_format_from_path ("map.svg", &format));
  g_assert_cmpint (format, ==, WAYMARK_EXPORT_FORMAT_SVG);
  g_assert_true (waymark_export_format_from_path ("map.png", &format));
  g_assert_cmpint (format, ==, WAYMARK_EXPORT_FORMAT_PNG);
  g_assert_false (waymark_export_format_from_path ("map.bmp", &format));
  g_assert_false (waymark_export_format_from_path ("dir.pdf/map", &format));
  g_assert_false (waymark_export_format_from_path ("map", &format));
  g_assert_true (waymark_paper_from_string ("A3", &paper));
  g_assert_cmpint (paper, ==, WAYMARK_PAPER_A3);
  g_assert_false (waymark_paper_from_string ("b5", &paper));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("waymark-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/pdf/example", test_pdf_example);
  g_test_add_func ("/export/pdf/stress", test_pdf_stress);
  g_test_add_func ("/export/pdf/paper", test_pdf_paper);
  g_test_add_func ("/export/svg/example", test_svg_example);
  g_test_add_func ("/export/svg/stress", test_svg_stress);
  g_test_add_func ("/export/profile", test_profile);
  g_test_add_func ("/export/svg/matches-png", test_svg_matches_png);
  g_test_add_func ("/export/png/background", test_png_background);
  g_test_add_func ("/export/errors-leave-nothing", test_errors_leave_nothing);

  status = g_test_run ();
  if (g_getenv ("WAYMARK_KEEP_TMP") == NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

      (void) !system (command);
    }
  g_free (tmp_dir);
  return status;
}

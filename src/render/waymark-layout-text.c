/* waymark-layout-text.c: the text styles of a map, and text measured and wrapped with Pango
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <pango/pangocairo.h>

#include "waymark-layout-metrics-private.h"

static const WaymarkTextStyleInfo text_styles[WAYMARK_N_TEXT_STYLES] = {
  [WAYMARK_TEXT_DOC_TITLE]     = { "Cantarell, DejaVu Sans", 8.0, 700, FALSE },
  [WAYMARK_TEXT_PERSONA_NAME]  = { "Cantarell, DejaVu Sans", 20.0, 700, FALSE },
  [WAYMARK_TEXT_AMBITION]      = { "Cantarell, DejaVu Sans", 11.0, 400, FALSE },
  [WAYMARK_TEXT_DESCRIPTION]   = { "Cantarell, DejaVu Sans", 8.5, 400, FALSE },
  [WAYMARK_TEXT_AVATAR]        = { "Cantarell, DejaVu Sans", 15.0, 700, FALSE },
  [WAYMARK_TEXT_PHASE_NUMBER]  = { "Cantarell, DejaVu Sans", 7.5, 700, FALSE },
  [WAYMARK_TEXT_PHASE_NAME]    = { "Cantarell, DejaVu Sans", 10.0, 700, FALSE },
  [WAYMARK_TEXT_LANE_NAME]     = { "Cantarell, DejaVu Sans", 9.5, 700, FALSE },
  [WAYMARK_TEXT_SCALE]         = { "Cantarell, DejaVu Sans", 6.5, 400, FALSE },
  [WAYMARK_TEXT_CARD]          = { "Cantarell, DejaVu Sans", 8.5, 400, FALSE },
  [WAYMARK_TEXT_EVIDENCE]      = { "Cantarell, DejaVu Sans", 7.0, 400, FALSE },
  [WAYMARK_TEXT_CHIP]          = { "Cantarell, DejaVu Sans", 6.5, 700, FALSE },
  [WAYMARK_TEXT_EMOTION_LABEL] = { "Cantarell, DejaVu Sans", 7.5, 400, FALSE },
  [WAYMARK_TEXT_FOOTER]        = { "Cantarell, DejaVu Sans", 7.5, 400, FALSE },
  [WAYMARK_TEXT_LEGEND]        = { "Cantarell, DejaVu Sans", 7.5, 700, FALSE },
  [WAYMARK_TEXT_BADGE]         = { "Cantarell, DejaVu Sans", 6.5, 700, FALSE },
  [WAYMARK_TEXT_HEADING]       = { "Cantarell, DejaVu Sans", 12.5, 700, FALSE },
  [WAYMARK_TEXT_STRONG]        = { "Cantarell, DejaVu Sans", 8.0, 700, FALSE },
  [WAYMARK_TEXT_QUOTE]         = { "Cantarell, DejaVu Sans", 9.5, 400, TRUE },
  [WAYMARK_TEXT_PROFILE]       = { "Cantarell, DejaVu Sans", 8.0, 400, FALSE },
};

const WaymarkTextStyleInfo *
waymark_text_style_get_info (WaymarkTextStyle style)
{
  g_return_val_if_fail ((guint) style < WAYMARK_N_TEXT_STYLES, &text_styles[0]);
  return &text_styles[style];
}

/* One Pango context for all layouts: 72 dpi so that a font size in
 * points is a size in document units, and no hinting or rounding of
 * metrics, so that line breaks are the same at every zoom, in the PDF
 * and on screen. */
static PangoContext *
get_pango_context (void)
{
  static PangoContext *context;
  static PangoFontDescription *descs[WAYMARK_N_TEXT_STYLES];

  if (g_once_init_enter (&context))
    {
      PangoFontMap *font_map = pango_cairo_font_map_new ();
      PangoContext *new_context = pango_font_map_create_context (font_map);
      cairo_font_options_t *font_options = cairo_font_options_create ();

      cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (new_context, font_options);
      pango_cairo_context_set_resolution (new_context, 72.0);
      pango_context_set_round_glyph_positions (new_context, FALSE);
      cairo_font_options_destroy (font_options);
      g_object_unref (font_map);

      for (guint i = 0; i < WAYMARK_N_TEXT_STYLES; i++)
        {
          descs[i] = pango_font_description_from_string (text_styles[i].family);
          pango_font_description_set_size (descs[i], (int) (text_styles[i].size * PANGO_SCALE));
          pango_font_description_set_weight (descs[i], text_styles[i].weight);
          pango_font_description_set_style (descs[i],
                                            text_styles[i].italic ? PANGO_STYLE_ITALIC
                                                                  : PANGO_STYLE_NORMAL);
        }
      g_object_set_data (G_OBJECT (new_context), "waymark-font-descs", descs);
      g_once_init_leave (&context, new_context);
    }
  return context;
}

static const PangoFontDescription *
get_font_description (WaymarkTextStyle style)
{
  PangoFontDescription **descs;

  descs = g_object_get_data (G_OBJECT (get_pango_context ()), "waymark-font-descs");
  return descs[style];
}

/* Texts */

static void
layout_text_clear (gpointer data)
{
  WaymarkLayoutText *text = data;

  g_clear_object (&text->layout);
  for (guint i = 0; i < text->n_lines; i++)
    g_free (text->lines[i].text);
  g_free (text->lines);
}

WaymarkLayoutText *
waymark_layout_text_ref (WaymarkLayoutText *text)
{
  return g_rc_box_acquire (text);
}

void
waymark_layout_text_unref (gpointer text)
{
  g_rc_box_release_full (text, layout_text_clear);
}

static gboolean
is_trailing_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x2028 || c == 0x2029;
}

/* A word broken across lines keeps at least this many letters on each
 * line: "Ondernemingspla-" over "n" reads as a mistake. */
#define MIN_WORD_PART 3

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Whether a line that ends at @end (just before @next) ends inside a word:
 * Pango then draws a hyphen, and the line's text must have it too. */
static gboolean
ends_inside_word (const char *string,
                  const char *end)
{
  const char *prev = end > string ? g_utf8_find_prev_char (string, end) : NULL;

  return prev != NULL && *end != '\0' && is_word_char (g_utf8_get_char (prev))
         && is_word_char (g_utf8_get_char (end));
}

/* The text of the line from @start to @end of @string as it is shown: a
 * soft hyphen where it broke is a hyphen, other soft hyphens are
 * invisible, and a word broken between letters ends in a hyphen, as
 * Pango draws it. */
static char *
line_text (const char *string,
           const char *start,
           const char *end)
{
  GString *out = g_string_sized_new (end - start + 2);
  gboolean broke_at_soft_hyphen = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00ad)
        broke_at_soft_hyphen = g_utf8_next_char (p) >= end;
      else
        g_string_append_unichar (out, c);
    }
  if (broke_at_soft_hyphen || ends_inside_word (string, end))
    g_string_append_c (out, '-');
  return g_string_free (out, FALSE);
}

/* Where Pango broke a word between letters so that fewer than
 * MIN_WORD_PART letters went to the next line, a soft hyphen that many
 * letters from the word's end gives it a better place to break. Pango
 * has no option for this (it breaks by character where a word does not
 * fit) and no Dutch hyphenation, so it is done here. Returns the new
 * text, or NULL when every break is fine. */
static char *
keep_word_ends_together (PangoLayout *layout,
                         const char  *string)
{
  GSList *lines = pango_layout_get_lines_readonly (layout);

  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      const char *start = string + line->start_index;
      const char *p = start, *word = start;
      guint tail = 0, head = 0;

      if (!ends_inside_word (string, start))
        continue;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)) && tail < MIN_WORD_PART)
        {
          p = g_utf8_next_char (p);
          tail++;
        }
      while (word > string && is_word_char (g_utf8_get_char (g_utf8_find_prev_char (string, word))))
        {
          word = g_utf8_find_prev_char (string, word);
          head++;
        }
      if (tail >= MIN_WORD_PART || head + tail < 2 * MIN_WORD_PART)
        continue;

      /* Move the break back so that MIN_WORD_PART letters go down. */
      p = start;
      for (guint i = tail; i < MIN_WORD_PART; i++)
        p = g_utf8_find_prev_char (string, p);
      {
        GString *out = g_string_new_len (string, p - string);

        g_string_append (out, "\u00ad");
        g_string_append (out, p);
        return g_string_free (out, FALSE);
      }
    }
  return NULL;
}

static void
extract_lines (WaymarkLayoutText *text,
               const char        *string)
{
  PangoLayoutIter *iter;
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (WaymarkTextLine));

  iter = pango_layout_get_iter (text->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      WaymarkTextLine out;
      const char *start = string + line->start_index;
      const char *end = start + line->length;

      /* Wrapped lines end in the space they broke at; SVG would show it. */
      while (end > start)
        {
          const char *prev = g_utf8_find_prev_char (start, end);

          if (prev == NULL || !is_trailing_space (g_utf8_get_char (prev)))
            break;
          end = prev;
        }

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      out.text = line_text (string, start, end);
      out.x = (double) logical.x / PANGO_SCALE;
      out.width = (double) logical.width / PANGO_SCALE;
      out.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      out.rtl = line->resolved_dir == PANGO_DIRECTION_RTL;
      g_array_append_val (lines, out);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  text->n_lines = lines->len;
  text->lines = (WaymarkTextLine *) (void *) g_array_free (lines, FALSE);
}

/* Cuts @string so that it fits @max_lines, ending in an ellipsis that the
 * reader sees. Done by hand rather than with pango_layout_set_ellipsize
 * so that the text that is shown is known exactly, for the SVG. */
static char *
ellipsize_to_lines (PangoLayout *layout,
                    const char  *string,
                    int          max_lines)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, max_lines - 1);
  const char *end = string + line->start_index + line->length;

  for (;;)
    {
      const char *prev;
      g_autofree char *head = g_strndup (string, end - string);
      char *candidate;

      g_strchomp (head);
      candidate = g_strconcat (head, "…", NULL);
      pango_layout_set_text (layout, candidate, -1);
      if (pango_layout_get_line_count (layout) <= max_lines || end == string)
        return candidate;
      g_free (candidate);
      prev = g_utf8_find_prev_char (string, end);
      end = prev != NULL ? prev : string;
    }
}

/* Where a zero-width space would not split a grapheme: not before a
 * combining mark, a joiner, a variation selector, an emoji modifier or
 * tag, nor after a joiner. */
static gboolean
can_break_before (gunichar prev,
                  gunichar c)
{
  return prev != 0x200d && c != 0x200d && !g_unichar_ismark (c) &&
         !(c >= 0xfe00 && c <= 0xfe0f) && !(c >= 0x1f3fb && c <= 0x1f3ff) &&
         !(c >= 0x1f1e6 && c <= 0x1f1ff) && !(c >= 0xe0020 && c <= 0xe007f);
}

/* Pango wraps a word longer than the line by re-shaping the rest of the
 * word for every line, so its time grows with the square of the word's
 * length: a 64 KiB word in a card took minutes, and a hostile file could
 * freeze the app (found by tests/fuzz/fuzz-card-text; the test is in
 * tests/test-fuzz-regressions.c). A zero-width space every
 * MAX_UNBROKEN_RUN characters of such a run gives Pango a place to break,
 * which keeps it linear; no real word or URL is that long, so real text
 * never changes. Returns NULL when @string needs nothing. */
#define MAX_UNBROKEN_RUN 256

static char *
break_long_runs (const char *string)
{
  GString *out = NULL;
  gunichar prev = 0;
  guint run = 0;

  for (const char *p = string; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200b)
        run = 0;
      else if (++run > MAX_UNBROKEN_RUN && can_break_before (prev, c))
        {
          if (out == NULL)
            out = g_string_new_len (string, p - string);
          g_string_append (out, "\u200b");
          run = 1;
        }
      if (out != NULL)
        g_string_append_unichar (out, c);
      prev = c;
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

WaymarkLayoutText *
waymark_layout_text_new (WaymarkTextStyle  style,
                         const char       *string,
                         double            width,
                         int               max_lines,
                         WaymarkTextAlign  align)
{
  WaymarkLayoutText *text = g_rc_box_new0 (WaymarkLayoutText);
  g_autofree char *shown = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *hyphenated = NULL;
  PangoRectangle logical;
  static const PangoAlignment alignments[] = {
    [WAYMARK_TEXT_ALIGN_LEFT] = PANGO_ALIGN_LEFT,
    [WAYMARK_TEXT_ALIGN_CENTER] = PANGO_ALIGN_CENTER,
    [WAYMARK_TEXT_ALIGN_RIGHT] = PANGO_ALIGN_RIGHT,
  };

  /* The model does not promise valid UTF-8 (its edit API takes any C
   * string). Pango would warn and repair its own copy, whose byte offsets
   * extract_lines() then applied to @string, cutting characters apart.
   * Show U+FFFD for bad bytes instead. Found by tests/fuzz/fuzz-card-text;
   * tests/test-fuzz-regressions.c keeps it fixed. */
  if (!g_utf8_validate (string, -1, NULL))
    string = valid = g_utf8_make_valid (string, -1);
  broken = break_long_runs (string);
  if (broken != NULL)
    string = broken;

  text->style = style;
  text->align = align;
  text->layout = pango_layout_new (get_pango_context ());
  pango_layout_set_font_description (text->layout, get_font_description (style));
  pango_layout_set_alignment (text->layout, alignments[align]);
  if (width > 0)
    {
      pango_layout_set_width (text->layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (text->layout, string, -1);
  /* Each pass fixes one break; a few are plenty for a card's text. */
  for (int pass = 0; width > 0 && pass < 8; pass++)
    {
      char *better = keep_word_ends_together (text->layout, string);

      if (better == NULL)
        break;
      g_free (hyphenated);
      string = hyphenated = better;
      pango_layout_set_text (text->layout, string, -1);
    }

  if (max_lines > 0 && width > 0 && pango_layout_get_line_count (text->layout) > max_lines)
    {
      shown = ellipsize_to_lines (text->layout, string, max_lines);
      text->ellipsized = TRUE;
    }

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->width = (double) logical.width / PANGO_SCALE;
  text->height = (double) logical.height / PANGO_SCALE;
  extract_lines (text, shown != NULL ? shown : string);
  return text;
}

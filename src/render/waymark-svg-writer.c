/* waymark-svg-writer.c: writes a scene as SVG 1.1 with editable text
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-svg-writer.h"
#include "waymark-xml.h"

typedef struct {
  GString    *out;
  GHashTable *ids;     /* ids used so far: XML ids must be unique */
  int         depth;
} Writer;

static void
indent (Writer *w)
{
  for (int i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* Three decimals (1/1000 pt) is far below what anyone can see. Written
 * by hand: printf's float formatting was a tenth of the export's time,
 * and this is locale-independent by construction. */
static void
append_number (GString *out,
               double   value)
{
  gint64 thousandths;
  gint64 whole;
  int fraction;
  char digits[4];
  int n;

  if (!isfinite (value))
    value = 0;
  thousandths = llround (value * 1000);
  if (thousandths < 0)
    {
      g_string_append_c (out, '-');
      thousandths = -thousandths;
    }
  whole = thousandths / 1000;
  fraction = (int) (thousandths % 1000);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, whole);
  if (fraction == 0)
    return;
  digits[0] = '0' + fraction / 100;
  digits[1] = '0' + fraction / 10 % 10;
  digits[2] = '0' + fraction % 10;
  for (n = 3; n > 0 && digits[n - 1] == '0'; n--)
    ;
  g_string_append_c (out, '.');
  g_string_append_len (out, digits, n);
}

static void
append_attr_number (GString    *out,
                    const char *name,
                    double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  append_number (out, value);
  g_string_append_c (out, '"');
}

static void
append_color (GString            *out,
              const char         *name,
              const WaymarkColor *color)
{
  if (color->alpha <= 0)
    {
      g_string_append_printf (out, " %s=\"none\"", name);
      return;
    }
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name,
                          (int) (CLAMP (color->red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (color->green, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (color->blue, 0, 1) * 255 + 0.5));
  if (color->alpha < 1)
    {
      g_string_append_printf (out, " %s-opacity=\"", name);
      append_number (out, color->alpha);
      g_string_append_c (out, '"');
    }
}

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

/* A valid, unique XML ID for @id. Waymark ids are NCName-like already;
 * this only guards against the odd one that is not. */
static char *
make_id (Writer     *w,
         const char *id)
{
  GString *s = g_string_new (NULL);
  char *result;

  if (id == NULL || !is_name_start (id[0]))
    g_string_append (s, "id-");
  for (const char *p = id ? id : ""; *p != '\0'; p++)
    g_string_append_c (s, is_name_char (*p) ? *p : '_');

  if (g_hash_table_contains (w->ids, s->str))
    {
      g_autofree char *base = g_strdup (s->str);

      for (int n = 2; g_hash_table_contains (w->ids, s->str); n++)
        g_string_printf (s, "%s-%d", base, n);
    }
  result = g_string_free (s, FALSE);
  g_hash_table_add (w->ids, g_strdup (result));
  return result;
}

static void
write_paint (Writer             *w,
             const WaymarkPaint *paint)
{
  append_color (w->out, "fill", &paint->fill);
  if (paint->stroke.alpha > 0 && paint->line_width > 0)
    {
      append_color (w->out, "stroke", &paint->stroke);
      append_attr_number (w->out, "stroke-width", paint->line_width);
      if (paint->dash > 0)
        {
          g_string_append (w->out, " stroke-dasharray=\"");
          append_number (w->out, paint->dash);
          g_string_append_c (w->out, '"');
        }
    }
}

static void
write_box (Writer                 *w,
           const WaymarkSceneItem *item)
{
  const WaymarkRect *r = &item->box.rect;

  indent (w);
  g_string_append (w->out, "<rect");
  append_attr_number (w->out, "x", r->x);
  append_attr_number (w->out, "y", r->y);
  append_attr_number (w->out, "width", MAX (r->width, 0));
  append_attr_number (w->out, "height", MAX (r->height, 0));
  if (item->box.radius > 0)
    {
      append_attr_number (w->out, "rx", item->box.radius);
      append_attr_number (w->out, "ry", item->box.radius);
    }
  write_paint (w, &item->paint);
  g_string_append (w->out, "/>\n");
}

static void
write_path (Writer                 *w,
            const WaymarkSceneItem *item)
{
  if (item->path.n_segments == 0)
    return;

  indent (w);
  g_string_append (w->out, "<path d=\"");
  for (guint i = 0; i < item->path.n_segments; i++)
    {
      const WaymarkPathSegment *seg = &item->path.segments[i];

      if (i > 0)
        g_string_append_c (w->out, ' ');
      switch (seg->op)
        {
        case WAYMARK_PATH_MOVE_TO:
        case WAYMARK_PATH_LINE_TO:
          g_string_append_c (w->out, seg->op == WAYMARK_PATH_MOVE_TO ? 'M' : 'L');
          append_number (w->out, seg->x[0]);
          g_string_append_c (w->out, ',');
          append_number (w->out, seg->y[0]);
          break;
        case WAYMARK_PATH_CURVE_TO:
          g_string_append_c (w->out, 'C');
          for (int j = 0; j < 3; j++)
            {
              if (j > 0)
                g_string_append_c (w->out, ' ');
              append_number (w->out, seg->x[j]);
              g_string_append_c (w->out, ',');
              append_number (w->out, seg->y[j]);
            }
          break;
        case WAYMARK_PATH_CLOSE:
          g_string_append_c (w->out, 'Z');
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append_c (w->out, '"');
  write_paint (w, &item->paint);
  g_string_append (w->out, "/>\n");
}

static void
write_text (Writer                 *w,
            const WaymarkSceneItem *item)
{
  gboolean any = FALSE;

  for (guint i = 0; i < item->text.n_lines; i++)
    if (item->text.lines[i].text[0] != '\0')
      any = TRUE;
  if (!any)
    return;

  indent (w);
  g_string_append (w->out, "<text xml:space=\"preserve\" font-family=\"");
  /* Pango's list "Cantarell, DejaVu Sans" in CSS: quote multi-word names. */
  {
    g_auto (GStrv) families = g_strsplit (item->text.font_family, ",", -1);

    for (guint i = 0; families[i] != NULL; i++)
      {
        const char *family = g_strstrip (families[i]);

        if (i > 0)
          g_string_append (w->out, ", ");
        if (strchr (family, ' ') != NULL)
          g_string_append_printf (w->out, "'%s'", family);
        else
          g_string_append (w->out, family);
      }
    g_string_append (w->out, ", sans-serif\"");
  }
  append_attr_number (w->out, "font-size", item->text.font_size);
  if (item->text.font_weight >= 600)
    g_string_append (w->out, " font-weight=\"bold\"");
  if (item->text.italic)
    g_string_append (w->out, " font-style=\"italic\"");
  append_color (w->out, "fill", &item->paint.fill);
  g_string_append (w->out, ">");

  for (guint i = 0; i < item->text.n_lines; i++)
    {
      const WaymarkTextLine *line = &item->text.lines[i];

      if (line->text[0] == '\0')
        continue;
      g_string_append (w->out, "<tspan");
      /* A right-to-left line starts at its right edge. */
      if (line->rtl)
        {
          append_attr_number (w->out, "x", item->text.x + line->x + line->width);
          g_string_append (w->out, " direction=\"rtl\"");
        }
      else
        {
          append_attr_number (w->out, "x", item->text.x + line->x);
        }
      append_attr_number (w->out, "y", item->text.y + line->baseline);
      g_string_append_c (w->out, '>');
      waymark_xml_append_escaped (w->out, line->text, WAYMARK_XML_DISPLAY);
      g_string_append (w->out, "</tspan>");
    }
  g_string_append (w->out, "</text>\n");
}

static void
write_item (Writer                 *w,
            const WaymarkSceneItem *item)
{
  switch (item->kind)
    {
    case WAYMARK_SCENE_BOX:
      write_box (w, item);
      break;
    case WAYMARK_SCENE_PATH:
      write_path (w, item);
      break;
    case WAYMARK_SCENE_TEXT:
      write_text (w, item);
      break;
    case WAYMARK_SCENE_GROUP_BEGIN:
      {
        g_autofree char *id = make_id (w, item->group.id);

        indent (w);
        g_string_append_printf (w->out, "<g id=\"%s\" class=\"%s\">\n", id,
                                item->group.css_class);
        w->depth++;
        if (item->group.description != NULL)
          {
            indent (w);
            g_string_append (w->out, "<desc>");
            waymark_xml_append_escaped (w->out, item->group.description, WAYMARK_XML_DISPLAY);
            g_string_append (w->out, "</desc>\n");
          }
      }
      break;
    case WAYMARK_SCENE_GROUP_END:
      w->depth--;
      indent (w);
      g_string_append (w->out, "</g>\n");
      break;
    default:
      g_assert_not_reached ();
    }
}

GBytes *
waymark_svg_writer_to_bytes (WaymarkScene       *scene,
                             const WaymarkColor *background)
{
  Writer w = { 0 };
  WaymarkRect bounds;
  guint n;

  g_return_val_if_fail (scene != NULL, NULL);

  waymark_scene_get_bounds (scene, &bounds);
  w.out = g_string_sized_new (64 * 1024);
  w.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w.depth = 1;

  g_string_append (w.out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                   "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n"
                   "  \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  g_string_append (w.out, " width=\"");
  append_number (w.out, bounds.width);
  g_string_append (w.out, "pt\" height=\"");
  append_number (w.out, bounds.height);
  g_string_append (w.out, "pt\" viewBox=\"");
  append_number (w.out, bounds.x);
  g_string_append_c (w.out, ' ');
  append_number (w.out, bounds.y);
  g_string_append_c (w.out, ' ');
  append_number (w.out, bounds.width);
  g_string_append_c (w.out, ' ');
  append_number (w.out, bounds.height);
  g_string_append (w.out, "\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n");

  g_string_append (w.out, "  <title>");
  waymark_xml_append_escaped (w.out, waymark_scene_get_title (scene), WAYMARK_XML_DISPLAY);
  g_string_append (w.out, "</title>\n");

  if (background != NULL && background->alpha > 0)
    {
      g_string_append (w.out, "  <rect");
      append_attr_number (w.out, "x", bounds.x);
      append_attr_number (w.out, "y", bounds.y);
      append_attr_number (w.out, "width", bounds.width);
      append_attr_number (w.out, "height", bounds.height);
      append_color (w.out, "fill", background);
      g_string_append (w.out, "/>\n");
    }

  n = waymark_scene_get_n_items (scene);
  for (guint i = 0; i < n; i++)
    write_item (&w, waymark_scene_get_item (scene, i));

  g_string_append (w.out, "</svg>\n");
  g_hash_table_unref (w.ids);
  return g_string_free_to_bytes (w.out);
}

gboolean
waymark_svg_writer_write (WaymarkScene       *scene,
                          const WaymarkColor *background,
                          GOutputStream      *stream,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  bytes = waymark_svg_writer_to_bytes (scene, background);
  data = g_bytes_get_data (bytes, &size);
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error);
}

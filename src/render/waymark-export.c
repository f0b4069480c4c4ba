/* waymark-export.c: PDF, SVG and PNG export
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <png.h>

#include "waymark-cairo-backend.h"
#include "waymark-catalog.h"
#include "waymark-export.h"
#include "waymark-file-writer.h"
#include "waymark-layout.h"
#include "waymark-overview-scene.h"
#include "waymark-priority-matrix.h"
#include "waymark-report.h"
#include "waymark-scene.h"
#include "waymark-svg-writer.h"

/* cairo image surfaces address rows with an int stride; stay well below,
 * and below what a viewer can open. */
#define MAX_PNG_SIDE   32000
#define MAX_PNG_PIXELS (400.0 * 1000 * 1000)

/* Paper: its name in options, and its size in points, portrait. */
static const struct {
  const char *name;
  double      width;
  double      height;
} papers[] = {
  [WAYMARK_PAPER_FIT] = { "fit", 0, 0 },
  [WAYMARK_PAPER_A4] = { "a4", 595.276, 841.890 },
  [WAYMARK_PAPER_A3] = { "a3", 841.890, 1190.551 },
  [WAYMARK_PAPER_LETTER] = { "letter", 612, 792 },
};

G_DEFINE_QUARK (waymark-export-error-quark, waymark_export_error)

guint32
waymark_export_scale_to_ppm (double scale)
{
  /* A point is 1/72 inch, an inch 0.0254 m. */
  return (guint32) lround (CLAMP (scale, 0.01, 1000) * 72.0 / 0.0254);
}

void
waymark_export_options_init (WaymarkExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = WAYMARK_EXPORT_FORMAT_PDF;
  options->persona = NULL;
  options->paper = WAYMARK_PAPER_FIT;
  options->orientation = WAYMARK_ORIENTATION_LANDSCAPE;
  options->scale = 2.0;
  options->transparent = FALSE;
  options->palette = WAYMARK_PALETTE_STANDARD;
  options->min_text_size = WAYMARK_EXPORT_DEFAULT_MIN_TEXT_SIZE;
}

gboolean
waymark_export_format_from_string (const char          *name,
                                   WaymarkExportFormat *format)
{
  static const struct { const char *name; WaymarkExportFormat format; } formats[] = {
    { "pdf", WAYMARK_EXPORT_FORMAT_PDF },
    { "svg", WAYMARK_EXPORT_FORMAT_SVG },
    { "png", WAYMARK_EXPORT_FORMAT_PNG },
  };

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

gboolean
waymark_export_format_from_path (const char          *path,
                                 WaymarkExportFormat *format)
{
  const char *dot;
  const char *slash;

  if (path == NULL)
    return FALSE;
  dot = strrchr (path, '.');
  slash = strrchr (path, G_DIR_SEPARATOR);
  if (dot == NULL || (slash != NULL && dot < slash))
    return FALSE;
  return waymark_export_format_from_string (dot + 1, format);
}

gboolean
waymark_paper_from_string (const char   *name,
                           WaymarkPaper *paper)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        if (paper != NULL)
          *paper = i;
        return TRUE;
      }
  return FALSE;
}

WaymarkPersona *
waymark_export_find_persona (WaymarkDocument *document,
                             const char      *id_or_name)
{
  WaymarkPersona *persona;
  guint n;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  if (id_or_name == NULL)
    return NULL;
  persona = waymark_document_find_persona (document, id_or_name);
  if (persona != NULL)
    return persona;

  n = waymark_document_get_n_personas (document);
  for (guint i = 0; i < n; i++)
    {
      persona = waymark_document_get_persona (document, i);
      if (g_strcmp0 (persona->name, id_or_name) == 0)
        return persona;
    }
  {
    g_autofree char *wanted = g_utf8_casefold (id_or_name, -1);

    for (guint i = 0; i < n; i++)
      {
        g_autofree char *name = NULL;

        persona = waymark_document_get_persona (document, i);
        name = g_utf8_casefold (persona->name, -1);
        if (g_strcmp0 (name, wanted) == 0)
          return persona;
      }
  }
  return NULL;
}

void
waymark_export_get_page_size (WaymarkPaper        paper,
                              WaymarkOrientation  orientation,
                              double              map_width,
                              double              map_height,
                              double             *page_width,
                              double             *page_height)
{
  double w, h;

  if (paper == WAYMARK_PAPER_FIT || (guint) paper >= G_N_ELEMENTS (papers))
    {
      w = map_width;
      h = map_height;
    }
  else if (orientation == WAYMARK_ORIENTATION_LANDSCAPE)
    {
      w = papers[paper].height;
      h = papers[paper].width;
    }
  else
    {
      w = papers[paper].width;
      h = papers[paper].height;
    }
  if (page_width != NULL)
    *page_width = w;
  if (page_height != NULL)
    *page_height = h;
}

/* Selecting what a map shows */

/* A whole number at @p, up to @end; -1 when there is none. */
static int
parse_position (const char *p,
                const char *end)
{
  gint64 value = 0;

  if (p == end)
    return -1;
  for (; p < end; p++)
    {
      if (!g_ascii_isdigit (*p) || value > 100000)
        return -1;
      value = value * 10 + (*p - '0');
    }
  return (int) value;
}

static gboolean
document_has_phase (WaymarkDocument *document,
                    const char      *id)
{
  guint n = waymark_document_get_n_personas (document);

  for (guint i = 0; i < n; i++)
    if (waymark_persona_phase_index (waymark_document_get_persona (document, i), id) >= 0)
      return TRUE;
  return FALSE;
}

static gboolean
document_has_lane (WaymarkDocument *document,
                   const char      *id)
{
  guint n = waymark_document_get_n_personas (document);

  for (guint i = 0; i < n; i++)
    if (waymark_persona_lane_index (waymark_document_get_persona (document, i), id) >= 0)
      return TRUE;
  return FALSE;
}

GStrv
waymark_export_select_phases (WaymarkDocument *document,
                              WaymarkPersona  *persona,
                              const char      *spec,
                              GError         **error)
{
  g_auto (GStrv) items = NULL;
  g_autofree gboolean *chosen = NULL;
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  guint n = persona->phases->len;
  guint n_chosen = 0;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (persona != NULL, NULL);

  if (spec == NULL)
    return NULL;
  chosen = g_new0 (gboolean, MAX (n, 1));
  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      const char *dash = strchr (item, '-');
      int first, last, index;

      if (item[0] == '\0')
        continue;
      /* "3", "2-4", "3-" (to the end) by position; anything else is an id. */
      first = parse_position (item, dash != NULL ? dash : item + strlen (item));
      if (first >= 1 && dash == NULL)
        last = first;
      else if (first >= 1 && dash[1] == '\0')
        last = MAX ((int) n, first);
      else if (first >= 1)
        last = parse_position (dash + 1, dash + strlen (dash));
      else
        last = -1;
      if (first >= 1 && last >= first)
        {
          for (int p = first; p <= MIN (last, (int) n); p++)
            chosen[p - 1] = TRUE;
          continue;
        }
      if (first >= 1 || (dash == item && parse_position (item + 1, item + strlen (item)) >= 0))
        {
          g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_SELECTION,
                       _("“%s” is not a range of phases (use N, N-M or N-)"), item);
          return NULL;
        }
      index = waymark_persona_phase_index (persona, item);
      if (index >= 0)
        chosen[index] = TRUE;
      else if (!document_has_phase (document, item))
        {
          g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_SELECTION,
                       _("No phase with position or id “%s”"), item);
          return NULL;
        }
    }
  for (guint i = 0; i < n; i++)
    if (chosen[i])
      {
        WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);

        g_strv_builder_add (ids, phase->base.id);
        n_chosen++;
      }
  if (n_chosen == 0)
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_SELECTION,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The phases “%s” select none of “%s”, which has %u phase",
                                "The phases “%s” select none of “%s”, which has %u phases", n),
                   spec, persona->name, n);
      return NULL;
    }
  return g_strv_builder_end (ids);
}

GStrv
waymark_export_select_lanes (WaymarkDocument *document,
                             WaymarkPersona  *persona,
                             const char      *spec,
                             GError         **error)
{
  g_auto (GStrv) items = NULL;
  g_autofree gboolean *chosen = NULL;
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  guint n = persona->lanes->len;
  guint n_chosen = 0;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (persona != NULL, NULL);

  if (spec == NULL)
    return NULL;
  chosen = g_new0 (gboolean, MAX (n, 1));
  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = g_strstrip (items[i]);
      WaymarkLaneKind kind;
      int index;

      if (item[0] == '\0')
        continue;
      /* An id first: a lane may well be called "barriers". */
      index = waymark_persona_lane_index (persona, item);
      if (index >= 0)
        chosen[index] = TRUE;
      else if (waymark_lane_kind_from_string (item, &kind))
        {
          for (guint l = 0; l < n; l++)
            {
              WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

              if (lane->kind == kind)
                chosen[l] = TRUE;
            }
        }
      else if (!document_has_lane (document, item))
        {
          g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_SELECTION,
                       _("No lane or lane kind “%s”"), item);
          return NULL;
        }
    }
  for (guint i = 0; i < n; i++)
    if (chosen[i])
      {
        WaymarkLane *lane = g_ptr_array_index (persona->lanes, i);

        g_strv_builder_add (ids, lane->base.id);
        n_chosen++;
      }
  if (n_chosen == 0)
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_SELECTION,
                   _("The lanes “%s” select none of “%s”"), spec, persona->name);
      return NULL;
    }
  return g_strv_builder_end (ids);
}

/* The layout of a map, or of the part of it on one page, as an export
 * draws it. */
static WaymarkLayout *
map_layout (WaymarkDocument            *document,
            WaymarkPersona             *persona,
            const WaymarkExportOptions *options,
            const char * const         *phase_ids,
            const char * const         *lane_ids,
            gboolean                    continued,
            int                         page_number,
            int                         n_pages)
{
  WaymarkRenderOptions render_options;

  waymark_render_options_init (&render_options);
  render_options.palette = options->palette;
  render_options.high_contrast = options->high_contrast;
  render_options.show_footer = page_number > 0;
  render_options.page_number = page_number;
  render_options.n_pages = n_pages;
  render_options.phase_ids = phase_ids;
  render_options.lane_ids = lane_ids;
  render_options.hide_empty_lanes = options->hide_empty_lanes;
  render_options.continued = continued;
  return waymark_layout_new (document, persona->base.id, &render_options, NULL);
}

static WaymarkLayout *
page_layout (WaymarkDocument *document,
             const char      *persona_id,
             WaymarkPalette   palette,
             int              page_number,
             int              n_pages)
{
  WaymarkRenderOptions options;

  waymark_render_options_init (&options);
  options.palette = palette;
  options.show_footer = TRUE;
  options.page_number = page_number;
  options.n_pages = n_pages;
  return waymark_layout_new (document, persona_id, &options, NULL);
}

/* Page splitting */

typedef struct {
  WaymarkPersona *persona;
  GStrv           phase_ids;  /* NULL: all */
  GStrv           lane_ids;   /* NULL: all */
  gboolean        continued;  /* not the map's first page */
} PlannedPage;

static void
planned_page_free (gpointer data)
{
  PlannedPage *page = data;

  g_strfreev (page->phase_ids);
  g_strfreev (page->lane_ids);
  g_free (page);
}

static void
add_page (GPtrArray      *pages,
          WaymarkPersona *persona,
          GStrv           phase_ids,
          GStrv           lane_ids,
          gboolean        continued)
{
  PlannedPage *page = g_new0 (PlannedPage, 1);

  page->persona = persona;
  page->phase_ids = phase_ids;
  page->lane_ids = g_strdupv (lane_ids);
  page->continued = continued;
  g_ptr_array_add (pages, page);
}

/* The phases of group @group of @n_groups, as even as can be, in order. */
static GStrv
phase_group (const char * const *phase_ids,
             guint               n_phases,
             guint               group,
             guint               n_groups)
{
  guint first = group * n_phases / n_groups;
  guint last = (group + 1) * n_phases / n_groups;
  GStrv ids = g_new0 (char *, last - first + 1);

  for (guint i = first; i < last; i++)
    ids[i - first] = g_strdup (phase_ids[i]);
  return ids;
}

/* The size the cards' text comes out at when @layout is fitted to a page
 * of the options' paper. */
static double
card_text_size_on_page (WaymarkLayout              *layout,
                        const WaymarkExportOptions *options)
{
  double width, height, page_width, page_height;

  waymark_layout_get_size (layout, &width, &height);
  waymark_export_get_page_size (options->paper, options->orientation, width, height,
                                &page_width, &page_height);
  return waymark_layout_get_card_text_size (layout)
         * MIN (page_width / width, page_height / height);
}

/* Plans the pages of @persona's map: one, or, when a page of the options'
 * paper would shrink the cards' text below options->min_text_size, the
 * fewest groups of consecutive phases (as even as can be) that each keep
 * it readable, every page with the lane headers and the persona's title
 * ("continued" after the first). A single phase too tall for a page gets
 * a page of its own at whatever size fits. */
static void
plan_persona_pages (GPtrArray                  *pages,
                    WaymarkDocument            *document,
                    WaymarkPersona             *persona,
                    const WaymarkExportOptions *options,
                    GStrv                       phase_ids,
                    GStrv                       lane_ids)
{
  g_auto (GStrv) all_phases = NULL;
  const char * const *ids;
  guint n_phases;
  guint n_groups;

  if (phase_ids == NULL)
    {
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < persona->phases->len; i++)
        g_strv_builder_add (builder, ((WaymarkPhase *) g_ptr_array_index (persona->phases,
                                                                          i))->base.id);
      all_phases = g_strv_builder_end (builder);
    }
  ids = (const char * const *) (phase_ids != NULL ? phase_ids : all_phases);
  n_phases = g_strv_length ((GStrv) ids);

  if (options->paper == WAYMARK_PAPER_FIT || options->min_text_size <= 0 || n_phases <= 1)
    {
      add_page (pages, persona, g_strdupv (phase_ids), lane_ids, FALSE);
      return;
    }

  for (n_groups = 1; n_groups < n_phases; n_groups++)
    {
      gboolean readable = TRUE;

      for (guint g = 0; g < n_groups && readable; g++)
        {
          g_auto (GStrv) group = phase_group (ids, n_phases, g, n_groups);
          g_autoptr (WaymarkLayout) layout = map_layout (document, persona, options,
                                                         (const char * const *) group,
                                                         (const char * const *) lane_ids,
                                                         g > 0, 1, 1);

          readable = card_text_size_on_page (layout, options) >= options->min_text_size - 1e-6;
        }
      if (readable)
        break;
    }
  if (n_groups == 1)
    {
      add_page (pages, persona, g_strdupv (phase_ids), lane_ids, FALSE);
      return;
    }
  for (guint g = 0; g < n_groups; g++)
    add_page (pages, persona, phase_group (ids, n_phases, g, n_groups), lane_ids, g > 0);
}

/* The map pages of a PDF of @personas, after the options' selection and
 * splitting. NULL when the selection selects nothing of a persona. */
static GPtrArray *
plan_pages (WaymarkDocument            *document,
            const WaymarkExportOptions *options,
            GPtrArray                  *personas,
            GError                    **error)
{
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (planned_page_free);

  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);
      g_auto (GStrv) phase_ids = NULL;
      g_auto (GStrv) lane_ids = NULL;
      g_autoptr (GError) local_error = NULL;

      if (options->phases != NULL)
        {
          phase_ids = waymark_export_select_phases (document, persona, options->phases,
                                                    &local_error);
          if (phase_ids == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
      if (options->lanes != NULL)
        {
          lane_ids = waymark_export_select_lanes (document, persona, options->lanes,
                                                  &local_error);
          if (lane_ids == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
      plan_persona_pages (pages, document, persona, options, phase_ids, lane_ids);
    }
  return g_steal_pointer (&pages);
}

static void
draw_layout_on_page (WaymarkLayout *layout,
                     cairo_t       *cr,
                     double         page_width,
                     double         page_height)
{
  g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (layout);
  double width, height;

  waymark_layout_get_size (layout, &width, &height);
  waymark_cairo_backend_draw_on_page (scene, width, height, cr, page_width, page_height);
}

void
waymark_export_draw_page (WaymarkDocument *document,
                          const char      *persona_id,
                          WaymarkPalette   palette,
                          cairo_t         *cr,
                          double           page_width,
                          double           page_height,
                          int              page_number,
                          int              n_pages)
{
  g_autoptr (WaymarkLayout) layout = NULL;

  g_return_if_fail (WAYMARK_IS_DOCUMENT (document));
  g_return_if_fail (cr != NULL);

  layout = page_layout (document, persona_id, palette, page_number, n_pages);
  if (layout != NULL)
    draw_layout_on_page (layout, cr, page_width, page_height);
}

/* The overview of @document (all cards of the default kinds) fitted to a
 * page, with the footer: page 1 of @n_pages of a PDF export. */
static void
draw_overview_page (WaymarkDocument *document,
                    WaymarkPalette   palette,
                    cairo_t         *cr,
                    double           page_width,
                    double           page_height,
                    int              n_pages)
{
  g_autoptr (WaymarkOverview) overview = waymark_overview_new (document, NULL);
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  WaymarkOverviewSceneOptions options;
  double width, height;

  waymark_overview_scene_options_init (&options);
  options.palette = palette;
  options.show_footer = TRUE;
  options.page_number = 1;
  options.n_pages = n_pages;
  figure = waymark_overview_figure_new (overview, &options);
  waymark_overview_figure_get_size (figure, &width, &height);
  waymark_cairo_backend_draw_on_page (waymark_overview_figure_get_scene (figure), width, height,
                                      cr, page_width, page_height);
}

/* Writing through the core's one safe writer */

typedef struct {
  const char        *path;    /* as the caller named it, for messages */
  WaymarkFileWriter *writer;
} Output;

static gboolean
output_open (Output      *output,
             const char  *path,
             GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  output->path = path;
  output->writer = waymark_file_writer_new_for_path (path, &local_error);
  if (output->writer != NULL)
    return TRUE;
  g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_IO,
               _("Cannot write “%s”: %s"), path, local_error->message);
  return FALSE;
}

static cairo_status_t
output_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Output *output = closure;

  if (!waymark_file_writer_write (output->writer, data, length, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Makes the written file the output when @status, what cairo said of the
 * whole drawing, and every write succeeded; otherwise the output is left
 * as it was. The reason of a failed write comes first: cairo only knows
 * that a write failed, the writer knows why. */
static gboolean
output_finish (Output          *output,
               cairo_status_t   status,
               GError         **error)
{
  g_autoptr (WaymarkFileWriter) writer = g_steal_pointer (&output->writer);
  g_autoptr (GError) local_error = NULL;

  if (status != CAIRO_STATUS_SUCCESS && !waymark_file_writer_has_failed (writer))
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_IO,
                   _("Cannot write “%s”: %s"), output->path, cairo_status_to_string (status));
      return FALSE;
    }
  if (!waymark_file_writer_commit (writer, &local_error))
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_IO,
                   _("Cannot write “%s”: %s"), output->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
format_date (GDateTime *date)
{
  if (date == NULL)
    return NULL;
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
}

/* Starts a page of the PDF of @page_width × @page_height, white even in
 * viewers that show transparency. */
static void
start_pdf_page (cairo_surface_t *surface,
                cairo_t         *cr,
                double           page_width,
                double           page_height)
{
  cairo_pdf_surface_set_size (surface, page_width, page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
}

/* Starts a page of the PDF for a drawing of @width × @height, on the
 * paper the options ask for (*@page_width × *@page_height). */
static void
begin_pdf_page (cairo_surface_t            *surface,
                cairo_t                    *cr,
                const WaymarkExportOptions *options,
                double                      width,
                double                      height,
                double                     *page_width,
                double                     *page_height)
{
  waymark_export_get_page_size (options->paper, options->orientation, width, height,
                                page_width, page_height);
  start_pdf_page (surface, cr, *page_width, *page_height);
}

/* Ends page @page_number, listed in the outline as @title. */
static void
end_pdf_page (cairo_surface_t *surface,
              cairo_t         *cr,
              const char      *title,
              guint            page_number)
{
  g_autofree char *link = g_strdup_printf ("page=%u pos=[0 0]", page_number);

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
  cairo_show_page (cr);
}

static cairo_status_t
buffer_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The first (last) @needle in the @length bytes at @haystack, which may
 * hold NULs (g_strstr_len () stops at one); NULL when there is none. */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle,
            gboolean    last)
{
  gsize n = strlen (needle);

  if (length < n)
    return NULL;
  for (gsize i = 0; i <= length - n; i++)
    {
      const char *p = last ? haystack + (length - n - i) : haystack + i;

      if (memcmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

/* The value of /@key in the trailer dictionary @trailer: an integer, or
 * an indirect reference's object number. -1 when absent. */
static gint64
trailer_number (const char *trailer,
                const char *key)
{
  g_autofree char *needle = g_strdup_printf ("/%s ", key);
  const char *p = strstr (trailer, needle);

  if (p == NULL)
    return -1;
  return g_ascii_strtoll (p + strlen (needle), NULL, 10);
}

/* Adds /Lang (@language) to the catalogue of the PDF in @pdf, as an
 * incremental update (PDF 1.7, 7.5.6): cairo 1.16 has no API for the
 * document language, which screen readers and hyphenating viewers need.
 * The update appends a new version of the catalogue object, a cross
 * reference section for it and a trailer pointing to the old one, so
 * nothing cairo wrote is changed. FALSE, leaving @pdf as it was, when the
 * file is not laid out as cairo 1.16 writes it. */
static gboolean
add_pdf_language (GByteArray *pdf,
                  const char *language)
{
  g_autofree char *catalog = NULL;
  g_autofree char *trailer = NULL;
  g_autoptr (GString) update = NULL;
  const char *startxref, *trailer_start, *entry, *object, *dict, *end;
  gint64 xref_offset, previous_xref, root, size, info;
  guint64 catalog_offset;

  if (language == NULL || language[0] == '\0' || pdf->len < 64)
    return FALSE;
  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  /* PDFs hold NULs in binary streams: look at the bytes only through
   * functions that take a length. */
  startxref = find_bytes ((const char *) pdf->data, pdf->len, "startxref", TRUE);
  if (startxref == NULL)
    return FALSE;
  xref_offset = g_ascii_strtoll (startxref + strlen ("startxref"), NULL, 10);
  if (xref_offset <= 0 || (guint64) xref_offset >= pdf->len)
    return FALSE;
  previous_xref = xref_offset;
  trailer_start = find_bytes ((const char *) pdf->data, startxref - (const char *) pdf->data,
                              "trailer", TRUE);
  if (trailer_start == NULL)
    return FALSE;
  trailer = g_strndup (trailer_start, startxref - trailer_start);
  root = trailer_number (trailer, "Root");
  size = trailer_number (trailer, "Size");
  info = trailer_number (trailer, "Info");
  if (root <= 0 || size <= root)
    return FALSE;

  /* The xref section: "xref\n0 SIZE\n" and 20-byte entries. */
  if (memcmp (pdf->data + xref_offset, "xref", 4) != 0)
    return FALSE;
  entry = memchr (pdf->data + xref_offset + 5, '\n', pdf->len - xref_offset - 5);
  if (entry == NULL || entry + 1 + 20 * (root + 1) > (const char *) pdf->data + pdf->len)
    return FALSE;
  entry += 1 + 20 * root;
  catalog_offset = g_ascii_strtoull (entry, NULL, 10);
  if (catalog_offset == 0 || catalog_offset >= (guint64) xref_offset)
    return FALSE;
  object = (const char *) pdf->data + catalog_offset;
  dict = find_bytes (object, (const char *) pdf->data + xref_offset - object, "<<", FALSE);
  end = find_bytes (object, (const char *) pdf->data + xref_offset - object, "endobj", FALSE);
  if (dict == NULL || end == NULL || dict > end
      || find_bytes (object, end - object, "/Lang", FALSE) != NULL)
    return FALSE;
  catalog = g_strndup (dict + 2, end - dict - 2);
  g_strchomp (catalog);

  update = g_string_new (NULL);
  if (pdf->data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  {
    guint64 new_offset = pdf->len + update->len;

    g_string_append_printf (update, "%" G_GINT64_FORMAT " 0 obj\n<< /Lang (%s)\n%s\nendobj\n",
                            root, language, catalog);
    xref_offset = pdf->len + update->len;
    g_string_append_printf (update, "xref\n%" G_GINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT
                            " 00000 n \n", root, new_offset);
  }
  g_string_append_printf (update, "trailer\n<< /Size %" G_GINT64_FORMAT "\n   /Root %"
                          G_GINT64_FORMAT " 0 R\n", size, root);
  if (info > 0)
    g_string_append_printf (update, "   /Info %" G_GINT64_FORMAT " 0 R\n", info);
  g_string_append_printf (update, "   /Prev %" G_GINT64_FORMAT "\n>>\nstartxref\n%"
                          G_GINT64_FORMAT "\n%%%%EOF\n", previous_xref, xref_offset);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
  return TRUE;
}

/* The date a PDF says it was made: the document's own, else
 * SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/)
 * when set, so that the same input gives the same bytes; NULL lets cairo
 * write the time of the export. */
static char *
pdf_creation_date (WaymarkDocument *document)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) date = NULL;
  char *end = NULL;
  gint64 seconds;

  if (waymark_document_get_created (document) != NULL)
    return format_date (waymark_document_get_created (document));
  if (epoch == NULL || epoch[0] == '\0')
    return NULL;
  seconds = g_ascii_strtoll (epoch, &end, 10);
  if (*end != '\0' || seconds < 0)
    return NULL;
  date = g_date_time_new_from_unix_utc (seconds);
  return format_date (date);
}

static gboolean
export_pdf (WaymarkDocument            *document,
            const WaymarkExportOptions *options,
            GPtrArray                  *personas,
            const char                 *path,
            GError                    **error)
{
  Output output;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr (GByteArray) pdf = g_byte_array_new ();
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *creator = g_strdup_printf ("Waymark %s", PACKAGE_VERSION);
  g_autofree char *created = pdf_creation_date (document);
  g_autofree char *modified = format_date (waymark_document_get_modified (document));
  const char *title = waymark_document_get_title (document);
  const char *author = waymark_document_get_author (document);
  const char *description = waymark_document_get_description (document);
  /* The document's own words, like its pages (see waymark-catalog.h). */
  const char *language = waymark_document_get_language (document);
  gboolean with_overview = options->overview
                           || (options->persona == NULL && !options->no_overview
                               && !options->recommendations);
  gboolean with_recommendations = options->recommendations
                                  || (options->persona == NULL && !options->overview
                                      && waymark_document_get_recommendations (document)->len > 0);
  guint first_page = with_overview ? 1 : 0;
  WaymarkReportOptions report_options;
  g_autoptr (WaymarkReport) report = NULL;
  guint n_section = 0;
  int n_pages;

  pages = plan_pages (document, options, personas, error);
  if (pages == NULL)
    return FALSE;

  /* The section's pages on the paper asked for; on "fit", A4 landscape,
   * the shape the maps' pages mostly have. It is built first: the pages
   * before it say how many there are in all. */
  waymark_report_options_init (&report_options);
  report_options.palette = options->palette;
  report_options.show_footer = TRUE;
  if (options->paper != WAYMARK_PAPER_FIT)
    waymark_export_get_page_size (options->paper, options->orientation, 0, 0,
                                  &report_options.page_width, &report_options.page_height);
  if (with_recommendations)
    {
      report_options.first_page = (int) (first_page + pages->len + 1);
      report_options.n_pages_after = 1;  /* the priority matrix */
      report = waymark_report_new (document, &report_options);
      n_section = waymark_report_get_n_pages (report) + 1;
    }
  n_pages = (int) (first_page + pages->len + n_section);

  if (!output_open (&output, path, error))
    return FALSE;

  /* Into memory first: the language goes in after cairo is done. */
  surface = cairo_pdf_surface_create_for_stream (buffer_write_cb, pdf, 595, 842);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (title != NULL && title[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && author[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  description != NULL && description[0] != '\0'
                                    ? description
                                    : waymark_catalog_gettext (language,
                                                               N_("Customer journey map")));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (created != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  if (modified != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, modified);

  cr = cairo_create (surface);

  /* The overview across personas comes first: the page that says in one
   * glance where each persona struggles. */
  if (with_overview)
    {
      g_autoptr (WaymarkOverview) overview = waymark_overview_new (document, NULL);
      g_autoptr (WaymarkOverviewFigure) figure = waymark_overview_figure_new (overview, NULL);
      double width, height, page_width, page_height;

      waymark_overview_figure_get_size (figure, &width, &height);
      begin_pdf_page (surface, cr, options, width, height, &page_width, &page_height);
      draw_overview_page (document, options->palette, cr, page_width, page_height, n_pages);
      end_pdf_page (surface, cr, waymark_catalog_gettext (language, N_("Overview")), 1);
    }

  for (guint i = 0; i < pages->len; i++)
    {
      PlannedPage *page = g_ptr_array_index (pages, i);
      g_autoptr (WaymarkLayout) layout = NULL;
      double width, height, page_width, page_height;

      layout = map_layout (document, page->persona, options,
                           (const char * const *) page->phase_ids,
                           (const char * const *) page->lane_ids, page->continued,
                           i + 1 + first_page, n_pages);
      waymark_layout_get_size (layout, &width, &height);
      begin_pdf_page (surface, cr, options, width, height, &page_width, &page_height);
      draw_layout_on_page (layout, cr, page_width, page_height);
      /* A map split over pages has one bookmark, on its first page. */
      if (!page->continued)
        end_pdf_page (surface, cr,
                      page->persona->name[0] != '\0' ? page->persona->name
                                                     : page->persona->base.id,
                      i + 1 + first_page);
      else
        cairo_show_page (cr);
    }

  /* The recommendations close the report: what should change, where it
   * acts, and what comes first. */
  if (with_recommendations)
    {
      WaymarkPriorityMatrixOptions matrix_options;
      g_autoptr (WaymarkPriorityMatrix) matrix = NULL;
      guint page_number = first_page + pages->len;
      double width, height;

      for (guint i = 0; i < waymark_report_get_n_pages (report); i++)
        {
          WaymarkScene *scene = waymark_report_get_page (report, i);
          const char *page_title = waymark_report_get_page_title (report, i);
          WaymarkRect bounds;

          waymark_scene_get_bounds (scene, &bounds);
          start_pdf_page (surface, cr, bounds.width, bounds.height);
          waymark_cairo_backend_draw_on_page (scene, bounds.width, bounds.height, cr,
                                              bounds.width, bounds.height);
          page_number++;
          if (page_title != NULL)
            end_pdf_page (surface, cr, page_title, page_number);
          else
            cairo_show_page (cr);
        }

      waymark_priority_matrix_options_init (&matrix_options);
      matrix_options.palette = options->palette;
      matrix_options.show_footer = TRUE;
      matrix_options.page_number = (int) ++page_number;
      matrix_options.n_pages = n_pages;
      /* On the section's paper, like its other pages. */
      matrix_options.page_width = report_options.page_width;
      matrix_options.page_height = report_options.page_height;
      matrix = waymark_priority_matrix_new (document, &matrix_options);
      waymark_priority_matrix_get_size (matrix, &width, &height);
      start_pdf_page (surface, cr, report_options.page_width, report_options.page_height);
      waymark_cairo_backend_draw_on_page (waymark_priority_matrix_get_scene (matrix), width, height,
                                          cr, report_options.page_width,
                                          report_options.page_height);
      end_pdf_page (surface, cr, waymark_catalog_gettext (language, N_("Priority matrix")),
                    page_number);
    }
  /* A drawing error stays in the context; the surface has the errors of
   * writing the file, most of which happen in finish. */
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      add_pdf_language (pdf, language);
      status = output_write_cb (&output, pdf->data, pdf->len);
    }
  return output_finish (&output, status, error);
}

/* What an SVG or PNG export draws, @width × @height: the overview page
 * on its own (--overview) at its natural size, or @persona's map. */
static WaymarkScene *
export_scene (WaymarkDocument            *document,
              const WaymarkExportOptions *options,
              WaymarkPersona             *persona,
              double                     *width,
              double                     *height,
              GError                    **error)
{
  g_autoptr (WaymarkLayout) layout = NULL;
  g_auto (GStrv) phase_ids = NULL;
  g_auto (GStrv) lane_ids = NULL;

  if (options->recommendations)
    return waymark_report_new_sheet (document, options->palette, width, height);
  if (options->overview)
    {
      g_autoptr (WaymarkOverview) overview = waymark_overview_new (document, NULL);
      g_autoptr (WaymarkOverviewFigure) figure = NULL;
      WaymarkOverviewSceneOptions scene_options;

      waymark_overview_scene_options_init (&scene_options);
      scene_options.palette = options->palette;
      figure = waymark_overview_figure_new (overview, &scene_options);
      waymark_overview_figure_get_size (figure, width, height);
      return waymark_scene_ref (waymark_overview_figure_get_scene (figure));
    }

  if (options->phases != NULL)
    {
      phase_ids = waymark_export_select_phases (document, persona, options->phases, error);
      if (phase_ids == NULL)
        return NULL;
    }
  if (options->lanes != NULL)
    {
      lane_ids = waymark_export_select_lanes (document, persona, options->lanes, error);
      if (lane_ids == NULL)
        return NULL;
    }
  layout = map_layout (document, persona, options, (const char * const *) phase_ids,
                       (const char * const *) lane_ids, FALSE, 0, 0);
  waymark_layout_get_size (layout, width, height);
  return waymark_scene_new_for_layout (layout);
}

static gboolean
write_svg (WaymarkScene               *scene,
           const WaymarkExportOptions *options,
           const char                 *path,
           GError                    **error)
{
  WaymarkColor white = { 1, 1, 1, 1 };
  g_autoptr (GBytes) bytes = waymark_svg_writer_to_bytes (scene,
                                                          options->transparent ? NULL : &white);
  Output output;
  const guint8 *data;
  gsize size;

  if (!output_open (&output, path, error))
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return output_finish (&output, output_write_cb (&output, data, size), error);
}

/* The pixel memory of one strip of a PNG export (below). */
#define PNG_STRIP_BYTES (4 * 1024 * 1024)

/* Native-endian premultiplied ARGB to RGBA bytes, and to RGBx: exactly
 * what cairo's own PNG writer does to each row (cairo-png.c), so that the
 * file is the one cairo_surface_write_to_png_stream() would write. */
static void
unpremultiply_row (png_structp   png,
                   png_row_infop row_info,
                   png_bytep     data)
{
  for (png_size_t i = 0; i < row_info->rowbytes; i += 4)
    {
      guint8 *b = &data[i];
      guint32 pixel;
      guint8 alpha;

      memcpy (&pixel, b, sizeof pixel);
      alpha = (pixel & 0xff000000) >> 24;
      if (alpha == 0)
        b[0] = b[1] = b[2] = b[3] = 0;
      else
        {
          b[0] = (((pixel & 0xff0000) >> 16) * 255 + alpha / 2) / alpha;
          b[1] = (((pixel & 0x00ff00) >> 8) * 255 + alpha / 2) / alpha;
          b[2] = (((pixel & 0x0000ff) >> 0) * 255 + alpha / 2) / alpha;
          b[3] = alpha;
        }
    }
}

static void
opaque_row (png_structp   png,
            png_row_infop row_info,
            png_bytep     data)
{
  for (png_size_t i = 0; i < row_info->rowbytes; i += 4)
    {
      guint8 *b = &data[i];
      guint32 pixel;

      memcpy (&pixel, b, sizeof pixel);
      b[0] = (pixel & 0xff0000) >> 16;
      b[1] = (pixel & 0x00ff00) >> 8;
      b[2] = (pixel & 0x0000ff) >> 0;
      b[3] = 0;
    }
}

typedef struct {
  Output         *output;
  cairo_status_t  status;
} PngOutput;

static void
png_write_cb (png_structp png,
              png_bytep   data,
              png_size_t  length)
{
  PngOutput *out = png_get_io_ptr (png);

  for (png_size_t done = 0; done < length;)
    {
      unsigned int piece = (unsigned int) MIN (length - done, G_MAXUINT);

      if (output_write_cb (out->output, data + done, piece) != CAIRO_STATUS_SUCCESS)
        {
          out->status = CAIRO_STATUS_WRITE_ERROR;
          png_error (png, "write error");
        }
      done += piece;
    }
}

static void
png_flush_cb (png_structp png)
{
}

static void
png_error_cb (png_structp     png,
              png_const_charp message)
{
  PngOutput *out = png_get_error_ptr (png);

  if (out->status == CAIRO_STATUS_SUCCESS)
    out->status = CAIRO_STATUS_NO_MEMORY;
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp     png,
                png_const_charp message)
{
}

/* Draws @scene strip after strip into @surface and hands the rows to
 * @png; the first error. */
static cairo_status_t
draw_png_rows (WaymarkScene    *scene,
               cairo_surface_t *surface,
               png_bytep       *rows,
               int              pixel_height,
               double           scale,
               gboolean         transparent,
               png_structp      png,
               png_infop        info)
{
  int pixel_width = cairo_image_surface_get_width (surface);
  int strip = cairo_image_surface_get_height (surface);
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int y0 = 0; y0 < pixel_height; y0 += strip)
    {
      int n_rows = MIN (strip, pixel_height - y0);
      /* What touches the strip, in points, and a pixel more. */
      WaymarkRect clip = { -1 / scale, (y0 - 1) / scale, (pixel_width + 2) / scale,
                           (n_rows + 2) / scale };
      cairo_status_t status;
      cairo_t *cr;

      cairo_surface_set_device_offset (surface, 0, -y0);
      cr = cairo_create (surface);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      if (transparent)
        cairo_set_source_rgba (cr, 0, 0, 0, 0);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_scale (cr, scale, scale);
      waymark_cairo_backend_draw (scene, cr, &clip);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        return status;

      for (int i = 0; i < n_rows; i++)
        rows[i] = data + (gsize) i * stride;
      png_write_rows (png, rows, (png_uint_32) n_rows);
      cairo_surface_mark_dirty (surface);
    }
  png_write_end (png, info);
  return CAIRO_STATUS_SUCCESS;
}

/* @scene is @width × @height points.
 *
 * Drawn in horizontal strips, each encoded as soon as it is drawn, rather
 * than on one image of the whole map: at the default scale a large
 * persona is 16,000 × 3,000 pixels, 200 MiB as one image, which alone
 * made PNG export take many times the memory of every other export. The
 * strips meet at whole pixels, and each is drawn with everything that
 * touches it, so the pixels are those of the whole image; the rows go to
 * libpng as cairo's own PNG writer gives them, so the file is too (an
 * image drawn without transparency is opaque: RGB, as cairo writes it;
 * a transparent one RGBA). */
static gboolean
write_png (WaymarkScene               *scene,
           double                      width,
           double                      height,
           const WaymarkExportOptions *options,
           const char                 *path,
           GError                    **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  Output output;
  PngOutput out = { &output, CAIRO_STATUS_SUCCESS };
  double scale = options->scale > 0 ? options->scale : 1.0;
  int pixel_width, pixel_height, strip;
  png_structp png;
  png_infop info;
  png_color_16 white = { 0, 0xff, 0xff, 0xff, 0xff };
  png_bytep *rows;

  if (width * scale > MAX_PNG_SIDE || height * scale > MAX_PNG_SIDE
      || width * scale * height * scale > MAX_PNG_PIXELS)
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_TOO_LARGE,
                   _("The image would be %.0f × %.0f pixels; use a smaller scale"),
                   width * scale, height * scale);
      return FALSE;
    }
  pixel_width = MAX (1, (int) ceil (width * scale));
  pixel_height = MAX (1, (int) ceil (height * scale));
  strip = CLAMP (PNG_STRIP_BYTES / (pixel_width * 4), 16, pixel_height);

  if (!output_open (&output, path, error))
    return FALSE;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &out, png_error_cb, png_warning_cb);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (png == NULL || info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return output_finish (&output, CAIRO_STATUS_NO_MEMORY, error);
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, strip);
  rows = g_new (png_bytep, strip);

  if (setjmp (png_jmpbuf (png)))
    status = out.status != CAIRO_STATUS_SUCCESS ? out.status : CAIRO_STATUS_NO_MEMORY;
  else
    {
      png_set_write_fn (png, &out, png_write_cb, png_flush_cb);
      png_set_IHDR (png, info, (png_uint_32) pixel_width, (png_uint_32) pixel_height, 8,
                    options->transparent ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                    PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
      png_set_bKGD (png, info, &white);
      /* The resolution, so that a word processor places the image at the
       * map's size in points (scale 2: 144 dpi), not at 96 dpi. */
      png_set_pHYs (png, info, waymark_export_scale_to_ppm (scale),
                    waymark_export_scale_to_ppm (scale), PNG_RESOLUTION_METER);
      png_write_info (png, info);
      if (options->transparent)
        png_set_write_user_transform_fn (png, unpremultiply_row);
      else
        {
          png_set_write_user_transform_fn (png, opaque_row);
          png_set_filler (png, 0, PNG_FILLER_AFTER);
        }
      status = draw_png_rows (scene, surface, rows, pixel_height, scale, options->transparent,
                              png, info);
    }

  png_destroy_write_struct (&png, &info);
  g_free (rows);
  cairo_surface_destroy (surface);
  return output_finish (&output, status, error);
}

/* One page as an SVG or PNG file. */
static gboolean
export_image (WaymarkDocument            *document,
              const WaymarkExportOptions *options,
              WaymarkPersona             *persona,
              const char                 *path,
              GError                    **error)
{
  double width, height;
  g_autoptr (WaymarkScene) scene = export_scene (document, options, persona, &width, &height,
                                                 error);

  if (scene == NULL)
    return FALSE;
  if (options->format == WAYMARK_EXPORT_FORMAT_SVG)
    return write_svg (scene, options, path, error);
  return write_png (scene, width, height, options, path, error);
}

gboolean
waymark_export_to_file (WaymarkDocument             *document,
                        const WaymarkExportOptions  *options,
                        const char                  *path,
                        char                       **notice,
                        GError                     **error)
{
  g_autoptr (GPtrArray) personas = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (notice != NULL)
    *notice = NULL;

  n = waymark_document_get_n_personas (document);
  if (n == 0)
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_EMPTY,
                   _("The document has no persona to export"));
      return FALSE;
    }

  if (options->recommendations && waymark_document_get_recommendations (document)->len == 0)
    {
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_EMPTY,
                   _("The document has no recommendations to export"));
      return FALSE;
    }

  if (options->overview || options->recommendations)
    {
      /* The overview and the recommendations cover every persona; no map
       * pages, no notice. */
      if (options->format != WAYMARK_EXPORT_FORMAT_PDF)
        g_ptr_array_add (personas, waymark_document_get_persona (document, 0));
    }
  else if (options->persona != NULL)
    {
      WaymarkPersona *persona = waymark_export_find_persona (document, options->persona);

      if (persona == NULL)
        {
          g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_PERSONA_NOT_FOUND,
                       _("No persona with id or name “%s”"), options->persona);
          return FALSE;
        }
      g_ptr_array_add (personas, persona);
    }
  else if (options->format == WAYMARK_EXPORT_FORMAT_PDF)
    {
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (personas, waymark_document_get_persona (document, i));
    }
  else
    {
      WaymarkPersona *first = waymark_document_get_persona (document, 0);

      g_ptr_array_add (personas, first);
      if (n > 1 && notice != NULL)
        *notice = g_strdup_printf (_("The document has %u personas; exported the first, "
                                     "“%s” (%s). Choose a persona to export another one."),
                                   n, first->name, first->base.id);
    }

  switch (options->format)
    {
    case WAYMARK_EXPORT_FORMAT_PDF:
      return export_pdf (document, options, personas, path, error);
    case WAYMARK_EXPORT_FORMAT_SVG:
    case WAYMARK_EXPORT_FORMAT_PNG:
      return export_image (document, options, g_ptr_array_index (personas, 0), path, error);
    default:
      g_set_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_FORMAT,
                   _("Unknown export format"));
      return FALSE;
    }
}

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
  g_autofree char *creator = g_strdup_printf ("Waymark %s", PACKAGE_VERSION);
  g_autofree char *created = format_date (waymark_document_get_created (document));
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
      report_options.first_page = (int) (first_page + personas->len + 1);
      report_options.n_pages_after = 1;  /* the priority matrix */
      report = waymark_report_new (document, &report_options);
      n_section = waymark_report_get_n_pages (report) + 1;
    }
  n_pages = (int) (first_page + personas->len + n_section);

  if (!output_open (&output, path, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (output_write_cb, &output, 595, 842);
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

  for (guint i = 0; i < personas->len; i++)
    {
      WaymarkPersona *persona = g_ptr_array_index (personas, i);
      g_autoptr (WaymarkLayout) layout = NULL;
      double width, height, page_width, page_height;

      layout = page_layout (document, persona->base.id, options->palette, i + 1 + first_page,
                            n_pages);
      waymark_layout_get_size (layout, &width, &height);
      begin_pdf_page (surface, cr, options, width, height, &page_width, &page_height);
      draw_layout_on_page (layout, cr, page_width, page_height);
      end_pdf_page (surface, cr, persona->name[0] != '\0' ? persona->name : persona->base.id,
                    i + 1 + first_page);
    }

  /* The recommendations close the report: what should change, where it
   * acts, and what comes first. */
  if (with_recommendations)
    {
      WaymarkPriorityMatrixOptions matrix_options;
      g_autoptr (WaymarkPriorityMatrix) matrix = NULL;
      guint page_number = first_page + personas->len;
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
  return output_finish (&output, status, error);
}

/* What an SVG or PNG export draws, @width × @height: the overview page
 * on its own (--overview) at its natural size, or @persona's map. */
static WaymarkScene *
export_scene (WaymarkDocument            *document,
              const WaymarkExportOptions *options,
              WaymarkPersona             *persona,
              double                     *width,
              double                     *height)
{
  g_autoptr (WaymarkLayout) layout = NULL;
  WaymarkRenderOptions render_options;

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

  waymark_render_options_init (&render_options);
  render_options.palette = options->palette;
  layout = waymark_layout_new (document, persona->base.id, &render_options, NULL);
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
  g_autoptr (WaymarkScene) scene = export_scene (document, options, persona, &width, &height);

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

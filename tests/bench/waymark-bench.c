/* waymark-bench.c: how fast Waymark loads, lays out, draws and exports
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: waymark-bench [--runs N] [--markdown FILE]
 *        waymark-bench --load-only [--runs N] [--keep FILE]
 *
 * Generates two documents (the example's size and a large one: 20
 * personas x 40 phases x 10 lanes, about 8,000 cards of realistic text),
 * times each step in this process (median of N runs): loading beside
 * libxml2's own tree parse of the same file, layout, drawing, redraws at
 * the canvas's viewport and exports. With --markdown, writes the results
 * as a table for docs/performance.md. Whole processes against other
 * programs (xmllint, Dia) are ../shared/bench/peer-bench's, and growth
 * with the map's size tests/bench/scaling.py's.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-render-fixtures.h"
#include "waymark-cairo-backend.h"
#include "waymark-export.h"
#include "waymark-format.h"
#include "waymark-layout-private.h"
#include "waymark-scene.h"
#include "waymark-svg-writer.h"

#include <libxml/parser.h>

static int runs = 5;
static GString *report;
static char *tmp_dir;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (const void *a,
                const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_double);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef void (*BenchFunc) (gpointer data);

/* The median wall time of @n runs of @func, in milliseconds. */
static double
time_median (int       n,
             BenchFunc func,
             gpointer  data)
{
  g_autofree double *times = g_new (double, n);

  for (int i = 0; i < n; i++)
    {
      double start = now_ms ();

      func (data);
      times[i] = now_ms () - start;
    }
  return median (times, n);
}

/* The same, in CPU time of this thread: on a shared machine, wall time
 * also counts the time other processes had the CPU. */
static double
cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static double
cpu_time_median (int       n,
                 BenchFunc func,
                 gpointer  data)
{
  g_autofree double *times = g_new (double, n);

  for (int i = 0; i < n; i++)
    {
      double start = cpu_ms ();

      func (data);
      times[i] = cpu_ms () - start;
    }
  return median (times, n);
}

static void
row (const char *what,
     const char *size,
     double      ms,
     const char *note)
{
  g_autofree char *line = g_strdup_printf ("| %s | %s | %.2f ms | %s |\n", what, size, ms,
                                           note != NULL ? note : "");

  fputs (line, stdout);
  fflush (stdout);
  g_string_append (report, line);
}

/* Steps */

typedef struct {
  WaymarkDocument *document;
  GFile           *file;
  const char      *persona_id;
  WaymarkLayout   *previous;
  WaymarkScene    *scene;
  cairo_t         *cr;
  WaymarkRect      clip;
  WaymarkTextCache *text_cache;   /* NULL: draw every text from its outlines */
  double           scroll_step;   /* > 0: each draw scrolls the clip by this */
  double           scroll_range;
  const char      *out;
  WaymarkExportFormat format;
} Step;

static void
step_save (gpointer data)
{
  Step *step = data;
  g_autoptr (GError) error = NULL;

  if (!waymark_format_save_file (step->document, step->file, &error))
    g_error ("save: %s", error->message);
}

static void
step_load (gpointer data)
{
  Step *step = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (step->file, &error);

  if (document == NULL)
    g_error ("load: %s", error->message);
}

static void
step_layout (gpointer data)
{
  Step *step = data;
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (step->document, step->persona_id, NULL,
                                                         step->previous);

  g_assert_nonnull (layout);
}

static void
step_layout_all (gpointer data)
{
  Step *step = data;

  for (guint i = 0; i < waymark_document_get_n_personas (step->document); i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (step->document, i);
      g_autoptr (WaymarkLayout) layout = waymark_layout_new (step->document, persona->base.id,
                                                             NULL, NULL);
    }
}

static void
step_scene (gpointer data)
{
  Step *step = data;
  g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (step->previous);
}

static void
step_draw_clip (gpointer data)
{
  Step *step = data;

  cairo_save (step->cr);
  cairo_set_operator (step->cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_rgb (step->cr, 1, 1, 1);
  cairo_paint (step->cr);
  cairo_restore (step->cr);
  if (step->scroll_step > 0)
    {
      /* Like a user scrolling along the journey: a new strip of cards
       * comes into view at every frame; the rest was drawn before. */
      step->clip.x += step->scroll_step;
      if (step->clip.x > step->scroll_range)
        step->clip.x = 0;
    }
  cairo_save (step->cr);
  cairo_translate (step->cr, -step->clip.x, -step->clip.y);
  waymark_cairo_backend_draw_cached (step->scene, step->cr, &step->clip, step->text_cache);
  cairo_restore (step->cr);
  /* Wait for the pixels: cairo's image backend is synchronous, but be sure. */
  cairo_surface_flush (cairo_get_target (step->cr));
}

static void
step_draw_all_personas (gpointer data)
{
  Step *step = data;

  for (guint i = 0; i < waymark_document_get_n_personas (step->document); i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (step->document, i);
      g_autoptr (WaymarkLayout) layout = waymark_layout_new (step->document, persona->base.id,
                                                             NULL, NULL);
      g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (layout);

      cairo_save (step->cr);
      cairo_set_source_rgb (step->cr, 1, 1, 1);
      cairo_paint (step->cr);
      waymark_cairo_backend_draw (scene, step->cr, NULL);
      cairo_restore (step->cr);
    }
  cairo_surface_flush (cairo_get_target (step->cr));
}

static void
step_export (gpointer data)
{
  Step *step = data;
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;

  waymark_export_options_init (&options);
  options.format = step->format;
  options.persona = step->persona_id;
  options.scale = 1.0;
  if (!waymark_export_to_file (step->document, &options, step->out, NULL, &error))
    g_error ("export: %s", error->message);
}

static void
step_export_svg_all (gpointer data)
{
  Step *step = data;

  for (guint i = 0; i < waymark_document_get_n_personas (step->document); i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (step->document, i);
      g_autofree char *name = g_strdup_printf ("%s-%u.svg", step->out, i + 1);
      WaymarkExportOptions options;
      g_autoptr (GError) error = NULL;

      waymark_export_options_init (&options);
      options.format = WAYMARK_EXPORT_FORMAT_SVG;
      options.persona = persona->base.id;
      if (!waymark_export_to_file (step->document, &options, name, NULL, &error))
        g_error ("export: %s", error->message);
    }
}

/* The child process of the Dia comparison: load, export every persona to SVG. */
static guint
count_cards (WaymarkDocument *document)
{
  guint n = 0;

  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    n += waymark_document_get_persona (document, i)->cards->len;
  return n;
}

/* What `xmllint --noout FILE` does between its start and its exit:
 * libxml2 parses the file into a tree and frees it. Timed here, in this
 * process, beside Waymark's load of the same file: like with like. (The
 * whole processes, start and exit included, are compared by
 * ../shared/bench/peer-bench; docs/performance.md.) */
static void
step_libxml2_tree (gpointer data)
{
  Step *step = data;
  g_autofree char *path = g_file_get_path (step->file);
  g_autofree char *contents = NULL;
  gsize length;
  xmlDocPtr doc;

  /* Read first, as Waymark's loader reads: the loader's deny-all entity
   * loader (process-wide in libxml2) would refuse xmlReadFile() too. */
  if (!g_file_get_contents (path, &contents, &length, NULL) ||
      (doc = xmlReadMemory (contents, (int) length, NULL, NULL, XML_PARSE_NONET)) == NULL)
    g_error ("libxml2 cannot parse %s", path);
  xmlFreeDoc (doc);
}

/* Waymark's load and libxml2's tree parse of @step's file, interleaved
 * (one of each, again and again), so that a change in the machine's load
 * touches both alike; the ratio is taken pair by pair. */
static void
compare_load (Step   *step,
              int     n,
              double *load_ms,
              double *tree_ms,
              double *ratio)
{
  g_autofree double *load = g_new (double, n);
  g_autofree double *tree = g_new (double, n);
  g_autofree double *ratios = g_new (double, n);

  step_load (step);
  step_libxml2_tree (step);
  for (int i = 0; i < n; i++)
    {
      double start = now_ms ();

      step_load (step);
      load[i] = now_ms () - start;
      start = now_ms ();
      step_libxml2_tree (step);
      tree[i] = now_ms () - start;
      ratios[i] = load[i] / MAX (tree[i], 0.001);
    }
  *load_ms = median (load, n);
  *tree_ms = median (tree, n);
  *ratio = median (ratios, n);
}

/* --load-only: that comparison alone, on the large document, with the
 * spread; with --keep FILE the generated document stays there (for
 * profiling). */
static void
print_spread (const char *what,
              const char *unit,
              double     *values,
              int         n)
{
  qsort (values, n, sizeof (double), compare_double);
  printf ("%-36s median %8.2f %-2s  min %8.2f   p25 %8.2f   p75 %8.2f   max %8.2f\n", what,
          median (values, n), unit, values[0], values[n / 4], values[(3 * n) / 4],
          values[n - 1]);
}

static int
bench_load_only (const char *keep)
{
  g_autofree char *path = keep != NULL ? g_strdup (keep)
                                       : g_build_filename (tmp_dir, "large.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (WaymarkDocument) large = fixture_generate (20, 40, 10, 1.25, 2);
  g_autofree double *load = g_new (double, runs);
  g_autofree double *tree = g_new (double, runs);
  g_autofree double *ratio = g_new (double, runs);
  Step step = { 0 };
  GStatBuf st;

  step.document = large;
  step.file = file;
  step_save (&step);
  g_stat (path, &st);
  printf ("large document: %u personas, %u cards, %.2f MB, %s\n",
          waymark_document_get_n_personas (large), count_cards (large), st.st_size / 1e6, path);
  for (int i = 0; i < runs; i++)
    compare_load (&step, 1, &load[i], &tree[i], &ratio[i]);

  printf ("%d interleaved pairs, in this process\n", runs);
  print_spread ("waymark load (parse, checks, model)", "ms", load, runs);
  print_spread ("libxml2 tree parse + free (xmllint)", "ms", tree, runs);
  print_spread ("ratio per pair", "x", ratio, runs);
  printf ("whole processes, start and exit included: ../shared/bench/peer-bench\n");
  return 0;
}

static void
bench_document (const char      *label,
                WaymarkDocument *document,
                gboolean         large)
{
  g_autofree char *path = g_build_filename (tmp_dir, large ? "large.waymark" : "example.waymark",
                                            NULL);
  g_autofree char *pdf = g_build_filename (tmp_dir, "out.pdf", NULL);
  g_autofree char *svg = g_build_filename (tmp_dir, "out.svg", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "out.png", NULL);
  g_autofree char *svg_prefix = g_build_filename (tmp_dir, "all", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  WaymarkPersona *first = waymark_document_get_persona (document, 0);
  g_autofree char *size = NULL;
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkScene) scene = NULL;
  Step step = { 0 };
  double ms, cpu, load_ms;
  double width, height;
  GStatBuf st;

  step.document = document;
  step.file = file;
  step.persona_id = first->base.id;

  step_save (&step);
  g_stat (path, &st);
  size = g_strdup_printf ("%u personas, %u cards, %.1f MB", waymark_document_get_n_personas (document),
                          count_cards (document), st.st_size / 1e6);

  g_string_append_printf (report, "\n### %s (%s)\n\n| Step | Size | Median | Notes |\n"
                                  "|---|---|---|---|\n", label, size);
  printf ("\n### %s (%s)\n", label, size);

  ms = time_median (runs, step_save, &step);
  row ("save", "whole document", ms, "canonical XML, temp file + fsync + rename");
  {
    g_autofree char *note = NULL;
    double tree_ms, ratio;

    compare_load (&step, runs, &load_ms, &tree_ms, &ratio);
    note = g_strdup_printf ("parse + schema and semantic checks + model, in process; beside it, "
                            "interleaved: libxml2's tree parse and free of the same file (what "
                            "`xmllint --noout` does between start and exit), %.2f ms; "
                            "ratio %.2fx", tree_ms, ratio);
    row ("load", "whole document", load_ms, note);
  }

  step.previous = NULL;
  ms = time_median (runs, step_layout, &step);
  row ("layout, cold", "one persona", ms, "every text shaped and wrapped");
  layout = waymark_layout_new (document, first->base.id, NULL, NULL);
  step.previous = layout;
  ms = time_median (runs * 4, step_layout, &step);
  row ("relayout after an edit", "one persona", ms, "unchanged texts reused from the previous layout");
  ms = time_median (runs * 4, step_scene, &step);
  row ("scene build", "one persona", ms, NULL);
  ms = time_median (MAX (runs / 2, 1), step_layout_all, &step);
  row ("layout, cold", "all personas", ms, NULL);

  scene = waymark_scene_new_for_layout (layout);
  waymark_layout_get_size (layout, &width, &height);
  step.scene = scene;
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    g_autofree char *note = NULL;
    WaymarkRect viewport;
    g_autoptr (WaymarkTextCache) text_cache = waymark_text_cache_new (64 * 1024 * 1024);
    WaymarkTextCacheStats stats;

    step.cr = cairo_create (surface);
    /* A busy part of the map: past the title, in the middle of the lanes. */
    viewport = (WaymarkRect) { MIN (800, MAX (0, width - 1920)), MIN (150, MAX (0, height - 1080)),
                               1920, 1080 };

    /* Every text filled from its outlines: what an export or a view
     * without a text cache pays for every frame. */
    step.clip = viewport;
    ms = time_median (runs * 4, step_draw_clip, &step);
    note = g_strdup_printf ("1920×1080 image surface at 100 %%, one persona's map of %.0f×%.0f pt, "
                            "every text filled from its glyph outlines", width, height);
    row ("viewport redraw, uncached", "1920×1080", ms, note);
    g_clear_pointer (&note, g_free);

    /* The canvas's case: the same screenful again (an edit elsewhere, a
     * hover, a selection change), text masks already cached. */
    step.text_cache = text_cache;
    step_draw_clip (&step);
    ms = time_median (runs * 20, step_draw_clip, &step);
    cpu = cpu_time_median (runs * 20, step_draw_clip, &step);
    waymark_text_cache_get_stats (text_cache, &stats);
    note = g_strdup_printf ("as above, with the canvas's text cache warm (%u masks, %.1f MiB); "
                            "CPU time %.2f ms; target < 4 ms: %s", stats.n_entries,
                            stats.bytes / 1048576.0, cpu,
                            MIN (ms, cpu) < 4 ? "**met**" : "**missed**");
    row ("viewport redraw", "1920×1080", ms, note);
    g_clear_pointer (&note, g_free);

    /* Scrolling: each frame moves 60 px right, so a strip of cards is new
     * (the map is wide enough for 100 frames without coming back). */
    step.scroll_step = 60;
    step.scroll_range = MAX (0, width - 1920);
    step.clip.x = 0;
    waymark_text_cache_clear (text_cache);
    step_draw_clip (&step);
    ms = time_median (MAX (1, MIN (runs * 20, (int) (step.scroll_range / 60))), step_draw_clip, &step);
    row ("scrolling frame", "1920×1080", ms,
         "the view moved 60 px right since the last frame: the new strip's text is "
         "rasterised and cached, the rest drawn from the cache");
    step.scroll_step = 0;
    step.clip = viewport;

    /* A new zoom: nothing cached at this scale yet. */
    cairo_scale (step.cr, 1.25, 1.25);
    step.clip.width /= 1.25;
    step.clip.height /= 1.25;
    {
      double times[64];
      int n = MIN (runs * 4, 64);

      for (int i = 0; i < n; i++)
        {
          double start;

          waymark_text_cache_clear (text_cache);
          start = now_ms ();
          step_draw_clip (&step);
          times[i] = now_ms () - start;
        }
      ms = median (times, n);
    }
    row ("first frame at a new zoom", "1920×1080", ms,
         "125 %, text cache empty: every text rasterised into its mask, then drawn");
    step.text_cache = NULL;
    cairo_destroy (step.cr);
    cairo_surface_destroy (surface);
  }
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                           (int) ceil (width), (int) ceil (height));
    g_autofree char *note = g_strdup_printf ("%.0f×%.0f px", ceil (width), ceil (height));

    step.cr = cairo_create (surface);
    step.clip = (WaymarkRect) { 0, 0, width, height };
    ms = time_median (runs, step_draw_clip, &step);
    row ("draw whole map", "one persona", ms, note);
    if (large)
      {
        ms = time_median (MAX (runs / 2, 1), step_draw_all_personas, &step);
        row ("layout + scene + draw whole map", "all personas", ms, NULL);
      }
    cairo_destroy (step.cr);
    cairo_surface_destroy (surface);
  }

  step.out = pdf;
  step.persona_id = NULL;
  step.format = WAYMARK_EXPORT_FORMAT_PDF;
  ms = time_median (MAX (runs / 2, 1), step_export, &step);
  row ("export PDF", "all personas", ms, "one page per persona, fonts embedded");
  step.persona_id = first->base.id;
  ms = time_median (runs, step_export, &step);
  row ("export PDF", "one persona", ms, NULL);
  step.out = svg;
  step.format = WAYMARK_EXPORT_FORMAT_SVG;
  ms = time_median (runs, step_export, &step);
  row ("export SVG", "one persona", ms, NULL);
  step.out = svg_prefix;
  ms = time_median (MAX (runs / 2, 1), step_export_svg_all, &step);
  row ("export SVG", "all personas", ms, "one file per persona");
  step.out = png;
  step.format = WAYMARK_EXPORT_FORMAT_PNG;
  ms = time_median (runs, step_export, &step);
  row ("export PNG", "one persona", ms, "scale 1 (72 dpi)");

}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  const char *markdown = NULL;
  const char *keep = NULL;
  gboolean load_only = FALSE;
  g_autoptr (WaymarkDocument) example = NULL;
  g_autoptr (WaymarkDocument) large = NULL;
  struct rusage usage;
  double start;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          runs = atoi (argv[++i]);
          runs = MAX (runs, 1);
        }
      else if (strcmp (argv[i], "--markdown") == 0 && i + 1 < argc)
        markdown = argv[++i];
      else if (strcmp (argv[i], "--load-only") == 0)
        load_only = TRUE;
      else if (strcmp (argv[i], "--keep") == 0 && i + 1 < argc)
        keep = argv[++i];
      else
        {
          fprintf (stderr, "Usage: waymark-bench [--runs N] [--markdown FILE]\n"
                           "       waymark-bench --load-only [--runs N] [--keep FILE]\n");
          return 2;
        }
    }

  report = g_string_new (NULL);
  tmp_dir = g_dir_make_tmp ("waymark-bench-XXXXXX", &error);
  g_assert_no_error (error);

  if (load_only)
    {
      int status = bench_load_only (keep);
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

      (void) !system (command);
      g_string_free (report, TRUE);
      return status;
    }

  start = now_ms ();
  example = fixture_load_example ();
  if (example == NULL)
    example = fixture_generate (5, 6, 6, 1.2, 1);
  bench_document ("Example size", example, FALSE);
  g_clear_object (&example);

  large = fixture_generate (20, 40, 10, 1.25, 2);
  bench_document ("Large: 20 personas × 40 phases × 10 lanes", large, TRUE);

  getrusage (RUSAGE_SELF, &usage);
  g_string_append_printf (report, "\nPeak memory of the whole benchmark process (both documents, "
                                  "all steps): %.1f MiB (`getrusage` maxrss). Total run: %.0f s.\n",
                          usage.ru_maxrss / 1024.0, (now_ms () - start) / 1000);
  printf ("peak RSS %.1f MiB\n", usage.ru_maxrss / 1024.0);

  if (markdown != NULL)
    {
      if (!g_file_set_contents (markdown, report->str, report->len, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    (void) !system (command);
  }
  g_string_free (report, TRUE);
  return 0;
}

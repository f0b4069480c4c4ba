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
 * times each step (median of N runs) and compares, side by side, loading
 * with `xmllint --noout` and exporting with Dia. With --markdown, writes
 * the results as the body of docs/performance.md.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
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

#define MAXRSS_TAG "waymark-bench-maxrss-kib: "

/* --measure CMD ARGS...: runs CMD and writes its peak RSS to stderr.
 *
 * Why an intermediary: a child's ru_maxrss counts the address space it
 * had before exec(), which for a child of this process (fork() or
 * posix_spawn(), whose child shares our memory until it execs) is the
 * whole benchmark's heap: every command measured as large as we are. This
 * small, freshly exec'd process forks the command instead, so the
 * command's peak is its own (plus this process's few MiB at most). */
static int
measure_child (char **argv)
{
  pid_t pid;
  int status;
  struct rusage usage;

  pid = fork ();
  if (pid < 0)
    return 127;
  if (pid == 0)
    {
      execvp (argv[0], argv);
      _exit (127);
    }
  if (wait4 (pid, &status, 0, &usage) < 0)
    return 127;
  fprintf (stderr, "\n" MAXRSS_TAG "%ld\n", usage.ru_maxrss);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 127;
}

/* Runs a program; returns its wall time (ms) and peak RSS (MiB) from wait4.
 *
 * Started with posix_spawn(), not fork(): glibc spawns without copying
 * this process's page tables, whereas after a fork() every page of our
 * (large) heap is copy-on-write, and the next in-process step paid a page
 * fault for each page it touched. That made a load timed right after an
 * xmllint run about three times slower than one that was not. */
static gboolean
run_measured (char  **argv,
              double *wall_ms,
              double *max_rss_mib,
              char  **stderr_text)
{
  int err_pipe[2];
  pid_t pid;
  int status;
  struct rusage usage;
  double start;
  GString *err = g_string_new (NULL);
  char buf[4096];
  ssize_t n;
  posix_spawn_file_actions_t actions;
  g_auto (GStrv) envp = g_get_environ ();
  g_autofree char *self = NULL;
  g_autofree char **measured_argv = NULL;
  const char *tag;
  int spawn_error;

  if (pipe (err_pipe) != 0)
    {
      g_string_free (err, TRUE);
      return FALSE;
    }
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2 (&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose (&actions, err_pipe[0]);
  posix_spawn_file_actions_addclose (&actions, err_pipe[1]);

  /* For a peak RSS, through `waymark-bench --measure`, so that it is the
   * command's own (see measure_child()); otherwise directly, so that the
   * wall time has no extra process start in it. */
  if (max_rss_mib != NULL)
    {
      self = g_file_read_link ("/proc/self/exe", NULL);
      measured_argv = g_new0 (char *, g_strv_length (argv) + 3);
      measured_argv[0] = self;
      measured_argv[1] = (char *) "--measure";
      memcpy (measured_argv + 2, argv, sizeof (char *) * g_strv_length (argv));
    }

  start = now_ms ();
  if (max_rss_mib != NULL)
    spawn_error = posix_spawn (&pid, self, &actions, NULL, measured_argv, envp);
  else
    spawn_error = posix_spawnp (&pid, argv[0], &actions, NULL, argv, envp);
  posix_spawn_file_actions_destroy (&actions);
  close (err_pipe[1]);
  if (spawn_error != 0)
    {
      close (err_pipe[0]);
      g_string_free (err, TRUE);
      return FALSE;
    }
  while ((n = read (err_pipe[0], buf, sizeof buf)) > 0)
    g_string_append_len (err, buf, n);
  close (err_pipe[0]);
  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      g_string_free (err, TRUE);
      return FALSE;
    }
  *wall_ms = now_ms () - start;
  if (max_rss_mib != NULL)
    {
      tag = strstr (err->str, MAXRSS_TAG);
      if (tag == NULL)
        {
          g_string_free (err, TRUE);
          return FALSE;
        }
      *max_rss_mib = g_ascii_strtod (tag + strlen (MAXRSS_TAG), NULL) / 1024.0;
      /* Drop the tag line and the newline before it. */
      g_string_truncate (err, tag - err->str > 0 ? (gsize) (tag - err->str) - 1 : 0);
    }
  if (stderr_text != NULL)
    *stderr_text = g_string_free (err, FALSE);
  else
    g_string_free (err, TRUE);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
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
static int
child_export_svg (const char *input,
                  const char *out_prefix)
{
  g_autoptr (GFile) file = g_file_new_for_path (input);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  Step step = { 0 };

  if (document == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  step.document = document;
  step.out = out_prefix;
  step_export_svg_all (&step);
  return 0;
}

/* A Dia diagram with the same boxes and texts: every card, phase header
 * and lane header of every persona, personas stacked, text broken into
 * the same lines as in Waymark (Dia does not wrap). */
static void
write_dia (WaymarkDocument *document,
           const char      *path)
{
  GString *s = g_string_new (NULL);
  double offset = 0;
  const double cm = 2.54 / 72;
  guint id = 0;

  g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\">\n"
                      "  <dia:layer name=\"Background\" visible=\"true\" active=\"true\">\n");
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);
      g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, persona->base.id, NULL, NULL);
      g_autoptr (GPtrArray) boxes = g_ptr_array_new ();

#define BOX(rect_, text_, color_)                                                              \
      do {                                                                                     \
        const WaymarkRect *r_ = (rect_);                                                       \
        const WaymarkLayoutText *t_ = (text_);                                                 \
        GString *lines_ = g_string_new (NULL);                                                 \
        for (guint l_ = 0; l_ < t_->n_lines; l_++)                                             \
          {                                                                                    \
            g_autofree char *esc_ = g_markup_escape_text (t_->lines[l_].text, -1);             \
            if (l_ > 0)                                                                        \
              g_string_append_c (lines_, '\n');                                                \
            g_string_append (lines_, esc_);                                                    \
          }                                                                                    \
        g_string_append_printf (s,                                                             \
          "    <dia:object type=\"Flowchart - Box\" version=\"0\" id=\"O%u\">\n"               \
          "      <dia:attribute name=\"obj_pos\"><dia:point val=\"%.3f,%.3f\"/></dia:attribute>\n" \
          "      <dia:attribute name=\"elem_corner\"><dia:point val=\"%.3f,%.3f\"/></dia:attribute>\n" \
          "      <dia:attribute name=\"elem_width\"><dia:real val=\"%.3f\"/></dia:attribute>\n"  \
          "      <dia:attribute name=\"elem_height\"><dia:real val=\"%.3f\"/></dia:attribute>\n" \
          "      <dia:attribute name=\"inner_color\"><dia:color val=\"%s\"/></dia:attribute>\n"  \
          "      <dia:attribute name=\"show_background\"><dia:boolean val=\"true\"/></dia:attribute>\n" \
          "      <dia:attribute name=\"corner_radius\"><dia:real val=\"0.14\"/></dia:attribute>\n" \
          "      <dia:attribute name=\"padding\"><dia:real val=\"0.2\"/></dia:attribute>\n"      \
          "      <dia:attribute name=\"text\"><dia:composite type=\"text\">\n"                 \
          "        <dia:attribute name=\"string\"><dia:string>#%s#</dia:string></dia:attribute>\n" \
          "        <dia:attribute name=\"font\"><dia:font family=\"Cantarell\" style=\"0\" name=\"Helvetica\"/></dia:attribute>\n" \
          "        <dia:attribute name=\"height\"><dia:real val=\"0.3\"/></dia:attribute>\n"     \
          "        <dia:attribute name=\"pos\"><dia:point val=\"%.3f,%.3f\"/></dia:attribute>\n" \
          "        <dia:attribute name=\"color\"><dia:color val=\"#1f2933\"/></dia:attribute>\n" \
          "        <dia:attribute name=\"alignment\"><dia:enum val=\"0\"/></dia:attribute>\n"    \
          "      </dia:composite></dia:attribute>\n"                                           \
          "    </dia:object>\n",                                                               \
          id, r_->x * cm, (r_->y + offset) * cm, r_->x * cm, (r_->y + offset) * cm,            \
          r_->width * cm, r_->height * cm, (color_), lines_->str,                              \
          (r_->x + 7) * cm, (r_->y + offset + 14) * cm);                                       \
        g_string_free (lines_, TRUE);                                                          \
        id++;                                                                                  \
      } while (0)

      for (guint i = 0; i < layout->phases->len; i++)
        {
          WaymarkLayoutPhase *phase = g_ptr_array_index (layout->phases, i);

          BOX (&phase->header, phase->name, "#0072b2");
        }
      for (guint i = 0; i < layout->lanes->len; i++)
        {
          WaymarkLayoutLane *lane = g_ptr_array_index (layout->lanes, i);

          BOX (&lane->header, lane->name, "#e0e8f0");
        }
      for (guint i = 0; i < layout->cards->len; i++)
        {
          WaymarkLayoutCard *card = g_ptr_array_index (layout->cards, i);

          BOX (&card->rect, card->text, "#dbe6f1");
        }
#undef BOX
      offset += layout->height;
    }
  g_string_append (s, "  </dia:layer>\n</dia:diagram>\n");
  if (!g_file_set_contents (path, s->str, s->len, NULL))
    g_error ("cannot write %s", path);
  g_string_free (s, TRUE);
}

static guint
count_cards (WaymarkDocument *document)
{
  guint n = 0;

  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    n += waymark_document_get_persona (document, i)->cards->len;
  return n;
}

static double
xmllint_parse_ms (const char *path)
{
  char *argv[] = { (char *) "xmllint", (char *) "--timing", (char *) "--noout", (char *) path,
                   NULL };
  g_autofree double *times = g_new (double, runs);
  int n = 0;

  for (int i = 0; i < runs; i++)
    {
      g_autofree char *err = NULL;
      double wall;
      const char *p;

      if (!run_measured (argv, &wall, NULL, &err))
        return -1;
      p = strstr (err, "Parsing took ");
      if (p != NULL)
        times[n++] = g_ascii_strtod (p + strlen ("Parsing took "), NULL);
    }
  return n > 0 ? median (times, n) : -1;
}

static double
xmllint_wall_ms (const char *path)
{
  char *argv[] = { (char *) "xmllint", (char *) "--noout", (char *) path, NULL };
  g_autofree double *times = g_new (double, runs);

  for (int i = 0; i < runs; i++)
    if (!run_measured (argv, &times[i], NULL, NULL))
      return -1;
  return median (times, runs);
}

/* --load-only: the load-vs-xmllint comparison alone, on the large
 * document, with the runs interleaved (load, xmllint, load, xmllint, ...)
 * so that a machine whose load changes during the run hurts both sides
 * alike. Prints the median, the spread and the ratio of the medians; with
 * --keep FILE the generated document stays there (for profiling). */
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

/* CPU time (user + system) of the children waited for so far. */
static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
bench_load_only (const char *keep)
{
  g_autofree char *path = keep != NULL ? g_strdup (keep)
                                       : g_build_filename (tmp_dir, "large.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (WaymarkDocument) large = fixture_generate (20, 40, 10, 1.25, 2);
  char *parse_argv[] = { (char *) "xmllint", (char *) "--timing", (char *) "--noout", path, NULL };
  char *wall_argv[] = { (char *) "xmllint", (char *) "--noout", path, NULL };
  g_autofree double *load = g_new (double, runs);
  g_autofree double *lint_parse = g_new (double, runs);
  g_autofree double *lint_wall = g_new (double, runs);
  g_autofree double *ratio = g_new (double, runs);
  g_autofree double *load_cpu = g_new (double, runs);
  g_autofree double *lint_cpu = g_new (double, runs);
  g_autofree double *cpu_ratio = g_new (double, runs);
  Step step = { 0 };
  GStatBuf st;

  step.document = large;
  step.file = file;
  step_save (&step);
  g_stat (path, &st);
  printf ("large document: %u personas, %u cards, %.2f MB, %s\n",
          waymark_document_get_n_personas (large), count_cards (large), st.st_size / 1e6, path);
  /* One warm-up of each: the schema is compiled once per process, and
   * the file should be in the page cache for both. */
  step_load (&step);
  {
    double wall;

    run_measured (wall_argv, &wall, NULL, NULL);
  }

  for (int i = 0; i < runs; i++)
    {
      g_autofree char *err = NULL;
      double start = now_ms (), start_cpu = cpu_ms ();
      const char *p;

      step_load (&step);
      load[i] = now_ms () - start;
      load_cpu[i] = cpu_ms () - start_cpu;
      start_cpu = children_cpu_ms ();
      if (!run_measured (parse_argv, &lint_wall[i], NULL, &err) ||
          (p = strstr (err, "Parsing took ")) == NULL)
        {
          fprintf (stderr, "xmllint --timing failed\n");
          return 1;
        }
      lint_cpu[i] = children_cpu_ms () - start_cpu;
      lint_parse[i] = g_ascii_strtod (p + strlen ("Parsing took "), NULL);
      ratio[i] = load[i] / MAX (lint_parse[i], 0.001);
      cpu_ratio[i] = load_cpu[i] / MAX (lint_cpu[i], 0.001);
      if (!run_measured (wall_argv, &lint_wall[i], NULL, NULL))
        return 1;
    }

  printf ("%d interleaved runs\n", runs);
  print_spread ("waymark load (in process, wall)", "ms", load, runs);
  print_spread ("xmllint --timing (parse, wall)", "ms", lint_parse, runs);
  print_spread ("xmllint --noout (process, wall)", "ms", lint_wall, runs);
  print_spread ("waymark load (CPU time)", "ms", load_cpu, runs);
  print_spread ("xmllint --timing (process CPU time)", "ms", lint_cpu, runs);
  printf ("ratio of medians, load / xmllint parse: %.2fx (target <= 1.5x)\n",
          median (load, runs) / MAX (median (lint_parse, runs), 0.001));
  print_spread ("ratio per interleaved pair, wall", "x", ratio, runs);
  print_spread ("ratio per pair, CPU (xmllint: whole process)", "x", cpu_ratio, runs);
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
  double ms, cpu, lint_parse, lint_wall, load_ms;
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
  load_ms = time_median (runs, step_load, &step);
  lint_parse = xmllint_parse_ms (path);
  lint_wall = xmllint_wall_ms (path);
  {
    g_autofree char *note = NULL;

    note = g_strdup_printf ("parse + RELAX NG/semantic checks + model; vs `xmllint --noout`: "
                            "%.2f ms parse (`--timing`), %.2f ms wall incl. process start; "
                            "ratio %.2fx / %.2fx",
                            lint_parse, lint_wall, load_ms / MAX (lint_parse, 0.001),
                            load_ms / MAX (lint_wall, 0.001));
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

  if (large)
    {
      g_autofree char *dia_file = g_build_filename (tmp_dir, "large.dia", NULL);
      g_autofree char *dia_svg = g_build_filename (tmp_dir, "dia.svg", NULL);
      g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *dia = g_find_program_in_path ("dia");
      double our_ms = 0, our_rss = 0, dia_ms = 0, dia_rss = 0;
      g_autofree double *ours = g_new (double, runs);
      g_autofree double *theirs = g_new (double, runs);
      int n_dia = MAX (runs / 2, 1);

      for (int i = 0; i < n_dia; i++)
        {
          char *argv[] = { self, (char *) "--child-export-svg", path, svg_prefix, NULL };

          if (!run_measured (argv, &ours[i], &our_rss, NULL))
            g_error ("child export failed");
        }
      our_ms = median (ours, n_dia);

      g_string_append (report, "\n#### Side by side: export vs Dia\n\n");
      if (dia == NULL)
        {
          g_string_append (report, "Dia is not installed (`apt-get install dia`): no comparison.\n");
          printf ("dia not installed\n");
        }
      else
        {
          write_dia (document, dia_file);
          for (int i = 0; i < n_dia; i++)
            {
              char *argv[] = { dia, (char *) "-n", (char *) "-e", dia_svg, (char *) "-t",
                               (char *) "svg", dia_file, NULL };

              if (!run_measured (argv, &theirs[i], &dia_rss, NULL))
                g_error ("dia failed");
            }
          dia_ms = median (theirs, n_dia);
          g_string_append_printf (report,
            "Both in a fresh process, from the file on disk to SVG, all %u personas "
            "(Waymark: one SVG per persona; Dia: one diagram holding the same boxes, "
            "that is the %u cards plus every phase and lane header, at the same places and "
            "with the same, already broken, lines of text). Wall time is the median of %d "
            "runs; memory is the command's own peak RSS (`wait4` in a small "
            "intermediary process, so that the benchmark's own heap is not counted).\n\n"
            "| | Wall time | Peak memory |\n|---|---|---|\n"
            "| Waymark (load + export SVG) | %.0f ms | %.1f MiB |\n"
            "| Dia `dia -n -e out.svg -t svg` | %.0f ms | %.1f MiB |\n"
            "| Ratio (target ≤ 0.5 for both) | %.2f | %.2f |\n",
            waymark_document_get_n_personas (document), count_cards (document), n_dia,
            our_ms, our_rss, dia_ms, dia_rss, our_ms / dia_ms, our_rss / dia_rss);
          printf ("ours %.0f ms %.1f MiB, dia %.0f ms %.1f MiB\n", our_ms, our_rss, dia_ms,
                  dia_rss);
        }
    }
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

  if (argc == 4 && strcmp (argv[1], "--child-export-svg") == 0)
    return child_export_svg (argv[2], argv[3]);
  if (argc >= 3 && strcmp (argv[1], "--measure") == 0)
    return measure_child (argv + 2);

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

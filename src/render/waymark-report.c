/* waymark-report.c: the recommendations section of a report
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "waymark-catalog.h"
#include "waymark-lane-style-private.h"
#include "waymark-layout-metrics-private.h"
#include "waymark-priority-matrix.h"
#include "waymark-report-private.h"
#include "waymark-report.h"

/* The section's own words are in the document's language (waymark-catalog.h). */
#define T_(language, msgid) waymark_catalog_gettext (language, msgid)

/* A domain without a colour of its own: a slate that sits with the inks. */
#define NO_DOMAIN_COLOR RGB (0x5b6b7d)

#define A4_LONG        841.890
#define A4_SHORT       595.276
#define GAP            14.0    /* between columns */
#define ROW_PAD        7.0     /* above and below a row's contents */
#define DISC           16.0    /* a recommendation's number */
#define PIP            2.6     /* radius of a score's pip */
#define PIP_STEP       7.4
#define HEADING_HEIGHT 24.0
#define MAX_DESCRIPTION_LINES 14
#define MAX_CELL_CARDS 6
#define MAX_CARD_LINES 3
#define MIN_PERSONA_COLUMN 112.0
#define TITLE_COLUMN   168.0   /* the traceability table's first column */

/* How a report shows each status: a pill in its hue. In the order of
 * WaymarkStatus; the labels come from core's table. */
static const guint32 status_hues[] = {
  [WAYMARK_STATUS_OPEN] = 0x5b6b7d,
  [WAYMARK_STATUS_IN_PROGRESS] = 0x1c71d8,
  [WAYMARK_STATUS_DONE] = 0x26a269,
  [WAYMARK_STATUS_DROPPED] = 0x9aa5b1,
};
G_STATIC_ASSERT (G_N_ELEMENTS (status_hues) == WAYMARK_N_STATUSES);

struct _WaymarkReport {
  gatomicrefcount  ref_count;
  GPtrArray       *pages;    /* WaymarkScene* */
  GPtrArray       *layouts;  /* WaymarkLayout*, each page's, until its footer is placed */
  GPtrArray       *titles;   /* char*, NULL for a continued page */
};

/* The columns of the list of recommendations: x and width of each. */
typedef struct {
  double number_x;
  double text_x, text_width;
  double status_x, status_width;
  double value_x, effort_x, score_width;
  double reach_x, reach_width;
} ListColumns;

typedef struct {
  WaymarkReport              *self;
  WaymarkDocument            *document;
  const char                 *language;
  const WaymarkReportOptions *options;
  GPtrArray                  *list;      /* the recommendations, numbered in this order */
  WaymarkLayout              *scratch;   /* measures what is not drawn yet */
  /* the page being built */
  WaymarkLayout              *page;
  WaymarkScene               *scene;
  WaymarkSceneBuilder         draw;
  double                      y;
  double                      top;       /* where the page's content starts */
  double                      bottom;    /* where it must end */
  double                      width;     /* of the content */
} Builder;

WaymarkColor
waymark_report_domain_color (const WaymarkDomain *domain,
                             WaymarkPalette       palette)
{
  WaymarkColor color = NO_DOMAIN_COLOR;

  if (domain != NULL && domain->color[0] != '\0' && !waymark_color_parse (domain->color, &color))
    color = NO_DOMAIN_COLOR;
  return waymark_palette_filter (palette, &color);
}

void
waymark_report_options_init (WaymarkReportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->palette = WAYMARK_PALETTE_STANDARD;
  options->page_width = A4_LONG;
  options->page_height = A4_SHORT;
}

/* Measuring and drawing ---------------------------------------------------
 * Every part is built by one function twice: first to measure it (@draw
 * FALSE: texts measured in the scratch layout, nothing added), so that a
 * page breaks before a part that does not fit, then to draw it on the
 * page. */

static WaymarkLayoutText *
measure (Builder          *builder,
         gboolean          draw,
         WaymarkTextStyle  style,
         const char       *text,
         double            width,
         int               max_lines)
{
  return waymark_layout_measure (draw ? builder->page : builder->scratch, style, text,
                                 MAX (width, 0), max_lines, WAYMARK_TEXT_ALIGN_LEFT);
}

static void
add_text (Builder           *builder,
          gboolean           draw,
          WaymarkLayoutText *text,
          double             x,
          double             y,
          WaymarkColor       color)
{
  if (draw)
    waymark_scene_builder_add_text (&builder->draw, text, x, y, color);
}

static WaymarkColor
domain_color_of (Builder                     *builder,
                 const WaymarkRecommendation *recommendation)
{
  return waymark_report_domain_color (
    waymark_document_find_domain (builder->document, recommendation->domain_id),
    WAYMARK_PALETTE_STANDARD);
}

static guint
number_of (Builder                     *builder,
           const WaymarkRecommendation *recommendation)
{
  guint index = 0;

  g_ptr_array_find (builder->list, recommendation, &index);
  return index + 1;
}

/* A recommendation's number on a disc in its domain's colour, as in the
 * priority matrix; a dropped one is a ring. */
static void
add_number (Builder                     *builder,
            const WaymarkRecommendation *recommendation,
            double                       x,
            double                       y)
{
  g_autofree char *digits = g_strdup_printf ("%u", number_of (builder, recommendation));
  WaymarkColor color = domain_color_of (builder, recommendation);
  gboolean dropped = recommendation->status == WAYMARK_STATUS_DROPPED;
  WaymarkLayoutText *text = measure (builder, TRUE, WAYMARK_TEXT_PHASE_NUMBER, digits, 0, 1);
  double r = DISC / 2;

  waymark_scene_builder_add_circle (&builder->draw, x + r, y + r, dropped ? r - 0.75 : r,
                                    dropped ? WHITE : color, dropped ? color : NONE,
                                    dropped ? 1.5 : 0);
  waymark_scene_builder_add_text (&builder->draw, text, x + r - text->width / 2,
                                  y + r - text->height / 2,
                                  dropped ? color : waymark_scene_builder_ink_on (&builder->draw,
                                                                                  color));
}

/* Pages ---------------------------------------------------------------- */

static void
page_begin (Builder    *builder,
            const char *title,
            const char *subtitle,
            gboolean    continued)
{
  WaymarkRenderOptions render_options;
  const WaymarkReportOptions *options = builder->options;
  WaymarkLayoutText *text;
  double width = options->page_width;
  g_autofree char *heading = NULL;

  waymark_render_options_init (&render_options);
  render_options.palette = options->palette;
  render_options.show_footer = options->show_footer;
  builder->page = waymark_layout_new_for_page (waymark_document_get_title (builder->document),
                                               title, &render_options);
  builder->page->width = width;
  builder->scene = waymark_scene_new_composed (builder->page);
  builder->draw = (WaymarkSceneBuilder) { builder->scene, builder->page, options->palette };
  builder->width = width - 2 * MARGIN;

  waymark_scene_builder_begin_group (&builder->draw, NULL, "report-page");
  builder->y = MARGIN;
  /* TRANSLATORS: a report's heading on the pages after the first of a
   * part, e.g. "Recommendations (continued)" */
  heading = continued ? g_strdup_printf (T_ (builder->language, N_("%s (continued)")), title)
                      : g_strdup (title);
  text = measure (builder, TRUE, continued ? WAYMARK_TEXT_HEADING : WAYMARK_TEXT_PERSONA_NAME,
                  heading, builder->width, 1);
  waymark_scene_builder_add_text (&builder->draw, text, MARGIN, builder->y, INK);
  builder->y += text->height + 3;
  if (subtitle != NULL && !continued)
    {
      text = measure (builder, TRUE, WAYMARK_TEXT_AMBITION, subtitle, builder->width, 3);
      waymark_scene_builder_add_text (&builder->draw, text, MARGIN, builder->y, INK_SOFT);
      builder->y += text->height;
    }
  builder->y += 16;
  builder->top = builder->y;
  builder->bottom = options->page_height > 0
                    ? options->page_height - MARGIN - (options->show_footer ? FOOTER_HEIGHT + 8 : 0)
                    : G_MAXDOUBLE;

  g_ptr_array_add (builder->self->titles, continued ? NULL : g_strdup (title));
}

/* Ends the page; its footer waits for the number of pages
 * (finish_pages). */
static void
page_end (Builder *builder)
{
  const WaymarkReportOptions *options = builder->options;

  waymark_scene_builder_end_group (&builder->draw);
  if (options->page_height > 0)
    builder->page->height = options->page_height;
  else
    builder->page->height = builder->y + 6 + (options->show_footer ? FOOTER_HEIGHT + 8 : 0)
                            + MARGIN;
  g_ptr_array_add (builder->self->pages, g_steal_pointer (&builder->scene));
  g_ptr_array_add (builder->self->layouts, g_steal_pointer (&builder->page));
}

/* Numbers the pages now that their count is known, and finishes them. */
static void
finish_pages (WaymarkReport              *self,
              const WaymarkReportOptions *options)
{
  int n_pages = options->first_page > 0
                ? options->first_page - 1 + (int) self->pages->len + options->n_pages_after
                : 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      WaymarkScene *scene = g_ptr_array_index (self->pages, i);
      WaymarkLayout *page = g_ptr_array_index (self->layouts, i);

      if (options->show_footer)
        {
          WaymarkSceneBuilder draw = { scene, page, options->palette };

          page->options.page_number = options->first_page > 0 ? options->first_page + (int) i : 0;
          page->options.n_pages = n_pages;
          waymark_layout_place_footer (page, NULL, page->height - MARGIN - FOOTER_HEIGHT);
          waymark_scene_builder_add_footer (&draw);
        }
      waymark_scene_compose_finish (scene);
    }
  g_ptr_array_set_size (self->layouts, 0);
}

/* Whether @height more fits on the page; a page that holds nothing yet
 * takes anything, so that a very tall part still gets printed. */
static gboolean
fits (Builder *builder,
      double   height)
{
  return builder->y + height <= builder->bottom || builder->y <= builder->top + 0.5;
}

/* The list of recommendations ------------------------------------------- */

static void
list_columns (Builder     *builder,
              ListColumns *columns)
{
  double x = MARGIN;
  double right = MARGIN + builder->width;

  columns->reach_width = 112;
  columns->score_width = 52;
  columns->status_width = 96;
  columns->number_x = x;
  columns->text_x = x + DISC + 10;
  columns->reach_x = right - columns->reach_width;
  columns->effort_x = columns->reach_x - GAP - columns->score_width;
  columns->value_x = columns->effort_x - 6 - columns->score_width;
  columns->status_x = columns->value_x - GAP - columns->status_width;
  columns->text_width = columns->status_x - GAP - columns->text_x;
}

/* The headings of the list's columns, and a rule below them. */
static double
list_header (Builder           *builder,
             gboolean           draw,
             const ListColumns *columns,
             double             y)
{
  const struct { const char *label; double x; } heads[] = {
    { N_("Recommendation"), columns->text_x },
    { N_("Status and owner"), columns->status_x },
    { N_("Value"), columns->value_x },
    { N_("Effort"), columns->effort_x },
    { N_("Addresses"), columns->reach_x },
  };
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    {
      WaymarkLayoutText *text = measure (builder, draw, WAYMARK_TEXT_LEGEND,
                                         T_ (builder->language, heads[i].label), 0, 1);

      add_text (builder, draw, text, heads[i].x, y, INK_FAINT);
      height = MAX (height, text->height);
    }
  if (draw)
    {
      WaymarkRect rule = { MARGIN, y + height + 4, builder->width, 0.8 };

      waymark_scene_builder_add_box (&builder->draw, &rule, 0, INK_FAINT, NONE, 0);
    }
  return height + 5;
}

/* A domain's heading: a band in a tint of its colour, a bar of it on the
 * left, its name and how many recommendations it holds. */
static double
domain_heading (Builder             *builder,
                gboolean             draw,
                const WaymarkDomain *domain,
                guint                n_recommendations,
                double               y)
{
  WaymarkColor color = waymark_report_domain_color (domain, WAYMARK_PALETTE_STANDARD);
  const char *name = domain != NULL ? domain->name : T_ (builder->language, N_("In no domain"));
  g_autofree char *count = g_strdup_printf (waymark_catalog_ngettext (builder->language,
                                                                      "%u recommendation",
                                                                      "%u recommendations",
                                                                      n_recommendations),
                                            n_recommendations);
  WaymarkLayoutText *count_text = measure (builder, draw, WAYMARK_TEXT_DESCRIPTION, count, 0, 1);
  WaymarkLayoutText *name_text = measure (builder, draw, WAYMARK_TEXT_HEADING, name,
                                          builder->width - 24 - count_text->width - 20, 2);
  double height = MAX (HEADING_HEIGHT, name_text->height + 10);

  if (draw)
    {
      WaymarkRect band = { MARGIN, y, builder->width, height };
      WaymarkRect bar = { MARGIN, y, 5, height };

      waymark_scene_builder_begin_group (&builder->draw, domain != NULL ? domain->base.id : NULL,
                                         "domain");
      waymark_scene_builder_add_box (&builder->draw, &band, 0, waymark_color_tint (&color, 0.88),
                                     NONE, 0);
      waymark_scene_builder_add_box (&builder->draw, &bar, 0, color, NONE, 0);
      waymark_scene_builder_add_text (&builder->draw, name_text, MARGIN + 14,
                                      y + (height - name_text->height) / 2,
                                      waymark_color_shade (&color, 0.45));
      waymark_scene_builder_add_text (&builder->draw, count_text,
                                      MARGIN + builder->width - 10 - count_text->width,
                                      y + (height - count_text->height) / 2, INK_SOFT);
      waymark_scene_builder_end_group (&builder->draw);
    }
  return height;
}

/* A score as five pips, as many filled as it is, and its digit; "—" when
 * not scored. */
static double
score_cell (Builder    *builder,
            gboolean    draw,
            int         score,
            double      x,
            double      y)
{
  WaymarkLayoutText *text;

  if (score == WAYMARK_SCORE_UNSET)
    {
      text = measure (builder, draw, WAYMARK_TEXT_DESCRIPTION, "—", 0, 1);
      add_text (builder, draw, text, x, y, INK_FAINT);
      return text->height;
    }
  {
    g_autofree char *digit = g_strdup_printf ("%d", score);

    text = measure (builder, draw, WAYMARK_TEXT_LEGEND, digit, 0, 1);
    if (draw)
      {
        for (int s = WAYMARK_SCORE_MIN; s <= WAYMARK_SCORE_MAX; s++)
          waymark_scene_builder_add_circle (&builder->draw, x + PIP + (s - 1) * PIP_STEP,
                                            y + text->height / 2, PIP,
                                            s <= score ? INK_SOFT : RULE, NONE, 0);
        waymark_scene_builder_add_text (&builder->draw, text,
                                        x + 5 * PIP_STEP + 3, y, INK);
      }
    return text->height;
  }
}

static double
list_row (Builder                     *builder,
          gboolean                     draw,
          const ListColumns           *columns,
          const WaymarkRecommendation *recommendation,
          double                       y)
{
  WaymarkStatus status = recommendation->status;
  WaymarkColor hue = RGB (status_hues[MIN (status, WAYMARK_N_STATUSES - 1)]);
  WaymarkReach reach;
  WaymarkLayoutText *title, *description = NULL, *status_text, *owner = NULL;
  WaymarkLayoutText *reach_text, *reach_more;
  g_autofree char *barriers = NULL;
  g_autofree char *more = NULL;
  double top = y + ROW_PAD, text_y, status_y, height;

  waymark_document_get_reach (builder->document, recommendation->base.id, &reach);

  title = measure (builder, draw, WAYMARK_TEXT_PHASE_NAME,
                   recommendation->title[0] != '\0' ? recommendation->title
                                                    : recommendation->base.id,
                   columns->text_width, 3);
  if (recommendation->description[0] != '\0')
    description = measure (builder, draw, WAYMARK_TEXT_DESCRIPTION, recommendation->description,
                           columns->text_width, MAX_DESCRIPTION_LINES);
  text_y = top + title->height + (description != NULL ? 3 + description->height : 0);

  status_text = measure (builder, draw, WAYMARK_TEXT_CHIP,
                         waymark_status_get_label_in (status, builder->language),
                         columns->status_width - 12, 1);
  status_y = top + status_text->height + 6;
  if (recommendation->owner[0] != '\0')
    {
      owner = measure (builder, draw, WAYMARK_TEXT_EVIDENCE, recommendation->owner,
                       columns->status_width, 3);
      status_y += 4 + owner->height;
    }

  if (reach.n_barriers > 0)
    barriers = g_strdup_printf (waymark_catalog_ngettext (builder->language, "%u barrier",
                                                          "%u barriers", reach.n_barriers),
                                reach.n_barriers);
  else
    barriers = g_strdup (T_ (builder->language, N_("no barrier yet")));
  reach_text = measure (builder, draw, WAYMARK_TEXT_STRONG, barriers, columns->reach_width, 2);
  if (reach.n_cards > reach.n_barriers)
    {
      g_autofree char *others =
        g_strdup_printf (waymark_catalog_ngettext (builder->language, "%u other card",
                                                   "%u other cards",
                                                   reach.n_cards - reach.n_barriers),
                         reach.n_cards - reach.n_barriers);
      g_autofree char *personas =
        g_strdup_printf (waymark_catalog_ngettext (builder->language, "%u persona",
                                                   "%u personas", reach.n_personas),
                         reach.n_personas);

      more = g_strdup_printf ("+ %s\n%s", others, personas);
    }
  else if (reach.n_personas > 0)
    more = g_strdup_printf (waymark_catalog_ngettext (builder->language, "%u persona",
                                                      "%u personas", reach.n_personas),
                            reach.n_personas);
  reach_more = more != NULL ? measure (builder, draw, WAYMARK_TEXT_EVIDENCE, more,
                                       columns->reach_width, 3)
                            : NULL;

  height = MAX (text_y, status_y);
  height = MAX (height, top + DISC);
  height = MAX (height, top + reach_text->height + (reach_more != NULL ? 2 + reach_more->height
                                                                        : 0));
  height = height + ROW_PAD - y;

  if (draw)
    {
      WaymarkRect pill = { columns->status_x, top, status_text->width + 12,
                           status_text->height + 5 };
      WaymarkRect rule = { columns->text_x, y + height - 0.5, MARGIN + builder->width
                                                              - columns->text_x, 0.5 };

      waymark_scene_builder_begin_group (&builder->draw, recommendation->base.id,
                                         "recommendation");
      add_number (builder, recommendation, columns->number_x, top - 1);
      waymark_scene_builder_add_text (&builder->draw, title, columns->text_x, top, INK);
      if (description != NULL)
        waymark_scene_builder_add_text (&builder->draw, description, columns->text_x,
                                        top + title->height + 3, INK_SOFT);

      waymark_scene_builder_add_box (&builder->draw, &pill, pill.height / 2,
                                     waymark_color_tint (&hue, 0.82), NONE, 0);
      waymark_scene_builder_add_text (&builder->draw, status_text, pill.x + 6, pill.y + 2.5,
                                      waymark_color_shade (&hue, 0.5));
      if (owner != NULL)
        waymark_scene_builder_add_text (&builder->draw, owner, columns->status_x,
                                        pill.y + pill.height + 4, INK_SOFT);

      score_cell (builder, TRUE, recommendation->value, columns->value_x, top + 1);
      score_cell (builder, TRUE, recommendation->effort, columns->effort_x, top + 1);

      waymark_scene_builder_add_text (&builder->draw, reach_text, columns->reach_x, top + 1,
                                      reach.n_barriers > 0 ? INK : INK_FAINT);
      if (reach_more != NULL)
        waymark_scene_builder_add_text (&builder->draw, reach_more, columns->reach_x,
                                        top + 1 + reach_text->height + 2, INK_SOFT);
      waymark_scene_builder_add_box (&builder->draw, &rule, 0, RULE, NONE, 0);
      waymark_scene_builder_end_group (&builder->draw);
    }
  return height;
}

static char *
list_subtitle (Builder *builder)
{
  GString *subtitle = g_string_new (NULL);
  const char *title = waymark_document_get_title (builder->document);
  guint n_domains = waymark_document_get_domains (builder->document)->len;
  guint n_barriers = 0;
  guint n_addressed = waymark_document_count_addressed_barriers (builder->document, &n_barriers);

  if (title[0] != '\0')
    g_string_append_printf (subtitle, "%s  ·  ", title);
  g_string_append_printf (subtitle,
                          waymark_catalog_ngettext (builder->language, "%u recommendation",
                                                    "%u recommendations", builder->list->len),
                          builder->list->len);
  if (n_domains > 0)
    {
      g_string_append (subtitle, "  ·  ");
      g_string_append_printf (subtitle,
                              waymark_catalog_ngettext (builder->language, "%u domain",
                                                        "%u domains", n_domains),
                              n_domains);
    }
  if (n_barriers > 0)
    {
      g_string_append (subtitle, "  ·  ");
      /* TRANSLATORS: "29 of 35 barriers addressed" */
      g_string_append_printf (subtitle, T_ (builder->language, N_("%u of %u barriers addressed")),
                              n_addressed, n_barriers);
    }
  return g_string_free (subtitle, FALSE);
}

static void
build_list (Builder *builder)
{
  const char *title = T_ (builder->language, N_("Recommendations"));
  g_autofree char *subtitle = list_subtitle (builder);
  GPtrArray *domains = waymark_document_get_domains (builder->document);
  ListColumns columns;

  page_begin (builder, title, subtitle, FALSE);
  list_columns (builder, &columns);
  builder->y += list_header (builder, TRUE, &columns, builder->y);

  for (guint d = 0; d <= domains->len; d++)
    {
      const WaymarkDomain *domain = d < domains->len ? g_ptr_array_index (domains, d) : NULL;
      g_autoptr (GPtrArray) in_domain =
        waymark_document_list_domain_recommendations (builder->document,
                                                      domain != NULL ? domain->base.id : NULL);
      double heading;

      if (in_domain->len == 0)
        continue;
      /* A heading stays with the first recommendation under it. */
      heading = domain_heading (builder, FALSE, domain, in_domain->len, 0) + 2;
      if (!fits (builder, 8 + heading + list_row (builder, FALSE, &columns,
                                                  g_ptr_array_index (in_domain, 0), 0)))
        {
          page_end (builder);
          page_begin (builder, title, NULL, TRUE);
          builder->y += list_header (builder, TRUE, &columns, builder->y);
        }
      builder->y += 8;
      builder->y += domain_heading (builder, TRUE, domain, in_domain->len, builder->y) + 2;

      for (guint i = 0; i < in_domain->len; i++)
        {
          const WaymarkRecommendation *recommendation = g_ptr_array_index (in_domain, i);
          double height = list_row (builder, FALSE, &columns, recommendation, 0);

          if (!fits (builder, height))
            {
              page_end (builder);
              page_begin (builder, title, NULL, TRUE);
              builder->y += list_header (builder, TRUE, &columns, builder->y);
              builder->y += 8;
              builder->y += domain_heading (builder, TRUE, domain, in_domain->len,
                                            builder->y) + 2;
            }
          builder->y += list_row (builder, TRUE, &columns, recommendation, builder->y);
        }
    }
  page_end (builder);
}

/* The traceability table ------------------------------------------------ */

/* The personas of one table: a page holds as many columns as stay
 * readable, further personas go to a table of their own. */
typedef struct {
  guint  first;
  guint  n;
  double column_width;
} PersonaColumns;

static double
trace_header (Builder              *builder,
              gboolean              draw,
              const PersonaColumns *columns,
              double                y)
{
  WaymarkLayoutText *text;
  double height;

  text = measure (builder, draw, WAYMARK_TEXT_LEGEND,
                  T_ (builder->language, N_("Recommendation")), TITLE_COLUMN, 1);
  add_text (builder, draw, text, MARGIN, y, INK_FAINT);
  height = text->height;
  for (guint i = 0; i < columns->n; i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (builder->document,
                                                              columns->first + i);
      double x = MARGIN + TITLE_COLUMN + i * columns->column_width;
      WaymarkColor color = INK_FAINT;

      if (persona->color[0] != '\0')
        waymark_color_parse (persona->color, &color);
      text = measure (builder, draw, WAYMARK_TEXT_LANE_NAME,
                      persona->name[0] != '\0' ? persona->name : persona->base.id,
                      columns->column_width - 8 - 12, 3);
      if (draw)
        {
          waymark_scene_builder_add_circle (&builder->draw, x + 8 + 3.5, y + 6, 3.5, color,
                                            NONE, 0);
          waymark_scene_builder_add_text (&builder->draw, text, x + 8 + 11, y, INK);
        }
      height = MAX (height, text->height);
    }
  if (draw)
    {
      WaymarkRect rule = { MARGIN, y + height + 4, builder->width, 0.8 };

      waymark_scene_builder_add_box (&builder->draw, &rule, 0, INK_FAINT, NONE, 0);
    }
  return height + 5;
}

/* The cards of @persona that @recommendation addresses, in its order. */
static GPtrArray *
cards_in_persona (Builder                     *builder,
                  const WaymarkRecommendation *recommendation,
                  WaymarkPersona              *persona)
{
  GPtrArray *cards = g_ptr_array_new ();

  for (guint i = 0; recommendation->cards[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_persona_find_card (persona, recommendation->cards[i]);

      if (card != NULL)
        g_ptr_array_add (cards, card);
    }
  return cards;
}

/* The phases of @persona that @targets reach, by name, in journey order. */
static char *
phases_in_persona (GArray         *targets,
                   WaymarkPersona *persona)
{
  GString *phases = g_string_new (NULL);

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const WaymarkTarget *target = &g_array_index (targets, WaymarkTarget, i);

      if (target->persona != persona)
        continue;
      if (phases->len > 0)
        g_string_append (phases, " · ");
      g_string_append (phases, target->phase->name[0] != '\0' ? target->phase->name
                                                              : target->phase->base.id);
    }
  return g_string_free (phases, FALSE);
}

/* One cell: the phases, then each card with its kind's icon. */
static double
trace_cell (Builder                     *builder,
            gboolean                     draw,
            const WaymarkRecommendation *recommendation,
            GArray                      *targets,
            WaymarkPersona              *persona,
            double                       x,
            double                       y,
            double                       width)
{
  g_autoptr (GPtrArray) cards = cards_in_persona (builder, recommendation, persona);
  g_autofree char *phases = NULL;
  WaymarkLayoutText *text;
  double top = y;
  const double icon = 7.5;

  if (cards->len == 0)
    {
      text = measure (builder, draw, WAYMARK_TEXT_DESCRIPTION, "–", 0, 1);
      add_text (builder, draw, text, x, y, RULE);
      return text->height;
    }
  phases = phases_in_persona (targets, persona);
  text = measure (builder, draw, WAYMARK_TEXT_CHIP, phases, width, 3);
  add_text (builder, draw, text, x, y, INK_SOFT);
  y += text->height + 3;

  for (guint i = 0; i < cards->len && i < MAX_CELL_CARDS; i++)
    {
      WaymarkCard *card = g_ptr_array_index (cards, i);
      WaymarkLane *lane = waymark_persona_find_lane (persona, card->lane_id);
      WaymarkLaneKind kind = lane != NULL ? lane->kind : WAYMARK_LANE_BARRIERS;

      text = measure (builder, draw, WAYMARK_TEXT_EVIDENCE,
                      card->text[0] != '\0' ? card->text : card->base.id, width - icon - 4,
                      MAX_CARD_LINES);
      if (draw)
        {
          WaymarkRect square = { x, y + 0.5, icon, icon };
          WaymarkColor color = waymark_palette_lane_color (WAYMARK_PALETTE_STANDARD, kind);

          if (waymark_lane_style_get (kind)->card.marked)
            waymark_scene_builder_add_kind_icon (&builder->draw, kind, &square, color, WHITE);
          else
            waymark_scene_builder_add_circle (&builder->draw, x + icon / 2, y + icon / 2 + 0.5,
                                              icon * 0.38, color, NONE, 0);
          waymark_scene_builder_add_text (&builder->draw, text, x + icon + 4, y, INK);
        }
      y += text->height + 2.5;
    }
  if (cards->len > MAX_CELL_CARDS)
    {
      guint n = cards->len - MAX_CELL_CARDS;
      g_autofree char *rest = g_strdup_printf (waymark_catalog_ngettext (builder->language,
                                                                         "and %u more",
                                                                         "and %u more", n),
                                               n);

      text = measure (builder, draw, WAYMARK_TEXT_EVIDENCE, rest, width, 1);
      add_text (builder, draw, text, x + icon + 4, y, INK_FAINT);
      y += text->height;
    }
  return y - top;
}

static double
trace_row (Builder                     *builder,
           gboolean                     draw,
           const PersonaColumns        *columns,
           const WaymarkRecommendation *recommendation,
           guint                        row,
           double                       y)
{
  g_autoptr (GArray) targets = waymark_document_get_targets (builder->document,
                                                             recommendation->base.id);
  WaymarkLayoutText *title;
  double top = y + ROW_PAD, height;

  title = measure (builder, draw, WAYMARK_TEXT_STRONG,
                   recommendation->title[0] != '\0' ? recommendation->title
                                                    : recommendation->base.id,
                   TITLE_COLUMN - DISC - 8 - 10, 6);
  height = MAX (DISC, title->height);
  for (guint i = 0; i < columns->n; i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (builder->document,
                                                              columns->first + i);

      height = MAX (height, trace_cell (builder, FALSE, recommendation, targets, persona, 0, 0,
                                        columns->column_width - 16));
    }
  height += 2 * ROW_PAD;

  if (draw)
    {
      WaymarkRect band = { MARGIN, y, builder->width, height };
      WaymarkRect rule = { MARGIN, y + height - 0.5, builder->width, 0.5 };

      waymark_scene_builder_begin_group (&builder->draw, NULL, "traceability-row");
      if (row % 2 == 1)
        waymark_scene_builder_add_box (&builder->draw, &band, 0, RGB (0xf5f7f9), NONE, 0);
      add_number (builder, recommendation, MARGIN + 2, top - 1);
      waymark_scene_builder_add_text (&builder->draw, title, MARGIN + DISC + 8, top + 1, INK);
      for (guint i = 0; i < columns->n; i++)
        {
          WaymarkPersona *persona = waymark_document_get_persona (builder->document,
                                                                  columns->first + i);

          trace_cell (builder, TRUE, recommendation, targets, persona,
                      MARGIN + TITLE_COLUMN + i * columns->column_width + 8, top + 1,
                      columns->column_width - 16);
        }
      waymark_scene_builder_add_box (&builder->draw, &rule, 0, RULE, NONE, 0);
      waymark_scene_builder_end_group (&builder->draw);
    }
  return height;
}

static void
build_traceability (Builder *builder)
{
  const char *title = T_ (builder->language, N_("Traceability"));
  const char *subtitle = T_ (builder->language,
                             N_("Per recommendation and persona: the phases it reaches and the "
                                "barriers and levers it addresses."));
  guint n_personas = waymark_document_get_n_personas (builder->document);
  double width = builder->options->page_width - 2 * MARGIN - TITLE_COLUMN;
  guint per_table = MAX (1, (guint) floor (width / MIN_PERSONA_COLUMN));
  gboolean first_page = TRUE;

  for (guint first = 0; first < n_personas; first += per_table)
    {
      PersonaColumns columns = { first, MIN (per_table, n_personas - first), 0 };

      columns.column_width = width / columns.n;
      page_begin (builder, title, subtitle, !first_page);
      first_page = FALSE;
      builder->y += trace_header (builder, TRUE, &columns, builder->y);
      for (guint i = 0; i < builder->list->len; i++)
        {
          const WaymarkRecommendation *recommendation = g_ptr_array_index (builder->list, i);
          double height = trace_row (builder, FALSE, &columns, recommendation, i, 0);

          if (!fits (builder, height))
            {
              page_end (builder);
              page_begin (builder, title, NULL, TRUE);
              builder->y += trace_header (builder, TRUE, &columns, builder->y);
            }
          builder->y += trace_row (builder, TRUE, &columns, recommendation, i, builder->y);
        }
      page_end (builder);
    }
}

/* The report ------------------------------------------------------------ */

WaymarkReport *
waymark_report_new (WaymarkDocument            *document,
                    const WaymarkReportOptions *options)
{
  WaymarkReport *self;
  WaymarkReportOptions defaults;
  WaymarkRenderOptions render_options;
  Builder builder;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  if (options == NULL)
    {
      waymark_report_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (WaymarkReport, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_scene_unref);
  self->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_layout_unref);
  self->titles = g_ptr_array_new_with_free_func (g_free);

  memset (&builder, 0, sizeof builder);
  builder.self = self;
  builder.document = document;
  builder.language = waymark_document_get_language (document);
  builder.options = options;
  builder.list = waymark_document_list_recommendations_in_order (document);
  if (builder.list->len > 0)
    {
      waymark_render_options_init (&render_options);
      builder.scratch = waymark_layout_new_for_page ("", "", &render_options);
      builder.width = options->page_width - 2 * MARGIN;
      build_list (&builder);
      if (waymark_document_get_n_personas (document) > 0)
        build_traceability (&builder);
      waymark_layout_unref (builder.scratch);
    }
  finish_pages (self, options);
  g_ptr_array_unref (builder.list);
  return self;
}

WaymarkReport *
waymark_report_ref (WaymarkReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_report_unref (WaymarkReport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->pages);
  g_ptr_array_unref (self->layouts);
  g_ptr_array_unref (self->titles);
  g_free (self);
}

guint
waymark_report_get_n_pages (WaymarkReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

WaymarkScene *
waymark_report_get_page (WaymarkReport *self,
                         guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);
  return g_ptr_array_index (self->pages, index);
}

const char *
waymark_report_get_page_title (WaymarkReport *self,
                               guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->titles->len, NULL);
  return g_ptr_array_index (self->titles, index);
}

WaymarkScene *
waymark_report_new_sheet (WaymarkDocument *document,
                          WaymarkPalette   palette,
                          double          *width,
                          double          *height)
{
  g_autoptr (WaymarkReport) report = NULL;
  g_autoptr (WaymarkPriorityMatrix) matrix = NULL;
  g_autoptr (WaymarkLayout) sheet = NULL;
  WaymarkReportOptions options;
  WaymarkPriorityMatrixOptions matrix_options;
  WaymarkRenderOptions render_options;
  WaymarkScene *scene;
  double y = 0, matrix_width, matrix_height;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  waymark_report_options_init (&options);
  options.palette = palette;
  options.page_height = 0;
  report = waymark_report_new (document, &options);
  waymark_priority_matrix_options_init (&matrix_options);
  matrix_options.palette = palette;
  matrix = waymark_priority_matrix_new (document, &matrix_options);
  waymark_priority_matrix_get_size (matrix, &matrix_width, &matrix_height);

  waymark_render_options_init (&render_options);
  render_options.palette = palette;
  sheet = waymark_layout_new_for_page (waymark_document_get_title (document),
                                       T_ (waymark_document_get_language (document),
                                           N_("Recommendations")),
                                       &render_options);
  scene = waymark_scene_new_composed (sheet);
  sheet->width = MAX (options.page_width, matrix_width);
  for (guint i = 0; i < report->pages->len; i++)
    {
      WaymarkScene *page = g_ptr_array_index (report->pages, i);
      WaymarkRect bounds;

      waymark_scene_get_bounds (page, &bounds);
      waymark_scene_compose_append (scene, page, 0, y);
      y += bounds.height;
    }
  waymark_scene_compose_append (scene, waymark_priority_matrix_get_scene (matrix), 0, y);
  sheet->height = y + matrix_height;
  waymark_scene_compose_finish (scene);
  if (width != NULL)
    *width = sheet->width;
  if (height != NULL)
    *height = sheet->height;
  return scene;
}

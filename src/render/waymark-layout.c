/* waymark-layout.c: the geometry of one persona's journey map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-catalog.h"
#include "waymark-lane-style-private.h"
#include "waymark-layout-metrics-private.h"

/* Measured texts
 *
 * A layout keeps the texts it measured (waymark-layout-text.c makes them)
 * in its text cache, keyed by everything that shapes them. */

/* Looks in the previous layout first: relayout after an edit measures
 * only the texts that changed. */
static WaymarkLayoutText *
measure (WaymarkLayout    *self,
         WaymarkLayout    *previous,
         WaymarkTextStyle  style,
         const char       *string,
         double            width,
         int               max_lines,
         WaymarkTextAlign  align)
{
  char *key;
  WaymarkLayoutText *text;

  if (string == NULL)
    string = "";

  key = g_strdup_printf ("%d|%d|%d|%d|%s", style, align, (int) lround (width * 64),
                         max_lines, string);
  text = g_hash_table_lookup (self->text_cache, key);
  if (text == NULL && previous != NULL)
    {
      text = g_hash_table_lookup (previous->text_cache, key);
      if (text != NULL)
        {
          g_hash_table_insert (self->text_cache, key, waymark_layout_text_ref (text));
          return text;
        }
    }
  if (text != NULL)
    {
      g_free (key);
      return text;
    }

  text = waymark_layout_text_new (style, string, width, max_lines, align);
  g_hash_table_insert (self->text_cache, key, text);
  return text;
}

WaymarkLayoutText *
waymark_layout_measure (WaymarkLayout    *self,
                        WaymarkTextStyle  style,
                        const char       *string,
                        double            width,
                        int               max_lines,
                        WaymarkTextAlign  align)
{
  return measure (self, NULL, style, string, width, max_lines, align);
}

/* Construction */

static void
phase_free (gpointer data)
{
  WaymarkLayoutPhase *phase = data;

  g_free (phase->id);
  g_free (phase);
}

static void
lane_free (gpointer data)
{
  WaymarkLayoutLane *lane = data;

  g_free (lane->id);
  g_free (lane->color);
  g_clear_pointer (&lane->points, g_array_unref);
  g_free (lane);
}

static void
card_free (gpointer data)
{
  WaymarkLayoutCard *card = data;

  g_free (card->id);
  g_free (card->color);
  for (guint i = 0; i < card->n_chips; i++)
    g_free (card->chips[i].color);
  g_free (card->chips);
  g_free (card);
}

static void
legend_free (WaymarkLayout *self)
{
  for (guint i = 0; i < self->n_legend_chips; i++)
    g_free (self->legend_chips[i].color);
  g_free (self->legend_chips);
}

static void
profile_column_free (gpointer data)
{
  WaymarkLayoutProfileColumn *column = data;

  g_array_unref (column->items);
  g_free (column);
}

static WaymarkLayoutProfileColumn *
profile_column_new (WaymarkLayout *self,
                    double         x,
                    double         y)
{
  WaymarkLayoutProfileColumn *column = g_new0 (WaymarkLayoutProfileColumn, 1);

  column->items = g_array_new (FALSE, TRUE, sizeof (WaymarkLayoutProfileItem));
  column->rect = rect_make (x, y, PROFILE_COLUMN, 0);
  if (self->profile_columns == NULL)
    self->profile_columns = g_ptr_array_new_with_free_func (profile_column_free);
  g_ptr_array_add (self->profile_columns, column);
  return column;
}

/* A heading in the map's language, then up to PROFILE_MAX_ITEMS of
 * @items (the blank ones have nothing to show) after bullets, and how
 * many more there are. Returns the column's height, 0 when it has none. */
static double
layout_profile_list (WaymarkLayout *self,
                     WaymarkLayout *previous,
                     const char    *heading,
                     char         **items,
                     double         x,
                     double         y)
{
  WaymarkLayoutProfileColumn *column;
  guint n_shown = 0, n_items = 0;
  double ty;

  for (guint i = 0; items[i] != NULL; i++)
    n_items += items[i][0] != '\0';
  if (n_items == 0)
    return 0;

  column = profile_column_new (self, x, y);
  column->heading = measure (self, previous, WAYMARK_TEXT_LEGEND,
                             waymark_catalog_gettext (self->language, heading), PROFILE_COLUMN, 1,
                             WAYMARK_TEXT_ALIGN_LEFT);
  column->heading_rect = rect_make (x, y, column->heading->width, column->heading->height);
  ty = y + column->heading->height + PROFILE_ITEM_GAP;
  for (guint i = 0; items[i] != NULL && n_shown < PROFILE_MAX_ITEMS; i++)
    {
      WaymarkLayoutProfileItem item = { 0 };
      double line;

      if (items[i][0] == '\0')
        continue;
      item.text = measure (self, previous, WAYMARK_TEXT_PROFILE, items[i],
                           PROFILE_COLUMN - PROFILE_BULLET, 3, WAYMARK_TEXT_ALIGN_LEFT);
      item.text_rect = rect_make (x + PROFILE_BULLET, ty, item.text->width, item.text->height);
      /* Centred on the first line. */
      line = item.text->n_lines > 0 ? item.text->height / item.text->n_lines : item.text->height;
      item.bullet = rect_make (x + 1, ty + line / 2 - 1.5, 3, 3);
      g_array_append_val (column->items, item);
      ty += item.text->height + PROFILE_ITEM_GAP;
      n_shown++;
    }
  if (n_items > n_shown)
    {
      g_autofree char *more = g_strdup_printf ("+%u", n_items - n_shown);

      column->more = measure (self, previous, WAYMARK_TEXT_PROFILE, more, 0, 1,
                              WAYMARK_TEXT_ALIGN_LEFT);
      column->more_rect = rect_make (x + PROFILE_BULLET, ty, column->more->width,
                                     column->more->height);
      ty += column->more->height + PROFILE_ITEM_GAP;
    }
  column->rect.height = ty - PROFILE_ITEM_GAP - y;
  return column->rect.height;
}

/* The facts as "label value" rows, the labels bold and their values
 * aligned after the widest label (within reason). */
static double
layout_profile_facts (WaymarkLayout   *self,
                      WaymarkLayout   *previous,
                      GPtrArray       *facts,
                      double           x,
                      double           y)
{
  WaymarkLayoutProfileColumn *column;
  double label_width = 0, ty;
  guint n_shown = 0, n_facts = 0;

  for (guint i = 0; i < facts->len; i++)
    {
      const WaymarkFact *fact = g_ptr_array_index (facts, i);

      n_facts += fact->label[0] != '\0' || fact->value[0] != '\0';
    }
  if (n_facts == 0)
    return 0;

  column = profile_column_new (self, x, y);
  column->heading = measure (self, previous, WAYMARK_TEXT_LEGEND,
                             waymark_catalog_gettext (self->language, N_("Facts")),
                             PROFILE_COLUMN, 1, WAYMARK_TEXT_ALIGN_LEFT);
  column->heading_rect = rect_make (x, y, column->heading->width, column->heading->height);
  ty = y + column->heading->height + PROFILE_ITEM_GAP;
  for (guint i = 0; i < facts->len && n_shown < PROFILE_MAX_ITEMS; i++)
    {
      const WaymarkFact *fact = g_ptr_array_index (facts, i);
      WaymarkLayoutProfileItem item = { 0 };

      if (fact->label[0] == '\0' && fact->value[0] == '\0')
        continue;
      item.label = measure (self, previous, WAYMARK_TEXT_STRONG, fact->label,
                            PROFILE_COLUMN * 0.45, 2, WAYMARK_TEXT_ALIGN_LEFT);
      label_width = MAX (label_width, item.label->width);
      g_array_append_val (column->items, item);
      n_shown++;
    }
  n_shown = 0;
  for (guint i = 0; i < facts->len && n_shown < column->items->len; i++)
    {
      const WaymarkFact *fact = g_ptr_array_index (facts, i);
      WaymarkLayoutProfileItem *item;
      double value_x = x + (label_width > 0 ? label_width + 6 : 0);

      if (fact->label[0] == '\0' && fact->value[0] == '\0')
        continue;
      item = &g_array_index (column->items, WaymarkLayoutProfileItem, n_shown++);
      item->label_rect = rect_make (x, ty, item->label->width, item->label->height);
      item->text = measure (self, previous, WAYMARK_TEXT_PROFILE, fact->value,
                            x + PROFILE_COLUMN - value_x, 3, WAYMARK_TEXT_ALIGN_LEFT);
      item->text_rect = rect_make (value_x, ty, item->text->width, item->text->height);
      ty += MAX (item->label->height, item->text->height) + PROFILE_ITEM_GAP;
    }
  if (n_facts > n_shown)
    {
      g_autofree char *more = g_strdup_printf ("+%u", n_facts - n_shown);

      column->more = measure (self, previous, WAYMARK_TEXT_PROFILE, more, 0, 1,
                              WAYMARK_TEXT_ALIGN_LEFT);
      column->more_rect = rect_make (x, ty, column->more->width, column->more->height);
      ty += column->more->height + PROFILE_ITEM_GAP;
    }
  column->rect.height = ty - PROFILE_ITEM_GAP - y;
  return column->rect.height;
}

static void
move_rect (WaymarkRect *rect,
           double       dx,
           double       dy)
{
  rect->x += dx;
  rect->y += dy;
}

static void
profile_column_move (WaymarkLayoutProfileColumn *column,
                     double                      dx,
                     double                      dy)
{
  move_rect (&column->rect, dx, dy);
  move_rect (&column->heading_rect, dx, dy);
  move_rect (&column->more_rect, dx, dy);
  for (guint i = 0; i < column->items->len; i++)
    {
      WaymarkLayoutProfileItem *item = &g_array_index (column->items, WaymarkLayoutProfileItem, i);

      move_rect (&item->label_rect, dx, dy);
      move_rect (&item->text_rect, dx, dy);
      move_rect (&item->bullet, dx, dy);
    }
}

/* The persona's profile: the quote, then a column per list that has
 * items, in rows that end at @right. Beside the title's text from
 * @beside_x when three columns (or all there are) fit there, otherwise
 * below it from @below_x, @below_y: a narrow map is not made wider by its
 * header. Sets profile_rect (empty without a profile). */
static void
layout_profile (WaymarkLayout        *self,
                WaymarkLayout        *previous,
                const WaymarkPersona *persona,
                double                beside_x,
                double                y,
                double                below_x,
                double                below_y,
                double                right)
{
  static const char * const headings[] = { N_("Goals"), N_("Needs"), N_("Frustrations") };
  char **lists[] = { persona->goals, persona->needs, persona->frustrations };
  const double pitch = PROFILE_COLUMN + PROFILE_COLUMN_GAP;
  double x0, y0, cx, cy, row_height = 0, bottom;
  guint n, per_row;

  self->profile_rect = rect_make (beside_x, y, 0, 0);
  if (!waymark_persona_has_profile (persona))
    return;

  /* Each column at the origin first, then moved to its place. */
  if (persona->quote[0] != '\0')
    {
      WaymarkLayoutProfileColumn *column = profile_column_new (self, 0, 0);
      WaymarkLayoutProfileItem item = { 0 };
      double text_x = PROFILE_QUOTE_BAR + 7;

      column->is_quote = TRUE;
      item.text = measure (self, previous, WAYMARK_TEXT_QUOTE, persona->quote,
                           PROFILE_COLUMN - text_x, 6, WAYMARK_TEXT_ALIGN_LEFT);
      item.text_rect = rect_make (text_x, 1, item.text->width, item.text->height);
      /* The bar beside the quote, as a pull quote has. */
      item.bullet = rect_make (0, 0, PROFILE_QUOTE_BAR, item.text->height + 2);
      g_array_append_val (column->items, item);
      column->rect.height = item.text->height + 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    layout_profile_list (self, previous, headings[i], lists[i], 0, 0);
  layout_profile_facts (self, previous, persona->facts, 0, 0);
  if (self->profile_columns == NULL)
    return;

  n = self->profile_columns->len;
  per_row = (guint) MAX (floor ((right - beside_x + PROFILE_COLUMN_GAP) / pitch), 0);
  if (per_row >= MIN (n, 3))
    {
      x0 = beside_x;
      y0 = y;
    }
  else
    {
      x0 = below_x;
      y0 = below_y;
      per_row = (guint) MAX (floor ((right - below_x + PROFILE_COLUMN_GAP) / pitch), 1);
    }

  cx = x0;
  cy = y0;
  bottom = y0;
  for (guint i = 0; i < n; i++)
    {
      WaymarkLayoutProfileColumn *column = g_ptr_array_index (self->profile_columns, i);

      if (i > 0 && i % per_row == 0)
        {
          cx = x0;
          cy += row_height + PROFILE_ROW_GAP;
          row_height = 0;
        }
      profile_column_move (column, cx, cy);
      row_height = MAX (row_height, column->rect.height);
      bottom = MAX (bottom, cy + column->rect.height);
      cx += pitch;
    }
  self->profile_rect = rect_make (x0, y0, MIN (n, per_row) * pitch - PROFILE_COLUMN_GAP,
                                  ceil (bottom - y0));
}

static void
layout_title_block (WaymarkLayout        *self,
                    WaymarkLayout        *previous,
                    WaymarkDocument      *document,
                    const WaymarkPersona *persona,
                    double                y)
{
  g_autofree char *initials = waymark_persona_dup_initials (persona);
  g_autofree char *doc_title = g_utf8_strup (self->document_title, -1);
  double text_x = MARGIN + AVATAR_SIZE + AVATAR_GAP;
  double text_width = 640;
  double ty = y;

  self->avatar_rect = rect_make (MARGIN, y, AVATAR_SIZE, AVATAR_SIZE);
  self->initials_text = measure (self, previous, WAYMARK_TEXT_AVATAR, initials, 0, 0,
                                 WAYMARK_TEXT_ALIGN_CENTER);

  self->doc_title_text = measure (self, previous, WAYMARK_TEXT_DOC_TITLE, doc_title,
                                  text_width, 1, WAYMARK_TEXT_ALIGN_LEFT);
  self->doc_title_rect = rect_make (text_x, ty, self->doc_title_text->width,
                                    self->doc_title_text->height);
  ty += self->doc_title_text->height + 1;

  self->name_text = measure (self, previous, WAYMARK_TEXT_PERSONA_NAME, persona->name,
                             text_width, 2, WAYMARK_TEXT_ALIGN_LEFT);
  self->name_rect = rect_make (text_x, ty, self->name_text->width, self->name_text->height);
  ty += self->name_text->height;

  if (persona->ambition != NULL && persona->ambition[0] != '\0')
    {
      self->ambition_text = measure (self, previous, WAYMARK_TEXT_AMBITION, persona->ambition,
                                     text_width, 3, WAYMARK_TEXT_ALIGN_LEFT);
      self->ambition_rect = rect_make (text_x, ty + 2, self->ambition_text->width,
                                       self->ambition_text->height);
      ty += self->ambition_text->height + 2;
    }

  if (persona->description != NULL && persona->description[0] != '\0')
    {
      self->description_text = measure (self, previous, WAYMARK_TEXT_DESCRIPTION,
                                        persona->description, text_width, 4,
                                        WAYMARK_TEXT_ALIGN_LEFT);
      self->description_rect = rect_make (text_x, ty + 5, self->description_text->width,
                                          self->description_text->height);
      ty += self->description_text->height + 5;
    }

  self->title_rect = rect_make (MARGIN, y,
                                AVATAR_SIZE + AVATAR_GAP
                                  + MAX (MAX (self->name_text->width, self->doc_title_text->width),
                                         MAX (self->ambition_text ? self->ambition_text->width : 0,
                                              self->description_text ? self->description_text->width : 0)),
                                ceil (MAX (AVATAR_SIZE, ty - y)));

  /* The profile, in the room right of the title up to the grid's right
   * edge, or under the title's text; the title block, which selects the
   * persona, holds it too. A later page of a split map leaves it to the
   * first, for room to the journey. */
  if (!self->options.continued)
    layout_profile (self, previous, persona,
                    self->title_rect.x + self->title_rect.width + PROFILE_GAP, y,
                    text_x, y + self->title_rect.height + PROFILE_ROW_GAP,
                    MARGIN + LANE_HEADER_WIDTH + LANE_HEADER_GAP
                      + MAX (persona->phases->len, 2) * self->column_width);
  if (self->profile_rect.width > 0)
    {
      double right = MAX (self->title_rect.x + self->title_rect.width,
                          self->profile_rect.x + self->profile_rect.width);
      double bottom = MAX (self->title_rect.y + self->title_rect.height,
                           self->profile_rect.y + self->profile_rect.height);

      self->title_rect.width = right - self->title_rect.x;
      self->title_rect.height = bottom - self->title_rect.y;
    }
  (void) document;
}

static double
layout_phase_row (WaymarkLayout        *self,
                  WaymarkLayout        *previous,
                  const WaymarkPersona *persona,
                  const int            *numbers,
                  double                y)
{
  double cw = self->column_width;
  double height = 0;

  for (guint i = 0; i < persona->phases->len; i++)
    {
      const WaymarkPhase *src = g_ptr_array_index (persona->phases, i);
      WaymarkLayoutPhase *phase = g_new0 (WaymarkLayoutPhase, 1);
      g_autofree char *number = g_strdup_printf ("%d", numbers[i]);
      double text_width = cw - PHASE_PAD_X - PHASE_ARROW - 6;

      phase->id = g_strdup (src->base.id);
      phase->index = i;
      phase->number = measure (self, previous, WAYMARK_TEXT_PHASE_NUMBER, number, 0, 0,
                               WAYMARK_TEXT_ALIGN_LEFT);
      phase->name = measure (self, previous, WAYMARK_TEXT_PHASE_NAME, src->name,
                             MAX (text_width, 20), 0, WAYMARK_TEXT_ALIGN_LEFT);
      height = MAX (height, PHASE_PAD_Y * 2 + phase->number->height + 1 + phase->name->height);
      g_ptr_array_add (self->phases, phase);
    }

  height = ceil (MAX (height, 40));
  for (guint i = 0; i < self->phases->len; i++)
    {
      WaymarkLayoutPhase *phase = g_ptr_array_index (self->phases, i);
      double x = self->grid_x + i * cw;

      phase->header = rect_make (x + 1, y, cw - 2, height);
      phase->number_rect = rect_make (x + PHASE_PAD_X, y + PHASE_PAD_Y,
                                      phase->number->width, phase->number->height);
      phase->name_rect = rect_make (x + PHASE_PAD_X, y + PHASE_PAD_Y + phase->number->height + 1,
                                    phase->name->width, phase->name->height);
    }
  self->phase_row = rect_make (self->grid_x, y, self->phases->len * cw, height);
  return height;
}

static void
add_cell_card (WaymarkLayout     *self,
               int                lane_index,
               int                phase_index,
               WaymarkLayoutCard *card)
{
  guint slot = lane_index * self->phases->len + phase_index;

  if (self->cell_cards[slot] == NULL)
    self->cell_cards[slot] = g_ptr_array_new ();
  g_ptr_array_add (self->cell_cards[slot], card);
}

/* A badge's pill around its number: as tall as the number's line box,
 * never narrower than it is tall, so that one digit makes a circle. */
static WaymarkRect
badge_rect_for (const WaymarkLayoutText *number,
                double                   right,
                double                   bottom)
{
  double height = ceil (number->height + 1);
  double width = MAX (height, ceil (number->width + 2 * BADGE_PAD_X));

  return rect_make (right - width, bottom - height, width, height);
}

/* Whether @rect comes near any line of @text drawn at @at: the lines'
 * boxes split the text's height evenly, which is what Pango does for
 * one font. */
static gboolean
badge_hits_text (const WaymarkRect       *rect,
                 const WaymarkLayoutText *text,
                 const WaymarkRect       *at)
{
  double line_height;

  if (text == NULL || text->n_lines == 0)
    return FALSE;
  line_height = text->height / text->n_lines;
  for (guint i = 0; i < text->n_lines; i++)
    {
      WaymarkRect line = rect_make (at->x + text->lines[i].x - BADGE_GAP,
                                    at->y + i * line_height,
                                    text->lines[i].width + 2 * BADGE_GAP, line_height);

      if (line.width > 2 * BADGE_GAP && waymark_rect_intersects (rect, &line))
        return TRUE;
    }
  return FALSE;
}

static gboolean
badge_fits (const WaymarkLayoutCard *card,
            const WaymarkRect       *rect)
{
  if (rect->y < CARD_PAD_Y - 1 || rect->x < CARD_PAD_X
      || badge_hits_text (rect, card->text, &card->text_rect)
      || badge_hits_text (rect, card->evidence, &card->evidence_rect)
      || (card->icon_rect.width > 0 && waymark_rect_intersects (rect, &card->icon_rect)))
    return FALSE;
  for (guint i = 0; i < card->n_chips; i++)
    {
      WaymarkRect chip = card->chips[i].rect;

      chip.width += BADGE_GAP;
      if (waymark_rect_intersects (rect, &chip))
        return FALSE;
    }
  return TRUE;
}

/* Places @card's badge (card coordinates) in its top-right corner, beside
 * the kind's icon when it has one; else at the bottom-right corner of its
 * content, beside the last line; else on a line of its own. @bottom is
 * where the content ends, and the new end is returned. The badge never
 * covers text, a tag chip or the icon. */
static double
place_badge (WaymarkLayout     *self,
             WaymarkLayout     *previous,
             WaymarkLayoutCard *card,
             double             width,
             double             bottom)
{
  g_autofree char *number = g_strdup_printf ("%u", card->n_recommendations);
  double right = width - CARD_PAD_X + 1;
  double first_line = card->text->n_lines > 0 ? card->text->height / card->text->n_lines
                                               : card->text->height;
  WaymarkRect rect;

  card->badge = measure (self, previous, WAYMARK_TEXT_BADGE, number, 0, 1,
                         WAYMARK_TEXT_ALIGN_CENTER);
  rect = badge_rect_for (card->badge, right, 0);
  if (card->icon_rect.width > 0)
    {
      rect.x = card->icon_rect.x - BADGE_GAP - rect.width;
      rect.y = card->icon_rect.y + (card->icon_rect.height - rect.height) / 2;
    }
  else
    rect.y = card->text_rect.y + (first_line - rect.height) / 2;
  if (!badge_fits (card, &rect))
    {
      rect = badge_rect_for (card->badge, right, bottom);
      if (!badge_fits (card, &rect))
        {
          bottom += 2 + rect.height;
          rect = badge_rect_for (card->badge, right, bottom);
        }
    }
  card->badge_rect = rect;
  return bottom;
}

/* Measures a card at its width and gives it a height; its position comes later. */
static WaymarkLayoutCard *
measure_card (WaymarkLayout      *self,
              WaymarkLayout      *previous,
              WaymarkDocument    *document,
              const WaymarkCard  *src,
              WaymarkLayoutLane  *lane,
              int                 phase_index,
              int                 span)
{
  WaymarkLayoutCard *card = g_new0 (WaymarkLayoutCard, 1);
  double width = span * self->column_width - 2 * CELL_PAD;
  double inner_x = CARD_PAD_X;
  double inner_width = width - 2 * CARD_PAD_X;
  double text_width;
  double y = CARD_PAD_Y;
  gboolean has_icon = waymark_lane_style_get (lane->kind)->card.marked;

  card->id = g_strdup (src->base.id);
  card->lane_index = lane->index;
  card->phase_index = phase_index;
  card->span = span;
  card->color = g_strdup (src->color != NULL ? src->color : "");

  if (has_icon)
    {
      inner_x += CARD_ACCENT;
      inner_width -= CARD_ACCENT;
    }
  text_width = inner_width - (has_icon ? CARD_ICON + 4 : 0);

  card->text = measure (self, previous, WAYMARK_TEXT_CARD, src->text, MAX (text_width, 10), 0,
                        WAYMARK_TEXT_ALIGN_LEFT);
  card->text_rect = rect_make (inner_x, y, text_width, card->text->height);
  if (has_icon)
    card->icon_rect = rect_make (width - CARD_PAD_X - CARD_ICON + 1, CARD_PAD_Y + 1,
                                 CARD_ICON, CARD_ICON);
  y += card->text->height;

  if (self->options.show_evidence && src->evidence != NULL && src->evidence[0] != '\0')
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", src->evidence);

      card->evidence = measure (self, previous, WAYMARK_TEXT_EVIDENCE, quoted,
                                MAX (inner_width, 10), 0, WAYMARK_TEXT_ALIGN_LEFT);
      y += 3;
      card->evidence_rect = rect_make (inner_x, y, inner_width, card->evidence->height);
      y += card->evidence->height;
    }

  if (self->options.show_tags && src->tags != NULL && src->tags[0] != NULL)
    {
      guint n = g_strv_length (src->tags);
      double cx = inner_x;
      double row_height = 0;

      y += 4;
      card->chips = g_new0 (WaymarkLayoutChip, n);
      for (guint i = 0; i < n; i++)
        {
          WaymarkTag *tag = waymark_document_find_tag (document, src->tags[i]);
          WaymarkLayoutChip *chip;
          double chip_width;

          if (tag == NULL)
            continue;
          chip = &card->chips[card->n_chips++];
          chip->color = g_strdup (tag->color);
          chip->name = measure (self, previous, WAYMARK_TEXT_CHIP, tag->name,
                                MAX (inner_width - 14, 10), 1, WAYMARK_TEXT_ALIGN_LEFT);
          /* dot, gap, name, padding */
          chip_width = 4 + 5 + 3 + chip->name->width + 5;
          if (cx > inner_x && cx + chip_width > inner_x + inner_width)
            {
              cx = inner_x;
              y += row_height + CHIP_GAP;
              row_height = 0;
            }
          chip->rect = rect_make (cx, y, chip_width, chip->name->height + 3);
          cx += chip_width + CHIP_GAP;
          row_height = MAX (row_height, chip->rect.height);
        }
      y += row_height;
    }

  card->n_recommendations = waymark_document_count_recommendations_for_card (document,
                                                                              src->base.id);
  if (self->options.show_badges && card->n_recommendations > 0)
    y = place_badge (self, previous, card, width, y);

  y += CARD_PAD_Y;
  /* Whole points: at 100 % (and any integer zoom) card edges fall on
   * pixel boundaries, which is crisper and lets cairo fill faster. */
  card->rect = rect_make (0, 0, width, ceil (MAX (y, CARD_MIN_HEIGHT)));
  return card;
}

static void
translate_card (WaymarkLayoutCard *card,
                double             dx,
                double             dy)
{
  card->rect.x += dx;
  card->rect.y += dy;
  card->text_rect.x += dx;
  card->text_rect.y += dy;
  card->evidence_rect.x += dx;
  card->evidence_rect.y += dy;
  card->icon_rect.x += dx;
  card->icon_rect.y += dy;
  card->badge_rect.x += dx;
  card->badge_rect.y += dy;
  for (guint i = 0; i < card->n_chips; i++)
    {
      card->chips[i].rect.x += dx;
      card->chips[i].rect.y += dy;
    }
}

static int
compare_cards_by_phase (gconstpointer a,
                        gconstpointer b)
{
  const WaymarkLayoutCard *ca = *(const WaymarkLayoutCard * const *) a;
  const WaymarkLayoutCard *cb = *(const WaymarkLayoutCard * const *) b;

  if (ca->phase_index != cb->phase_index)
    return ca->phase_index - cb->phase_index;
  return ca->position - cb->position;
}

/* The height kept free below a cell's cards for a card being added. */
#define NEW_CARD_ROOM 32.0

/* Places the cards of one lane like a skyline: each card goes below the
 * lowest card already in any column it covers, so spanning cards never
 * overlap and a row is as tall as its tallest column. Returns the height
 * the cards need. */
static double
layout_card_lane (WaymarkLayout     *self,
                  WaymarkLayoutLane *lane,
                  GPtrArray         *lane_cards,
                  double             y)
{
  guint n_phases = self->phases->len;
  g_autofree double *fill = g_new0 (double, MAX (n_phases, 1));
  double height = 0;

  g_ptr_array_sort (lane_cards, compare_cards_by_phase);
  for (guint i = 0; i < lane_cards->len; i++)
    {
      WaymarkLayoutCard *card = g_ptr_array_index (lane_cards, i);
      double top = 0;

      for (int p = card->phase_index; p < card->phase_index + card->span; p++)
        top = MAX (top, fill[p]);
      translate_card (card, self->grid_x + card->phase_index * self->column_width + CELL_PAD,
                      y + CELL_PAD + top);
      for (int p = card->phase_index; p < card->phase_index + card->span; p++)
        {
          fill[p] = top + card->rect.height + CARD_GAP;
          add_cell_card (self, lane->index, p, card);
        }
      height = MAX (height, top + card->rect.height);
      g_ptr_array_add (self->cards, card);
      g_hash_table_insert (self->card_index, card->id, card);
    }

  if (self->options.room_lane_id != NULL && g_strcmp0 (lane->id, self->options.room_lane_id) == 0)
    for (guint p = 0; p < n_phases; p++)
      if (g_strcmp0 (((WaymarkLayoutPhase *) g_ptr_array_index (self->phases, p))->id,
                     self->options.room_phase_id) == 0)
        height = MAX (height, fill[p] + NEW_CARD_ROOM);

  return MAX (ROW_MIN_HEIGHT, height + 2 * CELL_PAD);
}

double
waymark_layout_emotion_y (const WaymarkLayoutLane *lane,
                          double                   score)
{
  if (lane->scale_max <= lane->scale_min)
    return (lane->plot_top + lane->plot_bottom) / 2;
  return lane->plot_top
         + (lane->scale_max - score) / (lane->scale_max - lane->scale_min)
             * (lane->plot_bottom - lane->plot_top);
}

/* "+2", "0", "−2": a real minus sign, as in a chart. */
static char *
scale_label (int value)
{
  if (value > 0)
    return g_strdup_printf ("+%d", value);
  if (value < 0)
    return g_strdup_printf ("−%d", -value);
  return g_strdup ("0");
}

static void
layout_emotion_lane (WaymarkLayout        *self,
                     WaymarkLayout        *previous,
                     const WaymarkPersona *persona,
                     WaymarkLayoutLane    *lane)
{
  double mid = (lane->scale_min + lane->scale_max) / 2.0;
  g_autofree char *max_label = scale_label (lane->scale_max);
  g_autofree char *min_label = scale_label (lane->scale_min);

  lane->plot_top = lane->row.y + EMOTION_LABEL_ROOM;
  lane->plot_bottom = lane->row.y + lane->row.height - EMOTION_LABEL_ROOM;
  lane->points = g_array_new (FALSE, TRUE, sizeof (WaymarkLayoutEmotion));

  /* A scale at the right edge of the lane header, like a chart's axis. */
  lane->scale_max_text = measure (self, previous, WAYMARK_TEXT_SCALE, max_label, 0, 0,
                                  WAYMARK_TEXT_ALIGN_RIGHT);
  lane->scale_min_text = measure (self, previous, WAYMARK_TEXT_SCALE, min_label, 0, 0,
                                  WAYMARK_TEXT_ALIGN_RIGHT);
  if (lane->scale_min < 0 && lane->scale_max > 0)
    lane->scale_zero_text = measure (self, previous, WAYMARK_TEXT_SCALE, "0", 0, 0,
                                     WAYMARK_TEXT_ALIGN_RIGHT);

  for (guint i = 0; i < persona->emotions->len; i++)
    {
      const WaymarkEmotionPoint *src = g_ptr_array_index (persona->emotions, i);
      WaymarkLayoutEmotion point = { 0 };
      WaymarkLayoutPhase *phase;
      int phase_index;

      if (g_strcmp0 (src->lane_id, lane->id) != 0)
        continue;
      phase_index = waymark_persona_phase_index (persona, src->phase_id);
      if (phase_index < 0)
        continue;
      phase = g_ptr_array_index (self->phases, phase_index);

      point.phase_id = phase->id;
      point.phase_index = phase_index;
      point.score = CLAMP (src->score, lane->scale_min, lane->scale_max);
      point.x = self->grid_x + (phase_index + 0.5) * self->column_width;
      point.y = waymark_layout_emotion_y (lane, point.score);
      point.marker = rect_make (point.x - EMOTION_MARKER, point.y - EMOTION_MARKER,
                                2 * EMOTION_MARKER, 2 * EMOTION_MARKER);
      if (src->label != NULL && src->label[0] != '\0')
        {
          double width = self->column_width - 16;
          double ly;

          point.label = measure (self, previous, WAYMARK_TEXT_EMOTION_LABEL, src->label,
                                 width, 2, WAYMARK_TEXT_ALIGN_CENTER);
          /* Above a high point, below a low one: away from the curve. */
          if (point.score >= mid)
            ly = point.y - EMOTION_MARKER - 4 - point.label->height;
          else
            ly = point.y + EMOTION_MARKER + 4;
          ly = CLAMP (ly, lane->row.y + 2, lane->row.y + lane->row.height - 2 - point.label->height);
          point.label_rect = rect_make (point.x - width / 2, ly, width, point.label->height);
        }
      g_array_append_val (lane->points, point);
    }

  /* By phase, so that the curve runs left to right. */
  for (guint i = 1; i < lane->points->len; i++)
    for (guint j = i; j > 0; j--)
      {
        WaymarkLayoutEmotion *a = &g_array_index (lane->points, WaymarkLayoutEmotion, j - 1);
        WaymarkLayoutEmotion *b = &g_array_index (lane->points, WaymarkLayoutEmotion, j);
        WaymarkLayoutEmotion tmp;

        if (a->phase_index <= b->phase_index)
          break;
        tmp = *a;
        *a = *b;
        *b = tmp;
      }
}

/* Lays out the tag legend from @y: a "Tags" label, then one chip per
 * tag in @used, drawn like the chips on cards, wrapping below the first
 * chip. Returns its height, 0 without tags. */
static double
layout_tag_legend (WaymarkLayout   *self,
                   WaymarkLayout   *previous,
                   WaymarkDocument *document,
                   GHashTable      *used,
                   double           y)
{
  GPtrArray *tags = waymark_document_get_tags (document);
  double right = self->width - MARGIN;
  double chips_x, cx, cy, row_height = 0;

  if (g_hash_table_size (used) == 0)
    return 0;

  self->legend_label = measure (self, previous, WAYMARK_TEXT_LEGEND,
                                waymark_catalog_gettext (self->language, N_("Tags:")), 0, 1,
                                WAYMARK_TEXT_ALIGN_LEFT);
  chips_x = MARGIN + self->legend_label->width + LEGEND_LABEL_GAP;
  cx = chips_x;
  cy = y;
  self->legend_chips = g_new0 (WaymarkLayoutChip, g_hash_table_size (used));
  /* Document order, so that every persona's legend lists its tags alike. */
  for (guint i = 0; i < tags->len && self->n_legend_chips < g_hash_table_size (used); i++)
    {
      const WaymarkTag *tag = g_ptr_array_index (tags, i);
      WaymarkLayoutChip *chip;
      double chip_width;

      if (!g_hash_table_contains (used, tag->base.id))
        continue;
      chip = &self->legend_chips[self->n_legend_chips++];
      chip->color = g_strdup (tag->color);
      chip->name = measure (self, previous, WAYMARK_TEXT_CHIP, tag->name,
                            MAX (right - chips_x - 17, 40), 1, WAYMARK_TEXT_ALIGN_LEFT);
      /* dot, gap, name, padding: as on cards */
      chip_width = 4 + 5 + 3 + chip->name->width + 5;
      if (cx > chips_x && cx + chip_width > right)
        {
          cx = chips_x;
          cy += row_height + LEGEND_ROW_GAP;
          row_height = 0;
        }
      chip->rect = rect_make (cx, cy, chip_width, chip->name->height + 3);
      cx += chip_width + LEGEND_CHIP_GAP;
      row_height = MAX (row_height, chip->rect.height);
    }
  if (self->n_legend_chips == 0)
    {
      self->legend_label = NULL;
      return 0;
    }

  /* The label sits centred on the first row of chips. */
  row_height = MAX (row_height, self->legend_label->height);
  self->legend_label_rect = rect_make (MARGIN,
                                       y + (self->legend_chips[0].rect.height
                                            - self->legend_label->height) / 2,
                                       self->legend_label->width, self->legend_label->height);
  self->legend_rect = rect_make (MARGIN, y, right - MARGIN, cy + row_height - y);
  return ceil (self->legend_rect.height);
}

/* What a card's badge means, on a row of its own below the tags: a
 * sample pill and a caption. Returns its height. */
static double
layout_badge_legend (WaymarkLayout *self,
                     WaymarkLayout *previous,
                     double         y)
{
  double right = self->width - MARGIN;
  double height;
  WaymarkRect pill;

  self->legend_badge = measure (self, previous, WAYMARK_TEXT_BADGE, "n", 0, 1,
                                WAYMARK_TEXT_ALIGN_CENTER);
  self->legend_badge_caption =
    measure (self, previous, WAYMARK_TEXT_SCALE,
             waymark_catalog_gettext (self->language,
                                      N_("the number of recommendations that address the card")),
             MAX (right - MARGIN - 30, 40), 1, WAYMARK_TEXT_ALIGN_LEFT);
  height = MAX (ceil (self->legend_badge->height + 1), self->legend_badge_caption->height);
  pill = badge_rect_for (self->legend_badge, 0, 0);
  self->legend_badge_rect = rect_make (MARGIN, y + (height - pill.height) / 2, pill.width,
                                       pill.height);
  self->legend_badge_caption_rect =
    rect_make (MARGIN + pill.width + LEGEND_LABEL_GAP / 2,
               y + (height - self->legend_badge_caption->height) / 2,
               self->legend_badge_caption->width, self->legend_badge_caption->height);
  return height;
}

/* The legend below the grid: the tags the persona's cards show, and what
 * a badge means when cards have one. Returns its height, 0 for none. */
static double
layout_legend (WaymarkLayout   *self,
               WaymarkLayout   *previous,
               WaymarkDocument *document,
               GHashTable      *used,
               gboolean         badges,
               double           y)
{
  double height = layout_tag_legend (self, previous, document, used, y);

  if (!badges)
    return height;
  if (height > 0)
    height += LEGEND_ROW_GAP + 2;
  height += layout_badge_legend (self, previous, y + height);
  self->legend_rect = rect_make (MARGIN, y, self->width - 2 * MARGIN, height);
  return ceil (height);
}

/* The highlighted cards of the options, as a set. */
static GHashTable *
highlight_set (WaymarkLayout *self)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; self->highlight_card_ids != NULL && self->highlight_card_ids[i] != NULL; i++)
    g_hash_table_add (set, self->highlight_card_ids[i]);
  return set;
}

void
waymark_layout_place_footer (WaymarkLayout *self,
                             WaymarkLayout *previous,
                             double         y)
{
  self->footer_rect = rect_make (MARGIN, y, self->width - 2 * MARGIN, FOOTER_HEIGHT);
  self->footer_title = measure (self, previous, WAYMARK_TEXT_FOOTER, self->document_title,
                                MAX (self->footer_rect.width - 120, 40), 1, WAYMARK_TEXT_ALIGN_LEFT);
  self->footer_title_rect = rect_make (MARGIN, y + 5, self->footer_title->width,
                                       self->footer_title->height);
  if (self->options.page_number > 0)
    {
      g_autofree char *page = NULL;

      if (self->options.n_pages > 0)
        page = g_strdup_printf ("%d / %d", self->options.page_number, self->options.n_pages);
      else
        page = g_strdup_printf ("%d", self->options.page_number);
      self->footer_page = measure (self, previous, WAYMARK_TEXT_FOOTER, page, 0, 0,
                                   WAYMARK_TEXT_ALIGN_RIGHT);
      self->footer_page_rect = rect_make (self->width - MARGIN - self->footer_page->width, y + 5,
                                          self->footer_page->width, self->footer_page->height);
    }
}

/* What a map shows of its persona: the persona itself, or a copy of it
 * with only some phases and lanes (WaymarkRenderOptions). The copy shares
 * the persona's objects; a card that starts before the first phase shown
 * is a copy starting at it, with the span that remains. */
typedef struct {
  WaymarkPersona  persona;
  int            *phase_numbers;  /* the 1-based position of each phase shown in the journey */
  GPtrArray      *clipped_cards;  /* WaymarkCard copies this view owns */
  char           *name;
} PersonaView;

static gboolean
in_list (const char * const *ids,
         const char         *id)
{
  return ids == NULL || g_strv_contains (ids, id);
}

static void
persona_view_init (PersonaView                *view,
                   const WaymarkPersona       *persona,
                   const WaymarkRenderOptions *options,
                   const char                 *language)
{
  g_autoptr (GHashTable) shown_phases = NULL;
  g_autoptr (GHashTable) all_phases = NULL;
  g_autoptr (GHashTable) used_lanes = NULL;
  g_autoptr (GPtrArray) lanes = NULL;

  view->persona = *persona;
  view->phase_numbers = g_new0 (int, MAX (persona->phases->len, 1));
  view->clipped_cards = g_ptr_array_new_with_free_func (g_free);
  view->name = NULL;
  if (options->phase_ids == NULL && options->lane_ids == NULL && !options->hide_empty_lanes
      && !options->continued)
    {
      /* The whole persona, as it is: the canvas's case. */
      g_ptr_array_ref (view->persona.phases);
      g_ptr_array_ref (view->persona.lanes);
      g_ptr_array_ref (view->persona.cards);
      g_ptr_array_ref (view->persona.emotions);
      for (guint i = 0; i < persona->phases->len; i++)
        view->phase_numbers[i] = i + 1;
      return;
    }

  shown_phases = g_hash_table_new (g_str_hash, g_str_equal);
  all_phases = g_hash_table_new (g_str_hash, g_str_equal);
  used_lanes = g_hash_table_new (g_str_hash, g_str_equal);
  lanes = g_ptr_array_new ();
  view->persona.phases = g_ptr_array_new ();
  view->persona.lanes = g_ptr_array_new ();
  view->persona.cards = g_ptr_array_new ();
  view->persona.emotions = g_ptr_array_new ();

  for (guint i = 0; i < persona->phases->len; i++)
    {
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);

      g_hash_table_insert (all_phases, phase->base.id, GINT_TO_POINTER (i + 1));
      if (!in_list (options->phase_ids, phase->base.id))
        continue;
      view->phase_numbers[view->persona.phases->len] = i + 1;
      g_hash_table_insert (shown_phases, phase->base.id, GINT_TO_POINTER (i + 1));
      g_ptr_array_add (view->persona.phases, phase);
    }
  for (guint i = 0; i < persona->lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, i);

      if (in_list (options->lane_ids, lane->base.id))
        g_ptr_array_add (lanes, lane);
    }

  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);
      int start = GPOINTER_TO_INT (g_hash_table_lookup (all_phases, card->phase_id)) - 1;

      if (start < 0)
        continue;
      /* The first phase shown that the card covers. */
      for (int p = start; p < start + MAX (card->span, 1) && p < (int) persona->phases->len; p++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, p);

          if (!g_hash_table_contains (shown_phases, phase->base.id))
            continue;
          if (p != start)
            {
              WaymarkCard *copy = g_memdup2 (card, sizeof *card);

              copy->phase_id = phase->base.id;
              copy->span = start + card->span - p;
              g_ptr_array_add (view->clipped_cards, copy);
              card = copy;
            }
          g_ptr_array_add (view->persona.cards, card);
          g_hash_table_add (used_lanes, card->lane_id);
          break;
        }
    }
  for (guint i = 0; i < persona->emotions->len; i++)
    {
      WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i);

      if (g_hash_table_contains (shown_phases, point->phase_id))
        {
          g_ptr_array_add (view->persona.emotions, point);
          g_hash_table_add (used_lanes, point->lane_id);
        }
    }

  for (guint i = 0; i < lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (lanes, i);

      if (!options->hide_empty_lanes || g_hash_table_contains (used_lanes, lane->base.id))
        g_ptr_array_add (view->persona.lanes, lane);
    }

  if (options->continued)
    {
      /* In the document's language, like the map's other words. */
      view->name = g_strdup_printf (waymark_catalog_gettext (language, N_("%s (continued)")),
                                    persona->name);
      view->persona.name = view->name;
    }
}

static void
persona_view_clear (PersonaView *view)
{
  g_ptr_array_unref (view->persona.phases);
  g_ptr_array_unref (view->persona.lanes);
  g_ptr_array_unref (view->persona.cards);
  g_ptr_array_unref (view->persona.emotions);
  g_ptr_array_unref (view->clipped_cards);
  g_free (view->phase_numbers);
  g_free (view->name);
}

/* An empty layout, with the containers that a map and a page alike
 * fill and that waymark_layout_unref() frees. */
static WaymarkLayout *
layout_alloc (const WaymarkRenderOptions *options)
{
  WaymarkLayout *self = g_new0 (WaymarkLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  if (options != NULL)
    self->options = *options;
  else
    waymark_render_options_init (&self->options);
  /* The caller's array need not outlive the call: keep a copy, and have
   * the options point at it. */
  self->highlight_card_ids = g_strdupv ((char **) self->options.highlight_card_ids);
  self->options.highlight_card_ids = (const char * const *) self->highlight_card_ids;
  self->text_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            waymark_layout_text_unref);
  self->phases = g_ptr_array_new_with_free_func (phase_free);
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->cards = g_ptr_array_new_with_free_func (card_free);
  self->card_index = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

WaymarkLayout *
waymark_layout_new (WaymarkDocument            *document,
                    const char                 *persona_id,
                    const WaymarkRenderOptions *options,
                    WaymarkLayout              *previous)
{
  WaymarkLayout *self;
  WaymarkPersona *persona;
  PersonaView view;
  g_autoptr (GPtrArray) per_lane = NULL;
  g_autoptr (GHashTable) used_tags = NULL;
  g_autoptr (GHashTable) highlight = NULL;
  gboolean any_badge = FALSE;
  double y;
  double title_width = 0;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (persona_id != NULL, NULL);

  persona = waymark_document_find_persona (document, persona_id);
  if (persona == NULL)
    return NULL;

  self = layout_alloc (options);
  highlight = highlight_set (self);
  /* The lists are the caller's, for now only (see waymark-render-types.h). */
  self->options.phase_ids = NULL;
  self->options.lane_ids = NULL;
  persona_view_init (&view, persona, options != NULL ? options : &self->options,
                     waymark_document_get_language (document));
  persona = &view.persona;
  self->persona_id = g_strdup (persona->base.id);
  self->persona_name = g_strdup (persona->name);
  self->persona_color = g_strdup (persona->color != NULL ? persona->color : "");
  self->document_title = g_strdup (waymark_document_get_title (document));
  self->language = g_strdup (waymark_document_get_language (document));
  self->column_width = MAX (waymark_document_get_column_width (document), 60);

  y = MARGIN;
  if (self->options.show_title)
    {
      layout_title_block (self, previous, document, persona, y);
      y += self->title_rect.height + TITLE_GAP;
      title_width = self->title_rect.width;
    }

  self->grid_x = MARGIN + LANE_HEADER_WIDTH + LANE_HEADER_GAP;
  y += layout_phase_row (self, previous, persona, view.phase_numbers, y) + PHASE_ROW_GAP;
  self->grid_y = y;
  self->cell_cards = g_new0 (GPtrArray *, MAX (persona->lanes->len * persona->phases->len, 1));
  used_tags = g_hash_table_new (g_str_hash, g_str_equal);

  /* Group the cards by lane; array order is the order within a cell. */
  per_lane = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < persona->lanes->len; i++)
    g_ptr_array_add (per_lane, g_ptr_array_new ());
  {
    g_autofree int *positions = g_new0 (int, MAX (persona->lanes->len * persona->phases->len, 1));
    g_autoptr (GHashTable) lane_index = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr (GHashTable) phase_index = g_hash_table_new (g_str_hash, g_str_equal);

    /* Hash look-ups, not the persona's linear finders: a big persona has
     * hundreds of cards. Indices are stored +1 so that 0 means absent. */
    for (guint i = 0; i < persona->lanes->len; i++)
      {
        const WaymarkLane *src = g_ptr_array_index (persona->lanes, i);
        WaymarkLayoutLane *lane = g_new0 (WaymarkLayoutLane, 1);

        lane->id = g_strdup (src->base.id);
        lane->index = i;
        lane->kind = src->kind;
        lane->color = g_strdup (src->color != NULL ? src->color : "");
        lane->scale_min = src->scale_min;
        lane->scale_max = src->scale_max;
        lane->name = measure (self, previous, WAYMARK_TEXT_LANE_NAME, src->name,
                              LANE_HEADER_WIDTH - 12 - ICON_SIZE - 8 - 8, 0,
                              WAYMARK_TEXT_ALIGN_LEFT);
        g_ptr_array_add (self->lanes, lane);
        g_hash_table_insert (lane_index, src->base.id, GINT_TO_POINTER (i + 1));
      }
    for (guint i = 0; i < persona->phases->len; i++)
      {
        const WaymarkPhase *src = g_ptr_array_index (persona->phases, i);

        g_hash_table_insert (phase_index, src->base.id, GINT_TO_POINTER (i + 1));
      }

    for (guint i = 0; i < persona->cards->len; i++)
      {
        const WaymarkCard *src = g_ptr_array_index (persona->cards, i);
        int li = GPOINTER_TO_INT (g_hash_table_lookup (lane_index, src->lane_id)) - 1;
        int pi = GPOINTER_TO_INT (g_hash_table_lookup (phase_index, src->phase_id)) - 1;
        WaymarkLayoutLane *lane;
        WaymarkLayoutCard *card;
        int span;

        if (li < 0 || pi < 0)
          continue;
        lane = g_ptr_array_index (self->lanes, li);
        if (!waymark_lane_kind_holds_cards (lane->kind))
          continue;
        span = CLAMP (src->span, 1, (int) persona->phases->len - pi);
        card = measure_card (self, previous, document, src, lane, pi, span);
        card->position = positions[li * persona->phases->len + pi]++;
        card->highlighted = g_hash_table_contains (highlight, card->id);
        self->has_highlight |= card->highlighted;
        any_badge |= card->badge != NULL;
        if (self->options.show_tags)
          for (guint t = 0; src->tags[t] != NULL; t++)
            g_hash_table_add (used_tags, src->tags[t]);
        g_ptr_array_add (g_ptr_array_index (per_lane, li), card);
      }
  }

  for (guint i = 0; i < self->lanes->len; i++)
    {
      WaymarkLayoutLane *lane = g_ptr_array_index (self->lanes, i);
      double height;

      if (waymark_lane_kind_holds_emotions (lane->kind))
        height = EMOTION_ROW_HEIGHT;
      else
        height = layout_card_lane (self, lane, g_ptr_array_index (per_lane, i), y);

      height = ceil (MAX (height, lane->name->height + 24));
      lane->header = rect_make (MARGIN, y, LANE_HEADER_WIDTH, height);
      lane->row = rect_make (self->grid_x, y, self->phases->len * self->column_width, height);
      lane->icon_rect = rect_make (MARGIN + 12, y + 10, ICON_SIZE, ICON_SIZE);
      lane->name_rect = rect_make (MARGIN + 12 + ICON_SIZE + 8, y + 10 + ICON_SIZE / 2
                                     - MIN (lane->name->height, 12) / 2,
                                   lane->name->width, lane->name->height);
      if (waymark_lane_kind_holds_emotions (lane->kind))
        layout_emotion_lane (self, previous, persona, lane);
      y += height + LANE_GAP;
    }
  if (self->lanes->len > 0)
    y -= LANE_GAP;
  self->grid_bottom = y;

  self->width = MAX (self->grid_x + self->phases->len * self->column_width + MARGIN,
                     MARGIN + title_width + MARGIN);
  self->width = MAX (self->width, self->grid_x + 2 * self->column_width + MARGIN);

  {
    double legend_height = layout_legend (self, previous, document, used_tags, any_badge,
                                          y + LEGEND_GAP);

    if (legend_height > 0)
      y += LEGEND_GAP + legend_height;
  }

  if (self->options.show_footer)
    {
      y += FOOTER_GAP;
      waymark_layout_place_footer (self, previous, y);
      y += FOOTER_HEIGHT;
    }
  self->height = y + MARGIN;

  persona_view_clear (&view);
  /* The caller's strings, for the making only. */
  self->options.room_lane_id = NULL;
  self->options.room_phase_id = NULL;
  return self;
}

WaymarkLayout *
waymark_layout_ref (WaymarkLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_layout_unref (WaymarkLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->cell_cards != NULL)
    {
      for (guint i = 0; i < MAX (self->lanes->len * self->phases->len, 1); i++)
        g_clear_pointer (&self->cell_cards[i], g_ptr_array_unref);
      g_free (self->cell_cards);
    }
  g_hash_table_unref (self->card_index);
  legend_free (self);
  g_clear_pointer (&self->profile_columns, g_ptr_array_unref);
  g_ptr_array_unref (self->cards);
  g_ptr_array_unref (self->lanes);
  g_ptr_array_unref (self->phases);
  g_hash_table_unref (self->text_cache);
  g_free (self->persona_id);
  g_free (self->persona_name);
  g_free (self->persona_color);
  g_free (self->document_title);
  g_free (self->language);
  g_strfreev (self->highlight_card_ids);
  g_free (self);
}

const char *
waymark_layout_get_persona_id (WaymarkLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->persona_id;
}

const WaymarkRenderOptions *
waymark_layout_get_options (WaymarkLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->options;
}

void
waymark_layout_get_size (WaymarkLayout *self,
                         double        *width,
                         double        *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

double
waymark_layout_get_card_text_size (WaymarkLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return waymark_text_style_get_info (WAYMARK_TEXT_CARD)->size;
}

/* The overview page's layout owns its texts and gives the scene its size;
 * see waymark-layout-private.h. */
WaymarkLayout *
waymark_layout_new_for_page (const char                 *document_title,
                             const char                 *name,
                             const WaymarkRenderOptions *options)
{
  WaymarkLayout *self = layout_alloc (options);

  self->persona_id = g_strdup ("");
  self->persona_name = g_strdup (name != NULL ? name : "");
  self->persona_color = g_strdup ("");
  self->document_title = g_strdup (document_title != NULL ? document_title : "");
  self->column_width = WAYMARK_DEFAULT_COLUMN_WIDTH;
  return self;
}

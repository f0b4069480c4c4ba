/* waymark-overview.c: barriers and levers across personas, as a matrix
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "waymark-overview.h"

typedef struct {
  char  *key;      /* normalised name and visit: "intake\x1f" "1" */
  char  *name;     /* as first spelled */
  guint  index;    /* set once all columns are known */
  GList *link;     /* in the order of the columns, while they are placed */
  guint  counts[WAYMARK_N_LANE_KINDS];     /* over all rows */
  guint  uncovered[WAYMARK_N_LANE_KINDS];  /* of those, addressed by no recommendation */
} Column;

struct _WaymarkOverview {
  gatomicrefcount     ref_count;
  char               *title;
  char               *language;     /* the document's */
  guint               kinds;
  gboolean            filtered;
  GPtrArray          *columns;      /* Column* */
  GPtrArray          *rows;         /* WaymarkOverviewRow* */
  GHashTable         *column_of;    /* "persona-id\x1fphase-id" → Column* */
  GPtrArray          *all_tags;     /* WaymarkTag* copies, document order */
  GPtrArray          *used_tags;    /* the subset on shown cards (not owned) */
  GPtrArray          *filter_tags;  /* the subset the filter asks for (not owned) */
  /* The name every lane of a kind has ("Pain points" for barriers), NULL
   * when no lane has the kind or its lanes are named differently. */
  char               *kind_names[WAYMARK_N_LANE_KINDS];
  guint               used_kinds;   /* WAYMARK_OVERVIEW_KIND () of the kinds lanes have */
  guint               max_counts[WAYMARK_N_LANE_KINDS];
  guint               totals[WAYMARK_N_LANE_KINDS];
  guint               max_uncovered[WAYMARK_N_LANE_KINDS];
  guint               uncovered_totals[WAYMARK_N_LANE_KINDS];
  gboolean            has_recommendations;
  gboolean            has_emotions;
};

static void
column_free (Column *column)
{
  g_free (column->key);
  g_free (column->name);
  g_free (column);
}

static void
overview_card_free (WaymarkOverviewCard *card)
{
  g_free (card->card_id);
  g_free (card->persona_id);
  g_free (card->lane_id);
  g_free (card->text);
  g_strfreev (card->tag_ids);
  g_free (card);
}

static void
row_free (WaymarkOverviewRow *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_free (row->cells[i].phase_id);
      g_clear_pointer (&row->cells[i].cards, g_ptr_array_unref);
      g_free (row->cells[i].emotion_label);
    }
  g_free (row->cells);
  g_free (row->persona_id);
  g_free (row->name);
  g_free (row->color);
  g_free (row->emotion_lane_id);
  g_free (row);
}

/* Phase names match when they differ only in case and spacing, which is
 * how the same phase drifts between personas written on different days. */
static char *
normalize_name (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
  g_auto (GStrv) words = g_strsplit_set (normal != NULL ? normal : folded, " \t\n\r", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
cell_key (const char *persona_id,
          const char *phase_id)
{
  return g_strconcat (persona_id, "\x1f", phase_id, NULL);
}

/* Places the phases of every persona in the shared columns. The columns
 * are kept in a list while they are placed, so that a column goes in
 * after or before another in constant time (an array and a search for
 * the neighbour made this grow with the square of the columns). */
static void
match_phases (WaymarkOverview *self,
              WaymarkDocument *document)
{
  g_autoptr (GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  GQueue order = G_QUEUE_INIT;
  guint index = 0;

  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);
      g_autoptr (GHashTable) visits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      Column *previous = NULL;

      /* The key of each phase: its name and which visit of that name. */
      for (guint i = 0; i < persona->phases->len; i++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
          char *name = normalize_name (phase->name);
          guint visit = GPOINTER_TO_UINT (g_hash_table_lookup (visits, name)) + 1;

          g_ptr_array_add (keys, g_strdup_printf ("%s\x1f%u", name, visit));
          g_hash_table_insert (visits, name, GUINT_TO_POINTER (visit));
        }

      for (guint i = 0; i < persona->phases->len; i++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
          const char *key = g_ptr_array_index (keys, i);
          Column *column = g_hash_table_lookup (by_key, key);

          if (column == NULL)
            {
              Column *next = NULL;

              column = g_new0 (Column, 1);
              column->key = g_strdup (key);
              column->name = g_strdup (phase->name);

              /* Right after the phase before it in this journey; else
               * before the first later phase of this journey that another
               * persona already has; at the end if none. */
              for (guint j = i + 1; previous == NULL && j < persona->phases->len && next == NULL;
                   j++)
                next = g_hash_table_lookup (by_key, g_ptr_array_index (keys, j));
              if (previous != NULL)
                {
                  g_queue_insert_after (&order, previous->link, column);
                  column->link = previous->link->next;
                }
              else if (next != NULL)
                {
                  g_queue_insert_before (&order, next->link, column);
                  column->link = next->link->prev;
                }
              else
                {
                  g_queue_push_tail (&order, column);
                  column->link = order.tail;
                }
              g_hash_table_insert (by_key, column->key, column);
            }

          g_hash_table_insert (self->column_of, cell_key (persona->base.id, phase->base.id), column);
          previous = column;
        }
    }

  for (GList *link = order.head; link != NULL; link = link->next)
    {
      Column *column = link->data;

      column->index = index++;
      column->link = NULL;
      g_ptr_array_add (self->columns, column);
    }
  g_queue_clear (&order);
}

static gboolean
card_passes (const WaymarkCard           *card,
             const WaymarkOverviewFilter *filter)
{
  if (filter == NULL || filter->tag_ids == NULL || filter->tag_ids[0] == NULL)
    return TRUE;
  for (guint i = 0; filter->tag_ids[i] != NULL; i++)
    if (waymark_card_has_tag (card, filter->tag_ids[i]))
      return TRUE;
  return FALSE;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const WaymarkOverviewCell *ca = a, *cb = b;

  return ca->column < cb->column ? -1 : ca->column > cb->column;
}

static void
fill_row (WaymarkOverview             *self,
          WaymarkOverviewRow          *row,
          WaymarkDocument             *document,
          WaymarkPersona              *persona,
          const WaymarkOverviewFilter *filter,
          GHashTable                  *used_tag_ids)
{
  guint n = persona->phases->len;
  WaymarkLane *emotion_lane = NULL;
  g_autofree WaymarkOverviewCell **cell_of_phase = g_new0 (WaymarkOverviewCell *, MAX (n, 1));
  /* phase id → its index + 1 */
  g_autoptr (GHashTable) phase_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *column_of_phase = g_new0 (guint, MAX (n, 1));

  row->persona_id = g_strdup (persona->base.id);
  row->name = g_strdup (persona->name);
  row->color = g_strdup (persona->color);
  row->scale_min = WAYMARK_DEFAULT_SCALE_MIN;
  row->scale_max = WAYMARK_DEFAULT_SCALE_MAX;

  /* One cell per phase of the persona, in the order of the columns. */
  row->n_cells = n;
  row->cells = g_new0 (WaymarkOverviewCell, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
      g_autofree char *key = cell_key (persona->base.id, phase->base.id);
      Column *column = g_hash_table_lookup (self->column_of, key);

      column_of_phase[i] = column->index;
      row->cells[i].column = column->index;
      row->cells[i].present = TRUE;
      row->cells[i].phase_id = g_strdup (phase->base.id);
      row->cells[i].cards = g_ptr_array_new_with_free_func ((GDestroyNotify) overview_card_free);
    }
  qsort (row->cells, n, sizeof (WaymarkOverviewCell), compare_cells);
  for (guint i = 0; i < n; i++)
    {
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
      WaymarkOverviewCell probe = { column_of_phase[i], };

      cell_of_phase[i] = bsearch (&probe, row->cells, n, sizeof (WaymarkOverviewCell),
                                  compare_cells);
      g_hash_table_insert (phase_index, phase->base.id, GUINT_TO_POINTER (i + 1));
    }

  /* Lane by lane and, within a cell, in card order, so that a cell reads
   * like the persona's map does. */
  for (guint l = 0; l < persona->lanes->len; l++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

      if (waymark_lane_kind_holds_emotions (lane->kind) && emotion_lane == NULL)
        emotion_lane = lane;
      if ((self->kinds & WAYMARK_OVERVIEW_KIND (lane->kind)) == 0 ||
          !waymark_lane_kind_holds_cards (lane->kind))
        continue;

      for (guint c = 0; c < persona->cards->len; c++)
        {
          WaymarkCard *card = g_ptr_array_index (persona->cards, c);
          guint n_recommendations;
          int start;

          if (!g_str_equal (card->lane_id, lane->base.id) || !card_passes (card, filter))
            continue;
          start = (int) GPOINTER_TO_UINT (g_hash_table_lookup (phase_index, card->phase_id)) - 1;
          if (start < 0)
            continue;
          n_recommendations = waymark_document_count_recommendations_for_card (document,
                                                                               card->base.id);

          for (int i = start; i < start + MAX (card->span, 1) && i < (int) n; i++)
            {
              WaymarkOverviewCell *cell = cell_of_phase[i];
              WaymarkOverviewCard *entry = g_new0 (WaymarkOverviewCard, 1);
              Column *column = g_ptr_array_index (self->columns, cell->column);

              entry->card_id = g_strdup (card->base.id);
              entry->persona_id = g_strdup (persona->base.id);
              entry->lane_id = g_strdup (lane->base.id);
              entry->kind = lane->kind;
              entry->text = g_strdup (card->text);
              entry->tag_ids = g_strdupv (card->tags);
              entry->continued = i != start;
              entry->n_recommendations = n_recommendations;
              g_ptr_array_add (cell->cards, entry);
              cell->counts[lane->kind]++;
              column->counts[lane->kind]++;
              if (n_recommendations == 0)
                {
                  cell->uncovered[lane->kind]++;
                  column->uncovered[lane->kind]++;
                }
            }
          row->totals[lane->kind]++;
          if (n_recommendations == 0)
            row->uncovered_totals[lane->kind]++;
          for (guint t = 0; card->tags[t] != NULL; t++)
            g_hash_table_add (used_tag_ids, card->tags[t]);
        }
    }

  if (emotion_lane != NULL)
    {
      row->emotion_lane_id = g_strdup (emotion_lane->base.id);
      row->scale_min = emotion_lane->scale_min;
      row->scale_max = emotion_lane->scale_max;
      for (guint i = 0; i < n; i++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
          WaymarkEmotionPoint *point =
            waymark_persona_find_emotion (persona, emotion_lane->base.id, phase->base.id);
          WaymarkOverviewCell *cell = cell_of_phase[i];

          if (point == NULL)
            continue;
          cell->has_emotion = TRUE;
          cell->score = point->score;
          cell->emotion_label = g_strdup (point->label);
          self->has_emotions = TRUE;
        }
    }

  for (guint c = 0; c < n; c++)
    for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
      {
        self->max_counts[k] = MAX (self->max_counts[k], row->cells[c].counts[k]);
        self->max_uncovered[k] = MAX (self->max_uncovered[k], row->cells[c].uncovered[k]);
      }
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      self->totals[k] += row->totals[k];
      self->uncovered_totals[k] += row->uncovered_totals[k];
    }
}

guint
waymark_overview_get_default_kinds (void)
{
  guint kinds = 0;

  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    if (waymark_lane_kind_get_info (k)->overview_default)
      kinds |= WAYMARK_OVERVIEW_KIND (k);
  return kinds;
}

WaymarkOverview *
waymark_overview_new (WaymarkDocument             *document,
                      const WaymarkOverviewFilter *filter)
{
  WaymarkOverview *self;
  g_autoptr (GHashTable) used_tag_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *tags;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  self = g_new0 (WaymarkOverview, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (waymark_document_get_title (document));
  self->language = g_strdup (waymark_document_get_language (document));
  self->kinds = filter != NULL && filter->kinds != 0 ? filter->kinds
                                                     : WAYMARK_OVERVIEW_DEFAULT_KINDS;
  self->kinds &= (1u << WAYMARK_N_LANE_KINDS) - 1;
  if (self->kinds == 0)
    self->kinds = WAYMARK_OVERVIEW_DEFAULT_KINDS;
  self->filtered = filter != NULL && filter->tag_ids != NULL && filter->tag_ids[0] != NULL;
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  self->rows = g_ptr_array_new ();
  self->column_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->all_tags = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_tag_free);
  self->used_tags = g_ptr_array_new ();
  self->filter_tags = g_ptr_array_new ();

  self->has_recommendations = waymark_document_get_recommendations (document)->len > 0;
  match_phases (self, document);

  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkOverviewRow *row = g_new0 (WaymarkOverviewRow, 1);

      fill_row (self, row, document, waymark_document_get_persona (document, p), filter,
                used_tag_ids);
      g_ptr_array_add (self->rows, row);
    }

  {
    gboolean differ[WAYMARK_N_LANE_KINDS] = { FALSE };

    for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
      {
        WaymarkPersona *persona = waymark_document_get_persona (document, p);

        for (guint l = 0; l < persona->lanes->len; l++)
          {
            WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

            if ((guint) lane->kind >= WAYMARK_N_LANE_KINDS)
              continue;
            self->used_kinds |= WAYMARK_OVERVIEW_KIND (lane->kind);
            if (self->kind_names[lane->kind] == NULL && !differ[lane->kind])
              self->kind_names[lane->kind] = g_strdup (lane->name);
            else if (g_strcmp0 (self->kind_names[lane->kind], lane->name) != 0)
              {
                differ[lane->kind] = TRUE;
                g_clear_pointer (&self->kind_names[lane->kind], g_free);
              }
          }
      }
  }

  tags = waymark_document_get_tags (document);
  for (guint i = 0; i < tags->len; i++)
    {
      WaymarkTag *copy = waymark_tag_copy (g_ptr_array_index (tags, i));

      g_ptr_array_add (self->all_tags, copy);
      if (g_hash_table_contains (used_tag_ids, copy->base.id))
        g_ptr_array_add (self->used_tags, copy);
      if (self->filtered && g_strv_contains (filter->tag_ids, copy->base.id))
        g_ptr_array_add (self->filter_tags, copy);
    }

  return self;
}

WaymarkOverview *
waymark_overview_ref (WaymarkOverview *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_overview_unref (WaymarkOverview *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->rows->len; i++)
    row_free (g_ptr_array_index (self->rows, i));
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->columns);
  g_hash_table_unref (self->column_of);
  g_ptr_array_unref (self->used_tags);
  g_ptr_array_unref (self->filter_tags);
  g_ptr_array_unref (self->all_tags);
  g_free (self->title);
  g_free (self->language);
  for (guint i = 0; i < WAYMARK_N_LANE_KINDS; i++)
    g_free (self->kind_names[i]);
  g_free (self);
}

const char *
waymark_overview_get_kind_name (WaymarkOverview *self,
                                WaymarkLaneKind  kind)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail ((guint) kind < WAYMARK_N_LANE_KINDS, NULL);

  return self->kind_names[kind];
}

guint
waymark_overview_get_used_kinds (WaymarkOverview *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->used_kinds;
}

guint
waymark_overview_get_kinds (WaymarkOverview *self)
{
  return self->kinds;
}

gboolean
waymark_overview_is_filtered (WaymarkOverview *self)
{
  return self->filtered;
}

const char *
waymark_overview_get_language (WaymarkOverview *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

const char *
waymark_overview_get_title (WaymarkOverview *self)
{
  return self->title;
}

guint
waymark_overview_get_n_rows (WaymarkOverview *self)
{
  return self->rows->len;
}

const WaymarkOverviewRow *
waymark_overview_get_row (WaymarkOverview *self,
                          guint            row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, row);
}

guint
waymark_overview_get_n_columns (WaymarkOverview *self)
{
  return self->columns->len;
}

const char *
waymark_overview_get_column_name (WaymarkOverview *self,
                                  guint            column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return ((Column *) g_ptr_array_index (self->columns, column))->name;
}

int
waymark_overview_find_column (WaymarkOverview *self,
                              const char      *persona_id,
                              const char      *phase_id)
{
  g_autofree char *key = cell_key (persona_id, phase_id);
  Column *column = g_hash_table_lookup (self->column_of, key);

  return column != NULL ? (int) column->index : -1;
}

const WaymarkOverviewCell *
waymark_overview_get_cell (WaymarkOverview *self,
                           guint            row,
                           guint            column)
{
  static WaymarkOverviewCell absent = { 0, };
  static gsize absent_once = 0;
  const WaymarkOverviewRow *r;
  WaymarkOverviewCell probe = { column, };
  const WaymarkOverviewCell *cell;

  g_return_val_if_fail (row < self->rows->len, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  r = g_ptr_array_index (self->rows, row);
  cell = bsearch (&probe, r->cells, r->n_cells, sizeof (WaymarkOverviewCell), compare_cells);
  if (cell != NULL)
    return cell;
  /* One for every absent cell, kept for the life of the process. */
  if (g_once_init_enter (&absent_once))
    {
      absent.cards = g_ptr_array_new ();
      g_once_init_leave (&absent_once, 1);
    }
  return &absent;
}

const guint *
waymark_overview_get_column_counts (WaymarkOverview *self,
                                    guint            column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return ((Column *) g_ptr_array_index (self->columns, column))->counts;
}

const guint *
waymark_overview_get_column_uncovered (WaymarkOverview *self,
                                       guint            column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return ((Column *) g_ptr_array_index (self->columns, column))->uncovered;
}

guint
waymark_overview_get_max_count (WaymarkOverview *self,
                                WaymarkLaneKind  kind)
{
  g_return_val_if_fail (kind < WAYMARK_N_LANE_KINDS, 0);
  return self->max_counts[kind];
}

guint
waymark_overview_get_total (WaymarkOverview *self,
                            WaymarkLaneKind  kind)
{
  g_return_val_if_fail (kind < WAYMARK_N_LANE_KINDS, 0);
  return self->totals[kind];
}

guint
waymark_overview_get_max_uncovered (WaymarkOverview *self,
                                    WaymarkLaneKind  kind)
{
  g_return_val_if_fail (kind < WAYMARK_N_LANE_KINDS, 0);
  return self->max_uncovered[kind];
}

guint
waymark_overview_get_uncovered_total (WaymarkOverview *self,
                                      WaymarkLaneKind  kind)
{
  g_return_val_if_fail (kind < WAYMARK_N_LANE_KINDS, 0);
  return self->uncovered_totals[kind];
}

gboolean
waymark_overview_has_recommendations (WaymarkOverview *self)
{
  return self->has_recommendations;
}

gboolean
waymark_overview_has_emotions (WaymarkOverview *self)
{
  return self->has_emotions;
}

GPtrArray *
waymark_overview_get_used_tags (WaymarkOverview *self)
{
  return self->used_tags;
}

GPtrArray *
waymark_overview_get_filter_tags (WaymarkOverview *self)
{
  return self->filter_tags;
}

const WaymarkTag *
waymark_overview_find_tag (WaymarkOverview *self,
                           const char      *tag_id)
{
  for (guint i = 0; i < self->all_tags->len; i++)
    {
      WaymarkTag *tag = g_ptr_array_index (self->all_tags, i);
      if (g_str_equal (tag->base.id, tag_id))
        return tag;
    }
  return NULL;
}

/* waymark-overview-view-focus.c: the keyboard focus in the overview's matrix
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-overview-view-private.h"

/* The arrow keys walk the matrix cell by cell, and down a cell's cards in
 * full text; Enter does what a click does. The focus is kept as ids, so
 * that it survives rebuilding the figure, and the regions it can reach
 * are indexed from the figure's hits when first needed (NavCell). A
 * screen reader hears the focused cell or card (update_accessible ()). */


void
_waymark_overview_view_free_nav (WaymarkOverviewView *self)
{
  guint n;

  if (self->nav == NULL)
    return;
  n = waymark_overview_get_n_rows (self->overview) * waymark_overview_get_n_columns (self->overview);
  for (guint i = 0; i < n; i++)
    g_array_unref (self->nav[i].cards);
  g_clear_pointer (&self->nav, g_free);
}

static int
find_row (WaymarkOverview *overview,
          const char      *persona_id)
{
  for (guint r = 0; persona_id != NULL && r < waymark_overview_get_n_rows (overview); r++)
    if (g_strcmp0 (waymark_overview_get_row (overview, r)->persona_id, persona_id) == 0)
      return (int) r;
  return -1;
}

static NavCell *
nav_cell (WaymarkOverviewView *self,
          guint                row,
          guint                column)
{
  return &self->nav[row * waymark_overview_get_n_columns (self->overview) + column];
}

static void
record_hit (WaymarkOverviewView      *self,
            const WaymarkOverviewHit *hit)
{
  int row = find_row (self->overview, hit->persona_id);
  int column = waymark_overview_find_column (self->overview, hit->persona_id, hit->phase_id);
  NavCell *cell;

  if (row < 0 || column < 0)
    return;
  cell = nav_cell (self, row, column);
  if (hit->kind == WAYMARK_OVERVIEW_HIT_CELL)
    cell->cell = *hit;
  else if (hit->kind == WAYMARK_OVERVIEW_HIT_CARD)
    {
      for (guint i = 0; i < cell->cards->len; i++)
        if (g_strcmp0 (g_array_index (cell->cards, WaymarkOverviewHit, i).card_id,
                       hit->card_id) == 0)
          return;
      g_array_append_val (cell->cards, *hit);
    }
}

static int
compare_hits_by_y (gconstpointer a,
                   gconstpointer b)
{
  const WaymarkOverviewHit *ha = a, *hb = b;

  return (ha->rect.y > hb->rect.y) - (ha->rect.y < hb->rect.y);
}

static gboolean
ensure_nav (WaymarkOverviewView *self)
{
  const WaymarkOverviewHit *hits;
  guint n_rows, n_columns, n_hits;

  if (self->nav != NULL)
    return TRUE;
  /* A key may come before the view was first shown (or in a test). */
  _waymark_overview_view_ensure_figure (self);
  if (self->figure == NULL)
    return FALSE;
  n_rows = waymark_overview_get_n_rows (self->overview);
  n_columns = waymark_overview_get_n_columns (self->overview);
  if (n_rows == 0 || n_columns == 0)
    return FALSE;

  self->nav = g_new0 (NavCell, n_rows * n_columns);
  for (guint i = 0; i < n_rows * n_columns; i++)
    self->nav[i].cards = g_array_new (FALSE, FALSE, sizeof (WaymarkOverviewHit));

  /* Cells first, so that the cards found after them have their cell. */
  hits = waymark_overview_figure_get_hits (self->figure, &n_hits);
  for (guint i = 0; i < n_hits; i++)
    if (hits[i].kind == WAYMARK_OVERVIEW_HIT_CELL)
      record_hit (self, &hits[i]);
  for (guint i = 0; i < n_hits; i++)
    if (hits[i].kind == WAYMARK_OVERVIEW_HIT_CARD)
      record_hit (self, &hits[i]);
  for (guint i = 0; i < n_rows * n_columns; i++)
    g_array_sort (self->nav[i].cards, compare_hits_by_y);
  return TRUE;
}

/* The focus as indexes; FALSE when nothing is focused or it is gone. */
static gboolean
resolve_focus (WaymarkOverviewView *self,
               guint               *row_out,
               guint               *column_out,
               int                 *card_out)
{
  int row;
  NavCell *cell;

  if (self->focus_column < 0 || !ensure_nav (self))
    return FALSE;
  row = find_row (self->overview, self->focus_persona_id);
  if (row < 0 || self->focus_column >= (int) waymark_overview_get_n_columns (self->overview))
    return FALSE;
  cell = nav_cell (self, row, self->focus_column);
  if (cell->cell.kind == WAYMARK_OVERVIEW_HIT_NONE)
    return FALSE;
  *row_out = row;
  *column_out = self->focus_column;
  *card_out = -1;
  for (guint i = 0; self->focus_card_id != NULL && i < cell->cards->len; i++)
    if (g_strcmp0 (g_array_index (cell->cards, WaymarkOverviewHit, i).card_id,
                   self->focus_card_id) == 0)
      *card_out = i;
  return TRUE;
}

static const WaymarkOverviewHit *
focused_hit (WaymarkOverviewView *self)
{
  guint row, column;
  int card;
  NavCell *cell;

  if (!resolve_focus (self, &row, &column, &card))
    return NULL;
  cell = nav_cell (self, row, column);
  return card >= 0 ? &g_array_index (cell->cards, WaymarkOverviewHit, card) : &cell->cell;
}

/* Adwaita's focus ring (a 2 px outline in half the accent colour, with
 * rounded corners), in screen pixels whatever the zoom, so the overview's
 * focus looks like every other widget's. */
void
_waymark_overview_view_draw_focus_ring (WaymarkOverviewView *self,
                                        cairo_t             *cr)
{
  const WaymarkOverviewHit *hit = focused_hit (self);
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };
  double x, y, width, height, radius = 6;

  if (hit == NULL)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (self->area), "accent_color",
                                  &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS
  accent.alpha *= 0.5;

  x = _waymark_overview_view_page_x (self) + hit->rect.x * self->zoom - 2;
  y = PAGE_PAD + hit->rect.y * self->zoom - 2;
  width = hit->rect.width * self->zoom + 4;
  height = hit->rect.height * self->zoom + 4;
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* "Anna, phase 2 Orientation: barriers 3, levers 1" or
 * "Card “Does not know where to start” (Barriers), Anna, phase 2 Orientation" */
static void
update_accessible (WaymarkOverviewView *self)
{
  const WaymarkOverviewHit *hit = focused_hit (self);
  g_autofree char *label = NULL;
  const char *description = "";
  guint row, column;
  int card;

  if (hit == NULL || !resolve_focus (self, &row, &column, &card))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Overview of barriers and levers across personas"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "", -1);
      return;
    }

  {
    const WaymarkOverviewRow *overview_row = waymark_overview_get_row (self->overview, row);
    const WaymarkOverviewCell *cell = waymark_overview_get_cell (self->overview, row, column);
    const char *phase = waymark_overview_get_column_name (self->overview, column);

    if (hit->kind == WAYMARK_OVERVIEW_HIT_CARD)
      {
        const WaymarkOverviewCard *found = NULL;

        for (guint i = 0; i < cell->cards->len && found == NULL; i++)
          if (g_strcmp0 (((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, i))->card_id,
                         hit->card_id) == 0)
            found = g_ptr_array_index (cell->cards, i);
        /* Translators: what a screen reader says about the focused card of
         * the overview: its text, lane kind, persona, phase number and name. */
        label = g_strdup_printf (_("Card “%s” (%s), %s, phase %u %s"),
                                 found != NULL ? found->text : "",
                                 found != NULL ? waymark_lane_kind_get_label (found->kind) : "",
                                 overview_row->name, column + 1, phase);
        description = _("Enter opens the card in the persona’s map");
      }
    else
      {
        guint kinds = waymark_overview_get_kinds (self->overview);
        g_autoptr (GString) counts = g_string_new (NULL);

        for (int kind = 0; kind < WAYMARK_N_LANE_KINDS; kind++)
          if (kinds & WAYMARK_OVERVIEW_KIND (kind))
            {
              g_autofree char *name = g_utf8_strdown (waymark_lane_kind_get_label (kind), -1);

              g_string_append_printf (counts, "%s%s %u", counts->len > 0 ? ", " : "", name,
                                      cell->counts[kind]);
            }
        /* Translators: what a screen reader says about the focused cell of
         * the overview: persona, phase number and name, and the counts
         * ("barriers 3, levers 1"). */
        label = g_strdup_printf (_("%s, phase %u %s: %s"), overview_row->name, column + 1, phase,
                                 counts->str);
        description = cell->cards->len > 0 ? _("Enter opens the first card in the persona’s map")
                                           : _("Enter opens the persona’s map");
      }
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* Keeps the focused region in sight, with a little room around it. */
static void
scroll_to_focus (WaymarkOverviewView *self)
{
  const WaymarkOverviewHit *hit = focused_hit (self);
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (self->scrolled);
  GtkAdjustment *adjustments[2] = { gtk_scrolled_window_get_hadjustment (scrolled),
                                    gtk_scrolled_window_get_vadjustment (scrolled) };
  double page_x = _waymark_overview_view_page_x (self);
  double starts[2], ends[2];

  if (hit == NULL)
    return;
  starts[0] = page_x + hit->rect.x * self->zoom - PAGE_PAD;
  ends[0] = page_x + (hit->rect.x + hit->rect.width) * self->zoom + PAGE_PAD;
  starts[1] = PAGE_PAD + hit->rect.y * self->zoom - PAGE_PAD;
  ends[1] = PAGE_PAD + (hit->rect.y + hit->rect.height) * self->zoom + PAGE_PAD;
  for (guint i = 0; i < 2; i++)
    {
      double value = gtk_adjustment_get_value (adjustments[i]);
      double page = gtk_adjustment_get_page_size (adjustments[i]);

      if (page <= 0)
        continue;
      /* The start wins when the region is larger than the view. */
      if (ends[i] > value + page)
        value = ends[i] - page;
      if (starts[i] < value)
        value = starts[i];
      gtk_adjustment_set_value (adjustments[i], value);
    }
}

void
_waymark_overview_view_update_focus (WaymarkOverviewView *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (self->area);
}

static void
set_focus (WaymarkOverviewView *self,
           guint                row,
           guint                column,
           int                  card)
{
  NavCell *cell = nav_cell (self, row, column);

  g_free (self->focus_persona_id);
  self->focus_persona_id = g_strdup (waymark_overview_get_row (self->overview, row)->persona_id);
  self->focus_column = column;
  g_free (self->focus_card_id);
  self->focus_card_id = card >= 0 ? g_strdup (g_array_index (cell->cards, WaymarkOverviewHit,
                                                              card).card_id)
                                  : NULL;
  _waymark_overview_view_update_focus (self);
  scroll_to_focus (self);
}

static gboolean
reachable (WaymarkOverviewView *self,
           int                  row,
           int                  column)
{
  return row >= 0 && row < (int) waymark_overview_get_n_rows (self->overview)
         && column >= 0 && column < (int) waymark_overview_get_n_columns (self->overview)
         && nav_cell (self, row, column)->cell.kind != WAYMARK_OVERVIEW_HIT_NONE;
}

/* The first reachable cell from (@row, @column) on, stepping by
 * (@d_row, @d_column) and wrapping to the next row when stepping along
 * rows; FALSE when there is none. */
static gboolean
find_reachable (WaymarkOverviewView *self,
                int                  row,
                int                  column,
                int                  d_row,
                int                  d_column,
                gboolean             wrap,
                guint               *row_out,
                guint               *column_out)
{
  int n_rows = waymark_overview_get_n_rows (self->overview);
  int n_columns = waymark_overview_get_n_columns (self->overview);

  while (row >= 0 && row < n_rows)
    {
      if (column < 0 || column >= n_columns)
        {
          if (!wrap)
            return FALSE;
          row += d_column;
          column = d_column > 0 ? 0 : n_columns - 1;
          continue;
        }
      if (reachable (self, row, column))
        {
          *row_out = row;
          *column_out = column;
          return TRUE;
        }
      row += d_row;
      column += d_column;
    }
  return FALSE;
}

static int
clamp_card (WaymarkOverviewView *self,
            guint                row,
            guint                column,
            int                  card)
{
  int n = nav_cell (self, row, column)->cards->len;

  return card < 0 || n == 0 ? -1 : MIN (card, n - 1);
}

/* Moves the focus for an arrow, Home or End key; FALSE without a matrix. */
static gboolean
move_focus (WaymarkOverviewView *self,
            guint                keyval,
            GdkModifierType      state)
{
  guint row = 0, column = 0, new_row, new_column;
  int card = -1;
  gboolean control = (state & GDK_CONTROL_MASK) != 0;
  int n_columns;

  if (!ensure_nav (self))
    return FALSE;
  n_columns = waymark_overview_get_n_columns (self->overview);
  if (!resolve_focus (self, &row, &column, &card))
    {
      /* The first key shows where the focus is: on the first cell. */
      if (find_reachable (self, 0, 0, 0, 1, TRUE, &new_row, &new_column))
        set_focus (self, new_row, new_column, -1);
      return TRUE;
    }

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (find_reachable (self, row, column + 1, 0, 1, FALSE, &new_row, &new_column))
        set_focus (self, new_row, new_column, clamp_card (self, new_row, new_column, card));
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (find_reachable (self, row, (int) column - 1, 0, -1, FALSE, &new_row, &new_column))
        set_focus (self, new_row, new_column, clamp_card (self, new_row, new_column, card));
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      /* Down walks a column: the cell, its cards, then the cell below. */
      if (card + 1 < (int) nav_cell (self, row, column)->cards->len)
        set_focus (self, row, column, card + 1);
      else if (find_reachable (self, row + 1, column, 1, 0, FALSE, &new_row, &new_column))
        set_focus (self, new_row, new_column, -1);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (card >= 0)
        set_focus (self, row, column, card - 1);
      else if (find_reachable (self, (int) row - 1, column, -1, 0, FALSE, &new_row, &new_column))
        set_focus (self, new_row, new_column,
                   (int) nav_cell (self, new_row, new_column)->cards->len - 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (find_reachable (self, control ? 0 : (int) row, 0, 0, 1, control, &new_row, &new_column))
        set_focus (self, new_row, new_column, -1);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (find_reachable (self,
                          control ? (int) waymark_overview_get_n_rows (self->overview) - 1 : (int) row,
                          n_columns - 1, 0, -1, control, &new_row, &new_column))
        set_focus (self, new_row, new_column, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  WaymarkOverviewView *self = user_data;
  const WaymarkOverviewHit *hit;

  /* Shortcuts with Alt, Shift and the like belong to the window. */
  if ((state & (GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if ((state & GDK_CONTROL_MASK) != 0)
        return FALSE;
      hit = focused_hit (self);
      /* Exactly what a click on it does. */
      return hit != NULL && _waymark_overview_view_activate_hit (self, hit);
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      return move_focus (self, keyval, state);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      /* Ctrl+arrows are left to the window. */
      return (state & GDK_CONTROL_MASK) == 0 && move_focus (self, keyval, state);
    default:
      return FALSE;
    }
}

/* A click moves the keyboard focus to what it hit, so that coming back
 * to the overview finds the focus there. */
void
_waymark_overview_view_focus_hit (WaymarkOverviewView      *self,
                                  const WaymarkOverviewHit *hit)
{
  int row, column;
  NavCell *cell;

  if (hit->kind != WAYMARK_OVERVIEW_HIT_CELL && hit->kind != WAYMARK_OVERVIEW_HIT_CARD)
    return;
  if (!ensure_nav (self))
    return;
  row = find_row (self->overview, hit->persona_id);
  column = waymark_overview_find_column (self->overview, hit->persona_id, hit->phase_id);
  if (!reachable (self, row, column))
    return;
  cell = nav_cell (self, row, column);
  if (hit->kind == WAYMARK_OVERVIEW_HIT_CELL)
    {
      set_focus (self, row, column, -1);
      return;
    }
  for (guint i = 0; i < cell->cards->len; i++)
    if (g_strcmp0 (g_array_index (cell->cards, WaymarkOverviewHit, i).card_id, hit->card_id) == 0)
      {
        set_focus (self, row, column, i);
        return;
      }
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  WaymarkOverviewView *self = user_data;
  guint row, column;
  int card;

  /* Arriving with Tab lands on the cell focused last, or the first. */
  if (!resolve_focus (self, &row, &column, &card) && ensure_nav (self)
      && find_reachable (self, 0, 0, 0, 1, TRUE, &row, &column))
    set_focus (self, row, column, -1);
  else
    _waymark_overview_view_update_focus (self);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                gpointer                 user_data)
{
  _waymark_overview_view_update_focus (user_data);
}

void
_waymark_overview_view_focus_init (WaymarkOverviewView *self)
{
  GtkEventController *controller;

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->area, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (self->area, controller);
}

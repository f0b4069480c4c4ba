/* test-overview-view.c: the overview widget: document, filters, activation, keyboard
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#include "waymark-format.h"
#include "waymark-overview-scene.h"
#include "waymark-scene.h"
#include "waymark-overview-view.h"
#include "waymark-overview-view-private.h"

static WaymarkDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "examples", "levenslang-leren.waymark",
                                            NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  WaymarkDocument *document = waymark_format_load_file (file, &error);

  g_assert_no_error (error);
  return document;
}

typedef struct {
  char *persona_id;
  char *card_id;
  guint n;
} Activation;

static void
card_activated_cb (GtkWidget  *view,
                   const char *persona_id,
                   const char *card_id,
                   Activation *activation)
{
  g_free (activation->persona_id);
  g_free (activation->card_id);
  activation->persona_id = g_strdup (persona_id);
  activation->card_id = g_strdup (card_id);
  activation->n++;
}

static void
test_view (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *view = g_object_ref_sink (waymark_overview_view_new ());
  Activation activation = { 0, };
  double width, height, text_height;
  const char *tags[] = { "afbakening", NULL };
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  WaymarkOverviewHit hit;
  gboolean found = FALSE;

  g_signal_connect (view, "card-activated", G_CALLBACK (card_activated_cb), &activation);

  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), &width, &height);
  g_assert_cmpfloat (width, ==, 0);
  g_assert_false (waymark_overview_view_activate_at (WAYMARK_OVERVIEW_VIEW (view), 10, 10));

  g_object_set (view, "document", document, NULL);
  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), &width, &height);
  g_assert_cmpfloat (width, >, 500);

  /* Full text makes the page taller (the cards' text is in the cells). */
  g_object_set (view, "show-text", TRUE, NULL);
  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &text_height);
  g_assert_cmpfloat (text_height, >, height);

  /* A click on a card in full text activates that card in its persona. */
  {
    WaymarkOverviewSceneOptions options;

    overview = waymark_overview_new (document, NULL);
    waymark_overview_scene_options_init (&options);
    options.mode = WAYMARK_OVERVIEW_SHOW_TEXT;
    figure = waymark_overview_figure_new (overview, &options);
  }
  for (double y = 0; y < text_height && !found; y += 3)
    for (double x = 0; x < width * 2 && !found; x += 3)
      if (waymark_overview_figure_hit_test (figure, x, y, &hit)
          && hit.kind == WAYMARK_OVERVIEW_HIT_CARD)
        found = TRUE;
  g_assert_true (found);
  g_assert_true (waymark_overview_view_activate_at (WAYMARK_OVERVIEW_VIEW (view),
                                                    hit.rect.x + 2, hit.rect.y + 2));
  g_assert_cmpuint (activation.n, ==, 1);
  g_assert_cmpstr (activation.persona_id, ==, hit.persona_id);
  g_assert_cmpstr (activation.card_id, ==, hit.card_id);
  g_assert_true (waymark_document_lookup_persona (document, activation.card_id)
                 == waymark_document_find_persona (document, activation.persona_id));

  /* A filter narrows what is drawn; the page stays valid. */
  waymark_overview_view_set_filter (WAYMARK_OVERVIEW_VIEW (view), 0, tags);
  {
    double filtered_height;
    waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &filtered_height);
    g_assert_cmpfloat (filtered_height, <, text_height);
  }

  /* Edits show: a new persona is a new row. */
  waymark_overview_view_set_filter (WAYMARK_OVERVIEW_VIEW (view), 0, NULL);
  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &text_height);
  {
    const char *id = waymark_document_insert_persona (document,
                                                      waymark_persona_new (NULL, "Nieuw"), -1);
    double new_height;

    waymark_document_insert_phase (document, id, waymark_phase_new (NULL, "Detectie opleidingsnood"),
                                   -1);
    waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &new_height);
    g_assert_cmpfloat (new_height, >, text_height);
  }

  g_object_set (view, "document", NULL, NULL);
  g_free (activation.persona_id);
  g_free (activation.card_id);
  g_assert_finalize_object (view);
  g_assert_finalize_object (document);
}

/* Keyboard ---------------------------------------------------------------- */

/* The matrix inside the view: the widget that takes the focus. */
static GtkWidget *
find_matrix (GtkWidget *widget)
{
  if (GTK_IS_DRAWING_AREA (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matrix (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A key press as GTK delivers it to the matrix: through its key
 * controller's ::key-pressed. Returns whether the view handled it. */
static gboolean
press_key (GtkWidget       *matrix,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (matrix);
  gboolean handled = FALSE;
  guint n_keys = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          n_keys++;
        }
    }
  g_assert_cmpuint (n_keys, ==, 1);
  return handled;
}

static void
assert_label (GtkWidget  *matrix,
              const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (matrix),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);
  if (error != NULL)
    g_error ("accessible label: %s", error);
}

/* What the view must say about a cell: persona, phase, barrier and lever counts. */
static char *
cell_label (WaymarkOverview *overview,
            guint            row,
            guint            column)
{
  const WaymarkOverviewCell *cell = waymark_overview_get_cell (overview, row, column);

  return g_strdup_printf ("%s, phase %u %s: barriers %u, levers %u",
                          waymark_overview_get_row (overview, row)->name, column + 1,
                          waymark_overview_get_column_name (overview, column),
                          cell->counts[WAYMARK_LANE_BARRIERS], cell->counts[WAYMARK_LANE_LEVERS]);
}

static const WaymarkOverviewCard *
find_card (const WaymarkOverviewCell *cell,
           const char                *card_id)
{
  for (guint i = 0; i < cell->cards->len; i++)
    if (g_strcmp0 (((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, i))->card_id,
                   card_id) == 0)
      return g_ptr_array_index (cell->cards, i);
  return NULL;
}

/* The cards of one cell of the full-text figure as the eye reads them,
 * top to bottom (found with the same hit test a click uses). */
static GPtrArray *
cards_top_to_bottom (WaymarkOverviewFigure *figure,
                     const char            *persona_id,
                     const char            *phase_id)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (WaymarkOverviewHit));
  GPtrArray *ids = g_ptr_array_new ();
  double width, height;

  waymark_overview_figure_get_size (figure, &width, &height);
  for (double y = 0; y < height; y += 1)
    for (double x = 0; x < width; x += 4)
      {
        WaymarkOverviewHit hit;
        gboolean seen = FALSE;

        if (!waymark_overview_figure_hit_test (figure, x, y, &hit)
            || hit.kind != WAYMARK_OVERVIEW_HIT_CARD
            || g_strcmp0 (hit.persona_id, persona_id) != 0
            || g_strcmp0 (hit.phase_id, phase_id) != 0)
          continue;
        for (guint i = 0; i < ids->len; i++)
          seen |= g_strcmp0 (g_ptr_array_index (ids, i), hit.card_id) == 0;
        if (!seen)
          g_ptr_array_add (ids, (gpointer) hit.card_id);
      }
  return ids;
}

/* A hidden view (the window has one behind the map from its start) makes
 * its figure only when it is needed: not for a document, nor for edits
 * while hidden; asking for its size or showing it makes it. */
static void
test_lazy (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *view = g_object_ref_sink (waymark_overview_view_new ());
  WaymarkOverviewView *self = WAYMARK_OVERVIEW_VIEW (view);
  GtkWidget *window;
  double width = 0;

  g_object_set (view, "document", document, NULL);
  g_assert_null (self->figure);
  waymark_document_insert_persona (document, waymark_persona_new (NULL, "Nieuw"), -1);
  g_assert_null (self->figure);
  waymark_overview_view_get_figure_size (self, &width, NULL);
  g_assert_cmpfloat (width, >, 500);
  g_assert_nonnull (self->figure);

  /* An edit while hidden drops it again; mapping the view remakes it. */
  waymark_document_insert_persona (document, waymark_persona_new (NULL, "Nog een"), -1);
  g_assert_null (self->figure);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (self->figure);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (document);
  g_assert_finalize_object (view);
}

/* Whether a text of @scene contains @needle. */
static gboolean
scene_says (WaymarkScene *scene,
            const char   *needle)
{
  for (guint i = 0; i < waymark_scene_get_n_items (scene); i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if (item->kind == WAYMARK_SCENE_TEXT &&
          strstr (pango_layout_get_text (item->text.layout), needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Coverage shows what no recommendation addresses yet; it and Full Text
 * are one view at a time. (The example is Dutch; without the built
 * catalogue its figure speaks English.) */
static void
test_coverage (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *view = g_object_ref_sink (waymark_overview_view_new ());
  WaymarkOverviewView *self = WAYMARK_OVERVIEW_VIEW (view);
  double width;

  g_object_set (view, "document", document, NULL);
  waymark_overview_view_get_figure_size (self, &width, NULL);
  g_assert_false (scene_says (waymark_overview_figure_get_scene (self->figure),
                              "zonder aanbeveling") ||
                  scene_says (waymark_overview_figure_get_scene (self->figure),
                              "without a recommendation"));

  g_object_set (view, "show-text", TRUE, NULL);
  waymark_overview_view_set_show_coverage (self, TRUE);
  g_assert_false (waymark_overview_view_get_show_text (self));
  waymark_overview_view_get_figure_size (self, &width, NULL);
  g_assert_true (scene_says (waymark_overview_figure_get_scene (self->figure),
                             "zonder aanbeveling") ||
                 scene_says (waymark_overview_figure_get_scene (self->figure),
                             "without a recommendation"));

  g_object_set (view, "show-text", TRUE, NULL);
  g_assert_false (waymark_overview_view_get_show_coverage (self));

  g_object_unref (document);
  g_assert_finalize_object (view);
}

static void
test_keyboard_counts (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *view = g_object_ref_sink (waymark_overview_view_new ());
  g_autoptr (WaymarkOverview) overview = waymark_overview_new (document, NULL);
  guint n_rows = waymark_overview_get_n_rows (overview);
  guint n_columns = waymark_overview_get_n_columns (overview);
  Activation activation = { 0, };
  GtkWidget *matrix;
  char *label;

  g_signal_connect (view, "card-activated", G_CALLBACK (card_activated_cb), &activation);
  g_object_set (view, "document", document, NULL);
  matrix = find_matrix (view);
  g_assert_nonnull (matrix);
  g_assert_true (gtk_widget_get_focusable (matrix));
  g_assert_cmpuint (n_rows, >=, 2);
  g_assert_cmpuint (n_columns, >=, 3);
  assert_label (matrix, "Overview of barriers and levers across personas");

  /* The first arrow shows the focus on the first cell; then it moves. */
  g_assert_true (press_key (matrix, GDK_KEY_Right, 0));
  assert_label (matrix, label = cell_label (overview, 0, 0));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_Right, 0));
  assert_label (matrix, label = cell_label (overview, 0, 1));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_Down, 0));
  assert_label (matrix, label = cell_label (overview, 1, 1));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_Left, 0));
  assert_label (matrix, label = cell_label (overview, 1, 0));
  g_free (label);
  /* At the edge the focus stays. */
  g_assert_true (press_key (matrix, GDK_KEY_Left, 0));
  assert_label (matrix, label = cell_label (overview, 1, 0));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_End, 0));
  assert_label (matrix, label = cell_label (overview, 1, n_columns - 1));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_Home, 0));
  assert_label (matrix, label = cell_label (overview, 1, 0));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_End, GDK_CONTROL_MASK));
  assert_label (matrix, label = cell_label (overview, n_rows - 1, n_columns - 1));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_Up, 0));
  assert_label (matrix, label = cell_label (overview, n_rows - 2, n_columns - 1));
  g_free (label);

  /* Keys that are not the overview's go on to the window. */
  g_assert_false (press_key (matrix, GDK_KEY_a, 0));
  g_assert_false (press_key (matrix, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (activation.n, ==, 0);

  /* Enter on a cell does what a click on it does: the cell's first card,
   * in its persona's map. */
  g_assert_true (press_key (matrix, GDK_KEY_Home, GDK_CONTROL_MASK));
  g_assert_true (press_key (matrix, GDK_KEY_Right, 0));
  g_assert_true (press_key (matrix, GDK_KEY_Return, 0));
  g_assert_cmpuint (activation.n, ==, 1);
  {
    const WaymarkOverviewCell *cell = waymark_overview_get_cell (overview, 0, 1);

    g_assert_cmpuint (cell->cards->len, >, 0);
    g_assert_cmpstr (activation.persona_id, ==, waymark_overview_get_row (overview, 0)->persona_id);
    g_assert_cmpstr (activation.card_id, ==,
                     ((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, 0))->card_id);
  }
  g_assert_true (press_key (matrix, GDK_KEY_space, 0));
  g_assert_cmpuint (activation.n, ==, 2);

  /* An edit rebuilds the figure; the focus stays on its cell. */
  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Ander");
  assert_label (matrix, label = cell_label (overview, 0, 1));
  g_free (label);

  g_object_set (view, "document", NULL, NULL);
  g_free (activation.persona_id);
  g_free (activation.card_id);
  g_assert_finalize_object (view);
  g_assert_finalize_object (document);
}

static void
test_keyboard_text (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *view = g_object_ref_sink (waymark_overview_view_new ());
  g_autoptr (WaymarkOverview) overview = waymark_overview_new (document, NULL);
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  g_autoptr (GPtrArray) order = NULL;
  const WaymarkOverviewRow *row = waymark_overview_get_row (overview, 0);
  const WaymarkOverviewCell *cell = waymark_overview_get_cell (overview, 0, 0);
  const char *phase = waymark_overview_get_column_name (overview, 0);
  Activation activation = { 0, };
  GtkWidget *matrix;
  char *label;

  {
    WaymarkOverviewSceneOptions options;

    waymark_overview_scene_options_init (&options);
    options.mode = WAYMARK_OVERVIEW_SHOW_TEXT;
    figure = waymark_overview_figure_new (overview, &options);
  }
  order = cards_top_to_bottom (figure, row->persona_id, cell->phase_id);
  g_assert_cmpuint (order->len, ==, cell->cards->len);
  g_assert_cmpuint (order->len, >=, 2);

  g_signal_connect (view, "card-activated", G_CALLBACK (card_activated_cb), &activation);
  g_object_set (view, "document", document, "show-text", TRUE, NULL);
  matrix = find_matrix (view);

  /* Down walks the column: the cell, then its cards from the top. */
  g_assert_true (press_key (matrix, GDK_KEY_Home, GDK_CONTROL_MASK));
  assert_label (matrix, label = cell_label (overview, 0, 0));
  g_free (label);
  for (guint i = 0; i < order->len; i++)
    {
      const WaymarkOverviewCard *card = find_card (cell, g_ptr_array_index (order, i));

      g_assert_true (press_key (matrix, GDK_KEY_Down, 0));
      label = g_strdup_printf ("Card “%s” (%s), %s, phase 1 %s", card->text,
                               waymark_lane_kind_get_label (card->kind), row->name, phase);
      assert_label (matrix, label);
      g_free (label);
    }
  /* Past the last card: the cell below. Up comes back to the last card. */
  g_assert_true (press_key (matrix, GDK_KEY_Down, 0));
  assert_label (matrix, label = cell_label (overview, 1, 0));
  g_free (label);
  g_assert_true (press_key (matrix, GDK_KEY_Up, 0));
  g_assert_true (press_key (matrix, GDK_KEY_Return, 0));
  g_assert_cmpuint (activation.n, ==, 1);
  g_assert_cmpstr (activation.persona_id, ==, row->persona_id);
  g_assert_cmpstr (activation.card_id, ==, g_ptr_array_index (order, order->len - 1));

  /* Enter opens the focused card itself, as a click on it does. */
  for (guint i = 1; i < order->len; i++)
    g_assert_true (press_key (matrix, GDK_KEY_Up, 0));
  g_assert_true (press_key (matrix, GDK_KEY_KP_Enter, 0));
  g_assert_cmpuint (activation.n, ==, 2);
  g_assert_cmpstr (activation.card_id, ==, g_ptr_array_index (order, 0));

  /* Up from the first card is the cell again. */
  g_assert_true (press_key (matrix, GDK_KEY_Up, 0));
  assert_label (matrix, label = cell_label (overview, 0, 0));
  g_free (label);

  /* Back to counts: the focus is on the cell that held the card. */
  g_assert_true (press_key (matrix, GDK_KEY_Down, 0));
  g_object_set (view, "show-text", FALSE, NULL);
  assert_label (matrix, label = cell_label (overview, 0, 0));
  g_free (label);

  g_object_set (view, "document", NULL, NULL);
  g_free (activation.persona_id);
  g_free (activation.card_id);
  g_assert_finalize_object (view);
  g_assert_finalize_object (document);
}

/* The check button labelled @label under @widget, or NULL. */
static GtkWidget *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget)
      && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The filter offers the kinds the lanes have, by the lanes' names. */
static void
test_filter_kinds (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *view = g_object_ref_sink (waymark_overview_view_new ());
  GtkWidget *popover, *notes;

  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      for (guint l = 0; l < persona->lanes->len; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          if (lane->kind == WAYMARK_LANE_BARRIERS)
            waymark_document_set_text (document, lane->base.id, WAYMARK_FIELD_NAME, "Pain points");
        }
    }
  g_object_set (view, "document", document, NULL);
  /* The figure is made when the view is shown (test_lazy); so it is here. */
  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, NULL);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (find_menu_button (view))));
  g_assert_nonnull (popover);
  g_assert_nonnull (find_check (GTK_WIDGET (popover), "Pain points"));
  g_assert_null (find_check (GTK_WIDGET (popover), "Barriers"));
  /* The example has no notes lane: Notes is not offered. */
  notes = find_check (GTK_WIDGET (popover), "Notes");
  g_assert_true (notes == NULL || !gtk_widget_get_visible (notes));
  g_assert_true (gtk_widget_get_visible (find_check (GTK_WIDGET (popover), "Pain points")));

  g_object_set (view, "document", NULL, NULL);
  g_assert_finalize_object (view);
  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      /* TAP: the whole program is skipped, not failed, without a display. */
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/overview-view/view", test_view);
  g_test_add_func ("/overview-view/lazy", test_lazy);
  g_test_add_func ("/overview-view/coverage", test_coverage);
  g_test_add_func ("/overview-view/filter-kinds", test_filter_kinds);
  g_test_add_func ("/overview-view/keyboard-counts", test_keyboard_counts);
  g_test_add_func ("/overview-view/keyboard-text", test_keyboard_text);
  return g_test_run ();
}

/* test-recommendations-gui.c: recommendations in the window, as a user works with them
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under a (virtual) display, through the window's actions and widgets
 * only: the view opened as Ctrl+Shift+R or the sidebar entry does, a
 * recommendation chosen in its list and edited in the inspector's rows,
 * the view's buttons and keyboard actions, each edit one undo step that
 * win.undo takes back.
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "waymark-application.h"
#include "waymark-canvas-private.h"
#include "waymark-find.h"
#include "waymark-history.h"
#include "waymark-card-drag.h"
#include "waymark-recommendation-commands.h"
#include "waymark-link-chooser.h"
#include "waymark-link-targets.h"
#include "waymark-recommendations-matrix.h"
#include "waymark-window-private.h"

static WaymarkApplication *app;
static char *tmp_dir;

/* Helpers ------------------------------------------------------------------- */

static WaymarkWindow *
open_example (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"), "data",
                                              "examples", "levenslang-leren.waymark", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "recommendations.waymark", NULL);
  g_autoptr(GFile) file = NULL;
  WaymarkWindow *window;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  file = g_file_new_for_path (path);
  window = waymark_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  waymark_window_open_file (window, file);
  g_assert_nonnull (window->file);
  gui_test_spin (100);
  return window;
}

/* The first shown descendant of @widget whose action is @action (with
 * @target, a string, when not NULL): what a user can see and click. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *action,
                 const char *target)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));

      if (target == NULL ||
          (value != NULL && g_strcmp0 (g_variant_get_string (value, NULL), target) == 0))
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, action, target);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click, as the user's: the button must be there and sensitive. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_spin (20);
}

static gboolean
is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_is_drawable (widget) && gtk_widget_get_height (widget) > 0;
}

/* A loaded machine may take longer than a few frames to show a page or
 * to end an animation. */
static void
wait_drawn (GtkWidget *widget)
{
  g_assert_true (gui_test_wait_for (is_drawn, widget, 5000));
}

typedef struct {
  WaymarkWindow *window;
  const char    *id;
} ChosenWait;

static gboolean
is_chosen (gpointer data)
{
  ChosenWait *wait = data;

  return g_strcmp0 (waymark_recommendations_view_get_selected_id (wait->window->recommendations),
                    wait->id) == 0;
}

/* The search entry waits a moment after typing before it searches. */
static void
wait_chosen (WaymarkWindow *window,
             const char    *id)
{
  ChosenWait wait = { window, id };

  gui_test_wait_for (is_chosen, &wait, 5000);
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   id);
}

static gboolean
says_no_matches (gpointer data)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (data)), "No matches") == 0;
}

static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 GType       type,
                 const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The inspector's combo row @title: only a recommendation's page has
 * Status and Value, so this fails on the document's page. */
static AdwComboRow *
inspector_combo (WaymarkWindow *window,
                 const char    *title)
{
  GtkWidget *row = find_row_titled (GTK_WIDGET (window->inspector), ADW_TYPE_COMBO_ROW, title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));
  return ADW_COMBO_ROW (row);
}

static guint
n_undo (WaymarkWindow *window)
{
  return waymark_history_get_n_undo (waymark_document_get_history (window->document));
}

static void
undo (WaymarkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gui_test_spin (20);
}

/* The recommendations' ids in the order the list and a report show
 * them, "|"-separated. */
static char *
dup_list_order (WaymarkWindow *window)
{
  g_autoptr(GPtrArray) all = waymark_document_list_recommendations_in_order (window->document);
  GString *order = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    g_string_append_printf (order, "%s%s", i > 0 ? "|" : "",
                            ((WaymarkRecommendation *) g_ptr_array_index (all, i))->base.id);
  return g_string_free (order, FALSE);
}

/* Chooses @id in the view's list as a click on its row does. */
static void
choose (WaymarkWindow *window,
        const char    *id)
{
  GtkWidget *row = waymark_recommendations_view_get_row (window->recommendations, id);
  GtkWidget *list = waymark_recommendations_view_get_list (window->recommendations);

  g_assert_nonnull (row);
  gtk_list_box_select_row (GTK_LIST_BOX (list), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row);
  gui_test_spin (20);
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==, id);
}

static WaymarkWindow *
open_recommendations (void)
{
  WaymarkWindow *window = open_example ();

  g_assert_false (waymark_window_get_recommendations_shown (window));
  /* What Ctrl+Shift+R and the sidebar's entry do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-recommendations",
                                             NULL));
  g_assert_true (waymark_window_get_recommendations_shown (window));
  wait_drawn (GTK_WIDGET (window->recommendations));
  /* The map's zoom does nothing here: not offered. */
  g_assert_false (gtk_widget_get_visible (window->zoom_box));
  return window;
}

/* Tests --------------------------------------------------------------------- */

/* A recommendation chosen in the list is what the inspector edits. */
static void
test_inspector (void)
{
  WaymarkWindow *window = open_recommendations ();
  WaymarkRecommendation *recommendation =
    waymark_document_find_recommendation (window->document, "aanbeveling-2");
  AdwComboRow *status, *value;
  guint steps;

  g_assert_nonnull (recommendation);
  g_assert_cmpint (recommendation->status, ==, WAYMARK_STATUS_OPEN);
  g_assert_cmpint (recommendation->value, ==, 4);

  choose (window, "aanbeveling-2");
  /* Enter or F2 on the row: the inspector, shown, on its page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->recommendations), "recs.edit",
                                             NULL));
  gui_test_spin (50);
  g_assert_true (waymark_window_get_inspector_visible (window));
  {
    GValue id = G_VALUE_INIT;

    g_value_init (&id, G_TYPE_STRING);
    g_object_get_property (G_OBJECT (window->inspector), "object-id", &id);
    g_assert_cmpstr (g_value_get_string (&id), ==, "aanbeveling-2");
    g_value_unset (&id);
  }
  g_assert_nonnull (find_row_titled (GTK_WIDGET (window->inspector), ADW_TYPE_ENTRY_ROW,
                                     "Owner"));

  /* The status, as the user picks it in the combo row. */
  status = inspector_combo (window, "Status");
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, WAYMARK_STATUS_OPEN);
  steps = n_undo (window);
  adw_combo_row_set_selected (status, WAYMARK_STATUS_DONE);
  gui_test_spin (20);
  recommendation = waymark_document_find_recommendation (window->document, "aanbeveling-2");
  g_assert_cmpint (recommendation->status, ==, WAYMARK_STATUS_DONE);
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  g_assert_true (waymark_window_get_modified (window));

  /* The value: position 2 is "2 · Low". */
  value = inspector_combo (window, "Value");
  g_assert_cmpuint (adw_combo_row_get_selected (value), ==, 4);
  adw_combo_row_set_selected (value, 2);
  gui_test_spin (20);
  recommendation = waymark_document_find_recommendation (window->document, "aanbeveling-2");
  g_assert_cmpint (recommendation->value, ==, 2);
  g_assert_cmpint (recommendation->effort, ==, 3);
  g_assert_cmpuint (n_undo (window), ==, steps + 2);

  /* Each undone on its own, the rows following the document. */
  undo (window);
  recommendation = waymark_document_find_recommendation (window->document, "aanbeveling-2");
  g_assert_cmpint (recommendation->value, ==, 4);
  g_assert_cmpint (recommendation->status, ==, WAYMARK_STATUS_DONE);
  g_assert_cmpuint (adw_combo_row_get_selected (inspector_combo (window, "Value")), ==, 4);
  undo (window);
  recommendation = waymark_document_find_recommendation (window->document, "aanbeveling-2");
  g_assert_cmpint (recommendation->status, ==, WAYMARK_STATUS_OPEN);
  g_assert_cmpuint (adw_combo_row_get_selected (inspector_combo (window, "Status")), ==,
                    WAYMARK_STATUS_OPEN);
  g_assert_cmpuint (n_undo (window), ==, steps);
  /* Still the recommendation's page after the undos. */
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   "aanbeveling-2");

  /* A domain's heading shows the domain's page. */
  choose (window, "samenwerking");
  g_assert_nonnull (find_row_titled (GTK_WIDGET (window->inspector), ADW_TYPE_ENTRY_ROW, "Name"));
  g_assert_null (find_row_titled (GTK_WIDGET (window->inspector), ADW_TYPE_COMBO_ROW, "Status"));

  gui_test_close_window (window);
}

/* The toolbar adds a recommendation and a domain, the keyboard's actions
 * delete and move them: one undo step each. */
static void
test_view_edits (void)
{
  WaymarkWindow *window = open_recommendations ();
  GtkWidget *view = GTK_WIDGET (window->recommendations);
  GPtrArray *recommendations = waymark_document_get_recommendations (window->document);
  GPtrArray *domains = waymark_document_get_domains (window->document);
  guint n_recommendations = recommendations->len;
  guint n_domains = domains->len;
  g_autofree char *order = dup_list_order (window);
  g_autofree char *new_id = NULL;
  g_autofree char *moved = NULL;
  WaymarkRecommendation *added;
  guint steps = n_undo (window);

  /* The toolbar's "Recommendation" button: next to the chosen one. */
  choose (window, "aanbeveling-4");
  click (find_actionable (view, "recs.add", NULL));
  g_assert_cmpuint (recommendations->len, ==, n_recommendations + 1);
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  new_id = g_strdup (waymark_recommendations_view_get_selected_id (window->recommendations));
  g_assert_nonnull (new_id);
  added = waymark_document_find_recommendation (window->document, new_id);
  g_assert_nonnull (added);
  g_assert_cmpstr (added->domain_id, ==, "samenwerking");
  /* Named first: the inspector is open on it. */
  g_assert_true (waymark_window_get_inspector_visible (window));
  g_assert_nonnull (find_row_titled (GTK_WIDGET (window->inspector), ADW_TYPE_COMBO_ROW,
                                     "Status"));
  undo (window);
  g_assert_cmpuint (recommendations->len, ==, n_recommendations);
  g_assert_null (waymark_document_find_recommendation (window->document, new_id));
  g_assert_cmpuint (n_undo (window), ==, steps);

  /* The heading's own button adds to that domain. */
  click (find_actionable (view, "recs.add-to-domain", "inclusie"));
  g_assert_cmpuint (recommendations->len, ==, n_recommendations + 1);
  g_clear_pointer (&new_id, g_free);
  new_id = g_strdup (waymark_recommendations_view_get_selected_id (window->recommendations));
  g_assert_cmpstr (waymark_document_find_recommendation (window->document, new_id)->domain_id,
                   ==, "inclusie");
  undo (window);
  g_assert_cmpuint (recommendations->len, ==, n_recommendations);

  /* The toolbar's "Domain" button. */
  click (find_actionable (view, "recs.add-domain", NULL));
  g_assert_cmpuint (domains->len, ==, n_domains + 1);
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  g_clear_pointer (&new_id, g_free);
  new_id = g_strdup (waymark_recommendations_view_get_selected_id (window->recommendations));
  g_assert_nonnull (waymark_document_find_domain (window->document, new_id));
  g_assert_nonnull (waymark_recommendations_view_get_row (window->recommendations, new_id));
  undo (window);
  g_assert_cmpuint (domains->len, ==, n_domains);
  g_assert_null (waymark_recommendations_view_get_row (window->recommendations, new_id));

  /* Delete (the key's action) on a chosen recommendation, then undo. */
  choose (window, "aanbeveling-5");
  g_assert_true (gtk_widget_activate_action (view, "recs.delete", NULL));
  gui_test_spin (20);
  g_assert_null (waymark_document_find_recommendation (window->document, "aanbeveling-5"));
  g_assert_null (waymark_recommendations_view_get_row (window->recommendations, "aanbeveling-5"));
  g_assert_cmpuint (recommendations->len, ==, n_recommendations - 1);
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  /* The list goes on with a neighbour. */
  g_assert_nonnull (waymark_recommendations_view_get_selected_id (window->recommendations));
  undo (window);
  g_assert_nonnull (waymark_document_find_recommendation (window->document, "aanbeveling-5"));
  g_assert_nonnull (waymark_recommendations_view_get_row (window->recommendations,
                                                         "aanbeveling-5"));
  {
    g_autofree char *now = dup_list_order (window);
    g_assert_cmpstr (now, ==, order);
  }

  /* Alt+Down and Alt+Up (their actions): the last of a domain moves into
   * the next one, the first back again. */
  choose (window, "aanbeveling-3");
  g_assert_true (gtk_widget_activate_action (view, "recs.move-down", NULL));
  gui_test_spin (20);
  g_assert_cmpstr (waymark_document_find_recommendation (window->document,
                                                         "aanbeveling-3")->domain_id,
                   ==, "samenwerking");
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  /* Still chosen, so that the next Alt+Down moves it on. */
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   "aanbeveling-3");
  moved = dup_list_order (window);
  g_assert_cmpstr (moved, ==, order);  /* the same order, another domain */
  undo (window);
  g_assert_cmpstr (waymark_document_find_recommendation (window->document,
                                                         "aanbeveling-3")->domain_id,
                   ==, "beleidskader");

  choose (window, "aanbeveling-2");
  g_assert_true (gtk_widget_activate_action (view, "recs.move-up", NULL));
  gui_test_spin (20);
  g_clear_pointer (&moved, g_free);
  moved = dup_list_order (window);
  g_assert_true (g_str_has_prefix (moved, "aanbeveling-2|aanbeveling-1|aanbeveling-3|"));
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  undo (window);
  g_clear_pointer (&moved, g_free);
  moved = dup_list_order (window);
  g_assert_cmpstr (moved, ==, order);
  g_assert_cmpuint (n_undo (window), ==, steps);

  gui_test_close_window (window);
}

/* The first card of the first persona's map that no recommendation
 * addresses. */
static const char *
unlinked_card (WaymarkWindow *window)
{
  WaymarkPersona *persona = waymark_document_get_persona (window->document, 0);

  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);

      if (waymark_document_count_recommendations_for_card (window->document, card->base.id) == 0)
        return card->base.id;
    }
  g_assert_not_reached ();
  return NULL;
}

static WaymarkLinkChooser *
find_link_chooser (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (WAYMARK_IS_LINK_CHOOSER (child))
      return WAYMARK_LINK_CHOOSER (child);
  return NULL;
}

/* Ctrl+K on the map: the chooser for the selected cards, open. */
static WaymarkLinkChooser *
open_link_chooser (WaymarkWindow *window)
{
  WaymarkLinkChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->canvas),
                                             "canvas.link-recommendation", NULL));
  gui_test_spin (50);
  chooser = find_link_chooser (GTK_WIDGET (window->canvas));
  g_assert_nonnull (chooser);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  return chooser;
}

static gboolean
addresses (WaymarkWindow *window,
           const char    *recommendation_id,
           const char    *card_id)
{
  return waymark_recommendation_addresses (
    waymark_document_find_recommendation (window->document, recommendation_id), card_id);
}

/* Whether the card menu has an item for @action (with string @target
 * when not NULL), in a section or a submenu. */
static gboolean
menu_has (GMenuModel *model,
          const char *action,
          const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) value = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        {
          value = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET,
                                                         G_VARIANT_TYPE_STRING);
          if (target == NULL ||
              (value != NULL && g_str_equal (g_variant_get_string (value, NULL), target)))
            return TRUE;
        }
      if ((section != NULL && menu_has (section, action, target)) ||
          (submenu != NULL && menu_has (submenu, action, target)))
        return TRUE;
    }
  return FALSE;
}

static GMenuModel *
card_menu_model (WaymarkWindow *window)
{
  WaymarkCanvas *canvas = window->canvas;

  /* What the Menu key opens at the focused card. */
  _waymark_canvas_popup_menu (canvas, -1, -1);
  gui_test_spin (20);
  g_assert_nonnull (canvas->context_menu);
  return gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (canvas->context_menu));
}

/* Cards linked from the map with the keyboard: search and Enter, ticks,
 * "New Recommendation" and the menu's "Unlink", one undo step each. */
static void
test_link_chooser (void)
{
  WaymarkWindow *window = open_example ();
  g_autofree char *card_id = g_strdup (unlinked_card (window));
  const char * const *selection;
  WaymarkLinkChooser *chooser;
  GtkWidget *entry, *check;
  GPtrArray *recommendations = waymark_document_get_recommendations (window->document);
  guint n_recommendations = recommendations->len;
  guint steps = n_undo (window);
  g_autofree char *new_id = NULL;

  waymark_canvas_reveal_card (window->canvas, card_id);
  gui_test_spin (50);
  selection = waymark_canvas_get_selected_cards (window->canvas);
  g_assert_cmpuint (g_strv_length ((char **) selection), ==, 1);
  g_assert_cmpstr (selection[0], ==, card_id);

  /* The card's menu offers the chooser, and nothing to unlink yet. */
  g_assert_true (menu_has (card_menu_model (window), "canvas.link-recommendation", NULL));
  g_assert_false (menu_has (card_menu_model (window), "canvas.unlink-recommendation", NULL));
  gtk_popover_popdown (GTK_POPOVER (window->canvas->context_menu));

  /* Ctrl+K, "uitstroom", Enter: linked to the one that matches. */
  chooser = open_link_chooser (window);
  entry = waymark_link_chooser_get_search_entry (chooser);
  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("aanbeveling-%u", i);
      check = waymark_link_chooser_get_check (chooser, id);
      g_assert_nonnull (check);
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "UITSTROOM");
  gui_test_spin (400);  /* the entry's search delay */
  g_assert_true (waymark_link_chooser_shows (chooser, "aanbeveling-7"));
  g_assert_false (waymark_link_chooser_shows (chooser, "aanbeveling-1"));
  /* The owner is searched too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "vlaio");
  gui_test_spin (400);
  g_assert_true (waymark_link_chooser_shows (chooser, "aanbeveling-6"));
  g_assert_false (waymark_link_chooser_shows (chooser, "aanbeveling-7"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "uitstroom");
  gui_test_spin (400);
  g_signal_emit_by_name (entry, "activate");
  gui_test_spin (50);
  g_assert_true (addresses (window, "aanbeveling-7", card_id));
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));

  /* Linked now: the menu offers to unlink it, in one step. */
  g_assert_true (menu_has (card_menu_model (window), "canvas.unlink-recommendation",
                           "aanbeveling-7"));
  gtk_popover_popdown (GTK_POPOVER (window->canvas->context_menu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->canvas),
                                             "canvas.unlink-recommendation", "s",
                                             "aanbeveling-7"));
  gui_test_spin (20);
  g_assert_false (addresses (window, "aanbeveling-7", card_id));
  g_assert_cmpuint (n_undo (window), ==, steps + 2);
  undo (window);
  g_assert_true (addresses (window, "aanbeveling-7", card_id));
  undo (window);
  g_assert_false (addresses (window, "aanbeveling-7", card_id));
  g_assert_cmpuint (n_undo (window), ==, steps);

  /* Ticks link and unlink at once; the popover stays for more. */
  chooser = open_link_chooser (window);
  entry = waymark_link_chooser_get_search_entry (chooser);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  check = waymark_link_chooser_get_check (chooser, "aanbeveling-1");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gui_test_spin (20);
  g_assert_true (addresses (window, "aanbeveling-1", card_id));
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  /* The checks follow undo while it is open. */
  undo (window);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  gui_test_spin (20);
  g_assert_false (addresses (window, "aanbeveling-1", card_id));
  g_assert_cmpuint (n_undo (window), ==, steps + 2);
  undo (window);
  undo (window);
  g_assert_cmpuint (n_undo (window), ==, steps);

  /* "New Recommendation": made and linked in one step, then shown to be
   * named. */
  click (waymark_link_chooser_get_new_button (chooser));
  gui_test_spin (50);
  g_assert_cmpuint (recommendations->len, ==, n_recommendations + 1);
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chooser)));
  g_assert_true (waymark_window_get_recommendations_shown (window));
  new_id = g_strdup (waymark_recommendations_view_get_selected_id (window->recommendations));
  g_assert_nonnull (new_id);
  g_assert_true (addresses (window, new_id, card_id));
  g_assert_true (waymark_window_get_inspector_visible (window));
  g_assert_nonnull (find_row_titled (GTK_WIDGET (window->inspector), ADW_TYPE_COMBO_ROW,
                                     "Status"));
  undo (window);
  g_assert_cmpuint (recommendations->len, ==, n_recommendations);
  g_assert_null (waymark_document_find_recommendation (window->document, new_id));
  g_assert_cmpuint (n_undo (window), ==, steps);

  gui_test_close_window (window);
}

/* Ctrl+K while typing a card's text keeps the text, then links. */
static void
test_link_while_editing (void)
{
  WaymarkWindow *window = open_example ();
  g_autofree char *card_id = g_strdup (unlinked_card (window));
  WaymarkLinkChooser *chooser;

  waymark_canvas_reveal_card (window->canvas, card_id);
  gui_test_spin (50);
  waymark_canvas_start_editing (window->canvas);
  gui_test_spin (20);
  g_assert_true (waymark_canvas_is_editing (window->canvas));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (window->canvas->editor)),
                            "Geen tijd voor opleiding", -1);
  chooser = open_link_chooser (window);
  g_assert_false (waymark_canvas_is_editing (window->canvas));
  g_assert_cmpstr (waymark_document_find_card (window->document, card_id)->text, ==,
                   "Geen tijd voor opleiding");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (waymark_link_chooser_get_check (chooser,
                                                                                 "aanbeveling-9")),
                               TRUE);
  gui_test_spin (20);
  g_assert_true (addresses (window, "aanbeveling-9", card_id));
  gtk_popover_popdown (GTK_POPOVER (chooser));

  gui_test_close_window (window);
}

/* Several cards: a recommendation that addresses some of them is
 * half-ticked, and ticking it links the rest. */
static void
test_link_chooser_many (void)
{
  WaymarkWindow *window = open_example ();
  WaymarkRecommendation *recommendation =
    waymark_document_find_recommendation (window->document, "aanbeveling-1");
  g_autofree char *linked = g_strdup (recommendation->cards[0]);
  WaymarkPersona *persona = waymark_document_lookup_persona (window->document, linked);
  g_auto(GStrv) selection = NULL;
  WaymarkLinkChooser *chooser;
  GtkWidget *check;
  guint steps = n_undo (window);
  guint n_cards;

  /* Ctrl+A on that card's map. */
  waymark_window_set_persona_id (window, persona->base.id);
  waymark_canvas_reveal_card (window->canvas, linked);
  gui_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->canvas), "canvas.select-all",
                                             NULL));
  gui_test_spin (20);
  selection = g_strdupv ((char **) waymark_canvas_get_selected_cards (window->canvas));
  n_cards = g_strv_length (selection);
  g_assert_cmpuint (n_cards, >, 1);

  chooser = open_link_chooser (window);
  check = waymark_link_chooser_get_check (chooser, "aanbeveling-1");
  g_assert_true (gtk_check_button_get_inconsistent (GTK_CHECK_BUTTON (check)));
  /* A click on a half-ticked box. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  gui_test_spin (20);
  for (guint i = 0; i < n_cards; i++)
    g_assert_true (addresses (window, "aanbeveling-1", selection[i]));
  g_assert_false (gtk_check_button_get_inconsistent (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (n_undo (window), ==, steps + 1);
  undo (window);
  g_assert_true (addresses (window, "aanbeveling-1", linked));
  g_assert_true (gtk_check_button_get_inconsistent (GTK_CHECK_BUTTON (check)));
  gtk_popover_popdown (GTK_POPOVER (chooser));

  gui_test_close_window (window);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type, css_class);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The ids of the recommendations that find should go through for
 * @query, in order. */
static GPtrArray *
expected_matches (WaymarkWindow *window,
                  const char    *query)
{
  g_autoptr(GArray) matches = waymark_find_matches_with_recommendations (window->document, query);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < matches->len; i++)
    if (g_array_index (matches, WaymarkFindMatch, i).recommendation_id != NULL)
      g_ptr_array_add (ids,
                       g_strdup (g_array_index (matches, WaymarkFindMatch, i).recommendation_id));
  return ids;
}

static void
type_in_find_bar (WaymarkWindow *window,
                  const char    *text)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (window->find_bar), GTK_TYPE_SEARCH_ENTRY, NULL);

  g_assert_nonnull (entry);
  wait_drawn (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gui_test_spin (400);  /* the entry's search delay */
}

/* Ctrl+F while the recommendations are shown finds recommendations by
 * title, description and owner, and chooses each match in the view. */
static void
test_find (void)
{
  WaymarkWindow *window = open_recommendations ();
  g_autofree char *persona_id = g_strdup (window->persona_id);
  g_autoptr(GPtrArray) expected = expected_matches (window, "vdab");
  GtkWidget *entry, *count;
  g_autofree char *text = NULL;

  /* Owners "VDAB" and "VDAB en sectorfondsen", and some descriptions. */
  g_assert_cmpuint (expected->len, >=, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.find", NULL));
  gui_test_spin (50);
  entry = find_descendant (GTK_WIDGET (window->find_bar), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  {
    g_autofree char *placeholder = NULL;
    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Find recommendations");
  }

  type_in_find_bar (window, "vdab");
  /* The first match chosen in the view, and in the inspector. */
  wait_chosen (window, g_ptr_array_index (expected, 0));
  count = find_descendant (GTK_WIDGET (window->find_bar), GTK_TYPE_LABEL, "numeric");
  text = g_strdup_printf ("1 of %u", expected->len);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, text);

  /* Ctrl+G: the next one; still the view, still the same persona. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.find-next", NULL));
  gui_test_spin (50);
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   g_ptr_array_index (expected, 1));
  g_assert_true (waymark_window_get_recommendations_shown (window));
  g_assert_cmpstr (window->persona_id, ==, persona_id);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("2 of %u", expected->len);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, text);
  /* Ctrl+Shift+G back, and once more round to the last. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.find-previous", NULL));
  gui_test_spin (50);
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   g_ptr_array_index (expected, expected->len - 1));

  /* A description's words: only the recommendation that has them. */
  g_clear_pointer (&expected, g_ptr_array_unref);
  expected = expected_matches (window, "structurele financiering");
  g_assert_cmpuint (expected->len, ==, 1);
  type_in_find_bar (window, "structurele financiering");
  wait_chosen (window, g_ptr_array_index (expected, 0));
  {
    /* Scrolled to: its row is inside the list's visible part. */
    GtkWidget *row = waymark_recommendations_view_get_row (window->recommendations,
                                                           g_ptr_array_index (expected, 0));
    GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    graphene_rect_t bounds;

    gui_test_spin (50);
    g_assert_true (gtk_widget_compute_bounds (row, scroller, &bounds));
    g_assert_cmpfloat (bounds.origin.y, >=, 0);
    g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=,
                       gtk_widget_get_height (scroller) + 0.5);
  }
  /* Nothing found: no choice changes. */
  type_in_find_bar (window, "zzzz-niets");
  gui_test_wait_for (says_no_matches, count, 5000);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, "No matches");
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   g_ptr_array_index (expected, 0));

  /* Back on the map, the same bar finds cards again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-recommendations",
                                             NULL));
  gui_test_spin (50);
  g_assert_false (waymark_window_get_recommendations_shown (window));
  g_assert_true (gtk_widget_get_visible (window->zoom_box));
  {
    g_autofree char *placeholder = NULL;
    g_object_get (entry, "placeholder-text", &placeholder, NULL);
    g_assert_cmpstr (placeholder, ==, "Find cards in all personas");
  }

  gui_test_close_window (window);
}

/* The Matrix tab draws the priority matrix over the page's height, and
 * a click on a dot chooses that recommendation. */
static void
test_matrix (void)
{
  WaymarkWindow *window = open_recommendations ();
  GtkWidget *matrix;
  GtkWidget *switcher;
  double x, y;

  /* The tab as the switcher's button chooses it. */
  switcher = find_descendant (GTK_WIDGET (window->recommendations), GTK_TYPE_STACK_SWITCHER, NULL);
  g_assert_nonnull (switcher);
  waymark_recommendations_view_set_show_matrix (window->recommendations, TRUE);
  gui_test_spin (100);
  matrix = find_descendant (GTK_WIDGET (window->recommendations),
                            WAYMARK_TYPE_RECOMMENDATIONS_MATRIX, NULL);
  g_assert_nonnull (matrix);
  wait_drawn (matrix);
  gui_test_spin (50);
  /* The page's height, not a strip at its top. */
  g_assert_cmpint (gtk_widget_get_height (matrix), >,
                   gtk_widget_get_height (GTK_WIDGET (window->recommendations)) / 2);

  g_assert_true (waymark_recommendations_matrix_get_marker (WAYMARK_RECOMMENDATIONS_MATRIX (matrix),
                                                            "aanbeveling-6", &x, &y));
  g_assert_true (waymark_recommendations_matrix_click (WAYMARK_RECOMMENDATIONS_MATRIX (matrix),
                                                       x, y));
  gui_test_spin (20);
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   "aanbeveling-6");
  {
    GValue id = G_VALUE_INIT;

    g_value_init (&id, G_TYPE_STRING);
    g_object_get_property (G_OBJECT (window->inspector), "object-id", &id);
    g_assert_cmpstr (g_value_get_string (&id), ==, "aanbeveling-6");
    g_value_unset (&id);
  }
  /* Empty paper chooses nothing. */
  g_assert_false (waymark_recommendations_matrix_click (WAYMARK_RECOMMENDATIONS_MATRIX (matrix),
                                                        2, 2));
  g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                   "aanbeveling-6");
  /* The arrow keys go on in the report's order. */
  {
    GtkWidget *area = find_descendant (matrix, GTK_TYPE_DRAWING_AREA, NULL);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (area);
    GtkEventController *keys = NULL;
    gboolean handled = FALSE;

    g_assert_true (gtk_widget_get_focusable (area));
    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          keys = GTK_EVENT_CONTROLLER (controller);
      }
    g_assert_nonnull (keys);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Right, 0, 0, &handled);
    g_assert_true (handled);
    g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                     "aanbeveling-7");
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, 0, &handled);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
    g_assert_cmpstr (waymark_recommendations_view_get_selected_id (window->recommendations), ==,
                     "aanbeveling-5");
    gui_test_spin (20);
  }
  /* The choice stays when going back to the list. */
  waymark_recommendations_view_set_show_matrix (window->recommendations, FALSE);
  gui_test_spin (20);
  g_assert_true (gtk_list_box_row_is_selected (
    GTK_LIST_BOX_ROW (waymark_recommendations_view_get_row (window->recommendations,
                                                            "aanbeveling-5"))));

  gui_test_close_window (window);
}

/* The drop target on the window's link targets' list. */
static GtkDropTarget *
find_drop_target (GtkWidget *list)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Drops @card_ids on @row of the list, as the end of a drag does. */
static gboolean
drop_cards_on (GtkWidget          *list,
               GtkWidget          *row,
               const char * const *card_ids)
{
  g_auto (GValue) value = G_VALUE_INIT;
  graphene_rect_t bounds;
  gboolean handled = FALSE;

  g_assert_true (gtk_widget_compute_bounds (row, list, &bounds));
  g_value_init (&value, WAYMARK_TYPE_DRAGGED_CARDS);
  g_value_take_boxed (&value, waymark_dragged_cards_new (card_ids));
  g_signal_emit_by_name (find_drop_target (list), "drop", &value,
                         (double) bounds.origin.x + 4,
                         (double) bounds.origin.y + bounds.size.height / 2, &handled);
  return handled;
}

/* A barrier card of each of the first three personas: the cards a
 * researcher drags onto a recommendation in the trial of the issue. */
static void
three_barriers (WaymarkDocument *document,
                const char      *ids[4])
{
  guint n = 0;

  for (guint p = 0; p < 3; p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      for (guint c = 0; c < persona->cards->len && n == p; c++)
        {
          WaymarkCard *card = g_ptr_array_index (persona->cards, c);
          WaymarkLane *lane = waymark_persona_find_lane (persona, card->lane_id);

          if (lane != NULL && waymark_lane_kind_is_barrier (lane->kind))
            ids[n++] = card->base.id;
        }
    }
  g_assert_cmpuint (n, ==, 3);
  ids[3] = NULL;
}

/* Cards dragged from the maps and dropped on a recommendation in the
 * sidebar are linked to it, three personas' barriers in one undo step;
 * dropped on "New Recommendation", they make one that addresses them. */
static void
test_drop_links (void)
{
  WaymarkWindow *window = open_example ();
  WaymarkDocument *document = window->document;
  WaymarkHistory *history = waymark_document_get_history (document);
  GtkWidget *targets = GTK_WIDGET (window->link_targets);
  GtkWidget *list = waymark_link_targets_get_list (window->link_targets);
  WaymarkRecommendation *recommendation =
    g_ptr_array_index (waymark_document_get_recommendations (document), 0);
  guint n_recommendations = waymark_document_get_recommendations (document)->len;
  const char *cards[4];
  WaymarkRecommendation *added;

  three_barriers (document, cards);
  /* What the window shows while cards are dragged on a map. */
  gtk_stack_set_visible_child (GTK_STACK (window->sidebar_stack), targets);
  gui_test_spin (200);

  /* Unlink first, so that the drop has something to do. */
  waymark_command_link_cards (document, recommendation->base.id, cards, FALSE);
  g_assert_false (waymark_recommendation_addresses (recommendation, cards[0]));
  waymark_history_clear (history);

  g_assert_true (drop_cards_on (list, waymark_link_targets_get_row (window->link_targets,
                                                                    recommendation->base.id),
                                cards));
  for (guint i = 0; i < 3; i++)
    g_assert_true (waymark_recommendation_addresses (recommendation, cards[i]));
  g_assert_true (waymark_document_undo (document));
  for (guint i = 0; i < 3; i++)
    g_assert_false (waymark_recommendation_addresses (recommendation, cards[i]));
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 0);

  /* On "New Recommendation": a new one, addressing the three, one step. */
  gui_test_spin (50);
  g_assert_true (drop_cards_on (list, waymark_link_targets_get_row (window->link_targets, NULL),
                                cards));
  g_assert_cmpuint (waymark_document_get_recommendations (document)->len, ==,
                    n_recommendations + 1);
  {
    g_autoptr (GPtrArray) linked = waymark_document_get_recommendations_for_card (document,
                                                                                   cards[2]);

    g_assert_cmpuint (linked->len, ==, 1);
    added = g_ptr_array_index (linked, 0);
  }
  for (guint i = 0; i < 3; i++)
    g_assert_true (waymark_recommendation_addresses (added, cards[i]));
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpuint (waymark_document_get_recommendations (document)->len, ==, n_recommendations);

  gtk_stack_set_visible_child (GTK_STACK (window->sidebar_stack), GTK_WIDGET (window->sidebar));
  gui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int result;

  tmp_dir = g_dir_make_tmp ("waymark-test-recommendations-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *xdg = g_build_filename (tmp_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  }

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  app = waymark_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/recommendations-gui/inspector", test_inspector);
  g_test_add_func ("/recommendations-gui/view-edits", test_view_edits);
  g_test_add_func ("/recommendations-gui/link-chooser", test_link_chooser);
  g_test_add_func ("/recommendations-gui/link-chooser-many", test_link_chooser_many);
  g_test_add_func ("/recommendations-gui/link-while-editing", test_link_while_editing);
  g_test_add_func ("/recommendations-gui/find", test_find);
  g_test_add_func ("/recommendations-gui/matrix", test_matrix);
  g_test_add_func ("/recommendations-gui/drop-links", test_drop_links);

  result = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (tmp_dir);
  return result;
}

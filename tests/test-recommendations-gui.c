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
#include "waymark-history.h"
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
  gui_test_spin (100);
  g_assert_true (waymark_window_get_recommendations_shown (window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->recommendations)));
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

  result = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (tmp_dir);
  return result;
}

/* test-inspector.c: the inspector's pages: one heading pattern, "Default" colours, undo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "waymark-format.h"
#include "waymark-inspector.h"

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

/* The panel's column of groups: the box whose children are what the
 * user sees as sections. */
static GtkWidget *
find_sections (GtkWidget *widget)
{
  GtkWidget *first = gtk_widget_get_first_child (widget);

  if (GTK_IS_BOX (widget) && first != NULL && ADW_IS_PREFERENCES_GROUP (first))
    return widget;
  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sections (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The headings of the page, in order, "|"-separated; fails on anything in
 * the panel's column that is not a titled preferences group. */
static char *
dup_headings (GtkWidget *inspector)
{
  GtkWidget *sections = find_sections (inspector);
  GString *headings = g_string_new (NULL);

  g_assert_nonnull (sections);
  for (GtkWidget *child = gtk_widget_get_first_child (sections); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *title;

      g_assert_true (ADW_IS_PREFERENCES_GROUP (child));
      title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child));
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      g_string_append_printf (headings, "%s%s", headings->len > 0 ? "|" : "", title);
    }
  return g_string_free (headings, FALSE);
}

/* No heading-styled label anywhere but the groups' own titles. */
static void
assert_no_stray_headings (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      g_assert_false (gtk_widget_has_css_class (widget, "caption-heading"));
      if (gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP) == NULL)
        g_assert_false (gtk_widget_has_css_class (widget, "heading"));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_stray_headings (child);
}

static void
assert_page (GtkWidget  *inspector,
             const char *object_id,
             const char *expected)
{
  g_autofree char *headings = NULL;

  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), object_id);
  headings = dup_headings (inspector);
  g_assert_cmpstr (headings, ==, expected);
  assert_no_stray_headings (inspector);
}

static void
test_headings (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *inspector = g_object_ref_sink (waymark_inspector_new ());
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);
  WaymarkCard *card = g_ptr_array_index (persona->cards, 0);
  WaymarkLane *emotions = NULL, *other = NULL;

  for (guint i = 0; i < persona->lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, i);

      if (lane->kind == WAYMARK_LANE_EMOTIONS && emotions == NULL)
        emotions = lane;
      else if (lane->kind != WAYMARK_LANE_EMOTIONS && other == NULL)
        other = lane;
    }
  g_assert_nonnull (emotions);
  g_assert_nonnull (other);

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  /* The same pattern on every page: the object, then what belongs to it. */
  assert_page (inspector, NULL, "Document|Tags");
  assert_page (inspector, card->base.id, "Card|Tags");
  assert_page (inspector, other->base.id, "Lane");
  assert_page (inspector, emotions->base.id, "Lane|Emotion Scale");
  assert_page (inspector, ((WaymarkPhase *) g_ptr_array_index (persona->phases, 0))->base.id,
               "Phase");
  assert_page (inspector, persona->base.id, "Persona|Profile");

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  g_assert_finalize_object (inspector);
  g_assert_finalize_object (document);
}

static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What a click does (gtk_widget_activate () on a button would click it
 * only after its press animation). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
find_color_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_COLOR_CHOOSER_DIALOG (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* What the colour row shows: "Default" in words and only the chooser, or
 * the colour with a way back to the default. */
static void
assert_color_row (GtkWidget  *inspector,
                  const char *subtitle,
                  gboolean    resettable)
{
  AdwActionRow *row = find_row (inspector, "Colour");
  GtkWidget *reset;

  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, subtitle);
  reset = find_button (GTK_WIDGET (row), "Use the Default Colour");
  g_assert_nonnull (reset);
  g_assert_cmpint (gtk_widget_get_visible (reset), ==, resettable);
  g_assert_nonnull (find_button (GTK_WIDGET (row), "Choose a Colour"));
}

static void
test_default_color (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = waymark_inspector_new ();
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);
  WaymarkCard *card = NULL;
  GtkWidget *dialog;
  GdkRGBA red = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0, 1 };

  for (guint i = 0; i < persona->cards->len && card == NULL; i++)
    if (((WaymarkCard *) g_ptr_array_index (persona->cards, i))->color[0] == '\0')
      card = g_ptr_array_index (persona->cards, i);
  g_assert_nonnull (card);

  gtk_window_set_child (GTK_WINDOW (window), inspector);
  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), card->base.id);

  /* Unset reads "Default", with nothing to reset. */
  assert_color_row (inspector, "Default", FALSE);

  /* Choosing a colour: the row's button opens the chooser; OK sets it. */
  click (find_button (inspector, "Choose a Colour"));
  dialog = find_color_dialog ();
  g_assert_nonnull (dialog);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &red);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  g_assert_null (find_color_dialog ());
  g_assert_cmpstr (card->color, ==, "#e01b24");
  assert_color_row (inspector, "#e01b24", TRUE);

  /* Back to the default with the row's reset button. */
  click (find_button (inspector, "Use the Default Colour"));
  g_assert_cmpstr (card->color, ==, "");
  assert_color_row (inspector, "Default", FALSE);

  /* Both were edits of the document: undo walks them back. */
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpstr (card->color, ==, "#e01b24");
  assert_color_row (inspector, "#e01b24", TRUE);
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpstr (card->color, ==, "");
  assert_color_row (inspector, "Default", FALSE);

  /* Cancelling the chooser changes nothing. */
  click (find_button (inspector, "Choose a Colour"));
  dialog = find_color_dialog ();
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &red);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_assert_cmpstr (card->color, ==, "");

  /* A persona's colour can go back to the default as well. */
  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), persona->base.id);
  assert_color_row (inspector, persona->color, TRUE);
  click (find_button (inspector, "Use the Default Colour"));
  g_assert_cmpstr (persona->color, ==, "");
  assert_color_row (inspector, "Default", FALSE);
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpstr (persona->color, ==, "#0072b2");

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (document);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (title == NULL
          || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The entries of a combo row, "|"-separated, the selected one in []. */
static char *
dup_combo_items (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  GString *items = g_string_new (NULL);

  g_assert_nonnull (model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *item = gtk_string_list_get_string (GTK_STRING_LIST (model), i);
      gboolean selected = adw_combo_row_get_selected (row) == i;

      g_string_append_printf (items, "%s%s%s%s", i > 0 ? "|" : "", selected ? "[" : "", item,
                              selected ? "]" : "");
    }
  return g_string_free (items, FALSE);
}

static void
assert_languages (GtkWidget  *inspector,
                  const char *expected)
{
  GtkWidget *row = find_widget (inspector, ADW_TYPE_COMBO_ROW, "Language");
  g_autofree char *items = NULL;

  g_assert_nonnull (row);
  items = dup_combo_items (ADW_COMBO_ROW (row));
  g_assert_cmpstr (items, ==, expected);
}

static void
test_language (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *inspector = g_object_ref_sink (waymark_inspector_new ());
  GtkWidget *row;

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  g_assert_cmpstr (waymark_document_get_language (document), ==, "nl");
  assert_languages (inspector, "English|[Nederlands]");

  /* Choosing English sets the document's language, as one undo step. */
  row = find_widget (inspector, ADW_TYPE_COMBO_ROW, "Language");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_cmpstr (waymark_document_get_language (document), ==, "en");
  assert_languages (inspector, "[English]|Nederlands");
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpstr (waymark_document_get_language (document), ==, "nl");
  assert_languages (inspector, "English|[Nederlands]");

  /* Another tag is shown as it is, and stays on offer after switching. */
  g_assert_true (waymark_document_set_text (document, NULL, WAYMARK_FIELD_LANGUAGE, "nl-BE"));
  assert_languages (inspector, "English|Nederlands|[nl-BE]");
  row = find_widget (inspector, ADW_TYPE_COMBO_ROW, "Language");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  g_assert_cmpstr (waymark_document_get_language (document), ==, "en");
  assert_languages (inspector, "[English]|Nederlands|nl-BE");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_cmpstr (waymark_document_get_language (document), ==, "nl-BE");
  g_assert_true (waymark_document_undo (document));
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpstr (waymark_document_get_language (document), ==, "nl-BE");
  assert_languages (inspector, "English|Nederlands|[nl-BE]");

  /* A fresh page on a loaded nl-BE document lists it too. */
  g_clear_object (&inspector);
  inspector = g_object_ref_sink (waymark_inspector_new ());
  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  assert_languages (inspector, "English|Nederlands|[nl-BE]");

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  g_assert_finalize_object (inspector);
  g_assert_finalize_object (document);
}

/* The "+" under Tags leaves the focus in the new tag's name, all of it
 * selected, ready to be typed over (not in the document's title). */
static void
test_add_tag_focus (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = waymark_inspector_new ();
  GPtrArray *tags = waymark_document_get_tags (document);
  guint n_tags = tags->len;
  WaymarkTag *tag;
  GtkWidget *focus, *row;
  int start, end;

  gtk_window_set_child (GTK_WINDOW (window), inspector);
  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  gtk_window_present (GTK_WINDOW (window));

  click (find_button (inspector, "Add a Tag"));
  g_assert_cmpuint (tags->len, ==, n_tags + 1);
  tag = g_ptr_array_index (tags, tags->len - 1);

  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Tag");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, tag->name);
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (row), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (tag->name, -1));

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (document);
}

/* The multi-line fields let Tab move on, and start a few lines tall. */
static void
test_text_fields (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *inspector = g_object_ref_sink (waymark_inspector_new ());
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);
  WaymarkCard *card = g_ptr_array_index (persona->cards, 0);
  GtkWidget *view;
  int minimum;

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), card->base.id);
  view = find_widget (inspector, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);
  g_assert_false (gtk_text_view_get_accepts_tab (GTK_TEXT_VIEW (view)));

  /* At least three lines, whatever the text view asks for unallocated. */
  gtk_widget_measure (gtk_widget_get_parent (view), GTK_ORIENTATION_VERTICAL, 280, &minimum, NULL,
                      NULL, NULL);
  g_assert_cmpint (minimum, >=, 36);

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  g_assert_finalize_object (inspector);
  g_assert_finalize_object (document);
}

/* A long text shows whole once the page has settled: the field is as
 * tall as its text, not stuck at the height measured at first show. */
static void
test_text_grows (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = waymark_inspector_new ();
  GtkWidget *view;
  int natural = 0;
  gint64 end;

  gtk_window_set_default_size (GTK_WINDOW (window), 320, 900);
  gtk_window_set_child (GTK_WINDOW (window), inspector);
  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  gtk_window_present (GTK_WINDOW (window));
  /* The document's description, several lines long at this width. */
  view = find_widget (inspector, GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_nonnull (view);
  end = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      if (gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 0)
        {
          gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL,
                              &natural, NULL, NULL);
          if (natural > 100 && gtk_widget_get_height (view) == natural)
            break;
        }
    }
  g_assert_cmpint (natural, >, 100);
  g_assert_cmpint (gtk_widget_get_height (view), ==, natural);

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (document);
}

/* Whether a label under @widget shows exactly @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

/* A tag whose name looks like markup shows as typed on the card's page. */
static void
test_tag_name_is_text (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = waymark_inspector_new ();
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);
  WaymarkCard *card = g_ptr_array_index (persona->cards, 0);
  WaymarkTag *tag = g_ptr_array_index (waymark_document_get_tags (document), 0);

  g_assert_true (waymark_document_set_text (document, tag->base.id, WAYMARK_FIELD_NAME,
                                            "Pain & <mobility>"));
  gtk_window_set_child (GTK_WINDOW (window), inspector);
  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), card->base.id);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (shows_label (inspector, "Pain & <mobility>"));

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (document);
}

/* The text view of the field titled @title. */
static GtkWidget *
find_text_view (GtkWidget  *inspector,
                const char *title)
{
  GtkWidget *row = find_widget (inspector, ADW_TYPE_PREFERENCES_ROW, title);

  g_assert_nonnull (row);
  return find_widget (row, GTK_TYPE_TEXT_VIEW, NULL);
}

/* Types @text into @view and moves the focus on, which commits it. */
static void
type_into (GtkWidget  *view,
           GtkWidget  *next,
           const char *text)
{
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_widget_grab_focus (next);
}

static char *
dup_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A persona's profile is edited on its page: the quote as text, the lists
 * one item a line, facts as "Label: value"; each field one undo step, and
 * the fields follow undo. Passing through a list changes nothing. */
static void
test_profile (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *inspector = waymark_inspector_new ();
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);
  WaymarkHistory *history = waymark_document_get_history (document);
  GtkWidget *name, *quote, *goals, *facts;
  const char * const expected_goals[] = { "Find a course", "Keep the job", NULL };
  const WaymarkFact *fact;
  guint steps;
  g_autofree char *shown = NULL;

  /* Whatever the example holds, start from an empty profile. */
  waymark_document_set_text (document, persona->base.id, WAYMARK_FIELD_QUOTE, "");
  waymark_document_set_list (document, persona->base.id, WAYMARK_FIELD_GOALS, NULL);
  waymark_document_set_list (document, persona->base.id, WAYMARK_FIELD_NEEDS, NULL);
  waymark_document_set_list (document, persona->base.id, WAYMARK_FIELD_FRUSTRATIONS, NULL);
  waymark_document_set_facts (document, persona->base.id, NULL);
  waymark_history_clear (history);

  gtk_window_set_child (GTK_WINDOW (window), inspector);
  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), persona->base.id);
  gtk_window_present (GTK_WINDOW (window));

  name = find_widget (inspector, ADW_TYPE_ENTRY_ROW, "Name");
  quote = find_text_view (inspector, "Quote");
  goals = find_text_view (inspector, "Goals");
  facts = find_text_view (inspector, "Facts");
  g_assert_nonnull (name);
  g_assert_nonnull (quote);
  g_assert_nonnull (goals);
  g_assert_nonnull (facts);
  g_assert_nonnull (find_text_view (inspector, "Needs"));
  g_assert_nonnull (find_text_view (inspector, "Frustrations"));

  type_into (quote, name, "Ik wil weten wat het oplevert.");
  g_assert_cmpstr (persona->quote, ==, "Ik wil weten wat het oplevert.");
  g_assert_cmpstr (waymark_history_get_undo_label (history), ==, "Edit Quote");

  /* Blank lines and the spaces around an item do not count. */
  type_into (goals, name, "  Find a course\n\nKeep the job \n");
  g_assert_true (g_strv_equal ((const char * const *) persona->goals, expected_goals));
  g_assert_cmpstr (waymark_history_get_undo_label (history), ==, "Edit Goals");

  type_into (facts, name, "Medewerkers: 12\nSector:  bouw: ruwbouw\nKMO");
  g_assert_cmpuint (persona->facts->len, ==, 3);
  fact = g_ptr_array_index (persona->facts, 0);
  g_assert_cmpstr (fact->label, ==, "Medewerkers");
  g_assert_cmpstr (fact->value, ==, "12");
  fact = g_ptr_array_index (persona->facts, 1);
  g_assert_cmpstr (fact->label, ==, "Sector");
  g_assert_cmpstr (fact->value, ==, "bouw: ruwbouw");
  fact = g_ptr_array_index (persona->facts, 2);
  g_assert_cmpstr (fact->label, ==, "KMO");
  g_assert_cmpstr (fact->value, ==, "");
  g_assert_cmpstr (waymark_history_get_undo_label (history), ==, "Edit Facts");
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 3);
  g_assert_true (waymark_persona_has_profile (persona));

  /* The lists show what the document holds, tidied. */
  shown = dup_view_text (goals);
  g_assert_cmpstr (shown, ==, "Find a course\nKeep the job");
  g_clear_pointer (&shown, g_free);

  /* Through a field without typing: no step. */
  steps = waymark_history_get_n_undo (history);
  gtk_widget_grab_focus (goals);
  gtk_widget_grab_focus (facts);
  gtk_widget_grab_focus (name);
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, steps);

  /* Undo takes back one field at a time, and the page follows. */
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpuint (persona->facts->len, ==, 0);
  shown = dup_view_text (facts);
  g_assert_cmpstr (shown, ==, "");
  g_clear_pointer (&shown, g_free);
  g_assert_true (waymark_document_undo (document));
  g_assert_cmpuint (g_strv_length (persona->goals), ==, 0);
  g_assert_true (waymark_document_undo (document));
  g_assert_false (waymark_persona_has_profile (persona));
  shown = dup_view_text (quote);
  g_assert_cmpstr (shown, ==, "");

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (document);
}

/* Types @text into the entry row titled @title, as a user would: the
 * keyboard in the row, the text replaced. */
static GtkWidget *
type_into_row (GtkWidget  *inspector,
               const char *title,
               const char *text)
{
  GtkWidget *row = find_widget (inspector, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_nonnull (gtk_widget_get_focus_child (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  return row;
}

/* A one-line field keeps what was typed without Enter: when Tab moves
 * on, when a click puts the keyboard elsewhere, and when another object
 * is chosen while typing. */
static void
test_entry_keeps_text (void)
{
  WaymarkDocument *document = load_example ();
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);
  WaymarkPersona *other = waymark_document_get_persona (document, 1);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inspector = waymark_inspector_new ();
  GtkWidget *elsewhere = gtk_button_new_with_label ("Elsewhere");

  gtk_widget_set_vexpand (inspector, TRUE);
  gtk_box_append (GTK_BOX (box), inspector);
  gtk_box_append (GTK_BOX (box), elsewhere);
  gtk_window_set_child (GTK_WINDOW (window), box);
  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), document);
  gtk_window_present (GTK_WINDOW (window));

  /* Tab: the keyboard moves on to the next field. */
  type_into_row (inspector, "Title", "Typed, then Tab");
  g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
  g_assert_cmpstr (waymark_document_get_title (document), ==, "Typed, then Tab");
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             ADW_TYPE_ENTRY_ROW));

  /* A click elsewhere. */
  type_into_row (inspector, "Author", "Typed, then a click");
  g_assert_true (gtk_widget_grab_focus (elsewhere));
  g_assert_cmpstr (waymark_document_get_author (document), ==, "Typed, then a click");

  /* Another persona chosen while its initials were being typed. */
  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), persona->base.id);
  type_into_row (inspector, "Initials", "ZZ");
  type_into_row (inspector, "Name", "Renamed without Enter");
  waymark_inspector_set_object_id (WAYMARK_INSPECTOR (inspector), other->base.id);
  g_assert_cmpstr (persona->initials, ==, "ZZ");
  g_assert_cmpstr (persona->name, ==, "Renamed without Enter");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (inspector, ADW_TYPE_ENTRY_ROW,
                                                                      "Name"))),
                   ==, other->name);

  /* A name cannot be emptied by leaving it blank. */
  type_into_row (inspector, "Name", "  ");
  g_assert_true (gtk_widget_grab_focus (elsewhere));
  g_assert_cmpstr (other->name, !=, "");

  waymark_inspector_set_document (WAYMARK_INSPECTOR (inspector), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
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

  g_test_add_func ("/inspector/headings", test_headings);
  g_test_add_func ("/inspector/default-colour", test_default_color);
  g_test_add_func ("/inspector/language", test_language);
  g_test_add_func ("/inspector/text-grows", test_text_grows);
  g_test_add_func ("/inspector/add-tag-focus", test_add_tag_focus);
  g_test_add_func ("/inspector/text-fields", test_text_fields);
  g_test_add_func ("/inspector/tag-name-is-text", test_tag_name_is_text);
  g_test_add_func ("/inspector/profile", test_profile);
  g_test_add_func ("/inspector/entry-keeps-text", test_entry_keeps_text);
  return g_test_run ();
}

/* waymark-link-chooser.c: a searchable list of recommendations to link cards to
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-link-chooser.h"
#include "waymark-recommendation-commands.h"
#include "waymark-recommendation-rows.h"

/* The rows are made when the popover is filled and stay while it is
 * open; a change of the document only sets their checks again, so that
 * ticking one never moves the list or the keyboard focus. */

struct _WaymarkLinkChooser
{
  GtkPopover       parent_instance;

  WaymarkDocument *document;
  GStrv            card_ids;     /* the cards to link */
  GPtrArray       *rows;         /* Row*, in the list's order */
  gboolean         syncing;      /* the checks follow the document */

  /* Template children */
  GtkWidget       *heading;
  GtkWidget       *search_entry;
  GtkWidget       *scroller;
  GtkWidget       *list;
  GtkWidget       *empty_label;
  GtkWidget       *new_button;
};

G_DEFINE_FINAL_TYPE (WaymarkLinkChooser, waymark_link_chooser, GTK_TYPE_POPOVER)

/* What a row stands for and what the search looks at. */
typedef struct {
  WaymarkLinkChooser *chooser;
  char               *id;        /* the recommendation's */
  char               *haystack;  /* title, domain and owner, case-folded */
  GtkWidget          *row;
  GtkWidget          *check;
} Row;

static void
row_free (Row *row)
{
  g_free (row->id);
  g_free (row->haystack);
  g_free (row);
}

static Row *
find_row (WaymarkLinkChooser *self,
          const char         *id)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->id, id))
        return row;
    }
  return NULL;
}

/* The search ignores case and how accents are composed, as find does. */
static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

/* Filtering ---------------------------------------------------------------- */

static gboolean
row_shows (WaymarkLinkChooser *self,
           Row                *row)
{
  g_autofree char *needle = fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return needle[0] == '\0' || strstr (row->haystack, needle) != NULL;
}

static gboolean
filter_func (GtkListBoxRow *list_row,
             gpointer       user_data)
{
  WaymarkLinkChooser *self = user_data;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->row == GTK_WIDGET (list_row))
        return row_shows (self, row);
    }
  return TRUE;
}

static Row *
first_shown (WaymarkLinkChooser *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (row_shows (self, g_ptr_array_index (self->rows, i)))
      return g_ptr_array_index (self->rows, i);
  return NULL;
}

static void
refilter (WaymarkLinkChooser *self)
{
  gboolean any = first_shown (self) != NULL;

  gtk_list_box_invalidate_filter (GTK_LIST_BOX (self->list));
  gtk_widget_set_visible (self->scroller, any);
  gtk_widget_set_visible (self->empty_label, !any);
  gtk_label_set_label (GTK_LABEL (self->empty_label),
                       self->rows->len == 0 ? _("No recommendations yet")
                                            : _("No recommendation matches"));
}

/* The checks ---------------------------------------------------------------- */

static void
sync_checks (WaymarkLinkChooser *self)
{
  guint n_cards;

  if (self->document == NULL || self->card_ids == NULL)
    return;
  n_cards = g_strv_length (self->card_ids);
  self->syncing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      WaymarkRecommendation *recommendation =
        waymark_document_find_recommendation (self->document, row->id);
      guint n = 0;

      for (guint c = 0; recommendation != NULL && c < n_cards; c++)
        n += waymark_recommendation_addresses (recommendation, self->card_ids[c]);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), n > 0);
      gtk_check_button_set_inconsistent (GTK_CHECK_BUTTON (row->check), n > 0 && n < n_cards);
    }
  self->syncing = FALSE;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Row            *row)
{
  WaymarkLinkChooser *self = row->chooser;
  /* A half-ticked box ticks: all the cards get linked. */
  gboolean link = gtk_check_button_get_active (check) || gtk_check_button_get_inconsistent (check);

  if (self->syncing || self->document == NULL || self->card_ids == NULL)
    return;
  waymark_command_link_cards (self->document, row->id, (const char * const *) self->card_ids,
                              link);
  sync_checks (self);
}

/* Rows ------------------------------------------------------------------- */

static void
add_row (WaymarkLinkChooser          *self,
         const WaymarkRecommendation *recommendation,
         const char                  *domain_name)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *haystack = g_strconcat (recommendation->title, "\n", domain_name, "\n",
                                           recommendation->owner, NULL);
  /* Titles are the user's words, which may be empty for a moment. */
  const char *title = recommendation->title[0] != '\0' ? recommendation->title : "—";

  row->chooser = self;
  row->id = g_strdup (recommendation->base.id);
  row->haystack = fold (haystack);
  row->row = adw_action_row_new ();
  row->check = gtk_check_button_new ();
  /* The user's text, not markup: "Tijd & geld". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row->row), domain_name);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row->row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row->row), 1);
  gtk_widget_set_valign (row->check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, domain_name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row->row), row->check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row->row), row->check);
  g_signal_connect (row->check, "toggled", G_CALLBACK (check_toggled_cb), row);
  gtk_list_box_append (GTK_LIST_BOX (self->list), row->row);
  g_ptr_array_add (self->rows, row);
}

static void
clear (WaymarkLinkChooser *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->card_ids, g_strfreev);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
document_changed_cb (WaymarkLinkChooser *self)
{
  sync_checks (self);
}

static void
set_document (WaymarkLinkChooser *self,
              WaymarkDocument    *document)
{
  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

void
waymark_link_chooser_show (WaymarkLinkChooser *self,
                           WaymarkDocument    *document,
                           const char * const *card_ids)
{
  g_auto(GStrv) groups = NULL;
  guint n_cards;

  g_return_if_fail (WAYMARK_IS_LINK_CHOOSER (self));
  g_return_if_fail (WAYMARK_IS_DOCUMENT (document));
  g_return_if_fail (card_ids != NULL && card_ids[0] != NULL);

  clear (self);
  set_document (self, document);
  self->card_ids = g_strdupv ((char **) card_ids);
  n_cards = g_strv_length (self->card_ids);
  if (n_cards > 1)
    {
      g_autofree char *heading =
        /* Translators: the heading of the list of recommendations to link
         * the selected cards to. */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Link %u Card to a Recommendation",
                                      "Link %u Cards to a Recommendation", n_cards),
                         n_cards);
      gtk_label_set_label (GTK_LABEL (self->heading), heading);
    }
  else
    gtk_label_set_label (GTK_LABEL (self->heading), _("Link Card to a Recommendation"));

  /* In the order of the view and the report: domain by domain. */
  groups = waymark_command_list_domain_groups (document);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autoptr(GPtrArray) recommendations =
        waymark_document_list_domain_recommendations (document, groups[g]);

      for (guint i = 0; i < recommendations->len; i++)
        add_row (self, g_ptr_array_index (recommendations, i),
                 waymark_recommendation_domain_name (document, groups[g]));
    }
  sync_checks (self);
  refilter (self);
}

/* Signals of the template --------------------------------------------------- */

static void
search_changed_cb (WaymarkLinkChooser *self)
{
  refilter (self);
}

/* Enter in the search links the cards to the first match: Ctrl+K, a few
 * letters and Enter link without the pointer. */
static void
search_activate_cb (WaymarkLinkChooser *self)
{
  Row *row = first_shown (self);

  if (row == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  waymark_command_link_cards (self->document, row->id, (const char * const *) self->card_ids,
                              TRUE);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Down from the search goes to the first row that matches. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       WaymarkLinkChooser    *self)
{
  Row *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = first_shown (self);
  return row != NULL && gtk_widget_grab_focus (row->row);
}

static void
stop_search_cb (WaymarkLinkChooser *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* A new recommendation for the cards, in one step with its links; the
 * window then shows it with the inspector on its title, so that it gets
 * its words at once. */
static void
new_clicked_cb (WaymarkLinkChooser *self)
{
  g_autofree char *id = NULL;

  if (self->document == NULL || self->card_ids == NULL)
    return;
  waymark_document_begin_group (self->document, _("Add Recommendation"));
  id = g_strdup (waymark_command_add_recommendation (self->document, NULL, -1, NULL));
  if (id != NULL)
    waymark_command_link_cards (self->document, id, (const char * const *) self->card_ids, TRUE);
  waymark_document_end_group (self->document);
  gtk_popover_popdown (GTK_POPOVER (self));
  if (id != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-recommendation", "s", id);
      gtk_widget_activate_action (GTK_WIDGET (self), "editor.show-inspector", NULL);
    }
}

/* Public -------------------------------------------------------------------- */

GtkWidget *
waymark_link_chooser_new (void)
{
  return g_object_new (WAYMARK_TYPE_LINK_CHOOSER, NULL);
}

GtkWidget *
waymark_link_chooser_get_search_entry (WaymarkLinkChooser *self)
{
  g_return_val_if_fail (WAYMARK_IS_LINK_CHOOSER (self), NULL);
  return self->search_entry;
}

GtkWidget *
waymark_link_chooser_get_check (WaymarkLinkChooser *self,
                                const char         *id)
{
  Row *row;

  g_return_val_if_fail (WAYMARK_IS_LINK_CHOOSER (self), NULL);
  row = find_row (self, id);
  return row != NULL ? row->check : NULL;
}

gboolean
waymark_link_chooser_shows (WaymarkLinkChooser *self,
                            const char         *id)
{
  Row *row;

  g_return_val_if_fail (WAYMARK_IS_LINK_CHOOSER (self), FALSE);
  row = find_row (self, id);
  return row != NULL && row_shows (self, row);
}

GtkWidget *
waymark_link_chooser_get_new_button (WaymarkLinkChooser *self)
{
  g_return_val_if_fail (WAYMARK_IS_LINK_CHOOSER (self), NULL);
  return self->new_button;
}

/* GObject ------------------------------------------------------------------- */

static void
waymark_link_chooser_dispose (GObject *object)
{
  WaymarkLinkChooser *self = WAYMARK_LINK_CHOOSER (object);

  set_document (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_LINK_CHOOSER);
  G_OBJECT_CLASS (waymark_link_chooser_parent_class)->dispose (object);
}

static void
waymark_link_chooser_finalize (GObject *object)
{
  WaymarkLinkChooser *self = WAYMARK_LINK_CHOOSER (object);

  g_ptr_array_unref (self->rows);
  g_strfreev (self->card_ids);
  G_OBJECT_CLASS (waymark_link_chooser_parent_class)->finalize (object);
}

static void
waymark_link_chooser_class_init (WaymarkLinkChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_link_chooser_dispose;
  object_class->finalize = waymark_link_chooser_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/waymark/Waymark/waymark-link-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkLinkChooser, heading);
  gtk_widget_class_bind_template_child (widget_class, WaymarkLinkChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkLinkChooser, scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkLinkChooser, list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkLinkChooser, empty_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkLinkChooser, new_button);
}

static void
waymark_link_chooser_init (WaymarkLinkChooser *self)
{
  GtkEventController *keys;

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (GTK_LIST_BOX (self->list), filter_func, self, NULL);
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry),
                                           GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                            self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (self->search_entry, keys);
  g_signal_connect_swapped (self->new_button, "clicked", G_CALLBACK (new_clicked_cb), self);
}

/* waymark-link-targets.c: the recommendations as places to drop cards on
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-card-drag.h"
#include "waymark-link-targets.h"
#include "waymark-recommendation-commands.h"
#include "waymark-recommendation-rows.h"

/* Shown in the sidebar's place only while a drag of cards lasts (the
 * window switches to it), the way a file manager's sidebar offers a place
 * for a new bookmark while a folder is dragged: the places to drop on
 * appear where the user already looks for places. Built when shown, so a
 * drag always sees the recommendations as they are. */

struct _WaymarkLinkTargets
{
  GtkWidget        parent_instance;

  WaymarkDocument *document;
  GtkWidget       *box;
  GtkWidget       *list;
  GtkWidget       *new_row;
};

G_DEFINE_FINAL_TYPE (WaymarkLinkTargets, waymark_link_targets, GTK_TYPE_WIDGET)

enum {
  CARDS_LINKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
waymark_link_targets_new (void)
{
  return g_object_new (WAYMARK_TYPE_LINK_TARGETS, NULL);
}

/* NULL for the new row and for headings. */
static const char *
row_recommendation_id (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "recommendation-id") : NULL;
}

static gboolean
takes_cards (WaymarkLinkTargets *self,
             GtkListBoxRow      *row)
{
  return row != NULL && (GTK_WIDGET (row) == self->new_row || row_recommendation_id (row) != NULL);
}

static GtkWidget *
make_heading (WaymarkLinkTargets *self,
              const char         *domain_id)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (waymark_recommendation_domain_name (self->document, domain_id));

  gtk_box_append (GTK_BOX (box),
                  waymark_recommendation_swatch_new (waymark_recommendation_domain_color (self->document,
                                                                                          domain_id),
                                                     10, 10, TRUE));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, gtk_label_get_label (GTK_LABEL (label)));
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "waymark-link-heading");
  return row;
}

static GtkWidget *
make_target (WaymarkRecommendation *recommendation)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (recommendation->title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (row, recommendation->title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "recommendation-id",
                          g_strdup (recommendation->base.id), g_free);
  gtk_widget_add_css_class (row, "waymark-link-target");
  return row;
}

static void
rebuild (WaymarkLinkTargets *self)
{
  GtkWidget *child, *box;
  g_auto(GStrv) groups = NULL;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  self->new_row = NULL;
  if (self->document == NULL)
    return;

  groups = waymark_command_list_domain_groups (self->document);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_autoptr(GPtrArray) recommendations =
        waymark_document_list_domain_recommendations (self->document, groups[g]);

      if (recommendations->len == 0)
        continue;
      gtk_list_box_append (GTK_LIST_BOX (self->list), make_heading (self, groups[g]));
      for (guint i = 0; i < recommendations->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->list),
                             make_target (g_ptr_array_index (recommendations, i)));
    }

  /* A recommendation that does not exist yet is one drop away too. */
  self->new_row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("New Recommendation")));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->new_row), box);
  gtk_widget_add_css_class (self->new_row, "waymark-link-target");
  gtk_widget_add_css_class (self->new_row, "waymark-link-new");
  gtk_list_box_append (GTK_LIST_BOX (self->list), self->new_row);
}

static GdkDragAction
drop_action (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);

  if (drop != NULL && !(gdk_drop_get_actions (drop) & GDK_ACTION_LINK))
    return GDK_ACTION_COPY;
  return GDK_ACTION_LINK;
}

static GdkDragAction
motion_cb (GtkDropTarget      *target,
           double              x,
           double              y,
           WaymarkLinkTargets *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->list), (int) y);

  if (!takes_cards (self, row))
    {
      gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->list));
      return 0;
    }
  gtk_list_box_drag_highlight_row (GTK_LIST_BOX (self->list), row);
  return drop_action (target);
}

static void
leave_cb (GtkDropTarget      *target,
          WaymarkLinkTargets *self)
{
  gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->list));
}

static gboolean
drop_cb (GtkDropTarget      *target,
         const GValue       *value,
         double              x,
         double              y,
         WaymarkLinkTargets *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->list), (int) y);
  const char * const *card_ids;
  g_autofree char *id = NULL;
  guint n;

  gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->list));
  if (!G_VALUE_HOLDS (value, WAYMARK_TYPE_DRAGGED_CARDS) || self->document == NULL ||
      !takes_cards (self, row))
    return FALSE;
  card_ids = waymark_dragged_cards_get_ids (g_value_get_boxed (value));
  if (GTK_WIDGET (row) == self->new_row)
    {
      /* One step: the recommendation and its links come and go together. */
      waymark_document_begin_group (self->document, _("Add Recommendation"));
      id = g_strdup (waymark_command_add_recommendation (self->document, NULL, -1, NULL));
      n = id != NULL ? waymark_command_link_cards (self->document, id, card_ids, TRUE) : 0;
      waymark_document_end_group (self->document);
    }
  else
    {
      id = g_strdup (row_recommendation_id (row));
      n = waymark_command_link_cards (self->document, id, card_ids, TRUE);
    }
  if (id == NULL)
    return FALSE;
  g_signal_emit (self, signals[CARDS_LINKED], 0, id, n);
  return TRUE;
}

void
waymark_link_targets_set_document (WaymarkLinkTargets *self,
                                   WaymarkDocument    *document)
{
  g_return_if_fail (WAYMARK_IS_LINK_TARGETS (self));

  if (g_set_object (&self->document, document))
    rebuild (self);
}

GtkWidget *
waymark_link_targets_get_list (WaymarkLinkTargets *self)
{
  g_return_val_if_fail (WAYMARK_IS_LINK_TARGETS (self), NULL);
  return self->list;
}

GtkWidget *
waymark_link_targets_get_row (WaymarkLinkTargets *self,
                              const char         *recommendation_id)
{
  g_return_val_if_fail (WAYMARK_IS_LINK_TARGETS (self), NULL);

  if (recommendation_id == NULL)
    return self->new_row;
  for (GtkWidget *child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) &&
        g_strcmp0 (row_recommendation_id (GTK_LIST_BOX_ROW (child)), recommendation_id) == 0)
      return child;
  return NULL;
}

static void
waymark_link_targets_map (GtkWidget *widget)
{
  /* As the recommendations are now. */
  rebuild (WAYMARK_LINK_TARGETS (widget));
  GTK_WIDGET_CLASS (waymark_link_targets_parent_class)->map (widget);
}

static void
waymark_link_targets_dispose (GObject *object)
{
  WaymarkLinkTargets *self = WAYMARK_LINK_TARGETS (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (waymark_link_targets_parent_class)->dispose (object);
}

static void
waymark_link_targets_class_init (WaymarkLinkTargetsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_link_targets_dispose;
  widget_class->map = waymark_link_targets_map;

  signals[CARDS_LINKED] =
    g_signal_new ("cards-linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "waymark-link-targets");
}

static void
waymark_link_targets_init (WaymarkLinkTargets *self)
{
  GtkWidget *title, *hint, *scrolled;
  GtkDropTarget *target;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  title = gtk_label_new (_("Link to a Recommendation"));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_margin_start (title, 12);
  gtk_widget_set_margin_end (title, 12);
  gtk_widget_set_margin_top (title, 12);
  gtk_box_append (GTK_BOX (self->box), title);
  hint = gtk_label_new (_("Drop the cards on the recommendation that answers them."));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_set_margin_start (hint, 12);
  gtk_widget_set_margin_end (hint, 12);
  gtk_widget_set_margin_top (hint, 4);
  gtk_widget_set_margin_bottom (hint, 6);
  gtk_box_append (GTK_BOX (self->box), hint);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recommendations to link the cards to"), -1);
  target = gtk_drop_target_new (WAYMARK_TYPE_DRAGGED_CARDS, GDK_ACTION_LINK | GDK_ACTION_COPY);
  g_signal_connect (target, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (self->list, GTK_EVENT_CONTROLLER (target));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
}

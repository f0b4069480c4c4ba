/* waymark-recommendations-view.c: the document's recommendations by domain, as a list or a matrix
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-recommendation-commands.h"
#include "waymark-recommendation-rows.h"
#include "waymark-recommendations-matrix.h"
#include "waymark-recommendations-view.h"

/* The list is rebuilt from the document after each change (there are
 * tens of recommendations, not thousands), keeping the selected row and
 * the keyboard focus on the same recommendation or domain. Domain
 * headings are rows of the same list as the recommendations under them,
 * so that the arrow keys walk through all of it and a heading can be
 * selected (the inspector then shows the domain). */

struct _WaymarkRecommendationsView
{
  GtkWidget        parent_instance;

  WaymarkDocument *document;
  char            *selected_id;
  int              palette;
  gboolean         dirty;        /* the document changed while hidden */
  gboolean         rebuilding;   /* rows come and go: no selection signals */
  GtkWidget       *menu;         /* the context menu, parented here */

  /* Template children */
  GtkWidget       *toolbar;
  GtkWidget       *summary_label;
  GtkWidget       *stack;
  GtkWidget       *list_scroller;
  GtkWidget       *list;
  GtkWidget       *matrix_page;
  GtkWidget       *matrix;       /* WaymarkRecommendationsMatrix, in matrix_page */
  GtkWidget       *empty_page;
  GtkWidget       *add_button;
  GtkWidget       *add_domain_button;
  GtkWidget       *empty_add_button;
};

G_DEFINE_FINAL_TYPE (WaymarkRecommendationsView, waymark_recommendations_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ID,
  PROP_SHOW_MATRIX,
  PROP_PALETTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a row of the list stands for. */
typedef struct {
  char     *id;          /* the recommendation's or the domain's; "" for "No Domain" */
  char     *domain_id;   /* the domain it is in (for a heading: itself) */
  gboolean  is_domain;
} RowInfo;

static void
row_info_free (RowInfo *info)
{
  g_free (info->id);
  g_free (info->domain_id);
  g_free (info);
}

static RowInfo *
get_row_info (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "waymark-row") : NULL;
}

static void
set_row_info (GtkWidget  *row,
              const char *id,
              const char *domain_id,
              gboolean    is_domain)
{
  RowInfo *info = g_new0 (RowInfo, 1);

  info->id = g_strdup (id);
  info->domain_id = g_strdup (domain_id);
  info->is_domain = is_domain;
  g_object_set_data_full (G_OBJECT (row), "waymark-row", info, (GDestroyNotify) row_info_free);
}

static RowInfo *
selected_info (WaymarkRecommendationsView *self)
{
  return get_row_info (gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list)));
}

/* The one place that decides what the actions can do. */
static void
update_actions (WaymarkRecommendationsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RowInfo *info = selected_info (self);
  gboolean recommendation = info != NULL && !info->is_domain;
  gboolean domain = info != NULL && info->is_domain && info->id[0] != '\0';
  gboolean can_up = FALSE, can_down = FALSE;

  if (recommendation || domain)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
      g_auto(GStrv) groups = waymark_command_list_domain_groups (self->document);
      int index = gtk_list_box_row_get_index (row);
      GtkListBoxRow *before = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), index - 1);
      GtkListBoxRow *after = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), index + 1);

      if (recommendation)
        {
          /* The first of the first domain cannot go up, nor the last of
           * the last one down. */
          RowInfo *prev = get_row_info (before);
          can_up = prev != NULL && (!prev->is_domain || !g_str_equal (prev->id, groups[0]));
          can_down = after != NULL || !g_str_equal (info->domain_id,
                                                    groups[g_strv_length (groups) - 1]);
        }
      else
        {
          GPtrArray *domains = waymark_document_get_domains (self->document);
          WaymarkDomain *first = g_ptr_array_index (domains, 0);
          WaymarkDomain *last = g_ptr_array_index (domains, domains->len - 1);

          can_up = !g_str_equal (first->base.id, info->id);
          can_down = !g_str_equal (last->base.id, info->id);
        }
    }

  gtk_widget_action_set_enabled (widget, "recs.edit", recommendation || domain);
  gtk_widget_action_set_enabled (widget, "recs.delete", recommendation || domain);
  gtk_widget_action_set_enabled (widget, "recs.move-up", can_up);
  gtk_widget_action_set_enabled (widget, "recs.move-down", can_down);
  gtk_widget_action_set_enabled (widget, "recs.move-to-domain", recommendation);
}

/* Rows --------------------------------------------------------------------- */

static GtkWidget *
caption_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
make_domain_row (WaymarkRecommendationsView *self,
                 const char                 *domain_id,
                 guint                       n_recommendations)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *name = gtk_label_new (waymark_recommendation_domain_name (self->document, domain_id));
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recommendation",
                                                         "%u recommendations", n_recommendations),
                                            n_recommendations);
  GtkWidget *count_label = caption_label (count);

  gtk_widget_add_css_class (row, "waymark-domain-row");
  gtk_box_append (GTK_BOX (box),
                  waymark_recommendation_swatch_new (waymark_recommendation_domain_color (self->document,
                                                                                          domain_id),
                                                     14, 14, TRUE));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), count_label);

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_add_css_class (add, "circular");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (add, _("Add a Recommendation to This Domain"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Recommendation to This Domain"), -1);
  /* Target first: GTK 4.8 checks the name against a target it does not have yet. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", domain_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "recs.add-to-domain");
  gtk_box_append (GTK_BOX (box), add);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  set_row_info (row, domain_id, domain_id, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_label (GTK_LABEL (name)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
  return row;
}

static GdkContentProvider *
row_drag_prepare_cb (GtkDragSource *source,
                     double         x,
                     double         y,
                     GtkWidget     *row)
{
  return gdk_content_provider_new_typed (GTK_TYPE_LIST_BOX_ROW, row);
}

static void
row_drag_begin_cb (GtkDragSource *source,
                   GdkDrag       *drag,
                   GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);
  double x = 0, y = 0;

  gtk_drag_source_set_icon (source, paintable, (int) x, (int) y);
  gtk_widget_add_css_class (row, "dragged");
}

static void
row_drag_end_cb (GtkDragSource *source,
                 GdkDrag       *drag,
                 gboolean       delete_data,
                 GtkWidget     *row)
{
  gtk_widget_remove_css_class (row, "dragged");
}

static GtkWidget *
make_recommendation_row (WaymarkRecommendationsView  *self,
                         const WaymarkRecommendation *recommendation)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (recommendation->title);
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  GtkWidget *reach_label, *scores_label, *stripe, *status;
  g_autofree char *reach = waymark_recommendation_dup_reach (self->document, recommendation);
  g_autofree char *scores = waymark_recommendation_dup_scores (recommendation);
  g_autofree char *description = NULL;
  GtkDragSource *source;

  gtk_widget_add_css_class (row, "waymark-recommendation-row");
  gtk_widget_set_overflow (row, GTK_OVERFLOW_HIDDEN);

  stripe = waymark_recommendation_swatch_new (waymark_recommendation_domain_color (self->document,
                                                                                   recommendation->domain_id),
                                              5, -1, FALSE);
  gtk_box_append (GTK_BOX (card), stripe);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "waymark-recommendation-title");
  status = waymark_recommendation_status_new (recommendation);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (bottom), status);

  reach_label = caption_label (reach);
  gtk_label_set_ellipsize (GTK_LABEL (reach_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (bottom), reach_label);
  if (recommendation->owner[0] != '\0')
    {
      GtkWidget *owner = caption_label (recommendation->owner);

      gtk_label_set_ellipsize (GTK_LABEL (owner), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (owner, recommendation->owner);
      gtk_box_append (GTK_BOX (bottom), owner);
    }
  scores_label = caption_label (scores);
  gtk_widget_add_css_class (scores_label, "numeric");
  gtk_widget_set_hexpand (scores_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (scores_label), 1);
  gtk_box_append (GTK_BOX (bottom), scores_label);

  /* The title alone on its line: beside other widgets in a row, a
   * wrapping label measures inconsistently in GTK 4.8 (overlapping rows). */
  gtk_box_append (GTK_BOX (content), title);
  gtk_box_append (GTK_BOX (content), bottom);
  gtk_widget_set_hexpand (content, TRUE);
  gtk_widget_set_margin_top (content, 10);
  gtk_widget_set_margin_bottom (content, 10);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 4);
  gtk_box_append (GTK_BOX (card), content);

  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_valign (handle, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (handle, 4);
  gtk_widget_set_margin_end (handle, 10);
  gtk_widget_set_tooltip_text (handle, _("Drag to Reorder or Move to Another Domain"));
  gtk_box_append (GTK_BOX (card), handle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (row_drag_prepare_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (row_drag_begin_cb), row);
  g_signal_connect (source, "drag-end", G_CALLBACK (row_drag_end_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  set_row_info (row, recommendation->base.id, recommendation->domain_id, FALSE);
  /* Translators: how a screen reader describes a recommendation in the
   * list: status, then scores, then reach. */
  description = g_strdup_printf (_("%s. %s. %s."), waymark_status_get_label (recommendation->status),
                                 scores, reach);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, recommendation->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

static GtkListBoxRow *
find_row (WaymarkRecommendationsView *self,
          const char                 *id)
{
  GtkWidget *child;

  if (id == NULL)
    return NULL;
  for (child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      RowInfo *info = GTK_IS_LIST_BOX_ROW (child) ? get_row_info (GTK_LIST_BOX_ROW (child)) : NULL;

      if (info != NULL && g_str_equal (info->id, id))
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void
update_summary (WaymarkRecommendationsView *self)
{
  g_autofree char *text = NULL;
  guint n_barriers = 0, addressed;

  if (self->document == NULL)
    return;
  addressed = waymark_document_count_addressed_barriers (self->document, &n_barriers);
  if (n_barriers > 0)
    /* Translators: how many of the document's barrier cards some
     * recommendation addresses: "23 of 41 barriers addressed". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u barrier addressed",
                                         "%u of %u barriers addressed", n_barriers),
                            addressed, n_barriers);
  gtk_label_set_label (GTK_LABEL (self->summary_label), text != NULL ? text : "");
}

/* Selects the row of @id (none for NULL or an id without a row) without
 * reporting it as the user's choice. */
static void
select_row (WaymarkRecommendationsView *self,
            const char                 *id)
{
  GtkListBoxRow *row = find_row (self, id);
  gboolean was = self->rebuilding;

  self->rebuilding = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  else
    gtk_list_box_unselect_all (GTK_LIST_BOX (self->list));
  self->rebuilding = was;
}

static void
set_selected (WaymarkRecommendationsView *self,
              const char                 *id)
{
  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  if (self->matrix != NULL)
    waymark_recommendations_matrix_set_selected_id (WAYMARK_RECOMMENDATIONS_MATRIX (self->matrix),
                                                    id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static void
rebuild (WaymarkRecommendationsView *self)
{
  GtkWidget *child, *focus;
  gboolean had_focus;
  g_auto(GStrv) groups = NULL;
  GtkListBoxRow *row;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && self->document != NULL)
    {
      /* Hidden: built when shown, once, however many edits came before. */
      self->dirty = TRUE;
      update_actions (self);
      return;
    }
  self->dirty = FALSE;

  focus = gtk_widget_get_root (GTK_WIDGET (self)) != NULL
          ? gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;
  had_focus = focus != NULL && gtk_widget_is_ancestor (focus, self->list);

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  if (self->document != NULL)
    groups = waymark_command_list_domain_groups (self->document);
  for (guint g = 0; groups != NULL && groups[g] != NULL; g++)
    {
      g_autoptr(GPtrArray) recommendations =
        waymark_document_list_domain_recommendations (self->document, groups[g]);

      gtk_list_box_append (GTK_LIST_BOX (self->list),
                           make_domain_row (self, groups[g], recommendations->len));
      for (guint i = 0; i < recommendations->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->list),
                             make_recommendation_row (self, g_ptr_array_index (recommendations, i)));
    }
  gtk_widget_set_visible (self->empty_page, groups == NULL || groups[0] == NULL);
  gtk_widget_set_visible (self->stack, groups != NULL && groups[0] != NULL);
  update_summary (self);

  /* The same recommendation or domain stays chosen, if it is still there. */
  row = find_row (self, self->selected_id);
  if (row != NULL)
    gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  self->rebuilding = FALSE;
  if (row == NULL)
    set_selected (self, NULL);
  else if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  update_actions (self);
}

static void
document_changed_cb (WaymarkRecommendationsView *self)
{
  rebuild (self);
}

static void
row_selected_cb (GtkListBox                 *list,
                 GtkListBoxRow              *row,
                 WaymarkRecommendationsView *self)
{
  RowInfo *info = get_row_info (row);

  if (self->rebuilding)
    return;
  set_selected (self, info != NULL && info->id[0] != '\0' ? info->id : NULL);
  update_actions (self);
}

static void
row_activated_cb (GtkListBox                 *list,
                  GtkListBoxRow              *row,
                  WaymarkRecommendationsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "recs.edit", NULL);
}

/* Reordering by dragging rows -------------------------------------------- */

static GdkDragAction
list_drop_motion_cb (GtkDropTarget              *target,
                     double                      x,
                     double                      y,
                     WaymarkRecommendationsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->list), (int) y);

  if (row == NULL)
    {
      gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->list));
      return 0;
    }
  gtk_list_box_drag_highlight_row (GTK_LIST_BOX (self->list), row);
  return GDK_ACTION_MOVE;
}

static void
list_drop_leave_cb (GtkDropTarget              *target,
                    WaymarkRecommendationsView *self)
{
  gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->list));
}

/* Where a recommendation dropped at @y on the list goes: onto a heading,
 * first in that domain; onto a recommendation, in its place (before it
 * in its upper half, after it in its lower half). */
static gboolean
drop_place (WaymarkRecommendationsView *self,
            const char                 *moving_id,
            double                      y,
            char                      **domain_id,
            int                        *position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->list), (int) y);
  RowInfo *info = get_row_info (row);
  g_autoptr(GPtrArray) siblings = NULL;
  graphene_rect_t bounds;
  int index = 0;

  if (info == NULL)
    return FALSE;
  *domain_id = g_strdup (info->domain_id);
  if (info->is_domain)
    {
      *position = 0;
      return TRUE;
    }
  siblings = waymark_document_list_domain_recommendations (self->document, info->domain_id);
  /* Counted without the moving one: that is how a move reinserts. */
  for (guint i = 0; i < siblings->len; i++)
    {
      WaymarkRecommendation *sibling = g_ptr_array_index (siblings, i);

      if (g_str_equal (sibling->base.id, info->id))
        break;
      if (!g_str_equal (sibling->base.id, moving_id))
        index++;
    }
  if (gtk_widget_compute_bounds (GTK_WIDGET (row), self->list, &bounds) &&
      y > bounds.origin.y + bounds.size.height / 2 && !g_str_equal (info->id, moving_id))
    index++;
  *position = index;
  return TRUE;
}

static gboolean
list_drop_cb (GtkDropTarget              *target,
              const GValue               *value,
              double                      x,
              double                      y,
              WaymarkRecommendationsView *self)
{
  GtkListBoxRow *dragged;
  RowInfo *info;
  g_autofree char *domain_id = NULL;
  g_autofree char *id = NULL;
  int position;

  gtk_list_box_drag_unhighlight_row (GTK_LIST_BOX (self->list));
  if (!G_VALUE_HOLDS (value, GTK_TYPE_LIST_BOX_ROW) || self->document == NULL)
    return FALSE;
  dragged = g_value_get_object (value);
  info = get_row_info (dragged);
  if (info == NULL || info->is_domain || !drop_place (self, info->id, y, &domain_id, &position))
    return FALSE;
  /* The move rebuilds the list, dragged row and all. */
  id = g_strdup (info->id);
  set_selected (self, id);
  waymark_document_move_recommendation (self->document, id, domain_id, position);
  select_row (self, id);
  return TRUE;
}

/* Actions ------------------------------------------------------------------- */

/* After an add or a move: the row chosen and the keyboard on it. */
static void
focus_selected (WaymarkRecommendationsView *self)
{
  GtkListBoxRow *row = find_row (self, self->selected_id);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* A new object is named first: the inspector opens on its name. */
static void
edit_new (WaymarkRecommendationsView *self,
          const char                 *id)
{
  if (id == NULL)
    return;
  waymark_recommendations_view_set_selected_id (self, id);
  waymark_recommendations_view_set_show_matrix (self, FALSE);
  focus_selected (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.show-inspector", NULL);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (widget);
  RowInfo *info = selected_info (self);
  const char *domain_id = NULL;
  int position = -1;

  if (self->document == NULL)
    return;
  if (param != NULL)
    domain_id = g_variant_get_string (param, NULL);
  else if (info != NULL)
    {
      /* Next to the chosen one, in its domain. */
      domain_id = info->domain_id;
      if (!info->is_domain)
        {
          g_autoptr(GPtrArray) siblings =
            waymark_document_list_domain_recommendations (self->document, domain_id);

          for (guint i = 0; i < siblings->len; i++)
            if (g_str_equal (((WaymarkRecommendation *) g_ptr_array_index (siblings, i))->base.id,
                             info->id))
              position = (int) i + 1;
        }
    }
  else if (waymark_document_get_domains (self->document)->len > 0)
    domain_id = ((WaymarkDomain *) g_ptr_array_index (waymark_document_get_domains (self->document),
                                                      0))->base.id;
  edit_new (self, waymark_command_add_recommendation (self->document, domain_id, position, NULL));
}

static void
add_domain_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (widget);

  if (self->document != NULL)
    edit_new (self, waymark_command_add_domain (self->document, NULL));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_widget_activate_action (widget, "editor.show-inspector", NULL);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
  RowInfo *info = get_row_info (row);
  g_autofree char *id = NULL;
  g_autofree char *next_id = NULL;
  int index;

  if (info == NULL || info->id[0] == '\0')
    return;
  id = g_strdup (info->id);
  /* Go on with the row after it, or the one before, as a list would. */
  index = gtk_list_box_row_get_index (row);
  for (int step = 1; step >= -1 && next_id == NULL; step -= 2)
    {
      RowInfo *next = get_row_info (gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list),
                                                                   index + step));
      if (next != NULL && next->id[0] != '\0' && (info->is_domain ? next->is_domain : TRUE))
        next_id = g_strdup (next->id);
    }
  if (!waymark_document_remove (self->document, id))
    return;
  waymark_recommendations_view_set_selected_id (self, next_id);
  focus_selected (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (widget);
  RowInfo *info = selected_info (self);
  int delta = g_str_equal (action_name, "recs.move-up") ? -1 : 1;
  g_autofree char *id = NULL;

  if (info == NULL || info->id[0] == '\0')
    return;
  id = g_strdup (info->id);
  if (info->is_domain)
    waymark_command_shift_domain (self->document, id, delta);
  else
    waymark_command_shift_recommendation (self->document, id, delta);
  focus_selected (self);
}

static void
move_to_domain_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (widget);
  RowInfo *info = selected_info (self);
  g_autofree char *id = NULL;

  if (info == NULL || info->is_domain)
    return;
  id = g_strdup (info->id);
  waymark_document_move_recommendation (self->document, id, g_variant_get_string (param, NULL), -1);
  focus_selected (self);
}

/* The context menu --------------------------------------------------------- */

static void
popup_menu (WaymarkRecommendationsView *self,
            GtkListBoxRow              *row)
{
  RowInfo *info = get_row_info (row);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  graphene_rect_t bounds;

  if (info == NULL || info->id[0] == '\0')
    return;
  g_menu_append (menu, _("_Edit"), "recs.edit");
  if (info->is_domain)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Add _Recommendation"), NULL);

      g_menu_item_set_action_and_target (item, "recs.add-to-domain", "s", info->id);
      g_menu_append_item (menu, item);
    }
  g_menu_append (order, _("Move _Up"), "recs.move-up");
  g_menu_append (order, _("Move _Down"), "recs.move-down");
  if (!info->is_domain)
    {
      g_autoptr(GMenu) domains = g_menu_new ();
      g_auto(GStrv) groups = waymark_command_list_domain_groups (self->document);
      gboolean have_none = FALSE;

      for (guint i = 0; groups[i] != NULL; i++)
        {
          g_autoptr(GMenuItem) item = NULL;

          if (g_str_equal (groups[i], info->domain_id))
            continue;
          item = g_menu_item_new (waymark_recommendation_domain_name (self->document, groups[i]),
                                  NULL);
          g_menu_item_set_action_and_target (item, "recs.move-to-domain", "s", groups[i]);
          g_menu_append_item (domains, item);
          have_none |= groups[i][0] == '\0';
        }
      if (!have_none && info->domain_id[0] != '\0')
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_("No Domain"), NULL);

          g_menu_item_set_action_and_target (item, "recs.move-to-domain", "s", "");
          g_menu_append_item (domains, item);
        }
      g_menu_append_submenu (order, _("Move to D_omain"), G_MENU_MODEL (domains));
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append (danger, info->is_domain ? _("_Delete Domain") : _("_Delete Recommendation"),
                 "recs.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                                 &(GdkRectangle) { (int) bounds.origin.x + 24,
                                                   (int) (bounds.origin.y + bounds.size.height / 2),
                                                   1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
list_pressed_cb (GtkGestureClick            *gesture,
                 int                         n_press,
                 double                      x,
                 double                      y,
                 WaymarkRecommendationsView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->list), (int) y);

  if (row == NULL)
    return;
  gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  popup_menu (self, row);
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey      *controller,
                     guint                       keyval,
                     guint                       keycode,
                     GdkModifierType             state,
                     WaymarkRecommendationsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));

  state &= gtk_accelerator_get_default_mod_mask ();
  if (state == GDK_ALT_MASK && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    gtk_widget_activate_action (widget, keyval == GDK_KEY_Up ? "recs.move-up" : "recs.move-down",
                                NULL);
  else if (state == 0 && (keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert))
    gtk_widget_activate_action (widget, "recs.add", NULL);
  else if (state == GDK_CONTROL_MASK && (keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert))
    gtk_widget_activate_action (widget, "recs.add-domain", NULL);
  else if (state == 0 && (keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete))
    gtk_widget_activate_action (widget, "recs.delete", NULL);
  else if (state == 0 && keyval == GDK_KEY_F2)
    gtk_widget_activate_action (widget, "recs.edit", NULL);
  else if (row != NULL && ((state == 0 && keyval == GDK_KEY_Menu) ||
                           (state == GDK_SHIFT_MASK && keyval == GDK_KEY_F10)))
    popup_menu (self, row);
  else
    return FALSE;
  return TRUE;
}

/* GObject ------------------------------------------------------------------- */

GtkWidget *
waymark_recommendations_view_new (void)
{
  return g_object_new (WAYMARK_TYPE_RECOMMENDATIONS_VIEW, NULL);
}

void
waymark_recommendations_view_set_document (WaymarkRecommendationsView *self,
                                           WaymarkDocument            *document)
{
  g_return_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  waymark_recommendations_matrix_set_document (WAYMARK_RECOMMENDATIONS_MATRIX (self->matrix),
                                               document);
  set_selected (self, NULL);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
waymark_recommendations_view_get_selected_id (WaymarkRecommendationsView *self)
{
  g_return_val_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self), NULL);
  return self->selected_id;
}

void
waymark_recommendations_view_set_selected_id (WaymarkRecommendationsView *self,
                                              const char                 *id)
{
  g_return_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self));

  if (id != NULL && self->document != NULL &&
      waymark_document_find_recommendation (self->document, id) == NULL &&
      waymark_document_find_domain (self->document, id) == NULL)
    id = NULL;
  if (self->dirty)
    rebuild (self);
  select_row (self, id);
  set_selected (self, id);
  update_actions (self);
}

void
waymark_recommendations_view_reveal (WaymarkRecommendationsView *self,
                                     const char                 *id)
{
  GtkAdjustment *adjustment;
  GtkWidget *content;
  GtkListBoxRow *row;
  graphene_rect_t bounds;
  double top, bottom, page;

  g_return_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self));

  waymark_recommendations_view_set_selected_id (self, id);
  row = find_row (self, self->selected_id);
  if (row == NULL)
    return;
  /* The viewport's child moves under it: a row's place in that child is
   * where the scrolling must bring it. */
  for (content = GTK_WIDGET (row); content != NULL; content = gtk_widget_get_parent (content))
    if (GTK_IS_VIEWPORT (gtk_widget_get_parent (content)))
      break;
  if (content == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->list_scroller));
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y;
  bottom = bounds.origin.y + bounds.size.height;
  if (top < gtk_adjustment_get_value (adjustment))
    gtk_adjustment_set_value (adjustment, top - 12);
  else if (bottom > gtk_adjustment_get_value (adjustment) + page)
    gtk_adjustment_set_value (adjustment, bottom - page + 12);
}

gboolean
waymark_recommendations_view_get_show_matrix (WaymarkRecommendationsView *self)
{
  g_return_val_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "matrix") == 0;
}

void
waymark_recommendations_view_set_show_matrix (WaymarkRecommendationsView *self,
                                              gboolean                    show_matrix)
{
  g_return_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), show_matrix ? "matrix" : "list");
}

GtkWidget *
waymark_recommendations_view_get_row (WaymarkRecommendationsView *self,
                                      const char                 *id)
{
  g_return_val_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self), NULL);
  if (self->dirty)
    rebuild (self);
  return (GtkWidget *) find_row (self, id);
}

GtkWidget *
waymark_recommendations_view_get_list (WaymarkRecommendationsView *self)
{
  g_return_val_if_fail (WAYMARK_IS_RECOMMENDATIONS_VIEW (self), NULL);
  return self->list;
}

/* A dot clicked in the matrix: the same choice as its row in the list. */
static void
matrix_chosen_cb (WaymarkRecommendationsView *self,
                  const char                 *id)
{
  waymark_recommendations_view_set_selected_id (self, id);
}

static void
stack_child_cb (WaymarkRecommendationsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MATRIX]);
}

static void
waymark_recommendations_view_map (GtkWidget *widget)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (widget);

  GTK_WIDGET_CLASS (waymark_recommendations_view_parent_class)->map (widget);
  if (self->dirty)
    rebuild (self);

  /* The toolbar's buttons get their actions when first shown: set any
   * earlier (in the template, at init or when rooted inside the window's
   * own init), GTK 4.8 finds no such action and leaves them insensitive
   * for good, as the rows' buttons made later never are. */
  if (gtk_actionable_get_action_name (GTK_ACTIONABLE (self->add_button)) == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "recs.add");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->empty_add_button), "recs.add");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_domain_button), "recs.add-domain");
    }
}

/* The window gives the view the focus when it shows it: the chosen row,
 * else the first one, else the button that adds the first. */
static gboolean
waymark_recommendations_view_grab_focus (GtkWidget *widget)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (widget);
  GtkListBoxRow *row = find_row (self, self->selected_id);

  if (waymark_recommendations_view_get_show_matrix (self))
    return gtk_widget_child_focus (self->matrix_page, GTK_DIR_TAB_FORWARD) ||
           gtk_widget_grab_focus (gtk_stack_get_visible_child (GTK_STACK (self->stack)));
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->list), 0);
  if (row != NULL && gtk_widget_get_visible (self->stack))
    return gtk_widget_grab_focus (GTK_WIDGET (row));
  return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
waymark_recommendations_view_dispose (GObject *object)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (object);
  GtkWidget *child;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  /* A list that goes with a row selected reports the selection gone,
   * after the template has cleared self->list. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  /* Goes with matrix_page, a template child. */
  self->matrix = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_RECOMMENDATIONS_VIEW);
  /* The template's unnamed children (a separator) too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (waymark_recommendations_view_parent_class)->dispose (object);
}

static void
waymark_recommendations_view_finalize (GObject *object)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (object);

  g_free (self->selected_id);
  G_OBJECT_CLASS (waymark_recommendations_view_parent_class)->finalize (object);
}

static void
waymark_recommendations_view_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_SHOW_MATRIX:
      g_value_set_boolean (value, waymark_recommendations_view_get_show_matrix (self));
      break;
    case PROP_PALETTE:
      g_value_set_int (value, self->palette);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_recommendations_view_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  WaymarkRecommendationsView *self = WAYMARK_RECOMMENDATIONS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_recommendations_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ID:
      waymark_recommendations_view_set_selected_id (self, g_value_get_string (value));
      break;
    case PROP_SHOW_MATRIX:
      waymark_recommendations_view_set_show_matrix (self, g_value_get_boolean (value));
      break;
    case PROP_PALETTE:
      if (self->palette != g_value_get_int (value))
        {
          self->palette = g_value_get_int (value);
          waymark_recommendations_matrix_set_palette (WAYMARK_RECOMMENDATIONS_MATRIX (self->matrix),
                                                      self->palette);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_recommendations_view_class_init (WaymarkRecommendationsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_recommendations_view_dispose;
  object_class->finalize = waymark_recommendations_view_finalize;
  object_class->get_property = waymark_recommendations_view_get_property;
  object_class->set_property = waymark_recommendations_view_set_property;
  widget_class->map = waymark_recommendations_view_map;
  widget_class->grab_focus = waymark_recommendations_view_grab_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_MATRIX] =
    g_param_spec_boolean ("show-matrix", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PALETTE] =
    g_param_spec_int ("palette", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "recs.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "recs.add-to-domain", "s", add_action);
  gtk_widget_class_install_action (widget_class, "recs.add-domain", NULL, add_domain_action);
  gtk_widget_class_install_action (widget_class, "recs.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "recs.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "recs.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "recs.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "recs.move-to-domain", "s",
                                   move_to_domain_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/waymark/Waymark/waymark-recommendations-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, list);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, matrix_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView, add_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView,
                                        add_domain_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkRecommendationsView,
                                        empty_add_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recommendations");
}

static void
waymark_recommendations_view_init (WaymarkRecommendationsView *self)
{
  GtkDropTarget *target;
  GtkGesture *gesture;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (stack_child_cb), self);

  self->matrix = waymark_recommendations_matrix_new ();
  gtk_box_append (GTK_BOX (self->matrix_page), self->matrix);
  g_signal_connect_swapped (self->matrix, "recommendation-chosen", G_CALLBACK (matrix_chosen_cb),
                            self);

  target = gtk_drop_target_new (GTK_TYPE_LIST_BOX_ROW, GDK_ACTION_MOVE);
  g_signal_connect (target, "motion", G_CALLBACK (list_drop_motion_cb), self);
  g_signal_connect (target, "leave", G_CALLBACK (list_drop_leave_cb), self);
  g_signal_connect (target, "drop", G_CALLBACK (list_drop_cb), self);
  gtk_widget_add_controller (self->list, GTK_EVENT_CONTROLLER (target));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (list_pressed_cb), self);
  gtk_widget_add_controller (self->list, GTK_EVENT_CONTROLLER (gesture));
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (self->list, keys);
}

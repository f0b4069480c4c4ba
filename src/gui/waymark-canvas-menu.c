/* waymark-canvas-menu.c: the canvas's context menu
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"

/* Card colours offered in the menu: light tints that keep text readable. */
static const struct {
  const char *color;
  const char *label;
} card_colors[] = {
  { "#fff3b0", N_("Yellow") },
  { "#ffd8b0", N_("Orange") },
  { "#ffc9c9", N_("Red") },
  { "#e3d2f5", N_("Purple") },
  { "#c9e0ff", N_("Blue") },
  { "#c8f0d2", N_("Green") },
  { "#e6e6e6", N_("Grey") },
};

/* The menu offers what the focus or the selection allows: the same
 * canvas.* actions as the keyboard, enabled by _waymark_canvas_update_actions (). */

static void
append (GMenu      *menu,
        const char *label,
        const char *action,
        GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

/* With the key that does the same shown beside it, so that the menu
 * teaches the keyboard. */
static void
append_with_accel (GMenu      *menu,
                   const char *label,
                   const char *action,
                   GVariant   *target,
                   const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

/* The user's words in a menu, where "_" would mark a mnemonic. */
static char *
escape_underlines (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static GMenu *
card_menu (WaymarkCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) colors = g_menu_new ();
  g_autoptr(GMenu) tags = g_menu_new ();
  g_autoptr(GMenu) clip = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  GPtrArray *doc_tags = waymark_document_get_tags (self->document);

  if (n_selected (self) == 1)
    {
      append (edit, _("_Edit Text"), "canvas.edit", NULL);
      append_with_accel (edit, _("_Add Card"), "canvas.add-card", NULL, "<Control>Return");
    }
  append (edit, _("D_uplicate"), "canvas.duplicate", NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  append (colors, _("Lane Colour"), "canvas.card-color", g_variant_new_string (""));
  for (guint i = 0; i < G_N_ELEMENTS (card_colors); i++)
    append (colors, _(card_colors[i].label), "canvas.card-color",
            g_variant_new_string (card_colors[i].color));
  g_menu_append_submenu (clip, _("_Colour"), G_MENU_MODEL (colors));

  for (guint i = 0; i < doc_tags->len; i++)
    {
      WaymarkTag *tag = g_ptr_array_index (doc_tags, i);
      WaymarkCard *card = n_selected (self) > 0
                          ? waymark_document_find_card (self->document, selected (self)[0]) : NULL;
      g_autofree char *label = NULL;

      /* A check mark for tags the (first) card has. */
      label = g_strdup_printf ("%s %s", card != NULL && waymark_card_has_tag (card, tag->base.id)
                                        ? "✓" : "   ", tag->name);
      append (tags, label, "canvas.toggle-tag", g_variant_new_string (tag->base.id));
    }
  if (doc_tags->len > 0)
    g_menu_append_submenu (clip, _("_Tags"), G_MENU_MODEL (tags));
  append (clip, _("E_vidence…"), "editor.show-inspector", NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clip));

  {
    g_autoptr(GMenu) links = g_menu_new ();
    g_autoptr(GMenu) unlink = g_menu_new ();
    g_autoptr(GPtrArray) recommendations =
      waymark_document_list_recommendations_in_order (self->document);
    guint n_linked = 0;
    const char *only_title = NULL;
    const char *only_id = NULL;

    append_with_accel (links, _("_Link to Recommendation…"), "canvas.link-recommendation", NULL,
                       "<Control>k");
    /* The recommendations any of the cards is linked to, each a way to
     * undo that link from here. */
    for (guint i = 0; i < recommendations->len; i++)
      {
        WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);
        g_autofree char *title = NULL;
        gboolean linked = FALSE;

        for (guint c = 0; c < n_selected (self) && !linked; c++)
          linked = waymark_recommendation_addresses (recommendation, selected (self)[c]);
        if (!linked)
          continue;
        title = escape_underlines (recommendation->title);
        append (unlink, title, "canvas.unlink-recommendation",
                g_variant_new_string (recommendation->base.id));
        only_title = recommendation->title;
        only_id = recommendation->base.id;
        n_linked++;
      }
    if (n_linked == 1)
      {
        /* Translators: a card's menu item; %s is a recommendation's title. */
        g_autofree char *title = escape_underlines (only_title);
        g_autofree char *label = g_strdup_printf (_("U_nlink from “%s”"), title);

        append (links, label, "canvas.unlink-recommendation", g_variant_new_string (only_id));
      }
    else if (n_linked > 1)
      g_menu_append_submenu (links, _("U_nlink from"), G_MENU_MODEL (unlink));
    g_menu_append_section (menu, NULL, G_MENU_MODEL (links));
  }

  {
    g_autoptr(GMenu) cb = g_menu_new ();
    append (cb, _("Cu_t"), "canvas.cut", NULL);
    append (cb, _("_Copy"), "canvas.copy", NULL);
    append (cb, _("_Paste"), "canvas.paste", NULL);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (cb));
  }
  append (danger, n_selected (self) > 1 ? _("_Delete Cards") : _("_Delete Card"), "canvas.delete",
          NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  return menu;
}

static GMenu *
lane_kind_menu (const char *action)
{
  GMenu *menu = g_menu_new ();

  for (int kind = 0; kind < WAYMARK_N_LANE_KINDS; kind++)
    append (menu, waymark_lane_kind_get_label (kind), action,
            g_variant_new_string (waymark_lane_kind_to_string (kind)));
  return menu;
}

static GMenu *
structure_menu (WaymarkCanvas *self,
                gboolean       with_phase,
                gboolean       with_lane)
{
  GMenu *menu = g_menu_new ();

  if (with_phase)
    {
      g_autoptr(GMenu) phase = g_menu_new ();

      append (phase, _("_Rename Phase"), "canvas.phase-rename", NULL);
      append (phase, _("Add Phase _Before"), "canvas.phase-add", g_variant_new_string ("before"));
      append (phase, _("Add Phase _After"), "canvas.phase-add", g_variant_new_string ("after"));
      append (phase, _("Move Phase _Left"), "canvas.phase-move", g_variant_new_int32 (-1));
      append (phase, _("Move Phase _Right"), "canvas.phase-move", g_variant_new_int32 (1));
      append (phase, _("Delete Phase"), "canvas.phase-delete", NULL);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (phase));
    }
  if (with_lane)
    {
      g_autoptr(GMenu) lane = g_menu_new ();
      g_autoptr(GMenu) add = lane_kind_menu ("canvas.lane-add");
      g_autoptr(GMenu) kind = lane_kind_menu ("canvas.lane-kind");

      append (lane, _("Re_name Lane"), "canvas.lane-rename", NULL);
      g_menu_append_submenu (lane, _("Add Lane Be_low"), G_MENU_MODEL (add));
      g_menu_append_submenu (lane, _("Lane _Kind"), G_MENU_MODEL (kind));
      append (lane, _("Move Lane _Up"), "canvas.lane-move", g_variant_new_int32 (-1));
      append (lane, _("Move Lane _Down"), "canvas.lane-move", g_variant_new_int32 (1));
      append (lane, _("Delete Lane"), "canvas.lane-delete", NULL);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (lane));
    }
  return menu;
}

void
_waymark_canvas_popup_menu (WaymarkCanvas *self,
                            double         x,
                            double         y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  WaymarkLane *lane = _waymark_canvas_get_focus_lane (self);
  GdkRectangle pointing;

  if (layout == NULL || self->document == NULL)
    return;

  /* From the keyboard: at the focused thing. */
  if (x < 0)
    {
      WaymarkRect rect = { 0 };
      double x1, y1;

      switch (self->focus.kind)
        {
        case WAYMARK_FOCUS_CARD:
          waymark_layout_get_card_rect (layout, self->focus.card_id, &rect);
          break;
        case WAYMARK_FOCUS_CELL:
          waymark_layout_get_cell_rect (layout, self->focus.lane_id, self->focus.phase_id, &rect);
          break;
        case WAYMARK_FOCUS_PHASE:
          waymark_layout_get_phase_rect (layout, self->focus.phase_id, &rect);
          break;
        case WAYMARK_FOCUS_LANE:
          waymark_layout_get_lane_rect (layout, self->focus.lane_id, &rect);
          break;
        case WAYMARK_FOCUS_NONE:
        default:
          break;
        }
      _waymark_canvas_doc_to_widget (self, rect.x + rect.width / 2, rect.y + rect.height, &x1, &y1);
      x = x1;
      y = y1;
    }

  switch (self->focus.kind)
    {
    case WAYMARK_FOCUS_CARD:
      {
        g_autoptr(GMenu) cards = card_menu (self);
        g_autoptr(GMenu) structure = structure_menu (self, TRUE, TRUE);
        g_menu_append_section (menu, NULL, G_MENU_MODEL (cards));
        g_menu_append_submenu (menu, _("_Map"), G_MENU_MODEL (structure));
      }
      break;
    case WAYMARK_FOCUS_CELL:
      {
        g_autoptr(GMenu) cell = g_menu_new ();
        g_autoptr(GMenu) structure = structure_menu (self, TRUE, TRUE);

        if (lane != NULL && waymark_lane_kind_holds_emotions (lane->kind))
          {
            if (_waymark_canvas_focus_is_emotion_point (self))
              {
                append_with_accel (cell, _("Ra_ise"), "canvas.emotion-shift",
                                   g_variant_new_int32 (1), "<Alt>Up");
                append_with_accel (cell, _("Lo_wer"), "canvas.emotion-shift",
                                   g_variant_new_int32 (-1), "<Alt>Down");
                append (cell, _("Edit _Label"), "canvas.emotion-label", NULL);
                append (cell, _("_Remove Point"), "canvas.emotion-remove", NULL);
              }
            else
              append (cell, _("_Place Point"), "canvas.edit", NULL);
          }
        else
          {
            append (cell, _("_New Card"), "canvas.edit", NULL);
            append (cell, _("_Paste"), "canvas.paste", NULL);
          }
        g_menu_append_section (menu, NULL, G_MENU_MODEL (cell));
        /* Phase and lane commands in a submenu, as for cards: inline they
         * made a menu taller than a small window. */
        g_menu_append_submenu (menu, _("_Map"), G_MENU_MODEL (structure));
      }
      break;
    case WAYMARK_FOCUS_PHASE:
      {
        g_autoptr(GMenu) structure = structure_menu (self, TRUE, FALSE);
        g_autoptr(GMenu) add = lane_kind_menu ("canvas.lane-add");
        g_autoptr(GMenu) lanes = g_menu_new ();

        g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
        /* A map is often started phases first: lanes must be reachable
         * from there too. */
        g_menu_append_submenu (lanes, _("Add _Lane"), G_MENU_MODEL (add));
        g_menu_append_section (menu, NULL, G_MENU_MODEL (lanes));
      }
      break;
    case WAYMARK_FOCUS_LANE:
      {
        g_autoptr(GMenu) structure = structure_menu (self, FALSE, TRUE);
        g_autoptr(GMenu) phases = g_menu_new ();

        g_menu_append_section (menu, NULL, G_MENU_MODEL (structure));
        append (phases, _("Add _Phase"), "canvas.phase-add", g_variant_new_string ("after"));
        g_menu_append_section (menu, NULL, G_MENU_MODEL (phases));
      }
      break;
    case WAYMARK_FOCUS_NONE:
    default:
      {
        g_autoptr(GMenu) add = lane_kind_menu ("canvas.lane-add");
        append (menu, _("Add _Phase"), "canvas.phase-add", g_variant_new_string ("after"));
        g_menu_append_submenu (menu, _("Add _Lane"), G_MENU_MODEL (add));
        append (menu, _("_Paste"), "canvas.paste", NULL);
      }
      break;
    }
  {
    g_autoptr(GMenu) view = g_menu_new ();
    append (view, _("Copy Map as _Image"), "canvas.copy-image", NULL);
    append (view, _("Fit _Width"), "canvas.zoom-fit-width", NULL);
    append (view, _("Fit _Page"), "canvas.zoom-fit-page", NULL);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (view));
  }

  if (self->context_menu != NULL)
    g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  pointing = (GdkRectangle) { (int) x, (int) y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &pointing);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

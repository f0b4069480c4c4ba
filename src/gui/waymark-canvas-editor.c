/* waymark-canvas-editor.c: editing text in place on the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "waymark-canvas-private.h"
#include "waymark-commands.h"
/* For the text styles, so that the editor matches the text it replaces,
 * and the title block's rectangle (there is no public getter yet). */
#include "waymark-layout-private.h"

/* The editor is a GtkTextView, a child of the canvas, laid over the
 * zoomed rectangle of the text it edits. Nothing changes in the document
 * while typing: committing makes one edit (one undo step), cancelling
 * none. A new card exists only once its text is committed. */

static void
close_editor (WaymarkCanvas *self)
{
  GtkWidget *editor = self->editor;
  gboolean had_focus;

  g_clear_handle_id (&self->commit_idle_id, g_source_remove);
  if (editor == NULL)
    return;
  had_focus = gtk_widget_has_focus (editor);
  /* Cleared first: moving the focus away triggers the editor's focus
   * leave handler, which would commit again. */
  self->editor = NULL;
  /* The room kept for a new card goes with its editor. */
  if (self->edit_kind == EDIT_NEW_CARD && self->persona_id != NULL)
    g_hash_table_add (self->dirty, g_strdup (self->persona_id));
  self->edit_kind = EDIT_NONE;
  /* The focus moves out before the editor goes, so that GTK never has a
   * focus widget that is no longer in the window. */
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_unparent (editor);
  _waymark_canvas_invalidate_overlay (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
waymark_canvas_commit_editing (WaymarkCanvas *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));
  _waymark_canvas_edit_commit (self);
}

gboolean
waymark_canvas_is_editing (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);
  return self->editor != NULL;
}

static char *
dup_editor_text (WaymarkCanvas *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Trailing blank lines and spaces are never meant. */
  g_strchomp (text);
  return text;
}

/* Personas of one study usually share their phases: after renaming a
 * phase, offer to rename it in every persona that has one so named, in a
 * toast that goes away by itself when the rename was meant for one. */
static void
offer_rename_phases (WaymarkCanvas *self,
                     const char    *old_name,
                     const char    *new_name)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  guint n = waymark_command_count_phases_named (self->document, old_name, self->persona_id);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (overlay == NULL || n == 0)
    return;
  /* Translators: a toast after renaming a phase; %u other personas have it too. */
  title = g_strdup_printf (ngettext ("%u other persona has a phase “%s”",
                                     "%u other personas have a phase “%s”", n), n, old_name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Rename _All"));
  adw_toast_set_action_name (toast, "win.rename-phases");
  adw_toast_set_action_target_value (toast, g_variant_new ("(ss)", old_name, new_name));
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
_waymark_canvas_edit_commit (WaymarkCanvas *self)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  g_autofree char *text = NULL;
  g_autofree char *target = NULL;
  g_autofree char *lane_id = NULL;
  g_autofree char *phase_id = NULL;
  EditKind kind = self->edit_kind;
  const char *new_card = NULL;

  if (self->editor == NULL)
    return;
  text = dup_editor_text (self);
  target = g_strdup (self->edit_target_id);
  lane_id = g_strdup (self->edit_lane_id);
  phase_id = g_strdup (self->edit_phase_id);
  close_editor (self);
  if (persona == NULL || self->document == NULL)
    return;

  switch (kind)
    {
    case EDIT_CARD_TEXT:
      waymark_document_set_text (self->document, target, WAYMARK_FIELD_TEXT, text);
      break;
    case EDIT_NEW_CARD:
      if (text[0] != '\0')
        new_card = waymark_command_add_card (self->document, self->persona_id, lane_id, phase_id,
                                             self->edit_position, text);
      break;
    case EDIT_PHASE_NAME:
    case EDIT_LANE_NAME:
    case EDIT_PERSONA_NAME:
      {
        WaymarkPhase *phase = kind == EDIT_PHASE_NAME ? waymark_persona_find_phase (persona, target)
                                                      : NULL;
        g_autofree char *old_name = phase != NULL ? g_strdup (phase->name) : NULL;

        /* A name cannot be empty; an empty edit keeps the old one. */
        g_strstrip (text);
        if (text[0] != '\0' &&
            waymark_document_set_text (self->document, target, WAYMARK_FIELD_NAME, text) &&
            old_name != NULL)
          offer_rename_phases (self, old_name, text);
      }
      break;
    case EDIT_EMOTION_LABEL:
      {
        WaymarkEmotionPoint *point = waymark_persona_find_emotion (persona, lane_id, phase_id);

        g_strstrip (text);
        if (point != NULL)
          waymark_document_set_emotion (self->document, self->persona_id, lane_id, phase_id,
                                        point->score, text);
      }
      break;
    case EDIT_NONE:
    default:
      break;
    }

  if (new_card != NULL)
    {
      const char *ids[] = { new_card, NULL };
      WaymarkFocus focus = { 0 };

      _waymark_canvas_set_selection (self, ids);
      waymark_focus_set_card (&focus, _waymark_canvas_get_persona (self), new_card);
      _waymark_canvas_set_focus (self, &focus);
      waymark_focus_clear (&focus);
    }
}

void
_waymark_canvas_edit_cancel (WaymarkCanvas *self)
{
  close_editor (self);
}

/* Alt+Up and Alt+Down raise and lower an emotion point while its label
 * is edited, as they do on the focused cell; the editor follows it. */
static void
shift_edited_emotion (WaymarkCanvas *self,
                      int            delta)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  WaymarkEmotionPoint *point;
  WaymarkLayout *layout;
  double x, y;

  point = persona != NULL ? waymark_persona_find_emotion (persona, self->edit_lane_id,
                                                          self->edit_phase_id) : NULL;
  if (point == NULL ||
      !waymark_document_set_emotion (self->document, self->persona_id, self->edit_lane_id,
                                     self->edit_phase_id, point->score + delta, point->label))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  layout = waymark_canvas_get_layout (self);
  if (layout != NULL &&
      waymark_layout_get_emotion_point (layout, self->edit_lane_id, self->edit_phase_id, &x, &y))
    self->edit_rect = (WaymarkRect) { x - 60, y + 8, 120, 18 };
  _waymark_canvas_scroll_to_rect (self, &self->edit_rect);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
editor_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       WaymarkCanvas         *self)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      _waymark_canvas_edit_cancel (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Shift+Enter breaks the line of a multi-line text. */
      if ((state & GDK_SHIFT_MASK) && self->edit_multiline)
        return FALSE;
      _waymark_canvas_edit_commit (self);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      _waymark_canvas_edit_commit (self);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!(state & GDK_ALT_MASK) || self->edit_kind != EDIT_EMOTION_LABEL)
        return FALSE;
      shift_edited_emotion (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? 1 : -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
commit_idle_cb (gpointer data)
{
  WaymarkCanvas *self = data;
  GtkRoot *root;

  self->commit_idle_id = 0;
  if (self->editor == NULL)
    return G_SOURCE_REMOVE;
  /* The window losing the focus to another application leaves the
   * editor its window's focus widget: the user comes back to it. */
  root = gtk_widget_get_root (self->editor);
  if (root != NULL && gtk_root_get_focus (root) == self->editor)
    return G_SOURCE_REMOVE;
  _waymark_canvas_edit_commit (self);
  return G_SOURCE_REMOVE;
}

static void
editor_focus_leave_cb (GtkEventControllerFocus *controller,
                       WaymarkCanvas           *self)
{
  /* Clicking elsewhere keeps what was typed, as in any good editor.
   * Not right now: GTK is in the middle of moving the focus (to the find
   * bar, a menu, ...), and removing the editor under it leaves GTK's focus
   * bookkeeping with a destroyed widget, which used to hang the app. */
  if (self->editor != NULL && self->commit_idle_id == 0)
    self->commit_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, commit_idle_cb, self, NULL);
}

static void
editor_changed_cb (WaymarkCanvas *self)
{
  /* The editor grows with its text. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static WaymarkTextStyle
style_for (EditKind kind)
{
  switch (kind)
    {
    case EDIT_PHASE_NAME:
      return WAYMARK_TEXT_PHASE_NAME;
    case EDIT_LANE_NAME:
      return WAYMARK_TEXT_LANE_NAME;
    case EDIT_PERSONA_NAME:
      return WAYMARK_TEXT_PERSONA_NAME;
    case EDIT_EMOTION_LABEL:
      return WAYMARK_TEXT_EMOTION_LABEL;
    case EDIT_CARD_TEXT:
    case EDIT_NEW_CARD:
    case EDIT_NONE:
    default:
      return WAYMARK_TEXT_CARD;
    }
}

static void
update_editor_font (WaymarkCanvas *self)
{
  const WaymarkTextStyleInfo *info = waymark_text_style_get_info (style_for (self->edit_kind));
  g_autofree char *css = NULL;
  char size[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (size, sizeof size, "%.2f", MAX (info->size * self->zoom, 6));
  css = g_strdup_printf ("textview.waymark-inplace-editor, textview.waymark-inplace-editor text "
                         "{ font-family: %s; font-size: %spx; font-weight: %d; }",
                         info->family, size, info->weight);
  if (self->editor_css == NULL)
    {
      self->editor_css = gtk_css_provider_new ();
      gtk_style_context_add_provider (gtk_widget_get_style_context (self->editor),
                                      GTK_STYLE_PROVIDER (self->editor_css),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (self->editor_css, css, -1);
}

void
_waymark_canvas_edit_start (WaymarkCanvas *self,
                            EditKind       kind,
                            const char    *target_id,
                            const char    *lane_id,
                            const char    *phase_id,
                            int            position)
{
  /* The ids may be the layout's own strings (from a hit test), and
   * committing an edit or making room for a new card lays the map out
   * again, which frees them: work on copies. */
  g_autofree char *target_copy = g_strdup (target_id);
  g_autofree char *lane_copy = g_strdup (lane_id);
  g_autofree char *phase_copy = g_strdup (phase_id);
  WaymarkLayout *layout;
  WaymarkPersona *persona;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkEventController *controller;
  WaymarkRect rect = { 0 };
  gboolean multiline = FALSE;

  target_id = target_copy;
  lane_id = lane_copy;
  phase_id = phase_copy;
  _waymark_canvas_edit_commit (self);
  layout = waymark_canvas_get_layout (self);
  persona = _waymark_canvas_get_persona (self);
  if (layout == NULL || persona == NULL)
    return;

  switch (kind)
    {
    case EDIT_CARD_TEXT:
      {
        WaymarkCard *card = waymark_document_find_card (self->document, target_id);
        if (card == NULL || !waymark_layout_get_card_text_rect (layout, target_id, &rect))
          return;
        text = g_strdup (card->text);
        multiline = TRUE;
      }
      break;
    case EDIT_NEW_CARD:
      {
        WaymarkRect cell;
        WaymarkDropTarget drop;

        /* The layout keeps room below the cell's cards while a card is
         * being added there (waymark_canvas_get_layout ()), so that the
         * editor covers none of them. */
        self->edit_kind = EDIT_NEW_CARD;
        g_free (self->edit_lane_id);
        self->edit_lane_id = g_strdup (lane_id);
        g_free (self->edit_phase_id);
        self->edit_phase_id = g_strdup (phase_id);
        g_hash_table_add (self->dirty, g_strdup (self->persona_id));
        layout = waymark_canvas_get_layout (self);
        if (layout == NULL || !waymark_layout_get_cell_rect (layout, lane_id, phase_id, &cell))
          {
            self->edit_kind = EDIT_NONE;
            g_hash_table_add (self->dirty, g_strdup (self->persona_id));
            return;
          }
        /* Where a card dropped at the bottom of the cell would go. */
        if (position < 0 &&
            waymark_layout_get_drop_target (layout, cell.x + cell.width / 2,
                                            cell.y + cell.height - 1, NULL, &drop) &&
            g_strcmp0 (drop.lane_id, lane_id) == 0 && g_strcmp0 (drop.phase_id, phase_id) == 0)
          rect = (WaymarkRect) { cell.x + 8, MIN (drop.indicator.y + 3, cell.y + cell.height - 30),
                                 cell.width - 16, 28 };
        else
          rect = (WaymarkRect) { cell.x + 8, cell.y + 6, cell.width - 16, 28 };
        text = g_strdup ("");
        multiline = TRUE;
      }
      break;
    case EDIT_PHASE_NAME:
      {
        WaymarkPhase *phase = waymark_persona_find_phase (persona, target_id);
        if (phase == NULL || !waymark_layout_get_phase_rect (layout, target_id, &rect))
          return;
        text = g_strdup (phase->name);
        /* Over the name's line only, so that the phase number above it
         * stays visible; inside the chevron's point. */
        for (guint i = 0; i < layout->phases->len; i++)
          {
            WaymarkLayoutPhase *lp = g_ptr_array_index (layout->phases, i);

            if (g_strcmp0 (lp->id, target_id) == 0 && lp->name_rect.height > 0)
              {
                rect = (WaymarkRect) { lp->name_rect.x - 2, lp->name_rect.y,
                                       MAX (rect.x + rect.width - 16 - lp->name_rect.x, 40),
                                       lp->name_rect.height };
                break;
              }
          }
        if (rect.height > 24)
          {
            rect.x += 10;
            rect.width = MAX (rect.width - 24, 40);
            rect.y += rect.height / 2 - 10;
            rect.height = 20;
          }
      }
      break;
    case EDIT_LANE_NAME:
      {
        WaymarkLane *lane = waymark_persona_find_lane (persona, target_id);
        if (lane == NULL || !waymark_layout_get_lane_rect (layout, target_id, &rect))
          return;
        text = g_strdup (lane->name);
        rect.x += 4;
        rect.width -= 8;
        rect.y += 6;
        rect.height = 20;
      }
      break;
    case EDIT_PERSONA_NAME:
      text = g_strdup (persona->name);
      rect = layout->name_rect;
      rect.width = MAX (rect.width + 40, 200);
      break;
    case EDIT_EMOTION_LABEL:
      {
        WaymarkEmotionPoint *point = waymark_persona_find_emotion (persona, lane_id, phase_id);
        double x, y;

        if (point == NULL || !waymark_layout_get_emotion_point (layout, lane_id, phase_id, &x, &y))
          return;
        text = g_strdup (point->label);
        rect = (WaymarkRect) { x - 60, y + 8, 120, 18 };
      }
      break;
    case EDIT_NONE:
    default:
      return;
    }

  self->edit_kind = kind;
  g_free (self->edit_target_id);
  self->edit_target_id = g_strdup (target_id);
  g_free (self->edit_lane_id);
  self->edit_lane_id = g_strdup (lane_id);
  g_free (self->edit_phase_id);
  self->edit_phase_id = g_strdup (phase_id);
  self->edit_position = position;
  self->edit_rect = rect;
  self->edit_multiline = multiline;

  self->editor = gtk_text_view_new ();
  g_clear_object (&self->editor_css);
  gtk_widget_add_css_class (self->editor, "waymark-inplace-editor");
  if (!multiline)
    gtk_widget_add_css_class (self->editor, "waymark-inplace-name-editor");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor),
                               multiline ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->editor), 2);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->editor), 2);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->editor), 1);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->editor), 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == EDIT_NEW_CARD ? _("New card text")
                                  : kind == EDIT_CARD_TEXT ? _("Card text") : _("Name"), -1);
  update_editor_font (self);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_set_text (buffer, text, -1);
  /* Typing replaces a short name; a card's text is usually amended. */
  {
    GtkTextIter start, end;
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    if (kind == EDIT_CARD_TEXT)
      gtk_text_buffer_place_cursor (buffer, &end);
    else
      gtk_text_buffer_select_range (buffer, &start, &end);
  }
  g_signal_connect_object (buffer, "changed", G_CALLBACK (editor_changed_cb), self,
                           G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (editor_key_pressed_cb), self);
  gtk_widget_add_controller (self->editor, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  /* The overlay drops the hover tint and "+" while an editor is open. */
  _waymark_canvas_invalidate_overlay (self);
  _waymark_canvas_scroll_to_rect (self, &rect);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (self->editor);
}

void
_waymark_canvas_edit_allocate (WaymarkCanvas *self)
{
  double x0, y0, x1, y1;
  int min_h, nat_h, width;

  if (self->editor == NULL)
    return;
  update_editor_font (self);
  _waymark_canvas_doc_to_widget (self, self->edit_rect.x, self->edit_rect.y, &x0, &y0);
  _waymark_canvas_doc_to_widget (self, self->edit_rect.x + self->edit_rect.width,
                                 self->edit_rect.y + self->edit_rect.height, &x1, &y1);
  width = MAX ((int) round (x1 - x0), 40);
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, width, &min_h, &nat_h, NULL, NULL);
  {
    int height = (int) round (y1 - y0) + 4;
    int y = (int) round (y0) - 2;

    /* A one-line name stays centred on the text it replaces when the
     * editor needs more height than the text had. */
    if (!self->edit_multiline && nat_h > height)
      y -= (nat_h - height) / 2;
    gtk_widget_size_allocate (self->editor,
                              &(GtkAllocation) { (int) round (x0) - 3, y, width + 6, MAX (height, nat_h) },
                              -1);
  }
}

void
_waymark_canvas_editor_dispose (WaymarkCanvas *self)
{
  g_clear_handle_id (&self->commit_idle_id, g_source_remove);
  if (self->editor != NULL)
    {
      GtkWidget *editor = self->editor;
      self->editor = NULL;
      gtk_widget_unparent (editor);
    }
  g_clear_object (&self->editor_css);
}

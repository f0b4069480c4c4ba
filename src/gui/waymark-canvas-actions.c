/* waymark-canvas-actions.c: the canvas's actions and clipboard
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-cairo-backend.h"
#include "waymark-canvas-private.h"
#include "waymark-clipboard-cards.h"
#include "waymark-commands.h"
#include "waymark-format.h"
#include "waymark-link-chooser.h"
#include "waymark-recommendation-commands.h"
#include "waymark-svg-writer.h"

static WaymarkPersona *
persona_of (WaymarkCanvas *self)
{
  return _waymark_canvas_get_persona (self);
}

WaymarkLane *
_waymark_canvas_get_focus_lane (WaymarkCanvas *self)
{
  WaymarkPersona *persona = persona_of (self);
  return persona != NULL && self->focus.lane_id != NULL
         ? waymark_persona_find_lane (persona, self->focus.lane_id) : NULL;
}

gboolean
_waymark_canvas_focus_is_emotion_point (WaymarkCanvas *self)
{
  WaymarkLane *lane = _waymark_canvas_get_focus_lane (self);

  return self->focus.kind == WAYMARK_FOCUS_CELL && lane != NULL &&
         waymark_lane_kind_holds_emotions (lane->kind) &&
         waymark_persona_find_emotion (persona_of (self), lane->base.id, self->focus.phase_id) != NULL;
}

void
_waymark_canvas_update_actions (WaymarkCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  WaymarkPersona *persona = persona_of (self);
  gboolean have_cards = n_selected (self) > 0;
  gboolean have_map = persona != NULL;
  gboolean phase = self->focus.kind == WAYMARK_FOCUS_PHASE || self->focus.kind == WAYMARK_FOCUS_CELL ||
                   self->focus.kind == WAYMARK_FOCUS_CARD;
  gboolean lane = self->focus.kind == WAYMARK_FOCUS_LANE || self->focus.kind == WAYMARK_FOCUS_CELL ||
                  self->focus.kind == WAYMARK_FOCUS_CARD;
  gboolean point = _waymark_canvas_focus_is_emotion_point (self);

  gtk_widget_action_set_enabled (widget, "canvas.delete", have_cards ||
                                 self->focus.kind == WAYMARK_FOCUS_PHASE ||
                                 self->focus.kind == WAYMARK_FOCUS_LANE || point);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", have_cards);
  gtk_widget_action_set_enabled (widget, "canvas.copy", have_cards);
  gtk_widget_action_set_enabled (widget, "canvas.cut", have_cards);
  gtk_widget_action_set_enabled (widget, "canvas.paste", have_map);
  gtk_widget_action_set_enabled (widget, "canvas.copy-image", have_map);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", have_map);
  gtk_widget_action_set_enabled (widget, "canvas.card-color", have_cards);
  gtk_widget_action_set_enabled (widget, "canvas.toggle-tag", have_cards);
  gtk_widget_action_set_enabled (widget, "canvas.link-recommendation", have_cards);
  gtk_widget_action_set_enabled (widget, "canvas.unlink-recommendation", have_cards);
  gtk_widget_action_set_enabled (widget, "canvas.edit", have_map);
  gtk_widget_action_set_enabled (widget, "canvas.add-card",
                                 (self->focus.kind == WAYMARK_FOCUS_CARD ||
                                  self->focus.kind == WAYMARK_FOCUS_CELL) &&
                                 !_waymark_canvas_is_emotions_lane (self, self->focus.lane_id));
  gtk_widget_action_set_enabled (widget, "canvas.phase-add", have_map);
  gtk_widget_action_set_enabled (widget, "canvas.phase-move", phase);
  gtk_widget_action_set_enabled (widget, "canvas.phase-delete", phase);
  gtk_widget_action_set_enabled (widget, "canvas.phase-rename", phase);
  gtk_widget_action_set_enabled (widget, "canvas.lane-add", have_map);
  gtk_widget_action_set_enabled (widget, "canvas.lane-move", lane);
  gtk_widget_action_set_enabled (widget, "canvas.lane-delete", lane);
  gtk_widget_action_set_enabled (widget, "canvas.lane-rename", lane);
  gtk_widget_action_set_enabled (widget, "canvas.lane-kind", lane);
  gtk_widget_action_set_enabled (widget, "canvas.emotion-label", point);
  gtk_widget_action_set_enabled (widget, "canvas.emotion-remove", point);
  gtk_widget_action_set_enabled (widget, "canvas.emotion-shift", point);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-fit-width", have_map);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-fit-page", have_map);
}

/* Cards ---------------------------------------------------------------- */

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_auto(GStrv) ids = NULL;

  if (self->document == NULL)
    return;
  if (n_selected (self) > 0)
    {
      ids = g_strdupv ((char **) selected (self));
      waymark_command_delete_cards (self->document, (const char * const *) ids);
      return;
    }
  /* Without selected cards, Delete removes what has the focus. */
  switch (self->focus.kind)
    {
    case WAYMARK_FOCUS_PHASE:
      {
        g_autofree char *id = g_strdup (self->focus.phase_id);
        waymark_document_remove (self->document, id);
      }
      break;
    case WAYMARK_FOCUS_LANE:
      {
        g_autofree char *id = g_strdup (self->focus.lane_id);
        waymark_document_remove (self->document, id);
      }
      break;
    case WAYMARK_FOCUS_CELL:
      if (_waymark_canvas_focus_is_emotion_point (self))
        waymark_document_remove_emotion (self->document, self->persona_id, self->focus.lane_id,
                                         self->focus.phase_id);
      break;
    case WAYMARK_FOCUS_CARD:
    case WAYMARK_FOCUS_NONE:
    default:
      break;
    }
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_auto(GStrv) ids = g_strdupv ((char **) selected (self));
  g_autoptr(GPtrArray) copies = waymark_command_duplicate_cards (self->document,
                                                                 (const char * const *) ids);

  g_ptr_array_add (copies, NULL);
  _waymark_canvas_set_selection (self, (const char * const *) copies->pdata);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  WaymarkPersona *persona = persona_of (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; persona != NULL && i < persona->cards->len; i++)
    g_ptr_array_add (ids, ((WaymarkCard *) g_ptr_array_index (persona->cards, i))->base.id);
  g_ptr_array_add (ids, NULL);
  _waymark_canvas_set_selection (self, (const char * const *) ids->pdata);
}

static void
card_color_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_auto(GStrv) ids = g_strdupv ((char **) selected (self));

  waymark_command_set_cards_color (self->document, (const char * const *) ids,
                                   g_variant_get_string (parameter, NULL));
}

static void
toggle_tag_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  const char *tag_id = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) ids = g_strdupv ((char **) selected (self));
  gboolean all_have = TRUE;

  /* Toggles as a whole: when every selected card has the tag, remove it. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_document_find_card (self->document, ids[i]);
      if (card != NULL && !waymark_card_has_tag (card, tag_id))
        all_have = FALSE;
    }
  waymark_command_toggle_tag (self->document, (const char * const *) ids, tag_id, !all_have);
}

/* Linking to recommendations without dragging: the chooser under the
 * focused card (or the first selected one), for all the selected cards. */
static void
link_recommendation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  const char *card_id;
  WaymarkRect rect = { 0 };
  double x, y;

  if (n_selected (self) == 0 || layout == NULL)
    return;
  /* Ctrl+K while typing a card's text: keep the text, then link. */
  waymark_canvas_commit_editing (self);
  layout = waymark_canvas_get_layout (self);
  card_id = self->focus.kind == WAYMARK_FOCUS_CARD &&
            g_strv_contains (selected (self), self->focus.card_id)
            ? self->focus.card_id : selected (self)[0];
  waymark_layout_get_card_rect (layout, card_id, &rect);
  _waymark_canvas_doc_to_widget (self, rect.x + rect.width / 2, rect.y + rect.height, &x, &y);

  if (self->link_chooser == NULL)
    {
      self->link_chooser = waymark_link_chooser_new ();
      gtk_widget_set_parent (self->link_chooser, widget);
    }
  waymark_link_chooser_show (WAYMARK_LINK_CHOOSER (self->link_chooser), self->document,
                             selected (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_chooser),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->link_chooser));
}

/* Takes the selected cards off one recommendation (one undo step). */
static void
unlink_recommendation_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_auto(GStrv) ids = g_strdupv ((char **) selected (self));

  waymark_command_link_cards (self->document, g_variant_get_string (parameter, NULL),
                              (const char * const *) ids, FALSE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  waymark_canvas_start_editing (WAYMARK_CANVAS (widget));
}

/* A new card at the bottom of the focused card's cell: the keyboard's
 * way to add to a cell that has cards already (Enter there edits the
 * focused card). */
static void
add_card_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);

  if ((self->focus.kind != WAYMARK_FOCUS_CARD && self->focus.kind != WAYMARK_FOCUS_CELL) ||
      _waymark_canvas_is_emotions_lane (self, self->focus.lane_id))
    return;
  _waymark_canvas_edit_start (self, EDIT_NEW_CARD, NULL, self->focus.lane_id,
                              self->focus.phase_id, -1);
}

/* Structure ------------------------------------------------------------ */

static const char *
focused_phase (WaymarkCanvas *self)
{
  return self->focus.phase_id;
}

static const char *
focused_lane (WaymarkCanvas *self)
{
  return self->focus.lane_id;
}

static void
phase_add_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gboolean after = g_strcmp0 (g_variant_get_string (parameter, NULL), "before") != 0;
  const char *id = waymark_command_add_phase (self->document, self->persona_id,
                                              focused_phase (self), after);
  WaymarkFocus focus = { 0 };

  if (id == NULL)
    return;
  /* Name it right away. */
  waymark_focus_set_phase (&focus, id);
  _waymark_canvas_set_focus (self, &focus);
  waymark_focus_clear (&focus);
  _waymark_canvas_edit_start (self, EDIT_PHASE_NAME, id, NULL, NULL, -1);
}

static void
phase_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  waymark_command_shift_phase (self->document, focused_phase (self), g_variant_get_int32 (parameter));
}

static void
phase_delete_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autofree char *id = g_strdup (focused_phase (self));
  waymark_document_remove (self->document, id);
}

static void
phase_rename_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  _waymark_canvas_edit_start (self, EDIT_PHASE_NAME, focused_phase (self), NULL, NULL, -1);
}

static void
lane_add_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  WaymarkLaneKind kind = WAYMARK_LANE_NOTES;
  WaymarkFocus focus = { 0 };
  const char *id;

  waymark_lane_kind_from_string (g_variant_get_string (parameter, NULL), &kind);
  id = waymark_command_add_lane (self->document, self->persona_id, kind, focused_lane (self), TRUE);
  if (id == NULL)
    return;
  waymark_focus_set_lane (&focus, id);
  _waymark_canvas_set_focus (self, &focus);
  waymark_focus_clear (&focus);
  _waymark_canvas_edit_start (self, EDIT_LANE_NAME, id, NULL, NULL, -1);
}

static void
lane_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  waymark_command_shift_lane (self->document, focused_lane (self), g_variant_get_int32 (parameter));
}

static void
lane_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autofree char *id = g_strdup (focused_lane (self));
  waymark_document_remove (self->document, id);
}

static void
lane_rename_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  _waymark_canvas_edit_start (self, EDIT_LANE_NAME, focused_lane (self), NULL, NULL, -1);
}

static void
lane_kind_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  WaymarkLaneKind kind;

  if (waymark_lane_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    waymark_document_set_int (self->document, focused_lane (self), WAYMARK_FIELD_KIND, kind);
}

static void
emotion_label_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  _waymark_canvas_edit_start (self, EDIT_EMOTION_LABEL, NULL, self->focus.lane_id,
                              self->focus.phase_id, -1);
}

static void
emotion_remove_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  waymark_document_remove_emotion (self->document, self->persona_id, self->focus.lane_id,
                                   self->focus.phase_id);
}

/* Raise (+1) or lower (-1) the focused emotion point by one step: the
 * menu's way to Alt+Up and Alt+Down. */
static void
emotion_shift_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _waymark_canvas_move_focused (WAYMARK_CANVAS (widget),
                                g_variant_get_int32 (parameter) > 0 ? WAYMARK_DIRECTION_UP
                                                                    : WAYMARK_DIRECTION_DOWN);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  waymark_canvas_zoom_to_fit (WAYMARK_CANVAS (widget), g_str_equal (action_name, "canvas.zoom-fit-page"));
}

gboolean
_waymark_canvas_move_focused (WaymarkCanvas    *self,
                              WaymarkDirection  direction)
{
  WaymarkPersona *persona = persona_of (self);
  gboolean vertical = direction == WAYMARK_DIRECTION_UP || direction == WAYMARK_DIRECTION_DOWN;
  int delta = direction == WAYMARK_DIRECTION_UP || direction == WAYMARK_DIRECTION_LEFT ? -1 : 1;

  if (persona == NULL || self->document == NULL)
    return FALSE;

  switch (self->focus.kind)
    {
    case WAYMARK_FOCUS_CARD:
      {
        g_autofree char *card_id = g_strdup (self->focus.card_id);
        const char *lane_id, *phase_id;
        int position;

        if (!waymark_focus_card_move_target (persona, card_id, direction, &lane_id, &phase_id,
                                             &position))
          {
            gtk_widget_error_bell (GTK_WIDGET (self));
            return TRUE;
          }
        waymark_document_move_card (self->document, card_id, lane_id, phase_id, position);
        waymark_focus_set_card (&self->focus, persona_of (self), card_id);
        _waymark_canvas_set_focus (self, &self->focus);
      }
      return TRUE;
    case WAYMARK_FOCUS_PHASE:
      if (vertical)
        return FALSE;
      if (!waymark_command_shift_phase (self->document, self->focus.phase_id, delta))
        gtk_widget_error_bell (GTK_WIDGET (self));
      _waymark_canvas_set_focus (self, &self->focus);
      return TRUE;
    case WAYMARK_FOCUS_LANE:
      if (!vertical)
        return FALSE;
      if (!waymark_command_shift_lane (self->document, self->focus.lane_id, delta))
        gtk_widget_error_bell (GTK_WIDGET (self));
      _waymark_canvas_set_focus (self, &self->focus);
      return TRUE;
    case WAYMARK_FOCUS_CELL:
      {
        WaymarkLane *lane = _waymark_canvas_get_focus_lane (self);
        WaymarkEmotionPoint *point;

        if (!vertical || lane == NULL || !waymark_lane_kind_holds_emotions (lane->kind))
          return FALSE;
        /* Alt+Up and Alt+Down raise and lower the emotion one step. */
        point = waymark_persona_find_emotion (persona, lane->base.id, self->focus.phase_id);
        if (!waymark_document_set_emotion (self->document, self->persona_id, lane->base.id,
                                           self->focus.phase_id,
                                           (point != NULL ? point->score : 0) - delta,
                                           point != NULL ? point->label : ""))
          gtk_widget_error_bell (GTK_WIDGET (self));
        _waymark_canvas_set_focus (self, &self->focus);
      }
      return TRUE;
    case WAYMARK_FOCUS_NONE:
    default:
      return FALSE;
    }
}

/* Clipboard ----------------------------------------------------------- */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autoptr(WaymarkClipboardCards) cards = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  cards = waymark_clipboard_cards_from_document (self->document, selected (self));
  if (cards == NULL)
    return;
  xml = waymark_clipboard_cards_serialize (cards);
  text = waymark_clipboard_cards_to_text (cards);
  /* Our own type first, so that another Waymark window gets the cards
   * whole; text for everything else. */
  providers[0] = gdk_content_provider_new_for_bytes (WAYMARK_CLIPBOARD_MIME_TYPE, xml);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_auto(GStrv) ids = g_strdupv ((char **) selected (self));

  copy_action (widget, action_name, parameter);
  waymark_document_begin_group (self->document, _("Cut"));
  waymark_command_delete_cards (self->document, (const char * const *) ids);
  waymark_document_end_group (self->document);
}

/* Where pasted cards go: after the focused card, at the end of the
 * focused cell, or the first card cell of the focused phase or lane. */
static gboolean
paste_target (WaymarkCanvas  *self,
              const char    **lane_id,
              const char    **phase_id,
              int            *position)
{
  WaymarkPersona *persona = persona_of (self);
  WaymarkLane *lane = _waymark_canvas_get_focus_lane (self);

  if (persona == NULL || persona->phases->len == 0)
    return FALSE;
  *position = -1;
  if (self->focus.kind == WAYMARK_FOCUS_CARD)
    *position = waymark_persona_card_position (persona, self->focus.card_id) + 1;
  *phase_id = self->focus.phase_id != NULL ? self->focus.phase_id
              : ((WaymarkPhase *) g_ptr_array_index (persona->phases, 0))->base.id;
  if (lane == NULL || !waymark_lane_kind_holds_cards (lane->kind))
    {
      lane = NULL;
      for (guint i = 0; i < persona->lanes->len && lane == NULL; i++)
        if (waymark_lane_kind_holds_cards (((WaymarkLane *) g_ptr_array_index (persona->lanes, i))->kind))
          lane = g_ptr_array_index (persona->lanes, i);
    }
  if (lane == NULL)
    return FALSE;
  *lane_id = lane->base.id;
  return TRUE;
}

/* Says why a paste did nothing, in the window's toast overlay. */
static void
report_paste_refused (WaymarkCanvas *self,
                      const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  gtk_widget_error_bell (GTK_WIDGET (self));
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    g_message ("Paste refused: %s", message);
}

static void
paste_cards (WaymarkCanvas         *self,
             WaymarkClipboardCards *cards)
{
  const char *lane_id, *phase_id;
  int position;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (cards == NULL || !paste_target (self, &lane_id, &phase_id, &position))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  ids = waymark_clipboard_cards_paste (cards, self->document, self->persona_id, lane_id, phase_id,
                                       position, &error);
  if (ids == NULL)
    {
      report_paste_refused (self, error->message);
      return;
    }
  g_ptr_array_add (ids, NULL);
  _waymark_canvas_set_selection (self, (const char * const *) ids->pdata);
  if (ids->len > 1)
    {
      WaymarkFocus focus = { 0 };

      waymark_focus_set_card (&focus, persona_of (self), g_ptr_array_index (ids, 0));
      _waymark_canvas_set_focus (self, &focus);
      waymark_focus_clear (&focus);
    }
}

typedef struct {
  WaymarkCanvas *canvas;
  char          *mime_type;
  GOutputStream *output;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_object_unref (data->canvas);
  g_free (data->mime_type);
  g_clear_object (&data->output);
  g_free (data);
}

static void
paste_spliced_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PasteData *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WaymarkClipboardCards) cards = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0)
    {
      g_warning ("Could not paste: %s", error->message);
      paste_data_free (data);
      return;
    }
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (data->output));
  if (g_str_equal (data->mime_type, WAYMARK_CLIPBOARD_MIME_TYPE))
    {
      cards = waymark_clipboard_cards_parse (bytes, &error);
      if (cards == NULL && g_error_matches (error, WAYMARK_FORMAT_ERROR,
                                            WAYMARK_FORMAT_ERROR_TOO_LARGE))
        {
          report_paste_refused (data->canvas, error->message);
          paste_data_free (data);
          return;
        }
      if (cards == NULL)
        g_message ("Ignoring the clipboard's cards: %s", error->message);
    }
  else
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      /* Several lines make several cards. */
      cards = waymark_clipboard_cards_from_text (text);
    }
  if (data->canvas->document != NULL)
    paste_cards (data->canvas, cards);
  paste_data_free (data);
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  WaymarkCanvas *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  const char *mime_type = NULL;
  PasteData *data;

  input = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  if (input == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      g_object_unref (self);
      return;
    }
  data = g_new0 (PasteData, 1);
  data->canvas = self;   /* takes the reference */
  data->mime_type = g_strdup (mime_type);
  data->output = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (data->output, input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, paste_spliced_cb, data);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const char *mime_types[] = {
    WAYMARK_CLIPBOARD_MIME_TYPE, "text/plain;charset=utf-8", "text/plain", NULL
  };

  gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), mime_types, G_PRIORITY_DEFAULT,
                            NULL, paste_read_cb, g_object_ref (widget));
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  g_autoptr(GBytes) png = waymark_canvas_render_png (self);
  g_autoptr(GBytes) svg = waymark_canvas_render_svg (self);
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  if (png == NULL || svg == NULL)
    return;
  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
}

void
_waymark_canvas_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.card-color", "s", card_color_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-tag", "s", toggle_tag_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.link-recommendation", NULL,
                                   link_recommendation_action);
  gtk_widget_class_install_action (widget_class, "canvas.unlink-recommendation", "s",
                                   unlink_recommendation_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-card", NULL, add_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.phase-add", "s", phase_add_action);
  gtk_widget_class_install_action (widget_class, "canvas.phase-move", "i", phase_move_action);
  gtk_widget_class_install_action (widget_class, "canvas.phase-delete", NULL, phase_delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.phase-rename", NULL, phase_rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.lane-add", "s", lane_add_action);
  gtk_widget_class_install_action (widget_class, "canvas.lane-move", "i", lane_move_action);
  gtk_widget_class_install_action (widget_class, "canvas.lane-delete", NULL, lane_delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.lane-rename", NULL, lane_rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.lane-kind", "s", lane_kind_action);
  gtk_widget_class_install_action (widget_class, "canvas.emotion-label", NULL, emotion_label_action);
  gtk_widget_class_install_action (widget_class, "canvas.emotion-remove", NULL, emotion_remove_action);
  gtk_widget_class_install_action (widget_class, "canvas.emotion-shift", "i", emotion_shift_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit-width", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit-page", NULL, zoom_fit_action);

  /* Bindings, not application accels: they run only while the canvas has
   * the focus, after a focused text field had its say. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "canvas.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  /* Ctrl+K links, as it inserts a link in editors. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "canvas.link-recommendation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_CONTROL_MASK, "canvas.zoom-fit-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.phase-add", "s", "after");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_SHIFT_MASK, "canvas.phase-add", "s", "before");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, "canvas.lane-add", "s", "notes");
}

/* Copy as image ----------------------------------------------------------- */

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
waymark_canvas_render_png (WaymarkCanvas *self)
{
  WaymarkScene *scene = _waymark_canvas_ensure_scene (self);
  WaymarkRect bounds;
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *bytes;
  /* 144 dpi: sharp when pasted into a report, and within a sane size. */
  double scale = 2.0;

  if (scene == NULL)
    return NULL;
  waymark_scene_get_bounds (scene, &bounds);
  while (bounds.width * scale * bounds.height * scale > 60e6 && scale > 0.5)
    scale /= 2;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (bounds.width * scale),
                                        (int) ceil (bounds.height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  waymark_cairo_backend_draw (scene, cr, NULL);
  cairo_destroy (cr);
  bytes = g_byte_array_new ();
  cairo_surface_write_to_png_stream (surface, append_to_byte_array, bytes);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (bytes);
}

GBytes *
waymark_canvas_render_svg (WaymarkCanvas *self)
{
  WaymarkScene *scene = _waymark_canvas_ensure_scene (self);
  WaymarkColor white = { 1, 1, 1, 1 };

  if (scene == NULL)
    return NULL;
  return waymark_svg_writer_to_bytes (scene, &white);
}

/* waymark-inspector-fields.c: the inspector's fields: rows that read and write one value
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-commands.h"
#include "waymark-inspector-private.h"

/* Each row is a Field: what it shows (an object's id and a WaymarkField)
 * and the widget that shows it. A row writes its value to the document
 * as one edit; _waymark_inspector_sync_fields () reads them all back
 * after a change. */

typedef struct {
  GWeakRef object;
  gulong   handler;
} Connection;

/* The languages Waymark has messages for (waymark-catalog.h), each named
 * in itself, as language choosers do: not translated. */
static const struct {
  const char *tag;
  const char *name;
} languages[] = {
  { "en", "English" },
  { "nl", "Nederlands" },
};

void
_waymark_inspector_field_free (Field *field)
{
  for (guint i = 0; i < field->connections->len; i++)
    {
      Connection *connection = g_ptr_array_index (field->connections, i);
      g_autoptr (GObject) object = g_weak_ref_get (&connection->object);

      if (object != NULL)
        g_signal_handler_disconnect (object, connection->handler);
      g_weak_ref_clear (&connection->object);
      g_free (connection);
    }
  g_ptr_array_unref (field->connections);
  g_free (field->object_id);
  g_free (field->tag_id);
  g_free (field->other_language);
  g_free (field);
}

/* g_signal_connect () with @field as data, undone when the field goes. */
static void
connect_field (gpointer    instance,
               const char *signal,
               GCallback   callback,
               Field      *field)
{
  Connection *connection = g_new0 (Connection, 1);

  g_weak_ref_init (&connection->object, instance);
  connection->handler = g_signal_connect (instance, signal, callback, field);
  g_ptr_array_add (field->connections, connection);
}

/* Reading the document ---------------------------------------------------- */

static const char *
read_text (WaymarkInspector *self,
           const char       *object_id,
           WaymarkField      field)
{
  WaymarkObject *object = object_id != NULL ? waymark_document_lookup (self->document, object_id) : NULL;

  if (object_id == NULL)
    switch (field)
      {
      case WAYMARK_FIELD_TITLE: return waymark_document_get_title (self->document);
      case WAYMARK_FIELD_AUTHOR: return waymark_document_get_author (self->document);
      case WAYMARK_FIELD_DESCRIPTION: return waymark_document_get_description (self->document);
      case WAYMARK_FIELD_LANGUAGE: return waymark_document_get_language (self->document);
      default: return "";
      }
  if (object == NULL)
    return "";
  switch (object->kind)
    {
    case WAYMARK_OBJECT_CARD:
      {
        WaymarkCard *card = (WaymarkCard *) object;
        return field == WAYMARK_FIELD_TEXT ? card->text
               : field == WAYMARK_FIELD_EVIDENCE ? card->evidence
               : field == WAYMARK_FIELD_COLOR ? card->color : "";
      }
    case WAYMARK_OBJECT_LANE:
      {
        WaymarkLane *lane = (WaymarkLane *) object;
        return field == WAYMARK_FIELD_NAME ? lane->name : field == WAYMARK_FIELD_COLOR ? lane->color : "";
      }
    case WAYMARK_OBJECT_PHASE:
      {
        WaymarkPhase *phase = (WaymarkPhase *) object;
        return field == WAYMARK_FIELD_NAME ? phase->name
               : field == WAYMARK_FIELD_DESCRIPTION ? phase->description : "";
      }
    case WAYMARK_OBJECT_PERSONA:
      {
        WaymarkPersona *persona = (WaymarkPersona *) object;
        switch (field)
          {
          case WAYMARK_FIELD_NAME: return persona->name;
          case WAYMARK_FIELD_AMBITION: return persona->ambition;
          case WAYMARK_FIELD_DESCRIPTION: return persona->description;
          case WAYMARK_FIELD_COLOR: return persona->color;
          case WAYMARK_FIELD_INITIALS: return persona->initials;
          case WAYMARK_FIELD_QUOTE: return persona->quote;
          default: return "";
          }
      }
    case WAYMARK_OBJECT_TAG:
      {
        WaymarkTag *tag = (WaymarkTag *) object;
        return field == WAYMARK_FIELD_NAME ? tag->name : field == WAYMARK_FIELD_COLOR ? tag->color : "";
      }
    case WAYMARK_OBJECT_DOMAIN:
      {
        WaymarkDomain *domain = (WaymarkDomain *) object;
        return field == WAYMARK_FIELD_NAME ? domain->name
               : field == WAYMARK_FIELD_COLOR ? domain->color : "";
      }
    case WAYMARK_OBJECT_RECOMMENDATION:
      {
        WaymarkRecommendation *recommendation = (WaymarkRecommendation *) object;
        switch (field)
          {
          case WAYMARK_FIELD_TITLE: return recommendation->title;
          case WAYMARK_FIELD_DESCRIPTION: return recommendation->description;
          case WAYMARK_FIELD_OWNER: return recommendation->owner;
          case WAYMARK_FIELD_DOMAIN: return recommendation->domain_id;
          default: return "";
          }
      }
    default:
      return "";
    }
}

static int
read_int (WaymarkInspector *self,
          const char       *object_id,
          WaymarkField      field)
{
  WaymarkObject *object = waymark_document_lookup (self->document, object_id);
  WaymarkLane *lane = (WaymarkLane *) object;

  if (object != NULL && object->kind == WAYMARK_OBJECT_CARD && field == WAYMARK_FIELD_SPAN)
    return MAX (((WaymarkCard *) object)->span, 1);
  if (object != NULL && object->kind == WAYMARK_OBJECT_RECOMMENDATION)
    {
      WaymarkRecommendation *recommendation = (WaymarkRecommendation *) object;

      return field == WAYMARK_FIELD_STATUS ? (int) recommendation->status
             : field == WAYMARK_FIELD_VALUE ? recommendation->value
             : field == WAYMARK_FIELD_EFFORT ? recommendation->effort : 0;
    }
  if (object == NULL || object->kind != WAYMARK_OBJECT_LANE)
    return 0;
  return field == WAYMARK_FIELD_KIND ? (int) lane->kind
         : field == WAYMARK_FIELD_SCALE_MIN ? lane->scale_min : lane->scale_max;
}

/* A "" colour stands for the palette's, which the inspector does not
 * know: FALSE, and the row says "Default" rather than show a colour
 * that was never chosen. */
static gboolean
color_to_rgba (const char *spec,
               GdkRGBA    *rgba)
{
  if (spec != NULL && spec[0] != '\0' && gdk_rgba_parse (rgba, spec))
    return TRUE;
  *rgba = (GdkRGBA) { 0.85, 0.85, 0.85, 1 };
  return FALSE;
}

static char *
rgba_to_spec (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x", (int) (rgba->red * 255 + 0.5),
                          (int) (rgba->green * 255 + 0.5), (int) (rgba->blue * 255 + 0.5));
}

/* A list of a persona's profile as the text its field shows: one item a
 * line, a fact as "Label: value" (or its label alone when it has no
 * value). */
static char *
dup_list_text (WaymarkInspector *self,
               const char       *persona_id,
               WaymarkField      field)
{
  WaymarkPersona *persona = waymark_document_find_persona (self->document, persona_id);
  GString *text = g_string_new (NULL);

  if (persona == NULL)
    return g_string_free (text, FALSE);
  if (field == WAYMARK_FIELD_FACTS)
    for (guint i = 0; i < persona->facts->len; i++)
      {
        const WaymarkFact *fact = g_ptr_array_index (persona->facts, i);

        g_string_append_printf (text, "%s%s%s%s", i > 0 ? "\n" : "", fact->label,
                                fact->value[0] != '\0' ? ": " : "", fact->value);
      }
  else
    {
      char **items = field == WAYMARK_FIELD_GOALS ? persona->goals
                     : field == WAYMARK_FIELD_NEEDS ? persona->needs : persona->frustrations;

      for (guint i = 0; items[i] != NULL; i++)
        g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", items[i]);
    }
  return g_string_free (text, FALSE);
}

/* Writes what a list field shows back as the list: each line not blank
 * is an item, trimmed; a fact's label ends at its first colon. */
static void
apply_list_text (WaymarkInspector *self,
                 const char       *persona_id,
                 WaymarkField      field,
                 const char       *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GStrvBuilder) items = g_strv_builder_new ();
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_fact_free);
  g_auto (GStrv) list = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *colon;

      if (line[0] == '\0')
        continue;
      if (field != WAYMARK_FIELD_FACTS)
        {
          g_strv_builder_add (items, line);
          continue;
        }
      colon = strchr (line, ':');
      if (colon != NULL)
        *colon = '\0';
      g_ptr_array_add (facts, waymark_fact_new (g_strstrip (line),
                                                colon != NULL ? g_strstrip (colon + 1) : ""));
    }
  if (field == WAYMARK_FIELD_FACTS)
    {
      waymark_document_set_facts (self->document, persona_id, facts);
      return;
    }
  list = g_strv_builder_end (items);
  waymark_document_set_list (self->document, persona_id, field, (const char * const *) list);
}

/* Writing ------------------------------------------------------------------ */

static void
entry_apply_cb (AdwEntryRow *row,
                Field       *field)
{
  WaymarkInspector *self = field->inspector;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->syncing || self->document == NULL)
    return;
  /* Names cannot be empty. */
  if (field->field == WAYMARK_FIELD_NAME && text[0] == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (row), read_text (self, field->object_id, field->field));
      return;
    }
  waymark_document_set_text (self->document, field->object_id, field->field, text);
}

/* Leaving a one-line field keeps what was typed, as leaving a multi-line
 * one does: Tab, a click elsewhere or choosing another object must not
 * throw away a title that only lacked an Enter. Also when the page is
 * rebuilt under the field: its removal reports the focus leaving. */
static void
entry_leave_cb (GtkEventControllerFocus *controller,
                Field                   *field)
{
  entry_apply_cb (ADW_ENTRY_ROW (field->widget), field);
}

/* Every one-line field of the panel: kept on Enter and when the keyboard
 * leaves it. No apply button: what is typed counts without it, and Tab
 * would stop on it instead of going on to the next field. */
static void
connect_entry (GtkWidget *row,
               Field     *field)
{
  GtkEventController *controller = gtk_event_controller_focus_new ();

  connect_field (row, "entry-activated", G_CALLBACK (entry_apply_cb), field);
  connect_field (controller, "leave", G_CALLBACK (entry_leave_cb), field);
  gtk_widget_add_controller (row, controller);
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_leave_cb (GtkEventControllerFocus *controller,
               Field                   *field)
{
  WaymarkInspector *self = field->inspector;
  g_autofree char *text = text_view_text (GTK_TEXT_VIEW (field->widget));

  if (self->syncing || self->document == NULL)
    return;
  if (field->type == FIELD_LIST)
    {
      g_autofree char *shown = dup_list_text (self, field->object_id, field->field);

      /* Only what was edited: a list read from a file may hold items that
       * one a line cannot show as they are (empty, or with line breaks),
       * and merely passing through must not rewrite them. */
      if (g_strcmp0 (text, shown) != 0)
        apply_list_text (self, field->object_id, field->field, text);
      return;
    }
  g_strchomp (text);
  waymark_document_set_text (self->document, field->object_id, field->field, text);
}

static void
color_set_cb (GtkColorButton *button,
              Field          *field)
{
  GdkRGBA rgba;
  g_autofree char *spec = NULL;

  if (field->inspector->syncing)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  spec = rgba_to_spec (&rgba);
  waymark_document_set_text (field->inspector->document, field->object_id, WAYMARK_FIELD_COLOR, spec);
}

/* The dialog may outlive the row that opened it (the panel is rebuilt
 * on changes), so it carries the object's id itself. */
static void
color_chooser_response_cb (GtkDialog        *dialog,
                           int               response,
                           WaymarkInspector *self)
{
  const char *object_id = g_object_get_data (G_OBJECT (dialog), "object-id");

  if (response == GTK_RESPONSE_OK && self->document != NULL)
    {
      GdkRGBA rgba;
      g_autofree char *spec = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      spec = rgba_to_spec (&rgba);
      waymark_document_set_text (self->document, object_id, WAYMARK_FIELD_COLOR, spec);
    }
}

static void
color_choose_cb (GtkButton *button,
                 Field     *field)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkWidget *dialog;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  dialog = gtk_color_chooser_dialog_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->widget)),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (field->has_color)
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &field->rgba);
  g_object_set_data_full (G_OBJECT (dialog), "object-id", g_strdup (field->object_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (color_chooser_response_cb),
                           field->inspector, 0);
  /* Closed on any answer, even when the panel has gone meanwhile. */
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
color_reset_cb (GtkButton *button,
                Field     *field)
{
  waymark_document_set_text (field->inspector->document, field->object_id, WAYMARK_FIELD_COLOR, "");
}

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  Field *field = user_data;
  double radius = 4;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &field->rgba);
  cairo_fill_preserve (cr);
  /* An edge, so that a white or very light colour still shows. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

/* "Default" in words while the colour is unset; otherwise the colour. */
static void
sync_color_row (Field      *field,
                const char *spec)
{
  field->has_color = color_to_rgba (spec, &field->rgba);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->widget),
                               field->has_color ? spec : _("Default"));
  gtk_widget_set_visible (field->swatch, field->has_color);
  gtk_widget_set_visible (field->default_icon, !field->has_color);
  if (field->reset != NULL)
    gtk_widget_set_visible (field->reset, field->has_color);
  gtk_widget_queue_draw (field->swatch);
}

static void
kind_selected_cb (AdwComboRow *row,
                  GParamSpec  *pspec,
                  Field       *field)
{
  if (field->inspector->syncing)
    return;
  waymark_document_set_int (field->inspector->document, field->object_id, WAYMARK_FIELD_KIND,
                            (int) adw_combo_row_get_selected (row));
}

/* A choice's position is the value it stands for: a status, or a score
 * (0: not scored). */
static void
choice_selected_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    Field       *field)
{
  guint selected = adw_combo_row_get_selected (row);

  if (field->inspector->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  waymark_document_set_int (field->inspector->document, field->object_id, field->field,
                            (int) selected);
}

/* The domains, "No Domain" first: position 0 is none, then the
 * document's order. */
static const char *
domain_at (WaymarkInspector *self,
           guint             position)
{
  GPtrArray *domains = waymark_document_get_domains (self->document);

  if (position == 0 || position > domains->len)
    return "";
  return ((WaymarkDomain *) g_ptr_array_index (domains, position - 1))->base.id;
}

static void
domain_selected_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    Field       *field)
{
  guint selected = adw_combo_row_get_selected (row);

  if (field->inspector->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  waymark_document_set_text (field->inspector->document, field->object_id, WAYMARK_FIELD_DOMAIN,
                             domain_at (field->inspector, selected));
}

static void
sync_domain_row (Field      *field,
                 const char *domain_id)
{
  WaymarkInspector *self = field->inspector;
  GPtrArray *domains = waymark_document_get_domains (self->document);
  guint selected = 0;

  for (guint i = 0; i < domains->len; i++)
    if (g_str_equal (((WaymarkDomain *) g_ptr_array_index (domains, i))->base.id, domain_id))
      selected = i + 1;
  adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), selected);
}

static void
language_selected_cb (AdwComboRow *row,
                      GParamSpec  *pspec,
                      Field       *field)
{
  guint selected = adw_combo_row_get_selected (row);
  const char *tag;

  if (field->inspector->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  tag = selected < G_N_ELEMENTS (languages) ? languages[selected].tag : field->other_language;
  if (tag != NULL)
    waymark_document_set_text (field->inspector->document, NULL, WAYMARK_FIELD_LANGUAGE, tag);
}

/* Shows @value selected; a tag that is not offered joins the list. */
static void
sync_language_row (Field      *field,
                   const char *value)
{
  AdwComboRow *row = ADW_COMBO_ROW (field->widget);
  guint selected = G_N_ELEMENTS (languages);

  /* Tags are case-insensitive: "NL" is Dutch. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (value, languages[i].tag) == 0)
      selected = i;
  if (selected == G_N_ELEMENTS (languages) && g_strcmp0 (value, field->other_language) != 0)
    {
      g_free (field->other_language);
      field->other_language = g_strdup (value);
    }
  if (adw_combo_row_get_model (row) == NULL
      || g_list_model_get_n_items (adw_combo_row_get_model (row))
         != G_N_ELEMENTS (languages) + (field->other_language != NULL)
      || (field->other_language != NULL
          && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)),
                                                    G_N_ELEMENTS (languages)),
                        field->other_language) != 0))
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        gtk_string_list_append (names, languages[i].name);
      if (field->other_language != NULL)
        gtk_string_list_append (names, field->other_language);
      adw_combo_row_set_model (row, G_LIST_MODEL (names));
    }
  adw_combo_row_set_selected (row, selected);
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 Field         *field)
{
  if (field->inspector->syncing)
    return;
  waymark_document_set_int (field->inspector->document, field->object_id, field->field,
                            gtk_spin_button_get_value_as_int (spin));
}

static void
tag_toggled_cb (GtkCheckButton *check,
                Field          *field)
{
  const char *ids[] = { field->object_id, NULL };

  if (field->inspector->syncing)
    return;
  waymark_command_toggle_tag (field->inspector->document, ids, field->tag_id,
                              gtk_check_button_get_active (check));
}

static void
tag_delete_cb (GtkButton *button,
               Field     *field)
{
  waymark_document_remove (field->inspector->document, field->object_id);
}

static void
tag_add_cb (GtkButton        *button,
            WaymarkInspector *self)
{
  const char *id = waymark_command_add_tag (self->document, _("New Tag"));

  if (id == NULL)
    return;
  /* The panel was rebuilt around the new tag and the button that had the
   * focus is gone; the user means to name the tag, not to type over the
   * first field the window would fall back to. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->type == FIELD_ENTRY && g_strcmp0 (field->object_id, id) == 0)
        {
          gtk_widget_grab_focus (field->widget);
          gtk_editable_select_region (GTK_EDITABLE (field->widget), 0, -1);
          break;
        }
    }
}

/* Building ----------------------------------------------------------------- */

static Field *
add_field (WaymarkInspector *self,
           FieldType         type,
           const char       *object_id,
           WaymarkField      field_id,
           GtkWidget        *widget)
{
  Field *field = g_new0 (Field, 1);

  field->inspector = self;
  field->connections = g_ptr_array_new ();
  field->type = type;
  field->object_id = g_strdup (object_id);
  field->field = field_id;
  field->widget = widget;
  g_ptr_array_add (self->fields, field);
  return field;
}

GtkWidget *
_waymark_inspector_group_new (WaymarkInspector *self,
           const char       *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

static void
entry_row (WaymarkInspector *self,
           GtkWidget        *group,
           const char       *title,
           const char       *object_id,
           WaymarkField      field_id)
{
  GtkWidget *row = adw_entry_row_new ();
  Field *field = add_field (self, FIELD_ENTRY, object_id, field_id, row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  connect_entry (row, field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* A text view lays its text out lazily, after it is first measured (at
 * first show, before it has its width: the height of a one-word-wide
 * column, which pushed the rest of the page off), and tells only its
 * adjustment when the layout is done, from within its allocation, where
 * asking for a new size is lost. So it is asked afterwards, when the
 * height it wants differs from the one it has; that settles. */
static gboolean
text_fit_idle_cb (gpointer user_data)
{
  GtkWidget *view = user_data;
  int natural;

  g_object_set_data (G_OBJECT (view), "waymark-fit-idle", NULL);
  if (!gtk_widget_get_mapped (view))
    return G_SOURCE_REMOVE;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL, &natural,
                      NULL, NULL);
  if (natural != gtk_widget_get_height (view))
    gtk_widget_queue_resize (view);
  return G_SOURCE_REMOVE;
}

static void
text_extent_changed_cb (GtkAdjustment *adjustment,
                        GtkWidget     *view)
{
  if (g_object_get_data (G_OBJECT (view), "waymark-fit-idle") != NULL)
    return;
  g_object_set_data (G_OBJECT (view), "waymark-fit-idle", GINT_TO_POINTER (1));
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, text_fit_idle_cb, g_object_ref (view), g_object_unref);
}

/* A multi-line text as a row of the group's boxed list, titled like an
 * entry row, so that every field of an object sits in one list under the
 * group's heading. */
static void
text_row (WaymarkInspector *self,
          GtkWidget        *group,
          FieldType         type,
          const char       *title,
          const char       *object_id,
          WaymarkField      field_id)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "title", title,
                                 "activatable", FALSE,
                                 "focusable", FALSE,
                                 NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkEventController *controller = gtk_event_controller_focus_new ();
  Field *field = add_field (self, type, object_id, field_id, view);
  g_autoptr(PangoLayout) line = gtk_widget_create_pango_layout (view, "Xg");
  int line_height;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (view, "waymark-inspector-text");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field, as everywhere else in the panel: a
   * tab character has no use in a card, and would trap keyboard users. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  /* Room for three lines from the start, growing with the text. */
  pango_layout_get_pixel_size (line, NULL, &line_height);
  gtk_widget_set_size_request (view, -1, 3 * MAX (line_height, 12));
  /* Its own adjustment, not one made later on the first allocation, so
   * that it can be watched from here. */
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (view), gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "changed",
                           G_CALLBACK (text_extent_changed_cb), view, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  connect_field (controller, "leave", G_CALLBACK (text_leave_cb), field);
  gtk_widget_add_controller (view, controller);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
color_row (WaymarkInspector *self,
           GtkWidget        *group,
           const char       *title,
           const char       *object_id,
           gboolean          resettable)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  Field *field = add_field (self, FIELD_COLOR, object_id, WAYMARK_FIELD_COLOR, row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  /* One button chooses a colour: it shows the colour, or a palette icon
   * while there is none; the whole row opens the chooser too. */
  field->swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (field->swatch), 28);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (field->swatch), 16);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (field->swatch), draw_swatch_cb, field, NULL);
  field->default_icon = gtk_image_new_from_icon_name ("color-select-symbolic");
  gtk_box_append (GTK_BOX (box), field->swatch);
  gtk_box_append (GTK_BOX (box), field->default_icon);
  gtk_button_set_child (GTK_BUTTON (choose), box);
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (choose, _("Choose a Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Colour"), -1);
  connect_field (choose, "clicked", G_CALLBACK (color_choose_cb), field);

  if (resettable)
    {
      field->reset = gtk_button_new_from_icon_name ("edit-clear-symbolic");
      gtk_widget_set_valign (field->reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (field->reset, "flat");
      gtk_widget_set_tooltip_text (field->reset, _("Use the Default Colour"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Use the Default Colour"), -1);
      connect_field (field->reset, "clicked", G_CALLBACK (color_reset_cb), field);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), field->reset);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
kind_row (WaymarkInspector *self,
          GtkWidget        *group,
          const char       *title,
          const char       *lane_id)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  Field *field = add_field (self, FIELD_KIND, lane_id, WAYMARK_FIELD_KIND, row);

  for (int kind = 0; kind < WAYMARK_N_LANE_KINDS; kind++)
    gtk_string_list_append (kinds, waymark_lane_kind_get_label (kind));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (kinds));
  connect_field (row, "notify::selected", G_CALLBACK (kind_selected_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* The labels of a choice, in the order of the values they stand for. */
static GtkStringList *
choice_labels (WaymarkField field_id)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  if (field_id == WAYMARK_FIELD_STATUS)
    for (int status = 0; status < WAYMARK_N_STATUSES; status++)
      gtk_string_list_append (labels, waymark_status_get_label (status));
  else
    {
      /* Translators: a recommendation's value or effort not given yet. */
      gtk_string_list_append (labels, _("Not Scored"));
      /* Translators: the scores of value and effort, 1 to 5. */
      gtk_string_list_append (labels, _("1 · Very Low"));
      gtk_string_list_append (labels, _("2 · Low"));
      gtk_string_list_append (labels, _("3 · Medium"));
      gtk_string_list_append (labels, _("4 · High"));
      gtk_string_list_append (labels, _("5 · Very High"));
    }
  return labels;
}

static void
choice_row (WaymarkInspector *self,
            GtkWidget        *group,
            const char       *title,
            const char       *object_id,
            WaymarkField      field_id)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = choice_labels (field_id);
  Field *field = add_field (self, FIELD_CHOICE, object_id, field_id, row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  connect_field (row, "notify::selected", G_CALLBACK (choice_selected_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
domain_row (WaymarkInspector *self,
            GtkWidget        *group,
            const char       *title,
            const char       *object_id)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *domains = waymark_document_get_domains (self->document);
  Field *field = add_field (self, FIELD_DOMAIN, object_id, WAYMARK_FIELD_DOMAIN, row);

  gtk_string_list_append (names, _("No Domain"));
  for (guint i = 0; i < domains->len; i++)
    gtk_string_list_append (names, ((WaymarkDomain *) g_ptr_array_index (domains, i))->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  /* Long domain names ("De ontwikkeling van innovatief opleidingsaanbod
   * stimuleren") wrap in the list rather than widen the panel. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  connect_field (row, "notify::selected", G_CALLBACK (domain_selected_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
language_row (WaymarkInspector *self,
              GtkWidget        *group,
              const char       *title)
{
  GtkWidget *row = adw_combo_row_new ();
  Field *field = add_field (self, FIELD_LANGUAGE, NULL, WAYMARK_FIELD_LANGUAGE, row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Of the map's own headings and legend"));
  sync_language_row (field, read_text (self, NULL, WAYMARK_FIELD_LANGUAGE));
  connect_field (row, "notify::selected", G_CALLBACK (language_selected_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
spin_row (WaymarkInspector *self,
          GtkWidget        *group,
          const char       *title,
          const char       *object_id,
          WaymarkField      field_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (-10, 10, 1);
  Field *field = add_field (self, FIELD_SPIN, object_id, field_id, spin);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  connect_field (spin, "value-changed", G_CALLBACK (spin_changed_cb), field);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

void
_waymark_inspector_add_row (WaymarkInspector          *self,
                            GtkWidget                 *group,
                            const char                *object_id,
                            const WaymarkInspectorRow *row)
{
  const char *title = _(row->title);

  switch (row->type)
    {
    case FIELD_ENTRY:
      entry_row (self, group, title, object_id, row->field);
      break;
    case FIELD_TEXT:
    case FIELD_LIST:
      text_row (self, group, row->type, title, object_id, row->field);
      break;
    case FIELD_COLOR:
      color_row (self, group, title, object_id, TRUE);
      break;
    case FIELD_KIND:
      kind_row (self, group, title, object_id);
      break;
    case FIELD_SPIN:
      spin_row (self, group, title, object_id, row->field);
      break;
    case FIELD_LANGUAGE:
      language_row (self, group, title);
      break;
    case FIELD_CHOICE:
      choice_row (self, group, title, object_id, row->field);
      break;
    case FIELD_DOMAIN:
      domain_row (self, group, title, object_id);
      break;
    case FIELD_TAG_COLOR:
    case FIELD_TAG_CHECK:
    case FIELD_BUTTON:
    default:
      g_return_if_reached ();
    }
}

void
_waymark_inspector_commit_focused (WaymarkInspector *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (!gtk_widget_has_focus (field->widget) &&
          gtk_widget_get_focus_child (field->widget) == NULL)
        continue;
      if (field->type == FIELD_ENTRY)
        entry_apply_cb (ADW_ENTRY_ROW (field->widget), field);
      else if (field->type == FIELD_TEXT)
        text_leave_cb (NULL, field);
      /* Committing rebuilt the page: the fields are new. */
      return;
    }
}

/* Fills the fields from the document, leaving alone the one being typed in. */
void
_waymark_inspector_sync_fields (WaymarkInspector *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      gboolean editing = gtk_widget_has_focus (field->widget) ||
                         gtk_widget_get_focus_child (field->widget) != NULL;

      switch (field->type)
        {
        case FIELD_ENTRY:
          {
            const char *value = read_text (self, field->object_id, field->field);
            if (!editing && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->widget)), value) != 0)
              gtk_editable_set_text (GTK_EDITABLE (field->widget), value);
          }
          break;
        case FIELD_TEXT:
          if (!editing)
            {
              g_autofree char *current = text_view_text (GTK_TEXT_VIEW (field->widget));
              const char *value = read_text (self, field->object_id, field->field);
              if (g_strcmp0 (current, value) != 0)
                gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                                          value, -1);
            }
          break;
        case FIELD_LIST:
          if (!editing)
            {
              g_autofree char *current = text_view_text (GTK_TEXT_VIEW (field->widget));
              g_autofree char *value = dup_list_text (self, field->object_id, field->field);
              if (g_strcmp0 (current, value) != 0)
                gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                                          value, -1);
            }
          break;
        case FIELD_COLOR:
          sync_color_row (field, read_text (self, field->object_id, WAYMARK_FIELD_COLOR));
          break;
        case FIELD_TAG_COLOR:
          {
            GdkRGBA rgba;
            color_to_rgba (read_text (self, field->object_id, WAYMARK_FIELD_COLOR), &rgba);
            gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (field->widget), &rgba);
          }
          break;
        case FIELD_KIND:
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget),
                                      read_int (self, field->object_id, WAYMARK_FIELD_KIND));
          break;
        case FIELD_SPIN:
          gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget),
                                     read_int (self, field->object_id, field->field));
          break;
        case FIELD_LANGUAGE:
          sync_language_row (field, read_text (self, NULL, WAYMARK_FIELD_LANGUAGE));
          break;
        case FIELD_CHOICE:
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget),
                                      read_int (self, field->object_id, field->field));
          break;
        case FIELD_DOMAIN:
          sync_domain_row (field, read_text (self, field->object_id, WAYMARK_FIELD_DOMAIN));
          break;
        case FIELD_BUTTON:
          break;
        case FIELD_TAG_CHECK:
          {
            WaymarkCard *card = waymark_document_find_card (self->document, field->object_id);
            gtk_check_button_set_active (GTK_CHECK_BUTTON (field->widget),
                                         card != NULL && waymark_card_has_tag (card, field->tag_id));
          }
          break;
        default:
          break;
        }
    }
  self->syncing = FALSE;
}

/* Whether the card carries the tag. */
void
_waymark_inspector_tag_check_row (WaymarkInspector *self,
                                  GtkWidget        *group,
                                  const char       *card_id,
                                  WaymarkTag       *tag)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  Field *field = add_field (self, FIELD_TAG_CHECK, card_id, WAYMARK_FIELD_TEXT, check);

  field->tag_id = g_strdup (tag->base.id);
  /* Rows read their title as Pango markup: a tag named "Pain & mobility"
   * would show nothing. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tag->name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  connect_field (check, "toggled", G_CALLBACK (tag_toggled_cb), field);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* A tag of the document: its name, its colour and a button that deletes it. */
void
_waymark_inspector_tag_row (WaymarkInspector *self,
                            GtkWidget        *group,
                            WaymarkTag       *tag)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  Field *field = add_field (self, FIELD_ENTRY, tag->base.id, WAYMARK_FIELD_NAME, row);
  Field *color_field = add_field (self, FIELD_TAG_COLOR, tag->base.id, WAYMARK_FIELD_COLOR,
                                  color);
  Field *remove_field = add_field (self, FIELD_BUTTON, tag->base.id, WAYMARK_FIELD_NAME, remove);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Tag"));
  connect_entry (row, field);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Tag Colour"), -1);
  connect_field (color, "color-set", G_CALLBACK (color_set_cb), color_field);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete Tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Tag"), -1);
  connect_field (remove, "clicked", G_CALLBACK (tag_delete_cb), remove_field);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), color);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

GtkWidget *
_waymark_inspector_tag_add_button (WaymarkInspector *self)
{
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, _("Add a Tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Add a Tag"), -1);
  g_signal_connect (add, "clicked", G_CALLBACK (tag_add_cb), self);
  return add;
}

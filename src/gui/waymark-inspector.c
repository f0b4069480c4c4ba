/* waymark-inspector.c: the properties of what is selected on the map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-inspector-private.h"

/* The panel is rebuilt when the inspected object (or the document's tag
 * list) changes; other document changes only refresh the values of the
 * fields that are not being edited, so typing is never interrupted. Text
 * is committed on Enter (entry rows) or when a text view loses the focus:
 * one undo step per edit. This file holds the panel and its pages, one
 * per kind of object; the rows they are made of are in
 * waymark-inspector-fields.c. */

G_DEFINE_FINAL_TYPE (WaymarkInspector, waymark_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_OBJECT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
waymark_inspector_new (void)
{
  return g_object_new (WAYMARK_TYPE_INSPECTOR, NULL);
}

/* The pages: a group headed by what is inspected, holding all of its
 * fields, then the groups of what belongs to it (tags, a scale). These
 * are the groups that list fields of the inspected object. */
typedef enum {
  GROUP_CARD,
  GROUP_LANE,
  GROUP_EMOTION_SCALE,
  GROUP_PHASE,
  GROUP_PERSONA,
  GROUP_PROFILE,
  GROUP_DOCUMENT,
  GROUP_RECOMMENDATION,
  GROUP_DOMAIN,
} Group;

/* Every such field, in its group and order. */
static const struct {
  Group               group;
  WaymarkInspectorRow row;
} rows[] = {
  { GROUP_CARD, { FIELD_TEXT, N_("Card Text"), WAYMARK_FIELD_TEXT } },
  { GROUP_CARD, { FIELD_TEXT, N_("Evidence"), WAYMARK_FIELD_EVIDENCE } },
  { GROUP_CARD, { FIELD_COLOR, N_("Colour"), WAYMARK_FIELD_COLOR } },
  /* How many phases the card covers, from its own to the map's last; the
   * last of the card's fields. */
  { GROUP_CARD, { FIELD_SPIN, N_("Span (phases)"), WAYMARK_FIELD_SPAN } },
  { GROUP_LANE, { FIELD_ENTRY, N_("Name"), WAYMARK_FIELD_NAME } },
  { GROUP_LANE, { FIELD_KIND, N_("Kind"), WAYMARK_FIELD_KIND } },
  { GROUP_LANE, { FIELD_COLOR, N_("Colour"), WAYMARK_FIELD_COLOR } },
  { GROUP_EMOTION_SCALE, { FIELD_SPIN, N_("Lowest Score"), WAYMARK_FIELD_SCALE_MIN } },
  { GROUP_EMOTION_SCALE, { FIELD_SPIN, N_("Highest Score"), WAYMARK_FIELD_SCALE_MAX } },
  { GROUP_PHASE, { FIELD_ENTRY, N_("Name"), WAYMARK_FIELD_NAME } },
  { GROUP_PHASE, { FIELD_TEXT, N_("Description"), WAYMARK_FIELD_DESCRIPTION } },
  { GROUP_PERSONA, { FIELD_ENTRY, N_("Name"), WAYMARK_FIELD_NAME } },
  { GROUP_PERSONA, { FIELD_ENTRY, N_("Ambition"), WAYMARK_FIELD_AMBITION } },
  { GROUP_PERSONA, { FIELD_ENTRY, N_("Initials"), WAYMARK_FIELD_INITIALS } },
  { GROUP_PERSONA, { FIELD_TEXT, N_("Description"), WAYMARK_FIELD_DESCRIPTION } },
  { GROUP_PERSONA, { FIELD_COLOR, N_("Colour"), WAYMARK_FIELD_COLOR } },
  /* The profile: the lists take one item a line (facts as "Label: value"),
   * which is how designers jot them down and keeps the page short. */
  { GROUP_PROFILE, { FIELD_TEXT, N_("Quote"), WAYMARK_FIELD_QUOTE } },
  { GROUP_PROFILE, { FIELD_LIST, N_("Goals"), WAYMARK_FIELD_GOALS } },
  { GROUP_PROFILE, { FIELD_LIST, N_("Needs"), WAYMARK_FIELD_NEEDS } },
  { GROUP_PROFILE, { FIELD_LIST, N_("Frustrations"), WAYMARK_FIELD_FRUSTRATIONS } },
  { GROUP_PROFILE, { FIELD_LIST, N_("Facts"), WAYMARK_FIELD_FACTS } },
  { GROUP_DOCUMENT, { FIELD_ENTRY, N_("Title"), WAYMARK_FIELD_TITLE } },
  { GROUP_DOCUMENT, { FIELD_ENTRY, N_("Author"), WAYMARK_FIELD_AUTHOR } },
  { GROUP_DOCUMENT, { FIELD_TEXT, N_("Description"), WAYMARK_FIELD_DESCRIPTION } },
  { GROUP_DOCUMENT, { FIELD_LANGUAGE, N_("Language"), WAYMARK_FIELD_LANGUAGE } },
  { GROUP_RECOMMENDATION, { FIELD_ENTRY, N_("Title"), WAYMARK_FIELD_TITLE } },
  { GROUP_RECOMMENDATION, { FIELD_TEXT, N_("Description"), WAYMARK_FIELD_DESCRIPTION } },
  { GROUP_RECOMMENDATION, { FIELD_DOMAIN, N_("Domain"), WAYMARK_FIELD_DOMAIN } },
  { GROUP_RECOMMENDATION, { FIELD_CHOICE, N_("Status"), WAYMARK_FIELD_STATUS } },
  { GROUP_RECOMMENDATION, { FIELD_ENTRY, N_("Owner"), WAYMARK_FIELD_OWNER } },
  { GROUP_RECOMMENDATION, { FIELD_CHOICE, N_("Value"), WAYMARK_FIELD_VALUE } },
  { GROUP_RECOMMENDATION, { FIELD_CHOICE, N_("Effort"), WAYMARK_FIELD_EFFORT } },
  { GROUP_DOMAIN, { FIELD_ENTRY, N_("Name"), WAYMARK_FIELD_NAME } },
  { GROUP_DOMAIN, { FIELD_COLOR, N_("Colour"), WAYMARK_FIELD_COLOR } },
};

/* The group @which headed @title, holding its fields of @object_id (NULL:
 * the document); returns it. */
static GtkWidget *
add_group (WaymarkInspector *self,
           const char       *title,
           Group             which,
           const char       *object_id)
{
  GtkWidget *group = _waymark_inspector_group_new (self, title);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].group == which)
      _waymark_inspector_add_row (self, group, object_id, &rows[i].row);
  return group;
}

static void
build_card (WaymarkInspector *self,
            WaymarkCard      *card)
{
  GPtrArray *tags = waymark_document_get_tags (self->document);
  WaymarkPersona *persona = waymark_document_lookup_persona (self->document, card->base.id);
  GtkWidget *group;
  Field *span;

  add_group (self, _("Card"), GROUP_CARD, card->base.id);
  span = g_ptr_array_index (self->fields, self->fields->len - 1);
  gtk_spin_button_set_range (GTK_SPIN_BUTTON (span->widget), 1,
                             persona != NULL
                             ? MAX ((int) persona->phases->len
                                    - waymark_persona_phase_index (persona, card->phase_id), 1)
                             : 1);

  group = _waymark_inspector_group_new (self, _("Tags"));
  if (tags->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("The document has no tags yet. Add them in the "
                                             "document's properties (click the paper outside the map)."));
  for (guint i = 0; i < tags->len; i++)
    _waymark_inspector_tag_check_row (self, group, card->base.id, g_ptr_array_index (tags, i));
}

static void
build_lane (WaymarkInspector *self,
            WaymarkLane      *lane)
{
  add_group (self, _("Lane"), GROUP_LANE, lane->base.id);
  if (waymark_lane_kind_holds_emotions (lane->kind))
    add_group (self, _("Emotion Scale"), GROUP_EMOTION_SCALE, lane->base.id);
}

static void
build_persona (WaymarkInspector *self,
               WaymarkPersona   *persona)
{
  GtkWidget *group;

  add_group (self, _("Persona"), GROUP_PERSONA, persona->base.id);
  group = add_group (self, _("Profile"), GROUP_PROFILE, persona->base.id);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One goal, need or frustration per line; facts "
                                           "as “Label: value”, one per line."));
}

static void
build_document (WaymarkInspector *self)
{
  GPtrArray *tags = waymark_document_get_tags (self->document);
  GtkWidget *group;

  add_group (self, _("Document"), GROUP_DOCUMENT, NULL);
  group = _waymark_inspector_group_new (self, _("Tags"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group),
                                           _waymark_inspector_tag_add_button (self));
  for (guint i = 0; i < tags->len; i++)
    _waymark_inspector_tag_row (self, group, g_ptr_array_index (tags, i));
}

/* What the panel shows, as a string: rebuilt when it differs. */
static char *
dup_build_key (WaymarkInspector *self)
{
  GPtrArray *tags;
  GString *key;
  WaymarkObject *object = NULL;

  if (self->document == NULL)
    return g_strdup ("");
  key = g_string_new (self->object_id != NULL ? self->object_id : "(document)");
  if (self->object_id != NULL)
    object = waymark_document_lookup (self->document, self->object_id);
  if (object != NULL && object->kind == WAYMARK_OBJECT_LANE)
    g_string_append_printf (key, "|%d",
                            waymark_lane_kind_holds_emotions (((WaymarkLane *) object)->kind));
  /* Cards and the document list the tags. */
  tags = waymark_document_get_tags (self->document);
  for (guint i = 0; i < tags->len; i++)
    g_string_append_printf (key, "|%s", ((WaymarkTag *) g_ptr_array_index (tags, i))->base.id);
  if (object != NULL && object->kind == WAYMARK_OBJECT_CARD)
    for (guint i = 0; i < tags->len; i++)
      g_string_append_printf (key, ":%s", ((WaymarkTag *) g_ptr_array_index (tags, i))->name);
  return g_string_free (key, FALSE);
}

static void
rebuild (WaymarkInspector *self)
{
  g_autofree char *key = dup_build_key (self);
  WaymarkObject *object = NULL;
  GtkWidget *child;

  if (g_strcmp0 (key, self->built_key) == 0)
    {
      _waymark_inspector_sync_fields (self);
      return;
    }
  /* What is being typed belongs to the object whose page goes: removing
   * a focused entry row does not reliably report the focus leaving. The
   * edit rebuilds the page from within; then it is done already. */
  _waymark_inspector_commit_focused (self);
  if (g_strcmp0 (key, self->built_key) == 0)
    return;
  g_free (self->built_key);
  self->built_key = g_steal_pointer (&key);

  /* The widgets first: removing a focused text field makes it report
   * leaving the focus (which keeps what was typed), and its field must
   * still exist then. */
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_ptr_array_set_size (self->fields, 0);
  if (self->document == NULL)
    return;

  if (self->object_id != NULL)
    object = waymark_document_lookup (self->document, self->object_id);
  if (object == NULL)
    build_document (self);
  else
    switch (object->kind)
      {
      case WAYMARK_OBJECT_CARD:
        build_card (self, (WaymarkCard *) object);
        break;
      case WAYMARK_OBJECT_LANE:
        build_lane (self, (WaymarkLane *) object);
        break;
      case WAYMARK_OBJECT_PHASE:
        add_group (self, _("Phase"), GROUP_PHASE, object->id);
        break;
      case WAYMARK_OBJECT_PERSONA:
        build_persona (self, (WaymarkPersona *) object);
        break;
      case WAYMARK_OBJECT_RECOMMENDATION:
        add_group (self, _("Recommendation"), GROUP_RECOMMENDATION, object->id);
        break;
      case WAYMARK_OBJECT_DOMAIN:
        add_group (self, _("Domain"), GROUP_DOMAIN, object->id);
        break;
      case WAYMARK_OBJECT_TAG:
      default:
        build_document (self);
        break;
      }
  _waymark_inspector_sync_fields (self);
}

static void
document_changed_cb (WaymarkInspector *self)
{
  rebuild (self);
}

void
waymark_inspector_set_document (WaymarkInspector *self,
                                WaymarkDocument  *document)
{
  g_return_if_fail (WAYMARK_IS_INSPECTOR (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_clear_pointer (&self->built_key, g_free);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
waymark_inspector_set_object_id (WaymarkInspector *self,
                                 const char       *object_id)
{
  g_return_if_fail (WAYMARK_IS_INSPECTOR (self));

  if (g_strcmp0 (self->object_id, object_id) == 0)
    return;
  g_free (self->object_id);
  self->object_id = g_strdup (object_id);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT_ID]);
}

static void
waymark_inspector_dispose (GObject *object)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  /* The widgets before the fields their signals point at. */
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_ptr_array_set_size (self->fields, 0);

  G_OBJECT_CLASS (waymark_inspector_parent_class)->dispose (object);
}

static void
waymark_inspector_finalize (GObject *object)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (object);

  g_ptr_array_unref (self->fields);
  g_free (self->object_id);
  g_free (self->built_key);
  G_OBJECT_CLASS (waymark_inspector_parent_class)->finalize (object);
}

static void
waymark_inspector_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_OBJECT_ID:
      g_value_set_string (value, self->object_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_inspector_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WaymarkInspector *self = WAYMARK_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_inspector_set_document (self, g_value_get_object (value));
      break;
    case PROP_OBJECT_ID:
      waymark_inspector_set_object_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_inspector_class_init (WaymarkInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_inspector_dispose;
  object_class->finalize = waymark_inspector_finalize;
  object_class->get_property = waymark_inspector_get_property;
  object_class->set_property = waymark_inspector_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OBJECT_ID] =
    g_param_spec_string ("object-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "waymark-inspector");
}

static void
waymark_inspector_init (WaymarkInspector *self)
{
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) _waymark_inspector_field_free);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_top (self->box, 12);
  gtk_widget_set_margin_bottom (self->box, 12);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->box);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Properties"), -1);
}

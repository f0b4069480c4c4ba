/* waymark-persona-list.c: a plain list of the document's personas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-persona-list.h"

struct _WaymarkPersonaList
{
  GtkWidget        parent_instance;

  WaymarkDocument *document;
  char            *persona_id;

  GtkWidget       *scrolled;
  GtkListBox      *list_box;
  gboolean         rebuilding;
};

G_DEFINE_FINAL_TYPE (WaymarkPersonaList, waymark_persona_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERSONA_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
waymark_persona_list_new (void)
{
  return g_object_new (WAYMARK_TYPE_PERSONA_LIST, NULL);
}

static void
select_current (WaymarkPersonaList *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      const char *id = g_object_get_data (G_OBJECT (row), "persona-id");
      if (g_strcmp0 (id, self->persona_id) == 0)
        {
          gtk_list_box_select_row (self->list_box, row);
          return;
        }
    }
  gtk_list_box_unselect_all (self->list_box);
}

static void
rebuild (WaymarkPersonaList *self)
{
  GtkWidget *child;
  guint n;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  n = self->document != NULL ? waymark_document_get_n_personas (self->document) : 0;
  for (guint i = 0; i < n; i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (self->document, i);
      g_autofree char *initials = waymark_persona_dup_initials (persona);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *avatar = adw_avatar_new (32, persona->name, TRUE);
      GtkWidget *label = gtk_label_new (persona->name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), avatar);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "persona-id", g_strdup (persona->base.id), g_free);
      gtk_list_box_append (self->list_box, row);
    }
  select_current (self);
  self->rebuilding = FALSE;
}

static void
row_selected_cb (WaymarkPersonaList *self,
                 GtkListBoxRow      *row)
{
  const char *id;

  if (self->rebuilding || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "persona-id");
  if (g_strcmp0 (id, self->persona_id) == 0)
    return;
  g_free (self->persona_id);
  self->persona_id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

static void
document_changed_cb (WaymarkPersonaList *self)
{
  rebuild (self);
}

static void
set_document (WaymarkPersonaList *self,
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
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
set_persona_id (WaymarkPersonaList *self,
                const char         *persona_id)
{
  if (g_strcmp0 (self->persona_id, persona_id) == 0)
    return;
  g_free (self->persona_id);
  self->persona_id = g_strdup (persona_id);
  self->rebuilding = TRUE;
  select_current (self);
  self->rebuilding = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

static void
waymark_persona_list_dispose (GObject *object)
{
  WaymarkPersonaList *self = WAYMARK_PERSONA_LIST (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);

  G_OBJECT_CLASS (waymark_persona_list_parent_class)->dispose (object);
}

static void
waymark_persona_list_finalize (GObject *object)
{
  WaymarkPersonaList *self = WAYMARK_PERSONA_LIST (object);

  g_free (self->persona_id);

  G_OBJECT_CLASS (waymark_persona_list_parent_class)->finalize (object);
}

static void
waymark_persona_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WaymarkPersonaList *self = WAYMARK_PERSONA_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_persona_list_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WaymarkPersonaList *self = WAYMARK_PERSONA_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;
    case PROP_PERSONA_ID:
      set_persona_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_persona_list_class_init (WaymarkPersonaListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_persona_list_dispose;
  object_class->finalize = waymark_persona_list_finalize;
  object_class->get_property = waymark_persona_list_get_property;
  object_class->set_property = waymark_persona_list_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
waymark_persona_list_init (WaymarkPersonaList *self)
{
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  self->list_box = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list_box), "navigation-sidebar");
  gtk_widget_add_css_class (GTK_WIDGET (self), "waymark-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Personas"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled),
                                 GTK_WIDGET (self->list_box));
  g_signal_connect_swapped (self->list_box, "row-selected", G_CALLBACK (row_selected_cb), self);
}

/* waymark-preferences-window.c: the Preferences window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-preferences-window.h"

struct _WaymarkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesPage   *page;
  AdwComboRow          *style_row;
  AdwComboRow          *palette_row;
  AdwActionRow         *autosave_row;
  GtkSwitch            *autosave_switch;
  AdwComboRow          *paper_row;
  AdwComboRow          *orientation_row;
};

G_DEFINE_FINAL_TYPE (WaymarkPreferencesWindow, waymark_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

/* The nicks of the schema's enums, in the order of the combo rows' items. */
static const char * const style_nicks[] = { "default", "light", "dark", NULL };
static const char * const palette_nicks[] = { "standard", "colorblind", "greyscale", NULL };
static const char * const paper_nicks[] = { "fit", "a4", "a3", "letter", NULL };
static const char * const orientation_nicks[] = { "landscape", "portrait", NULL };

static gboolean
nick_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_nick (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[index]);
}

static void
bind_combo (GSettings          *settings,
            const char         *key,
            AdwComboRow        *row,
            const char * const *nicks)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_index, index_to_nick, (gpointer) nicks, NULL);
}

WaymarkPreferencesWindow *
waymark_preferences_window_new (WaymarkApplication *application)
{
  WaymarkPreferencesWindow *self = g_object_new (WAYMARK_TYPE_PREFERENCES_WINDOW, NULL);
  GSettings *settings = waymark_application_get_settings (application);

  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Preferences cannot be changed: the "
                                                         "settings schema is not installed.")));
      return self;
    }

  bind_combo (settings, "color-scheme", self->style_row, style_nicks);
  bind_combo (settings, "palette", self->palette_row, palette_nicks);
  bind_combo (settings, "default-paper", self->paper_row, paper_nicks);
  bind_combo (settings, "default-orientation", self->orientation_row, orientation_nicks);
  g_settings_bind (settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  return self;
}

static void
waymark_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WAYMARK_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (waymark_preferences_window_parent_class)->dispose (object);
}

static void
waymark_preferences_window_class_init (WaymarkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/waymark/Waymark/waymark-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, palette_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, autosave_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkPreferencesWindow, orientation_row);
}

static void
waymark_preferences_window_init (WaymarkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

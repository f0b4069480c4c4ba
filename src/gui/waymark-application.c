/* waymark-application.c: the Waymark application
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "waymark-about.h"
#include "waymark-application.h"
#include "waymark-drafts.h"
#include "waymark-format.h"
#include "waymark-preferences-window.h"
#include "waymark-window.h"

struct _WaymarkApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;      /* NULL without the schema */
  WaymarkPalette  palette;
  gboolean        drafts_checked;
};

G_DEFINE_FINAL_TYPE (WaymarkApplication, waymark_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_PALETTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keep in step with the palette key of data/org.waymark.Waymark.gschema.xml. */
static const char * const palette_names[WAYMARK_N_PALETTES] = {
  [WAYMARK_PALETTE_STANDARD] = "standard",
  [WAYMARK_PALETTE_COLORBLIND] = "colorblind",
  [WAYMARK_PALETTE_GREYSCALE] = "greyscale",
};

WaymarkApplication *
waymark_application_new (GApplicationFlags extra_flags)
{
  return g_object_new (WAYMARK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | extra_flags,
                       "resource-base-path", "/org/waymark/Waymark",
                       NULL);
}

GSettings *
waymark_application_get_settings (WaymarkApplication *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPLICATION (self), NULL);
  return self->settings;
}

static char *
dup_setting_string (WaymarkApplication *self,
                    const char         *key,
                    const char         *fallback)
{
  if (self->settings == NULL)
    return g_strdup (fallback);
  return g_settings_get_string (self->settings, key);
}

gboolean
waymark_application_get_autosave (WaymarkApplication *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPLICATION (self), TRUE);
  return self->settings == NULL || g_settings_get_boolean (self->settings, "autosave");
}

WaymarkPalette
waymark_application_get_palette (WaymarkApplication *self)
{
  g_return_val_if_fail (WAYMARK_IS_APPLICATION (self), WAYMARK_PALETTE_STANDARD);
  return self->palette;
}

WaymarkPaper
waymark_application_get_paper (WaymarkApplication *self)
{
  g_autofree char *name = dup_setting_string (self, "default-paper", "a4");
  WaymarkPaper paper = WAYMARK_PAPER_A4;

  waymark_paper_from_string (name, &paper);
  return paper;
}

WaymarkOrientation
waymark_application_get_orientation (WaymarkApplication *self)
{
  g_autofree char *name = dup_setting_string (self, "default-orientation", "landscape");

  return g_strcmp0 (name, "portrait") == 0 ? WAYMARK_ORIENTATION_PORTRAIT
                                           : WAYMARK_ORIENTATION_LANDSCAPE;
}

static void
palette_changed_cb (WaymarkApplication *self)
{
  g_autofree char *name = dup_setting_string (self, "palette", "standard");
  WaymarkPalette palette = WAYMARK_PALETTE_STANDARD;

  for (guint i = 0; i < WAYMARK_N_PALETTES; i++)
    if (g_strcmp0 (name, palette_names[i]) == 0)
      palette = i;
  if (palette == self->palette)
    return;
  self->palette = palette;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}

WaymarkWindow *
waymark_application_find_window (WaymarkApplication *self,
                                 GFile              *file)
{
  g_return_val_if_fail (WAYMARK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *window_file;

      if (!WAYMARK_IS_WINDOW (l->data))
        continue;
      window_file = waymark_window_get_file (l->data);
      if (window_file != NULL && g_file_equal (window_file, file))
        return l->data;
    }
  return NULL;
}

/* The active window when nothing was done in it yet, so that opening a
 * file at startup does not leave an empty window behind. */
static WaymarkWindow *
get_reusable_window (WaymarkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (WAYMARK_IS_WINDOW (window) && waymark_window_is_pristine (WAYMARK_WINDOW (window)))
    return WAYMARK_WINDOW (window);
  return NULL;
}

WaymarkWindow *
waymark_application_open_file (WaymarkApplication *self,
                               GFile              *file)
{
  WaymarkWindow *window;

  g_return_val_if_fail (WAYMARK_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = waymark_application_find_window (self, file);
  if (window == NULL)
    {
      window = get_reusable_window (self);
      if (window == NULL)
        window = waymark_window_new (self);
      waymark_window_open_file (window, file);
    }
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static GBytes *
lookup_template (const char  *template_name,
                 GError     **error)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *path = NULL;

  /* The translated template first ("customer-journey.nl.waymark"). */
  for (guint i = 0; languages[i] != NULL && !g_str_equal (languages[i], "C"); i++)
    {
      g_autofree char *localized = g_strdup_printf ("/org/waymark/Waymark/templates/%s.%s.waymark",
                                                    template_name, languages[i]);
      GBytes *bytes = g_resources_lookup_data (localized, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      if (bytes != NULL)
        return bytes;
    }

  path = g_strdup_printf ("/org/waymark/Waymark/templates/%s.waymark", template_name);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

WaymarkWindow *
waymark_application_new_from_template (WaymarkApplication  *self,
                                       const char          *template_name,
                                       GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(WaymarkDocument) document = NULL;
  WaymarkWindow *window;

  g_return_val_if_fail (WAYMARK_IS_APPLICATION (self), NULL);

  bytes = lookup_template (template_name, error);
  if (bytes == NULL)
    return NULL;
  document = waymark_format_load_bytes (bytes, template_name, error);
  if (document == NULL)
    return NULL;

  window = get_reusable_window (self);
  if (window == NULL)
    window = waymark_window_new (self);
  waymark_window_set_document (window, document, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Drafts */

/* @parent: the window the drafts dialog was over, which takes the first
 * draft when nothing was done in it yet. Not the active window: by the
 * time the user answers, that is the dialog itself. */
static void
restore_drafts (WaymarkApplication *self,
                GtkWindow          *parent,
                GPtrArray          *drafts)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      WaymarkDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(WaymarkDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      WaymarkWindow *window;

      document = waymark_format_load_file (draft->content, &error);
      if (document == NULL)
        {
          /* Leave the draft where it is: the user may want it by hand. */
          g_warning ("Could not restore the draft %s: %s", draft->id, error->message);
          continue;
        }
      waymark_drafts_adopt (draft->id);
      if (WAYMARK_IS_WINDOW (parent) && waymark_window_is_pristine (WAYMARK_WINDOW (parent)))
        window = WAYMARK_WINDOW (parent);
      else
        window = get_reusable_window (self);
      if (window == NULL)
        window = waymark_window_new (self);
      waymark_window_restore_draft (window, document, draft->original,
                                    draft->original_checksum, draft->id);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
drafts_response_cb (AdwMessageDialog   *dialog,
                    const char         *response,
                    WaymarkApplication *self)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "drafts");

  /* Once: closing the dialog afterwards emits its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, drafts_response_cb, self);

  if (g_str_equal (response, "restore"))
    restore_drafts (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), drafts);
  else if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < drafts->len; i++)
        waymark_drafts_remove (((WaymarkDraft *) g_ptr_array_index (drafts, i))->id);
    }
  /* "keep" (Escape): the drafts stay and the next start asks again. */
}

void
waymark_application_check_drafts (WaymarkApplication *self)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  GtkWindow *parent;
  AdwMessageDialog *dialog;

  g_return_if_fail (WAYMARK_IS_APPLICATION (self));

  if (self->drafts_checked)
    return;
  self->drafts_checked = TRUE;

  drafts = waymark_drafts_list_orphaned ();
  if (drafts->len == 0)
    return;

  for (guint i = 0; i < drafts->len; i++)
    {
      WaymarkDraft *draft = g_ptr_array_index (drafts, i);
      const char *name = draft->title;
      g_autofree char *basename = NULL;

      if (*name == '\0' && draft->original != NULL)
        name = basename = g_file_get_basename (draft->original);
      if (*name == '\0')
        name = _("Untitled Journey Map");
      g_string_append_printf (names, "\n• %s", name);
    }

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore Unsaved Changes?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, "%s%s",
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Waymark did not close properly. This journey "
                                               "map had changes that were not saved:",
                                               "Waymark did not close properly. These journey "
                                               "maps had changes that were not saved:",
                                               drafts->len),
                                  names->str);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "keep");
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "waymark-restore-drafts");
  g_object_set_data_full (G_OBJECT (dialog), "drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (drafts_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  WaymarkWindow *window = waymark_window_new (WAYMARK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
new_from_template_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       user_data)
{
  WaymarkApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  const char *name = g_variant_get_string (param, NULL);

  /* Templates are compiled in, so this fails only for a wrong name. */
  if (waymark_application_new_from_template (self, name, &error) == NULL)
    g_critical ("Template %s: %s", name, error->message);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  WaymarkApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences = GTK_WINDOW (waymark_preferences_window_new (self));

  gtk_window_set_transient_for (preferences, parent);
  gtk_window_present (preferences);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  WaymarkApplication *self = user_data;

  waymark_about_show (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  WaymarkApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window with unsaved changes asks on its own; the application
   * quits when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "new-from-template", new_from_template_action, "s" },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
color_scheme_changed_cb (WaymarkApplication *self)
{
  g_autofree char *scheme = dup_setting_string (self, "color-scheme", "default");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;   /* follows the system */

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

/* SIGTERM (logout, `kill`): there is no one to ask about unsaved changes,
 * so every window writes its draft now and the next start offers them. */
static gboolean
terminate_cb (gpointer data)
{
  WaymarkApplication *self = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (WAYMARK_IS_WINDOW (l->data))
      waymark_window_write_draft (l->data);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
waymark_application_startup (GApplication *application)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (application);
  GtkApplication *app = GTK_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-reset", { "<Control>0", NULL } },
    { "win.toggle-sidebar", { "<Shift>F9", NULL } },
    { "win.show-overview", { "<Control><Shift>o", NULL } },
    { "win.toggle-recommendations", { "<Control><Shift>r", NULL } },
    { "win.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (waymark_application_parent_class)->startup (application);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::palette",
                               G_CALLBACK (palette_changed_cb), self, G_CONNECT_SWAPPED);
      palette_changed_cb (self);
      g_signal_connect_object (self->settings, "changed::color-scheme",
                               G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
      color_scheme_changed_cb (self);
    }
  else
    g_message ("The settings schema %s is not installed; preferences are not kept. "
               "Install Waymark, or run it with GSETTINGS_SCHEMA_DIR set to the build "
               "directory's data/ (meson devenv does that).", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);

  g_unix_signal_add (SIGTERM, terminate_cb, self);
}

static void
waymark_application_activate (GApplication *application)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (waymark_window_new (self));
  gtk_window_present (window);
  waymark_application_check_drafts (self);
}

static void
waymark_application_open (GApplication  *application,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    waymark_application_open_file (self, files[i]);
  waymark_application_check_drafts (self);
}

static void
waymark_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PALETTE:
      g_value_set_int (value, self->palette);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_application_dispose (GObject *object)
{
  WaymarkApplication *self = WAYMARK_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (waymark_application_parent_class)->dispose (object);
}

static void
waymark_application_class_init (WaymarkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = waymark_application_dispose;
  object_class->get_property = waymark_application_get_property;
  app_class->startup = waymark_application_startup;
  app_class->activate = waymark_application_activate;
  app_class->open = waymark_application_open;

  /* A WaymarkPalette, from the palette setting; the map views bind to it. */
  properties[PROP_PALETTE] =
    g_param_spec_int ("palette", NULL, NULL, 0, WAYMARK_N_PALETTES - 1, WAYMARK_PALETTE_STANDARD,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_application_init (WaymarkApplication *self)
{
  self->palette = WAYMARK_PALETTE_STANDARD;
}

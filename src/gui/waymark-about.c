/* waymark-about.c: the About window, filled from the AppStream metainfo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-about.h"

/* libadwaita 1.2 has no adw_about_window_new_from_appdata(), so the
 * metainfo (compiled into the resources) is read here: the About window
 * says what the software centre says. Its strings are in po/ through
 * the metainfo's ITS rules, so they are translated with gettext. */

typedef struct {
  GPtrArray *stack;           /* element names */
  GString   *text;
  char      *name;
  char      *summary;
  char      *developer;
  char      *homepage;
  char      *bugtracker;
  char      *license;
  char      *version;
  GString   *release_notes;   /* of the newest release */
  int        release_depth;   /* > 0 inside the first <release> */
  gboolean   seen_release;
} Metainfo;

static const char *
parent_element (Metainfo *info,
                guint     up)
{
  if (info->stack->len <= up)
    return "";
  return g_ptr_array_index (info->stack, info->stack->len - 1 - up);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Metainfo *info = user_data;

  g_ptr_array_add (info->stack, g_strdup (element));
  g_string_truncate (info->text, 0);

  if (g_str_equal (element, "release") && !info->seen_release)
    {
      info->seen_release = TRUE;
      info->release_depth = 1;
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "version"))
          info->version = g_strdup (values[i]);
      return;
    }
  if (info->release_depth > 0)
    {
      info->release_depth++;
      if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
        g_string_append_printf (info->release_notes, "<%s>", element);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Metainfo *info = user_data;
  g_autofree char *text = g_strstrip (g_strdup (info->text->str));
  const char *parent = parent_element (info, 1);

  if (info->release_depth > 0)
    {
      info->release_depth--;
      if (g_str_equal (element, "p") || g_str_equal (element, "li"))
        {
          g_autofree char *escaped = g_markup_escape_text (g_dgettext (GETTEXT_PACKAGE, text), -1);
          g_string_append_printf (info->release_notes, "<%s>%s</%s>", element, escaped, element);
        }
      else if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
        g_string_append_printf (info->release_notes, "</%s>", element);
    }
  else if (g_str_equal (parent, "component"))
    {
      if (g_str_equal (element, "name") && info->name == NULL)
        info->name = g_strdup (text);
      else if (g_str_equal (element, "summary") && info->summary == NULL)
        info->summary = g_strdup (text);
      else if (g_str_equal (element, "developer_name"))
        info->developer = g_strdup (text);
      else if (g_str_equal (element, "project_license"))
        info->license = g_strdup (text);
    }

  g_free (g_ptr_array_steal_index (info->stack, info->stack->len - 1));
  g_string_truncate (info->text, 0);
}

static void
text (GMarkupParseContext  *context,
      const char           *text_data,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Metainfo *info = user_data;

  g_string_append_len (info->text, text_data, length);
}

static void
metainfo_clear (Metainfo *info)
{
  g_ptr_array_unref (info->stack);
  g_string_free (info->text, TRUE);
  g_free (info->name);
  g_free (info->summary);
  g_free (info->developer);
  g_free (info->homepage);
  g_free (info->bugtracker);
  g_free (info->license);
  g_free (info->version);
  g_string_free (info->release_notes, TRUE);
}

/* URLs are picked out separately: GMarkup hands attributes to the start
 * callback only, and they are needed when the text ends. */
static void
find_urls (const char *data,
           Metainfo   *info)
{
  static const struct { const char *type; gsize offset; } urls[] = {
    { "homepage", G_STRUCT_OFFSET (Metainfo, homepage) },
    { "bugtracker", G_STRUCT_OFFSET (Metainfo, bugtracker) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *open = g_strdup_printf ("<url type=\"%s\">", urls[i].type);
      const char *start = strstr (data, open);
      const char *end;

      if (start == NULL)
        continue;
      start += strlen (open);
      end = strstr (start, "</url>");
      if (end != NULL)
        G_STRUCT_MEMBER (char *, info, urls[i].offset) = g_strndup (start, end - start);
    }
}

static GtkLicense
license_from_spdx (const char *spdx)
{
  if (g_strcmp0 (spdx, "GPL-3.0-or-later") == 0)
    return GTK_LICENSE_GPL_3_0;
  if (g_strcmp0 (spdx, "GPL-3.0-only") == 0)
    return GTK_LICENSE_GPL_3_0_ONLY;
  if (g_strcmp0 (spdx, "GPL-2.0-or-later") == 0)
    return GTK_LICENSE_GPL_2_0;
  return GTK_LICENSE_CUSTOM;
}

GtkWidget *
waymark_about_window_new (void)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Metainfo info = { 0 };
  AdwAboutWindow *about;
  const char *data;
  gsize size;

  info.stack = g_ptr_array_new_with_free_func (g_free);
  info.text = g_string_new (NULL);
  info.release_notes = g_string_new (NULL);

  bytes = g_resources_lookup_data ("/org/waymark/Waymark/metainfo.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &size);
      context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &info, NULL);
      if (!g_markup_parse_context_parse (context, data, size, &error) ||
          !g_markup_parse_context_end_parse (context, &error))
        g_warning ("Could not read the metainfo: %s", error->message);
      {
        g_autofree char *copy = g_strndup (data, size);
        find_urls (copy, &info);
      }
    }
  else
    g_warning ("The metainfo is missing from the resources: %s", error->message);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_application_name (about, info.name ? info.name : "Waymark");
  adw_about_window_set_version (about, PACKAGE_VERSION);
  if (info.summary != NULL)
    adw_about_window_set_comments (about, g_dgettext (GETTEXT_PACKAGE, info.summary));
  if (info.developer != NULL)
    {
      const char *developers[] = { info.developer, NULL };

      adw_about_window_set_developer_name (about, info.developer);
      adw_about_window_set_developers (about, developers);
    }
  if (info.homepage != NULL)
    adw_about_window_set_website (about, info.homepage);
  if (info.bugtracker != NULL)
    adw_about_window_set_issue_url (about, info.bugtracker);
  adw_about_window_set_license_type (about, license_from_spdx (info.license));
  adw_about_window_set_copyright (about, "© 2026 The Waymark authors");
  /* Translators: your names, one per line, to be credited in the About window. */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  if (info.release_notes->len > 0)
    {
      adw_about_window_set_release_notes (about, info.release_notes->str);
      if (info.version != NULL)
        adw_about_window_set_release_notes_version (about, info.version);
    }

  metainfo_clear (&info);
  return GTK_WIDGET (about);
}

void
waymark_about_show (GtkWindow *parent)
{
  GtkWidget *about = waymark_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

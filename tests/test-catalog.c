/* test-catalog.c: a map's own words follow the document's language, not
 * the interface's
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "waymark-catalog.h"
#include "waymark-commands.h"
#include "waymark-export.h"
#include "waymark-format.h"

static char *tmp_dir;

/* A document in @language with one persona, one phase and a tagged
 * barrier card, so that maps show a tag legend. */
static WaymarkDocument *
make_document (const char *language)
{
  WaymarkDocument *document = waymark_document_new ();
  WaymarkPersona *persona = waymark_persona_new ("p", "Pieter");
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();

  /* A new document is in English; setting what is there is no change. */
  if (!g_str_equal (waymark_document_get_language (document), language))
    g_assert_true (waymark_document_set_text (document, NULL, WAYMARK_FIELD_LANGUAGE, language));
  g_assert_true (waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Studie"));
  g_assert_nonnull (waymark_document_insert_persona (document, persona, -1));
  g_assert_nonnull (waymark_document_insert_phase (document, "p", waymark_phase_new ("f1", "Start"),
                                                   -1));
  g_assert_nonnull (waymark_document_insert_lane (document, "p",
                                                  waymark_lane_new ("b", "Last", WAYMARK_LANE_BARRIERS),
                                                  -1));
  g_assert_nonnull (waymark_document_insert_tag (document, waymark_tag_new ("t", "Geld", "#cc0000"),
                                                 -1));
  g_assert_nonnull (waymark_document_insert_card (document, "p",
                                                  waymark_card_new ("c", "b", "f1", "Te duur"), -1));
  g_ptr_array_add (tags, (gpointer) "t");
  g_ptr_array_add (tags, NULL);
  g_assert_true (waymark_document_set_card_tags (document, "c", (const char * const *) tags->pdata));
  return document;
}

static char *
export_svg (WaymarkDocument *document,
            gboolean         overview)
{
  g_autofree char *path = g_build_filename (tmp_dir, overview ? "overview.svg" : "map.svg", NULL);
  g_autoptr (GError) error = NULL;
  WaymarkExportOptions options;
  char *contents = NULL;

  waymark_export_options_init (&options);
  options.format = WAYMARK_EXPORT_FORMAT_SVG;
  options.overview = overview;
  g_assert_true (waymark_export_to_file (document, &options, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

/* Looked up in the catalogue for the language, whatever the process's. */
static void
test_lookup (void)
{
  g_assert_cmpstr (waymark_catalog_gettext ("nl", "Tags:"), ==, "Labels:");
  g_assert_cmpstr (waymark_catalog_gettext ("nl-BE", "Tags:"), ==, "Labels:");
  g_assert_cmpstr (waymark_catalog_gettext ("NL_be", "Barriers"), ==, "Drempels");
  /* English is the source language; a language without a catalogue and
   * a message without a translation give the message itself. */
  g_assert_cmpstr (waymark_catalog_gettext ("en", "Tags:"), ==, "Tags:");
  g_assert_cmpstr (waymark_catalog_gettext ("en-GB", "Tags:"), ==, "Tags:");
  g_assert_cmpstr (waymark_catalog_gettext ("fr", "Tags:"), ==, "Tags:");
  g_assert_cmpstr (waymark_catalog_gettext ("", "Tags:"), ==, "Tags:");
  /* A message with a context: "Open" is also the verb "Openen". */
  g_assert_cmpstr (waymark_catalog_pgettext ("nl", "recommendation status", "Open"), ==, "Open");
  g_assert_cmpstr (waymark_status_get_label_in (WAYMARK_STATUS_IN_PROGRESS, "nl"), ==,
                   "In uitvoering");
  g_assert_cmpstr (waymark_status_get_label_in (WAYMARK_STATUS_DROPPED, "nl-BE"), ==, "Geschrapt");
  g_assert_cmpstr (waymark_status_get_label_in (WAYMARK_STATUS_DONE, "en"), ==, "Done");
  g_assert_cmpstr (waymark_status_get_label_in (WAYMARK_STATUS_DONE, "fr"), ==, "Done");
  g_assert_cmpstr (waymark_catalog_gettext (NULL, "Tags:"), ==, "Tags:");
  g_assert_cmpstr (waymark_catalog_gettext ("nl", "no such message"), ==, "no such message");
  /* The interface itself is not in Dutch here. */
  g_assert_cmpstr (_("Tags:"), ==, "Tags:");
}

static void
test_plural (void)
{
  g_assert_cmpstr (waymark_catalog_ngettext ("nl", "%u persona", "%u personas", 1), ==,
                   "%u persona");
  g_assert_cmpstr (waymark_catalog_ngettext ("nl", "%u persona", "%u personas", 5), ==,
                   "%u persona's");
  g_assert_cmpstr (waymark_catalog_ngettext ("nl", "%u persona", "%u personas", 0), ==,
                   "%u persona's");
  g_assert_cmpstr (waymark_catalog_ngettext ("en", "%u persona", "%u personas", 1), ==,
                   "%u persona");
  g_assert_cmpstr (waymark_catalog_ngettext ("fr", "%u persona", "%u personas", 2), ==,
                   "%u personas");
}

/* What a Dutch document's figures say, exported by an English program:
 * the overview's headings, and the map's tag legend. */
static void
test_figures (void)
{
  g_autoptr (WaymarkDocument) dutch = make_document ("nl");
  g_autoptr (WaymarkDocument) english = make_document ("en");
  g_autofree char *dutch_overview = export_svg (dutch, TRUE);
  g_autofree char *english_overview = export_svg (english, TRUE);
  g_autofree char *dutch_map = export_svg (dutch, FALSE);
  g_autofree char *english_map = export_svg (english, FALSE);

  /* The SVG writer escapes the apostrophe. The barriers are called by
   * their lane's name ("Last"), the levers, which no lane has, by the
   * kind's label in the document's language. */
  g_assert_nonnull (strstr (dutch_overview, "Last en Hefbomen over de persona"));
  g_assert_null (strstr (dutch_overview, "across personas"));
  /* The totals in the subtitle name the kinds. */
  g_assert_nonnull (strstr (dutch_overview, "last 1"));
  g_assert_nonnull (strstr (english_overview, "Last and Levers across personas"));
  g_assert_nonnull (strstr (english_overview, "last 1"));

  g_assert_nonnull (strstr (dutch_map, "Labels:"));
  g_assert_null (strstr (dutch_map, "Tags:"));
  g_assert_nonnull (strstr (english_map, "Tags:"));
}

/* New lanes, phases and personas are named in the document's language:
 * their names are content, saved in the file. */
static void
test_new_names (void)
{
  g_autoptr (WaymarkDocument) dutch = make_document ("nl");
  g_autoptr (WaymarkDocument) english = make_document ("en");
  const char *id;

  id = waymark_command_add_lane (dutch, "p", WAYMARK_LANE_LEVERS, NULL, TRUE);
  g_assert_cmpstr (((WaymarkLane *) waymark_document_lookup (dutch, id))->name, ==, "Hefbomen");
  id = waymark_command_add_lane (english, "p", WAYMARK_LANE_LEVERS, NULL, TRUE);
  g_assert_cmpstr (((WaymarkLane *) waymark_document_lookup (english, id))->name, ==, "Levers");

  id = waymark_command_add_phase (dutch, "p", "f1", TRUE);
  g_assert_cmpstr (((WaymarkPhase *) waymark_document_lookup (dutch, id))->name, ==,
                   "Nieuwe fase");
  id = waymark_command_add_phase (english, "p", "f1", TRUE);
  g_assert_cmpstr (((WaymarkPhase *) waymark_document_lookup (english, id))->name, ==,
                   "New phase");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  const char *localedir = g_getenv ("WAYMARK_TEST_LOCALEDIR");
  int result;

  /* The interface in English, as on an English desktop. */
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  tmp_dir = g_dir_make_tmp ("waymark-test-catalog-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/catalog/lookup", test_lookup);
  g_test_add_func ("/catalog/plural", test_plural);
  g_test_add_func ("/catalog/figures", test_figures);
  g_test_add_func ("/catalog/new-names", test_new_names);

  result = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    (void) !system (command);
  }
  g_free (tmp_dir);
  return result;
}

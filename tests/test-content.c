/* test-content.c: the example and templates that ship in data/
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shipped documents are what a new user sees first, so they must load
 * without a single problem, already be in canonical form (saving them
 * unchanged must give the same bytes, or every first save would produce a
 * diff), and say what their sources say. The example's recommendations
 * answer its barriers in the study's six domains.
 */
#include "config.h"

#include <string.h>

#include "waymark-document.h"
#include "waymark-format.h"

static const char *shipped[] = {
  "examples/levenslang-leren.waymark",
  "templates/blank.waymark",
  "templates/blank.nl.waymark",
  "templates/customer-journey.waymark",
  "templates/customer-journey.nl.waymark",
  "templates/service-blueprint.waymark",
  "templates/service-blueprint.nl.waymark",
};

static char *
data_path (const char *name)
{
  return g_build_filename (SOURCE_DATADIR, name, NULL);
}

static WaymarkDocument *
load_shipped (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  WaymarkDocument *doc = waymark_format_load_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_valid (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = data_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (WaymarkDocument) doc = NULL;
  g_autoptr (GPtrArray) problems = waymark_format_check_file (file, name, &doc);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = waymark_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("%s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (doc);
  g_assert_cmpuint (waymark_document_get_n_personas (doc), >=, 1);
}

static void
test_canonical (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = data_path (name);
  g_autofree char *on_disk = NULL;
  gsize on_disk_len = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) doc = load_shipped (name);
  g_autoptr (GBytes) saved = waymark_format_save_to_bytes (doc);
  g_autofree char *saved_text = g_strndup (g_bytes_get_data (saved, NULL),
                                           g_bytes_get_size (saved));

  g_file_get_contents (path, &on_disk, &on_disk_len, &error);
  g_assert_no_error (error);
  /* Compared as strings so that a failure shows where they differ. */
  g_assert_cmpstr (saved_text, ==, on_disk);
  g_assert_cmpuint (g_bytes_get_size (saved), ==, on_disk_len);
}

static guint
count_tagged_cards (WaymarkDocument *doc,
                    const char      *tag_id)
{
  guint count = 0;

  for (guint p = 0; p < waymark_document_get_n_personas (doc); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (doc, p);

      for (guint c = 0; c < persona->cards->len; c++)
        count += waymark_card_has_tag (g_ptr_array_index (persona->cards, c), tag_id);
    }
  return count;
}

static WaymarkCard *
find_card_by_text (WaymarkPersona *persona,
                   const char     *text)
{
  for (guint c = 0; c < persona->cards->len; c++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, c);

      if (g_strcmp0 (card->text, text) == 0)
        return card;
    }
  return NULL;
}

/* The example follows /work/shared/examples/levenslang-leren.md: five
 * personas, the same six phases and six lanes each, one emotion point per
 * phase, and the three tension fields as tags on the barriers named there. */
static void
test_example_content (void)
{
  static const char *personas[] = {
    "De loopbaanlanceerder", "De jobversterker", "De vrijetijdsontwikkelaar",
    "De organisatietransformeerder", "De maatschappelijke meetrekker",
  };
  static const char *phases[] = {
    "Detectie opleidingsnood", "Verkenning & haalbaarheid", "Ontwerp & ontwikkeling",
    "Erkenning, planning & werving", "Uitvoering eerste editie", "Afronding & evaluatie",
  };
  static const struct { const char *name; WaymarkLaneKind kind; } lanes[] = {
    { "Activiteiten", WAYMARK_LANE_ACTIONS },
    { "Gedachten", WAYMARK_LANE_THOUGHTS },
    { "Beleving", WAYMARK_LANE_EMOTIONS },
    { "Drempels", WAYMARK_LANE_BARRIERS },
    { "Hefbomen", WAYMARK_LANE_LEVERS },
    { "Touchpoints & partners", WAYMARK_LANE_TOUCHPOINTS },
  };
  g_autoptr (WaymarkDocument) doc = load_shipped ("examples/levenslang-leren.waymark");
  g_autoptr (GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *tags;
  WaymarkPersona *persona;
  WaymarkCard *card;
  guint n_cards = 0;

  g_assert_cmpstr (waymark_document_get_title (doc), ==,
                   "Levenslang leren — klantreizen van opleidingsverstrekkers");
  g_assert_cmpstr (waymark_document_get_language (doc), ==, "nl");
  g_assert_nonnull (strstr (waymark_document_get_description (doc),
                            "Illustratieve reconstructie op basis van de publieke "
                            "samenvatting van het onderzoek"));

  tags = waymark_document_get_tags (doc);
  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (tags, 0))->name, ==, "Afbakening");
  g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (tags, 1))->name, ==,
                   "Doelgroep theorie vs praktijk");
  g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (tags, 2))->name, ==,
                   "Publiek vs privaat");
  g_assert_cmpuint (count_tagged_cards (doc, "afbakening"), ==, 2);
  g_assert_cmpuint (count_tagged_cards (doc, "doelgroep"), ==, 3);
  g_assert_cmpuint (count_tagged_cards (doc, "publiek-privaat"), ==, 4);

  g_assert_cmpuint (waymark_document_get_n_personas (doc), ==, G_N_ELEMENTS (personas));
  for (guint p = 0; p < G_N_ELEMENTS (personas); p++)
    {
      persona = waymark_document_get_persona (doc, p);
      g_assert_cmpstr (persona->name, ==, personas[p]);
      g_assert_cmpuint (strlen (persona->ambition), >, 0);
      /* Every persona has its own colour. */
      g_assert_false (g_hash_table_contains (colors, persona->color));
      g_hash_table_add (colors, persona->color);

      g_assert_cmpuint (persona->phases->len, ==, G_N_ELEMENTS (phases));
      for (guint f = 0; f < G_N_ELEMENTS (phases); f++)
        g_assert_cmpstr (((WaymarkPhase *) g_ptr_array_index (persona->phases, f))->name, ==,
                         phases[f]);

      g_assert_cmpuint (persona->lanes->len, ==, G_N_ELEMENTS (lanes));
      for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          g_assert_cmpstr (lane->name, ==, lanes[l].name);
          g_assert_cmpint (lane->kind, ==, lanes[l].kind);
        }

      /* One point per phase, with a word, within the scale. */
      g_assert_cmpuint (persona->emotions->len, ==, G_N_ELEMENTS (phases));
      for (guint f = 0; f < persona->phases->len; f++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, f);
          WaymarkLane *emotions = g_ptr_array_index (persona->lanes, 2);
          WaymarkEmotionPoint *point =
            waymark_persona_find_emotion (persona, emotions->base.id, phase->base.id);

          g_assert_nonnull (point);
          g_assert_cmpint (point->score, >=, -2);
          g_assert_cmpint (point->score, <=, 2);
          g_assert_cmpuint (strlen (point->label), >, 0);
        }

      /* Each cell of a card lane holds at least one card. */
      for (guint l = 0; l < persona->lanes->len; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          if (!waymark_lane_kind_holds_cards (lane->kind))
            continue;
          for (guint f = 0; f < persona->phases->len; f++)
            {
              WaymarkPhase *phase = g_ptr_array_index (persona->phases, f);
              g_autoptr (GPtrArray) cell =
                waymark_persona_cell_cards (persona, lane->base.id, phase->base.id);

              g_assert_cmpuint (cell->len, >=, 1);
            }
        }
      n_cards += persona->cards->len;
    }
  g_assert_cmpuint (n_cards, ==, 187);

  /* Lists in a cell became separate cards; thoughts keep their quotes. */
  persona = waymark_document_get_persona (doc, 0);
  card = find_card_by_text (persona, "Lesgeverstekort");
  g_assert_nonnull (card);
  g_assert_cmpstr (card->phase_id, ==, "loopbaan-f4");
  card = find_card_by_text (persona, "Weinig marketingbudget");
  g_assert_nonnull (card);
  g_assert_cmpstr (card->lane_id, ==, "loopbaan-drempels");
  g_assert_nonnull (find_card_by_text (persona, "VDAB"));
  g_assert_nonnull (find_card_by_text (persona, "Sectorfonds"));
  /* Typographic quotes: straight ones look like a draft in a report. */
  g_assert_nonnull (find_card_by_text (persona, "“Hier is vraag naar”"));
  /* Every name starts with "De": the avatars carry meaningful initials. */
  {
    static const char *initials[] = { "LL", "JV", "VO", "OT", "MM" };

    for (guint i = 0; i < G_N_ELEMENTS (initials); i++)
      g_assert_cmpstr (waymark_document_get_persona (doc, i)->initials, ==, initials[i]);
  }
  persona = waymark_document_get_persona (doc, 4);
  g_assert_cmpint (((WaymarkEmotionPoint *) g_ptr_array_index (persona->emotions, 3))->score,
                   ==, -2);
}

/* The study's six domains of recommendations, each with at least one
 * illustrative recommendation that answers barriers of the maps, one of
 * them across three personas or more. */
static void
test_example_recommendations (void)
{
  static const char *domains[] = {
    "Het beleidskader levenslang leren aanscherpen",
    "Samenwerking in het opleidingslandschap stimuleren",
    "De ontwikkeling van innovatief opleidingsaanbod stimuleren",
    "Inspelen op de invloed van digitalisering",
    "Meer aandacht voor diversiteit en inclusie",
    "Investeren in onderzoek naar de financiering van levenslang leren",
  };
  g_autoptr (WaymarkDocument) doc = load_shipped ("examples/levenslang-leren.waymark");
  GPtrArray *list = waymark_document_get_domains (doc);
  GPtrArray *recommendations = waymark_document_get_recommendations (doc);
  guint widest = 0;
  guint n_statuses[WAYMARK_N_STATUSES] = { 0 };

  g_assert_nonnull (strstr (waymark_document_get_description (doc),
                            "De aanbevelingen zijn eveneens een illustratieve reconstructie"));
  g_assert_cmpint (waymark_format_get_version (doc), ==, 2);

  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (domains));
  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      WaymarkDomain *domain = g_ptr_array_index (list, i);
      g_autoptr (GPtrArray) in_domain =
        waymark_document_list_domain_recommendations (doc, domain->base.id);

      g_assert_cmpstr (domain->name, ==, domains[i]);
      g_assert_cmpuint (strlen (domain->color), ==, 7);
      g_assert_cmpuint (in_domain->len, >=, 1);
    }

  g_assert_cmpuint (recommendations->len, >=, G_N_ELEMENTS (domains));
  for (guint i = 0; i < recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      WaymarkReach reach;

      g_assert_true (waymark_document_get_reach (doc, recommendation->base.id, &reach));
      g_test_message ("%s: %u cards, %u barriers, %u personas, %u targets",
                      recommendation->title, reach.n_cards, reach.n_barriers, reach.n_personas,
                      reach.n_targets);
      g_assert_cmpuint (strlen (recommendation->title), >, 0);
      g_assert_true (g_str_has_prefix (recommendation->description, "Hoe kunnen we "));
      g_assert_cmpuint (strlen (recommendation->owner), >, 0);
      g_assert_cmpint (recommendation->value, >=, WAYMARK_SCORE_MIN);
      g_assert_cmpint (recommendation->effort, >=, WAYMARK_SCORE_MIN);
      g_assert_cmpuint (reach.n_barriers, >=, 1);
      widest = MAX (widest, reach.n_personas);
      n_statuses[recommendation->status]++;
    }
  g_assert_cmpuint (widest, >=, 3);
  /* Every status is shown. */
  for (guint i = 0; i < WAYMARK_N_STATUSES; i++)
    g_assert_cmpuint (n_statuses[i], >=, 1);
}

static void
assert_same_shape (const char *english,
                   const char *dutch)
{
  g_autoptr (WaymarkDocument) en = load_shipped (english);
  g_autoptr (WaymarkDocument) nl = load_shipped (dutch);
  WaymarkPersona *pe, *pn;

  g_assert_cmpstr (waymark_document_get_language (en), ==, "en");
  g_assert_cmpstr (waymark_document_get_language (nl), ==, "nl");
  g_assert_cmpuint (waymark_document_get_n_personas (en), ==, 1);
  g_assert_cmpuint (waymark_document_get_n_personas (nl), ==, 1);
  pe = waymark_document_get_persona (en, 0);
  pn = waymark_document_get_persona (nl, 0);
  g_assert_cmpuint (pe->cards->len, ==, 0);
  g_assert_cmpuint (pn->cards->len, ==, 0);
  g_assert_cmpuint (pe->phases->len, ==, pn->phases->len);
  g_assert_cmpuint (pe->lanes->len, ==, pn->lanes->len);
  for (guint l = 0; l < pe->lanes->len; l++)
    g_assert_cmpint (((WaymarkLane *) g_ptr_array_index (pe->lanes, l))->kind, ==,
                     ((WaymarkLane *) g_ptr_array_index (pn->lanes, l))->kind);
}

static void
test_templates (void)
{
  g_autoptr (WaymarkDocument) blank = load_shipped ("templates/blank.waymark");
  g_autoptr (WaymarkDocument) journey = load_shipped ("templates/customer-journey.waymark");
  WaymarkPersona *persona;

  assert_same_shape ("templates/blank.waymark", "templates/blank.nl.waymark");
  assert_same_shape ("templates/customer-journey.waymark",
                     "templates/customer-journey.nl.waymark");
  assert_same_shape ("templates/service-blueprint.waymark",
                     "templates/service-blueprint.nl.waymark");

  persona = waymark_document_get_persona (blank, 0);
  g_assert_cmpuint (persona->phases->len, ==, 4);
  g_assert_cmpuint (persona->lanes->len, ==, 2);
  g_assert_cmpint (((WaymarkLane *) g_ptr_array_index (persona->lanes, 0))->kind, ==,
                   WAYMARK_LANE_ACTIONS);
  g_assert_cmpint (((WaymarkLane *) g_ptr_array_index (persona->lanes, 1))->kind, ==,
                   WAYMARK_LANE_EMOTIONS);

  persona = waymark_document_get_persona (journey, 0);
  g_assert_cmpuint (persona->phases->len, ==, 5);
  g_assert_cmpstr (((WaymarkPhase *) g_ptr_array_index (persona->phases, 0))->name, ==,
                   "Awareness");
  g_assert_cmpstr (((WaymarkPhase *) g_ptr_array_index (persona->phases, 4))->name, ==,
                   "Loyalty");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    {
      g_autofree char *valid = g_strdup_printf ("/content/valid/%s", shipped[i]);
      g_autofree char *canonical = g_strdup_printf ("/content/canonical/%s", shipped[i]);

      g_test_add_data_func (valid, shipped[i], test_valid);
      g_test_add_data_func (canonical, shipped[i], test_canonical);
    }
  g_test_add_func ("/content/example", test_example_content);
  g_test_add_func ("/content/example/recommendations", test_example_recommendations);
  g_test_add_func ("/content/templates", test_templates);

  return g_test_run ();
}

/* test-render-fixtures.c: documents for the render tests and the benchmark
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "test-render-fixtures.h"
#include "waymark-format.h"
#include "waymark-layout-private.h"
#include "waymark-report.h"

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static WaymarkPhase *
add_phase (WaymarkPersona *persona,
           const char     *id,
           const char     *name)
{
  WaymarkPhase *phase = waymark_phase_new (id, name);

  phase->persona = persona;
  g_ptr_array_add (persona->phases, phase);
  return phase;
}

static WaymarkLane *
add_lane (WaymarkPersona  *persona,
          const char      *id,
          const char      *name,
          WaymarkLaneKind  kind)
{
  WaymarkLane *lane = waymark_lane_new (id, name, kind);

  lane->persona = persona;
  g_ptr_array_add (persona->lanes, lane);
  return lane;
}

static WaymarkCard *
add_card (WaymarkPersona *persona,
          const char     *id,
          const char     *lane,
          const char     *phase,
          const char     *text)
{
  WaymarkCard *card = waymark_card_new (id, lane, phase, text);

  card->persona = persona;
  g_ptr_array_add (persona->cards, card);
  return card;
}

static void
add_point (WaymarkPersona *persona,
           const char     *lane,
           const char     *phase,
           int             score,
           const char     *label)
{
  g_ptr_array_add (persona->emotions, waymark_emotion_point_new (lane, phase, score, label));
}

static void
set_tags (WaymarkCard *card,
          const char  *first,
          ...)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *tag = first; tag != NULL; tag = va_arg (args, const char *))
    g_strv_builder_add (builder, tag);
  va_end (args);
  g_strfreev (card->tags);
  card->tags = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
}

WaymarkDocument *
fixture_small_document (void)
{
  WaymarkDocument *document = waymark_document_new ();
  WaymarkPersona *persona = waymark_persona_new ("p", "Pim de Proefpersoon");
  WaymarkCard *card;

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Kleine kaart");
  waymark_document_insert_tag (document, waymark_tag_new ("t1", "Geld", "#cc3300"), -1);

  set_string (&persona->ambition, "Wil snel een diploma halen");
  set_string (&persona->color, "#3465a4");
  add_phase (persona, "f1", "Oriëntatie");
  add_phase (persona, "f2", "Inschrijving");
  add_phase (persona, "f3", "Opleiding");
  add_lane (persona, "actions", "Acties", WAYMARK_LANE_ACTIONS);
  add_lane (persona, "feelings", "Gevoel", WAYMARK_LANE_EMOTIONS);
  add_lane (persona, "barriers", "Drempels", WAYMARK_LANE_BARRIERS);
  add_lane (persona, "touch", "Touchpoints", WAYMARK_LANE_TOUCHPOINTS);
  add_card (persona, "a1", "actions", "f1", "Zoekt opleidingen");
  add_card (persona, "a2", "actions", "f1",
            "Vergelijkt het aanbod van vijf aanbieders op prijs, duur, plaats en de "
            "reviews van oud-cursisten, en vraagt advies aan een loopbaanbegeleider");
  card = add_card (persona, "a3", "actions", "f2", "Schrijft zich in en betaalt");
  card->span = 2;
  card = add_card (persona, "b1", "barriers", "f3", "Lessen overdag");
  set_tags (card, "t1", NULL);
  add_card (persona, "t1card", "touch", "f2", "Website");
  add_point (persona, "feelings", "f1", 2, "blij");
  add_point (persona, "feelings", "f3", -1, "boos");

  waymark_document_insert_persona (document, persona, -1);
  return document;
}

static void
add_recommendation (WaymarkDocument *document,
                    const char      *id,
                    const char      *domain_id,
                    const char      *title,
                    const char      *description,
                    int              value,
                    int              effort,
                    const char      *first_card,
                    ...)
{
  WaymarkRecommendation *recommendation = waymark_recommendation_new (id, title);
  g_autoptr (GStrvBuilder) cards = g_strv_builder_new ();
  va_list args;

  set_string (&recommendation->domain_id, domain_id);
  set_string (&recommendation->description, description);
  recommendation->value = value;
  recommendation->effort = effort;
  va_start (args, first_card);
  for (const char *card = first_card; card != NULL; card = va_arg (args, const char *))
    g_strv_builder_add (cards, card);
  va_end (args);
  g_strfreev (recommendation->cards);
  recommendation->cards = g_strv_builder_end (cards);
  g_assert_nonnull (waymark_document_insert_recommendation (document, recommendation, -1));
}

WaymarkDocument *
fixture_recommendations_document (void)
{
  WaymarkDocument *document = fixture_small_document ();

  waymark_document_insert_domain (document, waymark_domain_new ("d1", "Beleid", "#1f4e79"), -1);
  waymark_document_insert_domain (document, waymark_domain_new ("d2", "Aanbod", "#c2185b"), -1);
  add_recommendation (document, "r1", "d1", "Avondlessen aanbieden",
                      "Hoe kunnen we lessen ook 's avonds geven?", 5, 2, "b1", "a2", NULL);
  add_recommendation (document, "r2", "d1", "Lesrooster vooraf delen",
                      "Het rooster een maand vooraf publiceren.", 2, 4, "b1", NULL);
  add_recommendation (document, "r3", "d2", "Betalen in termijnen", "", WAYMARK_SCORE_UNSET,
                      WAYMARK_SCORE_UNSET, "a3", NULL);
  add_recommendation (document, "r4", "d2", "Een vergelijker van opleidingen",
                      "Eén site die het aanbod naast elkaar zet.", 4, 4, NULL);
  waymark_history_clear (waymark_document_get_history (document));
  return document;
}

WaymarkDocument *
fixture_profile_document (void)
{
  WaymarkDocument *document = fixture_small_document ();
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_fact_free);
  const char * const goals[] = { "Een job vinden die past", "Zelf het tempo bepalen", NULL };
  const char * const needs[] = { "Eén aanspreekpunt", "", "Lessen na de werkuren", NULL };
  const char * const frustrations[] = { "Folders vol jargon", "Te laat nieuws over de start",
                                        "Lange wachtlijsten", "Formulieren op papier",
                                        "Geen kinderopvang", "Dure boeken",
                                        "Lessen die uitvallen", "Geen stageplek", NULL };

  waymark_document_set_text (document, "p", WAYMARK_FIELD_QUOTE,
                             "Ik wil gewoon weten wat er na de opleiding komt.");
  waymark_document_set_list (document, "p", WAYMARK_FIELD_GOALS, goals);
  waymark_document_set_list (document, "p", WAYMARK_FIELD_NEEDS, needs);
  waymark_document_set_list (document, "p", WAYMARK_FIELD_FRUSTRATIONS, frustrations);
  g_ptr_array_add (facts, waymark_fact_new ("Leeftijd", "34"));
  g_ptr_array_add (facts, waymark_fact_new ("Woont", "Gent, met twee kinderen"));
  waymark_document_set_facts (document, "p", facts);
  waymark_history_clear (waymark_document_get_history (document));
  return document;
}

WaymarkDocument *
fixture_stress_document (void)
{
  WaymarkDocument *document = waymark_document_new ();
  WaymarkPersona *persona;
  WaymarkCard *card;

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE,
                             "Stress — Ünïcödé, 😀 emoji, עברית, العربية, 中文");
  waymark_document_set_text (document, NULL, WAYMARK_FIELD_AUTHOR, "Test Suite");
  waymark_document_set_int (document, NULL, WAYMARK_FIELD_COLUMN_WIDTH, 170);
  waymark_document_insert_tag (document, waymark_tag_new ("t1", "Geld", "#cc3300"), -1);
  waymark_document_insert_tag (document, waymark_tag_new ("t2", "Tijd", "#3f8f8f"), -1);
  waymark_document_insert_tag (document,
                               waymark_tag_new ("t3", "Een heel erg lange tagnaam die niet past",
                                                "#8e6bb0"), -1);

  persona = waymark_persona_new ("s1", "Maximiliaan Theodoor van Oosterwijk-Bergenhuizen, "
                                       "de eeuwige student");
  set_string (&persona->ambition, "Wil álles leren: van 🚀 raketbouw tot 日本語 en עִבְרִית");
  set_string (&persona->description,
              "Een persona met veel te veel tekst in elk veld, om te zien dat niets uit zijn "
              "vak loopt.");
  set_string (&persona->color, "#e69f00");
  add_phase (persona, "s1-f1", "Een fase met een bijzonder lange naam die over meerdere "
                               "regels moet afbreken");
  add_phase (persona, "s1-f2", "中文阶段");
  add_phase (persona, "s1-f3", "مرحلة");
  add_phase (persona, "s1-f4", "Ω≈ç√∫");
  add_lane (persona, "s1-act", "Acties met een lange lane-naam", WAYMARK_LANE_ACTIONS);
  add_lane (persona, "s1-th", "Gedachten", WAYMARK_LANE_THOUGHTS);
  add_lane (persona, "s1-emo", "Beleving", WAYMARK_LANE_EMOTIONS);
  add_lane (persona, "s1-bar", "Drempels", WAYMARK_LANE_BARRIERS);
  add_lane (persona, "s1-lev", "Hefbomen", WAYMARK_LANE_LEVERS);
  add_lane (persona, "s1-note", "Notities (leeg)", WAYMARK_LANE_NOTES);
  add_lane (persona, "s1-tp", "Touchpoints", WAYMARK_LANE_TOUCHPOINTS);

  add_card (persona, "s1-c1", "s1-act", "s1-f1",
            "Supercalifragilisticexpialidocious-onafgebrokenwoordzonderspatiesdatnooitpastindekaart");
  card = add_card (persona, "s1-c2", "s1-act", "s1-f1",
                   "Lange tekst: Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
                   "eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim "
                   "veniam, quis nostrud exercitation ullamco laboris.\nMet een tweede alinea.");
  set_string (&card->evidence, "Interview 7: “Ik wist niet waar ik moest beginnen.”");
  card = add_card (persona, "s1-c3", "s1-act", "s1-f2", "跨越三个阶段的卡片：学习中文很有趣 🎉");
  card->span = 3;
  card = add_card (persona, "s1-c4", "s1-act", "s1-f2", "Eigen kleur");
  set_string (&card->color, "#ffeeaa");
  card = add_card (persona, "s1-c5", "s1-act", "s1-f4", "Donkere eigen kleur");
  set_string (&card->color, "#203040");
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("s1-crowd%d", i);
      g_autofree char *text = g_strdup_printf ("Volle cel, kaart %d ✓", i + 1);

      add_card (persona, id, "s1-th", "s1-f3", text);
    }
  add_card (persona, "s1-c6", "s1-th", "s1-f1", "“Waarom is dit zo moeilijk?” 🤔");
  add_card (persona, "s1-c7", "s1-th", "s1-f3", "שלום עולם, זה טקסט בעברית שמתפרש על כמה שורות");
  add_card (persona, "s1-c8", "s1-th", "s1-f4", "مرحبا بالعالم، هذا نص عربي طويل بعض الشيء");
  card = add_card (persona, "s1-c9", "s1-bar", "s1-f1", "Kosten lopen op");
  set_tags (card, "t1", "t2", "t3", NULL);
  card = add_card (persona, "s1-c10", "s1-bar", "s1-f2", "Spant twee fasen: wachtlijst");
  card->span = 2;
  card = add_card (persona, "s1-c11", "s1-bar", "s1-f2", "Onder de spanner");
  card = add_card (persona, "s1-c12", "s1-lev", "s1-f4", "Span groter dan er fasen zijn");
  card->span = 9;
  add_card (persona, "s1-c13", "s1-lev", "s1-f1", "Beurs 💶 aanvragen");
  add_card (persona, "s1-c14", "s1-tp", "s1-f3", "App • Website • Loket");
  add_point (persona, "s1-emo", "s1-f1", 2, "Enthousiast, met een label dat te lang is om op "
                                            "twee regels te passen bij deze breedte echt waar");
  add_point (persona, "s1-emo", "s1-f2", -2, "下降");
  add_point (persona, "s1-emo", "s1-f4", 1, "🙂");
  waymark_document_insert_persona (document, persona, -1);

  persona = waymark_persona_new ("s2", "Tweede");
  add_phase (persona, "s2-f1", "Enige fase");
  add_lane (persona, "s2-act", "Acties", WAYMARK_LANE_ACTIONS);
  add_card (persona, "s2-c1", "s2-act", "s2-f1", "Alleen");
  waymark_document_insert_persona (document, persona, -1);

  return document;
}

WaymarkDocument *
fixture_every_kind_document (void)
{
  WaymarkDocument *document = waymark_document_new ();
  WaymarkPersona *persona = waymark_persona_new ("k", "Kim");

  add_phase (persona, "f1", "Eerste");
  add_phase (persona, "f2", "Tweede");
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      const char *name = waymark_lane_kind_to_string (k);
      g_autofree char *card_id = g_strconcat ("card-", name, NULL);

      add_lane (persona, name, waymark_lane_kind_get_label (k), k);
      if (waymark_lane_kind_holds_cards (k))
        add_card (persona, card_id, name, "f1", waymark_lane_kind_get_label (k));
      if (waymark_lane_kind_holds_emotions (k))
        {
          add_point (persona, name, "f1", -1, NULL);
          add_point (persona, name, "f2", 2, NULL);
        }
    }
  waymark_document_insert_persona (document, persona, -1);
  return document;
}

WaymarkDocument *
fixture_load_example (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  WaymarkDocument *document;

  path = g_build_filename (root != NULL ? root : ".", "data", "examples",
                           "levenslang-leren.waymark", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  file = g_file_new_for_path (path);
  document = waymark_format_load_file (file, &error);
  g_assert_no_error (error);
  return document;
}

guint
fixture_recommendation_pages (WaymarkDocument *document)
{
  g_autoptr (WaymarkReport) report = NULL;

  if (waymark_document_get_recommendations (document)->len == 0)
    return 0;
  report = waymark_report_new (document, NULL);
  return waymark_report_get_n_pages (report) + 1;
}

/* Realistic text: phrases from journey maps, in Dutch and English, so
 * that line breaking and shaping cost what they cost in real maps. */
static const char *const words[] = {
  "opleiding", "cursist", "aanbod", "werkgever", "subsidie", "inschrijving", "traject",
  "begeleiding", "planning", "evaluatie", "erkenning", "kwalificatie", "stage", "lesgever",
  "financiering", "doelgroep", "vacature", "sector", "partner", "website", "informatie",
  "the", "learner", "compares", "providers", "and", "asks", "for", "advice", "about",
  "costs", "schedule", "certificate", "onboarding", "feedback", "survey", "waiting", "list",
  "wil", "zoekt", "vraagt", "vindt", "mist", "twijfelt", "over", "de", "het", "een", "van",
  "met", "voor", "naar", "bij", "snel", "duidelijk", "moeilijk", "betaalbaar", "flexibel",
};

static char *
make_sentence (GRand *rand,
               int    min_words,
               int    max_words)
{
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (rand, min_words, max_words + 1);

  for (int i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i > 0)
        g_string_append_c (s, ' ');
      if (i == 0)
        {
          g_autofree char *cap = g_strdup (word);

          cap[0] = g_ascii_toupper (cap[0]);
          g_string_append (s, cap);
        }
      else
        g_string_append (s, word);
    }
  return g_string_free (s, FALSE);
}

WaymarkDocument *
fixture_generate (guint   n_personas,
                  guint   n_phases,
                  guint   n_lanes,
                  double  cards_per_cell,
                  guint32 seed)
{
  static const WaymarkLaneKind kinds[] = {
    WAYMARK_LANE_ACTIONS, WAYMARK_LANE_THOUGHTS, WAYMARK_LANE_EMOTIONS,
    WAYMARK_LANE_TOUCHPOINTS, WAYMARK_LANE_BARRIERS, WAYMARK_LANE_LEVERS, WAYMARK_LANE_NOTES,
  };
  static const char *const colors[] = { "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00" };
  WaymarkDocument *document = waymark_document_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint card_number = 0;

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Generated journey map");
  waymark_document_set_text (document, NULL, WAYMARK_FIELD_AUTHOR, "Waymark benchmark");
  waymark_document_insert_tag (document, waymark_tag_new ("tag-money", "Geld", "#cc3300"), -1);
  waymark_document_insert_tag (document, waymark_tag_new ("tag-time", "Tijd", "#3f8f8f"), -1);

  for (guint p = 0; p < n_personas; p++)
    {
      g_autofree char *pid = g_strdup_printf ("persona-%u", p + 1);
      g_autofree char *pname = g_strdup_printf ("Persona %u", p + 1);
      WaymarkPersona *persona = waymark_persona_new (pid, pname);
      g_autofree char *ambition = make_sentence (rand, 6, 12);

      set_string (&persona->ambition, ambition);
      set_string (&persona->color, colors[p % G_N_ELEMENTS (colors)]);
      for (guint f = 0; f < n_phases; f++)
        {
          g_autofree char *id = g_strdup_printf ("p%u-phase-%u", p + 1, f + 1);
          g_autofree char *name = make_sentence (rand, 1, 3);

          add_phase (persona, id, name);
        }
      for (guint l = 0; l < n_lanes; l++)
        {
          g_autofree char *id = g_strdup_printf ("p%u-lane-%u", p + 1, l + 1);
          g_autofree char *name = make_sentence (rand, 1, 2);

          add_lane (persona, id, name, kinds[l % G_N_ELEMENTS (kinds)]);
        }
      for (guint l = 0; l < n_lanes; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          for (guint f = 0; f < n_phases; f++)
            {
              WaymarkPhase *phase = g_ptr_array_index (persona->phases, f);

              if (lane->kind == WAYMARK_LANE_EMOTIONS)
                {
                  g_autofree char *label = make_sentence (rand, 1, 2);

                  add_point (persona, lane->base.id, phase->base.id,
                             g_rand_int_range (rand, -2, 3), label);
                  continue;
                }
              /* Poisson-ish: whole cards plus a chance of one more. */
              for (double c = cards_per_cell; c > 0; c -= 1)
                {
                  g_autofree char *id = NULL;
                  g_autofree char *text = NULL;
                  WaymarkCard *card;

                  if (c < 1 && g_rand_double (rand) > c)
                    break;
                  id = g_strdup_printf ("card-%u", ++card_number);
                  text = make_sentence (rand, 3, 16);
                  card = add_card (persona, id, lane->base.id, phase->base.id, text);
                  if (g_rand_int_range (rand, 0, 10) == 0)
                    set_tags (card, "tag-money", NULL);
                  if (g_rand_int_range (rand, 0, 15) == 0 && f + 1 < n_phases)
                    card->span = 2;
                }
            }
        }
      waymark_document_insert_persona (document, persona, -1);
    }
  return document;
}

double
fixture_image_difference (cairo_surface_t *a,
                          cairo_surface_t *b,
                          int              threshold)
{
  int width, height, stride_a, stride_b;
  const guint8 *da, *db;
  guint64 differing = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  width = cairo_image_surface_get_width (a);
  height = cairo_image_surface_get_height (a);
  if (width != cairo_image_surface_get_width (b) || height != cairo_image_surface_get_height (b)
      || width == 0 || height == 0)
    return 1.0;

  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  stride_a = cairo_image_surface_get_stride (a);
  stride_b = cairo_image_surface_get_stride (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (const void *) (da + y * stride_a);
      const guint32 *rb = (const guint32 *) (const void *) (db + y * stride_b);

      for (int x = 0; x < width; x++)
        {
          guint32 pa = ra[x], pb = rb[x];

          for (int shift = 0; shift < 32; shift += 8)
            if (abs ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)) > threshold)
              {
                differing++;
                break;
              }
        }
    }
  return (double) differing / ((double) width * height);
}

/* The fonts tests/fonts/fonts.conf pins, and the Debian packages that
 * install them. */
static const struct {
  const char *path;
  const char *package;
} test_fonts[] = {
  { "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core" },
  { "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "fonts-droid-fallback" },
  { "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", "fonts-symbola" },
};

const char *
fixture_why_no_test_fonts (void)
{
  static char *why = NULL;

  if (g_getenv ("FONTCONFIG_FILE") == NULL)
    return "FONTCONFIG_FILE is not set, so the fonts are not pinned: run the test with "
           "`meson test`, which points it at tests/fonts/fonts.conf";
  for (guint i = 0; i < G_N_ELEMENTS (test_fonts); i++)
    if (!g_file_test (test_fonts[i].path, G_FILE_TEST_EXISTS))
      {
        g_free (why);
        why = g_strdup_printf ("the golden images were made with %s, which is not installed "
                               "(Debian package %s)", test_fonts[i].path, test_fonts[i].package);
        return why;
      }
  return NULL;
}

/* The regions
 *
 * A wrong colour on one card changes few pixels, far fewer than the
 * pixel count allows for font rasterisation. The mean colour of a small
 * region barely moves when glyph edges are drawn a little differently,
 * but moves a lot when a card, a lane or a marker has another colour:
 * a barrier card in the action blue moves its card's mean by 15 to 21
 * levels and its lane header's by 26. Drawing all text with slight
 * hinting instead of none (a bigger change than between FreeType builds,
 * and one that already fails the pixel count on three of the seven
 * goldens) moves no region by more than 5. */
#define CHANNEL_THRESHOLD 40      /* a pixel differs when a channel differs by more */
#define ALLOWED_FRACTION  0.004   /* of the image's pixels that may differ */
#define TILE              24      /* pixels; every tile is a region */
#define MAX_MEAN_SHIFT    6.0     /* levels of 255, in a region's mean colour */

typedef struct {
  char       *name;
  WaymarkRect rect;               /* pixels */
} Region;

static void
region_clear (gpointer data)
{
  g_free (((Region *) data)->name);
}

GArray *
fixture_regions_new (void)
{
  GArray *regions = g_array_new (FALSE, FALSE, sizeof (Region));

  g_array_set_clear_func (regions, region_clear);
  return regions;
}

void
fixture_regions_add (GArray            *regions,
                     const WaymarkRect *rect,
                     double             scale,
                     const char        *format,
                     ...)
{
  Region region;
  va_list args;
  double x0 = ceil (rect->x * scale), y0 = ceil (rect->y * scale);
  double x1 = floor ((rect->x + rect->width) * scale);
  double y1 = floor ((rect->y + rect->height) * scale);

  /* Whole pixels inside the rectangle: its antialiased edge is the
   * neighbours' business. */
  if (x1 <= x0 || y1 <= y0)
    return;
  va_start (args, format);
  region.name = g_strdup_vprintf (format, args);
  va_end (args);
  region.rect = (WaymarkRect) { x0, y0, x1 - x0, y1 - y0 };
  g_array_append_val (regions, region);
}

GArray *
fixture_layout_regions (WaymarkLayout *layout,
                        double         scale)
{
  GArray *regions = fixture_regions_new ();

  for (guint i = 0; i < layout->lanes->len; i++)
    {
      WaymarkLayoutLane *lane = g_ptr_array_index (layout->lanes, i);

      fixture_regions_add (regions, &lane->header, scale, "header of lane %s", lane->id);
      fixture_regions_add (regions, &lane->row, scale, "row of lane %s", lane->id);
      for (guint p = 0; lane->points != NULL && p < lane->points->len; p++)
        {
          WaymarkLayoutEmotion *point = &g_array_index (lane->points, WaymarkLayoutEmotion, p);

          fixture_regions_add (regions, &point->marker, scale, "emotion point of lane %s in %s",
                               lane->id, point->phase_id);
        }
    }
  for (guint i = 0; i < layout->cards->len; i++)
    {
      WaymarkLayoutCard *card = g_ptr_array_index (layout->cards, i);

      fixture_regions_add (regions, &card->rect, scale, "card %s", card->id);
    }
  return regions;
}

double
fixture_region_mean_shift (cairo_surface_t   *a,
                           cairo_surface_t   *b,
                           const WaymarkRect *rect)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int x0 = CLAMP ((int) rect->x, 0, width), y0 = CLAMP ((int) rect->y, 0, height);
  int x1 = CLAMP ((int) (rect->x + rect->width), 0, width);
  int y1 = CLAMP ((int) (rect->y + rect->height), 0, height);
  const guint8 *da, *db;
  int stride_a, stride_b;
  gint64 sums[4] = { 0, };
  double worst = 0;

  if (x1 <= x0 || y1 <= y0)
    return 0;
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  da = cairo_image_surface_get_data (a);
  db = cairo_image_surface_get_data (b);
  stride_a = cairo_image_surface_get_stride (a);
  stride_b = cairo_image_surface_get_stride (b);
  for (int y = y0; y < y1; y++)
    {
      const guint32 *ra = (const guint32 *) (const void *) (da + y * stride_a);
      const guint32 *rb = (const guint32 *) (const void *) (db + y * stride_b);

      for (int x = x0; x < x1; x++)
        for (int c = 0; c < 4; c++)
          sums[c] += (gint64) ((ra[x] >> (8 * c)) & 0xff) - (gint64) ((rb[x] >> (8 * c)) & 0xff);
    }
  for (int c = 0; c < 4; c++)
    worst = MAX (worst, fabs ((double) sums[c] / ((double) (x1 - x0) * (y1 - y0))));
  return worst;
}

/* A PNG as ARGB32, whatever it was stored as (a PNG may load as RGB24). */
static cairo_surface_t *
load_png_argb (const char *path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  cairo_surface_t *converted;
  cairo_t *cr;

  if (cairo_surface_status (png) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (png);
      return NULL;
    }
  converted = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (png),
                                          cairo_image_surface_get_height (png));
  cr = cairo_create (converted);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (png);
  return converted;
}

/* Checks @regions and every tile of the image; appends the ones whose
 * mean colour moved too far to @failures, and returns the largest shift. */
static double
compare_regions (cairo_surface_t *actual,
                 cairo_surface_t *expected,
                 GArray          *regions,
                 GString         *failures)
{
  g_autoptr (GArray) all = fixture_regions_new ();
  int width = cairo_image_surface_get_width (actual);
  int height = cairo_image_surface_get_height (actual);
  guint n_failed = 0;
  double worst = 0;

  for (guint i = 0; regions != NULL && i < regions->len; i++)
    {
      Region *region = &g_array_index (regions, Region, i);

      fixture_regions_add (all, &region->rect, 1, "%s", region->name);
    }
  for (int y = 0; y < height; y += TILE)
    for (int x = 0; x < width; x += TILE)
      {
        WaymarkRect tile = { x, y, MIN (TILE, width - x), MIN (TILE, height - y) };

        fixture_regions_add (all, &tile, 1, "the tile at %d,%d", x, y);
      }

  for (guint i = 0; i < all->len; i++)
    {
      Region *region = &g_array_index (all, Region, i);
      double shift = fixture_region_mean_shift (actual, expected, &region->rect);

      worst = MAX (worst, shift);
      if (shift > MAX_MEAN_SHIFT && n_failed++ < 8)
        g_string_append_printf (failures, "\n  %s (%g,%g %gx%g px): mean colour off by %.1f",
                                region->name, region->rect.x, region->rect.y,
                                region->rect.width, region->rect.height, shift);
    }
  if (n_failed > 8)
    g_string_append_printf (failures, "\n  and %u more regions", n_failed - 8);
  return worst;
}

void
fixture_assert_golden (const char      *name,
                       cairo_surface_t *actual,
                       GArray          *regions)
{
  g_autofree char *file_name = g_strconcat (name, ".png", NULL);
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "golden", file_name, NULL);
  g_autoptr (GString) failures = g_string_new (NULL);
  cairo_surface_t *expected;
  double fraction, worst = 0;

  if (g_strcmp0 (g_getenv ("WAYMARK_UPDATE_GOLDEN"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (actual, golden_path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", golden_path);
      return;
    }

  expected = load_png_argb (golden_path);
  if (expected == NULL)
    {
      g_test_message ("no golden image %s; run with WAYMARK_UPDATE_GOLDEN=1", golden_path);
      g_test_fail ();
      return;
    }

  fraction = fixture_image_difference (actual, expected, CHANNEL_THRESHOLD);
  if (fraction > ALLOWED_FRACTION)
    g_string_append_printf (failures, "\n  %.2f%% of its pixels differ (allowed %.2f%%)",
                            fraction * 100, ALLOWED_FRACTION * 100);
  if (fraction < 1.0)  /* the same size */
    worst = compare_regions (actual, expected, regions, failures);
  g_test_message ("%s: %.4f%% of pixels differ, region mean colours by up to %.2f", name,
                  fraction * 100, worst);

  if (failures->len > 0)
    {
      g_autofree char *actual_name = g_strconcat (name, "-actual.png", NULL);
      g_autofree char *actual_path = g_test_build_filename (G_TEST_BUILT, actual_name, NULL);

      cairo_surface_write_to_png (actual, actual_path);
      g_test_message ("%s differs from %s (see %s):%s", name, golden_path, actual_path,
                      failures->str);
      g_test_fail ();
    }
  cairo_surface_destroy (expected);
}

char *
fixture_run_tool (int        *status,
                  const char *first,
                  ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (first);
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  va_list args;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", first);

      g_test_skip (message);
      return NULL;
    }
  g_ptr_array_add (argv, program);
  va_start (args, first);
  for (const char *arg = va_arg (args, const char *); arg != NULL;
       arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  else if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("%s failed: %s%s", first, out, err);
  return out;
}

char *
fixture_squeeze (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  GString *s = g_string_new (NULL);

  for (const char *p = normal; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* waymark-table-import-recommendations.c: the recommendations and domains of a table
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-table-import-private.h"

/* A recommendation is a row of its own, with a number that the cards'
 * "addressed by" cells name; a domain is known by its name, and a row
 * with only a domain keeps one that has no recommendations
 * (docs/spreadsheets.md). */

struct _ImportDomain {
  char  *name;
  guint  row;
  char  *color;
  guint  color_row;
  char  *id;
};

/* A link to a card, resolved once every row is read. */
typedef struct {
  ImportEntry *entry;
  int          rank;
} ImportCardRef;

struct _ImportRecommendation {
  guint          row;
  int            number;
  char          *title;
  char          *description;
  ImportDomain  *domain;    /* NULL: in none */
  WaymarkStatus  status;
  char          *owner;
  int            value;
  int            effort;
  GArray        *cards;     /* ImportCardRef */
};

void
waymark_table_import_domain_free (ImportDomain *domain)
{
  g_free (domain->name);
  g_free (domain->color);
  g_free (domain->id);
  g_free (domain);
}

void
waymark_table_import_recommendation_free (ImportRecommendation *recommendation)
{
  g_free (recommendation->title);
  g_free (recommendation->description);
  g_free (recommendation->owner);
  g_array_unref (recommendation->cards);
  g_free (recommendation);
}

/* The numbers of an "addressed by" cell, once each: "2; 5", "2#3"
 * (the third card of recommendation 2); NULL for an empty cell. */
GArray *
waymark_table_import_read_links (Import     *import,
                                 guint       row,
                                 const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value, ";", -1);
  GArray *links = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *rank = strchr (part, LINK_RANK);
      guint64 number, place = 0;
      ImportLink link;
      gboolean seen = FALSE;

      if (part[0] == '\0')
        continue;
      if (rank != NULL)
        *rank++ = '\0';
      if (!g_ascii_string_to_unsigned (g_strstrip (part), 10, 1, 1000000, &number, NULL) ||
          (rank != NULL &&
           !g_ascii_string_to_unsigned (g_strstrip (rank), 10, 1, WAYMARK_LIMIT_LINKS, &place,
                                        NULL)))
        {
          waymark_table_import_add_problem (import, row, PROBLEM_INVALID,
                                            _("“%s” in “addressed by” is not a recommendation's "
                                              "number (such as 3, or 3#2 for its second card)"),
                                            g_strstrip (parts[i]));
          continue;
        }
      if (links == NULL)
        links = g_array_new (FALSE, FALSE, sizeof (ImportLink));
      for (guint l = 0; l < links->len; l++)
        seen |= g_array_index (links, ImportLink, l).number == (int) number;
      if (seen)
        continue;
      link = (ImportLink) { (int) number, (int) place };
      g_array_append_val (links, link);
    }
  return links;
}

/* The journeys' columns and the recommendations': a row holds either. */
static const Column journey_columns[] = {
  COL_PERSONA, COL_PHASE, COL_PHASE_ORDER, COL_LANE, COL_LANE_KIND, COL_ORDER, COL_TEXT,
  COL_TAGS, COL_SCORE, COL_LABEL, COL_EVIDENCE, COL_SPAN, COL_AMBITION, COL_PERSONA_COLOR,
  COL_SCALE_MIN, COL_SCALE_MAX, COL_ADDRESSED_BY, COL_LANE_ORDER,
};
/* The domain's two first: a domain's own row may have them. */
static const Column recommendation_columns[] = {
  COL_DOMAIN, COL_DOMAIN_COLOR, COL_TITLE, COL_DESCRIPTION, COL_STATUS, COL_OWNER, COL_VALUE,
  COL_EFFORT,
};
#define N_DOMAIN_COLUMNS 2

/* The first of @columns the row has a cell in, or -1. */
static int
first_of (const RowCells *cells,
          const Column   *columns,
          guint           n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    if (has (cells, columns[i]))
      return (int) columns[i];
  return -1;
}

/* Statuses by their file name ("in-progress") or English label ("In
 * progress"), in any case, with spaces or "-". */
static gboolean
parse_status (const char    *value,
              WaymarkStatus *status)
{
  g_autofree char *name = g_utf8_strdown (value, -1);

  g_strstrip (name);
  g_strdelimit (name, " _", '-');
  return waymark_status_from_string (name, status);
}

static ImportDomain *
get_domain (Import     *import,
            const char *name,
            guint       row)
{
  ImportDomain *domain = g_hash_table_lookup (import->domain_by_name, name);

  if (domain != NULL)
    return domain;
  if (waymark_table_import_over_limit (import, row, import->domains->len, WAYMARK_LIMIT_DOMAINS,
                                       &import->too_many_domains,
                                       _("the table has more than %d domains, the most Waymark "
                                         "holds"), WAYMARK_LIMIT_DOMAINS))
    return NULL;
  domain = g_new0 (ImportDomain, 1);
  domain->name = g_strdup (name);
  domain->row = row;
  domain->color = g_strdup ("");
  g_ptr_array_add (import->domains, domain);
  g_hash_table_insert (import->domain_by_name, domain->name, domain);
  return domain;
}

/* The row's domain, with its colour; NULL when it names none or cannot
 * be read (*@ok FALSE). */
static ImportDomain *
read_domain (Import   *import,
             guint     row,
             RowCells *cells,
             gboolean *ok)
{
  ImportDomain *domain;
  g_autofree char *color = NULL;

  *ok = TRUE;
  if (!has (cells, COL_DOMAIN))
    {
      if (has (cells, COL_DOMAIN_COLOR))
        {
          waymark_table_import_add_problem (import, row, PROBLEM_INVALID,
                                            _("the row has a domain color but no domain"));
          *ok = FALSE;
        }
      return NULL;
    }
  domain = get_domain (import, cells->cells[COL_DOMAIN], row);
  if (domain == NULL)
    {
      *ok = FALSE;
      return NULL;
    }
  color = g_ascii_strdown (cells->cells[COL_DOMAIN_COLOR], -1);
  waymark_table_import_set_shared_value (import, row, domain->name, _("color"), &domain->color,
                                         &domain->color_row, color);
  return domain;
}

/* A recommendation's row: its number, what it says and scores, its
 * domain; the cards it addresses say so on their own rows. */
static void
read_recommendation (Import   *import,
                     guint     row,
                     RowCells *cells)
{
  int journey = first_of (cells, journey_columns, G_N_ELEMENTS (journey_columns));
  ImportRecommendation *recommendation;
  ImportDomain *domain;
  WaymarkStatus status = WAYMARK_STATUS_OPEN;
  gboolean ok;

  if (journey >= 0)
    {
      waymark_table_import_add_problem (import, row, PROBLEM_INVALID,
                                        _("a recommendation's row has no “%s”: cards and "
                                          "recommendations are on rows of their own, and a card's "
                                          "“addressed by” names the recommendations"),
                                        waymark_table_import_column_name (import, journey));
      return;
    }
  recommendation = g_hash_table_lookup (import->recommendation_by_number,
                                        GINT_TO_POINTER (cells->number));
  if (recommendation != NULL)
    {
      waymark_table_import_add_problem (import, row, PROBLEM_INVALID,
                                        _("recommendation %d is on row %u already"),
                                        cells->number, recommendation->row);
      return;
    }
  if (has (cells, COL_STATUS) && !parse_status (cells->cells[COL_STATUS], &status))
    {
      g_autofree char *statuses = waymark_status_dup_name_list ();

      /* TRANSLATORS: the second %s lists the statuses, "open, … or dropped" */
      waymark_table_import_add_problem (import, row, PROBLEM_INVALID,
                                        _("unknown status “%s” (use %s)"),
                                        cells->cells[COL_STATUS], statuses);
      return;
    }
  domain = read_domain (import, row, cells, &ok);
  if (!ok ||
      waymark_table_import_over_limit (import, row, import->recommendations->len,
                                       WAYMARK_LIMIT_RECOMMENDATIONS,
                                       &import->too_many_recommendations,
                                       _("the table has more than %d recommendations, the most "
                                         "Waymark holds"), WAYMARK_LIMIT_RECOMMENDATIONS))
    return;

  recommendation = g_new0 (ImportRecommendation, 1);
  recommendation->row = row;
  recommendation->number = cells->number;
  recommendation->title = g_steal_pointer (&cells->cells[COL_TITLE]);
  recommendation->description = g_steal_pointer (&cells->cells[COL_DESCRIPTION]);
  recommendation->domain = domain;
  recommendation->status = status;
  recommendation->owner = g_steal_pointer (&cells->cells[COL_OWNER]);
  recommendation->value = cells->value;
  recommendation->effort = cells->effort;
  recommendation->cards = g_array_new (FALSE, FALSE, sizeof (ImportCardRef));
  g_ptr_array_add (import->recommendations, recommendation);
  g_hash_table_insert (import->recommendation_by_number, GINT_TO_POINTER (cells->number),
                       recommendation);
}

/* A row without a persona or a recommendation that names a domain
 * declares it, so that a domain without recommendations is kept. */
static void
read_domain_row (Import   *import,
                 guint     row,
                 RowCells *cells)
{
  int other = first_of (cells, recommendation_columns + N_DOMAIN_COLUMNS,
                        G_N_ELEMENTS (recommendation_columns) - N_DOMAIN_COLUMNS);
  gboolean ok;

  if (other >= 0)
    {
      waymark_table_import_add_problem (import, row, PROBLEM_INVALID,
                                        _("the row has a “%s” but no “recommendation” number"),
                                        waymark_table_import_column_name (import, other));
      return;
    }
  read_domain (import, row, cells, &ok);
}

gboolean
waymark_table_import_read_recommendation_row (Import   *import,
                                              guint     row,
                                              RowCells *cells)
{
  int other;

  if (has (cells, COL_RECOMMENDATION))
    {
      read_recommendation (import, row, cells);
      return TRUE;
    }
  if (!has (cells, COL_PERSONA))
    {
      /* Else the journey's row lacks its persona: the caller says so. */
      if ((!has (cells, COL_DOMAIN) && !has (cells, COL_DOMAIN_COLOR)) ||
          first_of (cells, journey_columns, G_N_ELEMENTS (journey_columns)) >= 0)
        return FALSE;
      read_domain_row (import, row, cells);
      return TRUE;
    }
  other = first_of (cells, recommendation_columns, G_N_ELEMENTS (recommendation_columns));
  if (other < 0)
    return FALSE;
  waymark_table_import_add_problem (import, row, PROBLEM_INVALID,
                                    _("the “%s” cell belongs on a recommendation's row, which has "
                                      "a “recommendation” number and no persona"),
                                    waymark_table_import_column_name (import, other));
  return TRUE;
}

/* Every "addressed by" names a recommendation that has a row of its
 * own, from a card's row (an emotion point is not addressed); each
 * recommendation learns its cards. */
void
waymark_table_import_check_links (Import *import)
{
  for (guint p = 0; p < import->personas->len; p++)
    {
      ImportPersona *persona = g_ptr_array_index (import->personas, p);

      for (guint i = 0; i < persona->entries->len; i++)
        {
          ImportEntry *entry = g_ptr_array_index (persona->entries, i);

          if (entry->links == NULL)
            continue;
          if (waymark_lane_kind_holds_emotions (entry->lane->kind))
            {
              waymark_table_import_add_problem (import, entry->row, PROBLEM_INVALID,
                                                _("“%s” is an emotions lane: recommendations "
                                                  "address cards, not its points"),
                                                entry->lane->name);
              continue;
            }
          for (guint l = 0; l < entry->links->len; l++)
            {
              const ImportLink *link = &g_array_index (entry->links, ImportLink, l);
              ImportRecommendation *recommendation =
                g_hash_table_lookup (import->recommendation_by_number,
                                     GINT_TO_POINTER (link->number));
              ImportCardRef card = { entry, link->rank };

              if (recommendation == NULL)
                {
                  waymark_table_import_add_problem (import, entry->row, PROBLEM_INVALID,
                                                    _("no row is recommendation %d, which "
                                                      "“addressed by” names"), link->number);
                  continue;
                }
              if (recommendation->cards->len == WAYMARK_LIMIT_LINKS)
                waymark_table_import_add_problem (import, entry->row, PROBLEM_TOO_LARGE,
                                                  _("recommendation %d addresses more than %d "
                                                    "cards, the most Waymark holds"),
                                                  link->number, WAYMARK_LIMIT_LINKS);
              g_array_append_val (recommendation->cards, card);
            }
        }
    }
}

/* A recommendation's cards: those with a place in its list by their
 * place, then the others in the order of the map. */
static int
compare_card_refs (gconstpointer a,
                   gconstpointer b)
{
  const ImportCardRef *ra = a, *rb = b;

  if ((ra->rank == 0) != (rb->rank == 0))
    return ra->rank == 0 ? 1 : -1;
  if (ra->rank != rb->rank)
    return ra->rank < rb->rank ? -1 : 1;
  return ra->entry->position < rb->entry->position ? -1 : ra->entry->position > rb->entry->position;
}

/* The domains, then the recommendations in them in the order of their
 * rows; after the personas, whose cards they address. */
gboolean
waymark_table_import_build_recommendations (Import          *import,
                                            WaymarkDocument *document)
{
  for (guint i = 0; i < import->domains->len; i++)
    {
      ImportDomain *domain = g_ptr_array_index (import->domains, i);
      const char *id = waymark_document_insert_domain (document,
                                                       waymark_domain_new (NULL, domain->name,
                                                                           domain->color),
                                                       -1);

      if (id == NULL)
        return FALSE;
      domain->id = g_strdup (id);
    }

  for (guint i = 0; i < import->recommendations->len; i++)
    {
      ImportRecommendation *source = g_ptr_array_index (import->recommendations, i);
      WaymarkRecommendation *recommendation = waymark_recommendation_new (NULL, source->title);
      g_autoptr (GStrvBuilder) cards = g_strv_builder_new ();

      g_array_sort (source->cards, compare_card_refs);
      for (guint c = 0; c < source->cards->len; c++)
        g_strv_builder_add (cards, g_array_index (source->cards, ImportCardRef, c).entry->card_id);
      g_strfreev (recommendation->cards);
      recommendation->cards = g_strv_builder_end (cards);
      g_free (recommendation->description);
      recommendation->description = g_strdup (source->description);
      g_free (recommendation->domain_id);
      recommendation->domain_id = g_strdup (source->domain != NULL ? source->domain->id : "");
      recommendation->status = source->status;
      g_free (recommendation->owner);
      recommendation->owner = g_strdup (source->owner);
      recommendation->value = source->value;
      recommendation->effort = source->effort;
      if (waymark_document_insert_recommendation (document, recommendation, -1) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* waymark-format-limits.c: the document limits, counted while libxml2 parses
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Resource limits (waymark-limits.h, docs/safety.md), counted as the
 * parser reads (waymark-format-parse.c calls in from its SAX callbacks),
 * so that a hostile file stops before its tree grows: the tree is never
 * bigger than the limits. tests/test-limits.c checks each limit.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>

#include "waymark-format-private.h"
#include "waymark-limits.h"

void
waymark_format_limits_init (WaymarkFormatLimits  *limits,
                            WaymarkFormatChecker *checker)
{
  memset (limits, 0, sizeof *limits);
  limits->checker = checker;
}

/* Reports @format, a message of this file with one %d for @limit, where
 * the parser is, and stops it. */
static void
exceed_limit (WaymarkFormatLimits *limits,
              xmlParserCtxtPtr     parser,
              const char          *format,
              int                  limit)
{
  char *message;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (format, limit);
#pragma GCC diagnostic pop
  waymark_format_report_take (limits->checker, xmlSAX2GetLineNumber (parser),
                              xmlSAX2GetColumnNumber (parser), WAYMARK_FORMAT_ERROR_TOO_LARGE,
                              message);
  xmlStopParser (parser);
}

#define PROFILE_ITEMS_MESSAGE \
  N_("a persona’s profile has more than %d goals, needs, frustrations and facts, " \
     "the most Waymark reads")

/* The elements counted by where they stand, as the reader finds them. */
static const struct {
  const char *name;
  const char *parent;  /* NULL: a child of the root */
  gsize       count;   /* the offset of its counter in WaymarkFormatLimits */
  int         limit;
  const char *message;
} counted[] = {
  { "persona", NULL, G_STRUCT_OFFSET (WaymarkFormatLimits, n_personas), WAYMARK_LIMIT_PERSONAS,
    N_("the file has more than %d personas, the most Waymark reads") },
  { "phase", "phases", G_STRUCT_OFFSET (WaymarkFormatLimits, n_phases), WAYMARK_LIMIT_PHASES,
    N_("a persona has more than %d phases, the most Waymark reads") },
  { "lane", "lanes", G_STRUCT_OFFSET (WaymarkFormatLimits, n_lanes), WAYMARK_LIMIT_LANES,
    N_("a persona has more than %d lanes, the most Waymark reads") },
  { "card", "cards", G_STRUCT_OFFSET (WaymarkFormatLimits, n_cards), WAYMARK_LIMIT_CARDS,
    N_("the file has more than %d cards, the most Waymark reads") },
  { "tag", "tags", G_STRUCT_OFFSET (WaymarkFormatLimits, n_tags), WAYMARK_LIMIT_TAGS,
    N_("the file has more than %d tags, the most Waymark reads") },
  { "domain", "domains", G_STRUCT_OFFSET (WaymarkFormatLimits, n_domains), WAYMARK_LIMIT_DOMAINS,
    N_("the file has more than %d domains, the most Waymark reads") },
  { "recommendation", "recommendations", G_STRUCT_OFFSET (WaymarkFormatLimits, n_recommendations),
    WAYMARK_LIMIT_RECOMMENDATIONS,
    N_("the file has more than %d recommendations, the most Waymark reads") },
  { "addresses", "recommendation", G_STRUCT_OFFSET (WaymarkFormatLimits, n_links),
    WAYMARK_LIMIT_LINKS,
    N_("a recommendation addresses more than %d cards, the most Waymark reads") },
  /* The four lists of a profile share one count. */
  { "goal", "profile", G_STRUCT_OFFSET (WaymarkFormatLimits, n_profile_items),
    WAYMARK_LIMIT_PROFILE_ITEMS, PROFILE_ITEMS_MESSAGE },
  { "need", "profile", G_STRUCT_OFFSET (WaymarkFormatLimits, n_profile_items),
    WAYMARK_LIMIT_PROFILE_ITEMS, PROFILE_ITEMS_MESSAGE },
  { "frustration", "profile", G_STRUCT_OFFSET (WaymarkFormatLimits, n_profile_items),
    WAYMARK_LIMIT_PROFILE_ITEMS, PROFILE_ITEMS_MESSAGE },
  { "fact", "profile", G_STRUCT_OFFSET (WaymarkFormatLimits, n_profile_items),
    WAYMARK_LIMIT_PROFILE_ITEMS, PROFILE_ITEMS_MESSAGE },
};

gboolean
waymark_format_limits_count_element (WaymarkFormatLimits  *limits,
                                     xmlParserCtxtPtr      parser,
                                     const xmlChar        *localname,
                                     int                   n_attributes,
                                     const xmlChar       **attributes)
{
  const xmlChar *parent = limits->depth > 0 ? limits->open[limits->depth - 1] : NULL;

  if (++limits->n_elements > WAYMARK_LIMIT_ELEMENTS)
    {
      exceed_limit (limits, parser, _("the file has more than %d elements, the most Waymark reads"),
                    WAYMARK_LIMIT_ELEMENTS);
      return FALSE;
    }
  if (limits->depth >= WAYMARK_LIMIT_DEPTH)
    {
      exceed_limit (limits, parser, _("elements are nested too deep (more than %d levels)"),
                    WAYMARK_LIMIT_DEPTH);
      return FALSE;
    }
  for (int i = 0; i < n_attributes; i++)
    if ((gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]) > WAYMARK_LIMIT_TEXT_LENGTH)
      {
        exceed_limit (limits, parser,
                      _("an attribute value is longer than the most Waymark reads in one text "
                        "(%d KiB)"),
                      WAYMARK_LIMIT_TEXT_LENGTH / 1024);
        return FALSE;
      }

  /* A persona starts its own count of phases and lanes, a recommendation
   * of the cards it addresses. */
  if (xmlStrEqual (localname, (const xmlChar *) "persona") && limits->depth == 1)
    limits->n_phases = limits->n_lanes = 0;
  else if (xmlStrEqual (localname, (const xmlChar *) "recommendation"))
    limits->n_links = 0;
  else if (xmlStrEqual (localname, (const xmlChar *) "profile"))
    limits->n_profile_items = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      guint *count = &G_STRUCT_MEMBER (guint, limits, counted[i].count);

      if (!xmlStrEqual (localname, (const xmlChar *) counted[i].name) ||
          (counted[i].parent == NULL ? limits->depth != 1
                                     : !xmlStrEqual (parent, (const xmlChar *) counted[i].parent)))
        continue;
      if (++*count > (guint) counted[i].limit)
        {
          exceed_limit (limits, parser, _(counted[i].message), counted[i].limit);
          return FALSE;
        }
      break;
    }

  limits->open[limits->depth++] = localname;
  limits->text_length = 0;
  return TRUE;
}

void
waymark_format_limits_end_element (WaymarkFormatLimits *limits)
{
  if (limits->depth > 0)
    limits->depth--;
  limits->text_length = 0;
}

/* Text arrives in chunks; one element's text counts as one text. */
void
waymark_format_limits_count_text (WaymarkFormatLimits *limits,
                                  xmlParserCtxtPtr     parser,
                                  int                  length)
{
  limits->text_length += (gsize) MAX (length, 0);
  if (limits->text_length > WAYMARK_LIMIT_TEXT_LENGTH)
    exceed_limit (limits, parser,
                  _("a text is longer than %d KiB, the most Waymark reads in one text"),
                  WAYMARK_LIMIT_TEXT_LENGTH / 1024);
}

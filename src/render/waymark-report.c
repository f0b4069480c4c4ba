/* waymark-report.c: the recommendations section of a report
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-report-private.h"

/* A domain without a colour of its own: a slate that sits with the inks. */
#define NO_DOMAIN_COLOR RGB (0x5b6b7d)

GPtrArray *
waymark_report_list_recommendations (WaymarkDocument *document)
{
  GPtrArray *domains = waymark_document_get_domains (document);
  GPtrArray *list = g_ptr_array_new ();

  for (guint i = 0; i <= domains->len; i++)
    {
      const char *domain_id = i < domains->len
                              ? ((WaymarkDomain *) g_ptr_array_index (domains, i))->base.id
                              : NULL;
      g_autoptr (GPtrArray) in_domain =
        waymark_document_list_domain_recommendations (document, domain_id);

      g_ptr_array_extend (list, in_domain, NULL, NULL);
    }
  return list;
}

WaymarkColor
waymark_report_domain_color (const WaymarkDomain *domain,
                             WaymarkPalette       palette)
{
  WaymarkColor color = NO_DOMAIN_COLOR;

  if (domain != NULL && domain->color[0] != '\0' && !waymark_color_parse (domain->color, &color))
    color = NO_DOMAIN_COLOR;
  return waymark_palette_filter (palette, &color);
}

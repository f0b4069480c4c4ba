/* waymark-recommendation.c: recommendations, their domains and statuses
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-catalog.h"
#include "waymark-recommendation.h"

/* The context of the status labels: "Open" is also a verb in the menus. */
#define STATUS_CONTEXT "recommendation status"

/* The rows are in enum order, which is the order of display. */
static const WaymarkStatusInfo statuses[] = {
  [WAYMARK_STATUS_OPEN] = { .name = "open", .label = NC_ ("recommendation status", "Open") },
  [WAYMARK_STATUS_IN_PROGRESS] = {
    .name = "in-progress", .label = NC_ ("recommendation status", "In Progress"),
  },
  [WAYMARK_STATUS_DONE] = { .name = "done", .label = NC_ ("recommendation status", "Done") },
  [WAYMARK_STATUS_DROPPED] = {
    .name = "dropped", .label = NC_ ("recommendation status", "Dropped"),
  },
};
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == WAYMARK_N_STATUSES);

const WaymarkStatusInfo *
waymark_status_get_info (WaymarkStatus status)
{
  g_return_val_if_fail ((guint) status < WAYMARK_N_STATUSES, &statuses[WAYMARK_STATUS_OPEN]);
  return &statuses[status];
}

const char *
waymark_status_to_string (WaymarkStatus status)
{
  return waymark_status_get_info (status)->name;
}

gboolean
waymark_status_from_string (const char    *name,
                            WaymarkStatus *status)
{
  for (guint i = 0; i < WAYMARK_N_STATUSES; i++)
    {
      if (g_strcmp0 (name, statuses[i].name) == 0)
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
waymark_status_get_label (WaymarkStatus status)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, STATUS_CONTEXT, waymark_status_get_info (status)->label);
}

const char *
waymark_status_get_label_in (WaymarkStatus  status,
                             const char    *language)
{
  return waymark_catalog_pgettext (language, STATUS_CONTEXT,
                                   waymark_status_get_info (status)->label);
}

char *
waymark_status_dup_name_list (void)
{
  g_autoptr (GString) head = g_string_new (NULL);

  for (guint i = 0; i + 1 < WAYMARK_N_STATUSES; i++)
    g_string_append_printf (head, "%s%s", i > 0 ? ", " : "", statuses[i].name);
  /* The message of waymark_lane_kind_dup_name_list(), translated once. */
  return g_strdup_printf (_("%s or %s"), head->str, statuses[WAYMARK_N_STATUSES - 1].name);
}

static char *
dup_or_empty (const char *s)
{
  return g_strdup (s != NULL ? s : "");
}

WaymarkDomain *
waymark_domain_new (const char *id,
                    const char *name,
                    const char *color)
{
  WaymarkDomain *domain = g_new0 (WaymarkDomain, 1);

  domain->base.kind = WAYMARK_OBJECT_DOMAIN;
  domain->base.id = dup_or_empty (id);
  domain->name = dup_or_empty (name);
  domain->color = dup_or_empty (color);
  return domain;
}

WaymarkDomain *
waymark_domain_copy (const WaymarkDomain *domain)
{
  return waymark_domain_new (domain->base.id, domain->name, domain->color);
}

void
waymark_domain_free (WaymarkDomain *domain)
{
  if (domain == NULL)
    return;
  g_free (domain->base.id);
  g_free (domain->name);
  g_free (domain->color);
  g_free (domain);
}

WaymarkRecommendation *
waymark_recommendation_new (const char *id,
                            const char *title)
{
  WaymarkRecommendation *recommendation = g_new0 (WaymarkRecommendation, 1);

  recommendation->base.kind = WAYMARK_OBJECT_RECOMMENDATION;
  recommendation->base.id = dup_or_empty (id);
  recommendation->title = dup_or_empty (title);
  recommendation->description = g_strdup ("");
  recommendation->domain_id = g_strdup ("");
  recommendation->status = WAYMARK_STATUS_OPEN;
  recommendation->owner = g_strdup ("");
  recommendation->value = WAYMARK_SCORE_UNSET;
  recommendation->effort = WAYMARK_SCORE_UNSET;
  recommendation->cards = g_new0 (char *, 1);
  return recommendation;
}

WaymarkRecommendation *
waymark_recommendation_copy (const WaymarkRecommendation *recommendation)
{
  WaymarkRecommendation *copy = waymark_recommendation_new (recommendation->base.id,
                                                            recommendation->title);

  g_free (copy->description);
  copy->description = g_strdup (recommendation->description);
  g_free (copy->domain_id);
  copy->domain_id = g_strdup (recommendation->domain_id);
  copy->status = recommendation->status;
  g_free (copy->owner);
  copy->owner = g_strdup (recommendation->owner);
  copy->value = recommendation->value;
  copy->effort = recommendation->effort;
  g_strfreev (copy->cards);
  copy->cards = g_strdupv (recommendation->cards);
  return copy;
}

void
waymark_recommendation_free (WaymarkRecommendation *recommendation)
{
  if (recommendation == NULL)
    return;
  g_free (recommendation->base.id);
  g_free (recommendation->title);
  g_free (recommendation->description);
  g_free (recommendation->domain_id);
  g_free (recommendation->owner);
  g_strfreev (recommendation->cards);
  g_free (recommendation);
}

gboolean
waymark_recommendation_addresses (const WaymarkRecommendation *recommendation,
                                  const char                  *card_id)
{
  return g_strv_contains ((const char * const *) recommendation->cards, card_id);
}

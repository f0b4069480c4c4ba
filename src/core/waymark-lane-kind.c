/* waymark-lane-kind.c: what sets the kinds of lane apart
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-catalog.h"
#include "waymark-lane-kind.h"

/* The rows are in enum order, which is also the order of the kind menus
 * and of the names in messages. The overview lists barriers first
 * because its heat scale counts the first kind shown. */
static const WaymarkLaneKindInfo lane_kinds[] = {
  [WAYMARK_LANE_ACTIONS] = {
    .name = "actions", .label = N_("Actions"), .singular = "action",
    .dutch_label = "activiteiten", .dutch_singular = "activiteit",
    .content = WAYMARK_CONTENT_CARDS, .overview_rank = 2,
  },
  [WAYMARK_LANE_THOUGHTS] = {
    .name = "thoughts", .label = N_("Thoughts"), .singular = "thought",
    .dutch_label = "gedachten", .dutch_singular = "gedachte",
    .content = WAYMARK_CONTENT_CARDS, .overview_rank = 3,
  },
  [WAYMARK_LANE_EMOTIONS] = {
    .name = "emotions", .label = N_("Emotions"), .singular = "emotion",
    .dutch_label = "emoties", .dutch_singular = "emotie",
    .content = WAYMARK_CONTENT_EMOTIONS, .overview_rank = -1,
  },
  [WAYMARK_LANE_TOUCHPOINTS] = {
    .name = "touchpoints", .label = N_("Touchpoints"), .singular = "touchpoint",
    .dutch_label = "touchpoints", .dutch_singular = "touchpoint",
    .content = WAYMARK_CONTENT_CARDS, .overview_rank = 4,
  },
  [WAYMARK_LANE_BARRIERS] = {
    .name = "barriers", .label = N_("Barriers"), .singular = "barrier",
    .dutch_label = "drempels", .dutch_singular = "drempel",
    .content = WAYMARK_CONTENT_CARDS, .overview_rank = 0, .overview_default = TRUE,
    .barrier = TRUE,
  },
  [WAYMARK_LANE_LEVERS] = {
    .name = "levers", .label = N_("Levers"), .singular = "lever",
    .dutch_label = "hefbomen", .dutch_singular = "hefboom",
    .content = WAYMARK_CONTENT_CARDS, .overview_rank = 1, .overview_default = TRUE,
  },
  [WAYMARK_LANE_NOTES] = {
    .name = "notes", .label = N_("Notes"), .singular = "note",
    .dutch_label = "notities", .dutch_singular = "notitie",
    .content = WAYMARK_CONTENT_CARDS, .overview_rank = 5,
  },
};
/* A row for every kind; tests/test-lane-kinds.c checks that none is empty. */
G_STATIC_ASSERT (G_N_ELEMENTS (lane_kinds) == WAYMARK_N_LANE_KINDS);

const WaymarkLaneKindInfo *
waymark_lane_kind_get_info (WaymarkLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < WAYMARK_N_LANE_KINDS, &lane_kinds[WAYMARK_LANE_NOTES]);
  return &lane_kinds[kind];
}

const char *
waymark_lane_kind_to_string (WaymarkLaneKind kind)
{
  return waymark_lane_kind_get_info (kind)->name;
}

gboolean
waymark_lane_kind_from_string (const char      *name,
                               WaymarkLaneKind *kind)
{
  for (guint i = 0; i < WAYMARK_N_LANE_KINDS; i++)
    {
      if (g_strcmp0 (name, lane_kinds[i].name) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
waymark_lane_kind_get_label (WaymarkLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < WAYMARK_N_LANE_KINDS, "");
  return g_dgettext (GETTEXT_PACKAGE, lane_kinds[kind].label);
}

const char *
waymark_lane_kind_get_label_in (WaymarkLaneKind  kind,
                                const char      *language)
{
  g_return_val_if_fail ((guint) kind < WAYMARK_N_LANE_KINDS, "");
  return waymark_catalog_gettext (language, lane_kinds[kind].label);
}

gboolean
waymark_lane_kind_holds_cards (WaymarkLaneKind kind)
{
  return waymark_lane_kind_get_info (kind)->content == WAYMARK_CONTENT_CARDS;
}

gboolean
waymark_lane_kind_holds_emotions (WaymarkLaneKind kind)
{
  return waymark_lane_kind_get_info (kind)->content == WAYMARK_CONTENT_EMOTIONS;
}

gboolean
waymark_lane_kind_is_barrier (WaymarkLaneKind kind)
{
  return waymark_lane_kind_get_info (kind)->barrier;
}

char *
waymark_lane_kind_dup_name_list (void)
{
  g_autoptr (GString) head = g_string_new (NULL);

  for (guint i = 0; i + 1 < WAYMARK_N_LANE_KINDS; i++)
    g_string_append_printf (head, "%s%s", i > 0 ? ", " : "", lane_kinds[i].name);
  /* TRANSLATORS: the end of a list of lane kinds; the first %s is
   * "actions, thoughts, …, levers", the second "notes" */
  return g_strdup_printf (_("%s or %s"), head->str, lane_kinds[WAYMARK_N_LANE_KINDS - 1].name);
}

guint
waymark_lane_kind_list_for_overview (WaymarkLaneKind kinds[WAYMARK_N_LANE_KINDS])
{
  guint n = 0;

  /* Insertion sort by rank: a handful of kinds, and stable. */
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      guint i = n;

      if (lane_kinds[k].overview_rank < 0)
        continue;
      for (; i > 0 && lane_kinds[kinds[i - 1]].overview_rank > lane_kinds[k].overview_rank; i--)
        kinds[i] = kinds[i - 1];
      kinds[i] = k;
      n++;
    }
  return n;
}

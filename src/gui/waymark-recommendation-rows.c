/* waymark-recommendation-rows.c: the pieces every list of recommendations is made of
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-recommendation-rows.h"

typedef struct {
  GdkRGBA  rgba;
  gboolean has_color;
  gboolean round;
} Swatch;

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  Swatch *swatch = user_data;

  if (swatch->round)
    cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, 0, 0, width, height);
  if (swatch->has_color)
    {
      gdk_cairo_set_source_rgba (cr, &swatch->rgba);
      cairo_fill (cr);
    }
  else
    {
      /* No colour: a ring in the text's colour, faint, so it still reads. */
      GdkRGBA ink;

      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &ink);
      ink.alpha *= 0.35;
      gdk_cairo_set_source_rgba (cr, &ink);
      if (swatch->round)
        {
          cairo_new_path (cr);
          cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 1, 0, 2 * G_PI);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
    }
}

GtkWidget *
waymark_recommendation_swatch_new (const char *color,
                                   int         width,
                                   int         height,
                                   gboolean    round)
{
  GtkWidget *area = gtk_drawing_area_new ();
  Swatch *swatch = g_new0 (Swatch, 1);

  swatch->round = round;
  swatch->has_color = color != NULL && color[0] != '\0' && gdk_rgba_parse (&swatch->rgba, color);
  if (width > 0)
    gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), width);
  if (height > 0)
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch_cb, swatch, g_free);
  gtk_widget_set_valign (area, height > 0 ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return area;
}

GtkWidget *
waymark_recommendation_status_new (const WaymarkRecommendation *recommendation)
{
  GtkWidget *label = gtk_label_new (waymark_status_get_label (recommendation->status));
  g_autofree char *css = g_strconcat ("status-", waymark_status_to_string (recommendation->status),
                                      NULL);

  gtk_widget_add_css_class (label, "waymark-status");
  gtk_widget_add_css_class (label, css);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

const char *
waymark_recommendation_domain_color (WaymarkDocument *document,
                                     const char      *domain_id)
{
  WaymarkDomain *domain = domain_id != NULL && domain_id[0] != '\0'
                          ? waymark_document_find_domain (document, domain_id) : NULL;

  return domain != NULL ? domain->color : "";
}

const char *
waymark_recommendation_domain_name (WaymarkDocument *document,
                                    const char      *domain_id)
{
  WaymarkDomain *domain = domain_id != NULL && domain_id[0] != '\0'
                          ? waymark_document_find_domain (document, domain_id) : NULL;

  return domain != NULL ? domain->name : _("No Domain");
}

static char *
dup_score (int score)
{
  return score == WAYMARK_SCORE_UNSET ? g_strdup ("–") : g_strdup_printf ("%d", score);
}

char *
waymark_recommendation_dup_scores (const WaymarkRecommendation *recommendation)
{
  g_autofree char *value = dup_score (recommendation->value);
  g_autofree char *effort = dup_score (recommendation->effort);

  /* Translators: a recommendation's two scores, each 1 to 5 or "–". */
  return g_strdup_printf (_("Value %s · Effort %s"), value, effort);
}

char *
waymark_recommendation_dup_reach (WaymarkDocument             *document,
                                  const WaymarkRecommendation *recommendation)
{
  WaymarkReach reach;
  g_autoptr(GString) text = g_string_new (NULL);
  guint others;

  if (!waymark_document_get_reach (document, recommendation->base.id, &reach) || reach.n_cards == 0)
    return g_strdup (_("No cards linked yet"));
  others = reach.n_cards - reach.n_barriers;
  if (reach.n_barriers > 0 || others == 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u barrier", "%u barriers",
                                               reach.n_barriers),
                            reach.n_barriers);
  if (others > 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u other card",
                                                 "%u other cards", others),
                              others);
    }
  g_string_append (text, " · ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u persona", "%u personas",
                                             reach.n_personas),
                          reach.n_personas);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
waymark_recommendation_dup_card_place (WaymarkDocument   *document,
                                       const WaymarkCard *card)
{
  WaymarkPersona *persona = card->persona;
  WaymarkPhase *phase = persona != NULL ? waymark_persona_find_phase (persona, card->phase_id) : NULL;
  WaymarkLane *lane = persona != NULL ? waymark_persona_find_lane (persona, card->lane_id) : NULL;

  /* Translators: where a card is: persona, phase and lane. */
  return g_strdup_printf (_("%s · %s · %s"), persona != NULL ? persona->name : "",
                          phase != NULL ? phase->name : "", lane != NULL ? lane->name : "");
}

/* waymark-sidebar.c: the personas of a document, to switch between and manage
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "waymark-commands.h"
#include "waymark-render-types.h"
#include "waymark-sidebar.h"

struct _WaymarkSidebar
{
  GtkWidget        parent_instance;

  WaymarkDocument *document;
  char            *persona_id;
  GStrv            spotlight;      /* card ids, or NULL */

  GtkWidget       *box;
  GtkWidget       *overview_slot;  /* OVERVIEW: the cross-persona overview row goes here */
  GtkWidget       *list;           /* GtkListBox of persona rows */
  GtkWidget       *rename_popover;
  GtkWidget       *rename_entry;
  GtkWidget       *menu;
  gboolean         rebuilding;
};

G_DEFINE_FINAL_TYPE (WaymarkSidebar, waymark_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERSONA_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
waymark_sidebar_new (void)
{
  return g_object_new (WAYMARK_TYPE_SIDEBAR, NULL);
}

static const char *
row_persona_id (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "persona-id") : NULL;
}

#define AVATAR_SIZE 36
#define AVATAR_SCALE 2  /* drawn at twice the size: sharp on HiDPI screens */

/* The initials on a circle of the persona's colour, as the map's title
 * block draws them (src/render/waymark-scene.c), so the sidebar and the
 * map agree: AdwAvatar would pick a colour of its own from the name. */
static GdkTexture *
draw_avatar (WaymarkPersona *persona,
             const char     *initials)
{
  int size = AVATAR_SIZE * AVATAR_SCALE;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  WaymarkColor fill = { 0x3d / 255.0, 0x4b / 255.0, 0x5c / 255.0, 1.0 };  /* the map's fallback */
  double l, ink;
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans Bold");
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  int width, height;

  if (persona->color != NULL && persona->color[0] != '\0')
    waymark_color_parse (persona->color, &fill);
  cairo_arc (cr, size / 2.0, size / 2.0, size / 2.0, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, fill.red, fill.green, fill.blue);
  cairo_fill (cr);

  /* White or dark ink, whichever contrasts more (WCAG), as on the map. */
  l = waymark_color_luminance (&fill);
  ink = 1.05 / (l + 0.05) >= (l + 0.05) / (0.0116 + 0.05) ? 1.0 : 0.13;
  layout = pango_cairo_create_layout (cr);
  pango_font_description_set_absolute_size (font, size * 0.36 * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, initials, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, (size - width) / 2.0, (size - height) / 2.0);
  cairo_set_source_rgb (cr, ink, ink, ink);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  cairo_destroy (cr);

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  /* Cairo's ARGB32 is GDK's default memory format on little and big endian. */
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

static GtkWidget *
make_avatar (WaymarkPersona *persona)
{
  g_autofree char *initials = waymark_persona_dup_initials (persona);
  g_autoptr(GdkTexture) texture = draw_avatar (persona, initials);
  GtkWidget *avatar = adw_avatar_new (AVATAR_SIZE, initials, TRUE);

  adw_avatar_set_custom_image (ADW_AVATAR (avatar), GDK_PAINTABLE (texture));
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  persona->name, -1);
  return avatar;
}

/* How many cards of the spotlight are on @persona's map. */
static guint
count_spotlight (WaymarkSidebar *self,
                 WaymarkPersona *persona)
{
  guint n = 0;

  for (guint i = 0; self->spotlight != NULL && self->spotlight[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_document_find_card (self->document, self->spotlight[i]);

      if (card != NULL && card->persona == persona)
        n++;
    }
  return n;
}

static GtkWidget *
make_row (WaymarkSidebar *self,
          WaymarkPersona *persona)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (persona->name);
  GtkWidget *ambition = gtk_label_new (persona->ambition);
  g_autofree char *spotlight_text = NULL;
  g_autofree char *description = NULL;
  guint n_spotlight;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  /* Names often share their first word ("De loopbaanlanceerder", "De
   * jobversterker"): wrap to two lines before cutting anything off. */
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (ambition), 0);
  gtk_label_set_wrap (GTK_LABEL (ambition), TRUE);
  gtk_label_set_lines (GTK_LABEL (ambition), 2);
  gtk_label_set_ellipsize (GTK_LABEL (ambition), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (ambition, "dim-label");
  gtk_widget_add_css_class (ambition, "caption");
  gtk_widget_set_visible (ambition, persona->ambition[0] != '\0');

  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), ambition);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), make_avatar (persona));
  gtk_box_append (GTK_BOX (box), labels);
  n_spotlight = count_spotlight (self, persona);
  if (n_spotlight > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", n_spotlight);
      GtkWidget *badge = gtk_label_new (count);

      gtk_widget_add_css_class (badge, "waymark-spotlight-count");
      gtk_widget_add_css_class (badge, "numeric");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      /* Translators: a persona's row while a recommendation's cards are
       * highlighted: how many of them are on this persona's map. */
      spotlight_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u highlighted card",
                                                     "%u highlighted cards", n_spotlight),
                                        n_spotlight);
      gtk_widget_set_tooltip_text (badge, spotlight_text);
      gtk_box_append (GTK_BOX (box), badge);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, persona->ambition[0] != '\0' ? persona->ambition : NULL);

  g_object_set_data_full (G_OBJECT (row), "persona-id", g_strdup (persona->base.id), g_free);
  description = spotlight_text != NULL && persona->ambition[0] != '\0'
                ? g_strdup_printf ("%s. %s", persona->ambition, spotlight_text)
                : g_strdup (spotlight_text != NULL ? spotlight_text : persona->ambition);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  persona->name, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return row;
}

static void
select_current (WaymarkSidebar *self)
{
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (self->list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) &&
        g_strcmp0 (row_persona_id (GTK_LIST_BOX_ROW (child)), self->persona_id) == 0)
      {
        gtk_list_box_select_row (GTK_LIST_BOX (self->list), GTK_LIST_BOX_ROW (child));
        return;
      }
  gtk_list_box_unselect_all (GTK_LIST_BOX (self->list));
}

static void
update_actions (WaymarkSidebar *self)
{
  int index = self->document != NULL && self->persona_id != NULL
              ? waymark_document_persona_index (self->document, self->persona_id) : -1;
  int n = self->document != NULL ? (int) waymark_document_get_n_personas (self->document) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.add", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.duplicate", index >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.rename", index >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.delete", index >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.move-down", index >= 0 && index + 1 < n);
}

static void
rebuild (WaymarkSidebar *self)
{
  GtkWidget *child;
  gboolean had_focus = gtk_widget_get_focus_child (self->list) != NULL;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; self->document != NULL && i < waymark_document_get_n_personas (self->document); i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list),
                         make_row (self, waymark_document_get_persona (self->document, i)));
  select_current (self);
  if (had_focus)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  self->rebuilding = FALSE;
  update_actions (self);
}

static void
document_changed_cb (WaymarkSidebar *self,
                     const char     *persona_id,
                     const char     *object_id)
{
  /* Only the persona list and the personas' own fields show here. */
  if (persona_id == NULL ||
      (object_id != NULL && g_strcmp0 (persona_id, object_id) == 0))
    rebuild (self);
}

void
waymark_sidebar_set_document (WaymarkSidebar  *self,
                              WaymarkDocument *document)
{
  g_return_if_fail (WAYMARK_IS_SIDEBAR (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
waymark_sidebar_get_persona_id (WaymarkSidebar *self)
{
  g_return_val_if_fail (WAYMARK_IS_SIDEBAR (self), NULL);
  return self->persona_id;
}

void
waymark_sidebar_set_persona_id (WaymarkSidebar *self,
                                const char     *persona_id)
{
  g_return_if_fail (WAYMARK_IS_SIDEBAR (self));

  if (g_strcmp0 (self->persona_id, persona_id) == 0)
    return;
  g_free (self->persona_id);
  self->persona_id = g_strdup (persona_id);
  self->rebuilding = TRUE;
  select_current (self);
  self->rebuilding = FALSE;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

void
waymark_sidebar_set_spotlight (WaymarkSidebar     *self,
                               const char * const *card_ids)
{
  g_return_if_fail (WAYMARK_IS_SIDEBAR (self));

  if (card_ids != NULL && card_ids[0] == NULL)
    card_ids = NULL;
  if (card_ids == NULL ? self->spotlight == NULL
                       : self->spotlight != NULL &&
                         g_strv_equal (card_ids, (const char * const *) self->spotlight))
    return;
  g_strfreev (self->spotlight);
  self->spotlight = g_strdupv ((char **) card_ids);
  rebuild (self);
}

void
waymark_sidebar_set_overview (WaymarkSidebar *self,
                              GtkWidget      *row)
{
  GtkWidget *old;

  g_return_if_fail (WAYMARK_IS_SIDEBAR (self));

  while ((old = gtk_widget_get_first_child (self->overview_slot)) != NULL)
    gtk_box_remove (GTK_BOX (self->overview_slot), old);
  if (row != NULL)
    gtk_box_append (GTK_BOX (self->overview_slot), row);
  gtk_widget_set_visible (self->overview_slot, row != NULL);
}

static void
row_selected_cb (GtkListBox     *list,
                 GtkListBoxRow  *row,
                 WaymarkSidebar *self)
{
  if (self->rebuilding || row == NULL)
    return;
  waymark_sidebar_set_persona_id (self, row_persona_id (row));
}

/* Clicking a persona, even the one already chosen, goes back from the
 * overview to its map. */
static void
row_activated_cb (GtkListBox     *list,
                  GtkListBoxRow  *row,
                  WaymarkSidebar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-map", NULL);
}

/* Actions --------------------------------------------------------------- */

/* Keyboard focus to the selected row, so the next key acts on the persona
 * just chosen rather than on the button that chose it (a second Enter on
 * "+" silently added yet another persona). */
static void
focus_selected_row (WaymarkSidebar *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* After adding, duplicating or deleting: the persona to go on with is
 * selected and its row focused. */
static void
switch_to (WaymarkSidebar *self,
           const char     *persona_id)
{
  if (persona_id == NULL)
    return;
  waymark_sidebar_set_persona_id (self, persona_id);
  focus_selected_row (self);
}

/* A new persona is shown at once, also when the overview was showing.
 * Showing the map focuses the canvas, so the row is focused after it. */
static void
switch_to_new (WaymarkSidebar *self,
               const char     *persona_id)
{
  if (persona_id == NULL)
    return;
  waymark_sidebar_set_persona_id (self, persona_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-map", NULL);
  focus_selected_row (self);
}

/* Popovers belong to the sidebar, never to a row: any change to the
 * document rebuilds the rows, and a row finalized with a popover still
 * attached left the popover with a dangling parent (criticals, then a
 * crash when renaming or deleting through it). Parented here, a popover
 * only points at the row's place. */
static void
popup_at_row (WaymarkSidebar *self,
              GtkWidget      *popover,
              GtkWidget      *row)
{
  graphene_rect_t bounds;

  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  if (gtk_widget_compute_bounds (row, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                                 &(GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                                   (int) bounds.size.width, (int) bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (widget);
  /* A new persona walks the same journey: same phases and lanes. */
  switch_to_new (self, waymark_command_add_persona (self->document, self->persona_id));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (widget);
  switch_to_new (self, waymark_command_duplicate_persona (self->document, self->persona_id));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (widget);
  g_autofree char *id = g_strdup (self->persona_id);
  int index = waymark_document_persona_index (self->document, id);
  guint n;

  if (!waymark_document_remove (self->document, id))
    return;
  /* Go on with the neighbour, as a list would. */
  n = waymark_document_get_n_personas (self->document);
  if (n > 0)
    switch_to (self, waymark_document_get_persona (self->document, MIN ((guint) index, n - 1))->base.id);
  else
    waymark_sidebar_set_persona_id (self, NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (widget);
  waymark_command_shift_persona (self->document, self->persona_id,
                                 g_str_equal (action_name, "sidebar.move-up") ? -1 : 1);
}

static void
rename_activate_cb (GtkEntry       *entry,
                    WaymarkSidebar *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (name[0] != '\0' && self->persona_id != NULL)
    waymark_document_set_text (self->document, self->persona_id, WAYMARK_FIELD_NAME, name);
  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  /* The rename rebuilt the rows: back to the renamed one, not to nowhere. */
  focus_selected_row (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (widget);
  WaymarkPersona *persona = waymark_document_find_persona (self->document, self->persona_id);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));

  if (persona == NULL || row == NULL)
    return;
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  self->rename_popover = gtk_popover_new ();
  self->rename_entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Persona name"), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), persona->name);
  g_signal_connect (self->rename_entry, "activate", G_CALLBACK (rename_activate_cb), self);
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  popup_at_row (self, self->rename_popover, GTK_WIDGET (row));
  gtk_widget_grab_focus (self->rename_entry);
}

static void
popup_menu (WaymarkSidebar *self,
            GtkWidget      *row)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();

  g_menu_append (menu, _("_Rename…"), "sidebar.rename");
  g_menu_append (menu, _("D_uplicate"), "sidebar.duplicate");
  g_menu_append (order, _("Move _Up"), "sidebar.move-up");
  g_menu_append (order, _("Move _Down"), "sidebar.move-down");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append (danger, _("_Delete Persona"), "sidebar.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  popup_at_row (self, self->menu, row);
}

static void
list_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 WaymarkSidebar  *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_y (GTK_LIST_BOX (self->list), (int) y);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (row == NULL)
    return;
  gtk_list_box_select_row (GTK_LIST_BOX (self->list), row);
  if (button == GDK_BUTTON_SECONDARY)
    popup_menu (self, GTK_WIDGET (row));
  else if (n_press == 2)
    rename_action (GTK_WIDGET (self), "sidebar.rename", NULL);
}

static gboolean
list_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     WaymarkSidebar        *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (self->list));

  if ((state & GDK_ALT_MASK) && (keyval == GDK_KEY_Up || keyval == GDK_KEY_Down))
    {
      gtk_widget_activate_action (GTK_WIDGET (self),
                                  keyval == GDK_KEY_Up ? "sidebar.move-up" : "sidebar.move-down", NULL);
      return TRUE;
    }
  if (keyval == GDK_KEY_F2)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.rename", NULL);
      return TRUE;
    }
  if (keyval == GDK_KEY_Delete && row != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.delete", NULL);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK))) && row != NULL)
    {
      popup_menu (self, GTK_WIDGET (row));
      return TRUE;
    }
  return FALSE;
}

static GtkWidget *
tool_button (const char *icon,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* GObject ----------------------------------------------------------------- */

static void
waymark_sidebar_dispose (GObject *object)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (waymark_sidebar_parent_class)->dispose (object);
}

static void
waymark_sidebar_finalize (GObject *object)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (object);

  g_free (self->persona_id);
  g_strfreev (self->spotlight);
  G_OBJECT_CLASS (waymark_sidebar_parent_class)->finalize (object);
}

static void
waymark_sidebar_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_sidebar_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WaymarkSidebar *self = WAYMARK_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_sidebar_set_document (self, g_value_get_object (value));
      break;
    case PROP_PERSONA_ID:
      waymark_sidebar_set_persona_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_sidebar_class_init (WaymarkSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_sidebar_dispose;
  object_class->finalize = waymark_sidebar_finalize;
  object_class->get_property = waymark_sidebar_get_property;
  object_class->set_property = waymark_sidebar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "sidebar.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "sidebar.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "sidebar.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "sidebar.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "sidebar.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "sidebar.move-down", NULL, move_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "waymark-sidebar");
}

static void
waymark_sidebar_init (WaymarkSidebar *self)
{
  GtkWidget *scrolled, *title, *toolbar, *header;
  GtkGesture *gesture;
  GtkEventController *controller;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "waymark-sidebar");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  title = gtk_label_new (_("Personas"));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_margin_start (title, 12);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), tool_button ("list-add-symbolic", "sidebar.add",
                                                 _("Add a Persona with the Same Phases and Lanes")));
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_end (header, 6);
  gtk_box_append (GTK_BOX (self->box), header);

  /* OVERVIEW: a slot above the personas for the cross-persona overview
   * entry (waymark_sidebar_set_overview); hidden while empty. */
  self->overview_slot = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_visible (self->overview_slot, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->overview_slot);

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (self->list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Personas"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (list_pressed_cb), self);
  gtk_widget_add_controller (self->list, GTK_EVENT_CONTROLLER (gesture));
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb), self);
  gtk_widget_add_controller (self->list, controller);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (toolbar, "toolbar");
  gtk_box_append (GTK_BOX (toolbar), tool_button ("edit-copy-symbolic", "sidebar.duplicate",
                                                  _("Duplicate Persona")));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("document-edit-symbolic", "sidebar.rename",
                                                  _("Rename Persona")));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("go-up-symbolic", "sidebar.move-up",
                                                  _("Move Persona Up")));
  gtk_box_append (GTK_BOX (toolbar), tool_button ("go-down-symbolic", "sidebar.move-down",
                                                  _("Move Persona Down")));
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (toolbar), spacer);
  }
  gtk_box_append (GTK_BOX (toolbar), tool_button ("user-trash-symbolic", "sidebar.delete",
                                                  _("Delete Persona")));
  gtk_box_append (GTK_BOX (self->box), toolbar);

  update_actions (self);
}

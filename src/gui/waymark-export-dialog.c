/* waymark-export-dialog.c: export a journey map as PDF, SVG or PNG
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-export-dialog.h"
#include "waymark-export.h"
#include "waymark-window.h"

struct _WaymarkExportDialog
{
  AdwWindow        parent_instance;

  WaymarkWindow   *window;      /* weak: the dialog is destroyed with it */
  WaymarkDocument *document;
  GFile           *file;        /* where the export goes */
  GtkStringList   *persona_names;
  GPtrArray       *persona_ids; /* parallel to persona_names; NULL entry: all */

  AdwComboRow     *format_row;
  AdwComboRow     *persona_row;
  AdwActionRow    *overview_row;
  GtkSwitch       *overview_switch;
  AdwPreferencesGroup *contents_group;
  AdwEntryRow     *phases_row;
  AdwExpanderRow  *lanes_row;
  GtkSwitch       *hide_empty_switch;
  /* The lane kinds the document's personas have, and a check for each. */
  WaymarkLaneKind  lane_kinds[WAYMARK_N_LANE_KINDS];
  GtkCheckButton  *lane_checks[WAYMARK_N_LANE_KINDS];
  guint            n_lane_kinds;
  /* The options' subset strings, kept while an export reads them. */
  char            *phases_spec;
  char            *lanes_spec;
  AdwPreferencesGroup *page_group;
  AdwComboRow     *paper_row;
  AdwComboRow     *orientation_row;
  AdwPreferencesGroup *image_group;
  GtkSpinButton   *resolution_spin;
  GtkSwitch       *transparent_switch;
  AdwActionRow    *file_row;
};

G_DEFINE_FINAL_TYPE (WaymarkExportDialog, waymark_export_dialog, ADW_TYPE_WINDOW)

/* In the order of the format row's items. */
static const WaymarkExportFormat formats[] = {
  WAYMARK_EXPORT_FORMAT_PDF,
  WAYMARK_EXPORT_FORMAT_SVG,
  WAYMARK_EXPORT_FORMAT_PNG,
};
static const char * const extensions[] = { "pdf", "svg", "png" };
/* In the order of the paper row's items. */
static const WaymarkPaper papers[] = {
  WAYMARK_PAPER_FIT, WAYMARK_PAPER_A4, WAYMARK_PAPER_A3, WAYMARK_PAPER_LETTER,
};

static guint
get_format_index (WaymarkExportDialog *self)
{
  return MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
}

static void
update_file_row (WaymarkExportDialog *self)
{
  g_autofree char *name = g_file_get_parse_name (self->file);

  /* A file name is no markup ("R&D.pdf"). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->file_row), FALSE);
  adw_action_row_set_subtitle (self->file_row, name);
}

/* Gives the chosen file the extension of the chosen format. */
static void
update_extension (WaymarkExportDialog *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autoptr(GFile) parent = g_file_get_parent (self->file);
  g_autofree char *new_name = NULL;
  char *dot = strrchr (basename, '.');

  if (dot != NULL)
    *dot = '\0';
  new_name = g_strconcat (basename, ".", extensions[get_format_index (self)], NULL);
  g_set_object (&self->file, NULL);
  self->file = g_file_get_child (parent, new_name);
  update_file_row (self);
}

/* The "persona" entries that export only the overview of all personas,
 * or only the recommendations section; never persona ids (those are XML
 * ids, never empty and without spaces). */
#define OVERVIEW_ONLY ""
#define RECOMMENDATIONS_ONLY " recommendations"

static void
persona_changed_cb (WaymarkExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->persona_row);
  gboolean all = selected < self->persona_ids->len &&
                 g_ptr_array_index (self->persona_ids, selected) == NULL;

  const char *id = selected < self->persona_ids->len
                   ? g_ptr_array_index (self->persona_ids, selected) : NULL;
  gboolean maps = g_strcmp0 (id, OVERVIEW_ONLY) != 0 && g_strcmp0 (id, RECOMMENDATIONS_ONLY) != 0;

  /* Only a PDF of all personas has an overview page before the maps. */
  gtk_widget_set_visible (GTK_WIDGET (self->overview_row),
                          all && formats[get_format_index (self)] == WAYMARK_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->contents_group), maps);
}

/* A check per lane kind that the personas have, all checked: the kinds
 * are what a figure picks ("the barriers and levers"), whatever each
 * persona calls its lanes. */
static void
add_lane_checks (WaymarkExportDialog *self)
{
  gboolean present[WAYMARK_N_LANE_KINDS] = { FALSE, };

  for (guint i = 0; i < waymark_document_get_n_personas (self->document); i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (self->document, i);

      for (guint l = 0; l < persona->lanes->len; l++)
        present[((WaymarkLane *) g_ptr_array_index (persona->lanes, l))->kind] = TRUE;
    }
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      GtkWidget *row, *check;

      if (!present[k])
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), waymark_lane_kind_get_label (k));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (self->lanes_row, row);
      self->lane_kinds[self->n_lane_kinds] = k;
      self->lane_checks[self->n_lane_kinds++] = GTK_CHECK_BUTTON (check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->lanes_row), self->n_lane_kinds > 1);
}

/* The subset chosen, as `waymark export` takes it: --phases as typed
 * (NULL: all), --lanes as the checked kinds (NULL: all). */
static void
read_subset (WaymarkExportDialog  *self,
             WaymarkExportOptions *options)
{
  g_autofree char *phases = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (
                                                    self->phases_row))));
  g_autoptr (GString) lanes = g_string_new (NULL);

  g_clear_pointer (&self->phases_spec, g_free);
  g_clear_pointer (&self->lanes_spec, g_free);
  if (phases[0] != '\0')
    self->phases_spec = g_steal_pointer (&phases);
  if (adw_expander_row_get_enable_expansion (self->lanes_row))
    {
      for (guint i = 0; i < self->n_lane_kinds; i++)
        if (gtk_check_button_get_active (self->lane_checks[i]))
          g_string_append_printf (lanes, "%s%s", lanes->len > 0 ? "," : "",
                                  waymark_lane_kind_to_string (self->lane_kinds[i]));
      /* None checked selects none, and the export says so; "" would mean
       * all. */
      self->lanes_spec = lanes->len > 0 ? g_strdup (lanes->str) : g_strdup (",");
    }
  options->phases = self->phases_spec;
  options->lanes = self->lanes_spec;
  options->hide_empty_lanes = gtk_switch_get_active (self->hide_empty_switch);
}

/* PDF can hold all personas, one per page; SVG and PNG hold one. Any
 * format can hold the overview alone. */
static void
rebuild_personas (WaymarkExportDialog *self)
{
  gboolean all_possible = formats[get_format_index (self)] == WAYMARK_EXPORT_FORMAT_PDF;
  const char *current = waymark_window_get_persona_id (self->window);
  guint n = waymark_document_get_n_personas (self->document);
  guint selected = 0;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->persona_ids, 0);
  if (all_possible && n > 1)
    {
      gtk_string_list_append (names, _("All Personas"));
      g_ptr_array_add (self->persona_ids, NULL);
    }
  for (guint i = 0; i < n; i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (self->document, i);

      if (!all_possible && g_strcmp0 (persona->base.id, current) == 0)
        selected = self->persona_ids->len;
      gtk_string_list_append (names, persona->name);
      g_ptr_array_add (self->persona_ids, g_strdup (persona->base.id));
    }
  if (n > 0)
    {
      gtk_string_list_append (names, _("Overview Only"));
      g_ptr_array_add (self->persona_ids, g_strdup (OVERVIEW_ONLY));
    }
  if (waymark_document_get_recommendations (self->document)->len > 0)
    {
      gtk_string_list_append (names, _("Recommendations Only"));
      g_ptr_array_add (self->persona_ids, g_strdup (RECOMMENDATIONS_ONLY));
    }
  g_set_object (&self->persona_names, names);
  adw_combo_row_set_model (self->persona_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->persona_row, selected);
  persona_changed_cb (self);
}

static void
format_changed_cb (WaymarkExportDialog *self)
{
  WaymarkExportFormat format = formats[get_format_index (self)];

  gtk_widget_set_visible (GTK_WIDGET (self->page_group), format == WAYMARK_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->image_group), format != WAYMARK_EXPORT_FORMAT_PDF);
  gtk_widget_set_sensitive (GTK_WIDGET (self->resolution_spin),
                            format == WAYMARK_EXPORT_FORMAT_PNG);
  rebuild_personas (self);
  update_extension (self);
}

static void
paper_changed_cb (WaymarkExportDialog *self)
{
  /* A page the size of the map has no orientation. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation_row),
                            adw_combo_row_get_selected (self->paper_row) != 0);
}

void
waymark_export_dialog_get_options (WaymarkExportDialog  *self,
                                   WaymarkExportOptions *options)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self->window));
  guint persona = adw_combo_row_get_selected (self->persona_row);
  guint paper = adw_combo_row_get_selected (self->paper_row);

  g_return_if_fail (WAYMARK_IS_EXPORT_DIALOG (self));

  waymark_export_options_init (options);
  options->format = formats[get_format_index (self)];
  options->persona = persona < self->persona_ids->len
                   ? g_ptr_array_index (self->persona_ids, persona) : NULL;
  if (g_strcmp0 (options->persona, OVERVIEW_ONLY) == 0)
    {
      options->persona = NULL;
      options->overview = TRUE;
    }
  else if (g_strcmp0 (options->persona, RECOMMENDATIONS_ONLY) == 0)
    {
      options->persona = NULL;
      options->recommendations = TRUE;
    }
  else
    {
      read_subset (self, options);
      if (options->persona == NULL && options->format == WAYMARK_EXPORT_FORMAT_PDF)
        options->no_overview = !gtk_switch_get_active (self->overview_switch);
    }
  options->paper = papers[MIN (paper, G_N_ELEMENTS (papers) - 1)];
  options->orientation = adw_combo_row_get_selected (self->orientation_row) == 1
                       ? WAYMARK_ORIENTATION_PORTRAIT : WAYMARK_ORIENTATION_LANDSCAPE;
  options->scale = gtk_spin_button_get_value (self->resolution_spin) / 72.0;
  options->transparent = options->format != WAYMARK_EXPORT_FORMAT_PDF &&
                         gtk_switch_get_active (self->transparent_switch);
  if (app != NULL)
    options->palette = waymark_application_get_palette (WAYMARK_APPLICATION (app));
  /* What the user sees is what the export gets: with the desktop in high
   * contrast, the maps are exported in the high-contrast style. */
  options->high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

GFile *
waymark_export_dialog_get_file (WaymarkExportDialog *self)
{
  g_return_val_if_fail (WAYMARK_IS_EXPORT_DIALOG (self), NULL);
  return self->file;
}

void
waymark_export_dialog_set_file (WaymarkExportDialog *self,
                                GFile               *file)
{
  g_return_if_fail (WAYMARK_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  update_file_row (self);
}

static void
open_export_cb (AdwToast *toast,
                gpointer  user_data)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "parent");
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  /* GtkFileLauncher is newer than GTK 4.8. */
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

gboolean
waymark_export_dialog_export (WaymarkExportDialog  *self,
                              GError              **error)
{
  WaymarkExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  GtkApplication *app;

  g_return_val_if_fail (WAYMARK_IS_EXPORT_DIALOG (self), FALSE);

  path = g_file_get_path (self->file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Exports can only be written to local files."));
      return FALSE;
    }

  waymark_export_dialog_get_options (self, &options);
  /* The same function as `waymark export`. */
  if (!waymark_export_to_file (self->document, &options, path, &notice, error))
    return FALSE;

  app = gtk_window_get_application (GTK_WINDOW (self->window));
  if (app != NULL && waymark_application_get_settings (WAYMARK_APPLICATION (app)) != NULL)
    {
      GSettings *settings = waymark_application_get_settings (WAYMARK_APPLICATION (app));
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *folder = g_file_get_uri (parent);

      g_settings_set_string (settings, "recent-export-folder", folder);
      g_settings_set_enum (settings, "recent-export-format",
                           (int[]) { 0, 2, 1 }[get_format_index (self)]);
      if (options.format == WAYMARK_EXPORT_FORMAT_PNG)
        g_settings_set_uint (settings, "export-png-dpi",
                             (guint) gtk_spin_button_get_value (self->resolution_spin));
    }

  name = g_file_get_basename (self->file);
  /* Toast titles are markup; a file name is not. */
  escaped = g_markup_escape_text (name, -1);
  /* Translators: shown after exporting; %s is the file name. */
  title = g_strdup_printf (_("Exported “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "parent", self->window);
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (self->file), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_export_cb), NULL);
  waymark_window_add_toast (self->window, toast);
  if (notice != NULL)
    {
      g_autofree char *escaped_notice = g_markup_escape_text (notice, -1);

      waymark_window_add_toast (self->window, adw_toast_new (escaped_notice));
    }
  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WaymarkExportDialog *self = WAYMARK_EXPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (waymark_export_dialog_export (self, &error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    WaymarkExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      WaymarkExportFormat format;
      g_autofree char *path = g_file_get_path (file);

      waymark_export_dialog_set_file (self, file);
      /* A typed extension chooses the format. */
      if (path != NULL && waymark_export_format_from_path (path, &format))
        {
          for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
            if (formats[i] == format)
              adw_combo_row_set_selected (self->format_row, i);
        }
      else
        update_extension (self);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WaymarkExportDialog *self = WAYMARK_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Next to the document, or in the folder of the last export, named after
 * the document. */
static GFile *
default_file (WaymarkExportDialog *self,
              GSettings           *settings)
{
  GFile *doc_file = waymark_window_get_file (self->window);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *recent = settings ? g_settings_get_string (settings, "recent-export-folder") : NULL;

  if (doc_file != NULL)
    {
      folder = g_file_get_parent (doc_file);
      base = g_file_get_basename (doc_file);
      if (g_str_has_suffix (base, ".waymark"))
        base[strlen (base) - strlen (".waymark")] = '\0';
    }
  else
    {
      g_autofree char *stem = waymark_document_dup_file_stem (self->document);
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      if (recent != NULL && *recent != '\0')
        folder = g_file_new_for_uri (recent);
      else
        folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
      base = stem != NULL ? g_steal_pointer (&stem) : g_strdup (_("Journey Map"));
    }
  name = g_strconcat (base, ".pdf", NULL);
  return g_file_get_child (folder, name);
}

WaymarkExportDialog *
waymark_export_dialog_new (WaymarkWindow *window)
{
  WaymarkExportDialog *self;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GSettings *settings = NULL;
  WaymarkApplication *wapp = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (window), NULL);

  self = g_object_new (WAYMARK_TYPE_EXPORT_DIALOG, "transient-for", window, NULL);
  self->window = window;
  self->document = g_object_ref (waymark_window_get_document (window));
  if (app != NULL)
    {
      wapp = WAYMARK_APPLICATION (app);
      settings = waymark_application_get_settings (wapp);
    }

  self->file = default_file (self, settings);
  add_lane_checks (self);
  if (wapp != NULL)
    {
      WaymarkPaper paper = waymark_application_get_paper (wapp);

      for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
        if (papers[i] == paper)
          adw_combo_row_set_selected (self->paper_row, i);
      adw_combo_row_set_selected (self->orientation_row,
                                  waymark_application_get_orientation (wapp)
                                  == WAYMARK_ORIENTATION_PORTRAIT ? 1 : 0);
    }
  if (settings != NULL)
    {
      gtk_spin_button_set_value (self->resolution_spin,
                                 g_settings_get_uint (settings, "export-png-dpi"));
      switch (g_settings_get_enum (settings, "recent-export-format"))
        {
        case 1: adw_combo_row_set_selected (self->format_row, 2); break;  /* png */
        case 2: adw_combo_row_set_selected (self->format_row, 1); break;  /* svg */
        default: break;
        }
    }

  g_signal_connect_object (self->format_row, "notify::selected",
                           G_CALLBACK (format_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->persona_row, "notify::selected",
                           G_CALLBACK (persona_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_row, "notify::selected",
                           G_CALLBACK (paper_changed_cb), self, G_CONNECT_SWAPPED);
  format_changed_cb (self);
  paper_changed_cb (self);
  return self;
}

static void
waymark_export_dialog_dispose (GObject *object)
{
  WaymarkExportDialog *self = WAYMARK_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->persona_names);

  G_OBJECT_CLASS (waymark_export_dialog_parent_class)->dispose (object);
}

static void
waymark_export_dialog_finalize (GObject *object)
{
  WaymarkExportDialog *self = WAYMARK_EXPORT_DIALOG (object);

  g_ptr_array_unref (self->persona_ids);
  g_free (self->phases_spec);
  g_free (self->lanes_spec);

  G_OBJECT_CLASS (waymark_export_dialog_parent_class)->finalize (object);
}

static void
waymark_export_dialog_class_init (WaymarkExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_export_dialog_dispose;
  object_class->finalize = waymark_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/waymark/Waymark/waymark-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, persona_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, overview_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, overview_switch);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, contents_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, phases_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, lanes_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, hide_empty_switch);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, page_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, resolution_spin);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, WaymarkExportDialog, file_row);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
waymark_export_dialog_init (WaymarkExportDialog *self)
{
  self->persona_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* waymark-format-fragment.c: XML that is not a whole document, read as safely as a file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-format-fragment.h"
#include "waymark-format-private.h"

xmlDocPtr
waymark_format_parse_fragment (GBytes  *bytes,
                               GError **error)
{
  return waymark_format_parse_fragment_at (bytes, NULL, NULL, error);
}

xmlDocPtr
waymark_format_parse_fragment_at (GBytes  *bytes,
                                  guint   *error_line,
                                  guint   *error_column,
                                  GError **error)
{
  WaymarkFormatChecker checker;
  g_autoptr (GPtrArray) problems = NULL;
  xmlDocPtr doc = NULL;
  gsize length, parse_length;
  guint line, column;
  const char *data = g_bytes_get_data (bytes, &length);

  g_return_val_if_fail (length <= WAYMARK_FORMAT_MAX_FILE_SIZE, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (error_line != NULL)
    *error_line = 0;
  if (error_column != NULL)
    *error_column = 0;
  if (!waymark_format_scan_markup (data, length, &parse_length, &line, &column, error))
    return NULL;

  waymark_format_checker_init (&checker, NULL, NULL);
  /* Unlike a file, nothing before a DTD is worth parsing for its errors. */
  if (parse_length < length)
    waymark_format_report_dtd (&checker, line, column);
  else
    doc = waymark_format_parse_tree (&checker, data, length);
  problems = waymark_format_checker_finish (&checker);

  if (doc == NULL)
    {
      const WaymarkProblem *first = g_ptr_array_index (problems, 0);

      if (error_line != NULL)
        *error_line = first->line;
      if (error_column != NULL)
        *error_column = first->column;
      g_set_error_literal (error, WAYMARK_FORMAT_ERROR, first->code, first->message);
    }
  return doc;
}

gboolean
waymark_format_is_element (xmlNodePtr  node,
                           const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, (const xmlChar *) WAYMARK_FORMAT_NAMESPACE) &&
         xmlStrEqual (node->name, (const xmlChar *) name);
}

char *
waymark_format_dup_attribute (xmlNodePtr  node,
                              const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

char *
waymark_format_dup_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return copy;
}

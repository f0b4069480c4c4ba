/* waymark-catalog.c: Waymark's messages in a document's language
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why by hand: gettext translates into the language of the process (its
 * locale and $LANGUAGE), and there is no call to ask for another one.
 * Switching the process's language for a moment is not thread-safe (an
 * export may run in a worker thread while the window draws) and would
 * change the interface's messages too; the uselocale() route needs the
 * target locale generated on the system, which it often is not. So the
 * figure's words are looked up here, in the same compiled catalogues
 * (waymark.mo, GNU MO format) that gettext reads for the interface, found
 * where the program bound its text domain.
 */
#include "config.h"

#include <locale.h>

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-catalog.h"

#define MO_MAGIC         0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

typedef enum {
  PLURAL_NOT_ONE,     /* n != 1: English, Dutch, German, … */
  PLURAL_MORE_THAN_ONE, /* n > 1: French, Portuguese (Brazil), … */
  PLURAL_NONE,        /* one form: Japanese, Chinese, … */
} PluralRule;

typedef struct {
  const char *text;   /* NUL-separated forms */
  guint32     length;
} Message;

typedef struct {
  char       *data;
  GHashTable *messages;  /* msgid (singular) → Message*, both inside data */
  Message    *storage;
  PluralRule  plural;
} Catalog;

static GMutex lock;
static GHashTable *catalogs;  /* language tag → Catalog*, or NULL: none */

static void
catalog_free (gpointer data)
{
  Catalog *catalog = data;

  if (catalog == NULL)
    return;
  g_hash_table_unref (catalog->messages);
  g_free (catalog->storage);
  g_free (catalog->data);
  g_free (catalog);
}

static guint32
read_u32 (const char *data,
          gsize       offset,
          gboolean    swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The rule of the catalogue's Plural-Forms header. Only the three
 * formulas of two-form and one-form languages are understood; Waymark
 * ships Dutch, and a catalogue with another formula is read with the
 * most common rule rather than rejected. */
static PluralRule
parse_plural_rule (const char *header)
{
  const char *forms = header != NULL ? strstr (header, "plural=") : NULL;
  GString *formula;
  PluralRule rule = PLURAL_NOT_ONE;

  if (forms == NULL)
    return rule;
  formula = g_string_new (NULL);
  for (const char *p = forms + strlen ("plural="); *p != '\0' && *p != ';' && *p != '\n'; p++)
    if (*p != ' ' && *p != '(' && *p != ')')
      g_string_append_c (formula, *p);
  if (g_str_equal (formula->str, "n>1"))
    rule = PLURAL_MORE_THAN_ONE;
  else if (g_str_equal (formula->str, "0"))
    rule = PLURAL_NONE;
  g_string_free (formula, TRUE);
  return rule;
}

/* Reads a GNU MO file: a header, then two tables of (length, offset)
 * pairs for the original and the translated strings. Every offset is
 * checked against the file's size. */
static Catalog *
catalog_load (const char *path)
{
  g_autofree char *data = NULL;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swapped;
  Catalog *catalog;

  if (!g_file_get_contents (path, &data, &size, NULL) || size < 28)
    return NULL;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return NULL;
  swapped = magic == MO_MAGIC_SWAPPED;
  n = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if ((guint64) originals + 8ull * n > size || (guint64) translations + 8ull * n > size)
    return NULL;

  catalog = g_new0 (Catalog, 1);
  catalog->messages = g_hash_table_new (g_str_hash, g_str_equal);
  catalog->storage = g_new0 (Message, MAX (n, 1));
  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_length = read_u32 (data, originals + 8 * i, swapped);
      guint32 id_offset = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 length = read_u32 (data, translations + 8 * i, swapped);
      guint32 offset = read_u32 (data, translations + 8 * i + 4, swapped);

      /* Each string is followed by a NUL that the length leaves out. */
      if ((guint64) id_offset + id_length >= size || (guint64) offset + length >= size
          || data[id_offset + id_length] != '\0' || data[offset + length] != '\0')
        {
          catalog_free (catalog);
          return NULL;
        }
      catalog->storage[i].text = data + offset;
      catalog->storage[i].length = length;
      if (id_length == 0)
        catalog->plural = parse_plural_rule (data + offset);
      else
        g_hash_table_insert (catalog->messages, data + id_offset, &catalog->storage[i]);
    }
  catalog->data = g_steal_pointer (&data);
  return catalog;
}

/* "nl-BE" → the directories to try: "nl_BE", then "nl". */
static Catalog *
catalog_for_language (const char *language)
{
  const char *dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  g_auto (GStrv) parts = g_strsplit_set (language, "-_", 3);
  g_autofree char *lang = g_ascii_strdown (parts[0] != NULL ? parts[0] : "", -1);
  char *candidates[2] = { NULL, NULL };
  Catalog *catalog = NULL;

  if (dir == NULL || *lang == '\0')
    return NULL;
  if (parts[0] != NULL && parts[1] != NULL)
    {
      g_autofree char *region = g_ascii_strup (parts[1], -1);

      candidates[0] = g_strdup_printf ("%s_%s", lang, region);
    }
  candidates[1] = g_strdup (lang);
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && catalog == NULL; i++)
    if (candidates[i] != NULL)
      {
        g_autofree char *path = g_build_filename (dir, candidates[i], "LC_MESSAGES",
                                                  GETTEXT_PACKAGE ".mo", NULL);

        catalog = catalog_load (path);
      }
  g_free (candidates[0]);
  g_free (candidates[1]);
  return catalog;
}

/* The messages are in English: English needs no catalogue. */
static gboolean
is_source_language (const char *language)
{
  return language == NULL || *language == '\0'
         || (g_ascii_strncasecmp (language, "en", 2) == 0
             && (language[2] == '\0' || language[2] == '-' || language[2] == '_'));
}

/* The translation's forms, or NULL. Catalogues are never freed, so the
 * strings handed out stay valid; the lock guards the table only. */
static const Message *
lookup (const char *language,
        const char *msgid,
        PluralRule *plural)
{
  Catalog *catalog;
  const Message *message = NULL;

  g_mutex_lock (&lock);
  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, catalog_free);
  if (!g_hash_table_lookup_extended (catalogs, language, NULL, (gpointer *) &catalog))
    {
      catalog = catalog_for_language (language);
      g_hash_table_insert (catalogs, g_strdup (language), catalog);
    }
  if (catalog != NULL)
    {
      message = g_hash_table_lookup (catalog->messages, msgid);
      *plural = catalog->plural;
    }
  g_mutex_unlock (&lock);
  /* An untranslated (empty) entry means: use the original. */
  return message != NULL && message->length > 0 ? message : NULL;
}

const char *
waymark_catalog_gettext (const char *language,
                         const char *msgid)
{
  PluralRule plural;
  const Message *message;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (is_source_language (language))
    return msgid;
  message = lookup (language, msgid, &plural);
  return message != NULL ? message->text : msgid;
}

const char *
waymark_catalog_pgettext (const char *language,
                          const char *context,
                          const char *msgid)
{
  g_autofree char *key = NULL;
  PluralRule plural;
  const Message *message;

  g_return_val_if_fail (context != NULL && msgid != NULL, NULL);

  if (is_source_language (language))
    return msgid;
  /* How gettext stores a message with a context: "context\004msgid". */
  key = g_strconcat (context, "\004", msgid, NULL);
  message = lookup (language, key, &plural);
  return message != NULL ? message->text : msgid;
}

const char *
waymark_catalog_ngettext (const char *language,
                          const char *msgid,
                          const char *msgid_plural,
                          gulong      n)
{
  PluralRule plural = PLURAL_NOT_ONE;
  const Message *message;
  guint form;
  const char *text;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  message = is_source_language (language) ? NULL : lookup (language, msgid, &plural);
  if (message == NULL)
    return n == 1 ? msgid : msgid_plural;

  switch (plural)
    {
    case PLURAL_MORE_THAN_ONE:
      form = n > 1;
      break;
    case PLURAL_NONE:
      form = 0;
      break;
    case PLURAL_NOT_ONE:
    default:
      form = n != 1;
      break;
    }
  /* The forms are NUL-separated within the message's length. */
  text = message->text;
  for (guint i = 0; i < form; i++)
    {
      const char *next = text + strlen (text) + 1;

      if (next > message->text + message->length)
        return text;
      text = next;
    }
  return text;
}

void
waymark_catalog_init_i18n (void)
{
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

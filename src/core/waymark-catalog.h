/* waymark-catalog.h: Waymark's messages in a document's language
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words a map draws around the user's own (the overview's headings,
 * the tag legend, the names of new lanes) belong to the document, not to
 * the interface: a Dutch map exported on an English desktop must read
 * Dutch. These look @msgid up in Waymark's installed catalogue for
 * @language, a document's language tag ("nl", "nl-BE"), and return
 * @msgid (or @msgid_plural) itself for English, for a language without a
 * catalogue, and for a message without a translation. Mark the messages
 * of waymark_catalog_gettext() with N_() so that they are extracted;
 * po/meson.build tells xgettext about waymark_catalog_ngettext().
 * Thread-safe. */
const char *waymark_catalog_gettext  (const char *language,
                                      const char *msgid) G_GNUC_FORMAT (2);
/* The same for a message with a context (marked NC_ (@context, @msgid)). */
const char *waymark_catalog_pgettext (const char *language,
                                      const char *context,
                                      const char *msgid) G_GNUC_FORMAT (3);
const char *waymark_catalog_ngettext (const char *language,
                                      const char *msgid,
                                      const char *msgid_plural,
                                      gulong      n) G_GNUC_FORMAT (3);

/* Sets the locale and binds Waymark's text domain for the interface's
 * messages: to LOCALEDIR, or $WAYMARK_LOCALEDIR for uninstalled runs
 * (meson devenv and the tests). The commands and the editor call it. */
void        waymark_catalog_init_i18n (void);

G_END_DECLS

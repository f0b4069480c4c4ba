/* document-test-util.h: what the document's tests share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-document.h"

G_BEGIN_DECLS

/* The document as saved (canonical form), to compare states by. */
char *document_test_serialise    (WaymarkDocument *doc);
/* The last edit was one undo step called @label (NULL: any label) that
 * changed the document from @before: undo restores @before byte for byte,
 * redo what there was after it. */
void  document_test_assert_step  (WaymarkDocument *doc,
                                  const char      *before,
                                  const char      *label);

G_END_DECLS

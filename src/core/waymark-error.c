/* waymark-error.c: Waymark's error domains
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-error.h"

G_DEFINE_QUARK (waymark-format-error-quark, waymark_format_error)

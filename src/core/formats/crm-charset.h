/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text from files that are not all UTF-8: a spreadsheet saved in Excel's
 * "ANSI" code page, a phone that wrote its own character set. */

const char *crm_charset_guess        (const char  *data,
                                      gsize        length);
const char *crm_charset_describe     (const char  *charset);

typedef struct _CrmCharsetDecoder CrmCharsetDecoder;

CrmCharsetDecoder *crm_charset_decoder_new  (const char        *charset);
void               crm_charset_decoder_free (CrmCharsetDecoder *decoder);
char              *crm_charset_decode       (CrmCharsetDecoder *decoder,
                                             const char        *data,
                                             gsize              length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCharsetDecoder, crm_charset_decoder_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The vCard reader: files as Android and iPhone export them. */

#include "config.h"

#include <string.h>

#include "crm-import.h"
#include "crm-vcard.h"
#include "test-import-util.h"

static GPtrArray *
parse (const char *text)
{
  g_autoptr(GBytes) bytes = bytes_from_string (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *cards = crm_vcard_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cards);
  return cards;
}

#define FAILS(text, code, fragment) assert_fails (text, sizeof (text) - 1, code, fragment)

static void
assert_fails (const char     *text,
              gsize           length,
              CrmImportError  code,
              const char     *fragment)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = crm_vcard_parse (bytes, &error);

  g_assert_null (cards);
  g_assert_error (error, CRM_IMPORT_ERROR, (int) code);
  /* Whatever the file holds, the message is text. */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static const CrmVCardPhone *
phone (const CrmVCard *card,
       guint           i)
{
  g_assert_cmpuint (i, <, card->phones->len);
  return g_ptr_array_index (card->phones, i);
}

static void
test_android (void)
{
  g_autoptr(GBytes) bytes = test_data_bytes ("android-contacts.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = crm_vcard_parse (bytes, &error);
  const CrmVCard *nino, *giorgi, *tamar, *juergen, *nameless;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 5);
  nino = g_ptr_array_index (cards, 0);
  giorgi = g_ptr_array_index (cards, 1);
  tamar = g_ptr_array_index (cards, 2);
  juergen = g_ptr_array_index (cards, 3);
  nameless = g_ptr_array_index (cards, 4);

  /* Quoted-printable UTF-8 over soft line breaks. */
  g_assert_cmpstr (nino->version, ==, "2.1");
  g_assert_cmpstr (nino->full_name, ==, "ნინო ბერიძე");
  g_assert_cmpstr (nino->family_name, ==, "ბერიძე");
  g_assert_cmpstr (nino->given_name, ==, "ნინო");
  g_assert_cmpstr (nino->note, ==, "ყოველ შაბათს მოდის, უყვარს შოთის პური და ნიგვზიანი ნამცხვარი");
  g_assert_cmpuint (nino->phones->len, ==, 2);
  g_assert_cmpstr (phone (nino, 0)->value, ==, "+995 555 12 34 56");
  g_assert_true (phone (nino, 0)->mobile);
  g_assert_false (phone (nino, 1)->mobile);
  g_assert_cmpstr (g_ptr_array_index (nino->emails, 0), ==, "nino.beridze@gmail.com");

  /* The photo's folded base64 is read past; three phones kept in order. */
  g_assert_cmpstr (giorgi->full_name, ==, "გიორგი კაპანაძე");
  g_assert_cmpuint (giorgi->phones->len, ==, 3);
  g_assert_false (phone (giorgi, 0)->mobile);
  g_assert_true (phone (giorgi, 1)->mobile);
  g_assert_cmpstr (phone (giorgi, 1)->value, ==, "599 11 22 33");

  g_assert_true (phone (tamar, 0)->preferred);
  g_assert_cmpstr (tamar->birthday, ==, "1988-03-14");
  g_assert_cmpuint (tamar->emails->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (tamar->addresses, 0), ==,
                   "ჭავჭავაძის გამზ. 12, თბილისი, 0179, საქართველო");

  /* CHARSET=ISO-8859-1 converted. */
  g_assert_cmpstr (juergen->full_name, ==, "Jürgen Müller");
  g_assert_cmpstr (juergen->family_name, ==, "Müller");

  g_assert_null (nameless->full_name);
  g_assert_cmpstr (nameless->given_name, ==, "");
  g_assert_cmpuint (nameless->number, ==, 5);
}

static void
test_iphone (void)
{
  g_autoptr(GBytes) bytes = test_data_bytes ("iphone-contacts.vcf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = crm_vcard_parse (bytes, &error);
  const CrmVCard *ani, *narek, *sarah;

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);
  ani = g_ptr_array_index (cards, 0);
  narek = g_ptr_array_index (cards, 1);
  sarah = g_ptr_array_index (cards, 2);

  /* "item1." groups, TYPE lists, escapes. */
  g_assert_cmpstr (ani->full_name, ==, "Անի Պետրոսյան");
  g_assert_cmpstr (ani->organization, ==, "Սրճարան «Արարատ»");
  g_assert_cmpuint (ani->phones->len, ==, 2);
  g_assert_true (phone (ani, 0)->mobile);
  g_assert_true (phone (ani, 0)->preferred);
  g_assert_false (phone (ani, 1)->mobile);
  g_assert_cmpstr (g_ptr_array_index (ani->addresses, 0), ==, "Աբովյան փ. 5, բն. 12, Երևան, 0001, Հայաստան");
  g_assert_cmpstr (ani->birthday, ==, "1992-07-21");
  g_assert_cmpstr (ani->note, ==, "Նախընտրում է գաթա\nԶանգել երեկոյան");
  g_assert_cmpuint (ani->categories->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ani->categories, 1), ==, "Մեծածախ");

  /* A folded line joins without its leading space. */
  g_assert_cmpstr (narek->note, ==, "Long note that the phone folded over two lines in the middle");
  g_assert_cmpstr (narek->birthday, ==, "--0415");

  /* vCard 4.0: a tel: URI and a quoted TYPE list. */
  g_assert_cmpstr (sarah->version, ==, "4.0");
  g_assert_cmpstr (phone (sarah, 0)->value, ==, "+44-7700-900123");
  g_assert_true (phone (sarah, 0)->mobile);
  g_assert_true (phone (sarah, 0)->preferred);
  g_assert_cmpstr (sarah->birthday, ==, "19850930");
}

static void
test_details (void)
{
  g_autoptr(GPtrArray) cards = NULL;
  const CrmVCard *card;

  /* Lower-case keywords, LF line ends, a soft break folded with a space,
   * a QP "=" that is not an escape, base64 text, an empty TEL. */
  cards = parse ("begin:vcard\nversion:2.1\n"
                 "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=E1=83=9C=E1=83=98=\n"
                 " =E1=83=9C=E1=83=9D =3D=ZZ\n"
                 "NOTE;ENCODING=b:4YOc4YOY4YOc4YOd\n"
                 "TEL;CELL:\n"
                 "X-UNKNOWN;FOO=\"a:b\":ignored\n"
                 "end:vcard\n");
  g_assert_cmpuint (cards->len, ==, 1);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "ნინო ==ZZ");
  g_assert_cmpstr (card->note, ==, "ნინო");
  g_assert_cmpuint (card->phones->len, ==, 0);
  g_clear_pointer (&cards, g_ptr_array_unref);

  /* Lines outside cards and stray ENDs are ignored. */
  cards = parse ("garbage line\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n\r\n");
  g_assert_cmpuint (cards->len, ==, 1);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "A");
  g_assert_cmpuint (card->line, ==, 3);
}

static void
test_errors (void)
{
  /* The second card never ends: the message names it. */
  FAILS ("BEGIN:VCARD\nFN:Anna\nEND:VCARD\nBEGIN:VCARD\nFN:Nino Beridze\nTEL:555\n",
                CRM_IMPORT_ERROR_SYNTAX, "Card 2 (“Nino Beridze”) has no END:VCARD");
  /* A card cut short by the next one. */
  FAILS ("BEGIN:VCARD\nN:Beridze;Nino;;;\nBEGIN:VCARD\nFN:X\nEND:VCARD\n",
                CRM_IMPORT_ERROR_SYNTAX, "Card 1 (“Nino”)");
  FAILS ("BEGIN:VCARD\n", CRM_IMPORT_ERROR_SYNTAX, "Card 1 has no END:VCARD");

  FAILS ("", CRM_IMPORT_ERROR_NO_DATA, "no contacts");
  FAILS ("name,phone\nNino,555\n", CRM_IMPORT_ERROR_NO_DATA, "no contacts");
  FAILS ("BEGIN:VCARD\nFN:\0\nEND:VCARD\n", CRM_IMPORT_ERROR_ENCODING, "binary data");
}

#define PARSE_BYTES(text) parse_bytes (text, sizeof (text) - 1)

static GPtrArray *
parse_bytes (const char *text,
             gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  GPtrArray *cards = crm_vcard_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (cards);
  return cards;
}

/* A bad byte costs its value at most, never the card or the file. */
static void
test_bad_bytes (void)
{
  g_autoptr(GPtrArray) cards = NULL;
  const CrmVCard *card;

  /* Bytes that no character set reads: replaced, and the card says so. */
  cards = PARSE_BYTES ("BEGIN:VCARD\nVERSION:3.0\nFN:Nino\nNOTE:ok \x98\x81\nTEL:555 12 34 56\nEND:VCARD\n");
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "Nino");
  g_assert_cmpstr (card->note, ==, "ok \xef\xbf\xbd\xef\xbf\xbd");
  g_assert_cmpstr (phone (card, 0)->value, ==, "555 12 34 56");
  g_assert_cmpuint (card->remarks->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (card->remarks, 0), ==,
                   "Some characters of the NOTE line could not be read and were replaced with “\xef\xbf\xbd”.");
  g_clear_pointer (&cards, g_ptr_array_unref);

  /* Found by fuzz-vcard: a character set named in bytes that are not text;
   * and one nobody knows. The values are UTF-8 all the same. */
  cards = PARSE_BYTES ("BEGIN:VCARD\nN;CHARSET=win\xff\xfe:x\nFN;CHARSET=NO-SUCH-CHARSET:Ana\nEND:VCARD\n");
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->family_name, ==, "x");
  g_assert_cmpstr (card->full_name, ==, "Ana");
  g_assert_cmpuint (card->remarks->len, ==, 0);
  g_clear_pointer (&cards, g_ptr_array_unref);

  /* No CHARSET, not UTF-8: read in the set the file's other such values
   * share (here windows-1251), and said. */
  cards = PARSE_BYTES ("BEGIN:VCARD\nVERSION:2.1\nFN:Nino\nORG:\xce\xce\xce \xd0\xee\xec\xe0\xf8\xea\xe0\nEND:VCARD\n"
                       "BEGIN:VCARD\nVERSION:2.1\nFN:\xc0\xed\xed\xe0\nEND:VCARD\n");
  g_assert_cmpuint (cards->len, ==, 2);
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->organization, ==, "ООО Ромашка");
  g_assert_cmpstr (g_ptr_array_index (card->remarks, 0), ==,
                   "The ORG line is not UTF-8 and was read as Cyrillic (windows-1251).");
  g_assert_cmpstr (((CrmVCard *) g_ptr_array_index (cards, 1))->full_name, ==, "Анна");
  g_clear_pointer (&cards, g_ptr_array_unref);

  /* Windows writes contacts in UTF-16 with a mark. */
  cards = PARSE_BYTES ("\xff\xfe" "B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n\0F\0N\0:\0\xD0\x10\n\0"
                       "E\0N\0D\0:\0V\0C\0A\0R\0D\0\n\0");
  card = g_ptr_array_index (cards, 0);
  g_assert_cmpstr (card->full_name, ==, "ა");
}

/* vCard 2.1 escapes only ";"; 3.0 and 4.0 also "," "\\" and "\n". */
static void
test_escapes (void)
{
  g_autoptr(GPtrArray) cards = parse ("BEGIN:VCARD\nVERSION:2.1\nN:Beridze\\;Jr;Nino\n"
                                      "NOTE:Files in C:\\Clients\\Nino\\; see \\n, \\Cash\nEND:VCARD\n"
                                      "BEGIN:VCARD\nVERSION:3.0\nN:Beridze\\;Jr;Nino\n"
                                      "NOTE:a\\,b\\;c\\nd\\\\e \\C\nEND:VCARD\n"
                                      "BEGIN:VCARD\nVERSION:4.0\nFN:Ana\\, Lomidze\nEND:VCARD\n");
  const CrmVCard *v21 = g_ptr_array_index (cards, 0);
  const CrmVCard *v30 = g_ptr_array_index (cards, 1);
  const CrmVCard *v40 = g_ptr_array_index (cards, 2);

  g_assert_cmpstr (v21->family_name, ==, "Beridze;Jr");
  g_assert_cmpstr (v21->given_name, ==, "Nino");
  g_assert_cmpstr (v21->note, ==, "Files in C:\\Clients\\Nino; see \\n, \\Cash");
  g_assert_cmpstr (v30->family_name, ==, "Beridze;Jr");
  g_assert_cmpstr (v30->note, ==, "a,b;c\nd\\e \\C");
  g_assert_cmpstr (v40->full_name, ==, "Ana, Lomidze");
}

static void
test_garbage (void)
{
  GRand *rand = g_rand_new_with_seed (11);
  g_autofree guint8 *garbage = g_malloc (256 * 1024);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  for (guint i = 0; i < 256 * 1024; i++)
    garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  bytes = g_bytes_new (garbage, 256 * 1024);
  cards = crm_vcard_parse (bytes, &error);
  g_assert_null (cards);
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING);
}

static void
test_long_line (void)
{
  gsize size = CRM_VCARD_MAX_LINE_BYTES / 4 * 5;
  g_autoptr(GString) text = g_string_sized_new (size + 64);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  g_string_append (text, "BEGIN:VCARD\r\nNOTE:");
  while (text->len < size)
    g_string_append (text, "\r\n xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (text, "\r\nEND:VCARD\r\n");

  bytes = g_bytes_new (text->str, text->len);
  cards = crm_vcard_parse (bytes, &error);
  g_assert_null (cards);
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vcard/android", test_android);
  g_test_add_func ("/vcard/iphone", test_iphone);
  g_test_add_func ("/vcard/details", test_details);
  g_test_add_func ("/vcard/errors", test_errors);
  g_test_add_func ("/vcard/bad-bytes", test_bad_bytes);
  g_test_add_func ("/vcard/escapes", test_escapes);
  g_test_add_func ("/vcard/garbage", test_garbage);
  g_test_add_func ("/vcard/long-line", test_long_line);

  return g_test_run ();
}

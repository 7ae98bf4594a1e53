/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the sample shop is made of: the names of its Georgian, Armenian and
 * foreign customers, their streets, phones and notes, what they buy, how
 * the shop keeps in touch, and the follow-ups and feedback of its year.
 * Sample data, not interface text: none of it is translated. */

#define G_LOG_DOMAIN "crm-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-demo-data.h"

static const CrmDemoName georgian_given[] = {
  { "ნინო", "nino" }, { "თამარ", "tamar" }, { "მარიამ", "mariam" },
  { "ანა", "ana" }, { "ეკატერინე", "ekaterine" }, { "ნათია", "natia" },
  { "სალომე", "salome" }, { "ქეთევან", "ketevan" }, { "ელენე", "elene" },
  { "მაკა", "maka" }, { "ლიკა", "lika" }, { "თეონა", "teona" },
  { "ნანა", "nana" }, { "ხათუნა", "khatuna" }, { "ირინე", "irine" },
  { "სოფო", "sopo" }, { "ია", "ia" }, { "მზია", "mzia" },
  { "ნესტან", "nestan" }, { "ლალი", "lali" },
  { "გიორგი", "giorgi" }, { "ლევან", "levan" }, { "დავით", "davit" },
  { "ზურაბ", "zurab" }, { "ირაკლი", "irakli" }, { "ნიკოლოზ", "nikoloz" },
  { "ლაშა", "lasha" }, { "გიგა", "giga" }, { "ბექა", "beka" },
  { "ლუკა", "luka" }, { "სანდრო", "sandro" }, { "თორნიკე", "tornike" },
  { "ვახტანგ", "vakhtang" }, { "მამუკა", "mamuka" }, { "ალექსანდრე", "aleksandre" },
  { "დათო", "dato" }, { "შოთა", "shota" }, { "ოთარ", "otar" },
  { "რევაზ", "revaz" }, { "ნოდარ", "nodar" },
};

static const CrmDemoName georgian_surnames[] = {
  { "ბერიძე", "beridze" }, { "კაპანაძე", "kapanadze" }, { "გელაშვილი", "gelashvili" },
  { "მამულაშვილი", "mamulashvili" }, { "ჯავახიშვილი", "javakhishvili" },
  { "მაისურაძე", "maisuradze" }, { "გიორგაძე", "giorgadze" }, { "ლომიძე", "lomidze" },
  { "ხუციშვილი", "khutsishvili" }, { "ნოზაძე", "nozadze" }, { "ცერცვაძე", "tsertsvadze" },
  { "კვარაცხელია", "kvaratskhelia" }, { "ჩიქოვანი", "chikovani" }, { "ბაქრაძე", "bakradze" },
  { "გოგოლაძე", "gogoladze" }, { "ქავთარაძე", "kavtaradze" }, { "მელაძე", "meladze" },
  { "აბაშიძე", "abashidze" }, { "წიკლაური", "tsiklauri" }, { "ხარაიშვილი", "kharaishvili" },
  { "გვარამია", "gvaramia" }, { "შენგელია", "shengelia" }, { "ჯანელიძე", "janelidze" },
  { "ტაბატაძე", "tabatadze" }, { "დოლიძე", "dolidze" }, { "კობახიძე", "kobakhidze" },
  { "ღლონტი", "ghlonti" }, { "ჭავჭავაძე", "chavchavadze" }, { "ორბელიანი", "orbeliani" },
  { "წერეთელი", "tsereteli" }, { "სულაბერიძე", "sulaberidze" }, { "ნადირაძე", "nadiradze" },
  { "ხვიჩია", "khvichia" }, { "ასათიანი", "asatiani" },
};

static const CrmDemoName armenian_given[] = {
  { "Անի", "ani" }, { "Մարիամ", "mariam" }, { "Լուսինե", "lusine" },
  { "Հասմիկ", "hasmik" }, { "Նարինե", "narine" }, { "Արմինե", "armine" },
  { "Գայանե", "gayane" }, { "Սիրանուշ", "siranush" }, { "Աննա", "anna" },
  { "Լիլիթ", "lilit" }, { "Տաթևիկ", "tatevik" }, { "Մերի", "meri" },
  { "Անահիտ", "anahit" }, { "Զարուհի", "zaruhi" }, { "Նունե", "nune" },
  { "Սոնա", "sona" }, { "Կարինե", "karine" }, { "Էլեն", "elen" },
  { "Մանե", "mane" }, { "Շուշան", "shushan" },
  { "Արամ", "aram" }, { "Նարեկ", "narek" }, { "Տիգրան", "tigran" },
  { "Գոռ", "gor" }, { "Դավիթ", "davit" }, { "Արմեն", "armen" },
  { "Հայկ", "hayk" }, { "Վահե", "vahe" }, { "Սուրեն", "suren" },
  { "Արտակ", "artak" }, { "Կարեն", "karen" }, { "Գևորգ", "gevorg" },
  { "Աշոտ", "ashot" }, { "Սամվել", "samvel" }, { "Հովհաննես", "hovhannes" },
  { "Ռուբեն", "ruben" }, { "Արթուր", "artur" }, { "Վարդան", "vardan" },
  { "Մհեր", "mher" }, { "Սևակ", "sevak" },
};

static const CrmDemoName armenian_surnames[] = {
  { "Պետրոսյան", "petrosyan" }, { "Հակոբյան", "hakobyan" }, { "Սարգսյան", "sargsyan" },
  { "Գրիգորյան", "grigoryan" }, { "Ավետիսյան", "avetisyan" }, { "Հարությունյան", "harutyunyan" },
  { "Մարտիրոսյան", "martirosyan" }, { "Խաչատրյան", "khachatryan" }, { "Կարապետյան", "karapetyan" },
  { "Վարդանյան", "vardanyan" }, { "Գևորգյան", "gevorgyan" }, { "Մկրտչյան", "mkrtchyan" },
  { "Սահակյան", "sahakyan" }, { "Հովհաննիսյան", "hovhannisyan" }, { "Ղազարյան", "ghazaryan" },
  { "Մանուկյան", "manukyan" }, { "Ստեփանյան", "stepanyan" }, { "Առաքելյան", "arakelyan" },
  { "Բաղդասարյան", "baghdasaryan" }, { "Մինասյան", "minasyan" }, { "Ալեքսանյան", "aleksanyan" },
  { "Դավթյան", "davtyan" }, { "Եղիազարյան", "yeghiazaryan" }, { "Թորոսյան", "torosyan" },
  { "Զաքարյան", "zakaryan" }, { "Համբարձումյան", "hambardzumyan" }, { "Աբրահամյան", "abrahamyan" },
  { "Ասատրյան", "asatryan" }, { "Շահինյան", "shahinyan" }, { "Մելիքյան", "melikyan" },
  { "Սիմոնյան", "simonyan" }, { "Պողոսյան", "poghosyan" }, { "Ներսիսյան", "nersisyan" },
};

/* Visitors, students and people who moved here. */
static const CrmDemoName latin_given[] = {
  { "John", "john" }, { "Sarah", "sarah" }, { "Lukas", "lukas" }, { "Emma", "emma" },
  { "Marco", "marco" }, { "Elif", "elif" }, { "Mehmet", "mehmet" }, { "Anna", "anna" },
  { "David", "david" }, { "Laura", "laura" }, { "Tom", "tom" }, { "Julia", "julia" },
};

static const CrmDemoName latin_surnames[] = {
  { "Miller", "miller" }, { "Becker", "becker" }, { "Rossi", "rossi" }, { "Demir", "demir" },
  { "Kaya", "kaya" }, { "Smith", "smith" }, { "Dubois", "dubois" }, { "Novak", "novak" },
  { "Müller", "mueller" }, { "Yılmaz", "yilmaz" }, { "Jansen", "jansen" }, { "Brown", "brown" },
};

/* Wholesale buyers are often a business rather than a person. */
static const char *const georgian_business_kinds[] = {
  "კაფე", "რესტორანი", "სასტუმრო", "კაფე-ბარი", "საოჯახო სასტუმრო",
};

static const CrmDemoName georgian_business_names[] = {
  { "მზიური", "mziuri" }, { "ქართლი", "kartli" }, { "ალაზანი", "alazani" },
  { "ფუნთუშა", "puntusha" }, { "თამადა", "tamada" }, { "მთაწმინდა", "mtatsminda" },
  { "ბებო", "bebo" }, { "ცისფერი კარი", "tsisperi-kari" },
};

static const char *const armenian_business_kinds[] = {
  "Սրճարան", "Ռեստորան", "Հյուրանոց", "Հացատուն", "Խորովածանոց",
};

static const CrmDemoName armenian_business_names[] = {
  { "Արարատ", "ararat" }, { "Սևան", "sevan" }, { "Նռնենի", "nrneni" },
  { "Արագած", "aragats" }, { "Դիլիջան", "dilijan" }, { "Ծիրան", "tsiran" },
  { "Մասիս", "masis" }, { "Լոռի", "lori" },
};

static const char *const email_domains[] = {
  "gmail.com", "gmail.com", "gmail.com", "gmail.com", "gmail.com",
  "mail.ru", "yandex.ru", "yahoo.com", "outlook.com", "inbox.ru",
};

static const char *const georgian_mobile_codes[] = {
  "551", "555", "557", "558", "568", "571", "574", "577", "579",
  "591", "592", "593", "595", "596", "597", "598", "599",
};

static const char *const armenian_mobile_codes[] = {
  "91", "93", "94", "95", "96", "97", "98", "99", "77", "55", "41", "43", "44", "33",
};

static const char *const tbilisi_streets[] = {
  "რუსთაველის გამზ.", "ჭავჭავაძის გამზ.", "ვაჟა-ფშაველას გამზ.", "აღმაშენებლის გამზ.",
  "წერეთლის გამზ.", "ყაზბეგის გამზ.", "პეკინის ქ.", "ბახტრიონის ქ.", "აბაშიძის ქ.",
  "ფალიაშვილის ქ.", "ლესელიძის ქ.", "კოსტავას ქ.", "გორგასლის ქ.", "ბარნოვის ქ.",
};

static const char *const yerevan_streets[] = {
  "Մաշտոցի պող.", "Աբովյան փ.", "Կոմիտասի պող.", "Բաղրամյան պող.", "Տիգրան Մեծի պող.",
  "Արշակունյաց պող.", "Սայաթ-Նովայի պող.", "Թումանյան փ.", "Պուշկինի փ.", "Նալբանդյան փ.",
  "Հյուսիսային պող.",
};

static const char *const latin_streets[] = {
  "Rustaveli Ave", "Chavchavadze Ave", "Paliashvili St", "Kostava St", "Pekini Ave",
  "Barnovi St", "Abashidze St",
};

static const char *const georgian_notes[] = {
  "ურჩევნია მიტანა სახლში",
  "ალერგია აქვს თხილეულზე",
  "დარეკეთ საღამოს, 18:00-ის შემდეგ",
  "უყვარს ნამცხვრები, ყოველ შაბათს მოდის",
  "იხდის ბარათით",
  "უშაქრო პროდუქტებს ეძებს",
  "დაბადების დღეზე ტორტს უკვეთავს",
  "მხოლოდ ვეგანური პროდუქცია",
  "ფასდაკლების ბარათი აქვს",
  "ლაქტოზას ვერ იტანს",
};

static const char *const english_notes[] = {
  "Prefers home delivery",
  "Allergic to nuts",
  "Call in the evening, after 18:00",
  "Loves pastries, comes every Saturday",
  "Pays by card",
  "Looks for sugar-free products",
  "Orders a cake for birthdays",
  "Vegan products only",
  "Has a discount card",
  "Lactose intolerant",
};

static const char *const armenian_notes[] = {
  "Նախընտրում է առաքում տուն",
  "Ալերգիա ունի ընկույզի նկատմամբ",
  "Զանգահարել երեկոյան, 18:00-ից հետո",
  "Սիրում է թխվածքներ, գալիս է ամեն շաբաթ",
  "Վճարում է քարտով",
  "Փնտրում է առանց շաքարի ապրանքներ",
  "Ծննդյան օրվա համար տորթ է պատվիրում",
  "Միայն վեգան ապրանքներ",
  "Ունի զեղչային քարտ",
  "Լակտոզա չի կարող օգտագործել",
};

const char *const crm_demo_english_baskets[CRM_DEMO_N_BASKETS][5] = {
  { "Coffee and a croissant", "Khachapuri, 2 pcs", "Bread and a pastry",
    "Shoti bread and matsoni", "Lobiani and lemonade" },
  { "Cheese and fruit", "Churchkhela and honey", "Weekly shopping",
    "Sulguni, eggs, milk", "Assorted pastries" },
  { "Birthday cake", "Gift basket", "Pastries to order",
    "New Year gozinaki and churchkhela", "Festive table order" },
  { "Wholesale order: bread, 50 pcs", "Wholesale: pastries for a café",
    "Wholesale: khachapuri for a restaurant", "Wholesale order: bread, 50 pcs",
    "Wholesale: pastries for a café" },
  { "Return: damaged packaging", "Return: wrong order",
    "Return: damaged packaging", "Return: wrong order",
    "Return: damaged packaging" },
};

const char *const crm_demo_georgian_baskets[CRM_DEMO_N_BASKETS][5] = {
  { "ყავა და კრუასანი", "ხაჭაპური, 2 ც.", "პური და ნამცხვარი",
    "შოთის პური და მაწონი", "ლობიანი და ლიმონათი" },
  { "ყველი და ხილი", "ჩურჩხელა და თაფლი", "ყოველკვირეული საყიდლები",
    "სულგუნი, კვერცხი, რძე", "ნამცხვრების ასორტი" },
  { "ტორტი დაბადების დღისთვის", "სასაჩუქრე კალათა", "ნამცხვრები შეკვეთით",
    "საახალწლო გოზინაყი და ჩურჩხელა", "საზეიმო სუფრის შეკვეთა" },
  { "საბითუმო შეკვეთა: პური, 50 ც.", "საბითუმო: ნამცხვრები კაფესთვის",
    "საბითუმო: ხაჭაპური რესტორნისთვის", "საბითუმო შეკვეთა: პური, 50 ც.",
    "საბითუმო: ნამცხვრები კაფესთვის" },
  { "დაბრუნება: დაზიანებული შეფუთვა", "დაბრუნება: არასწორი შეკვეთა",
    "დაბრუნება: დაზიანებული შეფუთვა", "დაბრუნება: არასწორი შეკვეთა",
    "დაბრუნება: დაზიანებული შეფუთვა" },
};

const char *const crm_demo_armenian_baskets[CRM_DEMO_N_BASKETS][5] = {
  { "Սուրճ և կրուասան", "Հաց և թխվածք", "Գաթա, 2 հատ",
    "Լավաշ և մածուն", "Խաչապուրի և լիմոնադ" },
  { "Պանիր և մրգեր", "Մեղր և չրեր", "Շաբաթական գնումներ",
    "Պանիր, ձու, կաթ", "Թխվածքների տեսականի" },
  { "Տորթ ծննդյան օրվա համար", "Նվերի զամբյուղ", "Պատվիրված թխվածքներ",
    "Տոնական սեղանի պատվեր", "Ամանորյա գաթա և սուջուխ" },
  { "Մեծածախ պատվեր՝ հաց, 50 հատ", "Մեծածախ՝ թխվածքներ սրճարանի համար",
    "Մեծածախ՝ լավաշ ռեստորանի համար", "Մեծածախ պատվեր՝ հաց, 50 հատ",
    "Մեծածախ՝ թխվածքներ սրճարանի համար" },
  { "Վերադարձ՝ վնասված փաթեթավորում", "Վերադարձ՝ սխալ պատվեր",
    "Վերադարձ՝ վնասված փաթեթավորում", "Վերադարձ՝ սխալ պատվեր",
    "Վերադարձ՝ վնասված փաթեթավորում" },
};

/* 0 English, 1 Georgian, 2 Armenian, as crm_text_language_index(). */
static const char *
in_language (guint       language,
             const char *english,
             const char *georgian,
             const char *armenian)
{
  return language == 1 ? georgian : language == 2 ? armenian : english;
}

const char *
crm_demo_basket (guint         language,
                 CrmDemoBasket basket,
                 guint         i)
{
  g_assert (basket < CRM_DEMO_N_BASKETS && i < 5);

  return in_language (language, crm_demo_english_baskets[basket][i], crm_demo_georgian_baskets[basket][i],
                      crm_demo_armenian_baskets[basket][i]);
}

const char *
crm_demo_contact_note (guint          language,
                       CrmDemoContact contact,
                       guint          i)
{
  g_assert (contact < CRM_DEMO_N_CONTACTS && i < 2);

  return in_language (language, crm_demo_english_contacts[contact][i], crm_demo_georgian_contacts[contact][i],
                      crm_demo_armenian_contacts[contact][i]);
}

const char *const crm_demo_contact_kinds[CRM_DEMO_N_CONTACTS] = {
  "call", "visit", "message", "email", "other", "call",
};

const char *const crm_demo_english_contacts[CRM_DEMO_N_CONTACTS][2] = {
  { "Called about the order", "Asked when the new coffee comes in" },
  { "Came by, looked at the new pastries", "Came to pick up the order" },
  { "Sent the delivery address", "We sent a discount offer" },
  { "We sent the invoice", "Sent a thank-you letter" },
  { "Left a review on social media", "We reminded them of the cake order" },
  { "We called: not seen for a long time", "We called, no answer" },
};

const char *const crm_demo_georgian_contacts[CRM_DEMO_N_CONTACTS][2] = {
  { "დარეკა შეკვეთის შესახებ", "იკითხა, როდის შემოვა ახალი ყავა" },
  { "შემოიარა, ნახა ახალი ნამცხვრები", "მოვიდა შეკვეთის წასაღებად" },
  { "მოგვწერა მიტანის მისამართი", "გავუგზავნეთ ფასდაკლების შეთავაზება" },
  { "გავუგზავნეთ ინვოისი", "მადლობის წერილი გამოგვიგზავნა" },
  { "შეფასება დაგვიტოვა სოციალურ ქსელში", "შევახსენეთ ტორტის შეკვეთა" },
  { "დავურეკეთ, დიდი ხანია არ გვსტუმრებია", "დავურეკეთ, არ უპასუხია" },
};

const char *const crm_demo_armenian_contacts[CRM_DEMO_N_CONTACTS][2] = {
  { "Զանգահարեց պատվերի մասին", "Հարցրեց՝ երբ կլինի նոր սուրճը" },
  { "Այցելեց, նայեց նոր թխվածքները", "Եկավ պատվերը վերցնելու" },
  { "Գրեց առաքման հասցեն", "Ուղարկեցինք զեղչի առաջարկ" },
  { "Ուղարկեցինք հաշիվ-ապրանքագիրը", "Շնորհակալական նամակ ուղարկեց" },
  { "Կարծիք թողեց սոցիալական ցանցում", "Հիշեցրինք տորթի պատվերի մասին" },
  { "Զանգահարեցինք՝ վաղուց չի եկել", "Զանգահարեցինք, չպատասխանեց" },
};

/* Follow-ups a shop really has: some overdue, some today, some ahead, a
 * few repeating (a monthly order, a weekly delivery). */
static const CrmDemoFollowUp follow_up_plan[] = {
  { { "Call about the order that arrived", "დავურეკოთ ჩამოსული შეკვეთის თაობაზე",
      "Զանգել եկած պատվերի մասին" }, -50, 0 },
  { { "Tell them the order has arrived", "ვაცნობოთ, რომ შეკვეთა ჩამოვიდა",
      "Հայտնել, որ պատվերը եկել է" }, -26, 0 },
  { { "Thank them for the referral", "მადლობა გადავუხადოთ რეკომენდაციისთვის",
      "Շնորհակալություն հայտնել նոր հաճախորդ բերելու համար" }, -6, 0 },
  { { "Remind them of the cake order", "შევახსენოთ ტორტის შეკვეთა",
      "Հիշեցնել տորթի պատվերի մասին" }, -2, 0 },
  { { "Remind them of the birthday discount", "შევახსენოთ დაბადების დღის ფასდაკლება",
      "Հիշեցնել ծննդյան օրվա զեղչի մասին" }, 1, 0 },
  { { "Check the delivery address", "დავაზუსტოთ მიწოდების მისამართი",
      "Ճշտել առաքման հասցեն" }, 3, 0 },
  { { "Weekly delivery to the restaurant", "ყოველკვირეული მიწოდება რესტორანში",
      "Շաբաթական առաքում ռեստորան" }, 5, 7 },
  { { "Monthly wholesale order", "ყოველთვიური საბითუმო შეკვეთა",
      "Ամսական մեծածախ պատվեր" }, 26, 30 },
  { { "Offer the new products", "შევთავაზოთ ახალი პროდუქცია",
      "Առաջարկել նոր ապրանքները" }, 50, 0 },
  { { "Ask how they liked the new range", "ვკითხოთ, როგორ მოეწონა ახალი ასორტიმენტი",
      "Հարցնել, թե ինչպես է դուր եկել նոր տեսականին" }, 75, 0 },
  { { "Every two weeks: the coffee beans order", "ორ კვირაში ერთხელ — ყავის მარცვლების შეკვეთა",
      "Երկու շաբաթը մեկ՝ սուրճի հատիկների պատվեր" }, 120, 14 },
  { { "Call with birthday wishes", "დავურეკოთ დაბადების დღის მისალოცად",
      "Զանգել ծննդյան օրվա կապակցությամբ" }, 200, 0 },
  { { "Update the wholesale prices", "განვაახლოთ საბითუმო ფასები",
      "Թարմացնել մեծածախ գները" }, 330, 0 },
  { { "Check the payment", "შევამოწმოთ გადახდა", "Ստուգել վճարումը" }, -75, 0 },
};

/* What customers said over the year, in their words. */
static const CrmDemoFeedback feedback_plan[] = {
  { "complaint", 2, "ნამცხვარი ძალიან ტკბილი იყო და კრემი დაშლილი.", "ბოდიშს ვიხდით, შემდეგ ჯერზე ნაკლებ შაქარს ჩავამატებთ." },
  { "complaint", 1, "Պատվերը ուշացավ երկու ժամով, հյուրերն արդեն եկել էին։", "Ներողություն ենք խնդրում, առաքիչի հետ խոսել ենք։" },
  { "praise", 5, "საუკეთესო ხაჭაპური ქალაქში! მადლობა!", NULL },
  { "praise", 5, "Շնորհակալություն տորթի համար, բոլորին շատ դուր եկավ։", NULL },
  { "suggestion", 4, "კარგი იქნება, ბარათით გადახდაც რომ შეიძლებოდეს მიწოდებისას.", "ახლა უკვე შესაძლებელია!" },
  { "question", 0, "Կիրակի օրերին աշխատո՞ւմ եք։", "Այո, 10:00-ից 16:00։" },
  { "complaint", 2, "პური გუშინდელი იყო, თუმცა დღევანდელად გაგვიყიდეს.", NULL },
  { "praise", 4, "Գեղեցիկ փաթեթավորում և քաղաքավարի աշխատակազմ։", NULL },
  { "suggestion", 3, "შაქრის გარეშე ნამცხვრებიც გქონდეთ, დიაბეტიკებისთვის.", NULL },
  { "question", 0, "შეგიძლიათ 50 ცალი ნამცხვარი შაბათისთვის მოამზადოთ?", "დიახ, დაგიკავშირდით დეტალებზე." },
  { "complaint", 3, "Սուրճը սառն էր, իսկ սպասելը՝ երկար։", "Շնորհակալություն, նոր սուրճի մեքենա ենք գնել։" },
  { "praise", 5, "ყოველთვის თბილი მიღება და გემრიელი ყავა.", NULL },
  { "praise", 4, "Լավ գներ մեծածախ պատվերների համար։", NULL },
  { "complaint", 1, "<b>ფასი</b> ჩეკზე სხვა იყო, ვიდრე თაროზე & ვერავინ ამიხსნა.", NULL },
  { "suggestion", 5, "Ավելացրեք առցանց պատվերի հնարավորություն։", NULL },
  { "question", 0, "გაქვთ თუ არა ლაქტოზის გარეშე რძე?", NULL },
  { "praise", 5, "Ծննդյան տորթը հիանալի էր, շնորհակալություն!", "Ուրախ ենք, որ դուր եկավ։" },
  { "complaint", 2, "მიწოდებისას ყუთი დაზიანებული მოვიდა.", "თანხა დაგიბრუნეთ, ბოდიში შეწუხებისთვის." },
  { "praise", 4, "სასიამოვნო ატმოსფერო, ბავშვებსაც მოეწონათ.", NULL },
  { "suggestion", 4, "Երեկոյան ավելի ուշ բաց լինեք, խնդրում եմ։", NULL },
  { "praise", 5, "ქეთინომ ძალიან კარგად მომემსახურა.", NULL },
  { "complaint", 2, "Հացը փափուկ չէր, ինչպես նախկինում։", NULL },
  { "question", 0, "Առաքում ունե՞ք Էջմիածին։", NULL },
  { "praise", 3, "კარგია, თუმცა ცოტა ძვირია.", NULL },
  { "complaint", 1, "ტელეფონზე არავინ პასუხობს დილით.", NULL },
  { "praise", 5, "Միշտ թարմ և համեղ։", NULL },
  { "suggestion", 4, "ლოიალობის ბარათი რომ გქონდეთ, უფრო ხშირად მოვიდოდი.", NULL },
  { "complaint", 2, "Տորթի վրա անունը սխալ էր գրված։", "Ներողություն, նորը պատրաստեցինք անվճար։" },
  { "praise", 5, "ჩურჩხელა ზუსტად ისეთია, როგორიც ბებიაჩემის.", NULL },
  { "question", 0, "Կարո՞ղ եմ պատվերը վերցնել ժամը 8-ին։", NULL },
  { "complaint", 3, "ბარათით გადახდა ორჯერ ჩამეჭრა.", NULL },
  { "praise", 4, "Երեխաների համար հատուկ թխվածքները շատ լավն են։", NULL },
};

/* Each table with its length, for the generator's picks. */
#define TABLE(type, name) const type crm_demo_##name = { name, G_N_ELEMENTS (name) }

TABLE (CrmDemoNames, georgian_given);
TABLE (CrmDemoNames, georgian_surnames);
TABLE (CrmDemoNames, armenian_given);
TABLE (CrmDemoNames, armenian_surnames);
TABLE (CrmDemoNames, latin_given);
TABLE (CrmDemoNames, latin_surnames);
TABLE (CrmDemoNames, georgian_business_names);
TABLE (CrmDemoNames, armenian_business_names);
TABLE (CrmDemoWords, georgian_business_kinds);
TABLE (CrmDemoWords, armenian_business_kinds);
TABLE (CrmDemoWords, email_domains);
TABLE (CrmDemoWords, georgian_mobile_codes);
TABLE (CrmDemoWords, armenian_mobile_codes);
TABLE (CrmDemoWords, tbilisi_streets);
TABLE (CrmDemoWords, yerevan_streets);
TABLE (CrmDemoWords, latin_streets);
TABLE (CrmDemoWords, georgian_notes);
TABLE (CrmDemoWords, armenian_notes);
TABLE (CrmDemoWords, english_notes);
TABLE (CrmDemoFollowUps, follow_up_plan);
TABLE (CrmDemoFeedbackPlan, feedback_plan);

"""Word lists of news-page furniture: markers that start a line, agencies, months, UI labels.

Phrases are stored as tuples of folded words (:func:`summarize.text.normalize.fold`),
longest first, so ``اقرأ أيضاً``, ``إقرأ أيضا`` and ``اقرا ايضا`` are the same marker and
the longest marker wins. The rules that use them are in :mod:`summarize.text.clean.boilerplate`.
"""

from __future__ import annotations

from summarize.text.normalize import fold


def folded_set(text: str) -> frozenset[str]:
    """The folded forms of the white-space separated words of ``text``."""
    return frozenset(fold(w) for w in text.split())


def phrases(*items: str) -> tuple[tuple[str, ...], ...]:
    """Marker phrases as tuples of folded words, longest first so the longest wins."""
    return tuple(sorted((tuple(fold(p).split()) for p in items), key=len, reverse=True))


RELATED_STRONG = phrases(
    "اقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "طالع أيضا", "شاهد أيضا", "شاهد كذلك",
    "اقرأ أيضا في", "يهمك أيضا", "قد يهمك", "قد يهمك أيضا", "قد يعجبك أيضا",
    "read more", "read also", "see also", "more on this story",
)  # fmt: skip
RELATED_WEAK = phrases(
    "ذات صلة", "مواضيع ذات صلة", "موضوعات ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة",
    "قصص ذات صلة", "روابط ذات صلة", "أخبار متعلقة", "مقالات مشابهة", "المزيد من الأخبار",
    "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا", "الأكثر شعبية",
    "الأكثر قراءة اليوم", "المزيد", "المزيد من", "أخبار أخرى", "اخترنا لك", "آخر الأخبار",
    "أهم الأخبار", "أخبار عاجلة", "موضوعات أخرى", "مواضيع أخرى", "قصص أخرى",
    "related", "related stories", "related articles", "related topics", "most read",
    "most popular", "most viewed", "more stories", "more from", "more news", "top stories",
)  # fmt: skip
DATE_MARKERS = phrases(
    "تاريخ النشر", "نشر في", "نشر بتاريخ", "تم نشره", "تم النشر", "نشرت في",
    "تاريخ الإضافة", "آخر تحديث", "تم التحديث",
    "تاريخ التحديث", "تحديث", "published", "updated", "last updated", "posted",
)  # fmt: skip
# Date markers of an update, not of publication: the article's own time wins over them.
UPDATE_MARKERS = phrases(
    "آخر تحديث", "تم التحديث", "تاريخ التحديث", "تحديث", "updated", "last updated"
)
SOURCE_MARKERS = phrases("المصدر", "المصادر", "مصدر الخبر", "source", "sources")
TAG_MARKERS = phrases(
    "كلمات دلالية", "الكلمات الدلالية", "الوسوم", "وسوم", "كلمات مفتاحية",
    "الكلمات المفتاحية", "tags", "topics",
)  # fmt: skip
SOCIAL_MARKERS = phrases(
    "تابعونا", "تابعنا", "تابعوا أخبارنا", "تابعوا قناتنا", "تابعوا صفحتنا", "تابعوا حسابنا",
    "تابعوا حساباتنا", "تابعوا على", "تابعوا عبر", "اشترك في قناتنا", "اشترك في قناة",
    "اشترك في النشرة", "اشتركوا في", "اشترك الآن", "انضم إلى قناتنا", "انضموا إلى",
    "انضم إلى", "شارك هذا", "شارك المقال", "شارك الخبر", "شارك على", "شارك عبر",
    "مشاركة عبر", "حمل تطبيق", "حملوا تطبيق", "نزل تطبيق", "لتحميل تطبيق", "تحميل تطبيق",
    "جميع الحقوق محفوظة", "كل الحقوق محفوظة", "حقوق النشر محفوظة", "share this", "share on",
    "follow us", "subscribe", "all rights reserved",
)  # fmt: skip
CAPTION_MARKERS = phrases(
    "مصدر الصورة", "حقوق الصورة", "التعليق على الصورة", "تعليق الصورة", "صورة", "الصورة",
    "تصوير", "image copyright", "image caption", "image source", "photo", "getty images",
)  # fmt: skip
# Caption markers that commonly start a body sentence too, so they need a separator.
CAPTION_NEEDS_SEPARATOR = phrases("صورة", "الصورة", "تصوير", "photo")
BYLINE_MARKERS = phrases(
    "كتب", "كتبت", "بقلم", "إعداد", "حوار", "أجرى الحوار", "تقرير", "ترجمة", "تحرير",
    "مراسل", "مراسلة",
    "by", "written by", "reporting by",
)  # fmt: skip
# Words that end a dateline byline: «الرياض/ متابعات», «القاهرة - خاص».
BYLINE_ENDS = folded_set("متابعات وكالات خاص المحرر مراسلنا")
PLATFORMS = folded_set(
    "فيسبوك فيس بوك تويتر إكس يوتيوب تلغرام تليغرام تيليجرام تيلجرام إنستغرام انستغرام "
    "إنستجرام انستقرام واتساب واتس آب اب تيك توك لينكدإن بريد نسخ الرابط رابط طباعة "
    "facebook twitter x youtube telegram instagram whatsapp tiktok linkedin email print "
    "copy link share شارك مشاركة"
)
AGENCIES = folded_set("getty afp reuters epa ap shutterstock رويترز الأناضول") | {
    "فرانس برس",
    "ا ف ب",
    "اسوشيتد برس",
}
# What a caption's closing brackets hold: «(وام)», «(أ ف ب)», «(Getty Images)».
AGENCY_MARKS = folded_set(
    "وام واس قنا بنا كونا سانا معا وفا إرنا شينخوا رويترز الأناضول الأناضول أرشيفية أرشيف "
    "بترا واع سبأ العمانية "
    "afp ap epa reuters getty shutterstock xinhua anadolu dpa archive"
) | {
    "ا ف ب",
    "فرانس برس",
    "د ب ا",
    "اسوشيتد برس",
    "getty images",
    "ا ش ا",
    "صوره ارشيفيه",
    "رويترز ارشيف",
}
# Legal and comment-policy paragraphs need a topic cue and a cue that the site is speaking.
POLICY_TOPICS = tuple(
    fold(p)
    for p in (
        "التعليق", "تعليقات", "التعليقات", "النقاش", "سياسة الخصوصية", "شروط الاستخدام",
        "إرشادات الاستخدام", "شروط الخدمة", "حقوق النشر", "الحقوق محفوظة", "ملفات تعريف الارتباط",
        "إعادة النشر", "privacy policy", "terms of use", "terms of service", "cookies", "comments",
        "copyright",
    )
)  # fmt: skip
POLICY_SPEAKERS = tuple(
    fold(p)
    for p in (
        "الموقع", "إدارة الموقع", "ننصحك", "نرجو", "يرجى", "نحتفظ", "تعليقك", "قرائنا",
        "القراء", "زوارنا", "شبكة", "يحظر", "يمنع", "you agree", "we use", "we reserve",
        "your comment", "our policy", "by continuing", "by using",
    )
)  # fmt: skip
MONTH_NAMES = (
    "يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر "
    "نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين جانفي فيفري أفريل "
    "ماي جوان جويلية أوت january february march april may june july august september "
    "october november december jan feb mar apr jun jul aug sep sept oct nov dec"
)
MONTHS = folded_set(MONTH_NAMES)
# Words that may stand next to a date: week days, the ordinals in "تشرين الأول", times.
DATE_WORDS = MONTHS | folded_set(
    "الأول الثاني الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت monday "
    "tuesday wednesday thursday friday saturday sunday ص م هـ صباحا مساء مساءً am pm gmt "
    "utc بتوقيت غرينتش جرينتش مكة المكرمة القدس القاهرة الساعة"
)
ALL_MARKERS = (
    *RELATED_STRONG,
    *RELATED_WEAK,
    *DATE_MARKERS,
    *SOURCE_MARKERS,
    *TAG_MARKERS,
    *SOCIAL_MARKERS,
    *CAPTION_MARKERS,
    *BYLINE_MARKERS,
)
LONGEST_MARKER = max(len(m) for m in ALL_MARKERS)

# ruff: noqa: E501  (HTML templates of whole pages)
"""Page layouts of the synthetic golden pages, one per site, modelled on real Arabic news sites.

Each layout turns an article (headline, date as written, paragraphs) into a saved HTML page
with the furniture such sites carry: mastheads, welcome banners, news tickers, menus, share
and print buttons, captions, embedded tweets, ad labels, related and most-read lists,
comments and footers. It returns the page and the furniture strings that must not reach a
summary. The site names are invented; the layouts follow what real pages of Arabic news
sites show (see tests/text/clean/pages/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Article = dict[str, Any]
Layout = Callable[[Article], tuple[str, list[str]]]


def _page(title: str, body: str, og: str | None = None, lang: str = "ar") -> str:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n{meta}\n<script>var ads = [];</script>\n"
        f"<style>.menu{{display:flex}}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _ul(items: list[str], cls: str = "menu") -> str:
    lis = "".join(f'<li><a href="/{i}">{t}</a></li>' for i, t in enumerate(items))
    return f'<ul class="{cls}">{lis}</ul>'


def _ps(paragraphs: list[str], inserts: dict[int, str] | None = None) -> str:
    out = []
    for i, p in enumerate(paragraphs):
        out.append(f"<p>{p}</p>")
        if inserts and i in inserts:
            out.append(inserts[i])
    return "\n".join(out)


MENU_A = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "فن", "منوعات", "فيديو"]
RELATED_A = [
    "وزير المالية يعلن موعد صرف الرواتب الشهرية للموظفين",
    "حريق يلتهم مستودعا للأخشاب في المنطقة الصناعية دون إصابات",
    "نجم منتخب الشباب ينتقل إلى نادٍ أوروبي في صفقة قياسية",
]


def alnahar(a: Article) -> tuple[str, list[str]]:
    caption = "صورة أرشيفية لإحدى محطات الحافلات في وسط المدينة"
    body = f"""
<header><div class="logo"><a href="/">النهار الإخباري</a></div>{_ul(MENU_A)}</header>
<div class="breadcrumb"><a href="/">الرئيسية</a> &gt; <a href="/news">أخبار محلية</a></div>
<article>
<h1>{a["headline"]}</h1>
<div class="meta"><span class="date">{a["date"]}</span> <span class="views">1250 مشاهدة</span></div>
<figure><img src="a.jpg"><figcaption>{caption}</figcaption></figure>
{_ps(a["paragraphs"], {1: '<p class="related-inline"><a href="/x">اقرأ أيضا: ' + RELATED_A[0] + "</a></p>"})}
<div class="tags">الكلمات الدلالية: <a>النقل</a> <a>الحكومة</a> <a>العاصمة</a></div>
</article>
<section class="related"><h3>أخبار ذات صلة</h3>{_ul(RELATED_A[1:], "list")}</section>
<footer><p>جميع الحقوق محفوظة © النهار الإخباري 2024</p>{_ul(["من نحن", "اتصل بنا", "سياسة الخصوصية"])}</footer>
"""
    title = f"{a['headline']} - النهار الإخباري"
    return _page(title, body, og=a["headline"]), [
        caption,
        *RELATED_A,
        "1250 مشاهدة",
        "الكلمات الدلالية",
    ]


TICKER_B = [
    "عاجل: زلزال بقوة خمس درجات يضرب جزيرة في المحيط الهادئ",
    "عاجل: ارتفاع حصيلة ضحايا الفيضانات في جنوب آسيا إلى مئتي قتيل",
    "عاجل: الأمم المتحدة تدعو إلى هدنة إنسانية فورية",
]
MOST_READ_B = [
    "أسعار الذهب تسجل مستوى قياسيا جديدا في التعاملات الصباحية",
    "تعرف على مواعيد امتحانات نهاية العام الدراسي",
    "فنانة مشهورة تعلن اعتزالها بعد ثلاثين عاما من العطاء",
    "الأرصاد: موجة حارة تضرب البلاد اعتبارا من الغد",
]


def almashriqia(a: Article) -> tuple[str, list[str]]:
    dateline = f"سياسة {a['date']} | -- المشرقية - بيروت"
    body = f"""
<div class="ticker"><span>شريط الأخبار</span>{_ul(TICKER_B, "ticker")}</div>
<header><a class="logo" href="/">وكالة الأنباء المشرقية</a>{_ul(["الرئيسية", "محليات", "عربي ودولي", "اقتصاد", "رياضة", "ثقافة"])}</header>
<main>
<div class="article-meta">{dateline}</div>
<h2 class="title">{a["headline"]}</h2>
<div class="content">{_ps(a["paragraphs"])}</div>
<div class="share"><a>فيسبوك</a> <a>تويتر</a> <a>واتساب</a> <a>تلغرام</a></div>
</main>
<aside><h3>الأكثر قراءة</h3>{_ul(MOST_READ_B, "most")}</aside>
<footer>وكالة الأنباء المشرقية - جميع الحقوق محفوظة 2024</footer>
"""
    return _page(f"المشرقية | {a['headline']}", body), [*TICKER_B, *MOST_READ_B, "بيروت", "سياسة"]


def alrabia(a: Article) -> tuple[str, list[str]]:
    welcome = "مرحبا بك في موقع الرابية لتطلع على آخر الأحداث والأخبار المحلية والعالمية لحظة بلحظة"
    ad = "اضافة اعلان"
    body = f"""
<div class="welcome">{welcome}</div>
<header><a href="/" class="logo">الرابية</a>{_ul(["الرئيسية", "أخبار", "صحة", "مجتمع", "مقالات", "اتصل بنا"])}</header>
<article>
<h1>{a["headline"]}</h1>
<div class="info"><span>نشر :</span> <span></span> <span>آخر تحديث :</span></div>
<div class="tools"><a class="print">طباعة</a> <span>الصفحة</span> <a>تكبير الخط</a></div>
<div class="date">{a["date"]}</div>
{_ps(a["paragraphs"], {1: f'<div class="ad-label">{ad}</div>'})}
</article>
<div class="comments"><h3>التعليقات</h3><p>لا توجد تعليقات بعد، كن أول من يعلق على هذا الخبر.</p></div>
<footer>جميع الحقوق محفوظة لموقع الرابية</footer>
"""
    return _page(a["headline"], body), [welcome, ad, "الصفحة", "نشر :", "كن أول من يعلق"]


def aldaffa(a: Article) -> tuple[str, list[str]]:
    author = "سامر الخطيب"
    counter = f"4,812 صورة الكاتب {author} بقلم: {author}"
    body = f"""
<header><a href="/">صحيفة الضفة</a>{_ul(["الرئيسية", "محليات", "مقالات الرأي", "كاريكاتير", "الأرشيف"])}</header>
<div class="column">
<div class="byline">الضفة - {author}</div>
<div class="stats">{counter}</div>
<h1>{a["headline"]}</h1>
<time>{a["date"]}</time>
{_ps(a["paragraphs"])}
<div class="bio">{author} كاتب وباحث في الشؤون العامة</div>
</div>
<section><h3>مقالات أخرى للكاتب</h3>{_ul(["عن المدن التي نحب", "الماء أولا", "اقتصاد الظل"], "list")}</section>
<footer>صحيفة الضفة © 2024</footer>
"""
    return _page(f"{a['headline']} | صحيفة الضفة", body), [
        counter,
        f"الضفة - {author}",
        "كاتب وباحث",
        "اقتصاد الظل",
    ]


def alwadi(a: Article) -> tuple[str, list[str]]:
    tweet = (
        "الطرق مغلقة في عدة مناطق pic.twitter.com/aB3xYz9 — مديرية الدفاع المدني "
        "(@CivilDefense) October 24, 2025"
    )
    body = f"""
<header><a href="/">بوابة الوادي</a>{_ul(["الرئيسية", "محافظات", "حوادث", "جامعات", "رياضة"])}</header>
<article>
<h1>{a["headline"]}</h1>
<div class="date">{a["date"]}</div>
{_ps(a["paragraphs"], {1: '<div class="ad">إعلان</div>', 2: f'<blockquote class="twitter-tweet"><p>{tweet}</p></blockquote>'})}
<div class="ad-slot">اضافة اعلان</div>
<div class="share">شارك الخبر: <a>فيسبوك</a> <a>إكس</a></div>
</article>
<section><h3>اقرأ أيضا</h3>{_ul(["انقطاع الكهرباء عن عدة أحياء لساعات", "تشغيل خط حافلات جديد بين الجامعة والمطار"], "list")}</section>
<footer>بوابة الوادي 2025</footer>
"""
    return _page(a["headline"], body), [
        "pic.twitter.com",
        "@CivilDefense",
        "اضافة اعلان",
        "انقطاع الكهرباء عن عدة أحياء",
    ]


def alsahil(a: Article) -> tuple[str, list[str]]:
    caption = "جانب من المعرض (صورة: أخبار الساحل)"
    body = f"""
<header><a href="/">أخبار الساحل</a>{_ul(["الرئيسية", "محليات", "بحر", "ثقافة", "رياضة", "آراء"])}</header>
<div class="post">
<h1>{a["headline"]}</h1>
<span class="post-date">{a["date"]}</span>
{_ps(a["paragraphs"][:1])}
<div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">{caption}</p></div>
{_ps(a["paragraphs"][1:])}
</div>
<div class="related"><h4>مواضيع ذات صلة</h4>{_ul(["مسابقة لأجمل صورة للبحر", "تنظيف الشاطئ الشمالي بمشاركة متطوعين"], "list")}</div>
<footer>أخبار الساحل جميع الحقوق محفوظة</footer>
"""
    return _page(f"{a['headline']} – أخبار الساحل", body), [
        "جانب من المعرض",
        "مسابقة لأجمل صورة للبحر",
    ]


def almadar(a: Article) -> tuple[str, list[str]]:
    ticker = [
        "مباشر: مؤتمر صحفي لوزير الخارجية",
        "الآن: نشرة الأخبار الرئيسية",
        "بعد قليل: برنامج الملعب",
    ]
    body = f"""
<div class="channels"><a>المدار الإخبارية</a> <a>المدار سبورت</a> <a>المدار دراما</a> <a>المدار كيدز</a></div>
<div class="live">{_ul(ticker, "live")}</div>
<header>{_ul(["الرئيسية", "أخبار", "رياضة", "برامج", "بث مباشر"])}</header>
<div class="story">
<span class="label">فيديو</span>
<h1>{a["headline"]}</h1>
<p class="time">{a["date"]}</p>
{_ps(a["paragraphs"])}
<p class="more"><a>شاهد أيضا: أهداف المباراة كاملة بجودة عالية</a></p>
</div>
<footer>قناة المدار - كل الحقوق محفوظة</footer>
"""
    return _page(f"{a['headline']} | قناة المدار", body, og=a["headline"]), [
        "المدار سبورت",
        *ticker,
        "أهداف المباراة كاملة",
    ]


def alsabah(a: Article) -> tuple[str, list[str]]:
    comments = [
        "أحمد: هذا القرار تأخر كثيرا ونتمنى أن يطبق على الجميع دون استثناء، فالمواطن تعب من الوعود التي لا تنفذ.",
        "سلمى: أتمنى أن تتابع الجهات المعنية التنفيذ على أرض الواقع، لأن المشكلة دائما في التطبيق وليست في النصوص.",
        "خالد: شكرا للصحيفة على المتابعة المستمرة، ونرجو نشر التفاصيل الكاملة حين تصدر اللوائح التنفيذية.",
    ]
    body = f"""
<header><a href="/">جريدة الصباح الجديد</a>{_ul(["الرئيسية", "الأخبار", "الاقتصاد", "الرأي", "الرياضة"])}</header>
<div class="article">
<h1>{a["headline"]}</h1>
<div class="date">{a["date"]}</div>
{_ps(a["paragraphs"])}
</div>
<div class="comments"><h3>التعليقات (3)</h3>{"".join(f'<div class="comment"><p>{c}</p></div>' for c in comments)}</div>
<aside><h3>الأكثر مشاهدة</h3>{_ul(MOST_READ_B[:3], "most")}</aside>
<footer>جريدة الصباح الجديد 2024</footer>
"""
    return _page(a["headline"], body), [
        *(c.split(":")[0] + ":" for c in comments),
        "المواطن تعب",
        *MOST_READ_B[:3],
    ]

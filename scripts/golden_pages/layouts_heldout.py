# ruff: noqa: E501  (HTML templates of whole pages)
"""Layouts of the held-out half of the synthetic golden pages (other sites, other furniture).

Written before the rules of issue 20 and not run while writing them; see layouts.py.
"""

from __future__ import annotations

from layouts import Article, _page, _ps, _ul


def alofuq(a: Article) -> tuple[str, list[str]]:
    ticker = [
        "عاجل | انقطاع الإنترنت عن عدة دول في شمال أفريقيا",
        "عاجل | إطلاق سراح صحفيين محتجزين منذ شهرين",
    ]
    body = f"""
<div class="breaking">{_ul(ticker, "breaking")}</div>
<nav><a href="/">شبكة الأفق</a>{_ul(["الرئيسية", "أخبار", "اقتصاد", "منوعات", "تكنولوجيا"])}</nav>
<div class="main">
<h1 class="entry-title">{a["headline"]}</h1>
<div class="entry-meta"><span>منذ ساعتين</span> <span>{a["date"]}</span></div>
{_ps(a["paragraphs"], {2: '<p><a href="/r">اقرأ المزيد: أسعار صرف العملات الأجنبية مقابل الليرة اليوم</a></p>'})}
<div class="entry-tags">وسوم: <a>اقتصاد</a> <a>أخبار</a></div>
</div>
<div class="sidebar"><h3>آخر الأخبار</h3>{_ul(["وفاة ممثل كوميدي شهير عن عمر ناهز السبعين", "تعادل سلبي في قمة الدوري المحلي"], "list")}</div>
<footer>شبكة الأفق الإخبارية 2024 ©</footer>
"""
    return _page(f"{a['headline']} | شبكة الأفق", body), [
        *ticker,
        "أسعار صرف العملات",
        "ممثل كوميدي",
        "منذ ساعتين",
    ]


def alhadath(a: Article) -> tuple[str, list[str]]:
    welcome = "أهلا وسهلا بكم في الحدث اليوم، موقعكم الأول للأخبار العاجلة والتقارير الحصرية"
    caption = "الوزير خلال المؤتمر الصحفي"
    body = f"""
<div class="top-banner">{welcome}</div>
<header><a href="/">الحدث اليوم</a>{_ul(["الرئيسية", "سياسة", "مجتمع", "فيديو", "صور"])}</header>
<article>
<h1>{a["headline"]}</h1>
<div class="date">{a["date"]}</div>
<figure><img src="c.jpg"><figcaption>{caption}</figcaption></figure>
{_ps(a["paragraphs"])}
<div class="newsletter">اشترك في النشرة البريدية لتصلك أهم الأخبار يوميا</div>
<div class="tags">الوسوم <a>وزارة</a> <a>شباب</a></div>
</article>
<footer>الحدث اليوم - جميع الحقوق محفوظة</footer>
"""
    return _page(a["headline"], body), [welcome, caption, "النشرة البريدية"]


def almizan(a: Article) -> tuple[str, list[str]]:
    caption = "صورة من الأرشيف - الميزان"
    body = f"""
<header><a href="/">صحيفة الميزان</a>{_ul(["الرئيسية", "وطني", "جهات", "رياضة", "ثقافة", "كتاب وآراء"])}</header>
<div class="article">
<h1>{a["headline"]}</h1>
<div class="meta">الميزان <span>{a["date"]}</span></div>
<div class="img"><img src="d.jpg"><span class="caption">{caption}</span></div>
{_ps(a["paragraphs"])}
</div>
<div class="comments"><h3>تعليقات الزوار</h3>
<div class="comment"><p>مواطن غيور: نتمنى أن تصل هذه المبادرات إلى القرى النائية أيضا فهي الأكثر حاجة إليها.</p></div>
<p class="policy">المرجو عدم نشر تعليقات مسيئة، وإدارة الموقع تحتفظ بحق حذف أي تعليق مخالف.</p>
</div>
<aside><h3>الأكثر قراءة</h3>{_ul(["تساقطات ثلجية مرتقبة بالمرتفعات", "المنتخب يواجه ضيفه وديا الأسبوع المقبل"], "most")}</aside>
"""
    return _page(f"الميزان - {a['headline']}", body), [
        "صورة من الأرشيف",
        "مواطن غيور",
        "القرى النائية",
        "تساقطات ثلجية",
    ]


def alrasd(a: Article) -> tuple[str, list[str]]:
    tweet = (
        "لحظة القبض على أفراد الشبكة pic.twitter.com/Qw12Er — الرصد نيوز "
        "(@AlrasdNews) January 28, 2025"
    )
    body = f"""
<header><a href="/">الرصد نيوز</a>{_ul(["الرئيسية", "أخبار", "اقتصاد", "أمن", "تقنية"])}</header>
<div class="post">
<div class="cat-date">اقتصاد {a["date"]} | -- الرصد نيوز - عمان</div>
<h1>{a["headline"]}</h1>
<div class="views">مشاهدات 5,120</div>
{_ps(a["paragraphs"], {1: '<div class="ad">إعلان</div>', 2: f'<blockquote class="twitter-tweet"><p>{tweet}</p></blockquote>'})}
<div class="print"><a>طباعة الصفحة</a> <a>إرسال لصديق</a></div>
</div>
<section><h3>أخبار متعلقة</h3>{_ul(["البورصة تغلق على ارتفاع طفيف", "الذهب يستقر عند مستوياته المرتفعة"], "list")}</section>
"""
    return _page(a["headline"], body), [
        "pic.twitter.com",
        "@AlrasdNews",
        "مشاهدات",
        "البورصة تغلق",
        "إرسال لصديق",
        "الصفحة",
    ]


def alnil(a: Article) -> tuple[str, list[str]]:
    caption = "جانب من الجولة"
    body = f"""
<header><a href="/">بوابة النيل</a>{_ul(["الرئيسية", "محافظات", "حوادث", "تعليم", "فن", "رياضة"])}</header>
<div class="news">
<h1>{a["headline"]}</h1>
<div class="writer">كتب: محمود عبد الله</div>
<div class="date">{a["date"]}</div>
{_ps(a["paragraphs"][:2])}
<p><strong>اقرأ أيضا</strong></p>
<p><a>محافظ الجيزة يعتمد المخطط التفصيلي لحي الهرم</a></p>
{_ps(a["paragraphs"][2:])}
<div class="gallery"><img src="e.jpg"><p>{caption}</p><img src="f.jpg"><p>{caption}</p></div>
</div>
<div class="most"><h3>الأكثر قراءة</h3>{_ul(["حالة الطقس غدا: ارتفاع في درجات الحرارة", "نتيجة الشهادة الإعدادية بالاسم"], "most")}</div>
"""
    return _page(f"{a['headline']} - بوابة النيل", body, og=a["headline"]), [
        "محمود عبد الله",
        "حي الهرم",
        caption,
        "حالة الطقس غدا",
    ]


def alkhaleej(a: Article) -> tuple[str, list[str]]:
    body = f"""
<header><a href="/">صوت الخليج</a>{_ul(["الرئيسية", "محليات", "خليجيات", "اقتصاد", "رياضة", "كتاب"])}</header>
<div class="article-page">
<div class="date">{a["date"]}</div>
<h1>{a["headline"]}</h1>
<div class="agency">الرياض - واس</div>
{_ps(a["paragraphs"])}
<div class="tools"><a>طباعة</a> <a>إرسال</a> <a>حفظ</a> <a>A+</a> <a>A-</a></div>
</div>
<div class="related"><h3>قد يعجبك أيضا</h3>{_ul(["جامعة وطنية تحصد جائزة دولية في الابتكار", "سفر موظفي القطاع العام: ضوابط جديدة"], "list")}</div>
<footer>صوت الخليج © 2024 - جميع الحقوق محفوظة</footer>
"""
    return _page(a["headline"], body), ["الرياض - واس", "جائزة دولية في الابتكار", "A+"]


def alsham(a: Article) -> tuple[str, list[str]]:
    ticker = [
        "الشام برس: انخفاض درجات الحرارة في الساعات القادمة",
        "الشام برس: افتتاح معرض للحرف اليدوية",
    ]
    body = f"""
<div class="news-bar"><b>آخر الأخبار</b>{_ul(ticker, "bar")}</div>
<header><a href="/">الشام برس</a>{_ul(["الرئيسية", "محليات", "عربي", "دولي", "رياضة", "فن"])}</header>
<div class="single">
<div class="cat">محليات</div>
<h1>{a["headline"]}</h1>
<div class="date">{a["date"]}</div>
{_ps(a["paragraphs"])}
<p class="source">المصدر: الشام برس</p>
</div>
<div class="more"><h3>المزيد من الأخبار</h3>{_ul(["ارتفاع أسعار المحروقات في السوق السوداء", "مباراة ودية للمنتخب الأولمبي"], "list")}</div>
<footer>الشام برس 2024</footer>
"""
    return _page(f"{a['headline']} - الشام برس", body), [
        *ticker,
        "أسعار المحروقات",
        "المنتخب الأولمبي",
    ]

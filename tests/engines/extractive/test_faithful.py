"""Issue 19 §1-2: a summary is whole sentences of the cleaned article, in article order.

The invariant (:func:`summarize.text.extracts.is_extract`) is checked on generated Arabic
text through the real cleaner and splitter, on the shipped examples, on the cleaner's golden
inputs and on the tiny corpus, for every length option and both rankers.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.engines.base import Length
from summarize.engines.extractive.engine import DEFAULT_MIN_WORDS, ExtractiveEngine
from summarize.errors import InputError
from summarize.pipeline import Prepared, prepare
from summarize.sources.inputs import read_source
from summarize.text.extracts import is_extract
from summarize.text.normalize import word_count
from summarize.tiny.corpus import arabic_article

ROOT = Path(__file__).resolve().parents[3]
LENGTHS = [
    Length(),
    Length(max_words=12),
    Length(max_words=40),
    Length(max_words=120),
    Length(sentences=1),
    Length(sentences=3),
    Length(sentences=5),
    Length(ratio=0.1),
    Length(ratio=0.3),
    Length(sentences=2, max_words=30),
]
ENGINES = [
    ExtractiveEngine(ranker="heuristic"),
    ExtractiveEngine(ranker="learned"),
    ExtractiveEngine(ranker="learned", selection="knapsack"),
]


def summary(prepared: Prepared, length: Length, engine: ExtractiveEngine) -> str:
    return "".join(engine.summarize(prepared.doc, length, prepared.doc.lang))


def assert_faithful(prepared: Prepared) -> None:
    for engine in ENGINES:
        for length in LENGTHS:
            out = summary(prepared, length, engine)
            assert out, (engine.ranker, length)
            assert is_extract(out, prepared.doc.text), (engine.ranker, length, out)


def real_texts() -> list[tuple[str, str]]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in (ROOT / "examples").glob("*.txt")]
    golden = sorted((ROOT / "tests" / "text" / "clean" / "golden" / "clean").glob("*.txt"))
    assert golden, "the cleaner's golden inputs moved"
    texts += [(p.name, p.read_text(encoding="utf-8")) for p in golden]
    texts += [(f"tiny-{n}", arabic_article(n, seed=n)) for n in (1, 3, 8, 20)]
    # A golden case that the cleaner empties entirely has nothing to summarise.
    return [(name, raw) for name, raw in texts if name != "only_boilerplate.txt"]


REAL = real_texts()


@pytest.mark.parametrize(("name", "raw"), REAL, ids=[n for n, _ in REAL])
def test_real_articles_give_whole_sentences(name: str, raw: str) -> None:
    assert_faithful(prepare(raw))


def test_the_html_example_gives_whole_sentences_and_no_heading() -> None:
    source = read_source(str(ROOT / "examples" / "article.html"))
    prepared = prepare(source.text, title=source.title)
    assert_faithful(prepared)
    out = summary(prepared, Length(), ENGINES[0])
    assert "نموذج لمدن أخرى" in prepared.doc.text
    assert "نموذج لمدن أخرى" not in out


# Generated articles: words, clause marks, sentence ends, connective openers, short
# unpunctuated lines (headings), over-long sentences and hard line breaks.
WORD_TEXT = (
    "الحكومة أعلنت المدينة مشروع المياه الطاقة الشمسية السكان البلدية الخبراء 2024 ١٢ "
    "في من على إلى أن التي كما وهي وكان ولكن وأضاف د. م. U.S. «قال» (صورة) …"
)
WORDS = st.sampled_from(WORD_TEXT.split())
SENTENCE = st.tuples(
    st.lists(WORDS, min_size=1, max_size=40),
    st.sampled_from([".", "؟", "!", "", "،", "…", "."]),
).map(lambda t: " ".join(t[0]) + t[1])
LINE = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
ARTICLE = st.lists(
    st.tuples(LINE, st.sampled_from(["\n", "\n\n", "\n", " "])), min_size=1, max_size=12
).map(lambda parts: "".join(line + sep for line, sep in parts))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=ARTICLE, long_sentence=st.integers(0, 150))
def test_generated_articles_give_whole_sentences(raw: str, long_sentence: int) -> None:
    raw += "\n" + " ".join(["الحكومة"] * long_sentence)
    try:
        prepared = prepare(raw)
    except InputError:
        return  # nothing left after cleaning: the CLI reports it, no summary to check
    assert_faithful(prepared)


def test_a_join_of_two_sentence_pieces_is_detected() -> None:
    article = "ذكور الأسود الأوائل كانت عديمة اللبدة. ثم ظهرت اللبدة لاحقا في الذكور."
    assert is_extract(article, article)
    assert is_extract("ثم ظهرت اللبدة لاحقا في الذكور.", article)
    assert is_extract("ذكور الأسود الأوائل…", article)
    assert not is_extract("ذكور الأسود الأوائل ظهرت اللبدة لاحقا في الذكور.", article)
    assert not is_extract("ذكور الأسود الأوائل… ثم ظهرت اللبدة لاحقا في الذكور.", article)
    swapped = "ثم ظهرت اللبدة لاحقا في الذكور. ذكور الأسود الأوائل كانت عديمة اللبدة."
    assert not is_extract(swapped, article)


def test_sentences_k_gives_k_whole_sentences_even_when_they_are_long() -> None:
    # Sentences over 80 words used to be cut into clause units, so k units came back.
    long_ = " ".join(["وأغرقت المياه شوارع المدينة القديمة وأحياءها الفقيرة،"] * 15)
    paragraphs = [f"الجملة رقم {i} عن الفيضانات في المدينة. {long_} {i}." for i in range(4)]
    prepared = prepare("\n".join(paragraphs))
    for k in (1, 3, 5, 8):
        out = summary(prepared, Length(sentences=k), ENGINES[0])
        kept = [s for s in prepared.doc.sentences if s.text in out]
        assert len(kept) == k
        assert is_extract(out, prepared.doc.text)


def test_the_default_keeps_its_promise_on_the_example() -> None:
    source = read_source(str(ROOT / "examples" / "article.txt"))
    prepared = prepare(source.text)
    out = summary(prepared, Length(), ENGINES[0])
    assert word_count(out) >= DEFAULT_MIN_WORDS
    assert is_extract(out, prepared.doc.text)

"""Byte decoding on evidence: damaged UTF-8 stays UTF-8, legacy code pages, no silent mojibake."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scripts.distance import distance
from summarize.sources.decode import DecodeError, decode, plausibility

TEXT = (
    "قال الوزير إن الاقتصاد نما بنسبة 3.5 في المئة، وهو أعلى معدل منذ عام 2010.\n"
    "وأضاف أن الحكومة ستواصل دعم الصادرات والزراعة والصناعة في الأشهر المقبلة.\n"
    "ويتوقع الخبراء أن يستمر النمو خلال العام المقبل إذا بقيت أسعار النفط مستقرة.\n"
)


def damaged_utf8(text: str, positions: tuple[int, ...]) -> bytes:
    data = bytearray(text.encode("utf-8"))
    for pos in positions:
        data[pos] = 0xFF
    return bytes(data)


def test_damaged_utf8_stays_utf8_with_the_bad_bytes_replaced() -> None:
    middle = len(TEXT.encode("utf-8")) // 2
    decoded = decode(damaged_utf8(TEXT, (middle, middle + 40, middle + 80)))
    assert decoded.encoding == "utf-8"
    assert decoded.replaced >= 3
    assert decoded.text.count("\ufffd") == decoded.replaced
    # Away from the damage, every line reads as it was written.
    assert TEXT.splitlines()[0] in decoded.text.splitlines()


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("iso8859_6"),
        TEXT.replace(" ", "  ").encode("mac_arabic"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.encode("cp1256"),
    ],
    ids=["iso-8859-6", "mac-arabic", "utf16-le-no-bom", "utf16-be-no-bom", "cp1256"],
)
def test_legacy_and_bomless_encodings(data: bytes) -> None:
    expected = TEXT.replace(" ", "  ") if b"\xa0" in data else TEXT
    assert decode(data).text == expected


def test_utf8_once_misread_as_cp1256_is_repaired() -> None:
    mojibake = TEXT.encode("utf-8").decode("cp1256")
    decoded = decode(mojibake.encode("utf-8"))
    assert decoded.text == TEXT
    assert decoded.repaired


def test_mojibake_reads_worse_than_text() -> None:
    mojibake = TEXT.encode("utf-8").decode("cp1256", errors="replace")
    assert plausibility(TEXT) == 1.0
    assert plausibility(mojibake) < 0.8
    assert plausibility(TEXT.encode("iso8859_6").decode("cp1256")) < 0.9


def test_utf8_damaged_beyond_repair_is_refused() -> None:
    data = bytearray(TEXT.encode("utf-8"))
    data[1::3] = b"\xff" * len(data[1::3])
    with pytest.raises(DecodeError, match="not text"):
        decode(bytes(data))


def test_short_bytes_two_code_pages_read_differently_are_refused() -> None:
    # 0xD8 is ط in Windows-1256 and ظ in ISO-8859-6: no evidence either way.
    with pytest.raises(DecodeError, match="cannot tell"):
        decode("طب".encode("cp1256"))


# Letters every supported encoding can write, and words as news text has them.
_ARABIC = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
_WORD = st.one_of(
    st.text(alphabet=_ARABIC, min_size=1, max_size=9),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9),
    st.integers(0, 3000).map(str),
)
_PUNCT = st.sampled_from(["", "", "", "،", ".", "؟", "؛", ","])
_TEXT = st.lists(st.tuples(_WORD, _PUNCT).map("".join), min_size=1, max_size=60).map(" ".join)
_ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso8859_6", "mac_arabic")


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(max_examples=300, deadline=None)
@given(
    text=_TEXT,
    encoding=st.sampled_from(_ENCODINGS),
    damage=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=2),
)
def test_round_trips_or_refuses_never_mojibake(
    text: str, encoding: str, damage: list[tuple[float, int]]
) -> None:
    data = bytearray(text.encode(encoding))
    # Valid UTF-8 is read as UTF-8: a legacy text whose bytes also spell UTF-8 (two letters,
    # ``ط،`` is ``ء``) cannot be told apart; past a few words that never happens.
    assume(encoding.startswith("utf") or not _valid_utf8(bytes(data)))
    for where, byte in damage:
        data[int(where * len(data))] = byte
    try:
        decoded = decode(bytes(data))
    except DecodeError:
        return
    # Mac Arabic writes spaces as 0xA0 (its right-to-left space), which may read as either.
    got = decoded.text.replace("\xa0", " ")
    if not damage:
        assert got == text
    else:
        assert distance(got, text) <= 4 * len(damage)


def test_bom_wins() -> None:
    assert decode(codecs.BOM_UTF8 + TEXT.encode("utf-8")).text == TEXT
    assert decode(TEXT.encode("utf-16")).encoding == "utf-16"

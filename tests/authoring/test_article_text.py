"""Article text: decoding, odd lines, sentence splitting and tokens."""

from __future__ import annotations

import pytest

from game.authoring.text import (
    MAX_BYTES,
    ArticleError,
    classify_lines,
    decode,
    split_sentences,
    tokenize,
)


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    """U.S., Dr., Nov. and initials are not sentence ends; real full stops are."""
    text = (
        "Headline\n"
        "The U.S. Treasury acted on Nov. 3 after Dr. Smith spoke. J. Doe agreed. "
        "Talks resume in the U.N. next week."
    )
    assert _sentences(text)[1:] == [
        "The U.S. Treasury acted on Nov. 3 after Dr. Smith spoke.",
        "J. Doe agreed.",
        "Talks resume in the U.N. next week.",
    ]


def test_quotes_stay_with_their_sentence():
    """A quotation ending in a full stop and followed by attribution is one sentence."""
    text = 'Headline\n"We will respond." Zarif said. "It is over," he added. He left.'
    assert _sentences(text)[1:] == [
        '"We will respond."',
        "Zarif said.",
        '"It is over," he added.',
        "He left.",
    ]


def test_odd_lines_are_classified_and_skipped():
    """Tag lines, captions, boilerplate and repeated lines are not coded."""
    text = (
        'Putin in Tehran\nCGTN\n["other","Middle East"]\nShare\n'
        "Fighters in Raqqa, Syria, on October 16, 2017. /Reuters Photo\n"
        "Fighters in Raqqa, Syria, on October 16, 2017. /Reuters Photo\n"
        "Russia and Iran met.\nRussia and Iran met.\nSpearheading the peace push\n"
    )
    kinds = [line.kind for line in classify_lines(text)]
    assert kinds[:9] == [
        "headline",
        "boilerplate",
        "tags",
        "boilerplate",
        "caption",
        "caption",
        "body",
        "duplicate",
        "heading",
    ]
    assert _sentences(text) == [
        "Putin in Tehran",
        "Russia and Iran met.",
        "Spearheading the peace push",
    ]


def test_sentence_offsets_point_into_the_article():
    """Every sentence's offsets select exactly its text in the article."""
    text = "Title line\nFirst one. Second one!\n\nThird: with a U.S. abbreviation?\n"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_decode_reads_utf8_bom_and_utf16():
    """UTF-8 with a BOM and UTF-16 with a BOM decode without warnings."""
    assert decode("\ufeffRussia".encode())[0] == "Russia"
    assert decode("Iran\r\nTurkey".encode("utf-16"))[0] == "Iran\nTurkey"


def test_decode_falls_back_to_cp1252_with_a_warning():
    """Bytes that are not UTF-8 are read as Windows-1252 and the author is told."""
    text, warnings = decode("Erdoğan’s visit".encode("cp1254", errors="replace") + b"\x92s")
    assert "visit" in text and warnings and "not UTF-8" in warnings[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(1, 32)) * 50, "binary"),
    ],
)
def test_decode_rejects_what_is_not_an_article(data, message):
    """Empty and binary input raise ArticleError with a plain message."""
    with pytest.raises(ArticleError, match=message):
        decode(data)


def test_decode_rejects_huge_input():
    """Input over the size limit is refused before decoding."""
    with pytest.raises(ArticleError, match="limit"):
        decode(b"a" * (MAX_BYTES + 1))


def test_decode_warns_about_non_latin_text():
    """Text in another script decodes, with a warning that the dictionaries are English."""
    _, warnings = decode("Путин прибыл в Тегеран.".encode())
    assert any("Latin" in w for w in warnings)


def test_tokens_keep_offsets_and_split_possessives():
    """Possessives, hyphens and negation clitics are tokens; dotted acronyms are one token."""
    sentence = "Iran’s U.S.-backed rivals don't agree."
    tokens = tokenize(sentence)
    assert [t.low for t in tokens] == [
        "iran",
        "'s",
        "u.s.",
        "-",
        "backed",
        "rivals",
        "do",
        "n't",
        "agree",
        ".",
    ]
    for tok in tokens:
        assert sentence[tok.start : tok.end] == tok.text


def test_quote_glued_to_the_next_sentence_splits_it():
    """Copy whose paragraphs were run together (`."In ...`) still splits; the quote goes with
    the sentence whose quotation it closes, else it opens the next."""
    text = 'Headline\nOman hosted the talks."Both sides agreed," a diplomat said."Then it rained.'
    assert _sentences(text)[1:] == [
        "Oman hosted the talks.",
        '"Both sides agreed," a diplomat said.',
        '"Then it rained.',
    ]
    closed = 'Headline\n"We are ready to talk."Later, Kuwait sent an envoy.'
    assert _sentences(closed)[1:] == ['"We are ready to talk."', "Later, Kuwait sent an envoy."]


def test_quote_inside_a_word_is_no_sentence_end():
    """A quote glued to a lower-case word is not a run-together paragraph."""
    assert len(_sentences('Headline\nThe so-called "deal."of the century was shelved.')) == 2


def test_one_line_article_is_body_not_headline():
    """An article pasted as one long paragraph has no headline: every sentence is body."""
    line = " ".join(["Kuwait and Oman held talks on trade and energy in Muscat on Monday."] * 4)
    kinds = {s.line_kind for s in split_sentences(line)}
    assert kinds == {"body"}
    assert classify_lines("Oman and Kuwait sign a port deal\nBody text.")[0].kind == "headline"

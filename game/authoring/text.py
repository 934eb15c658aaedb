"""Article text: decoding, line classification, sentence splitting and tokenising.

Everything here keeps character offsets into the decoded article, so that every drafted fact can
quote its sentence verbatim and point at the span that triggered it.

Must not import: pygame, anything under `game.ui`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from attrs import frozen

MAX_BYTES = 20_000_000
"""Articles larger than this are refused: no news article is 20 MB, and the coder stays quick."""


class ArticleError(ValueError):
    """The article cannot be read as text (binary, empty, too large)."""


@frozen
class Line:
    """One line of the article and what sort of line it is.

    Attributes:
        text: the line as it is in the article (without its newline).
        start: offset of its first character in the article.
        kind: `"headline"` (the first line), `"heading"` (a short line without final
            punctuation), `"body"`, or a skipped kind: `"tags"`, `"caption"`, `"duplicate"`,
            `"boilerplate"`, `"blank"`.
    """

    text: str
    start: int
    kind: str


@frozen
class Sentence:
    """One sentence: its text (verbatim), its offsets in the article, and its line's kind."""

    index: int
    text: str
    start: int
    end: int
    line_kind: str


class Token(NamedTuple):
    """One token of a sentence (a named tuple: sentences have many, so creating them is cheap).

    Attributes:
        text: the token as written.
        low: the lower-cased, apostrophe-normalised form used for matching.
        start, end: offsets within the sentence.
    """

    text: str
    low: str
    start: int
    end: int


CODED_LINE_KINDS = frozenset({"headline", "heading", "body"})

_BOILERPLATE = frozenset(
    {
        "share",
        "copied",
        "advertisement",
        "read more",
        "related",
        "reuters",
        "afp",
        "ap",
        "cgtn",
        "getty images",
    }
)
_TAGS = re.compile(r"^\s*[\[{].*[\]}]\s*$")
_CAPTION = re.compile(
    r"(^\s*(photo|file photo|picture|image|caption)\s*[:/-])|(/\s*[\w .]*(photo|reuters|afp|ap|"
    r"getty images|epa|sputnik)[\w .]*$)|(^\s*from left:)",
    re.IGNORECASE,
)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode an article's bytes to text, with warnings about anything unusual.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; anything else is read
    as Windows-1252 with a warning. Binary data, empty files and files over `MAX_BYTES` raise
    `ArticleError` with a message an author can act on.

    Args:
        data: the file's bytes.

    Returns:
        The text with line endings normalised to `\\n`, and a list of warnings.
    """
    warnings: list[str] = []
    if len(data) > MAX_BYTES:
        raise ArticleError(
            f"the article is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB"
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:4096]:
        raise ArticleError("the article looks binary (it contains NUL bytes), not text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = data.decode("cp1252", errors="replace")
            warnings.append(
                f"the article is not UTF-8 (byte {exc.start}); read it as Windows-1252 instead"
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(
        1 for ch in text[:65536] if unicodedata.category(ch) == "Cc" and ch not in "\n\t"
    )
    if text and controls > 0.05 * min(len(text), 65536):
        raise ArticleError("the article looks binary (many control characters), not text")
    if not text.strip():
        raise ArticleError("the article is empty")
    letters = sum(1 for ch in text[:65536] if ch.isalpha())
    latin = sum(1 for ch in text[:65536] if ch.isascii() and ch.isalpha())
    if letters and latin < 0.5 * letters:
        warnings.append(
            "most letters are not Latin: the dictionaries are English, so expect few facts"
        )
    return text, warnings


def classify_lines(text: str) -> list[Line]:
    """Split the article into lines and classify each (headline, body, caption, tags...)."""
    lines: list[Line] = []
    seen: set[str] = set()
    offset = 0
    headline_done = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        key = stripped.lower()
        if not stripped:
            kind = "blank"
        elif not headline_done:
            # Copy pasted without its headline and paragraph breaks is one long line of prose:
            # read it as body, or its every sentence would get a headline's looser reading.
            kind = "body" if _is_paragraph(stripped) else "headline"
            headline_done = True
        elif _TAGS.match(stripped):
            kind = "tags"
        elif key in _BOILERPLATE or len(stripped) < 3:
            kind = "boilerplate"
        elif _CAPTION.search(stripped):
            kind = "caption"
        elif key in seen:
            kind = "duplicate"
        elif stripped[-1] not in ".!?\"'”’)" and len(stripped.split()) <= 14:
            kind = "heading"
        else:
            kind = "body"
        if stripped:
            seen.add(key)
        lines.append(Line(raw, offset, kind))
        offset += len(raw) + 1
    return lines


def _is_paragraph(line: str) -> bool:
    """Whether a first line is prose rather than a headline: long, and ending a sentence."""
    return len(line.split()) > 45 and line[-1] in ".!?\"'”’)"


# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "pres",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "no",
        "nos",
        "vs",
        "etc",
        "al",
        "fig",
        "approx",
        "dept",
        "est",
        "ft",
        "mt",
        "ave",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|(?P<glued>[.!?]+)[\"”](?=[A-Z][a-z])")
"""A sentence end: punctuation and closing quotes before a space or the line's end, or (copy whose
paragraphs were run together) punctuation and a quote glued to the next sentence's first word:
`... in May."In June ...`."""
_OPENERS = "\"'“‘(["


def split_sentences(text: str, lines: list[Line] | None = None) -> list[Sentence]:
    """Split the coded lines of an article into sentences with their offsets.

    A line never continues into the next one (articles put one paragraph on a line). Inside a
    line a sentence ends at `.`, `!` or `?` (and any closing quotes) followed by a space and a
    capital letter, a digit or an opening quote, unless the word before is an abbreviation
    (`Nov.`, `Dr.`), an initial (`J.`) or a dotted acronym (`U.S.`).
    """
    if lines is None:
        lines = classify_lines(text)
    sentences: list[Sentence] = []
    for line in lines:
        if line.kind not in CODED_LINE_KINDS:
            continue
        body = line.text
        begin = 0
        for match in _SENTENCE_END.finditer(body):
            end = _glued_end(body, begin, match) if match.group("glued") else match.end()
            rest = body[end:].lstrip()
            if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in _OPENERS):
                continue
            if (
                match.group().startswith(".")
                and _is_abbreviation(body, match.start())
                and not _acronym_ends_sentence(body, match.start(), rest)
            ):
                continue
            _add_sentence(sentences, body, begin, end, line)
            begin = end
        _add_sentence(sentences, body, begin, len(body), line)
    return sentences


def _glued_end(body: str, begin: int, match: re.Match[str]) -> int:
    """Where a sentence glued to the next by a quote (`said."The ...`) ends: after the quote when
    it closes a quotation the sentence opened, before it when it opens the next sentence."""
    before = body[begin : match.start()]
    opened = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
    return match.end() if opened else match.end("glued")


_SENTENCE_STARTERS = frozenset(
    {"The", "It", "He", "She", "They", "We", "But", "In", "A", "An", "This", "That", "These"}
    | {"Those", "There", "His", "Her", "Its", "Their", "However", "Meanwhile", "Earlier"}
    | {"Later", "Last", "Officials", "Analysts", "Both", "After", "When", "While", "Since"}
)
"""Words that start a sentence and never continue a name ("the U.S. The move ...")."""


def _acronym_ends_sentence(body: str, dot: int, rest: str) -> bool:
    """Whether a dotted acronym ("U.S.", "p.m.") at `dot` ends its sentence: the next word is
    one that starts sentences ("imposed by the U.S. The move ...", "at 3 p.m. It was ...");
    before a name it does not ("U.S. Treasury", "U.S. President")."""
    word_start = dot
    while word_start > 0 and (body[word_start - 1].isalnum() or body[word_start - 1] == "."):
        word_start -= 1
    if "." not in body[word_start:dot]:
        return False
    following = rest.split(" ", 1)[0].strip(_OPENERS + ",;:")
    return following in _SENTENCE_STARTERS


def _is_abbreviation(body: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (body[word_start - 1].isalnum() or body[word_start - 1] == "."):
        word_start -= 1
    word = body[word_start:dot]
    if not word:
        return False
    if "." in word:  # U.S., U.N., e.g
        return True
    if len(word) == 1 and word.isupper():  # an initial
        return True
    return word.lower() in _ABBREVIATIONS


def _add_sentence(out: list[Sentence], body: str, begin: int, end: int, line: Line) -> None:
    chunk = body[begin:end]
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if not chunk or not any(ch.isalpha() for ch in chunk):
        return
    start = line.start + begin + lead
    out.append(Sentence(len(out), chunk, start, start + len(chunk), line.kind))


_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # dotted acronyms: U.S., U.N.
    r"|\$?\d+(?:[.,]\d+)*"  # numbers, money
    r"|['’]s\b"  # possessive
    r"|n['’]t\b"  # negation clitic
    r"|[^\W\d_]+(?:['’][^\W\d_s][^\W\d_]*)?"  # words (O'Brien; not possessives)
    r"|[^\w\s]",  # any other single character
)


_SPECIAL = {
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "„": '"',
    "–": "-",
    "—": "-",
    "‑": "-",
    "‐": "-",
    "‘": "'",
    "’": "'",
    "’s": "'s",
    "’S": "'s",
}


def tokenize(sentence: str) -> list[Token]:
    """Tokens of a sentence with their offsets; hyphens and quotes are tokens of their own."""
    tokens = []
    for match in _TOKEN.finditer(sentence):
        text = match.group()
        low = _SPECIAL.get(text) or text.lower()
        if "’" in low:
            low = low.replace("’", "'")
        tokens.append(Token(text, low, match.start(), match.end()))
    # "don't" -> "do" + "n't": the word regex stops before "n't" only if we split it here.
    out: list[Token] = []
    for tok in tokens:
        if tok.low.endswith("n't") and len(tok.low) > 3:
            cut = len(tok.text) - 3
            out.append(Token(tok.text[:cut], tok.low[:cut], tok.start, tok.start + cut))
            out.append(Token(tok.text[cut:], "n't", tok.start + cut, tok.end))
        else:
            out.append(tok)
    return out


def words_of(phrase: str) -> tuple[str, ...]:
    """The matching form of a dictionary phrase: its tokens' lower-cased forms."""
    return tuple(tok.low for tok in tokenize(phrase))

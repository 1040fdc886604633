"""newsextract.cleaning: normalization of the source text, and the lines the
cleaner sets aside (chrome, credits, bylines, datelines, captions)."""
from __future__ import annotations

import time
import unicodedata

import pytest

from newsextract.cleaning import _rules, clean, misread_as_cp1252, normalize, scrub_surrogates


def regions_of(line: str) -> list[tuple[str, str]]:
    cleaned = clean(line)
    return [(r.kind, cleaned.text[r.start:r.end]) for r in cleaned.regions]


# ---------------------------------------------------------------- normalization

@pytest.mark.parametrize("raw, expected", [
    ("\ufeffKyiv", "Kyiv"),
    ("\ufeff\ufeffKyiv", "Kyiv"),
    ("a\ufeffb", "a\ufeffb"),                       # only a leading BOM is an encoding artefact
    ("one\r\ntwo\rthree\n", "one\ntwo\nthree\n"),
    ("\r\r\n", "\n\n"),
    ("Jose\u0301", "José"),                         # NFC
    ("A\u030angstro\u0308m", "Ångström"),
    ("itâ€™s", "it’s"),
    ("â€œWe will winâ€\x9d", "“We will win”"),
    ("Ã‰cole", "École"),
    ("SÃ£o Paulo", "São Paulo"),
    ("10Â\u00a0km", "10\u00a0km"),
    ("ÂÂ» next", "» next"),                         # mis-decoded twice
    ("A\u0303©", "é"),                              # "Ã" written decomposed is still mojibake
    ("bad \ud800 surrogate \udfff", "bad \ufffd surrogate \ufffd"),
    ("'; DROP TABLE x;-- <script>\x00</script>", "'; DROP TABLE x;-- <script>\x00</script>"),
    ("مرحبا \u202eabc", "مرحبا \u202eabc"),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected
    assert normalize(expected) == expected


def test_mojibake_forms_come_from_the_codec():
    assert misread_as_cp1252("’") == "â€™"
    assert misread_as_cp1252("”") == "â€\x9d"  # 0x9d is undefined in cp1252: passed through
    assert misread_as_cp1252("é") == "Ã©"
    table = _rules().mojibake.table
    for wrong, right in table.items():
        assert normalize(wrong) == unicodedata.normalize("NFC", right)


def test_normalize_is_idempotent_on_every_nesting_of_the_mojibake_table():
    """A repaired character can complete another wrong form ("â€" + "â€œ" -> "â€“");
    normalizing once must already reach the fixed point."""
    wrong_forms = list(_rules().mojibake.table)
    for outer in wrong_forms:
        for inner in wrong_forms:
            cases = [outer[:i] + inner + outer[i:] for i in range(1, len(outer))]
            cases += [outer + inner, outer[0] + inner, inner + outer[1:]]
            for text in cases:
                once = normalize(text)
                assert normalize(once) == once, (text, once)


@pytest.mark.parametrize("run", ["Â" * 50_000 + "»", "Â" * 50_000 + " x", "Ã" * 50_000 + "©", "â€" * 25_000 + "œ"])
def test_mojibake_repair_is_linear_on_long_runs(run):
    """Why the repair is not ftfy: ftfy undoes one level per pass, and 10,000 "Â"
    before a character took it 100 s; one regex pass takes milliseconds."""
    started = time.perf_counter()
    once = normalize(run)
    assert time.perf_counter() - started < 2.0
    assert normalize(once) == once


def test_the_cleaning_table_is_typed():
    """models/cleaning.json goes through the typed loader: a misspelled key fails naming it."""
    from newsextract.cleaning import CleaningTable
    from newsextract.text.tables import TableError, parse_table, read_json

    data = read_json("cleaning.json")
    assert parse_table(data, CleaningTable, "cleaning.json").chrome_lines == data["chrome_lines"]
    with pytest.raises(TableError, match="chrome_line"):
        parse_table({**data, "chrome_line": []}, CleaningTable, "cleaning.json")


def test_scrub_surrogates():
    assert scrub_surrogates(None) is None
    assert scrub_surrogates("") == ""
    assert scrub_surrogates("ok 😀") == "ok 😀"
    assert scrub_surrogates("x\udc80y") == "x\ufffdy"


# ---------------------------------------------------------------- the analysis text

def test_analysis_text_has_the_same_length_and_hides_what_the_model_should_not_read():
    body = "a\x00b\u200bc\u202ed\u2028e\u2029f\u00a0g\x85h\ufeffi\tj"
    raw = f"KYIV — {body} {LEAD}\n\nAdvertisement\n\nBy Anna Smith\n"
    cleaned = clean(raw)
    assert len(cleaned.analysis) == len(cleaned.text) == len(raw)
    assert cleaned.text == raw
    assert cleaned.analysis.startswith(" " * 7 + "a b c d\ne\nf g\nh i\tj ")  # the dateline is blanked
    assert "Advertisement" not in cleaned.analysis and "Anna" not in cleaned.analysis
    assert [i for i, c in enumerate(cleaned.analysis) if c == "\n"] == \
        [i for i, c in enumerate(cleaned.text) if c in "\n\u2028\u2029\x85"]


def test_region_kind():
    cleaned = clean("Advertisement\n\nRussia and Ukraine swapped 95 prisoners each, officials said today.")
    assert cleaned.region_kind(0, 13) == "chrome"
    assert cleaned.region_kind(0, 20) is None
    assert cleaned.region_kind(20, 30) is None


# ---------------------------------------------------------------- lines set aside

CHROME = [
    "Sign in to read more", "Advertisement", "ADVERTISEMENT", "Share this article", "Related stories:",
    "3 min read", "Read more: floods in Assam", "Follow us on Telegram", "© 2024 Example News",
    "Copyright 2024 Example News. All rights reserved.", "Skip to main content", "• | •",
    "Click here to subscribe", "Download the app", "Subscribe now to continue", "Adjust font size:",
    "Scroll to continue with content", "Recommended stories", "For the latest updates, follow our live blog",
    "Read Comments", "Leave a comment", "Please enter your name here", "Don't miss", "Filed under:",
    "Floods cut off mountain villages again Next Story", "On a mobile phone? Get the Example Mobile App",
    "Get it on Google Play", "The post Floods hit Varnia appeared first on Example Daily.",
    "This post was syndicated from Example Daily.", "Published in Example Daily, July 5th, 2015",
    "More on Example News", "Mon May 27, 2024 06:26 PM", "Last update on: Mon May 27, 2024 07:24 PM",
    "Wed 21st October 2020 | 02:08 PM", "Varnia | Example Desk Report | 12 May 2024",
    "FinancialMarketsLegal NewsRisk ToolsTax & AccountingBlog",
]
CREDITS = ["Photo: Anna Smith/AFP", "Image: Reuters", "Anna Smith/Reuters", "(AFP/Getty)", "Photographs: EPA",
           "File photo: Xinhua/Handout", "Source: Example News", "Courtesy: Varnia Red Cross"]
BYLINES = ["By Anna Smith", "By: John O'Brien and Li Wei", "BY ANNA SMITH", "Our correspondent in Kyiv",
           "• By Anna Smith", "Reuters staff", "By Anna Smith and Li Wei | Updated 2 hours ago",
           "Reporting by Anna Smith in Kyiv; Editing by John Doe", "Staff writer, Kyiv",
           "Additional reporting by Olena Kovalenko",
           "(Reporting by Ana Torvik in Lisbon; Editing by Paul Meyers)", "(Reporting by Jo KentEditing by Ray Ames)",
           "Reporting by Jo Kent; Writing by Li Wei; Editing by Ray J. Ames"]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines(line):
    assert regions_of(line) == [("chrome", line)]


@pytest.mark.parametrize("line", CREDITS)
def test_credit_lines(line):
    assert regions_of(line) == [("credit", line)]


@pytest.mark.parametrize("line", BYLINES)
def test_bylines(line):
    assert regions_of(line) == [("byline", line)]


LEAD = "heavy monsoon rain flooded more than 2,000 villages on Tuesday, officials said."


@pytest.mark.parametrize("dateline", [
    "KYIV — ", "GUWAHATI, India, July 10 (Reuters) — ", "WASHINGTON -- ", "Gaza City – ",
    "Khartoum: ", "MOSCOW (Sputnik) — ", "PESHAWAR, Pakistan — ", "BRUSSELS, November 6. /TASS/. ",
    "Gaza City (Palestinian Territories) (AFP) – ", "KYIV, MARCH 2 — ",
    "(Reuters) -", "(Example Agency) – ", "(Wire Service- Example Network) VARSK, May 27 (EXA-NEWS) – ",
    "MINSK, September 11./TASS/. ", "Port Ardel, Valdonia | AFP | ", "JAKARTA. EXAMPLEINFORM ",
    "VARSK (Example News / Wire - 21st October, 2020) ",
])
def test_datelines_are_blanked_before_the_lead(dateline):
    assert regions_of(dateline + LEAD.capitalize()) == [("dateline", dateline)]


@pytest.mark.parametrize("line", ["TEHRAN", "QUETTA:"])
def test_a_dateline_alone_on_its_line(line):
    assert regions_of(f"Iran frees prisoners\n\n{line}\n\n{LEAD.capitalize()}") == [("dateline", line)]


@pytest.mark.parametrize("caption, credit", [
    ("Soldiers wave from a bus after the exchange ", "[Handout via Reuters]"),
    ("People queue for aid in Kyiv ", "(AFP/Getty)"),
    ("Rescuers search the rubble.", "Photo: Reuters"),
])
def test_captions_closed_by_a_credit(caption, credit):
    assert regions_of(caption + credit) == [("caption", caption), ("credit", credit)]


@pytest.mark.parametrize("line", [
    "People queue for aid in this handout photo.",
    "A man walks past rubble in this picture taken on March 2.",
    "File photo of a checkpoint near Kyiv",
    "Released prisoners pose for a photo in Kyiv",
])
def test_captions_told_by_their_wording(line):
    assert regions_of(line) == [("caption", line)]


@pytest.mark.parametrize("line", [
    "Russia and Ukraine swapped 95 prisoners each on Saturday.",
    "By the end of the day, 12 people had died in the floods that swept the region.",
    "By the end of the day 12 people died",
    "Support for the deal grew.",
    "Related to this, officials said more talks would follow.",
    "Read the statement in full, officials urged, before judging it.",
    "The talks (held in Doha) ended.",
    "Sign the deal, he said.",
    "Photography is banned inside the court, officials said.",
    "Share prices fell 3% on Tuesday.",
    "Advertisement revenue fell.",
    "President Zelenskyy: We will win.",
    "Ukraine: the war goes on.",
    "Kyiv staff, including teachers, walked out.",
    "Reporting by the BBC showed that 12 people died.",
    "He said the photo (released by the army) was fake.",
    "Updated rules take effect on Monday, officials said.",
    "The next article of the accord covers prisoners.",
    "Published figures show 12 people died.",
    "McConnell and DeSantis met McCarthy on Monday",
    "Jane Doe",
])
def test_story_lines_are_left_alone(line):
    assert regions_of(line) == []


def test_datelines_only_near_the_top():
    paragraphs = [f"Paragraph {i} says something about the talks in Doha on Monday." for i in range(10)]
    text = "\n\n".join(paragraphs + ["KYIV — " + LEAD.capitalize()])
    assert all(r.kind != "dateline" for r in clean(text).regions)


def test_a_paragraph_the_page_repeats_is_chrome_the_second_time():
    headline = "Russia and Ukraine swap prisoners in UAE-brokered deal"
    cleaned = clean(f"{headline}\n\n{headline}\n\nThe swap took place on Saturday.")
    second = len(headline) + 2
    assert [(r.kind, r.start, r.end) for r in cleaned.regions] == [("chrome", second, second + len(headline))]


def test_long_lines_are_body_text():
    line = "Advertisement " + "x" * 500
    assert regions_of(line) == []
    assert regions_of("Sign in " + "word " * 100) == []


def test_regions_are_sorted_and_inside_the_text():
    text = "Sign in\n\nKYIV — " + LEAD.capitalize() + "\n\nA bus in this handout photo [Reuters]\n\nBy Anna Smith"
    cleaned = clean(text)
    spans = [(r.start, r.end) for r in cleaned.regions]
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(cleaned.text) for s, e in spans)
    assert [r.kind for r in cleaned.regions] == ["chrome", "dateline", "caption", "credit", "byline"]


def test_a_teaser_above_read_more_is_chrome():
    text = "Floods close schools in Varnia\n\nRead more\n\n" + LEAD.capitalize()
    cleaned = clean(text)
    assert [(r.kind, cleaned.text[r.start:r.end]) for r in cleaned.regions] == [
        ("chrome", "Floods close schools in Varnia"), ("chrome", "Read more")]


def test_a_credit_closing_the_last_paragraph():
    line = "The talks ended on Monday. (Reporting by Jo Kent; Editing by Ray Ames)"
    assert regions_of(line) == [("chrome", " (Reporting by Jo Kent; Editing by Ray Ames)")]
    assert regions_of("The talks ended on Monday.– EXA-NEWS") == [("chrome", "– EXA-NEWS")]


@pytest.mark.parametrize("after", ["2 Min Read", "Share this article"])
def test_an_author_name_beside_page_furniture_is_a_byline(after):
    text = f"Rebels free 12 hostages\n\nJane Doe\n\nJane Doe\n\n{after}\n\n" + LEAD.capitalize()
    cleaned = clean(text)
    assert [cleaned.text[r.start:r.end] for r in cleaned.regions if r.kind == "byline"] == ["Jane Doe", "Jane Doe"]

"""The article view: structure of the HTML built from records (nesting, escaping,
links), checked with the standard library's HTML parser."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsextract.schema import (
    Aid, ArticleRecord, Attack, CountRef, Entity, EntityRef, Evidence, Mention, NumericClaim,
    Participant, PrisonerExchange, Quote, Region, RecordWarning,
)
from newsextract.io.records import ArticleNotFound, load_record
from newsextract.visualization import HtmlPage, Markup, markup_text, render_article, safe_url

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
VOID = {"meta", "br", "img", "input", "link", "hr"}
LABEL_CLASSES = {"nx-label", "nx-rlabel", "nx-qlabel"}


class Tree(HTMLParser):
    """Parses a page, failing on any mis-nested end tag; records every element
    with its attributes, ancestors, and the article text inside it (labels excluded)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.elements: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.script_tags = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.script_tags += 1
        if tag in VOID:
            return
        el = {"tag": tag, "attrs": attrs, "classes": set((attrs.get("class") or "").split()),
              "ancestors": list(self.stack), "text": []}
        self.stack.append(el)
        self.elements.append(el)
        if "id" in attrs:
            assert attrs["id"] not in self.by_id, f"duplicate id {attrs['id']}"
            self.by_id[attrs["id"]] = el

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> with nothing open"
        top = self.stack.pop()
        assert top["tag"] == tag, f"</{tag}> closes <{top['tag']}>"

    def handle_data(self, data):
        if any(el["classes"] & LABEL_CLASSES for el in self.stack):
            return
        for el in self.stack:
            el["text"].append(data)

    def text(self, el) -> str:
        return "".join(el["text"])

    def find(self, tag=None, cls=None, **attrs):
        return [el for el in self.elements
                if (tag is None or el["tag"] == tag) and (cls is None or cls in el["classes"])
                and all(el["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())]


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert not tree.stack, f"unclosed: {[el['tag'] for el in tree.stack]}"
    return tree


def in_text(tree: Tree, tag=None, cls=None) -> list[dict]:
    """Elements inside the article text (not the legend or the tables)."""
    return [el for el in tree.find(tag, cls) if any("nx-text" in a["classes"] for a in el["ancestors"])]


def text_of(tree: Tree) -> str:
    (body,) = tree.find("div", "nx-text")
    return tree.text(body)


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def ev(text: str, needle: str) -> Evidence:
    s, e = span(text, needle)
    return Evidence(text=needle, start=s, end=e)


# An article written for these tests: a quote containing a claim containing a mention,
# a caption, a credit, a mediator, and an event with evidence.
TEXT = (
    "Sign in\n\n"
    "Qatar said on Friday that Armenia and Azerbaijan freed 32 soldiers in a swap.\n\n"
    "\"We brought home 32 soldiers held by Azerbaijan,\" said Nikol Pashinyan.\n\n"
    "Soldiers wave from a bus [Photo: AP]\n"
)
S1 = "Qatar said on Friday that Armenia and Azerbaijan freed 32 soldiers in a swap."
S2 = "\"We brought home 32 soldiers held by Azerbaijan,\" said Nikol Pashinyan."
QUOTE = "We brought home 32 soldiers held by Azerbaijan,"


def make_record(text: str = TEXT, **extra) -> ArticleRecord:
    def mentions(name, *nths):
        return [Mention(text=name, start=s, end=e) for s, e in (span(text, name, n) for n in nths)]

    entities = [
        Entity(id="E1", name="Qatar", type="COUNTRY", mentions=mentions("Qatar", 0), roles=["MEDIATOR"]),
        Entity(id="E2", name="Armenia", type="COUNTRY", mentions=mentions("Armenia", 0)),
        Entity(id="E3", name="Azerbaijan", type="COUNTRY", mentions=mentions("Azerbaijan", 0, 1)),
        Entity(id="E4", name="Nikol Pashinyan", type="PERSON", mentions=mentions("Nikol Pashinyan", 0)),
    ]
    c1 = span(text, "32 soldiers", 0)
    c2 = span(text, "32 soldiers held by Azerbaijan")
    claims = [
        NumericClaim(id="N1", text="32 soldiers", start=c1[0], end=c1[1], value=32, unit="soldier",
                     qualifier="exact", category="RELEASED", evidence=ev(text, S1)),
        NumericClaim(id="N2", text=text[c2[0]:c2[1]], start=c2[0], end=c2[1], value=32, unit="soldier",
                     qualifier="exact", category="RELEASED", in_quote=True, evidence=ev(text, S2)),
    ]
    q = span(text, QUOTE)
    sp = span(text, "Nikol Pashinyan")
    quotes = [Quote(id="Q1", text=text[q[0]:q[1]], start=q[0], end=q[1],
                    speaker=EntityRef(entity_id="E4", name="Nikol Pashinyan"), speaker_text="Nikol Pashinyan",
                    speaker_start=sp[0], speaker_end=sp[1], cue="said", confidence=0.9, evidence=ev(text, S2))]
    events = [PrisonerExchange(
        id="V1", participants=[Participant(entity_id="E2", name="Armenia", role="side"),
                               Participant(entity_id="E3", name="Azerbaijan", role="side")],
        mediator=EntityRef(entity_id="E1", name="Qatar"), date="2024-01-05", date_precision="day",
        date_text="on Friday", counts=[CountRef(claim_id="N1", value=32, unit="soldier", category="RELEASED")],
        trigger="swap", evidence=[ev(text, S1)])]
    cap = span(text, "Soldiers wave from a bus ")
    credit = span(text, "[Photo: AP]")
    fields = dict(
        id="t-1", title="Armenia and Azerbaijan swap soldiers", url="https://example.org/a", text_hash="0" * 64,
        text=text, regions=[Region(kind="chrome", start=0, end=7), Region(kind="caption", start=cap[0], end=cap[1]),
                            Region(kind="credit", start=credit[0], end=credit[1])],
        entities=entities, numeric_claims=claims, quotes=quotes, events=events,
        warnings=[RecordWarning(code="text_truncated", message="only the first 90 characters were analysed")])
    fields.update(extra)
    return ArticleRecord(**fields)


@pytest.fixture(scope="module")
def page():
    return render_article(make_record())


@pytest.fixture(scope="module")
def tree(page):
    return parse(page)


def test_page_text_is_the_record_text(tree):
    assert text_of(tree) == TEXT


def mention_texts(tree: Tree) -> dict:
    """Entity key -> the texts of its mentions, joining the pieces of a split mark."""
    pieces: dict = {}
    for el in tree.find("mark", "nx-ent"):
        key = (el["attrs"]["data-entity"], el["attrs"]["data-mention"])
        pieces[key] = pieces.get(key, "") + tree.text(el)
    out: dict = {}
    for (entity, _), text in sorted(pieces.items()):
        out.setdefault(entity, []).append(text)
    return out


def test_every_mention_becomes_a_mark(tree):
    record = make_record()
    found = mention_texts(tree)
    assert sorted(sorted(v) for v in found.values()) == sorted(sorted(m.text for m in e.mentions)
                                                              for e in record.entities)
    for ent in record.entities:
        first = [el for el in tree.find("mark", "nx-ent") if el["attrs"].get("id", "").endswith(f"-m-{ent.id}-0")]
        assert len(first) == 1 and f"nx-ent-{ent.type}" in first[0]["classes"]


def test_mediator_is_marked(tree):
    (qatar,) = [el for el in tree.find("mark", "nx-ent") if tree.text(el) == "Qatar"]
    assert "nx-mediator" in qatar["classes"]
    assert not [el for el in tree.find("mark", "nx-mediator") if tree.text(el) != "Qatar"]


def test_mention_nests_in_claim_in_quote_in_sentence(tree):
    """'Azerbaijan' in the quote sits inside the claim, inside the quote, inside the evidence sentence."""
    (inner,) = [el for el in tree.find("mark", "nx-ent") if el["attrs"].get("id", "").endswith("-m-E3-1")]
    chain = [c for a in inner["ancestors"] for c in a["classes"] if c in ("nx-sent", "nx-quote", "nx-claim")]
    assert chain == ["nx-sent", "nx-quote", "nx-claim"]
    assert "nx-cont" not in inner["classes"] and tree.text(inner) == "Azerbaijan"
    claim = inner["ancestors"][-1]
    assert tree.text(claim) == "32 soldiers held by Azerbaijan"


def test_claim_hover_gives_value_unit_qualifier_category(tree):
    claims = in_text(tree, cls="nx-claim")
    assert len(claims) == 2
    title = claims[0]["attrs"]["title"]
    for part in ("value: 32", "unit: soldier", "qualifier: exact", "category: RELEASED"):
        assert part in title


def test_quote_is_tinted_and_links_to_its_speaker(tree):
    (quote,) = in_text(tree, cls="nx-quote")
    assert tree.text(quote) == QUOTE
    links = [el for el in tree.find("a", "nx-qlabel") if quote in el["ancestors"]]
    assert len(links) == 1
    target = tree.by_id[links[0]["attrs"]["href"][1:]]
    assert tree.text(target) == "Nikol Pashinyan" and "nx-speaker" in target["classes"]


@pytest.mark.parametrize("kind,needle", [("chrome", "Sign in"), ("caption", "Soldiers wave from a bus "),
                                         ("credit", "[Photo: AP]")])
def test_regions_set_aside_are_greyed(tree, kind, needle):
    (region,) = in_text(tree, cls=f"nx-region-{kind}")
    assert "nx-region" in region["classes"] and tree.text(region) == needle


def test_event_table_evidence_links_scroll_to_the_sentence(tree):
    links = tree.find("a", "nx-evlink")
    assert links
    for link in links:
        target = tree.by_id[link["attrs"]["href"][1:]]
        assert "nx-sent" in target["classes"]
    (row,) = [el for el in tree.find("tr") if "PRISONER_EXCHANGE" in tree.text(el)]
    row_text = tree.text(row)
    for value in ("2024-01-05", "Armenia", "Azerbaijan", "Qatar", "swap", "RELEASED"):
        assert value in row_text
    target = tree.by_id[[el for el in links if row in el["ancestors"]][0]["attrs"]["href"][1:]]
    assert tree.text(target) == S1


def test_every_internal_link_resolves(tree):
    for a in tree.find("a"):
        href = a["attrs"].get("href", "")
        if href.startswith("#"):
            assert href[1:] in tree.by_id, href


def test_warnings_and_metadata_are_shown(tree):
    body = tree.text(tree.find("div", "nx-article")[0])
    assert "text_truncated" in body and "Armenia and Azerbaijan swap soldiers" in body


def test_page_is_self_contained(page):
    assert "<link" not in page and "src=" not in page and "@import" not in page
    assert "url(" not in page


HOSTILE = "<script>window.pwned=1</script> & <img src=x onerror=alert(1)> \"q\" 'a' </mark></div>"


def test_hostile_text_shows_as_text():
    text = HOSTILE + "\nQatar spoke.\n"
    s, e = span(text, "<img src=x onerror=alert(1)>")
    q, r = span(text, "Qatar")
    record = ArticleRecord(
        id="<b>id</b>", title="</title><script>alert(2)</script>", url="javascript:alert(3)", text_hash="0" * 64,
        text=text,
        entities=[Entity(id="E\"1", name="Qatar\" onmouseover=\"alert(4)", type="COUNTRY",
                         mentions=[Mention(text="Qatar", start=q, end=r)])],
        numeric_claims=[NumericClaim(id="N1", text=text[s:e], start=s, end=e, unit="<u>",
                                     evidence=Evidence(text=text[s:e], start=s, end=e))])
    page = render_article(record)
    tree = parse(page)
    assert tree.script_tags == 1, "only the view's own script"
    assert text_of(tree) == text
    assert "<script>window" not in page and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page
    assert not tree.find("img") and "javascript:" not in [a["attrs"].get("href") for a in tree.find("a")]
    (mark,) = tree.find("mark", "nx-ent")
    assert "onmouseover" not in mark["attrs"] and "alert(4)" in mark["attrs"]["title"]


def test_crossing_spans_are_split_not_misnested():
    """A claim '95 Russian' crossing the mention 'Russian servicemen': both keep their text."""
    text = "They freed 95 Russian servicemen."
    c = span(text, "95 Russian")
    m = span(text, "Russian servicemen")
    record = ArticleRecord(
        id="x", text_hash="0" * 64, text=text,
        entities=[Entity(id="E1", name="Russian servicemen", type="ORGANIZATION",
                         mentions=[Mention(text="Russian servicemen", start=m[0], end=m[1])])],
        numeric_claims=[NumericClaim(id="N1", text="95 Russian", start=c[0], end=c[1], value=95,
                                     evidence=Evidence(text=text, start=0, end=len(text)))])
    tree = parse(render_article(record))
    assert text_of(tree) == text
    pieces = tree.find("mark", "nx-ent")
    assert len(pieces) == 2 and "nx-cont" in pieces[1]["classes"]
    assert "".join(tree.text(p) for p in pieces) == "Russian servicemen"
    assert "id" in pieces[0]["attrs"] and "id" not in pieces[1]["attrs"]
    (claim,) = in_text(tree, cls="nx-claim")
    assert tree.text(claim) == "95 Russian"


def test_spans_out_of_range_are_ignored_not_fatal():
    out = markup_text("abc", [Markup(2, 9, 0, attrs={"class": "x"}), Markup(1, 1, 0), Markup(0, 2, 1)])
    assert out == "<span>ab</span>c"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab<&> \n\"", max_size=30),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 5)), max_size=8))
def test_markup_is_well_formed_and_keeps_the_text(text, raw):
    spans = [Markup(min(a, b), max(a, b), rank, attrs={"class": f"r{rank}"}, first_attrs={"id": f"s{i}"},
                    label="<b>L</b>") for i, (a, b, rank) in enumerate(raw)]
    out = markup_text(text, spans)
    tree = Tree()
    tree.feed(f"<div class='nx-text'>{out.replace('<b>L</b>', '')}</div>")
    tree.close()
    assert not tree.stack
    assert text_of(tree) == text
    kept = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    assert out.count("<b>L</b>") == len(kept), "one label per span, at its end"
    for s in kept:
        pieces = [el for el in tree.elements if el["attrs"].get("id") == s.first_attrs["id"]]
        assert len(pieces) == 1


def test_repr_html_is_an_embeddable_fragment(page):
    assert isinstance(page, HtmlPage) and isinstance(page, str)
    fragment = page._repr_html_()
    assert fragment.startswith('<div class="nx-article"') and "<html" not in fragment
    root = parse(fragment).elements[0]["attrs"]["id"]
    css = fragment.split("<style>")[1].split("</style>")[0]
    rules = [r.split("{")[0] for r in css.replace("\n", "").split("}") if "{" in r]
    assert rules and all(sel.strip().startswith(f"#{root}") for rule in rules for sel in rule.split(","))


def test_two_records_get_distinct_ids():
    a = parse(render_article(make_record())).by_id
    b = parse(render_article(make_record(id="t-2"))).by_id
    assert not set(a) & set(b)


@pytest.mark.parametrize("url,ok", [("https://x.org/a", True), ("HTTP://x.org", True), ("javascript:alert(1)", False),
                                    ("data:text/html,x", False), (None, False), ("", False)])
def test_only_web_addresses_become_links(url, ok):
    assert safe_url(url) is ok


def test_load_record_picks_a_record_from_a_jsonl_by_id(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(make_record(id=i).model_dump_json() for i in ("a", "b")) + "\n")
    never = lambda: pytest.fail("a stored record must not be extracted again")  # noqa: E731
    assert load_record(path, article_id="b", extractor=never).id == "b"
    with pytest.raises(ArticleNotFound, match="--id"):
        load_record(path, extractor=never)
    with pytest.raises(ArticleNotFound, match="'c'"):
        load_record(path, article_id="c", extractor=never)


def test_load_record_extracts_an_article_with_the_extractor_given(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "x1", "text": "One."}) + "\n" + json.dumps({"id": "x2", "text": "Two."}) + "\n")

    class Fake:
        def extract(self, text, **meta):
            return make_record(id=meta["id"], text=TEXT + text)

    assert load_record(path, article_id="x2", extractor=Fake).text.endswith("Two.")


def test_real_extractor_record_renders(extractor):
    article = json.loads((EXAMPLES / "prisoner_swap.json").read_text())
    record = extractor.extract(article["text"], id=article["id"], title=article["title"],
                               published=article["published"], url=article["url"])
    page = extractor.render(record)
    tree = parse(page)
    assert text_of(tree) == record.text
    marks = [el for el in tree.find("mark", "nx-ent") if "nx-cont" not in el["classes"]]
    assert len(marks) == sum(len(e.mentions) for e in record.entities) > 0
    assert len([el for el in in_text(tree, cls="nx-claim") if "nx-cont" not in el["classes"]]) == len(record.numeric_claims)
    assert len([el for el in in_text(tree, cls="nx-quote") if "nx-cont" not in el["classes"]]) == len(record.quotes)
    for a in tree.find("a"):
        if a["attrs"].get("href", "").startswith("#"):
            assert a["attrs"]["href"][1:] in tree.by_id
    for event in record.events:
        for e in event.evidence:
            sent = [el for el in tree.elements if "nx-sent" in el["classes"] and "nx-cont" not in el["classes"]
                    and el["attrs"]["id"].endswith(f"-s-{e.start}-{e.end}")]
            assert len(sent) == 1


def test_show_command_writes_a_page(tmp_path, capsys):
    from newsextract.cli import main

    path = tmp_path / "records.jsonl"
    path.write_text(make_record().model_dump_json() + "\n")
    out = tmp_path / "page.html"
    assert main(["show", str(path), "-o", str(out)]) == 0
    assert text_of(parse(out.read_text())) == TEXT
    assert main(["show", str(tmp_path / "missing.json")]) == 2
    assert "cannot show" in capsys.readouterr().err

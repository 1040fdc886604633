"""The dump report: aggregates over a stream of records, the HTML and SVG it writes."""
from __future__ import annotations

import json
import re
import tracemalloc
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser

import pytest

from newsextract.charts import bar_chart, stacked_columns, timeline_bins
from newsextract.report import DumpSummary, TopCounter, build_report
from newsextract.schema import (
    Aid, ArticleRecord, Attack, Entity, EntityRef, Evidence, Mention, NumericClaim, Published, Quote,
    RecordWarning,
)


def claim(cid, value, category, text="", **kw):
    text = text or f"{value} people"
    return NumericClaim(id=cid, text=text, start=0, end=len(text), value=value, category=category,
                        evidence=Evidence(text=text, start=0, end=len(text)), **kw)


def entity(eid, name, etype="COUNTRY", mentions=1, roles=()):
    return Entity(id=eid, name=name, type=etype, roles=list(roles),
                  mentions=[Mention(text=name, start=0, end=len(name)) for _ in range(mentions)])


def record(rid, **fields):
    base = dict(id=rid, text_hash="0" * 64, text="x", url=f"https://news.example/{rid}", title=f"Story {rid}")
    base.update(fields)
    return ArticleRecord(**base)


RECORDS = [
    record("a1", published=Published(date="2024-03-01", source="given"),
           entities=[entity("E1", "Ukraine", mentions=4), entity("E2", "Qatar", roles=["MEDIATOR"])],
           numeric_claims=[claim("N1", 3, "KILLED"), claim("N2", 11, "WOUNDED"),
                           claim("N3", 1_500_000, "MONEY", "$1.5 million", currency="USD"),
                           claim("N4", 40, "KILLED", negated=True)],
           events=[Attack(id="V1", date="2024-03-01", date_precision="day", killed=3),
                   Aid(id="V2", date="2024-03", date_precision="month", mediator=EntityRef(name="Qatar"))],
           quotes=[Quote(id="Q1", text="x", start=0, end=1, evidence=Evidence(text="x", start=0, end=1))]),
    record("a2", url="javascript:alert(1)",
           entities=[entity("E1", "Ukraine"), entity("E2", "<script>alert(2)</script>", "PERSON")],
           numeric_claims=[claim("N1", 12, "KILLED"), claim("N2", 2_000_000, "MONEY", "€2m", currency="EUR"),
                           claim("N3", 30, "PERCENT"), claim("N4", 5, "KILLED", hypothetical=True)],
           events=[Attack(id="V1", date="2024-03-03", date_precision="day", modality="negated"),
                   Attack(id="V2")],
           warnings=[RecordWarning(code="text_truncated", message="only the first 200000 characters")]),
    record("a3", title="<b>bold</b> title"),
]


@pytest.fixture(scope="module")
def summary():
    s = DumpSummary()
    for r in RECORDS:
        s.add(json.loads(r.model_dump_json()))
    return s


class Rows(HTMLParser):
    """Table rows (lists of cell texts) per section id."""

    def __init__(self):
        super().__init__()
        self.section, self.rows, self.row, self.cell = None, {}, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.section = dict(attrs).get("id")
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.setdefault(self.section, []).append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def rows(page: str) -> dict:
    parser = Rows()
    parser.feed(page)
    return parser.rows


@pytest.fixture(scope="module")
def page(summary):
    return summary.render(sources=["dump.jsonl"])


def test_counts_per_section(summary, page):
    assert summary.articles == 3
    assert summary.section_items == Counter(entities=4, numeric_claims=8, quotes=1, events=4)
    assert summary.section_articles == Counter(entities=2, numeric_claims=2, quotes=1, events=2)
    assert ["events", "4", "2"] in rows(page)["overview"]
    assert ["entity mentions", "7", ""] in rows(page)["overview"]


def test_counts_per_event_type_and_modality(summary, page):
    assert summary.events_by_type == Counter(ATTACK=3, AID=1)
    table = rows(page)["events"]
    assert table[0] == ["type", "events", "asserted", "negated"]
    assert ["ATTACK", "3", "2", "1"] in table


def test_claims_summed_by_category_leave_out_negated_and_hypothetical(summary, page):
    assert summary.claim_totals[("KILLED", None)].total == 15
    assert summary.claim_totals[("KILLED", None)].articles == 2
    assert summary.claims_skipped == Counter({"negated or hypothetical": 2})
    table = {r[0]: r for r in rows(page)["claims"][1:]}
    assert table["KILLED"][1:4] == ["15", "2", "2"]
    assert table["MONEY (USD)"][1] == "1,500,000" and table["MONEY (EUR)"][1] == "2,000,000"
    assert table["PERCENT"][1] == "not summed"


def test_claim_rows_link_to_the_articles_behind_each_number(page):
    section = page.split('id="claims"')[1].split("</section>")[0]
    killed = [r for r in section.split("<tr>") if r.startswith("<td>KILLED")][0]
    assert killed.index("<b>12</b>") < killed.index("<b>3</b>"), "largest first"
    assert '<a href="https://news.example/a1"' in killed
    assert 'href="javascript' not in page


def test_top_entities_count_articles_not_mentions(summary):
    assert summary.entities.counts[("Ukraine", "COUNTRY")] == 2
    assert summary.mediator_articles.counts == Counter({"Qatar": 1})
    assert summary.mediator_events.counts == Counter({"Qatar": 1})


def test_timeline_draws_dated_events_by_type(summary, page):
    assert summary.undated == Counter(ATTACK=1), "a2's undated attack: no publication date either"
    section = page.split('id="timeline"')[1].split("</section>")[0]
    # two attacks dated to the day and aid dated to the month: drawn per month, all three
    assert "(per month)" in section
    assert "<title>2024-03 · ATTACK: 2</title>" in section and "<title>2024-03 · AID: 1</title>" in section
    assert "1 event with no date" in section and "not drawn" not in section


def test_undated_events_fall_back_to_the_publication_date():
    summary = DumpSummary()
    summary.add({"id": "p", "published": {"date": "2024-05-02"}, "events": [{"type": "PROTEST"}, {"type": "ARREST"}]})
    assert summary.timeline == Counter({("2024-05-02", "day", "PROTEST", True): 1,
                                        ("2024-05-02", "day", "ARREST", True): 1})
    section = summary.render().split('id="timeline"')[1].split("</section>")[0]
    assert "<title>2024-05-02 · PROTEST (publication date): 1</title>" in section
    assert "lighter: 2 events without a date of their own" in section


def test_warnings_and_errors_are_listed(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(r.model_dump_json() for r in RECORDS) + "\n{not json\n")
    errors = tmp_path / "errors.jsonl"
    errors.write_text(json.dumps({"id": "z9", "file": "in.jsonl", "line": 7, "error": "empty text"}) + "\n"
                      + json.dumps({"id": "w1", "file": "crawl.warc", "line": None, "offset": 1200,
                                    "error": "no article text found in the HTML page"}) + "\n")
    table = rows(build_report([str(dump)], errors=[str(errors)]))["problems"]
    assert ["text_truncated", "1"] in table
    assert any(r[0].startswith("Story a2") and r[1] == "text_truncated" for r in table)
    assert ["in.jsonl:7", "z9", "empty text"] in table      # the input's file and line, not the errors file
    assert ["crawl.warc@1200", "w1", "no article text found in the HTML page"] in table
    assert any(r[0] == f"{dump}:4" and r[2].startswith("not a JSON record") for r in table)


def test_hostile_text_is_escaped(page):
    assert "<script>" not in page and "&lt;script&gt;alert(2)" in page
    assert "<b>bold</b>" not in page


def test_svg_charts_are_well_formed(page):
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    assert len(svgs) >= 4
    for svg in svgs:
        ET.fromstring(svg)


def test_page_is_self_contained(page):
    assert "<script" not in page and "<link" not in page and "src=" not in page and "url(" not in page


def test_bar_chart_scales_bars_to_the_largest():
    svg = ET.fromstring(bar_chart([("a", 10, "#000", "a"), ("b", 5, "#000", "b")], width=400, label_width=100))
    widths = [float(r.get("width")) for r in svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert widths[0] == pytest.approx(2 * widths[1])


def test_stacked_columns_stack_types_within_a_bin():
    svg = ET.fromstring(stacked_columns(["d1", "d2"], {"d1": Counter({("ATTACK", False): 2, ("AID", True): 2}),
                                                       "d2": Counter({("AID", False): 4})}, {}))
    rects = list(svg.iter("{http://www.w3.org/2000/svg}rect"))
    heights = [float(r.get("height")) for r in rects]
    assert heights[0] == pytest.approx(heights[1]) and heights[2] == pytest.approx(heights[0] + heights[1])
    assert [r.get("fill-opacity") for r in rects] == [None, "0.4", None], "placed by publication date: lighter"


def _dates(*items):
    return Counter({(d, p, "ATTACK", False): n for d, p, n in items})


@pytest.mark.parametrize("counts,unit,bins", [
    (_dates(("2024-03-01", "day", 1), ("2024-03-20", "day", 1)), "day", 20),
    (_dates(("2024-03-01", "day", 1)), "day", 7),
    (_dates(("2023-01-15", "day", 1), ("2024-06-02", "day", 1)), "month", 18),
    (_dates(("2001-05-01", "day", 1), ("2024-06-02", "day", 1)), "year", 24),
    (_dates(("2024-01", "month", 3), ("2024-05", "month", 1)), "month", 5),
    # one event known only by its year does not stretch the month axis to January
    (_dates(("2023", "year", 1), ("2023-12-10", "day", 5), ("2024-03-01", "day", 5), ("2024-07", "month", 4)),
     "month", 8),
    # most events known only by month: months, not days, though the day-dated ones are close together
    (_dates(("2024-03-01", "day", 1), ("2024-03-02", "day", 1), ("2024-01", "month", 5)), "month", 3),
])
def test_timeline_picks_the_bin_size_the_dates_need(counts, unit, bins):
    plan = timeline_bins(counts)
    assert (plan.unit, len(plan.bins)) == (unit, bins)
    assert sum(sum(c.values()) for c in plan.counts.values()) + plan.coarser + plan.outside == sum(counts.values())


def test_one_stray_date_does_not_flatten_the_timeline():
    plan = timeline_bins(_dates(("1945-05-08", "day", 1), ("2024-03-01", "day", 60), ("2024-03-09", "day", 40)))
    assert plan.unit == "day" and plan.outside == 1


def test_top_counter_stays_bounded_and_keeps_frequent_keys():
    counter = TopCounter(capacity=10)
    for i in range(1000):
        counter.add(f"rare{i}")
        if i % 10 == 0:
            counter.add("frequent")
    assert len(counter.counts) <= 20 and counter.pruned
    assert counter.most_common(1) == [("frequent", 100)]


def test_summary_does_not_keep_records():
    """A dump's size must not matter: adding many large records leaves memory flat."""
    summary = DumpSummary()
    base = json.loads(RECORDS[0].model_dump_json())
    tracemalloc.start()
    try:
        for i in range(300):
            summary.add({**base, "id": f"r{i}", "text": "x" * 20_000 + str(i)})
        before = tracemalloc.get_traced_memory()[0]
        for i in range(300, 1500):
            summary.add({**base, "id": f"r{i}", "text": "x" * 20_000 + str(i)})
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert summary.articles == 1500
    assert grown < 2_000_000, f"memory grew by {grown} bytes over 1200 records"


def test_report_command_writes_a_page(tmp_path, capsys):
    from newsextract.cli import main

    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(r.model_dump_json() for r in RECORDS) + "\n")
    out = tmp_path / "report.html"
    assert main(["report", str(dump), "-o", str(out), "--title", "March dump"]) == 0
    text = out.read_text()
    assert "<h1>March dump</h1>" in text and ["events", "4", "2"] in rows(text)["overview"]
    assert main(["report", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot report" in capsys.readouterr().err


def test_report_reads_a_database_written_by_the_sql_sink(tmp_path):
    from newsextract.io.sql import SqlSink

    db = tmp_path / "news.db"
    with SqlSink(str(db)) as sink:
        for r in RECORDS:
            sink.write(r)
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(r.model_dump_json() for r in RECORDS) + "\n")
    from_jsonl = rows(build_report([str(dump)]))
    for source in (f"sqlite:///{db}", str(db)):
        from_db = rows(build_report([source]))
        assert from_db["overview"] == from_jsonl["overview"] and from_db["claims"] == from_jsonl["claims"]


def test_report_on_a_missing_database_says_so(tmp_path):
    from newsextract.io.sql import DatabaseError

    with pytest.raises(DatabaseError, match="no database file"):
        build_report([f"sqlite:///{tmp_path / 'none.db'}"])
    assert not (tmp_path / "none.db").exists()

"""Both pages in a real browser: headless Chromium (Debian's `chromium`) driven over
the DevTools protocol on a pipe (no driver, no Python package). Checks that each page
renders without console errors or exceptions, makes no network request, that its
links and script work, and saves a screenshot (to $NEWSEXTRACT_SCREENSHOTS, else
pytest's tmp_path)."""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from newsextract.report import build_report
from newsextract.visualization import render_article

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CHROMIUM = os.environ.get("NEWSEXTRACT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe")
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


class Browser:
    """A headless Chromium speaking the DevTools protocol over fds 3 (in) and 4 (out):
    JSON messages separated by NUL bytes."""

    def __init__(self, profile: Path, timeout: float = 30.0):
        self.timeout = timeout
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # keep both ends clear of fds 3 and 4 so the dup2 calls in the child cannot clobber them
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def wire():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, pass_fds=(3, 4, high_r, high_w))
        os.close(high_r)
        os.close(high_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise ConnectionError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        msg = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_browser, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, session: str) -> dict:
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            self.events.append(self._read_message(deadline))

    def close(self):
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError, ConnectionError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


class Page:
    """One tab: opened on a file, with the console, errors and requests it produced."""

    def __init__(self, browser: Browser, path: Path, width: int = 1200, height: int = 900):
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        browser.events.clear()
        self.call("Page.navigate", {"url": path.resolve().as_uri()})
        browser.wait_for("Page.loadEventFired", self.session)

    def call(self, method, params=None):
        return self.browser.call(method, params, self.session)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, failed loads and any non-local request."""
        found = []
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + params["exceptionDetails"].get("text", ""))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append("log: " + params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent" and not params["request"]["url"].startswith(LOCAL_SCHEMES):
                found.append("network request: " + params["request"]["url"])
            elif method == "Network.loadingFailed":
                found.append("failed load: " + params.get("errorText", ""))
        return found

    def screenshot(self, path: Path, max_height: int = 2400) -> Path:
        height = self.call("Page.getLayoutMetrics")["cssContentSize"]["height"]
        clip = {"x": 0, "y": 0, "width": 1200, "height": min(max_height, max(1, int(height))), "scale": 1}
        data = self.call("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})
        path.write_bytes(base64.b64decode(data["data"]))
        return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"headless Chromium not found at {CHROMIUM} (Debian: apt-get install chromium); "
                    "browser test skipped")
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        b.call("Browser.getVersion")
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("NEWSEXTRACT_SCREENSHOTS")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        return Path(where)
    return tmp_path_factory.mktemp("screenshots")


# Short articles written for this test, so the report has dates, types and figures to draw.
ARTICLES = [
    {"id": "demo-1", "title": "Shelling kills four in Kharkiv", "published": "2024-02-11",
     "url": "https://news.example/demo-1",
     "text": "Shelling killed four civilians and wounded 19 others in Kharkiv on Saturday, "
             "regional governor Oleh Syniehubov said.\n\n\"The strikes hit a residential area,\" he said."},
    {"id": "demo-2", "title": "Qatar brokers release of 12 hostages", "published": "2024-02-20",
     "url": "https://news.example/demo-2",
     "text": "Twelve hostages were released on Monday under a deal brokered by Qatar, the foreign "
             "ministry in Doha said. Officials said at least 40 others were still held."},
    {"id": "demo-3", "title": "EU pledges aid after floods", "published": "2024-03-05",
     "url": "https://news.example/demo-3",
     "text": "The European Union pledged $25 million in aid to Libya on Tuesday after floods displaced "
             "more than 30,000 people, the European Commission said."},
    {"id": "demo-4", "title": "Protesters rally in Tbilisi", "published": "2024-03-16",
     "url": "https://news.example/demo-4",
     "text": "Thousands of protesters rallied in Tbilisi on Saturday against a draft law, and police "
             "arrested 20 people, Georgia's interior ministry said."},
]


@pytest.fixture(scope="module")
def pages(extractor, tmp_path_factory):
    out = tmp_path_factory.mktemp("pages")
    article = json.loads((EXAMPLES / "prisoner_swap.json").read_text())
    record = extractor.extract(article["text"], id=article["id"], title=article["title"],
                               published=article["published"], url=article["url"])
    view = out / "article.html"
    view.write_text(render_article(record), encoding="utf-8")
    flood = json.loads((EXAMPLES / "flood_aid.json").read_text())
    dump = out / "records.jsonl"
    with dump.open("w", encoding="utf-8") as fh:
        fh.write(record.model_dump_json() + "\n")
        for rec in extractor.pipe([flood, *ARTICLES]):
            fh.write(rec.model_dump_json() + "\n")
    errors = out / "errors.jsonl"
    errors.write_text(json.dumps({"source": "inbox/empty.txt", "id": None, "error": "empty text"}) + "\n")
    report = out / "report.html"
    here = os.getcwd()
    os.chdir(out)   # so the page names its inputs as a user would type them
    try:
        page = build_report([dump.name], errors=[errors.name], title="newsextract report: example dump")
    finally:
        os.chdir(here)
    report.write_text(page, encoding="utf-8")
    return {"article": view, "report": report, "record": record}


def test_article_view_renders_in_chromium(browser, pages, shots):
    page = Page(browser, pages["article"])
    record = pages["record"]
    assert page.evaluate("document.querySelectorAll('.nx-text mark.nx-ent:not(.nx-cont)').length") == \
        sum(len(e.mentions) for e in record.entities)
    assert page.evaluate("document.querySelector('.nx-text').innerText.includes('Sign in to read more')")
    shot = page.screenshot(shots / "article-view.png", max_height=1500)
    assert shot.stat().st_size > 10_000
    # the script: hovering a mention outlines every mention of its entity
    mentions = max(record.entities, key=lambda e: len(e.mentions)).mentions
    lit = page.evaluate(
        "(function(){var m=document.querySelector('.nx-text mark.nx-ent');"
        "m.dispatchEvent(new MouseEvent('mouseover',{bubbles:true}));"
        "return [document.querySelectorAll('mark.nx-hl').length,"
        "document.querySelectorAll('mark[data-entity=\"'+m.dataset.entity+'\"]').length];})()")
    assert lit[0] == lit[1] >= 1 and len(mentions) >= 1
    # an evidence link scrolls to its sentence and lights it
    if record.events and record.events[0].evidence:
        flashed = page.evaluate(
            "(function(){var a=document.querySelector('a.nx-evlink');a.click();"
            "return [location.hash.slice(1)===a.getAttribute('href').slice(1),"
            "document.querySelectorAll('.nx-sent.nx-flash').length];})()")
        assert flashed[0] and flashed[1] >= 1
    assert page.problems() == []


def test_report_renders_in_chromium(browser, pages, shots):
    page = Page(browser, pages["report"])
    assert page.evaluate("document.querySelectorAll('svg.chart').length") >= 4
    assert page.evaluate("document.querySelector('#overview').innerText.includes('articles')")
    # every chart was laid out with a size (an SVG error would leave it empty)
    sizes = page.evaluate("Array.from(document.querySelectorAll('svg.chart')).map(s=>s.getBBox().width)")
    assert all(w > 0 for w in sizes)
    assert page.problems() == []
    shot = page.screenshot(shots / "report.png")
    assert shot.stat().st_size > 10_000


def test_hostile_article_does_not_run_in_chromium(browser, tmp_path):
    """An article holding markup shows it as text: no script runs, no image loads."""
    from newsextract.schema import ArticleRecord, Entity, Mention

    text = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> Qatar spoke."
    start = text.index("Qatar")
    record = ArticleRecord(id="<i>h</i>", title="<script>window.pwned=3</script>", text_hash="0" * 64, text=text,
                           entities=[Entity(id="E1", name="Qatar", type="COUNTRY",
                                            mentions=[Mention(text="Qatar", start=start, end=start + 5)])])
    path = tmp_path / "hostile.html"
    path.write_text(render_article(record), encoding="utf-8")
    page = Page(browser, path)
    assert page.evaluate("window.pwned === undefined")
    assert page.evaluate("document.querySelector('.nx-text').textContent").startswith("<script>window.pwned=1")
    assert page.problems() == []


def test_problems_are_caught(browser, tmp_path):
    """The checks above can fail: a page with a script error and a remote image is reported."""
    path = tmp_path / "broken.html"
    path.write_text("<!DOCTYPE html><html><body><img src='http://127.0.0.1:9/x.png'>"
                    "<script>console.error('boom'); undefinedFunction();</script></body></html>")
    found = Page(browser, path).problems()
    assert any(p.startswith("console: boom") for p in found)
    assert any(p.startswith("exception:") for p in found)
    assert any("127.0.0.1:9" in p for p in found)

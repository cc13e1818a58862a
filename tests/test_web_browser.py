"""The web page in a real browser: Debian's headless Chromium, driven by Playwright, against `solver serve` in a
subprocess (replay backend, a token set). It loads a bundled problem's CodeContests row through the file input,
solves it and watches the progress move, reads the clusters and the submissions with their hidden-test verdicts,
writes the screenshot of that finished solve, then fills the form by hand for a slow problem and cancels it.

Skipped, with the reason, where Chromium or the playwright package is missing; CI installs both (`.ci/run`, the
dev extra). No browser is ever downloaded: Playwright drives the system's Chromium.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from problems import load, problem_to_row
from sandbox.languages import name_of
from tests.test_service_server import ROOT, server

CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")
if not CHROMIUM.is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", exc_type=ImportError,
                               reason="the playwright package is not installed (pip install -e '.[dev]'; "
                               "no `playwright install` is needed)")

CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TOKEN = "browser-secret"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
PODIUM = ROOT / "problems" / "bundled" / "podium-order"
# Wrong on the examples and slow to say so: they keep the podium solve busy for a second or two, so that its
# progress has time to move on the page.
PADDING = [{"language": "python3", "code": f"import time\ntime.sleep(0.3)\nprint({i})\n"} for i in range(4)]
# Right on the examples, a second per run: a job that is still running when its Cancel is pressed.
SLOW = [{"problem": "slow", "language": "python3",
         "code": f"import time\ntime.sleep(1)\na, b = map(int, input().split())\nprint(a + b + 0 * {i})\n"}
        for i in range(40)]


def candidates(problem) -> list[dict]:
    """The podium problem's own solutions, right and wrong, then the padding and the slow programs."""
    rows = [{"problem": problem.name, "language": name_of(solution.language), "code": solution.code}
            for solution in (*problem.solutions, *problem.incorrect_solutions)]
    return rows + [{**row, "problem": problem.name} for row in PADDING] + SLOW


# Installed in the page: every text the stage and the counts show, in order, however fast they change.
RECORDER = """() => {
  window.seen = {stage: [], sampled: [], compiled: []};
  const watch = (selector, list) => new MutationObserver(() => {
    const text = document.querySelector(selector).textContent;
    if (list[list.length - 1] !== text) list.push(text);
  }).observe(document.querySelector(selector), {childList: true, characterData: true, subtree: true});
  watch("#stage", window.seen.stage);
  watch("#count-sampled", window.seen.sampled);
  watch("#count-compiled", window.seen.compiled);
}"""

# The page's own modules, checked in the page: the event-stream parser on chunks cut anywhere (inside a CRLF
# too), and the highlighter, whose tokens must join back into the code.
MODULE_CHECKS = """async () => {
  const {EventStreamParser} = await import("/static/sse.js");
  const {tokenize} = await import("/static/highlight.js");
  const text = ": keep-alive\\r\\n\\r\\nid: 7\\r\\nevent: progress\\r\\ndata: {\\"a\\": 1}\\r\\n\\r\\n" +
               "data: x\\ndata: y\\n\\nid: 9\\revent: state\\rdata: {}\\r\\r";
  const splits = [];
  for (let cut = 0; cut <= text.length; cut++) {
    const parser = new EventStreamParser();
    const events = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()];
    splits.push(JSON.stringify(events));
  }
  const code = {
    python3: "s = f'{x}' # c\\nprint(0x1F, 1.5e3, \\"\\"\\"doc\\n\\"\\"\\")\\n",
    cpp: "#include <bits/stdc++.h>\\nint main() { /* c */ long x = 1'000LL; puts(\\"a\\\\\\"b\\"); }\\n",
    java: "@Override public String f() { return \\"x\\" + 'c' + 10L; } // end\\n",
  };
  const tokens = Object.fromEntries(Object.entries(code).map(([language, source]) => [language,
    tokenize(source, language)]));
  return {
    splits: [...new Set(splits)],
    roundTrip: Object.entries(code).every(([language, source]) =>
      tokens[language].map((token) => token[1]).join("") === source),
    kinds: Object.fromEntries(Object.entries(tokens).map(([language, list]) =>
      [language, list.filter((token) => token[0]).map((token) => token.join(" "))])),
  };
}"""


def test_solve_watch_and_cancel_in_a_browser(tmp_path):
    problem = next(iter(load(PODIUM)))
    (tmp_path / "candidates.jsonl").write_text("".join(json.dumps(row) + "\n" for row in candidates(problem)),
                                              encoding="utf-8")
    row = json.dumps(problem_to_row(problem)).encode()
    expect = sync_api.expect
    settings = {"SOLVER_TOKEN": TOKEN, "SOLVER_WORKERS": "1", "SOLVER_ALLOWED_OPTIONS": "temperature,shuffle"}
    with server(tmp_path, **settings) as process, sync_api.sync_playwright() as driver:
        base = process.base
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            requests, failures = [], []
            page.on("request", lambda request: requests.append(request.url))
            page.on("pageerror", lambda error: failures.append(str(error)))
            page.on("response", lambda answer: answer.status >= 400 and "/jobs" not in answer.url
                    and failures.append(f"{answer.status} {answer.url}"))
            page.goto(base + "/")
            expect(page.locator("#server")).to_have_text("replay backend · ready")
            expect(page.locator("#jobs-error")).to_contain_text("token")  # the list needs it; the page did not
            # Of the options allowed, only those the backend honours: replay takes shuffle, not temperature.
            expect(page.locator("#options label")).to_have_text(["Shuffle"])
            page.get_by_label("Token").fill(TOKEN)
            page.get_by_label("Token").press("Tab")
            expect(page.locator("#jobs")).to_contain_text("No jobs yet")
            page.evaluate(RECORDER)

            # A bundled problem's row, loaded through the file input and solved.
            page.get_by_label("CodeContests row (JSON)").set_input_files(
                files=[{"name": "podium-order.json", "mimeType": "application/json", "buffer": row}])
            expect(page.locator("#file-info")).to_contain_text("Podium Order: 2 examples")
            page.get_by_label("Samples").fill("20")
            page.get_by_label("Seconds").fill("60")
            page.get_by_label("Shuffle").select_option("false")
            page.get_by_role("button", name="Solve", exact=True).click()
            expect(page.locator("#job-state")).to_have_text("done", timeout=60_000)
            expect(page.locator("#job-title")).to_have_text("Podium Order")
            expect(page.locator("#job-budget")).to_have_text("· 20 samples · 60 s · seed 0 · all languages · "
                                                             "shuffle false")
            seen = page.evaluate("window.seen")
            assert {"sampling", "done"} <= set(seen["stage"]) and len(seen["stage"]) >= 3, seen
            assert len(seen["sampled"]) >= 2 and seen["sampled"][-1] == "8", seen  # 4 programs, 4 of padding
            assert len(seen["compiled"]) >= 2, seen
            assert page.locator("#stages li").count() >= 3
            assert page.locator("#chart polyline").count() == 5  # a line for each count

            submissions = page.locator("#submissions .submission")
            expect(submissions).to_have_count(2)
            expect(page.locator("#summary")).to_contain_text("Solved")
            for number in range(2):
                item = submissions.nth(number)
                expect(item.locator(".verdict")).to_have_text("accepted")
                expect(item).to_contain_text("cluster 1 of 2 programs")
                assert item.locator(".tok-keyword").count() > 0  # the code is highlighted
            languages = {submissions.nth(number).locator(".facts").inner_text().split(" · ")[0] for number in range(2)}
            assert languages == {"C++", "Python 3"}
            cluster = page.locator("#clusters .cluster")
            expect(cluster).to_have_count(1)
            expect(cluster.locator("h4")).to_contain_text("Cluster 1 2 programs")
            expect(cluster.locator(".outputs tr")).to_have_count(3)  # a header and two generated inputs
            sorted_output = cluster.locator(".outputs td pre").nth(1).inner_text().split()
            assert sorted_output == sorted(sorted_output, key=int, reverse=True)
            assert page.locator("#count-clusters").inner_text() == "1"

            page.evaluate("window.scrollTo(0, 0)")
            shot = tmp_path / "screenshot.png"
            page.screenshot(path=shot)
            assert shot.read_bytes().startswith(b"\x89PNG")
            if os.environ.get("UPDATE_SCREENSHOT") == "1" or not SCREENSHOT.exists():
                SCREENSHOT.parent.mkdir(exist_ok=True)
                shutil.copyfile(shot, SCREENSHOT)

            checks = page.evaluate(MODULE_CHECKS)
            assert len(checks["splits"]) == 1, checks["splits"]  # the same events, wherever the text was cut
            assert json.loads(checks["splits"][0]) == [
                {"event": "progress", "data": '{"a": 1}', "id": "7"},
                {"event": "message", "data": "x\ny", "id": "7"},
                {"event": "state", "data": "{}", "id": "9"}]
            assert checks["roundTrip"]
            assert checks["kinds"]["python3"] == ["string f'{x}'", "comment # c", "builtin print", "number 0x1F",
                                                  "number 1.5e3", 'string """doc\n"""']
            assert checks["kinds"]["cpp"][:3] == ["meta #include <bits/stdc++.h>", "keyword int", "comment /* c */"]
            assert "number 1'000LL" in checks["kinds"]["cpp"] and 'string "a\\"b"' in checks["kinds"]["cpp"]
            assert checks["kinds"]["java"] == ["meta @Override", "keyword public", "builtin String", "keyword return",
                                               'string "x"', "string 'c'", "number 10L", "comment // end"]

            # A slow problem written in the form, cancelled while it runs.
            page.get_by_role("button", name="Write a statement instead").click()
            page.get_by_label("Name").fill("slow")
            page.get_by_label("Statement").fill("Read two integers a and b and print their sum.")
            page.locator(".example-input").nth(0).fill("1 2\n")
            page.locator(".example-output").nth(0).fill("3\n")
            page.get_by_role("button", name="Add example").click()
            page.locator(".example-input").nth(1).fill("30 4\n")
            page.locator(".example-output").nth(1).fill("34\n")
            page.get_by_label("Time limit (s)").fill("3")
            page.get_by_label("C++").uncheck()
            page.get_by_label("Java").uncheck()
            page.get_by_label("Samples").fill("40")
            page.get_by_label("Seconds").fill("120")
            page.get_by_role("button", name="Solve", exact=True).click()
            expect(page.locator("#job-title")).to_have_text("slow")
            expect(page.locator("#job-state")).to_have_text("running", timeout=30_000)
            expect(page.locator("#count-sampled")).not_to_have_text("0", timeout=30_000)
            page.get_by_role("button", name="Cancel", exact=True).click()
            expect(page.locator("#job-state")).to_have_text("cancelled", timeout=20_000)
            expect(page.get_by_role("button", name="Cancel", exact=True)).to_be_hidden()
            expect(page.locator("#job-message")).to_contain_text("cancelled by the client")
            expect(page.locator("#job-budget")).to_contain_text("40 samples · 120 s · seed 0 · Python 3")
            assert int(page.locator("#count-compiled").inner_text()) < 40

            # The recent jobs, newest first; picking one shows it again, from the server's record.
            jobs = page.locator("#jobs .job-link")
            expect(jobs).to_have_count(2)
            expect(jobs.nth(0)).to_contain_text("slow")
            expect(jobs.nth(0).locator(".badge")).to_have_text("cancelled")
            expect(jobs.nth(1).locator(".badge")).to_have_text("done")
            jobs.nth(1).click()
            expect(page.locator("#job-title")).to_have_text("Podium Order")
            expect(page.locator("#submissions .verdict")).to_have_text(["accepted", "accepted"])
            expect(jobs.nth(1)).to_have_attribute("aria-current", "true")

            assert failures == []
            assert requests and all(url.startswith(base + "/") for url in requests), requests
        finally:
            browser.close()

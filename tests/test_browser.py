"""The HTML report as a reader sees it: headless Debian Chromium from a file URL."""

import pytest
from playwright.sync_api import sync_playwright

from .conftest import require

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def page(heidelberg_report):
    chromium = require("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        requests: list[str] = []
        page.on("request", lambda req: requests.append(req.url))
        page.goto(heidelberg_report.html.as_uri(), wait_until="load")
        page.wait_for_function(
            "document.querySelectorAll('.bnk-plot').length > 0 && [...document.querySelectorAll('.bnk-plot')]"
            ".every(p => p.querySelector('svg.main-svg'))",
            timeout=30_000,
        )
        page.errors = errors  # type: ignore[attr-defined]
        page.requests = requests  # type: ignore[attr-defined]
        yield page
        browser.close()


def test_no_console_errors_and_no_network(page):
    assert page.errors == []
    assert all(url.startswith(("file:", "data:", "about:")) for url in page.requests), page.requests


def test_every_chart_is_drawn(page):
    plots = page.locator(".bnk-plot")
    assert plots.count() >= 40
    drawn = page.evaluate("[...document.querySelectorAll('.bnk-plot')].filter(p => "
                          "p.querySelector('svg.main-svg .scatterlayer .trace')).length")
    assert drawn == plots.count()
    labels = page.evaluate("[...document.querySelectorAll('.bnk-plot')].map(p => p.getAttribute('aria-label'))")
    assert all(label and label.startswith("Liniendiagramm") for label in labels)


def test_toc_links_resolve_and_work_with_keyboard(page):
    hrefs = page.evaluate("[...document.querySelectorAll('.bnk-toc a')].map(a => a.getAttribute('href'))")
    assert len(hrefs) >= 20
    for href in hrefs:
        assert page.locator(href).count() == 1, href
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#inhalt"


def test_headings_in_order(page):
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4')].map(h => +h.tagName[1])")
    assert levels[0] == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_screenshot(page, screenshot_dir):
    page.locator("#sdg-1").scroll_into_view_if_needed()
    target = screenshot_dir / "heidelberg-sdg1.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 20_000

"""The hub in a real browser (Debian's Chromium driven by Playwright): the main journey from
sign-in with a second factor to the audit log, the same forms without JavaScript, and an
accessibility scan (axe-core) of every page on the way."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest

from safepost.hub.demo import DEMO_PASSWORD, DEMO_PEOPLE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CHROMIUM = os.environ.get("SAFEPOST_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[2] / "src" / "safepost" / "hub" / "static" / "vendor" / "axe" / "axe.min.js"
SECRETS = {person.username: person.totp_secret for person in DEMO_PEOPLE}

if not Path(CHROMIUM).exists():
    pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    # Playwright's sync API keeps an event loop in this thread; Django's database calls in the
    # test's own fixtures are still synchronous and safe here (Django's documented switch).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield launched
        launched.close()


@pytest.fixture
def hub(live_server, demo):  # type: ignore[no-untyped-def]
    return live_server.url


def accessibility_problems(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Serious and critical axe-core violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {page.url}"
        for violation in results["violations"] if violation["impact"] in ("serious", "critical")
    ]


def sign_in(page, hub: str, username: str, problems: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{hub}/login")
    page.fill("#username", username)
    page.fill("#password", DEMO_PASSWORD)
    page.click("#sign-in")
    if SECRETS.get(username):
        page.wait_for_url(f"{hub}/second-factor")
        if problems is not None:
            problems += accessibility_problems(page)
        page.fill("#code", pyotp.TOTP(SECRETS[username]).now())
        page.click("#continue")
    page.wait_for_url(f"{hub}/")


def test_draft_to_approval_to_audit(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    problems: list[str] = []
    dsl = browser.new_context().new_page()
    dsl.goto(f"{hub}/login")
    problems += accessibility_problems(dsl)
    sign_in(dsl, hub, "dsl", problems)  # a DSL signs in with a second factor
    problems += accessibility_problems(dsl)

    dsl.click("text=Write an official post")
    problems += accessibility_problems(dsl)
    dsl.select_option("#account", label="@OakfieldPrimary (x)")
    dsl.fill("#text", "Huge well done to Amelia Hartley in Year 4 for her amazing poem!")
    finding = dsl.locator(".hub-finding[data-rule='content.pupil_full_name']")
    finding.wait_for()
    assert "Amelia Hartley" in finding.inner_text()
    problems += accessibility_problems(dsl)
    finding.locator("button.hub-fix").click()
    assert dsl.input_value("#text") == "Huge well done to Amelia H. in Year 4 for her amazing poem!"
    dsl.locator(".hub-verdict-allow").wait_for()
    dsl.click("button[value=submit]")
    dsl.wait_for_url("**/drafts/*/")
    assert "Waiting for approval" in dsl.inner_text("h1")
    draft_url = dsl.url
    problems += accessibility_problems(dsl)

    head = browser.new_context().new_page()
    sign_in(head, hub, "head")
    assert "Amelia H." in head.inner_text("main")
    head.goto(draft_url)
    head.fill("#comment", "Lovely, thank you")
    head.click("button[value=approve]")
    head.wait_for_url(draft_url)
    assert "Approved" in head.inner_text("h1")
    assert "Approved by Helen Marsh" in head.inner_text("#trail")
    problems += accessibility_problems(head)

    head.goto(f"{hub}/")
    head.click("text=Audit log")
    assert "draft.approved" in head.inner_text("#audit-table")
    problems += accessibility_problems(head)
    head.goto(f"{hub}/self-check")
    head.fill("#text", "So proud of my class today")
    head.click("#check")
    problems += accessibility_problems(head)
    head.goto(f"{hub}/account/api-token")
    problems += accessibility_problems(head)
    assert not problems, "\n".join(problems)


def test_forms_work_without_javascript(browser, hub: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_context(java_script_enabled=False).new_page()
    sign_in(page, hub, "teacher")
    page.click("text=Write an official post")
    page.fill("#text", "Well done to Amelia Hartley!")
    page.click("button[value=check]")
    finding = page.locator(".hub-finding[data-rule='content.pupil_full_name']")
    assert finding.count() == 1
    finding.locator("button.hub-fix").click()
    assert page.input_value("#text") == "Well done to Amelia H.!"
    assert page.locator(".hub-verdict-allow").count() == 1

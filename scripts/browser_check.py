"""Opens one page of each kind in a real browser (Debian's chromium, through selenium):

- in Chinese and in Arabic, at desktop (1366 px) and phone (360 px) widths, keeping a screenshot of each;
- in the pseudo-locale (every message accented, 40% longer, between ⟦ ⟧; `cityweave i18n pseudo`) at
  360 px, where it fails if the page scrolls sideways or an element sticks out of the window outside a
  box meant to scroll (a wide table scrolls inside its frame).

    python3 scripts/browser_check.py --binary .build/debug/cityweave --out /tmp/browser-check

Needs: chromium, chromium-driver, fonts-noto-cjk (Debian) and selenium (PyPI). It starts its own server on
a fresh SQLite database with the example content, in a temporary folder that holds a copy of the resources
with the pseudo-locale in place of the French catalogues (so `/fr/…` pages show it).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import server_harness

PSEUDO = "fr"
EDITOR = ("helsinki.editor@example.org", "senate-square-demo")

# Public pages by kind; {city}, {network}, {practice}, {offer} are found on the site first.
PUBLIC_PAGES = [
    ("home", "/"),
    ("search", "/search?q=Helsinki"),
    ("networks", "/networks"),
    ("network", "/networks/{network}"),
    ("city", "/cities/{city}"),
    ("countries", "/countries"),
    ("country", "/countries/FI"),
    ("practices", "/practices"),
    ("practice", "/practices/{practice}"),
    ("measures", "/measures"),
    ("landscape", "/landscape"),
    ("aid", "/aid"),
    ("aid-resource", "/aid/resources/ffp2-masks"),
    ("aid-offer", "/aid/offers/{offer}"),
    ("aid-ledger", "/aid/ledger"),
    ("statements", "/statements"),
    ("statement", "/statements/{statement}"),
    ("surveys", "/surveys"),
    ("survey", "/surveys/{survey}"),
    ("results", "/surveys/{survey}/results?by=region"),
    ("events", "/events?view=list"),
    ("events-month", "/events?view=month"),
    ("event", "/events/{event}"),
    ("overlaps", "/events/overlaps"),
    ("login", "/login"),
    ("not-found", "/no-such-page"),
]
# Pages of a signed-in city editor.
EDITOR_PAGES = [
    ("account", "/account"),
    ("portfolio", "/cities/{city}/portfolio"),
    ("strategy", "/cities/{city}/strategy/edit"),
    ("recommended", "/cities/{city}/recommended-practices"),
    ("practice-form", "/cities/{city}/practices/new"),
    ("aid-offer-form", "/aid/offers/new"),
    ("city-edit", "/cities/{city}/edit"),
    ("statement-form", "/statements/new"),
    ("survey-form", "/surveys/new"),
    ("event-form", "/events/new"),
]

# Elements sticking out further than this (px) count: sub-pixel rounding does not.
TOLERANCE = 2

OVERFLOW_SCRIPT = """
const width = document.documentElement.clientWidth;
const problems = [];
if (document.documentElement.scrollWidth > width + %(tolerance)d) {
  problems.push('the page is ' + document.documentElement.scrollWidth + ' px wide');
}
const scrolls = (element) => {
  for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (['auto', 'scroll'].includes(style.overflowX)) return true;
  }
  return false;
};
for (const element of document.body.querySelectorAll('*')) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) continue;
  if ((box.right > width + %(tolerance)d || box.left < -%(tolerance)d) && !scrolls(element)) {
    const text = (element.innerText || element.getAttribute('aria-label') || '').trim().slice(0, 60);
    problems.push(element.tagName.toLowerCase() + (element.className ? '.' + element.className : '') +
      ' from ' + Math.round(box.left) + ' to ' + Math.round(box.right) + ' px: ' + JSON.stringify(text));
  }
}
return problems.slice(0, 8);
""" % {"tolerance": TOLERANCE}

def browser(width):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},900"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(120)
    # A window is never narrower than about 500 px: a phone's width is emulated.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


def sign_in(driver, base):
    driver.get(base + "/login")
    driver.find_element(By.NAME, "email").send_keys(EDITOR[0])
    driver.find_element(By.NAME, "password").send_keys(EDITOR[1])
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit], main form input[type=submit]").click()
    # The click returns before the next page has loaded: wait for it to leave the sign-in page.
    try:
        WebDriverWait(driver, 60).until(lambda page: "/login" not in page.current_url)
    except TimeoutException:
        sys.exit(f"signing in as {EDITOR[0]} failed: still on {driver.current_url}")


def first_link(driver, base, page, prefix, numeric=False):
    driver.get(base + page)
    for link in driver.find_elements(By.CSS_SELECTOR, f'main a[href^="{prefix}"]'):
        rest = link.get_attribute("href").split(prefix, 1)[1]
        segment = rest.split("/")[0].split("?")[0]
        if segment and (segment.isdigit() or not numeric) and "/" not in rest.strip("/"):
            return rest.strip("/").split("?")[0]
    sys.exit(f"no link to {prefix}… on {page}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=".build/debug/cityweave")
    parser.add_argument("--port", type=int, default=8093)
    parser.add_argument("--out", default="browser-check")
    arguments = parser.parse_args()

    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = os.path.abspath(os.path.join(repository, arguments.binary))
    out = os.path.abspath(arguments.out)
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="cityweave-browser-")
    shutil.copytree(os.path.join(repository, "Resources"), os.path.join(work, "Resources"))
    shutil.copytree(os.path.join(repository, "Public"), os.path.join(work, "Public"))
    subprocess.run(
        [binary, "i18n", "pseudo", "--language", PSEUDO, "--into", os.path.join(work, "Resources/Localization")],
        cwd=work, check=True, stdout=subprocess.DEVNULL)
    environment = dict(os.environ, DATABASE_URL=f"sqlite://{work}/browser.sqlite", CITYWEAVE_PORT=str(arguments.port))
    server, seconds = server_harness.start(binary, work, environment, arguments.port)
    print(f"server ready in {seconds:.0f} s")
    base = f"http://127.0.0.1:{arguments.port}"
    failures = []
    desktop = phone = None
    try:
        desktop, phone = browser(1366), browser(360)
        places = {
            "city": first_link(desktop, base, "/search?q=Helsinki", "/cities/"),
            "network": "eurocities",
            "practice": first_link(desktop, base, "/practices", "/practices/"),
            "offer": first_link(desktop, base, "/aid/resources/ffp2-masks", "/aid/offers/"),
            "statement": first_link(desktop, base, "/statements", "/statements/"),
            "survey": first_link(desktop, base, "/surveys", "/surveys/"),
            "event": first_link(desktop, base, "/events?view=list", "/events/", numeric=True),
        }
        # Public pages as a visitor sees them, then the editor's pages signed in.
        for index, (kind, pattern) in enumerate(PUBLIC_PAGES + EDITOR_PAGES):
            if index == len(PUBLIC_PAGES):
                for driver in (desktop, phone):
                    sign_in(driver, base)
            path = pattern.format(**places)
            for language in ("zh", "ar"):
                for driver, width in ((desktop, 1366), (phone, 360)):
                    driver.get(f"{base}/{language}{path}")
                    driver.save_screenshot(os.path.join(out, f"{kind}-{language}-{width}.png"))
            phone.get(f"{base}/{PSEUDO}{path}")
            phone.save_screenshot(os.path.join(out, f"{kind}-pseudo-360.png"))
            for problem in phone.execute_script(OVERFLOW_SCRIPT):
                failures.append(f"{kind} ({path}) at 360 px: {problem}")
    finally:
        for driver in (desktop, phone):
            if driver:
                driver.quit()
        server_harness.stop(server)
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {out}")
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The collection in a real browser: Playwright (PyPI) driving Debian's Chromium (`executable_path`, no browser
download) at phone size, as a parent in WeChat would.

1. `junheng links` makes a signed link for 城关镇 / 城关第一小学; the QR sheet is rendered and, when zbarimg is
   installed, its first code is decoded back to that link.
2. The link opens the form at 390×844 (a WeChat user agent); a screenshot is saved; the parent answers and
   submits; the thank-you page shows.
3. With JavaScript off, the open address: a first submit with a required answer missing comes back from the
   server with the message beside the question and every answer kept; then it is completed and stored.
4. The admin export holds both responses exactly, and `junheng satisfaction` reads it unchanged.

Usage: scripts/collect/browser-test.py [--binary .build/debug/junheng] [--out out/collect]
Screenshots: OUT/form-phone.png, OUT/form-error-phone.png, OUT/thanks-phone.png, OUT/qr-sheet.png.
"""
import argparse
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import get, ROOT, Server  # noqa: E402

from playwright.sync_api import sync_playwright  # noqa: E402

WECHAT = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN")
PHONE = dict(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True,
             user_agent=WECHAT, locale="zh-CN")

checks = []


def check(what, ok):
    checks.append((what, bool(ok)))
    print(("✔ " if ok else "✘ ") + what)


def answer_public(page, skip=()):
    """Answers every question of surveys/public.yaml that the page asks (a link's fixed answers are not asked)."""
    page.check('input[name="identity"][value="学生家长"]')
    if page.locator('input[name="township"]').count():
        page.fill('input[name="township"]', "河西乡")
    page.check('input[name="residence"][value="农村"]')
    for radio in page.locator('input[type=radio][value="满意"]').all():
        name = radio.get_attribute("name")
        if name not in skip:
            radio.check()
    page.fill('textarea[name="suggestions"]', '希望<b>增加</b>课后服务, "谢谢"')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/junheng"))
    parser.add_argument("--out", default=os.path.join(ROOT, "out/collect"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    args.out = os.path.abspath(args.out)
    os.makedirs(args.out, exist_ok=True)

    server = Server(args.binary)
    elapsed = server.start()
    check(f"junheng serve starts in under a second ({elapsed:.2f} s)", elapsed < 1.0)
    try:
        townships = os.path.join(server.folder, "乡镇.csv")
        with open(townships, "w", encoding="utf-8") as f:
            f.write("乡镇,学校\n城关镇,城关第一小学\n河西乡,\n")
        qr = os.path.join(args.out, "qr-public.html")
        links = subprocess.run(
            [args.binary, "links", "--survey", "public", "--townships", townships, "--base-url", server.base,
             "--secret-file", server.secret, "--out", qr, "--surveys-dir", os.path.join(ROOT, "surveys"),
             "--db", server.db],
            check=True, capture_output=True, text=True).stdout.splitlines()
        link = links[0].split("\t")[2]
        check("junheng links prints one signed link per row", len(links) == 2 and "sig=" in link)

        # The short code printed under the first QR code, typed as a person would (lower case): on to the link.
        with open(qr, encoding="utf-8") as f:
            code = re.search(r"<b>([0-9A-Z]{4}-[0-9A-Z]{4})</b>", f.read()).group(1)
        status, headers, _ = get(server.port, "/k/" + code.lower())
        location = headers.get("Location") or headers.get("location")
        check(f"the typed short code {code.lower()} leads to the signed link",
              status == 302 and server.base + location == link)

        # Fourteen links printed by Chromium (--print-to-pdf): twelve on the first A4 page, two on the second.
        many = os.path.join(server.folder, "十四.csv")
        with open(many, "w", encoding="utf-8") as f:
            f.write("乡镇,学校\n" + "".join(f"城关镇,城关第{n}小学\n" for n in range(1, 15)))
        sheet14 = os.path.join(args.out, "qr-14.html")
        subprocess.run(
            [args.binary, "links", "--survey", "public", "--townships", many, "--base-url", server.base,
             "--secret-file", server.secret, "--out", sheet14, "--surveys-dir", os.path.join(ROOT, "surveys"),
             "--db", server.db], check=True, capture_output=True)
        pdf = os.path.join(args.out, "qr-14.pdf")
        subprocess.run([args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", "file://" + sheet14], check=True, capture_output=True)
        pages = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True,
                                text=True).stdout for n in (1, 2, 3)]
        check("the QR sheet prints twelve codes on the first A4 page and two on the second (Chromium --print-to-pdf)",
              pages[0].count("短码") == 12 and pages[1].count("短码") == 2 and pages[2].count("短码") == 0)

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])

            # The QR sheet, at A4 width.
            sheet = browser.new_page(viewport={"width": 794, "height": 1123})
            sheet.goto("file://" + qr)
            sheet.screenshot(path=os.path.join(args.out, "qr-sheet.png"), full_page=True)
            if shutil.which("zbarimg"):
                decoded = subprocess.run(["zbarimg", "--quiet", "--raw", os.path.join(args.out, "qr-sheet.png")],
                                         capture_output=True, text=True).stdout.split()
                check("the QR sheet's codes decode to the signed links (zbarimg)", link in decoded and len(decoded) == 2)

            # A parent scans the code: the form at phone size, township and school fixed by the link.
            context = browser.new_context(**PHONE)
            page = context.new_page()
            page.goto(link)
            check("the link's township and school are shown, fixed",
                  page.locator("p.fixed").all_inner_texts() == ["城关镇 （由链接确定）", "城关第一小学 （由链接确定）"])
            page.screenshot(path=os.path.join(args.out, "form-phone.png"))
            page.screenshot(path=os.path.join(args.out, "form-phone-full.png"), full_page=True)
            answer_public(page)
            with page.expect_navigation() as navigation:
                page.click("button[type=submit]")
            check("the thank-you page shows after submitting",
                  navigation.value.status == 200 and "您的回答已保存" in page.content())
            page.screenshot(path=os.path.join(args.out, "thanks-phone.png"))

            # The server's own check, as an old browser that ignores `required` would meet it: the hints are
            # taken out, a scored answer left blank, and the server sends the form back (400) with the message
            # beside the question and every answer kept.
            page = context.new_page()
            page.goto(server.base + "/s/public")
            page.evaluate("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
            answer_public(page, skip={"overall"})
            with page.expect_navigation() as navigation:
                page.click("button[type=submit]")
            check("a missing required answer comes back from the server (400)", navigation.value.status == 400)
            if navigation.value.status != 400:
                print(page.content()[:2000])
            check("its message is beside the question",
                  page.locator("#q-overall p.error").inner_text() == "请选择一项。")
            check("every answer is kept", page.locator('input[name="gov_priority"][value="满意"]').is_checked()
                  and page.locator('input[name="township"]').input_value() == "河西乡"
                  and "希望<b>增加</b>" in page.locator('textarea[name="suggestions"]').input_value())
            page.locator("#q-overall").scroll_into_view_if_needed()
            page.screenshot(path=os.path.join(args.out, "form-error-phone.png"))
            page.check('input[name="overall"][value="基本满意"]')
            with page.expect_navigation():
                page.click("button[type=submit]")
            check("completed, it is stored", "您的回答已保存" in page.content())

            # JavaScript off (the page has no script to need): the open address, the township typed.
            plain = browser.new_context(**PHONE, java_script_enabled=False)
            page = plain.new_page()
            page.goto(server.base + "/s/public?lang=en")
            check("?lang=en shows the form in English",
                  page.locator("h1").inner_text() == "Social recognition questionnaire (public)")
            answer_public(page)
            with page.expect_navigation():
                page.click("button[type=submit]")
            check("with JavaScript off the form is submitted and stored", "Your answers are saved" in page.content())

            # Two browsers behind one address (a school's Wi-Fi) give the same answers, on a server of their own:
            # two form tokens, two responses, both counted (the same-answers-and-IP screen is for 问卷星 files).
            shared = Server(args.binary)
            shared.start()
            try:
                for _ in range(2):
                    one = browser.new_context(**PHONE)
                    page = one.new_page()
                    page.goto(shared.base + "/s/public")
                    answer_public(page)
                    page.check('input[name="overall"][value="满意"]')
                    with page.expect_navigation():
                        page.click("button[type=submit]")
                    one.close()
                same = os.path.join(args.out, "two-browsers.csv")
                with open(same, "w", encoding="utf-8-sig", newline="") as f:
                    f.write(shared.export("public"))
                rated = json.loads(subprocess.run(
                    [args.binary, "satisfaction", same, "--survey", "public", "--min-seconds", "0", "--format",
                     "json", "--surveys-dir", os.path.join(ROOT, "surveys")],
                    check=True, capture_output=True, text=True).stdout)
                check("two browsers behind one address with the same answers: both stored and both counted",
                      "<b data-stored>2</b>" in shared.admin() and rated["overall"]["respondents"] == 2)
            finally:
                shared.stop()
            browser.close()

        # What was stored, as the admin downloads it, read by junheng satisfaction unchanged.
        export = server.export("public")
        rows = list(csv.reader(io.StringIO(export)))
        header, rows = rows[0], rows[1:]
        check("the export has the three responses", len(rows) == 3)
        column = {name: index for index, name in enumerate(header)}
        township = column["2、您所在的乡镇（街道）"]
        school = column["3、您的孩子就读的学校（家长填写）"]
        suggestions = column["17、您对本县义务教育工作有何意见和建议"]
        check("the linked response keeps the link's township and school",
              (rows[0][township], rows[0][school]) == ("城关镇", "城关第一小学"))
        check("typed text is exported exactly", rows[0][suggestions] == '希望<b>增加</b>课后服务, "谢谢"')
        check("the open-address responses keep the typed township", [r[township] for r in rows[1:]] == ["河西乡"] * 2)
        check("the admin page counts them", "<b data-stored>3</b>" in server.admin())
        path = os.path.join(args.out, "public-export.csv")
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            f.write(export)
        result = json.loads(subprocess.run(
            [args.binary, "satisfaction", path, "--survey", "public", "--keep-all", "--format", "json",
             "--surveys-dir", os.path.join(ROOT, "surveys")], check=True, capture_output=True, text=True).stdout)
        check("junheng satisfaction reads the export: 3 respondents, 36 answers",
              result["overall"]["respondents"] == 3 and result["overall"]["answered"] == 36)
    finally:
        server.stop()
    failed = sum(1 for _, ok in checks if not ok)
    print(f"browser test: {len(checks) - failed} checks passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

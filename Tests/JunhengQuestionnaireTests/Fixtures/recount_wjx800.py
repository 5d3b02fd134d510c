#!/usr/bin/env python3
"""Recounts the real 问卷星 export (wjx800_text.csv, wjx800_number.csv) question by question, without
junheng: the expected figures of FrequencyRealExportTests, worked out independently of the Swift code.

    python3 recount_wjx800.py          # prints the figures, and checks text mode == number mode

It reads the questionnaire (wjx800.yaml) only for the questions' numbers, types and option texts.
Text mode: a single choice is its option text; a multiple choice joins option texts with ┋; an
"other" answer carries its typed text in 〖…〗 after the option. Number mode: a single choice is the
1-based option number; a multiple choice has one 0/1 column per option, headed 第N题(option).
Shares are of the respondents who answered the question. The cross-tab of question 1 by sex (question 3)
is tested with scipy's chi2_contingency (no continuity correction).
"""
import csv
import json
import os

import yaml
from scipy.stats import chi2_contingency

HERE = os.path.dirname(os.path.abspath(__file__))


def rows(name):
    with open(os.path.join(HERE, name), encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    return table[0], table[1:]


def column(header, number):
    return next(i for i, h in enumerate(header) if h.startswith(f"{number}、"))


def recount_text(survey):
    header, data = rows("wjx800_text.csv")
    result = {}
    for q in survey["questions"]:
        options = [o if isinstance(o, str) else o["text"] for o in q["options"]]
        counts = [0] * len(options)
        other = 0
        answered = 0
        ticks = 0
        c = column(header, q["number"])
        for row in data:
            value = row[c]
            if value == "":
                continue
            answered += 1
            parts = value.split("┋") if q["type"] == "multiple" else [value]
            for part in parts:
                if "〖" in part:
                    other += 1
                    part = part[: part.index("〖")]
                counts[options.index(part)] += 1
                ticks += 1
        result[q["id"]] = {"answered": answered, "skipped": len(data) - answered, "counts": counts,
                           "other_texts": other, "ticks": ticks}
    return result, len(data)


def recount_number(survey):
    header, data = rows("wjx800_number.csv")
    result = {}
    for q in survey["questions"]:
        options = [o if isinstance(o, str) else o["text"] for o in q["options"]]
        counts = [0] * len(options)
        answered = 0
        ticks = 0
        if q["type"] == "multiple":
            columns = [header.index(f"第{q['number']}题({o})") for o in options]
            for row in data:
                ticked = [int(row[c]) for c in columns]
                if any(ticked):
                    answered += 1
                for i, t in enumerate(ticked):
                    counts[i] += t
                    ticks += t
        else:
            c = column(header, q["number"])
            for row in data:
                if row[c] == "":
                    continue
                answered += 1
                counts[int(row[c]) - 1] += 1
                ticks += 1
        result[q["id"]] = {"answered": answered, "skipped": len(data) - answered, "counts": counts, "ticks": ticks}
    return result


def main():
    with open(os.path.join(HERE, "wjx800.yaml"), encoding="utf-8") as handle:
        survey = yaml.safe_load(handle)
    text, n = recount_text(survey)
    number = recount_number(survey)
    for q in survey["questions"]:
        a, b = text[q["id"]], number[q["id"]]
        assert (a["answered"], a["skipped"], a["counts"], a["ticks"]) == (b["answered"], b["skipped"], b["counts"], b["ticks"]), q["id"]
    print(f"respondents: {n}; text mode and number mode agree on every question")
    for q in survey["questions"]:
        r = text[q["id"]]
        shares = [round(c / r["answered"], 6) for c in r["counts"]]
        line = f'{q["id"]}: answered {r["answered"]}, skipped {r["skipped"]}, counts {r["counts"]}, other texts {r["other_texts"]}'
        if q["type"] == "multiple":
            line += f', mean ticked {r["ticks"] / r["answered"]:.6f}'
        options = q["options"]
        positive = [i for i, o in enumerate(options) if isinstance(o, dict) and o.get("positive")]
        if positive:
            line += f', positive share {sum(r["counts"][i] for i in positive) / r["answered"]:.6f}'
        print(line)
        print("   shares", shares)

    # Cross-tab: phones (question 1) by sex (question 3).
    header, data = rows("wjx800_text.csv")
    phones = [o for o in survey["questions"][0]["options"]]
    sexes = ["男", "女"]
    c1, c3 = column(header, 1), column(header, 3)
    table = [[sum(1 for r in data if r[c3] == s and r[c1] == p) for p in phones] for s in sexes]
    statistic, p, df, expected = chi2_contingency(table, correction=False)
    small = sum(1 for row in expected for e in row if e < 5)
    print("phones by sex:", json.dumps(dict(zip(sexes, table)), ensure_ascii=False))
    print(f"   chi2 {statistic!r}, df {df}, p {p!r}, cells with expected < 5: {small}")


if __name__ == "__main__":
    main()

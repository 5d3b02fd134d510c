#!/usr/bin/env python3
"""Generates made-up quality-monitoring data (质量监测) for junheng's samples.

Writes, deterministically (fixed seed, stdlib only):
  sample-responses/monitoring-students.csv        student-level results, one row per student and subject
  sample-responses/monitoring-county-summary.csv  a national county report's summary figures for 2015

Design (DOMAIN.md section 3): grades 4 and 8; 14 primary schools (grade 4) and 10 junior schools
(grade 8) of the county's registry (学校名录.csv), 24-34 students each (unequal, so the n0 correction matters). Scores are on
the national scale (mean about 500, SD about 100). Each school has a lasting effect plus a
subject-and-year effect, sized so that the between-school share of variance (ICC) is about 0.05-0.2.

Cycles: 数学 and 体育与健康 in 2018, 2021 and 2024 (the county narrows its gaps over time); 语文, 艺术,
英语 in 2022; 德育, 科学, 劳动 in 2023; 心理健康 in 2024. The 2024 rows carry the 水平 column, as the
national data returned to a county does; earlier rows leave it empty, so levels come from the cut
scores in sample-responses/monitoring-settings.yaml (keep the two in step).

All names are invented; no real school, student or person.
"""

import csv
import os
import random

SEED = 20241128
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-responses")

# The monitored schools, by name and township as the county's registry (sample-responses/学校名录.csv,
# written by generate_roster.py) gives them: 14 schools with grade 4, 10 with grade 8. 县实验学校 (a
# twelve-year school) sits both grades.
PRIMARY = [
    ("城关镇第一小学", "城关镇"), ("城关镇第二小学", "城关镇"), ("城关镇实验小学", "城关镇"),
    ("东岗镇中心小学", "东岗镇"), ("柳河镇中心小学", "柳河镇"), ("石桥镇中心小学", "石桥镇"),
    ("白杨镇中心小学", "白杨镇"), ("南塘镇中心小学", "南塘镇"), ("西湖乡中心小学", "西湖乡"),
    ("北山乡中心小学", "北山乡"), ("红星镇中心小学", "红星镇"), ("青云镇中心小学", "青云镇"),
    ("金沙镇中心小学", "金沙镇"), ("县实验学校", "城关镇"),
]
JUNIOR = [
    ("城关镇第一初级中学", "城关镇"), ("城关镇第二初级中学", "城关镇"), ("县实验学校", "城关镇"),
    ("东岗镇九年一贯制学校", "东岗镇"), ("白杨镇初级中学", "白杨镇"), ("西湖乡初级中学", "西湖乡"),
    ("红星镇初级中学", "红星镇"), ("青云镇初级中学", "青云镇"), ("桃源镇初级中学", "桃源镇"),
    ("石桥镇九年一贯制学校", "石桥镇"),
]

# Cut scores: lowest score of levels II, III, IV, per subject and grade (as in monitoring-settings.yaml).
CUTS = {
    ("数学", 4): (420, 490, 580), ("数学", 8): (415, 495, 585),
    ("体育与健康", 4): (400, 480, 570), ("体育与健康", 8): (400, 485, 575),
    ("语文", 4): (420, 490, 580), ("语文", 8): (420, 495, 585),
    ("英语", 4): (420, 495, 585), ("英语", 8): (420, 495, 585),
    ("科学", 4): (415, 490, 580), ("科学", 8): (415, 495, 585),
    ("艺术", 4): (400, 480, 570), ("艺术", 8): (400, 485, 575),
    ("德育", 4): (410, 485, 575), ("德育", 8): (410, 490, 580),
    ("心理健康", 4): (400, 480, 570), ("心理健康", 8): (400, 485, 575),
    ("劳动", 4): (400, 480, 570), ("劳动", 8): (400, 485, 575),
}

# (year, subject): county mean, between-school SD (tau), within-school SD (sigma).
# ICC is about tau^2 / (tau^2 + sigma^2): 40/95 -> 0.15, 32/95 -> 0.10, 25/95 -> 0.065.
CYCLES = [
    (2018, "数学", 488, 42, 95), (2018, "体育与健康", 478, 38, 92),
    (2021, "数学", 501, 34, 95), (2021, "体育与健康", 492, 33, 92),
    (2022, "语文", 506, 30, 90), (2022, "艺术", 471, 45, 95), (2022, "英语", 497, 40, 98),
    (2023, "德育", 512, 22, 88), (2023, "科学", 495, 36, 96), (2023, "劳动", 489, 28, 90),
    (2024, "数学", 514, 27, 94), (2024, "体育与健康", 505, 26, 90), (2024, "心理健康", 508, 20, 88),
]

LEVELS = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"]


def level(score, cuts):
    return sum(1 for cut in cuts if score >= cut)  # 0..3 -> Ⅰ..Ⅳ


def standardized(values):
    """Centres and scales draws to mean 0, SD 1, so the realised between-school spread is the one asked for."""
    mean = sum(values) / len(values)
    sd = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return [(v - mean) / sd for v in values]


def main():
    rng = random.Random(SEED)
    schools = {4: PRIMARY, 8: JUNIOR}
    # A lasting effect per school (standard units), shared by its subjects and years.
    lasting = {}
    for grade in (4, 8):
        names = [(grade, name) for name, _ in schools[grade]]
        lasting.update(zip(names, standardized([rng.gauss(0, 1) for _ in names])))
    # Enrolment sampled each year: the same students sit every subject of that year.
    rows = []
    for year in sorted({c[0] for c in CYCLES}):
        roster = {}
        for grade in (4, 8):
            for index, (name, township) in enumerate(schools[grade], start=1):
                size = rng.randint(24, 34)
                roster[(grade, name)] = [f"{year}{grade}{index:02d}{n:03d}" for n in range(1, size + 1)]
        for (_, subject, mean, tau, sigma) in [c for c in CYCLES if c[0] == year]:
            for grade in (4, 8):
                grade_shift = -6 if grade == 8 else 0
                cuts = CUTS[(subject, grade)]
                drift = standardized([rng.gauss(0, 1) for _ in schools[grade]])
                for (name, township), change in zip(schools[grade], drift):
                    effect = tau * (0.8 * lasting[(grade, name)] + 0.6 * change)
                    for student in roster[(grade, name)]:
                        score = rng.gauss(mean + grade_shift + effect, sigma)
                        score = round(min(800.0, max(200.0, score)), 1)
                        given = LEVELS[level(score, cuts)] if year == 2024 else ""
                        rows.append([year, grade, subject, township, name, student, f"{score:.1f}", given])

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "monitoring-students.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["年份", "年级", "学科", "乡镇", "学校名称", "学生编号", "得分", "水平"])
        writer.writerows(rows)

    # A national county report's printed figures for 2015 (数学 and 体育与健康, grades 4 and 8).
    summary = [
        ["年份", "年级", "学科", "平均分", "水平", "水平Ⅲ及以上比例", "校际差异率"],
        [2015, 4, "数学", "479.6", "Ⅱ", "46.8%", "0.19"],
        [2015, 8, "数学", "472.3", "Ⅱ", "41.5%", "0.22"],
        [2015, 4, "体育与健康", "470.2", "Ⅱ", "44.9%", "0.17"],
        [2015, 8, "体育与健康", "468.8", "Ⅱ", "42.0%", "0.16"],
    ]
    with open(os.path.join(OUT, "monitoring-county-summary.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(summary)
    print(f"wrote {len(rows)} student rows and {len(summary) - 1} summary rows to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()

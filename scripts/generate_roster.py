#!/usr/bin/env python3
"""Generate the sample school roster (学校基础数据) and unit costs for `junheng resources`.

Made-up county, made-up schools: plausible names, 17 townships, 44 schools of every type the roster
accepts (小学, 初中, 九年一贯制, 十二年一贯制, 完全中学, 教学点 above, at and below the cut-off of 50,
特殊教育学校). Most schools meet the standards of DOMAIN.md §1; a few are built to miss some, so the
report has gaps, failing schools and guarantee findings to show.

Deterministic: fixed seed, stdlib only. Writes UTF-8 with a BOM and CRLF line ends, as Excel's
"CSV UTF-8" does.

    python3 scripts/generate_roster.py            # writes sample-responses/roster.csv and unit-costs.csv

It also writes the county's school registry, sample-responses/学校名录.csv (学校代码,学校名称,乡镇,学段,类型),
from the same list: every other sample (the questionnaires' township and school answers, the monitoring
results, the links' township list links-townships.csv) takes its names from it, so `junheng report` and
`junheng check` find every name in the registry. A 完全中学 is a registry 初中 (its compulsory stage).
"""

import csv
import math
import os
import random

SEED = 20240422
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-responses")

# DOMAIN.md §1 standards, indicators 1..7 (per 100 students for 1, 2, 3, 7; per student for 4, 5, 6).
STANDARD = {
    "小学": [4.2, 1.0, 0.9, 4.5, 7.5, 2000, 2.3],
    "初中": [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4],
}
SCALE = [100, 100, 100, 1, 1, 1, 100]

HEADER = [
    "学校代码", "学校名称", "乡镇", "学校类型", "办学性质",
    "小学在校生数", "初中在校生数", "高中在校生数",
    "小学高于规定学历教师数", "初中高于规定学历教师数",
    "小学县级以上骨干教师数", "初中县级以上骨干教师数",
    "小学体育艺术专任教师数", "初中体育艺术专任教师数",
    "教学及辅助用房面积", "体育运动场馆面积", "教学仪器设备值", "网络多媒体教室数",
    "小学班级数", "初中班级数", "最大班额",
    "音乐专用教室数", "美术专用教室数", "音乐专用教室最小面积", "美术专用教室最小面积",
    "核定公用经费", "年度公用经费预算", "教师培训经费",
]

# Per-student public funds (元/生·年, the plan's B9: 小学 720, 初中 940; 特殊教育 at least 6000) for the
# money columns of the plan's C26, C27 and C40. They come from their own random stream, so adding them
# left every other column as it was.
FUNDS_PER_STUDENT = {"小学": 720, "初中": 940}
SPECIAL_FUNDS_PER_STUDENT = 6200
# Made to miss on purpose: a teaching point funded for its real 27 students, not 100 (C26); a school
# that budgets 4.1 % for teacher training, not 5 % (C40).
UNDERFUNDED_POINT = "北山乡陈楼教学点"
LOW_TRAINING = "红星镇初级中学"

# (name, township, type, primary, junior, senior, weak indicators {index: ratio to standard}, extras)
# Weak ratios below 1 make the school miss that indicator on purpose.
SCHOOLS = [
    ("城关镇第一小学", "城关镇", "小学", 2150, 0, 0, {3: 0.82}, {"max_class": 52}),
    ("城关镇第二小学", "城关镇", "小学", 1680, 0, 0, {}, {}),
    ("城关镇实验小学", "城关镇", "小学", 1460, 0, 0, {}, {"ownership": "民办"}),
    ("城关镇第一初级中学", "城关镇", "初中", 0, 1890, 0, {}, {}),
    ("城关镇第二初级中学", "城关镇", "初中", 0, 2080, 0, {4: 0.9}, {"max_class": 56}),
    ("县实验学校", "城关镇", "十二年一贯制", 1120, 960, 870, {}, {}),
    ("县第三中学", "城关镇", "完全中学", 0, 1180, 1350, {}, {}),
    ("青云镇中心小学", "青云镇", "小学", 860, 0, 0, {}, {}),
    ("青云镇初级中学", "青云镇", "初中", 0, 720, 0, {}, {}),
    ("柳河镇中心小学", "柳河镇", "小学", 780, 0, 0, {6: 0.88}, {}),
    ("柳河镇初级中学", "柳河镇", "初中", 0, 640, 0, {}, {}),
    ("石桥镇中心小学", "石桥镇", "小学", 690, 0, 0, {}, {}),
    ("石桥镇九年一贯制学校", "石桥镇", "九年一贯制", 520, 410, 0, {}, {}),
    ("双龙乡中心小学", "双龙乡", "小学", 430, 0, 0, {0: 0.78, 5: 0.7}, {}),
    ("双龙乡李庄教学点", "双龙乡", "教学点", 38, 0, 0, {}, {}),
    ("白杨镇中心小学", "白杨镇", "小学", 740, 0, 0, {}, {}),
    ("白杨镇初级中学", "白杨镇", "初中", 0, 580, 0, {1: 0.75}, {}),
    ("梅林乡中心小学", "梅林乡", "小学", 380, 0, 0, {}, {"music_short": True}),
    ("梅林乡高庄教学点", "梅林乡", "教学点", 50, 0, 0, {}, {}),
    ("东岗镇中心小学", "东岗镇", "小学", 820, 0, 0, {}, {}),
    ("东岗镇九年一贯制学校", "东岗镇", "九年一贯制", 610, 480, 0, {4: 0.86}, {}),
    ("西湖乡中心小学", "西湖乡", "小学", 350, 0, 0, {}, {"art_area": 84}),
    ("西湖乡初级中学", "西湖乡", "初中", 0, 410, 0, {}, {}),
    ("南塘镇中心小学", "南塘镇", "小学", 910, 0, 0, {}, {}),
    ("南塘镇初级中学", "南塘镇", "初中", 0, 760, 0, {6: 0.9, 3: 0.8}, {}),
    ("北山乡中心小学", "北山乡", "小学", 300, 0, 0, {}, {}),
    ("北山乡周岗教学点", "北山乡", "教学点", 62, 0, 0, {}, {}),
    ("北山乡陈楼教学点", "北山乡", "教学点", 27, 0, 0, {}, {}),
    ("红星镇中心小学", "红星镇", "小学", 670, 0, 0, {}, {"music_area": 88}),
    ("红星镇初级中学", "红星镇", "初中", 0, 530, 0, {}, {}),
    ("金沙镇中心小学", "金沙镇", "小学", 720, 0, 0, {}, {}),
    ("金沙镇九年一贯制学校", "金沙镇", "九年一贯制", 1480, 1170, 0, {}, {}),
    ("凤岭乡中心小学", "凤岭乡", "小学", 410, 0, 0, {2: 0.8}, {}),
    ("凤岭乡初级中学", "凤岭乡", "初中", 0, 360, 0, {}, {}),
    ("桃源镇中心小学", "桃源镇", "小学", 760, 0, 0, {}, {}),
    ("桃源镇初级中学", "桃源镇", "初中", 0, 690, 0, {}, {"art_short": True}),
    ("清溪乡中心小学", "清溪乡", "小学", 330, 0, 0, {}, {}),
    ("清溪乡九年一贯制学校", "清溪乡", "九年一贯制", 240, 0, 0, {}, {}),
    ("新集镇中心小学", "新集镇", "小学", 880, 0, 0, {}, {}),
    ("新集镇初级中学", "新集镇", "初中", 0, 820, 0, {}, {}),
    ("新集镇第二小学", "新集镇", "小学", 560, 0, 0, {0: 0.92}, {}),
    ("古城镇中心小学", "古城镇", "小学", 640, 0, 0, {}, {}),
    ("古城镇初级中学", "古城镇", "初中", 0, 570, 0, {}, {}),
    ("县特殊教育学校", "城关镇", "特殊教育学校", 96, 58, 0, {}, {}),
]

STAGES = {
    "小学": ["小学"], "教学点": ["小学"], "初中": ["初中"], "完全中学": ["初中"],
    "九年一贯制": ["小学", "初中"], "十二年一贯制": ["小学", "初中"], "特殊教育学校": ["小学", "初中"],
}


# The registry's 学段 and 类型 of each roster type (学校名录 lists compulsory stages only).
REGISTRY_STAGES = {
    "小学": "小学", "教学点": "小学", "初中": "初中", "完全中学": "初中",
    "九年一贯制": "小学、初中", "十二年一贯制": "小学、初中", "特殊教育学校": "小学、初中",
}
REGISTRY_TYPE = {"完全中学": "初中"}


def ratio(rng, weak, index):
    """The school's value as a share of the standard: a chosen weak ratio, else comfortably above."""
    if index in weak:
        return weak[index]
    return rng.uniform(1.04, 1.55)


def school_row(rng, number, spec):
    name, township, kind, primary, junior, senior, weak, extra = spec
    students = {"小学": primary, "初中": junior}
    stages = [s for s in STAGES[kind] if students[s] > 0]
    row = {h: "" for h in HEADER}
    row.update({
        "学校代码": f"34162{number:05d}", "学校名称": name, "乡镇": township, "学校类型": kind,
        "办学性质": extra.get("ownership", "公办"),
        "小学在校生数": primary, "初中在校生数": junior, "高中在校生数": senior,
    })
    # Teachers come per stage; a stage the school lacks has 0.
    for prefix, index, column in [
        ("高于规定学历教师数", 0, None), ("县级以上骨干教师数", 1, None), ("体育艺术专任教师数", 2, None),
    ]:
        for stage in ["小学", "初中"]:
            count = 0
            if stage in stages:
                need = STANDARD[stage][index] * students[stage] / SCALE[index]
                count = math.ceil(need * ratio(rng, weak, index))
            row[stage + prefix] = count
    # Shared stock: each stage's need at its own ratio, summed, plus a senior part sized like junior.
    stock = {}
    for index, column in [(3, "教学及辅助用房面积"), (4, "体育运动场馆面积"), (5, "教学仪器设备值"),
                          (6, "网络多媒体教室数")]:
        total = 0.0
        for stage in stages:
            total += STANDARD[stage][index] * students[stage] / SCALE[index] * ratio(rng, weak, index)
        if senior:
            total += STANDARD["初中"][index] * senior * 1.2 / SCALE[index] * rng.uniform(1.05, 1.3)
        stock[column] = total
    row["教学及辅助用房面积"] = round(stock["教学及辅助用房面积"], 1)
    row["体育运动场馆面积"] = round(stock["体育运动场馆面积"], 1)
    row["教学仪器设备值"] = int(round(stock["教学仪器设备值"], -2))
    row["网络多媒体教室数"] = math.ceil(stock["网络多媒体教室数"])
    if kind == "特殊教育学校":
        for column in HEADER[8:18]:
            if row[column] == 0:
                row[column] = 0
    # Classes, largest class, music and art rooms (guarantee checks).
    classes = 0
    largest = 0
    for stage, size in [("小学", 40), ("初中", 46)]:
        if stage in stages:
            n = math.ceil(students[stage] / rng.uniform(size - 6, size - 1))
            row[stage + "班级数"] = n
            classes += n
            largest = max(largest, math.ceil(students[stage] / n) + rng.randint(0, 3))
        else:
            row[stage + "班级数"] = 0
    row["最大班额"] = extra.get("max_class", min(largest, 45 if "小学" in stages else 50))
    if kind in ("教学点", "特殊教育学校"):
        music = art = 1 if kind == "特殊教育学校" else 0
    else:
        music = art = max(1, math.ceil(classes / 12))
    if extra.get("music_short"):
        music -= 1
    if extra.get("art_short"):
        art -= 1
    row["音乐专用教室数"] = music
    row["美术专用教室数"] = art
    row["音乐专用教室最小面积"] = extra.get("music_area", rng.choice([96, 98, 100, 104, 108])) if music else ""
    row["美术专用教室最小面积"] = extra.get("art_area", rng.choice([90, 92, 96, 100])) if art else ""
    return row


def add_funds(rng, row):
    """核定公用经费 (C26, C27), 年度公用经费预算 and 教师培训经费 (C40) in 元 a year."""
    kind, name = row["学校类型"], row["学校名称"]
    primary, junior = row["小学在校生数"], row["初中在校生数"]
    if kind == "特殊教育学校":
        funds = (primary + junior) * SPECIAL_FUNDS_PER_STUDENT
    else:
        students = primary
        if kind in ("小学", "教学点") and primary < 100 and name != UNDERFUNDED_POINT:
            students = 100  # funded as 100 students (C26)
        funds = students * FUNDS_PER_STUDENT["小学"] + junior * FUNDS_PER_STUDENT["初中"]
    row["核定公用经费"] = funds
    row["年度公用经费预算"] = funds
    share = 0.041 if name == LOW_TRAINING else rng.uniform(0.052, 0.08)
    row["教师培训经费"] = int(round(funds * share, -1))


def main():
    rng = random.Random(SEED)
    funds_rng = random.Random(SEED + 15)
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "roster.csv")
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=HEADER, lineterminator="\r\n")
        writer.writeheader()
        for number, spec in enumerate(SCHOOLS, start=1):
            row = school_row(rng, number, spec)
            add_funds(funds_rng, row)
            writer.writerow(row)
    costs = os.path.join(OUT, "unit-costs.csv")
    with open(costs, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["项目", "单价", "单位"])
        writer.writerow(["教学及辅助用房", 3200, "元/平方米"])
        writer.writerow(["体育运动场馆", 650, "元/平方米"])
        writer.writerow(["网络多媒体教室", 58000, "元/间"])
        writer.writerow(["教师", 110000, "元/人·年"])
        writer.writerow(["骨干教师", 6000, "元/人(培养)"])
    registry = os.path.join(OUT, "学校名录.csv")
    with open(registry, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["学校代码", "学校名称", "乡镇", "学段", "类型"])
        for number, spec in enumerate(SCHOOLS, start=1):
            name, township, kind, primary, junior = spec[:5]
            writer.writerow([f"34162{number:05d}", name, township, REGISTRY_STAGES[kind], REGISTRY_TYPE.get(kind, kind)])
    links = os.path.join(OUT, "links-townships.csv")
    with open(links, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["乡镇"])
        seen = []
        for spec in SCHOOLS:
            if spec[1] not in seen:
                seen.append(spec[1])
                writer.writerow([spec[1]])
    print(f"wrote {path} ({len(SCHOOLS)} schools), {costs}, {registry} and {links} ({len(seen)} townships)")


if __name__ == "__main__":
    main()

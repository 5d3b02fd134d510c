#!/usr/bin/env python3
"""Generate made-up 问卷星 (wjx.cn) answer exports for the three bundled questionnaires.

Deterministic (fixed seed), stdlib only. No real people: townships, schools and IPs are invented.
Writes, in the layout 问卷星 itself uses (序号,提交答卷时间,所用时间,来源,来源详情,来自IP, then `N、题干`):

  sample-responses/survey-public.csv          按选项文本, UTF-8 with BOM, CRLF
  sample-responses/survey-public-gb18030.csv  按选项文本, another batch, GB18030 (as Excel on Chinese Windows saves)
  sample-responses/survey-teacher.csv         按选项序号: option numbers, -3 for skips, 第N题(选项) 0/1 columns, a matrix
  sample-responses/survey-student.csv         按选项文本, grades 1-9 (grades 1 and 2 are outside the questionnaire)
  sample-history/survey-public-2022.csv       the public questionnaire in 2022 and 2023 (each township with its
  sample-history/survey-public-2023.csv       rate of that year), which `make demo` stores as earlier years

Each has skips ((跳过) / -3), 不了解, exact duplicates (same answers and IP), speeders (所用时间 under the
questionnaire's min_seconds), a few answers that are not options, and 17 townships of the county's
registry (学校名录.csv), two of which are below the 85 % bar.

Usage: python3 scripts/generate_surveys.py [OUTPUT_DIR]
"""
import datetime
import os
import random
import sys

SEED = 20240520

TOWNSHIPS = [
    "城关街道", "城东街道", "城西街道", "青山镇", "柳河镇", "白杨镇", "石桥镇", "龙泉镇", "新集镇",
    "双河镇", "马庄镇", "黄岗镇", "杨林乡", "桃园乡", "高庄乡", "李集乡", "东湖乡",
]
# Probability that a scored answer is positive, by township (two below 85 %).
TOWNSHIP_P = {t: 0.92 for t in TOWNSHIPS}
TOWNSHIP_P.update({"高庄乡": 0.76, "李集乡": 0.80, "城关街道": 0.95, "青山镇": 0.89, "东湖乡": 0.87})
TOWNSHIP_WEIGHT = {t: (3 if t.endswith("街道") else 2 if t.endswith("镇") else 1) for t in TOWNSHIPS}

PROVINCE_CITY = "(安徽-亳州)"

SCALE = ["非常满意", "满意", "基本满意", "不满意", "不了解"]


# The townships and schools answered are the county registry's (sample-responses/学校名录.csv, written by
# generate_roster.py). The draws above and below are made on the 17 slots of TOWNSHIPS (their weights and
# rates as before), and each slot is written as a registry township with three of its schools, so the
# figures stay those of earlier versions and only the names changed. (Registry township 清溪乡 is not
# answered.)
REGISTRY = {
    "城关街道": ("城关镇", ["城关镇第一小学", "城关镇第一初级中学", "城关镇第二小学"], ["城关镇第一初级中学", "城关镇第二初级中学"]),
    "城东街道": ("南塘镇", ["南塘镇中心小学", "南塘镇初级中学", "南塘镇中心小学"], ["南塘镇初级中学", "南塘镇初级中学"]),
    "城西街道": ("金沙镇", ["金沙镇中心小学", "金沙镇九年一贯制学校", "金沙镇中心小学"], ["金沙镇九年一贯制学校"] * 2),
    "青山镇": ("青云镇", ["青云镇中心小学", "青云镇初级中学", "青云镇中心小学"], ["青云镇初级中学"] * 2),
    "柳河镇": ("柳河镇", ["柳河镇中心小学", "柳河镇初级中学", "柳河镇中心小学"], ["柳河镇初级中学"] * 2),
    "白杨镇": ("白杨镇", ["白杨镇中心小学", "白杨镇初级中学", "白杨镇中心小学"], ["白杨镇初级中学"] * 2),
    "石桥镇": ("石桥镇", ["石桥镇中心小学", "石桥镇九年一贯制学校", "石桥镇中心小学"], ["石桥镇九年一贯制学校"] * 2),
    "龙泉镇": ("东岗镇", ["东岗镇中心小学", "东岗镇九年一贯制学校", "东岗镇中心小学"], ["东岗镇九年一贯制学校"] * 2),
    "新集镇": ("新集镇", ["新集镇中心小学", "新集镇初级中学", "新集镇第二小学"], ["新集镇初级中学"] * 2),
    "双河镇": ("红星镇", ["红星镇中心小学", "红星镇初级中学", "红星镇中心小学"], ["红星镇初级中学"] * 2),
    "马庄镇": ("桃源镇", ["桃源镇中心小学", "桃源镇初级中学", "桃源镇中心小学"], ["桃源镇初级中学"] * 2),
    "黄岗镇": ("古城镇", ["古城镇中心小学", "古城镇初级中学", "古城镇中心小学"], ["古城镇初级中学"] * 2),
    "杨林乡": ("凤岭乡", ["凤岭乡中心小学", "凤岭乡初级中学", "凤岭乡中心小学"], ["凤岭乡初级中学"] * 2),
    "桃园乡": ("西湖乡", ["西湖乡中心小学", "西湖乡初级中学", "西湖乡中心小学"], ["西湖乡初级中学"] * 2),
    # Three 乡 have no junior school: their junior-grade students name the 中心小学, as the older samples did.
    "高庄乡": ("梅林乡", ["梅林乡中心小学", "梅林乡中心小学", "梅林乡高庄教学点"], ["梅林乡中心小学"] * 2),
    "李集乡": ("双龙乡", ["双龙乡中心小学", "双龙乡中心小学", "双龙乡李庄教学点"], ["双龙乡中心小学"] * 2),
    "东湖乡": ("北山乡", ["北山乡中心小学", "北山乡中心小学", "北山乡周岗教学点"], ["北山乡中心小学"] * 2),
}


def shown(township):
    """The registry township a slot is written as."""
    return REGISTRY[township][0]


def schools(township):
    """Three registry schools of a slot's township (a school may repeat, so every draw stays one of three)."""
    return REGISTRY[township][1]


def junior_schools(township):
    """Two schools a junior-grade student of the slot answers (one of two, as before)."""
    return REGISTRY[township][2]


class Writer:
    def __init__(self, rng, start):
        self.rng = rng
        self.time = start
        self.serial = 0

    def meta(self, seconds, ip=None):
        self.serial += 1
        self.time += datetime.timedelta(seconds=self.rng.randint(20, 900))
        t = self.time
        stamp = f"{t.year}/{t.month}/{t.day} {t.hour}:{t.minute:02d}:{t.second:02d}"
        source, detail = self.rng.choice([("手机提交", "微信"), ("手机提交", "微信"), ("手机提交", "链接"), ("电脑提交", "链接")])
        if ip is None:
            ip = f"{self.rng.randint(36, 223)}.{self.rng.randint(0, 255)}.{self.rng.randint(0, 255)}.{self.rng.randint(1, 254)}"
            ip += PROVINCE_CITY
        return [str(self.serial), stamp, f"{seconds}秒", source, detail, ip]


def scale_answer(rng, p, unknown=0.05):
    """One Likert answer: 不了解 with `unknown`, else positive with probability p."""
    if rng.random() < unknown:
        return 4
    if rng.random() < p:
        return rng.choices([0, 1, 2], weights=[40, 40, 20])[0]
    return 3


def csv_line(fields):
    out = []
    for f in fields:
        if any(c in f for c in ',"\r\n'):
            f = '"' + f.replace('"', '""') + '"'
        out.append(f)
    return ",".join(out)


def write(path, header, rows, encoding):
    text = "\r\n".join(csv_line(r) for r in [header] + rows) + "\r\n"
    with open(path, "wb") as f:
        if encoding == "utf-8-sig":
            f.write(b"\xef\xbb\xbf" + text.encode("utf-8"))
        else:
            f.write(text.encode(encoding))


def add_duplicates_and_speeders(rng, writer, rows, duplicates, speeders, speeder_max):
    """Copies a few rows (same answers, same IP, new serial and time) and makes a few rows speeders."""
    for _ in range(duplicates):
        source = rng.choice(rows)
        copy = writer.meta(rng.randint(90, 400), ip=source[5])
        rows.insert(rng.randint(rows.index(source) + 1, len(rows)), copy + source[6:])
    for index in rng.sample(range(len(rows)), speeders):
        rows[index][2] = f"{rng.randint(8, speeder_max)}秒"
    for number, row in enumerate(rows, start=1):
        row[0] = str(number)


def pick_township(rng):
    return rng.choices(TOWNSHIPS, weights=[TOWNSHIP_WEIGHT[t] for t in TOWNSHIPS])[0]


# MARK: - public (社会公众卷), text mode

PUBLIC_ITEMS = [
    ("5、您对县政府重视义务教育、优先保障教育投入的满意程度", 0.0),
    ("6、您对县政府加强学校德育和学生思想品德教育的满意程度", 0.01),
    ("7、您对义务教育入学政策公平（免试就近入学、随迁子女和留守儿童关爱）的满意程度", 0.0),
    ("8、您对推进优质教育资源共享（集团化办学、教师交流轮岗）的满意程度", -0.02),
    ("9、您对缩小城乡、校际之间办学条件和师资差距的满意程度", -0.04),
    ("10、您对学校依法规范办学（规范招生收费、不分重点班）的满意程度", 0.01),
    ("11、您对学校实施素质教育、开齐开足课程的满意程度", 0.0),
    ("12、您对考试招生和教育评价改革（不以分数给学生排名）的满意程度", -0.02),
    ("13、您对学校教育教学质量的满意程度", 0.0),
    ("14、您对减轻学生过重作业负担的满意程度 ", -0.05),
    ("15、您对教师师德师风的满意程度", 0.02),
    ("16、您对本县义务教育工作的总体满意程度", 0.0),
]
IDENTITIES = [("学生家长", 56), ("人大代表", 8), ("政协委员", 8), ("其他社会人士", 25), ("本县学校教职工", 3)]
SUGGESTIONS = ["", "", "", "希望多建几所学校", "作业还可以再少一点", "希望加强农村学校师资", "无", "继续努力"]


def public_rows(rng, writer, count, invalid, rates=TOWNSHIP_P):
    rows = []
    for _ in range(count):
        identity = rng.choices([i for i, _ in IDENTITIES], weights=[w for _, w in IDENTITIES])[0]
        township = pick_township(rng)
        p = rates[township] + (0.02 if identity in ("人大代表", "政协委员") else 0)
        unknown = 0.10 if identity == "其他社会人士" else 0.04
        school = rng.choice(schools(township)) if identity == "学生家长" else "(跳过)"
        residence = "县城城区" if township.endswith("街道") else rng.choice(["乡镇镇区", "农村", "农村"])
        answers = [identity, shown(township) if rng.random() > 0.03 else f" {shown(township)}", school, residence]
        for _, shift in PUBLIC_ITEMS:
            answers.append(SCALE[scale_answer(rng, min(0.99, p + shift), unknown)])
        answers.append(rng.choice(SUGGESTIONS))
        rows.append(writer.meta(rng.randint(70, 600)) + answers)
    # A few respondents who answered 不了解 to everything (no scored answer).
    for index in rng.sample(range(len(rows)), 3):
        for k in range(len(PUBLIC_ITEMS)):
            rows[index][10 + k] = "不了解"
    # Answers that are not options of their question (reported with line and column, never counted).
    for index in rng.sample(range(len(rows)), invalid):
        rows[index][10 + rng.randrange(len(PUBLIC_ITEMS))] = rng.choice(["很满意", "一般"])
    return rows


def public_header():
    header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
              "1、您的身份是(单选题 *必答)", "2、您所在的乡镇（街道）", "3、您的孩子就读的学校（家长填写）", "4、您的居住地"]
    header += [text for text, _ in PUBLIC_ITEMS]
    header += ["17、您对本县义务教育工作有何意见和建议"]
    return header


# MARK: - teacher (校长、教师卷), option-number mode

TEACHER_ITEMS = [  # (header, shift); the matrix (question 8) follows question 7
    ("5、您对县政府保障义务教育经费投入、改善学校办学条件的满意程度", 0.0),
    ("6、您对教师平均工资收入不低于当地公务员平均工资收入水平落实情况的满意程度", -0.06),
    ("7、您对县域内义务教育资源均衡配置、城乡学校差距缩小的满意程度", -0.02),
]
TEACHER_MATRIX = [("8、您对本县教师队伍建设以下方面的满意程度—教师编制和学科教师配备", -0.04),
                  ("教师培训和专业发展", 0.02), ("校长教师交流轮岗", -0.01), ("职称评聘和绩效考核", -0.07)]
TEACHER_LATER = [
    ("9、您对学校依法依规办学、管理规范的满意程度", 0.02),
    ("10、您对学校实施素质教育、开齐开足国家课程的满意程度", 0.0),
    ("11、您对教育评价改革（不以升学率评价学校和教师）的满意程度", -0.03),
    ("12、您对减轻学生过重课业负担工作的满意程度", 0.0),
    ("13、您对本县义务教育优质均衡发展工作的总体满意程度", 0.0),
]
PRIORITIES = ["改善办学条件", "提高教师待遇", "加强教师培训", "深化课程与教学改革", "减轻学生负担", "其他【请注明】"]


def teacher_header():
    header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
              "1、您的身份是", "2、您所在学校的学段", "3、您所在学校属于哪个乡镇（街道）", "4、您所在学校的名称"]
    header += [h for h, _ in TEACHER_ITEMS] + [h for h, _ in TEACHER_MATRIX] + [h for h, _ in TEACHER_LATER]
    header += [f"第14题({option})" for option in PRIORITIES]
    header += ["15、您对本县义务教育工作的意见和建议"]
    return header


def teacher_rows(rng, writer, count, invalid):
    rows = []
    for _ in range(count):
        identity = rng.choices([1, 2, 3], weights=[10, 87, 3])[0]
        township = pick_township(rng)
        p = TOWNSHIP_P[township] + (0.03 if identity == 1 else 0)
        stage = rng.choices([1, 2, 3, 4], weights=[55, 30, 12, 3])[0]
        answers = [str(identity), str(stage), shown(township), rng.choice(schools(township))]
        for _, shift in TEACHER_ITEMS + TEACHER_MATRIX + TEACHER_LATER:
            answers.append(str(scale_answer(rng, min(0.99, p + shift), 0.03) + 1))
        if identity == 1 and rng.random() < 0.5:
            answers[5] = "-3"  # skipped by logic: the salary question (6) is not shown to principals
        chosen = rng.sample(range(len(PRIORITIES) - 1), rng.randint(1, 3))
        answers += ["1" if k in chosen else "0" for k in range(len(PRIORITIES))]
        answers.append(rng.choice(SUGGESTIONS))
        rows.append(writer.meta(rng.randint(75, 700)) + answers)
    for index in rng.sample(range(len(rows)), invalid):
        rows[index][10] = "7"  # option 7 of a 5-option scale: not an option
    return rows


# MARK: - student (学生卷), text mode

GRADES = ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级（初一）", "八年级（初二）", "九年级（初三）"]
STUDENT_ITEMS = [
    ("4、你对学校的教室、操场等环境设施满意吗", 0.0),
    ("5、你对学校图书室、实验室、电脑室的使用满意吗", -0.03),
    ("6、你对学校的体育、音乐、美术课和课外活动满意吗", 0.02),
    ("7、你对老师关心爱护学生、公平对待每个同学满意吗", 0.03),
    ("8、你对老师上课的教学满意吗", 0.02),
    ("9、你对学校开展的德育和安全、心理健康教育满意吗", 0.0),
    ("10、你对每天的作业量满意吗", -0.07),
    ("11、你对学校不公布考试成绩排名的做法满意吗", -0.02),
    ("12、总的来说，你对你的学校满意吗", 0.01),
]


def student_header():
    return (["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP",
             "1、你现在读几年级", "2、你的学校在哪个乡镇（街道）", "3、你的学校名称"]
            + [h for h, _ in STUDENT_ITEMS])


def student_rows(rng, writer, count, invalid):
    rows = []
    for _ in range(count):
        grade = rng.choices(GRADES, weights=[2, 2, 12, 12, 12, 12, 14, 14, 14])[0]
        township = pick_township(rng)
        p = TOWNSHIP_P[township] + 0.01
        school = rng.choice(junior_schools(township) if grade.startswith(("七", "八", "九")) else schools(township))
        answers = [grade, shown(township), school]
        for number, (_, shift) in enumerate(STUDENT_ITEMS):
            if number == 7 and grade in ("三年级", "四年级") and rng.random() < 0.6:
                answers.append("（跳过）")  # no ranked exams in the lower grades: skipped by logic
            else:
                answers.append(SCALE[scale_answer(rng, min(0.99, p + shift), 0.06)])
        rows.append(writer.meta(rng.randint(50, 500)) + answers)
    for index in rng.sample(range(len(rows)), invalid):
        rows[index][9 + rng.randrange(len(STUDENT_ITEMS))] = "还行"
    return rows


# MARK: - earlier years (the history the demo stores before the report)

# The public questionnaire in 2022 and 2023, for the year-over-year table of the county report: the same
# townships, each with its own rate that year. 双龙乡 (slot 李集乡) falls from 0.90 to 0.80 by 2024, 梅林乡
# (slot 高庄乡) rises from 0.66, and most stay where they were, so the report shows real changes beside
# changes that are sampling alone (无显著变化).
HISTORY_P = {
    2022: {**TOWNSHIP_P, "高庄乡": 0.66, "李集乡": 0.90, "城关街道": 0.93, "青山镇": 0.90, "东湖乡": 0.86},
    2023: {**TOWNSHIP_P, "高庄乡": 0.72, "李集乡": 0.86, "城关街道": 0.94, "青山镇": 0.89, "东湖乡": 0.88},
}


def history(out):
    """sample-history/survey-public-YEAR.csv: the public questionnaire's exports of 2022 and 2023 (按选项文本,
    UTF-8 with BOM), 420 and 440 respondents, each with its own seed."""
    os.makedirs(out, exist_ok=True)
    for year, count in ((2022, 420), (2023, 440)):
        rng = random.Random(SEED + year)
        writer = Writer(rng, datetime.datetime(year, 5, 20, 8, 0, 0))
        rows = public_rows(rng, writer, count, invalid=2, rates=HISTORY_P[year])
        add_duplicates_and_speeders(rng, writer, rows, duplicates=4, speeders=8, speeder_max=55)
        write(os.path.join(out, f"survey-public-{year}.csv"), public_header(), rows, "utf-8-sig")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "sample-responses")
    os.makedirs(out, exist_ok=True)
    start = datetime.datetime(2024, 5, 20, 8, 0, 0)

    rng = random.Random(SEED)
    writer = Writer(rng, start)
    rows = public_rows(rng, writer, 480, invalid=4)
    add_duplicates_and_speeders(rng, writer, rows, duplicates=6, speeders=12, speeder_max=55)
    write(os.path.join(out, "survey-public.csv"), public_header(), rows, "utf-8-sig")

    rng = random.Random(SEED + 1)
    writer = Writer(rng, start + datetime.timedelta(days=3))
    rows = public_rows(rng, writer, 260, invalid=2)
    add_duplicates_and_speeders(rng, writer, rows, duplicates=3, speeders=6, speeder_max=55)
    write(os.path.join(out, "survey-public-gb18030.csv"), public_header(), rows, "gb18030")

    rng = random.Random(SEED + 2)
    writer = Writer(rng, start + datetime.timedelta(days=1))
    rows = teacher_rows(rng, writer, 320, invalid=3)
    add_duplicates_and_speeders(rng, writer, rows, duplicates=4, speeders=8, speeder_max=55)
    write(os.path.join(out, "survey-teacher.csv"), teacher_header(), rows, "utf-8-sig")

    rng = random.Random(SEED + 3)
    writer = Writer(rng, start + datetime.timedelta(days=2))
    rows = student_rows(rng, writer, 360, invalid=3)
    add_duplicates_and_speeders(rng, writer, rows, duplicates=5, speeders=10, speeder_max=40)
    write(os.path.join(out, "survey-student.csv"), student_header(), rows, "utf-8-sig")

    history(os.path.join(out, "..", "sample-history"))


if __name__ == "__main__":
    main()

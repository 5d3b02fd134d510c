#!/usr/bin/env python3
"""Generate the sample county indicator sheet (县级指标填报表) and its evidence files for `junheng report`.

Made up, like every sample: the figures and the evidence files describe no real county. The sheet gives
the requirements of plan/plan.yaml that junheng cannot compute from the roster or the monitoring, one row
per code (two-part requirements as C31-1, C31-2), and shows every status rule:

- met: a rate over its threshold (分子/分母 or 数值), a judgement 达标 with its evidence file present;
- failed: a rate under its threshold (C29, C36), a judgement 未达标 (C44);
- pending: 达标 without evidence (C20), 分子 without 分母 (C31-2), evidence named but missing (C34-2);
- no data: rows left empty (C46–C48);
- a contradiction: C24 says 达标 where the roster shows classes over 45.

Deterministic, stdlib only. Writes UTF-8 with a BOM and CRLF line ends, as Excel's "CSV UTF-8" does.

    python3 scripts/generate_plan_samples.py   # writes sample-responses/indicator-sheet.csv and 佐证材料/
"""

import csv
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "sample-responses")
EVIDENCE = "佐证材料"

HEADER = ["指标代码", "分子", "分母", "数值", "结论", "佐证材料", "说明"]

# (code, 分子, 分母, 数值, 结论, evidence file or "", 说明); an evidence name starting with "!" is cited
# but not written, so the report shows a missing file.
ROWS = [
    ("C15", "", "", "", "达标", "C15-义务教育学校布局规划.txt", "县政府2023年印发"),
    ("C16", "", "", "", "达标", "C16-规划落实情况报告.txt", ""),
    ("C17", "", "", "", "达标", "C17-建设标准统一文件.txt", ""),
    ("C18", "", "", "", "达标", "C18-编制标准文件.txt", "初中1:13.5、小学1:19"),
    ("C19", "", "", "", "达标", "C19-公用经费拨付文件.txt", "小学720元/生、初中940元/生"),
    ("C20", "", "", "", "达标", "", "装备配置文件待上传"),
    ("C24", "", "", "", "达标", "", "学校自报"),
    ("C28-1", "7850", "7620", "", "达标", "", "月均工资：教师 / 公务员（元）"),
    ("C28-2", "", "", "", "达标", "C28-绩效工资核定文件.txt", ""),
    ("C29", "2875", "2910", "", "", "", "35 名教师未完成"),
    ("C30", "", "", "", "达标", "C30-编制岗位分配方案.txt", ""),
    ("C31-1", "312", "2860", "", "", "C31-交流轮岗名单.txt", ""),
    ("C31-2", "58", "", "", "", "", "骨干教师人数已统计，交流总数待核"),
    ("C32", "", "", "100%", "达标", "", ""),
    ("C33-1", "", "", "100%", "", "", ""),
    ("C33-2", "", "", "96.5%", "", "", ""),
    ("C34-1", "", "", "82%", "", "", ""),
    ("C34-2", "", "", "", "达标", "!C34-名额分配方案.txt", ""),
    ("C35-1", "", "", "", "达标", "C35-留守儿童关爱体系.txt", ""),
    ("C35-2", "", "", "0.88", "", "", ""),
    ("C36", "5730", "6102", "", "", "", "2021级入学6102人，2024年在校5730人"),
    ("C37", "", "", "97.2%", "", "", ""),
    ("C38", "", "", "", "达标", "C38-学校章程汇编.txt", ""),
    ("C39", "", "", "", "达标", "C39-智慧学校建设报告.txt", ""),
    ("C41", "", "", "", "达标", "C41-信息技术应用能力培训.txt", ""),
    ("C42", "", "", "", "达标", "C42-设备使用记录.txt", ""),
    ("C43", "", "", "", "达标", "C43-德育工作评估.txt", ""),
    ("C44", "", "", "", "未达标", "", "3 所学校校园文化建设评估为合格"),
    ("C45", "", "", "", "达标", "C45-课程表汇总.txt", ""),
    ("C46", "", "", "", "", "", ""),
    ("C47", "", "", "", "", "", ""),
    ("C48", "", "", "", "", "", ""),
]


def main():
    folder = os.path.join(OUT, EVIDENCE)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(OUT, "indicator-sheet.csv")
    written = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        for code, numerator, denominator, value, verdict, evidence, note in ROWS:
            cited = ""
            if evidence:
                missing = evidence.startswith("!")
                name = evidence.lstrip("!")
                cited = EVIDENCE + "/" + name
                if not missing:
                    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as file:
                        file.write(f"样例佐证材料（虚构）：{code} {os.path.splitext(name)[0].split('-', 1)[1]}\n")
                    written += 1
            writer.writerow([code, numerator, denominator, value, verdict, cited, note])
    print(f"wrote {path} ({len(ROWS)} rows) and {written} files in {folder}")


if __name__ == "__main__":
    main()

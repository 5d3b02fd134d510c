#!/usr/bin/env python3
"""The second half of `make bench` (issue 14): junheng side by side with polars, DuckDB and the C loops
over libcsv, on the same 1M-row 问卷星-style export, through the shared `compare.py`; then the same job on a
GB18030 copy of that export, in rows per second against the UTF-8 file (the goal: at least 0.9).

Finds compare.py at $JUNHENG_COMPARE, else at ../shared/bench/compare.py beside the package; without it or
without python3 modules it needs, says so and stops (exit 0: the first half of the bench already ran).

Environment: BENCH_ROWS (default 1000000), BENCH_RUNS (default 3).
"""
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
BINARY = os.path.join(ROOT, ".build", "release", "junheng")


def find_compare():
    candidates = [os.environ.get("JUNHENG_COMPARE"), os.path.join(ROOT, "..", "shared", "bench", "compare.py")]
    for path in candidates:
        if path and os.path.isfile(path):
            return os.path.abspath(path)
    return None


def gb18030_copy(source, target):
    """The export without its UTF-8 BOM, converted by iconv (written once)."""
    if os.path.exists(target) and os.path.getmtime(target) >= os.path.getmtime(source):
        return
    with open(source, "rb", buffering=0) as src, open(target + ".tmp", "wb") as out:
        if src.read(3) != b"\xef\xbb\xbf":
            src.seek(0)
        subprocess.run(["iconv", "-f", "UTF-8", "-t", "GB18030"], stdin=src, stdout=out, check=True)
    os.replace(target + ".tmp", target)


def timed(path, cwd):
    argv = [BINARY, "satisfaction", path, "--survey", "wjx-bench", "--by", "township", "--format", "json",
            "--keep-all"]
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, check=True)
    wall = time.perf_counter() - start
    doc = json.loads(done.stdout)
    counts = {tuple(g["key"]): (g["answered"], g["positive"]) for g in doc["groups"]}
    return wall, counts


def main():
    compare = find_compare()
    if compare is None:
        print("bench-compare: ../shared/bench/compare.py not found (set JUNHENG_COMPARE); side-by-side skipped")
        return 0
    print(f"== side by side ({compare}, {ROWS} rows, {RUNS} runs)", flush=True)
    data = os.path.join(ROOT, "bench-data", "peers")
    result = subprocess.run([sys.executable, compare, BINARY, "--rows", str(ROWS), "--runs", str(RUNS),
                             "--data", data])
    if result.returncode != 0:
        return result.returncode

    utf8 = os.path.join(data, f"wjx-{ROWS}.csv")
    gb = os.path.join(data, f"wjx-{ROWS}-gb18030.csv")
    print(f"== GB18030 copy of the same export ({RUNS} runs, --keep-all)", flush=True)
    gb18030_copy(utf8, gb)
    times = {}
    counts = {}
    for name, path in (("UTF-8", utf8), ("GB18030", gb)):
        runs = [timed(path, data) for _ in range(RUNS)]
        times[name] = statistics.median(r[0] for r in runs)
        counts[name] = runs[0][1]
        print(f"junheng {name:8} {times[name]:6.3f} s  {ROWS / times[name]:12,.0f} rows/s  "
              f"{os.path.getsize(path) / 1e6 / times[name]:7.1f} MB/s", flush=True)
    if counts["UTF-8"] != counts["GB18030"]:
        print("bench-compare: the GB18030 copy gives other counts than the UTF-8 file", file=sys.stderr)
        return 1
    print(f"ratio GB18030 / UTF-8 in rows/s: {times['UTF-8'] / times['GB18030']:.2f} (goal ≥ 0.90); counts agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())

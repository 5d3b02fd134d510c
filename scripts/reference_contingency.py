#!/usr/bin/env python3
"""Independent reference values for junheng's 2 x 2 and r x c tests (JunhengStatisticsTests).

Computed with scipy, never from junheng's output: Fisher's exact two-sided p
(scipy.stats.fisher_exact), Pearson's chi-square with and without Yates' continuity correction
(scipy.stats.chi2_contingency) and Cramer's V (scipy.stats.contingency.association).
Run: python3 scripts/reference_contingency.py
"""
from scipy.stats import chi2_contingency, fisher_exact
from scipy.stats.contingency import association

TWO_BY_TWO = {
    "tea tasting (Fisher 1935)": [[3, 1], [1, 3]],
    "moderate": [[12, 5], [7, 9]],
    "small": [[8, 2], [1, 5]],
    "near independence (Yates clamps to 0)": [[5, 4], [5, 5]],
    "a zero cell": [[0, 6], [4, 2]],
    "large": [[120, 80], [95, 105]],
}
LARGER = {
    "Agresti Table 2.5": [[762, 327, 468], [484, 239, 477]],
    "3 x 3": [[10, 20, 30], [20, 10, 5], [3, 8, 12]],
}

for name, table in TWO_BY_TWO.items():
    _, fisher_p = fisher_exact(table, alternative="two-sided")
    yates, yates_p, _, _ = chi2_contingency(table, correction=True)
    pearson, pearson_p, _, _ = chi2_contingency(table, correction=False)
    v = association(table, method="cramer")
    print(f"{name}: {table}")
    print(f"  Fisher p = {float(fisher_p)!r}; Yates X2 = {float(yates)!r}, p = {float(yates_p)!r}")
    print(f"  Pearson X2 = {float(pearson)!r}, p = {float(pearson_p)!r}; Cramer's V = {v!r}")
for name, table in LARGER.items():
    pearson, pearson_p, _, _ = chi2_contingency(table, correction=False)
    print(f"{name}: {table}")
    print(f"  Pearson X2 = {float(pearson)!r}, p = {float(pearson_p)!r}; Cramer's V = {association(table, method='cramer')!r}")

#!/usr/bin/env python3
"""Checks that the imports in the code agree with the dependency graph in Package.swift.

- A Swift file may import only the modules its target declares (targets and products), the
  toolchain's own modules, and itself: an import that compiles only because another module leaks it
  is an error.
- Each C library has one door: a C module may be imported by its one wrapper file only.
- Every Swift target turns on MemberImportVisibility and InternalImportsByDefault.

Run from the package folder: scripts/check-imports.py. Exits 1, naming FILE:LINE, on any violation.
"""
import json
import os
import re
import subprocess
import sys

# The toolchain's modules, available to every target without a declaration.
TOOLCHAIN = {
    "Foundation", "FoundationEssentials", "FoundationInternationalization", "FoundationNetworking", "FoundationXML",
    "Glibc", "Musl", "Darwin", "Dispatch", "Synchronization", "Testing", "XCTest", "_Concurrency",
    "Swift", "os", "RegexBuilder", "Observation",
}

# The one Swift file allowed to import each C module (the door), relative to the package folder.
C_DOORS = {
    "CLibCSV": "Sources/JunhengIngest/LibCSVParser.swift",
    "CXLSXWriter": "Sources/JunhengWorkbook/WorkbookWriter.swift",
    "CQREncode": "Sources/JunhengLinks/QRCode.swift",
    "CFreeXL": "Sources/JunhengIngest/FreeXLReader.swift",
    # Our own one-function C targets, each behind one file as well.
    "CPrefetch": "Sources/JunhengIngest/Storage/Prefetch.swift",
    "CMemoryPolicy": "Sources/JunhengCore/MemoryPolicy.swift",
    "CChildProcess": "Sources/JunhengIngest/ChildProcess.swift",
}

STRICT = {"MemberImportVisibility", "InternalImportsByDefault"}
IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public |package |internal |private |fileprivate )?import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")


def main() -> int:
    package = json.loads(subprocess.run(
        ["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
    problems = []
    for target in package["targets"]:
        if target["type"] in ("system", "binary", "plugin", "macro"):
            continue
        name = target["name"]
        allowed = {name} | TOOLCHAIN
        for dependency in target.get("dependencies", []):
            for kind in ("byName", "target", "product"):
                if kind in dependency:
                    allowed.add(dependency[kind][0])
        path = target.get("path") or os.path.join("Tests" if target["type"] == "test" else "Sources", name)
        swift_files = []
        for folder, _, files in os.walk(path):
            swift_files += [os.path.join(folder, f) for f in files if f.endswith(".swift")]
        if swift_files:
            features = {s["kind"].get("enableUpcomingFeature", {}).get("_0") for s in target.get("settings", [])}
            missing = STRICT - features
            if missing:
                problems.append(f"Package.swift: target {name} does not enable {', '.join(sorted(missing))}")
        for file in sorted(swift_files):
            with open(file, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    match = IMPORT.match(line)
                    if not match:
                        continue
                    module = match.group(1)
                    if module in C_DOORS and os.path.normpath(file) != C_DOORS[module]:
                        problems.append(
                            f"{file}:{number}: imports the C module {module}; only {C_DOORS[module]} may (one door per C library)")
                    elif module not in allowed:
                        problems.append(
                            f"{file}:{number}: imports {module}, which target {name} does not declare in Package.swift")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check-imports: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("check-imports: every import is declared, and each C library has one door")
    return 0


if __name__ == "__main__":
    sys.exit(main())

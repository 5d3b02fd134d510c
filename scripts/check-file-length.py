#!/usr/bin/env python3
"""Checks the house rule on long files: a Swift file over 400 lines says why in its opening comment.

The reason is a line in the file's first comment block (before the first declaration) that contains
"400 lines", e.g. `// Over 400 lines: one state machine whose parts share …`. Run from the package
folder; exits 1 naming each long file without a reason.
"""
import pathlib
import sys

LIMIT = 400

# Long files whose owners are splitting them or adding their reason (issue 11); remove an entry when done.
PENDING: set[str] = set()


def opening_comment(lines):
    """The comment lines at the top of a file, after its imports and blank lines."""
    comment = []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("//"):
            comment.append(stripped)
        elif stripped == "" or stripped.startswith(("import ", "public import ", "@testable import ")):
            continue
        else:
            break
    return comment


def main() -> int:
    problems = []
    for path in sorted(pathlib.Path(".").glob("*/**/*.swift")):
        if not str(path).startswith(("Sources/", "Tests/")):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        if str(path) in PENDING:
            continue
        if len(lines) > LIMIT and not any("400 lines" in line for line in opening_comment(lines)):
            problems.append(f"{path}:1: {len(lines)} lines; say why in the opening comment "
                            f"(a line with \"400 lines\"), or split the file")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Parses every .bicep file under the given folders with pycep-parser (the Bicep reader checkov uses).

A file Bicep tooling outside Microsoft's compiler cannot read is a failure: every parse error is printed with its
file and position, and the exit code is 1 if there was any.

usage: bicep_parse.py DIR...
"""
import sys
from pathlib import Path

from pycep import BicepParser


def main(folders):
    parser = BicepParser()
    files = sorted(f for d in folders for f in Path(d).rglob("*.bicep"))
    if not files:
        sys.exit(f"no .bicep files under {', '.join(folders)}")
    failed = 0
    for f in files:
        try:
            tree = parser.parse(text=f.read_text())
        except Exception as e:  # lark raises several kinds; all mean "cannot read"
            failed += 1
            print(f"{f}: pycep-parser cannot read it: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        if not tree.get("resources") and not tree.get("modules") and not tree.get("outputs"):
            failed += 1
            print(f"{f}: pycep-parser read no resources, modules or outputs", file=sys.stderr)
    print(f"pycep-parser read {len(files) - failed} of {len(files)} Bicep files", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))

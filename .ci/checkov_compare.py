#!/usr/bin/env python3
"""Compares checkov's verdict on generated/ with our own findings.json files.

Every check checkov fails must be explained: either one of our rules reports the same thing at the same resource
(its catalogue entry names the checkov id; a suppressed finding counts, since it carries a written reason), or the
checked-in baseline accepts it with a reason. A hardened blueprint may have no baseline entry and no error of our
own; the shipped hardened blueprint (--strict NAME) may have no checkov failure at all, not even one our rules
accept with a reason. Baseline entries that no longer match anything are stale and fail too.

usage: checkov_compare.py CHECKOV_JSON GENERATED_DIR BASELINE_YAML [--strict NAME]...
"""
import json
import sys
from pathlib import Path

import yaml


def load_checkov(path):
    data = json.loads(Path(path).read_text())
    reports = data if isinstance(data, list) else [data]
    failed, passed = [], 0
    for report in reports:
        results = report.get("results", {})
        failed.extend(results.get("failed_checks", []))
        passed += report.get("summary", {}).get("passed", 0)
        if report.get("summary", {}).get("parsing_errors"):
            sys.exit(f"checkov could not parse some files: {report['summary']}")
    return failed, passed


def load_findings(generated):
    out = {}
    for f in sorted(Path(generated).glob("*/findings.json")):
        out[f.parent.name] = json.loads(f.read_text())
    return out


def main(checkov_json, generated, baseline_file, strict):
    failed, passed = load_checkov(checkov_json)
    findings = load_findings(generated)
    baseline = yaml.safe_load(Path(baseline_file).read_text()) or []
    for i, entry in enumerate(baseline):
        for key in ("check", "file", "resource", "reason"):
            if not str(entry.get(key, "")).strip():
                sys.exit(f"{baseline_file}: entry {i} needs '{key}' (every accepted failure needs a reason)")
    used = set()
    problems, rows = [], []
    per_blueprint = {name: {"failed": 0, "ours": 0, "suppressed": 0, "baseline": 0} for name in findings}

    for check in failed:
        rel = check["file_path"].lstrip("/")
        blueprint, _, inner = rel.partition("/")
        first, last = check["file_line_range"]
        doc = findings.get(blueprint)
        if doc is None:
            problems.append(f"{check['check_id']} on {rel}: no findings.json beside it")
            continue
        stats = per_blueprint[blueprint]
        stats["failed"] += 1
        if blueprint in strict:
            problems.append(f"{check['check_id']} fails on the shipped hardened blueprint {blueprint} ({check['resource']}, "
                            f"lines {first}-{last}): the hardened blueprint must pass every checkov check")
        match = [f for f in doc["findings"]
                 if f["file"] == inner and first <= f["line"] <= last
                 and check["check_id"] in f.get("equivalents", {}).get("checkov", [])]
        if match:
            f = match[0]
            if "suppressed" in f:
                stats["suppressed"] += 1
                how = f"ours: {f['rule']} suppressed ({f['suppressed']})"
            else:
                stats["ours"] += 1
                how = f"ours: {f['rule']} {f['severity']}"
            rows.append((check["check_id"], rel, check["resource"], how))
            continue
        accepted = [i for i, b in enumerate(baseline)
                    if b["check"] == check["check_id"] and b["file"] == rel and b["resource"] == check["resource"]]
        if accepted:
            used.update(accepted)
            stats["baseline"] += 1
            rows.append((check["check_id"], rel, check["resource"], f"baseline: {baseline[accepted[0]]['reason']}"))
            if doc["profile"] == "hardened":
                problems.append(f"baseline entry for hardened blueprint {blueprint}: not allowed")
            continue
        problems.append(f"{check['check_id']} ({check.get('check_name', '')}) fails on {rel} {check['resource']} "
                        f"lines {first}-{last}, and no rule of ours reports it: add the rule (or its checkov id), "
                        f"fix the generator, or accept it in {baseline_file} with a reason")

    for i, b in enumerate(baseline):
        if i not in used:
            problems.append(f"{baseline_file}: entry {i} ({b['check']} on {b['file']}) matches no failure: remove it")

    for name in strict:
        if name not in findings:
            problems.append(f"--strict {name}: no generated/{name}/findings.json")
    for name, doc in findings.items():
        if doc["profile"] == "hardened" and doc["summary"]["error"]:
            problems.append(f"hardened blueprint {name} has {doc['summary']['error']} error(s) of our own")

    print(f"checkov: {passed} passed, {len(failed)} failed")
    print(f"{'blueprint':24} {'profile':9} {'failed':>6} {'ours':>5} {'ours, suppressed':>16} {'baseline':>8}")
    for name, s in per_blueprint.items():
        print(f"{name:24} {findings[name]['profile']:9} {s['failed']:>6} {s['ours']:>5} {s['suppressed']:>16} "
              f"{s['baseline']:>8}")
    for row in rows:
        print("  " + " | ".join(row))
    if problems:
        print("\n".join("FAIL: " + p for p in problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    strict_names = [args[i + 1] for i in range(3, len(args) - 1) if args[i] == "--strict"]
    if len(args) < 3 or len(args) != 3 + 2 * len(strict_names):
        sys.exit(__doc__)
    sys.exit(main(args[0], args[1], args[2], set(strict_names)))

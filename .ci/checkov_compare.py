#!/usr/bin/env python3
"""Compares checkov's verdict on generated/ (ARM JSON and Bicep) with our own findings.json files.

Every check checkov fails must be explained: either one of our rules reports the same thing at the same resource
(its catalogue entry names the checkov id; a suppressed finding counts, since it carries a written reason), or the
checked-in baseline accepts it with a reason. ARM failures match findings by file and line range; Bicep failures by
file and resource symbol (findings.json records where each finding's resource is in the Bicep). A hardened
blueprint may have no baseline entry and no error of our own; the shipped hardened blueprint (--strict NAME) may have
no checkov failure at all, not even one our rules accept with a reason. The one exception, for both, is a baseline
entry marked scanner-limitation: a Bicep-only failure where checkov cannot evaluate what the Bicep says and the ARM
scan of the same blueprint does not fail that check. Baseline entries that no longer match anything are stale and
fail too.

usage: checkov_compare.py GENERATED_DIR BASELINE_YAML --arm CHECKOV_JSON [--bicep CHECKOV_JSON] [--strict NAME]...
"""
import argparse
import fnmatch
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


def matches_baseline(entry, check, rel):
    return (entry["check"] == check["check_id"] and fnmatch.fnmatchcase(rel, entry["file"])
            and fnmatch.fnmatchcase(check["resource"], entry["resource"]))


def main(generated, baseline_file, arm_json, bicep_json, strict):
    failed, passed = load_checkov(arm_json)
    failed = [dict(c, _format="arm") for c in failed]
    if bicep_json:
        bicep_failed, bicep_passed = load_checkov(bicep_json)
        failed += [dict(c, _format="bicep") for c in bicep_failed]
        passed += bicep_passed
    findings = load_findings(generated)
    baseline = yaml.safe_load(Path(baseline_file).read_text()) or []
    for i, entry in enumerate(baseline):
        for key in ("check", "file", "resource", "reason"):
            if not str(entry.get(key, "")).strip():
                sys.exit(f"{baseline_file}: entry {i} needs '{key}' (every accepted failure needs a reason)")
    arm_failures = {(c["file_path"].lstrip("/").partition("/")[0], c["check_id"]) for c in failed
                    if c["_format"] == "arm"}
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
        accepted = [i for i, b in enumerate(baseline) if matches_baseline(b, check, rel)]
        limitation = [i for i in accepted if baseline[i].get("scanner-limitation") is True
                      and check["_format"] == "bicep" and (blueprint, check["check_id"]) not in arm_failures]
        if blueprint in strict and not limitation:
            problems.append(f"{check['check_id']} fails on the shipped hardened blueprint {blueprint} ({check['resource']}, "
                            f"{inner} lines {first}-{last}): the hardened blueprint must pass every checkov check")
        if check["_format"] == "bicep":
            symbol = check["resource"].rpartition(".")[2]
            match = [f for f in doc["findings"]
                     if f.get("bicep", {}).get("file") == inner and f["bicep"].get("resource") == symbol
                     and check["check_id"] in f.get("equivalents", {}).get("checkov", [])]
        else:
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
        if accepted:
            used.update(accepted)
            stats["baseline"] += 1
            entry = baseline[accepted[0]]
            rows.append((check["check_id"], rel, check["resource"], f"baseline: {' '.join(entry['reason'].split())}"))
            if doc["profile"] == "hardened" and not limitation:
                problems.append(f"baseline entry for hardened blueprint {blueprint}: not allowed "
                                f"({check['check_id']} on {rel})")
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

    arm_count = sum(1 for c in failed if c["_format"] == "arm")
    print(f"checkov: {passed} passed, {len(failed)} failed ({arm_count} ARM, {len(failed) - arm_count} Bicep)")
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
    cli = argparse.ArgumentParser(description="checkov's failures on generated/ against our findings")
    cli.add_argument("generated")
    cli.add_argument("baseline")
    cli.add_argument("--arm", required=True, help="checkov -o json output for --framework arm")
    cli.add_argument("--bicep", help="checkov -o json output for --framework bicep")
    cli.add_argument("--strict", action="append", default=[], help="a hardened blueprint that must pass every check")
    a = cli.parse_args()
    sys.exit(main(a.generated, a.baseline, a.arm, a.bicep, set(a.strict)))

#!/usr/bin/env bash
# Applies each wire-layout mutation of tools/mutations.tsv to a scratch copy of the committed tree, runs the test
# project named for it and reports which tests turned red (issue 16 item 3). Not part of CI: ~1-2 minutes a mutation.
#
#   tools/mutate.sh                      every mutation
#   tools/mutate.sh att40-verify-state   only the ids given
#   MUTATE_FILTER='FullyQualifiedName~Vectors' tools/mutate.sh   passes --filter to dotnet test
#
# Prints a markdown table (mutation | failing tests) and writes it to $MUTATE_OUT (default: mutation-report.md in the
# current directory). A mutation that no test catches, or whose find text is missing, makes the script exit 1.
# Needs dotnet and python3.
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
out=${MUTATE_OUT:-$PWD/mutation-report.md}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/zkmutate.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
git -C "$repo" archive HEAD | tar -x -C "$scratch"
echo "scratch copy of $(git -C "$repo" rev-parse --short HEAD) in $scratch" >&2

python3 - "$repo/tools/mutations.tsv" "$scratch" "$out" "${MUTATE_FILTER:-}" "$@" <<'PY'
import collections, os, re, subprocess, sys, time
import xml.etree.ElementTree as ET

table_path, scratch, out_path, test_filter, *only = sys.argv[1:]
mutations = collections.OrderedDict()
for line in open(table_path, encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    mid, path, find, replace, project = line.rstrip("\n").split("\t")
    mutations.setdefault(mid, []).append((path, find, replace, project))
if only:
    unknown = [m for m in only if m not in mutations]
    if unknown:
        sys.exit(f"unknown mutation ids: {', '.join(unknown)}")
    mutations = collections.OrderedDict((m, mutations[m]) for m in only)

def run_tests(project, restore=True):
    results = os.path.join(scratch, "mutation-results")
    trx = os.path.join(results, "run.trx")
    if os.path.exists(trx):
        os.remove(trx)
    cmd = ["dotnet", "test", os.path.join(scratch, project), "--nologo", "-v", "q",
           "--logger", "trx;LogFileName=run.trx", "--results-directory", results]
    if not restore:
        cmd.append("--no-restore")  # the baseline restored; a mutation changes no package
    if test_filter:
        cmd += ["--filter", test_filter]
    p = subprocess.run(cmd, cwd=scratch, capture_output=True, text=True)
    text = p.stdout + p.stderr
    ran = re.search(r"(Passed|Failed)!\s+- Failed:\s+(\d+), Passed:\s+(\d+)", text)
    failed = []
    if os.path.exists(trx):
        ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
        root = ET.parse(trx).getroot()
        unit_results = root.iterfind(".//t:UnitTestResult", ns)
        failed = sorted({r.get("testName") for r in unit_results if r.get("outcome") == "Failed"})
    if ran and int(ran.group(2)) > 0 and not failed:
        failed = [f"{ran.group(2)} failed (names not read)"]
    return p.returncode, failed, ran, text

def apply(edits):
    """Replaces every find text, each located in the ORIGINAL file (so rows of one mutation may swap two texts)."""
    originals, problems = {}, []
    by_file = collections.OrderedDict()
    for path, find, replace, _ in edits:
        by_file.setdefault(path, []).append((find, replace))
    for path, pairs in by_file.items():
        full = os.path.join(scratch, path)
        if not os.path.exists(full):
            problems.append(f"no file {path}")
            continue
        text = open(full, encoding="utf-8").read()
        spans = []
        for find, replace in pairs:
            n = text.count(find)
            if n != 1:
                problems.append(f"'{find}' occurs {n} times in {path}")
                continue
            i = text.index(find)
            spans.append((i, i + len(find), replace))
        if problems:
            continue
        originals[full] = text
        for start, end, replace in sorted(spans, reverse=True):
            text = text[:start] + replace + text[end:]
        open(full, "w", encoding="utf-8").write(text)
    return originals, problems

def restore(originals):
    for full, text in originals.items():
        open(full, "w", encoding="utf-8").write(text)

projects = sorted({e[3] for edits in mutations.values() for e in edits})
for project in projects:
    code, failed, ran, text = run_tests(project)
    if code != 0 or not ran:
        # Timing tests can fail from machine load alone; one more run tells load from a red tree.
        print(f"baseline {project} not green ({', '.join(failed) or 'no result'}); running it once more",
              file=sys.stderr)
        code, failed, ran, text = run_tests(project, restore=False)
    if code != 0 or not ran:
        sys.stderr.write(text[-4000:])
        sys.exit(f"baseline of {project} is not green: fix that first")
    print(f"baseline {project}: {ran.group(3)} passed", file=sys.stderr)

def write_report(rows):
    """Rewritten after every mutation, so an interrupted run still leaves its table."""
    lines = ["| mutation | failing tests (count: test class.method) |", "|---|---|"]
    lines += [f"| `{mid}` | {result} |" for mid, result in rows]
    report = "\n".join(lines) + "\n"
    open(out_path, "w", encoding="utf-8").write(report)
    return report

rows, uncaught = [], []
for mid, edits in mutations.items():
    started = time.time()
    originals, problems = apply(edits)
    if problems:
        restore(originals)
        rows.append((mid, "NOT APPLIED: " + "; ".join(problems)))
        uncaught.append(mid)
        print(f"{mid}: not applied ({'; '.join(problems)})", file=sys.stderr)
        continue
    project = edits[0][3]
    code, failed, ran, text = run_tests(project, restore=False)
    restore(originals)
    if not ran:
        rows.append((mid, "BUILD FAILED (not a valid mutation)"))
        uncaught.append(mid)
    elif not failed:
        rows.append((mid, "**none: survived**"))
        uncaught.append(mid)
    else:
        names = [re.sub(r"\(.*", "", f) for f in failed]
        names = [".".join(n.split(".")[-2:]) for n in names]
        shown = sorted(set(names))
        more = f", … (+{len(shown) - 6})" if len(shown) > 6 else ""
        rows.append((mid, f"{len(failed)}: " + ", ".join(shown[:6]) + more))
    print(f"{mid}: {rows[-1][1]} ({time.time() - started:.0f} s)", file=sys.stderr)
    write_report(rows)

print(write_report(rows))
sys.exit(1 if uncaught else 0)
PY

#!/usr/bin/env bash
# Fails when a tracked code file has a line longer than .editorconfig's max_line_length (120), naming each
# file:line. Markdown is prose and tables, so it is not checked; generated help (docs/en-US) is markdown too.
# Usage: tools/check-line-length.sh [limit]
set -uo pipefail
cd "$(dirname "$0")/.."
limit="${1:-120}"
# Characters, not bytes: a line with '→' or '×' counts each as one.
export LC_ALL=C.UTF-8
long=$(git ls-files -z -- '*.cs' '*.ps1' '*.psm1' '*.psd1' '*.ps1xml' '*.sh' '*.csproj' '*.props' '*.targets' \
    '.ci/run' | xargs -0 grep -nHP "^.{$((limit + 1)),}" 2>/dev/null)
if [ -n "$long" ]; then
  count=$(printf '%s\n' "$long" | wc -l)
  printf '%s\n' "$long" | cut -c1-200 >&2
  echo "line-length: FAILED: $count line(s) longer than $limit characters (above); wrap them" >&2
  exit 1
fi
echo "line-length: every code line is at most $limit characters"

#!/usr/bin/env bash
# Runs the Pester 5 suite (tests/Pester) under PowerShell 7.6.9, against the module staged in out/ZkSync.
# pwsh and Pester come from NuGet into .tools/ (nothing is installed globally). Where NuGet cannot serve them the
# suite is skipped, saying so loudly, and under CI (CI=true, True, 1, yes or on) this script fails instead. It fails on
# anything Pester did not pass: a failed test, a failed block (BeforeAll), a container that could not run (a file that
# does not parse), or a run that found no test at all.
# Arguments, when given, are the test files or folders to run instead of tests/Pester (a focused local run).
set -uo pipefail
cd "$(dirname "$0")/.."
paths="'tests/Pester'"
if [ "$#" -gt 0 ]; then paths=$(printf "'%s'," "$@"); paths="${paths%,}"; fi

under_ci() {
  case "$(printf '%s' "${CI:-}" | tr '[:upper:]' '[:lower:]')" in true | 1 | yes | on) return 0 ;; *) return 1 ;; esac
}

tools="$PWD/.tools"
pwsh="$tools/pwsh"
pester="$tools/modules/Pester/5.7.1"

# A prerequisite that cannot be had: a skip outside CI, a failure under CI=true (CI must not go green with Pester
# unrun).
missing() {
  echo "pester: $1; the Pester suite was NOT run. $2" >&2
  if under_ci; then
    echo "pester: CI=${CI}, so this is a failure" >&2
    exit 1
  fi
  echo "pester: SKIPPED (outside CI a missing prerequisite skips; under CI=true it fails)" >&2
  exit 0
}

if [ ! -x "$pwsh" ]; then
  if ! dotnet tool install PowerShell --version 7.6.9 --tool-path "$tools" >/dev/null; then
    missing "PowerShell 7.6.9 could not be installed from NuGet (dotnet tool install PowerShell --version 7.6.9)" \
      "Make nuget.org (or a feed with the PowerShell 7.6.9 tool package) reachable, or put it in $tools by hand."
  fi
fi

if [ ! -f "$pester/Pester.psd1" ]; then
  work=$(mktemp -d)
  cat > "$work/download.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[5.7.1]" /></ItemGroup>
</Project>
XML
  if ! dotnet restore "$work/download.csproj" --packages "$work/packages" >/dev/null; then
    rm -rf "$work"
    missing "Pester 5.7.1 could not be downloaded from NuGet" \
      "Make nuget.org (or a feed with the Pester 5.7.1 package) reachable, or copy Pester 5.7.1 to $pester."
  fi
  mkdir -p "$pester"
  cp -r "$work/packages/pester/5.7.1/tools/." "$pester/"
  rm -rf "$work"
fi

# The suite imports out/ZkSync; make sure it is staged (dotnet test builds it, this covers a standalone run).
[ -f out/ZkSync/ZkSync.psd1 ] || dotnet build src/ZkSync.PowerShell --nologo -v q >/dev/null

"$pwsh" -NoProfile -NonInteractive -Command "
  \$ErrorActionPreference = 'Stop'
  \$PSStyle.OutputRendering = 'PlainText'
  Import-Module '$pester/Pester.psd1'
  \$c = New-PesterConfiguration
  \$c.Run.Path = @($paths)
  \$c.Run.PassThru = \$true
  \$c.Output.Verbosity = 'Normal'
  \$r = Invoke-Pester -Configuration \$c
  # Blocks (a BeforeAll that threw) and containers (a file that could not run) fail without failing a test.
  \$broken = @(\$r.FailedBlocks | ForEach-Object { 'block ' + \$_.ExpandedPath }) +
    @(\$r.FailedContainers | ForEach-Object { 'container ' + \$_.Item })
  foreach (\$part in \$broken) { [Console]::Error.WriteLine('pester: FAILED ' + \$part) }
  'pester: {0} passed, {1} failed, {2} skipped' -f \$r.PassedCount, (\$r.FailedCount + \$broken.Count), \$r.SkippedCount
  if (\$r.TotalCount -eq 0) { [Console]::Error.WriteLine('pester: FAILED: no test ran'); exit 1 }
  if (\$r.Result -ne 'Passed' -or \$r.FailedCount -gt 0 -or \$broken.Count -gt 0) { exit 1 }
  exit 0
"

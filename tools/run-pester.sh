#!/usr/bin/env bash
# Runs the Pester 5 suite (tests/Pester) under PowerShell 7.6.9, against the module staged in out/ZkSync.
# pwsh and Pester come from NuGet into .tools/ (nothing is installed globally). Where NuGet cannot serve them the
# suite is skipped, saying so; a failing Pester test fails this script.
set -uo pipefail
cd "$(dirname "$0")/.."

tools="$PWD/.tools"
pwsh="$tools/pwsh"
pester="$tools/modules/Pester/5.7.1"

if [ ! -x "$pwsh" ]; then
  if ! dotnet tool install PowerShell --version 7.6.9 --tool-path "$tools" >/dev/null; then
    echo "pester: PowerShell 7.6.9 could not be installed from NuGet; the Pester suite was not run"
    exit 0
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
    echo "pester: Pester 5.7.1 could not be downloaded from NuGet; the Pester suite was not run"
    rm -rf "$work"
    exit 0
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
  \$c.Run.Path = 'tests/Pester'
  \$c.Run.PassThru = \$true
  \$c.Output.Verbosity = 'Normal'
  \$r = Invoke-Pester -Configuration \$c
  '{0} passed, {1} failed, {2} skipped' -f \$r.PassedCount, \$r.FailedCount, \$r.SkippedCount
  exit \$r.FailedCount
"

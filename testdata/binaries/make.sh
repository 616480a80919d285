#!/usr/bin/env bash
# Builds the small PE test binaries that stand in for the SMS 2.0 site-server and
# logon-point binaries (Nt_logon.dll, Ccm.dll, Clicore.exe, ...).
#
# Usage:  testdata/binaries/make.sh [NAME VERSION]...
#
# For every NAME VERSION pair a tiny, dependency-free C# class library is built with
# the .NET SDK (Release, deterministic, no PDB) whose Win32 VS_VERSIONINFO resource
# carries FileVersion = ProductVersion = VERSION, and the DLL is copied to
# testdata/binaries/VERSION/NAME. NAME keeps its extension even when it is ".exe":
# only the version resource matters to SmsLint's PE version reader.
#
# Without arguments the full fixture set used by the tests is (re)built.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ "$#" -eq 0 ]; then
  set -- \
    Nt_logon.dll 2.0.1239.0 Nt_logon.dll 2.0.1239.62 Nt_logon.dll 2.0.1380.1000 \
    Nt_logon.dll 2.0.1380.1105 Nt_logon.dll 2.0.1493.2000 \
    Ccm.dll 2.0.1239.0 Ccm.dll 2.0.1239.64 Ccm.dll 2.0.1380.1000 Ccm.dll 2.0.1380.1125 \
    Ccm.dll 2.0.1493.2000 \
    Ccmbtldr.exe 2.0.1239.0 Ccmbtldr.exe 2.0.1239.64 Ccmbtldr.exe 2.0.1380.1000 \
    Ccmbtldr.exe 2.0.1380.1125 Ccmbtldr.exe 2.0.1493.2000 \
    Baseobj.dll 2.0.1380.1000 Baseobj.dll 2.0.1380.1101 Baseobj.dll 2.0.1493.2000 \
    Clicore.exe 2.0.1239.0 Clicore.exe 2.0.1380.1000 Clicore.exe 2.0.1380.1123 \
    Clicore.exe 2.0.91.7 Clicore.exe 2.0.1493.2000 Clicore.exe 2.0.1493.3242 \
    Boot32wn.exe 2.0.1380.1000 Boot32wn.exe 2.0.1493.2000 \
    Smsman.exe 2.0.1493.2000
fi

if [ $(( $# % 2 )) -ne 0 ]; then
  echo "make.sh: arguments must be NAME VERSION pairs" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work="$(mktemp -d "${TMPDIR:-/tmp}/smslint-pe.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Stop MSBuild from importing the props of any enclosing directory (e.g. a checkout
# under /tmp): the libraries must not inherit SmsLint's analyzer or package settings.
printf '<Project />\n' >"$work/Directory.Build.props"
printf '<Project />\n' >"$work/Directory.Build.targets"
printf '<Project />\n' >"$work/Directory.Packages.props"

projects=()
outputs=()
i=0
while [ "$#" -gt 0 ]; do
  name="$1" version="$2"
  shift 2
  if ! [[ "$version" =~ ^[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}\.[0-9]{1,5}$ ]]; then
    echo "make.sh: version '$version' is not four numeric fields" >&2
    exit 2
  fi
  if ! [[ "$name" =~ ^[A-Za-z0-9_]+\.[A-Za-z0-9]+$ ]]; then
    echo "make.sh: name '$name' must be BASE.EXT with letters, digits and underscores" >&2
    exit 2
  fi
  base="${name%.*}"
  dir="$work/p$i"
  mkdir -p "$dir"
  cat >"$dir/$base.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <AssemblyName>$base</AssemblyName>
    <RootNamespace>SmsLintFixture</RootNamespace>
    <Version>$version</Version>
    <FileVersion>$version</FileVersion>
    <AssemblyVersion>$version</AssemblyVersion>
    <InformationalVersion>$version</InformationalVersion>
    <IncludeSourceRevisionInInformationalVersion>false</IncludeSourceRevisionInInformationalVersion>
    <Company>SmsLint test fixture</Company>
    <Product>SmsLint test fixture ($name)</Product>
    <Deterministic>true</Deterministic>
    <Optimize>true</Optimize>
    <DebugType>none</DebugType>
    <DebugSymbols>false</DebugSymbols>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
    <ProduceReferenceAssembly>false</ProduceReferenceAssembly>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>disable</Nullable>
    <SatelliteResourceLanguages>en</SatelliteResourceLanguages>
    <EnableDefaultCompileItems>true</EnableDefaultCompileItems>
  </PropertyGroup>
</Project>
EOF
  printf 'namespace SmsLintFixture\n{\n    public static class Marker\n    {\n    }\n}\n' >"$dir/Marker.cs"
  projects+=("$dir/$base.csproj")
  outputs+=("$dir/bin/Release/net10.0/$base.dll|$here/$version/$name")
  i=$((i + 1))
done

# One solution so MSBuild restores once and builds the libraries in parallel.
(
  cd "$work"
  dotnet new sln -n fixtures --format sln >/dev/null
  dotnet sln fixtures.sln add "${projects[@]}" >/dev/null
  dotnet build fixtures.sln -c Release -nologo -v:q -p:ContinuousIntegrationBuild=true
)

for pair in "${outputs[@]}"; do
  src="${pair%%|*}" dst="${pair#*|}"
  mkdir -p "$(dirname "$dst")"
  cp "$src" "$dst"
  echo "$(stat -c %s "$dst") bytes  ${dst#"$here"/}"
done

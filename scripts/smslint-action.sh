#!/usr/bin/env bash
# The steps of the SmsLint GitHub Action (action.yml), kept in a script so that CI can run them
# without a GitHub runner: point the GITHUB_* variables at temporary files and read them back.
#
# Inputs (environment, as action.yml passes them):
#   INPUT_SNAPSHOT    snapshot folder or .zip (required), relative to the working directory
#   INPUT_FAIL_LEVEL  error | warning | note | none (default error)
#   INPUT_BASELINE    an earlier SmsLint SARIF log written by `smslint baseline` (optional)
#   INPUT_CONFIG      configuration file (optional; default smslint.yml at the snapshot root)
#   INPUT_CATEGORY    code scanning category (default smslint); keep it stable
#   SMSLINT           how to run SmsLint (default: smslint on PATH), e.g. "dotnet path/smslint.dll"
# GitHub's variables: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, RUNNER_TEMP.
#
# What it does: scans once, writing the GitHub-profile SARIF (suppressed results left out, paths
# prefixed with the snapshot's folder in the repository) to $RUNNER_TEMP/smslint/<category>.sarif,
# appends a Markdown summary to $GITHUB_STEP_SUMMARY, writes the outputs sarif-file, exit-code,
# errors, warnings, notes, suppressed (and new, absent with a baseline) to $GITHUB_OUTPUT, and
# exits with SmsLint's exit code: 0 passed, 1 the gate failed, 2 usage or configuration error,
# 3 internal error.
set -uo pipefail

snapshot="${INPUT_SNAPSHOT:-}"
fail_level="${INPUT_FAIL_LEVEL:-error}"
baseline="${INPUT_BASELINE:-}"
config="${INPUT_CONFIG:-}"
category="${INPUT_CATEGORY:-smslint}"
output_file="${GITHUB_OUTPUT:-/dev/null}"
summary_file="${GITHUB_STEP_SUMMARY:-/dev/null}"
workspace="${GITHUB_WORKSPACE:-$PWD}"
read -r -a smslint <<<"${SMSLINT:-smslint}"

out() { printf '%s=%s\n' "$1" "$2" >>"$output_file"; }

fail_early() {
  # Usage problems found before SmsLint runs: same exit code and summary shape as SmsLint's own.
  echo "::error title=SmsLint::$1"
  printf '## SmsLint could not run\n\n%s\n' "$1" >>"$summary_file"
  out exit-code 2
  exit 2
}

[ -n "$snapshot" ] || fail_early "The input 'snapshot' is required: the folder of the captured snapshot."
if [ -f "$snapshot" ]; then
  case "$snapshot" in
    *.zip|*.ZIP|*.Zip) ;;
    *) fail_early "The snapshot '$snapshot' is a file but not a .zip: give the snapshot folder or a .zip of it." ;;
  esac
elif [ ! -d "$snapshot" ]; then
  fail_early "The snapshot '$snapshot' does not exist: give the snapshot folder or a .zip of it."
fi
case "$fail_level" in error|warning|note|none) ;; *) fail_early "The input 'fail-level' must be error, warning, note or none, not '$fail_level'." ;; esac
case "$category" in ''|*[!A-Za-z0-9._/-]*) fail_early "The input 'category' must be letters, digits, '.', '_', '-' and '/' only, not '$category'." ;; esac

work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/smslint"
mkdir -p "$work"
sarif="$work/${category//\//-}.sarif"
log="$work/${category//\//-}.log"
rm -f "$sarif"

args=(scan "$snapshot" --format sarif --sarif-profile github --output "$sarif"
      --fail-level "$fail_level" --category "$category" --summary "$summary_file")
# Paths in the uploaded SARIF must be relative to the repository root, so that code scanning
# shows the files: prefix them with the snapshot's folder when it lies inside the workspace. The
# files of a zip are not in the repository, so its paths stay relative to the archive's root.
if [ -d "$snapshot" ]; then abs_snapshot="$(cd "$snapshot" && pwd -P)"; else abs_snapshot=""; fi
abs_workspace="$(cd "$workspace" && pwd -P)"
case "$abs_snapshot/" in
  "$abs_workspace"/*) prefix="${abs_snapshot#"$abs_workspace"}"; prefix="${prefix#/}"
                      [ -z "$prefix" ] || args+=(--github-path-prefix "$prefix") ;;
esac
[ -z "$baseline" ] || args+=(--baseline "$baseline")
[ -z "$config" ] || args+=(--config "$config")

echo "smslint ${args[*]}"
"${smslint[@]}" "${args[@]}" 2>"$log"
rc=$?
cat "$log" >&2

# SmsLint prints one summary line, e.g.
#   "32 files scanned: 1 error, 4 warnings, 0 notes, 2 suppressed; against the baseline: 0 new, 3 absent."
line="$(grep -E '^[0-9]+ files scanned: ' "$log" | tail -n 1)"
count() { printf '%s' "$line" | grep -oE "[0-9]+ $1" | head -n 1 | grep -oE '^[0-9]+' || printf '0'; }
if [ -n "$line" ]; then
  out errors "$(count 'errors?')"
  out warnings "$(count 'warnings?')"
  out notes "$(count 'notes?')"
  out suppressed "$(count suppressed)"
  if [ -n "$baseline" ]; then
    out new "$(count new)"
    out absent "$(count absent)"
  fi
fi

if [ -s "$sarif" ]; then
  out sarif-file "$sarif"
fi
out exit-code "$rc"

if [ "$rc" -ge 2 ]; then
  # SmsLint stopped before it could summarise: put its messages on the job page.
  {
    printf '## SmsLint could not run (exit %s)\n\n```text\n' "$rc"
    sed 's/```/` ` `/g' "$log"
    printf '```\n'
  } >>"$summary_file"
  echo "::error title=SmsLint::SmsLint exited with $rc; see the log above."
elif [ "$rc" -eq 1 ]; then
  echo "::error title=SmsLint::Findings at or above '$fail_level'${baseline:+ that are not in the baseline}; see the job summary and the code scanning alerts."
fi

exit "$rc"

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
#   INPUT_PLAN        true: also run `smslint plan` (implied by the next two)
#   INPUT_PLAN_UPGRADE  SITE=VERSION items separated by spaces, commas or new lines (optional)
#   INPUT_PLAN_TARGET   VERSION for every SMS 2.0 site below it (optional)
#   INPUT_PLAN_FAIL_ON  blocker | risk | none (default blocker)
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
plan="${INPUT_PLAN:-false}"
plan_upgrade="${INPUT_PLAN_UPGRADE:-}"
plan_target="${INPUT_PLAN_TARGET:-}"
plan_fail_on="${INPUT_PLAN_FAIL_ON:-blocker}"
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
case "$plan_fail_on" in blocker|risk|none) ;; *) fail_early "The input 'plan-fail-on' must be blocker, risk or none, not '$plan_fail_on'." ;; esac
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

# The upgrade plan (contract §6): its SARIF (SMS7xxx readiness results) goes to a second code
# scanning category, "<category>-plan"; its Markdown joins the job summary. The job fails when
# either the scan or the plan does (the higher exit code wins).
if [ "$plan" = "true" ] || [ -n "$plan_upgrade" ] || [ -n "$plan_target" ]; then
  plan_sarif="$work/${category//\//-}-plan.sarif"
  plan_log="$work/${category//\//-}-plan.log"
  rm -f "$plan_sarif"
  plan_args=(plan "$snapshot" --format sarif --sarif-profile github --output "$plan_sarif"
             --fail-on "$plan_fail_on" --category "$category-plan" --summary "$summary_file")
  [ -z "${prefix:-}" ] || plan_args+=(--github-path-prefix "$prefix")
  [ -z "$config" ] || plan_args+=(--config "$config")
  [ -z "$plan_target" ] || plan_args+=(--target "$plan_target")
  for item in ${plan_upgrade//,/ }; do
    plan_args+=(--upgrade "$item")
  done
  echo "smslint ${plan_args[*]}"
  "${smslint[@]}" "${plan_args[@]}" 2>"$plan_log"
  plan_rc=$?
  cat "$plan_log" >&2
  [ ! -s "$plan_sarif" ] || out plan-sarif-file "$plan_sarif"
  out plan-exit-code "$plan_rc"
  # "smslint plan: phase rollout; 2 upgrade(s), 11 checklist item(s), 4 not ready or unknown, 1 blocker(s), 0 predicted finding(s)."
  plan_line="$(grep -E '^smslint plan: ' "$plan_log" | tail -n 1)"
  if [ -n "$plan_line" ]; then
    out plan-blockers "$(printf '%s' "$plan_line" | grep -oE '[0-9]+ blocker' | grep -oE '^[0-9]+' || printf '0')"
  fi
  if [ "$plan_rc" -ge 2 ]; then
    {
      printf '## SmsLint plan could not run (exit %s)\n\n```text\n' "$plan_rc"
      sed 's/```/` ` `/g' "$plan_log"
      printf '```\n'
    } >>"$summary_file"
    echo "::error title=SmsLint plan::smslint plan exited with $plan_rc; see the log above."
  elif [ "$plan_rc" -eq 1 ]; then
    echo "::error title=SmsLint plan::The upgrade plan has items at or above '$plan_fail_on'; see the job summary."
  fi
  [ "$plan_rc" -le "$rc" ] || rc=$plan_rc
fi

out exit-code "$rc"
exit "$rc"

#!/usr/bin/env bash
# End-to-end benchmark of SmsLint (issues 5 and 14): one command from a clean clone.
#
#   bash bench/run.sh [--files N] [--seed N] [--runs N] [--shapes dup,unique,many] [--unique]
#                     [--many-findings] [--no-scaling] [--keep]
#
# Builds Release, publishes the CLI (ReadyToRun when the toolchain allows it), generates
# deterministic synthetic snapshots in a temp folder outside the repository, and measures on the
# largest one of each shape (dup: the generator's default, where many files share content;
# unique: no two text files alike, --unique; many: every SMS 1.2 client stale, so about 18% of
# the files carry an SMS4001 finding, --many-findings), in the same run:
#   (a) SmsLint's full scan (published CLI, text output);
#   (b) the I/O floor: `cat` of every file the scan reads, through `xargs -P2`;
#   (c) ripgrep over the whole tree for 'CopyListVersion|GOTO|FILE SOURCE'.
# Then the start-up cost (scan of testdata/demo) and the scaling points. Caches cannot be dropped
# here, so every measurement is warm: one untimed run first, then --runs timed runs (median).
# Prints wall time, CPU time (user+sys) and peak RSS of each (GNU time), the ratios, and checks
# the finding counts of the injected defects against expected-findings.json.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

FILES=100000 SEED=1 RUNS=3 SCALING=1 KEEP=0 SHAPES="dup,unique,many"
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-scaling) SCALING=0; shift ;;
    --shapes) SHAPES=$2; shift 2 ;;
    --unique) SHAPES="unique"; shift ;;
    --many-findings) SHAPES="many"; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/smslint-bench.XXXXXX")"
cleanup() { if [ "$KEEP" = 0 ]; then rm -rf "$work"; else echo "kept $work"; fi; }
trap cleanup EXIT
say() { printf '\n==== %s\n' "$*"; }

# ---- tools ------------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# ---- build ------------------------------------------------------------------------------------
say "build (Release)"
cd "$repo"
dotnet build bench/SmsLint.Bench.Generator -c Release -nologo -clp:ErrorsOnly -v:q
dotnet build bench/SmsLint.Benchmarks -c Release -nologo -clp:ErrorsOnly -v:q
GEN=(dotnet "$repo/bench/SmsLint.Bench.Generator/bin/Release/net10.0/smslint-bench-gen.dll")
TOOL=(dotnet "$repo/bench/SmsLint.Benchmarks/bin/Release/net10.0/SmsLint.Benchmarks.dll")

CLI_MODE="ReadyToRun"
# ReadyToRun's intermediate images are not always redone when a referenced project changed since
# the last publish, and a stale image aborts at start-up: publish from a clean R2R folder.
rm -rf "$repo/src/SmsLint.Cli/obj/Release/net10.0/linux-x64"
if ! dotnet publish src/SmsLint.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
     -o "$work/cli" -nologo -clp:ErrorsOnly -v:q >"$work/publish.log" 2>&1; then
  echo "ReadyToRun publish failed (see below); falling back to the plain framework-dependent build" >&2
  tail -5 "$work/publish.log" >&2
  CLI_MODE="plain (ReadyToRun unavailable)"
  dotnet publish src/SmsLint.Cli -c Release -o "$work/cli" -nologo -clp:ErrorsOnly -v:q
fi
CLI="$work/cli/smslint"
[ -x "$CLI" ] || CLI="dotnet $work/cli/smslint.dll"
echo "CLI: $CLI_MODE, $CLI"

# ---- snapshots ----------------------------------------------------------------------------------
points=("$FILES")
if [ "$SCALING" = 1 ]; then points=(10000 25000 50000 "$FILES"); fi
points=($(printf '%s\n' "${points[@]}" | sort -n | uniq))
say "generate snapshots (seed $SEED): ${points[*]} files"
for n in "${points[@]}"; do
  "${GEN[@]}" --out "$work/s$n/snapshot" --files "$n" --seed "$SEED" | sed 's/^/  /'
done
IFS=, read -r -a shapes <<<"$SHAPES"
declare -A SHAPE_DIR
for shape in "${shapes[@]}"; do
  case "$shape" in
    dup) SHAPE_DIR[dup]="$work/s$FILES" ;;
    unique) "${GEN[@]}" --out "$work/unique/snapshot" --files "$FILES" --seed "$SEED" --unique | sed 's/^/  unique: /'; SHAPE_DIR[unique]="$work/unique" ;;
    many) "${GEN[@]}" --out "$work/many/snapshot" --files "$FILES" --seed "$SEED" --stale-clients 100 | sed 's/^/  many: /'; SHAPE_DIR[many]="$work/many" ;;
    *) echo "run.sh: unknown shape '$shape' (dup, unique, many)" >&2; exit 2 ;;
  esac
done

# ---- measuring --------------------------------------------------------------------------------
# measure KEY LABEL RUNS CMD...: one untimed warm-up run, then RUNS timed runs; prints and records
# (under KEY) the median wall (s), median CPU user+sys (s) and median peak RSS (KB).
declare -A WALL CPU RSS
measure() {
  local name=$1 label=$2 runs=$3; shift 3
  "$@" >/dev/null 2>&1 || true
  local walls=() cpus=() rsss=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -o "$work/time.txt" -f '%U %S %M' "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    read -r u s m <"$work/time.txt" || true
    walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')")
    cpus+=("$(awk -v a="$u" -v b="$s" 'BEGIN{printf "%.2f", a+b}')")
    rsss+=("$m")
  done
  med() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
  WALL[$name]=$(med "${walls[@]}"); CPU[$name]=$(med "${cpus[@]}"); RSS[$name]=$(med "${rsss[@]}")
  printf '  %-44s wall %8.3f s   cpu %8.2f s   peak RSS %8.1f MB   (walls: %s)\n' \
    "$label" "${WALL[$name]}" "${CPU[$name]}" "$(awk -v k="${RSS[$name]}" 'BEGIN{print k/1024}')" "${walls[*]}"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# One shape: (a)-(d) on its snapshot, recorded under KEY_<shape>.
declare -A NFILES NREAD BREAD BALL
measure_shape() {
  local shape=$1 snap="${SHAPE_DIR[$1]}/snapshot"
  # (b) needs the list of files the scan reads: SmsLint's own classifier decides it.
  "${TOOL[@]}" readlist "$snap" >"$work/readlist-$shape"
  NREAD[$shape]=$(tr -cd '\0' <"$work/readlist-$shape" | wc -c)
  BREAD[$shape]=$(cd "$snap" && xargs -0 -n 5000 stat -c %s <"$work/readlist-$shape" | awk '{s+=$1} END{print s}')
  NFILES[$shape]=$(find "$snap" -type f | wc -l)
  BALL[$shape]=$(find "$snap" -type f -printf '%s\n' | awk '{s+=$1} END{print s}')
  say "shape $shape: $(printf "%'d" "${NFILES[$shape]}") files ($RUNS timed runs each after a warm-up; medians)"
  measure "a_$shape" "(a) smslint scan" "$RUNS" $CLI scan "$snap" --format text --fail-level none
  measure "b_$shape" "(b) read floor: cat via xargs -P2" "$RUNS" bash -c "cd '$snap' && xargs -0 -P2 -n 2000 cat <'$work/readlist-$shape' >/dev/null"
  measure "c_$shape" "(c) rg 'CopyListVersion|GOTO|FILE SOURCE'" "$RUNS" rg -c 'CopyListVersion|GOTO|FILE SOURCE' "$snap"
  # Listing every folder and stat-ing every file, which the scan's discovery has to do before it
  # reads anything and which (b) leaves out; the floor of issue 14 is (b)+(d).
  measure "d_$shape" "(d) walk only: find -type f -printf %s" "$RUNS" find "$snap" -type f -printf '%s\n'
}
for shape in "${shapes[@]}"; do measure_shape "$shape"; done

# --threads scaling (issue 14.5) on the first shape, and where the time and memory of one scan go
# (SMSLINT_PHASES: each phase's wall time and the heap at its start; the GC's collections and pause).
first_shape=${shapes[0]}
say "threads: --threads 1 vs --threads 2 on shape $first_shape"
measure "t1" "scan --threads 1" "$RUNS" $CLI scan "${SHAPE_DIR[$first_shape]}/snapshot" --format text --fail-level none --threads 1
measure "t2" "scan --threads 2" "$RUNS" $CLI scan "${SHAPE_DIR[$first_shape]}/snapshot" --format text --fail-level none --threads 2
for shape in "${shapes[@]}"; do
  say "phases of one scan, shape $shape (SMSLINT_PHASES=1)"
  SMSLINT_PHASES=1 $CLI scan "${SHAPE_DIR[$shape]}/snapshot" --format text --fail-level none 2>&1 >/dev/null | grep '^smslint: \(phase\|gc\|rule\)' | sed 's/^smslint: /  /' || true
done

say "start-up: scan of testdata/demo (7 runs after a warm-up)"
measure demo "demo scan" 7 $CLI scan "$repo/testdata/demo" --format text --fail-level none
# What ReadyToRun left to the JIT at start-up (issue 14.7), and the phases of the demo scan.
SMSLINT_JIT_REPORT=1 SMSLINT_PHASES=1 $CLI scan "$repo/testdata/demo" --format text --fail-level none 2>&1 >/dev/null | grep '^smslint: \(jit\|phase\)' | sed 's/^smslint: /  /' || true

if [ "$SCALING" = 1 ]; then
  say "scaling"
  for n in "${points[@]}"; do
    measure "n$n" "scan $n files" "$RUNS" $CLI scan "$work/s$n/snapshot" --format text --fail-level none
  done
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- findings check -----------------------------------------------------------------------------
status=0
for shape in "${shapes[@]}"; do
  say "shape $shape: injected defects vs findings (rules of the injection table only)"
  snap="${SHAPE_DIR[$shape]}/snapshot"
  $CLI scan "$snap" --format text --fail-level none >"$work/scan-$shape.txt" 2>"$work/scan-$shape.err" || true
  expected_json="${SHAPE_DIR[$shape]}/expected-findings.json"
  rules=$(sed -n '/"findings": {/,/}/p' "$expected_json" | grep -oE '"SMS[0-9]+": [0-9]+' | tr -d '" ')
  for pair in $rules; do
    rule=${pair%%:*}; want=${pair##*:}
    got=$(grep -cE "^[^ ].*\[$rule\]\$" "$work/scan-$shape.txt" || true)
    if [ "$got" = "$want" ]; then mark=ok; else mark=MISMATCH; status=1; fi
    printf '  %-8s expected %5s  found %5s  %s\n' "$rule" "$want" "$got" "$mark"
  done
  others=$(grep -oE '\[SMS[0-9]+\]$' "$work/scan-$shape.txt" | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}')
  echo "  all findings by rule (background of the mixed-version hierarchy included): ${others%, }"
  tail -1 "$work/scan-$shape.err" | sed 's/^/  /'
done

# ---- summary ------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }
say "summary"
echo "  machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, load average before/after: $load_before / $load_after"
echo "  CLI: $CLI_MODE"
for shape in "${shapes[@]}"; do
  echo "  shape $shape: $(printf "%'d" "${NFILES[$shape]}") files, $(awk -v b="${BALL[$shape]}" 'BEGIN{printf "%.1f MB", b/1e6}'); the scan reads $(printf "%'d" "${NREAD[$shape]}") of them, $(awk -v b="${BREAD[$shape]}" 'BEGIN{printf "%.1f MB", b/1e6}')"
  printf '    %-10s %10s %10s %12s\n' "" "wall s" "cpu s" "peak RSS MB"
  for k in a b c d; do
    printf '    %-10s %10.3f %10.2f %12.1f\n' "($k)" "${WALL[${k}_$shape]}" "${CPU[${k}_$shape]}" "$(awk -v k="${RSS[${k}_$shape]}" 'BEGIN{print k/1024}')"
  done
  a="${WALL[a_$shape]}"; b="${WALL[b_$shape]}"; c="${WALL[c_$shape]}"; d="${WALL[d_$shape]}"
  floor=$(awk -v b="$b" -v d="$d" 'BEGIN{printf "%.3f", b+d}')
  echo "    ratio a/c (scan / ripgrep, wall):              $(ratio "$a" "$c")   target <= 1.5   (CPU: $(ratio "${CPU[a_$shape]}" "${CPU[c_$shape]}"))"
  echo "    ratio a/(b+d) (scan / read floor + walk, wall): $(ratio "$a" "$floor")   target <= 2     (b+d = $floor s)"
  echo "    ratio a/b (scan / read floor alone, wall):      $(ratio "$a" "$b")"
  echo "    peak RSS of the scan: $(awk -v k="${RSS[a_$shape]}" 'BEGIN{printf "%.1f", k/1024}') MB   target <= 250 at 100,000 files"
done
echo "  start-up (demo scan, median wall): $(awk -v w="${WALL[demo]}" 'BEGIN{printf "%.0f", w*1000}') ms   target <= 150"
echo "  threads (shape $first_shape): --threads 1 ${WALL[t1]} s, --threads 2 ${WALL[t2]} s, speed-up $(ratio "${WALL[t1]}" "${WALL[t2]}")   target >= 1.6"
if [ "$SCALING" = 1 ]; then
  echo "  scaling (wall s / peak RSS MB / wall per 1,000 files):"
  for n in "${points[@]}"; do
    k="n$n"
    printf '    %8s files  %8.3f s  %8.1f MB  %6.3f s\n' "$n" "${WALL[$k]}" "$(awk -v r="${RSS[$k]}" 'BEGIN{print r/1024}')" "$(awk -v w="${WALL[$k]}" -v n="$n" 'BEGIN{print w/n*1000}')"
  done
fi
[ "$status" = 0 ] && echo "  findings check: ok" || echo "  findings check: MISMATCH (see above)"
exit "$status"

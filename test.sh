#!/usr/bin/env bash
# Installs what the tests need (network-lab packages when run as root), builds everything, runs every test project.
# Exits non-zero when anything fails. Prints a line per test project, then one closing line:
# "Tests: N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. Network lab tools (iproute2, iptables, ipset, BIRD 1.6, netcat). Only root can install them or use them.
if [ "$(id -u)" = 0 ]; then
  missing=()
  command -v ip >/dev/null || missing+=(iproute2)
  command -v iptables-save >/dev/null || missing+=(iptables)
  command -v ipset >/dev/null || missing+=(ipset)
  command -v bird >/dev/null || missing+=(bird)
  command -v nc >/dev/null || missing+=(netcat-openbsd)
  command -v nft >/dev/null || missing+=(nftables)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing ${missing[*]}"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/tmp/netdoctor-apt.log 2>&1 \
      || { echo "test.sh: apt-get failed:"; tail -20 /tmp/netdoctor-apt.log; }
  fi
else
  echo "test.sh: not root; network lab tests will skip"
fi

# 2. Build once.
dotnet build Engine.sln -c Release -nologo -v q || { echo "test.sh: build failed"; exit 1; }

# 3. Run every test project (benchmarks are not tests).
passed=0; failed=0; skipped=0; status=0; summary=()
results="$root/artifacts/test-results"; rm -rf "$results"; mkdir -p "$results"
for proj in tests/*/*.Tests.csproj; do
  name=$(basename "$proj" .csproj)
  log="$results/$name.log"
  echo "== $name"
  dotnet test "$proj" -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$log" | grep -E "^\s+(Failed|Skipped) |Error Message|^Total tests|^Test Run" 
  rc=${PIPESTATUS[0]}
  [ "$rc" = 0 ] || status=1
  # vstest's closing block: "Total tests: N" then "Passed: N", "Failed: N", "Skipped: N" (absent ones are zero).
  total=$(sed -nE 's/^Total tests: *([0-9]+).*/\1/p' "$log" | tail -1)
  p=$(sed -nE 's/^ +Passed: *([0-9]+).*/\1/p' "$log" | tail -1)
  f=$(sed -nE 's/^ +Failed: *([0-9]+).*/\1/p' "$log" | tail -1)
  s=$(sed -nE 's/^ +Skipped: *([0-9]+).*/\1/p' "$log" | tail -1)
  if [ -z "$total" ] || [ "$total" = 0 ]; then echo "test.sh: $name ran no tests or crashed (rc=$rc)"; tail -30 "$log"; status=1; fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  summary+=("$(printf '  %-34s %4d passed, %d failed, %d skipped%s' "$name:" "${p:-0}" "${f:-0}" "${s:-0}" "$([ "$rc" = 0 ] || echo "  (exit $rc, log: $log)")")")
done
echo "Tests by project:"
printf '%s\n' "${summary[@]}"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status

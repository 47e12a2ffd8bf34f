#!/usr/bin/env bash
# Captures real `ps -ef`, `ps auxww` and /proc/PID/cmdline output of a process that presents itself as kube-proxy
# (bash started with argv[0] = /usr/local/bin/kube-proxy running a script that sleeps), for the process-list parser fixtures.
# Only the process this script starts is signalled, by its pid and its child's pid.
set -euo pipefail
out="${1:-$(dirname "$0")/Fixtures}"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then
    for child in $(cat "/proc/$pid/task/"*/children 2>/dev/null); do kill "$child" 2>/dev/null || true; done
    kill "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

printf '#!/bin/bash\nsleep 300\n' > "$work/nd-proxy.sh"
( exec -a /usr/local/bin/kube-proxy bash "$work/nd-proxy.sh" --proxy-mode=ipvs --kubeconfig=/etc/kubernetes/kube-proxy.kubeconfig \
    --hostname-override 10.19.136.10 --masquerade-all=false --v=2 ) &
pid=$!
sleep 1
mkdir -p "$out"
ps -ef | awk -v p="$pid" 'NR == 1 || $2 == p' > "$out/real-ps-ef.txt"
ps auxww | awk -v p="$pid" 'NR == 1 || $2 == p' > "$out/real-ps-auxww.txt"
ps -ww -eo pid,args | awk -v p="$pid" 'NR == 1 || $1 == p' > "$out/real-ps-eo-pid-args.txt"
{ cat "/proc/$pid/cmdline"; echo; } > "$out/real-proc-cmdline.txt"
echo "captured pid $pid into $out"

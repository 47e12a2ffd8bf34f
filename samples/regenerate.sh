#!/usr/bin/env bash
# Rebuilds every sample in this folder from the network lab's scenarios (tests/NetDoctor.Lab.Tests/Scenarios):
# each scenario is built in fresh network namespaces, its broken state is captured, the namespaces are removed.
# Needs root (namespaces, iptables) and iproute2 iptables ipset nftables bird netcat-openbsd.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "regenerate.sh: needs root (network namespaces)" >&2; exit 2; }
filter="FullyQualifiedName~SampleRegenerationTests"
[ $# -gt 0 ] && filter="$filter&DisplayName~$1"
ND_REGENERATE_SAMPLES=1 dotnet test "$root/tests/NetDoctor.Lab.Tests" -c Release -nologo --filter "$filter" --logger "console;verbosity=normal"

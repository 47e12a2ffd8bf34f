#!/usr/bin/env bash
# Rebuilds the samples in this folder from the network lab's scenarios (tests/NetDoctor.Lab.Tests/Scenarios):
# each scenario is built in fresh network namespaces, its broken state is collected, the namespaces are removed.
# Usage: samples/regenerate.sh [part-of-a-sample-name]
# Needs root (namespaces, iptables) and iproute2 iptables ipset nftables bird netcat-openbsd.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ "$(id -u)" = 0 ] || { echo "regenerate.sh: needs root (network namespaces)" >&2; exit 2; }
ND_REGENERATE_SAMPLES=1 ND_SAMPLE="${1:-}" dotnet test "$root/tests/NetDoctor.Lab.Tests" -c Release -nologo \
  --filter "FullyQualifiedName~SampleRegenerationTests" --logger "console;verbosity=normal"

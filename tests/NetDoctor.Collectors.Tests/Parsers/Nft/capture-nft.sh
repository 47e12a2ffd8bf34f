#!/usr/bin/env bash
# Captures the nftables fixtures for real: programs each ruleset in Fixtures/programs into a network namespace of its own
# (nd-nft-<pid>, deleted again on exit, also on failure) with `nft -f`, and saves what `nft list ruleset` prints there.
# Never touches the host's own interfaces, routes or firewall: every nft command runs under `ip netns exec`.
# Needs root and nftables. Usage: sudo ./capture-nft.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/Fixtures"
ns="nd-nft-$$"
ip netns add "$ns"
trap 'ip netns del "$ns" 2>/dev/null || true' EXIT
capture() { # name, program text
  ip netns exec "$ns" nft flush ruleset
  printf '%s\n' "$2" | ip netns exec "$ns" nft -f -
  ip netns exec "$ns" nft list ruleset > "$out/$1"
  echo "captured $1 ($(wc -l < "$out/$1") lines)"
}
kp="$(cat "$here/Fixtures/programs/kube-proxy-nftables.nft.in")"
with="${kp//@MASQ_RULE_KUBERNETES@/add rule ip kube-proxy service-2QRHZV4L-default/kubernetes/tcp/https ip daddr 10.20.0.1 tcp dport 443 ip saddr != 172.16.128.0/17 jump mark-for-masquerade}"
with="${with//@MASQ_RULE_DNS@/add rule ip kube-proxy service-FY5PMXPG-kube-system/kube-dns/udp/dns ip daddr 10.20.0.10 udp dport 53 ip saddr != 172.16.128.0/17 jump mark-for-masquerade}"
detour="${kp//@MASQ_RULE_KUBERNETES@/add rule ip kube-proxy service-2QRHZV4L-default/kubernetes/tcp/https ip daddr 10.20.0.1 tcp dport 443 ip saddr != 10.20.0.0/16 jump mark-for-masquerade}"
detour="${detour//@MASQ_RULE_DNS@/add rule ip kube-proxy service-FY5PMXPG-kube-system/kube-dns/udp/dns ip daddr 10.20.0.10 udp dport 53 ip saddr != 10.20.0.0/16 jump mark-for-masquerade}"
without="${kp//@MASQ_RULE_KUBERNETES@/}"
without="${without//@MASQ_RULE_DNS@/}"
capture kube-proxy-nftables-cluster-cidr.txt "$with"
capture kube-proxy-nftables-no-cluster-cidr.txt "$without"
capture kube-proxy-nftables-service-cidr.txt "$detour"
capture calico-nftables.txt "$(cat "$here/Fixtures/programs/calico-nftables.nft")"

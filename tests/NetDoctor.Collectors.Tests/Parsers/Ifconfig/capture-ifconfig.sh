#!/usr/bin/env bash
# Regenerates Fixtures/lab-ifconfig-a.txt: `ifconfig -a` (net-tools) of a tiny "node" built in a private network
# namespace — an uplink with IPv4, IPv6 and an alias label, a Docker-style bridge, a Calico-style veth, a down
# interface without an address and kube-ipvs0's ClusterIP. Touches nothing outside its namespaces; they are removed on exit.
# Needs root and: iproute2 net-tools.   Usage: sudo ./capture-ifconfig.sh [OUTPUT_FILE]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/Fixtures/lab-ifconfig-a.txt}"
id="nd$(head -c2 /dev/urandom | od -An -tx1 | tr -d ' \n')"
node="$id-node" peer="$id-peer"
cleanup() { for ns in "$node" "$peer"; do ip netns del "$ns" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
in_node() { ip netns exec "$node" "$@"; }

ip netns add "$node"
ip netns add "$peer"
in_node ip link set lo up
ip link add eth0 netns "$node" type veth peer name eth0 netns "$peer"
in_node ip link set eth0 address 52:54:00:e1:6c:16
in_node ip addr add 192.168.21.10/24 brd 192.168.21.255 dev eth0
in_node ip addr add 192.168.21.100/24 dev eth0 label eth0:1
in_node ip addr add fd00:21::10/64 dev eth0 nodad
in_node ip link set eth0 up
ip -n "$peer" link set eth0 up
in_node ip link add docker0 type bridge
in_node ip link set docker0 address 02:42:50:c7:7b:44
in_node ip addr add 172.17.0.1/16 brd 172.17.255.255 dev docker0
in_node ip link set docker0 up
in_node ip link add cali12d4a061371 type veth peer name cali-p0
in_node ip link set cali12d4a061371 mtu 1440 up
in_node ip link add vdown0 type veth peer name vdown1
in_node ip link add kube-ipvs0 type veth peer name ipvs0-p netns "$peer"
in_node ip addr add 10.96.0.1/32 dev kube-ipvs0
in_node ping -c 1 -W 1 192.168.21.10 >/dev/null 2>&1 || true

in_node ifconfig -a > "$out"
echo "wrote $out"

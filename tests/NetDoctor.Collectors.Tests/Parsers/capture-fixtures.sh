#!/usr/bin/env bash
# Regenerates the lab captures used as parser fixtures (files named lab-*).
# Builds a tiny "node" in private network namespaces (a node, a peer and a pod), programs
# Calico-like and kube-proxy-like iptables rules, ipsets, routes and policy rules there, and captures
# the real output of the tools. Touches nothing outside its own namespaces; they are removed on exit.
#
# Needs root and: iproute2 iptables ipset net-tools procps
#   apt-get install -y iproute2 iptables ipset net-tools procps
# Usage: sudo tests/NetDoctor.Collectors.Tests/Parsers/capture-fixtures.sh [OUTPUT_DIR]
# (OUTPUT_DIR defaults to this script's folder; files go to <Format>/Fixtures/ below it.)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
id="nd$(head -c2 /dev/urandom | od -An -tx1 | tr -d ' \n')"
node="$id-node" peer="$id-peer" pod="$id-pod"

cleanup() {
  for ns in "$node" "$peer" "$pod"; do ip netns del "$ns" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

in_node() { ip netns exec "$node" "$@"; }

ip netns add "$node"
ip netns add "$peer"
ip netns add "$pod"

# node eth0 <-> peer eth0 on the "host network" 192.168.21.0/24 (incident 000's subnet)
ip link add eth0 netns "$node" type veth peer name eth0 netns "$peer"
in_node ip addr add 192.168.21.10/24 dev eth0
in_node ip addr add fd00:21::10/64 dev eth0 nodad
in_node ip link set eth0 up
in_node ip link set lo up
ip -n "$peer" addr add 192.168.21.11/24 dev eth0
ip -n "$peer" link set eth0 up

# a pod behind a Calico-style veth (cali* on the node, /32 route with scope link)
ip link add cali12d4a061371 netns "$node" type veth peer name eth0 netns "$pod"
in_node ip link set cali12d4a061371 up
ip -n "$pod" addr add 192.168.236.10/32 dev eth0
ip -n "$pod" link set eth0 up
in_node ip route add 192.168.236.10 dev cali12d4a061371 scope link

# the stray interface of incident 001, kube-proxy's IPVS device and a tunnel-named link for BIRD-style routes.
# Container kernels often lack the dummy and ipip modules, so these are veths whose other end sits in the peer.
in_node ip link add stray0 type veth peer name stray0-p netns "$peer"
in_node ip addr add 192.188.1.1/24 dev stray0
in_node ip link set stray0 up
in_node ip link add kube-ipvs0 type veth peer name ipvs0-p netns "$peer"
in_node ip addr add 10.96.0.1/32 dev kube-ipvs0
in_node ip addr add 10.96.0.10/32 dev kube-ipvs0
in_node ip link add tunl0 type veth peer name tunl0-p netns "$peer"
in_node ip link set tunl0 mtu 1480 up
in_node ip addr add 192.168.236.0/32 dev tunl0
in_node ip link add docker0 type bridge
in_node ip addr add 172.17.0.1/16 dev docker0
in_node ip link add vxlan.calico type vxlan id 4096 dstport 4789 dev eth0
in_node ip link set vxlan.calico mtu 1450 up
# a veth whose peer is down: its routes are "linkdown"
in_node ip link add vdown0 type veth peer name vdown1
in_node ip addr add 10.99.0.1/24 dev vdown0
in_node ip link set vdown0 up

# routes: default via DHCP, BIRD routes, blackhole block, multipath, reject types, a second table
in_node ip route add default via 192.168.21.1 dev eth0 proto dhcp metric 100
in_node ip route add blackhole 192.168.236.0/26 proto bird
in_node ip route add 10.10.0.0/26 via 192.168.21.11 dev tunl0 proto bird onlink
in_node ip route add 10.20.0.0/16 proto static nexthop via 192.168.21.11 dev eth0 weight 1 nexthop via 192.168.21.12 dev eth0 weight 2
in_node ip route add unreachable 10.255.0.0/16
in_node ip route add prohibit 10.254.0.0/16 metric 5
in_node ip route add 10.30.0.0/16 via 192.168.21.11 table 100
in_node ip route add default via 192.168.21.11 dev eth0 table 100
in_node ip rule add fwmark 0x4000/0x4000 lookup 100 pref 1000
in_node ip rule add from 192.168.236.0/26 to 10.30.0.0/16 lookup 100 pref 1001
in_node ip rule add not iif eth0 lookup main pref 1002

# ipsets (Calico's pools, kube-proxy IPVS sets, a few other types)
in_node ipset create cali40masq-ipam-pools hash:net family inet hashsize 1024 maxelem 1048576
in_node ipset add cali40masq-ipam-pools 192.168.0.0/16
in_node ipset create cali40all-ipam-pools hash:net family inet hashsize 1024 maxelem 1048576
in_node ipset add cali40all-ipam-pools 192.168.0.0/16
in_node ipset add cali40all-ipam-pools 10.244.0.0/16 nomatch
in_node ipset create cali40all-hosts-net hash:net family inet comment
in_node ipset add cali40all-hosts-net 192.168.21.10 comment "k8s01"
in_node ipset add cali40all-hosts-net 192.168.21.11 comment "k8s02"
in_node ipset create KUBE-CLUSTER-IP hash:ip,port family inet hashsize 1024 maxelem 65536
in_node ipset add KUBE-CLUSTER-IP 10.96.0.1,tcp:443
in_node ipset add KUBE-CLUSTER-IP 10.96.0.10,udp:53
in_node ipset add KUBE-CLUSTER-IP 10.96.0.10,tcp:9153
in_node ipset create KUBE-LOOP-BACK hash:ip,port,ip family inet
in_node ipset add KUBE-LOOP-BACK 192.168.236.10,tcp:8080,192.168.236.10
in_node ipset create KUBE-NODE-PORT-TCP bitmap:port range 0-65535
in_node ipset add KUBE-NODE-PORT-TCP 30080
in_node ipset create nd-timeouts hash:ip timeout 600 counters
in_node ipset add nd-timeouts 10.1.2.3 timeout 300
in_node ipset create cali60all-ipam-pools hash:net family inet6
in_node ipset add cali60all-ipam-pools fd00:10::/64

rules() {
cat <<'RULES'
*raw
:PREROUTING ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A OUTPUT -d 10.96.0.0/12 -p udp -m udp --dport 53 -j CT --notrack
COMMIT
*mangle
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
-A PREROUTING -i cali+ -m comment --comment "cali:6MWuUqsVPzpSgE3L" -j MARK --set-xmark 0x1000000/0x1000000
-A PREROUTING -m statistic --mode nth --every 3 --packet 0 -j RETURN
COMMIT
*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SEP-6E7XQMQ4RAYOWTTM - [0:0]
:KUBE-SEP-ZXMNUKOKXUTL2MK2 - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-SVC-NPX46M4PTMTKRN6Y - [0:0]
:cali-POSTROUTING - [0:0]
:cali-nat-outgoing - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "cali:O3lYWMrLQYEMJtB5" -j cali-POSTROUTING
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A POSTROUTING -s 10.20.0.1/32 -j SNAT --to-source 192.168.21.10
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web:http" -m tcp --dport 30080 -j KUBE-SVC-NPX46M4PTMTKRN6Y
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SEP-6E7XQMQ4RAYOWTTM -s 192.168.21.11/32 -m comment --comment "default/kubernetes:https" -j KUBE-MARK-MASQ
-A KUBE-SEP-6E7XQMQ4RAYOWTTM -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 192.168.21.11:6443
-A KUBE-SEP-ZXMNUKOKXUTL2MK2 -s 192.168.21.12/32 -m comment --comment "default/kubernetes:https" -j KUBE-MARK-MASQ
-A KUBE-SEP-ZXMNUKOKXUTL2MK2 -p tcp -m comment --comment "default/kubernetes:https" -m tcp -j DNAT --to-destination 192.168.21.12:6443
-A KUBE-SERVICES ! -s 192.168.0.0/16 -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ
-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https -> 192.168.21.11:6443" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-6E7XQMQ4RAYOWTTM
-A KUBE-SVC-NPX46M4PTMTKRN6Y -m comment --comment "default/kubernetes:https -> 192.168.21.12:6443" -j KUBE-SEP-ZXMNUKOKXUTL2MK2
-A cali-POSTROUTING -m comment --comment "cali:Z-c7XtVd2Bq7s_hA" -j cali-nat-outgoing
-A cali-POSTROUTING -o tunl0 -m comment --comment "cali:SXwvdsbh4Mw7wOln" -m addrtype ! --src-type LOCAL --limit-iface-out -m addrtype --src-type LOCAL -j MASQUERADE --random-fully
-A cali-nat-outgoing -m comment --comment "cali:flqWnvo8yg4ULQLa" -m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst -j MASQUERADE --random-fully
COMMIT
*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [0:0]
:OUTPUT ACCEPT [0:0]
:KUBE-FIREWALL - [0:0]
:cali-FORWARD - [0:0]
:cali-INPUT - [0:0]
:cali-pri-kns.default - [0:0]
-A INPUT -j KUBE-FIREWALL
-A INPUT -m comment --comment "cali:Cz_u1IQiXIMmKD4c" -j cali-INPUT
-A INPUT -i lo -j ACCEPT
-A INPUT -p icmp -j ACCEPT
-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j LOG --log-prefix "nd syn: "
-A INPUT -p udp -m udp --dport 53 -j REJECT --reject-with icmp-port-unreachable
-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -m conntrack --ctstate INVALID -j DROP
-A FORWARD -m state --state NEW -g cali-FORWARD
-A FORWARD -i cali+ -o eth0 -j ACCEPT
-A KUBE-FIREWALL -m comment --comment "kubernetes firewall for dropping marked packets" -m mark --mark 0x8000/0x8000 -j DROP
-A cali-INPUT -p 4 -m comment --comment "cali:PajejrV4aFdkZojI" -m set --match-set cali40all-hosts-net src -m addrtype --dst-type LOCAL -j ACCEPT
-A cali-INPUT -p tcp -m multiport --dports 22,179,6443:6444 -j ACCEPT
-A cali-pri-kns.default -m comment --comment "cali:yVw1jR_AsGFo9Rpe" -j DROP
COMMIT
RULES
}

ip6rules() {
cat <<'RULES'
*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:cali-INPUT - [0:0]
-A INPUT -m comment --comment "cali:Cz_u1IQiXIMmKD4c" -j cali-INPUT
-A cali-INPUT -s fd00:21::/64 -p ipv6-icmp -j ACCEPT
-A cali-INPUT ! -i eth0 -d fd00:10::/64 -j DROP
COMMIT
RULES
}

rules | in_node iptables-legacy-restore
rules | in_node iptables-nft-restore
ip6rules | in_node ip6tables-legacy-restore

# some traffic so that counters are not all zero
in_node ping -c 2 -W 1 192.168.21.11 >/dev/null 2>&1 || true
in_node ping -c 1 -W 1 192.168.236.10 >/dev/null 2>&1 || true

mkdir -p "$out"/{Iptables,Ipset,Ip,RouteN,Sysctl}/Fixtures
in_node iptables-legacy-save -c >"$out/Iptables/Fixtures/lab-legacy-save.txt"
in_node iptables-nft-save -c 2>/dev/null >"$out/Iptables/Fixtures/lab-nft-save.txt"
in_node ip6tables-legacy-save -c >"$out/Iptables/Fixtures/lab-ip6tables-save.txt"
in_node iptables-legacy -t nat -S >"$out/Iptables/Fixtures/lab-legacy-S-nat.txt"
in_node iptables-legacy -t filter -L -n -v --line-numbers >"$out/Iptables/Fixtures/lab-legacy-L-filter.txt"

in_node ipset list >"$out/Ipset/Fixtures/lab-ipset-list.txt"
in_node ipset save >"$out/Ipset/Fixtures/lab-ipset-save.txt"

in_node ip route show table all >"$out/Ip/Fixtures/lab-ip-route.txt"
in_node ip -j route show table all >"$out/Ip/Fixtures/lab-ip-route.json"
in_node ip addr >"$out/Ip/Fixtures/lab-ip-addr.txt"
in_node ip -j addr >"$out/Ip/Fixtures/lab-ip-addr.json"
in_node ip -d link >"$out/Ip/Fixtures/lab-ip-link.txt"
in_node ip -j -d link >"$out/Ip/Fixtures/lab-ip-link.json"
in_node ip rule >"$out/Ip/Fixtures/lab-ip-rule.txt"
in_node ip -j rule >"$out/Ip/Fixtures/lab-ip-rule.json"

in_node route -n >"$out/RouteN/Fixtures/lab-route-n.txt"

# sysctl -a is thousands of lines; keep the routing- and netfilter-relevant ones.
in_node sysctl -a 2>/dev/null | grep -E '^net\.(ipv4\.(ip_forward|conf\.(all|default|eth0|tunl0)\.|tcp_(syn|keep))|ipv6\.conf\.(all|eth0)\.(forwarding|disable_ipv6)|bridge\.|netfilter\.nf_conntrack_(max|count|tcp_be_liberal))' \
  | head -n 300 >"$out/Sysctl/Fixtures/lab-sysctl.txt"

echo "captured into $out (namespaces $id-* removed on exit)"

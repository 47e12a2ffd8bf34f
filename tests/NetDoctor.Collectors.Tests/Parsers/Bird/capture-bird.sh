#!/usr/bin/env bash
# Captures real BIRD 1.6 `show protocols` output for the parser fixtures (run as root; needs the Debian `bird` package).
# Builds a private L2 segment (a bridge in its own namespace) with three "nodes" 10.2.7.200-202, each running BIRD
# with Calico's protocol naming (Mesh_<peer address with _>). Peers that exist reach Established; a stray address
# (192.188.1.1, as in incident 001) and an absent node (10.2.7.209) stay in Connect/Active; one session uses a wrong AS.
# The same mesh runs over IPv6 with bird6 (Calico names IPv6 peers "Mesh_fd00_2__201": ':' written as '_').
# Everything is created under unique names and removed on exit, whatever happens. Never touches the host's network.
set -euo pipefail
out="${1:-$(dirname "$0")/Fixtures}"
tag="nd$(head -c3 /dev/urandom | od -An -tx1 | tr -d ' \n')"
work="$(mktemp -d)"
hub="${tag}hub"
nodes=(a b c)
declare -A addr=([a]=10.2.7.200 [b]=10.2.7.201 [c]=10.2.7.202)
declare -A addr6=([a]=fd00:2::200 [b]=fd00:2::201 [c]=fd00:2::202)

cleanup() {
  for n in "${nodes[@]}"; do
    for f in "$work/$n.pid" "$work/$n.6.pid"; do
      if [[ -f "$f" ]]; then kill "$(cat "$f")" 2>/dev/null || true; fi
    done
  done
  sleep 0.5
  for n in "${nodes[@]}"; do ip netns del "${tag}$n" 2>/dev/null || true; done
  ip netns del "$hub" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$hub"
ip -n "$hub" link add br0 type bridge
ip -n "$hub" link set br0 up
for n in "${nodes[@]}"; do
  ns="${tag}$n"
  ip netns add "$ns"
  ip link add "${tag}$n" netns "$ns" type veth peer name "p$n" netns "$hub"
  ip -n "$ns" link set "${tag}$n" name eth0
  ip -n "$ns" addr add "${addr[$n]}/24" dev eth0
  ip -n "$ns" addr add "${addr6[$n]}/64" dev eth0 nodad
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
  ip -n "$hub" link set "p$n" master br0
  ip -n "$hub" link set "p$n" up
done

mesh() { # $1 = this node, rest = peer addresses
  local self="$1"; shift
  for peer in "$@"; do
    local name="Mesh_${peer//[.:]/_}"
    local as=64512
    # b's session to c uses a wrong AS, so c refuses it ("Bad peer AS").
    if [[ "$self" == b && "$peer" == 10.2.7.202 ]]; then as=64999; fi
    printf 'protocol bgp %s from bgp_template {\n  neighbor %s as %s;\n}\n' "$name" "$peer" "$as"
  done
}

for n in "${nodes[@]}"; do
  cat > "$work/$n.conf" <<CONF
router id ${addr[$n]};
protocol device { scan time 2; }
protocol direct { interface -"cali*", "*"; }
protocol kernel { learn; persist; scan time 2; import all; export none; graceful restart; }
template bgp bgp_template {
  local as 64512;
  multihop;
  gateway recursive;
  import all;
  export all;
  source address ${addr[$n]};
  graceful restart;
  connect delay time 1;
  connect retry time 3;
  error wait time 3,10;
}
CONF
done
mesh a 10.2.7.201 10.2.7.202 192.188.1.1 >> "$work/a.conf"
mesh b 10.2.7.200 10.2.7.202 >> "$work/b.conf"
mesh c 10.2.7.200 10.2.7.201 10.2.7.209 >> "$work/c.conf"

for n in "${nodes[@]}"; do
  cat > "$work/$n.6.conf" <<CONF
router id ${addr[$n]};
protocol device { scan time 2; }
protocol direct { interface -"cali*", "*"; }
protocol kernel { learn; persist; scan time 2; import all; export none; graceful restart; }
template bgp bgp_template {
  local as 64512;
  multihop;
  gateway recursive;
  import all;
  export all;
  source address ${addr6[$n]};
  graceful restart;
  connect delay time 1;
  connect retry time 3;
  error wait time 3,10;
}
CONF
done
mesh a fd00:2::201 fd00:2::202 fd00:99::1 >> "$work/a.6.conf"
mesh b fd00:2::200 fd00:2::202 >> "$work/b.6.conf"
mesh c fd00:2::200 fd00:2::201 >> "$work/c.6.conf"

for n in "${nodes[@]}"; do
  ip netns exec "${tag}$n" bird -c "$work/$n.conf" -s "$work/$n.ctl" -P "$work/$n.pid"
  ip netns exec "${tag}$n" bird6 -c "$work/$n.6.conf" -s "$work/$n.6.ctl" -P "$work/$n.6.pid"
done

# Sessions need a few seconds to reach Established; the absent peers never do.
sleep 12
mkdir -p "$out"
for n in "${nodes[@]}"; do
  birdc -s "$work/$n.ctl" show protocols > "$out/bird-protocols-${addr[$n]}.txt"
  birdc -s "$work/$n.ctl" show protocols all > "$out/bird-protocols-all-${addr[$n]}.txt"
done
birdc6 -s "$work/a.6.ctl" show protocols > "$out/bird6-protocols-${addr6[a]//:/_}.txt"
echo "captured into $out"

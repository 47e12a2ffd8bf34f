#!/usr/bin/env python3
"""Writes the wrapped-log fixtures of Fixtures/ from real plain log lines, byte for byte the way each runtime wraps them.

  containerd (CRI, pkg/cri/io/logger.go): "<time.RFC3339Nano in UTC> <stream> <P|F> <text>\n"; RFC3339Nano drops trailing
      zeros of the fraction. A line longer than max_container_log_line_size (16384 by default, a containerd setting)
      is cut into "P" pieces ended by an "F" piece.
  Docker json-file (daemon/logger/jsonfilelog): {"log":"<text>\n","stream":"<stream>","time":"<RFC3339Nano UTC>"};
      the text is escaped as encoding/json does, which also writes <, > and & as \\u003c, \\u003e, \\u0026.
  svlogd -tt (runit): "<UTC time as YYYY-MM-DD_HH:MM:SS.xxxxx> <text>\n", the time svlogd read the line.
  journalctl -o short-iso: "<%Y-%m-%dT%H:%M:%S%z> <host> <identifier>[<pid>]: <text>".

The times are the logged times plus the small delay with which a runtime reads a line (a fixed 187-411 us here).
Run from this folder: python3 wrap-logs.py
"""
import datetime as dt
import json
import re

FIX = "Fixtures/"
SAMPLES = "../../../../samples/"


def rfc3339nano(t: dt.datetime, nanos: int) -> str:
    frac = f"{t.microsecond * 1000 + nanos:09d}".rstrip("0")
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (("." + frac) if frac else "") + "Z"


def calico_time(line: str) -> dt.datetime:
    return dt.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S.%f")


def plain_lines(path: str):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and l.strip() not in ("...", "…")]


def cri(lines, stream, when, max_line=16384):
    out = []
    for i, line in enumerate(lines):
        # Each piece is stamped when containerd writes it: a microsecond or two apart.
        piece = 0
        stamp = lambda: rfc3339nano(when(line) + dt.timedelta(microseconds=187 + 7 * i + 2 * piece), 341 + i)
        data = line.encode()
        while len(data) > max_line:
            out.append(f"{stamp()} {stream} P {data[:max_line].decode()}")
            data = data[max_line:]
            piece += 1
        out.append(f"{stamp()} {stream} F {data.decode()}")
    return "\n".join(out) + "\n"


def docker_json(lines, stream, when):
    out = []
    for i, line in enumerate(lines):
        text = json.dumps(line + "\n", ensure_ascii=False)[1:-1]
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        stamp = rfc3339nano(when(line) + dt.timedelta(microseconds=123 + 11 * i), 456 + i)
        out.append(f'{{"log":"{text}","stream":"{stream}","time":"{stamp}"}}')
    return "\n".join(out) + "\n"


def svlogd_tt(lines, when):
    out = []
    for i, line in enumerate(lines):
        t = when(line) + dt.timedelta(microseconds=411 + 13 * i)
        out.append(t.strftime("%Y-%m-%d_%H:%M:%S.") + f"{t.microsecond // 10:05d} {line}")
    return "\n".join(out) + "\n"


def short_iso(entries, year):
    out = []
    for line in entries:
        m = re.match(r"^(\w{3} [ \d]\d \d\d:\d\d:\d\d) (\S+) (.*)$", line)
        t = dt.datetime.strptime(f"{year} {m.group(1)}", "%Y %b %d %H:%M:%S")
        out.append(t.strftime("%Y-%m-%dT%H:%M:%S+0000") + f" {m.group(2)} {m.group(3)}")
    return "\n".join(out) + "\n"


def klog_time(year):
    # klog: "E0927 02:46:21.189588 ..." has no year; the report's date gives it.
    return lambda line: dt.datetime.strptime(f"{year}{line[1:5]} {line[6:21]}", "%Y%m%d %H:%M:%S.%f") if re.match(r"^[IWEF]\d{4} ", line) else None


def write(name, text):
    with open(FIX + name, "w", encoding="utf-8") as f:
        f.write(text)


# calico-node of incident 003 (container calico-node, stdout), under containerd.
write("cri-calico-node-0.log", cri(plain_lines(FIX + "calico-node-7kvkf.log"), "stdout", calico_time))

# calico-kube-controllers of incident 000 under containerd with max_container_log_line_size = 128: long lines become P pieces.
write("cri-calico-kube-controllers-split-0.log",
      cri(plain_lines(SAMPLES + "incident-000-ippool-overlap/k8s-node01/calico-system/calico-kube-controllers-596576f79-j2pkg.log"),
          "stdout", calico_time, max_line=128))

# kube-proxy of kubernetes-retired/kubernetes-anywhere#232 (klog writes to stderr) under Docker's json-file driver.
proxy = plain_lines(FIX + "kube-proxy-bodsy.log")
first_klog = klog_time(2016)(proxy[1])
write("docker-kube-proxy-json.log", docker_json(proxy, "stderr", lambda l: klog_time(2016)(l) or first_klog))

# Felix of kubewharf/katalyst-core#616 as calico-node's runit keeps it: svlogd -tt into /var/log/calico/felix/current.
write("svlogd-felix-current", svlogd_tt(plain_lines(FIX + "felix-katalyst.log"), calico_time))

# The journal of kubernetes/kubernetes#12660 printed with -o short-iso instead of the default short format.
entries = [l for l in plain_lines(FIX + "journalctl-kube-proxy.txt") if not l.startswith("-- ")]
write("journalctl-short-iso-kube-proxy.txt", "-- Logs begin at Tue 2015-08-18 22:10:37 UTC, end at Tue 2015-08-18 22:14:09 UTC. --\n" + short_iso(entries, 2015))

# The Felix lines of the node-diags bundle fixture (incident 001's k8s02) as runit keeps them, for the end-to-end test
# that packs a `calicoctl node diags` tarball.
write("svlogd-node-diags-felix-current",
      svlogd_tt(plain_lines("../../Bundles/Fixtures/node-diags/diagnostics/logs/felix/current"), calico_time))

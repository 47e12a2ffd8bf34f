using NetDoctor.Collectors.Sniffing;
using NetDoctor.Collectors.Tests.Robustness;

namespace NetDoctor.Collectors.Tests.Parsers.Logs;

/// <summary>Each wrapped log is recognised by its content with the real catalog, under runtime names and under pasted names.</summary>
public class WrappedLogSniffTests
{
    [Theory]
    [InlineData("cri-calico-node-0.log", "var/log/pods/kube-system_calico-node-7kvkf_0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b/calico-node/0.log", "cri-log")]
    [InlineData("cri-calico-node-0.log", "k8s01/kube-system/calico-node-7kvkf.log", "cri-log")]
    [InlineData("cri-kube-router-paste.txt", "paste-2.txt", "cri-log")]
    [InlineData("cri-calico-kube-controllers-split-0.log", "controllers", "cri-log")]
    [InlineData("docker-kube-proxy-json.log", "var/lib/docker/containers/4f66ad9a0b2e/4f66ad9a0b2e-json.log", "docker-json-log")]
    [InlineData("docker-kube-proxy-json.log", "kube-proxy.txt", "docker-json-log")]
    [InlineData("svlogd-felix-current", "diagnostics/logs/felix/current", "svlogd-log")]
    [InlineData("svlogd-felix-current", "felix.txt", "svlogd-log")]
    [InlineData("journalctl-kube-proxy.txt", "paste-1.txt", "journalctl")]
    [InlineData("journalctl-kubelet.txt", "kubelet", "journalctl")]
    [InlineData("journalctl-zh-kube-proxy.txt", "proxy-logs", "journalctl")]
    [InlineData("journalctl-short-iso-kube-proxy.txt", "journal.log", "journalctl")]
    [InlineData("journalctl-apiserver-rbac.txt", "apiserver.txt", "journalctl")]
    [InlineData("journalctl-kube-proxy.txt", "diagnostics/journalctl_calico_node", "journalctl")]
    [InlineData("kube-apiserver-authn.log", "paste-4.txt", "container-log")]
    [InlineData("kube-proxy-bodsy.log", "paste-5.txt", "container-log")]
    public void Is_recognised_by_content(string fixture, string path, string kind)
    {
        var result = new FormatSniffer().Sniff(path, FormatSniffer.Head(FixtureFiles.Parser("Logs", fixture)));

        (fixture, result.Match?.Kind).ShouldBe((fixture, kind), result.DescribeCandidates(5));
    }
}

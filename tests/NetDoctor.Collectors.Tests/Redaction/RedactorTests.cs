using NetDoctor.Collectors.Redaction;

namespace NetDoctor.Collectors.Tests.Redaction;

public class RedactorTests
{
    // Realistic-looking but fake credentials.
    private const string Jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6IkRfTjNrQmV4In0.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";
    private const string KeyData = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBMGRm";

    [Fact]
    public void Kubeconfig_is_reduced_to_its_server_urls()
    {
        string kubeconfig = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - cluster:
                certificate-authority-data: {KeyData}
                server: https://192.168.21.10:6443
              name: kubernetes
            users:
            - name: kubernetes-admin
              user:
                client-certificate-data: {KeyData}
                client-key-data: {KeyData}
                token: {Jwt}
            """;

        var result = Redactor.Redact(kubeconfig);

        result.Text.ShouldContain("https://192.168.21.10:6443");
        result.Text.ShouldNotContain(KeyData);
        result.Text.ShouldNotContain(Jwt);
        result.Text.ShouldNotContain("kubernetes-admin");
        result.Count.ShouldBe(1);
    }

    [Fact]
    public void Pem_blocks_are_masked_and_the_surrounding_text_kept()
    {
        string text = "ca.crt: |\n-----BEGIN CERTIFICATE-----\nMIIC5zCCAc+gAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\n-----END CERTIFICATE-----\n" +
                      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0dfQ\nabc\n-----END RSA PRIVATE KEY-----\nnext 10.96.0.1\n";

        var result = Redactor.Redact(text);

        result.Text.ShouldNotContain("MIIC5zCCAc");
        result.Text.ShouldNotContain("MIIEowIBAAKCAQEA0dfQ");
        result.Text.ShouldContain("-----BEGIN RSA PRIVATE KEY-----");
        result.Text.ShouldContain("next 10.96.0.1");
        result.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("Authorization: Bearer abcdef0123456789abcdef")]
    [InlineData("curl -H 'Authorization: Bearer abcdef0123456789abcdef' https://10.96.0.1/api")]
    [InlineData("kube-apiserver --token=abcdef0123456789abcdef --advertise-address=192.168.56.3")]
    [InlineData("kubectl --token abcdef0123456789abcdef get pods")]
    [InlineData("etcd --peer-client-secret=abcdef0123456789abcdef")]
    [InlineData("env PASSWORD=abcdef0123456789abcdef DB_PASSWORD=abcdef0123456789abcdef")]
    [InlineData("AWS_SECRET_ACCESS_KEY=abcdef0123456789abcdef")]
    [InlineData("  token: abcdef0123456789abcdef")]
    [InlineData("{\"token\": \"abcdef0123456789abcdef\", \"server\": \"https://10.0.0.1\"}")]
    [InlineData("some-tool --password=abcdef0123456789abcdef")]
    public void Secrets_in_headers_flags_env_and_keys_are_masked(string line)
    {
        var result = Redactor.Redact(line);

        result.Text.ShouldNotContain("abcdef0123456789abcdef");
        result.Text.ShouldContain(Redactor.Mask);
        result.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Secret_environment_variables_in_pod_specs_are_masked_and_others_kept()
    {
        string pod = """
                env:
                - name: DATASTORE_TYPE
                  value: kubernetes
                - name: ETCD_PASSWORD
                  value: hunter2-very-secret
                - name: IP_AUTODETECTION_METHOD
                  value: interface=eth0
            """;

        var result = Redactor.Redact(pod);

        result.Text.ShouldNotContain("hunter2-very-secret");
        result.Text.ShouldContain("value: kubernetes");
        result.Text.ShouldContain("value: interface=eth0");
        result.Count.ShouldBe(1);
    }

    [Fact]
    public void Jwts_anywhere_are_masked()
    {
        var result = Redactor.Redact($"2024-06-12 05:53:08 [INFO] using token {Jwt} for 10.96.0.1:443");

        result.Text.ShouldNotContain(Jwt);
        result.Text.ShouldContain("10.96.0.1:443");
    }

    [Fact]
    public void Secret_object_data_is_masked_in_yaml_lists_and_json_but_keys_and_other_objects_stay()
    {
        string yaml = """
            apiVersion: v1
            items:
            - apiVersion: v1
              data:
                ca.crt: Y2EtY2VydGlmaWNhdGU=
                token: ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklr
              kind: Secret
              metadata:
                name: calico-node-token
            - apiVersion: v1
              data:
                cluster-cidr: 10.244.0.0/16
              kind: ConfigMap
            kind: List
            """;
        string json = """
            {
                "apiVersion": "v1",
                "kind": "Secret",
                "data": {
                    "password": "c3VwZXJzZWNyZXQ=",
                    "username": "YWRtaW4="
                },
                "metadata": {"name": "db"}
            }
            """;

        var y = Redactor.Redact(yaml);
        var j = Redactor.Redact(json);

        y.Text.ShouldNotContain("Y2EtY2VydGlmaWNhdGU=");
        y.Text.ShouldNotContain("ZXlKaGJHY2lPaUpTVXpJMU5pSXNJbXRwWkNJNklr");
        y.Text.ShouldContain("ca.crt: " + Redactor.Mask);
        y.Text.ShouldContain("cluster-cidr: 10.244.0.0/16");
        j.Text.ShouldNotContain("c3VwZXJzZWNyZXQ=");
        j.Text.ShouldNotContain("YWRtaW4=");
        j.Text.ShouldContain("\"username\": \"" + Redactor.Mask + "\"");
    }

    [Fact]
    public void Network_data_is_left_exactly_as_it_was()
    {
        string text = """
            # Generated by iptables-nft-save v1.8.9 (nf_tables) on Wed Jun 12 05:55:00 2024
            *nat
            :KUBE-SERVICES - [0:0]
            [0:0] -A KUBE-SERVICES ! -s 10.244.0.0/16 -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-MARK-MASQ
            [0:0] -A cali-nat-outgoing -m set --match-set cali40masq-ipam-pools src -m set ! --match-set cali40all-ipam-pools dst -j MASQUERADE --random-fully
            COMMIT
            default via 192.168.21.1 dev ens192 proto static metric 100
            inet6 fe80::250:56ff:fea1:2b3c/64 scope link
            Name: cali40all-ipam-pools
            192.168.0.0/16
            2939 kube-apiserver --advertise-address=192.168.56.3 --service-cluster-ip-range=10.96.0.0/12 --service-account-key-file=/etc/kubernetes/pki/sa.pub --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
            kube-proxy --cluster-cidr=10.244.0.0/16 --kubeconfig=/var/lib/kube-proxy/kubeconfig.conf
            net.ipv4.ip_forward = 1
            """;

        var result = Redactor.Redact(text);

        result.Count.ShouldBe(0);
        result.Text.ShouldBe(text);
    }
}

using NetDoctor.Collectors.Redaction;

namespace NetDoctor.Collectors.Tests.Redaction;

/// <summary>
/// Issue #13, defect 14: secrets the redactor used to miss. Each case plants one secret (the word PLANTED plus random-
/// looking material) where collect meets it — environment, URLs, container args, key files, logs — and checks it is
/// masked while the addresses around it stay.
/// </summary>
public class RedactionMissesTests
{
    private const string Secret = "PLANTED0s3cr3tV4lue9x";
    private const string KeyBase64 = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBMGRmUVBMQU5URUQ=";

    public static TheoryData<string, string> Plants => new()
    {
        { "env passphrase", $"env DB_PASSPHRASE={Secret} HOST=10.0.0.1" },
        { "env passphrase in the middle", $"GPG_PASSPHRASE_V2={Secret}" },
        { "env passwd", $"MYSQL_ROOT_PASSWD={Secret}" },
        { "env credential", $"AZURE_CLIENT_CREDENTIAL={Secret}" },
        { "env private key", $"SSH_PRIVATE_KEY_B64={Secret}" },
        { "env api key", $"DATADOG_API_KEY={Secret}" },
        { "env yaml passphrase", $"  - name: SIGNING_PASSPHRASE\n    value: {Secret}\n" },
        { "password in a url", $"dsn=postgres://admin:{Secret}@10.0.0.7:5432/app" },
        { "password in a url in yaml", $"  url: \"mysql://root:{Secret}@db.default.svc:3306\"" },
        { "password flag then value as yaml list items", $"    args:\n    - --advertise-address=10.0.0.1\n    - --password\n    - {Secret}\n" },
        { "token flag then value as json array items", $"\"args\": [\n  \"--token\",\n  \"{Secret}\"\n]" },
        { "ca.key in a configmap", $"data:\n  ca.key: {KeyBase64}\n  ca.crt: abc\n" },
        { "tls.key in json", $"{{\"tls.key\": \"{KeyBase64}\", \"server\": \"10.0.0.1\"}}" },
        { "pem with no end line", $"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA{Secret}\nMIIEowIBAAKCAQEA0dfQ\n" },
        { "pem with no end line, json-escaped", $"{{\"key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg{Secret}\\nMIIEowIBAAK\"}}" },
        { "curl -u in a log", $"2024-06-12 05:53:08 running curl -sk -u admin:{Secret} https://10.96.0.1:443/healthz" },
        { "curl --user= in a log", $"curl --user=admin:{Secret} https://10.96.0.1/" },
    };

    [Theory]
    [MemberData(nameof(Plants))]
    public void A_planted_secret_is_masked(string where, string text)
    {
        var result = Redactor.Redact(text);

        result.Text.ShouldNotContain("PLANTED", customMessage: where);
        result.Text.ShouldNotContain(KeyBase64, customMessage: where);
        result.Text.ShouldContain(Redactor.Mask, customMessage: where);
        result.Count.ShouldBeGreaterThan(0, where);
        foreach (var address in new[] { "10.0.0.1", "10.0.0.7:5432", "10.96.0.1" })
            if (text.Contains(address)) result.Text.ShouldContain(address, customMessage: where);
    }

    [Theory]
    [InlineData("  tolerations:\n  - key: CriticalAddonsOnly\n    operator: Exists\n  - key: node-role.kubernetes.io/control-plane\n")]
    [InlineData("kube-apiserver --service-account-key-file=/etc/kubernetes/pki/sa.pub --tls-private-key-file=/etc/kubernetes/pki/apiserver.key --etcd-servers=https://10.0.0.1:2379,https://10.0.0.2:2379")]
    [InlineData("TOKEN_FILE=/var/run/secrets/kubernetes.io/serviceaccount/token KUBERNETES_SERVICE_HOST=10.96.0.1")]
    [InlineData("docker run -u 1000:1000 -p 8080:80 nginx")]
    [InlineData("volumes:\n- secret\n- configMap\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\n<redacted>\n-----END CERTIFICATE-----\n")]
    public void What_only_looks_secret_is_left_alone(string text)
    {
        var result = Redactor.Redact(text);

        result.Text.ShouldBe(text);
        result.Count.ShouldBe(0);
    }
}

namespace NetDoctor.Facts;

/// <summary>
/// The address the cluster's configuration tells nodes and clients to reach the API server at (kubeadm
/// controlPlaneEndpoint, a k3s/RKE2 agent's server URL, kops masterPublicName).
/// </summary>
public sealed record ControlPlaneEndpoint : Fact
{
    /// <summary>As written: "10.100.0.1:6443", "https://k3s.example.com:6443", "api.minimal.example.com".</summary>
    public required string Text { get; init; }
    /// <summary>The host part (an address or a DNS name).</summary>
    public required string Host { get; init; }
    public int? Port { get; init; }
    public required string Origin { get; init; }

    public override string Summary => $"control plane endpoint {Text} ({Origin})";
}

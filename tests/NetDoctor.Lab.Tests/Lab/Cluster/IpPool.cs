namespace NetDoctor.Lab.Tests.Lab.Cluster;

/// <summary>A Calico IPPool as the scenario configures it (crd.projectcalico.org/v1 IPPool spec).</summary>
public sealed record IpPool(string Name, string Cidr, bool NatOutgoing = true, string IpipMode = "Never", string VxlanMode = "Never", int BlockSize = 26, bool Disabled = false);

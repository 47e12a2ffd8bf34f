namespace NetDoctor.Lab.Tests.Lab;

/// <summary>A veth pair: the cable between two namespaces (node-to-switch, or host side "cali…" to pod eth0).</summary>
public sealed record VethLink(LabHost A, string InterfaceA, LabHost B, string InterfaceB);

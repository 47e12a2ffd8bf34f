namespace NetDoctor.Lab.Tests.Lab.Calico;

/// <summary>A pod on a Calico node: its namespace (the pod's own network namespace in the lab), its /32 and the host-side cali veth.</summary>
public sealed record Workload(string PodNamespace, string PodName, string Address, string Interface, string Profile, LabHost Sandbox);

/// <summary>How a Calico profile chain is programmed: allow everything (a namespace profile exists), or the lone DROP Felix writes
/// when the profile it refers to does not exist.</summary>
public enum ProfileState { AllowAll, Missing }

namespace NetDoctor.Packs.Vetting.Reporters;

/// <summary>
/// SARIF's reportingDescriptor.name: a readable PascalCase identifier, distinct from the id (SARIF Multitool warns when
/// they are equal). "calico/ippool-overlaps-node-network" is named CalicoIppoolOverlapsNodeNetwork.
/// </summary>
public static class SarifNames
{
    public static string Pascal(string id) =>
        string.Concat(id.Split(['/', '-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}

namespace NetDoctor.Collectors.Sniffing;

/// <summary>
/// Whether a format describes one machine (its facts get the node of the folder they were found in)
/// or the cluster (kubectl objects: their facts have no node, wherever the file sat).
/// </summary>
public enum FactScope
{
    Node,
    Cluster,
}

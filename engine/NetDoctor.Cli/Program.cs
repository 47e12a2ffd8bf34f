using System.CommandLine;

// Composition root of the `netdoctor` command. Commands are added by the packs/CLI work; see CONTRACTS.md §2.
var root = new RootCommand("NetDoctor diagnoses Kubernetes pod and service networking failures from node and cluster facts.");
return root.Parse(args).Invoke();

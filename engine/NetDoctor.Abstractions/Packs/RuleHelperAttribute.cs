namespace NetDoctor.Packs;

/// <summary>
/// Marks a public static class of a C# pack whose public static methods YAML rule expressions may call by the class's
/// name, beside the built-in helpers Net, Text and Regex (the calico pack's <c>Calico.ChainName(prefix, name)</c>). Only
/// a trusted C# pack — built in, or loaded with --trust-csharp — contributes helpers; they join the sandbox of every
/// pack loaded with it, so keep them pure functions of their arguments.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RuleHelperAttribute : Attribute;

namespace NetDoctor.Collectors.Parsers.Iptables;

/// <summary>One "--option value..." of a match module, as token indexes and the text range it covers (with its '!').</summary>
internal readonly record struct ModuleOption(string Name, bool Negated, int FirstValue, int ValueCount, int TextStart, int TextEnd);

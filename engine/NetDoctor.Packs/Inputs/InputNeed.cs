namespace NetDoctor.Packs.Inputs;

/// <summary>
/// What a rule needs from the inputs to be evaluated at all, as a formula over collected fact types: every pattern of
/// the rule (<see cref="AllOf"/>), and for a derived fact type any one of the helper rules that can derive it
/// (<see cref="AnyOf"/>). <see cref="Missing"/> says which types stopped it, or null when the rule could be evaluated.
/// </summary>
public abstract record InputNeed
{
    /// <summary>Null when the need is met by the types <paramref name="present"/> accepts; else the type names that are missing (sorted).</summary>
    public IReadOnlyList<string>? Missing(Func<Type, bool> present)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        return Met(present, missing) ? null : missing.ToList();
    }

    internal abstract bool Met(Func<Type, bool> present, ISet<string> missing);

    /// <summary>Nothing to read: a collect (it matches an empty collection too), a helper's precedence `not:`.</summary>
    public static InputNeed Nothing { get; } = new AllOf([]);

    public static InputNeed All(IEnumerable<InputNeed> needs)
    {
        var parts = needs.SelectMany(n => n is AllOf all ? all.Parts : [n]).Distinct().ToList();
        return parts.Count == 1 ? parts[0] : new AllOf(parts);
    }

    public static InputNeed Any(IEnumerable<InputNeed> needs)
    {
        var parts = needs.Distinct().ToList();
        if (parts.Contains(Nothing)) return Nothing;
        return parts.Count == 1 ? parts[0] : new AnyOf(parts);
    }

    /// <summary>A collected fact type: met when the inputs hold at least one fact of it.</summary>
    public sealed record Read(Type Type) : InputNeed
    {
        internal override bool Met(Func<Type, bool> present, ISet<string> missing)
        {
            if (present(Type)) return true;
            missing.Add(Type.Name);
            return false;
        }

        public override string ToString() => Type.Name;
    }

    /// <summary>A derived fact type no enabled rule derives (its pack was disabled): never met.</summary>
    public sealed record NotDerived(Type Type) : InputNeed
    {
        internal override bool Met(Func<Type, bool> present, ISet<string> missing)
        {
            missing.Add(Type.Name);
            return false;
        }

        public override string ToString() => $"{Type.Name} (derived by no enabled rule)";
    }

    public sealed record AllOf(IReadOnlyList<InputNeed> Parts) : InputNeed
    {
        internal override bool Met(Func<Type, bool> present, ISet<string> missing)
        {
            bool met = true;
            foreach (var part in Parts) met &= part.Met(present, missing);
            return met;
        }

        public bool Equals(AllOf? other) => other is not null && Parts.SequenceEqual(other.Parts);

        public override int GetHashCode() => Parts.Aggregate(17, (h, p) => h * 31 + p.GetHashCode());

        /// <summary>"IptablesChain &amp; (IpPool | IpSetMember)": how `explain`-style output and test failures show a need.</summary>
        public override string ToString() => Parts.Count == 0 ? "nothing" : string.Join(" & ", Parts.Select(p => p is AnyOf ? $"({p})" : p.ToString()));
    }

    /// <summary>
    /// Met when one alternative is; when none is, the missing types of every alternative are named — except an
    /// alternative that misses more than another one does (IptablesChain alone, not IptablesChain and KubePod).
    /// </summary>
    public sealed record AnyOf(IReadOnlyList<InputNeed> Parts) : InputNeed
    {
        internal override bool Met(Func<Type, bool> present, ISet<string> missing)
        {
            var each = new List<SortedSet<string>>();
            foreach (var part in Parts)
            {
                var mine = new SortedSet<string>(StringComparer.Ordinal);
                if (part.Met(present, mine)) return true;
                each.Add(mine);
            }
            // An alternative that failed naming nothing (a cycle of helpers) is no way out, so it excuses nothing.
            foreach (var set in each.Where(set => !each.Any(other => other.Count > 0 && other.Count < set.Count && other.IsSubsetOf(set))))
                missing.UnionWith(set);
            return false;
        }

        public bool Equals(AnyOf? other) => other is not null && Parts.SequenceEqual(other.Parts);

        public override int GetHashCode() => Parts.Aggregate(19, (h, p) => h * 31 + p.GetHashCode());

        public override string ToString() => Parts.Count == 0 ? "never" : string.Join(" | ", Parts.Select(p => p is AllOf ? $"({p})" : p.ToString()));
    }
}

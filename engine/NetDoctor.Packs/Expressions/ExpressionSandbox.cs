using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Net;
using NetDoctor.Facts;
using NetDoctor.Packs.Expressions.Budget;
using NetDoctor.Packs.Expressions.Functions;
using NetDoctor.Packs.Model;
using NetDoctor.Packs.Timing;
using NetDoctor.Packs.Types;

namespace NetDoctor.Packs.Expressions;

/// <summary>
/// Parses rule expressions with System.Linq.Dynamic.Core over named parameters (one per binding in scope), inside a
/// sandbox: only catalog fact types, the Facts assembly's data types, IPAddress and the functions of the helper table
/// (<see cref="HelperFunctions"/>) can be named, <c>new</c> and the it/parent/root context keywords are off, and every parsed tree is checked by
/// <see cref="SandboxValidator"/>. Errors come back as <see cref="ExpressionError"/> in pack-author words.
/// </summary>
public sealed class ExpressionSandbox
{
    private readonly ParsingConfig _config;
    private readonly ParsingConfig _firstTry;
    private readonly FactTypeCatalog _catalog;
    private readonly Dictionary<string, Type> _knownTypes;
    // A set built once: the validator looks every member's declaring type up in it, for each of ~500 expressions.
    private readonly HashSet<Type> _dataTypes;

    public ExpressionSandbox(FactTypeCatalog catalog, ExpressionLimits? limits = null, HelperFunctions? functions = null)
    {
        _catalog = catalog;
        Limits = limits ?? ExpressionLimits.Default;
        Functions = functions ?? HelperFunctions.BuiltIn;
        var types = catalog.Types
            .Concat(Reachable(catalog.Types))
            .Concat(typeof(Fact).Assembly.GetExportedTypes().Where(t => !t.IsAbstract || t.IsSealed))
            .Concat([typeof(IPAddress), .. Functions.Classes])
            .Distinct()
            .ToList();
        _dataTypes = [.. types];
        _knownTypes = types.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _config = Config(types, systemEnums: true);
        _firstTry = Config(types, systemEnums: false);
    }

    /// <summary>
    /// The parser's settings. <paramref name="systemEnums"/> lets a name resolve to any public enum of the runtime's
    /// core assemblies ("StringComparison.Ordinal"), Dynamic LINQ's default; the first lookup of such a name makes the
    /// library load and scan every type of System.Private.CoreLib, System.Private.Xml and three more assemblies
    /// (~60 ms of a 0.6 s `run`), which no built-in rule needs. So <see cref="Parse"/> tries without them first.
    /// </summary>
    private static ParsingConfig Config(IReadOnlyCollection<Type> types, bool systemEnums)
    {
        var config = new ParsingConfig
        {
            CustomTypeProvider = new SandboxTypeProvider(types),
            AllowNewToEvaluateAnyType = false,
            DisallowNewKeyword = true,
            AreContextKeywordsEnabled = false,
            ResolveTypesBySimpleName = false,
            LoadAdditionalAssembliesFromCurrentDomainBaseDirectory = false,
            SupportCastingToFullyQualifiedTypeAsString = false,
            AllowEqualsAndToStringMethodsOnObject = true,
            PrioritizePropertyOrFieldOverTheType = true,
            IsCaseSensitive = true,
            SupportEnumerationsFromSystemNamespace = systemEnums,
        };
        // Rules are parsed on several threads at once (PendingRules). Each parse builds its own parser; what the
        // threads share is this config, whose promoter and analyzer are created on first use without a lock, and
        // the library's static caches (concurrent dictionaries). Creating both here leaves nothing to race on.
        _ = config.ExpressionPromoter;
        _ = config.QueryableAnalyzer;
        return config;
    }

    public FactTypeCatalog Catalog => _catalog;

    /// <summary>The simple names of every type an expression can name (fact and data types, helper classes).</summary>
    internal IEnumerable<string> TypeNames => _knownTypes.Keys;

    /// <summary>The helper functions expressions may call: the only way a helper class is reachable.</summary>
    public HelperFunctions Functions { get; }

    /// <summary>What one evaluation of a rule's expressions may cost; constant sizes over them are rejected at load.</summary>
    public ExpressionLimits Limits { get; }

    /// <summary>
    /// Parses <paramref name="text"/> as the body of a lambda over <paramref name="scope"/>. The result's body has its
    /// natural type (callers check it); the lambda has every scope parameter (callers trim to the used ones).
    /// </summary>
    public LambdaExpression Parse(IReadOnlyList<ParameterExpression> scope, string text)
    {
        LambdaExpression lambda;
        using var timing = PhaseTimings.Measure("dynamic linq parse");
        try
        {
            lambda = FirstTry(scope, text) ?? FullParse(scope, text);
        }
        catch (ParseException ex)
        {
            string message = Translate(ex.Message, scope, out string code, out string? name);
            int start = StartOf(name, text, ex.Position);
            if (name is not null && MemberOfChain(text, start, name, scope) is { } member) (message, code) = (member, DiagnosticCodes.TypeCheck);
            else if (message == ex.Message.TrimEnd('.')) message = $"cannot parse '{text}': {message}";
            throw new ExpressionError(message, start, code);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new ExpressionError(ex.Message, 0, DiagnosticCodes.TypeCheck);
        }
        if (SandboxValidator.Check(lambda.Body, _dataTypes, Functions, Limits, out string? near) is { } violation)
            throw new ExpressionError(violation, Locate(text, near), DiagnosticCodes.Sandbox);
        return lambda;
    }

    /// <summary>
    /// The parse without the runtime's enums (<see cref="Config"/>), or null when it fails; then the full parse decides,
    /// so an expression naming such an enum, and every error message, come out as they always did. A name resolves
    /// differently only when it is both one of those enums (compared ignoring case) and a fact type, helper class or
    /// inner lambda parameter of the same name, where the full parse took the runtime's enum: then the first try
    /// takes the sandbox's own (PackLoadTests checks that no built-in name is such a clash).
    /// </summary>
    private LambdaExpression? FirstTry(IReadOnlyList<ParameterExpression> scope, string text)
    {
        try
        {
            return DynamicExpressionParser.ParseLambda(_firstTry, scope.ToArray(), null, text);
        }
        catch (Exception ex) when (ex is ParseException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private LambdaExpression FullParse(IReadOnlyList<ParameterExpression> scope, string text)
    {
        // Counted apart: expressions that name a runtime enum, and every expression with an error, are parsed twice.
        using var timing = PhaseTimings.Measure("parse with enums");
        return DynamicExpressionParser.ParseLambda(_config, scope.ToArray(), null, text);
    }

    /// <summary>Where <paramref name="near"/> ("DateTimeOffset.Now", "PadLeft") is written in the expression; its start when not found.</summary>
    private static int Locate(string text, string? near)
    {
        if (near is null) return 0;
        int at = text.IndexOf(near, StringComparison.Ordinal);
        if (at >= 0) return at;
        string member = near[(near.LastIndexOf('.') + 1)..];
        at = text.IndexOf("." + member, StringComparison.Ordinal);
        return at >= 0 ? at + 1 : 0;
    }

    /// <summary>
    /// Types a rule reaches through fact fields (enums like RouteKind, nested records like NextHop, list elements),
    /// so expressions can name them ("r.Kind == RouteKind.Unicast"). BCL types are left to the allow-list.
    /// </summary>
    private static IEnumerable<Type> Reachable(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type)) continue;
            var members = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.PropertyType);
            foreach (var member in members.SelectMany(Unwrap))
                if (!seen.Contains(member) && !IsFramework(member)) queue.Enqueue(member);
        }
        return seen;
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.IsArray) return Unwrap(type.GetElementType()!);
        if (type.IsGenericType) return type.GetGenericArguments().SelectMany(Unwrap);
        return [type];
    }

    private static bool IsFramework(Type type) =>
        type.Assembly == typeof(object).Assembly || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true;

    /// <summary>Rewords Dynamic LINQ's messages the way a pack author thinks (fields, bindings) and adds a suggestion.</summary>
    private string Translate(string message, IReadOnlyList<ParameterExpression> scope, out string code, out string? located)
    {
        code = DiagnosticCodes.TypeCheck;
        located = null;
        var m = System.Text.RegularExpressions.Regex.Match(message, @"^No property or field '(?<name>[^']+)' exists in type '(?<type>[^']+)'");
        if (m.Success)
        {
            string type = m.Groups["type"].Value, name = m.Groups["name"].Value;
            var members = MembersOf(type, scope);
            return $"{type} has no field '{name}'" + DidYouMean.Hint(name, members);
        }
        m = System.Text.RegularExpressions.Regex.Match(message, @"^Unknown identifier '(?<name>[^']+)'");
        if (m.Success)
        {
            string name = m.Groups["name"].Value;
            var bindings = scope.Select(p => p.Name!).ToList();
            return $"unknown name '{name}'" + DidYouMean.Hint(name, bindings.Concat(_knownTypes.Keys))
                + (bindings.Count > 0 ? $"; bindings in scope: {string.Join(", ", bindings)}" : "");
        }
        m = System.Text.RegularExpressions.Regex.Match(message, @"^Type '(?<name>[^']+)' not found");
        if (m.Success)
        {
            string typeName = m.Groups["name"].Value;
            located = typeName;
            string first = typeName.Split('.')[0];
            if (char.IsLower(first[0]))
            {
                // "addr.Address" with no binding 'addr': Dynamic LINQ took it for a namespace-qualified type.
                located = first;
                var bindings = scope.Select(p => p.Name!).ToList();
                return $"unknown name '{first}'" + DidYouMean.Hint(first, bindings) + (bindings.Count > 0 ? $"; bindings in scope: {string.Join(", ", bindings)}" : "");
            }
            code = DiagnosticCodes.Sandbox;
            return $"'{typeName}' is not available in rule expressions: only bindings, fact types and the helpers {HelperNames()} can be used";
        }
        m = System.Text.RegularExpressions.Regex.Match(message, @"^Methods? '(?<name>[^']+)' on type '(?<type>[^']+)' (is|are) not accessible");
        if (m.Success)
        {
            code = DiagnosticCodes.Sandbox;
            string name = m.Groups["name"].Value;
            return name is "GetType" or "GetHashCode" or "MemberwiseClone"
                ? $"'{name}' is not allowed in rule expressions (no reflection)"
                : $"'{m.Groups["type"].Value}.{name}' is not available in rule expressions";
        }
        m = System.Text.RegularExpressions.Regex.Match(message, @"^No applicable (method|index|constructor) '?(?<name>[^' ]*)'? ?exists in type '(?<type>[^']+)'");
        if (m.Success)
        {
            string type = m.Groups["type"].Value, name = m.Groups["name"].Value;
            return $"{type} has no method '{name}' taking these arguments" + DidYouMean.Hint(name, MembersOf(type, scope));
        }
        return message.TrimEnd('.');
    }

    /// <summary>"Net, Text, Regex and Calico": the helper classes of the table, as a sentence.</summary>
    private string HelperNames()
    {
        var names = Functions.Classes.Select(c => c.Name).ToList();
        return names.Count <= 1 ? string.Join("", names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }

    /// <summary>
    /// "pool.Cidrr.IsIPv4": Dynamic LINQ, failing to find member Cidrr, reports a missing *type* "Cidrr.IsIPv4".
    /// When the name follows "chain.", type the chain and report the missing field of that type instead.
    /// </summary>
    private string? MemberOfChain(string text, int start, string name, IReadOnlyList<ParameterExpression> scope)
    {
        var chain = System.Text.RegularExpressions.Regex.Match(text[..start], @"([A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*)\.$");
        if (!chain.Success) return null;
        Type owner;
        try
        {
            owner = DynamicExpressionParser.ParseLambda(_config, scope.ToArray(), null, chain.Groups[1].Value).Body.Type;
        }
        catch (ParseException)
        {
            return null;
        }
        string member = name.Split('.')[0];
        return $"{owner.Name} has no field '{member}'" + DidYouMean.Hint(member, owner.GetProperties().Select(p => p.Name));
    }

    /// <summary>Dynamic LINQ points after a dotted name; authors want the column where the name starts.</summary>
    private static int StartOf(string? name, string text, int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        if (name is null) return position;
        int at = text.LastIndexOf(name, Math.Max(0, Math.Min(position, text.Length - 1)), StringComparison.Ordinal);
        return at >= 0 ? at : position;
    }

    private IEnumerable<string> MembersOf(string typeName, IReadOnlyList<ParameterExpression> scope)
    {
        var type = scope.Select(p => p.Type).FirstOrDefault(t => t.Name == typeName) ?? _knownTypes.GetValueOrDefault(typeName);
        if (type is null) return [];
        return type.GetProperties().Select(p => p.Name)
            .Concat(type.GetMethods().Where(mi => !mi.IsSpecialName && mi.DeclaringType != typeof(object)).Select(mi => mi.Name));
    }
}

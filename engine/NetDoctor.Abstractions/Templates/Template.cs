using System.Linq.Expressions;

namespace NetDoctor.Packs.Templates;

/// <summary>
/// A message or command template compiled at load time: literal text and `{{ expression }}` slots whose expressions
/// are type-checked against the rule's bindings. The action evaluates the slots and calls <see cref="Render"/>.
/// </summary>
public sealed class Template
{
    internal Template(string text, IReadOnlyList<TemplatePart> parts)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>A template without slots: text that was already rendered (a C# rule's interpolated string).</summary>
    public static Template Literal(string text) => new(text, [new TemplatePart.Literal(text)]);

    public string Text { get; }

    internal IReadOnlyList<TemplatePart> Parts { get; }

    /// <summary>The slot expressions, in order; <see cref="Render"/> takes their values in the same order.</summary>
    internal IEnumerable<Expression> Slots => Parts.OfType<TemplatePart.Slot>().Select(s => s.Body);

    internal int SlotCount => Parts.Count(p => p is TemplatePart.Slot);

    /// <summary>The same template with every slot expression rewritten (lets inlined); null when one cannot be.</summary>
    internal Template? MapSlots(Func<Expression, Expression?> map)
    {
        var parts = new List<TemplatePart>();
        foreach (var part in Parts)
        {
            if (part is not TemplatePart.Slot slot) parts.Add(part);
            else if (map(slot.Body) is { } body) parts.Add(new TemplatePart.Slot(body));
            else return null;
        }
        return new Template(Text, parts);
    }

    /// <summary>
    /// A template of one slot that renders the first of <paramref name="variants"/> whose condition holds (the
    /// `outcomes:` of a diagnose); <paramref name="fallback"/> when none does.
    /// </summary>
    internal static Template FirstOf(string text, IReadOnlyList<(Expression? When, Template Message)> variants, string fallback)
    {
        var render = typeof(Template).GetMethod(nameof(Render))!;
        Expression result = Expression.Constant(fallback);
        foreach (var (when, message) in variants.Reverse())
        {
            var values = Expression.NewArrayInit(typeof(object), message.Slots.Select(s => (Expression)Expression.Convert(s, typeof(object))));
            Expression rendered = Expression.Call(Expression.Constant(message), render, values, Expression.Constant(0));
            result = when is null ? rendered : Expression.Condition(when, rendered, result);
        }
        return new Template(text, [new TemplatePart.Slot(result)]);
    }

    /// <summary>Fills the slots with <paramref name="values"/> starting at <paramref name="offset"/>.</summary>
    public string Render(IReadOnlyList<object?> values, int offset = 0)
    {
        var text = new System.Text.StringBuilder();
        int next = offset;
        foreach (var part in Parts)
        {
            if (part is TemplatePart.Literal literal) text.Append(literal.Text);
            else text.Append(TemplateFormatter.Format(values[next++]));
        }
        return text.ToString();
    }

    public override string ToString() => Text;
}

internal abstract record TemplatePart
{
    public sealed record Literal(string Text) : TemplatePart;

    /// <summary>A compiled `{{ expr }}`; <see cref="Body"/> uses the rule's binding parameters.</summary>
    public sealed record Slot(Expression Body) : TemplatePart;
}

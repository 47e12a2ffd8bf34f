using NetDoctor.Engine.RuleModel;

namespace NetDoctor.Engine.Runtime;

/// <summary>The IContext handed to actions; one per session, pointing at the activation being fired.</summary>
internal sealed class ActionContext(Session session) : IContext
{
    private IReadOnlyList<BoundFact>? facts;

    public Activation Current { get; private set; } = null!;

    public RuleDefinition Rule => Current.Terminal.Rule;

    public IReadOnlyList<BoundFact> Facts => facts ??= Current.BindFacts();

    public void Enter(Activation activation)
    {
        Current = activation;
        facts = null;
    }

    public void Insert(object fact) => session.InsertFromAction(fact, Current, linked: false);

    public void InsertLinked(object fact) => session.InsertLinked(fact, Current);

    public void Update(object fact) => session.Update(fact);

    public void Retract(object fact) => session.Retract(fact);

    public void Halt() => session.Halt();
}

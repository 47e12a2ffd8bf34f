using System.Reflection;
using Xunit.Sdk;

namespace NetDoctor.Engine.Tests;

/// <summary>
/// Runs a <c>[Theory]</c> once per runtime: for behaviour that belongs to NRules' rule model rather than to how one
/// runtime is built, both must agree.
/// </summary>
public sealed class EnginesAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => Enum.GetValues<EngineKind>().Select(e => new object[] { e });
}

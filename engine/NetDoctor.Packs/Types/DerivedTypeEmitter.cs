using System.Reflection;
using System.Reflection.Emit;

namespace NetDoctor.Packs.Types;

/// <summary>
/// Emits a real CLR class for each declared derived fact type: `sealed class SnatExemptDestination : DerivedFact`
/// with a public get/set property per field. Real types (rather than dictionaries) let Dynamic LINQ type-check
/// `snat.Destination` like any other fact field, and let the engine's type nodes index them.
/// </summary>
public sealed class DerivedTypeEmitter
{
    private static readonly ConstructorInfo BaseConstructor =
        typeof(DerivedFact).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, [typeof(string), typeof(string)])!;

    private readonly ModuleBuilder _module;
    private int _counter;

    public DerivedTypeEmitter()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("NetDoctor.DerivedFacts." + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run);
        _module = assembly.DefineDynamicModule("DerivedFacts");
    }

    public Type Emit(string pack, string typeName, IReadOnlyList<(string Name, Type Type)> fields)
    {
        // The namespace keeps types of different loads apart; Type.Name stays what the author wrote, for messages.
        string ns = $"NetDoctor.Derived.L{Interlocked.Increment(ref _counter)}.{Sanitize(pack)}";
        var type = _module.DefineType($"{ns}.{typeName}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(DerivedFact));

        var ctor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, Type.EmptyTypes);
        var il = ctor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldstr, pack);
        il.Emit(OpCodes.Ldstr, typeName);
        il.Emit(OpCodes.Call, BaseConstructor);
        il.Emit(OpCodes.Ret);

        foreach (var (name, fieldType) in fields)
            DefineProperty(type, name, fieldType);
        return type.CreateType();
    }

    private static void DefineProperty(TypeBuilder type, string name, Type fieldType)
    {
        var field = type.DefineField("_" + name, fieldType, FieldAttributes.Private);
        var property = type.DefineProperty(name, PropertyAttributes.None, fieldType, null);
        const MethodAttributes accessor = MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig;

        var getter = type.DefineMethod("get_" + name, accessor, fieldType, Type.EmptyTypes);
        var g = getter.GetILGenerator();
        g.Emit(OpCodes.Ldarg_0);
        g.Emit(OpCodes.Ldfld, field);
        g.Emit(OpCodes.Ret);
        property.SetGetMethod(getter);

        var setter = type.DefineMethod("set_" + name, accessor, null, [fieldType]);
        var s = setter.GetILGenerator();
        s.Emit(OpCodes.Ldarg_0);
        s.Emit(OpCodes.Ldarg_1);
        s.Emit(OpCodes.Stfld, field);
        s.Emit(OpCodes.Ret);
        property.SetSetMethod(setter);
    }

    private static string Sanitize(string pack) => new(pack.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}

using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Resultataftaler.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which, read from its IL with Mono.Cecil: base types,
/// interfaces, fields, properties, signatures, attributes, generic arguments and every type,
/// method and field a method body touches (lambdas and async state machines count for the type
/// that wrote them). What the compiler sees, not what the usings say.
/// </summary>
public sealed class DependencyGraph
{
    private DependencyGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> edges) => Edges = edges;

    /// <summary>From → (to → one example "Type uses Type" for the message).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Edges { get; }

    /// <param name="group">The group a full type name belongs to (e.g. its feature), or null to leave the type out.</param>
    public static DependencyGraph Read(string assemblyPath, Func<string, string?> group)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            if (group(owner.FullName) is not { } from)
            {
                continue;
            }

            foreach (var used in UsedTypes(type))
            {
                if (group(Name(used)) is { } to && to != from)
                {
                    if (!edges.TryGetValue(from, out var targets))
                    {
                        edges[from] = targets = [];
                    }

                    targets.TryAdd(to, $"{owner.FullName} uses {Name(used)}");
                }
            }
        }

        return new DependencyGraph(edges.ToDictionary(e => e.Key, e => (IReadOnlyDictionary<string, string>)e.Value));
    }

    public static DependencyGraph FromEdges(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> edges) => new(edges);

    /// <summary>The methods of an assembly that call a method of one of these names on an EF Core type, as "Type.Method calls Name".</summary>
    public static IEnumerable<string> CallsTo(string assemblyPath, IReadOnlyCollection<string> methodNames)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var found = new List<string>();
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.Operand is MethodReference called && methodNames.Contains(called.Name)
                        && called.DeclaringType.Namespace.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
                    {
                        found.Add($"{Outermost(type).FullName}.{method.Name} calls {called.DeclaringType.Name}.{called.Name}");
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Every cycle between groups, each as "A → B → A" (found by a depth-first walk).</summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        var state = new Dictionary<string, int>();
        var path = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in Edges.TryGetValue(node, out var targets) ? targets.Keys.Order(StringComparer.Ordinal).ToList() : [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    cycles.Add(string.Join(" → ", path.Skip(path.IndexOf(next)).Append(next)));
                }
                else if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
        }

        foreach (var node in Edges.Keys.Order(StringComparer.Ordinal).Where(n => state.GetValueOrDefault(n) == 0))
        {
            Visit(node);
        }

        return cycles;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string Name(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type.FullName;
    }

    private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }

                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var implemented in type.Interfaces)
        {
            Add(implemented.InterfaceType);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.Methods)
        {
            Add(method.ReturnType);
            AddAttributes(method);
            foreach (var parameter in method.Parameters)
            {
                Add(parameter.ParameterType);
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(t);
                        break;
                    case MethodReference m:
                        Add(m.DeclaringType);
                        Add(m.ReturnType);
                        if (m is GenericInstanceMethod g)
                        {
                            foreach (var argument in g.GenericArguments)
                            {
                                Add(argument);
                            }
                        }

                        break;
                    case FieldReference f:
                        Add(f.DeclaringType);
                        Add(f.FieldType);
                        break;
                }
            }
        }

        return found;
    }
}

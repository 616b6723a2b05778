using System.Reflection;
using Ebm.Dsl;
using Ebm.Generators.Analysis;
using Ebm.Generators.Model;

namespace Ebm.Generators.Tests;

/// <summary>
/// The generator's typing rules and the C# surface of Ebm.Dsl describe the same language: every Ops
/// overload and every operator of Scalar, Vec and Mat is accepted by the rules with the same result,
/// and every combination the rules accept exists in C#. Adding to one side without the other fails here.
/// </summary>
public class DslSurfaceTests
{
    private static readonly Rank[] Ranks = [Rank.Scalar, Rank.Vector, Rank.Matrix];

    private static readonly Dictionary<string, char> OperatorSymbols = new()
    {
        ["op_Addition"] = '+', ["op_Subtraction"] = '-', ["op_Multiply"] = '*', ["op_Division"] = '/',
    };

    [Fact]
    public void Every_Ops_method_is_an_operation_the_generator_types_the_same_way()
    {
        var methods = typeof(Ops).GetMethods(BindingFlags.Public | BindingFlags.Static);
        Assert.NotEmpty(methods);
        Assert.All(methods, method =>
        {
            Assert.True(OpTable.TryGet(method.Name, out var op), $"Ops.{method.Name} is unknown to the generator");
            var arguments = method.GetParameters().Select(p => RankOf(p.ParameterType)).ToArray();
            Assert.True(TryCall(op, arguments, out var result), $"the generator rejects Ops.{method.Name}({string.Join(", ", arguments)})");
            Assert.Equal(RankOf(method.ReturnType), result);
        });
    }

    [Fact]
    public void Every_call_the_generator_accepts_exists_in_Ops()
    {
        foreach (var op in Enum.GetValues<OpKind>())
        {
            foreach (var arguments in Combinations(op == OpKind.Dot ? 2 : 1))
            {
                if (!TryCall(op, arguments, out var result))
                    continue;
                var method = typeof(Ops).GetMethod(op.ToString(), arguments.Select(TypeOf).ToArray());
                Assert.True(method is not null, $"the generator accepts {op}({string.Join(", ", arguments)}) but Ops has no such overload");
                Assert.Equal(TypeOf(result), method.ReturnType);
            }
        }
    }

    [Fact]
    public void Every_operator_of_the_DSL_types_is_typed_the_same_way_by_the_generator()
    {
        var operators = new[] { typeof(Scalar), typeof(Vec), typeof(Mat) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => OperatorSymbols.ContainsKey(m.Name))
            .ToList();
        Assert.NotEmpty(operators);
        Assert.All(operators, method =>
        {
            var (left, right) = (RankOf(method.GetParameters()[0].ParameterType), RankOf(method.GetParameters()[1].ParameterType));
            Assert.True(TryBinary(OperatorSymbols[method.Name], left, right, out var result), $"the generator rejects {left} {OperatorSymbols[method.Name]} {right}");
            Assert.Equal(RankOf(method.ReturnType), result);
        });
    }

    [Fact]
    public void Every_operator_the_generator_accepts_exists_on_the_DSL_types()
    {
        foreach (var (name, symbol) in OperatorSymbols)
        {
            foreach (var pair in Combinations(2))
            {
                if (!TryBinary(symbol, pair[0], pair[1], out var result))
                    continue;
                var operands = pair.Select(TypeOf).ToArray();
                var method = operands.Distinct().Select(t => t.GetMethod(name, operands)).FirstOrDefault(m => m is not null);
                Assert.True(method is not null, $"the generator accepts {pair[0]} {symbol} {pair[1]} but no such operator is defined");
                Assert.Equal(TypeOf(result), method.ReturnType);
            }
        }
    }

    [Fact]
    public void Unary_minus_exists_for_every_rank_as_the_generator_assumes()
    {
        foreach (var rank in Ranks)
        {
            var type = TypeOf(rank);
            Assert.Equal(type, type.GetMethod("op_UnaryNegation", [type])?.ReturnType);
        }
    }

    private static bool TryCall(OpKind op, Rank[] arguments, out Rank result)
    {
        var unifier = new ShapeUnifier();
        bool ok = ShapeRules.TryCall(op, arguments.Select(r => ShapeOf(r, unifier)).ToList(), unifier, out var shape, out _);
        result = shape.Rank;
        return ok;
    }

    private static bool TryBinary(char symbol, Rank left, Rank right, out Rank result)
    {
        var unifier = new ShapeUnifier();
        bool ok = ShapeRules.TryBinary(symbol, ShapeOf(left, unifier), ShapeOf(right, unifier), unifier, out _, out var shape, out _);
        result = shape.Rank;
        return ok;
    }

    private static Shape ShapeOf(Rank rank, ShapeUnifier unifier) => rank switch
    {
        Rank.Scalar => Shape.Scalar,
        Rank.Vector => Shape.Vector(unifier.NewSize("n")),
        _ => Shape.Matrix(unifier.NewSize("r"), unifier.NewSize("c")),
    };

    private static IEnumerable<Rank[]> Combinations(int arity) =>
        arity == 1 ? Ranks.Select(r => new[] { r }) : Ranks.SelectMany(a => Ranks.Select(b => new[] { a, b }));

    private static Rank RankOf(Type type) =>
        type == typeof(Scalar) ? Rank.Scalar : type == typeof(Vec) ? Rank.Vector : type == typeof(Mat) ? Rank.Matrix
        : throw new ArgumentException($"{type} is not a DSL type");

    private static Type TypeOf(Rank rank) => rank switch
    {
        Rank.Scalar => typeof(Scalar),
        Rank.Vector => typeof(Vec),
        _ => typeof(Mat),
    };
}

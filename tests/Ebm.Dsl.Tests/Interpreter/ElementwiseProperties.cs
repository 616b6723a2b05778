using FsCheck.Xunit;

namespace Ebm.Dsl.Tests.Interpreter;

/// <summary>
/// Each elementwise operation against its textbook formula, on Scalar, on each entry of a Vec and of a
/// Mat. On [−5, 5] the textbook formulas are accurate, so they are an independent oracle for the
/// stable forms the interpreter uses; the extremes where they are not are in <see cref="StabilityTests"/>.
/// </summary>
[Properties(Arbitrary = [typeof(DslArbitraries)], MaxTest = 100)]
public class ElementwiseProperties
{
    private sealed record Function(
        string Name,
        Func<Scalar, Scalar> OnScalar,
        Func<Vec, Vec> OnVec,
        Func<Mat, Mat> OnMat,
        Func<double, double> Formula,
        Func<double, double> Domain);

    private static readonly Func<double, double> Any = x => x;
    private static readonly Func<double, double> Positive = x => Math.Abs(x) + 0.01;
    private static readonly Func<double, double> AboveMinusOne = x => Math.Abs(x) / 5 - 0.99;

    private static readonly Function[] Functions =
    [
        new("Exp", Ops.Exp, Ops.Exp, Ops.Exp, x => Math.Pow(Math.E, x), Any),
        new("Log", Ops.Log, Ops.Log, Ops.Log, x => Math.Log10(x) / Math.Log10(Math.E), Positive),
        new("Log1p", Ops.Log1p, Ops.Log1p, Ops.Log1p, x => Math.Log(1 + x), AboveMinusOne),
        new("Softplus", Ops.Softplus, Ops.Softplus, Ops.Softplus, x => Math.Log(1 + Math.Exp(x)), Any),
        new("Sigmoid", Ops.Sigmoid, Ops.Sigmoid, Ops.Sigmoid, x => 1 / (1 + Math.Exp(-x)), Any),
        new("LogSigmoid", Ops.LogSigmoid, Ops.LogSigmoid, Ops.LogSigmoid, x => -Math.Log(1 + Math.Exp(-x)), Any),
        new("Tanh", Ops.Tanh, Ops.Tanh, Ops.Tanh, x => (Math.Exp(2 * x) - 1) / (Math.Exp(2 * x) + 1), Any),
        new("Silu", Ops.Silu, Ops.Silu, Ops.Silu, x => x / (1 + Math.Exp(-x)), Any),
        new("Square", Ops.Square, Ops.Square, Ops.Square, x => Math.Pow(x, 2), Any),
        new("Sqrt", Ops.Sqrt, Ops.Sqrt, Ops.Sqrt, x => Math.Pow(x, 0.5), Positive),
        new("Abs", Ops.Abs, Ops.Abs, Ops.Abs, x => x < 0 ? -x : x, Any),
    ];

    [Property]
    public void Every_function_matches_its_formula_on_scalars_vectors_and_matrices(Operands o)
    {
        foreach (var f in Functions)
        {
            double s = f.Domain(o.S);
            Close.Equal(f.Formula(s), f.OnScalar(s).Value, 1e-12, $"{f.Name}({s:R})");

            double[] a = o.A.Select(f.Domain).ToArray();
            Close.Equal(a.Select(f.Formula).ToArray(), f.OnVec(new Vec(a)));

            var m = new double[o.Rows, o.Cols];
            var expected = new double[o.Rows, o.Cols];
            for (int i = 0; i < o.Rows; i++)
                for (int j = 0; j < o.Cols; j++)
                    expected[i, j] = f.Formula(m[i, j] = f.Domain(o.M[i, j]));
            Close.Equal(expected, f.OnMat(new Mat(m)));
        }
    }

    [Fact]
    public void The_table_covers_every_elementwise_operation()
    {
        // Elementwise operations are exactly the Ops methods with a Scalar → Scalar overload.
        var elementwise = typeof(Ops).GetMethods()
            .Where(m => m.ReturnType == typeof(Scalar) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(Scalar))
            .Select(m => m.Name)
            .Order();
        Assert.Equal(elementwise, Functions.Select(f => f.Name).Order());
    }
}

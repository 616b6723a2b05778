using System.Reflection;
using Ebm.Models;

namespace Ebm.Dsl.Tests.Generated;

/// <summary>
/// A generated model at random sizes and parameter values, reached only through what any model offers: its
/// Description, Parameters.Create, Create and the IEnergyModel contract. Beside it, the oracle: the same
/// declaration's Energy run by the interpreter in double, on the very values the model holds in float.
/// </summary>
public sealed class ModelUnderTest
{
    /// <summary>The built-in models and the models of <c>CoverageModels.cs</c>.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(GaussianMixture), typeof(BernoulliRbm), typeof(GaussianBernoulliRbm), typeof(BoltzmannMachine),
        typeof(DeepBoltzmannMachine), typeof(MlpEnergy), typeof(NoiseConditionalMlp),
        typeof(ElementwiseOps), typeof(MatrixOps), typeof(SoftmaxOps), typeof(LinearOps), typeof(BroadcastOps), typeof(ConstantOps), typeof(ScaledProduct),
    ];

    private readonly MethodInfo energy;
    private readonly Dictionary<string, double> consts;

    private ModelUnderTest(Type type, IEnergyModel model, Dictionary<string, double> consts)
    {
        Type = type;
        Model = model;
        this.consts = consts;
        energy = type.GetMethod("Energy", BindingFlags.Public | BindingFlags.Static)!;
    }

    public Type Type { get; }

    public IEnergyModel Model { get; }

    public ModelLayout Layout => Model.Layout;

    public float[] Theta
    {
        get
        {
            var theta = new float[Layout.ParameterCount];
            Model.CopyParameters(theta);
            return theta;
        }
    }

    /// <summary>Sizes from 1 to 4, const scalars in [0.5, 2], trainable values in [−1, 1].</summary>
    public static ModelUnderTest Create(Type type, ModelDraw draw)
    {
        var description = Description(type);
        var sizes = description.Sizes.ToDictionary(s => s, _ => draw.Size());
        var consts = new Dictionary<string, double>();
        var factory = type.GetNestedType("Parameters")!.GetMethod("Create")!;
        var arguments = factory.GetParameters().Select(p =>
        {
            if (p.ParameterType == typeof(int))
                return sizes[p.Name!];
            if (p.ParameterType == typeof(ulong))
                return (object)(ulong)draw.Seed;
            float value = draw.Positive();
            consts[p.Name!] = value;
            return value;
        }).ToArray();
        var parameters = factory.Invoke(null, arguments);
        var model = (IEnergyModel)type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [parameters])!;
        model = model.WithParameters(draw.Values(model.Layout.ParameterCount, 1));
        return new ModelUnderTest(type, model, consts);
    }

    public static ModelDescription Description(Type type) => (ModelDescription)type.GetProperty("Description")!.GetValue(null)!;

    /// <summary>One state: bits for a binary group, values in ±[0.05, 2] for a continuous one (away from the kink of Abs).</summary>
    public float[][] DrawState(ModelDraw draw) =>
        Layout.States.Select(s => s.Kind == StateKind.Binary ? draw.Bits(s.Size) : draw.Continuous(s.Size)).ToArray();

    /// <summary>A batch: one row-major array per group.</summary>
    public float[][] DrawBatch(ModelDraw draw, int count)
    {
        var rows = Enumerable.Range(0, count).Select(_ => DrawState(draw)).ToArray();
        return Layout.States.Select((_, g) => rows.SelectMany(row => row[g]).ToArray()).ToArray();
    }

    /// <summary>Row <paramref name="r"/> of a batch as one state.</summary>
    public float[][] Row(float[][] batch, int r) =>
        Layout.States.Select((s, g) => batch[g].AsSpan(r * s.Size, s.Size).ToArray()).ToArray();

    /// <summary>The interpreter's energy in double at a state, at the model's parameters or at <paramref name="theta"/>.</summary>
    public double Interpret(IReadOnlyList<double[]> state, double[]? theta = null)
    {
        theta ??= Theta.Select(v => (double)v).ToArray();
        var arguments = energy.GetParameters().Select(p =>
        {
            int group = Layout.States.Select(s => s.Name).ToList().IndexOf(p.Name!);
            if (group >= 0)
                return (object)new Vec(state[group]);
            if (consts.TryGetValue(p.Name!, out double value))
                return (Scalar)value;
            var slot = Layout.Parameter(p.Name!);
            double[] entries = theta.AsSpan(slot.Offset, slot.Length).ToArray();
            return slot.Rank switch
            {
                ParameterRank.Scalar => (Scalar)entries[0],
                ParameterRank.Vector => new Vec(entries),
                _ => new Mat(slot.Shape[0], slot.Shape[1], entries),
            };
        }).ToArray();
        return ((Scalar)energy.Invoke(null, arguments)!).Value;
    }

    public double Interpret(float[][] state) => Interpret(ToDouble(state));

    public static double[][] ToDouble(float[][] state) => state.Select(g => g.Select(v => (double)v).ToArray()).ToArray();

    public override string ToString() =>
        $"{Type.Name} at sizes {string.Join(", ", Layout.Description.Sizes.Zip(Layout.Sizes, (n, v) => $"{n}={v}"))}";
}

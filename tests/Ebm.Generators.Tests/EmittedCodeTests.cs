using System.Reflection;
using System.Runtime.Loader;
using Ebm.Dsl;
using Microsoft.CodeAnalysis;

namespace Ebm.Generators.Tests;

/// <summary>The generated code compiles without a warning, wherever the model is declared, and describes it.</summary>
public class EmittedCodeTests
{
    [Fact]
    public void All_six_built_in_models_generate_code_that_compiles_cleanly()
    {
        var run = GeneratorHarness.Generate(GeneratorHarness.ModelNames.Select(GeneratorHarness.Model).ToArray());
        Assert.Empty(run.Diagnostics);
        Assert.Equal(GeneratorHarness.ModelNames.Select(n => $"Ebm.Models.{n}.g.cs").Order(), run.Result.GeneratedSources.Select(s => s.HintName).Order());
        Assert.Empty(run.CompilerProblems);
    }

    [Fact]
    public void A_model_nested_in_partial_types_of_every_kind_compiles_and_describes_itself()
    {
        const string source = """
            using Ebm.Dsl;
            using static Ebm.Dsl.Ops;

            namespace Outer.Space
            {
                /// <summary>Holds models.</summary>
                public partial class Holder
                {
                    /// <summary>A struct.</summary>
                    public partial struct Inner
                    {
                        /// <summary>A record.</summary>
                        public partial record Deeper
                        {
                            /// <summary>A mixture.</summary>
                            [EnergyModel]
                            public static partial class Nested
                            {
                                /// <summary>Energy.</summary>
                                public static Scalar Energy([State] Vec x, [Const] Mat centres) => Sum(Exp(-Square(centres - x)));
                            }
                        }
                    }
                }
            }
            """;
        var description = CompileAndDescribe(source, "Outer.Space.Holder+Inner+Deeper+Nested");
        Assert.Equal(new ModelDescription(
            "Nested",
            ["x", "centresRows"],
            [new StateGroup("x", StateKind.Continuous, "x")],
            [new ModelParameter("centres", ParameterRank.Matrix, ["centresRows", "x"], IsTrainable: false)]), description);
    }

    [Fact]
    public void A_model_in_the_global_namespace_with_Energy_in_another_file_compiles_and_describes_itself()
    {
        const string attributed = """
            using Ebm.Dsl;

            /// <summary>Split across files.</summary>
            [EnergyModel]
            public static partial class Split;
            """;
        const string energy = """
            using Ebm.Dsl;
            using static Ebm.Dsl.Ops;

            public static partial class Split
            {
                /// <summary>Energy.</summary>
                public static Scalar Energy([Binary] Vec s, Mat J)
                {
                    var field = J * s;
                    return -Dot(s, field) / 2;
                }
            }
            """;
        var description = CompileAndDescribe([attributed, energy], "Split");
        Assert.Equal(new ModelDescription(
            "Split",
            ["s"],
            [new StateGroup("s", StateKind.Binary, "s")],
            [new ModelParameter("J", ParameterRank.Matrix, ["s", "s"], IsTrainable: true)])
        {
            // s·J·s couples the units of s with each other: one sequential block.
            Structure = new ModelStructure([new GibbsBlock(["s"], IsSequential: true)], ["s"], [], []),
        }, description);
    }

    [Fact]
    public void Names_that_the_generated_code_also_uses_do_not_collide()
    {
        // Loop indices, accumulators, scratch, outputs, temporaries and size locals all have DSL twins here;
        // the sizes carried first by parameters are named like them, so their members get a suffix, and
        // the factory's seed follows the const parameter seed.
        const string source = """
            using Ebm.Dsl;
            using static Ebm.Dsl.Ops;

            /// <summary>Colliding names.</summary>
            [EnergyModel]
            public static partial class Names
            {
                /// <summary>Energy.</summary>
                public static Scalar Energy([State] Vec x, [State] Vec energies, Vec dx, Vec b, Mat i, Vec j, Scalar r, Vec count,
                                            Scalar sum, Vec e, [Const] Scalar rented, Vec scratch, Vec weights, Mat gradient, Vec t1, Vec g1, Vec xSize, [Const] Scalar seed)
                {
                    var t2 = i * x + j;
                    var energy = Silu(t2) * count;
                    return Dot(energy, dx) + Sum(b) * r + Norm2(x - e) * sum / rented + Dot(scratch, gradient * energies) + Dot(weights, x) + Dot(t1, g1) + Sum(xSize) * seed;
                }
            }
            """;
        var run = GeneratorHarness.Generate(source);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems);
        string generated = Assert.Single(run.Result.GeneratedSources).SourceText.ToString();
        Assert.Contains("public int bSize { get; }", generated);
        Assert.Contains("public static Parameters Create(int x, int energies, int dx, int b, int scratch, int t1, int xSize, float rented, float seed, ulong seed2)", generated);
    }

    [Fact]
    public void Const_vectors_and_matrices_are_copied_from_the_factory_and_used()
    {
        const string model = """
            using Ebm.Dsl;
            using static Ebm.Dsl.Ops;

            /// <summary>Bumps at fixed centres.</summary>
            [EnergyModel]
            public static partial class Bumps
            {
                /// <summary>Energy.</summary>
                public static Scalar Energy([State] Vec x, [Const] Mat centres, [Const] Vec heights, Scalar scale)
                    => -scale * Dot(heights, Exp(-RowSum(Square(centres - x))));
            }

            /// <summary>Calls the factory as a user would.</summary>
            public static class Driver
            {
                /// <summary>A model with two centres in the plane.</summary>
                public static Ebm.IEnergyModel Make()
                {
                    var centres = new float[] { 0, 0, 1, 1 };
                    var parameters = Bumps.Parameters.Create(x: 2, centresRows: 2, centres: centres, heights: new float[] { 2, 3 }, seed: 1);
                    centres[0] = 100;
                    return Bumps.Create(parameters.WithVector(new float[] { 0.5f }));
                }
            }
            """;
        var run = GeneratorHarness.Generate(model);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems);
        using var image = new MemoryStream();
        Assert.True(run.Output.Emit(image).Success);
        var context = new AssemblyLoadContext("Bumps", isCollectible: true);
        try
        {
            image.Position = 0;
            var energyModel = (Ebm.IEnergyModel)context.LoadFromStream(image).GetType("Driver")!.GetMethod("Make")!.Invoke(null, null)!;
            float[] x = [1, 0];
            // E = −0.5·(2·e^{−1} + 3·e^{−1}): the copy of the centres was taken before the caller changed them.
            Assert.Equal(-0.5 * 5 * Math.Exp(-1), energyModel.Energy([new ReadOnlyMemory<float>(x)]), 5);
            Assert.Equal(1, energyModel.Layout.ParameterCount);
        }
        finally
        {
            context.Unload();
        }
    }

    private static ModelDescription CompileAndDescribe(string source, string typeName) => CompileAndDescribe([source], typeName);

    /// <summary>Compiles with the generator, requires no diagnostic at all, loads the assembly and reads Description.</summary>
    private static ModelDescription CompileAndDescribe(string[] sources, string typeName)
    {
        var run = GeneratorHarness.Generate(sources);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.CompilerProblems);

        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        // A collectible context so that each test's assembly is dropped; Ebm.Dsl resolves to the loaded one.
        var context = new AssemblyLoadContext(typeName, isCollectible: true);
        try
        {
            image.Position = 0;
            var type = context.LoadFromStream(image).GetType(typeName, throwOnError: true)!;
            var property = type.GetProperty("Description", BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(property);
            return Assert.IsType<ModelDescription>(property.GetValue(null));
        }
        finally
        {
            context.Unload();
        }
    }
}

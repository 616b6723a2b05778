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
            [new ModelParameter("J", ParameterRank.Matrix, ["s", "s"], IsTrainable: true)]), description);
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

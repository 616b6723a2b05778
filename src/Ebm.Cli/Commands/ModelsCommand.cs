using System.CommandLine;
using System.Text;
using Ebm.Models;

namespace Ebm.Cli.Commands;

/// <summary>`ebm models`: the built-in models as declared, and what the generator derived from each.</summary>
internal static class ModelsCommand
{
    internal sealed record ModelsResult(IReadOnlyList<ModelInfo> Models);

    internal sealed record ModelInfo(string Name, IReadOnlyList<string> Sizes, IReadOnlyList<StateInfo> States, IReadOnlyList<ParameterInfo> Parameters, StructureInfo Structure);

    internal sealed record StateInfo(string Name, string Kind, string Size);

    internal sealed record ParameterInfo(string Name, IReadOnlyList<string> Shape, bool Trainable);

    internal sealed record StructureInfo(IReadOnlyList<BlockInfo> GibbsBlocks, IReadOnlyList<string> BinaryGroups, IReadOnlyList<string> SummableGroups, IReadOnlyList<string> GaussianGroups);

    internal sealed record BlockInfo(IReadOnlyList<string> Groups, bool Sequential);

    private static readonly ModelDescription[] BuiltIn =
    [
        GaussianMixture.Description, BernoulliRbm.Description, GaussianBernoulliRbm.Description,
        BoltzmannMachine.Description, DeepBoltzmannMachine.Description, MlpEnergy.Description,
    ];

    public static Command Create(Func<ParseResult, CliContext> contextOf)
    {
        var command = new Command("models", "List the built-in models: states, parameters, Gibbs blocks, summable and Gaussian groups.");
        command.SetAction(parse =>
        {
            CliContext cli = contextOf(parse);
            var models = BuiltIn.Select(Info).ToList();
            cli.Result(new ModelsResult(models), string.Join(Environment.NewLine + Environment.NewLine, models.Select(Human)));
            return EbmCommand.Success;
        });
        return command;
    }

    private static ModelInfo Info(ModelDescription d) => new(
        d.Name,
        d.Sizes,
        d.States.Select(s => new StateInfo(s.Name, s.Kind == StateKind.Binary ? "binary" : "continuous", s.Size)).ToList(),
        d.Parameters.Select(p => new ParameterInfo(p.Name, p.Shape, p.IsTrainable)).ToList(),
        new StructureInfo(
            d.Structure.GibbsBlocks.Select(b => new BlockInfo(b.Groups, b.IsSequential)).ToList(),
            d.Structure.BinaryGroups, d.Structure.SummableGroups, d.Structure.GaussianGroups));

    private static string Human(ModelInfo m)
    {
        static string Shape(IReadOnlyList<string> shape) => shape.Count == 0 ? "scalar" : $"[{string.Join(", ", shape)}]";
        static string List(IReadOnlyList<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);
        var text = new StringBuilder();
        text.AppendLine(m.Name);
        text.AppendLine($"  states:      {string.Join(", ", m.States.Select(s => $"{s.Name} ({s.Kind}, {s.Size})"))}");
        text.AppendLine($"  parameters:  {string.Join(", ", m.Parameters.Select(p => $"{p.Name} {Shape(p.Shape)}{(p.Trainable ? "" : " const")}"))}");
        var blocks = m.Structure.GibbsBlocks.Select(b => "{" + string.Join(", ", b.Groups) + "}" + (b.Sequential ? " unit by unit" : "")).ToList();
        text.AppendLine($"  gibbs:       {(blocks.Count == 0 ? "none" : string.Join(" | ", blocks))}");
        text.AppendLine($"  summable:    {List(m.Structure.SummableGroups)}");
        text.Append($"  gaussian:    {List(m.Structure.GaussianGroups)}");
        return text.ToString();
    }
}

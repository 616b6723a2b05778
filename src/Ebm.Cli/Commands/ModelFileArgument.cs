using System.CommandLine;

namespace Ebm.Cli.Commands;

/// <summary>
/// The model file of `eval` and `sample`, given either positionally (`ebm eval rbm.safetensors …`) or as
/// `--model FILE` (the form the command contract writes); exactly one of the two.
/// </summary>
internal sealed class ModelFileArgument
{
    public Argument<string?> Positional { get; } = new("model") { Description = "A model file written by 'ebm train' (or give --model).", Arity = ArgumentArity.ZeroOrOne };

    public Option<string?> Named { get; } = new("--model") { Description = "A model file written by 'ebm train'." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Positional);
        command.Options.Add(Named);
    }

    public string Path(ParseResult parse) => (parse.GetValue(Positional), parse.GetValue(Named)) switch
    {
        (string p, null) => p,
        (null, string n) => n,
        (null, null) => throw new ArgumentException("name the model file: ebm COMMAND FILE … or --model FILE"),
        _ => throw new ArgumentException("give the model file once, either positionally or as --model"),
    };
}

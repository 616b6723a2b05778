using System.Text.Json;

namespace Ebm.Cli.Tests;

public class ModelsTests
{
    [Fact]
    public void Models_json_lists_the_built_in_models_with_their_structure()
    {
        CliRun run = Cli.Run("models", "--json");
        Assert.Equal(0, run.ExitCode);
        var models = run.Json().GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["BernoulliRbm", "BoltzmannMachine", "DeepBoltzmannMachine", "GaussianBernoulliRbm", "GaussianMixture", "MlpEnergy"], models.Keys.Order());

        var rbm = models["BernoulliRbm"];
        Assert.Equal(["v:binary:v", "h:binary:h"], rbm.GetProperty("states").EnumerateArray().Select(s => $"{s.GetProperty("name")}:{s.GetProperty("kind")}:{s.GetProperty("size")}"));
        var w = rbm.GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("name").GetString() == "W");
        Assert.Equal(["v", "h"], w.GetProperty("shape").EnumerateArray().Select(s => s.GetString()));
        Assert.True(w.GetProperty("trainable").GetBoolean());
        var structure = rbm.GetProperty("structure");
        Assert.Equal(["v", "h"], structure.GetProperty("gibbs_blocks").EnumerateArray().Select(Block));
        Assert.Equal(["v", "h"], Strings(structure.GetProperty("summable_groups")));
        Assert.Empty(Strings(structure.GetProperty("gaussian_groups")));

        Assert.Equal(["v"], Strings(models["GaussianBernoulliRbm"].GetProperty("structure").GetProperty("gaussian_groups")));
        Assert.False(models["GaussianBernoulliRbm"].GetProperty("parameters").EnumerateArray().First(p => p.GetProperty("name").GetString() == "sigma").GetProperty("trainable").GetBoolean());
        Assert.Equal(["v,h2", "h1"], models["DeepBoltzmannMachine"].GetProperty("structure").GetProperty("gibbs_blocks").EnumerateArray().Select(Block));
        Assert.All(models["BoltzmannMachine"].GetProperty("structure").GetProperty("gibbs_blocks").EnumerateArray(), b => Assert.True(b.GetProperty("sequential").GetBoolean()));
    }

    [Fact]
    public void Models_prints_blocks_for_a_person()
    {
        CliRun run = Cli.Run("models");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("gibbs:       {v, h2} | {h1}", run.Stdout);
        Assert.Contains("gibbs:       {v} unit by unit | {h} unit by unit", run.Stdout);
    }

    private static string Block(JsonElement block) =>
        string.Join(",", Strings(block.GetProperty("groups"))) + (block.GetProperty("sequential").GetBoolean() ? " sequential" : "");

    private static IEnumerable<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}

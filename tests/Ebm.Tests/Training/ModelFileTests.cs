using Ebm.IO;
using Ebm.Models;
using Ebm.Tests.IO;
using Ebm.Training;

namespace Ebm.Tests.Training;

/// <summary>Parameters saved and loaded as safetensors model files; files for other models, sizes or in bad shape are refused.</summary>
public sealed class ModelFileTests
{
    [Fact]
    public void SaveAndLoadRoundTripEveryBitAndRecordTheMetadata()
    {
        using var folder = new TempFolder();
        var model = Ebm.Tests.Gibbs.TestModels.Dbm(5, 4, 3, 0.7f, 8);
        string path = folder.File("dbm.safetensors");
        var options = new TrainingOptions(3, 10, 0.01f, 5);
        ModelFile.Save(path, model, options.Describe());
        var theta = new float[model.Layout.ParameterCount];
        model.CopyParameters(theta);
        Assert.Equal(theta, ModelFile.Load(path, model));

        SafetensorsFile file = Safetensors.Read(path);
        Assert.Equal("DeepBoltzmannMachine", file.Metadata[ModelFileKeys.Model]);
        Assert.Equal("{\"v\":5,\"h1\":4,\"h2\":3}", file.Metadata[ModelFileKeys.Sizes]);
        Assert.Equal(ModelFile.DeclarationHash(DeepBoltzmannMachine.Description), file.Metadata[ModelFileKeys.DeclarationHash]);
        Assert.Equal(ModelFile.FormatName, file.Metadata[ModelFileKeys.Format]);
        Assert.Contains("\"learning_rate\":0.01", file.Metadata[ModelFileKeys.Training]);
        Assert.Equal([5, 4], file.Tensor("W1").Shape);
        Assert.Equal(new Dictionary<string, int> { ["v"] = 5, ["h1"] = 4, ["h2"] = 3 }, ModelFile.ReadSizes(path, "DeepBoltzmannMachine"));
    }

    [Fact]
    public void AFileForAnotherModelOrOtherSizesIsRefused()
    {
        using var folder = new TempFolder();
        string path = folder.File("rbm.safetensors");
        ModelFile.Save(path, BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 6, h: 4, seed: 1)));

        var other = GaussianBernoulliRbm.Create(GaussianBernoulliRbm.Parameters.Create(v: 6, h: 4, sigma: 1f, seed: 1));
        var e = Assert.Throws<ModelFileMismatchException>(() => ModelFile.Load(path, other));
        Assert.Equal($"{path} holds parameters of model 'BernoulliRbm', not 'GaussianBernoulliRbm'", e.Message);

        var bigger = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 6, h: 5, seed: 1));
        var s = Assert.Throws<ModelFileMismatchException>(() => ModelFile.Load(path, bigger));
        Assert.Equal($"{path} holds 'BernoulliRbm' parameters of sizes {{\"v\":6,\"h\":4}}, not {{\"v\":6,\"h\":5}}; build the model with the file's sizes", s.Message);
    }

    [Fact]
    public void AFileFromAnotherDeclarationIsRefused()
    {
        using var folder = new TempFolder();
        string path = folder.File("rbm.safetensors");
        var model = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 3, h: 2, seed: 1));
        var theta = new float[model.Layout.ParameterCount];
        var metadata = new Dictionary<string, string>
        {
            [ModelFileKeys.Model] = "BernoulliRbm",
            [ModelFileKeys.DeclarationHash] = "0123456789abcdef",
            [ModelFileKeys.Sizes] = "{\"v\":3,\"h\":2}",
        };
        Safetensors.Write(path, new SafetensorsFile(
            [NamedTensor.FromSingles("W", [3, 2], theta.AsSpan(0, 6)), NamedTensor.FromSingles("b", [3], theta.AsSpan(6, 3)), NamedTensor.FromSingles("c", [2], theta.AsSpan(9, 2))],
            metadata));
        var e = Assert.Throws<ModelFileMismatchException>(() => ModelFile.Load(path, model));
        Assert.Contains("was written for a different declaration of 'BernoulliRbm' (declaration hash 0123456789abcdef", e.Message);
    }

    [Fact]
    public void ATruncatedFileNamesTheFileTheOffsetAndTheProblem()
    {
        using var folder = new TempFolder();
        string path = folder.File("rbm.safetensors");
        var model = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 4, h: 3, seed: 1));
        ModelFile.Save(path, model);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);
        var e = Assert.Throws<DataFormatException>(() => ModelFile.Load(path, model));
        Assert.Equal(path, e.FilePath);
        Assert.Equal(bytes.Length - 5, e.Offset);
        Assert.StartsWith($"{path}: byte {bytes.Length - 5}: truncated at offset {bytes.Length - 5} of expected {bytes.Length} bytes", e.Message);
    }

    [Fact]
    public void ACorruptHeaderNamesTheFileTheOffsetAndTheProblem()
    {
        using var folder = new TempFolder();
        string path = folder.File("rbm.safetensors");
        var model = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 4, h: 3, seed: 1));
        ModelFile.Save(path, model);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[8] = (byte)'[';
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => ModelFile.Load(path, model));
        Assert.Equal(8, e.Offset);
        Assert.Contains("the header is not a JSON object", e.Problem);
    }

    [Fact]
    public void AMissingParameterTensorIsAFormatError()
    {
        using var folder = new TempFolder();
        string path = folder.File("rbm.safetensors");
        var model = BernoulliRbm.Create(BernoulliRbm.Parameters.Create(v: 3, h: 2, seed: 1));
        var metadata = new Dictionary<string, string>
        {
            [ModelFileKeys.Model] = "BernoulliRbm",
            [ModelFileKeys.DeclarationHash] = ModelFile.DeclarationHash(BernoulliRbm.Description),
            [ModelFileKeys.Sizes] = "{\"v\":3,\"h\":2}",
        };
        Safetensors.Write(path, new SafetensorsFile([NamedTensor.FromSingles("W", [3, 2], new float[6])], metadata));
        var e = Assert.Throws<DataFormatException>(() => ModelFile.Load(path, model));
        Assert.Equal("no tensor 'b', a trainable parameter of 'BernoulliRbm' (found: W)", e.Problem);
    }
}

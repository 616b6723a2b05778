using Ebm.Data;

namespace Ebm.Tests.Data;

/// <summary>
/// Tests of the full Fashion-MNIST skip with a visible reason where the Debian package is not installed, and fail
/// instead when EBM_REQUIRE_FASHION_MNIST=1 (as in CI, which installs it), so that a broken install cannot pass
/// as a skip.
/// </summary>
internal static class FashionMnistRequirement
{
    public const string Variable = "EBM_REQUIRE_FASHION_MNIST";

    // Loaded once for every test that needs it: decompressing and scaling 55 MB takes seconds on a busy machine.
    private static readonly Lazy<DataSplits> FullData = new(() => FashionMnist.Load(FashionMnist.DefaultFolder));

    /// <summary>The full dataset from the Debian folder (or a skip or failure, as above).</summary>
    public static DataSplits Full()
    {
        Folder();
        return FullData.Value;
    }

    public static string Folder()
    {
        if (!FashionMnist.IsAvailable(FashionMnist.DefaultFolder))
        {
            string reason = $"{FashionMnist.DefaultFolder} is not installed (Debian package dataset-fashion-mnist)";
            if (Environment.GetEnvironmentVariable(Variable) == "1")
                Assert.Fail($"{Variable}=1 but {reason}");
            Skip.If(true, reason);
        }
        return FashionMnist.DefaultFolder;
    }
}

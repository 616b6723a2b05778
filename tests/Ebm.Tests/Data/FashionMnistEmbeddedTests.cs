using Ebm.Data;

namespace Ebm.Tests.Data;

/// <summary>The subset compiled into the assembly: its size, its licence, and its identity with the full files.</summary>
public class FashionMnistEmbeddedTests
{
    [Fact]
    public void HoldsTheAdvertisedCountsOfImagesAndLabels()
    {
        DataSplits subset = FashionMnist.LoadEmbedded();
        Assert.Equal(FashionMnist.EmbeddedTrainCount, subset.Train.Rows);
        Assert.Equal(FashionMnist.EmbeddedTestCount, subset.Test!.Rows);
        Assert.Equal([28, 28], subset.Train.ItemShape);
        Assert.Equal(subset.Train.Rows, subset.Train.Labels.Count);
        Assert.All(subset.Train.Labels.Concat(subset.Test.Labels), l => Assert.InRange(l, 0, 9));
        // Every class is represented in the first 3,000 (about 300 each): a subset of one class would train nothing useful.
        Assert.All(Enumerable.Range(0, 10), c => Assert.InRange(subset.Train.Labels.Count(l => l == c), 200, 400));
        // Pixels are byte/255: multiplying back gives whole numbers.
        Assert.All(subset.Test.Values.ToArray()[..5000], v => Assert.Equal(Math.Round(v * 255.0), v * 255.0, 3));
    }

    [Fact]
    public void CarriesTheFashionMnistLicenceNotice()
    {
        string licence = FashionMnist.EmbeddedLicense;
        Assert.Contains("The MIT License (MIT) Copyright © 2017 Zalando SE", licence);
        Assert.Contains("The above copyright notice and this permission notice shall be included", licence);
    }

    [SkippableFact]
    public void IsTheFirstImagesAndLabelsOfTheFullFiles()
    {
        DataSplits full = FashionMnistRequirement.Full();
        DataSplits subset = FashionMnist.LoadEmbedded();
        AssertSameItems(full.Train.Head(FashionMnist.EmbeddedTrainCount), subset.Train);
        AssertSameItems(full.Test!.Head(FashionMnist.EmbeddedTestCount), subset.Test!);
    }

    private static void AssertSameItems(Dataset expected, Dataset actual)
    {
        Assert.Equal(expected.ItemShape, actual.ItemShape);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.True(expected.Values.Span.SequenceEqual(actual.Values.Span), $"{actual.Name} differs from the first {expected.Rows} items of {expected.Source}");
    }
}

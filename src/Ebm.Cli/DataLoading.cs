using Ebm.Data;

namespace Ebm.Cli;

/// <summary>Training and test rows from a data spec, binarised at 0.5 for a binary data group.</summary>
internal static class DataLoading
{
    public static (Dataset Train, Dataset? Test) Load(string spec, bool binary, int trainRows, int testRows, CliContext cli)
    {
        DataSplits splits = DataSpec.Parse(spec).Load(DataLoadOptions.Default);
        if (splits.Note.Length > 0)
            cli.Info(splits.Note);
        Dataset train = Take(splits.Train, trainRows);
        Dataset? test = splits.Test is null ? null : Take(splits.Test, testRows);
        if (binary)
        {
            train = Binarization.Threshold(train);
            test = test is null ? null : Binarization.Threshold(test);
        }
        return (train, test);
    }

    private static Dataset Take(Dataset data, int rows) => rows > 0 && rows < data.Rows ? data.Head(rows) : data;
}

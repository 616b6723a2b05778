namespace Ebm.Tests.Sampling;

/// <summary>The samplers' parallel loops surface the body's own exception, not an AggregateException around it.</summary>
public class ParallelismTests
{
    [Fact]
    public void ForRethrowsTheBodysException()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Parallelism.For(0, 16, 2, k => { if (k == 5) throw new InvalidOperationException("chunk 5"); }));
        Assert.Equal("chunk 5", error.Message);
    }

    [Fact]
    public void ForEachRethrowsTheBodysException()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Parallelism.ForEach(Enumerable.Range(0, 16), 2, k => { if (k == 9) throw new ArgumentException("item 9"); }));
        Assert.Equal("item 9", error.Message);
    }

    [Fact]
    public void EveryIterationRunsWithoutAnError()
    {
        var seen = new int[50];
        Parallelism.For(0, 50, -1, k => seen[k]++);
        Parallelism.ForEach(Enumerable.Range(0, 50), 3, k => seen[k]++);
        Assert.All(seen, n => Assert.Equal(2, n));
    }
}

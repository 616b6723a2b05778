namespace Ebm.Dsl.Tests.Generated;

/// <summary>Arrays as the lists of the IEnergyModel contract.</summary>
internal static class Contract
{
    public static IReadOnlyList<ReadOnlyMemory<float>> In(float[][] groups) => groups.Select(g => new ReadOnlyMemory<float>(g)).ToArray();

    public static IReadOnlyList<Memory<float>> Out(float[][] groups) => groups.Select(g => new Memory<float>(g)).ToArray();
}

namespace Ebm.LinearAlgebra;

public static partial class Blas
{
    /// <summary>Every path the BLAS kernels can run on this machine, widest first, ending with <see cref="VectorWidth.Scalar"/>.</summary>
    internal static IReadOnlyList<VectorWidth> SupportedWidths { get; } =
        new[] { VectorWidth.Bits512, VectorWidth.Bits256, VectorWidth.Bits128, VectorWidth.Scalar }
            .Where(w => w <= Simd.FusedMultiplyAddHardware).ToArray();
}

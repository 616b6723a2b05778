namespace Ebm.LinearAlgebra;

/// <summary>Whether a row-major operand of <c>Blas.Gemm</c> is used as stored or transposed.</summary>
public enum Transpose
{
    /// <summary>Use the operand as stored.</summary>
    No,
    /// <summary>Use the transpose of the stored operand.</summary>
    Yes,
}

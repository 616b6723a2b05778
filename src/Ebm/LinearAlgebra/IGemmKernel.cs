namespace Ebm.LinearAlgebra;

/// <summary>
/// A register-blocked micro-kernel: C[MR×NR] ← α·Ã·B̃ + β·C over one packed MR×kc panel of A and one
/// packed kc×NR panel of B. Implemented by structs so that the blocked driver, generic over the kernel,
/// is specialised by the JIT with MR and NR as constants.
/// </summary>
internal interface IGemmKernel
{
    /// <summary>Rows of C per micro-tile: the number of broadcast A values per step of k.</summary>
    static abstract int MR { get; }

    /// <summary>Columns of C per micro-tile: two vectors wide.</summary>
    static abstract int NR { get; }

    /// <summary>
    /// Computes one full MR×NR tile. <paramref name="a"/> holds kc groups of MR values of A (one per row),
    /// <paramref name="b"/> kc groups of NR values of B. β = 0 stores α·AB without reading C.
    /// </summary>
    static abstract unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta);
}

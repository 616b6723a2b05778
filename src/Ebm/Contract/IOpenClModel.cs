namespace Ebm;

/// <summary>
/// A model that carries its own OpenCL C kernels, so that an OpenCL backend can run it without knowing the model's
/// type: the generator implements it for every <c>[EnergyModel]</c> declaration (specs/opencl.md, "Generated kernels").
/// </summary>
public interface IOpenClModel : IEnergyModel
{
    /// <summary>
    /// The model's OpenCL C 1.2 program: the kernels <c>ebm_energy</c>, <c>ebm_state_gradient</c>, <c>ebm_ula_step</c>,
    /// <c>ebm_mala_step</c> and <c>ebm_gibbs_block_b</c> (those the model's groups allow), to be built after the Ebm
    /// random functions and with the macro <c>EBM_SIZE_k</c> defined as the value of <see cref="ModelLayout.Sizes"/>[k].
    /// </summary>
    string OpenClSource { get; }

    /// <summary>The length of the kernels' parameter buffer: <see cref="ModelLayout.ParameterCount"/> plus the const parameters' values.</summary>
    int KernelParameterCount { get; }

    /// <summary>Writes the kernels' parameter buffer: the trainable vector, then each const parameter in declaration order, row-major.</summary>
    /// <param name="destination">Receives <see cref="KernelParameterCount"/> values.</param>
    /// <exception cref="ArgumentException">The destination's length is not <see cref="KernelParameterCount"/>.</exception>
    void CopyKernelParameters(Span<float> destination);
}

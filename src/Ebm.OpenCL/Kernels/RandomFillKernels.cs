namespace Ebm.OpenCL.Kernels;

/// <summary>
/// Kernels that fill a buffer with the draws of units <c>first_unit … first_unit + n − 1</c> of one
/// (seed, stream, step), element j holding unit <c>first_unit + j</c> as <c>RandomStream.FillX</c> does on the CPU.
/// Work-item g computes one Philox block (the g-th block the range touches) and writes the units it covers,
/// so each block is computed once however the range is aligned.
/// </summary>
public static class RandomFillKernels
{
    /// <summary>Kernel names, one per kind of draw.</summary>
    internal const string Bits = "ebm_fill_bits", Uniform = "ebm_fill_uniform", Normal = "ebm_fill_normal",
        Bernoulli = "ebm_fill_bernoulli", BernoulliLogit = "ebm_fill_bernoulli_logit",
        UniformDouble = "ebm_fill_uniform_double", NormalDouble = "ebm_fill_normal_double";

    /// <summary>
    /// The fill kernels after <see cref="RandomFunctions.Source"/>. Arguments: the output buffer (after the input
    /// buffer for Bernoulli), then <c>uint n, ulong seed, uint stream, ulong step, uint first_unit</c>.
    /// Single-precision draws use blocks of 4 units, double-precision draws blocks of 2.
    /// </summary>
    public const string Source = RandomFunctions.Source + """
        // Element j = unit - first, written only if it is in range; unit < 2^32 since block < 2^30 (2^31 for doubles).
        #define EBM_PUT(out, first, n, unit, value) \
            if ((unit) >= (first) && (unit) - (first) < (n)) (out)[(unit) - (first)] = (value)

        __kernel void ebm_fill_bits(__global uint* out, uint n, ulong seed, uint stream, ulong step, uint first_unit)
        {
            uint block = (first_unit >> 2) + (uint)get_global_id(0);
            uint4 w = ebm_rng_block(seed, stream, step, block);
            uint u = block << 2;
            EBM_PUT(out, first_unit, n, u, w.x);
            EBM_PUT(out, first_unit, n, u + 1u, w.y);
            EBM_PUT(out, first_unit, n, u + 2u, w.z);
            EBM_PUT(out, first_unit, n, u + 3u, w.w);
        }

        __kernel void ebm_fill_uniform(__global float* out, uint n, ulong seed, uint stream, ulong step, uint first_unit)
        {
            uint block = (first_unit >> 2) + (uint)get_global_id(0);
            uint4 w = ebm_rng_block(seed, stream, step, block);
            uint u = block << 2;
            EBM_PUT(out, first_unit, n, u, ebm_uniform_from_bits(w.x));
            EBM_PUT(out, first_unit, n, u + 1u, ebm_uniform_from_bits(w.y));
            EBM_PUT(out, first_unit, n, u + 2u, ebm_uniform_from_bits(w.z));
            EBM_PUT(out, first_unit, n, u + 3u, ebm_uniform_from_bits(w.w));
        }

        __kernel void ebm_fill_normal(__global float* out, uint n, ulong seed, uint stream, ulong step, uint first_unit)
        {
            uint block = (first_unit >> 2) + (uint)get_global_id(0);
            uint4 w = ebm_rng_block(seed, stream, step, block);
            float2 z01 = ebm_box_muller(w.x, w.y), z23 = ebm_box_muller(w.z, w.w);
            uint u = block << 2;
            EBM_PUT(out, first_unit, n, u, z01.x);
            EBM_PUT(out, first_unit, n, u + 1u, z01.y);
            EBM_PUT(out, first_unit, n, u + 2u, z23.x);
            EBM_PUT(out, first_unit, n, u + 3u, z23.y);
        }

        // 1.0f or 0.0f, as RandomStream.FillBernoulli writes on the CPU; p[j] belongs to unit first_unit + j.
        __kernel void ebm_fill_bernoulli(__global const float* p, __global float* out, uint n, ulong seed, uint stream, ulong step, uint first_unit)
        {
            uint block = (first_unit >> 2) + (uint)get_global_id(0);
            uint4 w = ebm_rng_block(seed, stream, step, block);
            uint u = block << 2;
            EBM_PUT(out, first_unit, n, u, ebm_bernoulli_from_bits(w.x, p[u - first_unit]) ? 1.0f : 0.0f);
            EBM_PUT(out, first_unit, n, u + 1u, ebm_bernoulli_from_bits(w.y, p[u + 1u - first_unit]) ? 1.0f : 0.0f);
            EBM_PUT(out, first_unit, n, u + 2u, ebm_bernoulli_from_bits(w.z, p[u + 2u - first_unit]) ? 1.0f : 0.0f);
            EBM_PUT(out, first_unit, n, u + 3u, ebm_bernoulli_from_bits(w.w, p[u + 3u - first_unit]) ? 1.0f : 0.0f);
        }

        __kernel void ebm_fill_bernoulli_logit(__global const float* logit, __global float* out, uint n, ulong seed, uint stream, ulong step, uint first_unit)
        {
            uint block = (first_unit >> 2) + (uint)get_global_id(0);
            uint4 w = ebm_rng_block(seed, stream, step, block);
            uint u = block << 2;
            EBM_PUT(out, first_unit, n, u, ebm_bernoulli_logit_from_bits(w.x, logit[u - first_unit]) ? 1.0f : 0.0f);
            EBM_PUT(out, first_unit, n, u + 1u, ebm_bernoulli_logit_from_bits(w.y, logit[u + 1u - first_unit]) ? 1.0f : 0.0f);
            EBM_PUT(out, first_unit, n, u + 2u, ebm_bernoulli_logit_from_bits(w.z, logit[u + 2u - first_unit]) ? 1.0f : 0.0f);
            EBM_PUT(out, first_unit, n, u + 3u, ebm_bernoulli_logit_from_bits(w.w, logit[u + 3u - first_unit]) ? 1.0f : 0.0f);
        }

        #ifdef cl_khr_fp64
        __kernel void ebm_fill_uniform_double(__global double* out, uint n, ulong seed, uint stream, ulong step, uint first_unit)
        {
            uint block = (first_unit >> 1) + (uint)get_global_id(0);
            uint4 w = ebm_rng_block(seed, stream, step, block);
            uint u = block << 1;
            EBM_PUT(out, first_unit, n, u, ebm_uniform_double_from_bits(w.x, w.y));
            EBM_PUT(out, first_unit, n, u + 1u, ebm_uniform_double_from_bits(w.z, w.w));
        }

        __kernel void ebm_fill_normal_double(__global double* out, uint n, ulong seed, uint stream, ulong step, uint first_unit)
        {
            uint block = (first_unit >> 1) + (uint)get_global_id(0);
            double2 z = ebm_box_muller_double(ebm_rng_block(seed, stream, step, block));
            uint u = block << 1;
            EBM_PUT(out, first_unit, n, u, z.x);
            EBM_PUT(out, first_unit, n, u + 1u, z.y);
        }
        #endif

        """;
}

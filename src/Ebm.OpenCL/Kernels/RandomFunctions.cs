namespace Ebm.OpenCL.Kernels;

/// <summary>
/// The random stream of <c>Ebm.Rng.RandomStream</c> in OpenCL C 1.2: Philox4x32-10 keyed by
/// (seed, stream, step, unit) and the conversions of <c>specs/rng.md</c>, as functions that a kernel's source
/// starts with (prepend <see cref="Source"/>; OpenCL C 1.2 has no <c>#include</c> of a string).
/// </summary>
/// <remarks>
/// Words, float and double uniforms and Bernoulli(p) are bit-exact with the CPU; normals and logit-Bernoulli
/// use the device's log, sqrt, cos, sin and exp and agree to a few ulps (see <c>specs/rng.md</c> §6).
/// Every name starts with <c>ebm_</c>. The source turns floating-point contraction off for the rest of the
/// program, as C# never contracts either. Double-precision functions exist only where <c>cl_khr_fp64</c> does.
/// </remarks>
public static class RandomFunctions
{
    /// <summary>The OpenCL C 1.2 functions, to be placed before the kernels that call them.</summary>
    public const string Source = """
        // ---- Ebm random stream (specs/rng.md): Philox4x32-10 keyed by (seed, stream, step, unit) ----
        // Bit-exact with the CPU only if no a*b+c is fused; C# never fuses either.
        #pragma OPENCL FP_CONTRACT OFF

        // Random123 philox4x32_R(10, ctr, key). mul_hi gives the high half of the 32x32->64 product
        // without 64-bit arithmetic, which some GPUs emulate.
        uint4 ebm_philox4x32_10(uint4 ctr, uint2 key)
        {
            for (int r = 0; r < 10; r++) {
                if (r > 0) { key.x += 0x9E3779B9u; key.y += 0xBB67AE85u; }
                uint hi0 = mul_hi(0xD2511F53u, ctr.x), lo0 = 0xD2511F53u * ctr.x;
                uint hi1 = mul_hi(0xCD9E8D57u, ctr.z), lo1 = 0xCD9E8D57u * ctr.z;
                ctr = (uint4)(hi1 ^ ctr.y ^ key.x, lo1, hi0 ^ ctr.w ^ key.y, lo0);
            }
            return ctr;
        }

        // key = (seed lo, seed hi)
        uint2 ebm_rng_key(ulong seed)
        {
            return (uint2)((uint)seed, (uint)(seed >> 32));
        }

        // counter(b) = (b, step lo, step hi, stream)
        uint4 ebm_rng_counter(uint stream, ulong step, uint block)
        {
            return (uint4)(block, (uint)step, (uint)(step >> 32), stream);
        }

        // The 128 bits of block b of (seed, stream, step): RandomStream.Block(b).
        uint4 ebm_rng_block(ulong seed, uint stream, ulong step, uint block)
        {
            return ebm_philox4x32_10(ebm_rng_counter(stream, step, block), ebm_rng_key(seed));
        }

        uint ebm_word(uint4 b, uint i)
        {
            return i == 0u ? b.x : i == 1u ? b.y : i == 2u ? b.z : b.w;
        }

        // ((x >> 8) + 1) * 2^-24 in (0, 1]: the integer is at most 2^24, so conversion and product are exact.
        float ebm_uniform_from_bits(uint x)
        {
            return (float)((x >> 8) + 1u) * 0x1p-24f;
        }

        // Box-Muller on two words; in float, in this order. 6.2831855f is (float)(2 pi) as in BoxMuller.TwoPiSingle.
        float2 ebm_box_muller(uint first, uint second)
        {
            float r = sqrt(-2.0f * log(ebm_uniform_from_bits(first)));
            float theta = 6.2831855f * ebm_uniform_from_bits(second);
            return (float2)(r * cos(theta), r * sin(theta));
        }

        // u <= p, not u < p: u can be 1 but never 0, so p = 1 is always true and p = 0 never.
        int ebm_bernoulli_from_bits(uint x, float p)
        {
            return ebm_uniform_from_bits(x) <= p;
        }

        int ebm_bernoulli_logit_from_bits(uint x, float logit)
        {
            return ebm_uniform_from_bits(x) <= 1.0f / (1.0f + exp(-logit));
        }

        // Draws of unit i, as RandomStream.Bits/Uniform/Normal/Bernoulli/BernoulliLogit(i).
        uint ebm_rng_bits(ulong seed, uint stream, ulong step, uint unit)
        {
            return ebm_word(ebm_rng_block(seed, stream, step, unit >> 2), unit & 3u);
        }

        float ebm_rng_uniform(ulong seed, uint stream, ulong step, uint unit)
        {
            return ebm_uniform_from_bits(ebm_rng_bits(seed, stream, step, unit));
        }

        // Units 2k and 2k+1 share one transform of their two words: Z0 for the even unit, Z1 for the odd.
        float ebm_rng_normal(ulong seed, uint stream, ulong step, uint unit)
        {
            uint4 b = ebm_rng_block(seed, stream, step, unit >> 2);
            float2 z = (unit & 2u) == 0u ? ebm_box_muller(b.x, b.y) : ebm_box_muller(b.z, b.w);
            return (unit & 1u) == 0u ? z.x : z.y;
        }

        int ebm_rng_bernoulli(ulong seed, uint stream, ulong step, uint unit, float p)
        {
            return ebm_bernoulli_from_bits(ebm_rng_bits(seed, stream, step, unit), p);
        }

        int ebm_rng_bernoulli_logit(ulong seed, uint stream, ulong step, uint unit, float logit)
        {
            return ebm_bernoulli_logit_from_bits(ebm_rng_bits(seed, stream, step, unit), logit);
        }

        #ifdef cl_khr_fp64
        #pragma OPENCL EXTENSION cl_khr_fp64 : enable

        // 27 bits of high above 26 bits of low, plus one, times 2^-53: exact, since k + 1 <= 2^53.
        double ebm_uniform_double_from_bits(uint high, uint low)
        {
            ulong k = ((ulong)(high >> 5) << 26) | (ulong)(low >> 6);
            return (double)(k + 1ul) * 0x1p-53;
        }

        // W0, W1 give the radius and W2, W3 the angle; 6.283185307179586 is (double)(2 pi).
        double2 ebm_box_muller_double(uint4 b)
        {
            double r = sqrt(-2.0 * log(ebm_uniform_double_from_bits(b.x, b.y)));
            double theta = 6.283185307179586 * ebm_uniform_double_from_bits(b.z, b.w);
            return (double2)(r * cos(theta), r * sin(theta));
        }

        // Unit i uses block i >> 1: (W0, W1) for even i, (W2, W3) for odd i.
        double ebm_rng_uniform_double(ulong seed, uint stream, ulong step, uint unit)
        {
            uint4 b = ebm_rng_block(seed, stream, step, unit >> 1);
            return (unit & 1u) == 0u ? ebm_uniform_double_from_bits(b.x, b.y) : ebm_uniform_double_from_bits(b.z, b.w);
        }

        double ebm_rng_normal_double(ulong seed, uint stream, ulong step, uint unit)
        {
            double2 z = ebm_box_muller_double(ebm_rng_block(seed, stream, step, unit >> 1));
            return (unit & 1u) == 0u ? z.x : z.y;
        }
        #endif
        // ---- end of the Ebm random stream ----

        """;
}

using Ebm.OpenCL;

namespace Ebm.OpenCL.Tests;

public class ContextTests
{
    private const string Copy = """
        __kernel void copy_args(__global uint* out, int a, uint b, float c, ulong d)
        {
            size_t i = get_global_id(0);
            out[5 * i] = (uint)a;
            out[5 * i + 1] = b;
            out[5 * i + 2] = as_uint(c);
            out[5 * i + 3] = (uint)d;
            out[5 * i + 4] = (uint)(d >> 32) + (uint)i;
        }
        """;

    [Fact]
    public void A_device_record_not_from_the_driver_is_refused()
    {
        var made = new OpenClDevice("P", "D", "gpu", "V", "OpenCL 1.2", "OpenCL C 1.2", 1, 1, 1);
        var e = Assert.Throws<ArgumentException>(() => new OpenClContext(made));
        Assert.Contains("OpenClPlatforms.List()", e.Message);
    }

    [SkippableFact]
    public void Kernel_receives_each_typed_argument_and_runs_over_the_global_range()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        const int N = 64;
        using OpenClBuffer<uint> output = context.Allocate<uint>(5 * N);
        using OpenClKernel kernel = context.Build(Copy).CreateKernel("copy_args");
        kernel.SetBuffer(0, output);
        kernel.SetInt(1, -7);
        kernel.SetUInt(2, 0xFFFF_FFFEu);
        kernel.SetFloat(3, -1.5f);
        kernel.SetULong(4, 0x1234_5678_9ABC_DEF0UL);
        kernel.Launch(N, 16);

        uint[] words = output.ToArray();
        for (uint i = 0; i < N; i++)
        {
            Assert.Equal(unchecked((uint)-7), words[5 * i]);
            Assert.Equal(0xFFFF_FFFEu, words[5 * i + 1]);
            Assert.Equal(BitConverter.SingleToUInt32Bits(-1.5f), words[5 * i + 2]);
            Assert.Equal(0x9ABC_DEF0u, words[5 * i + 3]);
            Assert.Equal(0x1234_5678u + i, words[5 * i + 4]);
        }

        // Arguments persist between launches; only the changed one differs.
        kernel.SetInt(1, 3);
        kernel.Launch(N);
        words = output.ToArray();
        Assert.All(Enumerable.Range(0, N), i => Assert.Equal(3u, words[5 * i]));
        Assert.Equal(0x9ABC_DEF0u, words[5 * (N - 1) + 3]);
    }

    [SkippableFact]
    public void Launch_checks_the_work_group_size_and_ignores_an_empty_range()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        using OpenClBuffer<uint> output = context.Upload<uint>([1, 2, 3, 4, 5]);
        using OpenClKernel kernel = context.Build(Copy).CreateKernel("copy_args");
        kernel.SetBuffer(0, output);
        kernel.SetInt(1, 0);
        kernel.SetUInt(2, 0);
        kernel.SetFloat(3, 0);
        kernel.SetULong(4, 0);
        var e = Assert.Throws<ArgumentException>(() => kernel.Launch(10, 4));
        Assert.Contains("multiple of the work-group size 4", e.Message);
        kernel.Launch(0);
        Assert.Equal([1u, 2, 3, 4, 5], output.ToArray());
    }

    [SkippableFact]
    public void Driver_errors_name_the_call_and_the_status()
    {
        using OpenClKernel kernel = OpenClRequirement.SharedContext().Build(Copy).CreateKernel("copy_args");
        var e = Assert.Throws<OpenClException>(() => kernel.SetInt(9, 1));
        Assert.Equal("clSetKernelArg(copy_args, argument 9)", e.Call);
        Assert.Equal(-49, e.Status);
        Assert.Contains("CL_INVALID_ARG_INDEX", e.Message);

        e = Assert.Throws<OpenClException>(() => kernel.Launch(4));
        Assert.StartsWith("clEnqueueNDRangeKernel(copy_args, global 4)", e.Call);
        Assert.Contains("CL_INVALID_KERNEL_ARGS", e.Message);
    }

    [SkippableFact]
    public void Unknown_kernel_name_lists_the_kernels_of_the_program()
    {
        OpenClProgram program = OpenClRequirement.SharedContext().Build(Copy);
        Assert.Equal(["copy_args"], program.KernelNames);
        var e = Assert.Throws<ArgumentException>(() => program.CreateKernel("copy_arg"));
        Assert.Contains("'copy_arg'", e.Message);
        Assert.Contains("Kernels: copy_args", e.Message);
    }

    [SkippableFact]
    public void Program_cache_builds_each_source_and_options_once_per_context()
    {
        const string Source = "__kernel void cached(__global int* x) { x[get_global_id(0)] += 1; }";
        using OpenClContext context = OpenClRequirement.NewContext();
        OpenClProgram first = context.Build(Source);
        OpenClProgram again = context.Build(Source);
        Assert.Same(first, again);
        Assert.Equal(1, context.ProgramsBuilt);
        Assert.Matches("^[0-9a-f]{64}$", first.Hash);

        OpenClProgram withOptions = context.Build(Source, "-cl-std=CL1.2");
        Assert.NotSame(first, withOptions);
        Assert.NotEqual(first.Hash, withOptions.Hash);
        Assert.Same(withOptions, context.Build(Source, "-cl-std=CL1.2"));
        Assert.Equal(2, context.ProgramsBuilt);

        OpenClProgram other = context.Build(Source + "\n");
        Assert.NotSame(first, other);
        Assert.Equal(3, context.ProgramsBuilt);

        // The cached program still works.
        using OpenClBuffer<int> x = context.Upload<int>([10, 20]);
        using OpenClKernel kernel = again.CreateKernel("cached");
        kernel.SetBuffer(0, x);
        kernel.Launch(2);
        Assert.Equal([11, 21], x.ToArray());
    }

    [SkippableFact]
    public void Syntax_error_throws_with_the_build_log_and_the_source_around_it()
    {
        string source = string.Join('\n',
            "// line 1",
            "__kernel void broken(__global float* x)",
            "{",
            "    x[get_global_id(0)] = undeclared_thing_xyz * 2.0f;",
            "}");
        using OpenClContext context = OpenClRequirement.NewContext();
        var e = Assert.Throws<OpenClBuildException>(() => context.Build(source));
        Assert.Equal(-11, e.Status);
        Assert.Contains("undeclared_thing_xyz", e.BuildLog);
        Assert.Contains(e.BuildLog, e.Message);
        Assert.Contains(context.Device.DisplayName, e.Message);
        Assert.Contains(">4 | ", e.SourceExcerpt);
        Assert.Contains("undeclared_thing_xyz * 2.0f", e.SourceExcerpt);
        Assert.Contains(e.SourceExcerpt, e.Message);
        // A failed build is not cached: asking again compiles again and fails again.
        Assert.Equal(0, context.ProgramsBuilt);
        Assert.Throws<OpenClBuildException>(() => context.Build(source));
    }

    [SkippableFact]
    public void Invalid_build_options_throw_a_build_exception_naming_them()
    {
        using OpenClContext context = OpenClRequirement.NewContext();
        var e = Assert.Throws<OpenClBuildException>(() => context.Build("__kernel void k() {}", "-no-such-option-xyz"));
        Assert.Contains("-no-such-option-xyz", e.Message);
    }

    [SkippableFact]
    public void Buffers_round_trip_whole_and_at_offsets()
    {
        OpenClContext context = OpenClRequirement.SharedContext();
        double[] values = Enumerable.Range(0, 1000).Select(i => Math.Sqrt(i) - 7.25).ToArray();
        using OpenClBuffer<double> buffer = context.Upload<double>(values);
        Assert.Equal(1000, buffer.Length);
        Assert.Equal(8000, buffer.SizeInBytes);
        Assert.Equal(values, buffer.ToArray());

        buffer.Write([-1.0, -2.0, -3.0], 997);
        var tail = new double[5];
        buffer.Read(tail, 995);
        Assert.Equal([values[995], values[996], -1.0, -2.0, -3.0], tail);

        Assert.Throws<ArgumentException>(() => buffer.Write(new double[4], 997));
        Assert.Throws<ArgumentException>(() => buffer.Read(new double[1001]));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Read(new double[1], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => context.Allocate<float>(0));

        using OpenClBuffer<ulong> wide = context.Upload<ulong>([ulong.MaxValue, 1UL << 63, 0]);
        Assert.Equal([ulong.MaxValue, 1UL << 63, 0UL], wide.ToArray());
    }

    [SkippableFact]
    public void Disposing_twice_is_harmless_and_releases_what_the_context_made()
    {
        OpenClContext context = OpenClRequirement.NewContext();
        OpenClBuffer<float> kept = context.Allocate<float>(16);
        OpenClBuffer<float> freed = context.Allocate<float>(16);
        OpenClKernel kernel = context.Build("__kernel void k(__global float* x) { x[0] = 1.0f; }").CreateKernel("k");
        freed.Dispose();
        freed.Dispose();
        kernel.Dispose();
        kernel.Dispose();

        context.Dispose();
        context.Dispose();
        kept.Dispose();
        Assert.Throws<ObjectDisposedException>(() => kept.Read(new float[1]));
        Assert.Throws<ObjectDisposedException>(() => context.Allocate<float>(1));
        Assert.Throws<ObjectDisposedException>(() => context.Build("__kernel void k2() {}"));
        Assert.Throws<ObjectDisposedException>(() => kernel.SetInt(0, 1));
        Assert.Throws<ObjectDisposedException>(() => context.Finish());
    }

    [SkippableFact]
    public void Buffers_of_another_context_are_refused()
    {
        OpenClContext shared = OpenClRequirement.SharedContext();
        using OpenClContext other = OpenClRequirement.NewContext();
        using OpenClBuffer<float> foreign = other.Allocate<float>(1);
        using OpenClKernel kernel = shared.Build("__kernel void k(__global float* x) { x[0] = 1.0f; }").CreateKernel("k");
        var e = Assert.Throws<ArgumentException>(() => kernel.SetBuffer(0, foreign));
        Assert.Contains("another context", e.Message);
    }
}

namespace Ebm.OpenCL.Tests;

public class SamplerBackendTests
{
    [Fact]
    public void Names_parse_to_backends_and_print_back()
    {
        Assert.Same(SamplerBackend.Cpu, SamplerBackend.Parse("CPU", "ignored"));
        Assert.Equal("cpu", SamplerBackend.Cpu.ToString());
        Assert.Equal(SamplerBackend.OpenCl, SamplerBackend.Parse("opencl", null));
        Assert.Equal("opencl", SamplerBackend.OpenCl.ToString());
        SamplerBackend gpu = SamplerBackend.Parse("OpenCL", "gpu");
        Assert.True(gpu.IsOpenCl);
        Assert.Equal("gpu", gpu.Device);
        Assert.Equal("opencl:gpu", gpu.ToString());
        Assert.Equal(SamplerBackend.OpenCl, SamplerBackend.OpenClDevice(""));
    }

    [Fact]
    public void An_unknown_name_says_which_names_exist()
    {
        var e = Assert.Throws<ArgumentException>(() => SamplerBackend.Parse("cuda", null));
        Assert.Contains("cpu or opencl", e.Message);
    }
}

using Ebm.OpenCL;

namespace Ebm.OpenCL.Tests;

// Log parsing needs no device: the exception is built from a log in each compiler's style.
public class BuildExceptionTests
{
    private static readonly OpenClDevice Device = new("Platform", "Device", "gpu", "Vendor", "OpenCL 3.0", "OpenCL C 1.2", 1, 1, 1);

    [Theory]
    [InlineData("<kernel>:12:5: error: use of undeclared identifier 'q'")]
    [InlineData("<source>:3:1: warning: unused\n<source>:12:5: error: expected ';'")]
    [InlineData("error: /tmp/x.cl:12:9: use of undeclared identifier 'q'")]
    public void The_excerpt_centres_on_the_first_error_line_in_either_log_style(string log)
    {
        string source = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"line{i}"));
        var e = new OpenClBuildException(Device, "", -11, log, source);
        string[] expected = ["  9 | line9", " 10 | line10", " 11 | line11", ">12 | line12", " 13 | line13", " 14 | line14", " 15 | line15"];
        Assert.Equal(string.Join('\n', expected), e.SourceExcerpt);
    }

    [Fact]
    public void Without_a_line_number_the_excerpt_is_the_start_of_the_source()
    {
        string source = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"line{i}"));
        var e = new OpenClBuildException(Device, "-x", -43, "", source);
        Assert.StartsWith(" 1 | line1\n", e.SourceExcerpt);
        Assert.EndsWith(" 7 | line7", e.SourceExcerpt);
        Assert.Contains("(the driver returned no log)", e.Message);
        Assert.Contains("(options: -x)", e.Message);
    }
}

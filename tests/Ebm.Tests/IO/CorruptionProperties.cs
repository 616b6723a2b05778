using Ebm.Data;
using Ebm.IO;
using Ebm.Tests.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Tests.IO;

/// <summary>
/// Every reader, given a valid file with random damage (cut short, bytes overwritten, bytes inserted), either reads
/// it or throws <see cref="DataFormatException"/>: never an index, stream or overflow exception from inside.
/// </summary>
public class CorruptionProperties
{
    /// <summary>One kind of damage at a position and with a value, both scaled to the file at hand.</summary>
    public sealed record Damage(int Kind, double Where, byte Value, int Count);

    private static Arbitrary<Damage> Damages =>
        (from kind in Gen.Choose(0, 2)
         from position in Gen.Choose(0, 10_000).Select(i => i / 10_000.0)
         from value in Gen.Choose(0, 255).Select(v => (byte)v)
         from count in Gen.Choose(1, 8)
         select new Damage(kind, position, value, count)).ToArbitrary();

    private static byte[] Apply(byte[] file, Damage d)
    {
        int at = (int)(d.Where * file.Length);
        return d.Kind switch
        {
            0 => file[..at],
            1 => [.. file[..at], .. Enumerable.Repeat(d.Value, Math.Min(d.Count, file.Length - at)), .. file[Math.Min(file.Length, at + d.Count)..]],
            _ => [.. file[..at], .. Enumerable.Repeat(d.Value, d.Count), .. file[at..]],
        };
    }

    private static void ReadsOrReportsTheFormat(Action read)
    {
        try
        {
            read();
        }
        catch (DataFormatException)
        {
        }
    }

    private static readonly byte[] IdxFile = IdxBytes.Int16([.. Enumerable.Range(0, 60).Select(i => (short)(i * 977))], 3, 4, 5);
    private static readonly byte[] IdxGzip = IdxBytes.Gzip(IdxBytes.UnsignedBytes([.. Enumerable.Range(0, 300).Select(i => (byte)(i * i))], 3, 10, 10));
    private static readonly byte[] NpyFile = Npy.Encode(NpyArray.FromDoubles([3, 5], [.. Enumerable.Range(0, 15).Select(i => Math.Sqrt(i))]));
    private static readonly byte[] SafetensorsFile = MakeSafetensors();

    private static byte[] MakeSafetensors()
    {
        using var folder = new TempFolder();
        var file = new Ebm.IO.SafetensorsFile(
            [NamedTensor.FromSingles("W", [4, 3], new float[12]), NamedTensor.FromDoubles("log_z", [], [1.5]), NamedTensor.FromBytes("m", [5], [1, 0, 1, 0, 1])],
            new Dictionary<string, string> { [ModelFileKeys.Model] = "BernoulliRbm", [ModelFileKeys.Sizes] = "{\"v\":4,\"h\":3}" });
        Safetensors.Write(folder.File("x"), file);
        return File.ReadAllBytes(folder.File("x"));
    }

    [Property(MaxTest = 400)]
    public Property Idx() => Prop.ForAll(Damages, d => ReadsOrReportsTheFormat(() => Ebm.Data.Idx.Parse(Apply(IdxFile, d), "x")));

    [Property(MaxTest = 300)]
    public Property IdxGzipped() => Prop.ForAll(Damages, d => ReadsOrReportsTheFormat(() => Ebm.Data.Idx.Parse(Apply(IdxGzip, d), "x")));

    [Property(MaxTest = 400)]
    public Property NpyFiles() => Prop.ForAll(Damages, d => ReadsOrReportsTheFormat(() => Npy.Parse(Apply(NpyFile, d), "x")));

    [Property(MaxTest = 400)]
    public Property SafetensorsFiles() => Prop.ForAll(Damages, d => ReadsOrReportsTheFormat(() => Safetensors.Parse(Apply(SafetensorsFile, d), "x")));

    [Property(MaxTest = 150)]
    public Property NpzArchives() => Prop.ForAll(Damages, d =>
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("x.npz"), Apply(File.ReadAllBytes(Fixtures.File("rbm-tiny-f64-compressed.npz")), d));
        ReadsOrReportsTheFormat(() => Npz.Read(folder.File("x.npz")));
    });
}

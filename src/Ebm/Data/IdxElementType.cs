namespace Ebm.Data;

/// <summary>The element types of the IDX format; each value is the type code in byte 2 of the file.</summary>
public enum IdxElementType
{
    /// <summary>Unsigned byte (0x08), the type of the MNIST and Fashion-MNIST images and labels.</summary>
    UnsignedByte = 0x08,

    /// <summary>Signed byte (0x09).</summary>
    SignedByte = 0x09,

    /// <summary>Big-endian 16-bit signed integer (0x0B).</summary>
    Int16 = 0x0B,

    /// <summary>Big-endian 32-bit signed integer (0x0C).</summary>
    Int32 = 0x0C,

    /// <summary>Big-endian IEEE-754 single (0x0D).</summary>
    Single = 0x0D,

    /// <summary>Big-endian IEEE-754 double (0x0E).</summary>
    Double = 0x0E,
}

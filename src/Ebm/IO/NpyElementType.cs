namespace Ebm.IO;

/// <summary>The element types Ebm reads from and writes to .npy files (numpy's <c>descr</c> in brackets).</summary>
public enum NpyElementType
{
    /// <summary>Little-endian IEEE-754 single (<c>&lt;f4</c>).</summary>
    Float32,

    /// <summary>Little-endian IEEE-754 double (<c>&lt;f8</c>).</summary>
    Float64,

    /// <summary>Unsigned byte (<c>|u1</c>).</summary>
    UInt8,

    /// <summary>Boolean, one byte of 0 or 1 (<c>|b1</c>).</summary>
    Bool,

    /// <summary>Fixed-width UTF-32 text (<c>&lt;U</c>n): how numpy stores a Python string, such as the metadata of an .npz file.</summary>
    Unicode,
}

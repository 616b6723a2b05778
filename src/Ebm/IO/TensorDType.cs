namespace Ebm.IO;

/// <summary>The safetensors element types Ebm reads and writes; the names are the format's <c>dtype</c> strings.</summary>
public enum TensorDType
{
    /// <summary>Little-endian IEEE-754 single, 4 bytes: every model parameter.</summary>
    F32,

    /// <summary>Little-endian IEEE-754 double, 8 bytes: log Z estimates and other statistics kept in double.</summary>
    F64,

    /// <summary>Unsigned byte: binary states, masks, random-generator state.</summary>
    U8,
}

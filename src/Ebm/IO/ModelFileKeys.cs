namespace Ebm.IO;

/// <summary>
/// The metadata keys of Ebm's model files (safetensors <c>__metadata__</c>, whose values are strings). A file written
/// for one model must not be loaded into another: <see cref="Safetensors.Read(string, string)"/> checks
/// <see cref="Model"/>, and <see cref="Safetensors.Read(string, string, string)"/> also the declaration hash.
/// </summary>
public static class ModelFileKeys
{
    /// <summary>The model's name as declared (its <c>Description.Name</c>), e.g. <c>BernoulliRbm</c>.</summary>
    public const string Model = "ebm.model";

    /// <summary>A hash of the model's declaration, hex; a changed energy changes what the parameters mean.</summary>
    public const string DeclarationHash = "ebm.declaration_hash";

    /// <summary>The size values, as a JSON object such as <c>{"v":784,"h":500}</c>.</summary>
    public const string Sizes = "ebm.sizes";

    /// <summary>The training options that produced the parameters, as a JSON object (method, k, learning rate, seed, epochs…).</summary>
    public const string Training = "ebm.training";

    /// <summary>The format of the file's layout, <c>ebm-parameters-1</c> for one tensor per trainable parameter.</summary>
    public const string Format = "format";
}

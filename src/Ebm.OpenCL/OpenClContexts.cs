using System.Collections.Concurrent;

namespace Ebm.OpenCL;

/// <summary>
/// One context per device for the whole process, so that the high-level samplers build each model's program once
/// (the program cache lives in the context). They are never disposed: they live as long as the process.
/// </summary>
public static class OpenClContexts
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenClContext>> s_contexts = new(StringComparer.Ordinal);

    /// <summary>The shared context of the device <paramref name="selector"/> chooses (null: <c>EBM_OPENCL_DEVICE</c>, see <see cref="OpenClPlatforms.Select(string)"/>).</summary>
    /// <param name="selector">A device type or part of its name; null or empty for the environment's choice.</param>
    /// <returns>The context, created on first use.</returns>
    /// <exception cref="OpenClUnavailableException">There is no OpenCL device, or none matches the selector.</exception>
    public static OpenClContext Shared(string? selector)
    {
        OpenClDevice device = string.IsNullOrEmpty(selector) ? OpenClPlatforms.Select() : OpenClPlatforms.Select(selector);
        return s_contexts.GetOrAdd(device.DisplayName, _ => new Lazy<OpenClContext>(() => new OpenClContext(device))).Value;
    }
}

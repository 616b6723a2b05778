using System.Globalization;
using Ebm.Generators.Ir;
using Ebm.Generators.Model;
using Ebm.Generators.Structure;

namespace Ebm.Generators.Emit;

/// <summary>
/// The OpenCL C 1.2 program of one model (specs/opencl.md, "Generated kernels"): the model functions built from
/// the same IR programs as the C# (energy, state gradient, conditional logits, Gaussian conditionals), then one
/// kernel per operation with one work item per chain. The kernels draw from the Ebm random stream keyed exactly
/// as the CPU samplers in <c>src/Ebm/Sampling</c> do, so the runtime prepends <c>RandomFunctions.Source</c>.
/// </summary>
internal static class OpenClProgram
{
    public const string Energy = "ebm_energy", StateGradient = "ebm_state_gradient", UlaStep = "ebm_ula_step", MalaStep = "ebm_mala_step", GibbsBlock = "ebm_gibbs_block_";

    public static string Source(ModelSpec model, StructureSpec structure)
    {
        var layout = new OpenClLayout(model);
        var w = new SourceWriter();
        WriteHeader(w, model, layout);
        WriteHelpers(w);
        var states = layout.States;
        var continuous = states.Where(s => s.Role == Role.ContinuousState).ToList();

        OpenClFunction.Write(w, EnergyPrograms.Energy(model), layout, "ebm_model_energy", "E of one chain.", new Dictionary<string, (string, string)>());
        w.Line();
        if (continuous.Count > 0)
        {
            var outputs = continuous.ToDictionary(s => s.Name, s => (Gradient(layout, s), layout.StateSize(s)));
            OpenClFunction.Write(w, EnergyPrograms.StateGradient(model), layout, "ebm_model_gradient",
                $"E of one chain, with dE/d{string.Join(", dE/d", continuous.Select(s => s.Name))} written to {string.Join(", ", continuous.Select(s => Gradient(layout, s)))}.", outputs);
            w.Line();
        }
        foreach (var group in structure.Binary)
        {
            var state = states[layout.StateIndex(group)];
            OpenClFunction.Write(w, StructurePrograms.ConditionalLogits(model, group), layout, Logits(layout, group),
                $"The conditional logits of {group}, E({group}_i = 0) - E({group}_i = 1), written to l.",
                new Dictionary<string, (string, string)> { [StructurePrograms.Logits] = ("l", layout.StateSize(state)) });
            w.Line();
        }
        foreach (var group in structure.Gaussian)
        {
            var state = states[layout.StateIndex(group)];
            OpenClFunction.Write(w, StructurePrograms.GaussianConditional(model, group), layout, Gaussian(layout, group),
                $"The Gaussian conditional of {group} given the other groups: mean to m, variance to v ({group} itself is not read).",
                new Dictionary<string, (string, string)> { [StructurePrograms.Mean] = ("m", layout.StateSize(state)), [StructurePrograms.Variance] = ("v", layout.StateSize(state)) });
            w.Line();
        }

        WriteEnergyKernel(w, layout);
        if (continuous.Count > 0)
            WriteGradientKernel(w, layout, continuous);
        if (continuous.Count > 0 && continuous.Count == states.Count)
        {
            WriteUlaKernel(w, layout);
            WriteMalaKernel(w, layout);
        }
        for (int b = 0; b < structure.Blocks.Count; b++)
            WriteGibbsKernel(w, layout, structure, b);
        return w.ToString();
    }

    private static string Gradient(OpenClLayout layout, InputSpec state) => "g" + layout.StateIndex(state.Name).ToString(CultureInfo.InvariantCulture);

    private static string Logits(OpenClLayout layout, string group) => "ebm_model_logits_" + layout.StateIndex(group).ToString(CultureInfo.InvariantCulture);

    private static string Gaussian(OpenClLayout layout, string group) => "ebm_model_gaussian_" + layout.StateIndex(group).ToString(CultureInfo.InvariantCulture);

    private static void WriteHeader(SourceWriter w, ModelSpec model, OpenClLayout layout)
    {
        w.Line($"// OpenCL C 1.2 kernels of the energy model {model.ClassName}, generated from its Energy by Ebm.Generators.");
        w.Line("// Build with RandomFunctions.Source before this text and -D EBM_SIZE_k=value for every size:");
        for (int k = 0; k < model.Sizes.Count; k++)
            w.Line($"//   {OpenClLayout.Size(k)} = {model.Sizes[k]}");
        w.Line("// State group k of chain c is row c of buffer S{k} (the contract's row-major batch):");
        foreach (var s in layout.States)
            w.Line($"//   s{layout.StateIndex(s.Name)} = {s.Name} ({(s.Role == Role.BinaryState ? "binary" : "continuous")}, {OpenClLayout.Size(s.Shape.Length)} units)");
        w.Line("// The parameter buffer p holds the trainable vector (ModelLayout.Parameters), then the const parameters:");
        foreach (var p in model.Inputs.Where(i => i.Role == Role.Trainable).Concat(model.Inputs.Where(i => i.Role == Role.Const)))
            w.Line($"//   {p.Name}: {layout.Input(p.Name, p.Shape, new[] { "i", "j" })}");
        w.Line("// One work item per chain; every kernel returns at once for c >= chains.");
        w.Line();
    }

    private static void WriteHelpers(SourceWriter w)
    {
        w.Line("// The stable forms of specs/numerics.md, as the CPU's StableMath.");
        w.Line("float ebm_square(float x) { return x * x; }");
        w.Line("float ebm_softplus(float x) { return fmax(x, 0.0f) + log1p(exp(-fabs(x))); }");
        w.Line("float ebm_log_sigmoid(float x) { return fmin(x, 0.0f) - log1p(exp(-fabs(x))); }");
        w.Line("float ebm_sigmoid(float x) { if (x < 0.0f) { float e = exp(x); return e / (1.0f + e); } return 1.0f / (1.0f + exp(-x)); }");
        w.Line("float ebm_sign(float x) { return x > 0.0f ? 1.0f : x < 0.0f ? -1.0f : 0.0f; }");
        w.Line();
        w.Line("// MALA's log-acceptance in double where the device has it, as the CPU computes it.");
        w.Line("#ifdef cl_khr_fp64");
        w.Line("#pragma OPENCL EXTENSION cl_khr_fp64 : enable");
        w.Line("typedef double ebm_real;");
        w.Line("#else");
        w.Line("typedef float ebm_real;");
        w.Line("#endif");
        w.Line();
    }

    private static string Rows(OpenClLayout layout, string buffer, bool writable) =>
        string.Join(", ", layout.States.Select((_, k) => $"__global {(writable ? "" : "const ")}float* {buffer}{k}"));

    /// <summary>
    /// Copies chain c's row of each group of buffers {buffer}k into a private array {name}k, and keeps the row as {name}rk:
    /// the model functions then read states from private memory, where a driver that vectorises across work items (PoCL)
    /// loads them as vectors rather than gathering from rows far apart.
    /// </summary>
    private static void LoadRows(SourceWriter w, OpenClLayout layout, string buffer, string name, bool writable)
    {
        foreach (var s in layout.States)
        {
            int k = layout.StateIndex(s.Name);
            string size = layout.StateSize(s);
            w.Line($"__global {(writable ? "" : "const ")}float* {name}r{k} = {buffer}{k} + (size_t)c * {size};");
            w.Line($"float {name}{k}[{size}];");
            w.Line($"for (int i = 0; i < {size}; i++) {name}{k}[i] = {name}r{k}[i];");
        }
    }

    private static string Args(OpenClLayout layout, string row) => string.Join(", ", layout.States.Select((_, k) => $"{row}{k}"));

    private static void Prologue(SourceWriter w)
    {
        w.Line("const int c = get_global_id(0);");
        w.Line("if (c >= chains) return;");
    }

    private static void WriteEnergyKernel(SourceWriter w, OpenClLayout layout)
    {
        w.Line("// The energy of every chain.");
        w.Open($"__kernel void {Energy}(__global const float* p, const int chains, {Rows(layout, "S", false)}, __global float* energies)");
        Prologue(w);
        LoadRows(w, layout, "S", "s", false);
        w.Line($"energies[c] = ebm_model_energy(p, {Args(layout, "s")});");
        w.Close();
        w.Line();
    }

    private static void WriteGradientKernel(SourceWriter w, OpenClLayout layout, IReadOnlyList<InputSpec> continuous)
    {
        string grads = string.Join(", ", continuous.Select(s => $"__global float* G{layout.StateIndex(s.Name)}"));
        w.Line("// dE/dx of every continuous group of every chain, and the energy.");
        w.Open($"__kernel void {StateGradient}(__global const float* p, const int chains, {Rows(layout, "S", false)}, {grads}, __global float* energies)");
        Prologue(w);
        LoadRows(w, layout, "S", "s", false);
        foreach (var s in continuous)
            w.Line($"float {Gradient(layout, s)}[{layout.StateSize(s)}];");
        w.Line($"energies[c] = ebm_model_gradient(p, {Args(layout, "s")}, {string.Join(", ", continuous.Select(s => Gradient(layout, s)))});");
        foreach (var s in continuous)
        {
            int k = layout.StateIndex(s.Name);
            w.Line($"for (int i = 0; i < {layout.StateSize(s)}; i++) G{k}[(size_t)c * {layout.StateSize(s)} + i] = g{k}[i];");
        }
        w.Close();
        w.Line();
    }

    /// <summary>Where each group's normals start among a chain's units: the groups in order, as LangevinEngine numbers them.</summary>
    private static List<string> UnitOffsets(OpenClLayout layout)
    {
        var offsets = new List<string>();
        var before = new List<string>();
        foreach (var s in layout.States)
        {
            offsets.Add(before.Count == 0 ? "0" : "(" + string.Join(" + ", before) + ")");
            before.Add(layout.StateSize(s));
        }
        offsets.Add("(" + string.Join(" + ", before) + ")");
        return offsets;
    }

    /// <summary>A loop over the units of every state group k, with the body <paramref name="body"/>(k).</summary>
    private static void EachGroup(SourceWriter w, OpenClLayout layout, Func<int, IEnumerable<string>> body)
    {
        foreach (var s in layout.States)
        {
            int k = layout.StateIndex(s.Name);
            w.Open($"for (int i = 0; i < {layout.StateSize(s)}; i++)");
            foreach (var line in body(k))
                w.Line(line);
            w.Close();
        }
    }

    /// <summary>Unit i of group k moved by the drift and the noise, in float and in C#'s order of operations.</summary>
    private static string Proposal(int k, string offset) =>
        $"float v = x{k}[i] - alpha * g{k}[i] + noise * ebm_rng_normal(seed, (uint)c, step, (uint)({offset} + i));";

    /// <summary>The arguments of a move, in the order OpenClChains sets them: step size, noise scale, bounds, seed, step, move number.</summary>
    private const string MoveArguments = "const float alpha, const float noise, const float lower, const float upper, const ulong seed, const ulong step, const int move";

    /// <summary>A move that is not finite is not written; the chain's first such move is recorded for the host.</summary>
    private static void WriteDivergence(SourceWriter w)
    {
        w.Open("if (!finite)");
        w.Line("if (diverged[c] == 0) diverged[c] = move;");
        w.Line("return;");
        w.Close();
    }

    private static void WriteUlaKernel(SourceWriter w, OpenClLayout layout)
    {
        var offsets = UnitOffsets(layout);
        string grads = string.Join(", ", layout.States.Select(s => Gradient(layout, s)));
        w.Line("// One ULA move of every chain, x <- clamp(x - alpha*dE/dx + noise*z), noise = sqrt(2 alpha) rounded on the host, z unit");
        w.Line("// (offset of the group + i) of RandomStream(seed, chain, step) as in LangevinEngine.Unadjusted. A move that is not");
        w.Line("// finite is not written: the chain keeps its state and diverged[c] records the first such move.");
        w.Open($"__kernel void {UlaStep}(__global const float* p, const int chains, {Rows(layout, "X", true)}, {MoveArguments}, __global int* diverged)");
        Prologue(w);
        LoadRows(w, layout, "X", "x", true);
        foreach (var s in layout.States)
            w.Line($"float {Gradient(layout, s)}[{layout.StateSize(s)}], y{layout.StateIndex(s.Name)}[{layout.StateSize(s)}];");
        w.Line($"ebm_model_gradient(p, {Args(layout, "x")}, {grads});");
        w.Line("int finite = 1;");
        EachGroup(w, layout, k => new[]
        {
            Proposal(k, offsets[k]),
            "v = v < lower ? lower : v > upper ? upper : v;",
            $"y{k}[i] = v;",
            "finite &= isfinite(v);",
        });
        WriteDivergence(w);
        foreach (var s in layout.States)
        {
            int k = layout.StateIndex(s.Name);
            w.Line($"for (int i = 0; i < {layout.StateSize(s)}; i++) xr{k}[i] = y{k}[i];");
        }
        w.Close();
        w.Line();
    }

    private static void WriteMalaKernel(SourceWriter w, OpenClLayout layout)
    {
        var offsets = UnitOffsets(layout);
        string units = offsets[offsets.Count - 1];
        string gy = string.Join(", ", layout.States.Select(s => "gy" + layout.StateIndex(s.Name)));
        string grads = string.Join(", ", layout.States.Select((_, k) => $"__global float* G{k}"));
        w.Line("// One MALA move of every chain, as LangevinEngine.Adjusted: propose y = x - alpha*dE/dx(x) + noise*z (z as ULA's), then accept");
        w.Line("// with log a = -E(y) + E(x) - (|x - y + alpha*dE/dx(y)|^2 - |y - x + alpha*dE/dx(x)|^2)/(4 alpha) against the uniform of unit");
        w.Line("// D + (D & 1), D the units of a chain. G and energies hold dE/dx and E at x between moves.");
        w.Line("// A proposal outside [lower, upper] is rejected; one that is not finite inside is rejected and recorded in diverged.");
        w.Open($"__kernel void {MalaStep}(__global const float* p, const int chains, {Rows(layout, "X", true)}, {grads}, __global float* energies, {MoveArguments}, __global int* accepted, __global int* diverged)");
        Prologue(w);
        LoadRows(w, layout, "X", "x", true);
        foreach (var s in layout.States)
        {
            int k = layout.StateIndex(s.Name);
            w.Line($"__global float* g{k} = G{k} + (size_t)c * {layout.StateSize(s)};");
            w.Line($"float y{k}[{layout.StateSize(s)}];");
        }
        w.Line("int inside = 1, finite = 1;");
        EachGroup(w, layout, k => new[]
        {
            Proposal(k, offsets[k]),
            $"y{k}[i] = v;",
            "inside &= v >= lower && v <= upper;",
            "finite &= isfinite(v);",
        });
        w.Line("// Outside the box the target is zero: a sure rejection, whatever the model says there.");
        w.Line("if (finite && !inside) return;");
        foreach (var s in layout.States)
            w.Line($"float gy{layout.StateIndex(s.Name)}[{layout.StateSize(s)}];");
        w.Line($"float ey = ebm_model_gradient(p, {Args(layout, "y")}, {gy});");
        w.Line("finite &= isfinite(ey);");
        foreach (var s in layout.States)
            w.Line($"for (int i = 0; i < {layout.StateSize(s)}; i++) finite &= isfinite(gy{layout.StateIndex(s.Name)}[i]);");
        WriteDivergence(w);
        w.Line("ebm_real forward = 0, backward = 0;");
        EachGroup(w, layout, k => new[]
        {
            $"ebm_real f = ((ebm_real)y{k}[i] - (ebm_real)x{k}[i]) + (ebm_real)alpha * (ebm_real)g{k}[i];",
            $"ebm_real b = ((ebm_real)x{k}[i] - (ebm_real)y{k}[i]) + (ebm_real)alpha * (ebm_real)gy{k}[i];",
            "forward += f * f;",
            "backward += b * b;",
        });
        w.Line("ebm_real logA = -(ebm_real)ey + (ebm_real)energies[c] - (backward - forward) / ((ebm_real)4.0 * (ebm_real)alpha);");
        w.Line($"float u = ebm_rng_uniform(seed, (uint)c, step, (uint)({units} + ({units} & 1)));");
        w.Line("if (!(log((ebm_real)u) <= logA)) return;");
        foreach (var s in layout.States)
        {
            int k = layout.StateIndex(s.Name);
            w.Line($"for (int i = 0; i < {layout.StateSize(s)}; i++) {{ xr{k}[i] = y{k}[i]; g{k}[i] = gy{k}[i]; }}");
        }
        w.Line("energies[c] = ey;");
        w.Line("accepted[c] += 1;");
        w.Close();
        w.Line();
    }

    private static void WriteGibbsKernel(SourceWriter w, OpenClLayout layout, StructureSpec structure, int b)
    {
        var block = structure.Blocks[b];
        // Each group of a block starts at an even unit (GibbsSchedule): a float normal reads the words of a pair of units.
        var first = new List<string>();
        var before = new List<string>();
        foreach (var group in block.Groups)
        {
            first.Add(before.Count == 0 ? "0" : "(" + string.Join(" + ", before) + ")");
            string size = layout.StateSize(layout.States[layout.StateIndex(group)]);
            before.Add($"{size} + ({size} & 1)");
        }
        w.Line($"// Gibbs block {b} ({string.Join(", ", block.Groups)}{(block.Sequential ? ", sequential" : "")}) of every chain, drawn at RandomStream(seed, chain, step) as GibbsChunk does:");
        w.Line(block.Sequential
            ? "// unit i from logits recomputed after unit i - 1 was written, Bernoulli of unit first + i."
            : "// every conditional of the block first, then binary units Bernoulli(sigma(logit)) and Gaussian units mean + sqrt(variance)*z, unit first + i.");
        w.Open($"__kernel void {GibbsBlock}{b}(__global const float* p, const int chains, {Rows(layout, "S", true)}, const ulong seed, const ulong step)");
        Prologue(w);
        LoadRows(w, layout, "S", "s", true);
        if (block.Sequential)
        {
            string group = block.Groups[0];
            int k = layout.StateIndex(group);
            string size = layout.StateSize(layout.States[k]);
            w.Line($"float l{k}[{size}];");
            w.Open($"for (int u = 0; u < {size}; u++)");
            w.Line($"{Logits(layout, group)}(p, {Args(layout, "s")}, l{k});");
            w.Line($"sr{k}[u] = s{k}[u] = ebm_rng_bernoulli_logit(seed, (uint)c, step, (uint)({first[0]} + u), l{k}[u]) ? 1.0f : 0.0f;");
            w.Close();
        }
        else
        {
            for (int j = 0; j < block.Groups.Count; j++)
            {
                string group = block.Groups[j];
                int k = layout.StateIndex(group);
                string size = layout.StateSize(layout.States[k]);
                if (structure.Gaussian.Contains(group))
                {
                    w.Line($"float m{k}[{size}], v{k}[{size}];");
                    w.Line($"{Gaussian(layout, group)}(p, {Args(layout, "s")}, m{k}, v{k});");
                }
                else
                {
                    w.Line($"float l{k}[{size}];");
                    w.Line($"{Logits(layout, group)}(p, {Args(layout, "s")}, l{k});");
                }
            }
            for (int j = 0; j < block.Groups.Count; j++)
            {
                string group = block.Groups[j];
                int k = layout.StateIndex(group);
                string size = layout.StateSize(layout.States[k]);
                w.Line(structure.Gaussian.Contains(group)
                    ? $"for (int i = 0; i < {size}; i++) sr{k}[i] = m{k}[i] + sqrt(v{k}[i]) * ebm_rng_normal(seed, (uint)c, step, (uint)({first[j]} + i));"
                    : $"for (int i = 0; i < {size}; i++) sr{k}[i] = ebm_rng_bernoulli_logit(seed, (uint)c, step, (uint)({first[j]} + i), l{k}[i]) ? 1.0f : 0.0f;");
            }
        }
        w.Close();
        w.Line();
    }
}

using System.Buffers.Binary;
using System.Text.Json;

namespace Ebm.IO;

/// <summary>
/// Reads and writes the safetensors format (Hugging Face), Ebm's format for model parameters: an 8-byte
/// little-endian header length N, N bytes of JSON header, then the tensors' bytes back to back.
/// </summary>
/// <remarks>
/// The header maps each tensor name to <c>{"dtype": "F32", "shape": [r, c], "data_offsets": [begin, end]}</c>
/// (offsets relative to the first byte after the header) and may hold <c>"__metadata__"</c>, a map of strings.
/// A reader checks what the format's reference implementation checks: the header is a JSON object that fits the
/// file, every tensor's byte range matches its shape, and the ranges tile the data exactly, without overlap, hole or
/// trailing bytes. Every violation is a <see cref="DataFormatException"/> naming the file, the byte offset in it
/// and the problem.
/// </remarks>
public static class Safetensors
{
    /// <summary>The header key of the metadata map.</summary>
    public const string MetadataKey = "__metadata__";

    /// <summary>The largest header accepted, as in the reference implementation: 100 MB.</summary>
    public const long MaxHeaderLength = 100_000_000;

    /// <summary>Reads a safetensors file with F32, F64 and U8 tensors.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its tensors and metadata.</returns>
    /// <exception cref="DataFormatException">The file is truncated, corrupt, or holds another element type.</exception>
    public static SafetensorsFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads a model file and refuses one written for another model.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedModel">The model the caller will load the parameters into (<see cref="ModelFileKeys.Model"/>).</param>
    /// <returns>Its tensors and metadata.</returns>
    /// <exception cref="DataFormatException">The file is malformed.</exception>
    /// <exception cref="ModelFileMismatchException">The file names another model, or none.</exception>
    public static SafetensorsFile Read(string path, string expectedModel)
    {
        SafetensorsFile file = Read(path);
        RequireModel(file, path, expectedModel);
        return file;
    }

    /// <summary>Reads a model file and refuses one written for another model or another declaration of it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedModel">The model the caller will load the parameters into.</param>
    /// <param name="expectedDeclarationHash">The hash of that model's declaration in this build (<see cref="ModelFileKeys.DeclarationHash"/>).</param>
    /// <returns>Its tensors and metadata.</returns>
    /// <exception cref="DataFormatException">The file is malformed.</exception>
    /// <exception cref="ModelFileMismatchException">The file names another model or declaration, or none.</exception>
    public static SafetensorsFile Read(string path, string expectedModel, string expectedDeclarationHash)
    {
        SafetensorsFile file = Read(path, expectedModel);
        ArgumentNullException.ThrowIfNull(expectedDeclarationHash);
        string found = file.Metadata.GetValueOrDefault(ModelFileKeys.DeclarationHash, "");
        if (found != expectedDeclarationHash)
            throw new ModelFileMismatchException(path, expectedDeclarationHash, found, found.Length == 0
                ? $"{path} does not record the declaration its parameters were trained for (no {ModelFileKeys.DeclarationHash} in its metadata); refusing to load it into '{expectedModel}'"
                : $"{path} was written for a different declaration of '{expectedModel}' (declaration hash {found}, this build has {expectedDeclarationHash}); retrain the model or use the build that wrote the file");
        return file;
    }

    /// <summary>Refuses a model file that names another model than <paramref name="expectedModel"/>, or none.</summary>
    /// <param name="file">The file's contents.</param>
    /// <param name="path">The file, for the message.</param>
    /// <param name="expectedModel">The model the caller will load the parameters into.</param>
    /// <exception cref="ModelFileMismatchException">The file names another model, or none.</exception>
    public static void RequireModel(SafetensorsFile file, string path, string expectedModel)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(expectedModel);
        string found = file.Metadata.GetValueOrDefault(ModelFileKeys.Model, "");
        if (found.Length == 0)
            throw new ModelFileMismatchException(path, expectedModel, found,
                $"{path} is not an Ebm model file (no {ModelFileKeys.Model} in its metadata); expected parameters of '{expectedModel}'");
        if (found != expectedModel)
            throw new ModelFileMismatchException(path, expectedModel, found,
                $"{path} holds parameters of model '{found}', not '{expectedModel}'");
    }

    /// <summary>
    /// Writes a safetensors file atomically (<see cref="AtomicFile"/>): metadata first in the header, tensors ordered
    /// by element size (largest first) then name, so every tensor starts at a multiple of its element size, and the
    /// header padded with spaces to a multiple of 8 bytes, as the reference implementation writes them.
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="file">The tensors and metadata.</param>
    public static void Write(string path, SafetensorsFile file)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(file);
        NamedTensor[] ordered = [.. file.Tensors.OrderByDescending(t => NamedTensor.ElementSize(t.DType)).ThenBy(t => t.Name, StringComparer.Ordinal)];
        byte[] header = Header(ordered, file.Metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (NamedTensor t in ordered)
                stream.Write(t.Data.Span);
        });
    }

    private static byte[] Header(IReadOnlyList<NamedTensor> ordered, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata.Count > 0)
            {
                json.WriteStartObject(MetadataKey);
                foreach ((string key, string value) in metadata)
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (NamedTensor t in ordered)
            {
                json.WriteStartObject(t.Name);
                json.WriteString("dtype", t.DType.ToString());
                json.WriteStartArray("shape");
                foreach (int d in t.Shape)
                    json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset += t.Data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        int padded = (int)((buffer.Length + 7) / 8 * 8);
        while (buffer.Length < padded)
            buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    /// <summary>A tensor as its header entry describes it, before its bytes are checked against the data.</summary>
    private sealed record Entry(string Name, TensorDType DType, int[] Shape, long Begin, long End);

    internal static SafetensorsFile Parse(byte[] file, string path)
    {
        if (file.Length < 8)
            throw new DataFormatException(path, file.Length, $"truncated at offset {file.Length} of the 8-byte header length");
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (headerLength > MaxHeaderLength)
            throw new DataFormatException(path, 0, $"header length {headerLength} exceeds the {MaxHeaderLength}-byte limit; this is not a safetensors file, or it is corrupt");
        if (8 + (long)headerLength > file.Length)
            throw new DataFormatException(path, 0,
                $"header length {headerLength} runs past the end of the file: the header would end at offset {8 + (long)headerLength} of {file.Length}");
        if (headerLength < 2 || file[8] != (byte)'{')
            throw new DataFormatException(path, 8, "the header is not a JSON object (it must start with '{')");

        var header = new HeaderParser(path, file.AsMemory(8, (int)headerLength));
        (List<Entry> entries, Dictionary<string, string> metadata) = header.Parse();
        long dataStart = 8 + (long)headerLength;
        CheckLayout(entries, path, dataStart, file.Length - dataStart);
        NamedTensor[] tensors = [.. entries.Select(e => new NamedTensor(e.Name, e.DType, e.Shape, file.AsMemory((int)(dataStart + e.Begin), (int)(e.End - e.Begin))))];
        return new SafetensorsFile(tensors, metadata);
    }

    /// <summary>The byte ranges must tile [0, data length) exactly: no overlap, no hole, nothing after the last one.</summary>
    private static void CheckLayout(List<Entry> entries, string path, long dataStart, long dataLength)
    {
        long end = 0;
        Entry? previous = null;
        foreach (Entry e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.Begin < end)
                throw new DataFormatException(path, dataStart + e.Begin,
                    $"tensor '{e.Name}' [{e.Begin}, {e.End}) overlaps tensor '{previous!.Name}' [{previous.Begin}, {previous.End}) (data offsets)");
            if (e.Begin > end)
                throw new DataFormatException(path, dataStart + end,
                    $"data bytes [{end}, {e.Begin}) belong to no tensor (a hole before tensor '{e.Name}')");
            if (e.End > dataLength)
                throw new DataFormatException(path, dataStart + dataLength,
                    $"truncated at offset {dataStart + dataLength} of expected {dataStart + e.End} bytes: tensor '{e.Name}' has data offsets [{e.Begin}, {e.End}) but the data section holds {dataLength} bytes");
            end = e.End;
            previous = e;
        }
        if (end < dataLength)
            throw new DataFormatException(path, dataStart + end,
                $"{dataLength - end} trailing bytes after the last tensor, which ends at offset {dataStart + end}");
    }

    /// <summary>Walks the header with a JSON reader, so that each error has the byte offset of its token.</summary>
    private sealed class HeaderParser(string path, ReadOnlyMemory<byte> json)
    {
        private const long Base = 8;

        public (List<Entry>, Dictionary<string, string>) Parse()
        {
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            var entries = new List<Entry>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            Dictionary<string, string>? metadata = null;
            try
            {
                Next(ref reader);
                Expect(ref reader, JsonTokenType.StartObject, "the header is not a JSON object");
                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    long at = Base + reader.TokenStartIndex;
                    string name = reader.GetString()!;
                    if (!names.Add(name))
                        throw Error(at, $"'{name}' appears twice in the header");
                    if (name == MetadataKey)
                        metadata = Metadata(ref reader);
                    else
                        entries.Add(Tensor(ref reader, name, at));
                }
                // The loop ends on the object's end. Reading on fails (JsonException) on anything but the space padding.
                reader.Read();
            }
            catch (JsonException e)
            {
                throw new DataFormatException(path, Base + reader.BytesConsumed, $"the header is not valid JSON: {e.Message}", e);
            }
            catch (InvalidOperationException e)
            {
                // Utf8JsonReader reports invalid UTF-8 inside a string this way.
                throw new DataFormatException(path, Base + reader.TokenStartIndex, $"the header is not valid JSON: {e.Message}", e);
            }
            return (entries, metadata ?? []);
        }

        private Dictionary<string, string> Metadata(ref Utf8JsonReader reader)
        {
            Next(ref reader);
            Expect(ref reader, JsonTokenType.StartObject, $"{MetadataKey} is not an object of strings");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                long at = Base + reader.TokenStartIndex;
                string key = reader.GetString()!;
                Next(ref reader);
                Expect(ref reader, JsonTokenType.String, $"metadata '{key}' is not a string (safetensors metadata values are strings)");
                if (!metadata.TryAdd(key, reader.GetString()!))
                    throw Error(at, $"metadata '{key}' appears twice");
            }
            return metadata;
        }

        private Entry Tensor(ref Utf8JsonReader reader, string name, long at)
        {
            Next(ref reader);
            Expect(ref reader, JsonTokenType.StartObject, $"tensor '{name}' is not an object with dtype, shape and data_offsets");
            TensorDType? dType = null;
            int[]? shape = null;
            long[]? offsets = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                string key = reader.GetString()!;
                Next(ref reader);
                long valueAt = Base + reader.TokenStartIndex;
                switch (key)
                {
                    case "dtype":
                        Expect(ref reader, JsonTokenType.String, $"the dtype of tensor '{name}' is not a string");
                        string text = reader.GetString()!;
                        dType = text switch
                        {
                            "F32" => TensorDType.F32,
                            "F64" => TensorDType.F64,
                            "U8" => TensorDType.U8,
                            _ => throw Error(valueAt, $"unsupported dtype '{text}' for tensor '{name}'; Ebm reads F32, F64 and U8"),
                        };
                        break;
                    case "shape":
                        shape = [.. Integers(ref reader, $"the shape of tensor '{name}'").Select(d => d <= int.MaxValue
                            ? (int)d
                            : throw Error(valueAt, $"dimension {d} of tensor '{name}' exceeds 2^31 - 1"))];
                        break;
                    case "data_offsets":
                        offsets = [.. Integers(ref reader, $"the data_offsets of tensor '{name}'")];
                        if (offsets.Length != 2)
                            throw Error(valueAt, $"the data_offsets of tensor '{name}' are {offsets.Length} numbers, not [begin, end]");
                        break;
                    default:
                        // Fields a later version of the format may add are skipped, as the reference reader does.
                        reader.Skip();
                        break;
                }
            }
            if (dType is null || shape is null || offsets is null)
                throw Error(at, $"tensor '{name}' lacks {(dType is null ? "dtype" : shape is null ? "shape" : "data_offsets")}");

            long count = 1;
            foreach (int d in shape)
                count = Math.Min(count * d, Array.MaxLength + 1L); // saturates, so the product stays within a long
            int size = NamedTensor.ElementSize(dType.Value);
            if (count > Array.MaxLength / size)
                throw Error(at, $"tensor '{name}' of shape [{string.Join(", ", shape)}] exceeds {Array.MaxLength} bytes");
            long bytes = count * size;
            if (offsets[1] < offsets[0])
                throw Error(at, $"tensor '{name}' has data_offsets [{offsets[0]}, {offsets[1]}], which end before they begin");
            if (offsets[1] - offsets[0] != bytes)
                throw Error(at, $"tensor '{name}' is {dType}[{string.Join(", ", shape)}], {bytes} bytes, but its data_offsets [{offsets[0]}, {offsets[1]}] span {offsets[1] - offsets[0]}");
            return new Entry(name, dType.Value, shape, offsets[0], offsets[1]);
        }

        private List<long> Integers(ref Utf8JsonReader reader, string what)
        {
            Expect(ref reader, JsonTokenType.StartArray, $"{what} is not an array");
            var values = new List<long>();
            while (Next(ref reader) != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long v) || v < 0)
                    throw Error(Base + reader.TokenStartIndex, $"{what} holds something other than a non-negative integer");
                values.Add(v);
            }
            return values;
        }

        private JsonTokenType Next(ref Utf8JsonReader reader) =>
            reader.Read() ? reader.TokenType : throw Error(Base + reader.BytesConsumed, "the header ends inside its JSON object");

        private void Expect(ref Utf8JsonReader reader, JsonTokenType type, string problem)
        {
            if (reader.TokenType != type)
                throw Error(Base + reader.TokenStartIndex, problem);
        }

        private DataFormatException Error(long offset, string problem) => new(path, offset, problem);
    }
}

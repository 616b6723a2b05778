using System.Globalization;

namespace Ebm.IO;

/// <summary>
/// The header of an .npy file: a Python dict literal such as <c>{'descr': '&lt;f4', 'fortran_order': False,
/// 'shape': (3, 4), }</c>. Parsed with a small parser for exactly the literals numpy writes (strings, True/False,
/// integers, tuples and lists), so that a malformed header is an error at a known offset, never an evaluation.
/// </summary>
internal sealed class NpyHeader
{
    private readonly string text;
    private readonly string source;
    private readonly long baseOffset;
    private int position;

    private NpyHeader(string text, string source, long baseOffset)
    {
        this.text = text;
        this.source = source;
        this.baseOffset = baseOffset;
    }

    /// <summary>Parses the header text found at byte <paramref name="baseOffset"/> of <paramref name="source"/>.</summary>
    public static IReadOnlyDictionary<string, object> Parse(string text, string source, long baseOffset)
    {
        var parser = new NpyHeader(text, source, baseOffset);
        parser.SkipSpace();
        if (parser.Peek() != '{')
            throw parser.Error("the header is not a Python dict literal (it must start with '{')");
        var dict = (Dictionary<string, object>)parser.Value();
        parser.SkipSpace();
        if (parser.position != text.Length)
            throw parser.Error($"unexpected '{text[parser.position]}' after the header dict");
        return dict;
    }

    private object Value()
    {
        SkipSpace();
        char c = Peek();
        if (c == '{')
            return Dict();
        if (c is '(' or '[')
            return Sequence(c == '(' ? ')' : ']');
        if (c is '\'' or '"')
            return String();
        if (c == '-' || char.IsAsciiDigit(c))
            return Integer();
        if (Accept("True"))
            return true;
        if (Accept("False"))
            return false;
        throw Error(position >= text.Length ? "the header ends inside the dict" : $"unexpected '{c}' in the header");
    }

    private Dictionary<string, object> Dict()
    {
        var dict = new Dictionary<string, object>(StringComparer.Ordinal);
        Expect('{');
        while (true)
        {
            SkipSpace();
            if (Peek() == '}')
                break;
            int keyStart = position;
            if (Peek() is not ('\'' or '"'))
                throw Error("a header key must be a quoted string");
            string key = String();
            SkipSpace();
            Expect(':');
            object value = Value();
            if (!dict.TryAdd(key, value))
                throw Error($"the key '{key}' appears twice", keyStart);
            SkipSpace();
            if (Peek() != ',')
                break;
            position++;
        }
        SkipSpace();
        Expect('}');
        return dict;
    }

    private List<object> Sequence(char close)
    {
        var items = new List<object>();
        position++;
        while (true)
        {
            SkipSpace();
            if (Peek() == close)
                break;
            items.Add(Value());
            SkipSpace();
            if (Peek() != ',')
                break;
            position++;
        }
        SkipSpace();
        Expect(close);
        return items;
    }

    private string String()
    {
        char quote = text[position++];
        int start = position;
        while (position < text.Length && text[position] != quote)
        {
            if (text[position] == '\\')
                throw Error("escapes in header strings are not supported");
            position++;
        }
        if (position >= text.Length)
            throw Error("unterminated string in the header", start - 1);
        return text[start..position++];
    }

    private long Integer()
    {
        int start = position;
        if (Peek() == '-')
            position++;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
            position++;
        // numpy 1.x wrote shapes of large arrays with an L suffix under Python 2.
        int end = position;
        if (position < text.Length && text[position] == 'L')
            position++;
        if (!long.TryParse(text.AsSpan(start, end - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            throw Error($"'{text[start..end]}' is not an integer", start);
        return value;
    }

    private bool Accept(string word)
    {
        if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
            return false;
        position += word.Length;
        return true;
    }

    private void Expect(char c)
    {
        if (Peek() != c)
            throw Error(position >= text.Length ? $"the header ends where '{c}' was expected" : $"expected '{c}', found '{text[position]}'");
        position++;
    }

    private char Peek() => position < text.Length ? text[position] : '\0';

    private void SkipSpace()
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r')
            position++;
    }

    private DataFormatException Error(string problem) => Error(problem, position);

    private DataFormatException Error(string problem, int at) => new(source, baseOffset + at, problem + $" (header: {Abbreviate(text)})");

    private static string Abbreviate(string header)
    {
        string line = header.TrimEnd();
        return line.Length <= 120 ? line : line[..117] + "...";
    }
}

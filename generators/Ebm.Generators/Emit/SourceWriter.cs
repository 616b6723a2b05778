using System.Text;

namespace Ebm.Generators.Emit;

/// <summary>Lines of C# with four-space indentation and '\n' endings, so output is the same on every OS.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public void Line(string line = "")
    {
        if (line.Length > 0)
            text.Append(' ', 4 * depth).Append(line);
        text.Append('\n');
    }

    public void Open(string line)
    {
        Line(line);
        Line("{");
        depth++;
    }

    /// <summary>Indents the following lines without a brace: the body of a loop that is a single statement.</summary>
    public void Indent() => depth++;

    public void Outdent() => depth--;

    public void Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
    }

    public override string ToString() => text.ToString();
}

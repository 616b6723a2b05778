namespace Ebm.Dsl;

/// <summary>Shape checks shared by the operators and <see cref="Ops"/>; every message names both shapes.</summary>
internal static class Shapes
{
    public static string Of(Vec v) => $"Vec[{v.Length}]";

    public static string Of(Mat m) => $"Mat[{m.Rows}x{m.Cols}]";

    public static void SameLength(string operation, Vec a, Vec b)
    {
        if (a.Length != b.Length)
            throw new ArgumentException($"{operation}: the shapes {Of(a)} and {Of(b)} differ; both vectors must have the same length.");
    }

    public static void SameShape(string operation, Mat a, Mat b)
    {
        if (a.Rows != b.Rows || a.Cols != b.Cols)
            throw new ArgumentException($"{operation}: the shapes {Of(a)} and {Of(b)} differ; both matrices must have the same shape.");
    }

    /// <summary>A vector broadcast over the rows of a matrix (and a matrix times a vector) needs one entry per column.</summary>
    public static void VectorMatchesColumns(string operation, Mat m, Vec v)
    {
        if (m.Cols != v.Length)
            throw new ArgumentException($"{operation}: the shapes {Of(m)} and {Of(v)} do not agree; the vector's length must equal the matrix's {m.Cols} columns.");
    }

    /// <summary>A vector times a matrix needs one entry per row.</summary>
    public static void VectorMatchesRows(string operation, Vec v, Mat m)
    {
        if (m.Rows != v.Length)
            throw new ArgumentException($"{operation}: the shapes {Of(v)} and {Of(m)} do not agree; the vector's length must equal the matrix's {m.Rows} rows.");
    }
}

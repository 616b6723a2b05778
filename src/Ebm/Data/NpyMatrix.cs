using Ebm.IO;

namespace Ebm.Data;

/// <summary>The data of <c>npy:FILE</c>: a numeric .npy array as a dataset, one row per item.</summary>
internal static class NpyMatrix
{
    /// <summary>
    /// A 2-D array is rows × columns; a 1-D array of n values is n items of one value. Values are taken as they
    /// are (uint8 0–255 too, so that a 0/1 matrix stays binary): scale images to [0, 1] before saving them.
    /// </summary>
    public static Dataset Read(string path)
    {
        NpyArray array = Npy.Read(path);
        if (array.ElementType == NpyElementType.Unicode || array.Shape.Count == 0)
            throw new DataFormatException(path, 0,
                $"npy:FILE needs a 1-D or 2-D numeric array (float32, float64, uint8 or bool); this file holds {array.Descr} of shape ({string.Join(", ", array.Shape)})");
        int rows = array.Shape[0];
        int columns = array.Shape.Count == 2 ? array.Shape[1] : 1;
        if (columns == 0)
            throw new DataFormatException(path, 0, $"the array has shape ({rows}, 0): items without values");
        return new Dataset(System.IO.Path.GetFileNameWithoutExtension(path), [columns], array.ToSingleArray(), [],
            $"{path} ({rows} x {columns} {array.Descr})");
    }
}

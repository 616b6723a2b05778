namespace Ebm.Data;

/// <summary>The 2-D toy sets of <see cref="Toy2D"/>, by the name they have in a data spec.</summary>
public enum ToyDataset
{
    /// <summary><c>moons</c>: <see cref="Toy2D.Moons(int, ulong)"/>.</summary>
    Moons,

    /// <summary><c>rings</c>: <see cref="Toy2D.Rings(int, ulong)"/>.</summary>
    Rings,

    /// <summary><c>mixture8</c>: <see cref="Toy2D.Mixture8(int, ulong)"/>.</summary>
    Mixture8,

    /// <summary><c>mixture2</c>: <see cref="Toy2D.TwoModes(int, ulong)"/>.</summary>
    Mixture2,

    /// <summary><c>swissroll</c>: <see cref="Toy2D.SwissRoll(int, ulong)"/>.</summary>
    SwissRoll,

    /// <summary><c>checkerboard</c>: <see cref="Toy2D.Checkerboard(int, ulong)"/>.</summary>
    Checkerboard,
}

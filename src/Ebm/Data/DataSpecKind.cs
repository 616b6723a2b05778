namespace Ebm.Data;

/// <summary>The forms of a data spec (<see cref="DataSpec"/>).</summary>
public enum DataSpecKind
{
    /// <summary><c>fashion-mnist</c>: the Debian folder, else the embedded subset with a note.</summary>
    FashionMnist,

    /// <summary><c>fashion-mnist:embedded</c>: the embedded subset, even where the full dataset is installed.</summary>
    FashionMnistEmbedded,

    /// <summary><c>idx:DIR</c>: a folder in the Fashion-MNIST layout.</summary>
    Idx,

    /// <summary><c>npy:FILE</c>: a 1-D or 2-D numeric .npy file, all of it training data.</summary>
    Npy,

    /// <summary>A 2-D toy set by name (<c>moons</c>, <c>rings</c>, …).</summary>
    Toy,
}

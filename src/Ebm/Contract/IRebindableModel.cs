namespace Ebm;

/// <summary>
/// A model that can be bound to trainable parameter values held in the caller's array, without copying them:
/// for a trainer that makes a new model every update and owns the arrays it alternates between. Every generated
/// model implements it; <see cref="IEnergyModel.WithParameters"/> stays the safe, copying way.
/// </summary>
public interface IRebindableModel : IEnergyModel
{
    /// <summary>The same model reading its trainable parameters from <paramref name="values"/>, which are not copied.</summary>
    /// <param name="values">Laid out as <see cref="IEnergyModel.Layout"/>; must not change while the returned model is in use.</param>
    /// <returns>A model over <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentException">The array's length is not the parameter count.</exception>
    IEnergyModel Rebind(float[] values);
}

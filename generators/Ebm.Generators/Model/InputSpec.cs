namespace Ebm.Generators.Model;

/// <summary>One parameter of Energy, in declaration order: a state group or a model parameter.</summary>
internal sealed record InputSpec(string Name, Role Role, Shape Shape)
{
    public bool IsState => Role is Role.ContinuousState or Role.BinaryState;
}

using System.Text;
using Gateway.Transforms.Preconditions;

namespace Gateway.Tests.Transforms.Preconditions;

public sealed class EntityTagGeneratorTests
{
    [Fact]
    public void Compute_SameBytes_SameStrongTag()
    {
        var a = EntityTagGenerator.Compute("{\"id\":1}"u8);
        var b = EntityTagGenerator.Compute(Encoding.UTF8.GetBytes("{\"id\":1}"));

        Assert.Equal(a, b);
        Assert.False(a.IsWeak);
        Assert.True(EntityTagComparer.TryParse(a.ToString(), out var parsed));
        Assert.Equal(a, parsed);
        Assert.Equal(24, a.OpaqueTag.Length); // 128 bits in base64url, quoted
    }

    [Theory]
    [InlineData("{\"id\":1}", "{\"id\":2}")]
    [InlineData("", " ")]
    [InlineData("abc", "abd")]
    public void Compute_DifferentBytes_DifferentTag(string a, string b) =>
        Assert.NotEqual(EntityTagGenerator.Compute(Encoding.UTF8.GetBytes(a)), EntityTagGenerator.Compute(Encoding.UTF8.GetBytes(b)));

    [FsCheck.Xunit.Property]
    public bool Compute_IsDeterministic(byte[] body) =>
        EntityTagGenerator.Compute(body) == EntityTagGenerator.Compute(body.ToArray());
}

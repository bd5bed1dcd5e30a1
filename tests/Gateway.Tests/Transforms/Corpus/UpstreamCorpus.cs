namespace Gateway.Tests.Transforms.Corpus;

/// <summary>All corpus cases, by name.</summary>
public static class UpstreamCorpus
{
    private static readonly Lazy<Dictionary<string, CorpusCase>> s_cases = new(() =>
        JavaCorpus.Cases()
            .Concat(DotNetCorpus.Cases())
            .Concat(PythonCorpus.Cases())
            .Concat(NodeCorpus.Cases())
            .Concat(PhpCorpus.Cases())
            .Concat(RubyGoCorpus.Cases())
            .Concat(SqlCorpus.Cases())
            .Concat(ServerPagesCorpus.Cases())
            .Concat(JsonApiCorpus.Cases())
            .Concat(XmlCorpus.Cases())
            .Concat(TextAndEdgeCorpus.Cases())
            .Concat(ConformingCorpus.Cases())
            .Concat(ProductsCorpus.Cases())
            .Concat(PolyglotCorpus.Cases())
            .ToDictionary(c => c.Name, StringComparer.Ordinal));

    public static IReadOnlyCollection<CorpusCase> All => s_cases.Value.Values;

    public static CorpusCase Get(string name) => s_cases.Value[name];
}

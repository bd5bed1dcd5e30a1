using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Tests.Fuzz;

/// <summary>
/// Mutations of the valid configs in <c>FuzzCorpus/config/seed-*.json</c>: tree edits (deleted and duplicated keys,
/// wrong types, huge numbers, deep nesting, renamed keys) followed by byte edits (flips, truncation, invalid UTF-8,
/// BOMs). A tree edit keeps the file close to valid, so the loader's later stages (binding, YARP's reader and
/// validator, the gateway's validator) see it, not only the JSON parser.
/// </summary>
public static class ConfigMutationGen
{
    // Values that are not JSON values of System.Text.Json's node model; swapped in after serialization.
    private const string RawPrefix = "\u0001raw:";

    private static readonly string[] s_rawValues =
    [
        "1e400", "-1e400", "99999999999999999999999999999", "-99999999999999999999999999999", "0.000000000000000000001",
        "-0", "1E+2147483648", "NaN", "Infinity", "00:00:00", "\"\\ud800\"", "\"\\u0000\"", "\"" + new string('x', 70_000) + "\"",
    ];

    private static readonly Func<JsonNode?>[] s_wrongValues =
    [
        () => null, () => JsonValue.Create(true), () => JsonValue.Create(0), () => JsonValue.Create(-1),
        () => JsonValue.Create(int.MaxValue), () => JsonValue.Create(long.MinValue), () => JsonValue.Create(1.5),
        () => JsonValue.Create(""), () => JsonValue.Create("x"), () => JsonValue.Create("-00:00:01"),
        () => JsonValue.Create("99:99:99"), () => JsonValue.Create("http://"), () => JsonValue.Create("EdFi"),
        () => JsonValue.Create("/{**rest}"), () => JsonValue.Create("{"), () => new JsonArray(),
        () => new JsonArray(JsonValue.Create(1), JsonValue.Create("a")), () => new JsonObject(),
        () => new JsonObject { ["x"] = 1 },
    ];

    private static readonly string[] s_keyNames =
        ["Gateway", "ReverseProxy", "Routes", "Clusters", "Destinations", "Address", "Match", "Path", "ClusterId", "Kind",
         "PermitLimit", "Window", "Keys", "Sha256", "Profile", "StatusMap", "Rules", "Policies", "Unknown", "", " ", "a:b", "__proto__"];

    private static readonly byte[][] s_badBytes =
        [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0x00], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]];

    public static Arbitrary<ConfigMutation> Mutations() =>
        (from seed in Gen.Elements(Seeds.ToArray())
         from treeEdits in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(TreeEdit, n))
         from byteEdits in Gen.Frequency((3, Gen.Constant(Array.Empty<ByteEdit>())), (2, Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(ByteEditGen, n))))
         select Apply(seed, treeEdits, byteEdits)).ToArbitrary();

    /// <summary>The seeds: every <c>seed-*.json</c> in the corpus folder, by file name.</summary>
    public static IReadOnlyList<(string Name, string Json)> Seeds { get; } =
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "FuzzCorpus", "config"), "seed-*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();

    private enum TreeOp
    {
        Delete,
        Replace,
        RawValue,
        Nest,
        Rename,
        Duplicate,
    }

    private sealed record TreeEditStep(TreeOp Op, int Target, int Choice, int Depth);

    private sealed record ByteEdit(int Kind, int Position, int Value);

    private static Gen<TreeEditStep> TreeEdit { get; } =
        from op in Gen.Elements(Enum.GetValues<TreeOp>())
        from target in Gen.Choose(0, int.MaxValue)
        from choice in Gen.Choose(0, int.MaxValue)
        from depth in Gen.Frequency((4, Gen.Choose(1, 60)), (1, Gen.Choose(60, 240))) // 4 nests stay under the writer's 1000
        select new TreeEditStep(op, target, choice, depth);

    private static Gen<ByteEdit> ByteEditGen { get; } =
        from kind in Gen.Choose(0, 4)
        from position in Gen.Choose(0, int.MaxValue)
        from value in Gen.Choose(0, 255)
        select new ByteEdit(kind, position, value);

    private static ConfigMutation Apply((string Name, string Json) seed, TreeEditStep[] treeEdits, ByteEdit[] byteEdits)
    {
        var steps = new List<string>();
        var root = JsonNode.Parse(seed.Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var duplicates = new List<(string Key, string Value)>();
        foreach (var edit in treeEdits)
        {
            ApplyTreeEdit(root, edit, steps, duplicates);
        }

        var text = root.ToJsonString();
        foreach (var (key, value) in duplicates)
        {
            // JsonObject cannot hold a key twice; the file can. Insert a second member right after the first.
            var member = JsonSerializer.Serialize(key) + ":";
            var at = text.IndexOf(member, StringComparison.Ordinal);
            if (at >= 0)
            {
                var objectStart = text.LastIndexOf('{', at);
                text = text.Insert(objectStart + 1, $"{member}{value},");
            }
        }

        text = ReplaceRawValues(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var edit in byteEdits)
        {
            bytes = ApplyByteEdit(bytes, edit, steps);
        }

        return new ConfigMutation(seed.Name, steps.Count == 0 ? "unchanged" : string.Join("; ", steps), bytes);
    }

    private static void ApplyTreeEdit(JsonNode root, TreeEditStep edit, List<string> steps, List<(string, string)> duplicates)
    {
        var nodes = Walk(root).Where(n => n.Parent is not null).ToArray();
        if (nodes.Length == 0)
        {
            return;
        }

        var node = nodes[edit.Target % nodes.Length];
        var path = node.GetPath();
        switch (edit.Op)
        {
            case TreeOp.Delete:
                steps.Add($"delete {path}");
                Remove(node);
                break;
            case TreeOp.Replace:
                var wrong = s_wrongValues[edit.Choice % s_wrongValues.Length]();
                steps.Add($"set {path} = {wrong?.ToJsonString() ?? "null"}");
                node.ReplaceWith(wrong);
                break;
            case TreeOp.RawValue:
                var raw = s_rawValues[edit.Choice % s_rawValues.Length];
                steps.Add($"set {path} = {(raw.Length > 40 ? raw[..40] + "…" : raw)}");
                node.ReplaceWith(JsonValue.Create(RawPrefix + raw));
                break;
            case TreeOp.Nest:
                steps.Add($"nest {path} {edit.Depth} deep");
                var nested = node.DeepClone();
                for (var i = 0; i < edit.Depth; i++)
                {
                    nested = i % 2 == 0 ? new JsonArray(nested) : new JsonObject { ["n"] = nested };
                }

                node.ReplaceWith(nested);
                break;
            case TreeOp.Rename when node.Parent is JsonObject parent:
                var name = node.GetPropertyName();
                var newName = edit.Choice % 3 == 0 ? name.ToUpperInvariant() : s_keyNames[edit.Choice % s_keyNames.Length];
                if (!parent.ContainsKey(newName))
                {
                    steps.Add($"rename {path} to '{newName}'");
                    parent.Remove(name);
                    parent[newName] = node;
                }

                break;
            case TreeOp.Duplicate when node.Parent is JsonObject:
                var key = edit.Choice % 2 == 0 ? node.GetPropertyName() : node.GetPropertyName().ToLowerInvariant();
                var value = edit.Choice % 3 == 0 ? node.ToJsonString() : s_wrongValues[edit.Choice % s_wrongValues.Length]()?.ToJsonString() ?? "null";
                steps.Add($"duplicate {path} as '{key}'");
                duplicates.Add((key, value));
                break;
        }
    }

    private static byte[] ApplyByteEdit(byte[] bytes, ByteEdit edit, List<string> steps)
    {
        var at = bytes.Length == 0 ? 0 : edit.Position % bytes.Length;
        switch (edit.Kind)
        {
            case 0 when bytes.Length > 0:
                steps.Add($"byte {at} = 0x{edit.Value:X2}");
                bytes[at] = (byte)edit.Value;
                return bytes;
            case 1:
                steps.Add($"truncate to {at}");
                return bytes[..at];
            case 2:
                var bad = s_badBytes[edit.Value % s_badBytes.Length];
                steps.Add($"insert {Convert.ToHexString(bad)} at {at}");
                return [.. bytes[..at], .. bad, .. bytes[at..]];
            case 3:
                steps.Add("prepend BOM");
                return [0xEF, 0xBB, 0xBF, .. bytes];
            default:
                steps.Add($"delete byte {at}");
                return bytes.Length == 0 ? bytes : [.. bytes[..at], .. bytes[(at + 1)..]];
        }
    }

    private static string ReplaceRawValues(string text)
    {
        foreach (var raw in s_rawValues)
        {
            text = text.Replace(JsonSerializer.Serialize(RawPrefix + raw), raw, StringComparison.Ordinal);
        }

        return text;
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent.Remove(node.GetPropertyName());
                break;
            case JsonArray array:
                array.Remove(node);
                break;
        }
    }

    private static IEnumerable<JsonNode> Walk(JsonNode? node)
    {
        if (node is null)
        {
            yield break;
        }

        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.ToArray())
        {
            foreach (var descendant in Walk(child))
            {
                yield return descendant;
            }
        }
    }
}

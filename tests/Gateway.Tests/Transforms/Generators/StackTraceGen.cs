using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Gateway.Tests.Transforms.Generators;

/// <summary>Stack frames of Java, .NET, Python, Node, Go, PHP and Ruby, from random identifiers and paths.</summary>
public static class StackTraceGen
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly Gen<string> s_lowerIdent = Ident(Lower);
    private static readonly Gen<string> s_typeIdent = Ident(Upper);
    private static readonly Gen<string> s_line = Gen.Choose(1, 9999).Select(n => n.ToString(CultureInfo.InvariantCulture));
    private static readonly Gen<string> s_root = Gen.Elements("/app", "/srv/sis", "/var/www/html", "/home/deploy/api", "/opt/roster", "/usr/lib/python3.11", "/build/src", "/src");

    private static readonly Gen<string> s_dir =
        from root in s_root
        from parts in Gen.ArrayOf(s_lowerIdent, 2)
        select $"{root}/{parts[0]}/{parts[1]}";

    public static Gen<string> Java { get; } =
        from pkg in Gen.ArrayOf(s_lowerIdent, 3)
        from type in s_typeIdent
        from method in s_lowerIdent
        from line in s_line
        select $"at {pkg[0]}.{pkg[1]}.{pkg[2]}.{type}.{method}({type}.java:{line})";

    public static Gen<string> DotNet { get; } =
        from ns in Gen.ArrayOf(s_typeIdent, 2)
        from type in s_typeIdent
        from method in s_typeIdent
        from windows in Gen.Elements(true, false)
        from dir in s_dir
        from line in s_line
        select $"at {ns[0]}.{ns[1]}.{type}.{method}() in {(windows ? @"C:\src\" + ns[1] + @"\" : dir + "/")}{type}.cs:line {line}";

    public static Gen<string> Python { get; } =
        from dir in s_dir
        from module in s_lowerIdent
        from function in s_lowerIdent
        from line in s_line
        select $"File \"{dir}/{module}.py\", line {line}, in {function}";

    public static Gen<string> Node { get; } =
        from type in s_typeIdent
        from method in s_lowerIdent
        from dir in s_dir
        from file in s_lowerIdent
        from line in s_line
        from column in s_line
        select $"at {type}.{method} ({dir}/{file}.js:{line}:{column})";

    public static Gen<string> Go { get; } =
        from id in Gen.Choose(1, 500)
        from function in s_typeIdent
        from dir in s_dir
        from file in s_lowerIdent
        from line in s_line
        from offset in Gen.Choose(1, 4096)
        select $"goroutine {id} [running]:\nmain.{function}(...)\n\t{dir}/{file}.go:{line} +0x{offset:x}";

    public static Gen<string> Php { get; } =
        from dir in s_dir
        from file in s_lowerIdent
        from function in s_lowerIdent
        from line in s_line
        select $"#0 {dir}/{file}.php({line}): {function}()";

    public static Gen<string> Ruby { get; } =
        from dir in s_dir
        from file in s_lowerIdent
        from method in s_lowerIdent
        from line in s_line
        select $"{dir}/{file}.rb:{line}:in `{method}'";

    /// <summary>One to four frames of one runtime, one per line.</summary>
    public static Gen<string> Trace { get; } =
        from runtime in Gen.Elements(Java, DotNet, Python, Node, Go, Php, Ruby)
        from count in Gen.Choose(1, 4)
        from frames in Gen.ArrayOf(runtime, count)
        select string.Join("\n", frames.Select(f => "   " + f));

    private static Gen<string> Ident(string first) =>
        from head in Gen.Elements(first.ToCharArray())
        from length in Gen.Choose(0, 11)
        from tail in Gen.ArrayOf(Gen.Elements((Lower + Upper + "0123456789_").ToCharArray()), length)
        select head + new string(tail);
}

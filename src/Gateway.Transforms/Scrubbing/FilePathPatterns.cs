using System.Text.RegularExpressions;
using Gateway.Transforms.Errors;

namespace Gateway.Transforms.Scrubbing;

/// <summary>
/// Server file-system paths. A Unix path counts only under a server root or when it names a source or config file,
/// and only where a path can start (so <c>https://example.com/home/x</c> and <c>/api/v2/students</c> stay clean).
/// </summary>
internal static partial class FilePathPatterns
{
    private const LeakKinds Kind = LeakKinds.FilePath;

    public static readonly LeakRule[] Rules =
    [
        new(Kind, ["/var", "/home", "/usr", "/srv", "/opt", "/app", "/etc", "/tmp", "/root", "/proc", "/mnt", "/Users",
            "/Library", "/private", "/workspace", "/build", "/code", "file:/"], UnixRoots),
        new(Kind, [".java", ".kt", ".scala", ".groovy", ".cs", ".vb", ".fs", ".cshtml", ".aspx", ".ascx", ".asmx", ".ashx",
            ".py", ".rb", ".erb", ".php", ".phtml", ".inc", ".go", ".rs", ".jsp", ".dll", ".so", ".exe", ".pdb",
            ".config", ".ini", ".yml", ".yaml", ".properties", ".conf", ".cfg", ".env", ".log", ".sql", ".db", ".sqlite",
            ".pem", ".key", ".pfx", ".sh", ".bat", ".ps1"], SourceFiles),
        new(Kind, [":\\", ":/", "\\\\"], Windows, MarkerGuards.DriveLetter),
        new(Kind, ["node_modules/", "site-packages/", "dist-packages/", "WEB-INF/", "BOOT-INF/"], Packages),
        new(Kind, ["~/", "s3://", "s3a://", "gs://", "hdfs://", "abfs://", "abfss://", "wasb://", "wasbs://"], HomeAndStorage),
        new(Kind, ["HKEY_", "HKLM\\", "HKCU\\", "HKCR\\"], RegistryKeys),
        new(Kind, [".asp, line ", ".asa, line "], ClassicAspLines),
    ];

    // "Start of a path": line start, whitespace, quotes, brackets, separators, or a JSON escape (\n, \t, \").
    [GeneratedRegex(
        """
          (?<=^|[\s"'(=:\[,;>*`|]|\\[nt"])(/|\\/)(var|home|usr|srv|opt|app|etc|tmp|root|proc|mnt|Users|Library|private|workspace|builds?|code)(/|\\/)[\w.@+~$-]
        | \bfile:///?[\w%~.-]
        """,
        LeakRule.Options)]
    private static partial Regex UnixRoots { get; }

    [GeneratedRegex(
        """(?<=^|[\s"'(=:\[,;>*`|]|\\[nt"])/(?>[\w.@+~-]+/)+[\w@+~-]+\.(java|kt|scala|groovy|cs|vb|fs|cshtml|aspx|ascx|asmx|ashx|py|pyc|rb|erb|php|phtml|inc|go|rs|jsp|dll|so|exe|pdb|config|ini|yml|yaml|properties|conf|cfg|env|log|sql|db|sqlite|pem|key|pfx|sh|bat|ps1)\b""",
        LeakRule.Options)]
    private static partial Regex SourceFiles { get; }

    [GeneratedRegex(
        """
          (?<=\b[A-Za-z]):(\\|\\\\)(?!fakepath(\\|\\\\))[\w$~.()-]         # C:\inetpub, JSON "C:\\inetpub"; not a browser's fakepath
        | (?<=\b[A-Za-z]):/(Users|Windows|Program[ ]Files|inetpub|Projects|src|dev|work|code|[Bb]uilds?|agent|home|app|apps|[Ss]ites|www|git|repos|temp|tmp|[Dd]ata|[Dd]eploy|[Jj]enkins|[Ss]ource|[Ss]ervices|[Ww]ebsites)\b
        | (?<=^|[\s"'(=:\[,;>`])(\\\\|\\\\\\\\)(?!fakepath\b)[\w.$-]+(\\|\\\\)[\w.$-]+   # UNC \\host\share, raw or JSON-escaped
        """,
        LeakRule.Options)]
    private static partial Regex Windows { get; }

    [GeneratedRegex("""\bnode_modules/|\b(site|dist)-packages/|\b(WEB|BOOT)-INF/""", LeakRule.Options)]
    private static partial Regex Packages { get; }

    // A path in a home directory (~/sis/config.yml), and object-store and Hadoop locations, which name the bucket or
    // cluster the backend writes to (s3://sis-prod-exports/…, hdfs://namenode:8020/…).
    [GeneratedRegex(
        """
          (?<![\w~/])~/([\w.-]+/[\w.-]|[\w-]*\.[A-Za-z]\w{0,9}\b)                   # a folder in it, or a file
        | \b(s3a?|gs|hdfs|abfss?|wasbs?)://[\w.@-]+
        """,
        LeakRule.Options)]
    private static partial Regex HomeAndStorage { get; }

    // A Windows registry key names the software and its settings on the server (HKEY_LOCAL_MACHINE\SOFTWARE\Acme\SIS).
    [GeneratedRegex(
        """\bHKEY_(LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG)\b|\bHK(LM|CU|CR)\\{1,2}[A-Za-z]""",
        LeakRule.Options)]
    private static partial Regex RegistryKeys { get; }

    // Classic ASP names the failing script by its site path after the error ("/sis/enroll.asp, line 42").
    [GeneratedRegex("""(?<=\w)\.as[pa],[ ]line[ ]\d+""", LeakRule.Options)]
    private static partial Regex ClassicAspLines { get; }
}

using System.Globalization;
using SmsLint.Findings;
using SmsLint.IO;
using SmsLint.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SmsLint.Config;

/// <summary>The outcome of reading a configuration file: the configuration, or every problem found.</summary>
public sealed record ConfigLoadResult(SmsLintConfig? Config, IReadOnlyList<ConfigError> Errors);

/// <summary>
/// Finds and reads <c>smslint.yml</c>. The file is YAML, read through YamlDotNet's node model so
/// that every problem (an unknown key, a value of the wrong type, an unknown rule id, a missing
/// reason) is reported with its line and column; all problems are collected, not only the first.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Names looked for at the snapshot root, in this order.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["smslint.yml", "smslint.yaml"];

    /// <summary>A configuration file is a few kilobytes; anything this large is refused.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>Keys of every mapping the file may hold, by the mapping's path ("" is the top level).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [string.Empty] = ["version", "rules", "exclude", "limits", "catalog", "inlineSuppressions", "suppressions"],
        ["rules"] = ["select", "ignore", "levels"],
        ["limits"] = ["maxTextFileBytes", "maxLineLength", "maxFolderDepth", "zip"],
        ["limits.zip"] = ["maxEntries", "maxEntryBytes", "maxTotalBytes", "maxCompressionRatio"],
        ["suppressions[]"] = ["rule", "path", "reason", "expires"],
    };

    /// <summary>Levels a rule can be set to (to turn a rule off, list it under rules.ignore).</summary>
    public static readonly IReadOnlyList<string> LevelNames = ["error", "warning", "note"];

    /// <summary>The configuration file at the snapshot root, or null when there is none.</summary>
    public static string? Discover(string snapshotRoot)
    {
        foreach (var name in FileNames)
        {
            var path = Path.Combine(snapshotRoot, name);
            if (File.Exists(path))
            {
                return Path.GetFullPath(path);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a configuration file: a regular file (never a FIFO or device, so nothing blocks) of at
    /// most <see cref="MaxFileBytes"/> bytes, counted as they are read. With
    /// <paramref name="snapshotRealRoot"/> (a file found inside a snapshot folder) it must also lie
    /// inside the snapshot once links are resolved, as every snapshot file must.
    /// </summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="ruleIds">The ids of the rules the scan knows: the only ids the file may name.</param>
    /// <param name="snapshotRealRoot">The snapshot's real root when the file was found inside it.</param>
    public static ConfigLoadResult Load(string path, IReadOnlyCollection<string> ruleIds, string? snapshotRealRoot = null)
    {
        var full = Path.GetFullPath(path);
        var bytes = SafeFile.ReadUserFile(full, MaxFileBytes, snapshotRealRoot, out var problem);
        if (bytes is null)
        {
            return Fail(path, 0, 0, $"the configuration file {problem}");
        }

        // As File.ReadAllText reads it: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();

        return Parse(text, full, path, ruleIds);
    }

    /// <summary>The longest error message (characters): values from the file are quoted as short excerpts.</summary>
    private const int MaxMessage = 400;

    /// <summary>How deeply mappings and lists may nest (64): deeper is refused before the node tree is built, which recurses.</summary>
    public const int MaxNesting = 64;

    /// <summary>Walks the YAML events (no recursion) and returns where nesting first goes past <see cref="MaxNesting"/>.</summary>
    private static Mark? TooDeep(string text)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            var depth = 0;
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                        if (++depth > MaxNesting)
                        {
                            return parser.Current.Start;
                        }

                        break;
                    case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // The full load below reports it, with its position.
        }

        return null;
    }

    /// <summary>Reads configuration text. <paramref name="displayName"/> names the file in messages; <paramref name="ruleIds"/> are the rule ids it may name.</summary>
    public static ConfigLoadResult Parse(string text, string fullPath, string displayName, IReadOnlyCollection<string> ruleIds)
    {
        var reader = new Reader(displayName, Path.GetDirectoryName(fullPath) ?? ".", ruleIds);
        if (TooDeep(text) is { } deep)
        {
            return Fail(displayName, (int)deep.Line, (int)deep.Column, $"mappings and lists nest more than {MaxNesting} levels deep");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) ? inner.Message : ex.Message;
            return Fail(displayName, (int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {SafeFile.Excerpt(message, 200)}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet gives up on some malformed input with these instead of a YamlException.
            return Fail(displayName, 1, 1, $"not valid YAML: {SafeFile.Excerpt(ex.Message, 200)}");
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            return Fail(displayName, (int)second.Start.Line, (int)second.Start.Column, "the file holds more than one YAML document; put everything in one");
        }

        var config = reader.Read(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, fullPath, new SourceText(text));
        return reader.Errors.Count > 0 ? new ConfigLoadResult(null, reader.Errors) : new ConfigLoadResult(config, []);
    }

    private static ConfigLoadResult Fail(string file, int line, int column, string message) =>
        new(null, [new ConfigError(file, line, column, message)]);

    /// <summary>Walks the node tree once, collecting values and errors.</summary>
    private sealed class Reader(string file, string directory, IReadOnlyCollection<string> ruleIds)
    {
        public List<ConfigError> Errors { get; } = [];

        public SmsLintConfig Read(YamlNode? root, string fullPath, SourceText text)
        {
            var select = new List<string>();
            var ignore = new List<string>();
            var levels = new SortedDictionary<string, Level>(StringComparer.Ordinal);
            var exclude = new List<string>();
            var suppressions = new List<DeclaredSuppression>();
            long? maxBytes = null;
            int? maxLine = null;
            int? maxDepth = null;
            var zip = new Discover.ZipLimits();
            var zipSet = false;
            string? catalog = null;
            bool? inline = null;

            if (root is null || IsNull(root))
            {
                return new SmsLintConfig { FilePath = fullPath, Text = text };
            }

            foreach (var (key, value) in Mapping(root, string.Empty, "the configuration"))
            {
                switch (key)
                {
                    case "version":
                        Integer(value, "version", 1, 1); // only format 1 exists; read for its errors
                        break;
                    case "rules":
                        foreach (var (ruleKey, ruleValue) in Mapping(value, "rules", "'rules'"))
                        {
                            switch (ruleKey)
                            {
                                case "select":
                                    select.AddRange(RuleIds(ruleValue, "rules.select"));
                                    break;
                                case "ignore":
                                    ignore.AddRange(RuleIds(ruleValue, "rules.ignore"));
                                    break;
                                case "levels":
                                    ReadLevels(ruleValue, levels);
                                    break;
                            }
                        }

                        break;
                    case "exclude":
                        foreach (var item in Sequence(value, "exclude"))
                        {
                            if (Glob(item, "exclude") is { } glob)
                            {
                                exclude.Add(glob);
                            }
                        }

                        break;
                    case "limits":
                        foreach (var (limitKey, limitValue) in Mapping(value, "limits", "'limits'"))
                        {
                            switch (limitKey)
                            {
                                case "maxTextFileBytes":
                                    maxBytes = Integer(limitValue, "limits.maxTextFileBytes", 1, 1L << 30);
                                    break;
                                case "maxLineLength":
                                    maxLine = (int?)Integer(limitValue, "limits.maxLineLength", 1, 1 << 24);
                                    break;
                                case "maxFolderDepth":
                                    maxDepth = (int?)Integer(limitValue, "limits.maxFolderDepth", 1, 1024);
                                    break;
                                case "zip":
                                    zipSet = true;
                                    zip = ReadZipLimits(limitValue, zip);
                                    break;
                            }
                        }

                        break;
                    case "catalog":
                        catalog = CatalogPath(value);
                        break;
                    case "inlineSuppressions":
                        inline = Boolean(value, "inlineSuppressions");
                        break;
                    case "suppressions":
                        foreach (var item in Sequence(value, "suppressions"))
                        {
                            if (Suppression(item, text) is { } s)
                            {
                                suppressions.Add(s);
                            }
                        }

                        break;
                }
            }

            return new SmsLintConfig
            {
                FilePath = fullPath,
                Text = text,
                Select = select,
                Ignore = ignore,
                Levels = levels,
                Exclude = exclude,
                MaxTextFileBytes = maxBytes,
                MaxLineLength = maxLine,
                MaxFolderDepth = maxDepth,
                ZipLimits = zipSet ? zip : null,
                CatalogPath = catalog,
                InlineSuppressions = inline,
                Suppressions = suppressions,
            };
        }

        /// <summary>Records an error; a message never runs longer than a short excerpt of the file justifies.</summary>
        private void Error(YamlNode node, string message) =>
            Errors.Add(new ConfigError(file, (int)node.Start.Line, (int)node.Start.Column, SafeFile.Excerpt(message, MaxMessage)));

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

        /// <summary>The entries of a mapping whose keys are all known; unknown and repeated keys are errors.</summary>
        private List<(string Key, YamlNode Value)> Mapping(YamlNode node, string path, string what)
        {
            var result = new List<(string, YamlNode)>();
            if (node is not YamlMappingNode mapping)
            {
                Error(node, $"{what} must be a mapping of keys to values, not {Describe(node)}");
                return result;
            }

            var known = Keys[path];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key })
                {
                    Error(keyNode, $"keys in {what} must be plain names");
                    continue;
                }

                if (!known.Contains(key))
                {
                    var hint = known.FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
                    Error(keyNode, hint is not null
                        ? $"unknown key '{SafeFile.Excerpt(key)}' in {what}; keys are case-sensitive: did you mean '{hint}'?"
                        : $"unknown key '{SafeFile.Excerpt(key)}' in {what}; expected one of: {string.Join(", ", known)}");
                    continue;
                }

                if (!seen.Add(key))
                {
                    Error(keyNode, $"key '{SafeFile.Excerpt(key)}' appears twice in {what}");
                    continue;
                }

                result.Add((key, value));
            }

            return result;
        }

        private List<YamlNode> Sequence(YamlNode node, string what)
        {
            if (node is YamlSequenceNode sequence)
            {
                return [.. sequence.Children];
            }

            if (IsNull(node))
            {
                return [];
            }

            Error(node, $"'{what}' must be a list, not {Describe(node)}");
            return [];
        }

        private string? Scalar(YamlNode node, string what)
        {
            if (node is YamlScalarNode { Value: { } value } && !IsNull(node))
            {
                return value;
            }

            Error(node, $"'{what}' must be a single value, not {Describe(node)}");
            return null;
        }

        private string? NonEmptyString(YamlNode node, string what)
        {
            var value = Scalar(node, what);
            if (value is not null && value.Trim().Length == 0)
            {
                Error(node, $"'{what}' must not be empty");
                return null;
            }

            return value?.Trim();
        }

        private long? Integer(YamlNode node, string what, long min, long max)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
                && long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                if (value < min || value > max)
                {
                    Error(node, $"'{what}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}");
                    return null;
                }

                return value;
            }

            Error(node, $"'{what}' must be a whole number, not {Describe(node)}");
            return null;
        }

        private double? Ratio(YamlNode node, string what, double min, double max)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text }
                && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                if (value < min || value > max)
                {
                    Error(node, $"'{what}' must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}, not {text}");
                    return null;
                }

                return value;
            }

            Error(node, $"'{what}' must be a number, not {Describe(node)}");
            return null;
        }

        private Discover.ZipLimits ReadZipLimits(YamlNode node, Discover.ZipLimits zip)
        {
            foreach (var (key, value) in Mapping(node, "limits.zip", "'limits.zip'"))
            {
                switch (key)
                {
                    case "maxEntries":
                        zip = Integer(value, "limits.zip.maxEntries", 1, 100_000_000) is { } entries ? zip with { MaxEntries = entries } : zip;
                        break;
                    case "maxEntryBytes":
                        zip = Integer(value, "limits.zip.maxEntryBytes", 1, 1L << 40) is { } entry ? zip with { MaxEntryBytes = entry } : zip;
                        break;
                    case "maxTotalBytes":
                        zip = Integer(value, "limits.zip.maxTotalBytes", 1, 1L << 44) is { } total ? zip with { MaxTotalBytes = total } : zip;
                        break;
                    case "maxCompressionRatio":
                        zip = Ratio(value, "limits.zip.maxCompressionRatio", 1, 1_000_000) is { } ratio ? zip with { MaxCompressionRatio = ratio } : zip;
                        break;
                }
            }

            return zip;
        }

        private bool? Boolean(YamlNode node, string what)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text })
            {
                switch (text)
                {
                    case "true" or "True" or "TRUE":
                        return true;
                    case "false" or "False" or "FALSE":
                        return false;
                }
            }

            Error(node, $"'{what}' must be true or false, not {Describe(node)}");
            return null;
        }

        private string? RuleId(YamlNode node, string what)
        {
            var id = NonEmptyString(node, what);
            if (id is null)
            {
                return null;
            }

            if (ruleIds.FirstOrDefault(known => known.Equals(id, StringComparison.OrdinalIgnoreCase)) is not { } rule)
            {
                Error(node, $"'{what}': unknown rule id '{SafeFile.Excerpt(id)}' (see 'smslint rules')");
                return null;
            }

            return rule;
        }

        private List<string> RuleIds(YamlNode node, string what)
        {
            var ids = new List<string>();
            foreach (var item in Sequence(node, what))
            {
                if (RuleId(item, what) is { } id)
                {
                    ids.Add(id);
                }
            }

            return ids;
        }

        private void ReadLevels(YamlNode node, SortedDictionary<string, Level> levels)
        {
            if (node is not YamlMappingNode mapping)
            {
                Error(node, $"'rules.levels' must map rule ids to levels, not {Describe(node)}");
                return;
            }

            foreach (var (keyNode, value) in mapping.Children)
            {
                if (RuleId(keyNode, "rules.levels") is not { } id)
                {
                    continue;
                }

                var text = Scalar(value, $"rules.levels.{id}");
                if (text is null)
                {
                    continue;
                }

                if (!LevelNames.Contains(text) || !Findings.LevelNames.TryParse(text, out var level))
                {
                    Error(value, $"'rules.levels.{SafeFile.Excerpt(id)}': unknown level '{SafeFile.Excerpt(text)}'; expected one of: {string.Join(", ", LevelNames)} (to turn a rule off, list it under rules.ignore)");
                    continue;
                }

                if (!levels.TryAdd(id, level))
                {
                    Error(keyNode, $"rule '{SafeFile.Excerpt(id)}' appears twice in 'rules.levels'");
                }
            }
        }

        private string? Glob(YamlNode node, string what)
        {
            var glob = NonEmptyString(node, what);
            if (glob is null)
            {
                return null;
            }

            glob = glob.Replace('\\', '/');
            if (glob.StartsWith('/') || glob.Split('/').Contains(".."))
            {
                Error(node, $"'{what}': the glob '{SafeFile.Excerpt(glob)}' must be relative to the snapshot root and must not contain '..'");
                return null;
            }

            if (glob.IndexOfAny(['?', '[', ']', '{', '}']) >= 0)
            {
                Error(node, $"'{what}': the glob '{SafeFile.Excerpt(glob)}' uses a wildcard SmsLint does not have: only '*' and '**' are wildcards");
                return null;
            }

            return glob;
        }

        private string? CatalogPath(YamlNode node)
        {
            var value = NonEmptyString(node, "catalog");
            if (value is null)
            {
                return null;
            }

            var full = Path.GetFullPath(Path.Combine(directory, value));
            if (!File.Exists(full))
            {
                Error(node, $"'catalog': the file '{SafeFile.Excerpt(value)}' does not exist (paths are relative to the configuration file)");
                return null;
            }

            return full;
        }

        private DeclaredSuppression? Suppression(YamlNode node, SourceText text)
        {
            string? rule = null, glob = null, reason = null;
            DateOnly? expires = null;
            var valid = true;
            foreach (var (key, value) in Mapping(node, "suppressions[]", "a suppression"))
            {
                switch (key)
                {
                    case "rule":
                        rule = RuleId(value, "suppressions.rule");
                        valid &= rule is not null;
                        break;
                    case "path":
                        glob = Glob(value, "suppressions.path");
                        valid &= glob is not null;
                        break;
                    case "reason":
                        reason = NonEmptyString(value, "suppressions.reason");
                        valid &= reason is not null;
                        break;
                    case "expires":
                        var date = Scalar(value, "suppressions.expires");
                        if (date is not null && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        {
                            expires = d;
                        }
                        else
                        {
                            if (date is not null)
                            {
                                Error(value, $"'suppressions.expires' must be a date written YYYY-MM-DD, not '{SafeFile.Excerpt(date)}'");
                            }

                            valid = false;
                        }

                        break;
                }
            }

            if (node is YamlMappingNode)
            {
                foreach (var (name, present) in new[] { ("rule", rule), ("path", glob), ("reason", reason) })
                {
                    if (present is null && !HasKey(node, name))
                    {
                        Error(node, $"a suppression needs '{name}'" + (name == "reason" ? ": say why the finding is accepted" : string.Empty));
                        valid = false;
                    }
                }
            }

            if (!valid || rule is null || glob is null || reason is null)
            {
                return null;
            }

            var start = Math.Clamp((int)node.Start.Index, 0, text.Length);
            var end = Math.Clamp((int)node.End.Index, start, text.Length);
            var firstLine = text.GetLineSpan(text.GetLineNumber(start));
            return new DeclaredSuppression(rule, glob, reason, expires, TextSpan.FromBounds(start, Math.Max(start, Math.Min(end, firstLine.End))));
        }

        private static bool HasKey(YamlNode node, string key) =>
            node is YamlMappingNode m && m.Children.Keys.Any(k => k is YamlScalarNode { Value: { } v } && v == key);

        private static string Describe(YamlNode node) => node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode s when IsNull(s) => "an empty value",
            YamlScalarNode { Value: { } v } => $"'{SafeFile.Excerpt(v, 20)}'",
            _ => "this value",
        };
    }
}

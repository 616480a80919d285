using SmsLint.Catalog;
using SmsLint.Config;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Suppressions;
using SmsLint.Writers.Sarif;

namespace SmsLint.Scanning;

/// <summary>
/// The library's entry point: one scan, from settings to a finished report. The CLI (scan, fix,
/// baseline, plan) and the fixture tests call it, so what they write comes from the same scan.
/// </summary>
/// <remarks>
/// Layering: <c>Engine</c> runs rules, <c>Suppressions</c> reviews their findings; this namespace
/// sits above both and composes them, so neither needs the other. The rules themselves live in
/// SmsLint.Rules, which references this assembly; they come in through <see cref="ScanSettings.Rules"/>.
/// </remarks>
public static class Scanner
{
    /// <summary>
    /// The whole scan: merge the configuration, load the catalog, scan, attach the rule
    /// documentation, apply the baseline. Throws <see cref="ScanSetupException"/> when the
    /// configuration, catalog or baseline cannot be used, <see cref="SnapshotSourceException"/>
    /// when the snapshot cannot be opened, and <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public static ScanReport Scan(ScanSettings settings) => Scan(Prepare(settings));

    /// <summary>Scans a prepared snapshot: the rules, their documentation, and the baseline when there is one.</summary>
    public static ScanReport Scan(PreparedScan prepared)
    {
        var settings = prepared.Settings;
        ScanReport report;
        prepared.Options.Progress?.Start("listing files", 0);
        using (var source = SnapshotSources.Open(prepared.Root, prepared.Options.Source))
        {
            report = Scan(source, prepared.Options, () => (prepared.Catalog, prepared.CatalogInfo), prepared.Rules, settings.Overlay, settings.RunOnly);
        }

        report = report with
        {
            RuleDocs = RuleDocs.Pages(prepared.Rules.Descriptors),
            RuleSummaries = RuleDocs.Summaries(prepared.Rules.Descriptors),
            Category = settings.Category,
            // A zip snapshot has no folder an IDE could open files from.
            RootUri = settings.SrcRoot && Directory.Exists(report.SnapshotRoot) ? SarifUri.FolderUri(report.SnapshotRoot) : null,
            // Only when asked: the default log must not depend on where the snapshot lies.
            SnapshotInRepository = settings.SrcRootInRepository && Directory.Exists(report.SnapshotRoot) ? FolderInRepository(report.SnapshotRoot) : null,
            HelpUriBase = settings.HelpUriBase is null ? ProjectLinks.DefaultHelpUriBase : ProjectLinks.NormaliseHelpUriBase(settings.HelpUriBase) ?? ProjectLinks.DefaultHelpUriBase,
        };

        return prepared.Baseline is { } baseline ? ApplyBaseline(report, baseline, prepared.Options) : report;
    }

    /// <summary>
    /// Where <paramref name="folder"/> sits below the top of the git work tree that holds it
    /// ("snapshots/site1"), found without running git: the nearest folder upward with a <c>.git</c>
    /// entry (a folder, or the file of a worktree or submodule). Null when no such folder holds it,
    /// or when the folder is the top itself.
    /// </summary>
    public static string? FolderInRepository(string folder)
    {
        try
        {
            var full = Path.GetFullPath(folder);
            for (var dir = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                var git = Path.Combine(dir, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    var relative = Path.GetRelativePath(dir, full).Replace('\\', '/').Trim('/');
                    return relative is "" or "." || relative.StartsWith("..", StringComparison.Ordinal) ? null : relative;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
        }

        return null;
    }

    /// <summary>
    /// Reads the configuration, catalog and baseline and builds the options. Throws
    /// <see cref="ScanSetupException"/> with every problem found.
    /// </summary>
    public static PreparedScan Prepare(ScanSettings settings)
    {
        var root = settings.Snapshot;

        // Files found inside a snapshot folder obey its link policy: they are read only when
        // their real location is inside it too.
        var realRoot = Directory.Exists(root) ? SmsLint.IO.SafeFile.RealPath(root) : null;
        string? RootFor(string file) => realRoot is not null && PathInside(root, file) is not null ? realRoot : null;

        SmsLintConfig? config = null;
        var configPath = settings.Config ?? ConfigLoader.Discover(root);
        if (configPath is not null)
        {
            var loaded = ConfigLoader.Load(configPath, settings.Rules.Select(r => r.Descriptor.Id).ToList(), RootFor(configPath));
            if (loaded.Config is null)
            {
                throw new ScanSetupException([.. loaded.Errors.Select(e => new ScanSetupError(ScanSetupProblem.Configuration, e.ToString()))]);
            }

            config = loaded.Config;
        }

        var catalog = new Lazy<SmsCatalog>(SmsCatalog.LoadEmbedded);
        var catalogOrigin = "embedded";
        if ((settings.Catalog is null ? config?.CatalogPath : Path.GetFullPath(settings.Catalog)) is { } catalogPath)
        {
            var bytes = SmsLint.IO.SafeFile.ReadUserFile(catalogPath, SmsCatalog.MaxCatalogBytes, RootFor(catalogPath), out var catalogProblem);
            if (bytes is null)
            {
                throw new ScanSetupException([new ScanSetupError(ScanSetupProblem.Catalog, $"'{catalogPath}' cannot be read: it {catalogProblem}.")]);
            }

            var result = SmsCatalog.Load(new MemoryStream(bytes, writable: false), catalogPath);
            if (result.Catalog is null)
            {
                throw new ScanSetupException([.. result.Errors.Select(e => new ScanSetupError(ScanSetupProblem.Catalog, e.ToString()))]);
            }

            var own = result.Catalog;
            catalog = new Lazy<SmsCatalog>(() => own);
            catalogOrigin = Path.GetFileName(catalogPath);
        }
        else
        {
            SmsCatalog.PreloadEmbedded();
        }

        IReadOnlyList<BaselineEntry>? baseline = null;
        if (settings.Baseline is { } baselinePath)
        {
            var loaded = SarifBaseline.Load(baselinePath, RootFor(baselinePath));
            if (loaded.Entries is null)
            {
                throw new ScanSetupException([new ScanSetupError(ScanSetupProblem.Baseline, loaded.Error ?? "the baseline cannot be read")]);
            }

            baseline = loaded.Entries;
        }

        var defaults = new AnalysisOptions();
        var select = settings.Select.Count > 0 ? settings.Select : config?.Select ?? [];
        var options = defaults with
        {
            Select = new HashSet<string>(select, StringComparer.OrdinalIgnoreCase),
            Ignore = new HashSet<string>(settings.Ignore.Concat(config?.Ignore ?? []), StringComparer.OrdinalIgnoreCase),
            Threads = settings.Threads ?? Math.Max(1, Environment.ProcessorCount),
            MaxTextFileBytes = config?.MaxTextFileBytes ?? defaults.MaxTextFileBytes,
            MaxLineLength = config?.MaxLineLength ?? defaults.MaxLineLength,
            Source = defaults.Source with
            {
                MaxDepth = config?.MaxFolderDepth ?? defaults.Source.MaxDepth,
                Zip = config?.ZipLimits ?? defaults.Source.Zip,
                Threads = settings.Threads ?? defaults.Source.Threads,
            },
            Exclude = config is { Exclude.Count: > 0 } ? new PathGlobs(config.Exclude) : null,
            LevelOverrides = config?.Levels ?? defaults.LevelOverrides,
            InlineSuppressions = !settings.NoInlineSuppressions && (config?.InlineSuppressions ?? true),
            DeclaredSuppressions = config?.Suppressions ?? [],
            Config = config,
            ConfigPathInSnapshot = config is null ? null : PathInside(root, config.FilePath),
            Cancellation = settings.Cancellation,
            AfterListing = settings.AfterListing,
            Progress = settings.Progress,
            CollectHierarchy = settings.CollectHierarchy,
        };

        if (settings.Adjust is { } adjust)
        {
            options = adjust(options);
        }

        return new PreparedScan(root, options, catalog, catalogOrigin, baseline, settings);
    }

    /// <summary>The scan of an open source with ready options: discover, decode, parse, model, rules. Never throws for bad input.</summary>
    public static ScanReport Scan(ISnapshotSource source, AnalysisOptions options, SmsCatalog catalog, CatalogInfo catalogInfo, RuleSet rules, RolloutOverlay? overlay = null, IReadOnlySet<string>? runOnly = null) =>
        Scan(source, options, () => (catalog, catalogInfo), rules, overlay, runOnly);

    /// <summary>As above, with the catalog asked for only once the files are loaded (the embedded one may still be being read).</summary>
    private static ScanReport Scan(ISnapshotSource source, AnalysisOptions options, Func<(SmsCatalog Catalog, CatalogInfo Info)> catalogSource, RuleSet rules, RolloutOverlay? overlay, IReadOnlySet<string>? runOnly)
    {
        var model = SnapshotLoader.Load(source, options);
        var (catalog, catalogInfo) = catalogSource();
        if (overlay is not null)
        {
            model = model.WithOverlay(overlay);
        }

        var notifications = new List<Notification>();
        foreach (var problem in source.Problems)
        {
            notifications.Add(new Notification("SMS-SOURCE-" + problem.Kind.ToUpperInvariant(), Level.Warning, $"'{problem.Path}' {problem.Message}", problem.Path));
        }

        foreach (var file in model.Files)
        {
            switch (file.Problem?.Kind)
            {
                case InputProblemKind.Unreadable:
                    notifications.Add(new Notification("SMS-SOURCE-UNREADABLE", Level.Warning, $"'{file.Path}' {file.Problem.Message}", file.Path));
                    break;
                case InputProblemKind.InternalError:
                    notifications.Add(new Notification("SMS-INTERNAL-ERROR", Level.Error, $"'{file.Path}' {file.Problem.Message}", file.Path));
                    break;
            }
        }

        var run = runOnly is null ? rules : new RuleSet(rules.Where(r => runOnly.Contains(r.Descriptor.Id)));
        var findings = Run(model, run, options, catalog, notifications, source.Problems, source, rules);
        return new ScanReport(Linter.ToolVersion, source.RootPath, rules.Descriptors, findings, Linter.Sort(notifications), catalogInfo)
        {
            FilesScanned = model.Files.Count,
            RulesRun = rules.Select(r => r.Descriptor.Id).Where(options.RunsRule).ToHashSet(StringComparer.OrdinalIgnoreCase),
            Hierarchy = options.CollectHierarchy ? HierarchyMapBuilder.Build(model, catalog, source) : null,
        };
    }

    /// <summary>
    /// Runs <paramref name="rules"/> over a model, then the level overrides and suppressions
    /// (SMS0007-SMS0009) once every rule has reported; returns the sorted, fingerprinted findings.
    /// <paramref name="known"/> (default: <paramref name="rules"/>) are the rules suppressions may name.
    /// </summary>
    public static IReadOnlyList<Finding> Run(
        SnapshotModel model,
        RuleSet rules,
        AnalysisOptions options,
        SmsCatalog catalog,
        List<Notification> notifications,
        IReadOnlyList<SourceProblem>? sourceProblems = null,
        ISnapshotSource? source = null,
        RuleSet? known = null)
    {
        var (findings, ran) = Linter.RunRules(model, rules, options, catalog, notifications, sourceProblems);
        options.Progress?.Start("suppressions", 0);
        var reviewed = SuppressionPass.Apply(model, findings, options, ran.Contains, notifications, known ?? rules);
        options.Progress?.Start("sorting and fingerprints", 0);
        return Linter.Fingerprint(Linter.Sort(reviewed), model, source);
    }

    /// <summary>Marks each finding new, unchanged or updated and adds the absent ones, in report order.</summary>
    public static ScanReport ApplyBaseline(ScanReport report, IReadOnlyList<BaselineEntry> baseline, AnalysisOptions options)
    {
        bool InScope(BaselineEntry entry) =>
            options.RunsRule(entry.RuleId)
            && options.Exclude?.IsMatch(entry.Location.Path) != true;

        var compared = SarifBaseline.Compare(report.Findings, baseline, report.Rules, InScope);
        return report with { Findings = Linter.Sort(compared) };
    }

    /// <summary>The path of <paramref name="file"/> relative to <paramref name="root"/> with '/', or null when it is outside.</summary>
    public static string? PathInside(string root, string file)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(file));
        return relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? null
            : relative.Replace('\\', '/');
    }
}

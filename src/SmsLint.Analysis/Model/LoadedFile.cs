using SmsLint.Binaries;
using SmsLint.Discover;
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Model;

/// <summary>Why a file could not be analysed as what its name says it is.</summary>
public enum InputProblemKind
{
    /// <summary>A text file holds NUL bytes or mostly control bytes.</summary>
    NotText,

    /// <summary>The bytes are valid in no supported encoding.</summary>
    Undecodable,

    /// <summary>A file or line is over a configured limit.</summary>
    LimitExceeded,

    /// <summary>The file could not be read (permission denied, vanished mid-scan, corrupt archive entry).</summary>
    Unreadable,

    /// <summary>An archive entry that would escape the snapshot (zip slip) or that is encrypted.</summary>
    UnsafeEntry,

    /// <summary>SmsLint itself failed on the file (a bug): reported as a tool notification, not as a finding.</summary>
    InternalError,
}

/// <summary>An input problem with the offset (in characters, or bytes when no text exists) it was found at.</summary>
public sealed record InputProblem(InputProblemKind Kind, string Message, TextSpan? Span = null);

/// <summary>
/// One snapshot file after decode and parse: its text (for text kinds), its syntax tree, its
/// parse errors, or the input problem that stopped it; for binaries, the version resource.
/// </summary>
public sealed class LoadedFile
{
    public LoadedFile(SnapshotFile file) => File = file;

    public SnapshotFile File { get; }

    public string Path => File.Path;

    public FileKind Kind => File.Kind;

    public SourceText? Text { get; set; }

    public string? Encoding { get; set; }

    /// <summary>
    /// The bytes as read, kept only where GitHub's upload-sarif would hash something other than
    /// <see cref="Text"/> (it reads every file as UTF-8): a file in another encoding, with a BOM, or
    /// not text at all. The fingerprint pass hashes these instead of reading the file again.
    /// </summary>
    public byte[]? RawBytes { get; set; }

    /// <summary>The parsed document (IniDocument, BatchDocument, CopyLogDocument, CopyListDocument) or null.</summary>
    public object? Document { get; set; }

    public IReadOnlyList<ParseError> ParseErrors { get; set; } = [];

    public InputProblem? Problem { get; set; }

    /// <summary>For binaries: what the version resource says (null for text kinds).</summary>
    public PeVersionResult? Version { get; set; }

    /// <summary>A zero-byte binary: a placeholder for a file that was not captured.</summary>
    public bool IsPlaceholder => File.Length == 0 && Kind == FileKind.Binary;

    public T? As<T>()
        where T : class => Document as T;

    public override string ToString() => Path;
}

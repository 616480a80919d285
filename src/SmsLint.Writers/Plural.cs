using System.Globalization;

namespace SmsLint.Writers;

/// <summary>Counted English nouns for summaries: "1 error", "2 errors".</summary>
internal static class Plural
{
    public static string Of(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}

using System.Xml.Linq;

namespace SmsLint.Tests;

/// <summary>
/// The constraints of the strict Ant JUnit schema (windyroad/JUnit-Schema, JUnit.xsd), checked
/// in code: required attributes and their types, the order of the suite's children, and what a
/// test case may hold.
/// </summary>
internal static class StrictAntJUnit
{
    public static void Check(XElement suite)
    {
        Assert.Equal("testsuite", suite.Name.LocalName);
        foreach (var name in new[] { "name", "timestamp", "hostname", "tests", "failures", "errors", "time" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)suite.Attribute(name)), $"testsuite lacks '{name}'");
        }

        Assert.Matches(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$", (string)suite.Attribute("timestamp")!);
        foreach (var name in new[] { "tests", "failures", "errors", "skipped" })
        {
            if (suite.Attribute(name) is { } a)
            {
                Assert.True(int.TryParse(a.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _), $"{name} is not an int");
            }
        }

        Assert.True(decimal.TryParse((string)suite.Attribute("time")!, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _));

        // properties, testcase*, system-out, system-err: in that order, each of the others exactly once.
        var children = suite.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal("properties", children[0]);
        Assert.Equal(["system-out", "system-err"], children[^2..]);
        Assert.All(children[1..^2], c => Assert.Equal("testcase", c));
        Assert.All(suite.Element("properties")!.Elements(), p =>
        {
            Assert.Equal("property", p.Name.LocalName);
            Assert.False(string.IsNullOrWhiteSpace((string?)p.Attribute("name")));
            Assert.NotNull(p.Attribute("value"));
        });

        foreach (var testCase in suite.Elements("testcase"))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)testCase.Attribute("name")));
            Assert.False(string.IsNullOrWhiteSpace((string?)testCase.Attribute("classname")));
            Assert.True(decimal.TryParse((string?)testCase.Attribute("time"), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _), "testcase lacks a decimal 'time'");
            var inside = testCase.Elements().ToList();
            Assert.True(inside.Count <= 1, "a test case holds at most one of skipped, error, failure");
            Assert.All(inside, e => Assert.Contains(e.Name.LocalName, new[] { "skipped", "error", "failure" }));
            Assert.All(inside.Where(e => e.Name.LocalName is "error" or "failure"), e => Assert.NotNull(e.Attribute("type")));
        }
    }
}

using System.Text;
using Cutover.Core.Manifest;
using Cutover.Testing;
using Xunit.Abstractions;

namespace Cutover.Core.Tests.Manifest;

/// <summary>
/// Random and mutated manifests (issue 10): whatever the text, the parser answers with manifest errors, never another
/// exception. The seed is fixed and printed, so a failure replays exactly; CUTOVER_FUZZ_SEED picks another.
/// </summary>
public sealed class ManifestParserFuzzTests(ITestOutputHelper output)
{
    private const int Inputs = 3000;

    private static readonly string[] Tokens =
    [
        ":", ": ", "- ", "[", "]", "{", "}", ",", "#", "&a ", "*a", "!!str ", "!!map ", "|", ">", "'", "\"", "%", "@", "`", "\t", "\n", "  ", "---\n", "...",
        "~", "null", "true", "-1", "0", "3000000000000000000h", "99999999999999999999999", "1e400", "NaN", "0x1F", "1m1m", "500ms",
        "v1", "v999", "canary", "Canary", "blueGreen", "\u0000", "\uFEFF", "é", "\U0001F600", "<<: *a", "? ", "\r\n",
    ];

    [Fact]
    public void Parse_RandomAndMutatedManifests_ReportsOnlyManifestErrors()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CUTOVER_FUZZ_SEED"), out var chosen) ? chosen : 20261203;
        output.WriteLine($"seed {seed} (set CUTOVER_FUZZ_SEED to replay another)");
        var random = new Random(seed);
        var original = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "cutover.yaml"));
        var refused = 0;

        for (var i = 0; i < Inputs; i++)
        {
            var text = i % 10 == 0 ? RandomText(random) : Mutate(original, random);
            ManifestParseResult result;
            try
            {
                result = ManifestParser.Parse(text, "cutover.yaml");
            }
            catch (Exception exception)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"cutover-fuzz-{seed}-{i}.yaml");
                File.WriteAllText(saved, text);
                throw new InvalidOperationException($"input {i} (seed {seed}, saved as {saved}) threw instead of reporting manifest errors", exception);
            }

            if (!result.IsValid)
            {
                refused++;
                result.Errors.ShouldNotBeEmpty($"input {i} (seed {seed})");
                result.Errors.ShouldAllBe(e => e.Line >= 1 && e.Column >= 1 && e.File == "cutover.yaml" && e.Problem.Length > 0 && e.Fix.Length > 0);
            }
        }

        output.WriteLine($"{Inputs} inputs, {refused} refused with manifest errors, none threw");
        refused.ShouldBeGreaterThan(Inputs / 2, "the mutations should break most manifests");
    }

    private static string Mutate(string original, Random random)
    {
        var text = new StringBuilder(original);
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations && text.Length > 0; m++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(7))
            {
                case 0:
                    text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2:
                    text.Length = at;
                    break;
                case 3:
                    text.Insert(at, new string(' ', random.Next(1, 9)));
                    break;
                case 4:
                    var lines = text.ToString().Split('\n');
                    var line = lines[random.Next(lines.Length)];
                    text.Insert(at, line + "\n");
                    break;
                case 5:
                    text.Insert(at, string.Concat(Enumerable.Repeat(random.Next(2) == 0 ? "[" : "{a: ", random.Next(50, 200))));
                    break;
                default:
                    text[at] = (char)random.Next(32, 127);
                    break;
            }
        }

        return text.ToString();
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 80);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x3000) : Tokens[random.Next(Tokens.Length)]);
        }

        return text.ToString();
    }
}

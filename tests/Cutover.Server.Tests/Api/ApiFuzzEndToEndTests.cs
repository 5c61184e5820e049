using System.Net;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Cutover.Server.Tests.Api;

/// <summary>
/// Random and mutated bodies, paths and query strings against a real control plane (issue 10): never a 5xx, every
/// refusal is problem details with a detail, and a refused request changes nothing (releases, audit trail, flags, the
/// file receiver's journal). Nothing is running and v1 is the only version released, so no fuzzed deploy, command or
/// rollback can be valid; a flag change or a notification is accepted only when its body is valid. The seed is fixed
/// and printed; CUTOVER_FUZZ_SEED replays another.
/// </summary>
[Collection(ApiInputTests.Name)]
public sealed class ApiFuzzEndToEndTests(ApiInputPlatform shared, ITestOutputHelper output)
{
    private const int Requests = 2000;

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "false", "-1", "0", "1e400", "-0", "NaN",
        "99999999999999999999", "\"version\"", "\"strategy\"", "\"ignoreAlarms\"", "\"enabled\"", "\"Enabled\"", "\"query\"", "\"since\"",
        "\"until\"", "\"v9\"", "\"canary\"", "\"zz\"", "\"\"", " ", "\n", "\t", "\u00e9", "\U0001F600", "/*x*/", "//", "'", "{\"a\":", "[[[[[[[[",
    ];

    private static readonly string[] MediaTypes = ["application/json", "application/json", "application/json", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/problem+json"];

    private static readonly string[] Commands = ["pause", "resume", "promote", "abort", "PAUSE", "Abort", "0", "-1", "pause%00", "..", "%2e%2e", "pause/..", "explode"];

    private PlatformFixture Platform => shared.Platform;

    [Fact]
    public async Task MutatingEndpoints_RandomAndMutatedInput_NeverFailAndRefusalsChangeNothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CUTOVER_FUZZ_SEED"), out var chosen) ? chosen : 20261203;
        output.WriteLine($"seed {seed} (set CUTOVER_FUZZ_SEED to replay another)");
        var random = new Random(seed);
        var before = await FingerprintAsync();
        var statuses = new SortedDictionary<int, int>();

        for (var i = 0; i < Requests; i++)
        {
            var fuzzed = Next(random);
            int status;
            string text;
            using (var request = fuzzed.ToRequest())
            using (var response = await Platform.Api.SendAsync(request))
            {
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync();
                var where = $"request {i} (seed {seed}): {fuzzed}: answered {status} {Cut(text)}";
                status.ShouldBeLessThan(500, where);
                // Kestrel refuses a NUL in the request target itself (a bare 400) before any middleware runs.
                if (status >= 400 && !fuzzed.Path.Contains("%00", StringComparison.Ordinal))
                {
                    (response.Content.Headers.ContentType?.MediaType).ShouldBe("application/problem+json", where);
                    text.ShouldNotBeEmpty(where);
                    using var problem = JsonDocument.Parse(text);
                    problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace(where);
                }
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (!fuzzed.Mutating)
            {
                continue;
            }

            var after = await FingerprintAsync();
            var what = $"request {i} (seed {seed}): {fuzzed}: answered {status} {Cut(text)}";
            if (status >= 300)
            {
                after.ShouldBe(before, $"a refused request changed the state: {what}");
            }
            else
            {
                fuzzed.AcceptedIf.ShouldNotBeNull($"only a flag change or a notification can be valid: {what}");
                fuzzed.AcceptedIf!(before, after).ShouldBeTrue($"accepted, but not as its body says: {what}");
            }

            before = after;
        }

        output.WriteLine($"{Requests} requests: " + string.Join(", ", statuses.Select(s => $"{s.Value}×{s.Key}")));
        statuses.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value).ShouldBeGreaterThan(Requests / 2, "most fuzzed requests should be refused");
    }

    /// <summary>
    /// What a refused request must leave alone. Of the audit trail, the entries requests made (the fixture's actor):
    /// alarms and the platform write theirs on their own time.
    /// </summary>
    private async Task<Fingerprint> FingerprintAsync() => new(
        await Platform.Api.GetStringAsync("api/v1/releases?limit=5"),
        RequestedAudit(await Platform.Api.GetStringAsync("api/v1/audit?limit=50")),
        await Platform.Api.GetStringAsync("api/v1/flags"),
        File.Exists(shared.Journal) ? File.ReadAllLines(shared.Journal).Length : 0);

    private static Fuzzed Next(Random random)
    {
        var media = random.Next(4) == 0 ? MediaTypes[random.Next(MediaTypes.Length)] : "application/json";
        switch (random.Next(10))
        {
            case 0:
            case 1:
                return new("POST", "api/v1/releases", Body(random, """{"version":"v9","strategy":"zz","ignoreAlarms":true}""", """{"version":"v1-x"}""", """{"strategy":"canary"}"""), media, Mutating: true);
            case 2:
            {
                var command = Commands[random.Next(Commands.Length)];
                return new("POST", $"api/v1/releases/current/{(random.Next(2) == 0 ? command : Uri.EscapeDataString(Mutate(command, random)))}{Query(random)}", MaybeBody(random), media, Mutating: true);
            }

            case 3:
                return new("POST", $"api/v1/rollback{Query(random)}", MaybeBody(random), media, Mutating: true);
            case 4:
            case 5:
            {
                var name = random.Next(3) == 0 ? Mutate(ApiInputPlatform.Flag, random) : ApiInputPlatform.Flag;
                var body = Body(random, """{"enabled":true}""", """{"enabled":false}""", """{"Enabled":true}""");
                return new("PUT", $"api/v1/flags/{Uri.EscapeDataString(name)}", body, media, Mutating: true, AcceptedIf: (was, now) =>
                    name == ApiInputPlatform.Flag && ValidFlagBody(body) is { } enabled && now with { Flags = was.Flags, Audit = was.Audit } == was &&
                    now.Audit.Contains("flag.set", StringComparison.Ordinal) && FlagValue(now.Flags) == enabled);
            }

            case 6:
            {
                var receiver = random.Next(3) == 0 ? Mutate(ApiInputPlatform.Receiver, random) : ApiInputPlatform.Receiver;
                var body = Body(random, """{"status":"firing","alerts":[{"labels":{"alertname":"x"}}]}""", """{"status":"resolved"}""", "[]");
                return new("POST", $"api/v1/notifications/file/{Uri.EscapeDataString(receiver)}", body, media, Mutating: true, AcceptedIf: (was, now) =>
                    receiver == ApiInputPlatform.Receiver && IsJson(body) && now == was with { JournalLines = was.JournalLines + 1 });
            }

            case 7:
                return new("POST", "api/v1/logs/query", Body(random, """{"query":"fields @message | limit 5","since":"5m"}""", """{"query":"stats count() by bin(1m)","since":"1h","until":"0m"}"""), media, Mutating: false);
            default:
            {
                var path = random.Next(6) switch
                {
                    0 => "api/v1/releases",
                    1 => "api/v1/audit",
                    2 => "api/v1/logs",
                    3 => "api/v1/alarms/history",
                    4 => "api/v1/metrics/golden",
                    _ => $"api/v1/releases/{Uri.EscapeDataString(Mutate("r-1", random))}",
                };
                return new("GET", path + Query(random), null, media, Mutating: false);
            }
        }
    }

    private static string? MaybeBody(Random random) => random.Next(3) == 0 ? Body(random, "{}", """{"version":"v9"}""", "null") : null;

    /// <summary>A seed mutated, random token soup, random characters, or a body over the 64 KiB limit.</summary>
    private static string Body(Random random, params string[] seeds)
    {
        var roll = random.Next(20);
        if (roll == 0)
        {
            return "{\"version\":\"" + new string('x', random.Next(60_000, 80_000)) + "\"}";
        }

        if (roll <= 2)
        {
            var soup = new StringBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                soup.Append(Tokens[random.Next(Tokens.Length)]);
            }

            return soup.ToString();
        }

        if (roll == 3)
        {
            return new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)random.Next(1, 0x3000)).ToArray());
        }

        return Mutate(seeds[random.Next(seeds.Length)], random);
    }

    private static string Mutate(string original, Random random)
    {
        var text = new StringBuilder(original);
        for (var m = random.Next(1, 4); m > 0; m--)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0 when at < text.Length:
                    text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
                    break;
                case 1:
                    text.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 2 when at < text.Length:
                    text[at] = (char)random.Next(1, 0x250);
                    break;
                case 3:
                    text.Insert(at, original[..random.Next(original.Length + 1)]);
                    break;
                case 4:
                    text.Length = at;
                    break;
                default:
                    text.Insert(at, ",\"extra" + random.Next(100) + "\":" + Tokens[random.Next(Tokens.Length)]);
                    break;
            }
        }

        return text.ToString();
    }

    private static string Query(Random random)
    {
        if (random.Next(3) == 0)
        {
            return string.Empty;
        }

        string[] names = ["limit", "release", "version", "range", "level", "text", "since", "after", "instance", "LIMIT", "limit[]", ""];
        string[] values = ["-1", "0", "1", "abc", "99999999999", "1e3", "", "v1", "v9", "v1\"} or vector(1)", "5m", "forever", "-5m", "Error", "true", "%00", "%ZZ", new('9', 400)];
        var query = new StringBuilder("?");
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var value = random.Next(4) == 0 ? Mutate(values[random.Next(values.Length)], random) : values[random.Next(values.Length)];
            query.Append(names[random.Next(names.Length)]).Append('=').Append(value.StartsWith('%') ? value : Uri.EscapeDataString(value)).Append('&');
        }

        return query.ToString();
    }

    /// <summary>The flag value a PUT body sets as System.Text.Json's web defaults read it, or null if it is not exactly <c>{"enabled": bool}</c>.</summary>
    private static bool? ValidFlagBody(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            bool? enabled = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!property.Name.Equals("enabled", StringComparison.OrdinalIgnoreCase) || property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return null;
                }

                enabled = property.Value.GetBoolean();
            }

            return enabled;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string RequestedAudit(string audit) =>
        string.Join('\n', JsonDocument.Parse(audit).RootElement.EnumerateArray().Where(e => e.GetProperty("actor").GetString() == "test").Select(e => e.GetRawText()));

    private static bool FlagValue(string flags) =>
        JsonDocument.Parse(flags).RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == ApiInputPlatform.Flag).GetProperty("enabled").GetBoolean();

    private static bool IsJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record Fingerprint(string Releases, string Audit, string Flags, int JournalLines);

    private sealed record Fuzzed(string Method, string Path, string? Body, string MediaType, bool Mutating, Func<Fingerprint, Fingerprint, bool>? AcceptedIf = null)
    {
        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path);
            if (Body is not null)
            {
                request.Content = new StringContent(Body, Encoding.UTF8);
                request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(MediaType);
            }

            return request;
        }

        public override string ToString() => $"{Method} {Cut(Path)} [{MediaType}] {(Body is null ? "(no body)" : Cut(Body))}";
    }
}

namespace Cutover.Cli;

/// <summary>Reads a control plane URL given by <c>--url</c> or <c>CUTOVER_URL</c>, with a message saying what to write.</summary>
internal static class ControlPlaneUrl
{
    public const string Example = "http://127.0.0.1:7400/";

    public static bool TryParse(string text, out Uri? url, out string problem)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            url = parsed;
            problem = string.Empty;
            return true;
        }

        url = null;
        problem = $"not an http or https URL; write the control plane's address, such as {Example}";
        return false;
    }
}

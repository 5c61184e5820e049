namespace Cutover.Aws;

/// <summary>Settings the jsii runtime (the Node process behind the CDK) reads from the environment when it starts.</summary>
public static class JsiiEnvironment
{
    /// <summary>
    /// Silences the Node version banners; call before the first CDK call. Node 20 is what this machine has; jsii 1.103
    /// prints an end-of-life banner for it (silenced by the END_OF_LIFE variable, which takes major versions) and older
    /// runtimes a deprecation one (the DEPRECATED variable). The banner would bury synthesis errors on stderr.
    /// </summary>
    public static void Silence()
    {
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "18,20");
        Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1");
    }
}

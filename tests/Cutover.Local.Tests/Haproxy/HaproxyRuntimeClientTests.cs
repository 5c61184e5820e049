using Cutover.Local.Haproxy;

namespace Cutover.Local.Tests.Haproxy;

public sealed class HaproxyRuntimeClientTests
{
    [Theory]
    [InlineData("set server production/s0 weight 10", "\n", true)]
    [InlineData("set server production/s0 weight 10", "No such server.\n\n", false)]
    [InlineData("set server production/s0 weight 300", "Absolute weight can only be between 0 and 256 inclusive.\n\n", false)]
    [InlineData("set server production/s0 state ready", "\n", true)]
    [InlineData("set server nope/s0 state ready", "No such backend.\n\n", false)]
    [InlineData("set server production/s0 addr 127.0.0.1 port 18100", "no need to change the addr, port changed from '1' to '18100' by 'stats socket command'\n\n", true)]
    [InlineData("set server production/s0 addr 127.0.0.2 port 18100", "IP changed from '127.0.0.1' to '127.0.0.2', no need to change the port by 'stats socket command'\n\n", true)]
    [InlineData("set server production/s0 addr 127.0.0.1 port x", "no need to change the addr, problem converting port 'x' to an int by 'stats socket command'\n\n", false)]
    [InlineData("set server production/s0 addr localhost port 1", "Invalid addr 'localhost' by 'stats socket command'\n\n", false)]
    [InlineData("show stat -1 4 -1", "# pxname,svname\n", true)]
    [InlineData("show servers state nope", "Can't find backend.\n\n", false)]
    [InlineData("bogus", "Unknown command, but maybe one of the following ones is a better match:\n", false)]
    public void IsSuccessReply_Reply_MatchesWhatHaproxyMeant(string command, string reply, bool success)
    {
        HaproxyRuntimeClient.IsSuccessReply(command, reply).ShouldBe(success);
    }

    [Fact]
    public async Task ExecuteAsync_UnknownServer_ThrowsWithCommandAndReply()
    {
        await using var haproxy = await HaproxyHarness.StartAsync();
        var client = new HaproxyRuntimeClient(haproxy.Options.SocketPath, TimeSpan.FromSeconds(5), TimeProvider.System);

        var error = await Should.ThrowAsync<HaproxyCommandException>(() => client.ExecuteAsync("set server production/s99 weight 10", CancellationToken.None));

        error.Command.ShouldBe("set server production/s99 weight 10");
        error.Reply.ShouldBe("No such server.");
        error.Message.ShouldContain("set server production/s99 weight 10");
        error.Message.ShouldContain("No such server.");
    }

    [Fact]
    public async Task SendAsync_NoHaproxyOnSocket_ThrowsNamingSocket()
    {
        var socket = Path.Combine(Path.GetTempPath(), "cutover-hx-" + Guid.NewGuid().ToString("N")[..10] + ".sock");
        var client = new HaproxyRuntimeClient(socket, TimeSpan.FromSeconds(1), TimeProvider.System);

        var error = await Should.ThrowAsync<HaproxyCommandException>(() => client.SendAsync("show info", CancellationToken.None));

        error.Message.ShouldContain(socket);
    }

    [Fact]
    public async Task SendAsync_CommandWithSemicolon_Throws()
    {
        var client = new HaproxyRuntimeClient("/nonexistent.sock", TimeSpan.FromSeconds(1), TimeProvider.System);

        await Should.ThrowAsync<ArgumentException>(() => client.SendAsync("show info; shutdown sessions", CancellationToken.None));
    }
}

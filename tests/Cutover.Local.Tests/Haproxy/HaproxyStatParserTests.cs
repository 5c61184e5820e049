using Cutover.Local.Haproxy;

namespace Cutover.Local.Tests.Haproxy;

public sealed class HaproxyStatParserTests
{
    private const string Header =
        "# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown," +
        "lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,hrsp_1xx," +
        "hrsp_2xx,hrsp_3xx,hrsp_4xx,hrsp_5xx,hrsp_other,hanafail,req_rate,req_rate_max,req_tot,cli_abrt,srv_abrt,comp_in,comp_out,comp_byp," +
        "comp_rsp,lastsess,last_chk,last_agt,qtime,ctime,rtime,ttime,agent_status,agent_code,agent_duration,check_desc,agent_desc,check_rise," +
        "check_fall,check_health,agent_rise,agent_fall,agent_health,addr,cookie,mode,algo,";

    [Fact]
    public void ParseServers_ShowStatCsv_ReadsServerRowsOnly()
    {
        var csv = Header + "\n" +
            Row(("pxname", "production"), ("svname", "FRONTEND"), ("status", "OPEN"), ("mode", "http")) +
            Row(("pxname", "production"), ("svname", "s0"), ("scur", "3"), ("status", "UP"), ("weight", "37"), ("check_status", "L7OK"),
                ("check_code", "200"), ("addr", "127.0.0.1:18100")) +
            Row(("pxname", "production"), ("svname", "s1"), ("status", "DOWN 1/2"), ("weight", "0"), ("check_status", "L4CON"),
                ("last_chk", "\"Connection refused, twice\""), ("addr", "127.0.0.1:1")) +
            Row(("pxname", "production"), ("svname", "BACKEND"), ("status", "UP"), ("weight", "37")) +
            "\n";

        var servers = HaproxyStatParser.ParseServers(csv);

        servers.ShouldNotBeNull();
        servers.Count.ShouldBe(2);
        servers[0].ShouldBe(new HaproxyServerStat("production", "s0", "UP", 37, 3, "L7OK", "200", string.Empty, "127.0.0.1:18100"));
        servers[0].IsUp.ShouldBeTrue();
        servers[1].Status.ShouldBe("DOWN 1/2");
        servers[1].IsUp.ShouldBeFalse();
        servers[1].CheckDescription.ShouldBe("Connection refused, twice");
        servers[1].HasPlaceholderAddress.ShouldBeTrue();
    }

    [Theory]
    [InlineData("UP", true)]
    [InlineData("UP 1/2", true)]
    [InlineData("DOWN", false)]
    [InlineData("DOWN 1/2", false)]
    [InlineData("MAINT", false)]
    [InlineData("DRAIN", false)]
    [InlineData("NOLB", false)]
    public void IsUp_Status_TrueOnlyWhileInRotation(string status, bool up)
    {
        new HaproxyServerStat("production", "s0", status, 1, 0, string.Empty, string.Empty, string.Empty, "127.0.0.1:1").IsUp.ShouldBe(up);
    }

    [Fact]
    public void ParseServers_ErrorReply_ReturnsNull()
    {
        HaproxyStatParser.ParseServers("Unknown command.\n\n").ShouldBeNull();
    }

    private static string Row(params (string Column, string Value)[] values)
    {
        var columns = Header[2..].Split(',');
        return string.Join(',', columns.Select(column => values.FirstOrDefault(value => value.Column == column).Value ?? string.Empty)) + "\n";
    }
}

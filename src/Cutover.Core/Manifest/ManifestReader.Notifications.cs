using Cutover.Core.Notifications;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cutover.Core.Manifest;

/// <summary>Reads <c>notifications</c>: receivers and the routes from severities and release events to them.</summary>
internal sealed partial class ManifestReader
{
    private const string ReceiversExample = "[{ name: oncall, webhook: { url: http://127.0.0.1:9000/hook } }]";

    private static readonly string[] NotificationsFields = ["groupWait", "groupInterval", "repeatInterval", "receivers", "routes"];

    private static readonly string[] ReceiverFields = ["name", "webhook", "slack", "email", "file"];

    private static readonly Dictionary<string, (ReceiverKind Kind, string[] Fields)> ReceiverKinds = new(StringComparer.Ordinal)
    {
        ["webhook"] = (ReceiverKind.Webhook, ["url", "urlFromEnv"]),
        ["slack"] = (ReceiverKind.Slack, ["url", "urlFromEnv", "channel"]),
        ["email"] = (ReceiverKind.Email, ["to", "from", "smarthost", "username", "passwordFromEnv"]),
        ["file"] = (ReceiverKind.File, ["path"]),
    };

    private NotificationsSpec ReadNotifications(YamlField field)
    {
        var map = OpenMap(field, NotificationsFields);
        var defaults = new NotificationsSpec();
        var receivers = map.Get("receivers") is { } receiversField ? ReadReceivers(receiversField) : [];
        return new NotificationsSpec
        {
            GroupWait = Duration(map, "groupWait", allowZero: true) ?? defaults.GroupWait,
            GroupInterval = Duration(map, "groupInterval", allowZero: false) ?? defaults.GroupInterval,
            RepeatInterval = Duration(map, "repeatInterval", allowZero: false) ?? defaults.RepeatInterval,
            Receivers = receivers,
            Routes = map.Get("routes") is { } routesField ? ReadRoutes(routesField, receivers) : defaults.Routes,
        };
    }

    private List<ReceiverSpec> ReadReceivers(YamlField field)
    {
        var receivers = new List<ReceiverSpec>();
        if (Sequence(field, ReceiversExample) is not { } sequence)
        {
            return receivers;
        }

        var firstUse = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var map = OpenMap(item, FieldPath.Item(field.Path, i), item.Start, ReceiverFields);
            var nameField = Required(map, "name", "add a name that routes refer to, such as name: oncall");
            var name = nameField is null ? null : Text(nameField, "oncall");
            if (nameField is not null && name is not null && !firstUse.TryAdd(name, nameField.Value.Start))
            {
                Report(nameField.Value.Start, nameField.Path, $"receiver name \"{name}\" is used twice (first on line {firstUse[name].Line})", "give each receiver its own name");
            }

            var kinds = map.Fields.Where(f => ReceiverKinds.ContainsKey(f.Name)).ToList();
            if (kinds.Count != 1)
            {
                Report(
                    map.ReportAt,
                    map.Path,
                    kinds.Count == 0 ? "the receiver says nowhere to send" : $"the receiver has {kinds.Count} kinds ({string.Join(", ", kinds.Select(k => k.Name))})",
                    "give it exactly one of webhook, slack, email or file");
                continue;
            }

            if (name is not null)
            {
                var receiver = ReadReceiver(name, kinds[0]);
                if (receiver is not null)
                {
                    receivers.Add(receiver);
                }
            }
        }

        return receivers;
    }

    private ReceiverSpec? ReadReceiver(string name, YamlField kindField)
    {
        var (kind, fields) = ReceiverKinds[kindField.Name];
        var map = OpenMap(kindField, fields);
        var receiver = new ReceiverSpec
        {
            Name = name,
            Kind = kind,
            Url = Text(map, "url", "http://127.0.0.1:9000/hook"),
            UrlFromEnv = Text(map, "urlFromEnv", "SLACK_WEBHOOK_URL"),
            Channel = Text(map, "channel", "#releases"),
            To = Text(map, "to", "ops@example.com"),
            From = Text(map, "from", "cutover@example.com"),
            Smarthost = Text(map, "smarthost", "127.0.0.1:25"),
            Username = Text(map, "username", "cutover"),
            PasswordFromEnv = Text(map, "passwordFromEnv", "SMTP_PASSWORD"),
            Path = Text(map, "path", ".cutover/notifications.log"),
        };

        var missing = kind switch
        {
            ReceiverKind.Webhook or ReceiverKind.Slack when receiver.Url is null && receiver.UrlFromEnv is null => ("url", "add url: (or urlFromEnv: NAME when the URL holds a token)"),
            ReceiverKind.Email when receiver.To is null || receiver.From is null || receiver.Smarthost is null => ("to", "add to, from and smarthost (host:port)"),
            ReceiverKind.File when receiver.Path is null => ("path", "add path: such as .cutover/notifications.log"),
            _ => default((string, string)?),
        };
        if (missing is { } problem)
        {
            Report(map.ReportAt, map.Path, $"the {kindField.Name} receiver lacks {problem.Item1}", problem.Item2);
            return null;
        }

        if (receiver.Url is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            Report(map.Get("url")!.Value.Start, FieldPath.Child(map.Path, "url"), $"\"{url}\" is not an absolute URL", "write it like http://127.0.0.1:9000/hook");
        }

        return receiver;
    }

    private Dictionary<string, IReadOnlyList<string>> ReadRoutes(YamlField field, List<ReceiverSpec> receivers)
    {
        var routes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var map = OpenMap(field, NotificationsSpec.RouteNames);
        foreach (var route in map.Fields)
        {
            var names = TextList(route, "[oncall, team-chat]") ?? [];
            foreach (var name in names.Where(n => receivers.All(r => r.Name != n)))
            {
                Report(
                    route.Value.Start,
                    route.Path,
                    $"route {route.Name} names receiver \"{name}\", which is not declared",
                    receivers.Count == 0 ? "declare it under notifications.receivers" : $"use one of {string.Join(", ", receivers.Select(r => r.Name))}");
            }

            routes[route.Name] = names;
        }

        return routes;
    }
}

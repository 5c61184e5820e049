using System.Net;
using System.Text;
using Cutover.Testing;

namespace Cutover.SampleService.Tests.FeatureFlags;

/// <summary>A real HTTP listener on 127.0.0.1 that answers every GET with <see cref="Body"/> and <see cref="Status"/>, like the AppConfig agent.</summary>
internal sealed class FlagsHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _requests;

    public FlagsHttpServer(string body)
    {
        Body = body;
        var port = FreePorts.Next();
        Url = new Uri($"http://127.0.0.1:{port}/applications/sample/environments/prod/configurations/flags");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public string Body { get; set; }

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public int Requests => Volatile.Read(ref _requests);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            var bytes = Encoding.UTF8.GetBytes(Body);
            context.Response.StatusCode = (int)Status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

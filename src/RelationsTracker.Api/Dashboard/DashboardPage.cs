using Microsoft.Extensions.FileProviders;

namespace RelationsTracker.Api.Dashboard;

/// <summary>
/// The dashboard at <c>/</c>: three static files (index.html, app.js, app.css), no build step, that read the
/// same public routes any client reads. They are copied next to the service's assembly, so they are found
/// whatever the working directory (a test process, the Docker image).
/// </summary>
public static class DashboardPage
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Dashboard", "wwwroot");

    // The page loads only its own files and talks only to this service; nothing inline, nothing framed.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void UseDashboard(this WebApplication app)
    {
        var files = new PhysicalFileProvider(Root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Small files: always revalidate, so a new version of the service shows its own page at once.
                headers.CacheControl = "no-cache";
            },
        });
    }
}

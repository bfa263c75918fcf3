namespace RelationsTracker.Api.Security;

public static class ApiKeyMiddleware
{
    /// <summary>Refuses, before any endpoint runs, a guarded request without a valid key: 401, nothing changed.</summary>
    public static void UseApiKeys(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<ApiKeys>();
        app.Use(async (context, next) =>
        {
            if (keys.Guards(context.Request) && !keys.IsValid(context.Request.Headers[ApiKeys.Header].FirstOrDefault()))
            {
                context.Response.Headers.WWWAuthenticate = $"{ApiKeys.Header}";
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Unauthorized",
                    detail: $"This request needs the header {ApiKeys.Header} with a valid key.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
    }
}
